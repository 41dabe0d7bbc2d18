-- Indexes for the server's questions (EXPLAIN QUERY PLAN on a 5 000-document store).
--
-- Most documents are not reprints, so a full index on duplicate_of is mostly NULLs, and the
-- planner took it for "d.duplicate_of IS NULL": it walked every story first and sorted all their
-- quotes, instead of walking quotes newest first and stopping after a page (an entity's
-- "quotes about" went from ~150 ms to under 1 ms). The partial index answers what the full one
-- was good for (a story's reprints, "is this row a reprint" for paging and search) and cannot be
-- used for IS NULL.
DROP INDEX IF EXISTS documents_duplicate_of;
CREATE INDEX IF NOT EXISTS documents_reprints ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;

