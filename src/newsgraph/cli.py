"""The command line: ``newsgraph analyze | ingest | search | show``."""
from __future__ import annotations

import datetime
import json
import os
import re
import sqlite3
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.markup import escape
from rich.text import Text
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)

from . import __version__
from .ingest import iter_files, printable, read_path, read_paths
from .dates import describe
from .lang import CODES
from .model import Document, Failure
from .pipeline import Pipeline
from .store import IngestReport, Store, default_db_path, filters, open_store

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

db_option = click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                         help="SQLite file or postgresql:// URL (default: $NEWSGRAPH_DB or ./newsgraph.db).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn news in Ukrainian, Russian and English into verifiable knowledge."""


def _report_failure(f: Failure) -> None:
    # names and reasons come from the user's files: no raw terminal escapes reach the screen
    err.print(f"[red]error[/red] {escape(printable(str(f)))}")


def _fail(message: str, code: int = 2) -> NoReturn:
    """An error the user can act on: what was wrong and, where there is one, what is valid."""
    err.print(f"[red]error[/red] {escape(message)}")
    sys.exit(code)


def _plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 document", "2 documents" (English: the interface's language)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _read_store(db: str | None) -> Store:
    """The store a read command asks about; creating one is ``ingest``'s job, so a path that
    does not exist (a typo in --db) is an error, never a new empty database."""
    path = default_db_path(db)
    if not path.exists():
        _fail(f"no database at {path} (create one with `newsgraph ingest PATH --db {path}`, "
              "or point --db / $NEWSGRAPH_DB at an existing one)")
    if path.is_dir():
        _fail(f"{path} is a folder, not a newsgraph database")
    try:
        store = open_store(path)
        store.db.execute("SELECT 1 FROM documents LIMIT 1")
    except sqlite3.DatabaseError as e:
        _fail(f"{path} is not a newsgraph database ({e})")
    return store


def _iso_date(ctx, param, value: str | None) -> str | None:
    try:
        return filters.iso_date(value)
    except filters.FilterError as e:
        raise click.BadParameter(str(e)) from None


def _plover_types(ctx, param, value: str | None) -> str | None:
    try:
        return filters.event_types(value)
    except filters.FilterError as e:
        raise click.BadParameter(str(e)) from None


def _entity_ref(store: Store, ref: str | None, option: str, *, one: bool = False) -> str | None:
    """What an entity option names, as a reference the queries resolve the same way: the id when
    the name is unambiguous. Nothing found is an error with the nearest names; several found is
    an error where one entity is needed (``one``), else a note saying which ones are included."""
    if ref is None:
        return None
    from .store.lookup import label, lookup

    match = lookup(store.db, ref)
    if not match.ids:
        near = "; did you mean: " + "; ".join(label(s) for s in match.suggestions) if match.suggestions else ""
        _fail(f"{option} {ref!r}: no stored entity has this name{near}", 1 if one else 2)
    if len(match.ids) == 1:
        return match.ids[0]
    listed = "; ".join(label(s) for s in match.suggestions[:10])
    if one:
        _fail(f"{option} {ref!r} names {_plural(len(match.ids), 'entity', 'entities')}: {listed} "
              "(give one of the ids)", 1)
    err.print(f"[yellow]note[/yellow] {escape(option)} {escape(repr(ref))} names "
              f"{_plural(len(match.ids), 'entity', 'entities')}, all included: {escape(listed)}")
    return ref


def _source_label(row: dict) -> str:
    """Where a copy was published: its site, else its URL's host, else its file name."""
    if row.get("site"):
        return row["site"]
    if row.get("url"):
        return urlsplit(row["url"]).hostname or row["url"]
    return Path(row.get("path") or "?").name


def _copies_note(reprints: list[dict]) -> str:
    """ "and 3 reprints: site, site" beside a story counted once ("" without reprints)."""
    if not reprints:
        return ""
    return f"and {_plural(len(reprints), 'reprint')}: {', '.join(_source_label(r) for r in reprints)}"


