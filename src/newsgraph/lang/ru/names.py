"""Russian first names and the cross-language group each belongs to.

See ``newsgraph.lang.uk.names``: the groups are shared, so Кирилл (ru) and
Кирило (uk) get the same key.
"""
from __future__ import annotations

FIRST_NAMES: dict[str, str] = {
    "Кирилл": "kirill", "Александр": "aleksandr", "Александра": "aleksandra",
    "Владимир": "vladimir", "Сергей": "sergey", "Андрей": "andrey", "Алексей": "aleksey",
    "Дмитрий": "dmitry", "Николай": "nikolay", "Пётр": "pyotr", "Петр": "pyotr", "Павел": "pavel",
    "Юрий": "yury", "Виталий": "vitaly", "Елена": "elena", "Алёна": "elena", "Анна": "anna",
    "Наталья": "natalya", "Наталия": "natalya", "Михаил": "mikhail", "Илья": "ilya",
    "Григорий": "grigory", "Фёдор": "fyodor", "Федор": "fyodor", "Иван": "ivan",
    "Василий": "vasily", "Евгений": "evgeny", "Евгения": "evgenia", "Игорь": "igor",
    "Тарас": "taras", "Богдан": "bogdan", "Олег": "oleg", "Денис": "denis", "Роман": "roman",
    "Руслан": "ruslan", "Максим": "maksim", "Антон": "anton", "Арсений": "arseny",
    "Валерий": "valery", "Вадим": "vadim", "Виктор": "viktor", "Виктория": "viktoria",
    "Георгий": "georgy", "Геннадий": "gennady", "Даниил": "daniil", "Данила": "daniil",
    "Давид": "david", "Егор": "egor", "Захар": "zakhar", "Иосиф": "iosif", "Константин": "konstantin",
    "Леонид": "leonid", "Лев": "lev", "Мирослав": "miroslav", "Назар": "nazar",
    "Никифор": "nikifor", "Олесь": "oles", "Остап": "ostap", "Ростислав": "rostislav",
    "Святослав": "svyatoslav", "Семён": "semyon", "Семен": "semyon", "Станислав": "stanislav",
    "Степан": "stepan", "Тимофей": "timofey", "Тимур": "timur", "Филипп": "filipp",
    "Ярослав": "yaroslav", "Яков": "yakov", "Борис": "boris", "Артём": "artyom", "Артем": "artyom",
    "Артур": "artur", "Кузьма": "kuzma", "Людмила": "lyudmila", "Ирина": "irina",
    "Татьяна": "tatyana", "Юлия": "yulia", "Мария": "maria", "Ольга": "olga", "Оксана": "oksana",
    "Светлана": "svetlana", "Екатерина": "ekaterina", "Галина": "galina", "Надежда": "nadezhda",
    "Любовь": "lyubov", "Вера": "vera", "Кристина": "kristina", "Софья": "sofia", "София": "sofia",
    "Дарья": "darya", "Анастасия": "anastasia", "Валентина": "valentina", "Лариса": "larisa",
    "Ксения": "ksenia", "Елизавета": "elizaveta", "Маргарита": "margarita", "Алла": "alla",
    "Инна": "inna", "Марина": "marina", "Зоя": "zoya", "Полина": "polina", "Ульяна": "ulyana",
    # foreign first names as Russian writes them
    "Джо": "joe", "Джозеф": "joe", "Дональд": "donald", "Эммануэль": "emmanuel",
    "Урсула": "ursula", "Йенс": "jens", "Энтони": "antony", "Джейк": "jake", "Ллойд": "lloyd",
    "Камала": "kamala", "Кир": "keir", "Риши": "rishi", "Илон": "elon", "Джорджа": "giorgia",
    "Джорджия": "giorgia", "Реджеп": "recep", "Биньямин": "benjamin", "Си": "xi",
    "Фридрих": "friedrich", "Франк-Вальтер": "frank-walter", "Анналена": "annalena",
    "Жозеп": "josep", "Кая": "kaja", "Антониу": "antonio", "Антонио": "antonio", "Марк": "mark",
}

