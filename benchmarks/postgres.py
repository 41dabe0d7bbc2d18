"""The PostgreSQL store at scale: load rate and the API's p95 on a store of 100 000 documents.

    python benchmarks/postgres.py [--docs 100000] [--url postgresql://USER@HOST/DB] [--batch 500]
                                  [--repeat 30] [--keep]

Without ``--url`` a throwaway cluster is started (``initdb`` + ``pg_ctl`` in a temporary folder, a
unix socket there, no TCP; as root the server runs as the ``postgres`` user) and removed at the
end (``--keep`` leaves it and prints its URL). An existing database with enough documents is
reused as it is.

The store is built honestly from real analyses: the bundled examples (and the seed, beside the
repository) go through the pipeline once; then variants of them (a new id, a numbered title, a
dated body line, publication dates over two years, and one of 2 000 synthetic people quoted in
each, so that the store has many entities besides the few frequent ones) are written with
``PostgresStore.save_many``, ``--batch`` documents a transaction: the COPY into staging tables and
``INSERT … ON CONFLICT DO NOTHING`` of a shard load, with the full-text words, the entity counts
and the alias merge. Loading rate = documents per second of that step (the pipeline's analysis is
not in it: see benchmarks/ingest_speed.py and scale.py).

Then the API (the FastAPI app in this process, answer cache off, so every request is computed;
then the graph again with the cache on) is asked, ``--repeat`` times each: search for common and rare words, the entity page of frequent
and rare entities, the actor graph (all of it, by month, and around one entity); p50 and p95
per endpoint are printed, with the same questions asked of the queries directly.
"""
from __future__ import annotations

import argparse
import dataclasses
import glob
import os
import pwd
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import read_paths
from newsgraph.model import Document, Entity, Mention, Offsets, Quote, Segment
from newsgraph.pipeline import Pipeline
from newsgraph.store import open_store, queries

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "seed"]
SEARCHES = ["Україні", "санкциями", "допомогу", "школу", "border", "мост", "Рютте", "електробус",
            "матеріал", "Kyiv air defence"]


