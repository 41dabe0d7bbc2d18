"""The REST API (newsgraph.serve) on a store built from the bundled examples, the seed when it is
beside the repository, and an XSS probe."""
from __future__ import annotations

import csv
import io
import itertools
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.ingest import read_bytes, read_paths  # noqa: E402
from newsgraph.model import Failure, Source  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.serve import create_app  # noqa: E402
from newsgraph.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "seed"

XSS_TEXT = (
    "Проба XSS <script>alert(1)</script> у заголовку\n\n"
    "Ця стаття перевіряє, що текст статті показується як текст: <img src=x onerror=alert(1)>.\n\n"
    "Київ повідомив, що <script>alert(1)</script> не виконується, а <b onmouseover=alert(1)>жирний</b> "
    "тег лишається текстом.\n"
)


def build_store(path: Path, *, seed: bool = True) -> dict[str, str]:
    """Ingest the examples (and the seed) plus the XSS probe; return ids of the probe and the seed."""
    ids: dict[str, str] = {}
    paths = [EXAMPLES] + ([SEED] if seed and SEED.exists() else [])
    items = itertools.chain(read_paths(paths), read_bytes(XSS_TEXT.encode(), Source(path="xss_probe.txt"), "text"))

    def note(item) -> None:
        source = item.source.path or ""
        if source == "xss_probe.txt":
            assert not isinstance(item, Failure), item
            ids["xss"] = item.id
        elif "000_d000e6e2b3859341" in source and not isinstance(item, Failure):
            ids["seed"] = item.id

    with Store(path) as store:
        store.ingest(items, Pipeline(), on_item=note)
    return ids


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.db"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(built):
    return TestClient(create_app(built[0]))


def test_documents_paginate_in_a_stable_order(client):
    first = client.get("/api/documents", params={"limit": 5}).json()
    assert first["total"] >= 12 and len(first["items"]) == 5 and first["next_offset"] == 5
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/documents", params={"limit": 5, "offset": offset}).json()
        seen += [d["id"] for d in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == first["total"]
    again = client.get("/api/documents", params={"limit": 100}).json()
    assert [d["id"] for d in again["items"]] == seen
    # reprints are left out unless asked for
    assert client.get("/api/documents", params={"all": True}).json()["total"] == first["total"] + 4


def test_search_with_snippets_any_inflection(client):
    res = client.get("/api/search", params={"q": "санкциями"}).json()
    hit = res["items"][0]
    assert "санкци" in hit["title"].lower() and hit["reprints"] == 3
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].lower().startswith("санкци")
    # the query also finds entities, in any language
    ents = client.get("/api/search", params={"q": "Германии"}).json()["entities"]
    assert any(e["id"] == "loc:country:DE" for e in ents)


def test_one_document_with_its_knowledge(client, built):
    ids = built[1]
    if "seed" not in ids:
        pytest.skip("../shared/seed is not beside the repository")
    doc = client.get(f"/api/documents/{ids['seed'][:8]}").json()
    assert doc["id"] == ids["seed"]
    kinds = [s["kind"] for s in doc["segments"]]
    assert kinds[:2] == ["title", "lead"] and "boilerplate" in kinds and "related" in kinds
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    assert any(m["name"] == "Марк Рютте" for m in doc["mentions"])
    direct = [q for q in doc["quotes"] if q["kind"] == "direct" and q["speaker_name"] == "Марк Рютте"]
    assert len(direct) == 3
    for q in doc["quotes"]:
        assert doc["text"][q["content_start"]:q["content_end"]] == q["content"]
    aid = [e for e in doc["events"] if e["type"] == "AID"
           and any(a["id"] == "loc:country:DE" for a in e["actors"])]
    assert aid and "28" in aid[0]["evidence"]
    assert client.get("/api/documents/nope-nothing").status_code == 404


