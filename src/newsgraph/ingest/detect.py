"""Tell a document's format from its structure, not from its file name.

Scrapers save HTML as ``.txt`` and feeds as ``.html``; the content decides.
What decides is the first element after the prolog (byte-order marks,
whitespace, XML declarations and processing instructions, comments, DTDs), not
a window of the first few kilobytes: a page behind a 20 KB licence comment or a
feed behind a DTD with an internal subset is still HTML or a feed. JSONL is
recognised by its first lines being JSON objects, however long the first one is.
"""
from __future__ import annotations

import codecs
import json
import re
import zlib

FORMATS = ("text", "html", "feed", "warc", "jsonl")

_ROOT = re.compile(rb"<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf"})
_HTML_ROOTS = frozenset({b"html", b"head", b"body"})
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|article|meta|title)[\s>]", re.IGNORECASE)
#: the start of a JSON object whose first key is a string: enough to call a
#: first line JSONL when it is longer than the bytes at hand.
_JSON_OBJECT_START = re.compile(rb'\{\s*(?:\}|"(?:[^"\\\n]|\\.){0,200}"\s*:)')
_WS = b" \t\r\n\x0c"
_SPACE = re.compile(rb"[ \t\r\n\x0c]*")
#: how many leading lines JSONL detection looks at.
_JSONL_PROBE_LINES = 5


def _gunzip_head(head: bytes) -> bytes | None:
    """The first inflated bytes (never more than 4 KB: a bomb stops here); None for broken gzip."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head[:65536], 4096)
    except zlib.error:
        return None


def _as_utf8(data: bytes) -> bytes:
    """UTF-16/32 text re-encoded, so one set of byte patterns reads every encoding."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            head = data[: 1 << 20]
            return head[: len(head) // 4 * 4].decode(enc, errors="ignore").encode("utf-8")
    return data.removeprefix(codecs.BOM_UTF8)


def skip_prolog(data: bytes) -> tuple[bytes, bool, bool]:
    """What follows the prolog; whether the prolog named HTML; whether it ended within ``data``."""
    i, html = 0, False
    while True:
        i = _SPACE.match(data, i).end()
        if data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            if end < 0:
                return b"", html, False
            i = end + 3
        elif data.startswith(b"<?", i):
            end = data.find(b"?>", i + 2)
            if end < 0:
                return b"", html, False
            i = end + 2
        elif data[i:i + 9].lower() == b"<!doctype":
            html = html or data[i + 9:i + 64].lstrip().lower().startswith(b"html")
            bracket, close = data.find(b"[", i), data.find(b">", i)
            if 0 <= bracket < close:  # an internal subset may hold '>' in its declarations
                end = data.find(b"]", bracket)
                close = data.find(b">", end) if end >= 0 else -1
            if close < 0:
                return b"", html, False
            i = close + 1
        else:
            return data[i:], html, True


def _json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _looks_jsonl(body: bytes) -> bool:
    """The first non-blank lines are JSON objects (a bad one among good ones still counts)."""
    lines = [ln for ln in body.split(b"\n", _JSONL_PROBE_LINES)[:_JSONL_PROBE_LINES] if ln.strip(_WS)]
    if not lines or not lines[0].lstrip(_WS).startswith((b"{", b"[")):
        return False
    # a first line that opens like an object ('{"url":') is JSONL even when it is broken or longer
    # than the bytes at hand: a bad first record must cost that record, not the file
    return bool(_JSON_OBJECT_START.match(lines[0].lstrip(_WS))) or any(_json_object(ln) for ln in lines)


def detect_format(head: bytes) -> str:
    """Guess the format of a file from its start (the more of it given, the surer the guess)."""
    if head.startswith(b"\x1f\x8b"):
        inflated = _gunzip_head(head)
        # a WARC.gz cut inside its first member inflates to a prefix of "WARC/" or to nothing:
        # the WARC reader then says it is truncated
        if inflated is not None and (inflated.startswith(b"WARC/") or b"WARC/".startswith(inflated)):
            return "warc"
        return "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    probe = _as_utf8(head)
    body, doctype_html, ended = skip_prolog(probe)
    if not ended:
        # a comment or DTD longer than what we were given: markup either way
        return "html"
    if body.startswith((b"{", b"[")) and _looks_jsonl(body):
        return "jsonl"
    if body.startswith(b"<"):
        root = _ROOT.match(body)
        name = root.group(1).lower() if root else b""
        if name in _FEED_ROOTS:
            return "feed"
        if doctype_html or name in _HTML_ROOTS or _HTML.search(body[:4096]):
            return "html"
    elif doctype_html:
        return "html"
    if len(_HTML.findall(body[:4096])) >= 3:
        return "html"
    return "text"


__all__ = ["FORMATS", "detect_format", "skip_prolog"]
