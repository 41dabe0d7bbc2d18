"""The command line: ``newsgraph analyze | ingest | search | show``."""
from __future__ import annotations

import json
import sys
from collections import Counter

import click
from rich.console import Console
from rich.markup import escape
from rich.text import Text
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .ingest import iter_files, read_path
from .model import Document, Failure
from .pipeline import Pipeline
from .store import Store, default_db_path

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

db_option = click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                         help="SQLite file (default: $NEWSGRAPH_DB or ./newsgraph.db).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn news in Ukrainian, Russian and English into verifiable knowledge."""


def _report_failure(f: Failure) -> None:
    err.print(f"[red]error[/red] {escape(str(f))}")


def _report(doc: Document) -> None:
    kinds = Counter(s.kind for s in doc.segments)
    out.print(f"[bold]{escape(doc.source.describe())}[/bold]  format={doc.source.format} "
              f"language={doc.language} id={doc.id}"
              + (f" encoding={doc.encoding}" if doc.encoding and doc.encoding != "utf-8" else "")
              + (f"\n  [yellow]reprint of {doc.duplicate_of}[/yellow]" if doc.duplicate_of else ""))
    out.print(f"  title      {escape(doc.title or '—')}")
    if doc.lead:
        out.print(f"  lead       {escape(doc.lead)}")
    if doc.published:
        out.print(f"  published  {doc.published}")
    out.print("  segments   " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    for s in doc.segments:
        if s.kind in ("related", "boilerplate"):
            out.print(f"  [dim]{s.kind:<11}({s.language or '?'}) {escape(doc.text[s.start:s.end][:100])}[/dim]")
    out.print()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per document (JSONL).")
def analyze(paths: tuple[str, ...], as_json: bool) -> None:
    """Analyse files, folders or '-' (stdin) without storing anything."""
    pipeline = Pipeline()
    failed = 0
    for path in iter_files(paths):
        for item in pipeline.run(read_path(path)):
            if isinstance(item, Failure):
                failed += 1
                _report_failure(item)
            else:
                _warn(item)
                if as_json:
                    sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                else:
                    _report(item)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
def ingest(paths: tuple[str, ...], db: str | None) -> None:
    """Analyse files and folders and store them; safe to interrupt and run again."""
    db_path = default_db_path(db)
    files = [p for p in iter_files(paths) if p.resolve() != db_path.resolve()]
    counts: Counter[str] = Counter()
    failures: list[Failure] = []
    with Store(db_path) as store:
        pipeline = store.pipeline()
        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
        try:
            with progress:
                task = progress.add_task("ingesting", total=len(files))
                for path in files:
                    for item in pipeline.run(read_path(path)):
                        counts["read"] += 1
                        if isinstance(item, Failure):
                            failures.append(item)
                            store.record_failure(item)
                        elif (item.warnings and _warn(item)) or store.save(item, pipeline.repeated):
                            counts["stored"] += 1
                            counts["duplicates"] += item.duplicate_of is not None
                        else:
                            counts["already stored"] += 1
                    progress.advance(task)
        except KeyboardInterrupt:
            err.print("[yellow]interrupted[/yellow]: every document stored so far is kept; run the same command to go on")
            _summary(counts, failures, db_path)
            sys.exit(130)
        _summary(counts, failures, db_path)
    sys.exit(1 if failures and not counts["stored"] + counts["already stored"] else 0)


def _warn(doc: Document) -> bool:
    """Print a document's warnings; False so that the document is still saved."""
    for warning in doc.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(doc.source.describe())}: {escape(warning)}")
    return False


def _summary(counts: Counter[str], failures: list[Failure], db_path) -> None:
    err.print(f"{counts['read']} documents read: "
              f"{counts['stored']} stored ({counts['duplicates']} as reprints of a stored story), "
              f"{counts['already stored']} already stored, {len(failures)} failed  → {db_path}")
    for f in failures:
        _report_failure(f)


@main.command()
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--all", "include_duplicates", is_flag=True, help="Show reprints as well as canonical documents.")
@click.option("--json", "as_json", is_flag=True)
def search(query: tuple[str, ...], db: str | None, limit: int, include_duplicates: bool, as_json: bool) -> None:
    """Full-text search; any inflected form finds the others (Шольцом finds Шольц)."""
    with Store(default_db_path(db)) as store:
        hits = store.search(" ".join(query), limit=limit, include_duplicates=include_duplicates)
    for h in hits:
        if as_json:
            sys.stdout.write(json.dumps(h.__dict__, ensure_ascii=False) + "\n")
            continue
        extra = f"  (+{h.reprints} reprints)" if h.reprints else ""
        out.print(f"[bold]{h.id}[/bold] \\[{h.language}] {escape(h.title or '—')}{extra}")
        line = Text("   " + h.snippet)
        for start, end in h.highlights:
            line.stylize("bold yellow", start + 3, end + 3)
        out.print(line)
    if not hits and not as_json:
        err.print("no documents match")


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True)
def show(doc_id: str, db: str | None, as_json: bool) -> None:
    """Print one stored document (full id or a unique prefix)."""
    with Store(default_db_path(db)) as store:
        doc = store.get(doc_id)
        reprints = store.reprints(doc.id) if doc else []
    if doc is None:
        err.print(f"[red]error[/red] no stored document with id {escape(doc_id)}")
        sys.exit(1)
    if as_json:
        sys.stdout.write(json.dumps(doc.to_dict() | {"reprints": reprints}, ensure_ascii=False) + "\n")
        return
    _report(doc)
    for s in doc.segments:
        style = "dim" if s.kind in ("related", "boilerplate") else ""
        label = f"{s.kind:<11}"
        out.print(f"[{style or 'default'}]{label} {escape(doc.text[s.start:s.end])}[/]")
    if reprints:
        out.print(f"\nreprinted as: {', '.join(reprints)}")


@main.group(name="eval")
def eval_() -> None:
    """Score newsgraph on annotated corpora (figures anyone can reproduce)."""


@eval_.command(name="ner")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["auto", "ner-uk", "factrueval"]), default="auto",
              show_default=True, help="Corpus format: NER-UK (.txt + .ann) or factRuEval (.objects/.spans).")
@click.option("--convention", type=click.Choice(["exact", "tokens"]), default="exact", show_default=True,
              help="exact: character spans; tokens: natasha's token-level factRuEval tables (factRuEval only).")
@click.option("--types", default="PER,ORG,LOC", show_default=True)
def eval_ner(path: str, fmt: str, convention: str, types: str) -> None:
    """Precision, recall and F1 per entity type of `analyze` on a corpus."""
    from .evaluation import ner

    fmt = ner.detect_format(path) if fmt == "auto" else fmt
    wanted = tuple(t.strip() for t in types.split(",") if t.strip())
    if convention == "tokens":
        if fmt != "factrueval":
            raise click.UsageError("--convention tokens applies to factRuEval only")
        from .evaluation import factrueval

        scores = factrueval.evaluate(factrueval.load_corpus(path), ner.predicted_spans, ["tokens"])["tokens"]
    else:
        docs = ner.read_ner_uk(path) if fmt == "ner-uk" else ner.read_factrueval(path)
        scores = ner.evaluate(docs, wanted)
    out.print(f"{fmt}, {convention} match, {path}")
    out.print(scores.table(wanted))


if __name__ == "__main__":
    main()
