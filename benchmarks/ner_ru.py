"""Russian NER on factRuEval: accuracy in two conventions, speed on one core, peak memory.

    python benchmarks/ner_ru.py [FACTRUEVAL_DIR] [--natasha] [--repeat N]

FACTRUEVAL_DIR defaults to ../shared/data/factrueval-dev.  Prints precision,
recall and F1 per type and micro-averaged in the exact-span convention and in
the token-level convention of natasha's published factRuEval tables (see
``newsgraph.evaluation.factrueval``), then words per second of
``newsgraph.lang.ru.ner.recognize`` on the corpus texts, one document at a
time, model loading excluded (words: whitespace-separated), and the process's
peak resident memory.  ``--natasha`` adds the same figures for natasha's own
``NewsNERTagger`` on whole texts, for comparison.

BLAS is held to one thread, so the figures are per core.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.evaluation.factrueval import evaluate, load_corpus  # noqa: E402
from newsgraph.model import Span  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "factrueval-dev"


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


def speed(recognize, texts: list[str], repeat: int) -> float:
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            recognize(text)
        best = min(best, time.perf_counter() - t0)
    return words / best


def report(name: str, recognize, documents, texts, repeat: int) -> None:
    scores = evaluate(documents, recognize)
    print(f"== {name}")
    print("-- exact character spans (gold: whole factRuEval objects)")
    print(scores["exact"].table())
    print("-- tokens (naeval convention of natasha's published tables)")
    print(scores["tokens"].table())
    wps = speed(recognize, texts, repeat)
    print(f"-- speed: {wps:,.0f} words/s on one core "
          f"({sum(len(t.split()) for t in texts):,} words, {len(texts)} documents, best of {repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--natasha", action="store_true", help="also run natasha's NewsNERTagger")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    documents = list(load_corpus(args.corpus))
    if not documents:
        sys.exit(f"no factRuEval documents in {args.corpus}")
    texts = [d.text for d in documents]
    print(f"{len(documents)} documents from {args.corpus}")

    from newsgraph.lang.ru import ner as ner_ru

    t0 = time.perf_counter()
    ner_ru.load()
    print(f"model load: {time.perf_counter() - t0:.2f} s")
    report("newsgraph.lang.ru.ner", ner_ru.recognize, documents, texts, args.repeat)
    print(f"-- peak RSS: {peak_rss_mb():.0f} MB")

    if args.natasha:
        from natasha import NewsEmbedding, NewsNERTagger

        tagger = NewsNERTagger(NewsEmbedding())

        def natasha(text: str) -> list[Span]:
            return [Span(s.start, s.stop, s.type) for s in tagger(text).spans]

        report("natasha NewsNERTagger (whole text)", natasha, documents, texts, args.repeat)
        print(f"-- peak RSS (both loaded): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
