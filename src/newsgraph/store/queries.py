"""Questions an analyst asks of the store: who, said what, did what to whom.

Every answer carries its evidence: the document id and the offsets and text of
the sentence or quote it comes from. Entity references accept an id or any
alias in any language and any inflected form ("Шольцом", "Scholz").
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..analysis import morphology

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


def entities(db, *, type: str | None = None, q: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
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
              GROUP BY e.id ORDER BY documents DESC, mentions DESC, e.name LIMIT ?"""
    out = _rows(db.execute(sql, [*args, limit]))
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
            JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? ORDER BY d.published, m.doc_id, m.start
            LIMIT 200""", (entity_id,)))
    out["quotes_by"] = quotes(db, speaker=entity_id)
    out["quotes_about"] = quotes(db, about=entity_id)
    out["events_as_actor"] = events(db, actor=entity_id)
    out["events_as_recipient"] = events(db, recipient=entity_id)
    return out


def quotes(db, *, speaker: str | None = None, about: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    where, args = [], []
    if speaker:
        ids = resolve(db, speaker)
        marks, vals = _in(ids or [""])
        where.append(f"q.speaker IN {marks}")
        args += vals
    if about:
        ids = resolve(db, about)
        marks, vals = _in(ids or [""])
        where.append(f"""EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = q.doc_id AND m.entity_id IN {marks}
                          AND m.start >= q.content_start AND m."end" <= q.content_end)""")
        args += vals
    sql = f"""SELECT q.id, q.doc_id, q.kind, q.speaker, s.name AS speaker_name, q.speaker_text,
                     q.content_start, q.content_end, {_SLICE.format(s="q.content_start", e="q.content_end")} AS content,
                     {_SLICE.format(s="q.cue_start", e="q.cue_end")} AS cue, q.confidence, d.published, d.title
              FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN entities s ON s.id = q.speaker
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY d.published, q.doc_id, q.content_start LIMIT ?"""
    return _rows(db.execute(sql, [*args, limit]))


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
           since: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    where, args = [], []
    if type:
        where.append("ev.type = ?")
        args.append(type.upper())
    for role, ref in (("actor", actor), ("recipient", recipient)):
        if ref:
            marks, vals = _in(resolve(db, ref) or [""])
            where.append(f"""EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = ev.id
                              AND p.role = '{role}' AND p.entity_id IN {marks})""")
            args += vals
    if since:
        where.append("coalesce(ev.date, d.published, d.ingested_at) >= ?")
        args.append(since)
    sql = f"""SELECT ev.id, ev.doc_id, ev.type, ev.mode, ev.factuality, ev.source, ev.date,
                     ev.amount_value, ev.amount_unit, ev.confidence, ev.evidence_start, ev.evidence_end,
                     {_SLICE.format(s="ev.evidence_start", e="ev.evidence_end")} AS evidence,
                     {_SLICE.format(s="ev.trigger_start", e="ev.trigger_end")} AS trigger,
                     d.published, d.title
              FROM events ev JOIN documents d ON d.id = ev.doc_id
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY coalesce(ev.date, d.published), ev.doc_id, ev.evidence_start LIMIT ?"""
    rows = _rows(db.execute(sql, [*args, limit]))
    people = _participants(db, [r["id"] for r in rows])
    for r in rows:
        r.update(people[r["id"]])
    return rows


def graph(db, *, type: str | None = None, since: str | None = None, until: str | None = None,
          evidence: int = 3) -> dict[str, Any]:
    """Actor → recipient edges aggregated by event type, each with its count and evidence."""
    where, args = ["a.role = 'actor'", "r.role = 'recipient'"], []
    if type:
        where.append("ev.type = ?")
        args.append(type.upper())
    if since:
        where.append("coalesce(ev.date, d.published, d.ingested_at) >= ?")
        args.append(since)
    if until:
        where.append("coalesce(ev.date, d.published, d.ingested_at) <= ?")
        args.append(until)
    rows = db.execute(
        f"""SELECT a.entity_id AS source, r.entity_id AS target, ev.type, ev.doc_id,
                   {_SLICE.format(s="ev.evidence_start", e="ev.evidence_end")} AS evidence,
                   ev.evidence_start, ev.evidence_end, ev.factuality
            FROM events ev JOIN documents d ON d.id = ev.doc_id
            JOIN event_participants a ON a.event_id = ev.id JOIN event_participants r ON r.event_id = ev.id
            WHERE {" AND ".join(where)} ORDER BY ev.doc_id, ev.evidence_start""", args).fetchall()
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        edge = edges.setdefault((r["source"], r["target"], r["type"]),
                                {"source": r["source"], "target": r["target"], "type": r["type"],
                                 "count": 0, "evidence": []})
        edge["count"] += 1
        if len(edge["evidence"]) < evidence:
            edge["evidence"].append({"doc_id": r["doc_id"], "start": r["evidence_start"], "end": r["evidence_end"],
                                     "text": r["evidence"], "factuality": r["factuality"]})
    ids = sorted({e["source"] for e in edges.values()} | {e["target"] for e in edges.values()})
    nodes = entities_by_id(db, ids)
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: (-e["count"], e["type"]))}


def entities_by_id(db, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks, vals = _in(ids)
    out = _rows(db.execute(f"SELECT id, type, name, names FROM entities WHERE id IN {marks} ORDER BY name", vals))
    for r in out:
        r["names"] = json.loads(r["names"] or "{}")
    return out
