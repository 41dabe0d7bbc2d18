"""Values in Ukrainian, Russian and English news: found, spanned and normalised."""
from __future__ import annotations

import time

import pytest

from newsgraph.analysis.values import find_values

PUB = "2024-11-05"

# (language, text, published, expected span text, type, value, unit, end_value, partial)
CASES = [
    # ---- MONEY, Ukrainian
    ("uk", "Німеччина вже спрямувала в Україну військову допомогу на €28 мільярдів, що виводить цю країну на друге місце.",
     None, "€28 мільярдів", "MONEY", 28_000_000_000, "EUR", None, False),
    ("uk", "ЄС виділить Україні $1,5 млрд до кінця року.", None, "$1,5 млрд", "MONEY", 1_500_000_000, "USD", None, False),
    ("uk", "Обсяг допомоги становить 28 млрд євро.", None, "28 млрд євро", "MONEY", 28_000_000_000, "EUR", None, False),
    ("uk", "Громада отримала п'ять мільйонів гривень на відбудову.", None, "п'ять мільйонів гривень", "MONEY", 5_000_000, "UAH", None, False),
    ("uk", "Громада отримала п’ять мільйонів гривень на відбудову.", None, "п’ять мільйонів гривень", "MONEY", 5_000_000, "UAH", None, False),
    ("uk", "США надали 500 млн доларів на енергетику.", None, "500 млн доларів", "MONEY", 500_000_000, "USD", None, False),
    ("uk", "Кредит у 1,2 мільярда євро схвалили в Брюсселі.", None, "1,2 мільярда євро", "MONEY", 1_200_000_000, "EUR", None, False),
    ("uk", "Дефіцит бюджету сягнув 2,4 млрд гривень.", None, "2,4 млрд гривень", "MONEY", 2_400_000_000, "UAH", None, False),
    ("uk", "Штраф склав 17 000 грн за кожне порушення.", None, "17 000 грн", "MONEY", 17_000, "UAH", None, False),
    ("uk", "Ціна зросла до ₴45 за літр.", None, "₴45", "MONEY", 45, "UAH", None, False),
    ("uk", "Збитки оцінюють у 950 тис. грн.", None, "950 тис. грн", "MONEY", 950_000, "UAH", None, False),
    ("uk", "Компанія сплатила 28 000 000 гривень податків.", None, "28 000 000 гривень", "MONEY", 28_000_000, "UAH", None, False),
    ("uk", "Компанія сплатила 28\u00a0000\u00a0000 гривень податків.", None, "28\u00a0000\u00a0000 гривень", "MONEY", 28_000_000, "UAH", None, False),
    ("uk", "На це потрібно двадцять три мільйони доларів.", None, "двадцять три мільйони доларів", "MONEY", 23_000_000, "USD", None, False),
    ("uk", "Витрати склали двісті п'ятдесят тисяч гривень.", None, "двісті п'ятдесят тисяч гривень", "MONEY", 250_000, "UAH", None, False),
    ("uk", "Банк виділив 5-6 млрд гривень на кредити.", None, "5-6 млрд гривень", "MONEY", 5_000_000_000, "UAH", 6_000_000_000, False),
    ("uk", "Україна отримала 500 млн американських доларів.", None, "500 млн американських доларів", "MONEY", 500_000_000, "USD", None, False),
    ("uk", "Україна отримала 20 млн канадських доларів.", None, "20 млн канадських доларів", "MONEY", 20_000_000, "CAD", None, False),
    ("uk", "Квитки коштують 300 дол. США.", None, "300 дол. США", "MONEY", 300, "USD", None, False),
    ("uk", "Він задекларував мільярд гривень.", None, "мільярд гривень", "MONEY", 1_000_000_000, "UAH", None, False),
    # ---- MONEY, Russian
    ("ru", "ЕС выделил Украине 210 млрд евро.", None, "210 млрд евро", "MONEY", 210_000_000_000, "EUR", None, False),
    ("ru", "Суд взыскал с компании 100 тыс. рублей.", None, "100 тыс. рублей", "MONEY", 100_000, "RUB", None, False),
    ("ru", "Ему заплатили пятьсот долларов.", None, "пятьсот долларов", "MONEY", 500, "USD", None, False),
    ("ru", "Штраф составил пятисот рублей.", None, "пятисот рублей", "MONEY", 500, "RUB", None, False),
    ("ru", "Выручка составила 1,2—2 млрд долларов.", None, "1,2—2 млрд долларов", "MONEY", 1_200_000_000, "USD", 2_000_000_000, False),
    ("ru", "Сделка оценена в 5 млн руб.", None, "5 млн руб.", "MONEY", 5_000_000, "RUB", None, False),
    ("ru", "Фонд получил 300 тыс. долл. от спонсоров.", None, "300 тыс. долл.", "MONEY", 300_000, "USD", None, False),
    ("ru", "Доход составил 667,2 миллиона кипрских фунтов.", None, "667,2 миллиона кипрских фунтов", "MONEY", 667_200_000, "CYP", None, False),
    ("ru", "Бюджет проекта — 40 млн ₽.", None, "40 млн ₽", "MONEY", 40_000_000, "RUB", None, False),
    # ---- MONEY, English
    ("en", "The US announced $1.1 billion in new military aid.", None, "$1.1 billion", "MONEY", 1_100_000_000, "USD", None, False),
    ("en", "Brussels pledged €300 million for energy.", None, "€300 million", "MONEY", 300_000_000, "EUR", None, False),
    ("en", "The deal is worth $300m.", None, "$300m", "MONEY", 300_000_000, "USD", None, False),
    ("en", "Kyiv will receive $1.1bn this year.", None, "$1.1bn", "MONEY", 1_100_000_000, "USD", None, False),
    ("en", "Britain gave £2.5 billion.", None, "£2.5 billion", "MONEY", 2_500_000_000, "GBP", None, False),
    ("en", "The fund holds 1,500,000 dollars.", None, "1,500,000 dollars", "MONEY", 1_500_000, "USD", None, False),
    ("en", "Ottawa sent five million Canadian dollars.", None, "five million Canadian dollars", "MONEY", 5_000_000, "CAD", None, False),
    ("en", "Investors lost USD 5 million.", None, "USD 5 million", "MONEY", 5_000_000, "USD", None, False),
    # ---- PERCENT
    ("uk", "Інфляція прискорилася до 12% у жовтні.", None, "12%", "PERCENT", 12, "%", None, False),
    ("uk", "Ціни зросли на 12 відсотків.", None, "12 відсотків", "PERCENT", 12, "%", None, False),
    ("uk", "Частка становить 3,5 % ринку.", None, "3,5 %", "PERCENT", 3.5, "%", None, False),
    ("uk", "Підтримка сягнула п'ятдесяти відсотків.", None, "п'ятдесяти відсотків", "PERCENT", 50, "%", None, False),
    ("ru", "Экспорт упал на 15 процентов.", None, "15 процентов", "PERCENT", 15, "%", None, False),
    ("ru", "Рост составит 5-7%.", None, "5-7%", "PERCENT", 5, "%", 7, False),
    ("en", "Unemployment fell to 4.5 percent.", None, "4.5 percent", "PERCENT", 4.5, "%", None, False),
    ("en", "Turnout reached 60 per cent.", None, "60 per cent", "PERCENT", 60, "%", None, False),
    # ---- QUANTITY
    ("uk", "Росія використовує 140 суден тіньового флоту.", None, "140 суден", "QUANTITY", 140, "судно", None, False),
    ("uk", "Санкції запровадили проти 140 танкерів.", None, "140 танкерів", "QUANTITY", 140, "танкер", None, False),
    ("uk", "До ініціативи долучилися понад 40 компаній.", None, "40 компаній", "QUANTITY", 40, "компанія", None, False),
    ("uk", "Колона пройшла 15 кілометрів.", None, "15 кілометрів", "QUANTITY", 15, "кілометр", None, False),
    ("uk", "Зона відчуження — 15 км від кордону.", None, "15 км", "QUANTITY", 15, "кілометр", None, False),
    ("uk", "Ворог втратив 28 бойових машин.", None, "28 бойових машин", "QUANTITY", 28, "машина", None, False),
    ("uk", "На фронт вирушили три бригади.", None, "три бригади", "QUANTITY", 3, "бригада", None, False),
    ("uk", "Евакуйовано 2,5 тис. людей.", None, "2,5 тис. людей", "QUANTITY", 2500, "людина", None, False),
    ("uk", "Площа офісу — 197 кв. м.", None, "197 кв. м", "QUANTITY", 197, "квадратний метр", None, False),
    ("ru", "Под санкции попали 28 физических лиц.", None, "28 физических лиц", "QUANTITY", 28, "лицо", None, False),
    ("ru", "В тюрьмах находятся 84 журналиста.", None, "84 журналиста", "QUANTITY", 84, "журналист", None, False),
    ("ru", "Пострадали двое, работы займут две недели.", None, "две недели", "QUANTITY", 2, "неделя", None, False),
    ("ru", "Ракета выводит на орбиту до 20 тонн груза.", None, "20 тонн", "QUANTITY", 20, "тонна", None, False),
    ("en", "The strike killed 12 soldiers.", None, "12 soldiers", "QUANTITY", 12, "soldier", None, False),
    ("en", "About 1,500 troops were deployed.", None, "1,500 troops", "QUANTITY", 1500, "troop", None, False),
    ("en", "More than 40 companies joined.", None, "40 companies", "QUANTITY", 40, "company", None, False),
    ("en", "Twenty-three tanks were destroyed.", None, "Twenty-three tanks", "QUANTITY", 23, "tank", None, False),
    # ---- DATE, Ukrainian
    ("uk", "У межах зустрічі міністрів оборони НАТО 17-18 жовтня поточного року було вперше проведене засідання.",
     PUB, "17-18 жовтня поточного року", "DATE", "2024-10-17", None, "2024-10-18", False),
    ("uk", "У межах зустрічі міністрів оборони НАТО 17-18 жовтня поточного року було вперше проведене засідання.",
     None, "17-18 жовтня поточного року", "DATE", "--10-17", None, "--10-18", True),
    ("uk", "Вибори відбулися у неділю, 4 листопада.", "2018-11-06", "неділю, 4 листопада", "DATE", "2018-11-04", None, None, False),
    ("uk", "Вибори відбулися у неділю, 4 листопада.", None, "неділю, 4 листопада", "DATE", "--11-04", None, None, True),
    ("uk", "Засідання призначене на 14 листопада.", PUB, "14 листопада", "DATE", "2024-11-14", None, None, False),
    ("uk", "Угоду підписали 28 грудня.", "2024-01-03", "28 грудня", "DATE", "2023-12-28", None, None, False),
    ("uk", "Зустріч запланована на 5 січня.", "2024-12-28", "5 січня", "DATE", "2025-01-05", None, None, False),
    ("uk", "Указ підписано 12.03.2024 у Києві.", None, "12.03.2024", "DATE", "2024-03-12", None, None, False),
    ("uk", "Це сталося 24 лютого 2022 року.", None, "24 лютого 2022 року", "DATE", "2022-02-24", None, None, False),
    ("uk", "Закон діє з 1 січня 2025 р.", None, "1 січня 2025 р.", "DATE", "2025-01-01", None, None, False),
    ("uk", "У 2023 році експорт впав.", None, "2023 році", "DATE", "2023", None, None, False),
    ("uk", "Програма на 2014-2022 роки завершилася.", None, "2014-2022 роки", "DATE", "2014", None, "2022", False),
    ("uk", "Про це стало відомо вчора.", PUB, "вчора", "DATE", "2024-11-04", None, None, False),
    ("uk", "Делегація прибула минулого тижня.", PUB, "минулого тижня", "DATE", "2024-10-28", None, "2024-11-03", False),
    ("uk", "У жовтні 2024 року ціни зросли.", None, "жовтні 2024 року", "DATE", "2024-10", None, None, False),
    ("uk", "Перемовини тривали з 12 по 14 березня.", PUB, "12 по 14 березня", "DATE", "2024-03-12", None, "2024-03-14", False),
    ("uk", "Навчання тривали з 28 грудня по 3 січня.", "2025-01-10", "28 грудня по 3 січня", "DATE", "2024-12-28", None, "2025-01-03", False),
    # ---- DATE, Russian
    ("ru", "Соглашение подписано 31 октября 2018 года в Москве.", None, "31 октября 2018 года", "DATE", "2018-10-31", None, None, False),
    ("ru", "Встреча пройдёт 14 ноября.", PUB, "14 ноября", "DATE", "2024-11-14", None, None, False),
    ("ru", "Встреча пройдёт 14 ноября.", None, "14 ноября", "DATE", "--11-14", None, None, True),
    ("ru", "Об этом сообщили вчера.", PUB, "вчера", "DATE", "2024-11-04", None, None, False),
    ("ru", "Турнир пройдёт с 21 сентября по 13 октября 2006 года.", None, "21 сентября по 13 октября 2006 года", "DATE", "2006-09-21", None, "2006-10-13", False),
    ("ru", "Заявление сделано в понедельник, 16 мая 2011 года.", None, "понедельник, 16 мая 2011 года", "DATE", "2011-05-16", None, None, False),
    ("ru", "Цены выросли в прошлом году.", PUB, "в прошлом году", "DATE", "2023", None, None, False),
    ("ru", "Форум пройдёт 17 октября этого года.", PUB, "17 октября этого года", "DATE", "2024-10-17", None, None, False),
    # ---- DATE, English
    ("en", "The summit opened on March 12, 2024 in Brussels.", None, "March 12, 2024", "DATE", "2024-03-12", None, None, False),
    ("en", "Talks resumed on 12 March.", PUB, "12 March", "DATE", "2024-03-12", None, None, False),
    ("en", "Talks resumed on 12 March.", None, "12 March", "DATE", "--03-12", None, None, True),
    ("en", "The ministers met yesterday.", PUB, "yesterday", "DATE", "2024-11-04", None, None, False),
    ("en", "Ministers meet on October 17-18 this year.", PUB, "October 17-18", "DATE", "2024-10-17", None, "2024-10-18", False),
    ("en", "Prices rose in 2022 across Europe.", None, "2022", "DATE", "2022", None, None, False),
]


