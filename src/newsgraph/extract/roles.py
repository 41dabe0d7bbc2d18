"""Roles: person — title — organisation/country.

From appositions and genitive chains: "генеральний секретар НАТО Марк Рютте",
"федеральним канцлером ФРН Олафом Шольцом", "министр иностранных дел России
Сергей Лавров", "Марк Рютте, генеральний секретар НАТО". The title is given in
its nominative base form ("федеральним канцлером" → "федеральний канцлер");
the organisation is an entity id (or None when the title names none).

Every title phrase found is also what coreference uses to resolve a bare role
("додав генеральний секретар НАТО") to the person holding it; the phrases in
an apposition become mentions of the person with ``kind: "role"``.

This module also holds the small text helpers (tokens with lemmas, mention
index, article regions) that the other extract stages share.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import cache

from .. import lang
from ..analysis.morphology import has_morphology, parse
from ..analysis.morphology import lemma as word_lemma
from ..model import Document, Entity, Mention, Role

#: segment kinds the extract stages read: the article proper.
ARTICLE = frozenset({"title", "lead", "body"})


# --------------------------------------------------------------------------- shared helpers

@dataclass(frozen=True)
class Tok:
    """A document token (:class:`newsgraph.model.Token`) as the extract stages
    match it: its text, that text normalised, and its lemma normalised."""

    start: int
    end: int
    text: str
    low: str
    lemma: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def normalise(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'").replace("ё", "е")


#: marks that join the parts of one word ("прем'єр-міністр", "зв'язки").
_HYPHENS = frozenset("-‐‑")
_APOSTROPHES = frozenset("'’ʼ")


#: recent results of :func:`tokens`: each stage asks for the same sentences
#: several times, and the documents it passes (copies made by ``replace``)
#: share one ``sentences`` list. A value keeps its list alive, so the list's
#: id in the key cannot be reused by another while the entry exists.
_CACHE: OrderedDict[tuple, tuple[list, list[Tok]]] = OrderedDict()
_CACHE_SIZE = 20_000


def tokens(doc: Document, start: int, end: int, language: str | None = None) -> list[Tok]:
    """:func:`_tokens`, remembered per (sentences, span, language); callers must not change the list."""
    key = (id(doc.sentences), start, end, language)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is doc.sentences:
        _CACHE.move_to_end(key)
        return hit[1]
    found = _tokens(doc, start, end, language)
    _CACHE[key] = (doc.sentences, found)
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found


def _tokens(doc: Document, start: int, end: int, language: str | None = None) -> list[Tok]:
    """The document's tokens inside ``text[start:end]``, with their lemmas (from
    the analyse stage: nothing is tokenised again here).

    A word the tokenizer split at a hyphen or an apostrophe inside it
    ("прем'єр", "-", "міністерки"; razdel's "зв", "'", "язки") is one word here,
    as titles and cues list it: after a hyphen its lemma is the last part's
    ("прем'єр-міністерка"); after an apostrophe, whose parts have no lemma of
    their own, the dictionary's lemma of the whole word in ``language``."""
    text = doc.text
    out: list[Tok] = []
    found = doc.tokens_in(start, end)
    k = 0
    while k < len(found):
        t = found[k]
        first, lemma, whole = t, t.lemma, False
        while k + 2 < len(found) and t.end == found[k + 1].start and found[k + 1].end == found[k + 2].start \
                and (mark := text[found[k + 1].start : found[k + 1].end]) in _HYPHENS | _APOSTROPHES \
                and text[t.end - 1].isalnum() and text[found[k + 2].start].isalnum():
            t = found[k + 2]
            lemma = text[first.start : t.start] + t.lemma
            whole = whole or mark in _APOSTROPHES
            k += 2
        w = text[first.start : t.end]
        low = normalise(w)
        if whole:
            lemma = word_lemma(w, language)
        out.append(Tok(first.start, t.end, w, low, normalise(lemma) if w[0].isalpha() else low))
        k += 1
    return out


def regions(doc: Document, kinds=ARTICLE) -> list[tuple[int, int, str | None, str]]:
    """(start, end, language, kind) of the segments the extract stages read."""
    return [(s.start, s.end, s.language or doc.language, s.kind) for s in doc.segments if s.kind in kinds]


def inside(start: int, end: int, spans) -> bool:
    return any(a <= start and end <= b for a, b, *_ in spans)


def sentences_in(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of a segment; the segment itself where the analyser gave none."""
    found = [(s.start, s.end) for s in doc.sentences if start <= s.start and s.end <= end]
    return found or [(start, end)]


class MentionIndex:
    """All mentions of all entities (names and references), sorted, for lookups
    by offset: items are (start, end, entity, mention)."""

    def __init__(self, entities: list[Entity]):
        self.items: list[tuple[int, int, Entity, Mention]] = sorted(
            ((m.start, m.end, e, m) for e in entities for m in e.all_mentions()), key=lambda x: (x[0], -x[1]))
        self.starts = [x[0] for x in self.items]

    def starting_at(self, pos: int, types=None):
        i = bisect_left(self.starts, pos)
        while i < len(self.items) and self.items[i][0] == pos:
            if types is None or self.items[i][2].type in types:
                return self.items[i]
            i += 1
        return None

    def ending_at(self, pos: int, types=None):
        for item in self.items:
            if item[1] == pos and (types is None or item[2].type in types):
                return item
        return None

    def within(self, start: int, end: int):
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] <= end:
                out.append(self.items[i])
            i += 1
        return out

    def covering(self, start: int, end: int, types=None):
        return [x for x in self.items if x[0] <= start and end <= x[1]
                and (types is None or x[2].type in types)]


# --------------------------------------------------------------------------- titles

@cache
def _titles(code: str | None) -> list[tuple[tuple[str, ...], str]]:
    """(lemma sequence, nominative title) of a language, longest first."""
    out = []
    for title in lang.of(code).titles.TITLES:
        words = title.split()
        out.append((tuple(normalise(word_lemma(w, code)) for w in words), title))
    return sorted(set(out), key=lambda t: -len(t[0]))


@dataclass(frozen=True)
class TitleMatch:
    start: int
    #: end of the title with its complements ("міністр закордонних справ").
    title_end: int
    #: end of the description: the title and its organisation ("генеральний секретар НАТО").
    end: int
    title: str
    org: str | None
    #: the person the title is in apposition with, when one is named next to it.
    person: str | None
    language: str | None
    #: the title is plural ("міністри оборони"): it names no one person.
    plural: bool = False


def _complement(tok: Tok, complements: frozenset[str], language: str | None) -> bool:
    """A genitive word continuing a title, under any of its readings
    ("енергетики" is енергетика's genitive, though its first reading is "енергетик")."""
    if not has_morphology(language):
        return tok.lemma in complements
    return any(p.tag.case == "gent" and normalise(p.normal_form) in complements for p in parse(tok.low, language))


def find_titles(doc: Document, index: MentionIndex | None = None) -> list[TitleMatch]:
    """Every title phrase of the article, with its organisation and apposed person."""
    index = index or MentionIndex(doc.entities)
    found: list[TitleMatch] = []
    for seg_start, seg_end, language, _ in regions(doc):
        data = lang.of(language).titles
        titles = _by_first_word(language)
        complements = data.COMPLEMENTS
        for s_start, s_end in sentences_in(doc, seg_start, seg_end):
            toks = tokens(doc, s_start, s_end, language)
            i = 0
            while i < len(toks):
                match = _match_title(toks, i, titles)
                if match is None or index.covering(toks[i].start, toks[i].end, {"ORG", "LOC", "PER"}):
                    i += 1
                    continue
                n, title = match
                j = i + n
                # genitive complements that are part of the title ("міністр оборони")
                extra = []
                while j < len(toks) and len(extra) < 4 and toks[j].is_word and toks[j].text[0].islower() \
                        and _complement(toks[j], complements, language) \
                        and not index.starting_at(toks[j].start):
                    extra.append(toks[j])
                    j += 1
                title_end = toks[j - 1].end
                if extra:
                    title = title + " " + doc.text[extra[0].start : extra[-1].end].lower()
                end = title_end
                org = None
                # the organisation or country: an entity right after the title (or, in
                # English, right before it: "NATO Secretary General")
                k = j
                chain = 0
                while k < len(toks) and chain < 2:
                    hit = index.starting_at(toks[k].start, {"ORG", "LOC"})
                    if hit is None and chain and k + 1 < len(toks) and \
                            toks[k].low in {"в", "у", "во", "in"}:
                        hit = index.starting_at(toks[k + 1].start, {"LOC"})
                        if hit is None:
                            break
                    elif hit is None:
                        break
                    if org is None:
                        org = hit[2].id
                    end = hit[1]
                    chain += 1
                    k = _after(toks, hit[1], k)
                if org is None and data.ORG_BEFORE_TITLE and i > 0:
                    hit = index.ending_at(toks[i].start - 1, {"ORG", "LOC"})
                    if hit is not None:
                        org = hit[2].id
                person = None
                if k < len(toks):
                    hit = index.starting_at(toks[k].start, {"PER"})
                    if hit is not None:
                        person = hit[2].id
                if person is None and i >= 2 and toks[i - 1].text == ",":
                    hit = index.ending_at(toks[i - 2].end, {"PER"})
                    if hit is not None:
                        person = hit[2].id
                if person is None:
                    # "отставку Бориса Джонсона в качестве министра": the person before a role marker
                    for marker in _markers(language):
                        m = len(marker)
                        if i > m and tuple(t.low for t in toks[i - m:i]) == marker:
                            hit = index.ending_at(toks[i - m - 1].end, {"PER"})
                            if hit is not None:
                                person = hit[2].id
                            break
                plural = _plural(toks[i + n - 1], language)
                found.append(TitleMatch(toks[i].start, title_end, end, title, org, person, language, plural))
                i = k
    return found


def _plural(tok: Tok, language: str | None) -> bool:
    if not has_morphology(language):
        return tok.low.endswith("s") and not tok.low.endswith("ss")
    ps = parse(tok.low, language)
    return bool(ps) and "plur" in ps[0].tag and not any("sing" in p.tag for p in ps[:2])


def _after(toks: list[Tok], pos: int, k: int) -> int:
    while k < len(toks) and toks[k].start < pos:
        k += 1
    return k


@cache
def _markers(code: str | None) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalise(w) for w in m.split()) for m in lang.of(code).titles.ROLE_MARKERS)


@cache
def _by_first_word(code: str | None) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Titles indexed by their first lemma, longest first: a token is checked
    against the few titles that can start with it, not all of them."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, title in _titles(code):
        index.setdefault(seq[0], []).append((seq, title))
    return index


def _match_title(toks: list[Tok], i: int, titles) -> tuple[int, str] | None:
    if not toks[i].is_word:
        return None
    candidates = titles.get(toks[i].lemma, []) + titles.get(toks[i].low, [])
    for seq, title in sorted(candidates, key=lambda t: -len(t[0])):
        n = len(seq)
        if i + n <= len(toks) and all(toks[i + t].lemma == seq[t] or toks[i + t].low == seq[t]
                                      for t in range(n)):
            return n, title
    return None


# --------------------------------------------------------------------------- the stage

def roles(doc: Document) -> Document:
    """Return ``doc`` with ``roles`` filled for the persons named next to a title,
    and the title phrases of those appositions added as ``role`` references."""
    entities = list(doc.entities)
    at = {e.id: i for i, e in enumerate(entities)}
    for t in find_titles(doc):
        if t.person is None or t.person not in at:
            continue
        person = entities[at[t.person]]
        role = Role(t.title, t.org)
        held = person.roles
        if role not in held:
            # a bare title never overrides a fuller one for the same organisation
            if not any(r.org == t.org and t.title in r.title for r in held):
                held = (*(r for r in held if not (r.org == t.org and r.title in t.title)), role)
        entities[at[t.person]] = replace(person, roles=held).add(_mention(doc.text, t, "role"))
    return replace(doc, entities=entities)


def description(text: str, t: TitleMatch) -> str:
    """Base form of a title phrase with its organisation as written: "федеральний канцлер ФРН"."""
    rest = text[t.title_end : t.end].strip()
    return f"{t.title} {rest}".strip()


def _mention(text: str, t: TitleMatch, kind: str) -> Mention:
    return Mention(t.start, t.end, text[t.start : t.end], description(text, t), kind)
