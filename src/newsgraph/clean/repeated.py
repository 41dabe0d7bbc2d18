"""Learn the lines a site repeats on many pages: navigation, widgets, footers.

Patterns cover the widgets we know; this covers the ones we do not. A line is
counted once per distinct page title, so three reprints of one story do not
teach the filter that the story is boilerplate.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

#: a line seen on this many different pages of one site is boilerplate.
MIN_PAGES = 3
#: longer lines are article text even when repeated (an agency's standard paragraph).
MAX_WORDS = 40


def line_key(line: str) -> str:
    return hashlib.blake2b(" ".join(line.lower().split()).encode(), digest_size=8).hexdigest()


class RepeatedLines:
    """In-memory counts; :class:`newsgraph.store.Store` loads and saves them."""

    def __init__(self, min_pages: int = MIN_PAGES) -> None:
        self.min_pages = min_pages
        self._pages: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._pending: list[tuple[str, str, str]] = []

    def is_repeated(self, site: str | None, line: str) -> bool:
        if not site or len(line.split()) > MAX_WORDS:
            return False
        return len(self._pages.get((site, line_key(line)), ())) >= self.min_pages

    def observe(self, site: str | None, title: str | None, lines: list[str]) -> list[tuple[str, str, str]]:
        """Count a page's lines; return the new (site, line key, page key) rows."""
        if not site:
            return []
        page = line_key(title or "\n".join(lines[:3]))
        new = []
        for line in set(lines):
            if len(line.split()) > MAX_WORDS:
                continue
            key = (site, line_key(line))
            if page not in self._pages[key]:
                self._pages[key].add(page)
                new.append((site, key[1], page))
        self._pending.extend(new)
        return new

    def drain(self) -> list[tuple[str, str, str]]:
        """Rows observed since the last drain, for a store to persist."""
        rows, self._pending = self._pending, []
        return rows

    def load(self, rows) -> None:
        for site, key, page in rows:
            self._pages[(site, key)].add(page)
