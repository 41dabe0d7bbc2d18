"""Linking: one id per real-world entity across inflections, documents and languages.

Most tests build documents by hand (entities as the analyze stage would give
them, base forms from ``analysis.baseforms``) so that they need no NER model;
the seed test runs the whole pipeline and is skipped without the Ukrainian
model or the seed.
"""
from __future__ import annotations

import pytest

from newsgraph.analysis.annotate import entity_id
from newsgraph.analysis.baseforms import base_form
from newsgraph.link import link
from newsgraph.link.kb import knowledge_base, normalize
from newsgraph.link.translit import first_name_key, person_key, phonetic_key, romanize, split_name
from newsgraph.model import Document, Entity, Mention, Segment, Source


def make(text: str, language: str, spans: list[tuple[str, str]], lemmas: dict[str, str] | None = None) -> Document:
    """A document whose entities are every occurrence of each (surface, type),
    grouped the way ``annotate`` groups them: by type and base form."""
    first: dict[str, tuple[str, str]] = {}  # id -> (type, base form)
    mentions: dict[str, list[Mention]] = {}
    taken: list[tuple[int, int]] = []
    for surface, etype in sorted(spans, key=lambda s: -len(s[0])):
        lemma = (lemmas or {}).get(surface) or base_form(surface, etype, language)
        start = 0
        while (i := text.find(surface, start)) >= 0:
            start = i + len(surface)
            if any(a <= i < b for a, b in taken):
                continue
            taken.append((i, start))
            eid = entity_id(etype, lemma)
            first.setdefault(eid, (etype, lemma))
            mentions.setdefault(eid, []).append(Mention(i, start, surface, lemma))
    ents = sorted((Entity(eid, etype, lemma, {language: lemma}, tuple(mentions[eid]))
                   for eid, (etype, lemma) in first.items()), key=lambda e: min(m.start for m in e.mentions))
    return Document(id="t", source=Source(), language=language, title=None, lead=None, published=None,
                    text=text, segments=[Segment(0, len(text), "body", language)], entities=ents)


def ids(doc: Document) -> dict[str, str]:
    """surface -> entity id"""
    return {m.text: e.id for e in doc.entities for m in e.mentions}


def entity(doc: Document, surface: str) -> Entity:
    return next(e for e in doc.entities if any(m.text == surface for m in e.mentions))


# ------------------------------------------------------------------ transliteration

@pytest.mark.parametrize("uk, ru, en", [
    ("Рютте", "Рютте", "Rutte"),
    ("Шольц", "Шольц", "Scholz"),
    ("Зеленський", "Зеленский", "Zelenskyy"),
    ("Зеленський", "Зеленский", "Zelensky"),
    ("Шмигаль", "Шмыгаль", "Shmyhal"),
    ("Кличко", "Кличко", "Klitschko"),
    ("Єрмак", "Ермак", "Yermak"),
    ("Пєсков", "Песков", "Peskov"),
    ("Сирський", "Сырский", "Syrskyi"),
    ("Залужний", "Залужный", "Zaluzhnyi"),
    ("Ердоган", "Эрдоган", "Erdoğan"),
    ("Медведєв", "Медведев", "Medvedev"),
    ("Нетаньяху", "Нетаньяху", "Netanyahu"),
    ("Гарріс", "Харрис", "Harris"),
    ("Свириденко", "Свириденко", "Svyrydenko"),
    ("Навальний", "Навальный", "Navalny"),
    ("Сирська", "Сырская", "Syrska"),
    ("Боррель", "Боррель", "Borrell"),
])
def test_surname_key_agrees_across_languages(uk, ru, en):
    assert phonetic_key(uk, "uk") == phonetic_key(ru, "ru") == phonetic_key(en, "en")


@pytest.mark.parametrize("uk, ru, en", [
    ("Кирило", "Кирилл", "Kyrylo"), ("Олександр", "Александр", "Alexander"),
    ("Володимир", "Владимир", "Volodymyr"), ("Сергій", "Сергей", "Serhiy"),
    ("Олексій", "Алексей", "Oleksiy"), ("Дмитро", "Дмитрий", "Dmytro"), ("Микола", "Николай", "Mykola"),
    ("Петро", "Пётр", "Petro"), ("Юрій", "Юрий", "Yuriy"), ("Олена", "Елена", "Olena"),
    ("Ганна", "Анна", "Hanna"), ("Наталія", "Наталья", "Natalia"), ("Федір", "Фёдор", "Fedir"),
    ("Євген", "Евгений", "Yevhen"), ("Ігор", "Игорь", "Ihor"), ("Тарас", "Тарас", "Taras"),
    ("Богдан", "Богдан", "Bohdan"), ("Юлія", "Юлия", "Yulia"),
])
def test_first_name_groups(uk, ru, en):
    assert first_name_key(uk, "uk") == first_name_key(ru, "ru") == first_name_key(en, "en")


