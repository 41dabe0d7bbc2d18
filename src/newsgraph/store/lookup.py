"""Which stored entity a name typed by a person means.

People type names the way the news writes them: inflected ("Путина",
"Шольцом", "Северной Кореи"), in another language than the document's
("Germany" for a Ukrainian story about Німеччина), as an acronym ("ФРГ"), or
as a surname alone. The store keeps each entity's base forms and the surface
forms its mentions had, but not every case form of every name, so a lookup
tries, in order, what is cheapest and surest:

1. the entity id itself;
2. the knowledge base of ``link`` (every name and alias of a country, city,
   region, organisation or well-known person in uk, ru and en, with its case
   forms and lemma keys), kept where the store holds that entry;
3. an alias equal to the query or to one of its lemmas, and a person whose id
   ``link`` would have given the query's base form ("per:<surname>-<first>");
4. every word of the query, in any of its case forms, being a whole word of
   one alias ("Ковальчика" finds "Михал Ковальчик"); an alias with exactly the
   query's words wins over one with more;
5. every word of a Latin query sounding like a word of one Cyrillic alias
   ("Mike Pompeo" finds "Майк Помпео", "Lahore" finds "Лахор").

Words are compared whole: "Коваль" is not "Ковальчик". When nothing matches,
or several entities do, :func:`lookup` also proposes the nearest names (a
"did you mean" list) so that a caller can say what was meant instead of
silently answering nothing.
"""
from __future__ import annotations

import bisect
import difflib
import json
import sqlite3
import threading
from dataclasses import dataclass, field
from typing import Any

from .. import lang
from ..analysis import morphology
from . import dialect

#: how many names a "did you mean" list offers
SUGGESTIONS = 8


