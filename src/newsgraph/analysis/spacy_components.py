"""spaCy pipeline components that newsgraph's trained models depend on.

Import this module before ``spacy.load`` of a newsgraph model (for example
``src/newsgraph/models/ner_uk``): loading looks the factories up by name.

``newsgraph_lemma_norm`` writes the pymorphy3 dictionary form (lower-cased) of
every word into ``token.norm_``. Placed before ``tok2vec`` it lets the NER model
see "Шольцом", "Шольца" and "Шольц" as the same feature "шольц", which matters
for a highly inflected language and a small training corpus. The model was
trained with exactly these functions, so the features are computed here from
the dictionary's raw readings and do not follow later changes of the lemma
rules in ``newsgraph.analysis.morphology``; only its look-up and cache are
shared.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps, Ops

# one dictionary and one parse cache per language for the whole process
from .morphology import analyzer as _analyzer
from .morphology import parse as _parse


class ModelMissing(RuntimeError):
    """A shipped model's folder is empty or gone (a partial checkout, a bad install)."""


def load_model(path: Path, what: str, script: str) -> Language:
    """``spacy.load`` of a newsgraph model, its layers built with :class:`MatmulOps`
    (layers take the ops current when they are built). ``what`` and ``script``
    name the model and its training script in the error a missing model raises."""
    import spacy
    from thinc.api import get_current_ops, set_current_ops

    if not (path / "meta.json").exists():
        raise ModelMissing(f"the {what} model is missing from {path}; train it with: python {script}")
    previous = get_current_ops()
    set_current_ops(MatmulOps())
    try:
        return spacy.load(path)
    finally:
        set_current_ops(previous)


class MatmulOps(NumpyOps):
    """thinc's CPU ops with matrix products done by numpy (its BLAS) instead of
    the blis build thinc ships, which on current x86 CPUs runs the tok2vec
    layers about three times slower (benchmarks/analyze_speed.py). Results
    are the same up to float rounding."""

    name = "newsgraph_matmul"
    gemm = Ops.gemm


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ʹ": "'"})


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
    return _parse(low, lang)[0].normal_form


#: dictionary grammemes that say a word is a name; they become the TAG feature.
_NAME_GRAMMEMES = ("Name", "Surn", "Patr", "Abbr")


@lru_cache(maxsize=300_000)
def name_tag(text: str, lang: str, case: bool = False, agreement: bool = False) -> str:
    """A coarse class for the TAG feature: the dictionary's part of speech and
    name grammemes ("NOUN_Surn"), "UNK" for words the dictionary does not know
    (foreign names), "X" for non-words.

    With ``case``, also the case of the likeliest reading ("NOUN_Surn_gent"):
    where a name ends is often where case agreement ends ("глава Ленінської
    райадміністрації | Максим Мусєєв").

    With ``agreement`` (the parser's feature), instead of that one case: every
    case the word's likeliest part of speech allows, and its gender and number
    ("ADJF_gent+loct_femn_sing"). A head is found by agreement, and the
    likeliest reading of "України" or "роботи" is often the wrong case."""
    if not any(ch.isalpha() for ch in text):
        return "X"
    low = text.lower().translate(_APOSTROPHES)
    parses = _parse(low, lang)
    if not parses or not _analyzer(lang).word_is_known(low):
        return "UNK"
    best = parses[0]
    # grammemes of the three likeliest readings at once: ``g in tag`` validates
    # every miss against the tag set, which cost a tenth of a first pass
    seen = frozenset().union(*(p.tag.grammemes for p in parses[:3]))
    names = [g for g in _NAME_GRAMMEMES if g in seen]
    if agreement:
        same = [p.tag for p in parses[:8] if p.tag.POS == best.tag.POS]
        names.append("+".join(sorted({t.case for t in same if t.case})))
        names += [best.tag.gender or "", best.tag.number or ""]
    elif case and best.tag.case:
        names.append(best.tag.case)
    return "_".join([str(best.tag.POS or "X"), *names])


