"""The actor graph and the event neighbours of an entity, kept as events are written.

Aggregating every event of the store on each request (each actor × recipient of each event, then
counting and ranking per edge) took 3 s for ``/api/graph`` on 100 000 documents. Both stores keep,
in the writer's own transaction (:meth:`.sqlite.Store.save`, :meth:`.postgres.PostgresStore.save_many`;
migrations 0006 and 0002 fill them for the stores written before):

``graph_edges``
    one row per edge (actor, recipient, PLOVER type) and period, for each cut of the event date
    (else the publication date) that :func:`.queries.graph` windows by: 0 (no window: period ''),
    4 (year), 7 (month), 10 (day); an undated event's period is ''. ``n`` counts the events of
    stories (a reprint's events are its story's: not counted again), ``n_all`` those of reprints too.
``graph_evidence``
    one row per edge, period and event, in the order evidence is chosen (document id, evidence
    offset, event id), so that the first few of an edge are read off an index.
``entity_links``
    for each entity, the entities it shares events with in opposite roles, per type: how many
    events of stories (not reprints) link the two.
``entity_events``
    each participant of each event with the event's list order (date, else publication date;
    document; evidence offset; id): an entity's events as actor or recipient are read a page at a
    time off its index, where walking every event of the store in date order until a page of a
    frequent entity's turned up took 100 ms on 100 000 documents.

Only a stored document's own events are counted, once each, when the document is stored: a
document is stored once (ids are content hashes), its events and their participants never change
afterwards, and whether it is a reprint is settled when it is stored. So the rows are exactly what
counting the events afresh gives (:func:`recount` says so, in the tests).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: the cuts of an event's date the graph windows by: none, year, month, day
CUTS = (0, 4, 7, 10)


@dataclass(frozen=True)
class StoredEvent:
    """An event as its tables hold it: what the kept rows are computed from."""

    id: int
    doc_id: str
    type: str
    #: the event's own date, else the document's publication date (None: neither)
    at: str | None
    evidence_start: int | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    #: stored in a reprint of a stored story
    reprint: bool


@dataclass
class Rows:
    """What some stored events add to the kept tables."""

    #: (cut, source, target, type, period) → [n, n_all]
    edges: dict[tuple[str | int, ...], list[int]]
    #: (cut, source, target, type, period, reprint, doc_id, evidence_start, event_id)
    evidence: list[tuple]
    #: (entity_id, other_id, type) → events
    links: dict[tuple[str, str, str], int]
    #: (entity_id, role, reprint, at, doc_id, evidence_start, event_id)
    participants: list[tuple]


def rows(events: Iterable[StoredEvent]) -> Rows:
    out = Rows({}, [], {}, [])
    for ev in events:
        for role, ids in (("actor", ev.actors), ("recipient", ev.recipients)):
            out.participants += [(eid, role, int(ev.reprint), ev.at, ev.doc_id, ev.evidence_start, ev.id)
                                 for eid in dict.fromkeys(ids)]
        at = ev.at or ""
        start = -1 if ev.evidence_start is None else ev.evidence_start
        for source in dict.fromkeys(ev.actors):
            for target in dict.fromkeys(ev.recipients):
                for cut in CUTS:
                    period = at[:cut]
                    counts = out.edges.setdefault((cut, source, target, ev.type, period), [0, 0])
                    counts[0] += not ev.reprint
                    counts[1] += 1
                    out.evidence.append((cut, source, target, ev.type, period, int(ev.reprint), ev.doc_id,
                                         start, ev.id))
        if ev.reprint:
            continue
        linked = {(a, r) for a in ev.actors for r in ev.recipients if a != r}
        for a, r in linked | {(r, a) for a, r in linked}:
            key = (a, r, ev.type)
            out.links[key] = out.links.get(key, 0) + 1
    return out


def recount(db) -> dict[str, list[tuple]]:
    """The kept tables counted afresh from the events (too slow for requests), and as kept, each
    sorted: the tests compare the two."""
    fresh = {
        "graph_edges": """
            SELECT c.cut, a.entity_id, r.entity_id, ev.type, substr(coalesce(ev.date, d.published, ''), 1, c.cut),
                   sum(CASE WHEN d.duplicate_of IS NULL THEN 1 ELSE 0 END), count(*)
            FROM events ev JOIN documents d ON d.id = ev.doc_id
            JOIN event_participants a ON a.event_id = ev.id AND a.role = 'actor'
            JOIN event_participants r ON r.event_id = ev.id AND r.role = 'recipient'
            CROSS JOIN (SELECT 0 AS cut UNION ALL SELECT 4 UNION ALL SELECT 7 UNION ALL SELECT 10) c
            GROUP BY 1, 2, 3, 4, 5""",
        "graph_evidence": """
            SELECT c.cut, a.entity_id, r.entity_id, ev.type, substr(coalesce(ev.date, d.published, ''), 1, c.cut),
                   CASE WHEN d.duplicate_of IS NULL THEN 0 ELSE 1 END, ev.doc_id, coalesce(ev.evidence_start, -1), ev.id
            FROM events ev JOIN documents d ON d.id = ev.doc_id
            JOIN event_participants a ON a.event_id = ev.id AND a.role = 'actor'
            JOIN event_participants r ON r.event_id = ev.id AND r.role = 'recipient'
            CROSS JOIN (SELECT 0 AS cut UNION ALL SELECT 4 UNION ALL SELECT 7 UNION ALL SELECT 10) c""",
        "entity_links": """
            SELECT p.entity_id, o.entity_id, ev.type, count(DISTINCT p.event_id)
            FROM event_participants p JOIN event_participants o ON o.event_id = p.event_id AND o.role != p.role
            JOIN events ev ON ev.id = p.event_id JOIN documents d ON d.id = ev.doc_id
            WHERE o.entity_id != p.entity_id AND d.duplicate_of IS NULL GROUP BY 1, 2, 3""",
        "entity_events": """
            SELECT p.entity_id, p.role, CASE WHEN d.duplicate_of IS NULL THEN 0 ELSE 1 END,
                   coalesce(ev.date, d.published), ev.doc_id, coalesce(ev.evidence_start, -1), ev.id
            FROM event_participants p JOIN events ev ON ev.id = p.event_id JOIN documents d ON d.id = ev.doc_id""",
    }
    kept = {
        "graph_edges": "SELECT cut, source, target, type, period, n, n_all FROM graph_edges",
        "graph_evidence": "SELECT cut, source, target, type, period, reprint, doc_id, evidence_start, event_id "
                          "FROM graph_evidence",
        "entity_links": "SELECT entity_id, other_id, type, n FROM entity_links",
        "entity_events": "SELECT entity_id, role, reprint, at, doc_id, coalesce(evidence_start, -1), event_id "
                         "FROM entity_events",
    }
    out = {}
    for name in fresh:
        key = lambda r: tuple("" if v is None else v for v in r)  # noqa: E731
        out[name] = sorted((tuple(r) for r in db.execute(fresh[name])), key=key)
        out[name + " (kept)"] = sorted((tuple(r) for r in db.execute(kept[name])), key=key)
    return out
