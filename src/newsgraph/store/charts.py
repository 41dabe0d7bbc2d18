"""Counts over time and by facet: what the explorer's charts and facet lists draw.

The lists of :mod:`.queries` read a page of rows; a chart or a facet needs every row its
question matches, counted, so each series here is one ``GROUP BY`` that returns a row per day
(or per value) and never a row per document. Days are cut from the stored ISO dates with
``substr``, which both SQLite and PostgreSQL spell alike; weeks are made from the days in
Python, because the two databases have no date arithmetic in common and a store's days are few.

Every count follows the rule of the lists and of the kept entity counts: a story reprinted by
four sites is one story. Mentions are those of ``entity_stories`` (the document each story
counts, dated by the story's own document); quotes and events are those of the canonical
documents, as :func:`.queries.quotes` and :func:`.queries.events` list them. A chart's bars
therefore add up to the figures the entity page and the lists print.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from . import dialect, queries
from .filters import EVENT_TYPES, where as conditions
from .lookup import lookup

#: auto buckets are weeks past this many days from the first date to the last; days below it
WEEK_AFTER_DAYS = 90
#: values a facet lists at most (sites, entities); languages and event types are few and all listed
FACET_VALUES = 15
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: the PLOVER types in the ontology's order, so that stacked series keep one order everywhere
_TYPE_ORDER = {t: i for i, t in enumerate(EVENT_TYPES)}


class ChartError(ValueError):
    """A chart parameter that cannot be used (an unknown bucket)."""


# -- time buckets --------------------------------------------------------------------------------

def _day(value: Any) -> datetime.date | None:
    """The calendar day a stored date starts with; None for none, a partial one ("2024-03") or
    nonsense, which a chart cannot place (they are counted as undated instead)."""
    if not isinstance(value, str) or not _DAY.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _start(day: datetime.date, bucket: str) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday()) if bucket == "week" else day


def choose_bucket(days: Iterable[datetime.date], bucket: str | None) -> str:
    """``bucket`` as asked, else days for a span of up to :data:`WEEK_AFTER_DAYS` days and weeks
    past it: a year of days is 365 bars too thin to read, three months of weeks too few to show
    a trend."""
    if bucket in ("day", "week"):
        return bucket
    if bucket not in (None, "", "auto"):
        raise ChartError(f"unknown bucket {bucket!r}; valid: day, week, auto")
    days = list(days)
    if days and (max(days) - min(days)).days > WEEK_AFTER_DAYS:
        return "week"
    return "day"


def _buckets(rows: dict[str, list[tuple[datetime.date | None, dict[str, int]]]], bucket: str | None,
             empty: dict[str, Any]) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    """Per-day counts of several series summed into buckets (every bucket from the first to the last,
    empty ones too, so that a gap in the news is a gap on the axis), and the undated rest.
    ``rows`` is ``{series: [(day, {key: n})]}``; ``empty`` the zero counts of a bucket."""
    dated = [d for series in rows.values() for d, _ in series if d is not None]
    chosen = choose_bucket(dated, bucket)

    def zero() -> dict[str, Any]:
        return {k: (dict(v) if isinstance(v, dict) else v) for k, v in empty.items()}

    out: dict[datetime.date, dict[str, Any]] = {}
    undated = {"start": None, "end": None, **zero()}
    if dated:
        first, last = _start(min(dated), chosen), _start(max(dated), chosen)
        step = datetime.timedelta(days=7 if chosen == "week" else 1)
        at = first
        while at <= last:
            end = at + step - datetime.timedelta(days=1)
            out[at] = {"start": at.isoformat(), "end": end.isoformat(), **zero()}
            at += step
    for series, items in rows.items():
        for day, counts in items:
            target = undated if day is None else out[_start(day, chosen)]
            for key, n in counts.items():
                if isinstance(target[series], dict):
                    target[series][key] = target[series].get(key, 0) + n
                else:
                    target[series] += n
    return chosen, list(out.values()), undated


def _type_key(t: str) -> tuple[int, str]:
    return (_TYPE_ORDER.get(t, len(_TYPE_ORDER)), t)


# -- an entity over time ---------------------------------------------------------------------------

def timeline(db, entity_id: str, *, bucket: str | None = None) -> dict[str, Any]:
    """Stories and mentions naming one entity, quotes it speaks and events it takes part in (as
    actor or recipient, split by PLOVER type), per day or week of publication.

    Publication, not the event's own date: the chart shows when the news spoke of the entity, on
    one axis for all four series (an event's date is often missing, a day without a year, or years
    before the story, and would scatter the events away from the stories that report them)."""
    day = "substr(d.published, 1, 10)"
    stories, quotes_, events_ = [], [], []
    for r in db.execute(
            f"""SELECT {day}, count(*), sum(s.mentions) FROM entity_stories s
                JOIN documents d ON d.id = s.story_id WHERE s.entity_id = ? GROUP BY 1""", (entity_id,)):
        stories.append((_day(r[0]), {"stories": int(r[1]), "mentions": int(r[2] or 0)}))
    for r in db.execute(
            f"""SELECT {day}, count(*) FROM quotes q JOIN documents d ON d.id = q.doc_id
                WHERE q.speaker = ? AND q.doc_id NOT IN {queries._REPRINT_IDS} GROUP BY 1""", (entity_id,)):
        quotes_.append((_day(r[0]), {"quotes": int(r[1])}))
    # an event with two actors, or the entity as actor and recipient, is one event
    for r in db.execute(
            f"""SELECT {day}, ev.type, count(*) FROM events ev JOIN documents d ON d.id = ev.doc_id
                WHERE ev.id IN (SELECT p.event_id FROM event_participants p WHERE p.entity_id = ?)
                  AND ev.doc_id NOT IN {queries._REPRINT_IDS} GROUP BY 1, 2""", (entity_id,)):
        events_.append((_day(r[0]), {r[1]: int(r[2])}))
    flat = {"mentions": [(d, {"mentions": c["mentions"]}) for d, c in stories],
            "stories": [(d, {"stories": c["stories"]}) for d, c in stories],
            "quotes": quotes_, "event_types": events_}
    chosen, buckets, undated = _buckets(flat, bucket, {"stories": 0, "mentions": 0, "quotes": 0, "event_types": {}})
    types = sorted({t for _, c in events_ for t in c}, key=_type_key)
    for b in [*buckets, undated]:
        b["event_types"] = {t: b["event_types"][t] for t in sorted(b["event_types"], key=_type_key)}
        b["events"] = sum(b["event_types"].values())
    totals = {k: sum(b[k] for b in [*buckets, undated]) for k in ("stories", "mentions", "quotes", "events")}
    return {"bucket": chosen, "buckets": buckets, "undated": undated, "event_types": types, "totals": totals}


# -- what a search matches -----------------------------------------------------------------------

def _text_match(db, q: str) -> tuple[str, list[Any]] | None:
    """The documents whose words match ``q`` as :func:`.queries.search` matches them (FTS5 in
    SQLite, the GIN-indexed words in PostgreSQL), as a condition on ``d``; None when the query has
    no word to match."""
    if dialect.of(db).name == "sqlite":
        match = queries._fts_query(q)
        if not match:
            return None
        return "d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [match]
    match = dialect.ts_query(queries._query_terms(q))
    if not match:
        return None
    return "d.id IN (SELECT f.doc_id FROM documents_fts f WHERE f.fts @@ to_tsquery('simple', ?))", [match]


def _through(db, q: str, expand: bool) -> dict[str, Any] | None:
    """The one entity the query names, whose stories a search lists after its text matches."""
    if not expand:
        return None
    match = lookup(db, q, suggest=False, words=False)
    return queries.entities_by_id(db, [match.unique])[0] if match.unique else None


def matching(db, q: str, *, include_duplicates: bool = False, expand: bool = True,
             **filters: str | None) -> tuple[str, list[Any], dict[str, Any] | None]:
    """``(condition on d, arguments, entity)``: every document ``/api/search`` finds for ``q``,
    not one page of them: the text matches (reprints only with ``include_duplicates``) and the
    stories mentioning the entity the query names (``entity``, or None), narrowed by ``filters``
    (language, site, entity, type)."""
    text = _text_match(db, q)
    through = _through(db, q, expand)
    either, args = [], []
    if text:
        either.append(text[0])
        args += text[1]
    if through:
        either.append("d.id IN (SELECT s.story_id FROM entity_stories s WHERE s.entity_id = ?)")
        args.append(through["id"])
    if not either:
        return "1 = 0", [], None
    where = ["(" + " OR ".join(either) + ")"]
    if not include_duplicates:  # off the small index of reprints, not each row's duplicate_of
        where.append(queries._NOT_REPRINT)
    more, more_args = conditions(db, "documents", copies=include_duplicates, **filters)
    return " AND ".join(where + more), args + more_args, through


def volume(db, q: str, *, bucket: str | None = None, include_duplicates: bool = False, expand: bool = True,
           **filters: str | None) -> dict[str, Any]:
    """Documents matching a search per day or week of publication, split by language: the
    documents are stories unless ``include_duplicates`` (then each reprint is one more)."""
    cond, args, through = matching(db, q, include_duplicates=include_duplicates, expand=expand, **filters)
    rows = [(_day(r[0]), {r[1] or "?": int(r[2])}) for r in db.execute(
        f"SELECT substr(d.published, 1, 10), d.language, count(*) FROM documents d WHERE {cond} GROUP BY 1, 2",
        args)]
    chosen, buckets, undated = _buckets({"languages": rows}, bucket, {"languages": {}})
    languages = sorted({k for _, c in rows for k in c})
    for b in [*buckets, undated]:
        b["documents"] = sum(b["languages"].values())
    return {"query": q, "bucket": chosen, "buckets": buckets, "undated": undated, "languages": languages,
            "total": sum(b["documents"] for b in [*buckets, undated]),
            "through": through}


# -- facets ----------------------------------------------------------------------------------------

def _values(rows, limit: int | None = None) -> list[dict[str, Any]]:
    """``(value, count)`` rows most frequent first, then by value (no value last): sorted here, where
    SQLite and PostgreSQL sort NULLs at opposite ends."""
    out = sorted(({"value": r[0], "count": int(r[1])} for r in rows if r[1]),
                 key=lambda v: (-v["count"], v["value"] is None, v["value"] or ""))
    return out[:limit] if limit else out


def _entity_values(db, rows) -> list[dict[str, Any]]:
    values = _values(rows, FACET_VALUES)
    info = {e["id"]: e for e in queries.entities_by_id(db, [v["value"] for v in values if v["value"]])}
    for v in values:
        e = info.get(v["value"])
        if e:
            v.update(name=e["name"], names=e["names"], type=e["type"])
    return values


def _group(key: str, param: str | None, values: list[dict[str, Any]]) -> dict[str, Any]:
    return {"key": key, "param": param, "values": values}


def search_facets(db, q: str, *, include_duplicates: bool = False, expand: bool = True,
                  **filters: str | None) -> dict[str, Any]:
    """What the documents a search finds are, counted: languages, sites, event types (documents
    holding one) and the entities the most stories among them mention. Each count is what the
    search, filtered by that value, lists."""
    cond, args, through = matching(db, q, include_duplicates=include_duplicates, expand=expand, **filters)
    docs = f"SELECT d.id FROM documents d WHERE {cond}"
    total = db.execute(f"SELECT count(*) FROM documents d WHERE {cond}", args).fetchone()[0]
    languages = db.execute(f"SELECT d.language, count(*) FROM documents d WHERE {cond} GROUP BY 1", args)
    sites = db.execute(f"SELECT d.site, count(*) FROM documents d WHERE {cond} GROUP BY 1", args)
    types = db.execute(f"SELECT ev.type, count(DISTINCT ev.doc_id) FROM events ev WHERE ev.doc_id IN ({docs}) "
                       "GROUP BY 1", args)
    entities = db.execute(
        f"""SELECT s.entity_id, count(DISTINCT s.story_id) FROM entity_stories s
            WHERE s.story_id IN (SELECT {"coalesce(d.duplicate_of, d.id)" if include_duplicates else "d.id"}
                                 FROM documents d WHERE {cond})
            GROUP BY 1""", args)
    return {"total": int(total), "through": through, "groups": [
        _group("language", "language", _values(languages)),
        _group("site", "site", _values(sites, FACET_VALUES)),
        _group("type", "type", _values(types)),
        _group("entity", "entity", _entity_values(db, entities))]}


def event_facets(db, **filters: str | None) -> dict[str, Any]:
    """The events a filtered events list holds, counted by language, site, PLOVER type, actor,
    recipient, the speaker they are attributed to and the place they happened (each event once);
    ``filters`` are :func:`.filters.where`'s for events."""
    where, args = conditions(db, "events", canonical=True, **filters)
    base = f"FROM events ev JOIN documents d ON d.id = ev.doc_id WHERE {' AND '.join(where)}"
    ids = f"SELECT ev.id {base}"

    def people(role: str):
        return db.execute(f"""SELECT p.entity_id, count(DISTINCT p.event_id) FROM event_participants p
                              WHERE p.role = '{role}' AND p.event_id IN ({ids}) GROUP BY 1""", args)

    total = db.execute(f"SELECT count(*) {base}", args).fetchone()[0]
    return {"total": int(total), "through": None, "groups": [
        _group("language", "language", _values(db.execute(f"SELECT d.language, count(*) {base} GROUP BY 1", args))),
        _group("site", None, _values(db.execute(f"SELECT d.site, count(*) {base} GROUP BY 1", args), FACET_VALUES)),
        _group("type", "type", _values(db.execute(f"SELECT ev.type, count(*) {base} GROUP BY 1", args))),
        _group("actor", "actor", _entity_values(db, people("actor"))),
        _group("recipient", "recipient", _entity_values(db, people("recipient"))),
        _group("speaker", "speaker", _entity_values(db, db.execute(
            f"SELECT ev.source, count(*) {base} AND ev.source IS NOT NULL GROUP BY 1", args))),
        _group("place", "place", _entity_values(db, db.execute(
            f"SELECT ev.location, count(*) {base} AND ev.location IS NOT NULL GROUP BY 1", args)))]}