def test_romanize_is_readable():
    assert romanize("Кирило Буданов", "uk") == "Kyrylo Budanov"
    assert romanize("Юлія Свириденко", "uk") == "Yuliia Svyrydenko"
    assert romanize("Сергей Лавров", "ru") == "Sergey Lavrov"
    assert romanize("Mark Rutte") == "Mark Rutte"


def test_split_name():
    assert split_name("Марк Рютте") == ("Марк", "Рютте")
    assert split_name("Рютте") == (None, "Рютте")
    assert split_name("В. Зеленський") == (None, "Зеленський")
    assert split_name("Володимир Олександрович Зеленський") == ("Володимир", "Зеленський")
    assert person_key("Кирило Буданов", "uk") == person_key("Кирилл Буданов", "ru")


# ------------------------------------------------------------------ knowledge base

def test_kb_normalisation_and_aliases():
    kb = knowledge_base()
    assert normalize("Кот-д’Івуар") == normalize("кот-д'івуар")
    assert kb.lookup("ФРН", "uk").id == kb.lookup("ФРГ", "ru").id == kb.lookup("Germany", "en").id == "loc:country:DE"
    assert kb.lookup("північна корея", "uk").id == "loc:country:KP"
    assert kb.lookup("Соединённые Штаты", "ru").id == "loc:country:US"
    assert kb.lookup("U.S.", "en").id == "loc:country:US"
    # a wrong base form still matches through the lemma index
    assert kb.lookup("Німеччини", "uk").id == "loc:country:DE"
    assert kb.lookup("Альянсу", "uk").id == "org:NATO"
    assert kb.lookup("Євросоюзу", "uk").id == "org:EU"
    sizes = kb.sizes()
    assert sizes["country"] > 240 and sizes["city"] > 100 and sizes["organisation"] > 60


# ------------------------------------------------------------------ documents

def test_inflections_are_one_entity_with_a_kb_id():
    doc = make("Німеччина передала Україні зброю. Канцлер Німеччини прибув до Києва, а потім "
               "повернувся з Київа до Німеччини.", "uk",
               [("Німеччина", "LOC"), ("Німеччини", "LOC"), ("Україні", "LOC"), ("Києва", "LOC"), ("Київа", "LOC")],
               lemmas={"Київа": "Київа"})  # a wrong base form, as the analysis sometimes gives
    linked = link(doc)
    got = ids(linked)
    assert got["Німеччина"] == got["Німеччини"] == "loc:country:DE"
    assert got["Києва"] == got["Київа"] == "loc:city:Kyiv"
    de = entity(linked, "Німеччина")
    assert [m.start for m in de.mentions] == sorted(m.start for m in de.mentions)
    assert de.names == {"uk": "Німеччина", "ru": "Германия", "en": "Germany"}
    assert de.name == "Німеччина"


def test_countries_organisations_and_cities_across_languages():
    uk = link(make("ФРН і НАТО: у Києві міністри Альянсу обговорили допомогу; "
                   "Північноатлантичний альянс збільшить видатки.", "uk",
                   [("ФРН", "LOC"), ("НАТО", "ORG"), ("Києві", "LOC"), ("Альянсу", "ORG"),
                    ("Північноатлантичний альянс", "ORG")]))
    ru = link(make("Министры НАТО собрались в Киеве; Германия и ФРГ — одно и то же, "
                   "а Североатлантический альянс обещал помощь.", "ru",
                   [("НАТО", "ORG"), ("Киеве", "LOC"), ("Германия", "LOC"), ("ФРГ", "LOC"),
                    ("Североатлантический альянс", "ORG")]))
    en = link(make("NATO ministers met in Kyiv; Germany pledged more, the Alliance said.", "en",
                   [("NATO", "ORG"), ("Kyiv", "LOC"), ("Germany", "LOC"), ("Alliance", "ORG")]))
    u, r, e = ids(uk), ids(ru), ids(en)
    assert u["ФРН"] == r["Германия"] == r["ФРГ"] == e["Germany"] == "loc:country:DE"
    assert u["НАТО"] == u["Альянсу"] == u["Північноатлантичний альянс"] == r["НАТО"] \
        == r["Североатлантический альянс"] == e["NATO"] == e["Alliance"] == "org:NATO"
    assert u["Києві"] == r["Киеве"] == e["Kyiv"] == "loc:city:Kyiv"
    assert entity(ru, "ФРГ").name == "Германия" and entity(en, "Kyiv").name == "Kyiv"
    assert len([x for x in uk.entities if x.id == "org:NATO"]) == 1