@pytest.mark.parametrize(
    "language,text,published,span,kind,value,unit,end_value,partial", CASES,
    ids=[f"{c[0]}-{i}-{c[3]}" for i, c in enumerate(CASES)],
)
def test_value(language, text, published, span, kind, value, unit, end_value, partial):
    found = find_values(text, language, published)
    for v in found:
        assert text[v.start:v.end] == v.text
    match = [v for v in found if v.text == span]
    assert match, f"{span!r} not found in {[v.text for v in found]}"
    v = match[0]
    assert (v.type, v.value, v.unit, v.end_value, v.partial) == (kind, value, unit, end_value, partial)
    if isinstance(value, float):
        assert v.value == pytest.approx(value)


# text, language: nothing in it is a value
NOTHING = [
    ("uk", "Німеччина посіла друге місце за обсягом допомоги."),
    ("uk", "Бійці 2-го батальйону вийшли на позиції."),
    ("uk", "Нарада розпочалася о 10:15 у Києві."),
    ("uk", "Телефон гарячої лінії: +380 44 123 45 67."),
    ("uk", "Одна компанія відмовилася від участі."),
    ("uk", "За це отримали мільйони людей."),
    ("uk", "Шість тому, хто переміг."),
    ("ru", "Он занял второе место."),
    ("en", "One of the soldiers said so."),
    ("en", "It may rain in the march of time."),
    ("en", "The 3rd brigade advanced."),
]


