"""Ukrainian knowledge for finding values (money, dates, quantities, percentages).

Plain data read by ``newsgraph.analysis.values``. Words listed under ``INFLECT``
are base forms: every case form is generated from pymorphy3's dictionary, so
"п'ять" also finds "п'яти", "п'ятьма", "п'ятьох".
"""

#: expand base forms below through the pymorphy3 dictionary of this language.
INFLECT = True
#: the decimal separator of this language ("1,5 млрд").
DECIMAL = ","

#: cardinal number words (base forms) and their values.
NUMBER_WORDS = {
    "нуль": 0, "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6,
    "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11,
    "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15,
    "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19,
    "двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60,
    "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200,
    "триста": 300, "чотириста": 400, "п'ятсот": 500, "шістсот": 600, "сімсот": 700,
    "вісімсот": 800, "дев'ятсот": 900, "півтора": 1.5, "півтори": 1.5,
}
#: number-word forms the dictionary misses or does not tie to the base form.
NUMBER_FORMS = {
    "дві": 2, "двох": 2, "двом": 2, "двома": 2, "одна": 1, "одне": 1, "одну": 1,
    "трьох": 3, "трьом": 3, "трьома": 3, "чотирьох": 4, "чотирьом": 4, "чотирма": 4,
    "ста": 100, "стам": 100, "стами": 100, "стах": 100, "півтори": 1.5, "півтора": 1.5,
}
#: words joining the parts of a spelled-out number ("сто і п'ять"): none in Ukrainian.
NUMBER_JOINERS = ()

#: multiplier words (base forms).
MULTIPLIERS = {"тисяча": 1e3, "мільйон": 1e6, "мільярд": 1e9, "трильйон": 1e12}
#: multiplier abbreviations, literally (with their conventional dot).
MULTIPLIER_ABBREVIATIONS = {
    "тис.": 1e3, "тис": 1e3, "тыс.": 1e3, "млн": 1e6, "млн.": 1e6, "млрд": 1e9,
    "млрд.": 1e9, "трлн": 1e12, "трлн.": 1e12,
}

#: currency nouns (base forms) -> ISO 4217.
CURRENCY_WORDS = {
    "американський долар": "USD", "канадський долар": "CAD", "австралійський долар": "AUD",
    "гонконгський долар": "HKD", "швейцарський франк": "CHF", "російський рубль": "RUB",
    "білоруський рубль": "BYN", "британський фунт": "GBP", "японська єна": "JPY",
    "китайський юань": "CNY", "польський злотий": "PLN",
    "гривня": "UAH", "долар": "USD", "євро": "EUR", "рубль": "RUB", "фунт": "GBP",
    "юань": "CNY", "єна": "JPY", "франк": "CHF", "злотий": "PLN",
}
#: currency abbreviations, literally.
CURRENCY_ABBREVIATIONS = {
    "грн": "UAH", "дол.": "USD", "долл.": "USD", "руб.": "RUB",
    "руб": "RUB", "€": "EUR", "$": "USD", "₴": "UAH", "₽": "RUB",
}
#: words that may follow a currency name and belong to it ("доларів США").
CURRENCY_TAILS = ("США", "стерлінгів")

#: percent nouns (base forms).
PERCENT_WORDS = ("відсоток", "процент")

#: words after a year number ("2024 року", "у 2018 р.", "2014-2022 роки").
YEAR_WORDS = ("року", "році", "рік", "роки", "років", "роках", "р.", "рр.")
#: words before a bare month name that make it a date ("у жовтні").
MONTH_PREPOSITIONS = ("у", "в", "з", "із", "до", "від", "наприкінці", "на початку",
                      "в середині", "у середині", "протягом")
#: extra month forms (abbreviations) beyond ``cleaning.MONTHS``.
MONTHS_EXTRA = {}
#: month names must be capitalised to count (English "May", "March").
MONTHS_CAPITALISED = False
#: also read "жовтня 17" (month before day).
MONTH_FIRST = False
#: what may follow a day number ("17-го жовтня").
DAY_SUFFIX = r"(?:-?(?:го|е|ого))?"
#: order of day and month in slashed numeric dates.
#: words joining the two ends of a date range ("з 12 по 14 березня").
DATE_RANGE_JOINERS = ("по", "до")
SLASH_ORDER = "dmy"

#: weekday names (base forms), Monday = 0.
WEEKDAYS = {"понеділок": 0, "вівторок": 1, "середа": 2, "четвер": 3, "п'ятниця": 4,
            "субота": 5, "неділя": 6}

#: phrases after a day and month that fix its year relative to publication.
YEAR_QUALIFIERS = {
    "поточного року": 0, "цього року": 0, "нинішнього року": 0, "цьогоріч": 0,
    "минулого року": -1, "торік": -1, "наступного року": 1,
}
#: words for a day relative to publication.
RELATIVE_DAYS = {
    "сьогодні": 0, "вчора": -1, "учора": -1, "позавчора": -2, "завтра": 1,
    "післязавтра": 2,
}
#: phrases for a week, month or year relative to publication.
RELATIVE_PERIODS = {
    "минулого тижня": ("week", -1), "на минулому тижні": ("week", -1),
    "цього тижня": ("week", 0), "на цьому тижні": ("week", 0),
    "наступного тижня": ("week", 1), "на наступному тижні": ("week", 1),
    "минулого місяця": ("month", -1), "цього місяця": ("month", 0),
    "наступного місяця": ("month", 1),
    "минулого року": ("year", -1), "торік": ("year", -1), "цього року": ("year", 0),
    "поточного року": ("year", 0), "цьогоріч": ("year", 0), "наступного року": ("year", 1),
}

#: words before a number that make it no quantity ("о 10 годині", "№ 5").
QUANTITY_STOP_BEFORE = ("о", "об", "№", "номер")
#: nouns (base forms) that are not counted units after a number.
NOT_UNITS = ("раз", "рок", "число", "номер", "місце", "частина", "пункт", "стаття")
#: measure abbreviations after a number -> the unit's base form.
UNIT_ABBREVIATIONS = {
    "км": "кілометр", "кг": "кілограм", "т": "тонна", "га": "гектар", "м": "метр",
    "л": "літр", "мм": "міліметр", "см": "сантиметр", "кв. км": "квадратний кілометр",
    "кв. м": "квадратний метр", "кв.м": "квадратний метр", "кв м": "квадратний метр",
    "м2": "квадратний метр", "м²": "квадратний метр", "м3": "кубічний метр",
    "м³": "кубічний метр", "куб. м": "кубічний метр", "хв": "хвилина", "хв.": "хвилина",
    "МВт": "мегават", "ГВт": "гігават", "кВт": "кіловат",
}
#: English-only knobs, unused where the dictionary knows nouns.
QUANTITY_STOP_WORDS = ()
SINGULAR_RULES = ()
IRREGULAR_SINGULARS = {}
