"""Values in news text — money, dates, quantities, percentages — found and normalised.

``find_values(text, language, published)`` returns :class:`newsgraph.model.Value`
objects whose offsets slice ``text`` exactly. All language knowledge (number
words, multipliers, currency names, month and weekday names, relative-date
words) is data in ``newsgraph/lang/<code>/values.py``; this module only builds
regular expressions from it, once per language, and never branches on a
language code.

Normalisation
-------------
* MONEY: ``value`` is the amount as a number (``int`` when integral), ``unit``
  the ISO 4217 code: "€28 мільярдів" → 28000000000 EUR, "$1,5 млрд" →
  1500000000 USD. "5-6 млрд гривень" is a range: ``end_value`` 6000000000.
* PERCENT: ``value`` in percent units, ``unit`` "%".
* QUANTITY: a number followed by a counted noun (up to two adjectives between)
  or a measure abbreviation; ``unit`` is the noun's base form ("140 суден" →
  140 "судно"), or None for "28 млн" followed by no noun.
* DATE: ``value`` an ISO date ("2018-10-31"), month ("2024-10") or year
  ("2024"); a range has ``end_value``.

Year resolution (dates written without a year)
----------------------------------------------
* "поточного року" / "этого года" / "this year" (and "минулого року" …) fix the
  year relative to the publication year.
* Otherwise, with ``published`` known, the year is the one (of the publication
  year and the years either side) that puts the date closest to publication:
  a paper published 2024-01-03 writing "28 грудня" means 2023-12-28, one
  published 2024-12-28 writing "5 січня" means 2025-01-05. Days after
  publication count double (news reports the past more often than the
  future): published 2024-11-05, "12 March" is 2024-03-12, not 2025-03-12. A weekday given with
  the date ("у неділю, 4 листопада") picks among those years the ones where the
  date falls on that weekday.
* With ``published`` unknown the year stays unknown: ``value`` is ISO 8601's
  truncated form "--10-17" and ``partial`` is True.
* Relative expressions ("вчора", "минулого тижня", "yesterday") are resolved
  against ``published``; without it they are skipped, since nothing of them is
  known. A week is a Monday–Sunday range, a month "YYYY-MM", a year "YYYY".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any, Iterable

from newsgraph import lang as languages
from newsgraph.analysis.morphology import analyzer, has_morphology
from newsgraph.model import Value

# One-for-one character replacements: offsets into the normalised text are
# offsets into the input.
_NORMALISE = str.maketrans({
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2008": " ",
    "\u200a": " ", "\u2005": " ", "\u2006": " ", "\t": " ",
    "’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'",
    "\u2010": "-", "\u2011": "-", "\u2212": "-",
})

#: currency signs and ISO codes: the same in every language.
SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB",
           "¥": "JPY", "₣": "CHF", "zł": "PLN"}
ISO_CODES = ("USD", "EUR", "UAH", "RUB", "GBP", "CHF", "PLN", "CNY", "JPY")

SP = "[ ]"
DASH = f"{SP}*[-–—]{SP}*"
WORD_END = r"(?![\w'])"
WORD_START = r"(?<![\w'])"
#: a number written in digits; grouping by spaces, commas or dots is read later.
DIGITS = r"(?:\d{1,3}(?:(?:[ ]\d{3})+|(?:,\d{3})+|(?:\.\d{3}){2,})(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
#: what may not follow a number: more digits, a time, a date, an ordinal ending.
DIGITS_END = r"(?!\d|[.,:/]\d|-[^\W\d_])"
NO_NUMBER_BEFORE = r"(?<![\w.,:/+\-–—])"
WORD = r"[^\W\d_]+(?:['-][^\W\d_]+)*"


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie so that
    hundreds of word forms cost little per position. A space in a phrase
    matches any run of spaces."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [(SP + "+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    if not trie:
        return "(?!)"
    return emit(trie)


def _cased(words: Iterable[str]) -> list[str]:
    return sorted({v for w in words for v in (w.capitalize(), w.upper(), w.title())})


@dataclass(frozen=True)
class _Grammar:
    language: str
    inflect: bool
    decimal: str
    numbers: dict[str, float]
    joiners: frozenset[str]
    multipliers: dict[str, float]
    bare_multipliers: frozenset[str]
    currencies: dict[str, str]
    percent: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    year_qualifiers: dict[str, int]
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    not_units: frozenset[str]
    unit_abbreviations: dict[str, str]
    stop_words: frozenset[str]
    singular_rules: tuple[tuple[str, str], ...]
    irregular: dict[str, str]
    slash_order: str
    number_re: re.Pattern[str]
    date_re: re.Pattern[str]
    currency_after: re.Pattern[str]
    percent_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    words_after: re.Pattern[str]
    stop_before: re.Pattern[str]

    def key(self, form: str) -> str:
        return re.sub(" +", " ", form.lower())


def _apostrophe(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'")


def _expand(bases: dict[str, Any], language: str, inflect: bool) -> dict[str, Any]:
    """Every case form of each base word (through pymorphy3 when ``inflect``).

    A phrase is an adjective (or several) and its head noun, last: each form of
    the noun is paired with the adjectives inflected to agree with it
    ("канадський долар" → "канадських доларів")."""
    out: dict[str, Any] = {}
    for base, value in bases.items():
        base = base.lower()
        if inflect:
            *modifiers, head = base.split(" ")
            morph = analyzer(language)
            for parse in morph.parse(head):
                if _apostrophe(parse.normal_form) != head:
                    continue
                for form in parse.lexeme:
                    words = []
                    for modifier in modifiers:
                        adj = next((a for a in morph.parse(modifier) if a.tag.POS == "ADJF"), None)
                        need = {g for g in (form.tag.case, form.tag.number) if g}
                        if form.tag.number == "sing" and form.tag.gender:
                            need.add(form.tag.gender)
                        agreed = adj.inflect(need) if adj else None
                        if agreed is None:
                            break
                        words.append(agreed.word)
                    else:
                        out.setdefault(_apostrophe(" ".join([*words, form.word])), value)
        out[base] = value
    return out


@cache
def grammar(language: str) -> _Grammar:
    data = languages.of(language).values
    inflect = data.INFLECT and has_morphology(language)
    numbers = _expand(data.NUMBER_WORDS, language, inflect)
    numbers.update({k.lower(): v for k, v in data.NUMBER_FORMS.items()})
    multiplier_words = _expand(data.MULTIPLIERS, language, inflect)
    multipliers = {**multiplier_words,
                   **{k.lower(): v for k, v in data.MULTIPLIER_ABBREVIATIONS.items()}}
    currency_words = _expand(data.CURRENCY_WORDS, language, inflect)
    currencies = {**{c.lower(): c for c in ISO_CODES},
                  **{k.lower(): v for k, v in SYMBOLS.items()},
                  **{k.lower(): v for k, v in data.CURRENCY_ABBREVIATIONS.items()},
                  **currency_words}
    percent = _expand(dict.fromkeys(data.PERCENT_WORDS, True), language, inflect)
    months = {**languages.of(language).cleaning.MONTHS, **data.MONTHS_EXTRA}
    weekdays = _expand(data.WEEKDAYS, language, inflect)

    def words(forms: Iterable[str]) -> str:
        return f"{WORD_START}(?:{_alternation(forms)}){WORD_END}"

    def dotted(forms: Iterable[str], start: str = WORD_START) -> str:
        # abbreviations ending in a dot ("тис.") need no word end after the dot,
        # and are tried before their dotless spelling
        forms = list(forms)
        plain = [f for f in forms if not f.endswith(".")]
        dots = [f for f in forms if f.endswith(".")]
        parts = [f"(?:{_alternation(dots)})"] if dots else []
        if plain:
            parts.append(f"(?:{_alternation(plain)}){WORD_END}")
        return f"{start}(?:{'|'.join(parts)})" if parts else "(?!)"

    month_forms = list(months)
    if data.MONTHS_CAPITALISED:
        # "May", "March" are months only when capitalised; "Jan." may carry a dot
        dotted_forms = [f + "." for f in month_forms if len(f) <= 4 and f.isalpha()]
        month = f"{WORD_START}(?-i:{_alternation(_cased(month_forms + dotted_forms))}){WORD_END}"
    else:
        month = f"{WORD_START}(?:{_alternation(month_forms)}){WORD_END}"
    weekday = words(weekdays)
    number_words = words(numbers)
    joiner = f"(?:{SP}+{words(data.NUMBER_JOINERS)})?" if data.NUMBER_JOINERS else ""
    spelled = f"{number_words}(?:{joiner}{SP}+{number_words})*"
    # no word start: "$300m", "28млрд"
    multiplier = dotted(multipliers, start="")
    bare_multiplier = words(multiplier_words)

    def amount(p: str, first: bool) -> str:
        guard = NO_NUMBER_BEFORE if first else ""
        return (f"(?:(?:{guard}(?P<{p}d>{DIGITS}){DIGITS_END}|(?P<{p}w>{spelled}))"
                f"(?:{SP}*(?P<{p}m>{multiplier}))?|(?P<{p}b>{bare_multiplier}))")

    prefix_currency = _alternation(sorted(SYMBOLS) + list(ISO_CODES))
    number_re = re.compile(
        f"(?:(?P<pre>(?-i:{prefix_currency})){SP}?)?{amount('a', True)}(?:{DASH}{amount('b', False)})?",
        re.IGNORECASE)

    symbols = [k for k in currencies if not any(ch.isalnum() for ch in k)]
    currency_names = [k for k in currencies if k not in symbols]
    tail = f"(?:{SP}+{words(data.CURRENCY_TAILS)})?" if data.CURRENCY_TAILS else ""
    currency_after = re.compile(
        f"{SP}*(?P<sym>{_alternation(symbols)})|{SP}*(?P<cur>{dotted(currency_names)}){tail}",
        re.IGNORECASE)
    percent_after = re.compile(f"{SP}*%|{SP}+{words(percent)}", re.IGNORECASE)
    unit_after = re.compile(f"{SP}*(?P<u>{dotted(data.UNIT_ABBREVIATIONS)})(?!\\d)")
    word = f"{WORD}{WORD_END}(?!-?\\d)"
    words_after = re.compile(f"{SP}+(?P<w1>{word})(?:{SP}+(?P<w2>{word}))?(?:{SP}+(?P<w3>{word}))?")
    stop_before = re.compile(f"{WORD_START}(?:{_alternation(data.QUANTITY_STOP_BEFORE)}){SP}*\\Z",
                             re.IGNORECASE)

    year_words = dotted(data.YEAR_WORDS) if data.YEAR_WORDS else "(?!)"
    qualifiers = words(data.YEAR_QUALIFIERS)
    day = f"\\d{{1,2}}{data.DAY_SUFFIX}"
    to = (f"(?:{DASH}|{SP}+{words(data.DATE_RANGE_JOINERS)}{SP}+)" if data.DATE_RANGE_JOINERS
          else DASH)
    preps = words(data.MONTH_PREPOSITIONS)
    branches = [
        # 17-18 жовтня поточного року; у неділю, 4 листопада; 31 октября 2018 года; 12 March 2024
        f"(?:(?P<dm_wd>{weekday}),?{SP}+)?(?<![\\w.,:/\\-–])(?P<dm_d1>\\d{{1,2}}){data.DAY_SUFFIX}"
        f"(?:{to}(?P<dm_d2>\\d{{1,2}}){data.DAY_SUFFIX})?{SP}+(?P<dm_m1>{month})"
        f"(?:{to}(?P<dm_d3>\\d{{1,2}}){data.DAY_SUFFIX}{SP}+(?P<dm_m2>{month}))?"
        f"(?:,?{SP}+(?P<dm_y>\\d{{4}})(?!\\d|[.,]\\d)(?:{SP}*{year_words})?|{SP}+(?P<dm_q>{qualifiers}))?",
        # 12.03.2024, 12/03/24
        f"(?<![\\w.,:/\\-])(?P<n_a>\\d{{1,2}})(?P<n_s>[./])(?P<n_b>\\d{{1,2}})(?P=n_s)(?P<n_y>\\d{{4}}|\\d{{2}})"
        f"(?![\\w-]|[.,/]\\d)(?:{SP}*{year_words})?",
        # 2024-03-12
        r"(?<![\w.,:/\-])(?P<i_y>\d{4})-(?P<i_m>\d{2})-(?P<i_d>\d{2})(?![\w\-]|[.,:]\d)",
        # у жовтні поточного року; у жовтні 2024 року; October 2024
        f"(?:(?P<bm_p>{preps}){SP}+)?(?P<bm_m>{month})"
        f"(?:,?{SP}+(?P<bm_y>\\d{{4}})(?!\\d|[.,]\\d)(?:{SP}*{year_words})?|{SP}+(?P<bm_q>{qualifiers}))?",
        # 2018 року, 2014-2022 роки
        f"(?<![\\w.,:/\\-–])(?P<y_y>\\d{{4}})(?:{DASH}(?P<y_y2>\\d{{4}}))?{SP}*(?P<y_w>{year_words})",
        # вчора, минулого тижня
        f"(?P<r_d>{words(data.RELATIVE_DAYS)})|(?P<r_p>{words(data.RELATIVE_PERIODS)})",
    ]
    if data.MONTH_FIRST:
        # March 12, 2024; Sunday, March 4; March 12-13
        branches.insert(1,
            f"(?:(?P<md_wd>{weekday}),?{SP}+)?(?P<md_m>{month}){SP}+(?P<md_d1>{day})"
            f"(?:{to}(?P<md_d2>\\d{{1,2}}){data.DAY_SUFFIX})?(?!\\d|[.,:]\\d|{SP}*%)"
            f"(?:,?{SP}+(?P<md_y>\\d{{4}})(?!\\d|[.,]\\d))?")
    year_preps = getattr(data, "YEAR_PREPOSITIONS", ())
    if year_preps:
        # in 2024
        branches.append(f"{words(year_preps)}{SP}+(?P<e_y>(?:1[89]|20)\\d\\d)(?!\\w|[.,:/%]\\d|{SP}*%)")
    date_re = re.compile("|".join(f"(?:{b})" for b in branches), re.IGNORECASE)

    return _Grammar(
        language=language, inflect=inflect, decimal=data.DECIMAL, numbers=numbers,
        joiners=frozenset(j.lower() for j in data.NUMBER_JOINERS), multipliers=multipliers,
        bare_multipliers=frozenset(multiplier_words), currencies=currencies,
        percent=frozenset(percent), months=months, weekdays=weekdays,
        year_qualifiers={k.lower(): v for k, v in data.YEAR_QUALIFIERS.items()},
        relative_days={k.lower(): v for k, v in data.RELATIVE_DAYS.items()},
        relative_periods={k.lower(): v for k, v in data.RELATIVE_PERIODS.items()},
        not_units=frozenset(list(data.NOT_UNITS) + list(months) + list(weekdays)),
        unit_abbreviations=dict(data.UNIT_ABBREVIATIONS),
        stop_words=frozenset(data.QUANTITY_STOP_WORDS),
        singular_rules=tuple(data.SINGULAR_RULES), irregular=dict(data.IRREGULAR_SINGULARS),
        slash_order=data.SLASH_ORDER, number_re=number_re, date_re=date_re,
        currency_after=currency_after, percent_after=percent_after, unit_after=unit_after,
        words_after=words_after, stop_before=stop_before,
    )


# --------------------------------------------------------------------------- numbers

def _digits(raw: str, decimal: str) -> Decimal | None:
    s = raw.replace(" ", "")
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        point = "," if s.rfind(",") > s.rfind(".") else "."
    elif commas > 1 or (commas == 1 and decimal == "." and len(s) - s.rfind(",") == 4):
        point = "."  # "1,500,000"; English "1,500"
    elif dots > 1:
        point = ","  # "1.500.000"
    else:
        point = "," if commas else "."
    group = "." if point == "," else ","
    try:
        return Decimal(s.replace(group, "").replace(point, "."))
    except InvalidOperation:
        return None


def _spelled(text: str, g: _Grammar) -> Decimal | None:
    total = Decimal(0)
    for word in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", text.lower()):
        if word in g.joiners:
            continue
        v = g.numbers.get(word)
        if v is None:
            # multi-word entries ("a hundred") are looked up whole
            v = g.numbers.get(g.key(text))
            return Decimal(str(v)) if v is not None else None
        v = Decimal(str(v))
        if v == 100 and 0 < total < 100:
            total *= 100  # "five hundred"
        else:
            total += v
    return total


@dataclass
class _Amount:
    value: Decimal
    multiplied: bool
    spelled: bool
    digits: str | None


def _amount(m: re.Match[str], p: str, g: _Grammar) -> _Amount | None:
    if m.group(p + "b"):
        return _Amount(Decimal(str(g.multipliers[g.key(m.group(p + "b"))])), True, True, None)
    raw = m.group(p + "d")
    value = _digits(raw, g.decimal) if raw else _spelled(m.group(p + "w"), g)
    if value is None:
        return None
    mult = m.group(p + "m")
    if mult:
        value *= Decimal(str(g.multipliers[g.key(mult)]))
    return _Amount(value, bool(mult), raw is None, raw)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# --------------------------------------------------------------------------- words

_FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "ADVB", "NPRO", "INTJ", "PRED", "COMP"})
_NOT_COUNTED = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})


@lru_cache(maxsize=100_000)
def _word_info(word: str, language: str) -> tuple[str, str, bool]:
    """(part of speech, lemma, doubtful) of the most probable parse; doubtful
    when some parse makes it a name, an abbreviation or a function word
    ("6 тому" is "6 … because", not six volumes)."""
    parses = analyzer(language).parse(word)
    p = parses[0]
    doubtful = len(word) < 3
    for q in parses:
        grammemes = set(str(q.tag).replace(" ", ",").split(","))
        if grammemes & _NOT_COUNTED or q.tag.POS in _FUNCTION_POS:
            doubtful = True
    return str(p.tag.POS or ""), p.normal_form.replace("’", "'"), doubtful


def _singular(word: str, g: _Grammar) -> str:
    if word in g.irregular:
        return g.irregular[word]
    for suffix, repl in g.singular_rules:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: len(word) - len(suffix)] + repl
    return word


def _counted_noun(norm: str, end: int, g: _Grammar) -> tuple[int, str] | None:
    """The noun counted by a number ending at ``end``: (its end, its base form)."""
    m = g.words_after.match(norm, end)
    if not m:
        return None
    for i, name in enumerate(("w1", "w2", "w3")):
        word = m.group(name)
        if word is None or not word[0].islower():
            return None
        low = word.lower()
        if low in g.not_units or low in g.currencies or low in g.percent:
            return None
        if not g.inflect:
            if low in g.stop_words or i > 0:
                return None
            return m.end(name), _singular(low, g)
        pos, lemma, doubtful = _word_info(low, g.language)
        if pos == "NOUN" and not doubtful:
            if lemma in g.not_units:
                return None
            return m.end(name), lemma
        if pos not in ("ADJF", "PRTF") or i == 2:
            return None
    return None


# --------------------------------------------------------------------------- dates

def _published(published: Any) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(published))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _year_for(mo: int, d: int, pub: dt.date | None, offset: int | None,
              weekday: int | None) -> int | None:
    if pub is None:
        return None
    if offset is not None:
        return pub.year + offset
    options = [(y, day) for y in (pub.year - 1, pub.year, pub.year + 1)
               if (day := _date(y, mo, d)) is not None]
    if weekday is not None and any(day.weekday() == weekday for _, day in options):
        options = [(y, day) for y, day in options if day.weekday() == weekday]
    if not options:
        return None
    # news reports the past more often than the future: days ahead count double
    return min(options, key=lambda o: (pub - o[1]).days if o[1] <= pub else 2 * (o[1] - pub).days)[0]


def _iso(y: int | None, mo: int, d: int) -> str | None:
    if y is None:
        return f"--{mo:02d}-{d:02d}" if _date(2000, mo, d) else None
    day = _date(y, mo, d)
    return day.isoformat() if day else None


def _year(s: str | None) -> int | None:
    return int(s) if s else None


def _date_value(m: re.Match[str], g: _Grammar, pub: dt.date | None
                ) -> tuple[int, int, str | None, str | None, bool] | None:
    """(start, end, value, end_value, partial) of one date match, or None."""
    key = g.key
    start, end = m.span()
    if m.group("dm_d1"):
        d1 = int(m["dm_d1"])
        m1 = g.months[key(m["dm_m1"].rstrip("."))]
        d2 = int(m["dm_d2"]) if m["dm_d2"] else None
        m2 = g.months[key(m["dm_m2"].rstrip("."))] if m["dm_m2"] else m1
        if m["dm_d3"]:
            d2 = int(m["dm_d3"])
        weekday = g.weekdays.get(key(m["dm_wd"])) if m["dm_wd"] else None
        year = _year(m["dm_y"])
        if year is not None and not 1000 <= year <= 2200:
            year = None
            end = m.end("dm_m2") if m["dm_m2"] else m.end("dm_m1")
        if year is None:
            offset = g.year_qualifiers[key(m["dm_q"])] if m["dm_q"] else None
            year = _year_for(m1, d1, pub, offset, weekday)
        end_year = year
        if year is not None and d2 is not None and m["dm_y"]:
            # "28 грудня – 3 січня 2025": the written year is the end's
            if (m2, d2) < (m1, d1):
                year = year - 1
        elif year is not None and d2 is not None and (m2, d2) < (m1, d1):
            end_year = year + 1
        first = _iso(year, m1, d1)
        last = _iso(end_year, m2, d2) if d2 is not None else None
        if first is None or (d2 is not None and last is None):
            return None
        return start, end, first, last, year is None
    if m.group("n_a"):
        a, b, y = int(m["n_a"]), int(m["n_b"]), m["n_y"]
        year = int(y) + (2000 if int(y) < 70 else 1900) if len(y) == 2 else int(y)
        d, mo = (b, a) if m["n_s"] == "/" and g.slash_order == "mdy" else (a, b)
        value = _iso(year, mo, d) or _iso(year, d, mo)
        return (start, end, value, None, False) if value else None
    if m.group("i_y"):
        value = _iso(int(m["i_y"]), int(m["i_m"]), int(m["i_d"]))
        return (start, end, value, None, False) if value else None
    if "md_m" in g.date_re.groupindex and m.group("md_m"):
        mo = g.months[key(m["md_m"].rstrip("."))]
        d1 = int(re.match(r"\d+", m["md_d1"]).group())
        d2 = int(m["md_d2"]) if m["md_d2"] else None
        weekday = g.weekdays.get(key(m["md_wd"])) if m["md_wd"] else None
        year = _year(m["md_y"]) or _year_for(mo, d1, pub, None, weekday)
        first = _iso(year, mo, d1)
        last = _iso(year, mo, d2) if d2 is not None else None
        if first is None or (d2 is not None and last is None):
            return None
        return start, end, first, last, year is None
    if m.group("bm_m"):
        if not (m["bm_p"] or m["bm_y"] or m["bm_q"]):
            return None
        start = m.start("bm_m")
        mo = g.months[key(m["bm_m"].rstrip("."))]
        if m["bm_y"]:
            year: int | None = int(m["bm_y"])
        elif m["bm_q"]:
            year = pub.year + g.year_qualifiers[key(m["bm_q"])] if pub else None
        else:
            year = _year_for(mo, 15, pub, None, None)
        if year is None:
            return start, end, f"--{mo:02d}", None, True
        return start, end, f"{year:04d}-{mo:02d}", None, False
    if m.group("y_y"):
        y1 = int(m["y_y"])
        y2 = int(m["y_y2"]) if m["y_y2"] else None
        if not 1000 <= y1 <= 2200 or (y2 is not None and y2 < y1):
            return None
        return start, end, f"{y1:04d}", (f"{y2:04d}" if y2 else None), False
    if "e_y" in g.date_re.groupindex and m.group("e_y"):
        return m.start("e_y"), end, m["e_y"], None, False
    if pub is None:
        return None
    if m.group("r_d"):
        day = pub + dt.timedelta(days=g.relative_days[key(m["r_d"])])
        return start, end, day.isoformat(), None, False
    if m.group("r_p"):
        unit, offset = g.relative_periods[key(m["r_p"])]
        if unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
            return start, end, monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), False
        if unit == "month":
            index = pub.year * 12 + pub.month - 1 + offset
            return start, end, f"{index // 12:04d}-{index % 12 + 1:02d}", None, False
        return start, end, f"{pub.year + offset:04d}", None, False
    return None


# --------------------------------------------------------------------------- API

def find_values(text: str, language: str, published: Any = None) -> list[Value]:
    """Money, dates, quantities and percentages in ``text``, in text order.

    ``language`` is a code whose language has a ``values`` section (others get
    no values); ``published`` an ISO date or datetime string (or ``datetime.date``)
    against which dates without a year and relative dates are resolved.
    """
    if not text or not languages.of(language).values:
        return []
    g = grammar(language)
    norm = text.translate(_NORMALISE)
    pub = _published(published)
    found: list[Value] = []
    taken: list[tuple[int, int]] = []

    for m in g.date_re.finditer(norm):
        r = _date_value(m, g, pub)
        if r is None:
            continue
        start, end, value, end_value, partial = r
        found.append(Value("DATE", start, end, text[start:end], value, None, end_value, partial))
        taken.append((start, end))

    ti = 0
    for m in g.number_re.finditer(norm):
        start, end = m.span()
        while ti < len(taken) and taken[ti][1] <= start:
            ti += 1
        if ti < len(taken) and taken[ti][0] < end:
            continue
        v = _classify(m, norm, g)
        if v is None:
            continue
        kind, vstart, vend, value, unit, end_value = v
        # the tail (currency, noun) may reach into a date
        if ti < len(taken) and taken[ti][0] < vend:
            continue
        found.append(Value(kind, vstart, vend, text[vstart:vend], value, unit, end_value))
    found.sort(key=lambda v: (v.start, v.end))
    return found


def _classify(m: re.Match[str], norm: str, g: _Grammar):
    a = _amount(m, "a", g)
    if a is None:
        return None
    b = _amount(m, "b", g) if (m.group("bd") or m.group("bw") or m.group("bb")) else None
    if b is not None and not a.multiplied and m.group("bm"):
        a.value *= Decimal(str(g.multipliers[g.key(m.group("bm"))]))
        a.multiplied = True
    start, end = m.span()
    low, high = a.value, (b.value if b else None)
    end_value = _number(high) if high is not None else None
    pre = m.group("pre")
    if pre:
        return "MONEY", start, end, _number(low), g.currencies[pre.lower()], end_value
    c = g.currency_after.match(norm, end)
    if c:
        code = g.currencies[g.key(c.group("sym") or c.group("cur"))]
        return "MONEY", start, c.end(), _number(low), code, end_value
    if m.group("ab") and not b:
        return None  # "мільйони людей": no number
    p = g.percent_after.match(norm, end)
    if p:
        return "PERCENT", start, p.end(), _number(low), "%", end_value
    if a.spelled and not a.multiplied and low < 2:
        return None  # "одна компанія", "one of"
    if g.stop_before.search(norm, max(0, start - 12), start):
        return None
    u = g.unit_after.match(norm, end)
    if u:
        unit = g.unit_abbreviations.get(u.group("u")) or g.unit_abbreviations.get(u.group("u").lower())
        if unit:
            return "QUANTITY", start, u.end(), _number(low), unit, end_value
    noun = _counted_noun(norm, end, g)
    if noun:
        return "QUANTITY", start, noun[0], _number(low), noun[1], end_value
    if a.multiplied and not a.spelled:
        return "QUANTITY", start, end, _number(low), None, end_value
    return None