def test_people_across_documents_and_languages():
    uk = link(make("Президент Володимир Зеленський зустрівся з Кирилом Будановим. Зеленський подякував "
                   "Буданову.", "uk",
                   [("Володимир Зеленський", "PER"), ("Кирилом Будановим", "PER"), ("Зеленський", "PER"),
                    ("Буданову", "PER")]))
    ru = link(make("Владимир Зеленский провёл встречу, на которой выступил Кирилл Буданов.", "ru",
                   [("Владимир Зеленский", "PER"), ("Кирилл Буданов", "PER")]))
    en = link(make("Volodymyr Zelenskyy met Kyrylo Budanov in Kyiv.", "en",
                   [("Volodymyr Zelenskyy", "PER"), ("Kyrylo Budanov", "PER"), ("Kyiv", "LOC")]))
    u, r, e = ids(uk), ids(ru), ids(en)
    assert u["Володимир Зеленський"] == u["Зеленський"] == r["Владимир Зеленский"] == e["Volodymyr Zelenskyy"]
    assert u["Кирилом Будановим"] == u["Буданову"] == r["Кирилл Буданов"] == e["Kyrylo Budanov"]
    assert u["Кирилом Будановим"].startswith("per:")
    assert len(uk.entities) == 2


def test_surname_alone_joins_the_full_name_even_when_typed_misc():
    doc = make("Прем'єр Нової Зеландії Ґрейс Тернбулл прибула до Варшави. Тернбулл заявила, що "
               "підтримка триватиме.", "uk",
               [("Нової Зеландії", "LOC"), ("Ґрейс Тернбулл", "PER"), ("Тернбулл", "MISC"), ("Варшави", "LOC")])
    got = ids(link(doc))
    assert got["Ґрейс Тернбулл"] == got["Тернбулл"]
    assert entity(link(doc), "Тернбулл").type == "PER"


def test_a_surname_alone_takes_the_full_names_surname_as_its_base_form():
    doc = make("Кір Стармер виступив у Палаті громад. Опозиція критикує Стармера.", "uk",
               [("Кір Стармер", "PER"), ("Стармера", "PER")])
    lemmas = {m.text: m.lemma for e in link(doc).entities for m in e.mentions}
    assert lemmas == {"Кір Стармер": "Кір Стармер", "Стармера": "Стармер"}


def test_two_people_with_one_surname_stay_apart():
    doc = make("Брати Остап Данилюк і Максим Данилюк виступили окремо. Данилюк не коментував.", "uk",
               [("Остап Данилюк", "PER"), ("Максим Данилюк", "PER"), ("Данилюк", "PER")])
    got = ids(link(doc))
    assert len({got["Остап Данилюк"], got["Максим Данилюк"], got["Данилюк"]}) == 3


def test_kb_corrects_the_type():
    doc = make("Іран та Нова Зеландія, а також Укрінформ, КНДР і ЄС.", "uk",
               [("Іран", "PER"), ("Нова Зеландія", "PER"), ("Укрінформ", "PER"), ("КНДР", "ORG"), ("ЄС", "LOC")])
    linked = link(doc)
    types = {m.text: e.type for e in linked.entities for m in e.mentions}
    assert types == {"Іран": "LOC", "Нова Зеландія": "LOC", "Укрінформ": "ORG", "КНДР": "LOC", "ЄС": "ORG"}
    assert entity(linked, "КНДР").id == "loc:country:KP"


def test_unknown_entities_keep_a_stable_fallback_id():
    uk = link(make("Підприємство «Зоряний шлях» отримало замовлення.", "uk", [("«Зоряний шлях»", "ORG")]))
    again = link(make("«Зоряний шлях» відзвітував.", "uk", [("«Зоряний шлях»", "ORG")]))
    assert uk.entities[0].id == again.entities[0].id and uk.entities[0].id.startswith("E")


