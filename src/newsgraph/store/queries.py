"""Questions an analyst asks of the store: who, said what, did what to whom.

Every answer carries its evidence: the document id and the offsets and text of
the sentence or quote it comes from. Entity references accept an id or any
alias in any language and any inflected form ("Шольцом", "Scholz").
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from ..analysis import morphology
from ..model import ARTICLE_KINDS, Document, Segment
from . import dialect
from .filters import _REPRINT_IDS, _in, _types, where as conditions

_SLICE = "substr(d.text, {s} + 1, {e} - {s})"


def _slice(db, s: str, e: str) -> str:
    """The document's text from offset ``s`` to ``e`` (``_SLICE`` in the connection's dialect)."""
    return dialect.of(db).text_slice("d.text", s, e)


def _rows(cur) -> list[dict[str, Any]]:
    return [dict(r) for r in cur]


def resolve(db: sqlite3.Connection, ref: str) -> list[str]:
    """Entity ids an id, a name or an alias (any inflection, any of uk/ru/en) refers to;
    the rules live in :mod:`newsgraph.store.lookup`, which also says what was meant
    when nothing or several entities match."""
    from .lookup import resolve as _resolve

    return _resolve(db, ref)


def _refs(db, ref: str) -> tuple[str, list[str]]:
    """SQL placeholders and values for the entities a reference names (none: matches nothing)."""
    return _in(resolve(db, ref) or [""])


#: The mentions that count, a reprint group once: those of the story's first document that names
#: the entity, which is the canonical one unless only a copy does (a site added a line). The store
#: keeps the document each (entity, story) counts and the totals as mentions are written
#: (``entity_stories``, ``entities.mention_count`` and ``story_count``: migration 0005); this is
#: the same rule over the mentions themselves, for :func:`recount`, which checks them.
_COUNTED = """(m.doc_id NOT IN (SELECT id FROM documents WHERE duplicate_of IS NOT NULL)
      OR NOT EXISTS (SELECT 1 FROM documents r JOIN documents o ON o.id = r.duplicate_of
                       OR (o.duplicate_of = r.duplicate_of AND o.rowid < r.rowid)
                     JOIN mentions m2 ON m2.doc_id = o.id AND m2.entity_id = m.entity_id
                     WHERE r.id = m.doc_id))"""


def recount(db) -> dict[str, tuple[int, int]]:
    """``{entity id: (mentions, stories)}`` counted from scratch over every mention, for each entity
    some story names: what the kept counts must equal (too slow to answer requests with)."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        f"""SELECT m.entity_id, count(*), count(DISTINCT m.doc_id) FROM mentions m
            WHERE {_COUNTED} GROUP BY m.entity_id""")}


def story_counts(db, entity_id: str) -> dict[str, int]:
    """``{"mentions", "documents"}`` of one entity as :func:`entities` counts them."""
    row = db.execute("SELECT mention_count, story_count FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return {"mentions": row[0] if row else 0, "documents": row[1] if row else 0}


def _titles(db, doc_ids) -> dict[str, str | None]:
    ids = list(dict.fromkeys(doc_ids))
    out: dict[str, str | None] = {}
    for k in range(0, len(ids), 500):
        marks, vals = _in(ids[k:k + 500])
        out.update(db.execute(f"SELECT id, title FROM documents WHERE id IN {marks}", vals).fetchall())
    return out


def _copies(db, doc_ids) -> dict[str, list[dict[str, Any]]]:
    """The reprints of each document, as sources to show beside the story ("and 3 reprints: site, site")."""
    ids = list(dict.fromkeys(i for i in doc_ids if i))
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for k in range(0, len(ids), 500):
        marks, vals = _in(ids[k:k + 500])
        for r in db.execute(f"""SELECT duplicate_of, id, site, source_url AS url, source_path AS path, published
                                FROM documents WHERE duplicate_of IN {marks} ORDER BY rowid""", vals):
            out[r["duplicate_of"]].append({"id": r["id"], "site": r["site"], "url": r["url"], "path": r["path"],
                                           "published": r["published"]})
    return out


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
    # the order of the entities_by_stories index: a page is read off it, nothing is sorted
    sql = f"""SELECT e.id, e.type, e.name, e.names, e.mention_count AS mentions, e.story_count AS documents
              FROM entities e {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY e.story_count DESC, e.mention_count DESC, e.name, e.id LIMIT ? OFFSET ?"""
    out = _rows(db.execute(sql, [*args, limit, offset]))
    for r in out:
        r["names"] = json.loads(r["names"] or "{}")
    return out


def entity(db, entity_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT id, type, name, names FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    out["names"] = json.loads(out["names"] or "{}")
    # pronouns and role nouns ("Він", "посол") refer to the entity in one sentence: references, not names
    refs = {r[0] for r in db.execute(
        """SELECT text FROM mentions WHERE entity_id = ? AND kind != 'name'
           UNION SELECT lemma FROM mentions WHERE entity_id = ? AND kind != 'name'""", (entity_id, entity_id))}
    from .lookup import pronouns

    everything = [r[0] for r in db.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
    out["aliases"] = [a for a in everything if a not in refs and a.lower() not in pronouns()]
    out["references"] = [a for a in everything if a not in out["aliases"]]
    if dialect.of(db).name == "sqlite":
        roles = """SELECT DISTINCT r.title, r.org_id AS org, o.name AS org_name FROM roles r
                   LEFT JOIN entities o ON o.id = r.org_id WHERE r.entity_id = ?"""
    else:  # SQLite's DISTINCT keeps the rows' order: the first of each, in the order they were stored
        roles = """SELECT r.title, r.org_id AS org, o.name AS org_name FROM roles r
                   LEFT JOIN entities o ON o.id = r.org_id WHERE r.entity_id = ?
                   GROUP BY r.title, r.org_id, o.name ORDER BY min(r.seq)"""
    out["roles"] = _rows(db.execute(roles, (entity_id,)))
    # one document per story, the one story_counts counts; in the index's order, which stops after
    # the page (an entity may have 100 000 mentions: joining first and sorting them all took 10 ms
    # on 5 000 documents), and the titles of the page's documents once each
    out["mentions"] = _rows(db.execute(
        """SELECT m.doc_id, m.start, m."end", m.text, m.kind FROM mentions m INDEXED BY mentions_entity
           WHERE m.entity_id = ? AND EXISTS (SELECT 1 FROM entity_stories s
                                             WHERE s.entity_id = m.entity_id AND s.doc_id = m.doc_id)
           ORDER BY m.doc_id, m.start LIMIT 200""", (entity_id,)))
    titles = _titles(db, [m["doc_id"] for m in out["mentions"]])
    for m in out["mentions"]:
        m["title"] = titles.get(m["doc_id"])
    counts = story_counts(db, entity_id)
    out["mention_count"], out["documents"] = counts["mentions"], counts["documents"]
    out["quotes_by"] = quotes(db, speaker=entity_id)
    out["quotes_about"] = quotes(db, about=entity_id, newest_first=True, limit=50)
    out["events_as_actor"] = events(db, actor=entity_id)
    out["events_as_recipient"] = events(db, recipient=entity_id)
    return out


def quotes(db, *, speaker: str | None = None, about: str | None = None, doc_id: str | None = None,
           limit: int = 100, offset: int = 0, newest_first: bool = False,
           include_duplicates: bool = False) -> list[dict[str, Any]]:
    """Quotes in publication order; ``newest_first`` walks the quotes table backwards
    instead, which stops after ``limit`` matches (entity pages of very common entities).
    A story's reprints carry its quotes again: only the story's own document is listed
    (unless ``include_duplicates`` or ``doc_id``), with the copies in ``reprints``."""
    where, args = [], []
    if doc_id:
        where.append("q.doc_id = ?")
        args.append(doc_id)
    elif not include_duplicates:
        where.append("d.duplicate_of IS NULL")
    if speaker:
        marks, vals = _refs(db, speaker)
        where.append(f"q.speaker IN {marks}")
        args += vals
    if about:
        marks, vals = _refs(db, about)
        # both stores keep, for each quote, the entities mentioned inside it (quote_about, filled
        # as the quote is written): walking every quote until a page matched read the whole
        # quotes table for an entity quotes rarely name
        where.append(f"q.id IN (SELECT a.quote_id FROM quote_about a WHERE a.entity_id IN {marks})")
        args += vals
    nf = dialect.of(db).nulls_first
    order = "q.id DESC" if newest_first else f"q.published{nf}, q.doc_id, q.content_start, q.id"
    sql = f"""SELECT q.id, q.doc_id, q.kind, q.speaker, s.name AS speaker_name, q.speaker_text,
                     q.content_start, q.content_end, {_slice(db, "q.content_start", "q.content_end")} AS content,
                     {_slice(db, "q.cue_start", "q.cue_end")} AS cue, q.cue_start, q.cue_end,
                     q.confidence, d.published, d.title, d.language, d.site, d.source_url AS url
              FROM ({_page_of("q.id", "quotes q", where, order)}) page
              JOIN quotes q ON q.id = page.id JOIN documents d ON d.id = q.doc_id
              LEFT JOIN entities s ON s.id = q.speaker ORDER BY {order}"""
    rows = _rows(db.execute(sql, [*args, limit, offset]))
    copies = _copies(db, [r["doc_id"] for r in rows])
    for r in rows:
        r["reprints"] = copies[r["doc_id"]]
    return rows


#: the order of the events_order index (ev.published is the document's date)
_EVENT_ORDER = "coalesce(ev.date, ev.published), ev.doc_id, ev.evidence_start, ev.id"


def _event_order(db) -> str:
    nf = dialect.of(db).nulls_first
    return f"coalesce(ev.date, ev.published){nf}, ev.doc_id, ev.evidence_start{nf}, ev.id"


def _page_of(key: str, table: str, where: list[str], order: str) -> str:
    """The ids of one page (two placeholders: limit, offset), chosen before any text is sliced:
    SQLite computes every result column of every matching row before it sorts, so slicing the
    evidence out of each document's text in the same query read the text of all the matching
    rows (an events page at offset 1000 took 2-3 times longer). The documents are joined only for
    a filter that needs them (language, dates): the order is the row's own, off its index, and
    "not a reprint" is asked of the small index of reprints (``duplicate_of`` is stored after the
    text, so reading it from each row walks the text's overflow pages)."""
    doc = key.split(".")[0] + ".doc_id"
    where = [w.replace("d.duplicate_of IS NULL", f"{doc} NOT IN {_REPRINT_IDS}") for w in where]
    if any(re.search(r"\bd\.", w) for w in [*where, order]):
        table += f" JOIN documents d ON d.id = {doc}"
    return (f"SELECT {key} AS id FROM {table} {'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY {order} LIMIT ? OFFSET ?")


def _participants(db, event_ids: list[int]) -> dict[int, dict[str, list[dict[str, str]]]]:
    out: dict[int, dict[str, list[dict[str, str]]]] = {i: {"actors": [], "recipients": []} for i in event_ids}
    if not event_ids:
        return out
    marks, vals = _in([str(i) for i in event_ids])
    for r in db.execute(f"""SELECT p.event_id, p.role, e.id, e.name FROM event_participants p
                            JOIN entities e ON e.id = p.entity_id WHERE p.event_id IN {marks}
                            ORDER BY p.event_id, p.entity_id, p.role""", vals):
        out[r[0]]["actors" if r[1] == "actor" else "recipients"].append({"id": r[2], "name": r[3]})
    return out


def recipient_phrases(raw: str | None) -> list[dict[str, Any]]:
    """``events.recipient_phrases`` (a JSON array of ``[start, end, words]``, migration 0007) as the
    API gives it: ``[{"start", "end", "text"}]``, the recipients no entity stands for."""
    return [{"start": a, "end": b, "text": text} for a, b, text in json.loads(raw or "[]")]


def _event_rows(db, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of events (each with ``recipient_phrases`` as stored) completed: the actors and the
    recipients, the recipient phrases after them, the story's reprints."""
    people = _participants(db, [r["id"] for r in rows])
    copies = _copies(db, [r["doc_id"] for r in rows])
    for r in rows:
        phrases = recipient_phrases(r.pop("recipient_phrases"))
        r.update(people[r["id"]])
        r["recipient_phrases"] = phrases
        r["reprints"] = copies[r["doc_id"]]
    return rows


def events(db, *, type: str | None = None, actor: str | None = None, recipient: str | None = None,
           since: str | None = None, until: str | None = None, source: str | None = None,
           language: str | None = None, doc_id: str | None = None, place: str | list[str] | None = None,
           limit: int = 100, offset: int = 0, include_duplicates: bool = False,
           kept: bool = True) -> list[dict[str, Any]]:
    """Events, filtered; ``type`` may list several PLOVER types ("AID,COOPERATE"), ``source`` is the
    speaker an event is attributed to, ``place`` where it happened (a reference, or the ids it resolved
    to), ``since``/``until``
    bound the event date (else publication); the conditions are :func:`.filters.where`'s.
    As for quotes, a story's reprints are its ``reprints``, not more events (unless asked).
    An actor's or recipient's events are read off ``entity_events`` (:mod:`.edges`) unless ``kept``
    is False (the same rows, found by walking the events in order)."""
    driver = None  # the entity whose events (entity_events, in list order) a page is read from
    refs = {"actor": actor, "recipient": recipient}
    if kept and not doc_id and not include_duplicates:
        for role, ref in refs.items():
            if ref:
                refs[role] = resolve(db, ref) or [""]  # resolved once; none matches nothing
                if len(refs[role]) == 1 and refs[role][0]:
                    driver = role
                    break
    where, args = conditions(db, "events", type=type, doc_id=doc_id, language=language, source=source,
                             place=place, since=since, until=until,
                             **{role: ref for role, ref in refs.items() if role != driver})
    if driver:
        # one entity's events, off entity_events' index in the list's order (the same key as
        # events_order: the event's date, else its document's), which stops after the page; the
        # events are joined only for a filter of their own
        where += [f"x.entity_id = ? AND x.role = '{driver}'", "x.reprint = 0"]
        args += refs[driver]
        nf = dialect.of(db).nulls_first
        table = "entity_events x" + (" JOIN events ev ON ev.id = x.event_id"
                                     if any(re.search(r"\bev\.", w) for w in where) else "")
        page = _page_of("x.event_id", table, where, f"x.at{nf}, x.doc_id, x.evidence_start{nf}, x.event_id")
    else:
        if not doc_id and not include_duplicates:
            where.append("d.duplicate_of IS NULL")
        page = _page_of("ev.id", "events ev", where, _event_order(db))
    sql = f"""SELECT ev.id, ev.doc_id, ev.type, ev.mode, ev.factuality, ev.source, ev.date,
                     ev.amount_value, ev.amount_unit, ev.confidence, ev.evidence_start, ev.evidence_end,
                     {_slice(db, "ev.evidence_start", "ev.evidence_end")} AS evidence,
                     {_slice(db, "ev.trigger_start", "ev.trigger_end")} AS trigger,
                     ev.trigger_start, ev.trigger_end, src.name AS source_name, d.published, d.title, d.language,
                     d.site, d.source_url AS url, ev.recipient_phrases
              FROM ({page}) page
              JOIN events ev ON ev.id = page.id JOIN documents d ON d.id = ev.doc_id
              LEFT JOIN entities src ON src.id = ev.source ORDER BY {_event_order(db)}"""
    return _event_rows(db, _rows(db.execute(sql, [*args, limit, offset])))


_WINDOWS = {"day": 10, "month": 7, "year": 4}


def graph(db, *, type: str | None = None, since: str | None = None, until: str | None = None,
          evidence: int = 3, window: str | None = None, entity: str | None = None,
          language: str | None = None, include_duplicates: bool = False, limit: int | None = None,
          offset: int = 0, kept: bool = True) -> dict[str, Any]:
    """Actor → recipient edges aggregated by event type (and by time window: day, month or year,
    on the event date, else the publication date), each with its count and evidence, most frequent
    first. ``type`` may list several types ("AID,COOPERATE"); ``entity`` keeps the edges touching it.
    ``limit`` (and ``offset``): one page of the edges in that order, the nodes those of the page,
    and ``total_edges`` how many edges there are in all.

    The edges are read off the kept tables (:mod:`.edges`), unless a filter needs the documents
    (``language``, ``since``, ``until``) or ``kept`` is False: then every matching event is
    aggregated (the same answer, slower on a large store)."""
    if kept and not (language or since or until):
        return _graph_kept(db, type=type, evidence=evidence, window=window, entity=entity,
                           include_duplicates=include_duplicates, limit=limit, offset=offset)
    g = _graph_live(db, type=type, since=since, until=until, evidence=evidence, window=window, entity=entity,
                    language=language, include_duplicates=include_duplicates)
    if limit is None and not offset:
        return g
    total = len(g["edges"])
    g["edges"] = g["edges"][offset:None if limit is None else offset + limit]
    keep = {e["source"] for e in g["edges"]} | {e["target"] for e in g["edges"]}
    g["nodes"] = [n for n in g["nodes"] if n["id"] in keep]
    return {**g, "total_edges": total}


def _graph_kept(db, *, type: str | None, evidence: int, window: str | None, entity: str | None,
                include_duplicates: bool, limit: int | None, offset: int) -> dict[str, Any]:
    """:func:`graph` off ``graph_edges`` (the page of edges, counted) and ``graph_evidence`` (each
    edge's first events, off its key): nothing is aggregated per request, and evidence is read for
    the page's edges only."""
    cut = _WINDOWS.get(window or "")
    count = "g.n_all" if include_duplicates else "g.n"
    where, args = ["g.cut = ?", f"{count} > 0"], [cut or 0]
    if type:
        types = _types(type)
        where.append(f"g.type IN {_in(types)[0]}")
        args += types
    if entity:
        marks, vals = _refs(db, entity)
        where.append(f"(g.source IN {marks} OR g.target IN {marks})")
        args += vals + vals
    cond = " AND ".join(where)
    page = "" if limit is None and not offset else " LIMIT ? OFFSET ?"
    rows = db.execute(
        f"""SELECT g.source, g.target, g.type, g.period, {count} AS n FROM graph_edges g WHERE {cond}
            ORDER BY n DESC, g.type, g.source, g.target, g.period{page}""",
        [*args, *([1 << 62 if limit is None else limit, offset] if page else [])]).fetchall()
    edges = [{"source": r[0], "target": r[1], "type": r[2], **({"window": r[3] or None} if cut else {}),
              "count": r[4], "evidence": []} for r in rows]
    if evidence > 0 and edges:
        _kept_evidence(db, edges, rows, cut or 0, evidence, include_duplicates)
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    out = {"nodes": entities_by_id(db, ids), "edges": edges}
    if page:
        out["total_edges"] = (len(rows) if not offset and (limit is None or len(rows) < limit) else
                              db.execute(f"SELECT count(*) FROM graph_edges g WHERE {cond}", args).fetchone()[0])
    return out


def _kept_evidence(db, edges: list[dict[str, Any]], rows, cut: int, evidence: int, include_duplicates: bool) -> None:
    """The first ``evidence`` events of each edge (document id, evidence offset, event id), off
    ``graph_evidence``'s key: in PostgreSQL one query for all (a lateral join), in SQLite one
    short query per edge (no lateral joins; each is a seek and a few rows)."""
    dup = "" if include_duplicates else " AND x.reprint = 0"
    chosen: list[list[int]] = []
    if dialect.of(db).name == "sqlite":
        sql = (f"SELECT x.event_id FROM graph_evidence x WHERE x.cut = ? AND x.source = ? AND x.target = ? "
               f"AND x.type = ? AND x.period = ?{dup} ORDER BY x.doc_id, x.evidence_start, x.event_id LIMIT ?")
        for r in rows:
            chosen.append([x[0] for x in db.execute(sql, (cut, r[0], r[1], r[2], r[3], evidence))])
    else:
        found: list[list[int]] = [[] for _ in rows]
        for k, event_id in db.execute(
                f"""SELECT e.k, x.event_id
                    FROM unnest(?::ctext[], ?::ctext[], ?::ctext[], ?::ctext[]) WITH ORDINALITY
                         AS e(source, target, type, period, k)
                    CROSS JOIN LATERAL (
                        SELECT x.event_id, x.doc_id, x.evidence_start FROM graph_evidence x
                        WHERE x.cut = ? AND x.source = e.source AND x.target = e.target AND x.type = e.type
                          AND x.period = e.period{dup}
                        ORDER BY x.doc_id, x.evidence_start, x.event_id LIMIT ?) x
                    ORDER BY e.k, x.doc_id, x.evidence_start, x.event_id""",
                ([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows],
                 cut, evidence)):
            found[k - 1].append(event_id)
        chosen = found
    details: dict[int, dict[str, Any]] = {}
    ids = [i for c in chosen for i in c]
    for k in range(0, len(ids), 500):
        marks, vals = _in([str(i) for i in ids[k:k + 500]])
        for r in db.execute(
                f"""SELECT ev.id, ev.doc_id, ev.evidence_start, ev.evidence_end, ev.factuality, ev.mode,
                           ev.amount_value, ev.amount_unit, coalesce(ev.date, d.published) AS date, d.title,
                           {_slice(db, "ev.evidence_start", "ev.evidence_end")} AS text
                    FROM events ev JOIN documents d ON d.id = ev.doc_id WHERE ev.id IN {marks}""", vals):
            details[r["id"]] = dict(r)
    copies = _copies(db, [details[i]["doc_id"] for i in ids])
    for edge, event_ids in zip(edges, chosen):
        for i in event_ids:
            r = details[i]
            edge["evidence"].append({"doc_id": r["doc_id"], "event_id": r["id"], "title": r["title"],
                                     "start": r["evidence_start"], "end": r["evidence_end"], "text": r["text"],
                                     "factuality": r["factuality"], "mode": r["mode"],
                                     "amount": ({"value": r["amount_value"], "unit": r["amount_unit"]}
                                                if r["amount_value"] is not None else None),
                                     "date": r["date"], "reprints": copies[r["doc_id"]]})


def _graph_live(db, *, type: str | None = None, since: str | None = None, until: str | None = None,
                evidence: int = 3, window: str | None = None, entity: str | None = None,
                language: str | None = None, include_duplicates: bool = False) -> dict[str, Any]:
    """:func:`graph` counted from the events themselves."""
    # a story reprinted by four sites is one piece of evidence, not four (``canonical``)
    where, args = conditions(db, "events", type=type, language=language, since=since, until=until,
                             canonical=not include_duplicates)
    where += ["a.role = 'actor'", "r.role = 'recipient'"]
    if entity:
        marks, vals = _refs(db, entity)
        where.append(f"(a.entity_id IN {marks} OR r.entity_id IN {marks})")
        args += vals + vals
    # Edges are counted, and their evidence chosen, in SQL: one Python row per event (8 000 on a
    # 5 000-document store) was half the time. A document row is read per event only when a filter
    # or the time window needs it (most events have no date of their own: the publication date
    # stands in); else only for the evidence kept, as is its text, sliced last (slicing it per
    # event read the whole text of a document, overflow pages, for every one of its events).
    joined = bool(language or since or until)
    cut = _WINDOWS.get(window or "")
    published = "d.published" if joined else "(SELECT published FROM documents WHERE id = ev.doc_id)"
    period = f"nullif(substr(coalesce(ev.date, {published}, ''), 1, {cut}), '')" if cut else "NULL"
    rows = db.execute(
        f"""WITH base AS MATERIALIZED (
                SELECT a.entity_id AS source, r.entity_id AS target, ev.type, ev.id AS event_id, ev.doc_id,
                       ev.evidence_start, {period} AS period
                FROM events ev {"JOIN documents d ON d.id = ev.doc_id" if joined else ""}
                JOIN event_participants a ON a.event_id = ev.id JOIN event_participants r ON r.event_id = ev.id
                WHERE {" AND ".join(where)}),
            counted AS (
                SELECT source, target, type, event_id, period, count(*) OVER edge AS n,
                       row_number() OVER (edge ORDER BY doc_id, evidence_start{dialect.of(db).nulls_first}, event_id) AS k
                FROM base WINDOW edge AS (PARTITION BY source, target, type, period))
            SELECT c.source, c.target, c.type, c.period, c.n, c.k, ev.doc_id, ev.id AS event_id,
                   ev.evidence_start, ev.evidence_end, ev.factuality, ev.mode, ev.amount_value, ev.amount_unit,
                   coalesce(ev.date, d.published) AS date, d.title
            FROM counted c JOIN events ev ON ev.id = c.event_id JOIN documents d ON d.id = ev.doc_id
            WHERE c.k <= ? ORDER BY c.source, c.target, c.type, c.period, c.k""", [*args, max(evidence, 1)])
    edges: dict[tuple[str, str, str, str | None], dict[str, Any]] = {}
    for r in rows:
        edge = edges.setdefault((r["source"], r["target"], r["type"], r["period"]),
                                {"source": r["source"], "target": r["target"], "type": r["type"],
                                 **({"window": r["period"]} if cut else {}), "count": r["n"], "evidence": []})
        if r["k"] <= evidence:
            edge["evidence"].append({"doc_id": r["doc_id"], "event_id": r["event_id"], "title": r["title"],
                                     "start": r["evidence_start"], "end": r["evidence_end"],
                                     "text": None, "factuality": r["factuality"], "mode": r["mode"],
                                     "amount": ({"value": r["amount_value"], "unit": r["amount_unit"]}
                                                if r["amount_value"] is not None else None),
                                     "date": r["date"]})
    _evidence_texts(db, [ev for e in edges.values() for ev in e["evidence"]])
    ids = sorted({e["source"] for e in edges.values()} | {e["target"] for e in edges.values()})
    nodes = entities_by_id(db, ids)
    copies = _copies(db, [ev["doc_id"] for e in edges.values() for ev in e["evidence"]])
    for e in edges.values():
        for ev in e["evidence"]:
            ev["reprints"] = copies[ev["doc_id"]]
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: (-e["count"], e["type"], e["source"],
                                                                           e["target"], e.get("window") or ""))}


def _evidence_texts(db, evidence: list[dict[str, Any]]) -> None:
    """Fill in the ``text`` of each evidence (its sentence), 500 events a query; an event with two
    actors is evidence of two edges."""
    by_event: dict[int, list[dict[str, Any]]] = {}
    for ev in evidence:
        by_event.setdefault(ev["event_id"], []).append(ev)
    ids = list(by_event)
    for k in range(0, len(ids), 500):
        marks, vals = _in([str(i) for i in ids[k:k + 500]])
        for r in db.execute(f"""SELECT ev.id, {_slice(db, "ev.evidence_start", "ev.evidence_end")}
                                FROM events ev JOIN documents d ON d.id = ev.doc_id WHERE ev.id IN {marks}""", vals):
            for ev in by_event[r[0]]:
                ev["text"] = r[1]


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
    if dialect.of(store.db).name != "sqlite":
        rows = _ts_search(store.db, query, limit=limit, offset=offset, include_duplicates=include_duplicates)
        if rows is None:
            return []
    else:
        match = _fts_query(query)
        if not match:
            return []
        rows = _fts5_search(store.db, match, limit=limit, offset=offset, include_duplicates=include_duplicates)
    terms = _query_terms(query)
    return [SearchHit(r["id"], r["title"], r["language"], r["published"], r["src"],
                      *snippet(_snippet_source(store.db, r["id"]), terms), r["reprints"]) for r in rows]


def _fts5_search(db, match: str, *, limit: int, offset: int, include_duplicates: bool) -> list:
    dup = "" if include_duplicates else "AND rowid NOT IN (SELECT rowid FROM documents WHERE duplicate_of IS NOT NULL)"
    return db.execute(
        f"""SELECT d.id, d.title, d.language, d.published, coalesce(d.source_url, d.source_path) AS src,
                   (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints
            FROM (SELECT rowid, bm25(documents_fts, 5.0, 1.0, 1.0) AS rank FROM documents_fts
                  WHERE documents_fts MATCH ? {dup} ORDER BY rank, rowid LIMIT ? OFFSET ?) f
            JOIN documents d ON d.rowid = f.rowid ORDER BY f.rank, f.rowid""",
        (match, limit, offset)).fetchall()


#: matches of a word read off the GIN index and sorted, at most (more: walked newest first)
_FEW = 200


def _ts_search(db, query: str, *, limit: int, offset: int, include_duplicates: bool) -> list | None:
    """PostgreSQL: the documents FTS5 would match (:mod:`.dialect` indexes the words as FTS5 does),
    off the GIN indexes: those whose title matches first, then the others, each newest stored
    first. (bm25 over every match, as FTS5 ranks, reads every matching row: most of a large store
    for a common word; this order reads a page. The same documents match; their order differs
    from SQLite's.) The query is inline, so that the planner sees how many rows it matches: a rare
    word is read off the GIN index, a common one by walking the newest first until a page."""
    match = dialect.ts_query(_query_terms(query))
    if not match:
        return None
    dup = "" if include_duplicates else "AND f.doc_id NOT IN (SELECT id FROM documents WHERE duplicate_of IS NOT NULL)"
    wanted = limit + offset

    def newest(col: str, n: int) -> list[str]:
        # A word few documents hold: all its matches off the GIN index (at most _FEW), sorted; else
        # the newest documents walked until n match. Asked of the planner alone, the walk was
        # chosen for a rare word too (its estimate is a guess) and read every row to find none.
        few = db.execute(
            f"""WITH m AS MATERIALIZED (SELECT f.doc_id, f.seq FROM documents_fts f
                                        WHERE f.{col} @@ to_tsquery('simple', ?) {dup} LIMIT {_FEW})
                SELECT doc_id, (SELECT count(*) FROM m) FROM m ORDER BY seq DESC LIMIT ?""", (match, n)).fetchall()
        if not few or few[0][1] < _FEW:
            return [r[0] for r in few]
        page = f"SELECT f.doc_id FROM documents_fts f WHERE f.{col} @@ to_tsquery('simple', ?) {dup} ORDER BY f.seq DESC LIMIT ?"
        return [r[0] for r in db.execute(page, (match, n))]

    ids = newest("title_fts", wanted)
    if len(ids) < wanted:  # every title match is known: then the other matches (a title match is one)
        titled = set(ids)
        page = f"SELECT f.doc_id FROM documents_fts f WHERE f.fts @@ to_tsquery('simple', ?) {dup} ORDER BY f.seq DESC LIMIT ?"
        ids += [r[0] for r in db.execute(page, (match, wanted + len(titled))) if r[0] not in titled]
    ids = ids[offset:wanted]
    if not ids:
        return []
    marks, vals = _in(ids)
    rows = {r["id"]: r for r in db.execute(
        f"""SELECT d.id, d.title, d.language, d.published, coalesce(d.source_url, d.source_path) AS src,
                   (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints
            FROM documents d WHERE d.id IN {marks}""", vals)}
    return [rows[i] for i in ids]


def _snippet_source(db, doc_id: str) -> SimpleNamespace | None:
    """What :func:`snippet` reads of a document: text, segments, title, lead, language. ``Store.get``
    would parse its whole analysis too (most of a search's time)."""
    row = db.execute("SELECT id, text, title, lead, language FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    segments = [Segment(r[0], r[1], r[2], r[3]) for r in db.execute(
        'SELECT start, "end", kind, language FROM segments WHERE doc_id = ? ORDER BY idx', (doc_id,))]
    return SimpleNamespace(id=row["id"], text=row["text"], title=row["title"], lead=row["lead"],
                           language=row["language"], segments=segments)


