-- Mentions and stories per entity, kept as mentions are written instead of counted per request.
--
-- Counting them on each request (every mention of every entity, with a look at each reprint's
-- story) was most of the time of /api/entities and of an entity's page on a 5 000-document store.
-- A story and its reprints count once: a story's mentions of an entity are those of the first of
-- its documents that names it, the canonical one unless only a copy does (a site added a line);
-- "first" is the canonical document, then the copies in the order they were stored (rowid).
--
-- entity_stories holds that document for each (entity, story), and entities its totals. Triggers
-- on mentions keep both, in the writer's own transaction, whoever writes the mentions (Store.save,
-- a cascade, a hand-made fix), so they can never drift from the mentions table.
CREATE TABLE entity_stories (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    -- the canonical document: coalesce(duplicate_of, id) of each document of the story
    story_id  TEXT NOT NULL,
    -- the story's first document that names the entity; its mentions are the ones counted
    doc_id    TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, story_id)
) WITHOUT ROWID;
CREATE INDEX entity_stories_doc ON entity_stories(entity_id, doc_id);

ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN story_count INTEGER NOT NULL DEFAULT 0;
-- the order of /api/entities, so that a page is read off the index
CREATE INDEX entities_by_stories ON entities(story_count DESC, mention_count DESC, name, id);

-- the stores written before this migration: counted once, from scratch
INSERT INTO entity_stories (entity_id, story_id, doc_id, mentions)
SELECT entity_id, story_id, doc_id, n FROM (
    SELECT m.entity_id, coalesce(d.duplicate_of, d.id) AS story_id, m.doc_id, count(*) AS n,
           row_number() OVER (PARTITION BY m.entity_id, coalesce(d.duplicate_of, d.id)
                              ORDER BY d.duplicate_of IS NOT NULL, d.rowid) AS k
    FROM mentions m JOIN documents d ON d.id = m.doc_id
    GROUP BY m.entity_id, m.doc_id)
WHERE k = 1;
UPDATE entities SET
    mention_count = coalesce((SELECT sum(s.mentions) FROM entity_stories s WHERE s.entity_id = entities.id), 0),
    story_count = (SELECT count(*) FROM entity_stories s WHERE s.entity_id = entities.id);

-- entity_stories → entities
CREATE TRIGGER entity_stories_added AFTER INSERT ON entity_stories BEGIN
    UPDATE entities SET mention_count = mention_count + new.mentions, story_count = story_count + 1
    WHERE id = new.entity_id;
END;
CREATE TRIGGER entity_stories_changed AFTER UPDATE OF mentions ON entity_stories BEGIN
    UPDATE entities SET mention_count = mention_count + new.mentions - old.mentions WHERE id = new.entity_id;
END;
CREATE TRIGGER entity_stories_removed AFTER DELETE ON entity_stories BEGIN
    UPDATE entities SET mention_count = mention_count - old.mentions, story_count = story_count - 1
    WHERE id = old.entity_id;
END;

-- mentions → entity_stories. A new mention: its story gets a row naming its document if it had
-- none; its document takes the story's place if it comes first in the story (only a hand-made
-- write can do that: Store.save stores a story's documents in order, so the newest is last), with
-- its mentions so far; then the row of its document counts it.
CREATE TRIGGER mentions_added AFTER INSERT ON mentions BEGIN
    INSERT OR IGNORE INTO entity_stories (entity_id, story_id, doc_id, mentions)
    SELECT new.entity_id, coalesce(d.duplicate_of, d.id), d.id, 0 FROM documents d WHERE d.id = new.doc_id;
    UPDATE entity_stories
    SET doc_id = new.doc_id,
        mentions = (SELECT count(*) - 1 FROM mentions x WHERE x.doc_id = new.doc_id AND x.entity_id = new.entity_id)
    WHERE entity_id = new.entity_id AND doc_id != new.doc_id
      AND story_id = (SELECT coalesce(duplicate_of, id) FROM documents WHERE id = new.doc_id)
      AND (SELECT duplicate_of IS NOT NULL, rowid FROM documents WHERE id = new.doc_id)
          < (SELECT duplicate_of IS NOT NULL, rowid FROM documents WHERE id = entity_stories.doc_id);
    UPDATE entity_stories SET mentions = mentions + 1 WHERE entity_id = new.entity_id AND doc_id = new.doc_id;
END;

-- A mention gone: its document's row counts one less; a row left at none passes to the story's
-- next document that names the entity, else goes. The row is found by its document, not its
-- story: when the document itself is being deleted its row can no longer be read.
CREATE TRIGGER mentions_removed AFTER DELETE ON mentions BEGIN
    UPDATE entity_stories SET mentions = mentions - 1 WHERE entity_id = old.entity_id AND doc_id = old.doc_id;
    UPDATE entity_stories
    SET (doc_id, mentions) = (
        SELECT x.doc_id, count(*) FROM mentions x WHERE x.entity_id = old.entity_id AND x.doc_id = (
            SELECT d.id FROM documents d
            WHERE (d.id = entity_stories.story_id OR d.duplicate_of = entity_stories.story_id)
              AND EXISTS (SELECT 1 FROM mentions y WHERE y.doc_id = d.id AND y.entity_id = old.entity_id)
            ORDER BY d.duplicate_of IS NOT NULL, d.rowid LIMIT 1))
    WHERE entity_id = old.entity_id AND doc_id = old.doc_id AND mentions <= 0
      AND EXISTS (SELECT 1 FROM documents d JOIN mentions y ON y.doc_id = d.id AND y.entity_id = old.entity_id
                  WHERE d.id = entity_stories.story_id OR d.duplicate_of = entity_stories.story_id);
    DELETE FROM entity_stories WHERE entity_id = old.entity_id AND doc_id = old.doc_id AND mentions <= 0;
END;

-- An entity's references (the role nouns and pronouns its page lists apart from its names) read
-- off a small index instead of every one of its mention rows (10-20 ms for a common entity).
-- Partial, so that no other question of mentions by entity is planned on it: those walk
-- mentions_entity, in document order, and stop after a page.
CREATE INDEX mentions_references ON mentions(entity_id, text, lemma, kind) WHERE kind != 'name';

-- The publication date of its document on each event and quote, so that the lists, in date order,
-- are read off an index and stop after a page: ordering by the document's date read a document
-- row for every event of the store and sorted them all (10-20 ms a page on 5 000 documents). A
-- document's date never changes once stored; the triggers copy it whoever inserts the row.
ALTER TABLE events ADD COLUMN published TEXT;
ALTER TABLE quotes ADD COLUMN published TEXT;
UPDATE events SET published = (SELECT d.published FROM documents d WHERE d.id = events.doc_id);
UPDATE quotes SET published = (SELECT d.published FROM documents d WHERE d.id = quotes.doc_id);
CREATE INDEX events_order ON events(coalesce(date, published), doc_id, evidence_start, id);
CREATE INDEX quotes_order ON quotes(published, doc_id, content_start, id);
CREATE TRIGGER events_published AFTER INSERT ON events WHEN new.published IS NULL BEGIN
    UPDATE events SET published = (SELECT d.published FROM documents d WHERE d.id = new.doc_id) WHERE id = new.id;
END;
CREATE TRIGGER quotes_published AFTER INSERT ON quotes WHEN new.published IS NULL BEGIN
    UPDATE quotes SET published = (SELECT d.published FROM documents d WHERE d.id = new.doc_id) WHERE id = new.id;
END;
