"""RSS and Atom feeds: one document per item that carries text."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import replace

import feedparser

from ..model import Failure, RawDocument, Source
from .bounds import printable
from .html import extract_fragment


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def read_feed(data: bytes, source: Source) -> Iterator[RawDocument | Failure]:
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Failure(source, f"unreadable feed: {printable(feed.get('bozo_exception', 'no items'))}")
        return
    if not feed.entries:
        yield Failure(source, "feed has no items")
        return
    for n, entry in enumerate(feed.entries, start=1):
        item_source = replace(source, url=entry.get("link") or source.url, format="feed", record=f"item {n}")
        contents = entry.get("content") or []
        content = max((c.get("value", "") for c in contents), key=len, default="")
        summary = entry.get("summary", "")
        # Many feeds put the lead in <description> and the rest in
        # <content:encoded>: the article is both, unless one contains the other.
        if content and summary and _plain(summary) not in _plain(content):
            html = f"<p>{summary}</p>{content}"
        else:
            html = content or summary
        if not html.strip():
            yield Failure(item_source, "feed item has no content or description")
            continue
        yield extract_fragment(
            html,
            source=item_source,
            title=entry.get("title"),
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        )