def test_entities_by_any_alias_and_one_entity(client, built):
    for ref in ("Німеччина", "Германии", "Germany", "Німеччиною"):
        found = client.get("/api/entities", params={"q": ref}).json()["items"]
        assert [e["id"] for e in found] == ["loc:country:DE"], ref
    assert client.get("/api/entities", params={"type": "PER", "limit": 3}).json()["items"][0]["type"] == "PER"
    if "seed" not in built[1]:
        pytest.skip("../shared/seed is not beside the repository")
    e = client.get("/api/entities/Рютте").json()
    assert e["names"]["en"] == "Mark Rutte" and e["names"]["uk"] == "Марк Рютте"
    assert any(r["title"] == "генеральний секретар" and r["org"] == "org:NATO" for r in e["roles"])
    assert sum(q["kind"] == "direct" for q in e["quotes_by"]) == 3
    assert e["mentions"] and isinstance(e["neighbours"], list)
    germany = client.get("/api/entities/loc:country:DE").json()
    assert any(ev["type"] == "AID" for ev in germany["events_as_actor"])
    assert client.get("/api/entities/Ніхтонезнаєхто").status_code == 404


def test_quotes_and_event_filters(client, built):
    if "seed" not in built[1]:
        pytest.skip("../shared/seed is not beside the repository")
    quotes = client.get("/api/quotes", params={"speaker": "Rutte"}).json()["items"]
    assert quotes and all(q["speaker"] == "per:rute-mark" for q in quotes)
    aid = client.get("/api/events", params={"type": "AID", "recipient": "Україні"}).json()["items"]
    assert aid and all(e["type"] == "AID" for e in aid)
    assert all(any(r["id"] == "loc:country:UA" for r in e["recipients"]) for e in aid)
    by_germany = client.get("/api/events", params={"actor": "Germany", "type": "AID"}).json()["items"]
    assert by_germany and all(any(a["id"] == "loc:country:DE" for a in e["actors"]) for e in by_germany)
    ru = client.get("/api/events", params={"language": "ru"}).json()["items"]
    assert all(e["language"] == "ru" for e in ru)
    dated = client.get("/api/events", params={"since": "2024-11-14", "until": "2024-11-14"}).json()["items"]
    assert all((e["date"] or e["published"])[:10] == "2024-11-14" for e in dated)
    assert client.get("/api/events", params={"since": "2100-01-01"}).json()["items"] == []
    many = client.get("/api/events", params={"limit": 3}).json()
    assert len(many["items"]) == 3 and many["next_offset"] == 3


def test_events_at_each_place_are_those_stored_there(client, built):
    # every place some event is located at (the examples, and the seed where it is beside the repository)
    with Store(built[0]) as store:
        located: dict[str, list[int]] = {}
        for eid, ev in store.db.execute(
                """SELECT ev.location, ev.id FROM events ev JOIN documents d ON d.id = ev.doc_id
                   WHERE ev.location IS NOT NULL AND d.duplicate_of IS NULL ORDER BY ev.id"""):
            located.setdefault(eid, []).append(ev)
    assert "loc:city:Moscow" in located
    for eid, ids in located.items():
        page = client.get("/api/events", params={"place": eid, "limit": 500}).json()
        assert sorted(e["id"] for e in page["items"]) == ids, eid
    ru = client.get("/api/events", params={"place": "Москве", "language": "ru"}).json()["items"]
    assert [e["id"] for e in ru] == located["loc:city:Moscow"]
    assert client.get("/api/events", params={"place": "Москве", "language": "en"}).json()["items"] == []


def test_graph_edges_carry_evidence_and_quad(client, built):
    g = client.get("/api/graph", params={"type": "AID"}).json()
    assert g["edges"] and {e["quad"] for e in g["edges"]} == {"material_cooperation"}
    names = {n["id"]: n for n in g["nodes"]}
    for e in g["edges"]:
        assert e["source"] in names and e["target"] in names and e["evidence"][0]["text"]
    if "seed" in built[1]:
        de_ua = [e for e in g["edges"] if (e["source"], e["target"]) == ("loc:country:DE", "loc:country:UA")]
        assert de_ua and any("€28" in ev["text"] for ev in de_ua[0]["evidence"])
    windows = client.get("/api/graph", params={"window": "month"}).json()
    assert all("window" in e for e in windows["edges"])
    assert client.get("/api/graph", params={"window": "fortnight"}).status_code == 422


