"""API latency with many stored articles: p50/p95 of list, search and entity requests over loopback.

    python benchmarks/api_load.py [--docs 10000] [--requests 200] [--db /tmp/api_load.db]

The store is built honestly: the bundled examples (and the seed, when it is beside the repository)
are ingested once by ``Store.ingest`` with the real pipeline, then saved (``Store.save``) again and again as
variants (a new id, a numbered title, a dated extra body line, publication dates spread over two
years), so every copy goes through the same inserts, FTS indexing and lemmatisation as an ingested
article; only the analysis is reused. An existing --db with enough documents is reused.
The server is the real ``newsgraph serve`` command in a subprocess; requests are sequential, from
httpx, over 127.0.0.1.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import socket
import statistics
import subprocess
import sys
import time
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


def measure(client: httpx.Client, urls: list[str]) -> tuple[float, float, float]:
    times = []
    for url in urls:
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", default="/tmp/api_load.db")
    args = ap.parse_args()
    db = Path(args.db)
    build(db, args.docs)
    with Store(db) as store:
        total = store.count()
        entity_ids = [r[0] for r in store.db.execute(
            "SELECT e.id FROM entities e JOIN mentions m ON m.entity_id = e.id GROUP BY e.id "
            "ORDER BY count(*) DESC LIMIT 40")]
    port = _port()
    server = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(1)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(200):
                try:
                    client.get("/api/stats")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            n = args.requests
            pages = total // 50
            cases = {
                "list   /api/documents?limit=50&offset=…": [
                    f"/api/documents?limit=50&offset={rng.randrange(pages) * 50}" for _ in range(n)],
                "search /api/search?q=…&limit=20": [
                    f"/api/search?q={rng.choice(QUERIES)}&limit=20&offset={rng.choice([0, 0, 20, 40])}"
                    for _ in range(n)],
                "entity /api/entities/{id} (40 most mentioned)": [
                    f"/api/entities/{rng.choice(entity_ids)}" for _ in range(n)],
                "entities /api/entities?limit=50": [
                    f"/api/entities?limit=50&offset={rng.choice([0, 50, 100])}" for _ in range(n)],
            }
            for urls in cases.values():  # warm-up: first connection per worker thread, page cache
                measure(client, urls[:5])
            print(f"{total} documents in {db}; {n} sequential requests each over loopback (ms)")
            for name, urls in cases.items():
                p50, p95, worst = measure(client, urls)
                print(f"  {name:<48} p50 {p50:7.1f}   p95 {p95:7.1f}   max {worst:7.1f}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
