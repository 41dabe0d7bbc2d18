"""One span that holds two names: an organisation and the person after it,
two people with no comma between, a settlement and its region."""
from __future__ import annotations

from ... import lang
from ...model import Span
from ..morphology import parse
from .tokens import QUOTES, TOKEN, span_words


def person_after_organisation(text: str, span: Span, language: str) -> list[Span]:
    tokens = list(TOKEN.finditer(text, span.start, span.end))
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


def two_people(text: str, span: Span, language: str) -> list[Span]:
    """Two people with no comma between: "мати Юрія Мірошниченка Валентина
    Кочура" — a first name in the nominative after a word that cannot be one."""
    words = span_words(text, span)
    for i in range(1, len(words)):
        if i < 2 and len(words) - i < 2:
            break  # one word each side: "Тіною Кароль" is one woman, whatever "Кароль" may be
        prev, word = words[i - 1].group(), words[i].group()
        if (prev[:1].isupper() and word[:1].isupper() and _first_name_nominative(word, language)
                and not _nominative(prev, language)):
            return [Span(span.start, words[i - 1].end(), "PER"), Span(words[i].start(), span.end, "PER")]
    return [span]


def settlement_and_region(text: str, span: Span, language: str) -> list[Span]:
    """"Іршанську Житомирської області": a settlement and its region are two
    places (NER-UK: 25 of 26), a district and its region one ("Жашківського
    району Черкаської області")."""
    words = span_words(text, span)
    regions = lang.of(language).places.REGION_WORDS
    if len(words) < 3 or text[span.start : span.end].split()[-1].lower() not in regions:
        return [span]
    adjective = words[-2]
    if not adjective.group()[:1].isupper() or not any(
            p.tag.POS == "ADJF" for p in parse(adjective.group().lower(), language)):
        return [span]
    before = text[span.start : adjective.start()].split()
    if not before or before[-1].lower() in regions or not all(w[:1].isupper() for w in before):
        return [span]  # "Жашківського району Черкаської області", "Харківська та Сумська області"
    return [Span(span.start, words[-3].end(), "LOC"), Span(adjective.start(), span.end, "LOC")]


def _first_name_nominative(word: str, language: str) -> bool:
    return any(p.is_known and {"Name", "nomn"} <= set(p.tag.grammemes) for p in parse(word.lower(), language))


def _nominative(word: str, language: str) -> bool:
    return any("nomn" in p.tag.grammemes for p in parse(word.lower(), language))
