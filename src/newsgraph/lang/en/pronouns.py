"""English subject pronouns and their gender/number (data for ``newsgraph.extract.coref``)."""

SUBJECT_PRONOUNS = {"he": "masc", "she": "femn"}
CLAUSE_OPENERS = frozenset({"and", "but", "also", "however", "then", "later", "earlier", "so"})
RELATIVE_PRONOUNS = frozenset({"who", "which"})
