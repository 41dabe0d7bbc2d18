"""Russian in Latin letters: a BGN-like scheme, the usual English spelling ("Sergey Lavrov")."""

TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "",
    # Ukrainian letters in a Russian text
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
INITIAL = {"е": "ye"}
#: Cyrillic of no known language, without Ukrainian letters, is read as Russian.
FALLBACK = True
