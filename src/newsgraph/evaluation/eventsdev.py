"""Score quotes and events on the events-dev format (``GUIDELINES.md`` of that set).

The set is a folder holding ``gold.jsonl`` and the texts (in ``texts/``), one
JSON object per document::

    {"doc": "raw/.../x.txt", "file": "<name in texts/>", "lang": "uk",
     "quotes": [{"kind": ..., "cue": [s, e], "content": [s, e],
                 "speaker": [[s, e], ...], "speaker_id": "..."}],
     "events": [{"type": "AGREE", "alt_types": [...],
                 "actor": [[s, e], ...], "actor_id": "...",
                 "recipient": [[s, e], ...], "recipient_id": "..." or null,
                 "trigger": [s, e], "evidence": [s, e], ...}]}

Offsets index the file's text read as UTF-8 with no newline translation, end
exclusive — the text ``analyze`` gives a plain-text file.

The metric:

* a predicted quote *finds* a gold quote when their contents overlap by at
  least half of the shorter of the two spans;
* it is *attributed* when, besides, the predicted speaker is on a gold speaker
  span: the speaker entity has a mention (a name, or a resolved role or
  pronoun reference) overlapping one of the gold quote's ``speaker`` spans, or
  the quote's own ``speaker_mention`` (the words naming the speaker next to the
  cue, also for a speaker no entity stands for: "джерело в уряді") does;
* a predicted event is *right* for a gold event when its type is the gold type
  or one of its ``alt_types``, one of its actors has a mention overlapping a
  gold actor span, one of its recipients has a mention overlapping a gold
  recipient span when the gold event has recipient spans (with none, any
  recipient or none is right), and its evidence sentence overlaps the gold
  evidence.

Matching is one to one (a maximum bipartite matching), so one prediction
never satisfies two gold items — the gold codes every telling of an event
(title, lead, body) and gives "із посиланням на X" chains one quote per
source, and each needs a prediction of its own. Precision is matched
predictions over all predictions, recall matched gold items over all gold
items. Per event type, recall counts the gold items of that gold type and
precision the predictions of that predicted type (they differ when a match
used an alternative type). Factuality, triggers, cues and quote kinds are not
scored.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document, Quote
from .events import PLOVER_TYPES

GOLD_NAME = "gold.jsonl"

Span = tuple[int, int]


# ---------------------------------------------------------------- the format


def gold_file(path: str | Path) -> Path | None:
    """The gold file when ``path`` is an events-dev set (its folder or its gold file), else None."""
    path = Path(path)
    if path.is_dir():
        path = path / GOLD_NAME
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8") as f:
            first = next((line for line in f if line.strip()), "")
        row = json.loads(first) if first else {}
    except (OSError, ValueError):
        return None
    return path if isinstance(row, dict) and "file" in row and "lang" in row and "path" not in row else None


def is_events_dev(path: str | Path) -> bool:
    return gold_file(path) is not None


def read(path: str | Path) -> list[dict]:
    """The documents of a set; each row gets ``_file``, the text file's path."""
    gold = gold_file(path)
    if gold is None:
        raise ValueError(f"{path}: not an events-dev set (a folder with {GOLD_NAME} of rows with 'file' and 'lang')")
    texts = gold.parent / "texts"
    rows = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            base = texts if (texts / row["file"]).is_file() else gold.parent
            row["_file"] = base / row["file"]
            rows.append(row)
    return rows


def read_text(path: Path) -> str:
    """The text the offsets index (as the guidelines read it)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# ---------------------------------------------------------------- matching


def _span(s: Iterable[int]) -> Span:
    a, b = s
    return int(a), int(b)


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def half_overlap(a: Span, b: Span) -> bool:
    """The spans share at least half of the shorter one (and at least one character)."""
    shared = overlap(a, b)
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def touches(spans: Iterable[Span], gold: Iterable[Span]) -> bool:
    gold = list(gold)
    return any(overlap(s, g) > 0 for s in spans for g in gold)


def max_matching(n_gold: int, n_pred: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """A maximum one-to-one matching gold -> prediction (augmenting paths)."""
    edges = [[p for p in range(n_pred) if ok(g, p)] for g in range(n_gold)]
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        if edges[g]:
            augment(g, set())
    return {g: p for p, g in owner.items()}


def entity_spans(doc: Document) -> dict[str, list[Span]]:
    """Each entity's mentions and resolved references, as spans."""
    return {e.id: [(m.start, m.end) for m in e.all_mentions()] for e in doc.entities}


def _sentence(doc: Document, span: Span) -> str:
    for s in doc.sentences:
        if s.start <= span[0] < s.end:
            end = max(s.end, span[1]) if span[1] - s.start < 400 else s.end
            return doc.text[s.start:end]
    return doc.text[span[0]:span[1]]


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


