"""The REST API and the web explorer: one FastAPI application over a store.

Read-only unless a token is given: then ``POST /api/documents`` ingests a
document sent as the request body (``Authorization: Bearer TOKEN``). Every
request body and query string is size-limited; every response carries a
Content-Security-Policy that forbids inline script, and the explorer renders
article text through ``textContent`` only.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..model import Source, to_json
from ..store import Store, is_url, open_store, version_connection
from ..store import charts, filters, queries
from ..store.expansion import expanded_search
from . import exports, maps, names, schemas

log = logging.getLogger(__name__)
STATIC = Path(str(resources.files(__package__).joinpath("static")))
MAX_BODY = 5_000_000  # bytes a request body may have (uploads included)
MAX_QUERY = 4096  # characters a query string may have
MAX_PATH = 2048  # bytes a request path may have
MAX_HEADERS = 16 * 1024  # bytes of request headers
MAX_PAGE = 500
MAX_EXPORT = 10_000
#: the largest offset a list accepts: far past any store's rows, and well inside SQLite's 64-bit integers
MAX_OFFSET = 1_000_000_000
#: requests in progress at once; past it new ones get 503 with Retry-After instead of queueing
MAX_ACTIVE = 256
#: megabytes of answers kept until the store changes (see Cache); 0: none
CACHE_MB = 64

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
# Swagger UI (/docs) is served from the swagger-ui-bundle package, not a CDN, so it works
# offline; it starts with an inline script. The page shows only the OpenAPI description.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'")


def security_headers(path: str = "") -> list[tuple[bytes, bytes]]:
    """The headers every answer carries, errors included (413, 414, 422, 404, 500, 503, 408)."""
    csp = DOCS_CSP if path == "/docs" else CSP
    return [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]


class Limits:
    """ASGI middleware: a ceiling on request bodies (declared and streamed), query strings, paths and
    requests in progress, the security headers on every response, and a 500 that carries them too
    (Starlette's own 500 is sent from outside every middleware)."""

    def __init__(self, app, max_body: int = MAX_BODY, max_query: int = MAX_QUERY,
                 max_active: int = MAX_ACTIVE) -> None:
        self.app, self.max_body, self.max_query, self.max_active = app, max_body, max_query, max_active
        self.active = 0  # only touched on the event loop thread

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if len(scope.get("query_string", b"")) > self.max_query:
            return await _plain(send, 414, "query string too long")
        if len(scope.get("raw_path") or scope.get("path", "").encode()) > MAX_PATH:
            return await _plain(send, 414, "path too long")
        headers = scope.get("headers") or []
        if sum(len(k) + len(v) + 4 for k, v in headers) > MAX_HEADERS:  # h11 checks only a head split over reads
            return await _plain(send, 431, "request headers too large")
        declared = dict(headers).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            return await _plain(send, 413, f"request body over {self.max_body} bytes")
        if self.active >= self.max_active:
            return await _plain(send, 503, "too many requests in progress, retry shortly",
                                [(b"retry-after", b"1")])
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return message

        secure = security_headers(scope.get("path", ""))

        async def secured_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *secure]}
            await send(message)

        self.active += 1
        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            if not started:
                await _plain(send, 413, f"request body over {self.max_body} bytes")
        except Exception:
            if started:  # half a response: the server closes the connection
                raise
            log.exception("error answering %s %s", scope.get("method"), scope.get("path"))
            await _plain(send, 500, "internal error")
        finally:
            self.active -= 1


class _TooLarge(Exception):
    pass


