"""Ukrainian subject pronouns and their gender/number (data for ``newsgraph.extract.coref``)."""

SUBJECT_PRONOUNS = {"він": "masc", "вона": "femn"}
#: words that may open a clause before its subject pronoun ("А він додав", "Також вона …").
CLAUSE_OPENERS = frozenset({"а", "і", "й", "та", "але", "також", "водночас", "зокрема", "проте",
                            "однак", "тоді", "потім", "згодом", "раніше", "так", "нині", "зараз",
                            "тепер", "ще", "крім", "того", "при", "цьому", "втім"})
RELATIVE_PRONOUNS = frozenset({"який", "яка", "яке", "які", "хто"})
#: possessives resolved where they name a source ("за його словами").
POSSESSIVE_PRONOUNS = {"його": "masc", "її": "femn"}
