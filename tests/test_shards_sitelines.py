"""The lines a site repeats are filtered the same whether one process ingests the
pages or two workers do, directly or through shards, in one run or several.

The filter is learnt as the pages stream, in input order (a line becomes
boilerplate for a site once it has been seen on ``MIN_PAGES`` of its pages): one
process learns it as it goes, a pool sends every page of a site to one worker,
and a shard run starts from the site lines of the store and of the shards
already done, as the one process starts from the store's.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("pyarrow")

from newsgraph.cli import main  # noqa: E402
from newsgraph.clean.repeated import MIN_PAGES  # noqa: E402
from newsgraph.store import Store  # noqa: E402

SITES = {
    "pravda.example.ua": "Редакція щиро дякує читачам за підтримку незалежної журналістики.",
    "visti.example.ua": "Усі матеріали сайту перевіряє наш відділ фактчекінгу перед публікацією.",
}
CITIES = ["Києві", "Львові", "Одесі", "Харкові", "Дніпрі", "Полтаві"]
TOPICS = ["ремонт мосту", "новий театр", "шкільний бюджет", "міський транспорт", "футбольний матч", "ярмарок меду"]
PER_FILE = 2  # pages of each site in each file
FILES = len(CITIES) // PER_FILE


def _page(site: str, n: int) -> dict:
    """A page of its own (no two are reprints of each other), with its site's repeated line."""
    city, topic, other = CITIES[n], TOPICS[n], TOPICS[(n + 3) % len(TOPICS)]
    if site == "pravda.example.ua":
        title = f"У {city} обговорюють {topic}"
        lines = [f"Мешканці у {city} у середу зібралися, щоб обговорити {topic} разом із депутатами міськради.",
                 SITES[site],
                 f"Посадовці пообіцяли до кінця місяця оприлюднити план щодо теми «{topic}» і відповісти на запитання.",
                 f"Наступного тижня у {city} також говоритимуть про {other}, повідомив кореспондент."]
    else:
        title = f"{topic.capitalize()}: що змінилося за рік"
        lines = [f"Експерти підбили підсумки року: {topic} залишається однією з найгостріших тем для громади.",
                 SITES[site],
                 f"За даними опитування, понад половина респондентів вважає, що {other} потребує більшої уваги.",
                 f"Аналітики радять стежити за рішеннями уряду, які ухвалять найближчими тижнями ({n + 1})."]
    return {"url": f"https://{site}/news/{n}", "title": title, "text": "\n".join([title, *lines])}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[Path]:
    """Three JSONL files; each holds the next two pages of both sites, interleaved."""
    folder = tmp_path_factory.mktemp("pages")
    files = []
    for f in range(FILES):
        path = folder / f"part{f}.jsonl"
        rows = [_page(site, n) for n in range(f * PER_FILE, (f + 1) * PER_FILE) for site in SITES]
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        files.append(path)
    return files


def _cli(*args) -> None:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _ingest(db: Path, files, *extra) -> None:
    _cli("ingest", *files, "--db", db, *extra)


def snapshot(db: Path) -> dict:
    """How every page was cleaned: its segments, lead, article text indexed, analysis."""
    with Store(db) as store:
        q = lambda sql: [tuple(r) for r in store.db.execute(sql)]  # noqa: E731
        return {
            "documents": q("SELECT id, source_url, site, title, lead, text, duplicate_of, exact_key, analysis "
                           "FROM documents ORDER BY id"),
            "segments": q("SELECT doc_id, idx, start, \"end\", kind FROM segments ORDER BY 1, 2"),
            "bodies": sorted(q("SELECT d.source_url, f.body FROM documents_fts f "
                               "JOIN documents d ON d.rowid = f.rowid")),
            "site_lines": q("SELECT * FROM site_lines ORDER BY 1, 2, 3"),
        }


@pytest.fixture(scope="module")
def one_process(pages, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("one") / "one.db"
    _ingest(db, pages)
    got = snapshot(db)
    assert len(got["documents"]) == len(SITES) * len(CITIES)
    # the filter works: each site's line is article text on its first pages, boilerplate after
    for url, body in got["bodies"]:
        site, n = url.split("/")[2], int(url.rsplit("/", 1)[1])
        assert (SITES[site] in body) == (n < MIN_PAGES), (url, body)
    return got


def test_two_workers_filter_what_one_process_filters(tmp_path, pages, one_process):
    _ingest(tmp_path / "w2.db", pages, "--workers", "2")
    assert snapshot(tmp_path / "w2.db") == one_process


def test_shards_written_by_two_workers_filter_what_one_process_filters(tmp_path, pages, one_process):
    _ingest(tmp_path / "s2.db", pages, "--workers", "2", "--shards", tmp_path / "shards")
    assert snapshot(tmp_path / "s2.db") == one_process


def test_a_shard_run_into_a_store_starts_from_its_site_lines(tmp_path, pages, one_process):
    """The first file ingested directly, the rest through shards into the same store: the
    shards' workers know what the store learnt from the first file, as one process would."""
    db = tmp_path / "two-runs.db"
    _ingest(db, pages[:1])
    _ingest(db, pages[1:], "--workers", "2", "--shards", tmp_path / "shards")
    assert snapshot(db) == one_process


def test_a_resumed_shard_run_starts_from_the_done_shards_site_lines(tmp_path, pages, one_process):
    """A shard run stopped after the first file and run again: the shards still to do are
    cleaned with what the done shard learnt, as when the run was not stopped."""
    shards = tmp_path / "shards"
    _cli("ingest", pages[0], "--shards", shards, "--shards-only", "--workers", "2", "--db", tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()  # --shards-only writes no store
    _ingest(tmp_path / "resumed.db", pages, "--workers", "2", "--shards", shards)
    assert snapshot(tmp_path / "resumed.db") == one_process


def test_ray_shards_stopped_and_resumed_filter_what_one_process_filters(tmp_path, pages, one_process):
    """The same through the ray engine (a private local Ray for each run): two actors, the
    second run resuming after the first file's shard."""
    pytest.importorskip("ray")
    shards = tmp_path / "shards"
    _cli("ingest", pages[0], "--engine", "ray", "--workers", "2", "--shards", shards, "--shards-only",
         "--db", tmp_path / "none.db")
    _ingest(tmp_path / "ray.db", pages, "--engine", "ray", "--workers", "2", "--shards", shards)
    assert snapshot(tmp_path / "ray.db") == one_process
