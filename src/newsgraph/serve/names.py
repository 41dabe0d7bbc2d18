"""Every entity an answer names, with its names in the three languages beside its stored name.

The stored ``name`` of an entity is its base form in the language of the document it was first
stored from ("Россия" for Russia first read in a Russian article), so a list that gives only that
name shows a Ukrainian document's event as "Россия → ...". The explorer displays an entity by its
name in the interface language (the knowledge base's ``names``, else the stored form) with the
document's form beside it; these helpers give each entity reference of the lists (event actors and
recipients, an event's speaker, a quote's speaker, a role's organisation) its ``names``, read in
one query per answer.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..store import queries


def _names(db, ids: Iterable[str | None]) -> dict[str, dict[str, str]]:
    wanted = sorted({i for i in ids if i})
    return {e["id"]: e["names"] for e in queries.entities_by_id(db, wanted)} if wanted else {}


def events(db, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows with ``names`` on each actor and recipient and ``source_names`` (the speaker's)."""
    names = _names(db, [p["id"] for r in rows for p in (*r.get("actors", ()), *r.get("recipients", ()))]
                   + [r.get("source") for r in rows])
    for r in rows:
        for p in (*r.get("actors", ()), *r.get("recipients", ())):
            p["names"] = names.get(p["id"], {})
        r["source_names"] = names.get(r.get("source"), {}) if r.get("source") else {}
    return rows


def quotes(db, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quote rows with ``speaker_names``."""
    names = _names(db, [r.get("speaker") for r in rows])
    for r in rows:
        r["speaker_names"] = names.get(r.get("speaker"), {}) if r.get("speaker") else {}
    return rows


def roles(db, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Role rows with ``org_names``."""
    names = _names(db, [r.get("org") for r in rows])
    for r in rows:
        r["org_names"] = names.get(r.get("org"), {}) if r.get("org") else {}
    return rows


def entity(db, info: dict[str, Any]) -> dict[str, Any]:
    """An entity's page (:func:`queries.entity`) with the names of everything its lists name."""
    roles(db, info.get("roles", []))
    for key in ("quotes_by", "quotes_about"):
        quotes(db, info.get(key, []))
    for key in ("events_as_actor", "events_as_recipient"):
        events(db, info.get(key, []))
    return info
