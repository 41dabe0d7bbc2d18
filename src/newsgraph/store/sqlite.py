"""The embedded store: SQLite with FTS5, WAL, one transaction per document.

A run stopped by Ctrl-C or a kill loses at most the document it was writing,
and a second run skips every document already stored (ids are content
hashes), so interrupted ingestion is simply run again. Any number of
processes may open one store at once, new or old: the migrations run under
SQLite's write lock, and whoever gets it second finds them done.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..analysis import morphology
from ..clean import dedup
from ..clean.repeated import RepeatedLines
from ..model import (ARTICLE_KINDS, Document, Entity, Event, Failure, Quote, Segment, Sentence, Source, Value,
                     from_json, to_json)
from . import edges
from .queries import SearchHit
from .queries import search as _search

if TYPE_CHECKING:
    from ..clean.dedup import Deduplicator
    from ..model import RawDocument

DEFAULT_DB = "newsgraph.db"
#: Document fields kept verbatim as JSON in ``documents.analysis``.
ANALYSIS_FIELDS = ("sentences", "entities", "values", "quotes", "events", "warnings")


class DatabaseURL(str):
    """A ``postgresql://`` URL where a caller expects the path of a store: it exists (the server
    says otherwise when connected to), is no folder, and its "folder" is always there."""

    def exists(self) -> bool:
        return True

    def is_dir(self) -> bool:
        return False

    def is_file(self) -> bool:
        return False

    def resolve(self) -> DatabaseURL:
        return self

    @property
    def parent(self) -> Path:
        return Path(".")


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` if given, else ``$NEWSGRAPH_DB``, else ``./newsgraph.db``; a ``postgresql://`` URL
    is kept as a :class:`DatabaseURL` (a Path would fold its ``//``)."""
    target = explicit or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
    if isinstance(target, str) and target.startswith(("postgresql://", "postgres://")):
        return DatabaseURL(target)  # type: ignore[return-value]
    return Path(target)


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files(__package__).joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


class Analyser(Protocol):
    """What :meth:`Store.ingest` needs of a pipeline (:class:`newsgraph.pipeline.Pipeline` is one):
    the site line filter and the reprint index it cleans with, which the store fills with what it
    has seen, and ``run``, which turns read items into documents and failures, in order."""

    repeated: RepeatedLines
    dedup: Deduplicator

    def run(self, items: Iterable[RawDocument | Failure]) -> Iterable[Document | Failure]: ...


@dataclass
class IngestReport:
    """What one :meth:`Store.ingest` did, filled in as it goes."""

    #: items the pipeline returned: documents and failures
    read: int = 0
    #: ids of the documents this run stored, in order
    stored: list[str] = field(default_factory=list)
    #: how many of ``stored`` are reprints of a story already seen
    reprints: int = 0
    #: ids of the documents skipped because the store already had them
    already_stored: list[str] = field(default_factory=list)
    #: what could not be read or analysed, each also recorded in the store's failures
    failures: list[Failure] = field(default_factory=list)