def test_graph_kept_as_counted(built, tmp_path):
    """The graph and the event neighbours read off the tables kept at save time are those counted
    from the events, page by page; the migration fills the tables of a store written before them."""
    import shutil

    from newsgraph.store import edges, queries

    with Store(built[0]) as store:
        db = store.db
        counted = edges.recount(db)
        assert counted["graph_edges"]
        for name in ("graph_edges", "graph_evidence", "entity_links", "entity_events"):
            assert counted[name] == counted[name + " (kept)"], name
        ids = [r["id"] for r in queries.entities(db, limit=12)]
        for kw in ({}, {"window": "month"}, {"window": "year"}, {"window": "day", "evidence": 1},
                   {"type": "AID,COOPERATE"}, {"entity": ids[0]}, {"entity": ids[3], "window": "month"},
                   {"include_duplicates": True}, {"evidence": 0}, {"evidence": 50}):
            assert queries.graph(db, **kw) == queries.graph(db, kept=False, **kw), kw
            for page in ({"limit": 3}, {"limit": 4, "offset": 2}, {"limit": 5, "offset": 10_000}):
                assert queries.graph(db, **kw, **page) == queries.graph(db, kept=False, **kw, **page), (kw, page)
        for eid in ids:
            assert queries.neighbours(db, eid) == queries.neighbours(db, eid, kept=False), eid
            for kw in ({"actor": eid}, {"recipient": eid}, {"actor": eid, "type": "AID,COOPERATE,CONSULT"},
                       {"recipient": eid, "since": "2024-06", "limit": 3, "offset": 1},
                       {"actor": eid, "recipient": ids[0]}, {"recipient": eid, "language": "uk"}):
                assert queries.events(db, **kw) == queries.events(db, kept=False, **kw), (eid, kw)
        kept = {k: v for k, v in counted.items() if "kept" in k}
    old = tmp_path / "old.db"
    shutil.copy(built[0], old)
    with Store(old) as store:  # as a store written before migration 0006
        for table in ("graph_edges", "graph_evidence", "entity_links", "entity_events"):
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("ALTER TABLE events DROP COLUMN recipient_phrases")  # migration 0007's
        store.db.execute("PRAGMA user_version = 5")
    with Store(old) as store:
        assert {k: v for k, v in edges.recount(store.db).items() if "kept" in k} == kept