# ---------------------------------------------------------------- figures


@dataclass
class PRF:
    """Matched predictions and gold items, and how many of each there were."""

    tp_pred: int = 0
    tp_gold: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: PRF) -> None:
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "matched_predicted": self.tp_pred, "matched_gold": self.tp_gold,
                "predicted": self.predicted, "gold": self.gold}

    def row(self, label: str, width: int = 10) -> str:
        return (f"{label:<{width}}{self.precision:8.3f}{self.recall:8.3f}{self.f1:8.3f}"
                f"{self.tp_gold:8d}{self.gold:8d}{self.predicted:8d}")


def _header(first: str, width: int = 10) -> str:
    return f"{first:<{width}}{'P':>8}{'R':>8}{'F1':>8}{'matched':>8}{'gold':>8}{'pred':>8}"


def _by_lang(table: dict[str, PRF]) -> dict[str, PRF]:
    total = PRF()
    for v in table.values():
        total.add(v)
    return {**dict(sorted(table.items())), "all": total}


@dataclass
class QuoteDevScores:
    found: dict[str, PRF] = field(default_factory=dict)        # by language
    attributed: dict[str, PRF] = field(default_factory=dict)   # by language
    documents: int = 0
    missed: list[str] = field(default_factory=list)
    misattributed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    def total(self, which: str = "attributed") -> PRF:
        return _by_lang(getattr(self, which))["all"]

    def table(self) -> str:
        lines = []
        for which in ("found", "attributed"):
            lines.append(_header(f"{which}"))
            lines += [v.row(k) for k, v in _by_lang(getattr(self, which)).items()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents,
                "found": {k: v.to_dict() for k, v in _by_lang(self.found).items()},
                "attributed": {k: v.to_dict() for k, v in _by_lang(self.attributed).items()},
                "missed": self.missed, "misattributed": self.misattributed, "invented": self.invented}


@dataclass
class EventDevScores:
    by_lang: dict[str, PRF] = field(default_factory=dict)
    by_type: dict[str, PRF] = field(default_factory=dict)
    documents: int = 0
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    def total(self) -> PRF:
        return _by_lang(self.by_lang)["all"]

    def _types(self) -> dict[str, PRF]:
        order = {t: i for i, t in enumerate(PLOVER_TYPES)}
        return dict(sorted(self.by_type.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))

    def table(self) -> str:
        lines = [_header("language")]
        lines += [v.row(k) for k, v in _by_lang(self.by_lang).items()]
        lines.append(_header("type"))
        lines += [v.row(k) for k, v in self._types().items()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents,
                "by_language": {k: v.to_dict() for k, v in _by_lang(self.by_lang).items()},
                "by_type": {k: v.to_dict() for k, v in self._types().items()},
                "missed": self.missed, "invented": self.invented}


# ---------------------------------------------------------------- scoring


def speaker_spans(q: Quote, spans: dict[str, list[Span]]) -> list[Span]:
    out = list(spans.get(q.speaker, ())) if q.speaker else []
    if q.speaker_mention is not None:
        out.append((q.speaker_mention.start, q.speaker_mention.end))
    return out


def quote_found(g: dict, q: Quote) -> bool:
    return half_overlap(_span(g["content"]), (q.content.start, q.content.end))


def quote_attributed(g: dict, q: Quote, spans: dict[str, list[Span]]) -> bool:
    return quote_found(g, q) and touches(speaker_spans(q, spans), [_span(s) for s in g.get("speaker") or ()])


def score_quotes(doc: Document, row: dict, scores: QuoteDevScores) -> None:
    lang = row.get("lang") or "?"
    gold, pred = list(row.get("quotes") or ()), list(doc.quotes)
    spans = entity_spans(doc)
    found = max_matching(len(gold), len(pred), lambda g, p: quote_found(gold[g], pred[p]))
    attributed = max_matching(len(gold), len(pred), lambda g, p: quote_attributed(gold[g], pred[p], spans))
    for table, matched in ((scores.found, found), (scores.attributed, attributed)):
        t = table.setdefault(lang, PRF())
        t.tp_pred += len(matched)
        t.tp_gold += len(matched)
        t.predicted += len(pred)
        t.gold += len(gold)
    scores.documents += 1
    names = {e.id: e.name for e in doc.entities}
    label = row.get("file", "")

    def said(q: Quote) -> str:
        who = names.get(q.speaker, q.speaker) if q.speaker else q.speaker_text
        return f"[{who}] {_short(doc.text[q.content.start:q.content.end], 100)}"

    for k, g in enumerate(gold):
        if k in attributed:
            continue
        gc = _span(g["content"])
        speakers = " / ".join(doc.text[a:b] for a, b in (_span(s) for s in g.get("speaker") or ()))
        what = f"{label}: [{speakers} | {g.get('speaker_id')}] {_short(doc.text[gc[0]:gc[1]], 100)}"
        if k in found:
            scores.misattributed.append(f"{what}  <- predicted {said(pred[found[k]])}")
        else:
            scores.missed.append(f"{what}  || {_short(_sentence(doc, gc))}")
    used = set(found.values())
    for p, q in enumerate(pred):
        if p not in used:
            scores.invented.append(f"{label}: {said(q)}  || {_short(_sentence(doc, (q.content.start, q.content.end)))}")