class Cluster:
    def __init__(self) -> None:
        found = shutil.which("initdb")
        dirs = ([str(Path(found).resolve().parent)] if found else []) + sorted(
            glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
        self.bin = next((Path(d) for d in dirs if (Path(d) / "pg_ctl").exists()), None)
        if self.bin is None:
            sys.exit("no PostgreSQL binaries (initdb, pg_ctl): install postgresql or give --url")
        self.dir = Path(tempfile.mkdtemp(prefix="ngpgbench-"))
        self.user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
        if self.user:
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)

    def run(self, *args) -> None:
        cmd = [str(a) for a in args]
        if self.user:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, cwd=self.dir)

    def start(self) -> str:
        self.run(self.bin / "initdb", "-D", self.dir / "data", "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8")
        opts = (f"-c listen_addresses='' -k {self.dir} -c shared_buffers=1GB -c work_mem=32MB "
                "-c maintenance_work_mem=256MB -c max_wal_size=4GB -c synchronous_commit=off")
        self.run(self.bin / "pg_ctl", "-D", self.dir / "data", "-o", opts, "-l", self.dir / "log", "-w", "start")
        return f"postgresql://postgres@/postgres?host={self.dir}"

    def stop(self) -> None:
        self.run(self.bin / "pg_ctl", "-D", self.dir / "data", "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


def variant(d: Document, k: int, people: int) -> Document:
    day = f"{2023 + k % 2}-{1 + k % 12:02d}-{1 + k % 28:02d}"
    who = f"Олександр Тестовий{k % people}"
    line = f"Оновлено {day}, матеріал № {k}. «Ми продовжимо роботу», — сказав {who}."
    start = len(d.text) + 1
    text = d.text + "\n" + line
    at = start + line.index(who)
    mention = Mention(at, at + len(who), who, who.lower(), "name")
    person = Entity(id=f"per:testovyi{k % people}-oleksandr", type="PER", name=who, mentions=(mention,),
                    names={"uk": who})
    said = Quote(kind="direct", speaker=person.id, speaker_text=None,
                 cue=Offsets(at - 7, at - 1), content=Offsets(start + line.index("«") + 1, start + line.index("»")),
                 confidence=0.9, language="uk")
    return dataclasses.replace(
        d, id=f"pgbench{k:09d}", text=text, title=f"{d.title or ''} ({k})", published=f"{day}T12:00:00Z",
        duplicate_of=None, fingerprint=None, entities=[*d.entities, person], quotes=[*d.quotes, said],
        segments=[*d.segments, Segment(start, start + len(line), "body", "uk")])


def build(url: str, n: int, batch: int, seed: int = 7) -> None:
    with open_store(url) as store:
        have = store.count()
        if have >= n:
            print(f"reusing the store: {have} documents")
            return
        templates: list[Document] = []
        store.ingest(read_paths([p for p in SOURCES if p.exists()]), Pipeline(),
                     on_item=lambda d: isinstance(d, Document) and templates.append(d))
        rng = random.Random(seed)
        k = store.count()
        t0, done = time.perf_counter(), 0
        while k < n:
            docs = [variant(rng.choice(templates), k + i, 2000) for i in range(min(batch, n - k))]
            store.save_many(docs)
            k += len(docs)
            done += len(docs)
            if done % (batch * 20) == 0:
                print(f"  {k} documents, {done / (time.perf_counter() - t0):.0f}/s", flush=True)
        took = time.perf_counter() - t0
        print(f"LOAD: {done} documents in {took:.0f} s = {done / took:.0f} documents/s "
              f"(save_many, {batch} a transaction)")
        store.db.execute("VACUUM ANALYZE")


def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[max(int(len(times) * 0.95 + 0.5) - 1, 0)]


def measure(url: str, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.serve import create_app

    store = open_store(url)
    print(f"store: {store.count()} documents, "
          f"{store.db.execute('SELECT count(*) FROM entities').fetchone()[0]} entities, "
          f"{store.db.execute('SELECT count(*) FROM events').fetchone()[0]} events, "
          f"{store.db.execute('SELECT pg_size_pretty(pg_database_size(current_database()))').fetchone()[0]}")
    top = [r["id"] for r in queries.entities(store.db, limit=3)]
    rare = [r[0] for r in store.db.execute(
        "SELECT id FROM entities WHERE story_count BETWEEN 1 AND 60 ORDER BY id LIMIT 3")]
    cases = {
        "search": [f"/api/search?q={q}" for q in SEARCHES],
        "entity page": [f"/api/entities/{e}" for e in top + rare],
        "graph": ["/api/graph", "/api/graph?window=month", f"/api/graph?entity={top[0]}"],
    }
    with TestClient(create_app(url, cache_mb=0)) as client:
        for name, urls in cases.items():
            times = []
            for _ in range(repeat):
                for u in urls:
                    t = time.perf_counter()
                    r = client.get(u)
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, (u, r.status_code, r.text[:200])
            times.sort()
            print(f"API {name:12s} p50 {statistics.median(times):7.1f} ms   p95 "
                  f"{times[int(len(times) * 0.95) - 1]:7.1f} ms   ({len(times)} requests)")
            for u in urls:
                one = sorted(timed(lambda u=u: client.get(u), max(repeat // 3, 3)))
                print(f"    {u[:70]:70s} p50 {one[0]:7.1f}  p95 {one[1]:7.1f} ms")
    with TestClient(create_app(url)) as client:  # the answer cache on, as `newsgraph serve` runs
        for u in cases["graph"]:
            client.get(u)
        p50, p95 = timed(lambda: [client.get(u) for u in cases["graph"]], repeat)
        print(f"API graph, answer cache on (repeats until the store changes): "
              f"p50 {p50 / 3:.1f} ms  p95 {p95 / 3:.1f} ms a request")
    db = store.db
    for name, fn in [("queries.search 'Україні'", lambda: store.search("Україні")),
                     ("queries.entity (top)", lambda: queries.entity(db, top[0])),
                     ("queries.graph", lambda: queries.graph(db))]:
        p50, p95 = timed(fn, repeat)
        print(f"{name:28s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--url", default=None)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    cluster = None
    url = args.url
    if url is None:
        cluster = Cluster()
        url = cluster.start()
    try:
        build(url, args.docs, args.batch)
        measure(url, args.repeat)
    finally:
        if cluster is not None:
            if args.keep:
                print(f"kept: {url}")
            else:
                cluster.stop()


if __name__ == "__main__":
    main()
