"""Words and documents per second of the analyze stage, per language, on one core.

Usage: python benchmarks/analyze_speed.py [--docs 100]

Texts: Ukrainian from ../shared/data/ner-uk-train (news part "ng"), Russian
from ../shared/data/factrueval-dev, falling back to the bundled examples.
The timing covers what `newsgraph analyze` does to a document after reading
it: cleaning (segments, languages, dedup keys) and analysis (sentences,
entities with base forms, values). Model loading is excluded (a warm-up
document runs first). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as the figures claim

from newsgraph.model import RawDocument, Source  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SOURCES = {
    "uk": [SHARED / "ner-uk-train" / "ng", ROOT / "examples" / "text"],
    "ru": [SHARED / "factrueval-dev", ROOT / "examples" / "text"],
}


def texts(language: str, n: int) -> list[str]:
    for folder in SOURCES[language]:
        files = sorted(folder.glob("*.txt"))
        if files:
            out = []
            for f in files[:n]:
                try:
                    out.append(f.read_text(encoding="utf-8"))
                except UnicodeDecodeError:
                    continue
            return out
    return []


def bench(language: str, docs: list[str]) -> None:
    pipeline = Pipeline()
    pipeline.process(RawDocument(source=Source(path="warmup"), text=docs[0]))
    words = sum(len(t.split()) for t in docs)
    t0 = time.perf_counter()
    entities = 0
    for i, text in enumerate(docs):
        doc = pipeline.process(RawDocument(source=Source(path=f"{language}-{i}"), text=text))
        entities += sum(len(e["mentions"]) for e in doc.entities)
    dt = time.perf_counter() - t0
    print(f"{language}: {len(docs)} docs, {words} words in {dt:.2f} s: {len(docs) / dt:6.1f} docs/s, "
          f"{words / dt:8.0f} words/s, {entities} mentions")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--languages", default="uk,ru")
    args = ap.parse_args()
    for language in args.languages.split(","):
        docs = texts(language, args.docs)
        if docs:
            bench(language, docs)
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
