"""The typed seams between pipeline stages.

Every stage takes one of these and returns a richer one; nothing is mutated in
place, so each stage can be run, timed and tested alone.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cache
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

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

def _doc(text: str, **kw: Any) -> Any:
    """A dataclass field with a description (it goes into the JSON Schema)."""
    return field(metadata={"doc": text, **kw.pop("metadata", {})}, **kw)


@dataclass(frozen=True)
class Offsets:
    """A stretch of the document's ``text``: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Value:
    """A normalised value: MONEY, DATE, QUANTITY or PERCENT.

    ``value`` is a number (MONEY, QUANTITY, PERCENT) or an ISO date string;
    a date range has ``end_value``; a date whose year (or month) is unknown
    keeps the known part ("--10-17", ISO 8601's truncated form) and
    ``partial`` is True. In a :class:`Document` the offsets index its ``text``.
    """

    type: Literal["MONEY", "DATE", "QUANTITY", "PERCENT"]
    start: int
    end: int
    text: str
    value: float | str | None = _doc("a number, or an ISO 8601 date for DATE")
    unit: str | None = _doc("ISO 4217 currency code for MONEY, the unit word for QUANTITY, '%' for PERCENT",
                            default=None)
    end_value: float | str | None = _doc("the end of a range (\"17-18 жовтня\"), else null", default=None)
    partial: bool = _doc("a date whose year (or month) is unknown, in ISO 8601's truncated form "
                         "(\"--10-17\")", default=False)


