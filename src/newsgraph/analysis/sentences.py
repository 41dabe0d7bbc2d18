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
    return _within_brackets(text, SPLITTERS[name](text))


#: the marks that end a sentence.
_STOPS = frozenset(".!?…")
#: the longest bracketed aside kept inside one sentence; a longer one is text of its own.
BRACKET_ASIDE = 200


def _within_brackets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Joins sentences split inside a short bracketed aside: news inserts editor's notes
    with stops of their own into a sentence ("Я повернуся (до Брюсселя. - Ред.) для
    зустрічей"), and the splitters end the sentence at the stop, leaving the rest of it a
    fragment with no verb, whose words the parser then hangs on "Ред"."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            a, b = out[-1]
            open_at = text.rfind("(", a, b)
            if open_at >= 0 and text.find(")", open_at, b) < 0:
                close = text.find(")", b, min(end, open_at + BRACKET_ASIDE))
                if close >= 0:
                    out[-1] = (a, end)
                    continue
            elif open_at > a and b - open_at < BRACKET_ASIDE and _aside_stop(text, a, open_at, b):
                out[-1] = (a, end)
                continue
        out.append((start, end))
    return out


def _aside_stop(text: str, start: int, open_at: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` ends on a stop inside a bracketed aside
    opened mid-sentence ("… (Єврокомісії. - Ред.) Юнкером"): the stop is the aside's, and
    the sentence goes on after it."""
    tail = text[open_at:end].rstrip()
    before = text[start:open_at].rstrip()
    return tail.endswith(")") and tail[:-1].rstrip()[-1:] in _STOPS and before[-1:] not in {*_STOPS, ""}
