-- The recipients of an event that no entity stands for ("Уряд Польщі відхилив вимоги *фермерів*"):
-- the analysis' Event.recipient_phrases, each with its words resolved from the document's text, so
-- that a reader of the events needs no document. A JSON array of [start, end, text], in the
-- analysis' order; '[]' for none. Store.save writes it with the event.
ALTER TABLE events ADD COLUMN recipient_phrases TEXT NOT NULL DEFAULT '[]';

-- the stores written before this migration: from the analysis each document keeps, the events that
-- have phrases only (an event row is the analysis' first telling of the same type, trigger and
-- evidence; later tellings, same_as set, have no row)
UPDATE events SET recipient_phrases = coalesce((
    SELECT (SELECT json_group_array(json_array(
                       json_extract(p.value, '$.start'), json_extract(p.value, '$.end'),
                       substr(d.text, json_extract(p.value, '$.start') + 1,
                              json_extract(p.value, '$.end') - json_extract(p.value, '$.start'))))
            FROM json_each(e.value, '$.recipient_phrases') p)
    FROM documents d, json_each(d.analysis, '$.events') e
    WHERE d.id = events.doc_id AND json_extract(e.value, '$.same_as') IS NULL
      AND json_extract(e.value, '$.type') = events.type
      AND json_extract(e.value, '$.trigger.start') IS events.trigger_start
      AND json_extract(e.value, '$.trigger.end') IS events.trigger_end
      AND json_extract(e.value, '$.evidence.start') IS events.evidence_start
      AND json_extract(e.value, '$.evidence.end') IS events.evidence_end
    ORDER BY e.key LIMIT 1), '[]')
WHERE doc_id IN (SELECT id FROM documents WHERE analysis LIKE '%"recipient_phrases": [{%');
