"""Where the news happens: the places of the store with their coordinates and counts, for the map.

A place is an entity of type LOC, or any entity an event names as its location. Its point comes
from the knowledge base's coordinates (:mod:`newsgraph.link.data.coordinates`: cities from
GeoNames, countries and Ukraine's oblasts from the centroids of their Natural Earth boundaries);
a place the knowledge base does not hold (a district, a street, "Трухановый остров") has none and
is counted among the places without coordinates rather than guessed at.

Counts follow the rule of the lists and charts: a story reprinted by four sites is one story.
``events``: the events whose location the place is, in canonical documents only (as
:func:`.queries.events` lists them). ``stories`` and ``mentions``: the stories naming the place
and its mentions in them, off ``entity_stories`` (a story's mentions counted once, in the first
of its documents that names it). Filters: ``since``/``until`` bound an event's date (else its
document's publication) and a story's publication; ``language`` and ``site`` are those of the
story's canonical document; ``type`` keeps events of those PLOVER types and stories holding one.

Everything is written in SQLite's SQL; the PostgreSQL store runs it through its rewriting
connection (:mod:`.dialect`, :mod:`.postgres`).
"""
from __future__ import annotations

from typing import Any

from ..link.data.coordinates import COORDINATES
from . import dialect, queries
from .filters import where as conditions


def _name(entity: dict[str, Any], lang: str | None) -> str:
    return (entity["names"].get(lang) if lang else None) or entity["name"]


def places(db, *, type: str | None = None, since: str | None = None, until: str | None = None,
           language: str | None = None, site: str | None = None, lang: str | None = None,
           unplaced_limit: int = 50) -> dict[str, Any]:
    """Every place with something to count under the filters: those with coordinates (``places``,
    most events and stories first) and those without (``unplaced``: the first ``unplaced_limit``
    of them, and ``unplaced_total``). ``lang`` (uk, ru, en): each ``name`` in that language where
    the knowledge base has it; ``names`` holds them all."""
    filters = {"type": type, "since": since, "until": until, "language": language, "site": site}
    counts: dict[str, dict[str, int]] = {}

    def row(eid: str) -> dict[str, int]:
        return counts.setdefault(eid, {"events": 0, "stories": 0, "mentions": 0})

    where, args = conditions(db, "events", canonical=True, **filters)
    for eid, n in db.execute(
            f"""SELECT ev.location, count(*) FROM events ev JOIN documents d ON d.id = ev.doc_id
                WHERE ev.location IS NOT NULL AND {' AND '.join(where)} GROUP BY 1""", args):
        row(eid)["events"] = int(n)
    where, args = conditions(db, "documents", **filters)
    cond = "".join(f" AND {w}" for w in where)
    for eid, n, m in db.execute(
            f"""SELECT s.entity_id, count(*), sum(s.mentions) FROM entity_stories s
                JOIN entities e ON e.id = s.entity_id JOIN documents d ON d.id = s.story_id
                WHERE e.type = 'LOC'{cond} GROUP BY 1""", args):
        r = row(eid)
        r["stories"], r["mentions"] = int(n), int(m or 0)
    info = {e["id"]: e for e in queries.entities_by_id(db, sorted(counts))}
    placed, unplaced = [], []
    for eid, c in counts.items():
        e = info.get(eid)
        if e is None or not (c["events"] or c["stories"]):
            continue
        item = {"id": eid, "type": e["type"], "kind": _kind(eid), "name": _name(e, lang), "names": e["names"], **c}
        point = COORDINATES.get(eid)
        if point:
            placed.append({**item, "lat": point[0], "lon": point[1]})
        else:
            unplaced.append(item)
    order = lambda p: (-(p["events"] + p["stories"]), -p["events"], p["name"], p["id"])  # noqa: E731
    placed.sort(key=order)
    unplaced.sort(key=order)
    return {
        "places": placed,
        "unplaced": unplaced[:unplaced_limit],
        "unplaced_total": len(unplaced),
        "totals": {k: sum(p[k] for p in placed) for k in ("events", "stories", "mentions")},
        "unplaced_totals": {k: sum(p[k] for p in unplaced) for k in ("events", "stories", "mentions")},
    }


