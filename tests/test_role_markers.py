"""A title held through a role marker ("в качестве", "на посаді"), and the synonyms of
that title resolved to its holder later in the document."""
from __future__ import annotations

from _docs import analysed


def analyse(pipeline, text):
    return analysed(pipeline, text + "\n")


def person(doc, surname):
    return next(e for e in doc.entities if e.type == "PER" and surname in e.name)


def test_a_title_after_a_role_marker_is_held_and_its_synonym_resolves(pipeline):
    doc = analyse(pipeline, "Тереза Мэй приняла отставку Бориса Джонсона в качестве министра иностранных дел. "
                            "Глава внешнеполитического ведомства сообщил о своей отставке утром.")
    johnson = person(doc, "Джонсон")
    assert any(r.title == "министр иностранных дел" for r in johnson.roles)
    assert "Глава внешнеполитического ведомства" in [m.text for m in johnson.references]


def test_ukrainian_role_marker(pipeline):
    doc = analyse(pipeline, "Дмитро Кулеба на посаді міністра закордонних справ відвідав Варшаву.")
    assert any(r.title == "міністр закордонних справ" for r in person(doc, "Кулеба").roles)


def test_no_marker_no_role(pipeline):
    doc = analyse(pipeline, "Борис Джонсон встретился с министром иностранных дел Франции.")
    assert not person(doc, "Джонсон").roles
