"""Exports: rows as JSONL or CSV, the actor graph as GraphML or GEXF (Gephi).

Each format is written line by line (``*_lines``) so that the server can stream an export of
10 000 documents in chunks of :data:`CHUNK` bytes: eight parallel full exports used to hold eight
whole results in memory (3.5 GB); streamed, one holds a chunk and the row being written.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax import saxutils

from ..lang import CODES
from ..store import Store, is_url

#: bytes of output gathered before a chunk is handed to the server
CHUNK = 1 << 16

#: characters XML 1.0 does not allow; article text sometimes carries them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    return saxutils.escape(_NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(_NOT_XML.sub("", text))

#: PLOVER types by quad class (verbal/material × cooperation/conflict).
QUADS: dict[str, list[str]] = {
    "verbal_cooperation": ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
    "material_cooperation": ["COOPERATE", "AID", "RETREAT"],
    "verbal_conflict": ["REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST"],
    "material_conflict": ["SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
}
QUAD_OF = {t: quad for quad, types in QUADS.items() for t in types}


def quad(type_: str) -> str:
    return QUAD_OF.get(type_, "other")


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        # entities by name, recipient phrases ({start, end, text}) by their words
        return "; ".join(v.get("name", v.get("id", v.get("text", ""))) if isinstance(v, dict) else str(v)
                         for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for r in rows:
        yield json.dumps(r, ensure_ascii=False) + "\n"


def jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(jsonl_lines(rows))


def _cells(r: dict[str, Any]) -> dict[str, Any]:
    cells = {}
    for k, v in r.items():
        v = _flat(v)
        if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
            v = "'" + v
        cells[k] = v
    return cells


def csv_lines(rows: Iterable[dict[str, Any]], fields: list[str] | None = None) -> Iterator[str]:
    """CSV rows as they come; the header is ``fields``, else the first row's keys (the rows of one
    query all have the same ones), so nothing has to be read ahead."""
    out = io.StringIO()
    writer = None
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=fields or list(r), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(_cells(r))
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    if writer is None and fields:
        csv.DictWriter(out, fieldnames=fields).writeheader()
        yield out.getvalue()


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV with a header; lists of entities become "name; name", objects JSON. Formula-like cells are
    prefixed with ' so that a spreadsheet shows article text instead of running it."""
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    return "".join(csv_lines(rows, fields))


def chunked(lines: Iterable[str], size: int = CHUNK) -> Iterator[bytes]:
    """Lines gathered into chunks of about ``size`` bytes (one thread hop per chunk, not per line)."""
    buf: list[str] = []
    n = 0
    for line in lines:
        buf.append(line)
        n += len(line)
        if n >= size:
            yield "".join(buf).encode()
            buf, n = [], 0
    if buf:
        yield "".join(buf).encode()


class Snapshot(Store):
    """A read-only connection that one streaming export owns from its first query to its last chunk,
    inside one read transaction, so that the rows of an export are one consistent snapshot even
    while uploads write. Its chunks are produced by whichever worker thread is free, one at a time,
    hence ``check_same_thread=False``; the schema was migrated when the application started."""

    def __new__(cls, path: str | Path):
        if is_url(str(path)):  # a PostgreSQL store: one REPEATABLE READ, READ ONLY transaction of its own
            from ..store.postgres import Snapshot as PostgresSnapshot

            return PostgresSnapshot(str(path))
        return super().__new__(cls)

    def __init__(self, path: str | Path) -> None:  # no super().__init__: that migrates and writes
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA query_only = ON")
        self.db.execute("BEGIN")


def stream(lines: Iterator[str], on_close: Callable[[], None]):
    """An async iterator of byte chunks for a StreamingResponse: each chunk is made in a worker
    thread (SQLite reads block), and ``on_close`` runs however the response ends (finished, client
    gone, server stopping)."""
    from starlette.concurrency import run_in_threadpool

    chunks = chunked(lines)

    async def body():
        try:
            while True:
                chunk = await run_in_threadpool(next, chunks, None)
                if chunk is None:
                    return
                yield chunk
        finally:
            chunks.close()
            on_close()

    return body()


def _edge_label(e: dict[str, Any]) -> str:
    return e["type"] + (f" {e['window']}" if e.get("window") else "")


def graphml(g: dict[str, Any]) -> str:
    return "".join(graphml_lines(g))


