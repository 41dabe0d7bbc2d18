"""Lemmas through pymorphy3 and its Ukrainian and Russian dictionaries.

Word forms repeat heavily in news, so parses are cached per (language, form):
the dictionary lookup is the slow part, the cache makes it nearly free.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

import pymorphy3

from .. import lang

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*|\d+", re.UNICODE)
#: the dictionaries' grammemes of a person's name: first name, surname, patronymic.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
#: quotation marks of uk, ru and en news: «», „“, “” and straight ones.
OPENING_QUOTES = frozenset("«„“\"")
CLOSING_QUOTES = frozenset("»“”\"")


def has_morphology(language: str | None) -> bool:
    """Whether a language has a dictionary (``Language.morphology``); words of
    the others are lower-cased only."""
    return lang.of(language).morphology is not None


@cache
def analyzer(language: str) -> pymorphy3.MorphAnalyzer:
    dictionary = lang.of(language).morphology
    if dictionary is None:
        raise ValueError(f"no morphology for {language!r}")
    return pymorphy3.MorphAnalyzer(lang=dictionary)


@lru_cache(maxsize=200_000)
def parse(word: str, language: str) -> tuple:
    """All readings of a lower-case word (cached: names and places repeat)."""
    return tuple(analyzer(language).parse(word))


def normalise(word: str) -> str:
    """Lower case with one apostrophe: the form lemmas are compared in."""
    return word.lower().replace("’", "'").replace("ʼ", "'")


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str | None) -> str:
    """Most probable dictionary form of ``word``, lower-cased."""
    low = normalise(word)
    # Acronyms (НАТО, ЄС, МИД) are not inflected words: the dictionary would
    # turn НАТО into "ната".
    if lang.of(language).morphology is None or (word.isupper() and len(word) > 1) or low.isdigit():
        return low
    return parse(low, language)[0].normal_form


def inflect(reading, *wanted: set[str] | frozenset[str]):
    """The form of ``reading``'s lexeme with the first of the ``wanted`` grammeme
    sets that has one, or None.

    It picks the form pymorphy3's ``Parse.inflect`` picks, but builds the lexeme
    once: building it is what inflecting costs, and pymorphy3 builds it again for
    every set it tries and again for its rare-case fallback (six times per name
    word on average, half of a base form's time). A set with a grammeme unknown
    to the language's tag set ("sing" in Ukrainian) is skipped."""
    lexeme = reading.lexeme if wanted else []
    for grammemes in wanted:
        grammemes = frozenset(grammemes)
        hits = [f for f in lexeme if grammemes <= f.tag.grammemes]
        if not hits:
            grammemes = reading.tag.fix_rare_cases(grammemes)
            hits = [f for f in lexeme if grammemes <= f.tag.grammemes]
        try:
            target = reading.tag.updated_grammemes(grammemes)
        except ValueError:
            continue
        if hits:
            return max(hits, key=lambda f: len(target & f.tag.grammemes) - 0.1 * len(target ^ f.tag.grammemes))
    return None


def lemmas(text: str, language: str | None) -> list[str]:
    return [lemma(m.group(), language) for m in WORD.finditer(text)]


def query_forms(word: str) -> set[str]:
    """A query word and its lemmas in every language: queries carry no language
    tag, and the index holds the lemma the parser chose in context, which need
    not be the dictionary's likeliest: every reading's lemma counts."""
    forms = {word.lower()}
    low = normalise(word)
    for language in lang.all_languages():
        if language.morphology:
            forms.add(lemma(word, language.code))
            if not low.isdigit():
                forms.update(normalise(r.normal_form) for r in parse(low, language.code))
    return forms


@lru_cache(maxsize=65536)
def participle_verbs(word: str, language: str | None) -> frozenset[str]:
    """The verbs a passive participle comes from where the dictionary makes it an
    adjective of its own ("укладена": "укласти"), through its impersonal form: the
    events read "угода укладена" as "укласти угоду". Empty for any other word."""
    if not has_morphology(language):
        return frozenset()
    endings = lang.of(language).inflection.PARTICIPLE_IMPERSONAL
    out = set()
    for reading in parse(word, language):
        if reading.tag.POS != "ADJF" or "pssv" not in reading.tag:
            continue
        base = reading.normal_form
        for ending, impersonal in endings:
            if base.endswith(ending):
                out |= {normalise(p.normal_form) for p in parse(base[: -len(ending)] + impersonal, language)
                        if p.tag.POS in ("VERB", "INFN")}
    return frozenset(out)