def test_exports(client):
    jl = client.get("/api/export/events.jsonl", params={"limit": 4})
    assert jl.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in jl.text.splitlines()]
    assert len(rows) == 4 and jl.headers["x-next-offset"] == "4" and 'rel="next"' in jl.headers["link"]
    nxt = client.get("/api/export/events.jsonl", params={"limit": 4, "offset": 4}).text.splitlines()
    assert {r["id"] for r in rows}.isdisjoint(json.loads(x)["id"] for x in nxt)
    table = list(csv.DictReader(io.StringIO(client.get("/api/export/entities.csv", params={"limit": 10}).text)))
    assert len(table) == 10 and {"id", "type", "name"} <= set(table[0])
    docs = client.get("/api/export/documents.jsonl", params={"limit": 2}).text.splitlines()
    assert {"text", "segments", "entities", "events"} <= set(json.loads(docs[0]))
    graphml = ET.fromstring(client.get("/api/export/graph.graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert graphml.findall(".//g:node", ns) and graphml.findall(".//g:edge", ns)
    gexf = ET.fromstring(client.get("/api/export/graph.gexf", params={"type": "AID"}).content)
    edges = gexf.findall(".//{http://gexf.net/1.3}edge")
    assert edges and all(e.get("label").startswith("AID") for e in edges)
    assert client.get("/api/export/graph.pdf").status_code == 404
    assert client.get("/api/export/secrets.csv").status_code == 404


def test_xss_probe_comes_back_as_text(client, built):
    doc = client.get(f"/api/documents/{built[1]['xss']}").json()
    assert "<script>alert(1)</script>" in doc["text"] and "<img src=x onerror=alert(1)>" in doc["text"]
    assert "<script>" in doc["title"] or "<img" in doc["title"]  # the cleaner picks the title line
    assert client.get(f"/api/documents/{built[1]['xss']}").headers["content-type"].startswith("application/json")


def test_explorer_page_and_security_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in page.text.replace("<script src=", "")  # no inline script in the page itself
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js.replace("no innerHTML", "").split("*/", 1)[1]
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/search", "/api/entities/{ref}", "/api/graph", "/api/events"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Swagger UI comes from this server, not a CDN: the page works offline
    assert "http://" not in docs.text and "https://" not in docs.text
    assert "/docs-static/swagger-ui-bundle.js" in docs.text
    assert "https:" not in docs.headers["content-security-policy"]
    bundle = client.get("/docs-static/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text[:200000]


def test_read_only_without_a_token(client):
    assert client.post("/api/documents", content=b"text").status_code == 405
    assert client.delete("/api/documents/x").status_code in (404, 405)


def test_upload_needs_the_token_and_a_small_body(built, tmp_path):
    app = create_app(built[0], token="s3cret", max_body=2000)
    c = TestClient(app)
    body = "Тестова стаття\n\nУряд Польщі оголосив про нову допомогу Україні.\n".encode()
    assert c.post("/api/documents", content=body).status_code == 401
    assert c.post("/api/documents", content=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = c.post("/api/documents", params={"filename": "t.txt"}, content=body,
                headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200, ok.text
    stored = ok.json()["stored"]
    assert len(stored) == 1 and c.get(f"/api/documents/{stored[0]}").status_code == 200
    again = c.post("/api/documents", content=body, headers={"Authorization": "Bearer s3cret"}).json()
    assert again["already_stored"] == stored
    big = c.post("/api/documents", content=b"x" * 5000, headers={"Authorization": "Bearer s3cret"})
    assert big.status_code == 413


def test_request_limits(client):
    assert client.get("/api/documents", params={"limit": 100000}).status_code == 422
    assert client.get("/api/search", params={"q": "а" * 5000}).status_code == 414
    assert client.get("/api/search", params={"q": "a" * 400}).status_code == 422


def test_trusted_hosts(built):
    c = TestClient(create_app(built[0], allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1")
    assert c.get("/api/stats").status_code == 200
    assert c.get("/api/stats", headers={"Host": "evil.example"}).status_code == 400


#: an event whose recipient no entity stands for ("фермерів"), located in Warsaw
FARMERS = "У Варшаві уряд Польщі відхилив вимоги фермерів.\n"


def test_an_events_recipient_phrases_in_the_api_and_its_exports(tmp_path):
    db = tmp_path / "farmers.db"
    with Store(db) as store:
        (doc_id,) = store.ingest(read_bytes(FARMERS.encode(), Source(path="farmers.txt"), "text"), Pipeline()).stored
    start = FARMERS.index("фермерів")
    phrase = {"start": start, "end": start + len("фермерів"), "text": "фермерів"}
    c = TestClient(create_app(db))

    def reject(rows):
        (ev,) = [e for e in rows if e["type"] == "REJECT"]
        return ev

    listed = reject(c.get("/api/events").json()["items"])
    assert listed["recipient_phrases"] == [phrase] and listed["recipients"] == []
    assert [a["id"] for a in listed["actors"]] == ["loc:country:PL"]
    assert reject(c.get(f"/api/documents/{doc_id}").json()["events"])["recipient_phrases"] == [phrase]
    assert reject(c.get("/api/entities/loc:country:PL").json()["events_as_actor"])["recipient_phrases"] == [phrase]
    assert reject(c.get("/api/map/places/loc:city:Warsaw").json()["events"])["recipient_phrases"] == [phrase]
    spec = c.get("/openapi.json").json()["components"]["schemas"]
    assert "recipient_phrases" in spec["Event"]["properties"] and spec["RecipientPhrase"]["required"] == [
        "start", "end", "text"]
    jl = [json.loads(line) for line in c.get("/api/export/events.jsonl").text.splitlines()]
    assert reject(jl)["recipient_phrases"] == [phrase]
    table = list(csv.DictReader(io.StringIO(c.get("/api/export/events.csv").text.lstrip("\ufeff"))))
    assert reject(table)["recipient_phrases"] == "фермерів" and reject(table)["actors"] == "Польща"