def _report(doc: Document) -> None:
    kinds = Counter(s.kind for s in doc.segments)
    out.print(f"[bold]{escape(doc.source.describe())}[/bold]  format={doc.source.format} "
              f"language={doc.language} id={doc.id}"
              + (f" encoding={doc.encoding}" if doc.encoding and doc.encoding != "utf-8" else "")
              + (f"\n  [yellow]reprint of {doc.duplicate_of}[/yellow]" if doc.duplicate_of else ""))
    out.print(f"  title      {escape(doc.title or '—')}")
    if doc.lead:
        out.print(f"  lead       {escape(doc.lead)}")
    out.print(f"  published  {doc.published or 'unknown'}")
    out.print(f"  site       {escape(doc.site or '—')}")
    out.print(f"  url        {escape(doc.source.url or doc.source.path or '—')}")
    out.print("  segments   " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    for s in doc.segments:
        if s.kind in ("related", "boilerplate"):
            out.print(f"  [dim]{s.kind:<11}({s.language or '?'}) {escape(doc.text[s.start:s.end][:100])}[/dim]")
    names = {e.id: e.name for e in doc.entities}
    if doc.entities:
        out.print("  entities   " + escape(", ".join(f"{e.name} ({e.type})" for e in doc.entities)))
    for e in doc.entities:
        for r in e.roles:
            out.print(f"  role       {escape(e.name)} — {escape(r.title)}"
                      + (f" — {escape(names.get(r.org, ''))}" if r.org else ""))
    for q in doc.quotes:
        who = names.get(q.speaker) or q.speaker_text or "?"
        text = doc.text[q.content.start:q.content.end]
        out.print(f"  quote      {escape(who)} {escape('[' + q.kind + ']')}: {escape(text[:90])}{'…' if len(text) > 90 else ''}")
    told = Counter(ev.same_as for ev in doc.events if ev.same_as is not None)
    for n, ev in enumerate(doc.events):
        if ev.same_as is not None:
            continue  # a later telling of an event listed already
        amount = ev.amount
        recipients = [*(names.get(r, r) for r in ev.recipients),
                      *("«" + doc.text[p.start:p.end] + "»" for p in ev.recipient_phrases)]
        out.print(f"  event      {ev.type}{'/' + ev.mode if ev.mode else ''} "
                  f"{escape(', '.join(names.get(a, a) for a in ev.actors))} → "
                  f"{escape(', '.join(recipients) or '—')}"
                  + (f" {amount.value:,.0f} {amount.unit}" if amount and amount.value is not None else "")
                  + (f" ({ev.factuality})" if ev.factuality != "asserted" else "")
                  + (f" ×{told[n] + 1}" if told[n] else ""))
    out.print()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per document (JSONL).")
@click.option("--tokens", is_flag=True,
              help="With --json: each sentence's tokens (offsets, lemma, UPOS, features, head, relation).")
def analyze(paths: tuple[str, ...], as_json: bool, tokens: bool) -> None:
    """Analyse files, folders or '-' (stdin) without storing anything."""
    pipeline = Pipeline()
    failed = 0
    # one stream over all files: the analysis batches documents across them
    for item in pipeline.run(read_paths(paths)):
        if isinstance(item, Failure):
            failed += 1
            _report_failure(item)
        else:
            _warn(item)
            if as_json:
                sys.stdout.write(json.dumps(item.to_dict(tokens=tokens), ensure_ascii=False) + "\n")
            else:
                _report(item)
    sys.exit(1 if failed else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of 'analyze --json' output (docs/contract.schema.json)."""
    from .contract import schema_text

    sys.stdout.write(schema_text())


@main.command()
@click.argument("paths", nargs=-1, required=True)  # a missing path is one failure among the others
@db_option
@click.option("--ok-on-failure", is_flag=True,
              help="Exit 0 even when some inputs could not be read or analysed (they are still listed).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where the analysis runs: this machine's processes, or a Ray cluster (pip install 'newsgraph[ray]').")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes (local) or actors (ray), each with its own pipeline.")
@click.option("--address", default=None,
              help="Ray cluster to join: auto or ray://HOST:PORT (default: start one on this machine for the run).")
@click.option("--shards", "shards_dir", type=click.Path(file_okay=False), default=None,
              help="Write each input file's analysis to a Parquet shard in this folder (a rerun skips done "
                   "shards), then load them into the store.")
@click.option("--shards-only", is_flag=True, help="With --shards: write the shards, load nothing (see `load`).")
def ingest(paths: tuple[str, ...], db: str | None, ok_on_failure: bool, engine: str = "local", workers: int = 1,
           address: str | None = None, shards_dir: str | None = None, shards_only: bool = False) -> None:
    """Analyse files and folders and store them; safe to interrupt and run again.

    Prints a summary to stdout; each input that failed is listed on stderr and makes the exit
    status 1 (unless --ok-on-failure), so that a script notices what was not stored."""
    db_path = default_db_path(db)
    if not db_path.parent.is_dir():
        _fail(f"cannot create the database {db_path}: the folder {db_path.parent} does not exist")
    if db_path.is_dir():
        _fail(f"--db {db_path} is a folder; give the database file's name")
    files = [p for p in iter_files(paths) if p.resolve() != db_path.resolve()]
    report = IngestReport()
    from .executor import close as close_executor
    from .executor import make_executor

    if shards_only and not shards_dir:
        _fail("--shards-only needs --shards DIR")
    _progress_seconds()
    try:
        analyser = make_executor(engine, workers, address=address)
    except (ValueError, RuntimeError) as e:
        _fail(str(e))
    try:
        if shards_dir:
            sys.exit(_ingest_shards(files, analyser, Path(shards_dir), db_path, ok_on_failure, shards_only))
        with open_store(db_path) as store:
            progress = _Progress(len(files))
            try:
                with progress:

                    def items():  # one stream over all files: the analysis batches documents across them
                        for path in files:
                            for item in read_path(path):
                                progress.item_read()
                                yield item
                            progress.file_read()  # counted as done when analysed (see _Progress)

                    store.ingest(items(), analyser, report=report, on_item=_counting(analyser, progress))
            except KeyboardInterrupt:
                err.print("[yellow]interrupted[/yellow]: every document stored so far is kept; run the same command to go on")
                _summary(report, db_path)
                sys.exit(130)
            _summary(report, db_path)
    finally:
        close_executor(analyser)
    sys.exit(1 if report.failures and not ok_on_failure else 0)


def _ingest_shards(files, analyser, shards_dir: Path, db_path, ok_on_failure: bool, shards_only: bool) -> int:
    """``ingest --shards``: the map (a shard per input file, done ones skipped), then the load."""
    from .shards import ShardReport, load_shards, stored_site_lines, write_shards
    from .store import is_url

    shard_report = ShardReport()
    # the map starts from the site lines the store learnt, as a direct ingest does (Store.prime);
    # --shards-only reads a store only if there is one, and makes none
    site_lines = []
    if not shards_only or is_url(str(db_path)) or Path(db_path).is_file():
        with open_store(db_path) as store:
            site_lines = stored_site_lines(store)
    try:
        with _Progress(len(files)) as progress:

            def read(path, items: int) -> None:
                progress.reading = progress.reading or time.monotonic()
                progress.read += items
                progress.file_read()

            write_shards(files, analyser, shards_dir, report=shard_report, on_skip=lambda f: progress.skip(),
                         on_read=read, on_item=_counting(analyser, progress), site_lines=site_lines)
    except KeyboardInterrupt:
        err.print(f"[yellow]interrupted[/yellow]: {len(shard_report.written)} shards written and kept; "
                  "run the same command to go on")
        return 130
    except RuntimeError as e:
        _fail(str(e))
    out.print(f"{_plural(len(files), 'input file')}: {len(shard_report.written)} shards written, "
              f"{len(shard_report.skipped)} already done  → {escape(str(shards_dir))}")
    if shards_only:
        for f in shard_report.failures:
            _report_failure(f)
        return 1 if shard_report.failures and not ok_on_failure else 0
    report = IngestReport()
    with open_store(db_path) as store:
        load_shards(shard_report.shards, store, report=report)
    _summary(report, db_path)
    return 1 if report.failures and not ok_on_failure else 0


@main.command()
@click.argument("shards", nargs=-1, required=True)
@db_option
@click.option("--ok-on-failure", is_flag=True, help="Exit 0 even when the shards hold failed inputs.")
def load(shards: tuple[str, ...], db: str | None, ok_on_failure: bool) -> None:
    """Load Parquet shards (files, or folders of them) written by `ingest --shards` into the store.

    Loading is idempotent: a document already stored is not stored again, so loading a folder
    again after more shards were written adds only the new ones."""
    from .shards import load_shards, shard_paths

    db_path = default_db_path(db)
    if not db_path.parent.is_dir():
        _fail(f"cannot create the database {db_path}: the folder {db_path.parent} does not exist")
    found = shard_paths(shards)
    missing = [p for p in found if not p.is_file()]
    if missing:
        _fail(f"no shard at {missing[0]}")
    report = IngestReport()
    with open_store(db_path) as store:
        try:
            load_shards(found, store, report=report)
        except RuntimeError as e:
            _fail(str(e))
    _summary(report, db_path)
    sys.exit(1 if report.failures and not ok_on_failure else 0)


def _progress_seconds() -> float:
    """$NEWSGRAPH_PROGRESS_SECONDS, checked before any worker is started: a typo there is the
    user's to fix, not a traceback after the models have loaded."""
    raw = os.environ.get("NEWSGRAPH_PROGRESS_SECONDS") or "5"
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        _fail(f"NEWSGRAPH_PROGRESS_SECONDS must be a number of seconds, 0 or more (0: a line at every change), "
              f"not {raw!r}")
    return seconds


class _Progress:
    """Ingestion progress, in documents: a bar on a terminal; elsewhere (a log file, CI, nohup) a
    line on stderr every few seconds ($NEWSGRAPH_PROGRESS_SECONDS, default 5; 0: at every change)
    with the rates and the time left, so that a long run piped to a file is never silent, and a
    last line with the totals.

    Documents (and failures) are counted as they are analysed, through :meth:`result`: with
    workers, from their answers as they arrive (:func:`newsgraph.executor.watch`). Counting files
    read would run ahead of the workers by the documents read ahead for them, and counting what
    the store is handed (in input order) would stand still while one slow chunk holds up the
    others. An input may hold many records (a WARC file, a JSONL export), so the number of
    documents to come is estimated from those the files read so far gave (``~`` until every file
    is read, then exact), and the ETA from it."""

    def __init__(self, files: int) -> None:
        self.files = files  # inputs to do
        self.files_read = self.read = self.read_whole = 0  # read_whole: items of the files read whole
        self.done = self.failed = 0
        #: when the first input was read: the rate leaves out the start (workers loading the pipeline)
        self.reading: float | None = None
        self.every = _progress_seconds()
        self.bar = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        if err.is_terminal:
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                                TimeRemainingColumn(), console=err, transient=True)

    def __enter__(self) -> _Progress:
        self.start = time.monotonic()
        if self.bar is not None:
            self.bar.__enter__()
            self.task = self.bar.add_task("ingesting", total=None, rate="")
        elif self.every > 0:  # a line every few seconds even when nothing arrives (models loading, a slow chunk)
            self._ticker = threading.Thread(target=self._tick, name="newsgraph-progress", daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(5)
        if self.bar is not None:
            self.bar.__exit__(exc_type, *exc)
            return
        now = time.monotonic()
        what = "ingested" if exc_type is None else "ingesting stopped"
        started = datetime.timedelta(seconds=round((self.reading or now) - self.start))
        err.print(f"{what}: {_plural(self.done, 'document')} ({self.failed} failed) from "
                  f"{_plural(self.files_read, 'file')} in {datetime.timedelta(seconds=round(now - self.start))} "
                  f"({started} of it starting), {self.rate(now):.1f} documents/s")

    def _tick(self) -> None:
        while not self._stop.wait(self.every):
            err.print(self.line(time.monotonic()))

    def expected(self) -> int | None:
        """The documents (failures included) the inputs hold: exact once every file is read."""
        if self.files_read >= self.files:
            return self.read
        if not self.files_read:
            return None
        guess = self.read_whole + round(self.read_whole / self.files_read * (self.files - self.files_read))
        return max(guess, self.read)

    def rate(self, now: float) -> float:
        """Documents per second since the first input was read."""
        return self.done / max(now - self.reading, 1e-6) if self.reading is not None else 0.0

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-6)
        rate = self.rate(now)
        expected = self.expected()
        left = (expected - self.done) / rate if rate and expected is not None else None
        eta = f"ETA {datetime.timedelta(seconds=round(left))}" if left is not None else "ETA unknown"
        exact = self.files_read >= self.files
        total = "?" if expected is None else f"{'' if exact else '~'}{expected}"
        share = f"{self.done / expected:.0%}, " if expected else ""
        return (f"ingesting: {self.done}/{total} documents ({share}{self.failed} failed), {rate:.1f} documents/s; "
                f"{self.files_read}/{self.files} files read, {self.files_read / elapsed:.1f} files/s; "
                f"elapsed {datetime.timedelta(seconds=round(elapsed))}, {eta}")

    def item_read(self) -> None:
        """A document or failure read from the current file (not yet analysed)."""
        if self.reading is None:
            self.reading = time.monotonic()
        self.read += 1

    def file_read(self) -> None:
        """The current file is read whole: its documents join the estimate's sample."""
        self.files_read += 1
        self.read_whole = self.read
        self._changed()

    def skip(self) -> None:
        """An input with nothing to do (its shard is done already)."""
        self.files -= 1
        self._changed()

    def result(self, item: Document | Failure) -> None:
        """A document analysed, or a failure, from whichever worker."""
        self.done += 1
        self.failed += isinstance(item, Failure)
        self._changed()

    def _changed(self) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, total=self.expected(),
                            rate=f"{self.rate(time.monotonic()):.1f} documents/s, {self.failed} failed")
        elif self.every <= 0:
            err.print(self.line(time.monotonic()))


