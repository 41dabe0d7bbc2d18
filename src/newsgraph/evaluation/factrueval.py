"""factRuEval-2016: read the corpus and score a recogniser on it, two ways.

The corpus (github.com/dialogue-evaluation/factRuEval-2016) keeps each document
in six files beside each other: ``book_N.txt`` and its ``.tokens``, ``.spans``,
``.objects``, ``.coref`` and ``.facts``.  Named entities are *objects*; an
object is a list of *spans* (name, surname, org_name, org_descr, loc_name …),
each a character range of the ``.txt``::

    book_N.spans    22763 loc_name 37 6 143790 1  # 143790 Москвы
    book_N.objects  10433 Org 22763 22764 # Москвы мэрии

Reading follows natasha's corus (``corus.sources.factru``): the ``.txt`` is read
as UTF-8 text with universal newlines, a span is ``start`` plus ``length``
characters, an object's span ids are the leading numeric fields of its line, and
an object covers the characters from its first span's start to its last span's
end, first and last in text order, which is naeval's ``FactruObject.start`` /
``stop``.  Types: Person → PER, Org → ORG, Location and LocOrg → LOC; Project
and Facility are left out.

Two scoring conventions, both into :class:`newsgraph.evaluation.scoring.Scores`:

``exact``
    an entity is right when its (start, end, type) equals a gold object's.  The
    gold is every Person/Org/Location/LocOrg object as above, descriptor-only
    ones included ("партии", "мэрии Москвы"), and nested ones too (the LocOrg
    "Москвы" inside the Org "мэрии Москвы"); no flat recogniser can score 1.0.

``tokens``
    natasha's published factRuEval tables (naeval ``ner/adapt.py`` and
    ``ner/score.py``).  Gold: a Person object is its whole range; an Org object
    contributes its ``org_name`` spans only, a Location/LocOrg object its
    ``loc_name`` spans only; overlapping spans are dropped (the later-starting /
    inner one of each overlapping pair), as are spans whose ends do not fall on
    razdel token boundaries.  Predictions get the same overlap and alignment
    filters.  Every razdel token of the text is then labelled, per type, inside
    or outside a span of that type, and precision and recall are counted over
    tokens: a true positive is a token inside both a predicted and a gold span
    of the type.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluation.scoring import MAIN_TYPES, Scores
from newsgraph.model import Span

#: factRuEval object type → our entity type; types not here are skipped.
TYPES: dict[str, str] = {
    "Person": "PER",
    "Org": "ORG",
    "Location": "LOC",
    "LocOrg": "LOC",
}

CONVENTIONS = ("exact", "tokens")


@dataclass(frozen=True)
class FactRuSpan:
    id: str
    kind: str  # name, surname, org_name, org_descr, loc_name, geo_adj, job …
    start: int
    end: int


@dataclass(frozen=True)
class FactRuObject:
    id: str
    type: str  # Person, Org, Location, LocOrg, Project, Facility
    spans: tuple[FactRuSpan, ...]
    #: the text after '#' on the ``.objects`` line: its spans' texts, in line order.
    text: str

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)


@dataclass(frozen=True)
class FactRuDocument:
    id: str  # "book_100"
    text: str
    objects: tuple[FactRuObject, ...]

    def entities(self) -> list[Span]:
        """Gold entities in the exact-span convention, sorted, duplicates removed."""
        found = {
            Span(o.start, o.end, TYPES[o.type])  # type: ignore[arg-type]
            for o in self.objects
            if o.type in TYPES and o.spans
        }
        return sorted(found, key=lambda s: (s.start, -s.end, s.type))

    def naeval_entities(self) -> list[Span]:
        """Gold entities as naeval adapts factRuEval for natasha's tables."""
        spans: list[Span] = []
        for o in self.objects:
            if o.type == "Person" and o.spans:
                spans.append(Span(o.start, o.end, "PER"))
            elif o.type == "Org":
                names = [Span(s.start, s.end, "ORG") for s in o.spans if s.kind == "org_name"]
                spans.extend(drop_overlapping(names))
            elif o.type in ("Location", "LocOrg"):
                names = [Span(s.start, s.end, "LOC") for s in o.spans if s.kind == "loc_name"]
                spans.extend(drop_overlapping(names))
        return adapt_spans(self.text, spans)


# ---------------------------------------------------------------- reading


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def parse_spans(lines: Iterable[str]) -> dict[str, FactRuSpan]:
    spans = {}
    for line in lines:
        id_, kind, start, size, _ = line.split(None, 4)
        spans[id_] = FactRuSpan(id_, kind, int(start), int(start) + int(size))
    return spans


def parse_objects(lines: Iterable[str], spans: dict[str, FactRuSpan]) -> list[FactRuObject]:
    objects = []
    for line in lines:
        head, _, text = line.partition("#")
        fields = head.split()
        id_, type_ = fields[0], fields[1]
        ids = []
        for field in fields[2:]:
            if not field.isdigit():
                break
            ids.append(field)
        objects.append(FactRuObject(id_, type_, tuple(spans[i] for i in ids), text.strip()))
    return objects


