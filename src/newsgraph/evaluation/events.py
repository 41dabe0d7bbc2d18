"""Scoring events against a gold set: precision, recall and F1.

Gold format (JSONL, one line per document)::

    {"path": "aid_uk.txt",                      # text file, relative to the gold file
     "published": null,                         # optional, for resolving dates
     "events": [{"type": "AID",                 # PLOVER type
                 "actors": ["Нідерланди"],      # base forms (or entity ids)
                 "recipients": ["Україна"],     # may be empty
                 "evidence": {"start": 121, "end": 210}}]}   # the sentence

What is scored is the unit "type + actor + recipient + evidence sentence": each
event is expanded into (type, actor, recipient) pairs — every actor with every
recipient, or with no recipient when it has none — so one event with four
recipients and four events with one recipient each score alike.

Names, not ids: entity ids depend on linking, which changes independently of
event extraction, so gold actors and recipients are written as base forms
("Європейський союз", "Україна"). A predicted entity matches a gold name when
the name is its id, its name, one of its names in other languages or the base
form of one of its mentions — or when all words of one of these are words of
the gold name, or the other way round (so "Зеленський" matches "Володимир
Зеленський"). Evidence matches when the predicted sentence overlaps the gold
span.

Pairs are matched one to one. A predicted pair that repeats an already matched
one (same type, actor and recipient, another sentence — a title restating the
body, say) is neither credited nor counted as a false positive: PLOVER leaves
de-duplication to the user, and the gold set annotates each event once, at the
sentence that tells it best. The events-dev format (a folder with gold.jsonl and
texts/, every telling coded) is scored by :mod:`.eventsdev`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document, Entity
from .scoring import Scores

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")


@dataclass
class EventScores(Scores):
    """Per-type true/false positives and misses, plus what was missed and invented."""

    documents: int = 0
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    def micro(self) -> tuple[float, float, float, int]:
        return self.prf(PLOVER_TYPES)

    def table(self, types: Iterable[str] | None = None) -> str:
        seen = [t for t in PLOVER_TYPES if self.tp[t] or self.fp[t] or self.fn[t]]
        return super().table(list(types) if types is not None else seen)


def _norm(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").replace("ё", "е").split())


def entity_keys(entity: Entity) -> set[str]:
    """The names a predicted entity answers to (its role and pronoun references are none)."""
    keys = {entity.id, _norm(entity.name)}
    keys.update(_norm(n) for n in entity.names.values())
    keys.update(_norm(m.lemma or m.text) for m in entity.mentions)
    keys.discard("")
    return keys


def _stems(name: str) -> frozenset[str]:
    """Words cut to five letters: "МЗС України" and "МЗС Україна" are one name."""
    return frozenset(w[:5] for w in name.split())


def name_matches(gold: str, keys: set[str]) -> bool:
    g = _norm(gold)
    if g in keys or gold in keys:
        return True
    gw = _stems(g)
    return any((kw := _stems(k)) and (kw <= gw or gw <= kw) for k in keys)


def _pairs(type_: str, actors, recipients) -> list[tuple]:
    return [(type_, a, r) for a in actors or () for r in recipients or [None]]


def score_document(doc: Document | dict, gold_events: list[dict], scores: EventScores, label: str = "") -> None:
    """Add one document: ``doc`` has ``events`` and ``entities`` (a Document or its dict)."""
    if isinstance(doc, dict):
        doc = Document.from_dict(doc)
    keys = {e.id: entity_keys(e) for e in doc.entities}
    text = doc.text
    gold = [(p, (ev["evidence"]["start"], ev["evidence"]["end"])) for ev in gold_events
            for p in _pairs(ev["type"], ev.get("actors"), ev.get("recipients"))]
    pred = [(p, (ev.evidence.start, ev.evidence.end)) for ev in doc.events
            for p in _pairs(ev.type, ev.actors, ev.recipients)]
    used: set[int] = set()
    matched_keys: list[tuple] = []

    def same(gp, pp) -> bool:
        (gt, ga, gr), (pt, pa, pr) = gp, pp
        if gt != pt or not name_matches(ga, keys.get(pa, {pa})):
            return False
        if gr is None or pr is None:
            return gr is None and pr is None
        return name_matches(gr, keys.get(pr, {pr}))

    def overlap(a, b) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    unmatched_pred = []
    for pp, pev in pred:
        hit = next((k for k, (gp, gev) in enumerate(gold) if k not in used
                    and same(gp, pp) and overlap(gev, pev)), None)
        if hit is None:
            unmatched_pred.append((pp, pev))
            continue
        used.add(hit)
        matched_keys.append(pp)
        scores.tp[pp[0]] += 1
    for pp, pev in unmatched_pred:
        if pp in matched_keys or any(k in used and same(gp, pp) for k, (gp, _) in enumerate(gold)):
            continue  # a repeat of a matched event
        scores.fp[pp[0]] += 1
        scores.invented.append(f"{label}: {pp[0]} {_show(pp, doc)} | {text[pev[0]:pev[1]][:80]}")
    for k, (gp, gev) in enumerate(gold):
        if k not in used:
            scores.fn[gp[0]] += 1
            scores.missed.append(f"{label}: {gp[0]} {gp[1]} -> {gp[2]} | {text[gev[0]:gev[1]][:80]}")
    scores.documents += 1


def _show(pair: tuple, doc: Document) -> str:
    names = {e.id: e.name for e in doc.entities}
    return f"{names.get(pair[1], pair[1])} -> {names.get(pair[2], pair[2]) if pair[2] else None}"


def read_gold(gold_path: str | Path) -> list[dict]:
    path = Path(gold_path)
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row["_file"] = path.parent / row["path"]
            row["_line"] = n
            rows.append(row)
    return rows


def analyze_file(path: Path, published: str | None = None):
    """The whole pipeline on one text file; ``published`` resolves relative dates."""
    from dataclasses import replace

    from ..ingest import read_path
    from ..pipeline import Pipeline

    raw = next(iter(read_path(path)))
    if published and not getattr(raw, "published", None):
        raw = replace(raw, published=published)
    return Pipeline().process(raw)


def evaluate_events(gold_path: str | Path) -> EventScores:
    """Score the event extractor on a gold JSONL file (see the module docstring)."""
    scores = EventScores()
    for row in read_gold(gold_path):
        doc = analyze_file(row["_file"], row.get("published"))
        score_document(doc, row.get("events", []), scores, label=row["path"])
    return scores


if __name__ == "__main__":  # python -m newsgraph.evaluation.events GOLD.jsonl
    import sys

    s = evaluate_events(sys.argv[1])
    print(s.table())
    for line in s.missed:
        print("missed  ", line)
    for line in s.invented:
        print("invented", line)
