"""Nominative base forms of whole entity names, with agreement kept.

"Олафом Шольцом" → "Олаф Шольц", "Північної Кореї" → "Північна Корея",
"Верховного суду" → "Верховний суд", "Республікою Корея" → "Республіка
Корея". Lemmatising word by word gets these wrong ("північний корея"): the
name is inflected as a phrase. For a person every part agrees in case, so the
case shared by all parts is the one to undo; for an organisation or place the
head noun's case is undone, adjectives before it follow its gender and number,
and whatever follows the head (genitive complements, an appositive name, a
name in quotes) stays as written.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang
from ..clean import linear
from . import gazetteer
from .morphology import NAME_GRAMMEMES, analyzer, has_morphology, inflect, parse
from .morphology import parse as parse_word

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*", re.UNICODE)
#: in RE2: in ``re`` a line of opening quotes with no closing one is quadratic.
_QUOTED = linear.compile(r"[«„“\"].*?[»“”\"]")
_MODIFIERS = frozenset({"ADJF", "PRTF", "NUMR"})
#: endings stripped when checking whether an unknown surname keeps its stem
#: ("Шольцем" → "Шольц", not the dictionary's guess "Шолец").
_ENDINGS = ("ові", "еві", "ом", "ем", "ём", "єм", "ым", "им", "ой", "ей", "ою", "ею", "у", "ю", "а", "я", "е", "і", "ї", "и")


def base_form(text: str, entity_type: str, language: str | None) -> str:
    """Nominative form of a mention; unchanged where the language has no morphology."""
    if not has_morphology(language) or not text:
        return text
    return _base_form(text, entity_type, language)


@lru_cache(maxsize=100_000)
def _base_form(text: str, entity_type: str, language: str) -> str:
    frozen = _frozen_ranges(text)
    words = [m for m in _TOKEN.finditer(text) if not any(a <= m.start() < b for a, b in frozen)]
    if entity_type != "PER" and words and _is_acronym(words[0].group()) \
            and gazetteer.known(text[words[1].start():] if len(words) > 1 else "", language) == "LOC":
        return text  # "МИД Турции": the country is the acronym's genitive complement
    # initials ("В. І.") and acronyms (НАТО, ФРН) do not decline, nor do the
    # particles of a person's name ("фон дер")
    words = [m for m in words if len(m.group()) > 1 and not _is_acronym(m.group())
             and (entity_type != "PER" or m.group()[:1].isupper())]
    if not words:
        return text
    morph = analyzer(language)
    parses = [parse(m.group().lower(), language) for m in words]
    abbreviated = lang.of(language).inflection.ABBREVIATED_HEADS.get(words[-1].group())
    if entity_type == "PER":
        replacements = _person(words, parses, morph, *_inflection(language), language=language)
    elif abbreviated:
        replacements = _before_abbreviation(words, parses, abbreviated, language)
    else:
        replacements = _phrase(words, parses, language)
    linking = _linking(language)
    out, pos = [], 0
    for m, new in zip(words, replacements):
        if new and "-" in m.group():
            new = _keep_linking_parts(m.group(), new, linking)
        out.append(text[pos : m.start()])
        out.append(_match_case(m.group(), new) if new else m.group())
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _keep_linking_parts(word: str, new: str, linking: tuple[str, ...]) -> str:
    """The first parts of a compound name do not decline when they end in a
    linking vowel: "Нови-Саде" is Нови-Сад, "Івано-Франківська" Івано-Франківськ
    ("Кам'янця-Подільського" declines in both: Кам'янець-Подільський)."""
    old_parts, new_parts = word.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        return new
    kept = [o if o.lower().endswith(linking) else n for o, n in zip(old_parts[:-1], new_parts[:-1])]
    return "-".join(kept + new_parts[-1:])


@lru_cache(maxsize=8)
def _linking(language: str) -> tuple[str, ...]:
    return tuple(lang.of(language).inflection.LINKING_ENDINGS)


def _frozen_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper * 2 >= len(letters)  # "ЄС", "НАТО"; "Лі" is a name


def _cases(parse) -> str | None:
    return parse.tag.case


@lru_cache(maxsize=8)
def _inflection(language: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(indeclinable surname endings, vowel letters) from the language's data."""
    return (tuple(lang.of(language).inflection.INDECLINABLE_SURNAME_ENDINGS),
            frozenset(lang.of(language).inflection.VOWELS))


def _person(words, parses, morph, indeclinable: tuple[str, ...] = (),
            vowels: frozenset[str] = frozenset(), language: str | None = None) -> list[str | None]:
    """All parts of a name share one case: find it, then undo it in each part."""
    # Name readings first (Марка is Марк, not "марка"), singular before plural.
    options = []
    for i, ps in enumerate(parses):
        # a part read only as a plural is a surname the dictionary does not
        # know, in the nominative ("Корбин", not the genitive of "корбины")
        sing = [p for p in ps if "plur" not in p.tag]
        named = [p for p in sing if NAME_GRAMMEMES & p.tag.grammemes]
        if i == 0 and len(parses) > 1:  # the first of several parts is a first name
            named.sort(key=lambda p: "Name" not in p.tag.grammemes)  # "Урсула", not "Урсул"'s genitive
        # a word the dictionary knows as no name may be one in the nominative
        # ("Сибіга" is not the genitive of "сибіго")
        nominative = [] if named else [p for p in ps if _cases(p) == "nomn" and p not in sing]
        options.append(named or nominative + sing)
    # A part that cannot take the others' case does not decline
    # (a woman's foreign surname: "Ганною Ліндквіст").
    shared: set[str] = set()
    declines = []
    first_endings = tuple(lang.of(language).inflection.INDECLINABLE_FIRST_NAME_ENDINGS)
    for i, (m, ps) in enumerate(zip(words, options)):
        word = m.group().lower()
        if not morph.word_is_known(word) and (word.endswith(indeclinable) or (
                i == 0 and len(words) > 1 and first_endings and word.endswith(first_endings))):
            declines.append(False)
            continue
        cases = {_cases(p) for p in ps} - {None}
        narrowed = cases if not any(declines) else shared & cases
        if narrowed:
            shared = narrowed
            declines.append(True)
        else:
            declines.append(False)
    if not shared or not any(declines):
        return [None] * len(words)
    case = _likeliest_case(options, declines, shared)
    if case == "nomn":
        return [None] * len(words)
    gender = None
    out: list[str | None] = []
    for m, ps, declinable in zip(words, options, declines):
        word = m.group().lower()
        # a woman's surname ending in a consonant does not decline ("Урсули
        # фон дер Ляєн"), whatever reading the dictionary guesses for it
        if not declinable or (gender == "femn" and vowels and word[-1:] not in vowels
                              and not morph.word_is_known(word)):
            out.append(None)
            continue
        chosen = next((p for p in ps if _cases(p) == case and (gender is None or gender in p.tag)),
                      next((p for p in ps if _cases(p) == case), ps[0]))
        gender = gender or next((g for g in ("masc", "femn") if g in chosen.tag), None)
        out.append(_nominative(word, chosen, morph, gender, case))
    return out


def _likeliest_case(options, declines, shared: set[str]) -> str:
    """The case of the most probable reading of the first declining part that
    every other part can share in case and gender: "Дмитрия Медведева" is a
    man's name in the genitive, though both words also read as a woman's name
    in the nominative."""
    parts = [ps for ps, d in zip(options, declines) if d]
    # an indeclinable part ("Антоніу") reads as every case and decides none,
    # but its gender still counts: "Кая Каллас" is no man's genitive
    fixed = [ps for ps in parts if all("Fixd" in p.tag for p in ps)]
    parts = [ps for ps in parts if ps not in fixed] or parts
    for p in parts[0]:
        case, gender = _cases(p), p.tag.gender
        if case in shared and all(any(_cases(q) == case and (gender is None or q.tag.gender in (gender, None))
                                      for q in qs) for qs in parts[1:]) \
                and all(any(gender is None or q.tag.gender in (gender, None) for q in qs) for qs in fixed):
            return case
    # no reading agrees in gender: a name the dictionary does not know ("Кая
    # Каллас" is no genitive of "Кай"), which news write in the nominative
    return "nomn"


def _nominative(word: str, parse, morph, gender: str | None, case: str | None) -> str | None:
    if "Fixd" in parse.tag or _cases(parse) == "nomn":
        return None
    wanted = {"nomn", "sing"}
    if gender and parse.tag.POS in _MODIFIERS:
        wanted.add(gender)
    inflected = inflect(parse, wanted, {"nomn"})
    form = inflected.word if inflected else parse.normal_form
    if not morph.word_is_known(word) and not word.startswith(form[: max(len(form) - 1, 1)]):
        form = _keep_stem(word, form, morph, case) or form
    return form


def _keep_stem(word: str, form: str, morph, case: str | None) -> str | None:
    """An unknown name keeps its stem: accept a shorter nominative if it re-inflects to ``word``."""
    for ending in _ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: -len(ending)]
        for p in morph.parse(stem):
            if _cases(p) != "nomn" or p.tag.POS != "NOUN":
                continue
            back = inflect(p, {case}) if case else None
            if back and back.word == word:
                return stem
    return None


def _agrees(mod, noun) -> bool:
    if mod.tag.case != noun.tag.case:
        return False
    if "plur" in noun.tag:
        return "plur" in mod.tag
    return mod.tag.gender is None or mod.tag.gender == noun.tag.gender


def _find_head(parses) -> int:
    """The first noun that is not an adjective agreeing with the next word ("Нової Зеландії")."""
    for i, ps in enumerate(parses):
        nouns = [p for p in ps if p.tag.POS == "NOUN"]
        if not nouns:
            continue
        if i + 1 < len(parses):
            mods = [p for p in ps if p.tag.POS in _MODIFIERS]
            following = [q for q in parses[i + 1] if q.tag.POS == "NOUN"]
            if any(_agrees(m, q) for m in mods for q in following):
                continue
        return i
    return 0  # a lone adjective-like name ("Зеленського" tagged ADJF) is its own head


def _inflect(parse, grammemes: set[str], word: str, language: str) -> str | None:
    """Inflect, dropping grammemes a dictionary lacks (Ukrainian has no "sing");
    a hyphenated compound ("Індо-Тихоокеанськими") declines in its last part."""
    attempts = [grammemes, grammemes - {"sing"}, {"nomn"} | (grammemes & {"plur"})]
    candidates = [parse]
    if "-" in word:
        prefix, _, last = word.rpartition("-")
        candidates += [p for p in parse_word(last, language)
                       if p.tag.POS == parse.tag.POS and p.tag.case == parse.tag.case]
    for i, candidate in enumerate(candidates):
        done = inflect(candidate, *attempts)
        if done:
            return done.word if i == 0 else f"{prefix}-{done.word}"
    return None


def _before_abbreviation(words, parses, head: tuple[str, str], language: str) -> list[str | None]:
    """"Донецької обл." → "Донецька обл.": the abbreviation stands for a head
    noun of known gender, and the adjectives before it agree with that noun."""
    gender, base = head
    out: list[str | None] = []
    for m, ps in zip(words[:-1], parses[:-1]):
        mod = next((p for p in ps if p.tag.POS in _MODIFIERS and p.tag.gender == gender), None)
        out.append(_inflect(mod, {"nomn", gender, "sing"}, m.group().lower(), language)
                   if mod and _cases(mod) != "nomn" else None)
    return out + [None if words[-1].group() == base else base]


def _phrase(words, parses, language) -> list[str | None]:
    """Head noun and the modifiers before it go to the nominative; the rest stays."""
    head = _find_head(parses)
    # The head's case: the one its modifiers agree with. A place or body is no
    # person and rarely plural: "Львові" is Львів, not the surname Львов;
    # "Ради ЄС" is the Council's genitive, not "councils".
    head_parses = [p for p in parses[head] if p.tag.POS == "NOUN"] or list(parses[head])
    head_parses.sort(key=lambda p: (bool(NAME_GRAMMEMES & p.tag.grammemes), "anim" in p.tag, "plur" in p.tag))
    # the head reading its modifiers agree with in case, gender and number
    # ("Білого дому" is дім, not дома)
    agreeing = [h for h in head_parses
                if all(any(p.tag.POS in _MODIFIERS and _agrees(p, h) for p in ps) for ps in parses[:head])]
    head_parse = (agreeing or head_parses)[0]
    case = _cases(head_parse)
    if case == "nomn" or "Fixd" in head_parse.tag:
        return [None] * len(words)
    number = "plur" if "plur" in head_parse.tag else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in head_parse.tag), None)
    out: list[str | None] = []
    for i, (m, ps) in enumerate(zip(words, parses)):
        word = m.group().lower()
        if i > head:
            out.append(None)
        elif i == head:
            out.append(_inflect(head_parse, {"nomn", number}, word, language))
        else:
            mod = next((p for p in ps if p.tag.POS in _MODIFIERS and _agrees(p, head_parse)),
                       next((p for p in ps if p.tag.POS in _MODIFIERS and _cases(p) == case), None))
            wanted = {"nomn", "plur"} if number == "plur" else {"nomn", gender or "masc", "sing"}
            out.append(_inflect(mod, wanted, word, language) if mod else None)
    return out


def _match_case(original: str, new: str) -> str:
    """Carry the original capitalisation over, hyphen part by hyphen part."""
    if "ё" not in original.lower():
        # the dictionary writes ё where news texts almost never do
        new = new.replace("ё", "е")
    if original.isupper():
        return new.upper()
    new = new.replace("'", "’") if "’" in original else new
    parts, orig_parts = new.split("-"), original.split("-")
    out = []
    for i, part in enumerate(parts):
        o = orig_parts[i] if i < len(orig_parts) else orig_parts[-1]
        out.append(part[:1].upper() + part[1:] if o[:1].isupper() else part)
    return "-".join(out)
