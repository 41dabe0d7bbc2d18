"""Response models of the REST API (they are also its OpenAPI description)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class EntityRef(BaseModel):
    id: str
    name: str = Field(description="the stored base form, in the language of the document it was first read from")
    names: dict[str, str] = Field(default_factory=dict, description="Names by language: uk, ru, en")


class EntitySummary(BaseModel):
    id: str
    type: str
    name: str
    names: dict[str, str] = Field(default_factory=dict, description="Names by language: uk, ru, en")
    mentions: int | None = None
    documents: int | None = None


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    lead: str | None = None
    language: str | None
    published: str | None
    site: str | None = None
    url: str | None = None
    path: str | None = None
    format: str | None = None
    duplicate_of: str | None = None
    reprints: int = 0


class Page(BaseModel):
    limit: int
    offset: int
    next_offset: int | None = Field(None, description="offset of the next page; null on the last one")
    total: int | None = None


class DocumentPage(Page):
    items: list[DocumentSummary]


class SearchHit(BaseModel):
    id: str
    title: str | None
    language: str | None
    published: str | None
    source: str | None
    snippet: str
    highlights: list[tuple[int, int]] = Field(description="(start, end) of matched words inside snippet")
    reprints: int
    site: str | None = None
    via: str | None = Field(None, description="id of the entity this story was found through (it matched "
                                               "no word of the query); null for a text match")


class SearchResult(Page):
    query: str
    items: list[SearchHit]
    entities: list[EntitySummary] = Field(default_factory=list)
    through: EntitySummary | None = Field(None, description="the entity the query names, whose stories follow "
                                                            "the text matches")


class Segment(BaseModel):
    start: int
    end: int
    kind: str
    language: str | None


class Mention(BaseModel):
    start: int
    end: int
    text: str
    lemma: str | None = None
    kind: str
    entity_id: str
    type: str
    name: str
    names: dict[str, str] = Field(default_factory=dict)


class Quote(BaseModel):
    id: int
    doc_id: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    speaker_names: dict[str, str] = Field(default_factory=dict, description="the speaker's names by language")
    speaker_text: str | None = None
    content_start: int
    content_end: int
    content: str | None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None


class QuotePage(Page):
    items: list[Quote]


class RecipientPhrase(BaseModel):
    """A recipient no entity stands for: the words of the text that name it."""

    start: int = Field(description="offset into the document's text")
    end: int
    text: str = Field(description="text[start:end], e.g. \"фермерів\" in \"Уряд Польщі відхилив вимоги фермерів\"")


class Event(BaseModel):
    id: int
    doc_id: str
    type: str
    mode: str | None = None
    factuality: str | None = None
    source: str | None = Field(None, description="the speaker the event is attributed to")
    source_name: str | None = None
    source_names: dict[str, str] = Field(default_factory=dict, description="the speaker's names by language")
    date: str | None = None
    amount_value: float | None = None
    amount_unit: str | None = None
    confidence: float | None = None
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    actors: list[EntityRef] = Field(default_factory=list)
    recipients: list[EntityRef] = Field(default_factory=list)
    recipient_phrases: list[RecipientPhrase] = Field(
        default_factory=list, description="the recipients no entity stands for (\"фермерів\", \"пасажирам\"), "
        "after the named ones: descriptions, not ids")


class EventPage(Page):
    items: list[Event]


class DocumentDetail(BaseModel):
    id: str
    title: str | None
    lead: str | None
    language: str | None
    published: str | None
    author: str | None = None
    site: str | None = None
    source: dict[str, Any]
    duplicate_of: str | None = None
    reprints: list[str] = Field(default_factory=list)
    text: str
    segments: list[Segment]
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[Event]
    values: list[dict[str, Any]] = Field(default_factory=list)


class Role(BaseModel):
    title: str
    org: str | None = None
    org_name: str | None = None
    org_names: dict[str, str] = Field(default_factory=dict, description="the organisation's names by language")


class EntityMention(BaseModel):
    doc_id: str
    start: int
    end: int
    text: str
    kind: str
    title: str | None = None


class Neighbour(EntitySummary):
    events: int = 0
    types: list[str] = Field(default_factory=list)


class EntityDetail(BaseModel):
    id: str
    type: str
    name: str
    names: dict[str, str]
    aliases: list[str]
    roles: list[Role]
    mentions: list[EntityMention]
    quotes_by: list[Quote]
    quotes_about: list[Quote]
    events_as_actor: list[Event]
    events_as_recipient: list[Event]
    neighbours: list[Neighbour]


class EntityPage(Page):
    items: list[EntitySummary]


class Evidence(BaseModel):
    doc_id: str
    event_id: int | None = None
    title: str | None = None
    start: int | None
    end: int | None
    text: str | None
    factuality: str | None = None
    mode: str | None = None
    amount: dict[str, Any] | None = None
    date: str | None = None


class Edge(BaseModel):
    source: str
    target: str
    type: str
    quad: str = Field(description="PLOVER quad class of the type")
    window: str | None = None
    count: int
    evidence: list[Evidence]


class Graph(BaseModel):
    nodes: list[EntitySummary]
    edges: list[Edge]
    quads: dict[str, list[str]] = Field(description="PLOVER types by quad class")
    total_edges: int = Field(description="edges before limit/offset")


class TimelineBucket(BaseModel):
    start: str | None = Field(None, description="first day of the bucket (ISO date; a week starts on Monday); "
                                                "null for the undated rest")
    end: str | None = Field(None, description="last day of the bucket, inclusive")
    stories: int = Field(description="stories naming the entity (a story and its reprints: one)")
    mentions: int = Field(description="its mentions, each story's counted once")
    quotes: int = Field(description="quotes it speaks (reprints left out)")
    events: int = Field(description="events it takes part in as actor or recipient (reprints left out)")
    event_types: dict[str, int] = Field(default_factory=dict, description="events by PLOVER type")


class TimelineTotals(BaseModel):
    stories: int
    mentions: int
    quotes: int
    events: int


class Timeline(BaseModel):
    entity: EntitySummary
    bucket: str = Field(description="day or week")
    buckets: list[TimelineBucket] = Field(description="every bucket from the first dated story to the last, "
                                                      "empty ones included, by publication date")
    undated: TimelineBucket = Field(description="what was published without a (full) date")
    event_types: list[str] = Field(description="the PLOVER types of its events, in the ontology's order")
    totals: TimelineTotals


class VolumeBucket(BaseModel):
    start: str | None = None
    end: str | None = None
    documents: int = Field(description="matching documents: stories, unless reprints were asked for")
    languages: dict[str, int] = Field(default_factory=dict, description="documents by language (? for none)")


class Volume(BaseModel):
    query: str
    bucket: str = Field(description="day or week")
    buckets: list[VolumeBucket]
    undated: VolumeBucket
    languages: list[str]
    total: int = Field(description="every document the search finds, not one page")
    through: EntitySummary | None = Field(None, description="the entity the query names, whose stories count too")


class FacetValue(BaseModel):
    value: str | None = Field(description="the value (a language, site, PLOVER type or entity id); null: none")
    count: int
    name: str | None = Field(None, description="an entity's name")
    names: dict[str, str] | None = None
    type: str | None = Field(None, description="an entity's type")


class FacetGroup(BaseModel):
    key: str = Field(description="language, site, type, entity, actor, recipient, speaker or place")
    param: str | None = Field(description="the list's query parameter a value of this facet filters by; "
                                          "null where the list has no such filter")
    values: list[FacetValue]


class Facets(BaseModel):
    total: int = Field(description="rows the list holds with its current filters (all of them, not a page)")
    through: EntitySummary | None = None
    groups: list[FacetGroup]


class Ingested(BaseModel):
    stored: list[str]
    already_stored: list[str]
    failed: list[str]


class MapPlace(BaseModel):
    id: str
    type: str
    kind: str | None = Field(None, description="country, city or region (a knowledge-base place); null otherwise")
    name: str = Field(description="in the language ``lang`` asks for where the knowledge base has it")
    names: dict[str, str] = Field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    events: int = Field(description="events located there (reprints left out)")
    stories: int = Field(description="stories naming it: a story and its reprints once")
    mentions: int = Field(description="its mentions in those stories")


class MapTotals(BaseModel):
    events: int
    stories: int
    mentions: int


class MapPlaces(BaseModel):
    places: list[MapPlace] = Field(description="places with coordinates, most events and stories first")
    unplaced: list[MapPlace] = Field(description="places without coordinates (the first 50)")
    unplaced_total: int = Field(description="how many places have no coordinates")
    totals: MapTotals
    unplaced_totals: MapTotals


class MapPlaceDetail(BaseModel):
    place: MapPlace
    events: list[Event]
    documents: list[DocumentSummary]
    limit: int = Field(description="events and documents each at most, from offset")
    offset: int
    next_offset: int | None = Field(description="the offset of the next page of either list; null on the last")
