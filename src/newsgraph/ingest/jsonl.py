"""JSON Lines exports: one object per line with ``text`` or ``html``."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

from ..model import Failure, RawDocument, Source
from .encoding import NotText, decode
from .html import extract_html
from .sites import site_of
from .text import text_document


def read_jsonl(data: bytes, source: Source) -> Iterator[RawDocument | Failure]:
    try:
        content = decode(data).text
    except NotText as e:
        yield Failure(source, str(e))
        return
    for n, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        rec_source = replace(source, format="jsonl", record=f"line {n}")
        try:
            obj = json.loads(line)
        except ValueError as e:
            yield Failure(rec_source, f"invalid JSON: {e}")
            continue
        if not isinstance(obj, dict):
            yield Failure(rec_source, "a JSONL record must be an object with 'text' or 'html'")
            continue
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        rec_source = replace(rec_source, url=url)
        title, published = obj.get("title"), obj.get("published")
        if isinstance(obj.get("html"), str):
            yield extract_html(obj["html"], source=rec_source, title=title, published=published)
        elif isinstance(obj.get("text"), str):
            yield text_document(obj["text"], rec_source, title=title, published=published, site=site_of(url))
        else:
            yield Failure(rec_source, "record has neither a 'text' nor an 'html' string field")
