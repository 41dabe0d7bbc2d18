"""Where an organisation's name ends and a person's begins.

The recogniser runs an organisation on into the person after it when no
comma parts them ("глава Ленінської райадміністрації Максим Мусєєв",
"викладач НВК №9 Наталія Оцишена"), and it cuts an institution named after
a person in two ("К-ПНУ ім. Івана Огієнка"). Morphology settles both: a first
name in the nominative after the lower-case end of an organisation's name
starts a person (a name the organisation bears is in the genitive: "Блок
Петра Порошенка"); and "імені" joins the person to the institution.
"""
from __future__ import annotations

import importlib
import re
from functools import cache

from ..model import Span
from .morphology import CLOSING_QUOTES, MORPH_LANGUAGES, OPENING_QUOTES, parse

QUOTES = OPENING_QUOTES | CLOSING_QUOTES
_TOKEN = re.compile(r"[^\s«»„“”\"]+")


def fix(text: str, spans: list[Span], language: str | None) -> list[Span]:
    if language not in MORPH_LANGUAGES:
        return spans
    spans = _join_named_after(text, spans, language)
    out: list[Span] = []
    for s in spans:
        out.extend(_split_person(text, s, language) if s.type == "ORG" else [s])
    return out


@cache
def _named_after(language: str) -> re.Pattern[str] | None:
    try:
        words = importlib.import_module(f"newsgraph.lang.{language}.names").NAMED_AFTER_WORDS
    except (ModuleNotFoundError, AttributeError):
        return None
    return re.compile(rf"(?:{'|'.join(re.escape(w) for w in words)})(?!\w)")


def _join_named_after(text: str, spans: list[Span], language: str) -> list[Span]:
    """"Університет імені Тараса Шевченка" is one organisation, whatever
    pieces the recogniser made of it; a "person" with an institution before
    "імені" is that institution."""
    pattern = _named_after(language)
    if pattern is None:
        return spans
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start):
        inside = pattern.search(text, s.start, s.end)
        if s.type == "PER" and inside and text[s.start : inside.start()].strip():
            s = Span(s.start, s.end, "ORG")
        prev = out[-1] if out else None
        if (prev is not None and prev.type in ("ORG", "LOC") and s.type == "PER"
                and pattern.fullmatch(text[prev.end : s.start].strip())):
            out[-1] = Span(prev.start, s.end, prev.type)
            continue
        out.append(s)
    return out


def _split_person(text: str, span: Span, language: str) -> list[Span]:
    tokens = list(_TOKEN.finditer(text, span.start, span.end))
    for size in (2, 3):  # "Максим Мусєєв", "Андрій Іванович Левченко"
        if len(tokens) <= size:
            break
        before, person = tokens[-size - 1], tokens[-size:]
        if not all(t.group()[:1].isupper() for t in person):
            break
        end_of_org = before.group()
        if not (end_of_org[:1].islower() or end_of_org[-1:].isdigit()):
            continue
        if any(q in text[before.end() : span.end] for q in QUOTES):
            break  # «ІНГО Україна»: a name in quotes is the organisation's own
        if _first_name_nominative(person[0].group(), language) and _nominative(person[-1].group(), language):
            return [Span(span.start, before.end(), "ORG"), Span(person[0].start(), span.end, "PER")]
    return [span]


def _first_name_nominative(word: str, language: str) -> bool:
    return any(p.is_known and {"Name", "nomn"} <= set(p.tag.grammemes) for p in parse(word.lower(), language))


def _nominative(word: str, language: str) -> bool:
    return any("nomn" in p.tag.grammemes for p in parse(word.lower(), language))
