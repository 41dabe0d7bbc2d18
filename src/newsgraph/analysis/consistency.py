"""One name, one reading per document: a name recognised once is recognised
wherever the same words recur in the document.

A recogniser decides each occurrence from its few neighbouring words, so it
finds "ОСББ" or "Загребельська" in one sentence and passes them by in the
next. Annotators do not: in NER-UK's 391 documents, 9 847 of the 9 885
recurrences of an annotated name outside a longer one are annotated too,
with the same type. So each name the recogniser found (capitalised, not a
common word, one type in the document), and the surname of each full name
it found ("Ірина Кошель", then "Кошель"), is looked for again in every
analysed stretch of the document, and each free occurrence becomes a mention.

The recurrence must stand alone: glued to a capitalised word or a quoted
name it is part of a longer name the recogniser did not see ("Київ" in
"Динамо Київ", "ОСББ «Нива»"). A capitalised common word the recogniser
took for a name once ("Староста" at a sentence start) is not spread when the
document also has it in lower case, in any form.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .. import lang
from ..model import Span
from .morphology import OPENING_QUOTES, WORD, lemma

#: types worth spreading: values and dates have their own finders.
TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})
#: the quote and the blanks after it go together: two runs of blanks side by
#: side ("[ \t]+[ \t]*") split a long run in quadratically many ways.
_NEXT_WORD = re.compile(rf"[ \t]+(?:[{''.join(sorted(OPENING_QUOTES))}][ \t]*)?(\w)")
_PREVIOUS_WORD = re.compile(r"([\w'’-]+)[ \t]+$")
#: one word in Latin letters (digits and a hyphen or "&" inside allowed: "easyJet", "H&M").
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&-]*")


def spread(stretches: Sequence[tuple[str, list[Span], str | None]]) -> list[list[Span]]:
    """``stretches`` are (text, spans, language) of one document; returns each
    stretch's spans with the recurrences of its document's names added."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surnames: set[str] = set()
    for text, spans, language in stretches:
        own_script = bool(lang.of(language).transliteration.TABLE)
        for s in spans:
            surface = text[s.start : s.end]
            if s.type in TYPES and _is_name(surface):
                # a language with a script of its own writes a foreign person's name in it
                # ("Трамп", "Мэй"): one Latin word there is a company, a brand or an outlet
                # ("Ryanair", "Swissmedic"), whatever a recogniser guessed from its context
                latin = own_script and s.type == "PER" and _LATIN_WORD.fullmatch(surface) is not None
                votes[surface]["ORG" if latin else s.type] += 1
            if s.type == "PER" and " " in surface.strip():  # the surname of a full name, alone later on
                surname = surface.split()[-1]
                if len(surname) > 2 and _is_name(surname) and surname.isalpha():
                    surnames.add(surname)
    for surname in surnames:  # a reading of its own wins ("Сергій Київ" leaves Kyiv a place)
        votes.setdefault(surname, Counter({"PER": 1}))
    types = {}
    for surface, counts in votes.items():
        (best, n), *rest = counts.most_common()
        if not rest or rest[0][1] < n:
            types[surface] = best
    common = _common_words(stretches, [x for x in types if " " not in x])
    types = {x: t for x, t in types.items() if x not in common}
    if not types:
        return [list(spans) for _, spans, _ in stretches]
    names = sorted(types, key=len, reverse=True)  # the longest name first
    out = []
    for text, spans, _ in stretches:
        # one name, one type in a document: an occurrence the recogniser typed against the
        # document's majority takes the majority's type ("Ryanair" a person in one sentence
        # and a company in five)
        found = [Span(s.start, s.end, types[text[s.start:s.end]])
                 if s.type in TYPES and types.get(text[s.start:s.end], s.type) != s.type else s for s in spans]
        for name in names:
            a = text.find(name)
            while a >= 0:
                b = a + len(name)
                if not (_inside_word(text, a, b) or any(s.start < b and a < s.end for s in found)
                        or _glued(text, a, b)):
                    found.append(Span(a, b, types[name]))
                a = text.find(name, b)
        out.append(sorted(found, key=lambda s: s.start))
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    return bool((start and (text[start - 1].isalnum() or text[start - 1] in "-'’"))
                or (end < len(text) and (text[end].isalnum() or text[end] in "-'’")))


def _is_name(surface: str) -> bool:
    """Capitalised, on one line, and more than one letter."""
    return len(surface) > 1 and surface[0].isupper() and "\n" not in surface


def _common_words(stretches, words: list[str]) -> set[str]:
    """The one-word names that also stand in the document in lower case, in
    any form ("Староста" at a sentence start, "старости" further on): a
    capitalised common word, not a name, that the recogniser took once."""
    if not words:
        return set()
    lower: dict[str | None, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # language -> first letters -> words
    for text, _, language in stretches:
        for w in WORD.findall(text):
            if w.islower():
                lower[language][w[:3]].add(w)
    common = set()
    for word in words:
        low = word.lower()
        stem = low[: max(3, len(low) - 2)]  # only words sharing the stem can share the lemma
        for language, forms in lower.items():
            base = lemma(word, language)
            if any(w == low or (w.startswith(stem) and lemma(w, language) == base)
                   for w in forms.get(low[:3], ())):
                common.add(word)
                break
    return common


def _glued(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after: a longer name, or a run of them."""
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).isupper():
        return True
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return bool(before and before.group(1)[0].isupper())
