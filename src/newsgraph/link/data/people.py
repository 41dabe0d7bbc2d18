"""Well-known people of this news domain.

People need no knowledge base to be linked: the transliteration key does
that ("Марк Рютте" = "Mark Rutte"). This table adds two things the key
cannot: a surname alone in a document that never gives the first name
("Путін", "Шольц") resolves to the person, and English spellings that are
not transcriptions (Biden/Байден, Trump/Трамп, Johnson/Джонсон) match.

Each row: (Ukrainian name, Russian name, English name, other spellings in
any language). The id is computed from the Ukrainian name with the same key
as any other person, so a full-name mention and the table agree.
"""
from __future__ import annotations

PEOPLE: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("Володимир Зеленський", "Владимир Зеленский", "Volodymyr Zelensky", ("Volodymyr Zelenskyy", "Volodymyr Zelenskiy")),
    ("Володимир Путін", "Владимир Путин", "Vladimir Putin", ()),
    ("Марк Рютте", "Марк Рютте", "Mark Rutte", ()),
    ("Олаф Шольц", "Олаф Шольц", "Olaf Scholz", ()),
    ("Джо Байден", "Джо Байден", "Joe Biden", ("Joseph Biden",)),
    ("Дональд Трамп", "Дональд Трамп", "Donald Trump", ()),
    ("Еммануель Макрон", "Эммануэль Макрон", "Emmanuel Macron", ("Емманюель Макрон",)),
    ("Урсула фон дер Ляєн", "Урсула фон дер Ляйен", "Ursula von der Leyen", ("Урсула фон дер Ляйєн",)),
    ("Єнс Столтенберг", "Йенс Столтенберг", "Jens Stoltenberg", ()),
    ("Ентоні Блінкен", "Энтони Блинкен", "Antony Blinken", ()),
    ("Камала Гарріс", "Камала Харрис", "Kamala Harris", ()),
    ("Кір Стармер", "Кир Стармер", "Keir Starmer", ()),
    ("Ріші Сунак", "Риши Сунак", "Rishi Sunak", ()),
    ("Борис Джонсон", "Борис Джонсон", "Boris Johnson", ()),
    ("Реджеп Таїп Ердоган", "Реджеп Тайип Эрдоган", "Recep Tayyip Erdoğan", ("Recep Erdogan",)),
    ("Віктор Орбан", "Виктор Орбан", "Viktor Orbán", ()),
    ("Анджей Дуда", "Анджей Дуда", "Andrzej Duda", ()),
    ("Дональд Туск", "Дональд Туск", "Donald Tusk", ()),
    ("Мая Санду", "Майя Санду", "Maia Sandu", ("Maya Sandu",)),
    ("Джорджа Мелоні", "Джорджа Мелони", "Giorgia Meloni", ()),
    ("Сі Цзіньпін", "Си Цзиньпин", "Xi Jinping", ()),
    ("Біньямін Нетаньягу", "Биньямин Нетаньяху", "Benjamin Netanyahu", ("Біньямін Нетаньяху",)),
    ("Олександр Лукашенко", "Александр Лукашенко", "Alexander Lukashenko", ("Aliaksandr Lukashenka",)),
    ("Сергій Лавров", "Сергей Лавров", "Sergei Lavrov", ()),
    ("Дмитро Пєсков", "Дмитрий Песков", "Dmitry Peskov", ()),
    ("Марія Захарова", "Мария Захарова", "Maria Zakharova", ()),
    ("Сергій Шойгу", "Сергей Шойгу", "Sergei Shoigu", ()),
    ("Андрій Бєлоусов", "Андрей Белоусов", "Andrei Belousov", ()),
    ("Дмитро Медведєв", "Дмитрий Медведев", "Dmitry Medvedev", ()),
    ("Кирило Буданов", "Кирилл Буданов", "Kyrylo Budanov", ()),
    ("Андрій Єрмак", "Андрей Ермак", "Andriy Yermak", ()),
    ("Денис Шмигаль", "Денис Шмыгаль", "Denys Shmyhal", ()),
    ("Юлія Свириденко", "Юлия Свириденко", "Yulia Svyrydenko", ()),
    ("Дмитро Кулеба", "Дмитрий Кулеба", "Dmytro Kuleba", ()),
    ("Андрій Сибіга", "Андрей Сибига", "Andrii Sybiha", ()),
    ("Олександр Сирський", "Александр Сырский", "Oleksandr Syrskyi", ()),
    ("Валерій Залужний", "Валерий Залужный", "Valerii Zaluzhnyi", ()),
    ("Рустем Умєров", "Рустем Умеров", "Rustem Umerov", ()),
    ("Руслан Стефанчук", "Руслан Стефанчук", "Ruslan Stefanchuk", ()),
    ("Віталій Кличко", "Виталий Кличко", "Vitali Klitschko", ()),
    ("Петро Порошенко", "Пётр Порошенко", "Petro Poroshenko", ()),
    ("Юлія Тимошенко", "Юлия Тимошенко", "Yulia Tymoshenko", ()),
    ("Олексій Навальний", "Алексей Навальный", "Alexei Navalny", ()),
    ("Рафаель Гроссі", "Рафаэль Гросси", "Rafael Grossi", ()),
    ("Антоніу Гутерреш", "Антониу Гутерриш", "António Guterres", ("Антоніу Гутерріш",)),
    ("Ілон Маск", "Илон Маск", "Elon Musk", ()),
    ("Ллойд Остін", "Ллойд Остин", "Lloyd Austin", ()),
    ("Джейк Салліван", "Джейк Салливан", "Jake Sullivan", ()),
    ("Франк-Вальтер Штайнмаєр", "Франк-Вальтер Штайнмайер", "Frank-Walter Steinmeier", ()),
    ("Анналена Бербок", "Анналена Бербок", "Annalena Baerbock", ()),
    ("Фрідріх Мерц", "Фридрих Мерц", "Friedrich Merz", ()),
    ("Жозеп Боррель", "Жозеп Боррель", "Josep Borrell", ()),
    ("Кая Каллас", "Кая Каллас", "Kaja Kallas", ()),
    ("Алі Хаменеї", "Али Хаменеи", "Ali Khamenei", ()),
    ("Кім Чен Ин", "Ким Чен Ын", "Kim Jong Un", ("Кім Чен Ун", "Kim Jong-un")),
]
