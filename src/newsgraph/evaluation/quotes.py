"""Score quote extraction: content found and attributed to the right speaker.

Gold format (JSONL, one document per line; paths relative to the gold file)::

    {"path": "doc.txt",
     "quotes": [{"content": {"start": 10, "end": 42}, "text": "...",
                 "speaker": "Остап Гнатюк", "kind": "direct"}]}

``speaker`` is the speaker's base-form name, or null for an unnamed source.
A predicted quote counts as correct when its content overlaps a gold quote's
content and its speaker is that gold speaker: the predicted entity's name, any
of its names in other languages, or any base form among its mentions equals
the gold name (case-insensitive); a null gold speaker needs a null prediction.
This is the judging rule of the project (speaker attribution F1). The events-dev
format (a folder with gold.jsonl and texts/) is scored by :mod:`.eventsdev`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Offsets


@dataclass
class QuoteScores:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def table(self) -> str:
        return (f"quotes: P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(correct {self.tp}, predicted {self.predicted}, gold {self.gold})")


def _speaker_names(doc, entity_id: str | None) -> set[str]:
    if entity_id is None:
        return set()
    for e in doc.entities:
        if e.id == entity_id:
            names = {e.name, *e.names.values()}
            names |= {m.lemma or m.text for m in e.mentions if m.kind == "name"}
            return {n.casefold() for n in names if n}
    return set()


def _overlaps(a: Offsets, b: dict) -> bool:
    """A predicted span and a gold one ({"start": …, "end": …})."""
    return a.start < b["end"] and b["start"] < a.end


def score_document(doc, gold_quotes: list[dict], scores: QuoteScores, name: str = "") -> None:
    predicted = list(doc.quotes)
    scores.predicted += len(predicted)
    scores.gold += len(gold_quotes)
    used: set[int] = set()
    for g in gold_quotes:
        want = (g.get("speaker") or "").casefold() or None
        hit = None
        for i, q in enumerate(predicted):
            if i in used or not _overlaps(q.content, g["content"]):
                continue
            names = _speaker_names(doc, q.speaker)
            if (want is None and q.speaker is None) or (want is not None and want in names):
                hit = i
                break
        if hit is None:
            scores.misses.append(f"{name}: {g.get('text', '')[:60]!r} ({g.get('speaker')})")
        else:
            used.add(hit)
            scores.tp += 1


def evaluate_quotes(gold_path: str | Path) -> QuoteScores:
    import newsgraph

    gold_path = Path(gold_path)
    scores = QuoteScores()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text_path = gold_path.parent / item["path"]
        doc = newsgraph.analyze(text_path.read_bytes(), path=str(text_path))
        score_document(doc, item["quotes"], scores, item["path"])
    return scores
