"""Where one name ends and the next begins, and what kind of name it is.

A recogniser trained on a few hundred documents gets the edges of names
wrong in ways the words themselves settle:

- it runs an organisation on into the person after it when no comma parts
  them ("глава Ленінської райадміністрації Максим Мусєєв"): a first name in
  the nominative after the lower-case end of an organisation starts a person
  (a name the organisation bears is in the genitive: "Блок Петра Порошенка");
- it cuts an institution named after a person in two ("К-ПНУ ім. Івана
  Огієнка"), a name with particles ("Урсула фон дер Ляєн") or a nickname
  ("Дмитро «Бобін» Александров"), and an
  organisation from its country ("МИД Турции", which factRuEval and BSNLP
  annotate whole);
- it takes a capitalised title at the start of a sentence for the start of
  a name ("Прем'єр-міністр Великої Британії") and a verb after a name for its
  end ("Європейська комісія нагадала");
- it takes a woman for a place ("Марта Кос") and a foreign company's name
  for a person ("авіакомпанія Ryanair"), and
  misses a quoted name after such a word ("компанії «Арс», «Ніка» і «Некст»":
  NER-UK marks 208 of 217 such names ORG).

The words are language data: ``NAMED_AFTER_WORDS``, ``NAME_PARTICLES`` and
``ORGANISATION_WORDS`` in ``newsgraph/lang/<code>/names.py``, and the titles
of ``newsgraph/lang/<code>/titles.py``.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lang
from ..lang import alternation
from ..model import Span
from . import gazetteer
from .morphology import CLOSING_QUOTES, MORPH_LANGUAGES, OPENING_QUOTES, WORD, lemma, parse

QUOTES = OPENING_QUOTES | CLOSING_QUOTES
_TOKEN = re.compile(rf"[^\s{re.escape(''.join(sorted(QUOTES)))}]+")
_OPEN, _CLOSE = (re.escape("".join(sorted(q))) for q in (OPENING_QUOTES, CLOSING_QUOTES))


def fix(text: str, spans: list[Span], language: str | None) -> list[Span]:
    """The recogniser's spans with their edges and types mended: edges first
    (a title or verb cut off may leave a span that then joins its neighbour),
    then joins, then types, and a person split off an organisation last."""
    if language not in MORPH_LANGUAGES:
        return spans
    spans = _whole_words(text, sorted(spans, key=lambda s: s.start))
    spans = [t for s in spans if (t := _trim(text, s, language)) is not None]
    spans = _join_named_after(text, spans, language)
    spans = _join_particles(text, spans, language)
    spans = _join_nickname(text, spans)
    spans = _join_country(text, spans, language)
    spans = _quoted_organisations(text, spans, language)
    out: list[Span] = []
    for s in spans:
        s = _person_by_first_name(text, _organisation_by_word(text, s, language), language)
        s = _place_by_region_word(text, s, language)
        out.extend(_split_person(text, s, language) if s.type == "ORG"
                   else _split_people(text, s, language) if s.type == "PER"
                   else _split_region(text, s, language) if s.type == "LOC" else [s])
    return [_abbreviation_dot(text, _balanced(text, _with_legal_form(text, s, language)), language) for s in out]


def _with_legal_form(text: str, span: Span, language: str) -> Span:
    """"ТОВ «Кримбуд-Юг»": the legal forms right before a quoted company name
    are part of it (NER-UK: 820 of 820)."""
    if span.type != "ORG":
        return span
    forms = lang.data(language, "names", "LEGAL_FORMS")
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


def _balanced(text: str, span: Span) -> Span:
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


def _abbreviation_dot(text: str, span: Span, language: str) -> Span:
    """A company form makes an organisation and keeps its dot ("Ронтекс Інк.",
    "Redshire Solutions Ltd."); a region's "обл" ends the name without it, as
    NER-UK annotates ("Донецька обл")."""
    last = text[span.start : span.end].rstrip(".").rsplit(None, 1)[-1]
    if text[span.end - 1 : span.end] == "." and last in lang.data(language, "names", "DOTLESS_ENDINGS"):
        return Span(span.start, span.end - 1, span.type)
    if last in lang.data(language, "names", "COMPANY_FORMS") and " " in text[span.start : span.end].strip():
        return Span(span.start, span.end + (text[span.end : span.end + 1] == "."), "ORG")
    return span


def _place_by_region_word(text: str, span: Span, language: str) -> Span:
    """"Криничанський р-н", "Донецька область", "Фінської затоки": adjectives
    and a region word or a natural feature are a place."""
    if span.type == "LOC":
        return span
    words = [w.group() for w in _words(text, span)]
    regions = lang.data(language, "places", "REGION_WORDS")
    last = text[span.start : span.end].split()[-1]
    if 2 <= len(words) <= 3 and (last.lower() in regions or (
            last.islower() and lemma(last, language) in lang.data(language, "places", "FEATURE_WORDS"))) and all(
            w[:1].isupper() and any(p.tag.POS == "ADJF" for p in parse(w.lower(), language)) for w in words[:-1]):
        return Span(span.start, span.end, "LOC")
    return span


def _split_region(text: str, span: Span, language: str) -> list[Span]:
    """"Іршанську Житомирської області": a settlement and its region are two
    places (NER-UK: 25 of 26), a district and its region one ("Жашківського
    району Черкаської області")."""
    words = _words(text, span)
    regions = lang.data(language, "places", "REGION_WORDS")
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


def _words(text: str, span: Span) -> list[re.Match[str]]:
    return list(WORD.finditer(text, span.start, span.end))


# ---------------------------------------------------------------- edges: titles and verbs

@cache
def _titles(language: str) -> tuple[frozenset[tuple[str, ...]], frozenset[str], frozenset[str], int]:
    """(titles as lemma sequences, their first lemmas, complement lemmas, longest title in words)."""
    titles = frozenset(tuple(lemma(w, language) for w in WORD.findall(t))
                       for t in lang.data(language, "titles", "TITLES"))
    return (titles, frozenset(t[0] for t in titles), frozenset(lang.data(language, "titles", "COMPLEMENTS")),
            max((len(t) for t in titles), default=0))


def _trim(text: str, span: Span, language: str) -> Span | None:
    """The span without a leading title and its complements ("Генеральний
    директор компанії": nothing is left), without a list it runs on into, and
    without trailing verbs, ranks, conjunctions and a date's day."""
    if any(q in text[max(0, span.start - 1) : span.end] for q in QUOTES):
        return span  # «Прем'єр Лізинг», ТОВ «Віртум строй»: a quoted name is as written
    if gazetteer.known(text[span.start : span.end], language):
        return span  # "Кабінет міністрів" ends in no title
    words = _words(text, span)
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
    conjunctions = lang.get(language).and_words
    if span.type in ("PER", "LOC"):  # "Хмельницького і кримських": a list runs on, not the name
        for i, w in enumerate(words[1:-1], 1):
            if w.group() in conjunctions and all(x.group()[:1].islower() for x in words[i:]):
                words = words[:i]
                break
    months = lang.get(language).months
    while len(words) > 1 and (
            (words[-1].group()[:1].islower() and (
                _runs_on(words[-1].group(), words[-2].group(), language)  # "Європейська комісія нагадала"
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


def _end_at_place(words: list[re.Match[str]], language: str) -> list[re.Match[str]]:
    """An organisation's name goes on after its country or city only with a
    preposition ("ДСНС України в Житомирській області", "Державна служба
    України з надзвичайних ситуацій": all 11 such names in NER-UK)."""
    regions = lang.data(language, "places", "REGION_WORDS")
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


def _whole_words(text: str, spans: list[Span]) -> list[Span]:
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


# ---------------------------------------------------------------- joins

def _join_adjacent(spans: list[Span], joined) -> list[Span]:
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


_NICKNAME = re.compile(rf"[ \t]*(?:[{_OPEN}][ \t]*[^\W\d_][\w'’-]*[ \t]*)?[{_CLOSE}][ \t]*")


def _join_nickname(text: str, spans: list[Span]) -> list[Span]:
    """"Дмитро «Бобін» Александров": a quoted nickname between a first name
    and a surname is part of one person's name."""

    def joined(prev: Span, s: Span) -> Span | None:
        between = _NICKNAME.fullmatch(text, prev.end, s.start)
        if prev.type == s.type == "PER" and between and (
                between.group().strip()[:1] in OPENING_QUOTES
                or sum(c in OPENING_QUOTES for c in text[prev.start : prev.end]) == 1):
            return Span(prev.start, s.end, "PER")
        return None

    return _join_adjacent(spans, joined)


def _join_particles(text: str, spans: list[Span], language: str) -> list[Span]:
    """"Урсула" + "фон дер" + "Ляєн": one person."""
    particles = frozenset(lang.data(language, "names", "NAME_PARTICLES"))

    def joined(prev: Span, s: Span) -> Span | None:
        between = text[prev.end : s.start].split()
        if prev.type == s.type == "PER" and between and all(w in particles for w in between):
            return Span(prev.start, s.end, "PER")
        return None

    return _join_adjacent(spans, joined)


def _join_country(text: str, spans: list[Span], language: str) -> list[Span]:
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

    return _join_adjacent(spans, joined)


def _genitive(text: str, span: Span, language: str) -> bool:
    words = _words(text, span)
    return bool(words) and all(
        any(p.tag.case == "gent" for p in parse(w.group().lower(), language)) or w.group().isupper()
        for w in words)


# ---------------------------------------------------------------- types

def _person_by_first_name(text: str, span: Span, language: str) -> Span:
    """"Марта Кос" is no place: a known first name, then a word that is no
    adjective ("Софія Київська" and "Олександрія Кіровоградська" are places)."""
    if span.type != "LOC":
        return span
    words = _words(text, span)
    if len(words) != 2 or not all(w.group()[:1].isupper() for w in words):
        return span
    first = parse(words[0].group().lower(), language)
    second = parse(words[1].group().lower(), language)
    if (any(p.is_known and {"Name", "nomn"} <= p.tag.grammemes and "plur" not in p.tag for p in first)
            and not any(p.tag.POS == "ADJF" for p in second)
            and gazetteer.known(text[span.start : span.end], language) is None):
        return Span(span.start, span.end, "PER")
    return span


_QUOTED_NAME = re.compile(rf"[{_OPEN}][ \t]*([^{_OPEN}{_CLOSE}\n]{{1,80}}?)[ \t]*[{_CLOSE}]")
_WORD_BEFORE_QUOTE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*:?[ \t]*$")


@cache
def _list_glue(language: str) -> re.Pattern[str]:
    """What joins two items of a list: a comma or a conjunction."""
    return re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+(?:{alternation(lang.get(language).and_words)})[ \t]+)$")


def _quoted_organisations(text: str, spans: list[Span], language: str) -> list[Span]:
    """A quoted name after an organisation word, and the quoted names listed
    after it, are organisations: "фірми «Імперія-Холдинг» і «Капітал СТ»"."""
    words = lang.data(language, "names", "ORGANISATION_WORDS")
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


def _organisation_by_word(text: str, span: Span, language: str) -> Span:
    """A foreign or quoted name after "авіакомпанія", "профспілка" that is no
    person's ("авіакомпанія Ryanair", not "компанії Ілон Маск" or "фонді Сердюка")."""
    if span.type not in ("PER", "LOC"):
        return span
    before = list(WORD.finditer(text, max(0, span.start - 30), span.start))
    if not before or text[before[-1].end() : span.start].strip(" \t" + "".join(OPENING_QUOTES)):
        return span
    if lemma(before[-1].group(), language) not in lang.data(language, "names", "ORGANISATION_WORDS"):
        return span
    if not (text[span.start : span.end].isascii() or text[before[-1].end() : span.start].strip()):
        return span  # "партії Польщі", "фонді Сердюка": the party's country, the fund's owner
    first = _words(text, span)[0].group().lower()
    if any(p.is_known and "Name" in p.tag.grammemes for p in parse(first, language)):
        return span
    return Span(span.start, span.end, "ORG")


@cache
def _named_after(language: str) -> re.Pattern[str] | None:
    words = lang.data(language, "names", "NAMED_AFTER_WORDS")
    if not words:
        return None
    return re.compile(rf"(?:{alternation(words)})(?!\w)")


def _join_named_after(text: str, spans: list[Span], language: str) -> list[Span]:
    """"Університет імені Тараса Шевченка" is one organisation, whatever
    pieces the recogniser made of it; a "person" with an institution before
    "імені" is that institution."""
    pattern = _named_after(language)
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

    return _join_adjacent([retyped(s) for s in spans], joined)


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


def _split_people(text: str, span: Span, language: str) -> list[Span]:
    """Two people with no comma between: "мати Юрія Мірошниченка Валентина
    Кочура" — a first name in the nominative after a word that cannot be one."""
    words = _words(text, span)
    for i in range(1, len(words)):
        if i < 2 and len(words) - i < 2:
            break  # one word each side: "Тіною Кароль" is one woman, whatever "Кароль" may be
        prev, word = words[i - 1].group(), words[i].group()
        if (prev[:1].isupper() and word[:1].isupper() and _first_name_nominative(word, language)
                and not _nominative(prev, language)):
            return [Span(span.start, words[i - 1].end(), "PER"), Span(words[i].start(), span.end, "PER")]
    return [span]


def _first_name_nominative(word: str, language: str) -> bool:
    return any(p.is_known and {"Name", "nomn"} <= set(p.tag.grammemes) for p in parse(word.lower(), language))


def _nominative(word: str, language: str) -> bool:
    return any("nomn" in p.tag.grammemes for p in parse(word.lower(), language))