@lru_cache(maxsize=100_000)
def person_tag(text: str, lang: str, case: bool, first: bool) -> str | None:
    """The TAG of a word inside a recognised person's name: the dictionary's
    reading of it as a name where it has one ("Терези": Тереза's genitive, not the
    plural of "терези"), else its likeliest noun reading marked as a given name
    (``first`` word of several) or a surname ("Ашіг Масіх", which the dictionary
    does not know). None for a word :func:`name_tag` already reads as a name."""
    if not any(ch.isalpha() for ch in text) or (len(text) > 1 and text.isupper()):
        return None
    parses = _parse(text.lower().translate(_APOSTROPHES), lang)
    if not parses or any(g in parses[0].tag.grammemes for g in _NAME_GRAMMEMES):
        return None
    reading = next((p for p in parses[:8] if any(g in p.tag.grammemes for g in _NAME_GRAMMEMES)), None)
    if reading is not None:
        names = [g for g in _NAME_GRAMMEMES if g in reading.tag.grammemes]
    else:
        reading = next((p for p in parses if p.tag.POS == "NOUN"), None)
        names = ["Name" if first else "Surn"]
    if reading is not None and case and reading.tag.case:
        names.append(reading.tag.case)
    return "_".join(["NOUN", *names])


@lru_cache(maxsize=300_000)
def _features(text: str, lang: str, tags: bool, cases: bool, places: frozenset[str],
              agreement: bool = False) -> tuple[str | None, str | None]:
    """(NORM, TAG) of a token, once per distinct word: the component's whole per-token work."""
    norm = lemma_norm(text, lang)
    if not tags:
        return norm, None
    tag = name_tag(text, lang, cases, agreement)
    if places and text[:1].isupper() and (norm in places or text.lower() in places):
        tag += "_GEO"
    return norm, tag


#: the file, inside the model folder, that holds the place-name lexicon.
PLACES_FILE = "places.txt"


class LemmaNorm:
    """Sets ``token.norm_`` to the pymorphy3 lemma (see module docstring), and with
    ``tags`` also ``token.tag_`` to :func:`name_tag`.

    With a place-name lexicon (lower-cased lemmas of settlement, region and
    country names, set by ``initialize`` and saved with the model), a
    capitalised word whose lemma is a known place name gets "_GEO" added to its
    tag. The dictionary knows "Хорол" or "Пірново" only as nouns, if at all; a
    few hundred training documents cannot teach every village of Ukraine, and a
    list of them can. The model learns how far to trust the flag ("Мир",
    "Васильків" are places and words or surnames too).
    """

    def __init__(self, lang: str, active: bool = True, tags: bool = False, cases: bool = False,
                 agreement: bool = False):
        self.lang = lang
        self.agreement = agreement
        self.active = active
        self.tags = tags
        self.cases = cases
        self.places: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        if not self.active:
            return doc
        lang, tags, cases, places, agreement = self.lang, self.tags, self.cases, self.places, self.agreement
        for token in doc:
            norm, tag = _features(token.text, lang, tags, cases, places, agreement)
            if tag is not None and token.ent_type_ == "PER" and not agreement:
                # a name the caller recognised (see ``lang.uk.parser._with_names``)
                tag = person_tag(token.text, lang, cases, token.ent_iob_ == "B" and token.nbor(1).ent_iob_ == "I"
                                 if token.i + 1 < len(doc) else False) or tag
            if norm is not None:
                token.norm_ = norm
            if tag is not None:
                token.tag_ = tag
        return doc

    def initialize(self, get_examples: Callable | None = None, *, nlp=None,
                   places: str | None = None) -> None:
        """``places``: a text file, one lower-cased place lemma a line (built by
        ``training/ner_uk/places.py``); its content is saved with the model."""
        if places:
            self.places = frozenset(_read_lines(Path(places)))

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.places:
            (path / PLACES_FILE).write_text("\n".join(sorted(self.places)) + "\n", encoding="utf-8")

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "LemmaNorm":
        file = Path(path) / PLACES_FILE
        self.places = frozenset(_read_lines(file)) if file.exists() else frozenset()
        return self


def _read_lines(path: Path) -> list[str]:
    return [w for w in path.read_text(encoding="utf-8").split("\n") if w]


@Language.factory(
    "newsgraph_lemma_norm",
    default_config={"morph_lang": None, "active": True, "tags": False, "cases": False, "agreement": False},
)
def make_lemma_norm(nlp: Language, name: str, morph_lang: str | None, active: bool,
                    tags: bool = False, cases: bool = False, agreement: bool = False) -> LemmaNorm:
    """``morph_lang``: pymorphy3 dictionary to use (default: the pipeline's language).

    ``active = false`` turns the component into a no-op (the baseline of the
    training comparison).
    """
    return LemmaNorm(morph_lang or nlp.lang, active=active, tags=tags, cases=cases, agreement=agreement)
