"""One entity, one id inside a document: glosses, initials, legal forms, one type."""
from __future__ import annotations

import pytest

from newsgraph.ingest import read_bytes
from newsgraph.model import Source
from newsgraph.pipeline import Pipeline


@pytest.fixture(scope="module")
def doc():
    text = ("Авіакомпанія Ryanair (Райанейр) скасувала рейси. Компанія «Газпром» (Gazprom) та "
            "ПАТ «Газпром» підписали угоду. Як зазначив Ж.-К. Юнкер, Жан-Клод Юнкер зустрівся з "
            "Терезою Мей. Європейська Комісія (ЄК) схвалила план. Ryanair закриє бази в аеропортах "
            "Ейндховена (Нідерланди) і Бремена (Німеччина).\n")
    return Pipeline().process(next(iter(read_bytes(text.encode(), Source(path="t.txt")))))


def entity_of(doc, surface: str):
    hits = [e for e in doc.entities if any(m.text == surface for m in e.mentions)]
    assert len(hits) == 1, (surface, [(e.name, [m.text for m in e.mentions]) for e in doc.entities])
    return hits[0]


@pytest.mark.parametrize("alias,name", [
    ("Райанейр", "Ryanair"),            # a gloss in brackets, another script
    ("Gazprom", "Газпром"),
    ("ПАТ «Газпром»", "Газпром"),       # the legal form taken off
    ("Ж.-К. Юнкер", "Жан-Клод Юнкер"),  # initials with the surname
    ("ЄК", "Європейська Комісія"),      # an acronym in brackets
])
def test_alias_shares_the_id(doc, alias, name):
    assert entity_of(doc, alias) is entity_of(doc, name)


def test_one_name_one_type(doc):
    ryanair = [e for e in doc.entities if any(m.text == "Ryanair" for m in e.mentions)]
    assert len(ryanair) == 1 and ryanair[0].type == "ORG"
    assert sum(m.text == "Ryanair" for m in ryanair[0].mentions) == 2


def test_a_place_in_brackets_qualifies_and_stays_apart(doc):
    assert entity_of(doc, "Ейндховена").id != entity_of(doc, "Нідерланди").id
    assert entity_of(doc, "Бремена").id != entity_of(doc, "Німеччина").id
