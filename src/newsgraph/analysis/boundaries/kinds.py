"""What kind of name a span is, from the words around it: quoted companies,
foreign names after an organisation word, women taken for places, places
named by a region word or a natural feature."""
from __future__ import annotations

import re
from functools import cache

from ... import lang
from ...lang import alternation
from ...model import Span
from .. import gazetteer
from ..morphology import OPENING_QUOTES, WORD, lemma, parse
from .tokens import CLOSE, OPEN, span_words


def person_by_first_name(text: str, span: Span, language: str) -> Span:
    """"Марта Кос" is no place: a known first name, then a word that is no
    adjective ("Софія Київська" and "Олександрія Кіровоградська" are places)."""
    if span.type != "LOC":
        return span
    words = span_words(text, span)
    if len(words) != 2 or not all(w.group()[:1].isupper() for w in words):
        return span
    first = parse(words[0].group().lower(), language)
    second = parse(words[1].group().lower(), language)
    if (any(p.is_known and {"Name", "nomn"} <= p.tag.grammemes and "plur" not in p.tag for p in first)
            and not any(p.tag.POS == "ADJF" for p in second)
            and gazetteer.known(text[span.start : span.end], language) is None):
        return Span(span.start, span.end, "PER")
    return span


_QUOTED_NAME = re.compile(rf"[{OPEN}][ \t]*([^{OPEN}{CLOSE}\n]{{1,80}}?)[ \t]*[{CLOSE}]")


_WORD_BEFORE_QUOTE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*:?[ \t]*$")


@cache
def _list_glue(language: str) -> re.Pattern[str]:
    """What joins two items of a list: a comma or a conjunction."""
    return re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+(?:{alternation(lang.of(language).names.AND_WORDS)})[ \t]+)$")


def quoted_organisations(text: str, spans: list[Span], language: str) -> list[Span]:
    """A quoted name after an organisation word, and the quoted names listed
    after it, are organisations: "фірми «Імперія-Холдинг» і «Капітал СТ»"."""
    words = lang.of(language).names.ORGANISATION_WORDS
    if not words:
        return spans
    out = list(spans)
    previous_end = None  # end of the last quoted organisation name (with its quote)
    for m in _QUOTED_NAME.finditer(text):
        inner = Span(m.start(1), m.end(1), "ORG")
        if not inner.end > inner.start or not text[inner.start].isupper():
            previous_end = None
            continue
        listed = previous_end is not None and _list_glue(language).fullmatch(text[previous_end : m.start()]) is not None
        word = _WORD_BEFORE_QUOTE.search(text, max(0, m.start() - 40), m.start())
        if not listed and not (word and word.group(1)[:1].islower() and lemma(word.group(1), language) in words):
            previous_end = None
            continue
        previous_end = m.end()
        holders = [s for s in out if s.overlaps(inner)]
        if not holders:
            out.append(inner)
        elif len(holders) == 1 and (holders[0].start, holders[0].end) == (inner.start, inner.end):
            out[out.index(holders[0])] = inner
    return sorted(out, key=lambda s: s.start)


def organisation_by_head(text: str, span: Span, language: str) -> Span:
    """A miscellaneous name that opens with an institution's word is that institution:
    "МЗС Естонії", "Министерство обороны Турции" are organisations, not events or works."""
    if span.type != "MISC":
        return span
    words = span_words(text, span)
    if words and lemma(words[0].group(), language).lower() in lang.of(language).names.INSTITUTION_HEADS:
        return Span(span.start, span.end, "ORG")
    return span


def organisation_by_word(text: str, span: Span, language: str) -> Span:
    """A foreign or quoted name after "авіакомпанія", "профспілка" that is no
    person's ("авіакомпанія Ryanair", not "компанії Ілон Маск" or "фонді Сердюка")."""
    if span.type not in ("PER", "LOC"):
        return span
    before = list(WORD.finditer(text, max(0, span.start - 30), span.start))
    if not before or text[before[-1].end() : span.start].strip(" \t" + "".join(OPENING_QUOTES)):
        return span
    if lemma(before[-1].group(), language) not in lang.of(language).names.ORGANISATION_WORDS:
        return span
    if not (text[span.start : span.end].isascii() or text[before[-1].end() : span.start].strip()):
        return span  # "партії Польщі", "фонді Сердюка": the party's country, the fund's owner
    first = span_words(text, span)[0].group().lower()
    if any(p.is_known and "Name" in p.tag.grammemes for p in parse(first, language)):
        return span
    return Span(span.start, span.end, "ORG")


def place_by_region_word(text: str, span: Span, language: str) -> Span:
    """"Криничанський р-н", "Донецька область", "Фінської затоки": adjectives
    and a region word or a natural feature are a place."""
    if span.type == "LOC":
        return span
    words = [w.group() for w in span_words(text, span)]
    regions = lang.of(language).places.REGION_WORDS
    last = text[span.start : span.end].split()[-1]
    if 2 <= len(words) <= 3 and (last.lower() in regions or (
            last.islower() and lemma(last, language) in lang.of(language).places.FEATURE_WORDS)) and all(
            w[:1].isupper() and any(p.tag.POS == "ADJF" for p in parse(w.lower(), language)) for w in words[:-1]):
        return Span(span.start, span.end, "LOC")
    return span
