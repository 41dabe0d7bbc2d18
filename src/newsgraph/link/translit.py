"""A cross-language key for person names: "Марк Рютте" = "Mark Rutte".

Two steps. ``romanize`` writes Cyrillic in Latin letters by the language's
``transliteration`` section (Ukraine's national transliteration of 2010 for
Ukrainian, a BGN-like scheme for Russian); the result is a readable English
spelling ("Kyrylo Budanov", "Sergey Lavrov"). ``phonetic_key`` then reduces any Latin spelling to what
survives the differences between the languages and between transcription
habits: г/х/h/g are one sound class, ц/ts/tz/z/з one, и/ы/і/y/i/й one,
iu/yu → u, ia/ya → a, ie/ye → e (Рютте/Rutte, Зеленський/Zelensky), doubled
letters are single, soft signs and apostrophes vanish, x is ks, w is v,
c is k or s. The key is lossy on purpose: it compares names, it does not
spell them.

First names differ by language in more than spelling (Кирило/Кирилл,
Олександр/Александр/Alexander): ``first_name_key`` maps them to one
canonical group through every language's ``names.FIRST_NAMES``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .. import lang
from ..lang import Transliteration

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _schemes() -> tuple[tuple[re.Pattern[str] | None, Transliteration], ...]:
    """(the language's own letters, its scheme) of every language that has a
    transliteration, in ``lang.CODES`` order."""
    return tuple((re.compile(f"[{re.escape(language.exclusive_letters)}]") if language.exclusive_letters else None,
                  language.transliteration)
                 for language in lang.all_languages() if language.transliteration.TABLE)


def _scheme(text: str, language: str | None) -> Transliteration:
    """The language's scheme; for a language without one (English, unknown,
    None), the scheme of the first language whose own letters the text has
    (і, ї, є, ґ: Ukrainian), else the fallback one (Russian)."""
    own = lang.of(language).transliteration
    if own.TABLE:
        return own
    schemes = _schemes()
    found = next((scheme for letters, scheme in schemes if letters is not None and letters.search(text)), None)
    return found or next(scheme for _, scheme in schemes if scheme.FALLBACK)


def romanize(text: str, language: str | None = None) -> str:
    """Latin spelling of ``text``; Latin text is returned unchanged.

    ``language`` picks the scheme (its ``transliteration`` section); without
    one, the letters say which (see ``_scheme``).
    """
    text = text.translate(_APOSTROPHES)
    if not _CYRILLIC.search(text):
        return text
    scheme = _scheme(text, language)
    table, initial, after = scheme.TABLE, scheme.INITIAL, scheme.AFTER
    out = []
    prev_letter = False
    for i, ch in enumerate(text):
        low = ch.lower()
        if low in table:
            rom = initial.get(low, table[low]) if not prev_letter else table[low]
            if after and i > 0 and text[i - 1].lower() + low in after:
                rom = after[text[i - 1].lower() + low]  # "зг" is "zgh" (Згурський → Zghurskyi)
            if ch.isupper() and rom:
                nxt = text[i + 1 : i + 2]
                rom = rom.upper() if nxt.isupper() and len(text) > 1 else rom[0].upper() + rom[1:]
            out.append(rom)
            prev_letter = True
        else:
            out.append(ch)
            prev_letter = ch.isalpha()
    return "".join(out)


# Ordered rewrites of a lower-case Latin spelling; upper-case letters are
# placeholders for digraphs so that later rules leave them alone.
_RULES: list[tuple[str, str]] = [
    ("tsch", "C"), ("shch", "S"), ("sch", "S"), ("dzh", "J"), ("zh", "Z"), ("kh", "g"),
    ("sh", "S"), ("ch", "C"), ("ph", "f"), ("ck", "k"), ("qu", "kv"), ("q", "k"), ("w", "v"),
    ("x", "ks"), ("dj", "J"),
]
_C_SOFT = re.compile(r"c(?=[eiy])")
_VOWEL_CLUSTERS: list[tuple[str, str]] = [("ii", "i"), ("iu", "u"), ("ia", "a"), ("ie", "e"), ("io", "o")]
_DOUBLE = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-zA-Z]")


@lru_cache(maxsize=100_000)
def phonetic_key(word: str, language: str | None = None) -> str:
    """Lossy key of one word (or a whole name: spaces and hyphens are dropped)."""
    s = romanize(word, language).lower()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _NOT_LETTER.sub("", s.replace("ß", "ss"))
    if not s:
        return ""
    for a, b in _RULES:
        s = s.replace(a, b)
    s = _C_SOFT.sub("s", s).replace("c", "k")
    s = s.replace("ts", "s").replace("tz", "s").replace("z", "s")
    s = s.replace("h", "g").replace("y", "i").replace("j", "i")
    for _ in range(2):
        s = _DOUBLE.sub(r"\1", s)
        for a, b in _VOWEL_CLUSTERS:
            s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s)
    return s.replace("S", "sh").replace("C", "ch").replace("Z", "zh").replace("J", "j")


@cache
def _first_name_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(exact lower-case name -> group, phonetic key -> group) over every language's table."""
    exact: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for language in lang.all_languages():
        table = language.names.FIRST_NAMES
        for name, group in table.items():
            exact.setdefault(_norm(name), group)
            by_key.setdefault(phonetic_key(name, language.code), group)
    return exact, by_key


