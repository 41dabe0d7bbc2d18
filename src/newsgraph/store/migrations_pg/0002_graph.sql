-- The actor graph and an entity's event neighbours, kept as events are written: SQLite's migration
-- 0006 (see there, and newsgraph/store/edges.py). PostgresStore._write fills them in the batch's
-- transaction, each table's rows in key order, after the rows only its documents hold and before
-- the entity counts, as every writer does (no deadlock between two writers).
CREATE TABLE graph_edges (
    cut    INTEGER NOT NULL,
    source ctext NOT NULL,
    target ctext NOT NULL,
    type   ctext NOT NULL,
    period ctext NOT NULL,
    n      INTEGER NOT NULL,
    n_all  INTEGER NOT NULL,
    PRIMARY KEY (cut, source, target, type, period)
);
CREATE INDEX graph_edges_target ON graph_edges(cut, target);

CREATE TABLE graph_evidence (
    cut            INTEGER NOT NULL,
    source         ctext NOT NULL,
    target         ctext NOT NULL,
    type           ctext NOT NULL,
    period         ctext NOT NULL,
    reprint        INTEGER NOT NULL,
    doc_id         ctext NOT NULL,
    -- -1 for none: sorts first, as NULL does
    evidence_start INTEGER NOT NULL,
    event_id       bigint NOT NULL,
    PRIMARY KEY (cut, source, target, type, period, doc_id, evidence_start, event_id)
);

CREATE TABLE entity_links (
    entity_id ctext NOT NULL,
    other_id  ctext NOT NULL,
    type      ctext NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (entity_id, other_id, type)
);

-- the stores written before this migration: counted once, from scratch
INSERT INTO graph_edges (cut, source, target, type, period, n, n_all)
SELECT c.cut, a.entity_id, r.entity_id, ev.type, substr(coalesce(ev.date, d.published, ''), 1, c.cut),
       sum(CASE WHEN d.duplicate_of IS NULL THEN 1 ELSE 0 END), count(*)
FROM events ev JOIN documents d ON d.id = ev.doc_id
JOIN event_participants a ON a.event_id = ev.id AND a.role = 'actor'
JOIN event_participants r ON r.event_id = ev.id AND r.role = 'recipient'
CROSS JOIN (SELECT 0 AS cut UNION ALL SELECT 4 UNION ALL SELECT 7 UNION ALL SELECT 10) c
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO graph_evidence (cut, source, target, type, period, reprint, doc_id, evidence_start, event_id)
SELECT c.cut, a.entity_id, r.entity_id, ev.type, substr(coalesce(ev.date, d.published, ''), 1, c.cut),
       CASE WHEN d.duplicate_of IS NULL THEN 0 ELSE 1 END, ev.doc_id, coalesce(ev.evidence_start, -1), ev.id
FROM events ev JOIN documents d ON d.id = ev.doc_id
JOIN event_participants a ON a.event_id = ev.id AND a.role = 'actor'
JOIN event_participants r ON r.event_id = ev.id AND r.role = 'recipient'
CROSS JOIN (SELECT 0 AS cut UNION ALL SELECT 4 UNION ALL SELECT 7 UNION ALL SELECT 10) c;
INSERT INTO entity_links (entity_id, other_id, type, n)
SELECT p.entity_id, o.entity_id, ev.type, count(DISTINCT p.event_id)
FROM event_participants p JOIN event_participants o ON o.event_id = p.event_id AND o.role != p.role
JOIN events ev ON ev.id = p.event_id JOIN documents d ON d.id = ev.doc_id
WHERE o.entity_id != p.entity_id AND d.duplicate_of IS NULL
GROUP BY 1, 2, 3;
-- entity_events: each participant of an event, in the events list's order (the events_order index's
-- key), so that an entity's events as actor or recipient are read a page at a time.
CREATE TABLE entity_events (
    entity_id      ctext NOT NULL,
    role           ctext NOT NULL,
    reprint        INTEGER NOT NULL,
    -- coalesce(events.date, events.published)
    at             ctext,
    doc_id         ctext NOT NULL,
    evidence_start INTEGER,
    event_id       bigint NOT NULL
);
CREATE INDEX entity_events_order ON entity_events(entity_id, role, at NULLS FIRST, doc_id, evidence_start NULLS FIRST, event_id);
INSERT INTO entity_events (entity_id, role, reprint, at, doc_id, evidence_start, event_id)
SELECT p.entity_id, p.role, CASE WHEN d.duplicate_of IS NULL THEN 0 ELSE 1 END,
       coalesce(ev.date, d.published), ev.doc_id, ev.evidence_start, ev.id
FROM event_participants p JOIN events ev ON ev.id = p.event_id JOIN documents d ON d.id = ev.doc_id;
-- Newest first, NULLs last, as SQLite's DESC sorts and the lists ask: a backward walk of
-- documents_published puts NULLs first, so the newest stories mentioning a frequent entity were
-- found by sorting every document (80 ms on 100 000).
CREATE INDEX IF NOT EXISTS documents_newest ON documents (published DESC NULLS LAST, id);
ANALYZE graph_edges;
ANALYZE graph_evidence;
ANALYZE entity_links;
ANALYZE entity_events;
