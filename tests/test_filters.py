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


# ---- entity filters naming nothing, and the place filter, over a store with events ----------------


MOSCOW = "loc:city:Moscow"
#: every endpoint and the entity filters it takes: a name that names nothing is a 422, never an empty list
ENTITY_FILTERS = {
    "/api/events": ("actor", "recipient", "speaker", "place"),
    "/api/events/facets": ("actor", "recipient", "speaker", "place"),
    "/api/export/events.csv": ("actor", "recipient", "speaker", "place"),
    "/api/export/events.jsonl": ("actor", "recipient", "speaker", "place"),
    "/api/quotes": ("speaker", "about"),
    "/api/quotes/facets": ("speaker", "about"),
    "/api/export/quotes.csv": ("speaker", "about"),
    "/api/graph": ("entity",),
    "/api/export/graph.graphml": ("actor",),  # the graph's entity, by the lists' name
}


@pytest.mark.parametrize("path,param", [(p, k) for p, keys in ENTITY_FILTERS.items() for k in keys])
def test_an_entity_filter_naming_nothing_is_422_with_the_nearest_names(api, path, param):
    none = api.get(path, params={param: "Ніденемаєтакого"})
    assert none.status_code == 422, none.text
    assert none.json() == {"detail": f"{param}: no entity named Ніденемаєтакого", "suggestions": []}
    typo = api.get(path, params={param: "Москваа"})
    assert typo.status_code == 422 and typo.json()["detail"] == f"{param}: no entity named Москваа"
    near = typo.json()["suggestions"]
    assert MOSCOW in [s["id"] for s in near] and {"id", "name", "names", "type", "documents"} <= set(near[0])
    # a name that does name an entity filters as before; an empty one is no filter (place: a 422, as it was)
    assert api.get(path, params={param: "Москве"}).status_code == 200
    if param != "place":
        assert api.get(path, params={param: ""}).status_code == 200


def test_the_first_unknown_name_is_the_one_answered(api):
    r = api.get("/api/events", params={"actor": "Москве", "recipient": "Ніденемаєтакого", "place": "Нідетакого"})
    assert r.status_code == 422 and r.json()["detail"] == "recipient: no entity named Ніденемаєтакого"


def test_the_openapi_description_lists_the_422s(api):
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/facets", "/api/quotes", "/api/quotes/facets", "/api/graph",
                 "/api/export/{kind}.{fmt}"):
        assert "422" in paths[path]["get"]["responses"], path
    for path in ("/api/events/facets", "/api/export/{kind}.{fmt}"):
        assert "place" in {p["name"] for p in paths[path]["get"]["parameters"]}, path


def _located(db, place: str) -> list[int]:
    return [r[0] for r in db.execute("""SELECT ev.id FROM events ev JOIN documents d ON d.id = ev.doc_id
                                        WHERE ev.location = ? AND d.duplicate_of IS NULL ORDER BY ev.id""", (place,))]


def _export_ids(api, fmt: str, params: dict) -> list[int]:
    import csv
    import io
    import json

    r = api.get(f"/api/export/events.{fmt}", params=params)
    assert r.status_code == 200, r.text
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in r.text.splitlines()]
    return [int(row["id"]) for row in csv.DictReader(io.StringIO(r.text))]


def test_place_filters_the_facets_and_the_exports_as_the_list(api, examples):
    with Store(examples) as s:
        moscow = _located(s.db, MOSCOW)
    assert len(moscow) == 1  # the ACCUSE event of a story reprinted three times: one event
    for ref in (MOSCOW, "Москвы", "Moscow"):
        listed = [e["id"] for e in api.get("/api/events", params={"place": ref}).json()["items"]]
        assert listed == moscow, ref
        facets = api.get("/api/events/facets", params={"place": ref}).json()
        assert facets["total"] == len(moscow), ref
        groups = {g["key"]: g for g in facets["groups"]}
        assert [(v["value"], v["count"]) for v in groups["place"]["values"]] == [(MOSCOW, 1)]
        assert groups["place"]["param"] == "place" and groups["place"]["values"][0]["names"]["ru"]
        for fmt in ("csv", "jsonl"):
            assert _export_ids(api, fmt, {"place": ref}) == moscow, (ref, fmt)
    # with the other filters, as /api/events narrows
    assert api.get("/api/events/facets", params={"place": MOSCOW, "type": "AID"}).json()["total"] == 0
    assert _export_ids(api, "jsonl", {"place": MOSCOW, "type": "AID"}) == []
    assert _export_ids(api, "csv", {"place": MOSCOW, "recipient": "ЕС"}) == moscow
    # every place the unfiltered facets count lists that many events, and exports them
    everything = {g["key"]: g for g in api.get("/api/events/facets").json()["groups"]}["place"]["values"]
    assert MOSCOW in [v["value"] for v in everything]
    for v in everything:
        page = api.get("/api/events", params={"place": v["value"], "limit": 500}).json()["items"]
        assert len(page) == v["count"] == len(_export_ids(api, "jsonl", {"place": v["value"]})), v["value"]
    # the filter of events only: the other exports do not take it (nor check it)
    assert api.get("/api/export/quotes.csv", params={"place": "Ніденемаєтакого"}).status_code == 200


# ---- the same answers from PostgreSQL --------------------------------------------------------------

from test_postgres import cluster  # noqa: E402,F401  (its throwaway PostgreSQL; skips without one unless CI)


@pytest.fixture(scope="module")
def pg_url(cluster):  # noqa: F811
    from test_map import build_store_url

    url = cluster.new_database("filters")
    build_store_url(url)
    return url


def test_postgres_answers_the_entity_filters_alike(pg_url, examples):
    import json

    with TestClient(create_app(pg_url)) as pg, TestClient(create_app(examples)) as lite:
        for path, params in (("/api/events/facets", {"place": MOSCOW}), ("/api/events/facets", {"place": "Москвы"}),
                             ("/api/events/facets", {}), ("/api/events/facets", {"place": MOSCOW, "type": "AID"})):
            a, b = pg.get(path, params=params), lite.get(path, params=params)
            assert a.status_code == b.status_code == 200 and a.json() == b.json(), (path, params)
        for params in ({"place": MOSCOW}, {"place": "Москве", "recipient": "ЕС"}, {"place": MOSCOW, "type": "AID"}):
            a, b = pg.get("/api/export/events.jsonl", params=params), lite.get("/api/export/events.jsonl", params=params)
            assert a.status_code == b.status_code == 200, params
            evidence = lambda r: [json.loads(line)["evidence"] for line in r.text.splitlines()]  # noqa: E731
            assert evidence(a) == evidence(b) and len(evidence(b)) == (params.get("type") is None), params
        for path, keys in ENTITY_FILTERS.items():
            for param in keys:
                for ref in ("Ніденемаєтакого", "Москваа"):
                    a, b = pg.get(path, params={param: ref}), lite.get(path, params={param: ref})
                    assert a.status_code == b.status_code == 422 and a.json() == b.json(), (path, param, ref)
