"""The PostgreSQL store against the SQLite one: the same documents stored in both give the same
answers from the queries, the lookup and the API; storing again stores nothing; two writers at
once neither deadlock nor count anything twice.

A throwaway cluster is started for the session (``initdb`` + ``pg_ctl``, on a unix socket in a
temporary folder, no TCP) and stopped after it. Without PostgreSQL's binaries the tests skip,
except in CI (``CI`` set), where they must run (``scripts/setup.sh`` installs Debian's
``postgresql``)."""
from __future__ import annotations

import glob
import importlib.util
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from newsgraph.ingest import read_bytes, read_paths
from newsgraph.model import Failure, Source
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store, edges, open_store, queries
from newsgraph.store.lookup import lookup

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "seed"
IN_CI = bool(os.environ.get("CI"))


def _pg_bin() -> Path | None:
    candidates = [os.environ.get("PG_BIN")]
    found = shutil.which("initdb")
    candidates.append(str(Path(found).resolve().parent) if found else None)
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").is_file() and (Path(c) / "pg_ctl").is_file():
            return Path(c)
    return None


def _unavailable(why: str):
    if IN_CI:
        pytest.fail(f"CI must run the PostgreSQL tests: {why}")
    pytest.skip(why)


class Cluster:
    """A PostgreSQL cluster in a temporary folder, listening on a unix socket there only."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="ngpg-"))
        self.data = self.dir / "data"
        self.user = None
        if os.geteuid() == 0:  # initdb refuses root: run the server as an unprivileged user
            for name in ("postgres", "nobody"):
                try:
                    self.user = pwd.getpwnam(name)
                    break
                except KeyError:
                    continue
            if self.user is None:
                raise RuntimeError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)
        self.started = False

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if self.user is not None:
            cmd = ["runuser", "-u", self.user.pw_name, "--", *cmd] if shutil.which("runuser") else \
                ["su", self.user.pw_name, "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in cmd)]
        subprocess.run(cmd, check=True, capture_output=True, cwd=self.dir, timeout=120)

    def start(self) -> None:
        self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8" if _has_c_utf8() else "--locale=C")
        opts = (f"-c listen_addresses='' -k {self.dir} -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=50 -c deadlock_timeout=200ms")
        self._run(self.bin / "pg_ctl", "-D", self.data, "-o", opts, "-l", self.dir / "log", "-w", "-t", "60",
                  "start")
        self.started = True

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@/{db}?host={self.dir}"

    def new_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}"')
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.started:
            try:
                self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
            except subprocess.SubprocessError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


def _has_c_utf8() -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=30).stdout.lower().split()
    except (OSError, subprocess.SubprocessError):
        return False
    return "c.utf8" in out or "c.utf-8" in out


@pytest.fixture(scope="session")
def cluster():
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'newsgraph[postgres]')")
    bin_dir = _pg_bin()
    if bin_dir is None:
        _unavailable("no PostgreSQL binaries (initdb, pg_ctl)")
    c = Cluster(bin_dir)
    try:
        c.start()
    except (subprocess.CalledProcessError, RuntimeError) as e:
        log = (c.dir / "log").read_text(errors="replace") if (c.dir / "log").exists() else ""
        detail = getattr(e, "stderr", b"") or b""
        c.stop()
        pytest.fail(f"could not start PostgreSQL: {e} {detail.decode(errors='replace')} {log}")
    yield c
    c.stop()


XSS_TEXT = (
    "Проба XSS <script>alert(1)</script> у заголовку\n\n"
    "Ця стаття перевіряє, що текст статті показується як текст: <img src=x onerror=alert(1)>.\n\n"
    "Київ повідомив, що <script>alert(1)</script> не виконується.\n"
)


def _items():
    paths = [EXAMPLES] + ([SEED] if SEED.exists() else [])
    return itertools.chain(read_paths(paths), read_bytes(XSS_TEXT.encode(), Source(path="xss_probe.txt"), "text"))


def build(target) -> list:
    """The examples (the seed too, beside the repository) through the pipeline into a store."""
    with open_store(target) as store:
        return store.ingest(_items(), Pipeline()).stored


@pytest.fixture(scope="module")
def stores(cluster, tmp_path_factory):
    path = tmp_path_factory.mktemp("pg") / "same.db"
    url = cluster.new_database("same")
    build(path)
    build(url)
    lite, pg = Store(path), open_store(url)
    yield lite, pg, path, url
    lite.close()
    pg.close()


def test_open_store_picks_the_backend(stores):
    lite, pg, _, _ = stores
    from newsgraph.store.postgres import PostgresStore

    assert isinstance(pg, PostgresStore) and isinstance(lite, Store)
    assert pg.db.dialect.name == "postgres"


def test_same_documents(stores):
    lite, pg, _, _ = stores
    ids = [r[0] for r in lite.db.execute("SELECT id FROM documents ORDER BY rowid")]
    assert ids and ids == [r[0] for r in pg.db.execute("SELECT id FROM documents ORDER BY seq")]
    assert lite.count() == pg.count() and lite.count(canonical_only=True) == pg.count(canonical_only=True)
    for doc_id in ids:
        assert lite.get(doc_id).to_dict() == pg.get(doc_id).to_dict()
        assert lite.reprints(doc_id) == pg.reprints(doc_id)
    assert pg.get(ids[0][:8]).id == ids[0]
    assert [str(f) for f in lite.failures()] == [str(f) for f in pg.failures()]


def test_counts_as_sqlite_keeps_them(stores):
    lite, pg, _, _ = stores
    kept = lambda s: {r[0]: (r[1], r[2]) for r in s.db.execute(  # noqa: E731
        "SELECT id, mention_count, story_count FROM entities WHERE story_count > 0")}
    assert kept(pg) == kept(lite)
    assert queries.recount(pg.db) == kept(pg)
    stories = "SELECT entity_id, story_id, doc_id, mentions FROM entity_stories ORDER BY entity_id, story_id"
    assert [tuple(r) for r in pg.db.execute(stories)] == [tuple(r) for r in lite.db.execute(stories)]


def test_graph_kept_as_sqlite_keeps_it(stores, cluster):
    """The graph's kept tables (:mod:`newsgraph.store.edges`): what counting the events afresh
    gives, the same rows as SQLite's, the same graph as counted live; and migration 0002 fills
    them for a database written before it."""
    lite, pg, _, url = stores
    counted = edges.recount(pg.db)
    assert counted["graph_edges"]
    for name in ("graph_edges", "graph_evidence", "entity_links", "entity_events"):
        assert counted[name] == counted[name + " (kept)"], name
    assert counted == edges.recount(lite.db)
    ids = _entity_ids(pg, 8)
    for kw in ({}, {"window": "month"}, {"window": "year", "evidence": 5}, {"type": "AID,COOPERATE"},
               {"entity": ids[0]}, {"include_duplicates": True}, {"limit": 4, "offset": 3}):
        assert queries.graph(pg.db, **kw) == queries.graph(pg.db, kept=False, **kw), kw
    for eid in ids:
        assert queries.neighbours(pg.db, eid) == queries.neighbours(pg.db, eid, kept=False), eid
        for kw in ({"actor": eid}, {"recipient": eid, "limit": 4, "offset": 2}, {"actor": eid, "since": "2024"}):
            assert queries.events(pg.db, **kw) == queries.events(pg.db, kept=False, **kw), (eid, kw)
    old = cluster.new_database("before_graph")
    with open_store(old) as s:
        s.save_many([lite.get(r[0]) for r in lite.db.execute("SELECT id FROM documents ORDER BY rowid")])
        s.db.execute("DROP TABLE graph_edges, graph_evidence, entity_links, entity_events")
        s.db.execute("ALTER TABLE events DROP COLUMN recipient_phrases")  # migration 0003's
        s.db.execute("DELETE FROM newsgraph_migrations WHERE version >= 2")
    with open_store(old) as s:
        again = edges.recount(s.db)
        assert again["graph_edges (kept)"] == counted["graph_edges (kept)"]
        assert again["entity_links (kept)"] == counted["entity_links (kept)"]
        assert len(again["graph_evidence (kept)"]) == len(counted["graph_evidence (kept)"])


def _stamped(value):
    """``value`` without the times the rows were stored at (the two stores were built a moment apart)."""
    if isinstance(value, dict):
        return {k: _stamped(v) for k, v in value.items() if k not in ("ingested_at", "at")}
    if isinstance(value, list):
        return [_stamped(v) for v in value]
    return value


def _entity_ids(store, n=40):
    return [r["id"] for r in queries.entities(store.db, limit=n)]


def test_same_answers_from_the_queries(stores):
    lite, pg, _, _ = stores
    a, b = lite.db, pg.db
    assert queries.stats(a) == queries.stats(b)
    for kw in ({}, {"type": "PER"}, {"type": "LOC", "limit": 5, "offset": 3}, {"q": "Київ"}, {"q": "Germany"}):
        assert queries.entities(a, **kw) == queries.entities(b, **kw), kw
    ids = _entity_ids(lite)
    assert ids == _entity_ids(pg)
    for eid in ids:
        assert queries.entity(a, eid) == queries.entity(b, eid), eid
        assert queries.neighbours(a, eid) == queries.neighbours(b, eid), eid
    # quotes about an entity (PostgreSQL keeps them in quote_about, SQLite asks the mentions): some exist
    about = {eid: queries.quotes(a, about=eid, newest_first=True) for eid in ids}
    assert any(about.values())
    assert about == {eid: queries.quotes(b, about=eid, newest_first=True) for eid in ids}
    for kw in ({}, {"include_duplicates": True}, {"newest_first": True, "limit": 7}, {"limit": 5, "offset": 5},
               {"speaker": ids[0]}, {"about": ids[0]}):
        assert queries.quotes(a, **kw) == queries.quotes(b, **kw), kw
    for kw in ({}, {"include_duplicates": True}, {"limit": 5, "offset": 4}, {"type": "AID,COOPERATE"},
               {"actor": ids[0]}, {"recipient": ids[1]}, {"since": "2024-01"}, {"until": "2024"},
               {"language": "uk"}, {"source": ids[0]}):
        assert queries.events(a, **kw) == queries.events(b, **kw), kw
    for kw in ({}, {"window": "month"}, {"window": "day", "evidence": 1}, {"type": "AID"}, {"entity": ids[0]},
               {"language": "uk", "since": "2023"}, {"include_duplicates": True}):
        assert queries.graph(a, **kw) == queries.graph(b, **kw), kw
    for kw in ({}, {"include_duplicates": True}, {"language": "uk"}, {"limit": 3, "offset": 2}):
        assert _stamped(queries.documents(a, **kw)) == _stamped(queries.documents(b, **kw)), kw
    for doc_id in [r[0] for r in a.execute("SELECT id FROM documents")]:
        assert queries.mentions(a, doc_id) == queries.mentions(b, doc_id)
        assert queries.quotes(a, doc_id=doc_id) == queries.quotes(b, doc_id=doc_id)
        assert queries.events(a, doc_id=doc_id) == queries.events(b, doc_id=doc_id)


def _names(store, n=60):
    """Names to look up: aliases as stored, inflected forms from the text, typos, nonsense."""
    rows = store.db.execute("SELECT alias FROM aliases ORDER BY alias").fetchall()
    return [r[0] for r in rows[:: max(len(rows) // n, 1)]] + [
        "Шольцом", "Germany", "Зеленського", "Коваль", "Києва", "НАТО", "США", "Путина", "zzzqx", "він"]


def test_same_lookup(stores):
    lite, pg, _, _ = stores
    for ref in _names(lite):
        x, y = lookup(lite.db, ref), lookup(pg.db, ref)
        assert (x.ids, x.how, x.suggestions) == (y.ids, y.how, y.suggestions), ref


def _words(store):
    """Query words: some of every document's title and text, their inflections, and a miss."""
    words = []
    for (title,) in store.db.execute("SELECT title FROM documents WHERE title IS NOT NULL ORDER BY rowid"):
        words += title.split()[:3]
    return [w.strip(".,:;«»\"()!?") for w in words if len(w) > 3][:60] + [
        "Україна", "України", "заявив", "Kyiv", "м'яч", "ЗСУ", "ніщоподібне", "Київ Україна"]