class Cache:
    """ASGI middleware: the answers to ``GET /api/...`` kept until the store changes.

    The store is read far more than it is written, and its slowest answers are aggregates over all
    of it (the actor graph) or large (an entity's page) even with the counts the store keeps.
    ``PRAGMA data_version`` on a connection of its own changes whenever any other connection, in
    this process (an upload) or another (``newsgraph ingest`` into the same file), commits; then
    every kept answer is dropped. Requests for an answer being computed wait for it instead of
    computing it again, so twenty clients asking for the graph at once cost one graph. Exports
    stream and are never kept; neither is any answer but a 200, nor one over ``max_entry`` bytes.
    """

    def __init__(self, app, db_path: str | Path, max_bytes: int = 64 << 20, max_entry: int = 4 << 20) -> None:
        self.app, self.max_bytes, self.max_entry = app, max_bytes, max_entry
        self.version_db = version_connection(db_path)  # SQLite file or PostgreSQL URL
        self.seen: int | None = None
        self.generation = 0
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self.size = 0
        self.pending: dict[tuple, asyncio.Future] = {}

    def _generation(self) -> int:
        version = self.version_db.execute("PRAGMA data_version").fetchone()[0]
        if version != self.seen:
            self.seen = version
            self.generation += 1
            self.entries.clear()
            self.size = 0
        return self.generation

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if (scope["type"] != "http" or scope.get("method") != "GET" or not path.startswith("/api/")
                or path.startswith("/api/export/")):
            return await self.app(scope, receive, send)
        generation = self._generation()
        key = (generation, path, scope.get("query_string", b""))
        while key in self.pending:  # someone is computing this very answer
            await asyncio.shield(self.pending[key])
            generation = self._generation()
            key = (generation, path, scope.get("query_string", b""))
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        done = self.pending[key] = asyncio.get_running_loop().create_future()
        start: dict | None = None
        parts: list[bytes] = []
        size = 0

        async def keeping_send(message):
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and size <= self.max_entry:
                parts.append(message.get("body", b""))
                size += len(parts[-1])
            await send(message)

        try:
            await self.app(scope, receive, keeping_send)
        finally:
            del self.pending[key]
            done.set_result(None)
        if (start is not None and start["status"] == 200 and size <= self.max_entry
                and self._generation() == generation):
            self.entries[key] = (200, list(start.get("headers", [])), b"".join(parts))
            self.size += size
            while self.size > self.max_bytes and self.entries:
                _, (_, _, old) = self.entries.popitem(last=False)
                self.size -= len(old)