#: what a mention is: the entity's name (as the recogniser found it), its
#: surname alone, another name of it, a title phrase or a pronoun meaning it.
MentionKind = Literal["name", "surname", "alias", "role", "pronoun"]
#: mention kinds that name the entity; the others (role descriptions, pronouns)
#: refer to it and go to ``Entity.references`` so ``mentions`` stay named-entity spans.
NAME_KINDS = frozenset({"name", "surname", "alias"})


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named or referred to."""

    start: int
    end: int
    text: str = _doc("text[start:end]")
    lemma: str | None = _doc("base form: \"Олафом Шольцом\" -> \"Олаф Шольц\"; a role mention's title phrase "
                             "in its base form; a pronoun in lower case")
    kind: MentionKind = _doc("name, surname, alias (in mentions); role, pronoun (in references)",
                             default="name")


def _by_position(mentions) -> tuple[Mention, ...]:
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


@dataclass(frozen=True)
class Role:
    """A title the entity holds: "генеральний секретар" of NATO."""

    title: str = _doc("the title in its base form (\"федеральним канцлером\" -> \"федеральний канцлер\")")
    org: str | None = _doc("id of the organisation or country, null when the title names none", default=None)


@dataclass(frozen=True)
class Entity:
    """One real-world actor, place or thing of the document, with every mention of it."""

    id: str = _doc("the same across inflections, documents and languages: a knowledge-base id "
                   "(\"org:NATO\", \"loc:country:DE\"), \"per:<surname key>-<first name>\" for a person, "
                   "else a hash \"E...\"")
    type: EntityType
    name: str = _doc("base form, in the document's language when known")
    names: dict[str, str] = _doc("names by language code (uk, ru, en)", default_factory=dict)
    mentions: tuple[Mention, ...] = _doc("named mentions (kinds name, surname, alias), in text order", default=())
    roles: tuple[Role, ...] = ()
    references: tuple[Mention, ...] = _doc("role and pronoun mentions resolved to the entity, in text order",
                                           default=())

    def all_mentions(self) -> tuple[Mention, ...]:
        """Names and references together, in text order."""
        return _by_position((*self.mentions, *self.references)) if self.references else self.mentions

    def add(self, mention: Mention) -> Entity:
        """The entity with one more mention (in ``mentions`` or ``references`` by its kind);
        itself when a mention of that span is there already."""
        if any(m.start == mention.start and m.end == mention.end for m in (*self.mentions, *self.references)):
            return self
        if mention.kind in NAME_KINDS:
            return replace(self, mentions=_by_position((*self.mentions, mention)))
        return replace(self, references=_by_position((*self.references, mention)))

    def with_mentions(self, mentions) -> Entity:
        """The entity with these mentions, sorted into names and references by kind."""
        mentions = _by_position(mentions)
        return replace(self, mentions=tuple(m for m in mentions if m.kind in NAME_KINDS),
                       references=tuple(m for m in mentions if m.kind not in NAME_KINDS))


@dataclass(frozen=True, kw_only=True)
class Quote:
    """Who said what: cue, speaker and content as spans of the text."""

    kind: Literal["direct", "indirect", "mixed"] = _doc(
        "direct (in quotation marks or a dialogue dash), indirect (reported speech), "
        "mixed (reported speech holding a quoted fragment)")
    speaker: str | None = _doc("entity id of the speaker; null when no entity names them")
    speaker_text: str | None = _doc("the words naming an unresolved speaker (\"джерело в уряді\"); "
                                    "null when speaker is set")
    speaker_mention: Offsets | None = _doc("where the speaker is named next to the cue (a name, role, "
                                           "pronoun or surname mention, or speaker_text)", default=None)
    cue: Offsets = _doc("the speech verb or marker (\"заявив\", \"За словами\", a colon)")
    content: Offsets = _doc("what was said, without quotation marks")
    confidence: float
    language: str | None = _doc("language of the segment the quote is in")


@dataclass(frozen=True)
class Amount:
    """A money amount of an event (from the sentence's MONEY values)."""

    value: float
    unit: str | None = _doc("ISO 4217 currency code")


EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
Factuality = Literal["asserted", "negated", "future", "hypothetical", "demanded"]


@dataclass(frozen=True, kw_only=True)
class Event:
    """A PLOVER event: who did what to whom, with the sentence that says so."""

    type: EventType
    mode: str | None = _doc("PLOVER mode (AID: military, economic, humanitarian, personnel, material ...)")
    actors: tuple[str, ...] = _doc("entity ids")
    recipients: tuple[str, ...] = _doc("entity ids")
    recipient_phrases: tuple[Offsets, ...] = _doc(
        "the words naming each recipient no entity stands for (\"евроскептиками\", \"пасажирам\", "
        "\"західні країни\"): a description, not an id", default=())
    amount: Amount | None
    date: str | None = _doc("ISO 8601 date of the sentence's first DATE value; \"START/END\" for a range")
    location: str | None = _doc("entity id of the place")
    factuality: Factuality
    source: str | None = _doc("entity id of the speaker when the event is reported inside a quote")
    trigger: Offsets = _doc("the words that name the event")
    evidence: Offsets = _doc("the sentence")
    confidence: float
    same_as: int | None = _doc("index in the document's events of the first telling of this same event "
                               "(the title, the lead and the body each tell it, each telling with its own "
                               "evidence); null for the first telling, the one to count", default=None)
    actor_names: tuple[str, ...] = _doc("the actors' names, in the order of actors (for reading the "
                                        "output without the entity list)", default=())
    recipient_names: tuple[str, ...] = _doc("the recipients' names, in the order of recipients", default=())
    evidence_text: str = _doc("text[evidence.start:evidence.end]", default="")


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
    feats: str = _doc("UD features as CoNLL-U writes them (\"Case=Nom|Number=Sing\"); \"\" for none", default="")
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
    tokens: tuple[Token, ...] = _doc("only with analyze --json --tokens", default=(),
                                     metadata={"optional": True})

    def head_of(self, token: Token) -> Token | None:
        """The token's syntactic head within this sentence, None for the root or without a parse."""
        return self.tokens[token.head - 1] if token.head else None

    def children(self, token: Token) -> list[Token]:
        return [t for t in self.tokens if t.head == token.id]

    def to_dict(self, tokens: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if tokens:
            out["tokens"] = [to_json(t) for t in self.tokens]
        return out


@dataclass(frozen=True)
class Fingerprint:
    exact: str
    minhash: Any  # datasketch.MinHash


#: a Document field that is not part of the JSON output.
INTERNAL = {"json": False}


@dataclass(kw_only=True)
class Document:
    """One analysed document, the output contract of docs/contract.md (one per input document).

    Its layers (segments, sentences, entities, values, quotes, events) are
    frozen objects; a stage returns a new document with new lists.
    """

    id: str = _doc("stable content hash of the text (and URL)")
    source: Source
    language: str | None = _doc("language of the article (title, lead, body)")
    title: str | None
    lead: str | None
    published: str | None
    author: str | None = None
    encoding: str | None = _doc("the input's character encoding", default=None)
    duplicate_of: str | None = _doc("id of the canonical document when this one is a reprint of it", default=None)
    text: str = _doc("the text every offset points into: the input unchanged for plain text, the extracted "
                     "text for HTML")
    segments: list[Segment]
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = _doc("what could not be done for this document, and why", default_factory=list)
    site: str | None = field(default=None, metadata=INTERNAL)
    #: near-duplicate keys of the article text; internal, not part of the JSON output.
    fingerprint: Fingerprint | None = field(default=None, repr=False, compare=False, metadata=INTERNAL)

    def article_text(self) -> str:
        """Title, lead and body joined by newlines: what search and dedup see."""
        return "\n".join(
            self.text[s.start : s.end] for s in self.segments if s.kind in ARTICLE_KINDS
        )

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens of the document lying wholly inside ``text[start:end]``, in text order.

        Read from ``sentences``; the index behind it is built on first use and
        rebuilt whenever ``sentences`` is another list or changed length (it is
        no field: not compared, copied by ``replace`` nor written to JSON)."""
        cached = self.__dict__.get("_token_index")
        if cached is None or cached[0] is not self.sentences or cached[1] != len(self.sentences):
            toks = sorted((t for s in self.sentences for t in s.tokens), key=lambda t: (t.start, t.end))
            cached = (self.sentences, len(self.sentences), [t.start for t in toks], toks)
            self.__dict__["_token_index"] = cached
        _, _, starts, toks = cached
        out = []
        for i in range(bisect_left(starts, start), len(toks)):
            t = toks[i]
            if t.start >= end:
                break
            if t.end <= end:
                out.append(t)
        return out

    def to_dict(self, tokens: bool = False) -> dict[str, Any]:
        """The JSON contract (docs/contract.md); ``tokens`` adds each sentence's tokens with their syntax."""
        return {name: [s.to_dict(tokens) for s in self.sentences] if name == "sentences"
                else to_json(getattr(self, name)) for name in json_fields(Document)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The document of a :meth:`to_dict` output (``analyze --json`` line)."""
        return from_json(cls, data)


# --------------------------------------------------------------------------- JSON

@cache
def json_fields(cls: type) -> tuple[str, ...]:
    """Names of the fields of a model class that its JSON form has, in order."""
    return tuple(f.name for f in fields(cls) if f.metadata.get("json", True))


@cache
def type_hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def to_json(obj: Any) -> Any:
    """The JSON form of a model object: a dataclass is an object of its fields
    (all of them, null or empty when unset), a tuple or list an array."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_json(getattr(obj, name)) for name in json_fields(type(obj))}
    if isinstance(obj, (list, tuple)):
        return [to_json(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_json(v) for k, v in obj.items()}
    return obj


def from_json(tp: Any, data: Any) -> Any:
    """The model object of type ``tp`` whose JSON form is ``data``; a missing
    key takes the field's default."""
    if is_dataclass(tp):
        hints = type_hints(tp)
        return tp(**{name: from_json(hints[name], data[name]) for name in json_fields(tp) if name in data})
    origin = get_origin(tp)
    if origin in (Union, UnionType):
        if data is None:
            return None
        args = [a for a in get_args(tp) if a is not type(None)]
        return from_json(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        return tuple(from_json(get_args(tp)[0], x) for x in data)
    if origin is list:
        return [from_json(get_args(tp)[0], x) for x in data]
    if origin is dict:
        return {k: from_json(get_args(tp)[1], v) for k, v in data.items()}
    return data


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