def _hits(hits):
    return sorted((h.__dict__ for h in hits), key=lambda h: h["id"])


def test_same_search(stores):
    """The same documents match (what FTS5 matches), with the same snippets; equally good matches
    may come in another order (bm25 against ts_rank), so each page is compared as a set."""
    lite, pg, _, _ = stores
    matched = 0
    for word in _words(lite):
        for dups in (False, True):
            x = lite.search(word, limit=1000, include_duplicates=dups)
            y = pg.search(word, limit=1000, include_duplicates=dups)
            assert _hits(x) == _hits(y), word
            matched += bool(x)
    assert matched > 20
    # the best match first in both when its title holds the word and no other's does
    title = lite.db.execute("SELECT title FROM documents WHERE title IS NOT NULL LIMIT 1").fetchone()[0]
    assert pg.search(title, limit=1)[0].title == title


def test_same_answers_from_the_api(stores):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from newsgraph.serve import create_app

    lite, pg, path, url = stores
    ids = _entity_ids(lite, 8)
    doc_ids = [r[0] for r in lite.db.execute("SELECT id FROM documents ORDER BY rowid LIMIT 6")]
    paths = ["/api/stats", "/api/documents", "/api/documents?all=true&limit=5&offset=2", "/api/entities",
             "/api/entities?type=PER", "/api/quotes", "/api/events", "/api/events?type=AID", "/api/graph",
             "/api/graph?window=month", "/api/search?q=Київ", "/api/search?q=заявив",
             *[f"/api/entities/{i}" for i in ids], *[f"/api/graph?entity={i}" for i in ids[:3]],
             *[f"/api/documents/{d}" for d in doc_ids], "/api/entities/nobody-at-all"]
    with TestClient(create_app(path)) as a, TestClient(create_app(url)) as b:
        for p in paths:
            ra, rb = a.get(p), b.get(p)
            assert ra.status_code == rb.status_code, p
            ja, jb = ra.json(), rb.json()
            if p.startswith("/api/search"):
                key = lambda h: h["id"]  # noqa: E731  (see test_same_search)
                ja["items"], jb["items"] = sorted(ja.get("items", []), key=key), sorted(jb.get("items", []), key=key)
            assert _stamped(ja) == _stamped(jb), p
        for p in ["/api/export/events.jsonl", "/api/export/entities.csv"]:
            ra, rb = a.get(p), b.get(p)
            assert ra.status_code == rb.status_code == 200, p
            assert ra.text == rb.text, p


