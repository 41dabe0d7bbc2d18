"""Executors: the same documents from a pool or a Ray cluster as from one
process, and a worker that dies or hangs costs only its document."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsgraph.executor import close, make_executor
from newsgraph.executor.local import LocalPool
from newsgraph.ingest import read_paths
from newsgraph.model import Document, Failure, RawDocument, Source
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@dataclass
class Fragile(Pipeline):
    """Cleaning only (quick), no budgets, and two poisoned texts: one kills the
    worker process, one never returns."""

    analyze: bool = False
    budget_base: float = 0.0
    budget_per_10k: float = 0.0

    def clean(self, raw):
        if "CRASH" in raw.text:
            os._exit(3)
        if "HANG" in raw.text:
            time.sleep(3600)
        return super().clean(raw)


def snapshot(db: Path) -> dict:
    """What must agree between engines: documents with their whole analysis,
    reprint groups, entities, events and the site lines learnt."""
    with Store(db) as store:
        q = lambda sql: [tuple(r) for r in store.db.execute(sql)]  # noqa: E731
        return {
            "documents": q("SELECT id, language, title, duplicate_of, exact_key, analysis FROM documents ORDER BY id"),
            "entities": q("SELECT id, type, name FROM entities ORDER BY id"),
            "mentions": q('SELECT doc_id, entity_id, start, "end" FROM mentions ORDER BY 1, 2, 3'),
            "events": q("SELECT doc_id, type, mode, trigger_start, trigger_end FROM events ORDER BY 1, 4"),
            "segments": q('SELECT doc_id, idx, kind, language FROM segments ORDER BY 1, 2'),
            "site_lines": q("SELECT * FROM site_lines ORDER BY 1, 2, 3"),
        }


def ingest(db: Path, analyser) -> None:
    with Store(db) as store:
        store.ingest(read_paths([EXAMPLES]), analyser)


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("one") / "one.db"
    ingest(db, Pipeline())
    return snapshot(db)


def test_a_pool_of_two_stores_what_one_process_stores(tmp_path, one_process):
    pool = make_executor("local", 2)
    try:
        ingest(tmp_path / "pool.db", pool)
    finally:
        close(pool)
    got = snapshot(tmp_path / "pool.db")
    assert got == one_process
    assert any(d[3] for d in got["documents"])  # the reprints are grouped across workers
    assert got["events"] and got["entities"]


def _poisoned() -> list[RawDocument]:
    texts = ["Перший допис про погоду в Києві.", "CRASH тут.", "Другий допис про футбол у Львові.",
             "HANG тут.", "Третій допис про театр в Одесі.", "Четвертий допис про ринок у Харкові."]
    return [RawDocument(Source(path=f"doc{i}.txt"), t) for i, t in enumerate(texts)]


def _check_poisoned(results, died: str) -> None:
    assert [r.source.path for r in results] == [f"doc{i}.txt" for i in range(6)]  # input order
    assert isinstance(results[1], Failure) and died in results[1].reason
    assert isinstance(results[3], Failure) and "hard limit" in results[3].reason and "hung" in results[3].reason
    assert all(isinstance(results[i], Document) for i in (0, 2, 4, 5))


def test_a_worker_that_dies_or_hangs_fails_its_document_and_the_pool_goes_on():
    with LocalPool(Fragile, 2, chunk=3, timeout=4) as pool:
        results = list(pool.run(_poisoned()))
        _check_poisoned(results, "exited with status 3")
        again = list(pool.run(_poisoned()[:1]))  # the replaced workers still work
    assert isinstance(again[0], Document) and again[0].id == results[0].id


def test_failures_read_by_ingest_pass_through_in_place():
    items = [RawDocument(Source(path="a.txt"), "Перший допис."), Failure(Source(path="b.txt"), "empty file"),
             RawDocument(Source(path="c.txt"), "Другий допис.")]
    with LocalPool(Fragile, 2) as pool:
        out = list(pool.run(items))
    assert [x.source.path for x in out] == ["a.txt", "b.txt", "c.txt"]
    assert out[1] == items[1]


try:
    import ray  # noqa: F811
except ImportError:  # pragma: no cover - CI installs the ray extra
    ray = None
needs_ray = pytest.mark.skipif(ray is None, reason="the ray engine needs: pip install 'newsgraph[ray]'")


@pytest.fixture(scope="module")
def ray_cluster():
    """One local Ray instance for the module; the actors find this test module (for Fragile) on PYTHONPATH."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    here = str(Path(__file__).resolve().parent)
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": path}})
    yield
    ray.shutdown()


@needs_ray
def test_ray_stores_what_one_process_stores(tmp_path, one_process, ray_cluster):
    pool = make_executor("ray", 2)
    try:
        ingest(tmp_path / "ray.db", pool)
    finally:
        close(pool)
    assert snapshot(tmp_path / "ray.db") == one_process


@needs_ray
def test_a_ray_worker_that_dies_or_hangs_fails_its_document(ray_cluster):
    pool = make_executor("ray", 2, factory=Fragile, chunk=3, timeout=6)
    try:
        _check_poisoned(list(pool.run(_poisoned())), "Ray worker died")
    finally:
        close(pool)
