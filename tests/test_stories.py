"""A story and its reprints count once, and the CLI, the API and the queries agree on every count.

The bundled examples hold two stories with copies: the EU sanctions story (a feed item, then the
same article as HTML, as a text file and in a WARC: four copies) and the German aid story (a text
and its reprint). Each figure below is read three ways (``newsgraph ... --json``, the REST API, the
query functions) and must be the same number, counting each story once."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.serve import create_app  # noqa: E402
from newsgraph.store import Store, queries  # noqa: E402

CLI = [sys.executable, "-m", "newsgraph"]


def cli(db, *args) -> list[dict]:
    proc = subprocess.run(CLI + [*map(str, args), "--db", str(db), "--json"], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "NEWSGRAPH_DB": ""})
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("stories") / "examples.db"
    proc = subprocess.run(CLI + ["ingest", str(EXAMPLES), "--db", str(db)], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "4 as reprints" in proc.stdout
    return db


@pytest.fixture(scope="module")
def api(store):
    return TestClient(create_app(store))


def _sanctions_story(db) -> tuple[str, list[str]]:
    with Store(db) as s:
        row = s.db.execute("SELECT duplicate_of, count(*) FROM documents WHERE duplicate_of IS NOT NULL "
                           "GROUP BY duplicate_of ORDER BY 2 DESC").fetchone()
        return row[0], s.reprints(row[0])


def test_a_quote_repeated_by_three_reprints_is_listed_once_with_its_sources(store, api):
    story, copies = _sanctions_story(store)
    assert len(copies) == 3
    by_cli = cli(store, "quotes", "--speaker", "Ковальчика")
    by_api = api.get("/api/quotes", params={"speaker": "Ковальчик"}).json()["items"]
    with Store(store) as s:
        by_queries = queries.quotes(s.db, speaker="Михал Ковальчик")
    # two quotes of his in the story (his judgement of the decision and his words), each once
    assert len(by_cli) == len(by_api) == len(by_queries) == 2
    assert [q["id"] for q in by_cli] == [q["id"] for q in by_api] == [q["id"] for q in by_queries]
    (words,) = [q for q in by_cli if "импорт российского сжиженного газа" in q["content"]]
    assert words["doc_id"] == story
    assert sorted(c["id"] for c in words["reprints"]) == sorted(copies)
    assert "mirovye-vesti.ru" in {c["site"] for c in words["reprints"]}
    # --all lists the copies themselves
    assert len(cli(store, "quotes", "--speaker", "Ковальчик", "--all")) == 8


def test_graph_edges_count_a_story_once_in_cli_api_and_queries(store, api):
    g_cli = cli(store, "graph")[0]
    g_api = api.get("/api/graph").json()
    with Store(store) as s:
        g_q = queries.graph(s.db)
        reprint_ids = {r[0] for r in s.db.execute("SELECT id FROM documents WHERE duplicate_of IS NOT NULL")}
    weights = [{(e["source"], e["target"], e["type"]): e["count"] for e in g["edges"]} for g in (g_cli, g_api, g_q)]
    assert weights[0] == weights[1] == weights[2] and weights[0]
    assert weights[0][("loc:country:DE", "loc:country:UA", "AID")] == 1  # a story and its reprint
    assert weights[0][("org:EuropeanCouncil", "loc:country:RU", "AID")] == 1  # a story and three copies
    for e in g_cli["edges"]:
        texts = [ev["text"] for ev in e["evidence"]]
        assert len(texts) == len(set(texts)), texts  # the same sentence is never evidence twice
        assert not {ev["doc_id"] for ev in e["evidence"]} & reprint_ids
    sanctions = next(e for e in g_cli["edges"] if e["source"] == "org:EuropeanCouncil")
    assert len(sanctions["evidence"][0]["reprints"]) == 3
    # counting the copies too is asked for, and then it is more
    assert cli(store, "graph", "--all")[0]["edges"] != g_cli["edges"]


def test_entity_mention_counts_agree_and_count_stories(store, api):
    for ref, name in (("Ковальчик", "Михал Ковальчик"), ("Германии", "Німеччина"), ("Вайгеля", "Томас Вайгель")):
        (one,) = cli(store, "entity", ref)
        (listed,) = cli(store, "entities", "--q", ref)
        (by_api,) = api.get("/api/entities", params={"q": ref}).json()["items"]
        detail = api.get(f"/api/entities/{one['id']}").json()
        with Store(store) as s:
            (by_queries,) = queries.entities(s.db, q=ref)
        assert one["name"] == name
        counts = {(r["mentions"], r["documents"]) for r in (listed, by_api, by_queries)}
        assert counts == {(one["mention_count"], one["documents"])}, (ref, counts)
        assert len(detail["mentions"]) == len(one["mentions"]) == one["mention_count"]
        assert one["documents"] == 1, ref  # each of them is in one story, however often it was reprinted
        assert len(one["quotes_by"]) == len({q["content"] for q in one["quotes_by"]})


def test_events_and_search_leave_the_copies_out(store, api):
    by_cli = cli(store, "events")
    by_api = api.get("/api/events", params={"limit": 500}).json()["items"]
    assert [e["id"] for e in by_cli] == [e["id"] for e in by_api]
    with Store(store) as s:
        canonical = s.db.execute("SELECT count(*) FROM events ev JOIN documents d ON d.id = ev.doc_id "
                                 "WHERE d.duplicate_of IS NULL").fetchone()[0]
        everything = s.db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert len(by_cli) == canonical < everything
    hits = cli(store, "search", "санкциями")
    text_hits = [h for h in hits if not h["via"]]
    assert len(text_hits) == 1 and text_hits[0]["reprints"] == 3


def test_a_name_only_a_copy_carries_counts_once_from_the_first_copy(store, tmp_path):
    """A site may add a line to a story it reprints: the story then counts (once) through its first
    copy that names the entity, never through every copy."""
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(store, db)
    story, copies = _sanctions_story(db)
    with Store(db) as s:
        s.db.execute("DELETE FROM mentions WHERE doc_id = ? AND entity_id = 'per:kovalchik-migal'", (story,))
        per_copy = [s.db.execute("SELECT count(*) FROM mentions WHERE doc_id = ? AND entity_id = ?",
                                 (c, "per:kovalchik-migal")).fetchone()[0] for c in copies]
        assert all(per_copy)  # every copy still names him
        (row,) = queries.entities(s.db, q="per:kovalchik-migal")
        info = queries.entity(s.db, "per:kovalchik-migal")
    assert (row["mentions"], row["documents"]) == (per_copy[0], 1)
    assert {m["doc_id"] for m in info["mentions"]} == {copies[0]}


def test_search_through_the_named_entity_is_the_same_in_cli_and_api(store, api):
    by_cli = cli(store, "search", "Germany")
    page = api.get("/api/search", params={"q": "Germany"}).json()
    assert page["through"]["id"] == "loc:country:DE"
    via_cli = [h["id"] for h in by_cli if h["via"]]
    via_api = [h["id"] for h in page["items"] if h["via"]]
    assert via_cli and via_cli == via_api
    assert all(h["via"] == "loc:country:DE" and h["snippet"] == "" for h in page["items"] if h["via"])
    # the text matches come first, the stories found through the entity after them
    kinds = [h["via"] is None for h in page["items"]]
    assert kinds == sorted(kinds, reverse=True)


def _kept_counts(db) -> dict[str, tuple[int, int]]:
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT id, mention_count, story_count FROM entities WHERE story_count > 0 OR mention_count != 0")}


def test_kept_story_counts_equal_a_recount_whatever_order_the_copies_arrive_in(store, tmp_path):
    """The counts Store.save keeps (entity_stories, entities.mention_count/story_count) are those
    counted from scratch over the mentions, when the copies of a story come after the original or
    before it (the file order reversed makes another copy the story), after a hand-made change
    to the mentions of a story's first document and after a copy is deleted."""
    from newsgraph.ingest import read_paths
    from newsgraph.pipeline import Pipeline

    files = sorted(p for p in EXAMPLES.rglob("*") if p.is_file())
    firsts = []
    for name, order in (("forward", files), ("backward", files[::-1])):
        with Store(tmp_path / f"{name}.db") as s:
            report = s.ingest(read_paths(order), Pipeline())
            assert report.reprints == 4 and not report.failures
            kept = _kept_counts(s.db)
            assert kept == queries.recount(s.db) and kept, name
            firsts.append(_sanctions_story(tmp_path / f"{name}.db")[0])
    assert firsts[0] != firsts[1]  # each order made another copy the story
    with Store(store) as s:  # the CLI's store, and the query functions' answers, agree too
        assert _kept_counts(s.db) == queries.recount(s.db)
        for row in queries.entities(s.db, limit=500):
            assert queries.recount(s.db).get(row["id"], (0, 0)) == (row["mentions"], row["documents"])

    with Store(tmp_path / "forward.db") as s:
        story, copies = _sanctions_story(tmp_path / "forward.db")
        # the story's own document loses its mentions of one entity: its first copy counts instead
        (eid,) = s.db.execute("SELECT entity_id FROM mentions WHERE doc_id = ? GROUP BY entity_id "
                              "ORDER BY count(*) DESC, entity_id LIMIT 1", (story,)).fetchone()
        before = queries.story_counts(s.db, eid)
        s.db.execute("DELETE FROM mentions WHERE doc_id = ? AND entity_id = ?", (story, eid))
        assert _kept_counts(s.db) == queries.recount(s.db)
        assert queries.story_counts(s.db, eid)["documents"] == before["documents"]
        (holder,) = s.db.execute("SELECT doc_id FROM entity_stories WHERE entity_id = ? AND story_id = ?",
                                 (eid, story)).fetchone()
        assert holder == copies[0]
        # a copy gone (its mentions cascade): the next copy counts
        s.db.execute("DELETE FROM documents_fts WHERE rowid = (SELECT rowid FROM documents WHERE id = ?)",
                     (copies[0],))
        s.db.execute("DELETE FROM documents WHERE id = ?", (copies[0],))
        assert _kept_counts(s.db) == queries.recount(s.db)
        # and the mentions come back to the story's document: it counts again
        s.db.execute("""INSERT INTO mentions (doc_id, entity_id, start, "end", text, lemma, kind)
                        VALUES (?, ?, 0, 5, 'x', 'x', 'name')""", (story, eid))
        assert _kept_counts(s.db) == queries.recount(s.db)
        assert s.db.execute("SELECT doc_id, mentions FROM entity_stories WHERE entity_id = ? AND story_id = ?",
                            (eid, story)).fetchone()[:] == (story, 1)


