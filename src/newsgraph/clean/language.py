"""Language of a line or a document among the languages newsgraph reads.

lingua, restricted to our few candidates, is accurate on sentences; on a
two-word widget line ("Написать комментарий") the letters that only one
language has (ы, э, ъ in Russian; і, ї, є, ґ in Ukrainian) are the stronger
evidence, so they get the last word when they disagree with the model.
"""
from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetectorBuilder

from .. import lang

#: below this many letters a line carries no usable language signal.
MIN_LETTERS = 2


@cache
def _detector():
    languages = [getattr(Language, data.lingua) for data in lang.all_languages()]
    return LanguageDetectorBuilder.from_languages(*languages).build()


@cache
def _by_lingua() -> dict[Language, str]:
    return {getattr(Language, data.lingua): data.code for data in lang.all_languages()}


def _exclusive_counts(text: str) -> dict[str, int]:
    return {
        data.code: sum(text.count(ch) for ch in data.exclusive_letters)
        for data in lang.all_languages()
        if data.exclusive_letters
    }


#: on a line this long, one alphabet's own letters alone decide (lingua is the slow part).
CLEAR_LETTERS = 3


def _script(text: str) -> str | None:
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    if cyrillic and latin:
        return None
    return "Cyrl" if cyrillic else "Latn" if latin else None


@cache
def _by_script() -> dict[str, list[str]]:
    scripts: dict[str, list[str]] = {}
    for data in lang.all_languages():
        scripts.setdefault(data.script, []).append(data.code)
    return scripts


#: a line this long (in letters) carries a language of its own, whatever its letters.
SURE_LETTERS = 30


def is_sure(text: str, code: str) -> bool:
    """Whether a line's detected language stands on its own: a long enough
    line, or one with that language's own letters. A one-word line ("Димер")
    has no language of its own; it takes its article's."""
    if sum(ch.isalpha() for ch in text) >= SURE_LETTERS:
        return True
    counts = _exclusive_counts(text)
    return code not in counts or bool(counts[code])


def detect(text: str, *, sample: int = 600) -> str | None:
    """Return a language code, or None when the text has (almost) no letters."""
    text = text[:sample]
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    only = _by_script().get(_script(text) or "", [])
    if len(only) == 1:
        return only[0]
    counts = _exclusive_counts(text)
    marked = [code for code, n in counts.items() if n]
    if len(marked) == 1 and (len(text) < 60 or counts[marked[0]] >= CLEAR_LETTERS):
        return marked[0]
    best = _detector().detect_language_of(text)
    if best is None:
        return marked[0] if len(marked) == 1 else None
    code = _by_lingua()[best]
    if marked and code not in marked and len(marked) == 1:
        # The model chose a language whose alphabet the text does not fit.
        return marked[0]
    return code
