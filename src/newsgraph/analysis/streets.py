"""Street names: a street word and the capitalised name after it are one LOC.

A recogniser trained on a few hundred documents reads "вулиці Коновальця" as
a person or misses it; the street word settles it. The words are language
data (``newsgraph/lang/<code>/places.py``).
"""
from __future__ import annotations

import importlib
import re
from functools import cache

from ..model import Span

#: initials, then one to three capitalised words ("Т. Г. Шевченка", "Героїв Майдану").
_NAME = r"(?:[A-ZА-ЯЁІЇЄҐ]\.\s?){0,2}[A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]+(?:[ \t]+[A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]+){0,2}"


@cache
def _pattern(language: str | None) -> re.Pattern[str] | None:
    try:
        words = importlib.import_module(f"newsgraph.lang.{language}.places").STREET_WORDS
    except (ModuleNotFoundError, AttributeError):
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # only the street word ignores case: the name after it must be capitalised
    return re.compile(rf"(?<![\w.])(?i:{alternatives})(?!\w)[ \t]*({_NAME})")


def find(text: str, language: str | None) -> list[Span]:
    pattern = _pattern(language)
    if pattern is None:
        return []
    return [Span(m.start(), m.end(), "LOC") for m in pattern.finditer(text)]


def merge(spans: list[Span], streets: list[Span]) -> list[Span]:
    """Street names replace the spans they overlap."""
    if not streets:
        return spans
    kept = [s for s in spans if not any(s.overlaps(t) for t in streets)]
    return sorted(kept + streets, key=lambda s: (s.start, s.end))
