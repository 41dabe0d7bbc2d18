"""Addresses: streets, the houses on them and the settlements of a list.

A recogniser trained on a few hundred documents reads "вулиці Коновальця" as a
person, stops after the first street of "вул. Горького, Якубовського, Соборна"
and takes "с. Ясногородка" for a woman. The words around the name settle it:

- a street word and the capitalised name after it are one LOC, and so is each
  further single name of the list it opens;
- after a street word and a colon ("ремонт вулиць: ..."), every capitalised or
  numbered item of the list is a street ("Героїв Сталінграда", "30 років
  Перемоги");
- a house number after a street belongs to it ("вул. Крилова, 7", the way
  NER-UK annotates addresses);
- a settlement abbreviation ("с.", "смт", "г.") makes a LOC of the name after
  it, unless the recogniser put that name inside a longer name
  ("Печерського райсуду м. Києва").

The words are language data (``newsgraph/lang/<code>/places.py``).
"""
from __future__ import annotations

import re
from functools import cache

from .. import lang
from ..lang import alternation
from ..model import Span
from . import gazetteer
from .morphology import has_morphology, parse

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_WORD = rf"[{_UPPER}][\w'’ʼ-]+"
#: initials or a number, then one to three capitalised words
#: ("Т. Г. Шевченка", "Героїв Майдану", "40-річчя Перемоги").
_NAME = rf"(?:(?:[{_UPPER}]\.\s?){{1,2}}|\d+(?:-\w+)?[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,2}}"


@cache
def _patterns(language: str | None) -> dict[str, re.Pattern[str]] | None:
    data = lang.of(language).places
    if not data.STREET_WORDS:
        return None
    conjunctions = lang.of(language).names.AND_WORDS
    streets = alternation(data.STREET_WORDS)
    houses = alternation(data.HOUSE_WORDS)
    return {
        # only the street word ignores case: the name after it must be capitalised
        "street": re.compile(rf"(?<![\w.])(?i:{streets})(?!\w)[ \t]*({_NAME})"),
        # one more street of the list: a single name that ends a list item
        # (not "…Шевченка, Кличко повідомив", not a person's two names)
        "more": re.compile(rf"(?:,[ \t]*|[ \t]+(?:{alternation(conjunctions)})[ \t]+)({_WORD})(?![\w'’ʼ-])"
                           rf"(?=[ \t]*(?:[,.;:)\n]|$|(?:{alternation(conjunctions + data.PLACE_PREPOSITIONS)})[ \t]))"),
        "house": re.compile(rf"[ \t]?,[ \t]*(?:(?:{houses})[ \t]*)?\d+(?:[/-]\d+)?(?:-?[{_UPPER}а-яa-z](?!\w))?(?![\d,.]\d)"),
        # case-sensitive: "М." is an initial; a number or an area word ("кв.") before it makes "м." metres;
        # scraped lists break the line after the abbreviation ("в с.\nЯсногородка")
        "settlement": re.compile(rf"(?<![\w.])(?<!\d )(?:{alternation(data.SETTLEMENT_WORDS)})"
                                 rf"(?!\w)[ \t]*\n?[ \t]*({_WORD})(?:[ \t]+({_WORD}))?"),
        "street_end": re.compile(rf"(?i:{streets})$"),
        "measure_before": re.compile(rf"(?<!\w)(?:{alternation(data.MEASURE_WORDS)})[ \t]*$"),
        # "ремонт вулиць: В. Чорновола, Різдвяна, Героїв Сталінграда, б-р Шевченка, 30 років Перемоги"
        "list": re.compile(rf"(?<![\w.])(?i:{alternation(data.STREET_WORDS + data.STREET_LIST_WORDS)})"
                           rf"[ \t]*:[ \t]*"),
        # one item: an optional street word, then a capitalised name of up to five
        # words (initials first) or a number and words ("30 років Перемоги")
        "item": re.compile(rf"(?:(?i:{streets})[ \t]*)?(?:\d+(?:-\w+)?(?:[ \t]+[\w'’ʼ-]+){{1,4}}?"
                           rf"|(?:[{_UPPER}]\.[ \t]?){{0,2}}[{_UPPER}][\w'’ʼ-]*(?:[ \t]+[\w'’ʼ-]+){{0,4}}?)"
                           rf"(?=[ \t]*(?:,|[.;\n]|$|(?:{alternation(conjunctions)})[ \t]))"),
        "glue": re.compile(rf"[ \t]*,[ \t]*|[ \t]+(?:{alternation(conjunctions)})[ \t]+"),
    }


