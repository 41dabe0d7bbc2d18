"""A sample of events (or quotes) from real news no gold covers, to judge by hand.

events-dev is our development set; the figures an analyst trusts come from text
nobody here annotated. This draws ``N`` Ukrainian and Russian texts at random
(``--seed``) from ``../shared/data/slavicner-train/raw``, leaving out the ones
events-dev holds, runs the pipeline and prints one line per event: file, type,
trigger, actors, recipients, factuality and the sentence. ``--sample K`` prints
K of them drawn at random (the lines an auditor marks right or wrong: type,
actor, recipient and factuality all right). Two runs with the same seed before
and after a change, diffed, show what the change did on unseen text.

    python benchmarks/audit_sample.py [--seed 99] [--docs 60] [--sample 40] [--quotes]
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.ingest import read_path  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402

RAW = ROOT.parent / "shared" / "data" / "slavicner-train" / "raw"
DEV = ROOT.parent / "shared" / "data" / "events-dev" / "texts"


def unseen(seed: int) -> list[Path]:
    """The uk/ru raw texts events-dev does not hold, in a seeded random order."""
    dev = [p.name for p in DEV.glob("*")]
    files = sorted(p for p in RAW.glob("*/*/*") if p.parent.name in ("uk", "ru"))
    files = [p for p in files if not any(p.name in d for d in dev)]
    random.Random(seed).shuffle(files)
    return files


def lines(path: Path, doc, quotes: bool) -> list[str]:
    names = {e.id: e.name for e in doc.entities}
    out = []
    if quotes:
        for q in doc.quotes:
            said = doc.text[q.content.start:q.content.end].replace("\n", " ")
            out.append(f"{path.name} | {names.get(q.speaker, q.speaker)} / {q.speaker_text} || {said[:160]}")
        return out
    for e in doc.events:
        sentence = doc.text[e.evidence.start:e.evidence.end].replace("\n", " ")
        trigger = doc.text[e.trigger.start:e.trigger.end]
        out.append(f"{path.name} | {e.type} [{trigger}] {[names.get(a, a) for a in e.actors]} -> "
                   f"{[names.get(r, r) for r in e.recipients]} {e.factuality} || {sentence[:240]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--sample", type=int, default=0, help="print this many lines drawn at random (0: all)")
    ap.add_argument("--quotes", action="store_true", help="quotes instead of events")
    args = ap.parse_args(argv)
    if not RAW.is_dir():
        print(f"no texts at {RAW}", file=sys.stderr)
        return 1
    pipeline = Pipeline()
    out: list[str] = []
    files = unseen(args.seed)[: args.docs]
    for path in files:
        for raw in read_path(path):
            out += lines(path, pipeline.process(raw), args.quotes)
    if args.sample:
        out = random.Random(args.seed).sample(out, min(args.sample, len(out)))
    print("\n".join(out))
    print(f"{len(out)} {'quotes' if args.quotes else 'events'} from {len(files)} unseen documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