def quote_facets(db, *, speaker: str | None = None, about: str | None = None) -> dict[str, Any]:
    """The quotes a filtered quotes list holds (reprints left out), counted by language, site,
    speaker and the entities named inside them: the rule of ``quotes(about=...)``, a mention
    within the quote's words."""
    where, args = [f"q.doc_id NOT IN {queries._REPRINT_IDS}"], []
    if speaker:
        marks, vals = queries._refs(db, speaker)
        where.append(f"q.speaker IN {marks}")
        args += vals
    if about:
        marks, vals = queries._refs(db, about)
        where.append(f"q.id IN (SELECT a.quote_id FROM quote_about a WHERE a.entity_id IN {marks})")
        args += vals
    base = f"FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE {' AND '.join(where)}"
    total = db.execute(f"SELECT count(*) {base}", args).fetchone()[0]
    named = db.execute(
        f"""SELECT m.entity_id, count(DISTINCT q.id) FROM quotes q JOIN documents d ON d.id = q.doc_id
            JOIN mentions m ON m.doc_id = q.doc_id AND m.start >= q.content_start AND m."end" <= q.content_end
            WHERE {' AND '.join(where)} GROUP BY 1""", args)
    return {"total": int(total), "through": None, "groups": [
        _group("language", None, _values(db.execute(f"SELECT d.language, count(*) {base} GROUP BY 1", args))),
        _group("site", None, _values(db.execute(f"SELECT d.site, count(*) {base} GROUP BY 1", args), FACET_VALUES)),
        _group("speaker", "speaker", _entity_values(db, db.execute(
            f"SELECT q.speaker, count(*) {base} AND q.speaker IS NOT NULL GROUP BY 1", args))),
        _group("entity", "about", _entity_values(db, named))]}