def _kind(entity_id: str) -> str | None:
    """"country", "city" or "region" for a knowledge-base place; None for one the pipeline made."""
    parts = entity_id.split(":")
    return parts[1] if len(parts) == 3 and parts[0] == "loc" else None


def place(db, entity_id: str, *, type: str | None = None, since: str | None = None, until: str | None = None,
          language: str | None = None, site: str | None = None, lang: str | None = None,
          limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """One place under the filters of :func:`places`: its counts, point (or none), a page of the
    events located there (in the events list's order and shape) and one of the stories naming it,
    newest first (canonical documents, with their reprints counted). None: no such entity.

    The two lists are paged together, ``limit`` of each from ``offset``: the panel that shows them
    asks for the next page of both at once; ``next_offset`` is None once neither has more (the
    counts say how many each has)."""
    found = queries.entities_by_id(db, [entity_id])
    if not found:
        return None
    e = found[0]
    filters = {"type": type, "since": since, "until": until, "language": language, "site": site}
    where, args = conditions(db, "events", canonical=True, place=[entity_id], **filters)
    cond = " AND ".join(where)
    n_events = db.execute(f"SELECT count(*) FROM events ev JOIN documents d ON d.id = ev.doc_id WHERE {cond}",
                          args).fetchone()[0]
    nf = dialect.of(db).nulls_first
    events = queries._rows(db.execute(
        f"""SELECT ev.id, ev.doc_id, ev.type, ev.mode, ev.factuality, ev.source, ev.date,
                   ev.amount_value, ev.amount_unit, ev.confidence, ev.evidence_start, ev.evidence_end,
                   {queries._slice(db, "ev.evidence_start", "ev.evidence_end")} AS evidence,
                   {queries._slice(db, "ev.trigger_start", "ev.trigger_end")} AS trigger,
                   ev.trigger_start, ev.trigger_end, src.name AS source_name, d.published, d.title, d.language,
                   d.site, d.source_url AS url, ev.recipient_phrases
            FROM events ev JOIN documents d ON d.id = ev.doc_id LEFT JOIN entities src ON src.id = ev.source
            WHERE {cond}
            ORDER BY coalesce(ev.date, d.published){nf}, ev.doc_id, ev.evidence_start{nf}, ev.id LIMIT ? OFFSET ?""",
        [*args, limit, offset]))
    queries._event_rows(db, events)
    swhere, sargs = conditions(db, "documents", **filters)
    scond = " AND ".join(["s.entity_id = ?", *swhere])
    n_stories, n_mentions = db.execute(
        f"""SELECT count(*), sum(s.mentions) FROM entity_stories s JOIN documents d ON d.id = s.story_id
            WHERE {scond}""", [entity_id, *sargs]).fetchone()
    stories = queries._rows(db.execute(
        f"""SELECT d.id, d.title, d.lead, d.language, d.published, d.site, d.source_url AS url,
                   d.source_path AS path, d.source_format AS format, d.duplicate_of, s.mentions,
                   (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints
            FROM entity_stories s JOIN documents d ON d.id = s.story_id WHERE {scond}
            ORDER BY d.published DESC{dialect.of(db).nulls_last}, d.id LIMIT ? OFFSET ?""",
        [entity_id, *sargs, limit, offset]))
    point = COORDINATES.get(entity_id)
    return {
        "place": {"id": entity_id, "type": e["type"], "kind": _kind(entity_id), "name": _name(e, lang),
                  "names": e["names"], "lat": point[0] if point else None, "lon": point[1] if point else None,
                  "events": int(n_events), "stories": int(n_stories), "mentions": int(n_mentions or 0)},
        "events": events,
        "documents": stories,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if offset + limit < max(int(n_events), int(n_stories)) else None,
    }


__all__ = ["COORDINATES", "place", "places"]
