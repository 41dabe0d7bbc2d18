"""The built-in knowledge base: countries, cities and regions, organisations, people.

Country names come from CLDR through Babel (offline) in uk, ru and en, plus
the short forms and aliases of ``data.countries``; cities, regions,
organisations and people are data modules under ``data/``. Everything is
indexed once, lazily, into plain dicts:

- by normalised name (case-folded, ’/ʼ → ', ё → е, quotes and dots dropped),
  per language and across languages;
- by the pymorphy3 lemmas of the name's words, per language, so that a
  mention whose base form came out wrong ("Німеччини", "Альянсу") still
  finds its entry;
- people by (surname key, first-name group) and by surname key alone.

A lookup is then a few dict probes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import lang
from .data.cities import CITIES, REGIONS
from .data.countries import ALIASES, DISPLAY, NOT_COUNTRIES
from .data.organisations import ORGANISATIONS
from .data.people import PEOPLE
from .translit import person_key, phonetic_key

LANGUAGES = lang.CODES


@dataclass
class Entry:
    id: str
    type: str  # PER, ORG, LOC
    #: display name per language
    names: dict[str, str]
    #: every name and alias per language (display names included)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    #: "country", "city", "region", or the organisation's kind ("media", "alliance", …)
    kind: str = ""
    #: ISO code of the country a city or region belongs to
    country: str | None = None


_QUOTES = re.compile(r"[«»\"“”„]")
_SPACE = re.compile(r"\s+")
_APOS = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})


def normalize(name: str) -> str:
    """The form names are compared in: case-folded, apostrophes and ё unified,
    quotes, dots and a leading English "the" dropped, spaces collapsed."""
    s = _QUOTES.sub(" ", name.translate(_APOS)).casefold().replace("ё", "е")
    s = s.replace(".", "")
    s = _SPACE.sub(" ", s).strip(" ,;:-")
    if s.startswith("the "):
        s = s[4:]
    return s


def _lemma_key(name: str, language: str) -> str | None:
    """The name's words lemmatised one by one; None where there is no morphology."""
    if lang.of(language).morphology is None:
        return None
    from ..analysis.morphology import WORD, lemma

    words = WORD.findall(name.translate(_APOS))
    if not words:
        return None
    return " ".join(lemma(w, language) for w in words).replace("ё", "е")


def _inflected_forms(name: str, language: str) -> list[str]:
    """Every case form of a one-word Cyrillic name ("Київ" → "києва", "києві", …):
    the dictionary lemmatises some of them wrongly ("Києві" → "кий")."""
    if lang.of(language).morphology is None or " " in name or not name[:1].isalpha() or name.isupper():
        return []
    from ..analysis.morphology import parse

    low = normalize(name)
    for p in parse(low, language):
        if p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.word.replace("ё", "е") == low:
            return sorted({normalize(f.word) for f in p.lexeme if "plur" not in f.tag or "Pltm" in f.tag})
    return []


