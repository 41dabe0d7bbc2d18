-- An entity's quotes in the quotes' order, read off the index (SQLite's migration 0010).
CREATE INDEX IF NOT EXISTS quotes_speaker_order ON quotes(speaker, published NULLS FIRST, doc_id, content_start, id);
DROP INDEX IF EXISTS quotes_speaker;
