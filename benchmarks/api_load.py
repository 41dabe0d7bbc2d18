"""The server under load: latency at N concurrent clients, RSS, parallel exports and idle connections.

    python benchmarks/api_load.py [--docs 5000] [--clients 20] [--requests 1500] [--db /tmp/api_load.db]
                                  [--exports 8] [--idle 64] [--src DIR] [--cache-mb 0]

The store is built honestly: the bundled examples (and the seed, when it is beside the repository)
are ingested once by ``Store.ingest`` with the real pipeline, then saved (``Store.save``) again and again as
variants (a new id, a numbered title, a dated extra body line, publication dates spread over two
years), so every copy goes through the same inserts, FTS indexing and lemmatisation as an ingested
article; only the analysis is reused (ingesting 5 000 articles with the pipeline takes hours on a
laptop CPU). An existing --db with enough documents is reused.

The server is the real ``newsgraph serve`` command in a subprocess (``--src`` runs another checkout's
``src`` against the same store, to compare before and after a change). Then, over 127.0.0.1:

1. ``--clients`` threads, each with its own keep-alive connection and no think time, send a mix of
   list, search, entity, entity-lookup, events, quotes and graph requests (``--requests`` in all);
   p50/p95/p99 per endpoint and the server's RSS are printed (``--cache-mb 0``: with the server's
   answer cache off, so that every request is computed; by default the first request for each URL
   is computed and the repeats are served until the store changes);
2. ``--exports`` full exports (10 000 documents as JSONL each) run in parallel, read as they stream;
   the server's peak RSS (VmHWM) is printed;
3. ``--idle`` raw TCP connections are opened and left silent, then one more client must still get an
   answer; its latency is printed.

The machine the figures come from matters: on a shared 2-core box the client threads and other
processes take CPU from the server, so absolute numbers vary from run to run.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from newsgraph.ingest import read_paths
from newsgraph.model import Document, Segment
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "seed"]
QUERIES = ["санкциями", "Україні", "допомогу", "Шольцом", "ukraine", "border", "трамваев", "школу",
           "ЕС", "НАТО", "електробус", "мост", "Польща", "air defence", "Рютте"]
NAMES = ["Україна", "Німеччиною", "Germany", "Рютте", "НАТО", "Польщі", "Scholz", "Зеленський", "Росії"]


def build(db: Path, n: int, seed: int = 7) -> None:
    with Store(db) as store:
        have = store.count()
        if have >= n:
            print(f"reusing {db}: {have} documents")
            return
        templates: list[Document] = []
        store.ingest(read_paths([p for p in SOURCES if p.exists()]), Pipeline(),
                     on_item=lambda d: isinstance(d, Document) and templates.append(d))
        rng = random.Random(seed)
        t0 = time.perf_counter()
        k = store.count()
        while k < n:
            d = rng.choice(templates)
            day = f"{2023 + k % 2}-{1 + k % 12:02d}-{1 + k % 28:02d}"
            line = f"Оновлено {day}, матеріал № {k}."
            text = d.text + "\n" + line
            start = len(d.text) + 1
            variant = dataclasses.replace(
                d, id=f"bench{k:011d}", text=text, title=f"{d.title or ''} ({k})", published=f"{day}T12:00:00Z",
                duplicate_of=None, fingerprint=None,
                segments=[*d.segments, Segment(start, start + len(line), "body", "uk")])
            store.save(variant)
            k += 1
            if k % 1000 == 0:
                print(f"  {k} documents, {k / (time.perf_counter() - t0):.0f}/s", flush=True)
        print(f"built {db}: {store.count()} documents in {time.perf_counter() - t0:.0f} s")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree(pid: int) -> list[int]:
    """A process and its descendants (``newsgraph serve`` forks a worker per core)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                pass
    return out


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process and its workers in MB, from /proc: summed over
    the processes, so the pages they share since the fork count once per process (an upper bound)."""
    now = peak = 0.0
    for p in _tree(pid):
        fields = {}
        try:
            text = Path(f"/proc/{p}/status").read_text()
        except OSError:  # gone meanwhile
            continue
        for line in text.splitlines():
            key, _, value = line.partition(":")
            fields[key] = value
        now += int(fields["VmRSS"].split()[0]) / 1024
        peak += int(fields["VmHWM"].split()[0]) / 1024
    return now, peak


def pct(times: list[float], p: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(p * len(times)))]


def load(base: str, cases: dict[str, list[str]], clients: int, total: int) -> dict[str, list[float]]:
    """``clients`` threads without think time; each request is drawn from a random endpoint."""
    names = list(cases)
    plan = [(rng_name, random.Random(i).choice(cases[rng_name]))
            for i, rng_name in enumerate(random.Random(3).choices(names, k=total))]
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    it = iter(plan)

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while True:
                with lock:
                    job = next(it, None)
                if job is None:
                    return
                name, url = job
                t0 = time.perf_counter()
                r = client.get(url)
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    times[name].append(ms)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {url}")

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"  {len(errors)} non-200 answers, e.g. {errors[:3]}")
    return times


def exports(base: str, n: int, pid: int) -> None:
    done: list[tuple[int, float]] = []
    peak = [0.0]
    stop = threading.Event()

    def one() -> None:
        t0 = time.perf_counter()
        size = 0
        with httpx.Client(base_url=base, timeout=600) as client:
            with client.stream("GET", "/api/export/documents.jsonl?limit=10000") as r:
                r.raise_for_status()
                for chunk in r.iter_bytes():
                    size += len(chunk)
        done.append((size, time.perf_counter() - t0))

    def watch() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mb(pid)[0])
            time.sleep(0.05)

    before = rss_mb(pid)[0]
    w = threading.Thread(target=watch)
    w.start()
    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    w.join()
    sizes = sorted(s for s, _ in done)
    print(f"{n} parallel full exports (documents.jsonl?limit=10000): {len(done)} finished, "
          f"{sizes[0] / 1e6:.0f}–{sizes[-1] / 1e6:.0f} MB each, slowest {max(t for _, t in done):.1f} s; "
          f"server RSS {before:.0f} MB before, peak {peak[0]:.0f} MB during (VmHWM {rss_mb(pid)[1]:.0f} MB)")


def idle(port: int, base: str, n: int) -> None:
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        socks.append(s)
    time.sleep(0.5)
    t0 = time.perf_counter()
    try:
        r = httpx.get(base + "/api/stats", timeout=30)
        status = r.status_code
    except httpx.HTTPError as e:
        status = type(e).__name__
    print(f"{n} idle connections open: one more client got {status} in {(time.perf_counter() - t0) * 1000:.0f} ms")
    for s in socks:
        s.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=1500, help="requests in all, spread over the endpoints")
    ap.add_argument("--exports", type=int, default=8)
    ap.add_argument("--idle", type=int, default=64)
    ap.add_argument("--db", default="/tmp/api_load.db")
    ap.add_argument("--src", help="the src folder of the checkout the server runs (default: this one)")
    ap.add_argument("--cache-mb", type=int, default=None,
                    help="newsgraph serve --cache-mb (0: every answer computed afresh); default: serve's")
    args = ap.parse_args()
    db = Path(args.db)
    build(db, args.docs)
    with Store(db) as store:
        total = store.count()
        entity_ids = [r[0] for r in store.db.execute(
            "SELECT e.id FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id "
            "ORDER BY count(*) DESC LIMIT 40")]
    port = _port()
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    command = [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)]
    if args.cache_mb is not None:
        command += ["--cache-mb", str(args.cache_mb)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(1)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(300):
                try:
                    client.get("/api/stats")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
        time.sleep(0.5)  # every worker up
        print(f"server RSS at start: {rss_mb(server.pid)[0]:.0f} MB ({len(_tree(server.pid))} processes)")
        pages = max(total // 50, 1)
        cases = {
            "/api/documents?limit=50&offset=…": [
                f"/api/documents?limit=50&offset={rng.randrange(pages) * 50}" for _ in range(200)],
            "/api/search?q=…&limit=20": [
                f"/api/search?q={rng.choice(QUERIES)}&limit=20&offset={rng.choice([0, 0, 20, 40])}"
                for _ in range(200)],
            "/api/entities/{id} (40 most mentioned)": [f"/api/entities/{e}" for e in entity_ids],
            "/api/entities?limit=50&offset=…": [f"/api/entities?limit=50&offset={o}" for o in (0, 50, 100)],
            "/api/entities?q=NAME": [f"/api/entities?q={n}" for n in NAMES],
            "/api/events?limit=100&…": [f"/api/events?limit=100&offset={o}" for o in (0, 100, 1000)]
            + [f"/api/events?type=AID&actor={n}" for n in NAMES[:4]],
            "/api/quotes?limit=100&…": [f"/api/quotes?limit=100&offset={o}" for o in (0, 100, 1000)]
            + [f"/api/quotes?speaker={n}" for n in NAMES[:4]],
            "/api/graph (default, 1000 edges)": ["/api/graph"],
            "/api/graph?type=…|entity=…|window=month": [
                "/api/graph?type=AID", "/api/graph?window=month", *(f"/api/graph?entity={n}" for n in NAMES[:4])],
        }
        load(base, {k: v[:3] for k, v in cases.items()}, 4, 60)  # warm-up: connections, page cache
        t0 = time.perf_counter()
        times = load(base, cases, args.clients, args.requests)
        wall = time.perf_counter() - t0
        n = sum(len(v) for v in times.values())
        print(f"{total} documents in {db}; {n} requests from {args.clients} concurrent clients in {wall:.1f} s "
              f"({n / wall:.0f}/s); latency in ms")
        for name in cases:
            t = times.get(name, [])
            if t:
                print(f"  {name:<44} n {len(t):4d}   p50 {pct(t, .5):7.1f}   p95 {pct(t, .95):7.1f}   "
                      f"p99 {pct(t, .99):7.1f}")
        every = [x for v in times.values() for x in v]
        print(f"  {'all':<44} n {len(every):4d}   p50 {pct(every, .5):7.1f}   p95 {pct(every, .95):7.1f}   "
              f"p99 {pct(every, .99):7.1f}")
        now, peak = rss_mb(server.pid)
        print(f"server RSS after the load: {now:.0f} MB (peak {peak:.0f} MB)")
        if args.exports:
            exports(base, args.exports, server.pid)
        if args.idle:
            idle(port, base, args.idle)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
