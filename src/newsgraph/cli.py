"""The command line: ``newsgraph analyze | ingest | search | show``."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.text import Text
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .ingest import iter_files, read_path, read_paths
from .model import Document, Failure
from .pipeline import Pipeline
from .store import IngestReport, Store, default_db_path

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
        out.print(f"  event      {ev.type}{'/' + ev.mode if ev.mode else ''} "
                  f"{escape(', '.join(names.get(a, a) for a in ev.actors))} → "
                  f"{escape(', '.join(names.get(r, r) for r in ev.recipients) or '—')}"
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
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
def ingest(paths: tuple[str, ...], db: str | None) -> None:
    """Analyse files and folders and store them; safe to interrupt and run again."""
    db_path = default_db_path(db)
    files = [p for p in iter_files(paths) if p.resolve() != db_path.resolve()]
    report = IngestReport()
    with Store(db_path) as store:
        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
        try:
            with progress:
                task = progress.add_task("ingesting", total=len(files))

                def items():  # one stream over all files: the analysis batches documents across them
                    for path in files:
                        yield from read_path(path)
                        progress.advance(task)  # read; stored within the next batch

                store.ingest(items(), Pipeline(), report=report,
                             on_item=lambda item: isinstance(item, Document) and _warn(item))
        except KeyboardInterrupt:
            err.print("[yellow]interrupted[/yellow]: every document stored so far is kept; run the same command to go on")
            _summary(report, db_path)
            sys.exit(130)
        _summary(report, db_path)
    sys.exit(1 if report.failures and not report.stored + report.already_stored else 0)


def _warn(doc: Document) -> None:
    """Print a document's warnings."""
    for warning in doc.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(doc.source.describe())}: {escape(warning)}")


def _summary(report: IngestReport, db_path) -> None:
    err.print(f"{report.read} documents read: "
              f"{len(report.stored)} stored ({report.reprints} as reprints of a stored story), "
              f"{len(report.already_stored)} already stored, {len(report.failures)} failed  → {db_path}")
    for f in report.failures:
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


def _dump(rows) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _names(people: list[dict[str, str]]) -> str:
    return ", ".join(p["name"] for p in people) or "—"


@main.command(name="entities")
@db_option
@click.option("--type", "etype", type=click.Choice(["PER", "ORG", "LOC", "MISC"], case_sensitive=False))
@click.option("--q", "query", help="A name or alias in any language and form.")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def entities_cmd(db: str | None, etype: str | None, query: str | None, limit: int, as_json: bool) -> None:
    """Stored entities, most mentioned first."""
    from .store import queries

    with Store(default_db_path(db)) as store:
        rows = queries.entities(store.db, type=etype, q=query, limit=limit)
    if as_json:
        return _dump(rows)
    for r in rows:
        other = ", ".join(f"{k}: {v}" for k, v in r["names"].items() if v != r["name"])
        out.print(f"{r['id']:<28} {r['type']:<5} {escape(r['name'])}"
                  f"{'  (' + escape(other) + ')' if other else ''}  [dim]{r['mentions']} mentions in "
                  f"{r['documents']} documents[/dim]")


@main.command(name="entity")
@click.argument("ref")
@db_option
@click.option("--json", "as_json", is_flag=True)
def entity_cmd(ref: str, db: str | None, as_json: bool) -> None:
    """One entity: names, aliases, roles, mentions, quotes by and about it, events."""
    from .store import queries

    with Store(default_db_path(db)) as store:
        ids = queries.resolve(store.db, ref)
        if len(ids) != 1:
            err.print(f"[red]error[/red] {escape(ref)} names {len(ids)} entities"
                      + (f": {', '.join(ids[:10])}" if ids else ""))
            sys.exit(1)
        info = queries.entity(store.db, ids[0])
    if as_json:
        return _dump([info])
    out.print(f"[bold]{escape(info['name'])}[/bold] {info['type']} {info['id']}")
    out.print("  names    " + escape(", ".join(f"{k}: {v}" for k, v in info["names"].items())))
    out.print("  aliases  " + escape(", ".join(info["aliases"][:30])))
    for r in info["roles"]:
        out.print(f"  role     {escape(r['title'])}" + (f" — {escape(r['org_name'])}" if r["org_name"] else ""))
    out.print(f"  mentions {len(info['mentions'])} in {len({m['doc_id'] for m in info['mentions']})} documents")
    for title, rows in (("said", info["quotes_by"]), ("quoted about", info["quotes_about"])):
        for q in rows:
            out.print(f"  {title:<8} [{q['kind']}] {escape(q['content'] or '')}  [dim]{q['doc_id']}[/dim]")
    for title, rows in (("did", info["events_as_actor"]), ("underwent", info["events_as_recipient"])):
        for e in rows:
            out.print(f"  {title:<8} {e['type']}{'/' + e['mode'] if e['mode'] else ''} "
                      f"{escape(_names(e['actors']))} → {escape(_names(e['recipients']))} ({e['factuality']}): "
                      f"[dim]{escape(e['evidence'] or '')}[/dim]")


