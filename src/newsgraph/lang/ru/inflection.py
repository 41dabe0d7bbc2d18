"""How Russian names decline, where the dictionary cannot tell.

Foreign and Ukrainian surnames with these endings never decline in Russian
("Попеску", "Саакашвили", "Тимошенко", "Черных").
"""

INDECLINABLE_SURNAME_ENDINGS = ("еску", "ску", "швили", "дзе", "иани", "оглу", "ко", "их", "ых")

#: a woman's surname ending in any other letter does not decline ("Анной
#: Линдквист", "Урсулы фон дер Ляйен").
VOWELS = "аеёиоуыэюя"

#: the first part of a compound place name ending so does not decline
#: ("Нови-Саде" → "Нови-Сад", "Сан-Паулу").
LINKING_ENDINGS = ("о", "е", "и")

#: abbreviated head nouns: their gender, which the adjectives before them take
#: in the base form, and their own base form ("Донецкой обл." → "Донецкая обл.").
ABBREVIATED_HEADS = {"обл": ("femn", "обл"), "р-н": ("masc", "р-н"), "р-на": ("masc", "р-н"), "р-не": ("masc", "р-н")}

#: a first name the dictionary does not know, ending in one of these, is a
#: foreign name in the nominative ("Яманду Орси", "Александру Мунтяну"),
#: not the accusative of a guessed "Яманда".
INDECLINABLE_FIRST_NAME_ENDINGS = ("у", "ю")

#: reflexive verbs end so ("вернулся"); they take no direct object.
REFLEXIVE_ENDINGS = ("ся", "сь")
