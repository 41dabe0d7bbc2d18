"""A shared store: PostgreSQL (psycopg 3), behind the interface of the SQLite :class:`.sqlite.Store`.

``pip install newsgraph[postgres]``, then ``--db postgresql://USER@HOST/DB`` wherever a command
takes ``--db``. The schema is its own (``migrations_pg/``), run under an advisory lock so that
any number of processes may open a new database at once. The read queries are SQLite's
(:mod:`.queries`, :mod:`.lookup`), through :class:`Connection`, which rewrites what differs.

Writes: :meth:`PostgresStore.ingest` stores documents in batches, one transaction each
(:meth:`PostgresStore.save_many`; a document stored alone is a batch of one). A batch is copied
(``COPY``) into temporary staging tables and inserted from there with ``ON CONFLICT DO
NOTHING``, keyed by the documents' content ids, so loading the same input twice, or from two
processes at once, stores everything once. Rows that writers share (entities, aliases, the
entity counts, site lines) are locked in one order by every writer, a kind of key after another
and within a kind in key order, so two writers never deadlock; the counts of an entity (its
row is shared by every story that names it) are written last, just before the commit, so that a
frequent entity is held for as short a time as possible. Readers are never blocked: analysts and
``newsgraph serve`` instances read while an ingest writes.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ..clean import dedup
from ..clean.repeated import RepeatedLines
from ..model import Document, Failure, Source
from . import edges
from .dialect import POSTGRES, fts_words, is_url
from .sqlite import (Analyser, IngestReport, Store, _analysis, _index_lemmas, _replace_surrogates,
                     _storable, _storable_source, recipient_phrases)

#: documents a transaction of :meth:`PostgresStore.ingest` holds at most
BATCH = 64
#: the advisory lock key under which the migrations run
_MIGRATION_LOCK = 0x6E6577736772  # "newsgr"


class StoreError(sqlite3.DatabaseError):
    """The database cannot be opened or is not a newsgraph store (a ``sqlite3.DatabaseError``, so
    that the callers that report a bad ``--db`` report this one too)."""


def _psycopg():
    try:
        import psycopg
    except ImportError:
        raise StoreError("PostgreSQL stores need psycopg: pip install 'newsgraph[postgres]'") from None
    return psycopg


class Row(tuple):
    """A result row as ``sqlite3.Row`` is one: by position, by column name, ``dict(row)``."""

    __slots__ = ()
    names: tuple[str, ...] = ()

    def keys(self) -> list[str]:
        return list(self.names)

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "names": names})


def _row_factory(cursor):
    if cursor.description is None:
        return tuple
    cls = _row_class(tuple(c.name for c in cursor.description))
    return lambda values: cls(values)


_PLACEHOLDER = re.compile(r"\?")
_ROWID = re.compile(r"\browid\b")
_INDEXED_BY = re.compile(r"\bINDEXED BY \w+")


@lru_cache(maxsize=2048)
def translate(sql: str, has_params: bool = True) -> str:
    """A query of :mod:`.queries` in PostgreSQL's spelling: ``%s`` placeholders (and ``%%`` for a
    literal ``%``), ``seq`` for the documents' rowid, no ``INDEXED BY`` (PostgreSQL chooses)."""
    if has_params:
        sql = _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))
    return _INDEXED_BY.sub("", _ROWID.sub("seq", sql))


class _Result:
    """What ``execute`` returns for the PRAGMAs the callers ask: one row."""

    def __init__(self, row) -> None:
        self.row = row

    def fetchone(self):
        return self.row

    def fetchall(self):
        return [self.row]

    def __iter__(self):
        return iter([self.row])


