"""An organisation's staff as actors of their own, and the events they take part in."""
from __future__ import annotations

from newsgraph.extract.groups import group_id, org_of

from _docs import analysed


def by_name(doc, name: str):
    return next(e for e in doc.entities if e.name == name)


def test_staff_named_with_their_company_strike_against_it(pipeline):
    doc = analysed(pipeline, "Бортпровідники Ryanair оголосили страйк на 25 липня через умови праці.\n")
    ryanair = by_name(doc, "Ryanair")
    staff = [e for e in doc.entities if org_of(e) == ryanair.id]
    assert len(staff) == 1
    assert staff[0].id == group_id(ryanair.id, "бортпровідник")
    assert [m.text for m in staff[0].references] == ["Бортпровідники"]
    strikes = [e for e in doc.events if e.type == "PROTEST"]
    assert [(e.actors, e.recipients) for e in strikes] == [((staff[0].id,), (ryanair.id,))]


def test_staff_resolve_to_the_organisation_named_before_them(pipeline):
    doc = analysed(pipeline, "Профсоюз пилотов предупредил авиакомпанию «Аэрофлот» о проблемах. "
                            "Сотрудники начали забастовку в понедельник.\n")
    org = next(e for e in doc.entities if "Аэрофлот" in e.name)
    staff = [e for e in doc.entities if org_of(e) == org.id]
    # (the union, named before the company in its own sentence, is its staff too)
    assert "Сотрудники" in [m.text for e in staff for m in e.references]
    workers = next(e for e in staff if "Сотрудники" in [m.text for m in e.references])
    assert any(e.type == "PROTEST" and e.actors == (workers.id,) and e.recipients == (org.id,)
               for e in doc.events)


def test_staff_resolve_to_the_one_organisation_their_sentence_names_after_them(pipeline):
    doc = analysed(pipeline, "Из-за забастовки пилотов сегодня отменены 400 рейсов авиакомпании Ryanair.\n")
    ryanair = by_name(doc, "Ryanair")
    staff = [e for e in doc.entities if org_of(e) == ryanair.id]
    assert [m.text for e in staff for m in e.references] == ["пилотов"]


def test_staff_with_two_organisations_after_them_stay_unresolved(pipeline):
    doc = analysed(pipeline, "Из-за забастовки пилотов отменены рейсы авиакомпаний Ryanair и Lufthansa.\n")
    assert not [e for e in doc.entities if org_of(e)]


def test_staff_of_no_named_organisation_are_no_actor(pipeline):
    doc = analysed(pipeline, "Працівники заводу вийшли на страйк через борги із зарплати.\n")
    assert not [e for e in doc.entities if org_of(e)]
    assert not [e for e in doc.events if e.type == "PROTEST"]


def test_group_ids_agree_across_documents(pipeline):
    a = analysed(pipeline, "Пілоти Ryanair страйкуватимуть 10 серпня.\n")
    b = analysed(pipeline, "Пілоти Ryanair знову погрожують страйком.\n")
    ids = {e.id for d in (a, b) for e in d.entities if org_of(e)}
    assert len(ids) == 1