# -- a search narrowed by its facets -----------------------------------------------------------------

def filtered_search(store, q: str, *, limit: int = 20, offset: int = 0, include_duplicates: bool = False,
                    expand: bool = True, **filters: str | None) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """:func:`.expansion.expanded_search` narrowed by facet filters (language, site, entity, type):
    the text matches in the order the search ranks them (bm25 in SQLite; title matches first, newest
    first, in PostgreSQL), then on the first page the stories of the entity the query names. The
    narrowing is inside the ranking query, so a page is still read off the full-text index."""
    db = store.db
    where, args = conditions(db, "documents", copies=include_duplicates, **filters)
    narrow = " AND ".join(where) or "1 = 1"
    hits: list[dict[str, Any]] = []
    rows = _ranked(db, q, narrow, args, limit=limit, offset=offset, include_duplicates=include_duplicates)
    terms = queries._query_terms(q)
    for r in rows:
        text, marks = queries.snippet(queries._snippet_source(db, r["id"]), terms)
        hits.append({"id": r["id"], "title": r["title"], "language": r["language"], "published": r["published"],
                     "source": r["src"], "snippet": text, "highlights": marks, "reprints": r["reprints"],
                     "via": None})
    through = _through(db, q, expand) if offset == 0 else None
    if through:
        seen = {h["id"] for h in hits}
        dated = dialect.of(db).nulls_last
        for r in db.execute(
                f"""SELECT d.id, d.title, d.language, d.published, coalesce(d.source_url, d.source_path) AS src,
                           (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints
                    FROM documents d WHERE d.id IN (SELECT s.story_id FROM entity_stories s WHERE s.entity_id = ?)
                      AND {narrow} ORDER BY d.published DESC{dated}, d.id LIMIT ?""",
                [through["id"], *args, limit + len(seen)]):
            if r["id"] not in seen and len(hits) - len(rows) < limit:
                hits.append({"id": r["id"], "title": r["title"], "language": r["language"],
                             "published": r["published"], "source": r["src"], "snippet": "", "highlights": [],
                             "reprints": r["reprints"], "via": through["id"]})
    if hits:
        marks, vals = queries._in([h["id"] for h in hits])
        sites = dict(db.execute(f"SELECT id, site FROM documents WHERE id IN {marks}", vals).fetchall())
        for h in hits:
            h["site"] = sites.get(h["id"])
    return hits, through


