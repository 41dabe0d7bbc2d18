-- The analyze stage's output as the JSON contract gives it (sentences,
-- entities, values, quotes, events), so `show` returns exactly what `analyze`
-- printed; the tables beside it are the queryable form of the same facts.
ALTER TABLE documents ADD COLUMN analysis TEXT NOT NULL DEFAULT '{}';

CREATE TABLE doc_values (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      NUMERIC,
    unit       TEXT,
    end_value  NUMERIC,
    partial    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, start, "end", type)
) WITHOUT ROWID;
CREATE INDEX doc_values_type ON doc_values(type, unit);