def _counting(analyser, progress: _Progress):
    """The ``on_item`` of an ingest: each document's warnings printed, and counted by ``progress``
    unless the analyser's workers report their results as they finish them (then counted there)."""
    from .executor import watch

    watched = watch(analyser, progress.result)

    def on_item(item: Document | Failure) -> None:
        if not watched:
            progress.result(item)
        if isinstance(item, Document):
            _warn(item)

    return on_item


def _warn(doc: Document) -> None:
    """Print a document's warnings."""
    for warning in doc.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(printable(doc.source.describe()))}: "
                  f"{escape(printable(warning))}")


def _summary(report: IngestReport, db_path) -> None:
    out.print(f"{_plural(report.read, 'document')} read: "
              f"{len(report.stored)} stored ({report.reprints} as "
              f"{'a reprint' if report.reprints == 1 else 'reprints'} of a stored story), "
              f"{len(report.already_stored)} already stored, {len(report.failures)} failed  → {escape(str(db_path))}")
    for f in report.failures:
        _report_failure(f)


@main.command()
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@click.option("--all", "include_duplicates", is_flag=True, help="Show reprints as well as canonical documents.")
@click.option("--no-entity", "no_entity", is_flag=True,
              help="Do not add the stories that mention the entity the query names (in any language).")
