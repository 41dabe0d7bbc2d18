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


@dataclass
class SlowFirst(Pipeline):
    """Cleaning only, and one text that takes seconds: the documents behind it in input order
    are finished by the other worker meanwhile."""

    analyze: bool = False

    def clean(self, raw):
        if "SLOW" in raw.text:
            time.sleep(3)
        return super().clean(raw)


def test_results_are_reported_as_the_workers_finish_them_not_in_input_order():
    """``on_result`` (what the progress counts) hears of the other worker's documents while the
    first one, which everything yielded waits for, is still being analysed; once per item."""
    texts = ["SLOW допис про погоду в Києві."] + [f"Допис номер {i} про футбол у Львові." for i in range(1, 6)]
    raws = [RawDocument(Source(path=f"doc{i}.txt"), t) for i, t in enumerate(texts)]
    arrived: list[str] = []
    with LocalPool(SlowFirst, 2, chunk=1) as pool:
        pool.on_result = lambda item: arrived.append(item.source.path)
        results = pool.run(raws + [Failure(Source(path="bad.txt"), "empty file")])
        first = next(results)
        heard_before_first = len(arrived)
        rest = list(results)
    assert first.source.path == "doc0.txt" and len(rest) == 6  # still yielded in input order
    assert heard_before_first >= 3  # doc1, doc3, doc5 (the second worker's) and the failure read
    assert sorted(arrived) == sorted(r.source.path for r in [first, *rest])  # each once


def _progress_inputs(folder: Path) -> int:
    """Six text files, a JSONL file of three records and an empty file: 10 items, 1 failure."""
    import json

    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Новина {i} про ремонт доріг\n\nУ місті номер {i} відремонтували "
                                         f"{i + 2} вулиці та {i + 5} тротуарів.\n", encoding="utf-8")
    records = [{"url": f"https://site{i}.example/a", "title": f"Заголовок {i}",
                "text": f"Текст новини {i} про нову школу в селі номер {i}."} for i in range(3)]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                       encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return 10


def _ingest_progress(monkeypatch, tmp_path, *args) -> str:
    """``newsgraph ingest`` in this process with a cleaning-only pipeline (the counting is what is
    tested, not the analysis); its stderr, which is no terminal, with a line at every change."""
    from functools import partial

    from click.testing import CliRunner

    import newsgraph.executor
    from newsgraph.cli import main

    monkeypatch.setattr(newsgraph.executor, "make_executor",
                        partial(newsgraph.executor.make_executor, factory=partial(Pipeline, analyze=False)))
    total = _progress_inputs(tmp_path / "in")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "p.db"),
                                       "--ok-on-failure", *map(str, args)],
                                env={"NEWSGRAPH_PROGRESS_SECONDS": "0"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"{total} documents read: {total - 1} stored" in result.stdout and "1 failed" in result.stdout
    return result.stderr


def _check_progress(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.startswith("ingesting:")]
    assert lines and all("documents/s" in line and "ETA" in line for line in lines), stderr
    done = [int(line.split()[1].split("/")[0]) for line in lines]
    assert done == sorted(done) and done[-1] == 10, stderr  # every document, counted as it came back
    assert "ingesting: 10/10 documents (100%, 1 failed)" in stderr, stderr
    assert "ingested: 10 documents (1 failed) from 8 files" in stderr, stderr


@pytest.mark.parametrize("shards", [False, True], ids=["direct", "shards"])
def test_the_progress_of_two_workers_counts_every_document(monkeypatch, tmp_path, shards):
    extra = ["--shards", tmp_path / "shards"] if shards else []
    _check_progress(_ingest_progress(monkeypatch, tmp_path, "--workers", "2", *extra))


def test_a_bad_progress_interval_is_an_error_before_any_worker_starts(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    for bad in ("soon", "-1", "nan"):
        result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "x.db"), "--workers", "2"],
                                    env={"NEWSGRAPH_PROGRESS_SECONDS": bad})
        assert result.exit_code == 2 and "NEWSGRAPH_PROGRESS_SECONDS" in result.stderr and bad in result.stderr
        assert not (tmp_path / "x.db").exists()


try:
    import ray  # noqa: F811
except ImportError:  # pragma: no cover - CI installs the ray extra
    ray = None
needs_ray = pytest.mark.skipif(ray is None, reason="the ray engine needs: pip install 'newsgraph[ray]'")


@pytest.fixture(scope="module")
def ray_cluster():
    """A simulated two-node Ray cluster (``ray.cluster_utils.Cluster``: a head and a second node
    of 1 CPU each, so the two actors of a pool run on different nodes) for the module; the
    actors find this test module (for Fragile) on PYTHONPATH."""
    from ray.cluster_utils import Cluster

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    here = str(Path(__file__).resolve().parent)
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    ray.init(address=cluster.address, log_to_driver=False, runtime_env={"env_vars": {"PYTHONPATH": path}})
    yield cluster
    ray.shutdown()
    cluster.shutdown()


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


@needs_ray
def test_the_progress_of_two_ray_workers_counts_every_document(monkeypatch, tmp_path, ray_cluster):
    _check_progress(_ingest_progress(monkeypatch, tmp_path, "--engine", "ray", "--workers", "2"))


# -- the same reprint groups on two Ray nodes as on one machine ----------------------------------