def load_document(directory: str | Path, name: str) -> FactRuDocument:
    """One document, ``name`` being the file stem ("book_100")."""
    directory = Path(directory)
    with open(directory / f"{name}.txt", encoding="utf-8") as f:
        text = f.read()
    spans = parse_spans(_lines(directory / f"{name}.spans"))
    objects = parse_objects(_lines(directory / f"{name}.objects"), spans)
    return FactRuDocument(name, text, tuple(objects))


def document_names(directory: str | Path) -> list[str]:
    names = []
    for path in Path(directory).iterdir():
        m = re.fullmatch(r"book_(\d+)\.txt", path.name)
        if m:
            names.append((int(m.group(1)), path.stem))
    return [name for _, name in sorted(names)]


def load_corpus(directory: str | Path) -> Iterator[FactRuDocument]:
    """Every ``book_N`` document of a factRuEval folder (devset/ or testset/), by N."""
    for name in document_names(directory):
        yield load_document(directory, name)


def is_factrueval(directory: str | Path) -> bool:
    directory = Path(directory)
    return directory.is_dir() and any(directory.glob("book_*.objects"))


# ---------------------------------------------------------------- naeval's span adaptation


def drop_overlapping(spans: Sequence[Span]) -> list[Span]:
    """naeval ``filter_overlapping``: of each overlapping pair drop the later one.

    Spans are visited by (start, longest first); a span that starts before the
    last kept span ends is dropped.  The survivors keep their input order.
    """
    dropped: set[int] = set()
    previous: Span | None = None
    for i in sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end)):
        span = spans[i]
        if previous is not None and previous.end > span.start:
            dropped.add(i)
            continue
        previous = span
    return [s for i, s in enumerate(spans) if i not in dropped]


def razdel_tokens(text: str) -> list[tuple[int, int]]:
    from razdel import tokenize

    return [(t.start, t.stop) for t in tokenize(text)]


def adapt_spans(
    text: str, spans: Iterable[Span], tokens: Sequence[tuple[int, int]] | None = None
) -> list[Span]:
    """naeval ``adapt``: main types only, no overlaps, ends on token boundaries, sorted."""
    spans = [s for s in spans if s.type in MAIN_TYPES]
    spans = drop_overlapping(spans)
    if tokens is None:
        tokens = razdel_tokens(text)
    starts = {a for a, _ in tokens}
    ends = {b for _, b in tokens}
    spans = [s for s in spans if s.start in starts and s.end in ends]
    return sorted(spans, key=lambda s: s.start)


def token_labels(
    tokens: Sequence[tuple[int, int]], spans: Sequence[Span], type_: str
) -> list[bool]:
    """naeval ``spans_io`` for one type: is each token inside a span of ``type_``?"""
    queue = iter([s for s in spans if s.type == type_])
    span = next(queue, None)
    labels = []
    for start, end in tokens:
        inside = False
        if span is not None:
            if start >= span.start:
                inside = True
            if end >= span.end:
                span = next(queue, None)
        labels.append(inside)
    return labels


def token_items(
    tokens: Sequence[tuple[int, int]], spans: Sequence[Span], types: Iterable[str] = MAIN_TYPES
) -> set[tuple[int, int, str]]:
    """The (token start, token end, type) of every token labelled with a type."""
    items = set()
    for type_ in types:
        for (start, end), inside in zip(tokens, token_labels(tokens, spans, type_)):
            if inside:
                items.add((start, end, type_))
    return items


# ---------------------------------------------------------------- scoring


def add_document(
    scores: dict[str, Scores], document: FactRuDocument, predicted: Iterable[Span]
) -> None:
    """Add one document's predictions to ``scores`` (keyed by convention)."""
    predicted = list(predicted)
    if "exact" in scores:
        scores["exact"].add(
            ((e.start, e.end, e.type) for e in document.entities()),
            ((p.start, p.end, p.type) for p in predicted),
        )
    if "tokens" in scores:
        tokens = razdel_tokens(document.text)
        gold = document.naeval_entities()
        pred = adapt_spans(document.text, predicted, tokens)
        scores["tokens"].add(token_items(tokens, gold), token_items(tokens, pred))


def evaluate(
    documents: Iterable[FactRuDocument],
    recognize: Callable[[str], list[Span]],
    conventions: Iterable[str] = CONVENTIONS,
) -> dict[str, Scores]:
    """Run ``recognize`` on each document's text and score it in each convention."""
    scores = {c: Scores() for c in conventions}
    unknown = set(scores) - set(CONVENTIONS)
    if unknown:
        raise ValueError(f"unknown conventions {sorted(unknown)}; known: {CONVENTIONS}")
    for document in documents:
        add_document(scores, document, recognize(document.text))
    return scores