@main.command(name="quotes")
@db_option
@click.option("--speaker", help="Entity id or name of the speaker.")
@click.option("--about", help="Entity id or name the quote mentions.")
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def quotes_cmd(db: str | None, speaker: str | None, about: str | None, limit: int, as_json: bool) -> None:
    """Quotes with their speakers, direct and indirect."""
    from .store import queries

    with Store(default_db_path(db)) as store:
        rows = queries.quotes(store.db, speaker=speaker, about=about, limit=limit)
    if as_json:
        return _dump(rows)
    for q in rows:
        who = q["speaker_name"] or q["speaker_text"] or "?"
        out.print(f"[bold]{escape(who)}[/bold] [{q['kind']}] {escape(q['content'] or '')}  [dim]{q['doc_id']}[/dim]")


@main.command(name="events")
@db_option
@click.option("--type", "etype", help="PLOVER type, e.g. AID, ASSAULT, COOPERATE.")
@click.option("--actor")
@click.option("--recipient")
@click.option("--since", help="ISO date: events on or after it (event date, else publication).")
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def events_cmd(db: str | None, etype: str | None, actor: str | None, recipient: str | None, since: str | None,
               limit: int, as_json: bool) -> None:
    """Who did what to whom, with the sentence that says so."""
    from .store import queries

    with Store(default_db_path(db)) as store:
        rows = queries.events(store.db, type=etype, actor=actor, recipient=recipient, since=since, limit=limit)
    if as_json:
        return _dump(rows)
    for e in rows:
        amount = f" {e['amount_value']:,.0f} {e['amount_unit']}" if e["amount_value"] is not None else ""
        out.print(f"[bold]{e['type']}[/bold]{'/' + e['mode'] if e['mode'] else ''} "
                  f"{escape(_names(e['actors']))} → {escape(_names(e['recipients']))}{amount} "
                  f"({e['factuality']}{', ' + e['date'] if e['date'] else ''})\n   [dim]{escape(e['evidence'] or '')}[/dim]")


@main.command(name="graph")
@db_option
@click.option("--type", "etype", help="PLOVER type to keep.")
@click.option("--since")
@click.option("--until")
@click.option("--json", "as_json", is_flag=True, help="Nodes and edges as one JSON object.")
def graph_cmd(db: str | None, etype: str | None, since: str | None, until: str | None, as_json: bool) -> None:
    """Actor → recipient edges aggregated by event type, with counts and evidence."""
    from .store import queries

    with Store(default_db_path(db)) as store:
        g = queries.graph(store.db, type=etype, since=since, until=until)
    if as_json:
        sys.stdout.write(json.dumps(g, ensure_ascii=False) + "\n")
        return
    names = {n["id"]: n["name"] for n in g["nodes"]}
    for e in g["edges"]:
        out.print(f"{escape(names.get(e['source'], e['source']))} —{e['type']}→ "
                  f"{escape(names.get(e['target'], e['target']))}  ×{e['count']}")
        for ev in e["evidence"]:
            out.print(f"   [dim]{escape(ev['text'] or '')}[/dim]")


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
def serve(db: str | None, host: str, port: int, token: str | None, max_body: int) -> None:
    """The web explorer and REST API (OpenAPI at /docs) on the stored data."""
    import uvicorn

    from .serve import create_app

    db_path = default_db_path(db)
    if not db_path.exists():
        err.print(f"[yellow]warning[/yellow] {escape(str(db_path))} does not exist: serving an empty store "
                  "(run `newsgraph ingest PATH --db FILE` first)")
    loopback = host in ("127.0.0.1", "localhost", "::1")
    # on loopback, refuse other Host headers: a web page cannot reach the API through DNS rebinding
    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if loopback else None
    app = create_app(db_path, token=token, max_body=max_body, allowed_hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"newsgraph explorer on http://{shown}:{port}/  (API docs: /docs)  db={escape(str(db_path))}  "
              + ("uploads enabled (token)" if token else "read-only"))
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=64, timeout_keep_alive=5)
