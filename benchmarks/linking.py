"""Cross-lingual linking: pairwise precision, recall and F1 over uk–ru mention pairs.

Every pair of a Ukrainian and a Russian PER/ORG/LOC mention of the gold set
(``tests/data/linking/pairs.jsonl``, format in its README) is one decision:
gold says same or different entity, the system says same or different id.
Precision = pairs both call same / pairs the system calls same; recall =
pairs both call same / pairs gold calls same.

By default the gold mention spans are given to the system (entities built
the way ``analysis.annotate`` builds them: one per type and base form), so
the figure measures linking alone. ``--ner`` runs the whole pipeline
instead (clean, NER, base forms, link) and looks the gold spans up among
the found mentions; a gold mention the NER missed gets an id of its own.

The baseline is the issue's: a mention's base form (in its own language) is
its id, so a uk and a ru mention match only when spelled alike.

    python benchmarks/linking.py [--ner] [--errors] [PATH]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.analysis.annotate import entity_id  # noqa: E402
from newsgraph.analysis.baseforms import base_form  # noqa: E402
from newsgraph.link import link  # noqa: E402
from newsgraph.model import Document, Entity, Mention, Segment, Source  # noqa: E402

GOLD = ROOT / "tests" / "data" / "linking" / "pairs.jsonl"


def load(path: Path) -> list[dict]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        pos, spans = 0, []
        for surface, etype, gold in d["mentions"]:
            i = d["text"].find(surface, pos)
            if i < 0:
                raise ValueError(f"{d['doc']}: {surface!r} not found after offset {pos}")
            spans.append({"start": i, "end": i + len(surface), "text": surface, "type": etype, "gold": gold})
            pos = i + 1
        d["spans"] = spans
        docs.append(d)
    return docs


def gold_span_doc(d: dict) -> Document:
    """The document as ``annotate`` would leave it had the NER found exactly the gold spans."""
    first: dict[str, tuple[str, str]] = {}  # id -> (type, base form)
    mentions: dict[str, list[Mention]] = {}
    for s in d["spans"]:
        lemma = base_form(s["text"], s["type"], d["language"])
        eid = entity_id(s["type"], lemma)
        first.setdefault(eid, (s["type"], lemma))
        mentions.setdefault(eid, []).append(Mention(s["start"], s["end"], s["text"], lemma))
    text = d["text"]
    entities = [Entity(eid, etype, lemma, {d["language"]: lemma}, tuple(mentions[eid]))
                for eid, (etype, lemma) in first.items()]
    return Document(id=d["doc"], source=Source(), language=d["language"], title=None, lead=None,
                    published=None, text=text, segments=[Segment(0, len(text), "body", d["language"])],
                    entities=entities)


def predict(d: dict, ner: bool) -> tuple[list[str], list[str]]:
    """(system ids, baseline ids), one per gold mention."""
    if ner:
        from newsgraph.ingest import read_bytes
        from newsgraph.pipeline import Pipeline

        raw = next(iter(read_bytes(d["text"].encode("utf-8"), Source(path=d["doc"]))))
        doc = Pipeline().process(raw)
        base = doc  # the pipeline links; the baseline reads the mentions' base forms
    else:
        base = gold_span_doc(d)
        doc = link(base)
    by_span = {(m.start, m.end): e.id for e in doc.entities for m in e.mentions}
    lemma_by_span = {(m.start, m.end): m.lemma or m.text for e in base.entities for m in e.mentions}
    system, baseline = [], []
    for s in d["spans"]:
        key = (s["start"], s["end"])
        system.append(by_span.get(key, f"missed:{d['doc']}:{s['start']}"))
        lemma = lemma_by_span.get(key) or base_form(s["text"], s["type"], d["language"])
        baseline.append(lemma.casefold().replace("ё", "е"))
    return system, baseline


def pairwise(items_uk: list[tuple], items_ru: list[tuple]) -> dict[str, float]:
    tp = fp = fn = 0
    for (g1, p1, *_), (g2, p2, *_) in itertools.product(items_uk, items_ru):
        same_gold, same_pred = g1 == g2, p1 == p2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--ner", action="store_true", help="run the whole pipeline instead of using gold spans")
    ap.add_argument("--errors", action="store_true", help="list the gold entities the system splits or merges")
    args = ap.parse_args(argv)
    docs = load(args.path)
    t0 = time.perf_counter()
    sys_items: dict[str, list[tuple]] = {"uk": [], "ru": []}
    base_items: dict[str, list[tuple]] = {"uk": [], "ru": []}
    for d in docs:
        system, baseline = predict(d, args.ner)
        for s, p, b in zip(d["spans"], system, baseline):
            sys_items[d["language"]].append((s["gold"], p, s["text"], d["doc"]))
            base_items[d["language"]].append((s["gold"], b, s["text"], d["doc"]))
    elapsed = time.perf_counter() - t0
    n = sum(len(d["spans"]) for d in docs)
    print(f"{len(docs)} documents, {n} mentions ({len(sys_items['uk'])} uk, {len(sys_items['ru'])} ru), "
          f"{'pipeline with NER' if args.ner else 'gold spans'}, {elapsed:.2f} s")
    for label, items in (("link", sys_items), ("baseline: base form as id", base_items)):
        m = pairwise(items["uk"], items["ru"])
        print(f"{label:28} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
              f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
    if args.errors:
        by_gold: dict[str, set[str]] = {}
        by_pred: dict[str, set[str]] = {}
        for items in sys_items.values():
            for g, p, text, doc in items:
                by_gold.setdefault(g, set()).add(p)
                by_pred.setdefault(p, set()).add(g)
        for g, ps in sorted(by_gold.items()):
            if len(ps) > 1:
                forms = sorted({f"{t} → {p}" for items in sys_items.values() for gg, p, t, _ in items if gg == g})
                print(f"split  {g}: " + "; ".join(forms))
        for p, gs in sorted(by_pred.items()):
            if len(gs) > 1:
                print(f"merged {p}: {sorted(gs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