@click.option("--entity", "entity_ref",
              help="Only stories mentioning this entity (id or name, any language and form).")
@click.option("--language", type=click.Choice(CODES), help="Only documents in this language.")
@click.option("--site", help="Only documents from this site.")
@click.option("--type", "etype", callback=_plover_types,
              help="Only documents holding an event of these PLOVER type(s), comma-separated.")
@click.option("--json", "as_json", is_flag=True)
def search(query: tuple[str, ...], db: str | None, limit: int, include_duplicates: bool, no_entity: bool,
           entity_ref: str | None, language: str | None, site: str | None, etype: str | None,
           as_json: bool) -> None:
    """Full-text search; any inflected form finds the others (Шольцом finds Шольц).

    When the query is the name of a stored entity ("Germany", "НАТО"), the stories that mention
    it in any language follow the text matches, marked as found through the entity. --entity,
    --language, --site and --type narrow it, as the explorer's facets do; an --entity that names
    no stored entity is an error with the nearest names."""
    from .store.expansion import expanded_search

    text = " ".join(query)
    with _read_store(db) as store:
        narrow = {"entity": _entity_ref(store, entity_ref, "--entity"), "language": language, "site": site,
                  "type": etype}
        if any(narrow.values()):
            from .store.charts import filtered_search

            hits, entity = filtered_search(store, text, limit=limit, include_duplicates=include_duplicates,
                                           expand=not no_entity, **narrow)
        else:
            hits, entity = expanded_search(store, text, limit=limit, include_duplicates=include_duplicates,
                                           expand=not no_entity)
    if as_json:
        return _dump(hits)
    shown_via = False
    for h in hits:
        if h["via"] and not shown_via:
            shown_via = True
            out.print(f"\n[bold]mentioning {escape(entity['name'])}[/bold] ({entity['id']}, any language or form), "
                      "not matched as text:")
        extra = f"  (+{_plural(h['reprints'], 'reprint')})" if h["reprints"] else ""
        out.print(f"[bold]{h['id']}[/bold] \\[{h['language']}] {escape(h['title'] or '—')}{extra}")
        out.print(f"   [dim]{escape(h['published'] or 'undated')} · {escape(h['site'] or '—')} · "
                  f"{escape(h['source'] or '—')}[/dim]")
        if h["snippet"]:
            line = Text("   " + h["snippet"])
            for start, end in h["highlights"]:
                line.stylize("bold yellow", start + 3, end + 3)
            out.print(line)
    if not hits:
        err.print(f"no documents match {text!r}")


def _document_id(store: Store, ref: str) -> str:
    """The stored id a full id or a prefix of one stands for; an ambiguous prefix is an error
    that says how many characters make it unique."""
    ref = ref.strip()
    ids = [r[0] for r in store.db.execute(
        "SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 1000", (ref, ref + "\U0010ffff"))]
    if ref in ids:
        return ref
    if not ids or not ref:
        _fail(f"no stored document with id {ref!r} (ids are hexadecimal; `newsgraph search` lists them)", 1)
    if len(ids) == 1:
        return ids[0]
    common = max(len(os.path.commonprefix([a, b])) for a, b in zip(ids, ids[1:]))
    shown = ", ".join(i[: common + 1] + "…" for i in ids[:6]) + (", …" if len(ids) > 6 else "")
    _fail(f"id prefix {ref!r} is ambiguous: {_plural(len(ids), 'document')} start with it ({shown}); "
          f"give at least {common + 1} characters", 1)


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True)
def show(doc_id: str, db: str | None, as_json: bool) -> None:
    """Print one stored document (full id or a unique prefix)."""
    from .store import queries

    with _read_store(db) as store:
        full = _document_id(store, doc_id)
        doc = store.get(full)
        reprints = store.reprints(full)
        copies = queries._copies(store.db, [full])[full]
    if as_json:
        sys.stdout.write(json.dumps(doc.to_dict() | {"reprints": reprints, "site": doc.site},
                                    ensure_ascii=False) + "\n")
        return
    _report(doc)
    for s in doc.segments:
        style = "dim" if s.kind in ("related", "boilerplate") else ""
        label = f"{s.kind:<11}"
        out.print(f"[{style or 'default'}]{label} {escape(doc.text[s.start:s.end])}[/]")
    if copies:
        out.print(f"\nreprinted as {_plural(len(copies), 'copy', 'copies')}:")
        for c in copies:
            out.print(f"  {c['id']}  {escape(c['published'] or 'undated')} · {escape(_source_label(c))} · "
                      f"{escape(c['url'] or c['path'] or '—')}")


def _dump(rows) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _names(people: list[dict[str, str]]) -> str:
    return ", ".join(p["name"] for p in people) or "—"


