"""Score the shipped Ukrainian NER model on the RAW held-out NER-UK documents.

    /work/venv/bin/python training/ner_uk/evaluate.py [--model src/newsgraph/models/ner_uk]

The held-out documents are those listed in training/ner_uk/heldout.txt (see
prepare.py). Pre-tokenised documents are first detokenised to normal typography
(``Київ, 12 травня.``), spans remapped; whole-document text then goes through
the model the way newsgraph runs it: cut at line ends into paragraphs of about
1500 characters, ``nlp.pipe`` over them, entity offsets mapped back to the
document. Scores are exact-span precision/recall/F1 per type, micro over
PER/ORG/LOC (the project's target) and over all four types.

Speed: words per second on one thread (whitespace-separated words of the input;
model loading and a warm-up excluded), first with pymorphy3's lemma cache
cleared (cold) and then again (warm), and the peak RSS of the process.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from prepare import DEFAULT_DATA, REPO, chunks, detokenise, read_ann, is_tokenised  # noqa: E402

sys.path.insert(0, str(REPO / "src"))
TYPES = ("PER", "ORG", "LOC", "MISC")


def heldout_documents(data: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    docs = []
    for name in (HERE / "heldout.txt").read_text(encoding="utf-8").split():
        txt = data / f"{name}.txt"
        text = txt.read_text(encoding="utf-8")
        spans = read_ann(txt.with_suffix(".ann"), text)
        if is_tokenised(text):
            text, spans = detokenise(text, spans)
        docs.append((name, text, spans))
    return docs


def predict(nlp, text: str) -> list[tuple[int, int, str]]:
    pieces = list(chunks(text, []))
    out = []
    for (off, _, _), doc in zip(pieces, nlp.pipe(p for _, p, _ in pieces)):
        out.extend((off + e.start_char, off + e.end_char, e.label_) for e in doc.ents)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=REPO / "src" / "newsgraph" / "models" / "ner_uk")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", type=int, default=0, help="print this many false positives/negatives")
    args = ap.parse_args(argv)

    import spacy

    import newsgraph.analysis.spacy_components as comps

    docs = heldout_documents(args.data)
    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    load_s = time.perf_counter() - t0
    predict(nlp, "Олаф Шольц зустрівся з Марком Рютте в Берліні.")  # warm-up

    comps.lemma_norm.cache_clear()
    words = sum(len(text.split()) for _, text, _ in docs)
    t0 = time.perf_counter()
    predictions = [predict(nlp, text) for _, text, _ in docs]
    cold_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _, text, _ in docs:
        predict(nlp, text)
    warm_s = time.perf_counter() - t0

    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    for (name, text, gold), pred in zip(docs, predictions):
        g, p = set(gold), set(pred)
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
            errors.append(("FP", name, text[s[0]:s[1]], s[2], text[max(0, s[0] - 30):s[1] + 30]))
        for s in g - p:
            fn[s[2]] += 1
            errors.append(("FN", name, text[s[0]:s[1]], s[2], text[max(0, s[0] - 30):s[1] + 30]))

    print(f"model: {args.model}   held-out documents: {len(docs)} (raw text), words: {words}")
    meta = json.loads((args.model / "meta.json").read_text(encoding="utf-8"))
    if meta.get("newsgraph", {}).get("trained_on_all_documents"):
        print("WARNING: this model was trained on the held-out documents too (train.py --all): the scores "
              "below mean nothing; evaluate the model of a run without --all")
    print(f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for t in TYPES:
        p, r, f = prf(tp[t], fp[t], fn[t])
        print(f"{t:<12}{p:7.3f}{r:7.3f}{f:7.3f}{tp[t] + fn[t]:7d}{tp[t] + fp[t]:7d}")
    for label, group in (("micro P/O/L", TYPES[:3]), ("micro all", TYPES)):
        a, b, c = (sum(x[t] for t in group) for x in (tp, fp, fn))
        p, r, f = prf(a, b, c)
        print(f"{label:<12}{p:7.3f}{r:7.3f}{f:7.3f}{a + c:7d}{a + b:7d}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speed (1 thread, load {load_s:.1f}s excluded): {words / cold_s:,.0f} words/s cold lemma cache, "
          f"{words / warm_s:,.0f} words/s warm; peak RSS {peak_mb:.0f} MB")
    for e in errors[: args.errors]:
        print("  %s %s %-30r %-5s %r" % (e[0], e[1], e[2], e[3], e[4].replace("\n", "⏎")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
