"""Names the knowledge base knows, found in the text whatever the recogniser says.

A statistical recogniser trained on a few hundred documents misses common
names in unusual contexts ("Україна та Польща домовилися…") and mistypes
others. Countries, capitals and international organisations are a closed,
known set: every capitalised word sequence that is one of their names or
inflected forms is a mention. The recogniser's own spans win where the two
overlap, since they may be longer ("Міністерство оборони України"), unless the
known name holds the recognised one whole.
"""
from __future__ import annotations

from functools import cache, lru_cache

from ..model import Span
from .morphology import CLOSING_QUOTES, OPENING_QUOTES, WORD, lemma

#: the longest name, in words, looked for.
MAX_WORDS = 4


@cache
def _kb():
    from ..link.kb import knowledge_base

    return knowledge_base()


def place_kind(name: str, language: str | None) -> str | None:
    """"country", "city" or "region" for a known place (any of its names or
    forms), None for anything else."""
    entry = _kb().lookup(name, language)
    return entry.kind if entry is not None and entry.type == "LOC" else None


@lru_cache(maxsize=200_000)
def known(name: str, language: str | None) -> str | None:
    """The KB type of a word sequence (names repeat: cached), None when unknown or a person."""
    entry = _kb().lookup(name, language)
    return entry.type if entry is not None and entry.type != "PER" else None


@cache
def _first_words(language: str | None) -> frozenset[str]:
    """Every word (as written, and as a lemma) a known name can start with: a
    capitalised word outside this set starts no name, and costs no lookup."""
    kb = _kb()
    keys = [k for (lang, k) in kb._names if lang in (language, "*")]
    keys += [k for (lang, k) in kb._forms if lang == language]
    keys += [k for (lang, k) in kb._lemmas if lang == language]
    return frozenset(k.split(" ", 1)[0] for k in keys if k)


def find(text: str, language: str | None) -> list[Span]:
    """Knowledge-base names in ``text``, longest first, not overlapping each other."""
    words = list(WORD.finditer(text))
    starts = _first_words(language)
    out: list[Span] = []
    i = 0
    while i < len(words):
        first = words[i].group()
        if not first[:1].isupper():
            i += 1
            continue
        low = first.casefold().replace("’", "'").replace("ʼ", "'").replace("ё", "е")
        if low not in starts and lemma(first, language) not in starts:
            i += 1
            continue
        hit = None
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            start, end = words[i].start(), words[i + n - 1].end()
            etype = known(text[start:end], language)
            if etype:
                hit = (n, Span(start, end, etype))
                break
        if hit and hit[1].type == "LOC" and _quoted(text, hit[1]):  # газети «Житомирщина», готель «Україна»: a title
            i += hit[0]
        elif hit:
            out.append(hit[1])
            i += hit[0]
        else:
            i += 1
    return out


def _quoted(text: str, span: Span) -> bool:
    """The whole of a quotation: a place or a country in quotes names a paper,
    a hotel or a firm, which the recogniser judges better. A known
    organisation in quotes is itself («Укрзалізниці», «Енергоатом»: NER-UK
    marks 24 of the 41 the knowledge base finds, most of the rest inside a
    longer name with a legal form)."""
    return (text[max(0, span.start - 3) : span.start].rstrip()[-1:] in OPENING_QUOTES
            and text[span.end : span.end + 3].lstrip()[:1] in CLOSING_QUOTES)


def merge(recognised: list[Span], known: list[Span]) -> list[Span]:
    """The recogniser's spans plus the known names that overlap none of them;
    a known name that holds a recognised span whole replaces it ("Нової
    Зеландії" for a recognised "Зеландії")."""
    out = []
    for s in recognised:
        wider = next((k for k in known if k.start <= s.start and s.end <= k.end and k != s), None)
        if wider is None:
            out.append(s)
        elif wider not in out:  # "Нової" and "Зеландії" recognised apart: one known name
            out.append(wider)
    for k in known:
        if not any(k.overlaps(s) for s in out):
            out.append(k)
    return sorted(out, key=lambda s: (s.start, s.end))
