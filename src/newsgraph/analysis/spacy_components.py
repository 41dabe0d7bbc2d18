"""spaCy pipeline components that newsgraph's trained models depend on.

Import this module before ``spacy.load`` of a newsgraph model (for example
``src/newsgraph/models/ner_uk``): loading looks the factories up by name.

``newsgraph_lemma_norm`` writes the pymorphy3 dictionary form (lower-cased) of
every word into ``token.norm_``. Placed before ``tok2vec`` it lets the NER model
see "Шольцом", "Шольца" and "Шольц" as the same feature "шольц", which matters
for a highly inflected language and a small training corpus. The model was
trained with exactly this function, so its behaviour is kept self-contained
here (it does not follow later changes of ``newsgraph.analysis.morphology``).
"""
from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3
from spacy.language import Language
from spacy.tokens import Doc

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ʹ": "'"})


@cache
def _analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=300_000)
def lemma_norm(text: str, lang: str) -> str | None:
    """The lower-cased dictionary form of a word, or None to keep spaCy's norm.

    Tokens without letters keep their norm; acronyms ("НАТО", "США") are not
    inflected words and are only lower-cased (the dictionary would turn НАТО into
    "ната").
    """
    if not any(ch.isalpha() for ch in text):
        return None
    low = text.lower().translate(_APOSTROPHES)
    if len(text) > 1 and text.isupper():
        return low
    if not low.replace("'", "").replace("-", "").isalpha():
        return low
    return _analyzer(lang).parse(low)[0].normal_form


class LemmaNorm:
    """Sets ``token.norm_`` to the pymorphy3 lemma (see module docstring)."""

    def __init__(self, lang: str, active: bool = True):
        self.lang = lang
        self.active = active

    def __call__(self, doc: Doc) -> Doc:
        if not self.active:
            return doc
        lang = self.lang
        for token in doc:
            norm = lemma_norm(token.text, lang)
            if norm is not None:
                token.norm_ = norm
        return doc


@Language.factory(
    "newsgraph_lemma_norm",
    default_config={"morph_lang": None, "active": True},
)
def make_lemma_norm(nlp: Language, name: str, morph_lang: str | None, active: bool) -> LemmaNorm:
    """``morph_lang``: pymorphy3 dictionary to use (default: the pipeline's language).

    ``active = false`` turns the component into a no-op (the baseline of the
    training comparison).
    """
    return LemmaNorm(morph_lang or nlp.lang, active=active)