def event_right(g: dict, ev, spans: dict[str, list[Span]]) -> bool:
    if ev.type != g["type"] and ev.type not in (g.get("alt_types") or ()):
        return False
    if overlap(_span(g["evidence"]), (ev.evidence.start, ev.evidence.end)) == 0:
        return False
    actors = [_span(s) for s in g.get("actor") or ()]
    if not any(touches(spans.get(a, ()), actors) for a in ev.actors):
        return False
    recipients = [_span(s) for s in g.get("recipient") or ()]
    return not recipients or any(touches(spans.get(r, ()), recipients) for r in ev.recipients) \
        or touches([(p.start, p.end) for p in ev.recipient_phrases], recipients)


def score_events(doc: Document, row: dict, scores: EventDevScores) -> None:
    lang = row.get("lang") or "?"
    gold, pred = list(row.get("events") or ()), list(doc.events)
    spans = entity_spans(doc)
    matched = max_matching(len(gold), len(pred), lambda g, p: event_right(gold[g], pred[p], spans))
    t = scores.by_lang.setdefault(lang, PRF())
    t.tp_pred += len(matched)
    t.tp_gold += len(matched)
    t.predicted += len(pred)
    t.gold += len(gold)
    for k, g in enumerate(gold):
        tt = scores.by_type.setdefault(g["type"], PRF())
        tt.gold += 1
        tt.tp_gold += k in matched
    used = set(matched.values())
    for p, ev in enumerate(pred):
        tt = scores.by_type.setdefault(ev.type, PRF())
        tt.predicted += 1
        tt.tp_pred += p in used
    scores.documents += 1
    names = {e.id: e.name for e in doc.entities}
    label = row.get("file", "")

    def gold_names(g: dict, key: str) -> str:
        return " / ".join(doc.text[a:b] for a, b in (_span(s) for s in g.get(key) or ())) or "-"

    for k, g in enumerate(gold):
        if k not in matched:
            alt = f" (or {','.join(g['alt_types'])})" if g.get("alt_types") else ""
            ev_span = _span(g["evidence"])
            scores.missed.append(f"{label}: {g['type']}{alt} {gold_names(g, 'actor')} -> "
                                 f"{gold_names(g, 'recipient')}  || {_short(doc.text[ev_span[0]:ev_span[1]])}")
    for p, ev in enumerate(pred):
        if p not in used:
            actors = ", ".join(names.get(a, a) for a in ev.actors) or "-"
            recipients = ", ".join(names.get(r, r) for r in ev.recipients) or "-"
            scores.invented.append(f"{label}: {ev.type} {actors} -> {recipients}  || "
                                   f"{_short(doc.text[ev.evidence.start:ev.evidence.end])}")


def analyze_rows(rows: list[dict], pipeline=None) -> Iterable[tuple[dict, Document]]:
    """Each gold row with its document, read and analysed as ``analyze`` does a file."""
    from ..ingest import read_path
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    for row in rows:
        raw = next(iter(read_path(row["_file"])))
        doc = pipeline.process(raw)
        if doc.text != read_text(row["_file"]):
            doc.warnings.append("the analysed text differs from the file's: gold offsets may not line up")
        yield row, doc


def evaluate_quotes(path: str | Path, pipeline=None) -> QuoteDevScores:
    scores = QuoteDevScores()
    for row, doc in analyze_rows(read(path), pipeline):
        score_quotes(doc, row, scores)
    return scores


def evaluate_events(path: str | Path, pipeline=None) -> EventDevScores:
    scores = EventDevScores()
    for row, doc in analyze_rows(read(path), pipeline):
        score_events(doc, row, scores)
    return scores


def gold_counts(path: str | Path) -> dict[str, Counter]:
    """Gold quotes and events per language, as the gold file holds them."""
    quotes, events = Counter(), Counter()
    for row in read(path):
        quotes[row["lang"]] += len(row.get("quotes") or ())
        events[row["lang"]] += len(row.get("events") or ())
    return {"quotes": quotes, "events": events}
