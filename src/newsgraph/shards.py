"""Shards: each input file's analysis as one Parquet file, so a long run can be
stopped and resumed, and the analysis (the map) kept apart from the store (the
load).

A shard is written under a temporary name, renamed, and only then marked done
by ``NAME.done`` (the input's size and modification time, and the counts): a
run killed midway leaves at most a temporary file, which the next run deletes,
and that run skips every input whose marker still matches. Loading goes
through :meth:`newsgraph.store.Store.ingest` with :class:`ShardLoader` as its
analyser, so a shard is stored by the same ``Store.save`` as a direct ingest
(a stored id is never stored twice: loading again adds nothing). The reprints
of all the shards loaded together are grouped at once, with the store's
(:mod:`newsgraph.clean.grouping`): the groups and their canonicals do not depend
on which worker wrote which shard, nor on the order the shards are loaded in.
The site lines the shards carry are merged into the store's.

The lines a site repeats are learnt as the documents stream, in input order, as
one process learns them (see :mod:`newsgraph.executor.base`: every document of
a site goes to one worker). A shard run starts from what was learnt before it,
as a direct ingest starts from its store's (``Store.prime``): the site lines of
the store it will load into (``site_lines``, given by ``ingest --shards``) and
of the shards already done in the folder, which a rerun skips. So a run stopped
and run again, or shards written into a store that has documents already,
clean each document as a single uninterrupted process would. Shards written by
separate runs that know nothing of each other (``--shards-only`` on several
machines) each learn from their own inputs only; their site lines are merged
when they are loaded, for the runs after.

Each row is a document or a failure. The document's whole analysis, tokens
included (the store indexes their lemmas), is one JSON column; the fields a
reader filters on have typed columns beside it. Every column that may be null
is typed in :data:`SCHEMA`, so an all-null column reads back with its type.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .clean import dedup, grouping
from .executor.base import SiteLines
from .ingest import read_path
from .model import Document, Failure, Fingerprint, Source

SUFFIX = ".parquet"
DONE = ".done"
#: bumped when the columns change; a shard of another version is analysed again.
VERSION = 1


def _schema():
    import pyarrow as pa

    return pa.schema([
        pa.field("seq", pa.int32(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),  # "document" or "failure"
        pa.field("id", pa.string()),
        pa.field("language", pa.string()),
        pa.field("published", pa.string()),
        pa.field("title", pa.string()),
        pa.field("site", pa.string()),
        pa.field("source_path", pa.string()),
        pa.field("source_url", pa.string()),
        pa.field("source_format", pa.string()),
        pa.field("source_record", pa.string()),
        # the duplicate hints: the worker's verdict, and the keys the load groups by again
        pa.field("duplicate_of", pa.string()),
        pa.field("exact_key", pa.string()),
        pa.field("minhash", pa.binary()),
        pa.field("analysis", pa.large_string()),
        pa.field("site_lines", pa.list_(pa.struct([("site", pa.string()), ("line_key", pa.string()),
                                                   ("page_key", pa.string())]))),
        pa.field("reason", pa.string()),
    ], metadata={"newsgraph.shard.version": str(VERSION)})


def _require_arrow() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise RuntimeError("shards need pyarrow: pip install 'newsgraph[ray]' (or pyarrow alone)") from None


def _row(seq: int, item: Document | Failure, rows: list[tuple[str, str, str]]) -> dict[str, Any]:
    s = item.source
    row: dict[str, Any] = {"seq": seq, "source_path": s.path, "source_url": s.url, "source_format": s.format,
                           "source_record": s.record, "site_lines": None, "id": None, "language": None,
                           "published": None, "title": None, "site": None, "duplicate_of": None,
                           "exact_key": None, "minhash": None, "analysis": None, "reason": None}
    if isinstance(item, Failure):
        return row | {"kind": "failure", "reason": item.reason}
    fp = item.fingerprint
    return row | {
        "kind": "document", "id": item.id, "language": item.language, "published": item.published,
        "title": item.title, "site": item.site, "duplicate_of": item.duplicate_of,
        "exact_key": fp.exact if fp else None, "minhash": dedup.signature_bytes(fp.minhash) if fp else None,
        "analysis": json.dumps(item.to_dict(tokens=True), ensure_ascii=False, default=str),
        "site_lines": [{"site": a, "line_key": b, "page_key": c} for a, b, c in rows],
    }


class ShardWriter:
    """One shard being written: rows go out in row groups of :data:`ROW_GROUP`, so
    a large WARC file's results are never all held in memory; :meth:`finish`
    closes, syncs and renames the file into place. Until then only the temporary
    file exists, which a later run deletes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        _require_arrow()
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")
        self.rows: list[dict[str, Any]] = []
        self.count = self.documents = 0
        self._writer = None

    def add(self, item: Document | Failure, lines: list) -> None:
        self.rows.append(_row(self.count, item, lines))
        self.count += 1
        self.documents += isinstance(item, Document)
        if len(self.rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._writer is None:
            self._writer = pq.ParquetWriter(self.tmp, _schema(), compression="zstd")
        if self.rows:
            self._writer.write_table(pa.Table.from_pylist(self.rows, schema=_schema()))
            self.rows = []

    def finish(self) -> int:
        """Put the shard in place; the number of rows."""
        self._flush()
        self._writer.close()
        with open(self.tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(self.tmp, self.path)
        return self.count


#: rows per Parquet row group (and the most results held per shard).
ROW_GROUP = 256


def write_shard(path: str | os.PathLike[str], results: Iterable[tuple[Document | Failure, list]]) -> int:
    """Write one shard atomically (temporary name, fsync, rename); the number of rows."""
    writer = ShardWriter(path)
    for item, lines in results:
        writer.add(item, lines)
    return writer.finish()


def _open(path: str | os.PathLike[str]):
    _require_arrow()
    import pyarrow.parquet as pq

    file = pq.ParquetFile(path)
    missing = set(_schema().names) - set(file.schema_arrow.names)
    if missing:
        raise RuntimeError(f"{path} is not a newsgraph shard of version {VERSION} (no {', '.join(sorted(missing))})")
    return file


def _item(row: dict[str, Any]) -> tuple[Document | Failure, list[tuple[str, str, str]]]:
    source = Source(path=row["source_path"], url=row["source_url"], format=row["source_format"] or "text",
                    record=row["source_record"])
    if row["kind"] == "failure":
        return Failure(source, row["reason"] or "failed"), []
    doc = Document.from_dict(json.loads(row["analysis"]))
    fp = (Fingerprint(row["exact_key"], dedup.signature_from_bytes(row["minhash"]))
          if row["exact_key"] is not None and row["minhash"] is not None else None)
    lines = [(x["site"], x["line_key"], x["page_key"]) for x in row["site_lines"] or []]
    return replace(doc, site=row["site"], fingerprint=fp, duplicate_of=row["duplicate_of"]), lines


def read_shard(path: str | os.PathLike[str]) -> Iterator[tuple[Document | Failure, list[tuple[str, str, str]]]]:
    """A shard's documents and failures, in order, each with the site lines it taught."""
    for _, item, lines in _read_rows(path):
        yield item, lines


def _read_rows(path: str | os.PathLike[str], only: set[int] | None = None
               ) -> Iterator[tuple[int, Document | Failure, list[tuple[str, str, str]]]]:
    """(seq, item, site lines) of a shard's rows, in order; with ``only``, just the rows of
    those seqs (the others are not parsed)."""
    file = _open(path)
    for batch in file.iter_batches(batch_size=ROW_GROUP):
        if only is not None:
            import pyarrow.compute as pc

            batch = batch.filter(pc.is_in(batch.column("seq"), value_set=_int32s(sorted(only))))
            if not batch.num_rows:
                continue
        for row in batch.to_pylist():
            item, lines = _item(row)
            yield row["seq"], item, lines


def _int32s(values: list[int]):
    import pyarrow as pa

    return pa.array(values, type=pa.int32())


def read_site_lines(path: str | os.PathLike[str]) -> Iterator[tuple[str, str, str]]:
    """The (site, line key, page key) rows a shard's documents taught, read without the analyses."""
    file = _open(path)
    for batch in file.iter_batches(batch_size=4096, columns=["site_lines"]):
        for lines in batch.column("site_lines").to_pylist():
            for x in lines or ():
                yield x["site"], x["line_key"], x["page_key"]


def stored_site_lines(store: Any) -> list[tuple[str, str, str]]:
    """The site lines a store holds: what ``Store.prime`` teaches a pipeline, without the
    reprint index (a shard's reprints are grouped when it is loaded)."""
    return [tuple(r) for r in store.db.execute("SELECT site, line_key, page_key FROM site_lines")]


#: the columns the grouping reads of every row (no analysis: a first pass is quick)
KEY_COLUMNS = ("seq", "kind", "id", "published", "exact_key", "minhash")


def read_keys(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The reprint keys of a shard's documents (:data:`KEY_COLUMNS`), in order: what the
    global grouping needs, read without the analyses."""
    file = _open(path)
    for batch in file.iter_batches(batch_size=4096, columns=list(KEY_COLUMNS)):
        for row in batch.to_pylist():
            if row["kind"] == "document":
                yield row


# -- naming and markers ---------------------------------------------------------

def shard_name(path: str | os.PathLike[str]) -> str:
    """A name for an input's shard: readable, and unique by the input's full path."""
    full = os.path.realpath(path)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(full).name)[:60] or "input"
    return f"{stem}-{hashlib.sha1(full.encode('utf-8', 'surrogateescape')).hexdigest()[:12]}"


def _stamp(path: str | os.PathLike[str]) -> dict[str, Any]:
    try:
        st = os.stat(path)
        return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
    except OSError:
        return {"size": None, "mtime_ns": None}


def is_done(out: Path, path: str | os.PathLike[str]) -> bool:
    """The input's shard is complete and the input has not changed since."""
    name = shard_name(path)
    try:
        marker = json.loads((out / (name + DONE)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return ((out / (name + SUFFIX)).is_file() and marker.get("version") == VERSION
            and marker.get("input") == os.path.realpath(path) and {k: marker.get(k) for k in ("size", "mtime_ns")}
            == _stamp(path))


def _mark_done(out: Path, path, documents: int, failures: int) -> None:
    name = shard_name(path)
    marker = {"version": VERSION, "input": os.path.realpath(path), **_stamp(path),
              "documents": documents, "failures": failures}
    tmp = out / f".{name}{DONE}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(marker), encoding="utf-8")
    os.replace(tmp, out / (name + DONE))


def clean_partial(out: Path) -> list[Path]:
    """Delete what killed runs left half-written; the paths deleted."""
    gone = []
    for p in out.glob(".*.tmp-*"):
        try:
            p.unlink()
            gone.append(p)
        except OSError:
            pass
    return gone


def shard_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Shards named or found in folders, done ones only, in name order (a folder's shards)."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(x for x in p.glob("*" + SUFFIX) if x.with_suffix(DONE).is_file()))
        else:
            found.append(p)
    return found


# -- writing --------------------------------------------------------------------

@dataclass
class ShardReport:
    written: list[Path] = field(default_factory=list)
    #: inputs whose shard was already done
    skipped: list[Path] = field(default_factory=list)
    documents: int = 0
    failures: list[Failure] = field(default_factory=list)
    #: every shard of the inputs, in input order (written and skipped)
    shards: list[Path] = field(default_factory=list)


def write_shards(files: Iterable[str | os.PathLike[str]], analyser: Any, out: str | os.PathLike[str], *,
                 on_item=None, on_file=None, on_read=None, on_skip=None,
                 report: ShardReport | None = None,
                 site_lines: Iterable[tuple[str, str, str]] = ()) -> ShardReport:
    """Analyse every input file not yet done into its own shard in ``out``.

    All inputs are one stream through ``analyser`` (workers are never idle at a
    file's end); a file's shard is written as soon as its last result is out:
    the analyser gives one result per item, in order.

    The callbacks are for a progress display: ``on_skip(path)`` for each input whose
    shard is done already (nothing to do for it), ``on_read(path, items)`` when an input
    to do has been read whole (how many documents and failures it gave: a display can
    estimate the documents still to come), ``on_item(result)`` for each result, in order,
    and ``on_file(path)`` for each input skipped or whose shard is written.

    Before any document is analysed, ``analyser`` learns the site lines known already:
    ``site_lines`` (the store's, :func:`stored_site_lines`) and those of every shard that is
    done, so that the inputs still to do are cleaned as one process that had stored the
    others would clean them (see the module's docstring)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    clean_partial(out)
    report = report or ShardReport()
    files = [Path(f) for f in files]
    todo, done = [], []
    for f in files:
        report.shards.append(out / (shard_name(f) + SUFFIX))
        if is_done(out, f):
            done.append(f)
            report.skipped.append(f)
            if on_skip:
                on_skip(f)
            if on_file:
                on_file(f)
        else:
            todo.append(f)
    known = getattr(analyser, "repeated", None)
    if known is not None and todo:
        known.load(site_lines)
        for f in done:
            known.load(read_site_lines(out / (shard_name(f) + SUFFIX)))
    tags: deque[int] = deque()

    def items():
        for k, f in enumerate(todo):
            count = 0
            for item in read_path(f):
                tags.append(k)
                count += 1
                yield item
            if on_read:
                on_read(f, count)

    writers: dict[int, ShardWriter] = {}
    finished = 0

    def finish(upto: int) -> None:
        nonlocal finished
        while finished < upto:
            f = todo[finished]
            writer = writers.pop(finished, None) or ShardWriter(out / (shard_name(f) + SUFFIX))
            writer.finish()
            _mark_done(out, f, writer.documents, writer.count - writer.documents)
            report.written.append(writer.path)
            finished += 1
            if on_file:
                on_file(f)

    drain = getattr(getattr(analyser, "repeated", None), "drain", lambda: [])
    for item in analyser.run(items()):
        k = tags.popleft()
        finish(k)  # every file before this one has all its results
        if k not in writers:
            writers[k] = ShardWriter(out / (shard_name(todo[k]) + SUFFIX))
        writers[k].add(item, drain())
        if isinstance(item, Failure):
            report.failures.append(item)
        else:
            report.documents += 1
        if on_item:
            on_item(item)
    finish(len(todo))
    return report


# -- loading --------------------------------------------------------------------

class StoredKeys:
    """What :meth:`Store.prime` teaches a :class:`ShardLoader` in place of a reprint index
    (it calls ``add`` for each stored document): the stored documents' reprint keys and
    groups, for the global grouping."""

    def __init__(self) -> None:
        self.items: dict[str, grouping.Item] = {}

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.items

    def add(self, doc_id: str, exact: str, mh: Any, duplicate_of: str | None = None) -> None:
        if doc_id not in self.items:
            self.items[doc_id] = grouping.Item(doc_id, exact, mh, stored=True, duplicate_of=duplicate_of)


class ShardLoader:
    """The analyser :meth:`Store.ingest` loads shards with; its ``run`` takes the shards' paths.

    The analysis is done, so it only groups the reprints and hands the site lines on. The
    grouping is global (:mod:`newsgraph.clean.grouping`): a first pass reads every shard's
    reprint keys (no analyses), groups them with the stored documents the store primed it
    with, and picks each group's canonical whatever the order of the shards; then the
    documents go out in shard order, each with the ``duplicate_of`` chosen. A reprint whose
    canonical is neither stored nor out yet waits for a last pass (only its rows read again),
    so that ``Store.save``, which keeps a ``duplicate_of`` only to a stored document, keeps it.

    ``published_of`` gives a stored document's ``published``, asked only when a shard's
    document joins two stored groups."""

    def __init__(self, published_of: Callable[[str], str | None] | None = None) -> None:
        self.repeated = SiteLines()
        self.dedup = StoredKeys()
        self.published_of = published_of
        #: the shards' reprints: id -> the canonical's id (set by :meth:`plan`)
        self.duplicate_of: dict[str, str] = {}

    def plan(self, shards: Iterable[str | os.PathLike[str]]) -> dict[str, str]:
        """The first pass: every shard's reprint keys grouped with the store's."""
        items = list(self.dedup.items.values())
        for shard in shards:
            for row in read_keys(shard):
                if row["id"] in self.dedup:
                    continue  # stored already: not stored again, its group is the store's
                keyed = row["exact_key"] is not None and row["minhash"] is not None
                items.append(grouping.Item(row["id"], row["exact_key"] if keyed else None,
                                           row["minhash"] if keyed else None, row["published"]))
        groups = grouping.group(items, published_of=self.published_of)
        self.duplicate_of = {k: v for k, v in groups.items() if v is not None}
        return self.duplicate_of

    def run(self, shards: Iterable[str | os.PathLike[str]]) -> Iterator[Document | Failure]:
        shards = [Path(s) for s in shards]
        plan = self.plan(shards)
        canonicals = set(plan.values())
        out: set[str] = set()  # canonicals already handed to the store
        later: dict[int, set[int]] = {}
        for k, shard in enumerate(shards):
            for seq, item, lines in _read_rows(shard):
                if isinstance(item, Failure):
                    yield item
                    continue
                head = plan.get(item.id)
                if head is not None and head not in out and head not in self.dedup:
                    later.setdefault(k, set()).add(seq)
                    continue
                if item.id in canonicals:
                    out.add(item.id)
                yield self._document(item, lines, head)
        for k, seqs in sorted(later.items()):
            for _, item, lines in _read_rows(shards[k], only=seqs):
                yield self._document(item, lines, plan.get(item.id))

    def _document(self, doc: Document, lines: list, head: str | None) -> Document:
        self.repeated.load(lines)
        self.repeated.pend(lines)
        return replace(doc, duplicate_of=head if doc.fingerprint is not None else None)


def _published_in(store: Any) -> Callable[[str], str | None]:
    def published(doc_id: str) -> str | None:
        doc = store.get(doc_id)
        return doc.published if doc is not None else None

    return published


def load_shards(shards: Iterable[str | os.PathLike[str]], store: Any, **kw):
    """Load shards into ``store`` through its one ingest loop, the reprints grouped globally
    (see :class:`ShardLoader`); the IngestReport."""
    return store.ingest([Path(s) for s in shards], ShardLoader(_published_in(store)), **kw)