def test_a_store_written_before_the_kept_counts_gets_them_when_opened(store, tmp_path):
    """Migration 0005 counts an older store's mentions once, by the same rule."""
    import shutil
    import sqlite3

    db = tmp_path / "old.db"
    shutil.copy(store, db)
    old = sqlite3.connect(db)
    for trigger in ("entity_stories_added", "entity_stories_changed", "entity_stories_removed", "mentions_added",
                    "mentions_removed", "events_published", "quotes_published"):
        old.execute(f"DROP TRIGGER {trigger}")
    for index in ("entities_by_stories", "mentions_references", "events_order", "quotes_order",
                  "quotes_speaker_order"):  # (an indexed column cannot be dropped)
        old.execute(f"DROP INDEX {index}")
    for table in ("entity_stories", "graph_edges", "graph_evidence", "entity_links", "entity_events"):
        old.execute(f"DROP TABLE {table}")  # migration 0006's too: a store of version 4 has neither
    for table, column in (("entities", "mention_count"), ("entities", "story_count"), ("events", "published"),
                          ("quotes", "published"), ("events", "recipient_phrases")):  # 0007's too
        old.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    old.execute("PRAGMA user_version = 4")
    old.commit()
    old.close()
    with Store(db) as s:
        assert _kept_counts(s.db) == queries.recount(s.db) and _kept_counts(s.db)
        with Store(store) as new:
            assert _kept_counts(s.db) == _kept_counts(new.db)
            assert queries.events(s.db, limit=500) == queries.events(new.db, limit=500)
            assert queries.quotes(s.db, limit=500) == queries.quotes(new.db, limit=500)
