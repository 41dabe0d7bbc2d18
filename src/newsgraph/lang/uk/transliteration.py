"""Ukrainian in Latin letters: Ukraine's national transliteration (2010),
which gives a readable English spelling ("Kyrylo Budanov")."""

TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "",
    # Russian letters in a Ukrainian text (quoted names)
    "ы": "y", "э": "e", "ё": "io", "ъ": "",
}
#: word-initial forms of the national transliteration
INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
#: "зг" is "zgh" (Згурський → Zghurskyi)
AFTER = {"зг": "gh"}
