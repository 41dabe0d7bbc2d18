"""Entity lookup by the names people type, measured on SlavicNER's annotations.

A user asks the store for an entity the way the news writes it: inflected
("Терези Мей", "Шольцом"), in the other language, or by its English name. The
unit tests ask a store we wrote; this asks one built from real news nobody
here annotated. ``--docs`` texts of each topic (uk and ru, seeded) are ingested
into a fresh store; each SlavicNER entity (PER, ORG, LOC) that the store holds
is the entity of the store its annotated mentions fall on (by majority). The
queries are every distinct surface form SlavicNER annotates for that entity
anywhere in the topic (forms of documents not ingested included), and its
English name, read from the corpus's id ("PER-Theresa-May" -> "Theresa May").

A query is *found* when the lookup answers exactly that entity, and *among*
when the entity is one of several it answers (the "did you mean" case).
Figures by kind: the base form, an inflected form, the English name.

    python benchmarks/lookup_forms.py [--docs 15] [--seed 7] [--errors]
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.ingest import read_paths  # noqa: E402
from newsgraph.model import Document  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.lookup import resolve  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "slavicner-train"
TYPES = {"PER", "ORG", "LOC"}
#: a form (and its base form) counts as one people type when this many files write it
MIN_FILES = 2


def annotations(path: Path) -> list[tuple[int, int, str, str, str, str]]:
    """(start, end, surface, base form, type, id) of one SlavicNER file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 6 and parts[0].isdigit():
            rows.append((int(parts[0]), int(parts[1]), parts[2], parts[3], parts[4], parts[5]))
    return rows


def english(gold_id: str) -> str | None:
    """The English name a SlavicNER id spells ("GPE-Great-Britain" -> "Great Britain")."""
    _, _, name = gold_id.partition("-")
    name = name.replace("-", " ").strip()
    return name if name and name.isascii() and any(c.isalpha() for c in name) else None


def pick(seed: int, docs: int) -> tuple[list[tuple[Path, Path, str]], dict[str, list[Path]]]:
    """``docs`` (raw, annotation) pairs per topic and language, and every annotation file of each topic."""
    chosen, by_topic = [], defaultdict(list)
    for topic in sorted(p.name for p in (DATA / "ner").iterdir()):
        for language in ("uk", "ru"):
            tsvs = sorted((DATA / "ner" / topic / language).glob("*.tsv"))
            by_topic[topic].extend(tsvs)
            pairs = [(DATA / "raw" / topic / language / (t.stem + ".txt"), t) for t in tsvs]
            pairs = [p for p in pairs if p[0].exists()]
            random.Random(f"{seed}/{topic}/{language}").shuffle(pairs)
            chosen.extend((raw, tsv, topic) for raw, tsv in pairs[:docs])
    return chosen, by_topic


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=15, help="texts per topic and language to ingest")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--errors", action="store_true", help="print every query not found")
    args = ap.parse_args(argv)

    chosen, by_topic = pick(args.seed, args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "lookup.db"
        stored: dict[str, Document] = {}
        t0 = time.perf_counter()
        with Store(db_path) as store:
            store.ingest(read_paths([raw for raw, _, _ in chosen]), Pipeline(),
                         on_item=lambda d: isinstance(d, Document) and stored.setdefault(str(d.source.path), d))
        took = time.perf_counter() - t0
        db = sqlite3.connect(db_path)
        db.row_factory = sqlite3.Row

        # each gold entity -> the store's entity its mentions fall on
        votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for raw, tsv, topic in chosen:
            doc = stored.get(str(raw))
            if doc is None:
                continue
            rows = db.execute('SELECT entity_id, start, "end" FROM mentions WHERE doc_id = ?', (doc.id,)).fetchall()
            for start, end, surface, _, etype, gid in annotations(tsv):
                if etype not in TYPES or doc.text[start:end] != surface:
                    continue
                for r in rows:
                    if r["start"] < end and start < r["end"]:
                        votes[(topic, gid)][r["entity_id"]] += 1
        target = {k: c.most_common(1)[0][0] for k, c in votes.items()}

        # the forms a person would type: those the corpus writes in at least two files (a typo
        # once, "тармп", is no query), of a base form it writes in at least two (not a nickname
        # once, "Трампуша"), and no lower-case derived word ("байденовский")
        seen_form: dict[tuple[str, str], Counter] = defaultdict(Counter)
        seen_base: dict[tuple[str, str], Counter] = defaultdict(Counter)
        bases: dict[tuple[str, str, str], str] = {}
        for topic, tsvs in by_topic.items():
            for tsv in tsvs:
                for _, _, surface, base, etype, gid in {(0, 0, *a[2:]) for a in annotations(tsv)}:
                    key = (topic, gid)
                    if key in target and etype in TYPES and surface.strip()[:1].isupper():
                        seen_form[key][surface.strip()] += 1
                        seen_base[key][base.strip()] += 1
                        bases[(topic, gid, surface.strip())] = base.strip()
        forms: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # key -> query -> kind
        for key, counts in seen_form.items():
            for surface, n in counts.items():
                base = bases[(*key, surface)]
                if n >= MIN_FILES and seen_base[key][base] >= MIN_FILES:
                    forms[key][surface] = "base form" if surface == base else "inflected"
        for key in target:
            name = english(key[1])
            if name and name not in forms[key]:
                forms[key][name] = "English name"

        score: dict[str, Counter] = defaultdict(Counter)
        misses = []
        for key, queries in sorted(forms.items()):
            want = target[key]
            for query, kind in queries.items():
                ids = resolve(db, query)
                for k in (kind, "all"):
                    score[k]["queries"] += 1
                    score[k]["found"] += ids == [want]
                    score[k]["among"] += want in ids
                if ids != [want]:
                    misses.append((key, query, kind, want, ids[:4]))

    print(f"lookup by typed names, slavicner-train: {len(stored)} documents ingested "
          f"({args.docs} per topic and language, seed {args.seed}, {took:.0f} s), {len(target)} entities")
    print(f"{'kind':<14} {'queries':>8} {'found':>7} {'among':>7}")
    for kind in ("base form", "inflected", "English name", "all"):
        s = score.get(kind)
        if s:
            print(f"{kind:<14} {s['queries']:>8} {s['found'] / s['queries']:>7.3f} {s['among'] / s['queries']:>7.3f}")
    if args.errors:
        for (topic, gid), query, kind, want, ids in misses:
            print(f"  {topic} {gid} [{kind}] {query!r}: want {want}, got {ids}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