@pytest.mark.parametrize("language,text", NOTHING)
def test_no_value(language, text):
    assert find_values(text, language, PUB) == []


def test_seed_paragraph_values():
    text = ("Він нагадав, що Німеччина вже спрямувала в Україну військову допомогу на €28 мільярдів, "
            "що виводить цю країну на друге місце за обсягом такої допомоги після США. Як повідомлялося, "
            "у межах зустрічі міністрів оборони НАТО 17-18 жовтня поточного року було вперше проведене "
            "спільне засідання.")
    found = find_values(text, "uk", "2024-11-05T12:00:00+02:00")
    assert [(v.type, v.text, v.value, v.unit, v.end_value) for v in found] == [
        ("MONEY", "€28 мільярдів", 28_000_000_000, "EUR", None),
        ("DATE", "17-18 жовтня поточного року", "2024-10-17", None, "2024-10-18"),
    ]


def test_relative_dates_need_publication_date():
    assert find_values("Про це стало відомо вчора.", "uk") == []
    assert find_values("The ministers met yesterday.", "en", None) == []


def test_unknown_language_gives_nothing():
    assert find_values("€28 мільярдів", "xx") == []
    assert find_values("€28 мільярдів", None) == []


def test_offsets_slice_text_in_a_long_paragraph():
    text = ("Уряд виділив 2,4 млрд гривень, а 12.03.2024 ще $1,5 млрд; інфляція — 3,5 %, "
            "евакуйовано 140 суден і понад 40 компаній. 31 октября 2018 года.") * 20
    found = find_values(text, "uk", PUB)
    assert len(found) >= 20 * 6
    for v in found:
        assert text[v.start:v.end] == v.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_speed():
    paragraph = ("Він нагадав, що Німеччина вже спрямувала в Україну військову допомогу на €28 мільярдів, "
                 "що виводить цю країну на друге місце за обсягом такої допомоги після США. У межах зустрічі "
                 "міністрів оборони НАТО 17-18 жовтня поточного року було проведене засідання, на якому "
                 "обговорили постачання 140 танкерів і зростання цін на 12 відсотків. ")
    find_values(paragraph, "uk", PUB)  # build the grammar, fill caches
    words = len(paragraph.split()) * 200
    start = time.perf_counter()
    for _ in range(200):
        find_values(paragraph, "uk", PUB)
    rate = words / (time.perf_counter() - start)
    assert rate > 20_000, f"{rate:.0f} words/s"  # measured ~150k on a shared laptop core
