-- How a mention refers (a name, a role description, a pronoun, a surname
-- alone, an alias) and the unnamed speakers of quotes.
ALTER TABLE mentions ADD COLUMN kind TEXT NOT NULL DEFAULT 'name';
ALTER TABLE quotes ADD COLUMN speaker_text TEXT;
CREATE INDEX roles_entity ON roles(entity_id);
CREATE INDEX events_date ON events(date);
