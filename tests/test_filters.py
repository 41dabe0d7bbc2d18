"""Dates and event types are checked the same way by the CLI and the API."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.serve.app import create_app
from newsgraph.store import Store, filters


@pytest.mark.parametrize("value,expected", [("2024-03-12", "2024-03-12"), ("2024-03", "2024-03"),
                                            ("2024", "2024"), (" 2024-02-29 ", "2024-02-29")])
def test_iso_dates(value, expected):
    assert filters.iso_date(value) == expected


@pytest.mark.parametrize("value", ["12.03.2024", "2024-13-45", "2023-02-29", "yesterday", "2024-3-1"])
def test_not_iso_dates(value):
    with pytest.raises(filters.FilterError, match="date"):
        filters.iso_date(value)


def test_event_types():
    assert filters.event_types("aid, Sanction") == "AID,SANCTION"
    with pytest.raises(filters.FilterError, match="valid: AGREE, CONSULT"):
        filters.event_types("AID,HELP")
    assert len(filters.EVENT_TYPES) == 16


@pytest.fixture
def client(tmp_path):
    Store(tmp_path / "t.db").close()
    with TestClient(create_app(tmp_path / "t.db")) as c:
        yield c


@pytest.mark.parametrize("url", ["/api/events?since=12.03.2024", "/api/events?type=HELP",
                                 "/api/graph?until=2024-13-45", "/api/export/events.csv?type=NOPE"])
def test_api_answers_422_with_the_reason(client, url):
    r = client.get(url)
    assert r.status_code == 422
    assert "date" in r.json()["detail"] or "valid: AGREE" in r.json()["detail"]


def test_api_accepts_good_filters(client):
    assert client.get("/api/events?since=2024-03&type=aid").status_code == 200


def test_the_sql_builder_refuses_filters_its_rows_do_not_have(tmp_path):
    with Store(tmp_path / "t.db") as s:
        with pytest.raises(TypeError, match="documents have no filter actor, place"):
            filters.where(s.db, "documents", actor="Germany", place="Kyiv")
        with pytest.raises(TypeError, match="events have no filter entity"):
            filters.where(s.db, "events", entity="Germany")
        with pytest.raises(ValueError, match="not 'quotes'"):
            filters.where(s.db, "quotes")
        assert filters.where(s.db, "events") == ([], [])


def test_an_entity_filter_that_names_nothing_matches_nothing(tmp_path):
    # never dropped, which would match everything: the condition stays, with a value no id has
    with Store(tmp_path / "t.db") as s:
        for kind, key in (("events", "place"), ("events", "actor"), ("events", "source"), ("documents", "entity")):
            where, args = filters.where(s.db, kind, **{key: "Ніденемаєтакого"})
            assert len(where) == 1 and args == [""], key
            where, args = filters.where(s.db, kind, **{key: ["loc:city:Kyiv", "loc:city:Lviv"]})
            assert len(where) == 1 and args == ["loc:city:Kyiv", "loc:city:Lviv"], key


def test_api_an_unknown_place_is_422(client):
    r = client.get("/api/events?place=Kyiv")  # an empty store names no place at all
    assert r.status_code == 422 and r.json() == {"detail": "place: no entity named Kyiv", "suggestions": []}