class Connection:
    """A psycopg connection (autocommit; transactions are explicit) that answers the read queries
    written for SQLite: see :func:`translate`. ``PRAGMA query_only = ON`` makes the session
    read-only; ``PRAGMA data_version`` answers something that changes whenever any transaction
    that writes starts or ends (the server's answer cache is dropped on it)."""

    dialect = POSTGRES

    def __init__(self, url: str) -> None:
        psycopg = _psycopg()
        self.url = url
        self.key = url
        try:
            self.pg = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to {_safe(url)}: {str(e).strip()}") from e

    def execute(self, sql: str, params: Sequence[Any] | None = None):
        head = sql.lstrip()[:6].upper()
        if head == "PRAGMA":
            return self._pragma(sql)
        if params is None or len(params) == 0:
            return self.pg.execute(translate(sql, False))
        return self.pg.execute(translate(sql), list(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.pg.cursor() as cur:
                cur.executemany(translate(sql), rows)

    def _pragma(self, sql: str):
        words = sql.lower().split()
        if "query_only" in sql.lower():
            self.pg.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            return _Result(None)
        if "data_version" in words:
            return _Result((self.pg.execute("SELECT pg_current_snapshot()::text").fetchone()[0],))
        raise StoreError(f"no PostgreSQL equivalent of {sql!r}")

    def close(self) -> None:
        self.pg.close()


def _safe(url: str) -> str:
    """The URL without its password."""
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", url)


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files(__package__).joinpath("migrations_pg")
    found = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


_NUL_OR_SURROGATE = re.compile("[\x00\ud800-\udfff]")


def _pg_storable(doc: Document) -> Document:
    """``doc`` with every string PostgreSQL can hold: as SQLite's (lone surrogates as U+FFFD) and
    NUL characters, which PostgreSQL's text cannot hold, as U+FFFD too (one for one: offsets hold)."""
    fixed = _storable(doc)
    if not any("\x00" in s for s in _strings(fixed)):
        return fixed
    return json_clean(fixed)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _strings(getattr(value, name))


def json_clean(value):
    from dataclasses import fields, is_dataclass

    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, (list, tuple)):
        return type(value)(json_clean(v) for v in value)
    if isinstance(value, dict):
        return {json_clean(k): json_clean(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: json_clean(getattr(value, f.name)) for f in fields(value) if f.init})
    return value


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    return _replace_surrogates(value).replace("\x00", "\ufffd")


def _value(value) -> str | None:
    """A value as ``doc_values`` holds it: SQLite's NUMERIC column takes a number or a date alike;
    here it is the text of either (``'1500000.0'``, ``'2024-11-14'``)."""
    return None if value is None else str(value)


class PostgresStore:
    """The store in a PostgreSQL database; the same methods as :class:`newsgraph.store.Store`."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.path = url
        self.db = Connection(url)
        if migrate:
            try:
                self._migrate()
            except BaseException:
                self.db.close()
                raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        pg = self.db.pg
        migrations = _migrations()
        latest = migrations[-1][0] if migrations else 0
        try:
            if self._version() >= latest:
                return
            with pg.transaction():
                pg.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                pg.execute("CREATE TABLE IF NOT EXISTS newsgraph_migrations (version integer PRIMARY KEY, "
                           "applied_at timestamptz NOT NULL DEFAULT now())")
                version = self._version()
                for number, sql in migrations:
                    if number > version:
                        pg.execute(sql)
                        pg.execute("INSERT INTO newsgraph_migrations (version) VALUES (%s)", (number,))
        except _psycopg().Error as e:
            raise StoreError(f"{_safe(self.url)} is not a usable newsgraph store ({str(e).strip()})") from e

    def _version(self) -> int:
        pg = self.db.pg
        if pg.execute("SELECT to_regclass('newsgraph_migrations')").fetchone()[0] is None:
            return 0
        return pg.execute("SELECT coalesce(max(version), 0) FROM newsgraph_migrations").fetchone()[0]

    # -- ingestion ---------------------------------------------------------

    def ingest(self, items: Iterable, pipeline: Analyser, *,
               on_item: Callable[[Document | Failure], object] | None = None,
               report: IngestReport | None = None, batch: int = BATCH) -> IngestReport:
        """As :meth:`newsgraph.store.Store.ingest`, with up to ``batch`` documents a transaction: a
        run stopped midway loses at most the batch it was writing, and a rerun stores it."""
        report = IngestReport() if report is None else report
        self.prime(pipeline)
        pending: list[Document] = []

        def flush() -> None:
            if not pending:
                return
            stored = set(self.save_many(pending, pipeline.repeated))
            for doc in pending:
                if doc.id in stored:
                    report.stored.append(doc.id)
                    report.reprints += doc.duplicate_of is not None and self.has(doc.duplicate_of)
                    stored.discard(doc.id)  # the same document twice in a batch: stored once
                else:
                    report.already_stored.append(doc.id)
            pending.clear()

        for item in pipeline.run(items):
            report.read += 1
            if on_item is not None:
                on_item(item)
            if isinstance(item, Failure):
                flush()
                report.failures.append(item)
                self.record_failure(item)
            else:
                pending.append(item)
                if len(pending) >= batch:
                    flush()
        flush()
        return report

    def prime(self, pipeline: Analyser) -> None:
        for row in self.db.execute("SELECT id, exact_key, minhash, duplicate_of FROM documents "
                                   "WHERE minhash IS NOT NULL ORDER BY seq"):
            pipeline.dedup.add(row[0], row[1], dedup.signature_from_bytes(bytes(row[2])), row[3])
        pipeline.repeated.load(self.db.execute("SELECT site, line_key, page_key FROM site_lines"))

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def save(self, doc: Document, repeated: RepeatedLines | None = None) -> bool:
        """Store a document in one transaction; False if it was already stored."""
        return bool(self.save_many([doc], repeated))

    def save_many(self, docs: Sequence[Document], repeated: RepeatedLines | None = None) -> list[str]:
        """Store documents in one transaction; the ids of those this call stored (not those stored
        before). Strings PostgreSQL cannot hold (lone surrogates, NUL) are stored as U+FFFD."""
        docs = list(docs)
        lines = sorted(set(repeated.drain())) if repeated is not None else []
        psycopg = _psycopg()
        cleaned = False
        for attempt in range(6):
            try:
                with self.db.pg.transaction():
                    return self._write(docs, lines)
            except (UnicodeEncodeError, psycopg.DataError):
                if cleaned:
                    raise
                docs, cleaned = [_pg_storable(d) for d in docs], True
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                # not expected (every writer locks in one order), but a retry is always safe
                if attempt == 5:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _copy(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        cols = ", ".join(f'"{c}"' for c in columns)
        with self.db.pg.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _stage(self, name: str, like: str, columns: Sequence[str], rows: list[Sequence[Any]]) -> str:
        """A temporary staging table ``name`` (dropped at commit) holding ``rows``."""
        pg = self.db.pg
        cols = ", ".join(f'"{c}"' for c in columns)
        pg.execute(f"CREATE TEMP TABLE {name} ON COMMIT DROP AS SELECT {cols} FROM {like} WITH NO DATA")
        self._copy(name, columns, rows)
        return name

    def _write(self, docs: list[Document], lines: list[tuple[str, str, str]]) -> list[str]:
        pg = self.db.pg
        # 1. the documents, by content id: those already stored (or twice in the batch) drop out
        unique: dict[str, Document] = {}
        for d in docs:
            unique.setdefault(d.id, d)
        known_dups = {d.duplicate_of for d in unique.values() if d.duplicate_of}
        stored_dups = {r[0] for r in pg.execute("SELECT id FROM documents WHERE id = ANY(%s)",
                                                (sorted(known_dups),))} if known_dups else set()
        order = list(unique)
        doc_cols = ("id", "source_path", "source_url", "source_format", "source_record", "site", "language",
                    "title", "lead", "published", "author", "encoding", "text", "duplicate_of", "exact_key",
                    "minhash", "analysis")
        rows, seen = [], set()
        for doc in unique.values():
            fp = doc.fingerprint
            # the story it reprints may have failed and not be stored (or be stored in this batch)
            dup = doc.duplicate_of if doc.duplicate_of in stored_dups or doc.duplicate_of in seen else None
            seen.add(doc.id)
            rows.append((doc.id, doc.source.path, doc.source.url, doc.source.format, doc.source.record, doc.site,
                         doc.language, doc.title, doc.lead, doc.published, doc.author, doc.encoding, doc.text,
                         dup, fp.exact if fp else None, dedup.signature_bytes(fp.minhash) if fp else None,
                         json.dumps(_analysis(doc), ensure_ascii=False)))
        dups = {r[0]: r[13] for r in rows}
        pg.execute("CREATE TEMP TABLE stage_documents ON COMMIT DROP AS SELECT "
                   + ", ".join(f'"{c}"' for c in doc_cols) + ", 0 AS ord FROM documents WITH NO DATA")
        self._copy("stage_documents", (*doc_cols, "ord"), [(*r, k) for k, r in enumerate(rows)])
        cols = ", ".join(f'"{c}"' for c in doc_cols)
        new = {r[0]: r[1] for r in pg.execute(
            f"INSERT INTO documents ({cols}) SELECT {cols} FROM stage_documents ORDER BY ord "
            "ON CONFLICT (id) DO NOTHING RETURNING id, seq")}
        fresh = [unique[i] for i in order if i in new]
        if not fresh:
            self._site_lines(lines)
            return []
        story = {d.id: dups[d.id] or d.id for d in fresh}

        # 2. what each document knows, in Python: rows per table
        entity_rows: dict[str, tuple] = {}
        names_of: dict[str, list[dict]] = {}
        alias_rows: set[tuple] = set()
        mention_rows: dict[tuple, tuple] = {}
        per_story: dict[tuple[str, str], tuple[str, int]] = {}
        role_rows, quote_rows, event_rows, part_rows, value_rows = [], [], [], {}, {}
        about_rows: set[tuple[str, int]] = set()
        stored_events: list[edges.StoredEvent] = []
        n_quotes = sum(len(d.quotes) for d in fresh)
        n_events = sum(sum(ev.same_as is None for ev in d.events) for d in fresh)
        quote_ids = self._ids("quotes", n_quotes)
        event_ids = self._ids("events", n_events)
        fts_rows, segment_rows = [], []
        for doc in fresh:
            known = {e.id for e in doc.entities}
            ref = lambda eid, known=known: eid if eid in known else None  # noqa: E731
            counted: dict[str, int] = {}
            spans: list[tuple[str, int, int]] = []  # (entity, start, end) of the document's mentions
            for e in doc.entities:
                entity_rows.setdefault(e.id, (e.id, e.type, e.name))
                names_of.setdefault(e.id, []).append(e.names)
                mentions = e.all_mentions()
                aliases = {(m.lemma, None) for m in mentions} | {(m.text, None) for m in mentions}
                aliases |= {(name, language) for language, name in e.names.items()}
                for alias, language in aliases:
                    if alias is not None:
                        alias_rows.add((e.id, alias, language))
                for m in mentions:
                    key = (doc.id, m.start, m.end, e.id)
                    if key not in mention_rows:
                        mention_rows[key] = (doc.id, e.id, m.start, m.end, m.text, m.lemma, m.kind)
                        counted[e.id] = counted.get(e.id, 0) + 1
                        spans.append((e.id, m.start, m.end))
            for eid, n in counted.items():
                per_story.setdefault((eid, story[doc.id]), (doc.id, n))
            for e in doc.entities:
                role_rows += [(e.id, r.title, ref(r.org), doc.id) for r in e.roles]
            for q in doc.quotes:
                quote_id = next(quote_ids)
                quote_rows.append((quote_id, doc.id, q.kind, ref(q.speaker), q.speaker_text, q.cue.start,
                                   q.cue.end, q.content.start, q.content.end, q.confidence, doc.published))
                about_rows.update((eid, quote_id) for eid, a, b in spans
                                  if a >= q.content.start and b <= q.content.end)
            for ev in doc.events:
                if ev.same_as is not None:
                    continue
                amount, event_id = ev.amount, next(event_ids)
                event_rows.append((event_id, doc.id, ev.type, ev.mode, ev.factuality, ref(ev.source), ev.date,
                                   ref(ev.location), amount.value if amount else None,
                                   amount.unit if amount else None, ev.trigger.start, ev.trigger.end,
                                   ev.evidence.start, ev.evidence.end, ev.confidence, doc.published,
                                   recipient_phrases(doc.text, ev)))
                for role, ids in (("actor", ev.actors), ("recipient", ev.recipients)):
                    for eid in ids:
                        if eid in known:
                            part_rows.setdefault((event_id, eid, role), (event_id, eid, role))
                stored_events.append(edges.StoredEvent(
                    event_id, doc.id, ev.type, ev.date if ev.date is not None else doc.published,
                    ev.evidence.start, tuple(e for e in ev.actors if e in known),
                    tuple(e for e in ev.recipients if e in known), dups[doc.id] is not None))
            for v in doc.values:
                value_rows.setdefault((doc.id, v.start, v.end, v.type),
                                      (doc.id, v.type, v.start, v.end, v.text, _value(v.value), v.unit,
                                       _value(v.end_value), int(v.partial)))
            segment_rows += [(doc.id, i, s.start, s.end, s.kind, s.language) for i, s in enumerate(doc.segments)]
            body = "\n".join(doc.text[s.start:s.end] for s in doc.segments if s.kind in ("lead", "body"))
            title_words = " ".join(fts_words(doc.title or ""))
            fts_rows.append((doc.id, new[doc.id], title_words,
                             " ".join([*fts_words(body), *fts_words(_index_lemmas(doc))])))

        # 3. rows writers share, each kind in key order: entities, aliases, stories
        if entity_rows:
            self._stage("stage_entities", "entities", ("id", "type", "name"),
                        [entity_rows[k] for k in sorted(entity_rows)])
            pg.execute("INSERT INTO entities (id, type, name) SELECT id, type, name FROM stage_entities "
                       "ORDER BY id ON CONFLICT (id) DO NOTHING")
        if alias_rows:
            self._stage("stage_aliases", "aliases", ("entity_id", "alias", "language"), sorted(
                alias_rows, key=lambda r: (r[0], r[1], r[2] or "")))
            pg.execute("INSERT INTO aliases SELECT DISTINCT ON (entity_id, alias) entity_id, alias, language "
                       "FROM stage_aliases ORDER BY entity_id, alias ON CONFLICT DO NOTHING")
        new_stories: dict[str, list[int]] = {}
        if per_story:
            self._stage("stage_stories", "entity_stories", ("entity_id", "story_id", "doc_id", "mentions"),
                        [(e, s, d, n) for (e, s), (d, n) in sorted(per_story.items())])
            for eid, n in pg.execute(
                    "INSERT INTO entity_stories SELECT * FROM stage_stories ORDER BY entity_id, story_id "
                    "ON CONFLICT DO NOTHING RETURNING entity_id, mentions"):
                counts = new_stories.setdefault(eid, [0, 0])
                counts[0] += n
                counts[1] += 1

        # 4. what only these documents hold (no one else writes these rows)
        self._copy("segments", ("doc_id", "idx", "start", "end", "kind", "language"), segment_rows)
        self._copy("documents_fts", ("doc_id", "seq", "title", "lemmas"), fts_rows)
        self._copy("mentions", ("doc_id", "entity_id", "start", "end", "text", "lemma", "kind"),
                   mention_rows.values())
        self._copy("roles", ("entity_id", "title", "org_id", "doc_id"), role_rows)
        self._copy("quotes", ("id", "doc_id", "kind", "speaker", "speaker_text", "cue_start", "cue_end",
                              "content_start", "content_end", "confidence", "published"), quote_rows)
        self._copy("quote_about", ("entity_id", "quote_id"), sorted(about_rows))
        self._copy("events", ("id", "doc_id", "type", "mode", "factuality", "source", "date", "location",
                              "amount_value", "amount_unit", "trigger_start", "trigger_end", "evidence_start",
                              "evidence_end", "confidence", "published", "recipient_phrases"), event_rows)
        self._copy("event_participants", ("event_id", "entity_id", "role"), part_rows.values())
        self._copy("doc_values", ("doc_id", "type", "start", "end", "text", "value", "unit", "end_value",
                                  "partial"), value_rows.values())

        # 5. site lines, key order
        self._site_lines(lines)
        # 6. failures these documents mend
        pg.execute("DELETE FROM failures WHERE (path, record) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
                   ([d.source.path or "" for d in fresh], [d.source.record or "" for d in fresh]))

        # 7. the kept graph (shared rows: each table in key order)
        self._save_edges(edges.rows(stored_events))

        # 8. last, the shared entity rows, locked in id order: new names merged as SQLite's
        # json_patch(new, old) merges them, counts of the stories first named by these documents
        touched = sorted(set(new_stories) | set(names_of))
        current = {r[0]: r[1] for r in pg.execute(
            "SELECT id, names FROM entities WHERE id = ANY(%s) ORDER BY id FOR NO KEY UPDATE", (touched,))}
        updates = []
        for eid in touched:
            names = json.loads(current.get(eid) or "{}")
            merged = dict(names) if eid in current and current[eid] != "{}" else {}
            for patch in names_of.get(eid, []):
                out = dict(patch)
                out.update(merged)
                merged = out
            m, s = new_stories.get(eid, (0, 0))
            text = json.dumps(merged, ensure_ascii=False)
            if m or s or list(merged.items()) != list(names.items()):
                updates.append((text, m, s, eid))
        if updates:
            with pg.cursor() as cur:
                cur.executemany("UPDATE entities SET names = %s, mention_count = mention_count + %s, "
                                "story_count = story_count + %s WHERE id = %s", updates)
        return [d.id for d in fresh]

    def _save_edges(self, kept: edges.Rows) -> None:
        """The graph's kept rows of the batch's events (:mod:`.edges`): the evidence and entity events only these
        events have, then the counts, which other writers share, upserted in key order."""
        pg = self.db.pg
        self._copy("graph_evidence", ("cut", "source", "target", "type", "period", "reprint", "doc_id",
                                      "evidence_start", "event_id"), kept.evidence)
        self._copy("entity_events", ("entity_id", "role", "reprint", "at", "doc_id", "evidence_start", "event_id"),
                   kept.participants)
        if kept.edges:
            self._stage("stage_graph_edges", "graph_edges", ("cut", "source", "target", "type", "period", "n", "n_all"),
                        [(*k, n, n_all) for k, (n, n_all) in sorted(kept.edges.items())])
            pg.execute("INSERT INTO graph_edges SELECT * FROM stage_graph_edges "
                       "ORDER BY cut, source, target, type, period ON CONFLICT (cut, source, target, type, period) "
                       "DO UPDATE SET n = graph_edges.n + excluded.n, n_all = graph_edges.n_all + excluded.n_all")
        if kept.links:
            self._stage("stage_entity_links", "entity_links", ("entity_id", "other_id", "type", "n"),
                        [(*k, n) for k, n in sorted(kept.links.items())])
            pg.execute("INSERT INTO entity_links SELECT * FROM stage_entity_links ORDER BY entity_id, other_id, type "
                       "ON CONFLICT (entity_id, other_id, type) DO UPDATE SET n = entity_links.n + excluded.n")

    def _site_lines(self, lines: list[tuple[str, str, str]]) -> None:
        if lines:
            self._stage("stage_site_lines", "site_lines", ("site", "line_key", "page_key"), lines)
            self.db.pg.execute("INSERT INTO site_lines SELECT * FROM stage_site_lines "
                               "ORDER BY site, line_key, page_key ON CONFLICT DO NOTHING")

    def _ids(self, table: str, n: int):
        """``n`` new ids of ``table`` (its sequence: stored in order, as SQLite numbers rows)."""
        if not n:
            return iter(())
        rows = self.db.pg.execute(f"SELECT nextval('{table}_id_seq') FROM generate_series(1, %s)", (n,))
        return iter(sorted(r[0] for r in rows))

    def record_failure(self, failure: Failure) -> None:
        s = _storable_source(failure.source)
        clean = lambda v: _clean_text(v)  # noqa: E731
        self.db.pg.execute(
            """INSERT INTO failures (path, record, url, reason) VALUES (%s, %s, %s, %s)
               ON CONFLICT (path, record) DO UPDATE SET reason = excluded.reason, url = excluded.url,
                   at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""",
            (clean(s.path) or "", clean(s.record) or "", clean(s.url), clean(failure.reason)))

    # -- reading -------------------------------------------------------------

    def count(self, *, canonical_only: bool = False) -> int:
        where = " WHERE duplicate_of IS NULL" if canonical_only else ""
        return self.db.execute(f"SELECT count(*) FROM documents{where}").fetchone()[0]

    def failures(self) -> list[Failure]:
        return [Failure(Source(path=r["path"] or None, url=r["url"], record=r["record"] or None), r["reason"])
                for r in self.db.execute("SELECT * FROM failures ORDER BY path, record")]

    # the reads are the SQLite store's own: Connection rewrites their SQL (placeholders, rowid)
    get = Store.get
    reprints = Store.reprints
    search = Store.search


class Snapshot(PostgresStore):
    """A read-only connection inside one REPEATABLE READ transaction: the rows of one streaming export
    are one consistent snapshot while others write (:class:`newsgraph.serve.exports.Snapshot`)."""

    def __init__(self, url: str) -> None:
        super().__init__(url, migrate=False)
        self.db.pg.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def close(self) -> None:
        try:
            self.db.pg.execute("ROLLBACK")
        finally:
            super().close()


__all__ = ["Connection", "PostgresStore", "Snapshot", "StoreError", "is_url", "translate"]
