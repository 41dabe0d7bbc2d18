-- The recipients of an event that no entity stands for: SQLite's migration 0007 (see there). A JSON
-- array of [start, end, text], each phrase's words resolved from the document's text; '[]' for none.
-- PostgresStore._write copies it with the event.
ALTER TABLE events ADD COLUMN recipient_phrases ctext NOT NULL DEFAULT '[]';

-- the databases written before this migration: from the analysis each document keeps
UPDATE events ev SET recipient_phrases = coalesce((
    SELECT (SELECT jsonb_agg(jsonb_build_array(
                       (p ->> 'start')::int, (p ->> 'end')::int,
                       substr(d.text, (p ->> 'start')::int + 1, (p ->> 'end')::int - (p ->> 'start')::int))
                       ORDER BY k)::text
            FROM jsonb_array_elements(e.event -> 'recipient_phrases') WITH ORDINALITY AS x(p, k))
    FROM documents d
    CROSS JOIN LATERAL jsonb_array_elements(d.analysis::jsonb -> 'events') WITH ORDINALITY AS e(event, n)
    WHERE d.id = ev.doc_id AND e.event ->> 'same_as' IS NULL AND e.event ->> 'type' = ev.type
      AND (e.event -> 'trigger' ->> 'start')::int IS NOT DISTINCT FROM ev.trigger_start
      AND (e.event -> 'trigger' ->> 'end')::int IS NOT DISTINCT FROM ev.trigger_end
      AND (e.event -> 'evidence' ->> 'start')::int IS NOT DISTINCT FROM ev.evidence_start
      AND (e.event -> 'evidence' ->> 'end')::int IS NOT DISTINCT FROM ev.evidence_end
    ORDER BY e.n LIMIT 1), '[]')
WHERE ev.doc_id IN (SELECT id FROM documents WHERE analysis LIKE '%"recipient_phrases": [{%');