def _recipients(event: dict) -> str:
    """An event's recipients: the named ones, then the words of those no entity stands for
    ("Польща, «фермерів»")."""
    return ", ".join([*(p["name"] for p in event["recipients"]),
                      *(f"«{p['text']}»" for p in event.get("recipient_phrases") or [])]) or "—"


def _where(row: dict) -> str:
    """ "doc_id, date, site" of the story a quote or event comes from, with its copies."""
    note = _copies_note(row.get("reprints") or [])
    return f"{row['doc_id']} {row.get('published') or 'undated'} {_source_label(row)}" + (f", {note}" if note else "")


@main.command(name="entities")
@db_option
@click.option("--type", "etype", type=click.Choice(["PER", "ORG", "LOC", "MISC"], case_sensitive=False))
@click.option("--q", "query", help="A name or alias in any language and form.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True)
def entities_cmd(db: str | None, etype: str | None, query: str | None, limit: int, as_json: bool) -> None:
    """Stored entities, most mentioned first (a story and its reprints count once)."""
    from .store import queries
    from .store.lookup import label, lookup

    with _read_store(db) as store:
        if query is not None:
            match = lookup(store.db, query)
            if not match.ids:
                near = ("; did you mean: " + "; ".join(label(s) for s in match.suggestions)
                        if match.suggestions else "")
                _fail(f"--q {query!r}: no stored entity has this name{near}", 1)
        rows = queries.entities(store.db, type=etype, q=query, limit=limit)
    if as_json:
        return _dump(rows)
    for r in rows:
        other = ", ".join(f"{k}: {v}" for k, v in r["names"].items() if v != r["name"])
        out.print(f"{r['id']:<28} {r['type']:<5} {escape(r['name'])}"
                  f"{'  (' + escape(other) + ')' if other else ''}  [dim]{_plural(r['mentions'], 'mention')} in "
                  f"{_plural(r['documents'], 'document')}[/dim]")


@main.command(name="entity")
@click.argument("ref")
@db_option
@click.option("--json", "as_json", is_flag=True)
def entity_cmd(ref: str, db: str | None, as_json: bool) -> None:
    """One entity: names, aliases, roles, mentions, quotes by and about it, events.
    REF is an id or any name in uk, ru or en, in any case form ("Шольца", "ФРГ", "Germany")."""
    from .store import queries

    with _read_store(db) as store:
        entity_id = _entity_ref(store, ref, "entity", one=True)
        info = queries.entity(store.db, entity_id)
    if as_json:
        return _dump([info])
    out.print(f"[bold]{escape(info['name'])}[/bold] {info['type']} {info['id']}")
    out.print("  names    " + escape(", ".join(f"{k}: {v}" for k, v in info["names"].items())))
    out.print("  aliases  " + escape(", ".join(info["aliases"][:30])))
    if info.get("references"):
        out.print("  refs     " + escape(", ".join(info["references"][:30])) + "  [dim](pronouns, roles)[/dim]")
    for r in info["roles"]:
        out.print(f"  role     {escape(r['title'])}" + (f" — {escape(r['org_name'])}" if r["org_name"] else ""))
    out.print(f"  mentions {info['mention_count']} in {_plural(info['documents'], 'document')}"
              " [dim](a story and its reprints count once)[/dim]")
    for title, rows in (("said", info["quotes_by"]), ("quoted about", info["quotes_about"])):
        for q in rows:
            out.print(f"  {title:<8} {escape('[' + q['kind'] + ']')} {escape(q['content'] or '')}  "
                      f"[dim]{escape(_where(q))}[/dim]")
    for title, rows in (("did", info["events_as_actor"]), ("underwent", info["events_as_recipient"])):
        for e in rows:
            out.print(f"  {title:<8} {e['type']}{'/' + e['mode'] if e['mode'] else ''} "
                      f"{escape(_names(e['actors']))} → {escape(_recipients(e))} ({e['factuality']}): "
                      f"[dim]{escape(e['evidence'] or '')}  {escape(_where(e))}[/dim]")


@main.command(name="quotes")
@db_option
@click.option("--speaker", help="Entity id or name of the speaker (any language and form).")
@click.option("--about", help="Entity id or name the quote mentions.")
@click.option("--all", "include_duplicates", is_flag=True, help="List the copies in reprints too.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True)
def quotes_cmd(db: str | None, speaker: str | None, about: str | None, include_duplicates: bool, limit: int,
               as_json: bool) -> None:
    """Quotes with their speakers, direct and indirect; a quote a story's reprints repeat is
    listed once, with the reprints as its sources."""
    from .store import queries

    with _read_store(db) as store:
        rows = queries.quotes(store.db, speaker=_entity_ref(store, speaker, "--speaker"),
                              about=_entity_ref(store, about, "--about"), limit=limit,
                              include_duplicates=include_duplicates)
    if as_json:
        return _dump(rows)
    for q in rows:
        who = q["speaker_name"] or q["speaker_text"] or "?"
        out.print(f"[bold]{escape(who)}[/bold] {escape('[' + q['kind'] + ']')} {escape(q['content'] or '')}  "
                  f"[dim]{escape(_where(q))}[/dim]")
    if not rows and not as_json:
        err.print("no quotes match")


_type_option = click.option("--type", "etype", callback=_plover_types,
                            help="PLOVER type(s), comma-separated, e.g. AID, ASSAULT, COOPERATE.")
_since_option = click.option("--since", callback=_iso_date,
                             help="ISO date (YYYY-MM-DD, YYYY-MM or YYYY): on or after it (event date, else publication).")
_until_option = click.option("--until", callback=_iso_date, help="ISO date (or month, year), inclusive.")


@main.command(name="events")
@db_option
@_type_option
@click.option("--actor", help="Entity id or name (any language and form).")
@click.option("--recipient", help="Entity id or name (any language and form).")
@click.option("--place", help="Where the event happened: a place's id or name (any language and form).")
@_since_option
@_until_option
@click.option("--all", "include_duplicates", is_flag=True, help="List the events of reprints too.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True)
def events_cmd(db: str | None, etype: str | None, actor: str | None, recipient: str | None, place: str | None,
               since: str | None, until: str | None, include_duplicates: bool, limit: int, as_json: bool) -> None:
    """Who did what to whom, with the sentence that says so (a story's reprints as its sources)."""
    from .store import queries

    with _read_store(db) as store:
        rows = queries.events(store.db, type=etype, actor=_entity_ref(store, actor, "--actor"),
                              recipient=_entity_ref(store, recipient, "--recipient"),
                              place=_entity_ref(store, place, "--place"), since=since, until=until,
                              limit=limit, include_duplicates=include_duplicates)
    if as_json:
        return _dump(rows)
    for e in rows:
        amount = f" {e['amount_value']:,.0f} {e['amount_unit']}" if e["amount_value"] is not None else ""
        out.print(f"[bold]{e['type']}[/bold]{'/' + e['mode'] if e['mode'] else ''} "
                  f"{escape(_names(e['actors']))} → {escape(_recipients(e))}{amount} "
                  f"({e['factuality']}{', ' + describe(e['date']) if e['date'] else ''})\n   [dim]{escape(e['evidence'] or '')}"
                  f"\n   {escape(_where(e))}[/dim]")
    if not rows:
        err.print("no events match")


@main.command(name="graph")
@db_option
@_type_option
@_since_option
@_until_option
@click.option("--entity", help="Only the edges touching this entity (id or name, any language and form).")
@click.option("--all", "include_duplicates", is_flag=True, help="Count the events of reprints too.")
@click.option("--json", "as_json", is_flag=True, help="Nodes and edges as one JSON object.")
def graph_cmd(db: str | None, etype: str | None, since: str | None, until: str | None, entity: str | None,
              include_duplicates: bool, as_json: bool) -> None:
    """Actor → recipient edges aggregated by event type, with counts and evidence; a story
    and its reprints count once (as the API's /api/graph does)."""
    from .store import queries

    with _read_store(db) as store:
        g = queries.graph(store.db, type=etype, since=since, until=until,
                          entity=_entity_ref(store, entity, "--entity"), include_duplicates=include_duplicates)
    if as_json:
        sys.stdout.write(json.dumps(g, ensure_ascii=False) + "\n")
        return
    names = {n["id"]: n["name"] for n in g["nodes"]}
    for e in g["edges"]:
        out.print(f"{escape(names.get(e['source'], e['source']))} —{e['type']}→ "
                  f"{escape(names.get(e['target'], e['target']))}  ×{e['count']}")
        for ev in e["evidence"]:
            note = _copies_note(ev["reprints"])
            out.print(f"   [dim]{escape(ev['text'] or '')}  ({ev['doc_id']}{escape(', ' + note if note else '')})[/dim]")
    if not g["edges"]:
        err.print("no edges match")


EXPORT_FORMATS = {"documents": ("csv", "jsonl"), "entities": ("csv", "jsonl"), "quotes": ("csv", "jsonl"),
                  "events": ("csv", "jsonl"), "graph": ("csv", "jsonl", "graphml", "gexf")}


def _write(stream, body) -> None:
    """An export's text, whole or as chunks (the export functions may stream)."""
    if isinstance(body, (str, bytes)):
        body = [body]
    for chunk in body:
        stream.write(chunk.decode("utf-8") if isinstance(chunk, bytes) else chunk)


def _all_rows(fetch, page: int = 1000) -> list[dict]:
    """Every row of a paged query, page by page in its stable order."""
    rows, offset = [], 0
    while True:
        chunk = fetch(limit=page, offset=offset)
        rows += chunk
        if len(chunk) < page:
            return rows
        offset += page


@main.command(name="export")
@click.argument("kind", type=click.Choice(list(EXPORT_FORMATS)))
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "graphml", "gexf"]), default="csv",
              show_default=True, help="graphml and gexf (Gephi) are for 'graph' only.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@click.option("--no-bom", is_flag=True, help="CSV without the UTF-8 byte order mark (it is there so that "
                                             "Excel reads Cyrillic text as UTF-8).")
@_type_option
@click.option("--actor", help="events: the actor; graph: edges touching this entity.")
@click.option("--recipient", help="events: the recipient.")
@click.option("--speaker", help="quotes: the speaker; events: the speaker an event is attributed to.")
@click.option("--about", help="quotes: an entity the quote mentions.")
@click.option("--place", help="events: where the event happened (a place's id or name, any language and form).")
@_since_option
@_until_option
@click.option("--language", type=click.Choice(CODES), help="Documents, events and graph: by language.")
@click.option("--window", type=click.Choice(["day", "month", "year"]), help="graph: one edge per time window.")
@click.option("--all", "include_duplicates", is_flag=True, help="Include reprints (each story counts once otherwise).")
@click.option("--limit", type=click.IntRange(1), help="At most this many rows (default: all).")
def export_cmd(kind: str, db: str | None, fmt: str, output: str | None, no_bom: bool, etype: str | None,
               actor: str | None, recipient: str | None, speaker: str | None, about: str | None,
               place: str | None, since: str | None, until: str | None, language: str | None, window: str | None,
               include_duplicates: bool, limit: int | None) -> None:
    """Write documents, entities, quotes, events or the actor graph as CSV, JSONL, GraphML or GEXF
    (the API's /api/export, with the same filters and counts)."""
    from .serve import exports
    from .store import queries

    if fmt not in EXPORT_FORMATS[kind]:
        raise click.BadParameter(f"{kind} exports as {', '.join(EXPORT_FORMATS[kind])}", param_hint="--format")
    kinds_of = {"--type": (etype, ("events", "graph")), "--actor": (actor, ("events", "graph")),
                "--recipient": (recipient, ("events",)), "--speaker": (speaker, ("quotes", "events")),
                "--about": (about, ("quotes",)), "--place": (place, ("events",)),
                "--since": (since, ("events", "graph")),
                "--until": (until, ("events", "graph")), "--language": (language, ("documents", "events", "graph")),
                "--window": (window, ("graph",))}
    for option, (value, kinds) in kinds_of.items():
        if value is not None and kind not in kinds:
            raise click.UsageError(f"{option} does not apply to {kind} exports (it does to {', '.join(kinds)})")
    with _read_store(db) as store:
        sdb = store.db
        actor, recipient = _entity_ref(store, actor, "--actor"), _entity_ref(store, recipient, "--recipient")
        speaker, about = _entity_ref(store, speaker, "--speaker"), _entity_ref(store, about, "--about")
        place = _entity_ref(store, place, "--place")
        if kind == "graph":
            g = queries.graph(sdb, type=etype, since=since, until=until, window=window, entity=actor,
                              language=language, include_duplicates=include_duplicates)
            g["edges"] = g["edges"][:limit] if limit else g["edges"]
            keep = {e["source"] for e in g["edges"]} | {e["target"] for e in g["edges"]}
            g["nodes"] = [n for n in g["nodes"] if n["id"] in keep]
            for e in g["edges"]:
                e["quad"] = exports.quad(e["type"])
            if fmt in ("graphml", "gexf"):
                body = exports.graphml(g) if fmt == "graphml" else exports.gexf(g)
            else:
                rows = [{**e, "evidence": " | ".join(ev["text"] or "" for ev in e["evidence"])} for e in g["edges"]]
                body = exports.jsonl(g["edges"]) if fmt == "jsonl" else exports.to_csv(rows)
        else:
            if kind == "documents":
                fetch = lambda **page: queries.documents(sdb, language=language, include_duplicates=include_duplicates,  # noqa: E731
                                                         **page)["items"]
            elif kind == "entities":
                fetch = lambda **page: queries.entities(sdb, **page)  # noqa: E731
            elif kind == "quotes":
                fetch = lambda **page: queries.quotes(sdb, speaker=speaker, about=about,  # noqa: E731
                                                      include_duplicates=include_duplicates, **page)
            else:
                fetch = lambda **page: queries.events(sdb, type=etype, actor=actor, recipient=recipient,  # noqa: E731
                                                      source=speaker, place=place, since=since, until=until,
                                                      language=language, include_duplicates=include_duplicates,
                                                      **page)
            rows = fetch(limit=limit, offset=0) if limit else _all_rows(fetch)
            if kind == "documents" and fmt == "jsonl":  # the whole output contract of each document
                rows = [store.get(r["id"]).to_dict() | {"reprints": r["reprints"]} for r in rows]
            if fmt == "csv":
                for r in rows:
                    if isinstance(r.get("reprints"), list):
                        r["reprints"] = "; ".join(f"{c['id']} {_source_label(c)}" for c in r["reprints"])
            body = exports.jsonl(rows) if fmt == "jsonl" else exports.to_csv(rows)
        stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if fmt == "csv" and not no_bom:
                stream.write("\ufeff")
            _write(stream, body)
        finally:
            if output:
                stream.close()
    if output:
        err.print(f"{kind} → {escape(output)}")


@main.group(name="eval")
def eval_() -> None:
    """Score newsgraph on annotated corpora (figures anyone can reproduce)."""


@eval_.command(name="ner")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["auto", "ner-uk", "factrueval", "bsnlp"]), default="auto",
              show_default=True, help="Corpus format: NER-UK (.txt + .ann), factRuEval (.objects/.spans) "
                                      "or BSNLP (raw/*.txt + annotated *.out, with base forms).")
