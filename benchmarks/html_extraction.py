"""Score HTML main-text extraction with the Zyte article-extraction-benchmark metric.

For every ``tests/data/html/<name>.html`` with a ``<name>.gold.txt`` (title, lead
and body, one block per line) this prints per-page precision / recall / F1 of

* ``trafilatura``: ``trafilatura.extract`` with default settings (its text only);
* ``newsgraph``: the title, lead and body segments of the whole pipeline
  (:func:`newsgraph.analyze` on the page), which is what a user gets;

then the averages. The metric follows scrapinghub/article-extraction-benchmark:
4-word shingles counted as a multiset, TP/FP/FN normalised per page, precision
and recall averaged over pages, F1 computed from the two averages. As agreed for
this project, tokens are lower-cased and split on white space (the original
uses ``\\w+`` tokens, case-sensitive).

Run::

    PYTHONPATH=src /work/venv/bin/python benchmarks/html_extraction.py [--timing] [DIR]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

DEFAULT_DIR = ROOT / "tests" / "data" / "html"


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = (text or "").lower().split()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def _tp_fp_fn(pred: str, gold: str, n: int = 4) -> tuple[float, float, float]:
    p, g = _shingles(pred, n), _shingles(gold, n)
    tp = sum((p & g).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def shingle_scores(pred: str, gold: str) -> tuple[float, float]:
    """Precision and recall of ``pred`` against ``gold`` over 4-word shingles."""
    tp, fp, fn = _tp_fp_fn(pred, gold)
    if fp == fn == 0:
        return 1.0, 1.0
    precision = 0.0 if tp == fp == 0 else tp / (tp + fp)
    recall = 0.0 if tp == fn == 0 else tp / (tp + fn)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load_pages(directory: Path = DEFAULT_DIR) -> list[tuple[str, bytes, str]]:
    """(name, html bytes, gold text) for every page that has a gold file."""
    pages = []
    for gold in sorted(directory.glob("*.gold.txt")):
        name = gold.name[: -len(".gold.txt")]
        page = directory / f"{name}.html"
        if page.exists():
            pages.append((name, page.read_bytes(), gold.read_text(encoding="utf-8")))
    return pages


def run_trafilatura(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def run_newsgraph(html: bytes, url: str) -> str:
    import newsgraph

    try:
        return newsgraph.analyze(html, format="html", url=url).article_text()
    except newsgraph.NewsgraphError:
        return ""


SYSTEMS: dict[str, Callable[[bytes, str], str]] = {
    "trafilatura": run_trafilatura,
    "newsgraph": run_newsgraph,
}


def evaluate(
    pages: list[tuple[str, bytes, str]], system: Callable[[bytes, str], str], verbose: bool = False
) -> dict[str, float]:
    """Average precision, recall (over pages), F1 of the averages, and seconds per page."""
    precisions, recalls = [], []
    if pages:  # warm up (imports, caches) outside the timing
        system(pages[0][1], "https://www.example.ru/news/warmup")
    elapsed = 0.0
    for name, html, gold in pages:
        t0 = time.perf_counter()
        pred = system(html, f"https://www.example.ru/news/{name}")
        elapsed += time.perf_counter() - t0
        p, r = shingle_scores(pred, gold)
        precisions.append(p)
        recalls.append(r)
        if verbose:
            print(f"  {name:<16} P={p:.3f} R={r:.3f} F1={f1(p, r):.3f}")
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return {"precision": p, "recall": r, "f1": f1(p, r), "sec_per_page": elapsed / max(1, len(pages))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--timing", action="store_true", help="also print pages per second")
    args = ap.parse_args(argv)
    pages = load_pages(args.directory)
    if not pages:
        print(f"no <name>.html + <name>.gold.txt pairs in {args.directory}", file=sys.stderr)
        return 1
    print(f"{len(pages)} pages from {args.directory}")
    for label, system in SYSTEMS.items():
        print(f"{label}:")
        m = evaluate(pages, system, verbose=True)
        line = f"  {'AVERAGE':<16} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}"
        if args.timing:
            line += f"  ({1 / m['sec_per_page']:.1f} pages/s)" if m["sec_per_page"] else ""
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
