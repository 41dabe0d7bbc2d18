"""Per-language knowledge, kept as data the way spaCy keeps ``spacy/lang/<code>/``.

The pipeline never branches on a language code: it asks this registry for the
``Language`` of a code (or for all languages at once, since a Ukrainian page
may carry a Russian comment widget) and reads its typed sections and its
capabilities. A language is

- a ``Language`` object in ``lang/<code>/__init__.py`` (``LANGUAGE``): its
  identity (code, lingua name, script, letters only it has), its sentence
  splitter and its capabilities (``morphology``, ``parser``, ``recogniser``);
- one module per section in ``lang/<code>/`` (``names.py``, ``speech.py``, …)
  whose UPPERCASE constants fill that section's dataclass. A section module a
  language lacks gives the section's empty defaults; a constant the section
  does not declare (a misspelling, or a new one not added to the dataclass)
  is an error when the section loads, never a silently ignored name.

Adding a language means adding a sub-package that defines ``LANGUAGE`` and its
code to ``CODES``.

Two lookups, on purpose different:

- ``get(code)`` is for a code that must be supported (a command-line option, a
  language named in a test): an unknown code raises ``KeyError``;
- ``of(code)`` is for a code that comes with the data (a segment's detected
  language, which is None on a line without letters): an unknown code or None
  gets ``NEUTRAL``, a language with empty sections and no capabilities, so
  that text of no known language is tokenised and lower-cased but never read
  with another language's words (it used to get Ukrainian's).
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache, cached_property, lru_cache
from types import ModuleType
from typing import ClassVar, TypeVar

CODES: tuple[str, ...] = ("uk", "ru", "en")


class SectionError(ValueError):
    """A section module defines a constant its section does not declare."""


def _empty_dict():
    return field(default_factory=dict)


# --------------------------------------------------------------------------- sections
#
# One frozen dataclass per section; its fields are the UPPERCASE constants of
# ``lang/<code>/<module>.py`` (names kept, so ``lang.of(code).speech.SPEECH_VERBS``
# reads as the module constant did), each with an empty default of its type.


@dataclass(frozen=True)
class Section:
    """Base of the sections; ``module`` is the file in ``lang/<code>/`` that fills it."""

    module: ClassVar[str] = ""

    def __bool__(self) -> bool:
        """Whether the language has any data in this section."""
        return self != type(self)()


@dataclass(frozen=True)
class Cleaning(Section):
    """Lines the cleaner drops or marks (``cleaning.py``)."""

    module: ClassVar[str] = "cleaning"
    #: lines that introduce links to other articles ("Читайте також: ...").
    RELATED_PATTERNS: tuple[str, ...] = ()
    #: widget, share, subscribe, comment, credit, copyright and cookie lines.
    BOILERPLATE_PATTERNS: tuple[str, ...] = ()
    #: month names in every case form, lower-case, mapped to month numbers
    #: (datelines; also the values' dates and the name boundaries).
    MONTHS: Mapping[str, int] = _empty_dict()
    #: the year word or its abbreviation a dateline may end with ("14.11.2024 р.").
    DATELINE_YEAR_WORDS: tuple[str, ...] = ()


@dataclass(frozen=True)
class Names(Section):
    """Words around and inside names of people, organisations and laws (``names.py``)."""

    module: ClassVar[str] = "names"
    #: first name (any form) -> canonical cross-language group ("kirill").
    FIRST_NAMES: Mapping[str, str] = _empty_dict()
    #: conjunctions that join the last two items of a list ("Арс, Ніка і Некст").
    AND_WORDS: tuple[str, ...] = ()
    LAW_WORDS: tuple[str, ...] = ()
    NAMED_AFTER_WORDS: tuple[str, ...] = ()
    NAME_PARTICLES: tuple[str, ...] = ()
    ORGANISATION_WORDS: frozenset[str] = frozenset()
    #: first words of an institution's own name ("МЗС Естонії", "Министерство обороны"): a name
    #: that opens with one is an organisation, whatever other type a recogniser gave it.
    INSTITUTION_HEADS: frozenset[str] = frozenset()
    COMMON_ACRONYMS: frozenset[str] = frozenset()
    DOTLESS_ENDINGS: tuple[str, ...] = ()
    COMPANY_FORMS: tuple[str, ...] = ()
    COMPANY_WORDS: tuple[str, ...] = ()
    LEGAL_FORMS: frozenset[str] = frozenset()
    SUBDIVISION_WORDS: frozenset[str] = frozenset()
    LOCAL_AUTHORITY_WORDS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Places(Section):
    """Addresses, settlements, regions (``places.py``)."""

    module: ClassVar[str] = "places"
    STREET_WORDS: tuple[str, ...] = ()
    PLACE_PREPOSITIONS: tuple[str, ...] = ()
    OFFICE_PREPOSITIONS: tuple[str, ...] = ()
    HOUSE_WORDS: tuple[str, ...] = ()
    MEASURE_WORDS: tuple[str, ...] = ()
    SETTLEMENT_WORDS: tuple[str, ...] = ()
    FEATURE_WORDS: tuple[str, ...] = ()
    REGION_WORDS: tuple[str, ...] = ()
    STREET_LIST_WORDS: tuple[str, ...] = ()
    #: a region word's short forms ("область" -> ("обл",)).
    REGION_ABBREVIATIONS: Mapping[str, tuple[str, ...]] = _empty_dict()


@dataclass(frozen=True)
class Titles(Section):
    """Titles of office and their complements (``titles.py``)."""

    module: ClassVar[str] = "titles"
    TITLES: tuple[str, ...] = ()
    COMPLEMENTS: frozenset[str] = frozenset()
    SYNONYMS: Mapping[str, str] = _empty_dict()
    #: phrases between a person and the title they hold ("Бориса Джонсона *в качестве*
    #: министра", "Кулеба *на посаді* міністра").
    ROLE_MARKERS: tuple[str, ...] = ()
    #: the organisation may stand before the title ("NATO Secretary General").
    ORG_BEFORE_TITLE: bool = False
    #: the relation the language's treebank gives a name to the title before it
    #: ("президента Володимира Путіна": flat:title in UD Ukrainian, appos in SynTagRus).
    NAME_RELATION: str = "appos"


@dataclass(frozen=True)
class Speech(Section):
    """Speech verbs and the words around reported speech (``speech.py``)."""

    module: ClassVar[str] = "speech"
    SPEECH_VERBS: frozenset[str] = frozenset()
    OPINION_WORDS: frozenset[str] = frozenset()
    COMPLEMENTIZERS: tuple[str, ...] = ()
    #: a complementiser opens reported content only after a comma ("заявив, що"),
    #: False where the language writes none ("said that").
    COMPLEMENTIZER_AFTER_COMMA: bool = True
    ANAPHORIC: tuple[tuple[str, ...], ...] = ()
    AS_WORDS: tuple[str, ...] = ()
    ACCORDING_TO: tuple[tuple[str, ...], ...] = ()
    STATEMENT_VERBS: frozenset[str] = frozenset()
    STATEMENT_NOUNS: frozenset[str] = frozenset()
    MEDIA_HEADS: frozenset[str] = frozenset()
    MEDIA_NAMES: frozenset[str] = frozenset()
    CLAUSE_OPENERS: frozenset[str] = frozenset()
    PREPOSITIONS: frozenset[str] = frozenset()
    LOCATIVE_SPEAKER_PREPOSITIONS: frozenset[str] = frozenset()
    #: prepositions of a statement's topic ("заявив про страйк"): its content when no clause follows.
    TOPIC_PREPOSITIONS: frozenset[str] = frozenset()
    #: verbs that call something by a name or a judgement ("назвав переговори «складними»").
    NAMING_VERBS: frozenset[str] = frozenset()
    #: nouns for information as such ("подтвердил информацию"): the object of a speech verb
    #: that is what was said.
    INFORMATION_NOUNS: frozenset[str] = frozenset()
    #: verbs of confirming ("подтвердил прогноз"): any noun object is the fact reported.
    CONFIRMING_VERBS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Events(Section):
    """The event lexicon (``events.py``)."""

    module: ClassVar[str] = "events"
    #: (type, mode, trigger words, object words, flags) rows.
    TRIGGERS: tuple[tuple, ...] = ()
    MODE_WORDS: Mapping[str, list] = _empty_dict()
    PREPOSITIONS: tuple[tuple, ...] = ()
    ACTOR_HEADS: tuple[str, ...] = ()
    #: staff nouns: "<noun> of <organisation>" is an actor of its own (``extract.groups``).
    STAFF_NOUNS: tuple[str, ...] = ()
    #: bodies and forces of a state: with an adjective of the state's name they stand for
    #: it ("британський уряд", "российская сторона"; ``extract.coref``).
    BODY_NOUNS: tuple[str, ...] = ()
    #: endings of an adjective of a place ("британ|ський"), cut off to match the place's name.
    PLACE_ADJECTIVE_SUFFIXES: tuple[str, ...] = ()
    #: nouns for a country ("держава"): bare and singular, the country named last (``extract.coref``).
    COUNTRY_NOUNS: tuple[str, ...] = ()
    #: class nouns of an organisation ("авіакомпанія", "концерн"): once the text names one
    #: with its class ("ірландська авіакомпанія Ryanair"), the class noun alone means it
    #: (``extract.coref``).
    ORG_CLASS_NOUNS: tuple[str, ...] = ()
    #: prepositions of origin tying people to their organisation ("исламисты *из* партии TLP")
    ORIGIN_PREPOSITIONS: tuple[str, ...] = ()
    HEAD_LINKS: tuple[str, ...] = ()
    PRONOUNS: tuple[str, ...] = ()
    CONJUNCTIONS: tuple[str, ...] = ()
    CIRCUMSTANTIAL: tuple[str, ...] = ()
    NEGATION: tuple[str, ...] = ()
    DEMAND: tuple[str, ...] = ()
    FUTURE: tuple[str, ...] = ()
    FUTURE_AUX: tuple[str, ...] = ()
    HYPOTHETICAL: tuple[str, ...] = ()
    #: the particle right after a verb that makes it conditional ("надав би").
    CONDITIONAL_PARTICLES: tuple[str, ...] = ()
    #: prepositions of a meeting's partner ("зустрівся з X").
    PARTNER_PREPOSITIONS: tuple[str, ...] = ()
    #: support verbs whose object noun is the event and whose subject its actor
    #: ("*провели* переговори", "*оголосили* страйк"); any other verb is no support.
    LIGHT_VERBS: tuple[str, ...] = ()
    #: prepositions through which a support verb takes its event noun as its content
    #: ("оголосили *про* страйк", "выступил *с* обвинениями", "взяли участь *у* консультаціях");
    #: others give a reason or a circumstance ("запровадила санкції *за* постачання дронів").
    SUPPORT_PREPOSITIONS: tuple[str, ...] = ()
    #: adjectives of readiness with the preposition of what one is ready for ("готова до
    #: переговорів"): the event noun's support, its subject the actor, the event hypothetical.
    READY_ADJECTIVES: Mapping[str, tuple[str, ...]] = _empty_dict()
    #: conjunctions of purpose ("щоб"): the event of the clause they open is future.
    PURPOSE: tuple[str, ...] = ()
    #: verbs whose infinitive is done by their subject even with a dative beside it
    #: ("пообіцяв виборцям знизити"); with any other verb an object or a dative does it
    #: ("допоможе Трампу оскаржити", "попросил Францию предоставить").
    SUBJECT_CONTROL_VERBS: tuple[str, ...] = ()
    #: verbs announcing an act ("оголосили страйк"): a strike announced is a plan (``extract.events``).
    ANNOUNCE_VERBS: tuple[str, ...] = ()


@dataclass(frozen=True)
class Values(Section):
    """Numbers, money, percentages, dates and quantities (``values.py``)."""

    module: ClassVar[str] = "values"
    #: expand the words below into their inflected forms (with the morphology).
    INFLECT: bool = False
    DECIMAL: str = ""
    NUMBER_WORDS: Mapping[str, int] = _empty_dict()
    NUMBER_FORMS: Mapping[str, int] = _empty_dict()
    NUMBER_JOINERS: tuple[str, ...] = ()
    MULTIPLIERS: Mapping[str, float] = _empty_dict()
    MULTIPLIER_ABBREVIATIONS: Mapping[str, float] = _empty_dict()
    CURRENCY_WORDS: Mapping[str, str] = _empty_dict()
    CURRENCY_ABBREVIATIONS: Mapping[str, str] = _empty_dict()
    CURRENCY_TAILS: tuple[str, ...] = ()
    PERCENT_WORDS: tuple[str, ...] = ()
    YEAR_WORDS: tuple[str, ...] = ()
    YEAR_PREPOSITIONS: tuple[str, ...] = ()
    MONTH_PREPOSITIONS: tuple[str, ...] = ()
    MONTHS_EXTRA: Mapping[str, int] = _empty_dict()
    MONTHS_CAPITALISED: bool = False
    MONTH_FIRST: bool = False
    DAY_SUFFIX: str = ""
    DATE_RANGE_JOINERS: tuple[str, ...] = ()
    SLASH_ORDER: str = ""
    WEEKDAYS: Mapping[str, int] = _empty_dict()
    YEAR_QUALIFIERS: Mapping[str, int] = _empty_dict()
    RELATIVE_DAYS: Mapping[str, int] = _empty_dict()
    RELATIVE_PERIODS: Mapping[str, tuple] = _empty_dict()
    QUANTITY_STOP_BEFORE: tuple[str, ...] = ()
    NOT_UNITS: tuple[str, ...] = ()
    UNIT_ABBREVIATIONS: Mapping[str, str] = _empty_dict()
    QUANTITY_STOP_WORDS: tuple[str, ...] = ()
    SINGULAR_RULES: tuple[tuple[str, str], ...] = ()
    IRREGULAR_SINGULARS: Mapping[str, str] = _empty_dict()


@dataclass(frozen=True)
class Inflection(Section):
    """Endings the base-form rules need (``inflection.py``)."""

    module: ClassVar[str] = "inflection"
    INDECLINABLE_SURNAME_ENDINGS: tuple[str, ...] = ()
    VOWELS: str = ""
    LINKING_ENDINGS: tuple[str, ...] = ()
    ABBREVIATED_HEADS: Mapping[str, tuple[str, ...]] = _empty_dict()
    INDECLINABLE_FIRST_NAME_ENDINGS: tuple[str, ...] = ()
    POSSESSIVE_ENDINGS: tuple[str, ...] = ()
    #: (participle ending, impersonal ending): the dictionary makes a passive participle
    #: an adjective of its own ("укладена" → "укладений"); its impersonal form in
    #: "-но"/"-то" is a verb form that leads back to the verb ("укладено" → "укласти").
    PARTICIPLE_IMPERSONAL: tuple[tuple[str, str], ...] = ()
    #: endings of reflexive verbs ("-ся"): a reflexive verb takes no direct object, so a
    #: second subject the parser gives it is not one misread.
    REFLEXIVE_ENDINGS: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pronouns(Section):
    """Subject pronouns for coreference (``pronouns.py``)."""

    module: ClassVar[str] = "pronouns"
    #: pronoun -> the gender it refers to ("masc", "femn").
    SUBJECT_PRONOUNS: Mapping[str, str] = _empty_dict()
    CLAUSE_OPENERS: frozenset[str] = frozenset()
    #: relative pronouns ("який", "who"): a description they open names no one by itself.
    RELATIVE_PRONOUNS: frozenset[str] = frozenset()
    #: possessive pronoun -> gender, resolved where it names a source ("за *його* словами",
    #: "по *её* мнению": a marker of ``Speech.ACCORDING_TO``) as a subject pronoun is.
    POSSESSIVE_PRONOUNS: Mapping[str, str] = _empty_dict()


@dataclass(frozen=True)
class Transliteration(Section):
    """Writing the language in Latin letters (``transliteration.py``); empty for
    a language already written in them."""

    module: ClassVar[str] = "transliteration"
    #: lower-case letter -> Latin spelling.
    TABLE: Mapping[str, str] = _empty_dict()
    #: word-initial spellings that differ ("я" -> "ya" at the start, "ia" inside).
    INITIAL: Mapping[str, str] = _empty_dict()
    #: two lower-case letters -> the second one's spelling after the first ("зг" -> "gh").
    AFTER: Mapping[str, str] = _empty_dict()
    #: the scheme for text in this script whose language is not known and
    #: has no letter of a language with a scheme of its own.
    FALLBACK: bool = False


S = TypeVar("S", bound=Section)

#: the sections a ``Language`` has, by attribute name.
SECTIONS: dict[str, type[Section]] = {
    "cleaning": Cleaning, "names": Names, "places": Places, "titles": Titles, "speech": Speech,
    "events": Events, "values": Values, "inflection": Inflection, "pronouns": Pronouns,
    "transliteration": Transliteration,
}


def load_section(cls: type[S], module: ModuleType | None) -> S:
    """``cls`` filled from the UPPERCASE constants of ``module`` (None: the
    empty section). Names starting with an underscore are the module's own
    helpers; any other UPPERCASE name must be a field of ``cls``."""
    if module is None:
        return cls()
    declared = {f.name for f in fields(cls)}
    found = {k: v for k, v in vars(module).items() if k.isupper() and not k.startswith("_")}
    unknown = sorted(set(found) - declared)
    if unknown:
        raise SectionError(
            f"{module.__name__} defines {', '.join(unknown)}, which the {cls.__name__} section does "
            f"not declare (a misspelling? a new constant is added to newsgraph.lang.{cls.__name__})")
    return cls(**found)


def _section_module(code: str, name: str) -> ModuleType | None:
    qualified = f"{__name__}.{code}.{name}"
    try:
        return importlib.import_module(qualified)
    except ModuleNotFoundError as e:
        if e.name != qualified:  # the module exists and imports something missing
            raise
        return None


# --------------------------------------------------------------------------- languages


@dataclass(frozen=True)
class Language:
    """One language: identity, capabilities, and its sections (loaded on first use).

    ``code`` is None for ``NEUTRAL``, the language of text of no known language.
    An attribute that is neither a field nor a section raises ``AttributeError``.
    """

    code: str | None
    #: lingua's name for the language (``lingua.Language`` member).
    lingua: str | None = None
    #: writing system ("Cyrl", "Latn"): text in a script only one language uses is that language.
    script: str = ""
    #: letters that occur in this language and in no other supported one;
    #: on a three-word line they say more than any statistical model.
    exclusive_letters: str = ""
    #: sentence splitter (a name in ``newsgraph.analysis.sentences.SPLITTERS``).
    sentences: str = "razdel"
    #: pymorphy3's dictionary for the language (``MorphAnalyzer(lang=...)``);
    #: None: no morphology, words are lower-cased only.
    morphology: str | None = None
    #: tokens, UD morphology and dependency trees: a module of the language's
    #: package (``lang/<code>/parser.py``) with ``parse_many(texts, sentences) ->
    #: list[list[Sentence]]``; None: tokens only.
    parser: str | None = None
    #: named-entity recogniser: a module of the language's package
    #: (``lang/<code>/ner.py``) with ``recognize_many(texts) -> list[list[Span]]``;
    #: None when there is none yet.
    recogniser: str | None = None

    def component(self, name: str):
        """The language's own module ``name`` (its parser or recogniser),
        imported on first use: the models behind them load slowly."""
        if self.code is None:
            raise ModuleNotFoundError(f"text of no known language has no {name!r}")
        return importlib.import_module(f"{__name__}.{self.code}.{name}")

    def _section(self, cls: type[S]) -> S:
        return load_section(cls, None if self.code is None else _section_module(self.code, cls.module))

    @cached_property
    def cleaning(self) -> Cleaning:
        return self._section(Cleaning)

    @cached_property
    def names(self) -> Names:
        return self._section(Names)

    @cached_property
    def places(self) -> Places:
        return self._section(Places)

    @cached_property
    def titles(self) -> Titles:
        return self._section(Titles)

    @cached_property
    def speech(self) -> Speech:
        return self._section(Speech)

    @cached_property
    def events(self) -> Events:
        return self._section(Events)

    @cached_property
    def values(self) -> Values:
        return self._section(Values)

    @cached_property
    def inflection(self) -> Inflection:
        return self._section(Inflection)

    @cached_property
    def pronouns(self) -> Pronouns:
        return self._section(Pronouns)

    @cached_property
    def transliteration(self) -> Transliteration:
        return self._section(Transliteration)

    def sections(self) -> dict[str, Section]:
        """Every section, loaded (a misspelt constant anywhere raises here)."""
        return {name: getattr(self, name) for name in SECTIONS}


#: the language of text in no known language: no data, no capabilities.
NEUTRAL = Language(code=None)


@cache
def get(code: str) -> Language:
    """The language of a supported ``code``; ``KeyError`` for any other (a
    caller that names a language expects it to exist)."""
    if code not in CODES:
        raise KeyError(f"unsupported language {code!r}; supported: {', '.join(CODES)}")
    found = importlib.import_module(f"{__name__}.{code}").LANGUAGE
    if found.code != code:
        raise ValueError(f"{__name__}.{code} defines the language {found.code!r}")
    return found


@lru_cache(maxsize=256)
def of(code: str | None) -> Language:
    """The language of ``code`` as it comes with the data: ``NEUTRAL`` (empty
    sections, no capabilities) for None or a code no language has, so that
    unknown text is never read with some other language's words."""
    return get(code) if code in CODES else NEUTRAL


