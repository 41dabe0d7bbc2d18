"""Ukrainian first names and the cross-language group each belongs to.

The group is a neutral Latin label shared with ``newsgraph.lang.ru.names``
and ``newsgraph.lang.en.names``: Кирило (uk) = Кирилл (ru) = Kyrylo (en)
= "kirill". Names spelled alike in both languages (Марк, Тарас, Богдан)
need no row: their phonetic keys already agree.
"""
from __future__ import annotations

FIRST_NAMES: dict[str, str] = {
    "Кирило": "kirill", "Олександр": "aleksandr", "Олександра": "aleksandra",
    "Володимир": "vladimir", "Сергій": "sergey", "Андрій": "andrey", "Олексій": "aleksey",
    "Дмитро": "dmitry", "Микола": "nikolay", "Петро": "pyotr", "Павло": "pavel",
    "Юрій": "yury", "Віталій": "vitaly", "Олена": "elena", "Ганна": "anna", "Анна": "anna",
    "Наталія": "natalya", "Наталя": "natalya", "Михайло": "mikhail", "Ілля": "ilya",
    "Григорій": "grigory", "Федір": "fyodor", "Іван": "ivan", "Василь": "vasily",
    "Євген": "evgeny", "Євгенія": "evgenia", "Ігор": "igor", "Тарас": "taras", "Богдан": "bogdan",
    "Олег": "oleg", "Денис": "denis", "Роман": "roman", "Руслан": "ruslan", "Максим": "maksim",
    "Антон": "anton", "Арсеній": "arseny", "Валерій": "valery", "Вадим": "vadim",
    "Віктор": "viktor", "Вікторія": "viktoria", "Георгій": "georgy", "Геннадій": "gennady",
    "Данило": "daniil", "Давид": "david", "Єгор": "egor", "Захар": "zakhar", "Ілько": "ilya",
    "Йосип": "iosif", "Костянтин": "konstantin", "Леонід": "leonid", "Лев": "lev",
    "Мирослав": "miroslav", "Назар": "nazar", "Никифор": "nikifor", "Олесь": "oles",
    "Остап": "ostap", "Ростислав": "rostislav", "Святослав": "svyatoslav", "Семен": "semyon",
    "Станіслав": "stanislav", "Степан": "stepan", "Тимофій": "timofey", "Тимур": "timur",
    "Філіп": "filipp", "Пилип": "filipp", "Ярослав": "yaroslav", "Яків": "yakov", "Борис": "boris",
    "Геннадія": "gennady", "Артем": "artyom", "Артур": "artur", "Кузьма": "kuzma",
    "Людмила": "lyudmila", "Ірина": "irina", "Тетяна": "tatyana", "Юлія": "yulia",
    "Марія": "maria", "Ольга": "olga", "Оксана": "oksana", "Світлана": "svetlana",
    "Катерина": "ekaterina", "Галина": "galina", "Надія": "nadezhda", "Любов": "lyubov",
    "Віра": "vera", "Ірина-Марія": "irina", "Христина": "kristina", "Софія": "sofia",
    "Дар'я": "darya", "Анастасія": "anastasia", "Валентина": "valentina", "Лариса": "larisa",
    "Ксенія": "ksenia", "Єлизавета": "elizaveta", "Маргарита": "margarita", "Алла": "alla",
    "Інна": "inna", "Марина": "marina", "Зоя": "zoya", "Поліна": "polina", "Уляна": "ulyana",
    # foreign first names as Ukrainian writes them
    "Джо": "joe", "Джозеф": "joe", "Дональд": "donald", "Еммануель": "emmanuel",
    "Еманюель": "emmanuel", "Урсула": "ursula", "Єнс": "jens", "Ентоні": "antony",
    "Антоні": "antony", "Джейк": "jake", "Ллойд": "lloyd", "Камала": "kamala", "Кір": "keir",
    "Ріші": "rishi", "Ілон": "elon", "Джорджа": "giorgia", "Джорджія": "giorgia",
    "Реджеп": "recep", "Біньямін": "benjamin", "Сі": "xi",
    "Фрідріх": "friedrich", "Франк-Вальтер": "frank-walter", "Анналена": "annalena",
    "Жозеп": "josep", "Кая": "kaja", "Антоніу": "antonio", "Антоніо": "antonio", "Марк": "mark",
}

#: words that make the state after them part of a law's name ("Закону України",
#: "Податкового кодексу України"), not a place. "законодавства України" is
#: left out: the legislation of a country is about the country.
LAW_WORDS = (
    "закон", "закону", "законом", "законі", "закони", "законів", "законам", "законами", "законах",
    "кодекс", "кодексу", "кодексом", "кодексі", "конституція", "конституції", "конституцію", "конституцією",
)