@click.option("--convention", type=click.Choice(["exact", "tokens"]), default="exact", show_default=True,
              help="exact: character spans; tokens: natasha's token-level factRuEval tables (factRuEval only).")
@click.option("--types", default="PER,ORG,LOC", show_default=True)
@click.option("--misses", is_flag=True, help="List the differences from the gold: mentions missed and invented "
                                             "(in context), or for BSNLP those found with a wrong base form.")
@click.option("--only", type=click.Path(exists=True, dir_okay=False),
              help="Score only the documents named in this file, one a line "
                   "(e.g. training/ner_uk/heldout.txt: the NER-UK documents kept out of training).")
def eval_ner(path: str, fmt: str, convention: str, types: str, misses: bool, only: str | None) -> None:
    """Precision, recall and F1 per entity type of `analyze` on a corpus
    (BSNLP: also the share of found mentions with the gold base form)."""
    from .evaluation import ner

    fmt = ner.detect_format(path) if fmt == "auto" else fmt
    wanted = tuple(t.strip() for t in types.split(",") if t.strip())
    if fmt == "bsnlp":
        from .evaluation import bsnlp

        if convention != "exact":
            raise click.UsageError("--convention tokens applies to factRuEval only")
        scores, bases = bsnlp.evaluate(bsnlp.read(path), wanted)
        out.print(f"bsnlp, relaxed exact match (distinct forms per document), {path}")
        out.print(scores.table(wanted))
        out.print(f"base forms: {bases.correct}/{bases.total} of found mentions exact ({bases.accuracy:.1%})")
        if misses:
            for name, form, gold, ours in bases.errors:
                out.print(f"  {escape(name)}: {escape(form)} → {escape(ours)} (gold {escape(gold)})")
        return
    if convention == "tokens":
        if fmt != "factrueval":
            raise click.UsageError("--convention tokens applies to factRuEval only")
        from .evaluation import factrueval

        scores = factrueval.evaluate(factrueval.load_corpus(path), ner.predicted_spans, ["tokens"])["tokens"]
    else:
        docs = ner.read_ner_uk(path) if fmt == "ner-uk" else ner.read_factrueval(path)
        if only:
            names = set(Path(only).read_text(encoding="utf-8").split())
            docs = (d for d in docs if d.name in names)
        found: list[ner.Miss] | None = [] if misses else None
        scores = ner.evaluate(docs, wanted, found)
        for miss in found or ():
            out.print(escape(str(miss)), soft_wrap=True)
    out.print(f"{fmt}, {convention} match, {path}")
    out.print(scores.table(wanted))


