"""Recognised spans that name nothing, dropped before anything else sees them.

A statistical recogniser leans on capital letters; these are the capitalised
things it keeps taking for names, each settled by the words around it:

- an adjective alone ("Євроатлантична"), unless it stands in quotes as a name
  («Північна», a plant) or is a possessive made from a name ("Ірмина мама");
- Roman numerals ("шкіл I-III ступенів");
- an abbreviation of a common noun alone ("на НПЗ", "сплатити ПДВ";
  ``COMMON_ACRONYMS`` in ``newsgraph/lang/<code>/names.py``);
- a Latin gloss of a common word ("найпростіших (Protozoa)", "боровиків
  (Boletus edulis)"): a term, not a name; an acronym stays ("природи (WWF)");
- a place that ends a quoted title after its dot («Наші гроші. Львів», the
  Lviv edition of a paper: NER-UK marks no place there, 18 times of 18);
- the state in a law's name ("Закону України", "законам України"): the law is
  the name, the state only says whose it is, and NER-UK marks no place there.
  The words are language data (``LAW_WORDS`` in ``newsgraph/lang/<code>/names.py``);
  Russian has none, as factRuEval does mark the place there ("кодекса России").
"""
from __future__ import annotations

import re
from functools import cache

from .. import lang
from ..lang import alternation
from ..model import Span
from .morphology import CLOSING_QUOTES, OPENING_QUOTES, has_morphology, parse

_ROMAN = re.compile(r"[IVXLCDMІХ]+")  # the Cyrillic І and Х stand in for Latin ones in typed text


def drop(text: str, spans: list[Span], language: str | None) -> list[Span]:
    """``spans`` without the ones that name nothing."""
    return [s for s in spans
            if not (_lone_adjective(text[s.start : s.end], language, text[max(0, s.start - 2) : s.start])
                    or _roman(text[s.start : s.end])
                    or text[s.start : s.end] in lang.of(language).names.COMMON_ACRONYMS
                    or _latin_gloss(text, s, spans)
                    or (s.type == "LOC" and _after_law_word(text, s.start, language))
                    or (s.type == "LOC" and _title_tail(text, s)))]


def _lone_adjective(surface: str, language: str | None, before: str = "") -> bool:
    """"Євроатлантична", "Індо-Тихоокеанські": an adjective alone names nothing,
    unless it stands in quotes as a name («Північна», a plant; «Дніпровська»)
    or is a possessive made from a name ("Ірмина", "Шекспірових";
    ``POSSESSIVE_ENDINGS`` of its dictionary form in ``lang/<code>/inflection.py``)."""
    if not has_morphology(language) or " " in surface.strip() or surface.isupper():
        return False
    if before.rstrip()[-1:] in OPENING_QUOTES:
        return False
    readings = parse(surface.lower(), language)
    possessive = lang.of(language).inflection.POSSESSIVE_ENDINGS
    return bool(readings) and all(p.tag.POS in ("ADJF", "ADJS") and not p.normal_form.endswith(possessive)
                                  for p in readings)


def _roman(surface: str) -> bool:
    """Only Roman numerals among the capitalised words ("I-III ступенів")."""
    capitalised = [w for w in re.findall(r"\w+", surface) if w[0].isupper()]
    return bool(capitalised) and all(_ROMAN.fullmatch(w) for w in capitalised)


_LATIN = re.compile(r"[A-Za-z][A-Za-z -]*")
_WORD_BEFORE_PARENTHESIS = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*\([ \t]*$")


def _latin_gloss(text: str, span: Span, spans: list[Span]) -> bool:
    """A Latin gloss whose Cyrillic word is no name: a gloss of a name is the
    name again ("Международная амнистия (Amnesty International)")."""
    surface = text[span.start : span.end]
    if _LATIN.fullmatch(surface) is None or surface.isupper() or text[span.end : span.end + 3].lstrip()[:1] != ")":
        return False
    before = _WORD_BEFORE_PARENTHESIS.search(text, max(0, span.start - 40), span.start)
    return (before is not None and before.group(1)[0].islower() and _LATIN.match(before.group(1)) is None
            and not any(s.start < before.end(1) <= s.end for s in spans))


@cache
def _law_words(language: str | None) -> re.Pattern[str] | None:
    words = lang.of(language).names.LAW_WORDS
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?i:{alternation(words)})[ \t]+$")


def _after_law_word(text: str, start: int, language: str | None) -> bool:
    pattern = _law_words(language)
    return pattern is not None and pattern.search(text, max(0, start - 30), start) is not None


_OPEN, _ANY_QUOTE = (re.escape("".join(sorted(q))) for q in (OPENING_QUOTES, OPENING_QUOTES | CLOSING_QUOTES))
#: an opening quote and a title ending in a dot, right before a span: «Наші гроші. |Львів»
_TITLE_BEFORE = re.compile(rf"[{_OPEN}][^\n{_ANY_QUOTE}]{{1,60}}\.\s+$")


def _title_tail(text: str, span: Span) -> bool:
    """«Наші гроші. Львів»: the place closes a quoted title, after the title's dot."""
    return (text[span.end : span.end + 1] in CLOSING_QUOTES
            and _TITLE_BEFORE.search(text, max(0, span.start - 64), span.start) is not None)
