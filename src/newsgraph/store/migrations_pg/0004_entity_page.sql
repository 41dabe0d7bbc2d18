-- The entity page's co-mentions, index-only: SQLite's migration 0009 (see there). The primary key
-- (doc_id, start, "end", entity_id) answers "the entities a document names" too, but wider, with
-- the offsets between; this is what the join reads.
CREATE INDEX IF NOT EXISTS mentions_doc_entity ON mentions(doc_id, entity_id);