async def _plain(send, status: int, text: str, extra: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": text}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *extra, *security_headers()]})
    await send({"type": "http.response.body", "body": body})


def _page(items: list, limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    """Fetches ask for limit + 1 rows: the extra one says whether a next page exists."""
    more = len(items) > limit
    return {"items": items[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None, "total": total}


def _graph_edges(g: dict[str, Any]) -> dict[str, Any]:
    for e in g["edges"]:
        e["quad"] = exports.quad(e["type"])
    return g


def _fetcher(snap: exports.Snapshot, kind: str, fmt: str, *, type, actor, recipient, speaker, about, since,
             until, language, place=None) -> tuple[Callable[[int, int], list[dict[str, Any]]], int]:
    """``fetch(limit, offset)`` for one kind of row on an export's snapshot, and how many rows a
    step of the stream fetches (whole documents are large: few at a time)."""
    db = snap.db
    if kind == "documents":
        def fetch(n: int, at: int) -> list[dict[str, Any]]:
            rows = queries.documents(db, language=language, include_duplicates=True, limit=n, offset=at)["items"]
            if fmt == "jsonl":  # the whole output contract of each document
                return [d.to_dict() for d in map(snap.get, [r["id"] for r in rows]) if d is not None]
            return rows
        return fetch, 25 if fmt == "jsonl" else 500
    if kind == "entities":
        return (lambda n, at: queries.entities(db, type=type, limit=n, offset=at)), 1000
    if kind == "quotes":
        return (lambda n, at: queries.quotes(db, speaker=speaker, about=about, limit=n, offset=at)), 1000
    return (lambda n, at: queries.events(db, type=type, actor=actor, recipient=recipient, source=speaker,
                                         place=place, since=since, until=until, language=language, limit=n,
                                         offset=at)), 1000


def _checked(type: str | None, since: str | None, until: str | None) -> tuple[str | None, ...]:
    """Event types and dates as the queries need them, or 422 saying what is valid (a date
    such as "12.03.2024" would otherwise filter arbitrarily, an unknown type match nothing)."""
    try:
        return filters.event_types(type), filters.iso_date(since), filters.iso_date(until)
    except filters.FilterError as e:
        raise HTTPException(422, str(e)) from None


def create_app(db_path: str | Path, *, token: str | None = None, max_body: int = MAX_BODY,
               allowed_hosts: list[str] | None = None, cache_mb: int = CACHE_MB) -> FastAPI:
    """The application over the store at ``db_path`` (created and migrated if missing)."""
    db_path = str(db_path) if is_url(str(db_path)) else Path(db_path)  # a postgresql:// URL stays one
    open_store(db_path).close()  # create / migrate once, before any reader opens it
    local = threading.local()
    write_lock = threading.Lock()

    def store() -> Store:
        """One read-only connection per worker thread (sqlite3 connections are per thread)."""
        s = getattr(local, "store", None)
        if s is None:
            s = local.store = open_store(db_path)
            s.db.execute("PRAGMA query_only = ON")
        return s

    app = FastAPI(
        title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
        description="Actors, quotes and events from Ukrainian, Russian and English news, each with the "
                    "sentence it comes from. Entity parameters take an id or any name or alias in any "
                    "language and inflected form. Lists are paginated with `limit`/`offset` in a stable order; "
                    "`next_offset` is null on the last page.",
    )
    # outermost last: Limits (sizes, headers, 500s) → TrustedHost → Cache → the routes
    if cache_mb > 0:
        app.add_middleware(Cache, db_path=db_path, max_bytes=cache_mb << 20)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(Limits, max_body=max_body)
    app.state.read_only = token is None

    #: the 422 of a list whose entity filters may name nothing
    unknown = {422: {"description": "a bad filter; an entity filter (actor, recipient, speaker, place, entity, "
                                    "...) naming no entity: `detail` and the nearest names in `suggestions`"}}

    # -- documents ---------------------------------------------------------

    @app.get("/api/stats", tags=["store"])
    def stats() -> dict[str, Any]:
        """Counts, languages, event types and the span of publication dates."""
        return queries.stats(store().db) | {"read_only": token is None}

    @app.get("/api/documents", response_model=schemas.DocumentPage, tags=["documents"])
    def list_documents(limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                       language: str | None = Query(None, max_length=20),
                       all: bool = Query(False, description="include reprints")) -> dict[str, Any]:
        """Documents, newest first (undated last), then by id."""
        found = queries.documents(store().db, language=language, include_duplicates=all,
                                  limit=limit + 1, offset=offset)
        return _page(found["items"], limit, offset, found["total"])

    def _narrowing(language, site, entity, type) -> dict[str, str | None] | Response:
        """A search's facet filters, checked: an unknown event type is a 422, not an empty page, and
        so is an ``entity`` that names no entity (with the nearest names, as every entity filter)."""
        type, _, _ = _checked(type, None, None)
        named = _named(store().db, entity=entity)
        if isinstance(named, Response):
            return named
        return {"language": language, "site": site, "entity": named["entity"], "type": type}

    @app.get("/api/search", response_model=schemas.SearchResult, tags=["documents"], responses=unknown)
    def search(q: str = Query(..., min_length=1, max_length=300), limit: int = Query(20, ge=1, le=100),
               offset: int = Query(0, ge=0, le=MAX_OFFSET), all: bool = Query(False, description="include reprints"),
               entities: bool = Query(True, description="also look the query up as an entity name"),
               language: str | None = Query(None, max_length=20, description="only documents in this language"),
               site: str | None = Query(None, max_length=300, description="only documents from this site"),
               entity: str | None = Query(None, max_length=300, description="only stories mentioning this entity"),
               type: str | None = Query(None, max_length=300,
                                        description="only documents holding an event of these PLOVER type(s)")
               ) -> Any:
        """Full-text search (any inflected form finds the others) with snippets, the entities the
        query names, and (``through``) the stories mentioning the one entity it names in any
        language, each such hit with ``via`` set to that entity's id. ``language``, ``site``,
        ``entity`` and ``type`` narrow it (the values ``/api/search/facets`` counts)."""
        s = store()
        narrow = _narrowing(language, site, entity, type)
        if isinstance(narrow, Response):
            return narrow
        if any(narrow.values()):
            hits, through = charts.filtered_search(s, q, limit=limit + 1, offset=offset, include_duplicates=all,
                                                   expand=entities, **narrow)
        else:
            hits, through = expanded_search(s, q, limit=limit + 1, offset=offset, include_duplicates=all,
                                            expand=entities)
        text_hits = [h for h in hits if h["via"] is None]
        page = _page(text_hits, limit, offset)
        # the stories that mention the entity the query names, in any language, after the text matches
        page["items"] += [h for h in hits if h["via"] is not None]
        page["query"] = q
        page["through"] = through
        page["entities"] = queries.entities(s.db, q=q, limit=20) if entities and offset == 0 else []
        return page

    @app.get("/api/search/volume", response_model=schemas.Volume, tags=["documents"], responses=unknown)
    def search_volume(q: str = Query(..., min_length=1, max_length=300),
                      all: bool = Query(False, description="count reprints too"),
                      entities: bool = Query(True, description="count the stories of the entity the query names"),
                      language: str | None = Query(None, max_length=20), site: str | None = Query(None, max_length=300),
                      entity: str | None = Query(None, max_length=300), type: str | None = Query(None, max_length=300),
                      bucket: str | None = Query(None, pattern="^(day|week|auto)$",
                                                 description="day or week; auto (default): weeks past 90 days")
                      ) -> Any:
        """Documents ``/api/search`` finds with the same parameters (all of them, not a page), per day or
        week of publication and by language; a story and its reprints are one unless ``all``."""
        narrow = _narrowing(language, site, entity, type)
        if isinstance(narrow, Response):
            return narrow
        return charts.volume(store().db, q, bucket=bucket, include_duplicates=all, expand=entities, **narrow)

    @app.get("/api/search/facets", response_model=schemas.Facets, tags=["documents"], responses=unknown)
    def search_facets(q: str = Query(..., min_length=1, max_length=300), all: bool = Query(False),
                      entities: bool = Query(True), language: str | None = Query(None, max_length=20),
                      site: str | None = Query(None, max_length=300), entity: str | None = Query(None, max_length=300),
                      type: str | None = Query(None, max_length=300)) -> Any:
        """What the documents of a search are: counts by language, site, event type (documents holding
        one) and the entities the most of its stories mention. A value's count is what the search
        lists with the group's ``param`` set to it."""
        narrow = _narrowing(language, site, entity, type)
        if isinstance(narrow, Response):
            return narrow
        return charts.search_facets(store().db, q, include_duplicates=all, expand=entities, **narrow)

    @app.get("/api/documents/{doc_id}", response_model=schemas.DocumentDetail, tags=["documents"])
    def document(doc_id: str) -> dict[str, Any]:
        """One document (id or a unique prefix of 6+ characters): text, segments, mentions, quotes, events."""
        s = store()
        doc = s.get(doc_id)
        if doc is None:
            raise HTTPException(404, f"no stored document {doc_id}")
        return {
            "id": doc.id, "title": doc.title, "lead": doc.lead, "language": doc.language,
            "published": doc.published, "author": doc.author, "site": doc.site, "source": asdict(doc.source),
            "duplicate_of": doc.duplicate_of, "reprints": s.reprints(doc.id), "text": doc.text,
            "segments": [asdict(seg) for seg in doc.segments],
            "mentions": queries.mentions(s.db, doc.id),
            "quotes": names.quotes(s.db, queries.quotes(s.db, doc_id=doc.id, limit=10_000)),
            "events": names.events(s.db, queries.events(s.db, doc_id=doc.id, limit=10_000)),
            "values": [to_json(v) for v in doc.values],
        }

    # -- entities ----------------------------------------------------------

    @app.get("/api/entities", response_model=schemas.EntityPage, tags=["entities"])
    def list_entities(q: str | None = Query(None, max_length=300, description="any name or alias, any form"),
                      type: str | None = Query(None, pattern="^(PER|ORG|LOC|MISC|per|org|loc|misc)$"),
                      limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        """Entities, most documents first."""
        rows = queries.entities(store().db, type=type, q=q, limit=limit + 1, offset=offset)
        return _page(rows, limit, offset)

    @app.get("/api/entities/{ref}", response_model=schemas.EntityDetail, tags=["entities"],
             responses={404: {"description": "no such entity"}, 409: {"description": "the name is ambiguous"}})
    def entity(ref: str) -> dict[str, Any]:
        """One entity by id, name or alias: names in uk/ru/en, aliases, roles, mentions, quotes by and about
        it, events as actor and recipient, neighbours."""
        db = store().db
        found = _one_entity(db, ref)
        if isinstance(found, Response):
            return found
        info = names.entity(db, queries.entity(db, found))
        info["neighbours"] = queries.neighbours(db, found)
        return info

    def _one_entity(db, ref: str) -> str | Response:
        """The id ``ref`` names, or the 404 (with the nearest names) or 409 (the candidates) to answer."""
        ids = queries.resolve(db, ref)
        if not ids:  # with the nearest names, as the CLI's "did you mean"
            from ..store.lookup import nearest

            return JSONResponse({"detail": f"no entity named {ref}", "suggestions": nearest(db, ref)}, 404)
        if len(ids) > 1:
            return JSONResponse({"detail": "ambiguous", "candidates": queries.entities_by_id(db, ids[:50])}, 409)
        return ids[0]

    @app.get("/api/entities/{ref}/timeline", response_model=schemas.Timeline, tags=["entities"],
             responses={404: {"description": "no such entity"}, 409: {"description": "the name is ambiguous"}})
    def entity_timeline(ref: str, bucket: str | None = Query(None, pattern="^(day|week|auto)$",
                                                             description="day or week; auto (default): weeks "
                                                                         "when the dates span over 90 days")
                        ) -> Any:
        """One entity per day or week of publication: the stories naming it and its mentions in them,
        the quotes it speaks, the events it takes part in by PLOVER type. A story and its reprints
        count once, as on the entity's page; the buckets add up to its counts there."""
        db = store().db
        found = _one_entity(db, ref)
        if isinstance(found, Response):
            return found
        summary = queries.entities_by_id(db, [found])[0]
        counts = queries.story_counts(db, found)
        summary.update(mentions=counts["mentions"], documents=counts["documents"])
        return {"entity": summary, **charts.timeline(db, found, bucket=bucket)}

    # -- quotes and events ---------------------------------------------------

    def _named(db, **refs: str | None) -> dict[str, str | None] | Response:
        """The entity filters given (``actor="Germany"``), each checked, or the 422 to answer for the
        first that names no entity: a typo in a name would otherwise be an empty list that looks like
        "nothing happened there" (the CLI's "did you mean" answers it too). The body is ``detail``
        ("PARAM: no entity named REF", the form of every 422 here) and ``suggestions``, the nearest
        names. A reference naming one entity is handed on as its id (resolved once more, by id)."""
        from ..store.lookup import lookup

        out: dict[str, str | None] = {}
        for param, ref in refs.items():
            if not ref:  # absent, or given empty: no filter (as before)
                out[param] = None
                continue
            match = lookup(db, ref)
            if not match.ids:
                return JSONResponse({"detail": f"{param}: no entity named {ref}",
                                     "suggestions": match.suggestions}, 422)
            out[param] = match.ids[0] if len(match.ids) == 1 else ref
        return out

    @app.get("/api/quotes", response_model=schemas.QuotePage, tags=["quotes"], responses=unknown)
    def list_quotes(speaker: str | None = Query(None, max_length=300), about: str | None = Query(None, max_length=300),
                    doc: str | None = Query(None, max_length=100), limit: int = Query(100, ge=1, le=MAX_PAGE),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Any:
        """Quotes (direct, indirect, mixed) with speakers; ``about``: quotes that mention an entity."""
        named = _named(store().db, speaker=speaker, about=about)
        if isinstance(named, Response):
            return named
        rows = queries.quotes(store().db, **named, doc_id=doc, limit=limit + 1, offset=offset)
        return _page(names.quotes(store().db, rows), limit, offset)

    @app.get("/api/quotes/facets", response_model=schemas.Facets, tags=["quotes"], responses=unknown)
    def quote_facets(speaker: str | None = Query(None, max_length=300),
                     about: str | None = Query(None, max_length=300)) -> Any:
        """The quotes ``/api/quotes`` lists with these filters (all of them), counted by language, site,
        speaker and the entities named inside them."""
        named = _named(store().db, speaker=speaker, about=about)
        if isinstance(named, Response):
            return named
        return charts.quote_facets(store().db, **named)

    def _events(type, actor, recipient, speaker, since, until, language, doc, limit, offset, place=None):
        type, since, until = _checked(type, since, until)
        named = _named(store().db, actor=actor, recipient=recipient, speaker=speaker, place=place)
        if isinstance(named, Response):
            return named
        return queries.events(store().db, type=type, actor=named["actor"], recipient=named["recipient"],
                              source=named["speaker"], since=since, until=until, language=language, doc_id=doc,
                              place=named["place"], limit=limit, offset=offset)

    @app.get("/api/events", response_model=schemas.EventPage, tags=["events"], responses=unknown)
    def list_events(type: str | None = Query(None, max_length=300, description="PLOVER type(s), comma-separated"),
                    actor: str | None = Query(None, max_length=300),
                    recipient: str | None = Query(None, max_length=300),
                    speaker: str | None = Query(None, max_length=300,
                                                description="the speaker the event is attributed to"),
                    place: str | None = Query(None, min_length=1, max_length=300,
                                              description="where the event happened: a place's id or name "
                                                          "(any language and form)"),
                    since: str | None = Query(None, max_length=30, description="ISO date, inclusive"),
                    until: str | None = Query(None, max_length=30, description="ISO date (or month, year), inclusive"),
                    language: str | None = Query(None, max_length=20), doc: str | None = Query(None, max_length=100),
                    limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Any:
        """Who did what to whom, with the evidence sentence. An entity filter that names no entity is
        a 422 with the nearest names."""
        rows = _events(type, actor, recipient, speaker, since, until, language, doc, limit + 1, offset, place)
        if isinstance(rows, Response):
            return rows
        return _page(names.events(store().db, rows), limit, offset)

    @app.get("/api/events/facets", response_model=schemas.Facets, tags=["events"], responses=unknown)
    def event_facets(type: str | None = Query(None, max_length=300), actor: str | None = Query(None, max_length=300),
                     recipient: str | None = Query(None, max_length=300),
                     speaker: str | None = Query(None, max_length=300),
                     place: str | None = Query(None, min_length=1, max_length=300,
                                               description="where the event happened: a place's id or name"),
                     since: str | None = Query(None, max_length=30), until: str | None = Query(None, max_length=30),
                     language: str | None = Query(None, max_length=20)) -> Any:
        """The events ``/api/events`` lists with these filters (all of them), counted by language, site,
        PLOVER type, actor, recipient and the speaker they are attributed to; each event once."""
        type, since, until = _checked(type, since, until)
        named = _named(store().db, actor=actor, recipient=recipient, speaker=speaker, place=place)
        if isinstance(named, Response):
            return named
        return charts.event_facets(store().db, type=type, actor=named["actor"], recipient=named["recipient"],
                                   source=named["speaker"], place=named["place"], since=since, until=until,
                                   language=language)

    def _graph(type, since, until, window, entity, language, evidence, limit, offset, all=False, param="entity"):
        """The graph, or the 422 for an ``entity`` (the parameter ``param``) that names nothing."""
        type, since, until = _checked(type, since, until)
        named = _named(store().db, **{param: entity})
        if isinstance(named, Response):
            return named
        g = queries.graph(store().db, type=type, since=since, until=until, window=window, entity=named[param],
                          language=language, evidence=evidence, include_duplicates=all, limit=limit, offset=offset)
        return _graph_edges({"nodes": g["nodes"], "edges": g["edges"], "quads": exports.QUADS,
                             "total_edges": g["total_edges"]})

    @app.get("/api/graph", response_model=schemas.Graph, tags=["graph"], responses=unknown)
    def graph(type: str | None = Query(None, max_length=300, description="PLOVER type(s), comma-separated"),
              since: str | None = Query(None, max_length=30), until: str | None = Query(None, max_length=30),
              window: str | None = Query(None, pattern="^(day|month|year)$",
                                         description="aggregate edges per day, month or year"),
              entity: str | None = Query(None, max_length=300, description="only edges touching this entity"),
              language: str | None = Query(None, max_length=20), evidence: int = Query(3, ge=0, le=50),
              all: bool = Query(False, description="count events in reprints too"),
              limit: int = Query(1000, ge=1, le=MAX_EXPORT), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Any:
        """Actors as nodes, events as directed edges aggregated by type (and time window), most frequent
        first, each with up to ``evidence`` evidence sentences and its PLOVER quad class. Events in
        reprints of a stored story are not counted again unless ``all`` is set."""
        return _graph(type, since, until, window, entity, language, evidence, limit, offset, all)

    app.include_router(maps.router(store, max_offset=MAX_OFFSET))  # /api/map: places, points and counts

    # -- exports -----------------------------------------------------------

    @app.get("/api/export/{kind}.{fmt}", tags=["export"],
             responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}, "application/xml": {}}},
                        **unknown})
    def export(kind: str, fmt: str, request: Request, limit: int = Query(1000, ge=1, le=MAX_EXPORT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET), type: str | None = Query(None, max_length=300),
               actor: str | None = Query(None, max_length=300), recipient: str | None = Query(None, max_length=300),
               speaker: str | None = Query(None, max_length=300), about: str | None = Query(None, max_length=300),
               place: str | None = Query(None, min_length=1, max_length=300,
                                         description="events: where the event happened"),
               since: str | None = Query(None, max_length=30), until: str | None = Query(None, max_length=30), language: str | None = Query(None, max_length=20),
               window: str | None = Query(None, pattern="^(day|month|year)$")) -> Response:
        """``documents``, ``entities``, ``quotes``, ``events`` as ``jsonl`` or ``csv``; ``graph`` as ``graphml``,
        ``gexf`` (Gephi), ``jsonl`` or ``csv`` (one edge a row). Paginated in a stable order: the
        ``X-Next-Offset`` header (and a ``Link: rel=next``) gives the next page; absent on the last one.
        The filters are those of the lists (``graph``: ``actor`` is the entity its edges touch); an entity
        filter of the kind that names no entity is a 422 with the nearest names, as there."""
        type, since, until = _checked(type, since, until)
        media = {"jsonl": "application/x-ndjson", "csv": "text/csv", "graphml": "application/graphml+xml",
                 "gexf": "application/gexf+xml"}.get(fmt)
        if kind == "graph":
            if fmt not in ("graphml", "gexf", "jsonl", "csv"):
                raise HTTPException(404, "graph exports: graphml, gexf, jsonl, csv")
            # edges are aggregated over every event first (in memory, as /api/graph does); the
            # output is then written as it is sent
            g = _graph(type, since, until, window, actor, language, 3, limit + 1, offset, param="actor")
            if isinstance(g, Response):
                return g
            more = len(g["edges"]) > limit
            g["edges"] = g["edges"][:limit]
            if fmt in ("graphml", "gexf"):
                lines = exports.graphml_lines(g) if fmt == "graphml" else exports.gexf_lines(g)
            else:
                rows = ({**e, "evidence": " | ".join(ev["text"] or "" for ev in e["evidence"])} for e in g["edges"])
                lines = exports.jsonl_lines(g["edges"]) if fmt == "jsonl" else exports.csv_lines(rows)
            body = exports.stream(lines, lambda: None)
        else:
            if fmt not in ("jsonl", "csv"):
                raise HTTPException(404, f"{kind} exports: jsonl, csv")
            if kind not in ("documents", "entities", "quotes", "events"):
                raise HTTPException(404, "exports: documents, entities, quotes, events, graph")
            given = {"events": dict(actor=actor, recipient=recipient, speaker=speaker, place=place),
                     "quotes": dict(speaker=speaker, about=about)}.get(kind, {})
            named = _named(store().db, **given)  # only the filters of this kind of row
            if isinstance(named, Response):
                return named
            snap = exports.Snapshot(db_path)
            try:
                fetch, step = _fetcher(snap, kind, fmt, type=type, language=language, since=since, until=until,
                                       **{"actor": None, "recipient": None, "speaker": None, "about": None,
                                          "place": None, **named})
                more = bool(fetch(1, offset + limit))
            except BaseException:
                snap.close()
                raise

            def rows():
                """The rows of the page, ``step`` at a time from the snapshot: never the whole page."""
                done = 0
                while done < limit:
                    want = min(step, limit - done)
                    got = fetch(want, offset + done)
                    yield from got
                    done += len(got)
                    if len(got) < want:
                        return

            lines = exports.jsonl_lines(rows()) if fmt == "jsonl" else exports.csv_lines(rows())
            body = exports.stream(lines, snap.close)
        headers = {"Content-Disposition": f'attachment; filename="newsgraph-{kind}-{offset}.{fmt}"'}
        if more:
            headers["X-Next-Offset"] = str(offset + limit)
            headers["Link"] = f'<{request.url.include_query_params(offset=offset + limit)}>; rel="next"'
        return StreamingResponse(body, media_type=f"{media}; charset=utf-8", headers=headers)

    # -- upload (only with a token) ----------------------------------------

    if token is not None:
        @app.post("/api/documents", response_model=schemas.Ingested, tags=["documents"],
                  responses={401: {"description": "missing or wrong token"}, 413: {"description": "too large"}})
        async def upload(request: Request, filename: str = Query("upload", max_length=200),
                         url: str | None = Query(None, max_length=2000),
                         format: str | None = Query(None, pattern="^(text|html|feed|jsonl|warc)$")) -> dict[str, Any]:
            """Ingest the request body (text, HTML, a feed, JSONL or WARC; format detected unless given).
            Needs ``Authorization: Bearer TOKEN`` with the token ``newsgraph serve --token`` was started with."""
            given = request.headers.get("authorization", "")
            if not (given.startswith("Bearer ") and hmac.compare_digest(given[7:].encode(), token.encode())):
                raise HTTPException(401, "a valid bearer token is needed", headers={"WWW-Authenticate": "Bearer"})
            data = await request.body()
            from starlette.concurrency import run_in_threadpool

            return await run_in_threadpool(_ingest, data, filename, url, format)

        def _ingest(data: bytes, filename: str, url: str | None, fmt: str | None) -> dict[str, Any]:
            from ..ingest import read_bytes
            from ..pipeline import Pipeline

            # one writer at a time; a fresh connection in this worker thread (sqlite3 connections are per
            # thread) and a fresh pipeline, which the store teaches every stored reprint and site line
            # (uploads are rare)
            with write_lock, open_store(db_path) as w:
                report = w.ingest(read_bytes(data, Source(path=f"upload:{filename}", url=url), fmt), Pipeline())
            return {"stored": report.stored, "already_stored": report.already_stored,
                    "failed": [str(f) for f in report.failures]}

    # -- the explorer ------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/docs-static", StaticFiles(directory=str(swagger_ui_path)), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        """Swagger UI from the installed swagger-ui-bundle: nothing is fetched from the network."""
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="newsgraph API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")
    return app