def _events_dev(path: str):
    """The events-dev module when PATH is a set in that format (a folder with gold.jsonl), else None."""
    from .evaluation import eventsdev

    if eventsdev.is_events_dev(path):
        return eventsdev
    if Path(path).is_dir():
        raise click.BadParameter(f"{path}: a folder must hold an events-dev gold.jsonl", param_hint="GOLD")
    return None


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _report_events_dev(scores, what: str, gold: str, misses: bool, as_json: bool,
                       lists: tuple[str, ...], width: int) -> None:
    """The figures of an events-dev score (quotes or events); with ``misses``,
    each line of the score's ``lists`` ("missed", "invented", ...) too."""
    if as_json:
        data = scores.to_dict()
        if not misses:
            for key in lists:
                data.pop(key)
        _print_json(data)
        return
    out.print(f"{what}, events-dev ({scores.documents} documents), {escape(gold)}")
    out.print(escape(scores.table()), soft_wrap=True)
    if misses:
        for kind in lists:
            for line in getattr(scores, kind):
                out.print(f"  {kind:<{width}} {escape(line)}", soft_wrap=True)


@eval_.command(name="quotes")
@click.argument("gold", type=click.Path(exists=True), default="tests/data/quotes/gold.jsonl")
@click.option("--misses", is_flag=True, help="List the gold quotes that were not found or misattributed "
                                             "(and, on events-dev, the invented ones).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def eval_quotes(gold: str, misses: bool, as_json: bool) -> None:
    """Quote P/R/F1 against a gold set: the project's JSONL (speaker attribution)
    or an events-dev folder (found and attributed, per language, as its GUIDELINES.md scores)."""
    dev = _events_dev(gold)
    if dev is not None:
        _report_events_dev(dev.evaluate_quotes(gold), "quotes", gold, misses, as_json,
                           ("missed", "misattributed", "invented"), 13)
        return
    from .evaluation.quotes import evaluate_quotes

    scores = evaluate_quotes(gold)
    if as_json:
        data = {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1,
                "correct": scores.tp, "predicted": scores.predicted, "gold": scores.gold}
        if misses:
            data["missed"] = scores.misses
        _print_json(data)
        return
    out.print(scores.table())
    if misses:
        for m in scores.misses:
            out.print(f"  missed {escape(m)}")


@eval_.command(name="events")
@click.argument("gold", type=click.Path(exists=True), default="tests/data/events/gold.jsonl")
@click.option("--misses", is_flag=True, help="List missed and invented events.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def eval_events(gold: str, misses: bool, as_json: bool) -> None:
    """Event P/R/F1 against a gold set: the project's JSONL (type + actor + recipient +
    evidence sentence) or an events-dev folder (per language and PLOVER type, as its GUIDELINES.md scores)."""
    dev = _events_dev(gold)
    if dev is not None:
        _report_events_dev(dev.evaluate_events(gold), "events", gold, misses, as_json, ("missed", "invented"), 8)
        return
    from .evaluation.events import evaluate_events

    scores = evaluate_events(gold)
    if as_json:
        p, r, f, n = scores.micro()
        data = {"precision": p, "recall": r, "f1": f, "gold": n,
                "by_type": {t: dict(zip(("precision", "recall", "f1", "gold"), scores.prf([t])))
                            for t in sorted(set(scores.tp) | set(scores.fp) | set(scores.fn))}}
        if misses:
            data |= {"missed": scores.missed, "invented": scores.invented}
        _print_json(data)
        return
    out.print(scores.table())
    if misses:
        for line in scores.missed:
            out.print(f"  missed   {escape(line)}", soft_wrap=True)
        for line in scores.invented:
            out.print(f"  invented {escape(line)}", soft_wrap=True)


@eval_.command(name="syntax")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--language", metavar="CODE",
              help="Parse every document in this language (uk, ru) instead of the one detected.")
@click.option("--by-relation", is_flag=True, help="Also LAS per universal dependency relation.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def eval_syntax(path: str, language: str | None, by_relation: bool, as_json: bool) -> None:
    """Tokens, sentences, UPOS, UAS and LAS of `analyze` on the raw text of a
    CoNLL-U file, aligned by character span as the CoNLL 2018 scorer does
    (headline: LAS on the words that are not punctuation)."""
    from .evaluation import syntax
    from .lang import CODES

    if language is not None and language not in CODES:
        raise click.BadParameter(f"{language!r}; supported: {', '.join(CODES)}", param_hint="--language")
    scores = syntax.evaluate(path, language)
    if as_json:
        sys.stdout.write(json.dumps(scores.to_dict(by_relation), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(f"syntax, CoNLL 2018 alignment, {escape(path)}")
        out.print(escape(scores.table(by_relation)), soft_wrap=True)


if __name__ == "__main__":
    main()


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", default=None, envvar="NEWSGRAPH_TOKEN",
              help="Enable POST /api/documents (upload to ingest), for requests with 'Authorization: Bearer TOKEN'. "
                   "Without it the server is read-only.")
@click.option("--max-body", default=5_000_000, show_default=True, help="Largest request body in bytes.")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0, 100_000),
              help="Megabytes of API answers kept until the store changes (0: none).")
def serve(db: str | None, host: str, port: int, token: str | None, max_body: int, cache_mb: int) -> None:
    """The web explorer and REST API (OpenAPI at /docs) on the stored data."""
    from .serve import create_app

    db_path = default_db_path(db)
    if not db_path.exists():
        if token is None:  # read-only: an empty store would only answer "nothing" to every question
            _fail(f"no database at {db_path} (run `newsgraph ingest PATH --db {db_path}` first, or give --token "
                  "to start an empty store that takes uploads)")
        err.print(f"[yellow]warning[/yellow] {escape(str(db_path))} does not exist: an empty store is created "
                  "for uploads")
    loopback = host in ("127.0.0.1", "localhost", "::1")
    # on loopback, refuse other Host headers: a web page cannot reach the API through DNS rebinding
    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if loopback else None
    app = create_app(db_path, token=token, max_body=max_body, allowed_hosts=hosts, cache_mb=cache_mb)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"newsgraph explorer on http://{shown}:{port}/  (API docs: /docs)  db={escape(str(db_path))}  "
              + ("uploads enabled (token)" if token else "read-only"))
    # idle and slow connections time out and do not count against requests (see serve/server.py)
    from .serve import server

    server.run(app, host, port)
