"""Score the whole pipeline's entity mentions against an annotated corpus.

The document text goes through :func:`newsgraph.analyze` exactly as a user's
would (cleaning included), and the mentions of the JSON output are compared
with the gold spans: exact character offsets and type.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Span
from .scoring import MAIN_TYPES, Scores

#: NER-UK's types mapped onto ours; the rest (dates, jobs, money...) are not entities here.
NER_UK_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    spans: tuple[Span, ...]


def read_ner_uk(folder: str | Path) -> Iterator[GoldDocument]:
    """NER-UK's brat-style corpus: ``name.txt`` beside ``name.ann`` (id, type, start, end, text)."""
    for ann in sorted(Path(folder).rglob("*.ann")):
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        spans = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].startswith("T"):
                continue
            etype = NER_UK_TYPES.get(cols[1])
            try:
                start, end = int(cols[2]), int(cols[3])
            except ValueError:  # a span across a newline shifts the columns
                continue
            if etype:
                spans.append(Span(start, end, etype))
        yield GoldDocument(str(ann.relative_to(folder).with_suffix("")), text, tuple(_outermost(spans)))


def _outermost(spans: list[Span]) -> list[Span]:
    """Nested gold spans: keep the outer one, as a flat recogniser can only find that."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def read_factrueval(folder: str | Path) -> Iterator[GoldDocument]:
    from . import factrueval

    for doc in factrueval.load_corpus(folder):
        yield GoldDocument(doc.id, doc.text, tuple(doc.entities()))


def detect_format(folder: str | Path) -> str:
    from . import bsnlp

    folder = Path(folder)
    if any(folder.rglob("*.objects")):
        return "factrueval"
    if any(folder.rglob("*.ann")):
        return "ner-uk"
    if bsnlp.is_bsnlp(folder):
        return "bsnlp"
    raise ValueError(f"{folder}: no NER-UK (.txt + .ann), factRuEval (.objects, .spans) "
                     "or BSNLP (raw/ + annotated .out) files found")


def predicted_spans(text: str, name: str = "") -> list[Span]:
    import newsgraph

    doc = newsgraph.analyze(text, path=name or None)
    # named mentions, exactly what `analyze --json` prints as "mentions" (not role or pronoun references)
    return [Span(m.start, m.end, e.type) for e in doc.entities for m in e.mentions]


@dataclass(frozen=True)
class Miss:
    """A gold mention not found ("missed") or a found one not in the gold ("invented")."""

    document: str
    kind: str
    type: str
    text: str
    context: str

    def __str__(self) -> str:
        return f"{self.kind:<8} {self.type:<4} {self.document}: {self.text!r} | {self.context}"


def evaluate(docs: Iterator[GoldDocument], types: tuple[str, ...] = MAIN_TYPES,
             misses: list[Miss] | None = None) -> Scores:
    """Scores of the pipeline on ``docs``; with ``misses``, each difference
    from the gold is appended to it, in its context, for error analysis."""
    scores = Scores()
    for doc in docs:
        gold = {(s.start, s.end, s.type) for s in doc.spans if s.type in types}
        pred = {(s.start, s.end, s.type) for s in predicted_spans(doc.text, doc.name) if s.type in types}
        scores.add(gold, pred)
        if misses is not None:
            for start, end, etype in sorted(gold ^ pred):
                context = (doc.text[max(0, start - 30) : start] + "[" + doc.text[start:end] + "]"
                           + doc.text[end : end + 30]).replace("\n", " ")
                misses.append(Miss(doc.name, "missed" if (start, end, etype) in gold else "invented",
                                   etype, doc.text[start:end], context))
    return scores
