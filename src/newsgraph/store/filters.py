"""The filters a user gives (dates, event types), checked once for the CLI and the API, and
turned into SQL once for every query that narrows by them (:func:`where`).

Dates are compared as text with the stored ISO dates, so "12.03.2024" or
"2024-13-45" would filter arbitrarily instead of failing; an unknown event type
would silently match nothing. Both are errors that say what is valid.
"""
from __future__ import annotations

import datetime
import re
from typing import Any, get_args

from ..model import EventType

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
#: the 16 PLOVER types, in the order of the ontology.
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


class FilterError(ValueError):
    """A filter value that cannot be used, with the reason and the valid forms."""


def iso_date(value: str | None) -> str | None:
    """``value`` as an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), or FilterError."""
    if value is None:
        return None
    value = value.strip()
    if _ISO_DATE.fullmatch(value):
        parts = [int(p) for p in value.split("-")]
        try:
            datetime.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
            return value
        except ValueError as e:
            raise FilterError(f"{value!r} is not a date ({e})") from None
    raise FilterError(f"{value!r} is not an ISO date: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2024-03-12)")


def event_types(value: str | None) -> str | None:
    """Comma-separated PLOVER types, upper-cased, or FilterError listing the valid ones."""
    if value is None:
        return None
    types = [t.strip().upper() for t in value.split(",") if t.strip()]
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown or not types:
        raise FilterError(f"unknown event type {', '.join(unknown) or repr(value)}; "
                          f"valid: {', '.join(EVENT_TYPES)}")
    return ",".join(types)


# -- the filters as SQL ---------------------------------------------------------------------------

#: the date a filter bounds: an event's own, else its document's publication, else when it was
#: stored; a document's publication, else when it was stored
_DATED = {"events": "coalesce(ev.date, d.published, d.ingested_at)",
          "documents": "coalesce(d.published, d.ingested_at)"}
#: the filters only one kind of row has
_ONLY = {"events": {"entity"}, "documents": {"source", "actor", "recipient", "place", "doc_id", "canonical"}}

#: an entity filter: a reference the lookup resolves (id, name, alias, any form), or ids already resolved
Ref = str | list[str]
#: the ids of the reprints, off their partial index: to ask "is this a reprint" of a document id
#: without reading its row
_REPRINT_IDS = "(SELECT id FROM documents WHERE duplicate_of IS NOT NULL)"


def _in(ids: list[str]) -> tuple[str, list[str]]:
    return "(" + ",".join("?" * len(ids)) + ")", ids


def _types(type: str) -> list[str]:
    return [t.strip().upper() for t in type.split(",") if t.strip()] or [""]


def where(db, of: str, *, type: str | None = None, language: str | None = None, site: str | None = None,
          since: str | None = None, until: str | None = None, entity: Ref | None = None, copies: bool = True,
          source: Ref | None = None, actor: Ref | None = None, recipient: Ref | None = None,
          place: Ref | None = None, doc_id: str | None = None,
          canonical: bool = False) -> tuple[list[str], list[Any]]:
    """``(conditions, arguments)`` for rows ``of`` "events" (``ev`` joined to its document ``d``)
    or "documents" (``d``), to be joined with AND: written once so that a list, its counts, its
    facets and the map narrow by the same rule. The SQL is SQLite's, with ``?`` placeholders; the
    PostgreSQL store's connection rewrites it (:mod:`.dialect`), and nothing here differs between
    the two.

    The rules: ``since``/``until`` bound the date of :data:`_DATED`, ``until`` as a prefix (a month
    or a year is the whole of it); ``type`` keeps events of those PLOVER types, or documents holding
    one; an entity reference that names nothing matches nothing (saying what was meant is the
    caller's: the CLI's "did you mean", the API's 422). ``entity`` keeps the documents of the stories
    that mention it (``copies``: a reprint through its story; without, each document is its own and
    ``duplicate_of``, stored after the text, is not read); ``place``, events located there;
    ``canonical``, events of canonical documents, asked of the small index of reprints."""
    from .lookup import resolve  # not at the top: the CLI checks its options with this module, and
    # the lookup loads the languages' morphology

    given = {"entity": entity, "source": source, "actor": actor, "recipient": recipient, "place": place,
             "doc_id": doc_id, "canonical": canonical}
    if of not in _DATED:
        raise ValueError(f"filters apply to events or documents, not {of!r}")
    wrong = sorted(k for k in _ONLY[of] if given[k])
    if wrong:
        raise TypeError(f"{of} have no filter {', '.join(wrong)}")
    out: list[str] = []
    args: list[Any] = []

    def ids(ref: Ref) -> tuple[str, list[str]]:
        found = resolve(db, ref) if isinstance(ref, str) else list(ref)
        return _in(found or [""])

    if canonical:
        out.append(f"ev.doc_id NOT IN {_REPRINT_IDS}")
    if type:
        types = _types(type)
        marks = _in(types)[0]
        out.append(f"ev.type IN {marks}" if of == "events"
                   else f"d.id IN (SELECT ev.doc_id FROM events ev WHERE ev.type IN {marks})")
        args += types
    if doc_id:
        out.append("ev.doc_id = ?")
        args.append(doc_id)
    for column, value in (("d.language", language), ("d.site", site)):
        if value:
            out.append(f"{column} = ?")
            args.append(value)
    if source:
        marks, vals = ids(source)
        out.append(f"ev.source IN {marks}")
        args += vals
    for role, ref in (("actor", actor), ("recipient", recipient)):
        if ref:
            marks, vals = ids(ref)
            # a list of ids the planner starts from (the entity's events, off its index), where a
            # correlated EXISTS was asked of every event in the store
            out.append(f"""ev.id IN (SELECT p.event_id FROM event_participants p
                              WHERE p.entity_id IN {marks} AND p.role = '{role}')""")
            args += vals
    if place:
        marks, vals = ids(place)
        out.append(f"ev.location IN {marks}")
        args += vals
    if entity:
        marks, vals = ids(entity)
        story = "coalesce(d.duplicate_of, d.id)" if copies else "d.id"
        out.append(f"{story} IN (SELECT s.story_id FROM entity_stories s WHERE s.entity_id IN {marks})")
        args += vals
    if since:
        out.append(f"{_DATED[of]} >= ?")
        args.append(since)
    if until:
        out.append(f"substr({_DATED[of]}, 1, ?) <= ?")
        args += [len(until), until]
    return out, args
