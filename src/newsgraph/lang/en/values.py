"""English knowledge for finding values (money, dates, quantities, percentages).

Plain data read by ``newsgraph.analysis.values``. English has no dictionary
behind it here, so every form is listed.
"""

INFLECT = False
DECIMAL = "."

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = {
    **{w: i for i, w in enumerate(_UNITS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
    **{f"{t}-{u}": 20 + 10 * i + j for i, t in enumerate(_TENS)
       for j, u in enumerate(_UNITS[1:10], start=1)},
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12,
}
NUMBER_FORMS = {}
#: words joining the parts of a spelled-out number ("one hundred and five").
NUMBER_JOINERS = ("and",)

MULTIPLIERS = {
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
    "billion": 1e9, "billions": 1e9, "trillion": 1e12, "trillions": 1e12,
}
MULTIPLIER_ABBREVIATIONS = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}

CURRENCY_WORDS = {
    "us dollar": "USD", "us dollars": "USD", "canadian dollar": "CAD",
    "canadian dollars": "CAD", "australian dollar": "AUD", "australian dollars": "AUD",
    "hong kong dollars": "HKD", "british pounds": "GBP",
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
    "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "hryvnya": "UAH",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "yuan": "CNY",
    "yen": "JPY", "swiss franc": "CHF", "swiss francs": "CHF", "zloty": "PLN",
}
CURRENCY_ABBREVIATIONS = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB", "¥": "JPY",
    "UAH": "UAH", "USD": "USD", "EUR": "EUR", "RUB": "RUB", "GBP": "GBP",
}
CURRENCY_TAILS = ()

PERCENT_WORDS = ("percent", "per cent", "pct", "percentage points")

YEAR_WORDS = ()
#: English years stand alone; these words before a four-digit number make it a year.
YEAR_PREPOSITIONS = ("in", "since", "by", "until", "from")
MONTH_PREPOSITIONS = ("in", "since", "by", "until", "early", "late", "during")
MONTHS_EXTRA = {"sept": 9}
MONTHS_CAPITALISED = True
MONTH_FIRST = True
DAY_SUFFIX = r"(?:st|nd|rd|th)?"
#: words joining the two ends of a date range ("з 12 по 14 березня").
DATE_RANGE_JOINERS = ("to", "until", "through")
SLASH_ORDER = "mdy"

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

YEAR_QUALIFIERS = {"this year": 0, "last year": -1, "next year": 1}
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_PERIODS = {
    "last week": ("week", -1), "this week": ("week", 0), "next week": ("week", 1),
    "last month": ("month", -1), "this month": ("month", 0), "next month": ("month", 1),
    "last year": ("year", -1), "this year": ("year", 0), "next year": ("year", 1),
}

QUANTITY_STOP_BEFORE = ("no.", "number", "at")
NOT_UNITS = ("time", "times", "o'clock", "am", "pm", "a.m.", "p.m.", "percent")
UNIT_ABBREVIATIONS = {
    "km": "kilometre", "kg": "kilogram", "t": "tonne", "ha": "hectare", "mm": "millimetre",
    "cm": "centimetre", "mw": "megawatt", "gw": "gigawatt", "kw": "kilowatt",
    "sq km": "square kilometre", "miles": "mile",
}
#: words after a number that are not a counted noun.
QUANTITY_STOP_WORDS = (
    "of", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "per", "than",
    "the", "a", "an", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "will", "would", "could", "should", "may", "might", "can", "did", "do", "does", "more",
    "less", "most", "least", "about", "over", "under", "after", "before", "into", "out",
    "up", "down", "that", "this", "these", "those", "which", "who", "when", "where", "it",
    "its", "their", "his", "her", "our", "we", "they", "he", "she", "said", "says", "say",
    "but", "not", "so", "if", "then", "also", "other", "such", "all", "each", "every",
    "while", "since", "until", "including", "among", "between", "against", "through",
)
#: suffix rewrites that turn a plural noun into its singular, tried in order.
SINGULAR_RULES = (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                  ("xes", "x"), ("ss", "ss"), ("us", "us"), ("s", ""))
IRREGULAR_SINGULARS = {"people": "person", "men": "man", "women": "woman",
                       "children": "child", "feet": "foot", "police": "police",
                       "personnel": "personnel", "aircraft": "aircraft", "staff": "staff"}
