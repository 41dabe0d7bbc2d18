"""The map (issue 16, "time and place at a glance"): the places of a store with their coordinates and
counts, through the queries (newsgraph.store.geo), the API (/api/map) and the PostgreSQL store, on the
bundled examples (tests/test_api.py's store, without the seed so that the counts are exact). The
examples hold one Russian story reprinted three times whose ACCUSE event is located in Moscow: a
reprint is one story and never one more event. Also the shipped data: coordinates for every place
of the knowledge base but seas and macro-regions, and boundaries whose ids are knowledge-base ids."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.link.data.coordinates import COORDINATES
from newsgraph.link.kb import knowledge_base
from newsgraph.store import Store, geo, open_store, queries
from newsgraph.store.lookup import resolve

from test_api import build_store

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "src" / "newsgraph" / "serve" / "static" / "geo"
MOSCOW, UKRAINE, KYIV = "loc:city:Moscow", "loc:country:UA", "loc:city:Kyiv"

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.serve import create_app, schemas  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.db"
    build_store(path, seed=False)
    return path


@pytest.fixture(scope="module")
def db(built):
    with Store(built) as s:
        yield s.db


@pytest.fixture(scope="module")
def api(built):
    return TestClient(create_app(built))


def _by_id(answer) -> dict[str, dict]:
    return {p["id"]: p for p in answer["places"]}


# ---- the shipped data ------------------------------------------------------------------------------

def test_every_knowledge_base_place_but_seas_and_macro_regions_has_a_point():
    kb = knowledge_base()
    places = [e for e in kb.entries.values() if e.type == "LOC"]
    missing = sorted(e.id for e in places if e.id not in COORDINATES)
    # seas and macro-regions get none; so do four CLDR territories Natural Earth's 1:50m countries do
    # not draw and GeoNames gives no capital (uninhabited or spread over an ocean)
    assert missing == ["loc:country:BQ", "loc:country:BV", "loc:country:TK", "loc:country:UM",
                       "loc:region:Black-Sea", "loc:region:Europe", "loc:region:Indo-Pacific", "loc:region:Middle-East"]
    for eid, (lat, lon) in COORDINATES.items():
        assert eid in kb.entries, eid
        assert -90 <= lat <= 90 and -180 <= lon <= 180, eid
    # a few points checked against an atlas (within about 0.1°)
    for eid, (lat, lon) in {"loc:city:Kyiv": (50.45, 30.52), "loc:city:Lviv": (49.84, 24.02),
                            "loc:city:Washington": (38.90, -77.04), "loc:city:Sevastopol": (44.61, 33.52),
                            "loc:city:Santiago": (-33.46, -70.65)}.items():
        assert abs(COORDINATES[eid][0] - lat) < 0.1 and abs(COORDINATES[eid][1] - lon) < 0.1, eid
    # a country's point lies in the country, an oblast's in Ukraine
    assert 44 < COORDINATES[UKRAINE][0] < 53 and 22 < COORDINATES[UKRAINE][1] < 41
    assert 50 < COORDINATES["loc:country:RU"][0] < 75 and 40 < COORDINATES["loc:country:RU"][1] < 140
    assert 49 < COORDINATES["loc:region:Kharkiv-Oblast"][0] < 51 and 35 < COORDINATES["loc:region:Kharkiv-Oblast"][1] < 38.5
    assert 177 < COORDINATES["loc:country:FJ"][1] < 180  # Fiji straddles the antimeridian


def _inside(ring, lon, lat) -> bool:
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def _holder(features, lon, lat) -> str | None:
    for f in features:
        g = f["geometry"]
        for poly in [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]:
            if _inside(poly[0], lon, lat) and not any(_inside(hole, lon, lat) for hole in poly[1:]):
                return f["properties"].get("id")
    return None


def test_the_boundaries_are_small_geojson_with_knowledge_base_ids():
    sizes = {p.name: p.stat().st_size for p in GEO.glob("*.geojson")}
    assert set(sizes) == {"countries.geojson", "ukraine-admin1.geojson"}
    assert sum(sizes.values()) < 3_000_000
    countries = json.loads((GEO / "countries.geojson").read_text())["features"]
    admin1 = json.loads((GEO / "ukraine-admin1.geojson").read_text())["features"]
    kb = knowledge_base()
    ids = [f["properties"]["id"] for f in countries if "id" in f["properties"]]
    assert len(ids) > 230 and all(i in kb.entries for i in ids)
    assert len(admin1) == 27 and all(f["properties"]["id"] in kb.entries for f in admin1)
    # Crimea is drawn as part of Ukraine (Simferopol), Kharkiv in Kharkiv oblast, Moscow in Russia
    assert _holder(countries, 34.11, 44.96) == UKRAINE
    assert _holder(countries, 37.62, 55.75) == "loc:country:RU"
    assert _holder(admin1, 36.25, 49.98) == "loc:region:Kharkiv-Oblast"
    assert _holder(admin1, 30.52, 50.45) == KYIV


# ---- the counts ----------------------------------------------------------------------------------

def test_a_reprinted_story_is_one_story_and_its_event_one_event(db):
    # the ACCUSE event located in Moscow is stored four times: in the story and in its three reprints
    rows = db.execute("""SELECT d.duplicate_of IS NOT NULL FROM events ev JOIN documents d ON d.id = ev.doc_id
                         WHERE ev.location = ?""", (MOSCOW,)).fetchall()
    assert sorted(r[0] for r in rows) == [0, 1, 1, 1]
    docs = db.execute("SELECT count(DISTINCT doc_id) FROM mentions WHERE entity_id = ?", (MOSCOW,)).fetchone()[0]
    assert docs == 5  # the story, its three reprints and the Nordic summit
    m = _by_id(geo.places(db))[MOSCOW]
    assert (m["events"], m["stories"], m["mentions"]) == (1, 2, 3)
    assert (m["lat"], m["lon"]) == COORDINATES[MOSCOW]


def test_places_count_the_stories_entity_pages_count(db):
    answer = geo.places(db)
    placed = _by_id(answer)
    for eid, stories, mentions in db.execute(
            "SELECT id, story_count, mention_count FROM entities WHERE type = 'LOC' AND story_count > 0"):
        p = placed.get(eid) or next(u for u in answer["unplaced"] if u["id"] == eid)
        assert (p["stories"], p["mentions"]) == (stories, mentions), eid
    # 24 mentions: names and references, "українських військових" (Ukraine's servicemen) among them
    assert placed[UKRAINE]["stories"] == 6 and placed[UKRAINE]["mentions"] == 24
    assert placed[KYIV]["stories"] == 3
    # most events and stories first; the sum of the placed ones
    order = [(-(p["events"] + p["stories"]), -p["events"]) for p in answer["places"]]
    assert order == sorted(order)
    assert answer["totals"] == {k: sum(p[k] for p in answer["places"]) for k in ("events", "stories", "mentions")}
    assert answer["totals"]["events"] == 1


def test_places_without_coordinates_are_counted_not_guessed(db):
    answer = geo.places(db)
    unplaced = {p["id"]: p for p in answer["unplaced"]}
    assert answer["unplaced_total"] == len(unplaced) == 6
    assert all("lat" not in p for p in unplaced.values())
    names = {p["name"] for p in unplaced.values()}
    assert {"Трухановый остров", "Подол"} <= names  # places the knowledge base does not know
    assert "loc:region:Europe" in unplaced  # a macro-region: no point
    assert not set(unplaced) & set(_by_id(answer))


def test_filters(db):
    # an event type keeps its events and the stories holding one
    accuse = _by_id(geo.places(db, type="ACCUSE"))
    assert accuse[MOSCOW]["events"] == 1 and accuse[MOSCOW]["stories"] == 1
    assert all(p["events"] == 0 for eid, p in accuse.items() if eid != MOSCOW)
    assert geo.places(db, type="AID")["totals"]["events"] == 0
    # language and site are those of the story's canonical document
    en = _by_id(geo.places(db, language="en"))
    assert MOSCOW in en and en[MOSCOW]["events"] == 0 and en[MOSCOW]["stories"] == 1
    assert "loc:country:DK" in en and "loc:city:Lviv" not in en
    assert _by_id(geo.places(db, language="ru"))[MOSCOW]["events"] == 1
    site = _by_id(geo.places(db, site="novyny-regionu.com.ua"))
    assert set(site) == {"loc:city:Kharkiv", "loc:city:Lviv"} | ({UKRAINE} & set(site))
    # dates: the event's own date, else its publication (2024-11-14 for the Moscow story)
    assert geo.places(db, since="2024-11-15")["totals"]["events"] == 0
    assert _by_id(geo.places(db, since="2024-11-14", until="2024-11-14"))[MOSCOW]["events"] == 1
    assert geo.places(db, until="2024-11-13")["totals"]["events"] == 0


def test_one_place_lists_its_events_and_stories(db):
    d = geo.place(db, MOSCOW, lang="en")
    assert d["place"]["name"] == "Moscow" and d["place"]["events"] == 1 and d["place"]["stories"] == 2
    assert [e["type"] for e in d["events"]] == ["ACCUSE"]
    ev = d["events"][0]
    assert ev["evidence"] and ev["doc_id"] in {x["id"] for x in d["documents"]}
    assert len(ev["reprints"]) == 3  # shown beside the story, not counted again
    assert len(d["documents"]) == 2 and all(x["duplicate_of"] is None for x in d["documents"])
    assert {x["reprints"] for x in d["documents"]} == {3, 0}
    assert geo.place(db, "loc:nowhere") is None
    kyiv = geo.place(db, KYIV, language="ru")
    assert kyiv["place"]["stories"] == len(kyiv["documents"]) == 1 and kyiv["events"] == []


def _located(db, entity_id: str, *, reprints: bool = False) -> list[int]:
    """The ids of the events stored as located at a place, read straight from the table."""
    return [r[0] for r in db.execute(
        "SELECT ev.id FROM events ev JOIN documents d ON d.id = ev.doc_id WHERE ev.location = ?"
        + ("" if reprints else " AND d.duplicate_of IS NULL") + " ORDER BY ev.id", (entity_id,))]


def test_events_at_a_place_by_its_id_or_any_of_its_names(db):
    canonical = _located(db, MOSCOW)
    assert len(canonical) == 1 and len(_located(db, MOSCOW, reprints=True)) == 4
    for ref in (MOSCOW, "Moscow", "Москвы", "Москві"):
        assert [e["id"] for e in queries.events(db, place=ref)] == canonical, ref
    assert sorted(e["id"] for e in queries.events(db, place="Москва", include_duplicates=True)) == \
        _located(db, MOSCOW, reprints=True)
    # with an actor or recipient, on both of the list's paths: off entity_events (one entity) and walking the events
    assert resolve(db, "ЕС") == ["org:EU"]
    for kept in (True, False):
        assert [e["id"] for e in queries.events(db, place=MOSCOW, recipient="ЕС", kept=kept)] == canonical, kept
        assert queries.events(db, place=MOSCOW, actor="Germany", kept=kept) == [], kept
    assert queries.events(db, place=MOSCOW, type="AID") == []
    assert queries.events(db, place=KYIV) == [] and queries.events(db, place="Ніденемаєтакого") == []
    assert queries.events(db) and len(queries.events(db)) > len(canonical)  # the filter does filter
    # the map counts a place's events by the list's rule, under every filter the two share
    for kw in ({}, {"type": "ACCUSE"}, {"type": "AID"}, {"since": "2024-11-15"}, {"until": "2024-11-14"},
               {"until": "2024-11-13"}, {"language": "en"}, {"language": "ru"}):
        assert geo.place(db, MOSCOW, **kw)["place"]["events"] == len(queries.events(db, place=MOSCOW, **kw)), kw


def test_a_place_pages_its_events_and_stories_together(db):
    whole = geo.place(db, UKRAINE)
    assert len(whole["documents"]) == whole["place"]["stories"] == 6 and whole["next_offset"] is None
    seen, offset, pages = [], 0, 0
    while offset is not None:
        page = geo.place(db, UKRAINE, limit=4, offset=offset)
        assert page["place"] == whole["place"] and (page["limit"], page["offset"]) == (4, offset)
        seen += page["documents"]
        offset, pages = page["next_offset"], pages + 1
    assert pages == 2 and seen == whole["documents"]
    # Moscow: one event, two stories; the second page holds the second story and no event
    first, second = geo.place(db, MOSCOW, limit=1), geo.place(db, MOSCOW, limit=1, offset=1)
    assert (len(first["events"]), len(first["documents"]), first["next_offset"]) == (1, 1, 1)
    assert (second["events"], len(second["documents"]), second["next_offset"]) == ([], 1, None)
    assert [d["id"] for d in first["documents"] + second["documents"]] == \
        [d["id"] for d in geo.place(db, MOSCOW)["documents"]]
    past = geo.place(db, MOSCOW, offset=10)
    assert past["events"] == past["documents"] == [] and past["next_offset"] is None
    assert past["place"]["stories"] == 2  # the counts are the place's, whatever the page


# ---- the API -------------------------------------------------------------------------------------

def test_api_map(api, db):
    r = api.get("/api/map")
    assert r.status_code == 200
    body = r.json()
    # what the queries answer, as the response model sends it (an unplaced place's lat and lon null)
    assert body == json.loads(schemas.MapPlaces.model_validate(geo.places(db)).model_dump_json())
    assert all(p["lat"] is None and p["lon"] is None for p in body["unplaced"])
    assert _by_id(api.get("/api/map", params={"lang": "uk"}).json())[MOSCOW]["name"] == "Москва"
    assert _by_id(api.get("/api/map", params={"lang": "en"}).json())[UKRAINE]["name"] == "Ukraine"
    ru = api.get("/api/map", params={"lang": "ru", "type": "accuse", "since": "2024-11"}).json()
    assert _by_id(ru)[MOSCOW]["events"] == 1 and _by_id(ru)[MOSCOW]["name"] == "Москва"
    for bad in ({"type": "NOPE"}, {"since": "12.03.2024"}, {"lang": "de"}):
        assert api.get("/api/map", params=bad).status_code == 422, bad
    place = api.get(f"/api/map/places/{MOSCOW}", params={"lang": "en"}).json()
    assert place["place"]["events"] == 1 and len(place["events"]) == 1 and len(place["documents"]) == 2
    assert place["events"][0]["actors"] is not None
    assert api.get("/api/map/places/loc:nowhere").status_code == 404
    spec = api.get("/openapi.json").json()
    assert "/api/map" in spec["paths"] and "/api/map/places/{entity_id}" in spec["paths"]
    assert {"MapPlaces", "MapPlace", "MapPlaceDetail"} <= set(spec["components"]["schemas"])


def test_api_events_at_a_place(api, db):
    def ids(r):
        assert r.status_code == 200, r.text
        return [e["id"] for e in r.json()["items"]]

    assert ids(api.get("/api/events", params={"place": "Москвы"})) == _located(db, MOSCOW)
    assert ids(api.get("/api/events", params={"place": MOSCOW, "recipient": "ЕС"})) == _located(db, MOSCOW)
    assert ids(api.get("/api/events", params={"place": MOSCOW, "type": "AID"})) == []
    assert ids(api.get("/api/events", params={"place": KYIV})) == []  # a place where nothing happened
    # a place that names no entity is an error saying so, not an empty list; a typo gets the nearest names
    unknown = api.get("/api/events", params={"place": "Ніденемаєтакого"})
    assert unknown.status_code == 422 and unknown.json()["detail"] == "place: no entity named Ніденемаєтакого"
    typo = api.get("/api/events", params={"place": "Москваа"})
    assert typo.status_code == 422 and MOSCOW in [s["id"] for s in typo.json()["suggestions"]]
    assert api.get("/api/events", params={"place": ""}).status_code == 422
    assert api.get("/api/events", params={"place": "x" * 301}).status_code == 422
    assert "place" in {p["name"] for p in api.get("/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]}


def test_api_place_pages(api):
    url = f"/api/map/places/{UKRAINE}"
    seen, offset = [], 0
    while offset is not None:
        body = api.get(url, params={"limit": 4, "offset": offset}).json()
        assert (body["limit"], body["offset"]) == (4, offset)
        seen += [d["id"] for d in body["documents"]]
        offset = body["next_offset"]
    assert len(seen) == 6 and seen == [d["id"] for d in api.get(url).json()["documents"]]
    assert api.get(url).json()["next_offset"] is None
    for bad in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"offset": 10 ** 12}, {"offset": "two"}):
        assert api.get(url, params=bad).status_code == 422, bad


def test_the_explorer_serves_the_map_files(api):
    page = api.get("/").text
    for path in ("/static/vendor/leaflet.js", "/static/vendor/leaflet.css", "/static/map.js"):
        assert path in page
        assert api.get(path).status_code == 200, path
    for path in ("/static/geo/countries.geojson", "/static/geo/ukraine-admin1.geojson"):
        r = api.get(path)
        assert r.status_code == 200 and r.json()["type"] == "FeatureCollection"
    css = api.get("/static/vendor/leaflet.css").text
    assert "images/layers.png" in css and api.get("/static/vendor/images/layers.png").status_code == 200


# ---- the same answers from PostgreSQL --------------------------------------------------------------

from test_postgres import cluster  # noqa: E402,F401  (its throwaway PostgreSQL; skips without one unless CI)


@pytest.fixture(scope="module")
def pg(built, cluster):  # noqa: F811
    url = cluster.new_database("map")
    build_store_url(url)
    store = open_store(url)
    yield store, url
    store.close()


def build_store_url(url: str) -> None:
    """The examples into a PostgreSQL store, as build_store puts them into a file."""
    import itertools

    from newsgraph.ingest import read_bytes, read_paths
    from newsgraph.model import Source
    from newsgraph.pipeline import Pipeline
    from test_api import EXAMPLES, XSS_TEXT

    items = itertools.chain(read_paths([EXAMPLES]), read_bytes(XSS_TEXT.encode(), Source(path="xss_probe.txt"), "text"))
    with open_store(url) as store:
        store.ingest(items, Pipeline())


def test_postgres_gives_the_same_map(pg, db, built):
    store, url = pg
    for kw in ({}, {"type": "ACCUSE"}, {"language": "ru"}, {"site": "mirovye-vesti.ru"}, {"since": "2024-11-14"},
               {"until": "2024-11-13"}, {"lang": "en"}):
        assert geo.places(store.db, **kw) == geo.places(db, **kw), kw
    for eid in (MOSCOW, UKRAINE, KYIV):
        a, b = geo.place(db, eid), geo.place(store.db, eid)
        key = lambda x: x["id"]  # noqa: E731  (stories published at the same time may come in either order)
        assert a["place"] == b["place"], eid
        assert [e["evidence"] for e in a["events"]] == [e["evidence"] for e in b["events"]], eid
        assert sorted(a["documents"], key=key) == sorted(b["documents"], key=key), eid
    with TestClient(create_app(url)) as c, TestClient(create_app(built)) as lite:
        assert c.get("/api/map?lang=uk").json() == lite.get("/api/map?lang=uk").json()
        for params in ({"place": "Москвы"}, {"place": MOSCOW, "recipient": "ЕС"}, {"place": MOSCOW, "type": "AID"}):
            a, b = c.get("/api/events", params=params), lite.get("/api/events", params=params)
            assert a.status_code == b.status_code == 200 and len(b.json()["items"]) == (params.get("type") is None)
            assert [e["evidence"] for e in a.json()["items"]] == [e["evidence"] for e in b.json()["items"]], params
        for ref in ("Ніденемаєтакого", "Москваа"):
            a, b = c.get("/api/events", params={"place": ref}), lite.get("/api/events", params={"place": ref})
            assert a.status_code == b.status_code == 422 and a.json() == b.json(), ref


def test_postgres_filters_and_pages_a_place_alike(pg, db):
    store, _ = pg
    for kw, n in (({}, 1), ({"include_duplicates": True}, 4), ({"recipient": "ЕС"}, 1),
                  ({"type": "ACCUSE", "since": "2024-11"}, 1), ({"until": "2024-11-13"}, 0)):
        for ref in (MOSCOW, "Москве"):
            a, b = queries.events(db, place=ref, **kw), queries.events(store.db, place=ref, **kw)
            assert len(a) == n and [e["evidence"] for e in a] == [e["evidence"] for e in b], (ref, kw)
    pages = [geo.place(store.db, UKRAINE, limit=4, offset=o) for o in (0, 4)]
    assert [p["next_offset"] for p in pages] == [4, None]
    ids = [d["id"] for p in pages for d in p["documents"]]
    assert len(ids) == len(set(ids)) == 6 and set(ids) == {d["id"] for d in geo.place(db, UKRAINE)["documents"]}
