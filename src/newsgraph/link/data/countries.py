"""Country names beyond CLDR: short forms, official names, acronyms, old names.

CLDR (through Babel) gives one display name per language and territory code;
news also writes "ФРН", "Штати", "Республіка Корея". Keys are ISO 3166-1
alpha-2 codes; every alias here resolves to that country. Names are matched
case-insensitively on the mention's base form, with ’/' and ё/е normalised.
"""
from __future__ import annotations

#: territory codes of CLDR that are not countries (or duplicate others).
NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"})

#: code -> language -> extra names (the CLDR name is always included).
ALIASES: dict[str, dict[str, list[str]]] = {
    "DE": {"uk": ["ФРН", "Федеративна Республіка Німеччина"],
           "ru": ["ФРГ", "Федеративная Республика Германия"],
           "en": ["Federal Republic of Germany", "FRG"]},
    "US": {"uk": ["США", "Штати", "Сполучені Штати Америки", "Америка", "Сполучені Штати"],
           "ru": ["США", "Штаты", "Соединённые Штаты Америки", "Соединенные Штаты", "Америка"],
           "en": ["US", "USA", "U.S.", "U.S.A.", "United States of America", "America", "the United States"]},
    "GB": {"uk": ["Британія", "Велика Британія", "Великобританія", "Сполучене Королівство", "Об'єднане Королівство", "Англія"],
           "ru": ["Британия", "Великобритания", "Соединённое Королевство", "Соединенное Королевство", "Англия"],
           "en": ["UK", "U.K.", "Britain", "Great Britain", "England", "the United Kingdom"]},
    "RU": {"uk": ["РФ", "Російська Федерація", "Московія", "Росія"],
           "ru": ["РФ", "Российская Федерация", "Россия"],
           "en": ["Russian Federation", "Russia"]},
    "CN": {"uk": ["КНР", "Китайська Народна Республіка", "Піднебесна"],
           "ru": ["КНР", "Китайская Народная Республика", "Поднебесная"],
           "en": ["PRC", "People's Republic of China"]},
    "KP": {"uk": ["КНДР", "Північна Корея", "Корейська Народно-Демократична Республіка"],
           "ru": ["КНДР", "Северная Корея", "Корейская Народно-Демократическая Республика"],
           "en": ["DPRK", "North Korea", "Democratic People's Republic of Korea"]},
    "KR": {"uk": ["Республіка Корея", "Південна Корея"],
           "ru": ["Республика Корея", "Южная Корея"],
           "en": ["Republic of Korea", "South Korea", "ROK"]},
    "MD": {"uk": ["Молдова", "Молдавія", "Республіка Молдова"],
           "ru": ["Молдавия", "Молдова", "Республика Молдова"],
           "en": ["Moldova", "Republic of Moldova"]},
    "BY": {"uk": ["Білорусь", "Білорусія", "Республіка Білорусь"],
           "ru": ["Беларусь", "Белоруссия", "Республика Беларусь"],
           "en": ["Belarus", "Byelorussia"]},
    "UA": {"uk": ["Україна"], "ru": ["Украина"], "en": ["Ukraine", "the Ukraine"]},
    "CZ": {"uk": ["Чехія", "Чеська Республіка", "Чехія"], "ru": ["Чехия", "Чешская Республика"],
           "en": ["Czech Republic", "Czechia"]},
    "MK": {"uk": ["Македонія"], "ru": ["Македония"], "en": ["Macedonia"]},
    "NL": {"uk": ["Голландія"], "ru": ["Голландия"], "en": ["Holland", "the Netherlands"]},
    "TR": {"uk": ["Туреччина", "Туреччини", "Туреччина"], "ru": ["Турция"], "en": ["Turkey", "Türkiye"]},
    "IR": {"uk": ["Ісламська Республіка Іран"], "ru": ["Исламская Республика Иран"], "en": ["Islamic Republic of Iran"]},
    "SY": {"uk": ["Сирійська Арабська Республіка"], "ru": ["Сирийская Арабская Республика"], "en": ["Syrian Arab Republic"]},
    "PS": {"uk": ["Палестина"], "ru": ["Палестина"], "en": ["Palestine", "State of Palestine"]},
    "AE": {"uk": ["ОАЕ", "Емірати"], "ru": ["ОАЭ", "Эмираты"], "en": ["UAE", "Emirates"]},
    "SA": {"uk": ["Саудівська Аравія"], "ru": ["Саудовская Аравия"], "en": ["Saudi Arabia"]},
    "CD": {"uk": ["ДР Конго", "ДРК"], "ru": ["ДР Конго", "ДРК"], "en": ["DR Congo", "DRC"]},
    "CI": {"uk": ["Кот-д'Івуар", "Берег Слонової Кістки"], "ru": ["Кот-д'Ивуар"], "en": ["Ivory Coast", "Cote d'Ivoire"]},
    "VA": {"uk": ["Святий Престол", "Ватикан"], "ru": ["Святой Престол", "Ватикан"], "en": ["Holy See", "Vatican"]},
    "GE": {"uk": ["Грузія"], "ru": ["Грузия"], "en": ["Georgia"]},
    "KG": {"uk": ["Киргизстан", "Киргизія"], "ru": ["Киргизия", "Кыргызстан"], "en": ["Kyrgyzstan", "Kirghizia"]},
    "MM": {"uk": ["Бірма", "М'янма"], "ru": ["Бирма", "Мьянма"], "en": ["Burma", "Myanmar"]},
    "TW": {"uk": ["Тайвань"], "ru": ["Тайвань"], "en": ["Taiwan"]},
    "JP": {"uk": ["Японія"], "ru": ["Япония"], "en": ["Japan"]},
    "IL": {"uk": ["Ізраїль", "Держава Ізраїль"], "ru": ["Израиль", "Государство Израиль"], "en": ["Israel", "State of Israel"]},
    "BA": {"uk": ["Боснія"], "ru": ["Босния"], "en": ["Bosnia"]},
    "VN": {"uk": ["В'єтнам"], "ru": ["Вьетнам"], "en": ["Vietnam", "Viet Nam"]},
    "LA": {"uk": ["Лаос"], "ru": ["Лаос"], "en": ["Laos"]},
    "SZ": {"uk": ["Есватіні", "Свазіленд"], "ru": ["Эсватини", "Свазиленд"], "en": ["Eswatini", "Swaziland"]},
    "CV": {"uk": ["Кабо-Верде"], "ru": ["Кабо-Верде"], "en": ["Cape Verde", "Cabo Verde"]},
}

#: display names news use instead of CLDR's ("США", not "Сполучені Штати").
DISPLAY: dict[str, dict[str, str]] = {
    "US": {"uk": "США", "ru": "США"},
    "GB": {"ru": "Великобритания"},
    "KR": {"ru": "Южная Корея"},
    "KP": {"ru": "КНДР"},
    "CZ": {"en": "Czech Republic"},
    "TR": {"en": "Turkey"},
    "VA": {"en": "Vatican"},
    "PS": {"uk": "Палестина", "ru": "Палестина", "en": "Palestine"},
    "CI": {"uk": "Кот-д'Івуар", "ru": "Кот-д'Ивуар", "en": "Côte d'Ivoire"},
    "MM": {"en": "Myanmar"},
}