class KnowledgeBase:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        #: (language or "*", normalised name) -> entry id
        self._names: dict[tuple[str, str], str] = {}
        #: (language, lemma key) -> entry id
        self._lemmas: dict[tuple[str, str], str] = {}
        #: (language, inflected form of a one-word name) -> entry id
        self._forms: dict[tuple[str, str], str] = {}
        #: (surname key, first-name group) -> person id
        self._people: dict[tuple[str, str], str] = {}
        #: surname key -> person ids
        self._surnames: dict[str, set[str]] = {}

    # building -------------------------------------------------------------
    def add(self, entry: Entry) -> None:
        if entry.id in self.entries:  # a second row for one id adds aliases
            old = self.entries[entry.id]
            for lang, names in entry.aliases.items():
                old.aliases.setdefault(lang, []).extend(names)
            entry = old
        else:
            self.entries[entry.id] = entry
        for lang, names in entry.aliases.items():
            for name in names:
                key = normalize(name)
                if not key:
                    continue
                # the first entry to claim a name keeps it: countries before cities
                self._names.setdefault((lang, key), entry.id)
                self._names.setdefault(("*", key), entry.id)

    def index_lemmas(self) -> None:
        for entry in self.entries.values():
            for lang, names in entry.aliases.items():
                for name in names:
                    key = _lemma_key(name, lang)
                    if key:
                        self._lemmas.setdefault((lang, key), entry.id)
                    for form in _inflected_forms(name, lang):
                        self._forms.setdefault((lang, form), entry.id)

    def add_person(self, names: dict[str, str], variants: tuple[str, ...]) -> None:
        surname, first = person_key(names["uk"], "uk")
        pid = person_id(surname, first)
        entry = Entry(pid, "PER", dict(names), {k: [v] for k, v in names.items()}, kind="person")
        self.entries[pid] = entry
        for lang, name in [*names.items(), *((None, v) for v in variants)]:
            s, f = person_key(name, lang)
            if f:
                self._people.setdefault((s, f), pid)
            self._surnames.setdefault(s, set()).add(pid)

    # lookup ---------------------------------------------------------------
    def lookup(self, name: str, language: str | None) -> Entry | None:
        """The entry a name (base form or surface) denotes, or None."""
        key = normalize(name)
        if not key:
            return None
        eid = self._names.get((language or "*", key)) or self._names.get(("*", key))
        if eid is None and language:
            eid = self._forms.get((language, key))
        if eid is None and language:
            lk = _lemma_key(name, language)
            if lk:
                eid = self._lemmas.get((language, lk))
        return self.entries[eid] if eid else None

    def person(self, surname_key: str, first: str | None) -> Entry | None:
        """A known person: by full key, or by surname alone when only one person has it
        (and the first name, when given, does not contradict)."""
        if first:
            pid = self._people.get((surname_key, first))
            if pid:
                return self.entries[pid]
        ids = self._surnames.get(surname_key, ())
        if len(ids) != 1:
            return None
        pid = next(iter(ids))
        if first and not pid.endswith("-" + first):
            return None
        return self.entries[pid]

    def sizes(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for e in self.entries.values():
            k = e.kind if e.kind in ("country", "city", "region", "person") else "organisation"
            kinds[k] = kinds.get(k, 0) + 1
        kinds["names"] = len({k for k in self._names if k[0] != "*"})
        kinds["lemma keys"] = len(self._lemmas)
        return kinds


def person_id(surname_key: str, first: str | None) -> str:
    return f"per:{surname_key}-{first}" if first else f"per:{surname_key}"


def _slug(name: str) -> str:
    """"Donetsk People's Republic" → "Donetsk-Peoples-Republic"."""
    return re.sub(r"[^A-Za-z0-9]+", "-", re.sub(r"['’]", "", name)).strip("-")


@cache
def knowledge_base() -> KnowledgeBase:
    """The knowledge base, built on first use and kept."""
    from babel import Locale

    kb = KnowledgeBase()
    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    for code in sorted(territories["en"]):
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
            continue
        names = {lang: territories[lang][code] for lang in LANGUAGES if code in territories[lang]}
        names.update(DISPLAY.get(code, {}))
        aliases = {lang: [names[lang], *([territories[lang][code]] if code in territories[lang] else []),
                          *ALIASES.get(code, {}).get(lang, [])] for lang in names}
        kb.add(Entry(f"loc:country:{code}", "LOC", names, aliases, kind="country"))
    for kind, rows in (("city", CITIES), ("region", REGIONS)):
        for en, country, uk, ru, en_more in rows:
            names = {"en": en, **({"uk": uk[0]} if uk else {}), **({"ru": ru[0]} if ru else {})}
            aliases = {"uk": _with_short_forms(uk, "uk"), "ru": _with_short_forms(ru, "ru"), "en": [en, *en_more]}
            kb.add(Entry(f"loc:{kind}:{_slug(en)}", "LOC", names, aliases, kind=kind,
                         country=country or None))
    for suffix, kind, uk, ru, en in ORGANISATIONS:
        names = {"uk": uk[0], "ru": ru[0], "en": en[0]}
        kb.add(Entry(f"org:{suffix}", "ORG", names, {"uk": list(uk), "ru": list(ru), "en": list(en)},
                     kind=kind))
    for uk, ru, en, variants in PEOPLE:
        kb.add_person({"uk": uk, "ru": ru, "en": en}, variants)
    kb.index_lemmas()
    return kb


def _with_short_forms(names, language: str) -> list[str]:
    """``names`` and their short forms: "Донецька обл" beside "Донецька область"."""
    short = lang.of(language).places.REGION_ABBREVIATIONS
    out = list(names)
    for name in names:
        *rest, last = name.split(" ")
        out.extend(" ".join([*rest, s]) for s in short.get(last, ()) if rest)
    return out


__all__ = ["Entry", "KnowledgeBase", "knowledge_base", "normalize", "person_id", "phonetic_key"]