class Store:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.row_factory = sqlite3.Row
        self._wal()
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        """Bring the schema up to date. Two processes opening a new store at
        once both see version 0: the version is read again once the write lock
        is held (``BEGIN IMMEDIATE`` waits for it up to the busy timeout), so
        the second one finds the tables made and runs nothing."""
        migrations = _migrations()
        latest = migrations[-1][0] if migrations else 0
        if self._version() >= latest:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            version = self._version()
            for number, sql in migrations:
                if number <= version:
                    continue
                for statement in _split_sql(sql):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _wal(self, wait: float = 30.0) -> None:
        """Switch a new store to WAL (the mode stays in the file). The switch
        needs the database to itself and SQLite answers "database is locked" at
        once, without the busy timeout, while another process opens it too: try
        again for a while."""
        give_up = time.monotonic() + wait
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > give_up:
                    raise
                time.sleep(0.02)

    def _version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    # -- ingestion ---------------------------------------------------------

    def ingest(self, items: Iterable[RawDocument | Failure], pipeline: Analyser, *,
               on_item: Callable[[Document | Failure], object] | None = None,
               report: IngestReport | None = None) -> IngestReport:
        """Analyse read items (what :mod:`newsgraph.ingest` yields: raw documents and the
        records it could not read) with ``pipeline`` and store each result: a document in its
        own transaction, with the site lines learnt up to it, unless it is already stored; a
        failure in the failures table.

        The pipeline first learns what this store has seen (:meth:`prime`), so that a reprint
        of a stored story is marked as one and a site's repeated lines stay boilerplate from
        one run to the next. ``on_item`` sees each document or failure before it is stored.
        ``report``, when given, is filled in as the items are stored, so that a caller
        interrupted midway still has the counts."""
        report = IngestReport() if report is None else report
        self.prime(pipeline)
        for item in pipeline.run(items):
            report.read += 1
            if on_item is not None:
                on_item(item)
            if isinstance(item, Failure):
                report.failures.append(item)
                self.record_failure(item)
            elif self.save(item, pipeline.repeated):
                report.stored.append(item.id)
                report.reprints += item.duplicate_of is not None and self.has(item.duplicate_of)
            else:
                report.already_stored.append(item.id)
        return report

    def prime(self, pipeline: Analyser) -> None:
        """Teach a pipeline what this store has seen: the stored documents (reprint index) and
        the lines each site repeats. Priming twice adds nothing."""
        for row in self.db.execute("SELECT id, exact_key, minhash, duplicate_of FROM documents WHERE minhash IS NOT NULL"):
            pipeline.dedup.add(row["id"], row["exact_key"], dedup.signature_from_bytes(row["minhash"]), row["duplicate_of"])
        pipeline.repeated.load(self.db.execute("SELECT site, line_key, page_key FROM site_lines"))

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def save(self, doc: Document, repeated: RepeatedLines | None = None) -> bool:
        """Store a document in one transaction; False if it was already stored.

        SQLite holds UTF-8 only, and a JSON record may carry a lone surrogate
        ("\\ud800") and a file name bytes that are not UTF-8: such a document is
        stored with each lone surrogate of its text as U+FFFD (one character
        for one, so every offset still holds) and a warning that says so, and
        with its path's undecodable bytes escaped ("caf\\xe9.txt")."""
        try:
            return self._save(doc, repeated)
        except UnicodeEncodeError:
            return self._save(_storable(doc), repeated)

    def _save(self, doc: Document, repeated: RepeatedLines | None) -> bool:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self.has(doc.id):
                self.db.execute("ROLLBACK")
                return False
            fp = doc.fingerprint
            # the story it reprints may have failed (over its time budget) and not be stored
            duplicate_of = doc.duplicate_of if doc.duplicate_of is None or self.has(doc.duplicate_of) else None
            cur = self.db.execute(
                """INSERT INTO documents (id, source_path, source_url, source_format, source_record, site,
                       language, title, lead, published, author, encoding, text, duplicate_of, exact_key, minhash,
                       analysis)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (doc.id, doc.source.path, doc.source.url, doc.source.format, doc.source.record, doc.site,
                 doc.language, doc.title, doc.lead, doc.published, doc.author, doc.encoding, doc.text,
                 duplicate_of, fp.exact if fp else None, dedup.signature_bytes(fp.minhash) if fp else None,
                 json.dumps(_analysis(doc), ensure_ascii=False)),
            )
            self._save_knowledge(doc, reprint=duplicate_of is not None)
            self.db.executemany(
                'INSERT INTO segments (doc_id, idx, start, "end", kind, language) VALUES (?, ?, ?, ?, ?, ?)',
                [(doc.id, i, s.start, s.end, s.kind, s.language) for i, s in enumerate(doc.segments)],
            )
            body = "\n".join(doc.text[s.start : s.end] for s in doc.segments if s.kind in ("lead", "body"))
            lemmas = _index_lemmas(doc)
            self.db.execute("INSERT INTO documents_fts (rowid, title, body, lemmas) VALUES (?, ?, ?, ?)",
                            (cur.lastrowid, doc.title or "", body, lemmas))
            if repeated is not None:
                self.db.executemany("INSERT OR IGNORE INTO site_lines VALUES (?, ?, ?)", repeated.drain())
            self.db.execute("DELETE FROM failures WHERE path = ? AND record = ?",
                            (doc.source.path or "", doc.source.record or ""))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return True

    def _save_knowledge(self, doc: Document, reprint: bool = False) -> None:
        """Entities (aliases, mentions, roles), quotes, events and values, in queryable form; the
        graph's kept edges of the events (:mod:`.edges`). ``reprint``: the document is stored as
        a reprint of a stored story."""
        for e in doc.entities:
            self.db.execute(
                """INSERT INTO entities (id, type, name, names) VALUES (?, ?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET names = json_patch(excluded.names, entities.names)""",
                (e.id, e.type, e.name, json.dumps(e.names, ensure_ascii=False)),
            )
            mentions = e.all_mentions()  # names and references (roles, pronouns) alike
            aliases = {(m.lemma, None) for m in mentions} | {(m.text, None) for m in mentions}
            aliases |= {(name, language) for language, name in e.names.items()}
            self.db.executemany("INSERT OR IGNORE INTO aliases (entity_id, alias, language) VALUES (?, ?, ?)",
                                [(e.id, alias, language) for alias, language in aliases])
            self.db.executemany(
                'INSERT OR IGNORE INTO mentions (doc_id, entity_id, start, "end", text, lemma, kind) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, e.id, m.start, m.end, m.text, m.lemma, m.kind) for m in mentions],
            )
        known = {e.id for e in doc.entities}
        ref = lambda eid: eid if eid in known else None  # noqa: E731  (a dangling id must not break the FK)
        for e in doc.entities:
            self.db.executemany(
                "INSERT INTO roles (entity_id, title, org_id, doc_id) VALUES (?, ?, ?, ?)",
                [(e.id, r.title, ref(r.org), doc.id) for r in e.roles],
            )
        spans = {(e.id, m.start, m.end) for e in doc.entities for m in e.all_mentions()}
        for q in doc.quotes:
            cur = self.db.execute(
                """INSERT INTO quotes (doc_id, kind, speaker, speaker_text, cue_start, cue_end,
                       content_start, content_end, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (doc.id, q.kind, ref(q.speaker), q.speaker_text, q.cue.start, q.cue.end,
                 q.content.start, q.content.end, q.confidence),
            )
            # the entities it is about (migration 0008), as PostgreSQL keeps them
            self.db.executemany("INSERT OR IGNORE INTO quote_about (entity_id, quote_id) VALUES (?, ?)",
                                sorted({(eid, cur.lastrowid) for eid, a, b in spans
                                        if a >= q.content.start and b <= q.content.end}))
        stored: list[edges.StoredEvent] = []
        for ev in doc.events:
            if ev.same_as is not None:
                continue  # a later telling: the document keeps it, the tables count the event once
            amount = ev.amount
            cur = self.db.execute(
                """INSERT INTO events (doc_id, type, mode, factuality, source, date, location, amount_value,
                       amount_unit, trigger_start, trigger_end, evidence_start, evidence_end, confidence,
                       recipient_phrases)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (doc.id, ev.type, ev.mode, ev.factuality, ref(ev.source), ev.date, ref(ev.location),
                 amount.value if amount else None, amount.unit if amount else None, ev.trigger.start,
                 ev.trigger.end, ev.evidence.start, ev.evidence.end, ev.confidence,
                 recipient_phrases(doc.text, ev)),
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO event_participants (event_id, entity_id, role) VALUES (?, ?, ?)",
                [(cur.lastrowid, eid, role) for role, ids in (("actor", ev.actors), ("recipient", ev.recipients))
                 for eid in ids if eid in known],
            )
            stored.append(edges.StoredEvent(
                cur.lastrowid, doc.id, ev.type, ev.date if ev.date is not None else doc.published,
                ev.evidence.start, tuple(e for e in ev.actors if e in known),
                tuple(e for e in ev.recipients if e in known), reprint))
        self._save_edges(edges.rows(stored))
        self.db.executemany(
            'INSERT OR IGNORE INTO doc_values (doc_id, type, start, "end", text, value, unit, end_value, partial) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, v.type, v.start, v.end, v.text, v.value, v.unit, v.end_value, int(v.partial))
             for v in doc.values],
        )

    def _save_edges(self, kept: edges.Rows) -> None:
        self.db.executemany(
            "INSERT INTO graph_edges (cut, source, target, type, period, n, n_all) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (cut, source, target, type, period) "
            "DO UPDATE SET n = graph_edges.n + excluded.n, n_all = graph_edges.n_all + excluded.n_all",
            [(*k, n, n_all) for k, (n, n_all) in kept.edges.items()])
        self.db.executemany(
            "INSERT INTO graph_evidence (cut, source, target, type, period, reprint, doc_id, evidence_start, "
            "event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", kept.evidence)
        self.db.executemany(
            "INSERT INTO entity_links (entity_id, other_id, type, n) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (entity_id, other_id, type) DO UPDATE SET n = entity_links.n + excluded.n",
            [(*k, n) for k, n in kept.links.items()])
        self.db.executemany(
            "INSERT INTO entity_events (entity_id, role, reprint, at, doc_id, evidence_start, event_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", kept.participants)

    def record_failure(self, failure: Failure) -> None:
        try:
            self._record_failure(failure)
        except UnicodeEncodeError:
            self._record_failure(Failure(_storable_source(failure.source), _replace_surrogates(failure.reason)))

    def _record_failure(self, failure: Failure) -> None:
        s = failure.source
        self.db.execute(
            """INSERT INTO failures (path, record, url, reason) VALUES (?, ?, ?, ?)
               ON CONFLICT (path, record) DO UPDATE SET reason = excluded.reason, url = excluded.url,
                   at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')""",
            (s.path or "", s.record or "", s.url, failure.reason),
        )

    # -- reading -------------------------------------------------------------

    def count(self, *, canonical_only: bool = False) -> int:
        where = " WHERE duplicate_of IS NULL" if canonical_only else ""
        return self.db.execute(f"SELECT count(*) FROM documents{where}").fetchone()[0]

    def failures(self) -> list[Failure]:
        return [
            Failure(Source(path=r["path"] or None, url=r["url"], record=r["record"] or None), r["reason"])
            for r in self.db.execute("SELECT * FROM failures ORDER BY path, record")
        ]

    def get(self, doc_id: str) -> Document | None:
        """One document by id (a unique prefix of at least 6 characters also works)."""
        rows = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchall()
        if not rows and len(doc_id) >= 6:  # a prefix, as an index range (LIKE would scan every row)
            rows = self.db.execute("SELECT * FROM documents WHERE id >= ? AND id < ? LIMIT 2",
                                   (doc_id, doc_id + "\U0010ffff")).fetchall()
        if len(rows) != 1:
            return None
        row = rows[0]
        segments = [
            Segment(r["start"], r["end"], r["kind"], r["language"])
            for r in self.db.execute('SELECT * FROM segments WHERE doc_id = ? ORDER BY idx', (row["id"],))
        ]
        return Document(
            id=row["id"],
            source=Source(path=row["source_path"], url=row["source_url"], format=row["source_format"],
                          record=row["source_record"]),
            language=row["language"], title=row["title"], lead=row["lead"], published=row["published"],
            author=row["author"], encoding=row["encoding"], site=row["site"], text=row["text"],
            segments=segments, duplicate_of=row["duplicate_of"],
            **_load_analysis(row["analysis"]),
        )

    def reprints(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents WHERE duplicate_of = ? ORDER BY rowid", (doc_id,))]

    def search(self, query: str, *, limit: int = 20, offset: int = 0,
               include_duplicates: bool = False) -> list[SearchHit]:
        """Full-text search where any inflected form finds every other one."""
        return _search(self, query, limit=limit, offset=offset, include_duplicates=include_duplicates)


def _index_lemmas(doc: Document) -> str:
    """The lemmas search matches, of the article's words: those of the
    document's tokens, which the parser chose in context ("стали" is "стать"
    or "сталь" by its sentence), else the dictionary's likeliest (a document
    stored without analysis has no tokens)."""
    article = [(s.start, s.end) for s in doc.segments if s.kind in ARTICLE_KINDS]
    if not doc.sentences:
        return " ".join(" ".join(morphology.lemmas(doc.text[a:b], lang_of(doc, a))) for a, b in article)
    starts = [a for a, _ in article]
    words = []
    for sentence in doc.sentences:
        k = bisect_right(starts, sentence.start) - 1
        if k < 0 or sentence.start >= article[k][1]:
            continue
        words.extend(morphology.normalise(t.lemma) for t in sentence.tokens
                     if any(ch.isalnum() for ch in doc.text[t.start : t.end]))
    return " ".join(words)


def lang_of(doc: Document, offset: int) -> str | None:
    """The language of the segment holding ``offset``, else the document's."""
    return next((s.language for s in doc.segments if s.start <= offset < s.end and s.language), doc.language)


def _analysis(doc: Document) -> dict:
    """The analysis columns in their JSON form (``analyze --json``'s); sentences
    are kept as spans (their tokens are recomputed by analysis, not stored: they
    would triple the database)."""
    out = {k: to_json(getattr(doc, k)) for k in ANALYSIS_FIELDS}
    out["sentences"] = [s.to_dict() for s in doc.sentences]
    return out


def recipient_phrases(text: str, ev: Event) -> str:
    """``events.recipient_phrases`` of an event (migration 0007): its ``recipient_phrases`` as a JSON
    array of ``[start, end, words]``, the words resolved from ``text``, so that readers of the
    events need not fetch the document."""
    return json.dumps([[p.start, p.end, text[p.start:p.end]] for p in ev.recipient_phrases], ensure_ascii=False)


#: the type of each field of ``documents.analysis``.
_ANALYSIS_TYPES = {"sentences": Sentence, "entities": Entity, "values": Value, "quotes": Quote, "events": Event}


def _load_analysis(raw: str | None) -> dict:
    """The typed layers of ``documents.analysis``. Rows written before the layers
    were typed hold every mention of an entity in ``mentions`` (role and pronoun
    ones too); they go to ``references`` here, as they do in new rows."""
    out = json.loads(raw or "{}")
    for name, tp in _ANALYSIS_TYPES.items():
        out[name] = [from_json(tp, x) for x in out.get(name, [])]
    out["entities"] = [e.with_mentions(e.all_mentions()) for e in out["entities"]]
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _escaped(name: str | None) -> str | None:
    """A path or URL as UTF-8: the bytes a non-UTF-8 file name kept as
    surrogates (``os.fsdecode``) written as ``\\xe9``, any other lone surrogate as ``\\ud800``."""
    if name is None:
        return None
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _storable_source(source: Source) -> Source:
    return replace(source, path=_escaped(source.path), url=_escaped(source.url), record=_escaped(source.record))


def _storable(doc: Document) -> Document:
    """``doc`` with every string SQLite can hold: see :meth:`Store.save`."""
    def clean(value):
        if isinstance(value, str):
            return _replace_surrogates(value) if _SURROGATE.search(value) else value
        if isinstance(value, (list, tuple)):
            out = [clean(v) for v in value]
            return value if all(a is b for a, b in zip(out, value)) else type(value)(out)
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        if is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: clean(getattr(value, f.name)) for f in fields(value) if f.init}
            changes = {k: v for k, v in changes.items() if v is not getattr(value, k)}
            return replace(value, **changes) if changes else value
        return value

    source = _storable_source(doc.source)
    fixed = clean(replace(doc, source=source))
    if _SURROGATE.search(doc.text):
        fixed = replace(fixed, warnings=[*fixed.warnings, "the text held lone surrogates (halves of UTF-16 pairs, "
                                         "not characters); each is stored as U+FFFD"])
    return fixed


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file, each run on its own inside the migration's transaction
    (``executescript`` would commit it first). A trigger's body holds semicolons: a piece is
    joined to the next until SQLite says the statement is complete (ours hold no semicolons in
    literals or comments)."""
    body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    out, pending = [], ""
    for piece in body.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip())
    return out

