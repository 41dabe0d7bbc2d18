"""Tokens, morphology and dependency syntax of a document's sentences, per language.

Every later stage reads these tokens instead of splitting the text again. A
language names its parser in its data (``Language.parser``: a module of
``newsgraph.analysis`` with ``parse_many(texts, sentences)``); a language
without one, or whose model cannot be loaded, still gets tokens (razdel's,
which handle Latin and Cyrillic news alike) with dictionary lemmas, and no
heads.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import cache

import razdel

from .. import lang
from ..model import Sentence, Token
from .morphology import lemma as dictionary_lemma

log = logging.getLogger(__name__)

Parser = Callable[[Sequence[str], Sequence[Sequence[tuple[int, int]]], Sequence[Sequence[tuple[int, int, str]]] | None],
                  list[list[Sentence]]]


def tokens_only(texts: Sequence[str], sentences: Sequence[Sequence[tuple[int, int]]],
                language: str | None = None) -> list[list[Sentence]]:
    """Sentences with razdel tokens and dictionary lemmas, without syntax."""
    out = []
    for text, spans in zip(texts, sentences):
        sents = []
        for start, end in spans:
            toks = tuple(Token(start + t.start, start + t.stop, k, dictionary_lemma(t.text, language))
                         for k, t in enumerate(razdel.tokenize(text[start:end]), 1))
            sents.append(Sentence(start, end, toks))
        out.append(sents)
    return out


@cache
def parser(language: str | None) -> Parser | None:
    """The parser of a language, or None (logged once) when it has none or it cannot load."""
    name = lang.of(language).parser
    if not name:
        return None
    try:
        module = lang.of(language).component(name)
        module.parse_many(["."], [[(0, 1)]], None)
    except Exception as e:  # a broken install must not cost the rest of the analysis
        log.warning("no syntax for %s: %s", language, e)
        return None
    return module.parse_many


def parse(language: str | None, texts: Sequence[str], sentences: Sequence[Sequence[tuple[int, int]]],
          names: Sequence[Sequence[tuple[int, int, str]]] | None = None,
          ) -> tuple[list[list[Sentence]], str | None]:
    """Parsed sentences of each text in ``language``, and a warning when the
    parser failed on them (they then get tokens only). ``names``: the names the
    recogniser found in each text (start, end, type), for a parser that reads them."""
    found = parser(language)
    if found is not None:
        try:
            return found(texts, sentences, names), None
        except Exception as e:  # keep the tokens, say what is missing
            log.warning("syntax failed for %s: %s", language, e)
            return tokens_only(texts, sentences, language), f"no syntax ({language}): {type(e).__name__}: {e}"
    return tokens_only(texts, sentences, language), None
