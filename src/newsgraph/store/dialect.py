"""What differs between the stores' SQL: SQLite (the default) and PostgreSQL.

The read queries (:mod:`.queries`, :mod:`.lookup`, :mod:`.expansion`) are written once, in
SQLite's SQL with ``?`` placeholders; a PostgreSQL connection (:class:`.postgres.Connection`)
rewrites the few spellings that differ (placeholders, ``rowid``, ``INDEXED BY``) as it runs
them, and the queries ask :func:`of` for the rest: where NULLs sort (first in SQLite, last in
PostgreSQL), string aggregation, full-text search.

Full-text search matches the same documents in both: PostgreSQL indexes the words as SQLite's
FTS5 ``unicode61 remove_diacritics 2`` tokenizer cuts and folds them (:func:`fts_words`), and a
query's forms are cut the same way (:func:`ts_query`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Dialect:
    name: str
    #: appended to an ascending ORDER BY term to sort NULLs first, as SQLite does
    nulls_first: str = ""
    #: appended to a descending ORDER BY term to sort NULLs last, as SQLite does
    nulls_last: str = ""

    def group_concat_distinct(self, expr: str) -> str:
        return f"group_concat(DISTINCT {expr})" if self.name == "sqlite" else f"string_agg(DISTINCT {expr}, ',')"

    def text_slice(self, text: str, start: str, end: str) -> str:
        """The characters [start, end) of ``text``, NULL when either offset is."""
        if self.name == "sqlite":
            return f"substr({text}, {start} + 1, {end} - {start})"
        return f"substr({text}, {start} + 1, greatest({end} - {start}, 0))"


SQLITE = Dialect("sqlite")
POSTGRES = Dialect("postgres", nulls_first=" NULLS FIRST", nulls_last=" NULLS LAST")


def of(db) -> Dialect:
    """The dialect of a connection: a sqlite3 connection has none of its own."""
    return getattr(db, "dialect", SQLITE)


def is_url(target) -> bool:
    """Whether ``--db`` names a PostgreSQL database (``postgresql://…``) rather than a file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


# -- full-text words as FTS5's unicode61 tokenizer makes them ---------------------------------

#: runs of letters and digits (no underscore): unicode61's token characters, L* and N*
_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=None)
def _latin_fold() -> dict[int, str]:
    """remove_diacritics 2: Latin letters lose their diacritics ("é" → "e"); other scripts keep
    theirs (SQLite's table is Latin only: "й" stays "й", "ї" stays "ї")."""
    out = {}
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and len(base) == 1:
            out[cp] = base
    return out


def fts_words(text: str) -> list[str]:
    """The words FTS5 (unicode61, remove_diacritics 2) indexes of ``text``: lower case, Latin
    diacritics removed."""
    fold = _latin_fold()
    out = []
    for token in _TOKEN.findall(text):
        token = token.lower()
        out.append(token if token.isascii() else token.translate(fold))
    return out


def ts_query(groups: list[set[str]]) -> str:
    """A ``to_tsquery('simple', …)`` text for SQLite's ``_fts_query``: every group must match, as
    any of its forms; a form of several words (an apostrophe, a hyphen) is a phrase."""
    ands = []
    for forms in groups:
        ors = []
        for form in sorted(forms):
            words = fts_words(form)
            if words:
                ors.append(" <-> ".join(f"'{w}'" for w in words))
        if not ors:
            return ""  # a group nothing can match (SQLite: an empty phrase matches nothing)
        ands.append("(" + " | ".join(ors) + ")")
    return " & ".join(ands)
