"""Per-language knowledge, kept as data the way spaCy keeps ``spacy/lang/<code>/``.

The pipeline never branches on a language code: it asks this registry for the
data of a language (or of all languages at once, since a Ukrainian page may
carry a Russian comment widget). Adding a language means adding a sub-package
that defines ``LANGUAGE``.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache

CODES: tuple[str, ...] = ("uk", "ru", "en")


@dataclass(frozen=True)
class LanguageData:
    code: str
    #: lingua's name for the language (``lingua.Language`` member).
    lingua: str
    #: writing system ("Cyrl", "Latn"): text in a script only one language uses is that language.
    script: str = "Cyrl"
    #: letters that occur in this language and in no other supported one;
    #: on a three-word line they say more than any statistical model.
    exclusive_letters: str = ""
    #: lines that introduce links to other articles ("Читайте також: ...").
    related_patterns: tuple[str, ...] = ()
    #: widget, share, subscribe, comment, credit, copyright and cookie lines.
    boilerplate_patterns: tuple[str, ...] = ()
    #: month names in every case form, lower-case, mapped to month numbers.
    months: dict[str, int] = field(default_factory=dict)
    #: sentence splitter (a name in ``newsgraph.analysis.sentences.SPLITTERS``).
    sentences: str = "razdel"
    #: conjunctions that join the last two items of a list ("Арс, Ніка і Некст").
    and_words: tuple[str, ...] = ()
    #: named-entity recogniser: a module of ``newsgraph.analysis`` with
    #: ``recognize_many(texts) -> list[list[Span]]``; None when there is none yet.
    ner: str | None = None
    #: tokens, UD morphology and dependency trees: a module of ``newsgraph.analysis``
    #: with ``parse_many(texts, sentences) -> list[list[Sentence]]``; None: tokens only.
    syntax: str | None = None


@cache
def get(code: str) -> LanguageData:
    if code not in CODES:
        raise KeyError(f"unsupported language {code!r}; supported: {', '.join(CODES)}")
    return importlib.import_module(f"{__name__}.{code}").LANGUAGE


def all_languages() -> list[LanguageData]:
    return [get(code) for code in CODES]


@cache
def module(code: str | None, name: str):
    """The data module ``newsgraph.lang.<code>.<name>``, or None where the
    language has none (looked up once: the rules ask for it per mention)."""
    if code not in CODES:
        return None
    try:
        return importlib.import_module(f"{__name__}.{code}.{name}")
    except ModuleNotFoundError:
        return None


def data(code: str | None, module_name: str, name: str, default=()):
    """``name`` from ``newsgraph.lang.<code>.<module_name>``, or ``default`` where
    the language has no such module or name (the pipeline never branches on codes)."""
    found = module(code, module_name)
    return default if found is None else getattr(found, name, default)


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first; an abbreviation's dot
    may stand apart, as in pre-tokenised text ("вул . Шевченка", "ім . Глієра")."""
    return "|".join(re.escape(w).replace(r"\.", r"[ \t]?\.") for w in sorted(words, key=len, reverse=True))


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def related_regex() -> re.Pattern[str]:
    """One regex for the related-article markers of every language."""
    return _compile([p for lang in all_languages() for p in lang.related_patterns])


@cache
def boilerplate_regex() -> re.Pattern[str]:
    """One regex for the boilerplate lines of every language."""
    return _compile([p for lang in all_languages() for p in lang.boilerplate_patterns])


@cache
def dateline_regex() -> re.Pattern[str]:
    """A line that is only a date and time ("14 листопада 2024, 10:15")."""
    months = sorted({m for data in all_languages() for m in data.months}, key=len, reverse=True)
    month = "|".join(re.escape(m) for m in months)
    return re.compile(
        rf"^\W*(?:(?:\d{{1,4}}|{month})[\s.,/:-]*){{2,6}}(?:\s*(?:р\.|г\.|року|года))?\W*$",
        re.IGNORECASE,
    )