def documents(db, *, language: str | None = None, include_duplicates: bool = False, limit: int = 50,
              offset: int = 0) -> dict[str, Any]:
    """Stored documents, newest publication first (undated last), then by id: a stable order for paging."""
    where, args = [], []
    if not include_duplicates:
        where.append("d.duplicate_of IS NULL")
    if language:
        where.append("d.language = ?")
        args.append(language)
    # "not a reprint" through the small duplicate_of index, and the order through the published index
    # (NULLs sort last in DESC), so that paging never reads the rows it skips (their text is large)
    fast = [w.replace("d.duplicate_of IS NULL", _NOT_REPRINT) for w in where]
    total = db.execute(f"SELECT count(*) FROM documents d {('WHERE ' + ' AND '.join(fast)) if fast else ''}",
                       args).fetchone()[0]
    items = _rows(db.execute(
        f"""SELECT d.id, d.title, d.lead, d.language, d.published, d.site, d.source_url AS url,
                   d.source_path AS path, d.source_format AS format, d.duplicate_of, d.ingested_at,
                   (SELECT count(*) FROM documents r WHERE r.duplicate_of = d.id) AS reprints
            FROM documents d {("WHERE " + " AND ".join(fast)) if fast else ""}
            ORDER BY d.published DESC{dialect.of(db).nulls_last}, d.rowid DESC LIMIT ? OFFSET ?""",
        [*args, limit, offset]))
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