def all_languages() -> list[Language]:
    return [get(code) for code in CODES]


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first; an abbreviation's dot
    may stand apart, as in pre-tokenised text ("вул . Шевченка", "ім . Глієра")."""
    return "|".join(re.escape(w).replace(r"\.", r"[ \t]?\.") for w in sorted(words, key=len, reverse=True))


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def related_regex() -> re.Pattern[str]:
    """One regex for the related-article markers of every language."""
    return _compile([p for language in all_languages() for p in language.cleaning.RELATED_PATTERNS])


@cache
def boilerplate_regex() -> re.Pattern[str]:
    """One regex for the boilerplate lines of every language."""
    return _compile([p for language in all_languages() for p in language.cleaning.BOILERPLATE_PATTERNS])


@cache
def dateline_regex() -> re.Pattern[str]:
    """A line that is only a date and time ("14 листопада 2024, 10:15")."""
    months = sorted({m for language in all_languages() for m in language.cleaning.MONTHS}, key=len, reverse=True)
    month = "|".join(re.escape(m) for m in months)
    year = "|".join(re.escape(w) for language in all_languages()
                    for w in language.cleaning.DATELINE_YEAR_WORDS) or "(?!)"
    return re.compile(
        rf"^\W*(?:(?:\d{{1,4}}|{month})[\s.,/:-]*){{2,6}}(?:\s*(?:{year}))?\W*$",
        re.IGNORECASE,
    )