def gexf(g: dict[str, Any]) -> str:
    return "".join(gexf_lines(g))


def graphml_lines(g: dict[str, Any]) -> Iterator[str]:
    return (line + "\n" for line in _graphml(g))


def gexf_lines(g: dict[str, Any]) -> Iterator[str]:
    return (line + "\n" for line in _gexf(g))


def _graphml(g: dict[str, Any]) -> Iterator[str]:
    keys = [("n_name", "node", "name"), ("n_type", "node", "type"),
            *((f"n_{code}", "node", f"name_{code}") for code in CODES), ("e_type", "edge", "type"),
            ("e_quad", "edge", "quad"), ("e_window", "edge", "window"), ("e_count", "edge", "count"),
            ("e_evidence", "edge", "evidence")]
    yield from ['<?xml version="1.0" encoding="UTF-8"?>',
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for kid, domain, name in keys:
        kind = "int" if name == "count" else "string"
        yield f'  <key id="{kid}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>'
    yield '  <graph id="newsgraph" edgedefault="directed">'
    for n in g["nodes"]:
        yield f"    <node id={quoteattr(n['id'])}>"
        yield f"      <data key=\"n_name\">{escape(n['name'])}</data>"
        yield f"      <data key=\"n_type\">{escape(n['type'])}</data>"
        for code in CODES:
            if n.get("names", {}).get(code):
                yield f"      <data key=\"n_{code}\">{escape(n['names'][code])}</data>"
        yield "    </node>"
    for i, e in enumerate(g["edges"]):
        yield f"    <edge id=\"e{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])}>"
        yield f"      <data key=\"e_type\">{escape(e['type'])}</data>"
        yield f"      <data key=\"e_quad\">{escape(quad(e['type']))}</data>"
        if e.get("window"):
            yield f"      <data key=\"e_window\">{escape(e['window'])}</data>"
        yield f"      <data key=\"e_count\">{e['count']}</data>"
        text = " | ".join(ev["text"] or "" for ev in e["evidence"])
        yield f"      <data key=\"e_evidence\">{escape(text)}</data>"
        yield "    </edge>"
    yield from ["  </graph>", "</graphml>"]


def _gexf(g: dict[str, Any]) -> Iterator[str]:
    yield from ['<?xml version="1.0" encoding="UTF-8"?>',
                '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
                '  <meta><creator>newsgraph</creator><description>actors and PLOVER events</description></meta>',
                '  <graph defaultedgetype="directed" mode="static">',
                '    <attributes class="node">',
                '      <attribute id="0" title="type" type="string"/>',
                *(f'      <attribute id="{i}" title="name_{code}" type="string"/>' for i, code in enumerate(CODES, 1)),
                '    </attributes>',
                '    <attributes class="edge">',
                '      <attribute id="0" title="type" type="string"/>',
                '      <attribute id="1" title="quad" type="string"/>',
                '      <attribute id="2" title="window" type="string"/>',
                '      <attribute id="3" title="evidence" type="string"/>',
                '    </attributes>',
                '    <nodes>']
    for n in g["nodes"]:
        yield f"      <node id={quoteattr(n['id'])} label={quoteattr(n['name'])}><attvalues>"
        yield f"        <attvalue for=\"0\" value={quoteattr(n['type'])}/>"
        for i, code in enumerate(CODES, 1):
            if n.get("names", {}).get(code):
                yield f"        <attvalue for=\"{i}\" value={quoteattr(n['names'][code])}/>"
        yield "      </attvalues></node>"
    yield "    </nodes>"
    yield "    <edges>"
    for i, e in enumerate(g["edges"]):
        text = " | ".join(ev["text"] or "" for ev in e["evidence"])
        yield (f"      <edge id=\"{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])} "
               f"label={quoteattr(_edge_label(e))} weight=\"{e['count']}\"><attvalues>")
        yield f"        <attvalue for=\"0\" value={quoteattr(e['type'])}/>"
        yield f"        <attvalue for=\"1\" value={quoteattr(quad(e['type']))}/>"
        if e.get("window"):
            yield f"        <attvalue for=\"2\" value={quoteattr(e['window'])}/>"
        yield f"        <attvalue for=\"3\" value={quoteattr(text)}/>"
        yield "      </attvalues></edge>"
    yield from ["    </edges>", "  </graph>", "</gexf>"]