_UK = ("Німеччина передасть Україні ще дві системи протиповітряної оборони IRIS-T до кінця року, заявив міністр "
       "оборони Борис Пісторіус під час візиту до Києва у вівторок.\n\nЗа його словами, перша система прибуде "
       "вже у грудні, а друга на початку наступного року, після навчання українських розрахунків у Німеччині.\n\n"
       "Берлін також виділить 400 мільйонів євро на боєприпаси та запасні частини для вже переданої техніки.")
_RU = ("Центральный банк России повысил ключевую ставку до 21 процента годовых, сообщила пресс-служба регулятора "
       "в пятницу.\n\nРешение объясняется ускорением инфляции, которая по итогам сентября превысила прогноз, "
       "а также ростом кредитования.\n\nЭльвира Набиуллина допустила дальнейшее ужесточение политики в декабре.")
#: file -> records (url, published, title, text): each story's copies on other sites, in other files
_NEWS = {
    "copies.jsonl": [
        ("https://novyny.example/iris-t", "2024-11-12", "Німеччина передасть Україні ще дві системи IRIS-T",
         _UK + "\n\nЧитайте також: Як працює система IRIS-T"),
        ("https://vesti.example/key-rate", "2024-10-25T12:00:00Z", "Банк России поднял ключевую ставку до 21%",
         _RU + "\n\nИсточник: Интерфакс"),
        ("https://region.example/iris-t", None, "Німеччина передасть Україні ще дві системи IRIS-T",
         _UK + "\n\nДжерело: УНІАН. Фото: Reuters"),
    ],
    "originals.jsonl": [
        ("https://www.ukrinform.example/iris-t", "2024-11-12T09:05:00+02:00",
         "Німеччина передасть Україні ще дві системи IRIS-T", _UK + "\n\nДжерело: Укрінформ"),
        ("https://rbc.example/key-rate", "2024-10-25T13:30:00+03:00", "ЦБ повысил ключевую ставку до 21%",
         _RU + "\n\nЧитайте также: Что будет с вкладами"),
        ("https://www.ukrinform.example/tanks", "2024-11-12T08:00:00+02:00",
         "Пісторіус зустрівся з колегами з Польщі та Франції",
         "Міністр оборони Німеччини Борис Пісторіус провів у Берліні зустріч з колегами з Польщі та Франції, де "
         "обговорювали спільне виробництво танків.\n\nНаступна зустріч запланована на лютий у Варшаві."),
    ],
}


def _news(folder: Path) -> Path:
    import json

    folder.mkdir()
    for name, records in _NEWS.items():
        lines = [json.dumps({"url": u, "published": p, "title": t, "text": x}, ensure_ascii=False)
                 for u, p, t, x in records]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _cli(*args) -> None:
    from click.testing import CliRunner

    from newsgraph.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _groups(db: Path) -> dict[str, str | None]:
    with Store(db) as store:
        return {r[0]: r[1] for r in store.db.execute("SELECT id, duplicate_of FROM documents")}


@needs_ray
def test_two_ray_nodes_store_the_documents_and_reprint_groups_of_one_machine(tmp_path, ray_cluster):
    """``ingest --shards --engine ray --workers 2`` on two nodes against the same on one machine:
    the shards (each document with the parent's in-order reprint verdict, what a direct ingest
    stores) and the stores the loads fill (the reprints grouped globally) are identical."""
    pytest.importorskip("pyarrow")
    from newsgraph.shards import read_shard

    assert len([n for n in ray.nodes() if n["Alive"]]) == 2
    news = _news(tmp_path / "news")
    _cli("ingest", news, "--db", tmp_path / "direct.db")  # one process, no shards
    _cli("ingest", news, "--db", tmp_path / "local.db", "--shards", tmp_path / "local")
    _cli("ingest", news, "--db", tmp_path / "ray.db", "--shards", tmp_path / "ray", "--engine", "ray",
         "--workers", "2")

    shards = lambda d: {p.name: list(read_shard(p)) for p in sorted(d.glob("*.parquet"))}  # noqa: E731
    local, on_ray = shards(tmp_path / "local"), shards(tmp_path / "ray")
    docs = lambda shards: {k: [d for d, _ in rows] for k, rows in shards.items()}  # noqa: E731
    lines = lambda shards: {x for rows in shards.values() for _, ls in rows for x in ls}  # noqa: E731
    assert len(local) == 2 and docs(on_ray) == docs(local)  # documents (their whole analysis), ids, verdicts
    assert lines(on_ray) == lines(local)  # the site lines the load merges (which row carries one may differ)
    verdicts = {d.id: d.duplicate_of for rows in on_ray.values() for d, _ in rows}
    direct = _groups(tmp_path / "direct.db")
    assert verdicts == direct and sum(v is not None for v in direct.values()) == 3

    assert snapshot(tmp_path / "ray.db") == snapshot(tmp_path / "local.db")
    loaded = _groups(tmp_path / "ray.db")
    members = lambda g: sorted(sorted(k for k, v in g.items() if (v or k) == c)  # noqa: E731
                               for c in set(g.values()) - {None})
    assert members(loaded) == members(direct)  # the same groups; the canonical the earliest published,
    with Store(tmp_path / "ray.db") as store:  # the originals, which come in the second file
        heads = {store.get(c).source.url for c in set(loaded.values()) - {None}}
    assert heads == {"https://www.ukrinform.example/iris-t", "https://rbc.example/key-rate"}

