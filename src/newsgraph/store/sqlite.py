"""The embedded store: SQLite with FTS5, WAL, one transaction per document.

A run stopped by Ctrl-C or a kill loses at most the document it was writing,
and a second run skips every document already stored (ids are content
hashes), so interrupted ingestion is simply run again.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..analysis import morphology
from ..clean import dedup
from ..clean.repeated import RepeatedLines
from ..model import ARTICLE_KINDS, Document, Failure, Segment, Sentence, Source
from ..pipeline import Pipeline

DEFAULT_DB = "newsgraph.db"
#: Document fields kept verbatim as JSON in ``documents.analysis``.
ANALYSIS_FIELDS = ("sentences", "entities", "values", "quotes", "events", "warnings")


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` if given, else ``$NEWSGRAPH_DB``, else ``./newsgraph.db``."""
    return Path(explicit or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB)


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files(__package__).joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    language: str | None
    published: str | None
    source: str | None
    #: the article words around the first match
    snippet: str
    #: (start, end) of each matched word inside ``snippet``
    highlights: list[tuple[int, int]]
    reprints: int


class Store:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
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
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in _migrations():
            if number <= version:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(sql):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    # -- ingestion ---------------------------------------------------------

    def pipeline(self) -> Pipeline:
        """A pipeline that remembers what this store has seen: reprints, site lines."""
        pipeline = Pipeline()
        for row in self.db.execute("SELECT id, exact_key, minhash, duplicate_of FROM documents WHERE minhash IS NOT NULL"):
            pipeline.dedup.add(row["id"], row["exact_key"], dedup.signature_from_bytes(row["minhash"]), row["duplicate_of"])
        pipeline.repeated.load(self.db.execute("SELECT site, line_key, page_key FROM site_lines"))
        return pipeline

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def save(self, doc: Document, repeated: RepeatedLines | None = None) -> bool:
        """Store a document in one transaction; False if it was already stored."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self.has(doc.id):
                self.db.execute("ROLLBACK")
                return False
            fp = doc.fingerprint
            cur = self.db.execute(
                """INSERT INTO documents (id, source_path, source_url, source_format, source_record, site,
                       language, title, lead, published, author, encoding, text, duplicate_of, exact_key, minhash,
                       analysis)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (doc.id, doc.source.path, doc.source.url, doc.source.format, doc.source.record, doc.site,
                 doc.language, doc.title, doc.lead, doc.published, doc.author, doc.encoding, doc.text,
                 doc.duplicate_of, fp.exact if fp else None, dedup.signature_bytes(fp.minhash) if fp else None,
                 json.dumps(_analysis(doc), ensure_ascii=False)),
            )
            self._save_knowledge(doc)
            self.db.executemany(
                'INSERT INTO segments (doc_id, idx, start, "end", kind, language) VALUES (?, ?, ?, ?, ?, ?)',
                [(doc.id, i, s.start, s.end, s.kind, s.language) for i, s in enumerate(doc.segments)],
            )
            body = "\n".join(doc.text[s.start : s.end] for s in doc.segments if s.kind in ("lead", "body"))
            lemmas = " ".join(
                " ".join(morphology.lemmas(doc.text[s.start : s.end], s.language or doc.language))
                for s in doc.segments if s.kind in ARTICLE_KINDS
            )
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

    def _save_knowledge(self, doc: Document) -> None:
        """Entities (aliases, mentions, roles), quotes, events and values, in queryable form."""
        for e in doc.entities:
            self.db.execute(
                """INSERT INTO entities (id, type, name, names) VALUES (?, ?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET names = json_patch(excluded.names, entities.names)""",
                (e["id"], e["type"], e["name"], json.dumps(e.get("names", {}), ensure_ascii=False)),
            )
            aliases = {(m["lemma"], None) for m in e["mentions"]} | {(m["text"], None) for m in e["mentions"]}
            aliases |= {(name, language) for language, name in e.get("names", {}).items()}
            self.db.executemany("INSERT OR IGNORE INTO aliases (entity_id, alias, language) VALUES (?, ?, ?)",
                                [(e["id"], alias, language) for alias, language in aliases])
            self.db.executemany(
                'INSERT OR IGNORE INTO mentions (doc_id, entity_id, start, "end", text, lemma, kind) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, e["id"], m["start"], m["end"], m["text"], m.get("lemma"), m.get("kind") or "name")
                 for m in e["mentions"]],
            )
        known = {e["id"] for e in doc.entities}
        ref = lambda eid: eid if eid in known else None  # noqa: E731  (a dangling id must not break the FK)
        for e in doc.entities:
            self.db.executemany(
                "INSERT INTO roles (entity_id, title, org_id, doc_id) VALUES (?, ?, ?, ?)",
                [(e["id"], r["title"], ref(r.get("org")), doc.id) for r in e.get("roles", [])],
            )
        for q in doc.quotes:
            cue = q.get("cue") or {}
            self.db.execute(
                """INSERT INTO quotes (doc_id, kind, speaker, speaker_text, cue_start, cue_end,
                       content_start, content_end, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (doc.id, q["kind"], ref(q.get("speaker")), q.get("speaker_text"), cue.get("start"), cue.get("end"),
                 q["content"]["start"], q["content"]["end"], q.get("confidence")),
            )
        for ev in doc.events:
            amount = ev.get("amount") or {}
            trigger, evidence = ev.get("trigger") or {}, ev.get("evidence") or {}
            cur = self.db.execute(
                """INSERT INTO events (doc_id, type, mode, factuality, source, date, location, amount_value,
                       amount_unit, trigger_start, trigger_end, evidence_start, evidence_end, confidence)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (doc.id, ev["type"], ev.get("mode"), ev.get("factuality"), ref(ev.get("source")), ev.get("date"),
                 ref(ev.get("location")), amount.get("value"), amount.get("unit"), trigger.get("start"),
                 trigger.get("end"), evidence.get("start"), evidence.get("end"), ev.get("confidence")),
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO event_participants (event_id, entity_id, role) VALUES (?, ?, ?)",
                [(cur.lastrowid, eid, role) for role, ids in (("actor", ev.get("actors", [])),
                                                                ("recipient", ev.get("recipients", [])))
                 for eid in ids if eid in known],
            )
        self.db.executemany(
            'INSERT OR IGNORE INTO doc_values (doc_id, type, start, "end", text, value, unit, end_value, partial) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, v["type"], v["start"], v["end"], v["text"], v.get("value"), v.get("unit"),
              v.get("end_value"), int(bool(v.get("partial")))) for v in doc.values],
        )

    def record_failure(self, failure: Failure) -> None:
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
        from .queries import search

        return search(self, query, limit=limit, offset=offset, include_duplicates=include_duplicates)