@dataclass
class Match:
    """What a reference names: ``ids`` (best first), how they were found, and the
    nearest names when it names nothing or more than one entity."""

    query: str
    ids: list[str] = field(default_factory=list)
    #: "id", "kb", "alias", "words" or "" (nothing found)
    how: str = ""
    #: ``{"id", "type", "name", "names", "documents"}`` of candidates to offer
    suggestions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def unique(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 else None


def _fold(text: str) -> str:
    """The form words are compared in: lower case, one apostrophe, е for ё."""
    return morphology.normalise(text).replace("ё", "е")


def _words(text: str) -> list[str]:
    return [_fold(w) for w in morphology.WORD.findall(text)]


def _morphologies() -> list[str]:
    return [language.code for language in lang.all_languages() if language.morphology]


def pronouns() -> frozenset[str]:
    """Subject pronouns of every language: the store keeps "Він" among an entity's aliases
    (a reference to it in one sentence), but "він" names no one."""
    return frozenset(_fold(p) for language in lang.all_languages() for p in language.pronouns.SUBJECT_PRONOUNS)


def word_forms(word: str) -> set[str]:
    """Every case form of every reading of a word in each language with a dictionary,
    and its lemmas: a query word may stand in any case, an alias word too."""
    low = _fold(word)
    forms = {low} | {_fold(f) for f in morphology.query_forms(word)}
    if low.isdigit() or (word.isupper() and len(word) > 1):
        return forms  # acronyms are not inflected (the dictionary would read НАТО as "ната")
    for code in _morphologies():
        for reading in morphology.parse(morphology.normalise(word), code)[:4]:
            forms.update(_fold(f.word) for f in reading.lexeme)
    return forms


def _name_lemmas(word: str, code: str) -> list[str]:
    """Base forms of a word read as a name first (a surname's "Путина" is "Путин",
    not the noun "путина"), then the likeliest reading."""
    readings = morphology.parse(morphology.normalise(word), code)
    names = [r.normal_form for r in readings if morphology.NAME_GRAMMEMES & r.tag.grammemes]
    out = []
    for form in [*names, morphology.lemma(word, code)]:
        if form not in out:
            out.append(form)
    return out


def _casings(forms: set[str]) -> set[str]:
    """SQLite's NOCASE folds ASCII only: the usual Cyrillic casings, spelled out."""
    return forms | {v for f in forms for v in (f.lower(), f.title(), f.upper(), f[:1].upper() + f[1:])}


def _existing(db, ids) -> list[str]:
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {r[0] for r in db.execute(f"SELECT id FROM entities WHERE id IN ({marks})", ids)}
    return [i for i in ids if i in found]


# -- the steps --------------------------------------------------------------------


def _by_kb(db, ref: str) -> list[str]:
    from ..link.kb import knowledge_base

    kb = knowledge_base()
    hits = []
    for code in (*lang.CODES, None):
        entry = kb.lookup(ref, code)
        if entry is not None:
            hits.append(entry.id)
    return _existing(db, hits)


def _person_ids(db, ref: str) -> list[str]:
    """Ids ``link`` gives a person named by the query's base form, in each language."""
    from ..link.kb import knowledge_base
    from ..link.translit import person_key, surname_stems

    words = morphology.WORD.findall(ref)
    if not words or len(words) > 4 or not all(w[:1].isalpha() for w in words):
        return []
    variants = {" ".join(words)}
    for code in _morphologies():
        per_word = [_name_lemmas(w, code) for w in words]
        variants.add(" ".join(forms[0].title() for forms in per_word))
        variants.add(" ".join(forms[-1].title() for forms in per_word))
    kb = knowledge_base()
    ids: list[str] = []
    for name in sorted(variants):
        for code in (*lang.CODES, None):
            surname, first = person_key(name, code)
            if not surname:
                continue
            known = kb.person(surname, first)
            if known is not None:
                ids.append(known.id)
            if first:
                ids.append(f"per:{surname}-{first}")
                continue
            for key in surname_stems(surname)[:1]:
                ids.append(f"per:{key}")
                # every person with that surname: an index range on the id, never a scan
                ids += [r[0] for r in db.execute(
                    "SELECT id FROM entities WHERE id >= ? AND id < ? ORDER BY id LIMIT 50",
                    (f"per:{key}-", f"per:{key}-\U0010ffff"))]
    return _existing(db, ids)


def _by_alias(db, ref: str) -> list[str]:
    words = morphology.WORD.findall(ref)
    forms = {ref.strip(), ref.strip().casefold()}
    if len(words) == 1:
        forms |= morphology.query_forms(words[0])
    elif words:
        for code in _morphologies():
            forms.add(" ".join(morphology.lemma(w, code) for w in words))
    forms = sorted(_casings({f for f in forms if f and _fold(f) not in pronouns()}))
    if not forms:
        return []
    marks = ",".join("?" * len(forms))
    if dialect.of(db).name == "sqlite":
        sql = f"SELECT DISTINCT entity_id FROM aliases WHERE alias IN ({marks})"
    else:  # SQLite's order: off the alias index, each entity where its first matching alias is
        sql = (f"SELECT entity_id FROM aliases WHERE alias IN ({marks}) "
               "GROUP BY entity_id ORDER BY min(alias), entity_id")
    rows = db.execute(sql, forms).fetchall()
    return [r[0] for r in rows]


class _WordIndex:
    """Every alias as its folded words, and the aliases each word occurs in; built
    once per store and kept while the aliases table does not grow."""

    def __init__(self, db) -> None:
        self.size = _alias_count(db)
        self.aliases: list[tuple[str, tuple[str, ...]]] = []
        self.by_word: dict[str, list[int]] = {}
        skip = pronouns()
        # in the alias index's order (SQLite reads it off that index anyway)
        for entity_id, alias in db.execute("SELECT entity_id, alias FROM aliases ORDER BY alias, entity_id"):
            words = tuple(_words(alias))
            if not words or all(w in skip for w in words):
                continue
            k = len(self.aliases)
            self.aliases.append((entity_id, words))
            for w in set(words):
                self.by_word.setdefault(w, []).append(k)
        self.sorted_words = sorted(self.by_word)
        self._by_sound: dict[tuple[bool, str], list[tuple[str, str]]] | None = None

    def sounding_like(self, word: str) -> set[str]:
        """Cyrillic alias words whose phonetic key is a Latin word's, or near it when none is
        ("Pompeo" "помпео", "Lahore" "лахор", "Mike" "майк"): a name typed in English finds
        the story that wrote it in Cyrillic. A Cyrillic word gets none: its typo ("Москваа")
        is for the "did you mean" list, not for a Latin alias that happens to sound alike."""
        from ..link.translit import phonetic_key

        if self._by_sound is None:  # (script, first letter of the key) -> (key, word)
            index: dict[tuple[bool, str], list[tuple[str, str]]] = {}
            for w in self.sorted_words:
                k = phonetic_key(w) if len(w) >= SOUND_MIN_LETTERS and w.isalpha() else ""
                if k:
                    index.setdefault((_cyrillic(w), k[0]), []).append((k, w))
            self._by_sound = index
        key = phonetic_key(word)
        if _cyrillic(word) or len(key) < SOUND_MIN_LETTERS - 1 or (word.isupper() and len(word) > 1):
            return set()  # an acronym is not spelt by sound ("FBI" is "ФБР")
        near = self._by_sound.get((True, key[0]), ())
        same = {w for k, w in near if k == key}
        if same:
            return same
        return {w for k, w in near if abs(len(k) - len(key)) <= 2
                and difflib.SequenceMatcher(None, k, key).ratio() >= SOUND_THRESHOLD}

    def starting_with(self, prefix: str, limit: int = 200) -> list[int]:
        """Aliases with a word that starts with ``prefix`` (folded)."""
        out: list[int] = []
        i = bisect.bisect_left(self.sorted_words, prefix)
        while i < len(self.sorted_words) and self.sorted_words[i].startswith(prefix) and len(out) < limit:
            out += self.by_word[self.sorted_words[i]]
            i += 1
        return out

    def find(self, query_words: list[set[str]]) -> tuple[list[str], list[str]]:
        """(entities with an alias of exactly the query's words, entities with an alias that
        holds them among others)."""
        candidates: set[int] | None = None
        for forms in query_words:
            hit = {k for f in forms for k in self.by_word.get(f, ())}
            candidates = hit if candidates is None else candidates & hit
            if not candidates:
                return [], []
        exact, partial = [], []
        for k in sorted(candidates or ()):
            entity_id, words = self.aliases[k]
            # each query word on its own alias word: "Корея Корея" is not "Северная Корея"
            if not _assign(query_words, words):
                continue
            (exact if len(words) == len(query_words) else partial).append(entity_id)
        return list(dict.fromkeys(exact)), list(dict.fromkeys(partial))


def _assign(query_words: list[set[str]], words: tuple[str, ...]) -> bool:
    used: set[int] = set()
    for forms in query_words:
        k = next((i for i, w in enumerate(words) if i not in used and w in forms), None)
        if k is None:
            return False
        used.add(k)
    return True


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def _alias_count(db) -> int:
    return db.execute("SELECT count(*) FROM aliases").fetchone()[0]


_indexes: dict[str, _WordIndex] = {}
_lock = threading.Lock()


def _db_key(db) -> str:
    key = getattr(db, "key", None)  # a PostgreSQL connection: its URL
    if key:
        return key
    row = db.execute("PRAGMA database_list").fetchone()
    return (row[2] if row and row[2] else "") or f"memory:{id(db)}"


def _word_index(db) -> _WordIndex:
    key = _db_key(db)
    with _lock:
        index = _indexes.get(key)
        if index is None or index.size != _alias_count(db):
            index = _indexes[key] = _WordIndex(db)
        return index


def _by_words(db, ref: str) -> list[str]:
    words = morphology.WORD.findall(ref)
    if not words or len(words) > 8:
        return []
    exact, partial = _word_index(db).find([word_forms(w) for w in words])
    return exact or partial


# -- public -----------------------------------------------------------------------


def _by_sound(db, ref: str) -> list[str]:
    words = morphology.WORD.findall(ref)
    if not words or len(words) > 6 or not all(w.isalpha() for w in words):
        return []
    index = _word_index(db)
    heard = [index.sounding_like(w) for w in words]
    if not all(heard):
        return []
    exact, partial = index.find(heard)
    return exact or partial


def lookup(db: sqlite3.Connection, ref: str, *, suggest: bool = True, words: bool = True) -> Match:
    """The entities ``ref`` names, by the first step that finds any (see the module's
    docstring), with suggestions when it names none or several. ``words=False`` leaves out
    the word-by-word step (it reads every alias once per store), for callers that only ask
    whether a free-text query happens to be a name."""
    ref = (ref or "").strip()
    match = Match(ref)
    if not ref:
        return match
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (ref,)).fetchone():
        match.ids, match.how = [ref], "id"
        return match
    steps = [("kb", _by_kb), ("alias", lambda d, r: _by_alias(d, r) + _person_ids(d, r))]
    for how, step in steps + ([("words", _by_words), ("sound", _by_sound)] if words else []):
        ids = list(dict.fromkeys(step(db, ref)))
        if ids:
            match.ids, match.how = ids, how
            break
    if suggest and len(match.ids) != 1:
        match.suggestions = describe(db, match.ids[:50]) if match.ids else nearest(db, ref)
    return match


