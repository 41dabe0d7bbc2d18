"""How Ukrainian names decline, where the dictionary cannot tell.

Foreign surnames with these endings never decline ("Попеску", "Саакашвілі",
"Шеварднадзе"), though a dictionary guesses a case form of a shorter stem.
Ukrainian -енко surnames do decline in Ukrainian ("Петра Порошенка").
"""

INDECLINABLE_SURNAME_ENDINGS = ("еску", "ску", "швілі", "дзе", "іані", "ян", "оглу", "их")

#: a woman's surname ending in any other letter does not decline ("Ганною
#: Ліндквіст", "Урсули фон дер Ляєн").
VOWELS = "аеєиіїоуюя"

#: the first part of a compound place name ending so does not decline
#: ("Івано-Франківська" → "Івано-Франківськ", "Нови-Саду" → "Нови-Сад").
LINKING_ENDINGS = ("о", "е", "и", "і")

#: abbreviated head nouns: their gender, which the adjectives before them take
#: in the base form, and their own base form ("Донецької обл." → "Донецька обл.").
ABBREVIATED_HEADS = {"обл": ("femn", "обл"), "р-н": ("masc", "р-н"), "р-ну": ("masc", "р-н"), "р-ні": ("masc", "р-н")}

#: a first name the dictionary does not know, ending in one of these, is a
#: foreign name in the nominative ("Яманду Орси", "Александру Мунтяну"),
#: not the accusative of a guessed "Яманда".
INDECLINABLE_FIRST_NAME_ENDINGS = ("у", "ю")

#: endings of the dictionary form of possessive adjectives made from names
#: ("Ірмина мама", "Шекспірових сонетах": ірмин, шекспірів), which name their
#: person (NER-UK marks them PER), unlike other adjectives alone.
POSSESSIVE_ENDINGS = ("ин", "ін", "їн", "ів", "їв")

#: a passive participle's dictionary form and its impersonal form ("укладений" →
#: "укладено", "вбитий" → "вбито"), which the dictionary leads back to the verb.
PARTICIPLE_IMPERSONAL = (("ний", "но"), ("тий", "то"))

#: reflexive verbs end so ("повернувся"); they take no direct object.
REFLEXIVE_ENDINGS = ("ся", "сь")
