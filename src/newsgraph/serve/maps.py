"""The map's routes: the places of the store with their points and counts, and one place's events
and stories (:mod:`newsgraph.store.geo`). The boundaries the explorer draws them on are static
files (``static/geo/``), the map library is vendored (``static/vendor/leaflet.js``): nothing is
fetched from outside."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Query

from ..store import Store, filters, geo
from . import names, schemas

LANGS = "^(uk|ru|en)$"
#: events and stories a place's page holds at most, each: an event card carries its evidence and reprints
PLACE_PAGE = 500


def _checked(type: str | None, since: str | None, until: str | None) -> tuple[str | None, ...]:
    try:
        return filters.event_types(type), filters.iso_date(since), filters.iso_date(until)
    except filters.FilterError as e:
        raise HTTPException(422, str(e)) from None


def router(store: Callable[[], Store], *, max_offset: int) -> APIRouter:
    """The routes over ``store()``, the application's read-only store of the calling thread;
    ``max_offset`` the application's bound on every list's offset."""
    r = APIRouter(tags=["map"])

    @r.get("/api/map", response_model=schemas.MapPlaces)
    def map_places(type: str | None = Query(None, max_length=300, description="PLOVER type(s), comma-separated"),
                   since: str | None = Query(None, max_length=30, description="ISO date, inclusive"),
                   until: str | None = Query(None, max_length=30, description="ISO date (or month, year), inclusive"),
                   language: str | None = Query(None, max_length=20, description="the documents' language"),
                   site: str | None = Query(None, max_length=300, description="the documents' site"),
                   lang: str | None = Query(None, pattern=LANGS, description="the language of each `name`")
                   ) -> dict[str, Any]:
        """Every place with events located there or stories naming it, with its point (lat, lon) where the
        knowledge base has one: the events whose location it is and the stories and mentions naming it,
        a story and its reprints once. Places without coordinates are counted in ``unplaced``.
        ``type`` keeps events of those types and the stories holding one; ``since``/``until`` bound an
        event's date (else its publication) and a story's publication."""
        type, since, until = _checked(type, since, until)
        return geo.places(store().db, type=type, since=since, until=until, language=language, site=site,
                          lang=lang)

    @r.get("/api/map/places/{entity_id}", response_model=schemas.MapPlaceDetail,
           responses={404: {"description": "no such entity"}})
    def map_place(entity_id: str, type: str | None = Query(None, max_length=300),
                  since: str | None = Query(None, max_length=30), until: str | None = Query(None, max_length=30),
                  language: str | None = Query(None, max_length=20), site: str | None = Query(None, max_length=300),
                  lang: str | None = Query(None, pattern=LANGS),
                  limit: int = Query(50, ge=1, le=PLACE_PAGE, description="events and stories each, at most"),
                  offset: int = Query(0, ge=0, le=max_offset)) -> dict[str, Any]:
        """One place of ``/api/map`` with the same filters: its counts, a page of the events located
        there (in the order of ``/api/events``) and a page of its stories, newest first: ``limit`` of
        each from ``offset``, ``next_offset`` the next page of either (null on the last)."""
        type, since, until = _checked(type, since, until)
        found = geo.place(store().db, entity_id, type=type, since=since, until=until, language=language,
                          site=site, lang=lang, limit=limit, offset=offset)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id}")
        names.events(store().db, found["events"])  # each actor's and recipient's names, as in /api/events
        return found

    return r
