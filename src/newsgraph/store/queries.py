"""Questions an analyst asks of the store: who, said what, did what to whom.

Every answer carries its evidence: the document id and the offsets and text of
the sentence or quote it comes from. Entity references accept an id or any
alias in any language and any inflected form ("Шольцом", "Scholz").
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..analysis import morphology
from ..model import ARTICLE_KINDS, Document

_SLICE = "substr(d.text, {s} + 1, {e} - {s})"


def _rows(cur) -> list[dict[str, Any]]:
    return [dict(r) for r in cur]


def resolve(db: sqlite3.Connection, ref: str) -> list[str]:
    """Entity ids an id, a name or an alias (any inflection) refers to."""
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (ref,)).fetchone():
        return [ref]
    forms = {ref, ref.casefold()}
    words = morphology.WORD.findall(ref)
    if len(words) == 1:
        forms |= morphology.query_forms(words[0])
    # SQLite's NOCASE and lower() fold ASCII only: add the usual Cyrillic casings explicitly
    forms |= {v for f in list(forms) for v in (f.title(), f.upper(), f[:1].upper() + f[1:])}
    marks = ",".join("?" * len(forms))
    rows = db.execute(
        f"SELECT DISTINCT entity_id FROM aliases WHERE alias IN ({marks}) COLLATE NOCASE "
        f"OR lower(alias) IN ({marks})", [*forms, *[f.lower() for f in forms]]).fetchall()
    if not rows:  # fall back to a lemma match on the entity names
        rows = db.execute("SELECT DISTINCT entity_id FROM aliases WHERE alias LIKE ? COLLATE NOCASE",
                          (f"%{ref}%",)).fetchall()
    return [r[0] for r in rows]


def _in(ids: list[str]) -> tuple[str, list[str]]:
    return "(" + ",".join("?" * len(ids)) + ")", ids


def _refs(db, ref: str) -> tuple[str, list[str]]:
    """SQL placeholders and values for the entities a reference names (none: matches nothing)."""
    return _in(resolve(db, ref) or [""])


def entities(db, *, type: str | None = None, q: str | None = None, limit: int = 50,
             offset: int = 0) -> list[dict[str, Any]]:
    where, args = [], []
    if type:
        where.append("e.type = ?")
        args.append(type.upper())
    if q:
        ids = resolve(db, q)
        if not ids:
            return []
        marks, vals = _in(ids)
        where.append(f"e.id IN {marks}")
        args += vals
    sql = f"""SELECT e.id, e.type, e.name, e.names, count(m.entity_id) AS mentions,
                     count(DISTINCT m.doc_id) AS documents
              FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
              {"WHERE " + " AND ".join(where) if where else ""}
              GROUP BY e.id ORDER BY documents DESC, mentions DESC, e.name, e.id LIMIT ? OFFSET ?"""
    out = _rows(db.execute(sql, [*args, limit, offset]))
    for r in out:
        r["names"] = json.loads(r["names"] or "{}")
    return out


def entity(db, entity_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    out["names"] = json.loads(out["names"] or "{}")
    out["aliases"] = [r[0] for r in db.execute(
        "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
    out["roles"] = _rows(db.execute(
        """SELECT DISTINCT r.title, r.org_id AS org, o.name AS org_name FROM roles r
           LEFT JOIN entities o ON o.id = r.org_id WHERE r.entity_id = ?""", (entity_id,)))
    out["mentions"] = _rows(db.execute(
        f"""SELECT m.doc_id, m.start, m."end", m.text, m.kind, d.title FROM mentions m
            JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? ORDER BY m.doc_id, m.start
            LIMIT 200""", (entity_id,)))  # index order: an entity may have 100 000 mentions
    out["quotes_by"] = quotes(db, speaker=entity_id)
    out["quotes_about"] = quotes(db, about=entity_id, newest_first=True, limit=50)
    out["events_as_actor"] = events(db, actor=entity_id)
    out["events_as_recipient"] = events(db, recipient=entity_id)
    return out


def quotes(db, *, speaker: str | None = None, about: str | None = None, doc_id: str | None = None,
           limit: int = 100, offset: int = 0, newest_first: bool = False) -> list[dict[str, Any]]:
    """Quotes in publication order; ``newest_first`` walks the quotes table backwards
    instead, which stops after ``limit`` matches (entity pages of very common entities)."""
    where, args = [], []
    if doc_id:
        where.append("q.doc_id = ?")
        args.append(doc_id)
    if speaker:
        marks, vals = _refs(db, speaker)
        where.append(f"q.speaker IN {marks}")
        args += vals
    if about:
        marks, vals = _refs(db, about)
        where.append(f"""EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = q.doc_id AND m.entity_id IN {marks}
                          AND m.start >= q.content_start AND m."end" <= q.content_end)""")
        args += vals
    sql = f"""SELECT q.id, q.doc_id, q.kind, q.speaker, s.name AS speaker_name, q.speaker_text,
                     q.content_start, q.content_end, {_SLICE.format(s="q.content_start", e="q.content_end")} AS content,
                     {_SLICE.format(s="q.cue_start", e="q.cue_end")} AS cue, q.cue_start, q.cue_end,
                     q.confidence, d.published, d.title, d.language
              FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN entities s ON s.id = q.speaker
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY {"q.id DESC" if newest_first else "d.published, q.doc_id, q.content_start, q.id"}
              LIMIT ? OFFSET ?"""
    return _rows(db.execute(sql, [*args, limit, offset]))


def _participants(db, event_ids: list[int]) -> dict[int, dict[str, list[dict[str, str]]]]:
    out: dict[int, dict[str, list[dict[str, str]]]] = {i: {"actors": [], "recipients": []} for i in event_ids}
    if not event_ids:
        return out
    marks, vals = _in([str(i) for i in event_ids])
    for r in db.execute(f"""SELECT p.event_id, p.role, e.id, e.name FROM event_participants p
                            JOIN entities e ON e.id = p.entity_id WHERE p.event_id IN {marks}""", vals):
        out[r[0]]["actors" if r[1] == "actor" else "recipients"].append({"id": r[2], "name": r[3]})
    return out


def events(db, *, type: str | None = None, actor: str | None = None, recipient: str | None = None,
           since: str | None = None, until: str | None = None, source: str | None = None,
           language: str | None = None, doc_id: str | None = None, limit: int = 100,
           offset: int = 0) -> list[dict[str, Any]]:
    """Events, filtered; ``type`` may list several PLOVER types ("AID,COOPERATE"), ``source`` is the
    speaker an event is attributed to, ``since``/``until`` bound the event date (else publication)."""
    where, args = [], []
    if type:
        types = _types(type)
        where.append(f"ev.type IN {_in(types)[0]}")
        args += types
    if doc_id:
        where.append("ev.doc_id = ?")
        args.append(doc_id)
    if language:
        where.append("d.language = ?")
        args.append(language)
    if source:
        marks, vals = _refs(db, source)
        where.append(f"ev.source IN {marks}")
        args += vals
    for role, ref in (("actor", actor), ("recipient", recipient)):
        if ref:
            marks, vals = _refs(db, ref)
            where.append(f"""EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = ev.id
                              AND p.role = '{role}' AND p.entity_id IN {marks})""")
            args += vals
    if since:
        where.append("coalesce(ev.date, d.published, d.ingested_at) >= ?")
        args.append(since)
    if until:
        where.append("substr(coalesce(ev.date, d.published, d.ingested_at), 1, ?) <= ?")
        args += [len(until), until]
    sql = f"""SELECT ev.id, ev.doc_id, ev.type, ev.mode, ev.factuality, ev.source, ev.date,
                     ev.amount_value, ev.amount_unit, ev.confidence, ev.evidence_start, ev.evidence_end,
                     {_SLICE.format(s="ev.evidence_start", e="ev.evidence_end")} AS evidence,
                     {_SLICE.format(s="ev.trigger_start", e="ev.trigger_end")} AS trigger,
                     ev.trigger_start, ev.trigger_end, src.name AS source_name, d.published, d.title, d.language
              FROM events ev JOIN documents d ON d.id = ev.doc_id LEFT JOIN entities src ON src.id = ev.source
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY coalesce(ev.date, d.published), ev.doc_id, ev.evidence_start, ev.id LIMIT ? OFFSET ?"""
    rows = _rows(db.execute(sql, [*args, limit, offset]))
    people = _participants(db, [r["id"] for r in rows])
    for r in rows:
        r.update(people[r["id"]])
    return rows


_WINDOWS = {"day": 10, "month": 7, "year": 4}


def graph(db, *, type: str | None = None, since: str | None = None, until: str | None = None,
          evidence: int = 3, window: str | None = None, entity: str | None = None,
          language: str | None = None, include_duplicates: bool = True) -> dict[str, Any]:
    """Actor → recipient edges aggregated by event type (and by time window: day, month or year,
    on the event date, else the publication date), each with its count and evidence.
    ``type`` may list several types ("AID,COOPERATE"); ``entity`` keeps the edges touching it."""
    where, args = ["a.role = 'actor'", "r.role = 'recipient'"], []
    if not include_duplicates:  # a story reprinted by four sites is one piece of evidence, not four
        where.append("d.duplicate_of IS NULL")
    if type:
        types = _types(type)
        where.append(f"ev.type IN {_in(types)[0]}")
        args += types
    if language:
        where.append("d.language = ?")
        args.append(language)
    if entity:
        marks, vals = _refs(db, entity)
        where.append(f"(a.entity_id IN {marks} OR r.entity_id IN {marks})")
        args += vals + vals
    if since:
        where.append("coalesce(ev.date, d.published, d.ingested_at) >= ?")
        args.append(since)
    if until:
        where.append("substr(coalesce(ev.date, d.published, d.ingested_at), 1, ?) <= ?")
        args += [len(until), until]
    rows = db.execute(
        f"""SELECT a.entity_id AS source, r.entity_id AS target, ev.type, ev.doc_id, ev.id AS event_id,
                   {_SLICE.format(s="ev.evidence_start", e="ev.evidence_end")} AS evidence,
                   ev.evidence_start, ev.evidence_end, ev.factuality, ev.mode, ev.amount_value, ev.amount_unit,
                   coalesce(ev.date, d.published) AS date, d.title
            FROM events ev JOIN documents d ON d.id = ev.doc_id
            JOIN event_participants a ON a.event_id = ev.id JOIN event_participants r ON r.event_id = ev.id
            WHERE {" AND ".join(where)} ORDER BY ev.doc_id, ev.evidence_start, ev.id""", args).fetchall()
    cut = _WINDOWS.get(window or "")
    edges: dict[tuple[str, str, str, str | None], dict[str, Any]] = {}
    for r in rows:
        period = (r["date"] or "")[:cut] or None if cut else None
        edge = edges.setdefault((r["source"], r["target"], r["type"], period),
                                {"source": r["source"], "target": r["target"], "type": r["type"],
                                 **({"window": period} if cut else {}), "count": 0, "evidence": []})
        edge["count"] += 1
        if len(edge["evidence"]) < evidence:
            edge["evidence"].append({"doc_id": r["doc_id"], "event_id": r["event_id"], "title": r["title"],
                                     "start": r["evidence_start"], "end": r["evidence_end"],
                                     "text": r["evidence"], "factuality": r["factuality"], "mode": r["mode"],
                                     "amount": ({"value": r["amount_value"], "unit": r["amount_unit"]}
                                                if r["amount_value"] is not None else None),
                                     "date": r["date"]})
    ids = sorted({e["source"] for e in edges.values()} | {e["target"] for e in edges.values()})
    nodes = entities_by_id(db, ids)
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: (-e["count"], e["type"], e["source"],
                                                                           e["target"], e.get("window") or ""))}


def _types(type: str) -> list[str]:
    return [t.strip().upper() for t in type.split(",") if t.strip()] or [""]


_NOT_REPRINT = "d.rowid NOT IN (SELECT rowid FROM documents WHERE duplicate_of IS NOT NULL)"


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    language: str | None
    published: str | None
    source: str | None
    #: the article words around the first match
    snippet: str
    #: (start, end) of each matched word inside ``snippet``
    highlights: list[tuple[int, int]]
    reprints: int


def _query_terms(query: str) -> list[set[str]]:
    return [morphology.query_forms(w) for w in morphology.WORD.findall(query)]


def _fts_query(query: str) -> str:
    """Every query word must match, as itself or as any of its lemmas."""
    groups = []
    for forms in _query_terms(query):
        groups.append("(" + " OR ".join('"' + f.replace('"', '""') + '"' for f in sorted(forms)) + ")")
    return " AND ".join(groups)


def snippet(doc: Document | None, terms: list[set[str]], width: int = 12) -> tuple[str, list[tuple[int, int]]]:
    """The article words around the first match, and where the matches are in it."""
    if doc is None:
        return "", []
    wanted = set().union(*terms) if terms else set()
    # the body shows context the title line (printed anyway) does not
    ordered = sorted((s for s in doc.segments if s.kind in ARTICLE_KINDS), key=lambda s: s.kind == "title")
    for seg in ordered:
        text = doc.text[seg.start : seg.end]
        words = list(morphology.WORD.finditer(text))
        lang = seg.language or doc.language
        hits = [i for i, m in enumerate(words)
                if m.group().lower() in wanted or morphology.lemma(m.group(), lang) in wanted]
        if not hits:
            continue
        lo, hi = max(hits[0] - width, 0), min(hits[0] + width, len(words) - 1)
        start = words[lo].start()
        end = len(text) if hi == len(words) - 1 else words[hi].end()
        prefix, suffix = ("…" if lo else ""), ("…" if end < len(text) else "")
        shift = len(prefix) - start
        marks = [(words[i].start() + shift, words[i].end() + shift) for i in hits if lo <= i <= hi]
        return prefix + text[start:end] + suffix, marks
    return (doc.lead or doc.title or "")[: width * 12], []


def search(store, query: str, *, limit: int = 20, offset: int = 0, include_duplicates: bool = False) -> list[SearchHit]:
    """``Store.search`` with an offset, ranking inside the full-text index first so that only the page
    of documents shown is read (a common word matches most of a large store). ``store`` is a
    :class:`newsgraph.store.Store` (its ``db`` and ``get``)."""
    match = _fts_query(query)
    if not match:
        return []
    dup = "" if include_duplicates else "AND rowid NOT IN (SELECT rowid FROM documents WHERE duplicate_of IS NOT NULL)"
    rows = store.db.execute(
        f"""SELECT d.id, d.title, d.language, d.published, coalesce(d.source_url, d.source_path) AS src,
                   (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints
            FROM (SELECT rowid, bm25(documents_fts, 5.0, 1.0, 1.0) AS rank FROM documents_fts
                  WHERE documents_fts MATCH ? {dup} ORDER BY rank, rowid LIMIT ? OFFSET ?) f
            JOIN documents d ON d.rowid = f.rowid ORDER BY f.rank, f.rowid""",
        (match, limit, offset)).fetchall()
    terms = _query_terms(query)
    return [SearchHit(r["id"], r["title"], r["language"], r["published"], r["src"],
                      *snippet(store.get(r["id"]), terms), r["reprints"]) for r in rows]


def documents(db, *, language: str | None = None, include_duplicates: bool = False, limit: int = 50,
              offset: int = 0) -> dict[str, Any]:
    """Stored documents, newest publication first (undated last), then by id: a stable order for paging."""
    where, args = [], []
    if not include_duplicates:
        where.append("d.duplicate_of IS NULL")
    if language:
        where.append("d.language = ?")
        args.append(language)
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    total = db.execute(f"SELECT count(*) FROM documents d {cond}", args).fetchone()[0]
    # "not a reprint" through the small duplicate_of index, and the order through the published index
    # (NULLs sort last in DESC), so that paging never reads the rows it skips (their text is large)
    fast = [w.replace("d.duplicate_of IS NULL", _NOT_REPRINT) for w in where]
    items = _rows(db.execute(
        f"""SELECT d.id, d.title, d.lead, d.language, d.published, d.site, d.source_url AS url,
                   d.source_path AS path, d.source_format AS format, d.duplicate_of, d.ingested_at,
                   (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints
            FROM documents d {("WHERE " + " AND ".join(fast)) if fast else ""}
            ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?""", [*args, limit, offset]))
    return {"total": total, "items": items}


def mentions(db, doc_id: str) -> list[dict[str, Any]]:
    """Every entity mention in one document, in text order, with the entity it refers to."""
    out = _rows(db.execute(
        """SELECT m.start, m."end", m.text, m.lemma, m.kind, e.id AS entity_id, e.type, e.name, e.names
           FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ?
           ORDER BY m.start, m."end" DESC, e.id""", (doc_id,)))
    for r in out:
        r["names"] = json.loads(r["names"] or "{}")
    return out


def neighbours(db, entity_id: str, *, limit: int = 30) -> list[dict[str, Any]]:
    """Entities linked to one by events (either direction) and by appearing in the same documents."""
    linked = {r["id"]: dict(r) for r in db.execute(
        """SELECT o.entity_id AS id, count(DISTINCT p.event_id) AS events,
                  group_concat(DISTINCT ev.type) AS types
           FROM event_participants p JOIN event_participants o ON o.event_id = p.event_id AND o.role != p.role
           JOIN events ev ON ev.id = p.event_id
           WHERE p.entity_id = ? AND o.entity_id != p.entity_id GROUP BY o.entity_id
           ORDER BY events DESC, o.entity_id LIMIT ?""", (entity_id, limit))}
    for r in db.execute(
        """SELECT m2.entity_id AS id, count(DISTINCT m2.doc_id) AS documents
           FROM (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ? LIMIT 500) m1
           JOIN mentions m2 ON m2.doc_id = m1.doc_id
           WHERE m2.entity_id != ? GROUP BY m2.entity_id ORDER BY documents DESC, m2.entity_id LIMIT ?""",
            (entity_id, entity_id, limit)):
        linked.setdefault(r["id"], {"id": r["id"], "events": 0, "types": None})["documents"] = r["documents"]
    info = {e["id"]: e for e in entities_by_id(db, list(linked))}
    out = []
    for eid, r in linked.items():
        if eid in info:
            out.append({**info[eid], "events": r["events"], "types": sorted((r["types"] or "").split(",") if r["types"] else []),
                        "documents": r.get("documents", 0)})
    return sorted(out, key=lambda r: (-r["events"], -r["documents"], r["name"], r["id"]))


def entities_by_id(db, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks, vals = _in(ids)
    out = _rows(db.execute(f"SELECT id, type, name, names FROM entities WHERE id IN {marks} ORDER BY name", vals))
    for r in out:
        r["names"] = json.loads(r["names"] or "{}")
    return out


def stats(db) -> dict[str, Any]:
    """What the store holds: counts, languages, event types, the date span."""
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents WHERE duplicate_of IS NULL"),
        "reprints": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "entities": one("SELECT count(*) FROM entities"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "languages": {r[0] or "?": r[1] for r in db.execute(
            "SELECT language, count(*) FROM documents WHERE duplicate_of IS NULL GROUP BY language ORDER BY 2 DESC")},
        "event_types": {r[0]: r[1] for r in db.execute(
            "SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")},
        "published": dict(zip(("first", "last"), db.execute(
            "SELECT min(published), max(published) FROM documents").fetchone())),
    }