#: words that join a person's name to the institution named after them
#: ("МГУ имени М. В. Ломоносова").
NAMED_AFTER_WORDS = ("имени", "им.")

#: lower-case particles inside a person's name ("Урсула фон дер Ляйен", "Леонардо да Винчи").
NAME_PARTICLES = ("фон", "дер", "ден", "ван", "де", "да", "ди", "дель", "делла", "ла", "ле",
                  "аль", "эль", "бин", "бен", "ибн", "ду", "дос", "душ", "цу")

#: lemmas of words that make an organisation of a foreign or quoted name after
#: them ("авиакомпания Ryanair", "профсоюз Forsa", "фирмы «Арс»").
ORGANISATION_WORDS = frozenset({
    "компания", "авиакомпания", "профсоюз", "агентство", "банк", "партия", "фонд", "концерн",
    "корпорация", "холдинг", "фирма", "предприятие", "организация", "группировка", "клуб",
    "университет", "оператор", "стартап", "ритейлер", "перевозчик",
})

#: first words of an institution's own name: such a name is an organisation ("МИД Эстонии").
INSTITUTION_HEADS = frozenset({
    "мид", "министерство", "минобороны", "минздрав", "минфин", "минэнерго", "мвд", "правительство",
    "кабмин", "посольство", "консульство", "парламент", "сенат", "конгресс", "комиссия", "еврокомиссия",
    "комитет", "прокуратура", "генпрокуратура", "администрация", "департамент", "управление", "служба",
    "суд", "госдума", "минюст", "минприроды",
})

#: capitalised abbreviations of common nouns: a refinery, a power plant, VAT,
#: the media. Alone they name nothing ("на НПЗ", "уплатить НДС"); factRuEval
#: leaves "СМИ" unmarked.
COMMON_ACRONYMS = frozenset({"НПЗ", "АЭС", "ТЭС", "ТЭЦ", "ГЭС", "ГАЭС", "АЗС", "ЛЭП", "ДТП", "НДС", "ВВП",
                             "СМИ", "СМС", "ГСМ", "БПЛА", "РСЗО", "ПВО"})

#: company forms that end a name with their dot ("Ронтекс Инк.", "Редшир Солюшнз лтд.").
COMPANY_FORMS = ("Инк", "Корп", "Лтд", "лтд", "ЛТД", "Лимитед", "Inc", "Corp", "Ltd", "Co")

#: company forms written without a dot of their own: after a name they are part
#: of it ("Flughafen Munchen GmbH", "MAKO Trading SA"), a dot after them ends the sentence.
COMPANY_WORDS = ("GmbH", "AG", "SA", "LLC", "LLP", "Limited", "plc", "PLC", "OY", "Oy", "NV", "BV", "ГмбХ")

#: legal forms written before a company's quoted name, which is one name with them ("ООО «Ромашка»").
LEGAL_FORMS = frozenset({"ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "ИП", "ГУП", "МУП", "ФГУП", "НКО", "АНО", "ТД", "НПО"})

#: lemmas of the first (or second) word of a council's or administration's unit
#: ("Департамент социальной политики", "Главное управление ...").
SUBDIVISION_WORDS = frozenset({"департамент", "управление", "отдел"})

#: lemmas of the last word of a local authority: a unit named right before it
#: belongs to it and is one name with it ("Департамент образования мэрии Москвы").
LOCAL_AUTHORITY_WORDS = frozenset({
    "ога", "рга", "кгга", "облгосадминистрация", "райгосадминистрация", "госадминистрация",
    "администрация", "горадминистрация", "мэрия", "дума", "совет", "горсовет", "облсовет", "райсовет",
    "горисполком", "исполком",
})
#: conjunctions that join the last two items of a list ("Арс, Ника и Некст").
AND_WORDS = ("и", "а также")