def _norm(name: str) -> str:
    return name.translate(_APOSTROPHES).casefold().replace("ё", "е")


def _nominative_first_name(name: str, language: str | None) -> str:
    """A first name in the nominative: a base form the lemmatiser left inflected ("Майкла
    О'Лири", "Стівена Барклі" beside an indeclinable surname) would give one person a
    second id. The dictionary's first-name reading decides; a word it also reads as a
    first name in the nominative singular ("Алла") stays as it is."""
    from ..analysis import morphology

    if " " in name or not morphology.has_morphology(language):
        return name
    readings = [r for r in morphology.parse(morphology.normalise(name), language) if "Name" in r.tag]
    if not readings or any("nomn" in r.tag and "plur" not in r.tag for r in readings):
        return name
    return readings[0].normal_form.title()


def first_name_key(name: str, language: str | None = None) -> str:
    """The canonical group of a first name ("Кирило", "Кирилл", "Kyrylo" → "kirill"),
    or its phonetic key when no table knows it."""
    exact, by_key = _first_name_tables()
    group = exact.get(_norm(name))
    if group:
        return group
    name = _nominative_first_name(name, language)
    group = exact.get(_norm(name))
    if group:
        return group
    key = phonetic_key(name, language)
    return by_key.get(key, key)


def is_first_name(name: str) -> bool:
    """Whether a language's first-name table holds ``name`` as written ("Тереза", "Борис")."""
    return _norm(name) in _first_name_tables()[0]


_PATRONYMIC = re.compile(r"(?:ович|евич|євич|йович|ьович|івна|ївна|овна|евна|ьовна|йовна|ична)$", re.IGNORECASE)
_INITIAL = re.compile(r"^\w{1,2}\.$|^\w$")


def split_name(name: str) -> tuple[str | None, str | None]:
    """(first name, surname) of a person's base form; initials and patronymics are dropped.

    "Марк Рютте" → ("Марк", "Рютте"); "Рютте" → (None, "Рютте");
    "В. Зеленський" → (None, "Зеленський"); "Володимир Олександрович
    Зеленський" → ("Володимир", "Зеленський").
    """
    words = [w for w in re.split(r"\s+", name.strip().strip(".,;:«»\"“”„")) if w]
    first_initial = bool(words) and bool(_INITIAL.match(words[0]))
    words = [w for w in words if not _INITIAL.match(w)]
    if len(words) >= 3 and _PATRONYMIC.search(words[1]):
        words = [words[0]] + words[2:]
    if not words:
        return None, None
    if len(words) == 1 or first_initial:
        return None, words[-1]
    return words[0], words[-1]


def person_key(name: str, language: str | None = None) -> tuple[str, str | None]:
    """(surname key, first-name group or None) of a person's base form."""
    first, surname = split_name(name)
    if not surname:
        return phonetic_key(name, language), None
    return phonetic_key(surname, language), (first_name_key(first, language) if first else None)


_VOWELS = re.compile(r"[aeiou]")


@lru_cache(maxsize=100_000)
def skeleton_key(name: str, language: str | None = None) -> str:
    """A looser key for names that are not people: per word, the first letter
    and the consonants of its phonetic key ("Харківська ОВА" = "Харьковская
    ОВА" = "grkvsk ova"; "Укрзалізниця" = "Укрзализныця"). Ukrainian і for
    Russian о/е (Харків/Харьков) and case endings disappear with the vowels.
    Acronyms and short words keep their whole key."""
    out = []
    for word in re.split(r"[\s\-]+", name):
        key = phonetic_key(word, language)
        if not key:
            continue
        letters = [c for c in word if c.isalpha()]
        acronym = len(letters) > 1 and all(c.isupper() for c in letters)
        if acronym or len(key) <= 3:
            out.append(key)
        else:
            out.append(key[0] + _VOWELS.sub("", key[1:]))
    return " ".join(out)


#: case endings of surnames, as phonetic keys (longest first): "Буданова" → "budanov".
_SURNAME_ENDINGS = ("ovi", "evi", "oi", "ei", "om", "em", "im", "ou", "a", "u", "e", "i", "o")


def surname_stems(key: str) -> list[str]:
    """``key`` and what it is with one case ending stripped (for a surname whose
    base form the analysis could not find: "Буданова", "Лысака")."""
    out = [key]
    for ending in _SURNAME_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            out.append(key[: -len(ending)])
    return out