def _analysis(doc: Document) -> dict:
    """The analysis columns as JSON; sentences are kept as spans (their tokens
    are recomputed by analysis, not stored: they would triple the database)."""
    out = {k: getattr(doc, k) for k in ANALYSIS_FIELDS}
    out["sentences"] = [s.to_dict() for s in doc.sentences]
    return out


def _load_analysis(raw: str | None) -> dict:
    out = json.loads(raw or "{}")
    out["sentences"] = [Sentence(s["start"], s["end"]) for s in out.get("sentences", [])]
    return out


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file (ours contain no semicolons in literals)."""
    body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]


def _query_terms(query: str) -> list[set[str]]:
    return [morphology.query_forms(w) for w in morphology.WORD.findall(query)]


def _fts_query(query: str) -> str:
    """Every query word must match, as itself or as any of its lemmas."""
    groups = []
    for forms in _query_terms(query):
        groups.append("(" + " OR ".join('"' + f.replace('"', '""') + '"' for f in sorted(forms)) + ")")
    return " AND ".join(groups)


def snippet(doc: Document | None, terms: list[set[str]], width: int = 12) -> tuple[str, list[tuple[int, int]]]:
    """The article words around the first match, and where the matches are in it."""
    if doc is None:
        return "", []
    wanted = set().union(*terms) if terms else set()
    # the body shows context the title line (printed anyway) does not
    ordered = sorted((s for s in doc.segments if s.kind in ARTICLE_KINDS), key=lambda s: s.kind == "title")
    for seg in ordered:
        text = doc.text[seg.start : seg.end]
        words = list(morphology.WORD.finditer(text))
        lang = seg.language or doc.language
        hits = [i for i, m in enumerate(words)
                if m.group().lower() in wanted or morphology.lemma(m.group(), lang) in wanted]
        if not hits:
            continue
        lo, hi = max(hits[0] - width, 0), min(hits[0] + width, len(words) - 1)
        start = words[lo].start()
        end = len(text) if hi == len(words) - 1 else words[hi].end()
        prefix, suffix = ("…" if lo else ""), ("…" if end < len(text) else "")
        shift = len(prefix) - start
        marks = [(words[i].start() + shift, words[i].end() + shift) for i in hits if lo <= i <= hi]
        return prefix + text[start:end] + suffix, marks
    return (doc.lead or doc.title or "")[: width * 12], []
