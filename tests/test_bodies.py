"""A body or force of a state named by the state's adjective stands for the state
("російські війська", "пакистанские власти"), as event coders code a place for its
officials; nothing else named by such an adjective does."""
from __future__ import annotations

import importlib

import pytest

from _docs import analysed


coref = importlib.import_module("newsgraph.extract.coref")


def references(doc, kind: str = "role") -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.references if m.kind == kind] for e in doc.entities if e.type == "LOC"}


def test_forces_named_by_adjective_act_for_their_state(pipeline):
    doc = analysed(pipeline, "Росія напала на Україну.\nУранці російські війська обстріляли Харків.\n")
    assert references(doc)["Росія"] == ["російські війська"]
    russia = next(e.id for e in doc.entities if e.name == "Росія")
    kharkiv = next(e.id for e in doc.entities if e.name == "Харків")
    assert any(ev.type == "ASSAULT" and russia in ev.actors and kharkiv in ev.recipients for ev in doc.events)


def test_authorities_in_russian_resolve_to_the_country_named_elsewhere(pipeline):
    doc = analysed(pipeline, "Суд Пакистана оправдал Асию Биби.\nПакистанские власти пообещали рассмотреть петицию.\n")
    assert references(doc)["Пакистан"] == ["Пакистанские власти"]


@pytest.mark.parametrize("text", [
    "Україна отримала допомогу.\nБританський уряд виділив кошти.\n",  # a place the text does not name
    "Велика Британія вийшла з ЄС.\nБританський фунт подешевшав до долара.\n",  # an adjective on a thing
])
def test_an_adjective_of_a_place_stays_unresolved_without_the_place_or_the_body(pipeline, text):
    assert all(not refs for refs in references(analysed(pipeline, text)).values())


def test_place_stem_matches_the_one_place_that_shares_most():
    places = [("словаччина", 0), ("словенія", 1), ("росія", 2), ("австралія", 3)]
    assert coref._place_of(coref._place_stem("словацький", ("ський", "цький", "зький")), places) == 0
    assert coref._place_of(coref._place_stem("російський", ("ський", "цький", "зький")), places) == 2
    assert coref._place_of(coref._place_stem("австрійський", ("ський", "цький", "зький")), places) is None
    assert coref._place_stem("малий", ("ський",)) is None


def country_nouns(doc) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.references if m.lemma in ("країна", "держава", "страна", "государство")]
            for e in doc.entities if e.type == "LOC"}


def test_bare_country_noun_means_the_country_named_last(pipeline):
    doc = analysed(pipeline, "Суд Пакистана оправдал Асию Биби.\nГосударство пообещало защитить её.\n")
    assert country_nouns(doc)["Пакистан"] == ["Государство"]


@pytest.mark.parametrize("text", [
    # a country noun with its own modifier is another country
    "Україна закрила кордон.\nСусідня країна відкрила свій, а країни ЄС мовчать.\n",
    # and it resolves no further than the sentence before
    "Польща отримала вакцину.\nВакцинація почалася в понеділок.\nЛікарі працюють без вихідних.\n"
    "Держава оплатить щеплення.\n",
])
def test_a_country_noun_stays_unresolved_when_another_or_far(pipeline, text):
    assert all(not refs for refs in country_nouns(analysed(pipeline, text)).values())


# ---- an organisation's class noun ------------------------------------------------------------------

def org_references(doc) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.references if m.kind == "role"] for e in doc.entities if e.type == "ORG"}


def test_a_class_noun_means_the_organisation_introduced_with_it(pipeline):
    doc = analysed(pipeline, "Угорська авіакомпанія Wizz Air скасувала 300 рейсів.\n"
                            "Працівники компанії оголосили страйк. Авіакомпанія відкинула вимоги пілотів.\n")
    assert org_references(doc)["Wizz Air"] == ["Авіакомпанія"]  # "компанії": never introduced
    wizz = next(e.id for e in doc.entities if e.name == "Wizz Air")
    assert any(ev.type == "REJECT" and wizz in ev.actors for ev in doc.events)


def test_the_class_noun_of_a_story_speaks_for_its_organisation(pipeline):
    doc = analysed(pipeline, "Российский концерн «Росатом» построит станцию в Египте.\n"
                            "Концерн заявил, что работы начнутся весной.\n")
    rosatom = next(e.id for e in doc.entities if e.name.startswith("Росатом"))
    assert [q.speaker for q in doc.quotes] == [rosatom]


def test_a_class_noun_counted_or_owned_by_others_is_no_reference(pipeline):
    doc = analysed(pipeline, "Немецкая компания BioNTech и американская компания Pfizer создали вакцину.\n"
                            "Обе компании подадут заявку. Их компанию критикуют.\n")
    assert not any(org_references(doc).values())
