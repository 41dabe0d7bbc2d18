"""Exports: rows as JSONL or CSV, the actor graph as GraphML or GEXF (Gephi)."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Any
from xml.sax import saxutils

from ..lang import CODES

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
        return "; ".join(v.get("name", v.get("id", "")) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV with a header; lists of entities become "name; name", objects JSON. Formula-like cells are
    prefixed with ' so that a spreadsheet shows article text instead of running it."""
    out = io.StringIO()
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        cells = {}
        for k, v in r.items():
            v = _flat(v)
            if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
                v = "'" + v
            cells[k] = v
        writer.writerow(cells)
    return out.getvalue()


def _edge_label(e: dict[str, Any]) -> str:
    return e["type"] + (f" {e['window']}" if e.get("window") else "")


def graphml(g: dict[str, Any]) -> str:
    keys = [("n_name", "node", "name"), ("n_type", "node", "type"),
            *((f"n_{code}", "node", f"name_{code}") for code in CODES), ("e_type", "edge", "type"),
            ("e_quad", "edge", "quad"), ("e_window", "edge", "window"), ("e_count", "edge", "count"),
            ("e_evidence", "edge", "evidence")]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for kid, domain, name in keys:
        kind = "int" if name == "count" else "string"
        lines.append(f'  <key id="{kid}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>')
    lines.append('  <graph id="newsgraph" edgedefault="directed">')
    for n in g["nodes"]:
        lines.append(f"    <node id={quoteattr(n['id'])}>")
        lines.append(f"      <data key=\"n_name\">{escape(n['name'])}</data>")
        lines.append(f"      <data key=\"n_type\">{escape(n['type'])}</data>")
        for code in CODES:
            if n.get("names", {}).get(code):
                lines.append(f"      <data key=\"n_{code}\">{escape(n['names'][code])}</data>")
        lines.append("    </node>")
    for i, e in enumerate(g["edges"]):
        lines.append(f"    <edge id=\"e{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])}>")
        lines.append(f"      <data key=\"e_type\">{escape(e['type'])}</data>")
        lines.append(f"      <data key=\"e_quad\">{escape(quad(e['type']))}</data>")
        if e.get("window"):
            lines.append(f"      <data key=\"e_window\">{escape(e['window'])}</data>")
        lines.append(f"      <data key=\"e_count\">{e['count']}</data>")
        text = " | ".join(ev["text"] or "" for ev in e["evidence"])
        lines.append(f"      <data key=\"e_evidence\">{escape(text)}</data>")
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def gexf(g: dict[str, Any]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
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
        lines.append(f"      <node id={quoteattr(n['id'])} label={quoteattr(n['name'])}><attvalues>")
        lines.append(f"        <attvalue for=\"0\" value={quoteattr(n['type'])}/>")
        for i, code in enumerate(CODES, 1):
            if n.get("names", {}).get(code):
                lines.append(f"        <attvalue for=\"{i}\" value={quoteattr(n['names'][code])}/>")
        lines.append("      </attvalues></node>")
    lines.append("    </nodes>")
    lines.append("    <edges>")
    for i, e in enumerate(g["edges"]):
        text = " | ".join(ev["text"] or "" for ev in e["evidence"])
        lines.append(f"      <edge id=\"{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])} "
                     f"label={quoteattr(_edge_label(e))} weight=\"{e['count']}\"><attvalues>")
        lines.append(f"        <attvalue for=\"0\" value={quoteattr(e['type'])}/>")
        lines.append(f"        <attvalue for=\"1\" value={quoteattr(quad(e['type']))}/>")
        if e.get("window"):
            lines.append(f"        <attvalue for=\"2\" value={quoteattr(e['window'])}/>")
        lines.append(f"        <attvalue for=\"3\" value={quoteattr(text)}/>")
        lines.append("      </attvalues></edge>")
    lines += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(lines)
