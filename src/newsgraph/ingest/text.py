"""Plain-text documents: decoded, never rewritten."""
from __future__ import annotations

from ..model import Failure, RawDocument, Source
from .encoding import NotText, decode

#: a line this long is a dump, not news; checking it early keeps a 50 MB
#: one-line file from reaching the language detector.
MAX_LINE_CHARS = 200_000


def read_text(data: bytes, source: Source) -> RawDocument | Failure:
    try:
        decoded = decode(data)
    except NotText as e:
        return Failure(source, str(e))
    return text_document(decoded.text, source, encoding=decoded.encoding)


def text_document(text: str, source: Source, *, encoding: str | None = None, title: str | None = None,
                  published: str | None = None, site: str | None = None) -> RawDocument | Failure:
    if not text.strip():
        return Failure(source, "empty document (no text)")
    longest = max(len(line) for line in text.split("\n"))
    if longest > MAX_LINE_CHARS:
        return Failure(source, f"not a news text: one line of {longest:,} characters (limit {MAX_LINE_CHARS:,})")
    return RawDocument(source=source, text=text, encoding=encoding, title=title, published=published, site=site)