def test_link_is_pure_and_idempotent():
    doc = make("Рютте прибув до Берліна.", "uk", [("Рютте", "PER"), ("Берліна", "LOC")])
    before = list(doc.entities)
    once = link(doc)
    assert doc.entities == before
    assert [e.id for e in link(once).entities] == [e.id for e in once.entities]


# ------------------------------------------------------------------ the seed, through the pipeline

def test_seed(seed_path):
    from newsgraph.analysis.annotate import _recognizer
    from newsgraph.ingest import read_path
    from newsgraph.pipeline import Pipeline

    if _recognizer("uk") is None:
        pytest.skip("no Ukrainian NER model")
    doc = next(Pipeline().process(r) for r in read_path(seed_path))
    by_text = {}
    for e in doc.entities:
        for m in e.mentions:
            by_text.setdefault(m.text, e)

    def same(*surfaces):
        return len({by_text[s].id for s in surfaces}) == 1

    assert same("Німеччина", "ФРН") and by_text["ФРН"].id == "loc:country:DE"
    assert same("КНДР", "Північної Кореї") and by_text["КНДР"].type == "LOC"
    assert same("Республікою Корея", "Південної Кореї")
    assert same("НАТО", "Альянс") and by_text["НАТО"].id == "org:NATO"
    assert same("Рютте", "Марк Рютте") and by_text["Рютте"].name == "Марк Рютте"
    assert by_text["Іран"].type == "LOC" and by_text["Нової Зеландії"].type == "LOC"
    assert by_text["Укрінформу"].type == "ORG"
    for surface, en in [("Німеччина", "Germany"), ("КНДР", "North Korea"), ("Республікою Корея", "South Korea"),
                        ("Японією", "Japan"), ("Китай", "China"), ("Іран", "Iran")]:
        assert by_text[surface].names["en"] == en
    assert len({e.id for e in doc.entities}) == len(doc.entities)


def test_surname_alone_joins_full_name_known_to_the_kb():
    """A KB person's surname alone and the full name in an oblique case are one
    entity (this once failed the whole analysis with a KeyError)."""
    text = ("Согласно распоряжению президента Дмитрия Медведева, переход на зимнее время отменяется. "
            "«Даю поручение правительству», — сказал Медведев.")
    doc = link(make(text, "ru", [("Дмитрия Медведева", "PER"), ("Медведев", "PER")]))
    people = [e for e in doc.entities if e.type == "PER"]
    assert len(people) == 1
    assert people[0].id == knowledge_base().person(*person_key("Дмитрий Медведев", "ru")).id
    assert len(people[0].mentions) == 2


def test_surname_known_to_the_kb_joins_an_unknown_full_name():
    """When the full name's base form came out wrong, the KB person's surname
    alone joins it and does not bring the KB's names to another id."""
    text = "Указ подписал Дмитрия Медведева. Позже Медведев уточнил детали."
    doc = link(make(text, "ru", [("Дмитрия Медведева", "PER"), ("Медведев", "PER")],
                    lemmas={"Дмитрия Медведева": "Дмитрия Медведева"}))
    people = [e for e in doc.entities if e.type == "PER"]
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_occupied_territories_are_places_with_readable_ids():
    doc = make("Бойовики так званої ДНР обстріляли Авдіївку.", "uk", [("ДНР", "ORG"), ("Авдіївку", "LOC")])
    dpr = entity(link(doc), "ДНР")
    assert (dpr.id, dpr.type) == ("loc:region:Donetsk-Peoples-Republic", "LOC")


def test_a_first_name_alone_is_the_one_person_of_the_document_who_bears_it(pipeline):
    from _docs import analysed
    doc = analysed(pipeline, "Премьер Великобритании Тереза Мей заявила, что Лондон выйдет из ЕС. "
                             "Позиция Терезы вызвала критику.\n")
    may = [e for e in doc.entities if e.id == "per:mei-teresa"]
    assert may and "Терезы" in [m.text for m in may[0].mentions]
    assert not [e for e in doc.entities if e.id == "per:teresa"]
    # two Borises: "Бориса" alone is neither
    doc = analysed(pipeline, "Борис Джонсон встретился с Борисом Немцовым. Бориса поддержали.\n")
    assert "per:boris" in {e.id for e in doc.entities}
