"""The typed seams between pipeline stages.

Every stage takes one of these and returns a richer one; nothing is mutated in
place, so each stage can be run, timed and tested alone.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SegmentKind = Literal["title", "lead", "body", "related", "boilerplate"]
#: segments that make up the article proper (what a reader came for).
ARTICLE_KINDS: frozenset[str] = frozenset({"title", "lead", "body"})


@dataclass(frozen=True)
class Source:
    """Where a document came from, precise enough to find it again."""

    path: str | None = None
    url: str | None = None
    format: str = "text"
    #: position inside a container: "item 3" of a feed, "line 7" of JSONL,
    #: "offset 5120" of a WARC file; None for single-document files.
    record: str | None = None

    def describe(self) -> str:
        where = self.path or self.url or "<input>"
        return f"{where} ({self.record})" if self.record else where


@dataclass(frozen=True)
class LineHint:
    """What an HTML extractor knows about one line of the text it produced.

    Plain text has no such evidence; the cleaner then judges by the line alone.
    """

    #: the extractor's own label: "title", "comment" for comment sections, else None.
    role: str | None = None
    #: share of the line's characters that sit inside links.
    link_density: float = 0.0
    #: kept by the precision-oriented extraction.
    precise: bool = True
    #: found in readability's main-content block as well.
    readable: bool = True


@dataclass(frozen=True)
class RawDocument:
    """A decoded document as ingest found it, before any cleaning."""

    source: Source
    #: the text every offset points into: the input itself for plain text,
    #: the extracted text (one block per line) for HTML.
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    encoding: str | None = None
    #: one hint per line of ``text`` (HTML only).
    hints: tuple[LineHint, ...] | None = None
    #: the site the document belongs to, for learning its repeated lines.
    site: str | None = None


@dataclass(frozen=True)
class Failure:
    """One input that could not be read, with a reason a person can act on."""

    source: Source
    reason: str

    def __str__(self) -> str:
        return f"{self.source.describe()}: {self.reason}"


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: SegmentKind
    language: str | None


EntityType = Literal["PER", "ORG", "LOC", "MISC"]


@dataclass(frozen=True)
class Span:
    """A named-entity mention as a recogniser finds it: offsets into the text it was given."""

    start: int
    end: int
    type: EntityType

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Value:
    """A normalised value: MONEY, DATE, QUANTITY or PERCENT.

    ``value`` is a number (MONEY, QUANTITY, PERCENT) or an ISO date string;
    a date range has ``end_value``; a date whose year (or month) is unknown
    keeps the known part ("--10-17", ISO 8601's truncated form) and
    ``partial`` is True.
    """

    type: Literal["MONEY", "DATE", "QUANTITY", "PERCENT"]
    start: int
    end: int
    text: str
    value: float | str | None
    unit: str | None = None
    end_value: float | str | None = None
    partial: bool = False


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark as every stage sees it, with its syntax.

    Offsets index the document's ``text``. ``id`` is 1-based within the
    sentence and ``head`` is the ``id`` of the head word, 0 for the root, as in
    CoNLL-U; ``deprel``, ``upos`` and ``feats`` are Universal Dependencies
    labels. A language without a parser gives tokens with ``head`` None.
    """

    start: int
    end: int
    id: int
    lemma: str
    upos: str | None = None
    #: UD morphological features as CoNLL-U writes them ("Case=Nom|Number=Sing"); "" for none.
    feats: str = ""
    head: int | None = None
    deprel: str | None = None

    def feature(self, name: str) -> str | None:
        """The value of one UD feature ("Case" -> "Nom"), or None."""
        for part in self.feats.split("|"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class Sentence:
    """A sentence of one segment (a sentence never crosses a line), with its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...] = ()

    def head_of(self, token: Token) -> Token | None:
        """The token's syntactic head within this sentence, None for the root or without a parse."""
        return self.tokens[token.head - 1] if token.head else None

    def children(self, token: Token) -> list[Token]:
        return [t for t in self.tokens if t.head == token.id]

    def to_dict(self, tokens: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if tokens:
            out["tokens"] = [asdict(t) for t in self.tokens]
        return out


@dataclass(frozen=True)
class Fingerprint:
    exact: str
    minhash: Any  # datasketch.MinHash


@dataclass
class Document:
    """The output contract of DESIGN.md, one per input document."""

    id: str
    source: Source
    language: str | None
    title: str | None
    lead: str | None
    published: str | None
    text: str
    segments: list[Segment]
    author: str | None = None
    encoding: str | None = None
    site: str | None = None
    #: id of the canonical document when this one is a reprint of it.
    duplicate_of: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    values: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    #: what could not be done for this document, and why (the rest still is).
    warnings: list[str] = field(default_factory=list)
    #: near-duplicate keys of the article text; internal, not part of the JSON output.
    fingerprint: Fingerprint | None = field(default=None, repr=False, compare=False)

    def article_text(self) -> str:
        """Title, lead and body joined by newlines: what search and dedup see."""
        return "\n".join(
            self.text[s.start : s.end] for s in self.segments if s.kind in ARTICLE_KINDS
        )

    def to_dict(self, tokens: bool = False) -> dict[str, Any]:
        """The JSON contract; ``tokens`` adds each sentence's tokens with their syntax."""
        return {
            "id": self.id,
            "source": asdict(self.source),
            "language": self.language,
            "title": self.title,
            "lead": self.lead,
            "published": self.published,
            "author": self.author,
            "encoding": self.encoding,
            "duplicate_of": self.duplicate_of,
            "text": self.text,
            "segments": [asdict(s) for s in self.segments],
            "sentences": [s.to_dict(tokens) for s in self.sentences],
            "entities": [_split_references(e) for e in self.entities],
            "values": self.values,
            "quotes": self.quotes,
            "events": self.events,
            **({"warnings": self.warnings} if self.warnings else {}),
        }


#: mention kinds that name the entity; the others (role descriptions, pronouns)
#: refer to it and go to ``references`` so ``mentions`` stay named-entity spans.
NAME_KINDS = frozenset({"name", "surname", "alias"})


def _split_references(entity: dict[str, Any]) -> dict[str, Any]:
    mentions = entity.get("mentions", [])
    names = [m for m in mentions if m.get("kind", "name") in NAME_KINDS]
    refs = [m for m in mentions if m.get("kind", "name") not in NAME_KINDS]
    if not refs:
        return entity
    refs = sorted([*entity.get("references", []), *refs], key=lambda m: m["start"])
    return {**entity, "mentions": names, "references": refs}


def content_id(text: str, url: str | None = None) -> str:
    """Stable id of a document: its text, and its URL when it has one.

    The URL is part of the key so that the same agency text on two sites stays
    two documents (linked as duplicates) instead of silently becoming one.
    """
    h = hashlib.sha256()
    h.update((url or "").encode("utf-8"))
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]
