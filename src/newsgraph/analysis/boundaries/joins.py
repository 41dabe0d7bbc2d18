"""Pieces of one name the recogniser made two of: particles, nicknames, an
institution and the person it is named after, an organisation and its country,
a unit and its authority."""
from __future__ import annotations

import re
from functools import cache

from ... import lang
from ...lang import alternation
from ...model import Span
from .. import gazetteer
from ..morphology import CLOSING_QUOTES, OPENING_QUOTES, parse
from .tokens import CLOSE, OPEN, span_words


def _adjacent(spans: list[Span], joined) -> list[Span]:
    """Each span merged into the one before it where ``joined(prev, span)``
    gives the merged span, kept apart where it gives None."""
    out: list[Span] = []
    for s in spans:
        merged = joined(out[-1], s) if out else None
        if merged is None:
            out.append(s)
        else:
            out[-1] = merged
    return out


_NICKNAME = re.compile(rf"[ \t]*(?:[{OPEN}][ \t]*[^\W\d_][\w'’-]*[ \t]*)?[{CLOSE}][ \t]*")


def nickname(text: str, spans: list[Span]) -> list[Span]:
    """"Дмитро «Бобін» Александров": a quoted nickname between a first name
    and a surname is part of one person's name."""

    def joined(prev: Span, s: Span) -> Span | None:
        between = _NICKNAME.fullmatch(text, prev.end, s.start)
        if prev.type == s.type == "PER" and between and (
                between.group().strip()[:1] in OPENING_QUOTES
                or sum(c in OPENING_QUOTES for c in text[prev.start : prev.end]) == 1):
            return Span(prev.start, s.end, "PER")
        return None

    return _adjacent(spans, joined)


def particles(text: str, spans: list[Span], language: str) -> list[Span]:
    """"Урсула" + "фон дер" + "Ляєн": one person."""
    particles = frozenset(lang.of(language).names.NAME_PARTICLES)

    def joined(prev: Span, s: Span) -> Span | None:
        between = text[prev.end : s.start].split()
        if prev.type == s.type == "PER" and between and all(w in particles for w in between):
            return Span(prev.start, s.end, "PER")
        return None

    return _adjacent(spans, joined)


def country(text: str, spans: list[Span], language: str) -> list[Span]:
    """An organisation and the country or city right after it in the genitive
    are one organisation ("МИД Турции", "Арбитражный суд Москвы"); a region or
    district after a court or council is a place of its own ("райсуду
    Харківської області", "сільської ради Бориспільського району")."""
    def joined(prev: Span, s: Span) -> Span | None:
        if (prev.type == "ORG" and s.type == "LOC" and not text[prev.end : s.start].strip()
                and "\n" not in text[prev.end : s.start] and _genitive(text, s, language)
                and gazetteer.place_kind(text[s.start : s.end], language) in ("country", "city")):
            return Span(prev.start, s.end, "ORG")
        return None

    return _adjacent(spans, joined)


def subdivision(text: str, spans: list[Span], language: str) -> list[Span]:
    """A unit of a local authority and the authority right after it are one
    organisation ("Департамент соціальної політики" + "КМДА",
    "Управління культури" + "Запорізької міської ради"); a company owned by a
    council is not its unit ("КП «Ритуал» Харківської міськради")."""
    units = lang.of(language).names.SUBDIVISION_WORDS
    authorities = lang.of(language).names.LOCAL_AUTHORITY_WORDS
    if not units or not authorities:
        return spans

    def lemmas(word: str) -> set[str]:
        return {word.lower()} | {p.normal_form for p in parse(word.lower(), language)}

    def joined(prev: Span, s: Span) -> Span | None:
        between = text[prev.end : s.start]
        if prev.type != "ORG" or s.type not in ("ORG", "LOC") or between.strip() or "\n" in between:
            return None
        head, words = span_words(text, prev)[:2], span_words(text, s)
        # the authority's own word ends it ("Одеської ОДА") or starts it ("мэрии Москвы")
        if (any(lemmas(w.group()) & units for w in head) and words
                and any(lemmas(w.group()) & authorities for w in (words[0], words[-1]))):
            return Span(prev.start, s.end, "ORG")
        return None

    return _adjacent(spans, joined)


def company_form(text: str, spans: list[Span], language: str) -> list[Span]:
    """A company form after an organisation's name is part of it, comma and
    all ("Ricondo & Associates, Inc.", "Flughafen Munchen GmbH"; NER-UK: 75
    of 75), also where the recogniser took the form for a name of its own."""
    forms = _company_forms(language)
    if not forms:
        return spans
    out: list[Span] = []
    added = (0, 0)  # the stretch of text a form just added to a name
    for s in spans:
        if added[0] <= s.start and s.end <= added[1]:
            continue  # the form, which the recogniser had read apart
        if s.type == "ORG" and (m := _COMPANY_FORM.match(text, s.end)) and m.group(1) in forms:
            added = (s.end, m.end())
            s = Span(s.start, m.end(), "ORG")
        out.append(s)
    return out


_COMPANY_FORM = re.compile(r",?[ \t]+([^\W\d_]+)(?!\w)")


@cache
def _company_forms(language: str) -> frozenset[str]:
    return frozenset(lang.of(language).names.COMPANY_FORMS) | frozenset(
        lang.of(language).names.COMPANY_WORDS)


def regional_office(text: str, spans: list[Span], language: str) -> list[Span]:
    """A state body and the region it serves are one organisation: "ДСНС
    України" + "в" + "Житомирській області" (NER-UK: 28 joined, 4 apart). A
    quoted company in a region is not its office ("ДП «Укрдержбудекспертиза»
    в Миколаївській області")."""
    prepositions = lang.of(language).places.OFFICE_PREPOSITIONS
    regions = lang.of(language).places.REGION_WORDS

    def joined(prev: Span, s: Span) -> Span | None:
        between = text[prev.end : s.start].split(" ")
        if (prev.type == "ORG" and s.type == "LOC" and len(between) == 3 and between[1] in prepositions
                and not between[0] and not between[2] and text[prev.end - 1] not in CLOSING_QUOTES
                and text[s.start : s.end].split()[-1] in regions):
            return Span(prev.start, s.end, "ORG")
        return None

    return _adjacent(spans, joined)


def _genitive(text: str, span: Span, language: str) -> bool:
    words = span_words(text, span)
    return bool(words) and all(
        any(p.tag.case == "gent" for p in parse(w.group().lower(), language)) or w.group().isupper()
        for w in words)


@cache
def _named_after_pattern(language: str) -> re.Pattern[str] | None:
    words = lang.of(language).names.NAMED_AFTER_WORDS
    if not words:
        return None
    return re.compile(rf"(?:{alternation(words)})(?!\w)")


def named_after(text: str, spans: list[Span], language: str) -> list[Span]:
    """"Університет імені Тараса Шевченка" is one organisation, whatever
    pieces the recogniser made of it; a "person" with an institution before
    "імені" is that institution."""
    pattern = _named_after_pattern(language)
    if pattern is None:
        return spans

    def retyped(s: Span) -> Span:
        inside = pattern.search(text, s.start, s.end)
        if s.type == "PER" and inside and text[s.start : inside.start()].strip():
            return Span(s.start, s.end, "ORG")
        return s

    def joined(prev: Span, s: Span) -> Span | None:
        if prev.type in ("ORG", "LOC") and s.type == "PER" and pattern.fullmatch(text[prev.end : s.start].strip()):
            return Span(prev.start, s.end, prev.type)
        return None

    return _adjacent([retyped(s) for s in spans], joined)
