"""Sentence boundaries per language, as offsets into the text.

tokenize-uk knows Ukrainian abbreviations ("ген. секретар", "т. зв.",
initials); razdel is the Russian standard and handles English news well
enough. A language names its splitter in its data module.
"""
from __future__ import annotations

from collections.abc import Callable

import razdel
import tokenize_uk

from .. import lang
from ..clean import linear


def _razdel(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.stop) for s in razdel.sentenize(text)]


def _tokenize_uk(text: str) -> list[tuple[int, int]]:
    return [(start, end) for _, start, end in tokenize_uk.tokenize_sents_with_spans(text)]


SPLITTERS: dict[str, Callable[[str], list[tuple[int, int]]]] = {
    "razdel": _razdel,
    "tokenize_uk": _tokenize_uk,
}


#: where a sentence may end inside a line: a stop, then a space and more text.
#: in RE2: in ``re`` a line of dots is retried from every dot, in quadratic time.
_INNER_STOP = linear.compile(r"[.!?…;:]\S*\s+\S")


def sentences(text: str, language: str | None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``; one segment line may hold several."""
    stripped = text.strip()
    if not stripped:
        return []
    if not _INNER_STOP.search(stripped):  # most lines: one sentence, no splitter needed
        start = len(text) - len(text.lstrip())
        return [(start, start + len(stripped))]
    name = lang.of(language).sentences
    return SPLITTERS[name](text)
