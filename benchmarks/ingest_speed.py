"""Documents per second for ingest (analyse + store) of plain text and of HTML.

Usage: python benchmarks/ingest_speed.py [--docs 300]

Each document is a bundled example with a unique first line, so near-duplicate
detection and the site line filter do their normal work and nothing is skipped
as already stored. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import read_bytes
from newsgraph.model import Document, Source
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True

# UTF-8 texts only, so that a numbered first line can be prepended as bytes.
TEXTS = [p for p in sorted((ROOT / "examples" / "text").glob("*.txt")) if _is_utf8(p)]
PAGES = sorted((ROOT / "examples" / "html").glob("*.html")) + sorted((ROOT / "tests" / "data" / "html").glob("*.html"))


def variants(paths: list[Path], n: int, html: bool):
    for i in range(n):
        path = paths[i % len(paths)]
        data = path.read_bytes()
        if html:
            data = data.replace(b"<body", f"<body data-n='{i}'".encode(), 1).replace(
                b"</h1>", f" ({i})</h1>".encode(), 1)
            url = f"https://news.example.com/{i}.html"
        else:
            data = f"Випуск {i}. ".encode() + data
            url = None
        yield data, Source(path=f"{path.name}#{i}", url=url)


def bench(name: str, items, db: Path) -> None:
    """``Store.ingest`` (read, clean, analyse, store) of the items, as ``newsgraph ingest`` runs it."""
    items = list(items)
    words = 0

    def count(item) -> None:
        nonlocal words
        if isinstance(item, Document):
            words += len(item.text.split())

    with Store(db) as store:
        pipeline = Pipeline()
        t0 = time.perf_counter()
        report = store.ingest((raw for data, source in items for raw in read_bytes(data, source)), pipeline,
                              on_item=count)
        dt = time.perf_counter() - t0
    print(f"{name:<6} {len(items):>5} docs  {len(items) / dt:8.1f} docs/s  {words / dt:9.0f} words/s  "
          f"stored {len(report.stored)}, failed {len(report.failures)}, {dt:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # warm-up: load dictionaries and models once, outside the timings
        bench("warmup", variants(TEXTS, 5, html=False), Path(tmp) / "w.db")
        bench("text", variants(TEXTS, args.docs, html=False), Path(tmp) / "t.db")
        if PAGES:
            bench("html", variants(PAGES, args.docs, html=True), Path(tmp) / "h.db")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
