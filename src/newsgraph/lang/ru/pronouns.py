"""Russian subject pronouns and their gender/number (data for ``newsgraph.extract.coref``)."""

SUBJECT_PRONOUNS = {"он": "masc", "она": "femn"}
CLAUSE_OPENERS = frozenset({"а", "и", "но", "также", "тоже", "при", "этом", "кроме", "того",
                            "однако", "затем", "потом", "ранее", "так", "сейчас", "теперь", "ещё",
                            "еще", "впрочем"})
RELATIVE_PRONOUNS = frozenset({"который", "которая", "которое", "которые", "кто"})
#: possessives resolved where they name a source ("за його словами").
POSSESSIVE_PRONOUNS = {"его": "masc", "её": "femn", "ее": "femn"}
