"""Where a name starts and ends: titles and verbs cut off, whole words,
brackets, abbreviation dots and a company's legal form."""
from __future__ import annotations

import re
from functools import cache

from ... import lang
from ...model import Span
from .. import gazetteer
from ..morphology import CLOSING_QUOTES, NAME_GRAMMEMES, OPENING_QUOTES, WORD, lemma, parse
from .tokens import QUOTES, span_words


@cache
def _titles(language: str) -> tuple[frozenset[tuple[str, ...]], frozenset[str], frozenset[str], int]:
    """(titles as lemma sequences, their first lemmas, complement lemmas, longest title in words)."""
    titles = frozenset(tuple(lemma(w, language) for w in WORD.findall(t))
                       for t in lang.of(language).titles.TITLES)
    return (titles, frozenset(t[0] for t in titles), frozenset(lang.of(language).titles.COMPLEMENTS),
            max((len(t) for t in titles), default=0))


def trim(text: str, span: Span, language: str) -> Span | None:
    """The span without a leading title and its complements ("Генеральний
    директор компанії": nothing is left), without a list it runs on into, and
    without trailing verbs, ranks, conjunctions and a date's day."""
    if any(q in text[max(0, span.start - 1) : span.end] for q in QUOTES):
        return span  # «Прем'єр Лізинг», ТОВ «Віртум строй»: a quoted name is as written
    if gazetteer.known(text[span.start : span.end], language):
        return span  # "Кабінет міністрів" ends in no title
    words = span_words(text, span)
    titles, first_lemmas, complements, longest = _titles(language)
    cut = 0
    if words and lemma(words[0].group(), language) in first_lemmas:
        lemmas = [lemma(w.group(), language) for w in words]
        cut = next((n for n in range(min(longest, len(words)), 0, -1) if tuple(lemmas[:n]) in titles), 0)
    if cut:
        while cut < len(words) and words[cut].group()[:1].islower() and lemmas[cut] in complements:
            cut += 1
        if cut == len(words) or words[cut].group()[:1].islower():
            return None
        rest = text[words[cut].start() : span.end]
        span = Span(words[cut].start(), span.end, gazetteer.known(rest, language) or span.type)  # "Японії": LOC
        words = words[cut:]
    kept = len(words)
    conjunctions = lang.of(language).names.AND_WORDS
    if span.type in ("PER", "LOC"):  # "Хмельницького і кримських": a list runs on, not the name
        for i, w in enumerate(words[1:-1], 1):
            if w.group() in conjunctions and all(x.group()[:1].islower() for x in words[i:]):
                words = words[:i]
                break
    months = lang.of(language).cleaning.MONTHS
    particles = lang.of(language).names.NAME_PARTICLES
    if span.type == "PER" and len(words) == 2 and _common_phrase(words[0].group(), words[1].group(), language):
        return None  # "Індо-Тихоокеанська безпека": an adjective and its noun, no person
    while len(words) > 1 and (
            (words[-1].group()[:1].islower() and (
                # "Денис радів": every word of a person's name but its particles is capitalised
                # (NER-UK: no person's name ends in a lower-case word)
                (span.type == "PER" and words[-1].group() not in particles)
                or _runs_on(words[-1].group(), words[-2].group(), language)  # "Європейська комісія нагадала"
                or _title_before_name(words[-1].group(), language, first_lemmas)  # "ГУ НГУ підполковник"
                or words[-1].group() in conjunctions))
            # "Кіровський райсуд м. Дніпропетровська 6 травня": the date's day
            or (words[-1].group().isdigit() and _next_word(text, words[-1].end()).lower() in months)):
        words.pop()
    if span.type == "ORG":  # "Національного банку України поточного року": the name ends at its country
        words = _end_at_place(words, language)
    if len(words) < kept:
        span = Span(span.start, words[-1].end(), span.type)
    return span


def _common_phrase(first: str, second: str, language: str) -> bool:
    """A capitalised adjective and a lower-case noun it agrees with: a common
    phrase at the start of a sentence or a heading, not a name."""
    if not first[:1].isupper() or not second[:1].islower():
        return False
    adjectives = [p.tag for p in parse(first.lower(), language)
                  if p.tag.POS == "ADJF" and not NAME_GRAMMEMES & p.tag.grammemes]
    nouns = [p.tag for p in parse(second, language) if p.tag.POS == "NOUN"]
    return any(a.case == n.case and a.number == n.number and (a.gender == n.gender or a.number == "plur")
               for a in adjectives for n in nouns)


def _end_at_place(words: list[re.Match[str]], language: str) -> list[re.Match[str]]:
    """An organisation's name goes on after its country or city only with a
    preposition ("ДСНС України в Житомирській області", "Державна служба
    України з надзвичайних ситуацій": all 11 such names in NER-UK)."""
    regions = lang.of(language).places.REGION_WORDS
    for i in range(1, len(words) - 1):
        following = words[i + 1].group()
        if (words[i].group()[:1].isupper() and following[:1].islower() and following not in regions
                and gazetteer.known(words[i].group(), language) == "LOC"
                and not any(p.tag.POS in ("PREP", "CONJ") for p in parse(following.lower(), language))
                # a place inside the name's own phrase: "Подільська районна у м. Києві рада"
                and not any(p.tag.POS == "PREP" for w in words[max(0, i - 2) : i]
                            for p in parse(w.group().lower(), language))):
            return words[: i + 1]
    return words


def _next_word(text: str, pos: int) -> str:
    m = WORD.search(text, pos, pos + 40)
    return m.group() if m else ""


