"""Migration 0009: the covering index the entity page's co-mentions are read off.

The index changes how ``queries.neighbours`` finds the entities named beside one, never what it
answers: a store written before the migration gets the index when opened, the entity page (every
list on it, neighbours included) is the same payload before and after, and the co-mentions join
is planned index-only on it.
"""
from __future__ import annotations

import shutil
import sqlite3
from collections import Counter

import pytest

from newsgraph.ingest import read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store, queries
from newsgraph.store.sqlite import _migrations

from conftest import EXAMPLES

INDEX = "mentions_doc_entity"


@pytest.fixture(scope="module")
def new_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("entity_index") / "new.db"
    with Store(path) as store:
        report = store.ingest(read_paths([EXAMPLES]), Pipeline())
        assert report.stored and report.reprints  # reprints: co-mentions count a story once
    return path


def _raw(path) -> sqlite3.Connection:
    """The store's connection without migrating it (Store would)."""
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return db


def _page(db, entity_id: str) -> dict:
    """The entity page's payload as the server builds it from the store."""
    from newsgraph.serve import names

    info = names.entity(db, queries.entity(db, entity_id))
    info["neighbours"] = queries.neighbours(db, entity_id)
    return info


def _entity_ids(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT entity_id FROM mentions ORDER BY entity_id")]


def _indexes(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions'")}


def _co_mentions_plan(db, entity_id: str) -> list[str]:
    """EXPLAIN QUERY PLAN of the co-mentions query neighbours runs (caught as it runs)."""
    seen: list[str] = []
    db.set_trace_callback(seen.append)
    try:
        queries.neighbours(db, entity_id)
    finally:
        db.set_trace_callback(None)
    (sql,) = [s for s in seen if "JOIN mentions m2" in s]
    return [r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql)]


def test_an_older_store_gets_the_index_and_the_entity_page_is_unchanged(new_db, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(new_db, old)
    db = sqlite3.connect(old)
    db.execute(f"DROP INDEX {INDEX}")
    db.execute("PRAGMA user_version = 8")
    db.commit()
    db.close()
    raw = _raw(old)
    ids = _entity_ids(raw)
    assert len(ids) > 10
    before = {eid: _page(raw, eid) for eid in ids}
    assert any(p["neighbours"] for p in before.values())
    plan = _co_mentions_plan(raw, ids[0])
    assert not any(INDEX in step for step in plan), plan
    raw.close()
    with Store(old) as store:
        assert store._version() == _migrations()[-1][0] >= 9
        assert INDEX in _indexes(store.db)
        assert {eid: _page(store.db, eid) for eid in ids} == before
    with Store(new_db) as store:  # a store made new has it too, and the same pages
        assert INDEX in _indexes(store.db)
        assert {eid: _page(store.db, eid) for eid in ids} == before


def test_co_mentions_are_read_off_the_covering_index(new_db):
    with Store(new_db) as store:
        for eid in _entity_ids(store.db)[:5]:
            plan = _co_mentions_plan(store.db, eid)
            assert f"SEARCH m2 USING COVERING INDEX {INDEX} (doc_id=?)" in plan, plan


def test_co_mention_counts_are_stories_counted_once(new_db):
    """neighbours' ``documents``: the stories (a reprint counts as its original) among the entity's
    first 500 documents that name the other entity too, recounted here in Python."""
    with Store(new_db) as store:
        db = store.db
        story = {r[0]: r[1] or r[0] for r in db.execute("SELECT id, duplicate_of FROM documents")}
        names_in = {}
        for doc_id, entity_id in db.execute("SELECT doc_id, entity_id FROM mentions"):
            names_in.setdefault(doc_id, set()).add(entity_id)
        checked = 0
        for eid in _entity_ids(db):
            docs = sorted(d for d, named in names_in.items() if eid in named)[:500]
            pairs = {(story[d], other) for d in docs for other in names_in[d] if other != eid}
            want = Counter(other for _, other in pairs)
            for n in queries.neighbours(db, eid, limit=1000):
                assert n["documents"] == want.get(n["id"], 0), (eid, n["id"])
                checked += n["documents"] > 0
        assert checked


def test_a_speakers_quotes_page_is_read_off_the_speaker_order_index(new_db):
    """Migration 0010: one page of a speaker's quotes, in the list's order, without sorting them all."""
    with Store(new_db) as store:
        db = store.db
        speaker = db.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL "
                             "GROUP BY speaker ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        seen: list[str] = []
        db.set_trace_callback(seen.append)
        try:
            page = queries.quotes(db, speaker=speaker, limit=5)
        finally:
            db.set_trace_callback(None)
        assert page
        plans = [[r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql)] for sql in seen
                 if "FROM quotes" in sql and "ORDER BY" in sql]
        assert any(any("quotes_speaker_order" in step for step in plan) for plan in plans), plans
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quotes'")}
        assert "quotes_speaker" not in names  # the new index's prefix serves its lookups