def resolve(db: sqlite3.Connection, ref: str) -> list[str]:
    """Entity ids an id, a name or an alias (any inflection, any of uk/ru/en) refers to."""
    return lookup(db, ref, suggest=False).ids


def describe(db, ids: list[str]) -> list[dict[str, Any]]:
    """Id, type, names and the number of stories that mention each entity, most first."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = [dict(r) for r in db.execute(
        f"""SELECT e.id, e.type, e.name, e.names, e.story_count AS documents
            FROM entities e WHERE e.id IN ({marks})""", ids)]
    for r in rows:
        r["names"] = json.loads(r["names"] or "{}")
    return sorted(rows, key=lambda r: (-r["documents"], r["name"], r["id"]))


#: a fuzzy suggestion's least similarity (difflib's ratio, 0..1) to the query: "Нимеччина" is
#: 0.89 of "Німеччина", "Пальша" 0.83 of "Польша"; a name far from everything gets none
FUZZY_THRESHOLD = 0.75
#: the shortest alias word matched by sound across scripts (short keys collide: "Ли", "Ma")
SOUND_MIN_LETTERS = 4
#: how near a key must be when none is the same ("mike" "maik" 0.75, "lagore" "lagor" 0.91)
SOUND_THRESHOLD = 0.75
#: how much less similar a name is for each of its words beyond the query's
EXTRA_WORD_PENALTY = 0.05
#: how many candidate words (most trigrams shared first) each query form is scored against
FUZZY_CANDIDATES = 200


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class _FuzzyIndex:
    """The names an entity goes by (its aliases, its name and its uk/ru/en names), as folded
    words, with each word's character trigrams: a misspelt query word ("Нимеччина") is scored only
    against the stored words that share most trigrams with it, never against every alias. Built
    once per store (next to its :class:`_WordIndex`, rebuilt when the aliases grow)."""

    def __init__(self, db, words: _WordIndex) -> None:
        skip = pronouns()
        names: list[tuple[str, tuple[str, ...]]] = list(words.aliases)
        for entity_id, name, extra in db.execute("SELECT id, name, names FROM entities ORDER BY id"):
            forms = [name or ""]
            try:
                forms += [v for _, v in sorted(json.loads(extra or "{}").items()) if isinstance(v, str)]
            except ValueError:
                pass
            for form in dict.fromkeys(forms):
                folded = tuple(_words(form))
                if folded and not all(w in skip for w in folded):
                    names.append((entity_id, folded))
        self.names = list(dict.fromkeys(names))
        self.by_word: dict[str, list[int]] = {}
        for k, (_, folded) in enumerate(self.names):
            for w in set(folded):
                self.by_word.setdefault(w, []).append(k)
        self.by_gram: dict[str, list[str]] = {}
        for w in sorted(self.by_word):
            for g in _trigrams(w):
                self.by_gram.setdefault(g, []).append(w)

    def near_words(self, form: str) -> list[str]:
        """Stored words sharing the most trigrams with ``form`` (folded), of a length near it."""
        shared: dict[str, int] = {}
        for g in _trigrams(form):
            for w in self.by_gram.get(g, ()):
                shared[w] = shared.get(w, 0) + 1
        slack = max(2, len(form) // 3)
        near = [w for w in shared if abs(len(w) - len(form)) <= slack]
        return sorted(near, key=lambda w: (-shared[w], w))[:FUZZY_CANDIDATES]


_fuzzy: dict[str, tuple[_WordIndex, _FuzzyIndex]] = {}


def _fuzzy_index(db) -> _FuzzyIndex:
    words = _word_index(db)
    key = _db_key(db)
    with _lock:
        kept = _fuzzy.get(key)
        if kept is None or kept[0] is not words:
            kept = _fuzzy[key] = (words, _FuzzyIndex(db, words))
        return kept[1]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _fuzzy_scores(db, words: list[str]) -> dict[str, float]:
    """Entities with a name whose words are each near a query word (or one of its case forms or
    lemmas) by spelling, scored by the mean similarity of the query's words to their best words of
    that name (less :data:`EXTRA_WORD_PENALTY` for each word it has beyond the query's), kept when
    at least :data:`FUZZY_THRESHOLD`."""
    index = _fuzzy_index(db)
    skip = pronouns()
    per_word: list[dict[str, float]] = []  # for each query word: stored word -> best similarity
    for w in words:
        forms = {_fold(w)} | {_fold(f) for f in morphology.query_forms(w)}
        forms = {f for f in forms if len(f) >= 3 and f not in skip}
        best: dict[str, float] = {}
        for form in sorted(forms):
            for cand in index.near_words(form):
                r = _ratio(form, cand)
                if r >= FUZZY_THRESHOLD and r > best.get(cand, 0.0):
                    best[cand] = r
        per_word.append(best)
    if not per_word or not any(per_word):
        return {}
    hit: set[int] = set()
    for best in per_word:
        for cand in best:
            hit.update(index.by_word.get(cand, ()))
    scores: dict[str, float] = {}
    for k in sorted(hit):
        entity_id, name_words = index.names[k]
        total = 0.0
        for best in per_word:
            total += max((best.get(a, 0.0) for a in name_words), default=0.0)
        # a name of more words than the query is a little further from it: a surname alone still finds
        # "Михал Ковальчик", but "Нимеччина" is not "Міністр оборони Німеччини"
        score = total / len(per_word) - EXTRA_WORD_PENALTY * max(0, len(name_words) - len(per_word))
        if score >= FUZZY_THRESHOLD and score > scores.get(entity_id, 0.0):
            scores[entity_id] = score
    return scores


def nearest(db, ref: str, limit: int = SUGGESTIONS) -> list[dict[str, Any]]:
    """Entities with an alias word that starts like one of the query's words or their lemmas
    (a few letters: "Коваль" proposes "Ковальчик" and "Коваленко"), and entities with a name
    (alias, base form, uk/ru/en name) spelt nearly as the query is (a misspelling: "Нимеччина"
    proposes Німеччина, "Пальша" Польша, "Dnemark" Denmark; see :func:`_fuzzy_scores`), closest
    first, the most mentioned first among equally close."""
    words = morphology.WORD.findall(ref)
    if not words:
        return []
    prefixes: set[str] = set()
    for w in words:
        for form in {w, *morphology.query_forms(w)}:
            prefixes.add(_fold(form)[: max(3, min(len(form) - 1, 5))])
    index = _word_index(db)
    target = _fold(ref)
    scores: dict[str, float] = {}
    for p in sorted(prefixes):
        for k in index.starting_with(p):
            entity_id, alias_words = index.aliases[k]
            best = max(_ratio(target, " ".join(alias_words)),
                       max((_ratio(_fold(w), a) for w in words for a in alias_words), default=0.0))
            scores[entity_id] = max(scores.get(entity_id, 0.0), best)
    if len(words) <= 8:
        for entity_id, score in _fuzzy_scores(db, words).items():
            scores[entity_id] = max(scores.get(entity_id, 0.0), score)
    ranked = sorted(scores, key=lambda i: (-scores[i], i))[: limit * 3]
    info = {r["id"]: r for r in describe(db, ranked)}
    return sorted(info.values(), key=lambda r: (-round(scores[r["id"]], 2), -r["documents"], r["name"]))[:limit]


def label(row: dict[str, Any]) -> str:
    """"Михал Ковальчик (per:kovalchik-migal, 4 documents)" for a did-you-mean line."""
    n = row.get("documents", 0)
    return f"{row['name']} ({row['id']}, {n} {'document' if n == 1 else 'documents'})"


def documents_mentioning(db, entity_id: str, *, limit: int = 20, exclude: set[str] | None = None) -> list[str]:
    """Stories (canonical documents) that mention an entity, newest first (by the story's own
    date, as a search narrowed by facets lists them): what a full-text query naming the entity in
    another language misses. The stories are those the entity's counts keep (``entity_stories``):
    grouping every mention of a frequent entity by story took 260 ms on 100 000 documents.

    On SQLite the plan depends on how common the entity is (its kept ``story_count``): the
    stories of a rare one are fetched and sorted by date; for a frequent one the date index is
    walked from the newest document until the page is full, where sorting its thousands of
    stories took 8 ms on 5 000 documents (0.2 ms walked). Both give the same rows in the same
    order."""
    want = limit + len(exclude or ())
    if dialect.of(db).name == "sqlite" and _walk_dates(db, entity_id, want):
        sql = """SELECT d.id FROM documents d
                 WHERE EXISTS (SELECT 1 FROM entity_stories s WHERE s.entity_id = ? AND s.story_id = d.id)
                 ORDER BY d.published DESC, d.id LIMIT ?"""
    else:
        sql = f"""SELECT d.id FROM documents d
                  WHERE d.id IN (SELECT s.story_id FROM entity_stories s WHERE s.entity_id = ?)
                  ORDER BY d.published DESC{dialect.of(db).nulls_last}, d.id LIMIT ?"""
    rows = db.execute(sql, (entity_id, want)).fetchall()
    return [r[0] for r in rows if r[0] not in (exclude or set())][:limit]


def _walk_dates(db, entity_id: str, want: int) -> bool:
    """Whether walking every document newest first finds ``want`` stories of the entity sooner
    than sorting all its stories: about ``want * documents / stories`` rows walked against
    ``stories`` sorted (``max(rowid)`` counts the documents off the table's b-tree, ``count(*)``
    would read them all)."""
    row = db.execute("SELECT story_count FROM entities WHERE id = ?", (entity_id,)).fetchone()
    stories = row[0] if row else 0
    if stories < 64:
        return False
    documents = db.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    return stories * stories >= 4 * want * documents
