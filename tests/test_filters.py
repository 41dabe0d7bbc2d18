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