#: words that join a person's name to the institution named after them
#: ("Київський університет імені Тараса Шевченка").
NAMED_AFTER_WORDS = ("імені", "ім.")

#: lower-case particles inside a person's name ("Урсула фон дер Ляєн", "Леонардо да Вінчі").
NAME_PARTICLES = ("фон", "дер", "ден", "ван", "де", "да", "ді", "дель", "делла", "ла", "ле",
                  "аль", "ель", "бін", "бен", "ібн", "ду", "дос", "душ", "цу")

#: lemmas of words that make an organisation of a foreign or quoted name after
#: them ("авіакомпанія Ryanair", "профспілка Forsa", "фірми «Арс»"). Papers and
#: channels are left out: NER-UK leaves «Курс» in "видання «Курс»" unmarked.
ORGANISATION_WORDS = frozenset({
    "компанія", "авіакомпанія", "профспілка", "агенція", "агентство", "банк", "партія", "фонд",
    "концерн", "корпорація", "холдинг", "фірма", "підприємство", "організація", "угруповання",
    "клуб", "університет", "оператор", "стартап", "ритейлер", "перевізник",
})

#: first words of an institution's own name: such a name is an organisation ("МЗС Естонії").
INSTITUTION_HEADS = frozenset({
    "мзс", "міністерство", "міноборони", "моз", "мінфін", "міненерго", "мвс", "уряд", "кабмін",
    "посольство", "консульство", "парламент", "сенат", "конгрес", "комісія", "єврокомісія", "комітет",
    "прокуратура", "генпрокуратура", "адміністрація", "департамент", "управління", "служба", "суд",
})

#: capitalised abbreviations of common nouns: a refinery, a power plant, VAT,
#: the media. Alone they name nothing ("на НПЗ", "сплатити ПДВ"); NER-UK leaves
#: "ПДВ" unmarked all 11 times and "ЗМІ" 18 times of 26.
COMMON_ACRONYMS = frozenset({"НПЗ", "АЕС", "ТЕС", "ТЕЦ", "ГЕС", "ГАЕС", "АЗС", "ЛЕП", "ДТП", "ПДВ", "ВВП",
                             "ЗМІ", "СМС", "УКХ", "ПММ", "БПЛА", "РСЗВ", "ППО", "ОТГ"})

#: abbreviations that end a name without their dot, as NER-UK annotates them
#: ("Донецька обл" in "(Донецька обл.)": 13 of 18 in the corpus).
DOTLESS_ENDINGS = ("обл",)

#: company forms that end a name with their dot ("Ронтекс Інк.", "Редшир Солюшнз лтд.").
COMPANY_FORMS = ("Інк", "Корп", "Лтд", "лтд", "ЛТД", "Лімітед", "Inc", "Corp", "Ltd", "Co")

#: company forms written without a dot of their own: after a name they are part
#: of it ("Flughafen Munchen GmbH", "MAKO Trading SA"), a dot after them ends the sentence.
COMPANY_WORDS = ("GmbH", "AG", "SA", "LLC", "LLP", "Limited", "plc", "PLC", "OY", "Oy", "NV", "BV", "ГмбХ")

#: legal forms written before a company's quoted name, which is one name with
#: them ("ТОВ «Кримбуд-Юг»": all 820 in NER-UK).
LEGAL_FORMS = frozenset({"ТОВ", "ТзОВ", "ПП", "ПАТ", "ПрАТ", "ВАТ", "ЗАТ", "АТ", "АК", "ДП", "КП", "КВП", "ДК",
                         "НАК", "ТД", "ГО", "БФ", "СП", "ВП", "МП", "ОСББ", "КНП", "ДУ", "ФГ", "СФГ", "ПСП"})

#: lemmas of the first (or second) word of a council's or administration's unit
#: ("Департамент соціальної політики", "Головне управління ...").
SUBDIVISION_WORDS = frozenset({"департамент", "управління", "відділ"})

#: lemmas of the last word of a local authority: a unit named right before it
#: belongs to it and is one name with it ("Департамент соціальної політики
#: КМДА"; NER-UK: 32 units joined with their authority, 2 apart).
LOCAL_AUTHORITY_WORDS = frozenset({
    "ода", "рда", "кмда", "одпа", "облдержадміністрація", "райдержадміністрація", "держадміністрація",
    "адміністрація", "міськрада", "облрада", "райрада", "рада", "міськвиконком", "виконком",
})
#: conjunctions that join the last two items of a list ("Арс, Ніка і Некст").
AND_WORDS = ("і", "й", "та")
