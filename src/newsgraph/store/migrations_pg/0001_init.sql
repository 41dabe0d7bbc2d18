-- The PostgreSQL store: the schema SQLite reaches after its migrations 0001-0005, in one step.
--
-- Every string column is `ctext` (text in the "C" collation), so that ids, names and dates sort
-- and compare by code point as SQLite's BINARY does, whatever the database's default locale.
-- documents.seq stands for SQLite's rowid (the order documents were stored in).
CREATE DOMAIN ctext AS text COLLATE "C";

CREATE TABLE documents (
    seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id            ctext PRIMARY KEY,
    source_path   ctext,
    source_url    ctext,
    source_format ctext NOT NULL,
    source_record ctext,
    site          ctext,
    language      ctext,
    title         ctext,
    lead          ctext,
    published     ctext,
    author        ctext,
    encoding      ctext,
    text          ctext NOT NULL,
    duplicate_of  ctext REFERENCES documents(id),
    exact_key     ctext,
    minhash       bytea,
    ingested_at   ctext NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    analysis      ctext NOT NULL DEFAULT '{}'
);
CREATE INDEX documents_reprints ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_site ON documents(site);

CREATE TABLE segments (
    doc_id   ctext NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      integer NOT NULL,
    start    integer NOT NULL,
    "end"    integer NOT NULL,
    kind     ctext NOT NULL CHECK (kind IN ('title', 'lead', 'body', 'related', 'boilerplate')),
    language ctext,
    PRIMARY KEY (doc_id, idx)
);

-- Full-text search. `lemmas` holds the words of the article (title, lead, body) and their base
-- forms, tokenised and folded as SQLite's FTS5 unicode61 tokenizer does (newsgraph.store.dialect),
-- so that the same query matches the same documents; `title` the title's words: a document whose
-- title matches comes first (see queries._ts_search).
CREATE TABLE documents_fts (
    doc_id ctext PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    seq    bigint NOT NULL,
    title  ctext NOT NULL DEFAULT '',
    lemmas ctext NOT NULL DEFAULT '',
    fts    tsvector GENERATED ALWAYS AS
           (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', lemmas)) STORED,
    title_fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED
);
CREATE INDEX documents_fts_gin ON documents_fts USING gin (fts);
CREATE INDEX documents_fts_title_gin ON documents_fts USING gin (title_fts);
-- newest first: a page of a common word's matches is read off this index, not ranked in full
CREATE INDEX documents_fts_seq ON documents_fts (seq);

CREATE TABLE failures (
    path   ctext NOT NULL DEFAULT '',
    record ctext NOT NULL DEFAULT '',
    url    ctext,
    reason ctext NOT NULL,
    at     ctext NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    PRIMARY KEY (path, record)
);

CREATE TABLE site_lines (
    site     ctext NOT NULL,
    line_key ctext NOT NULL,
    page_key ctext NOT NULL,
    PRIMARY KEY (site, line_key, page_key)
);

CREATE TABLE entities (
    id            ctext PRIMARY KEY,
    type          ctext NOT NULL,
    name          ctext NOT NULL,
    names         ctext NOT NULL DEFAULT '{}',
    mention_count integer NOT NULL DEFAULT 0,
    story_count   integer NOT NULL DEFAULT 0
);
CREATE INDEX entities_by_stories ON entities(story_count DESC, mention_count DESC, name, id);

CREATE TABLE aliases (
    entity_id ctext NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     ctext NOT NULL,
    language  ctext,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX aliases_alias ON aliases(alias);

CREATE TABLE mentions (
    doc_id    ctext NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id ctext NOT NULL REFERENCES entities(id),
    start     integer NOT NULL,
    "end"     integer NOT NULL,
    text      ctext NOT NULL,
    lemma     ctext,
    kind      ctext NOT NULL DEFAULT 'name',
    PRIMARY KEY (doc_id, start, "end", entity_id)
);
CREATE INDEX mentions_entity ON mentions(entity_id, doc_id, start);
CREATE INDEX mentions_references ON mentions(entity_id, text, lemma, kind) WHERE kind != 'name';

CREATE TABLE roles (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_id ctext NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    title     ctext NOT NULL,
    org_id    ctext REFERENCES entities(id),
    doc_id    ctext REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX roles_entity ON roles(entity_id);

CREATE TABLE quotes (
    id            bigserial PRIMARY KEY,
    doc_id        ctext NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind          ctext NOT NULL,
    speaker       ctext REFERENCES entities(id),
    cue_start     integer, cue_end integer,
    content_start integer NOT NULL, content_end integer NOT NULL,
    confidence    double precision,
    speaker_text  ctext,
    published     ctext
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_order ON quotes(published NULLS FIRST, doc_id, content_start, id);
-- The entities mentioned inside each quote (a mention within its content): "quotes about" an
-- entity off an index (SQLite asks the mentions of each quote's document, newest quote first).
CREATE TABLE quote_about (
    entity_id ctext NOT NULL REFERENCES entities(id),
    quote_id  bigint NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, quote_id)
);
CREATE INDEX quote_about_quote ON quote_about(quote_id);

CREATE TABLE events (
    id             bigserial PRIMARY KEY,
    doc_id         ctext NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type           ctext NOT NULL,
    mode           ctext,
    factuality     ctext,
    source         ctext REFERENCES entities(id),
    date           ctext,
    location       ctext REFERENCES entities(id),
    amount_value   double precision,
    amount_unit    ctext,
    trigger_start  integer, trigger_end integer,
    evidence_start integer, evidence_end integer,
    confidence     double precision,
    published      ctext
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_order ON events((coalesce(date, published)) NULLS FIRST, doc_id, evidence_start NULLS FIRST, id);

CREATE TABLE event_participants (
    event_id  bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id ctext NOT NULL REFERENCES entities(id),
    role      ctext NOT NULL CHECK (role IN ('actor', 'recipient')),
    PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX event_participants_entity ON event_participants(entity_id, role);
-- an entity's share of the actors and of the recipients, not the product of the two: a frequent
-- actor that is never a recipient would otherwise have its (no) events as recipient looked for by
-- walking every event in date order
CREATE STATISTICS event_participants_entity_role (mcv, dependencies) ON entity_id, role FROM event_participants;

CREATE TABLE doc_values (
    doc_id     ctext NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type       ctext NOT NULL,
    start      integer NOT NULL,
    "end"      integer NOT NULL,
    text       ctext NOT NULL,
    -- SQLite's NUMERIC holds a number or a date alike: here the text of either
    value      ctext,
    unit       ctext,
    end_value  ctext,
    partial    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, start, "end", type)
);
CREATE INDEX doc_values_type ON doc_values(type, unit);

-- Mentions and stories per entity, as SQLite's migration 0005 keeps them (see there): the writer
-- (PostgresStore._write) fills them in the document's own transaction, entities in id order.
CREATE TABLE entity_stories (
    entity_id ctext NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    story_id  ctext NOT NULL,
    doc_id    ctext NOT NULL,
    mentions  integer NOT NULL,
    PRIMARY KEY (entity_id, story_id)
);
CREATE INDEX entity_stories_doc ON entity_stories(entity_id, doc_id);