def find(text: str, language: str | None) -> list[Span]:
    """The streets of ``text``, each with its house number, the further
    streets of a list ("вул. Горького, Якубовського, Соборна"), and every item
    of a list a street word and a colon announce ("вулиць: Різдвяна, Героїв
    Сталінграда, б-р Шевченка")."""
    patterns = _patterns(language)
    if patterns is None:
        return []
    listed = []  # the items of announced lists win: in them a number after a comma is the next item
    for m in patterns["list"].finditer(text):
        pos = m.end()
        while item := patterns["item"].match(text, pos):
            listed.append(Span(item.start(), item.end(), "LOC"))
            glue = patterns["glue"].match(text, item.end())
            if glue is None:
                break
            pos = glue.end()
    found = []
    for m in patterns["street"].finditer(text):
        if gazetteer.known(m.group(1), language) == "LOC":
            continue  # "вышли на улицы Белграда": the city's streets, not a street
        found.append(Span(m.start(), _house(text, m.end(), patterns), "LOC"))
        pos = m.end()
        while more := patterns["more"].match(text, pos):
            found.append(Span(more.start(1), _house(text, more.end(), patterns), "LOC"))
            pos = more.end()
    found = [s for s in found if not any(s.overlaps(t) for t in listed)] + listed
    return sorted(found, key=lambda s: s.start)


def _house(text: str, end: int, patterns: dict[str, re.Pattern[str]]) -> int:
    house = patterns["house"].match(text, end)
    return house.end() if house else end


def settlements(text: str, language: str | None) -> list[Span]:
    """Names after a settlement abbreviation: "с. Ясногородка", "смт Димер",
    "с. Липовий Скиток" (a second word when the first is an adjective)."""
    patterns = _patterns(language)
    if patterns is None:
        return []
    found = []
    for m in patterns["settlement"].finditer(text):
        if patterns["measure_before"].search(text, max(0, m.start() - 10), m.start()):
            continue  # "67 кв. м.": square metres
        end = m.end(1)
        # "с. Липовий Скиток", not "м. Вишневе Київської (області)": the second word is a noun
        if m.group(2) and _adjective(m.group(1), language) and not _adjective(m.group(2), language):
            end = m.end(2)
        found.append(Span(m.start(1), end, "LOC"))
    return found


def _adjective(word: str, language: str | None) -> bool:
    if not has_morphology(language):
        return False
    readings = parse(word.lower(), language)
    return bool(readings) and readings[0].tag.POS in ("ADJF", "ADJS")


def merge(text: str, spans: list[Span], language: str | None) -> list[Span]:
    """Streets replace the spans they overlap; a recognised street gets its
    house number; a settlement's name is a LOC unless a longer name holds it."""
    patterns = _patterns(language)
    if patterns is None:
        return spans
    streets = find(text, language)
    kept = [s for s in spans if not any(s.overlaps(t) for t in streets)]
    out = []
    for s in kept:  # "на Контрактовій площі, 4": the recogniser's street, our number
        if s.type == "LOC" and patterns["street_end"].search(text, s.start, s.end):
            s = Span(s.start, _house(text, s.end, patterns), "LOC")
        out.append(s)
    out += streets
    for place in settlements(text, language):
        holders = [s for s in out if s.overlaps(place)]
        if any(s.start < place.start for s in holders):
            continue  # "райсуду м. Києва"
        out = [s for s in out if s not in holders] + [Span(place.start, max([place.end] + [s.end for s in holders]), "LOC")]
    return sorted(out, key=lambda s: (s.start, s.end))