_HYPHENATED = re.compile(r"[\w'’ʼ]+(?:-[\w'’ʼ]+)+")


def whole_words(text: str, spans: list[Span]) -> list[Span]:
    """A name ends at a word's end: "Фрідріх Фальц" of "Фрідріх Фальц-Фейн" and
    "Жанейро-2016" of "Ріо-де-Жанейро-2016" grow to the whole hyphenated word."""
    out: list[Span] = []
    for s in spans:
        start, end = s.start, s.end
        if start > 0 and text[start - 1] == "-":
            m = _word_around(text, start - 1)
            start = m.start() if m else start
        if end < len(text) and (text[end] == "-" or (text[end - 1] == "-" and text[end].isalnum())):
            m = _word_around(text, end if text[end] == "-" else end - 1)
            end = m.end() if m else end
        s = Span(start, end, s.type) if (start, end) != (s.start, s.end) else s
        if out and out[-1].overlaps(s):
            if (out[-1].end - out[-1].start) < (s.end - s.start):
                out[-1] = s
            continue
        out.append(s)
    return out


def _word_around(text: str, pos: int) -> re.Match[str] | None:
    lo = pos
    while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in "-'’ʼ"):
        lo -= 1
    m = _HYPHENATED.match(text, lo)
    return m if m and m.start() <= pos < m.end() else None


def _title_before_name(word: str, language: str, first_lemmas: frozenset[str]) -> bool:
    """A title in the nominative singular, as before a person's name ("підполковник"),
    not an organisation's own last word ("Рада директорів", "Асоціація мерів")."""
    return lemma(word, language) in first_lemmas and any(
        "nomn" in p.tag.grammemes and "plur" not in p.tag.grammemes for p in parse(word.lower(), language))


def _runs_on(word: str, before: str, language: str) -> bool:
    """A verb ends no name ("Європейська комісія нагадала"), nor does an
    adjective or participle in another case than the word before it ("лікарні
    очікуваною", "Inc зареєстрована"); one that agrees may end an elliptic
    name ("студентів Тернопільського педагогічного")."""
    readings = parse(word.lower(), language)
    if not readings or not readings[0].is_known:
        return False
    if all(p.tag.POS in ("VERB", "INFN", "GRND") for p in readings):
        return True
    if not all(p.tag.POS in ("ADJF", "ADJS", "PRTF", "PRTS") for p in readings):
        return False
    cases = {p.tag.case for p in parse(before.lower(), language)} - {None}
    return not cases & {p.tag.case for p in readings}


def closing_quote(text: str, span: Span) -> Span:
    """An organisation's quoted name ends with its closing quote: "КП
    «Маріупольське трамвайно-тролейбусне управління»" (NER-UK includes it in
    about 320 of 330 such names)."""
    surface = text[span.start : span.end]
    if span.type == "ORG" and surface.count("«") > surface.count("»") and text[span.end : span.end + 1] == "»":
        return Span(span.start, span.end + 1, span.type)
    return span


def balanced(text: str, span: Span) -> Span:
    """A name does not run on past a bracket it did not open, nor stop inside
    one it opened ("організацію стандартизації (", "ТК СНТТ ) [ 2")."""
    depth, cut = 0, None
    surface = text[span.start : span.end]
    for i, ch in enumerate(surface):
        if ch in "([":
            depth += 1
            if depth == 1:
                opened = i
        elif ch in ")]":
            if depth == 0:
                cut = i
                break
            depth -= 1
    if cut is None and depth:
        cut = opened
    if cut is None:
        return span
    end = span.start + len(surface[:cut].rstrip())
    return Span(span.start, end, span.type) if end > span.start else span


def abbreviation_dot(text: str, span: Span, language: str) -> Span:
    """A company form makes an organisation and keeps its dot ("Ронтекс Інк.",
    "Redshire Solutions Ltd."); a region's "обл" ends the name without it, as
    NER-UK annotates ("Донецька обл")."""
    last = text[span.start : span.end].rstrip(".").rsplit(None, 1)[-1]
    if text[span.end - 1 : span.end] == "." and last in lang.of(language).names.DOTLESS_ENDINGS:
        return Span(span.start, span.end - 1, span.type)
    if last in lang.of(language).names.COMPANY_FORMS and " " in text[span.start : span.end].strip():
        return Span(span.start, span.end + (text[span.end : span.end + 1] == "."), "ORG")
    return span


def with_legal_form(text: str, span: Span, language: str) -> Span:
    """"ТОВ «Кримбуд-Юг»": the legal forms right before a quoted company name
    are part of it (NER-UK: 820 of 820)."""
    if span.type != "ORG":
        return span
    forms = lang.of(language).names.LEGAL_FORMS
    quote = text[max(0, span.start - 2) : span.start].rstrip()[-1:] in OPENING_QUOTES or \
        text[span.start : span.start + 1] in OPENING_QUOTES
    if not forms or not quote:
        return span
    start = span.start
    for word in reversed(list(WORD.finditer(text, max(0, span.start - 40), span.start))):
        gap = text[word.end() : start].strip(" \t" + "".join(OPENING_QUOTES))
        if word.group() not in forms or gap:
            break
        start = word.start()
    if start == span.start:
        return span
    end = span.end
    if text[start : end].count("«") > text[start : end].count("»") and text[end : end + 1] in CLOSING_QUOTES:
        end += 1  # the quoted name's own closing quote
    return Span(start, end, span.type)
