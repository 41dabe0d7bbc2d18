-- The entities mentioned inside each quote (a mention within its content), kept as PostgreSQL keeps
-- them: "quotes about" an entity off an index. Asking, for each quote newest first, whether its
-- document mentions the entity inside it walked every quote for an entity quotes rarely name (a
-- speaker is named outside the quote marks): 10-25 ms of the entity page on 5 000 documents.
-- Store.save writes the rows with the quotes; a quote removed takes its rows with it.
CREATE TABLE IF NOT EXISTS quote_about (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    quote_id  INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, quote_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quote_about_quote ON quote_about(quote_id);

-- the stores written before this migration
INSERT OR IGNORE INTO quote_about (entity_id, quote_id)
SELECT DISTINCT m.entity_id, q.id
FROM quotes q JOIN mentions m ON m.doc_id = q.doc_id
WHERE m.start >= q.content_start AND m."end" <= q.content_end;