def neighbours(db, entity_id: str, *, limit: int = 30, kept: bool = True) -> list[dict[str, Any]]:
    """Entities linked to one by events (either direction) and by appearing in the same documents.
    The events are counted off ``entity_links`` (kept as events are written, :mod:`.edges`: a
    frequent entity's events were all read and joined per request), unless ``kept`` is False."""
    linked = {r["id"]: dict(r) for r in db.execute(
        f"""SELECT l.other_id AS id, sum(l.n) AS events, {dialect.of(db).group_concat_distinct("l.type")} AS types
            FROM entity_links l WHERE l.entity_id = ? GROUP BY l.other_id ORDER BY events DESC, l.other_id LIMIT ?""",
        (entity_id, limit))} if kept else {r["id"]: dict(r) for r in db.execute(
        f"""SELECT o.entity_id AS id, count(DISTINCT p.event_id) AS events,
                  {dialect.of(db).group_concat_distinct("ev.type")} AS types
           FROM event_participants p JOIN event_participants o ON o.event_id = p.event_id AND o.role != p.role
           JOIN events ev ON ev.id = p.event_id
           WHERE p.entity_id = ? AND o.entity_id != p.entity_id AND ev.doc_id NOT IN {_REPRINT_IDS}
           GROUP BY o.entity_id ORDER BY events DESC, o.entity_id LIMIT ?""", (entity_id, limit))}
    # the story of each of the (up to 500) documents once, not of each of their mentions; and
    # through the small index of reprints, since duplicate_of lies past the text in a row
    for r in db.execute(
        f"""WITH m1 AS MATERIALIZED (
                SELECT doc_id, CASE WHEN doc_id IN {_REPRINT_IDS}
                               THEN (SELECT duplicate_of FROM documents WHERE id = doc_id) ELSE doc_id END AS story
                FROM (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ? ORDER BY doc_id LIMIT 500) dm)
            SELECT m2.entity_id AS id, count(DISTINCT m1.story) AS documents
            FROM m1 JOIN mentions m2 ON m2.doc_id = m1.doc_id
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
    out = _rows(db.execute(f"SELECT id, type, name, names FROM entities WHERE id IN {marks} ORDER BY name, id",
                           vals))
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