def test_reingest_stores_nothing(stores):
    _, pg, _, url = stores
    before = (pg.count(), queries.stats(pg.db), queries.entities(pg.db, limit=1000))
    with open_store(url) as again:
        report = again.ingest(_items(), Pipeline())
    assert report.stored == [] and len(report.already_stored) == before[0]
    assert (pg.count(), queries.stats(pg.db), queries.entities(pg.db, limit=1000)) == before


def test_two_writers_at_once(stores, cluster):
    """Two processes' worth of writers storing the same documents at once, in opposite orders, one
    document a transaction and in batches: nothing deadlocks, each document is stored once, and
    the kept counts are what the mentions say."""
    lite, _, _, _ = stores
    docs = [lite.get(r[0]) for r in lite.db.execute("SELECT id FROM documents ORDER BY rowid")]
    canon = [d for d in docs if d.duplicate_of is None]  # a reprint needs its story stored first
    url = cluster.new_database("writers")
    open_store(url).close()
    errors: list[BaseException] = []

    def write(order, batch):
        try:
            with open_store(url) as s:
                for k in range(0, len(order), batch):
                    s.save_many(order[k:k + batch])
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=write, args=(canon, 1)),
               threading.Thread(target=write, args=(canon[::-1], 3)),
               threading.Thread(target=write, args=(canon[len(canon) // 2:] + canon[:len(canon) // 2], 2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads), "writers hung"
    assert errors == []
    with open_store(url) as s:
        assert s.count() == len(canon)
        assert sorted(r[0] for r in s.db.execute("SELECT id FROM documents")) == sorted(d.id for d in canon)
        kept = {r[0]: (r[1], r[2]) for r in s.db.execute(
            "SELECT id, mention_count, story_count FROM entities WHERE story_count > 0")}
        assert kept == queries.recount(s.db)
        counted = edges.recount(s.db)
        for name in ("graph_edges", "graph_evidence", "entity_links", "entity_events"):
            assert counted[name] == counted[name + " (kept)"], name
        # one story per canonical document: the counts do not depend on who stored what first
        solo = {r[0]: (r[1], r[2]) for r in lite.db.execute(
            """SELECT m.entity_id, count(*), count(DISTINCT m.doc_id) FROM mentions m
               WHERE m.doc_id NOT IN (SELECT id FROM documents WHERE duplicate_of IS NOT NULL)
               GROUP BY m.entity_id""")}
        assert kept == solo


def test_text_postgres_cannot_hold(stores, cluster):
    """NUL characters and lone surrogates (PostgreSQL's text holds neither) are stored as U+FFFD, one
    for one, so every offset still holds; a failure's reason too."""
    from dataclasses import replace

    lite, _, _, _ = stores
    doc = lite.get(lite.db.execute("SELECT id FROM documents WHERE duplicate_of IS NULL LIMIT 1").fetchone()[0])
    odd = replace(doc, id="odd" + doc.id[3:], text=doc.text[:3] + "\x00\ud800" + doc.text[5:])
    url = cluster.new_database("odd")
    with open_store(url) as s:
        assert s.save(odd) and not s.save(odd)
        back = s.get(odd.id)
        assert back.text == doc.text[:3] + "\ufffd\ufffd" + doc.text[5:]
        assert len(back.text) == len(doc.text) and any("surrogate" in w for w in back.warnings)
        s.record_failure(Failure(Source(path="bad\x00.txt"), "reason with \x00"))
        assert [f.reason for f in s.failures()] == ["reason with \ufffd"]


FARMERS = "У Варшаві уряд Польщі відхилив вимоги фермерів.\n"


def test_an_events_recipient_phrases_as_sqlite_keeps_them(cluster, tmp_path):
    """"фермерів", a recipient of REJECT no entity stands for: copied with the event, read back by
    the queries, the API and an export as from SQLite, loaded from a shard the same way; and
    migration 0003 gives a database written before it the phrases its analyses keep."""
    from dataclasses import replace

    start = FARMERS.index("фермерів")
    phrase = {"start": start, "end": start + len("фермерів"), "text": "фермерів"}
    raw = lambda: read_bytes(FARMERS.encode(), Source(path="farmers.txt"), "text")  # noqa: E731
    url = cluster.new_database("farmers")
    with Store(tmp_path / "farmers.db") as lite, open_store(url) as pg:
        lite.ingest(raw(), Pipeline())
        pg.ingest(raw(), Pipeline())
        rows = queries.events(pg.db)
        assert [r["recipient_phrases"] for r in rows if r["type"] == "REJECT"] == [[phrase]]
        assert rows == queries.events(lite.db)
        assert queries.entity(pg.db, "loc:country:PL") == queries.entity(lite.db, "loc:country:PL")
        doc = lite.get(rows[0]["doc_id"])
        # two documents of one batch, the second with phrases of two words: COPY keeps each its own
        two = replace(doc, id="two" + doc.id[3:], events=[
            replace(ev, recipient_phrases=(*ev.recipient_phrases, ev.trigger)) for ev in doc.events])
        other = replace(doc, id="oth" + doc.id[3:])
        assert pg.save_many([two, other]) == [two.id, other.id]
        lite.save(two)
        lite.save(other)
        both = queries.events(pg.db, include_duplicates=True, limit=50)
        assert both == queries.events(lite.db, include_duplicates=True, limit=50)
        assert [r["recipient_phrases"] for r in both if r["doc_id"] == two.id and r["type"] == "REJECT"] == [
            [phrase, {"start": rows[0]["trigger_start"], "end": rows[0]["trigger_end"], "text": "відхилив"}]]
    try:
        from fastapi.testclient import TestClient

        from newsgraph.serve import create_app
    except ImportError:
        pass
    else:
        with TestClient(create_app(tmp_path / "farmers.db")) as a, TestClient(create_app(url)) as b:
            for path in ("/api/events?type=REJECT", "/api/entities/loc:country:PL",
                         "/api/map/places/loc:city:Warsaw", "/api/export/events.jsonl", "/api/export/events.csv"):
                ra, rb = a.get(path), b.get(path)
                assert ra.status_code == rb.status_code == 200, path
                assert ra.text == rb.text, path
            assert phrase in b.get("/api/events?type=REJECT").json()["items"][0]["recipient_phrases"]
    with open_store(url) as pg:  # as a database written before migration 0003
        kept = queries.events(pg.db, include_duplicates=True, limit=50)
        pg.db.execute("ALTER TABLE events DROP COLUMN recipient_phrases")
        pg.db.execute("DELETE FROM newsgraph_migrations WHERE version >= 3")
    with open_store(url) as pg:
        assert queries.events(pg.db, include_duplicates=True, limit=50) == kept
    if importlib.util.find_spec("pyarrow") is not None:
        from newsgraph.shards import load_shards, write_shards

        src = tmp_path / "in" / "farmers.txt"
        src.parent.mkdir()
        src.write_text(FARMERS, encoding="utf-8")
        report = write_shards([src], Pipeline(), tmp_path / "shards")
        loaded = cluster.new_database("farmers_shards")
        with open_store(loaded) as pg:
            assert len(load_shards(report.shards, pg).stored) == 1
            assert queries.events(pg.db) == rows


def test_bad_url_is_a_store_error(cluster):
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        open_store(cluster.url("no_such_database"))


def test_a_killed_sharded_ingest_into_postgres_run_again_stores_every_document_once(cluster, tmp_path):
    """``ingest --shards DIR --db postgresql://…`` killed (SIGKILL) once its first shard is marked
    done, then run again: the done shards are skipped (their markers untouched), and every
    document is in the database exactly once."""
    import signal
    import sys
    import time

    pytest.importorskip("pyarrow")
    from newsgraph.shards import DONE

    url = cluster.new_database("killed_shards")
    inputs, out = tmp_path / "in", tmp_path / "shards"
    inputs.mkdir()
    n = 60
    for i in range(n):  # a shard each; enough that the kill lands with most of them still to do
        (inputs / f"{i:03}.txt").write_text(
            f"Новина номер {i} про засідання міської ради\n\n"
            f"Депутати міської ради на засіданні номер {i} розглянули {i + 3} питань порядку денного.\n\n"
            f"Серед них бюджет, ремонт {i} шкіл і закупівля {i * 7} автобусів для міста.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(inputs), "--shards", str(out), "--db", url]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and not list(out.glob("*" + DONE)):
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL, stderr.decode(errors="replace")
    marked = {p.name: p.stat().st_mtime_ns for p in out.glob("*" + DONE)}
    assert 1 <= len(marked) < n, "the kill did not land between the first shard and the last"
    with open_store(url) as s:
        assert s.count() == 0  # the load comes after the map: nothing half-loaded to mend here

    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{n - len(marked)} shards written, {len(marked)} already done" in again.stdout, again.stdout
    assert f"{n} documents read: {n} stored" in again.stdout, again.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*" + DONE) if p.name in marked} == marked
    assert not list(out.glob(".*.tmp-*"))  # what the kill left half written is gone
    with open_store(url) as s:
        rows = s.db.execute("SELECT id, source_path FROM documents").fetchall()
    assert len(rows) == len({r[0] for r in rows}) == n  # by content id: each document once
    assert sorted(Path(r[1]).name for r in rows) == [f"{i:03}.txt" for i in range(n)]
    load = subprocess.run([sys.executable, "-m", "newsgraph", "load", str(out), "--db", url], env=env,
                          capture_output=True, text=True, timeout=300)
    assert load.returncode == 0 and "0 stored" in load.stdout and f"{n} already stored" in load.stdout, \
        load.stdout + load.stderr