def _ranked(db, q: str, narrow: str, args: list[Any], *, limit: int, offset: int,
            include_duplicates: bool) -> list:
    dup = "" if include_duplicates else f"AND {queries._NOT_REPRINT}"
    cols = """d.id, d.title, d.language, d.published, coalesce(d.source_url, d.source_path) AS src,
              (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints"""
    if dialect.of(db).name == "sqlite":
        match = queries._fts_query(q)
        if not match:
            return []
        return db.execute(
            f"""SELECT {cols} FROM (
                    SELECT documents_fts.rowid AS rid, bm25(documents_fts, 5.0, 1.0, 1.0) AS rank FROM documents_fts
                    JOIN documents d ON d.rowid = documents_fts.rowid
                    WHERE documents_fts MATCH ? {dup} AND {narrow} ORDER BY rank, rid LIMIT ? OFFSET ?) f
                JOIN documents d ON d.rowid = f.rid ORDER BY f.rank, f.rid""",
            [match, *args, limit, offset]).fetchall()
    match = dialect.ts_query(queries._query_terms(q))
    if not match:
        return []
    wanted = limit + offset
    page = (f"SELECT f.doc_id FROM documents_fts f JOIN documents d ON d.id = f.doc_id "
            f"WHERE f.{{col}} @@ to_tsquery('simple', ?) {dup} AND {narrow} ORDER BY f.seq DESC LIMIT ?")
    ids = [r[0] for r in db.execute(page.format(col="title_fts"), [match, *args, wanted])]
    if len(ids) < wanted:
        titled = set(ids)
        ids += [r[0] for r in db.execute(page.format(col="fts"), [match, *args, wanted + len(titled)])
                if r[0] not in titled]
    ids = ids[offset:wanted]
    if not ids:
        return []
    marks, vals = queries._in(ids)
    rows = {r["id"]: r for r in db.execute(f"SELECT {cols} FROM documents d WHERE d.id IN {marks}", vals)}
    return [rows[i] for i in ids]
