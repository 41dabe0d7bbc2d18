-- Documents as read and cleaned. A document's id is its content hash, so
-- storing the same input twice is a no-op.
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    source_path   TEXT,
    source_url    TEXT,
    source_format TEXT NOT NULL,
    source_record TEXT,
    site          TEXT,
    language      TEXT,
    title         TEXT,
    lead          TEXT,
    published     TEXT,
    author        TEXT,
    encoding      TEXT,
    text          TEXT NOT NULL,
    -- the canonical document this one reprints; NULL for canonical ones
    duplicate_of  TEXT REFERENCES documents(id),
    exact_key     TEXT,
    minhash       BLOB,
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_site ON documents(site);

CREATE TABLE segments (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('title', 'lead', 'body', 'related', 'boilerplate')),
    language TEXT,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

-- Full-text index over the article (title, lead, body; never boilerplate).
-- `lemmas` holds the base form of every word so that an inflected query finds
-- every other inflection. rowid = documents.rowid.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, lemmas,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Inputs that could not be read, with the reason; one row per input record.
CREATE TABLE failures (
    path   TEXT NOT NULL DEFAULT '',
    record TEXT NOT NULL DEFAULT '',
    url    TEXT,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (path, record)
);

-- Lines a site repeats on many pages (see newsgraph.clean.repeated).
CREATE TABLE site_lines (
    site     TEXT NOT NULL,
    line_key TEXT NOT NULL,
    page_key TEXT NOT NULL,
    PRIMARY KEY (site, line_key, page_key)
) WITHOUT ROWID;

-- The knowledge layer: filled by the analyze/extract/link stages.
CREATE TABLE entities (
    id    TEXT PRIMARY KEY,
    type  TEXT NOT NULL,
    name  TEXT NOT NULL,
    names TEXT NOT NULL DEFAULT '{}'  -- JSON: {"en": "...", "ru": "..."}
);
CREATE TABLE aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    language  TEXT,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_alias ON aliases(alias);
CREATE TABLE mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    lemma     TEXT,
    PRIMARY KEY (doc_id, start, "end", entity_id)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE roles (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    title     TEXT NOT NULL,
    org_id    TEXT REFERENCES entities(id),
    doc_id    TEXT REFERENCES documents(id) ON DELETE CASCADE
);
CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    speaker       TEXT REFERENCES entities(id),
    cue_start     INTEGER, cue_end INTEGER,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
    confidence    REAL
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    mode           TEXT,
    factuality     TEXT,
    source         TEXT REFERENCES entities(id),
    date           TEXT,
    location       TEXT REFERENCES entities(id),
    amount_value   REAL,
    amount_unit    TEXT,
    trigger_start  INTEGER, trigger_end INTEGER,
    evidence_start INTEGER, evidence_end INTEGER,
    confidence     REAL
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_participants (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id, role);
