"""Tell a document's format from its first bytes, not from its file name.

Scrapers save HTML as ``.txt`` and feeds as ``.html``; the content decides.
"""
from __future__ import annotations

import json
import re
import zlib

FORMATS = ("text", "html", "feed", "warc", "jsonl")

_FEED = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|article|meta|title)[\s>]", re.IGNORECASE)


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def detect_format(head: bytes) -> str:
    """Guess the format from the first few kilobytes of a file."""
    if head.startswith(b"\x1f\x8b"):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    probe = head
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            probe = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            probe = head
    stripped = probe.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<"):
        if _FEED.search(stripped[:2048]):
            return "feed"
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:
            obj = None
        if isinstance(obj, dict):
            return "jsonl"
    if _HTML.search(stripped[:4096]) and stripped.startswith(b"<"):
        return "html"
    if len(_HTML.findall(stripped[:4096])) >= 3:
        return "html"
    return "text"


__all__ = ["FORMATS", "detect_format"]
