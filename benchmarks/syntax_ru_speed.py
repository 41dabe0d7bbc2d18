"""Words per second and peak memory of the Russian parser (newsgraph.lang.ru.parser), on one core.

    python benchmarks/syntax_ru_speed.py [FACTRUEVAL_DIR] [--sentences 500] [--repeat 2] [--batch 32]

Texts: the ``.txt`` documents of factRuEval's dev set (FACTRUEVAL_DIR, by
default ../shared/data/factrueval-dev), read at run time, cut into sentences
by newsgraph's sentence stage (razdel) until ``--sentences`` are collected.
The timing covers ``parse_many`` on all of them in one call (tokens, tagging,
parsing, lemmas), model loading excluded (a warm-up sentence runs first); the
lemma and dictionary caches are cleared before each timed run, so a run pays
for every distinct word once. Words: razdel tokens that are not punctuation. Prints figures;
asserts nothing.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # one core, as the figures claim

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import razdel  # noqa: E402

from newsgraph.analysis import morphology  # noqa: E402
from newsgraph.lang.ru import parser as syntax_ru  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "factrueval-dev"


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


def corpus(folder: Path, wanted: int) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """Texts and their sentence spans, up to ``wanted`` sentences in all."""
    texts, spans, count = [], [], 0
    for path in sorted(folder.glob("*.txt")):
        if count >= wanted:
            break
        text = path.read_text(encoding="utf-8")
        found = [(s.start, s.stop) for s in razdel.sentenize(text) if s.text.strip()][: wanted - count]
        texts.append(text)
        spans.append(found)
        count += len(found)
    return texts, spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--sentences", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--batch", type=int, default=syntax_ru.BATCH_SIZE, help="sentences per model call")
    args = ap.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"no factRuEval folder at {args.folder}")
    texts, spans = corpus(args.folder, args.sentences)

    t0 = time.perf_counter()
    morph, syntax = syntax_ru._models()
    for model in (morph, syntax):  # the batch size lives in the loaded models
        model.batch_size = model.infer.encoder.batch_size = args.batch
    syntax_ru.parse_many(["Модель загружена."], [[(0, 17)]])
    loaded = time.perf_counter() - t0

    best, out = float("inf"), None
    for _ in range(args.repeat):
        syntax_ru.lemma.cache_clear()
        morphology.parse.cache_clear()
        t0 = time.perf_counter()
        out = syntax_ru.parse_many(texts, spans)
        best = min(best, time.perf_counter() - t0)
    tokens = [t for doc in out for s in doc for t in s.tokens]
    words = sum(t.upos != "PUNCT" for t in tokens)
    sentences = sum(len(doc) for doc in out)
    print(f"texts {len(texts)}, sentences {sentences}, tokens {len(tokens)}, words {words}, "
          f"batch {args.batch}")
    print(f"load + warm-up {loaded:.2f} s")
    print(f"parse {best:.2f} s (best of {args.repeat}): {words / best:,.0f} words/s, "
          f"{len(tokens) / best:,.0f} tokens/s, {sentences / best:,.1f} sentences/s")
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
