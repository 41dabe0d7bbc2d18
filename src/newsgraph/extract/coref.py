"""Within-document coreference, enough for news.

Three kinds of mentions are resolved to the entity they mean and added to it,
each with a ``kind`` so the evidence stays traceable (NER's own mentions get
``kind: "name"``):

- ``surname``: "Рютте" after "Марк Рютте" — a one-word person entity the linker
  has not merged is merged into the full-name person with that surname, and
  untagged occurrences of the surname are added;
- ``role``: a title with no name ("додав генеральний секретар НАТО", "глава
  МИД", "канцлер") means the one person who holds that title in this document
  (from ``extract.roles``);
- ``role`` too: a body or force of a state named by the state's adjective
  ("британський уряд", "пакистанские власти", "російські війська") means that
  state, when the document names it ("a place standing for its officials", as
  event coders code it), or the organisation the document named with the same
  words ("швейцарський суд" after "Вищий суд швейцарського кантону Цуг");
- ``pronoun``: a subject pronoun opening a sentence or clause ("Він нагадав",
  "Она заявила", "He said") or standing after a speech verb ("— сказал он")
  means the most recent person named as a subject outside quotation marks,
  agreeing in gender.

Nothing is created outside the article (boilerplate, related links).
"""
from __future__ import annotations

from dataclasses import replace

from ..analysis.baseforms import base_form
from .. import lang
from ..analysis.morphology import has_morphology, parse
from ..model import Document, Entity, Mention
from .quotes import quoted_spans
from .roles import MentionIndex, Tok, find_titles, normalise, regions, sentences_in, tokens

#: how many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 6


def resolve(doc: Document) -> Document:
    entities = _surnames(doc, list(doc.entities))
    entities, unheld = _roles(doc, entities)
    entities = _bodies(doc, entities)
    entities = _countries(doc, entities)
    entities = _described(doc, entities)
    entities = _pronouns(doc, entities, unheld)
    return replace(doc, entities=[e.with_mentions(e.all_mentions()) for e in entities])


def _article(doc: Document) -> list[tuple[int, int]]:
    return [(s, e) for s, e, *_ in regions(doc)]


def _in(spans, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# --------------------------------------------------------------------------- surnames

def _name_words(name: str) -> list[str]:
    return [w for w in name.replace(".", " ").split() if len(w) > 1]


def _surnames(doc: Document, entities: list[Entity]) -> list[Entity]:
    full: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        words = _name_words(e.name)
        if e.type == "PER" and len(words) >= 2:
            full.setdefault(normalise(words[-1]), []).append(i)
    unique = {k: v[0] for k, v in full.items() if len(v) == 1}  # surname -> position of its one full name
    if not unique:
        return entities
    out: list[Entity | None] = list(entities)
    for i, e in enumerate(entities):
        words = _name_words(e.name)
        t = unique.get(normalise(words[-1])) if words else None
        # The recogniser often mistypes a lone surname ("Гнатюк" as LOC); a name
        # the knowledge base does not know (a fallback "E…" id) may still be one.
        retypable = e.type in {"PER", "MISC"} or e.id.startswith("E")
        if retypable and len(words) == 1 and t is not None and t != i:
            target = out[t]
            for m in e.all_mentions():
                target = target.add(replace(m, kind="surname") if m.kind == "name" else m)
            roles = list(target.roles)
            roles += [r for n, r in enumerate(e.roles) if r not in roles and r not in e.roles[:n]]
            names = {**target.names, **{k: v for k, v in e.names.items() if k not in target.names}}
            out[t] = replace(target, roles=tuple(roles), names=names)
            out[i] = None
    kept = [e for e in out if e is not None]
    # occurrences the recogniser missed
    index = MentionIndex(kept)
    article = _article(doc)
    for start, end, language, _ in regions(doc):
        for tok in tokens(doc, start, end, language):
            if not tok.is_word or not tok.text[0].isupper() or index.covering(tok.start, tok.end):
                continue
            # "Г.Блюмель", "Т.Мей": an initial glued to the surname is one word; the
            # initial must be the full name's
            lo, word, text = tok.start, tok.text, doc.text
            if len(word) > 3 and word[1] == "." and word[2].isupper():
                word = word[2:]  # one word, "Г.Блюмель"
            elif tok.start >= 2 and text[tok.start - 1] == "." and text[tok.start - 2].isupper() and (
                    tok.start == 2 or not text[tok.start - 3].isalnum()):
                lo = tok.start - 2  # or two, "Г." and "Блюмель"
            initial = text[lo] if lo < tok.start or word != tok.text else None
            key = normalise(base_form(word, "PER", language)) if has_morphology(language) else normalise(word)
            t = unique.get(key)
            if t is None:
                t = unique.get(normalise(word))
            if t is None or not _in(article, tok.start, tok.end) or (
                    initial and not normalise(_name_words(out[t].name)[0]).startswith(normalise(initial))):
                continue
            if lo < tok.start and index.covering(lo, tok.start):
                lo = tok.start
            out[t] = out[t].add(Mention(lo, tok.end, doc.text[lo:tok.end], _name_words(out[t].name)[-1], "surname"))
    return [e for e in out if e is not None]


# --------------------------------------------------------------------------- bodies of a state

def _place_stem(adjective: str, suffixes: tuple[str, ...]) -> str | None:
    """"британський" -> "британ", "российский" -> "россий"; None for an adjective of no place form."""
    return next((adjective[: -len(x)] for x in suffixes if adjective.endswith(x) and len(adjective) - len(x) >= 4),
                None)


def _common(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _place_of(stem: str, places: list[tuple[str, int]]) -> int | None:
    """The one place whose name's word shares all of ``stem`` but (at most) its last letter
    with it ("британ" ~ "британія", "росій" ~ "росія", "німе" ~ "німеччина"): the word
    sharing the longest beginning, when no other place's word shares as much."""
    best, found = 0, set()
    for word, i in places:
        n = _common(stem, word)
        if n < max(4, len(stem) - 1):
            continue
        if n > best:
            best, found = n, {i}
        elif n == best:
            found.add(i)
    return next(iter(found)) if len(found) == 1 else None


def _bodies(doc: Document, entities: list[Entity]) -> list[Entity]:
    """Each body of a state named by an adjective of the state ("британський уряд") as a
    ``role`` reference of that state, or of the organisation named before it whose
    name has the same noun and adjective (a definite description of it)."""
    places: dict[str | None, list[tuple[str, int]]] = {}
    index = MentionIndex(entities)
    out = list(entities)
    for start, end, language, _ in regions(doc):
        data = lang.of(language).events
        nouns = frozenset(map(normalise, data.BODY_NOUNS))
        if not nouns or not data.PLACE_ADJECTIVE_SUFFIXES:
            continue
        if language not in places:
            places[language] = [(w, i) for i, e in enumerate(entities) if e.type == "LOC"
                                for m in e.mentions for w in normalise(m.lemma or m.text).split() if len(w) >= 4]
        if not places[language]:
            continue
        for sent in (s for s in doc.sentences if start <= s.start and s.end <= end):
            by_id = {u.id: u for u in sent.tokens}
            for adj in sent.tokens:
                head = by_id.get(adj.head)
                if head is None or adj.upos != "ADJ" or (adj.deprel or "").split(":")[0] != "amod" \
                        or normalise(head.lemma or "") not in nouns:
                    continue
                lo, hi = min(adj.start, head.start), max(adj.end, head.end)
                if any(x[0] < hi and lo < x[1] for x in index.items):
                    continue  # a name or reference already
                adjective = normalise(adj.lemma or "")
                noun = normalise(head.lemma or "")
                target = _described_org(doc, entities, lo, adjective, noun, language)
                if target is None:
                    stem = _place_stem(adjective, data.PLACE_ADJECTIVE_SUFFIXES)
                    target = _place_of(stem, places[language]) if stem else None
                if target is None:
                    continue
                phrase = doc.text[lo:hi]
                out[target] = out[target].add(Mention(lo, hi, phrase, f"{adjective} {noun}", "role"))
    return out


def _countries(doc: Document, entities: list[Entity]) -> list[Entity]:
    """"Государство", "руководство страны", "уряд цієї країни": a bare singular noun for a
    country means the country named last before it, in its sentence or the one before (as a role noun resolves)."""
    countries = sorted(((m.start, m.end, i) for i, e in enumerate(entities) if e.id.startswith("loc:country:")
                        for m in e.mentions), key=lambda x: x[0])
    if not countries:
        return entities
    index = MentionIndex(entities)
    out = list(entities)
    for start, end, language, _ in regions(doc):
        nouns = frozenset(map(normalise, lang.of(language).events.COUNTRY_NOUNS))
        if not nouns:
            continue
        for k, sent in enumerate(doc.sentences):
            if not (start <= sent.start and sent.end <= end):
                continue
            kids: dict[int, list] = {}
            for u in sent.tokens:
                kids.setdefault(u.head, []).append(u)
            for u in sent.tokens:
                if u.upos not in ("NOUN", "PROPN") or normalise(u.lemma or "") not in nouns \
                        or "Number=Sing" not in (u.feats or ""):
                    continue
                # "сусідня країна", "страны ЕС", "країна-агресор" are some other country
                if any((c.deprel or "").split(":")[0] in ("amod", "nmod", "conj", "appos", "flat", "nummod")
                       for c in kids.get(u.id, ())) or doc.text[u.end:u.end + 1] in "-‐‑" \
                        or any(x[0] < u.end and u.start < x[1] for x in index.items):
                    continue
                lo = doc.sentences[max(0, k - 1)].start  # the title before the lead too
                before = [c for c in countries if lo <= c[0] and c[1] <= u.start]
                if not before:
                    continue
                target = before[-1][2]
                out[target] = out[target].add(Mention(u.start, u.end, doc.text[u.start:u.end],
                                                      normalise(u.lemma or ""), "role"))
    return out


def _described(doc: Document, entities: list[Entity]) -> list[Entity]:
    """"авіакомпанія", "ирландский лоукостер", "сотрудники компании": a bare singular
    class noun of an organisation means the organisation the text last introduced with
    that noun right before its name ("ірландська авіакомпанія Ryanair", "концерн
    «Газпром»"), or inside it ("Об'єднання Cockpit"), as a ``role`` reference (of
    several so introduced, the one named most often); a class noun with a name of its
    own, counted or owned by others, or with no introduction before it, is left alone."""
    index = MentionIndex(entities)
    orgs = {e.id: i for i, e in enumerate(entities) if e.type == "ORG"}
    if not orgs:
        return entities
    at = [x for x in index.items if x[2].id in orgs]
    names = {i: sum(m.kind == "name" for m in entities[i].mentions) for i in orgs.values()}
    out = list(entities)
    intro: dict[str, set[int]] = {}  # class noun -> the entities introduced with it so far (title on)
    for start, end, language, _ in regions(doc):
        nouns = frozenset(map(normalise, lang.of(language).events.ORG_CLASS_NOUNS))
        if not nouns:
            continue
        personal = frozenset(map(normalise, lang.of(language).events.PRONOUNS))
        for sent in (s for s in doc.sentences if start <= s.start and s.end <= end):
            kids: dict[int, list] = {}
            for u in sent.tokens:
                kids.setdefault(u.head, []).append(u)
            for u in sent.tokens:
                noun = normalise(u.lemma or "")
                if u.upos not in ("NOUN", "PROPN") or noun not in nouns:  # (PROPN: capitalised first)
                    continue
                gap = doc.text[u.end:u.end + 4]
                named = next((x for x in at if (x[0] <= u.start < x[1] and (x[0], x[1]) != (u.start, u.end)) or (
                    u.end <= x[0] <= u.end + 3 and not doc.text[u.end:x[0]].strip(" «\"„“'"))), None)
                if named is not None:
                    intro.setdefault(noun, set()).add(orgs[named[2].id])  # "авіакомпанія Ryanair", "Об'єднання Cockpit"
                    continue
                covering = [x for x in index.items if x[0] < u.end and u.start < x[1]]
                # (a class noun the recogniser took for a name of its own, "Концерн заявил",
                # is the reference it stands for)
                mistaken = [x for x in covering if x[2].type == "ORG" and x[0] == u.start and x[1] == u.end]
                if noun not in intro or "Number=Sing" not in (u.feats or "") or gap[:1] in "-‐‑" \
                        or len(mistaken) < len(covering) \
                        or any((c.deprel or "").split(":")[0] in ("appos", "flat", "nmod") and c.upos == "PROPN"
                               or (c.deprel or "").startswith("nummod") or "Poss=Yes" in (c.feats or "")
                               or (c.upos in ("DET", "PRON") and normalise(c.lemma or "") in personal)
                               for c in kids.get(u.id, ())):  # ("обе компании", "их компанию": others)
                    continue
                # of several, the one the story is about: named most often ("сотрудники
                # авиакомпании" in a Ryanair story that mentions LOT once)
                target = max(intro[noun], key=lambda i: (names[i], i))
                out[target] = out[target].add(Mention(u.start, u.end, doc.text[u.start:u.end], noun, "role"))
                for x in mistaken:
                    k = orgs[x[2].id]
                    out[k] = out[k].with_mentions([m for m in out[k].all_mentions()
                                                   if (m.start, m.end) != (x[0], x[1])])
    return [e for e in out if e.mentions or e.references]


def _described_org(doc: Document, entities: list[Entity], before: int, adjective: str, noun: str,
                   language) -> int | None:
    """The organisation last named before ``before`` whose name holds both the noun and
    the adjective ("Вищий суд швейцарського кантону Цуг" for "швейцарський суд")."""
    best, at = None, -1
    for i, e in enumerate(entities):
        if e.type != "ORG":
            continue
        for m in e.mentions:
            if m.end > before or m.start <= at:
                continue
            words = {t.lemma for t in tokens(doc, m.start, m.end, language)}
            if noun in words and adjective in words:
                best, at = i, m.start
    return best


# --------------------------------------------------------------------------- roles

def _title_fits(bare: str, held: str) -> bool:
    """"канцлер" fits "федеральний канцлер"; "міністр" fits "міністр оборони"."""
    b, h = bare.split(), held.split()
    return b == h or h[-len(b):] == b or h[: len(b)] == b


def _roles(doc: Document, entities: list[Entity]) -> tuple[list[Entity], list[Mention]]:
    """Bare titles resolved to the one person holding them, and the bare titles no
    person of the document holds (``unheld``: left to resolve as pronouns do)."""
    holders = [i for i, e in enumerate(entities) if e.type == "PER" and e.roles]
    unheld: list[Mention] = []
    out = list(entities)
    work = replace(doc, entities=entities)
    index = MentionIndex(entities)
    for t in find_titles(work, index):
        if t.person is not None or t.plural:
            continue
        if any(x[2].type == "PER" for x in index.covering(t.start, t.end)):
            continue
        title, org = t.title, t.org
        synonyms = lang.of(t.language).titles.SYNONYMS
        described = normalise(f"{t.title} {doc.text[t.title_end : t.end].strip()}".strip())
        if described in synonyms:
            title, org = synonyms[described], None
        elif title in synonyms:
            title = synonyms[title]
        fits = [i for i in holders
                if any((_title_fits(title, r.title) or _title_fits(title, synonyms.get(r.title, "")))
                       and (org is None or r.org == org) for r in entities[i].roles)]
        rest = doc.text[t.title_end : t.end].strip()
        mention = Mention(t.start, t.end, doc.text[t.start : t.end], f"{t.title} {rest}".strip(), "role")
        if not fits and t.org is None:
            unheld.append(mention)
        if len(fits) != 1:
            continue
        out[fits[0]] = out[fits[0]].add(mention)
    return out, unheld


# --------------------------------------------------------------------------- pronouns

def _gender(entity: Entity, language: str | None, verbs: dict[str, set[str]]) -> str | None:
    votes = set(verbs.get(entity.id, set()))
    if has_morphology(language):
        for w in _name_words(entity.name)[:1] + _name_words(entity.name)[-1:]:
            for p in parse(w.lower(), language)[:3]:
                if {"Name", "Surn"} & p.tag.grammemes and p.tag.gender in {"masc", "femn"}:
                    votes.add(p.tag.gender)
                    break
    return votes.pop() if len(votes) == 1 else None


def _pronouns(doc: Document, entities: list[Entity], unheld: list[Mention] = ()) -> list[Entity]:
    """Subject pronouns, and bare titles no one is known to hold ("британский премьер
    пригрозила", "заявив дипломат"), to the most recent person named as a subject: a
    pronoun within ``PRONOUN_WINDOW`` sentences agreeing in gender, a title within its
    own or the previous sentence (as the events-dev guidelines resolve role nouns)."""
    text = doc.text
    out = list(entities)
    at = {e.id: i for i, e in enumerate(entities)}
    quoted = []
    for start, end, *_ in regions(doc):
        quoted.extend(quoted_spans(text, start, end))

    def in_quote(s: int, e: int) -> bool:
        return any(a < s and e <= b for a, b in quoted)

    # every sentence of the article, in order, with its tokens
    sents: list[tuple[int, int, str | None, list[Tok]]] = []
    for start, end, language, _ in regions(doc):
        for s, e in sentences_in(doc, start, end):
            sents.append((s, e, language, tokens(doc, s, e, language)))
    # gender from agreeing past-tense verbs right after a name ("Рютте заявив")
    index = MentionIndex(entities)
    verbs: dict[str, set[str]] = {}
    for s, e, language, toks in sents:
        if not has_morphology(language):
            continue
        for k, t in enumerate(toks[:-1]):
            hit = index.ending_at(t.end, {"PER"})
            if hit is None:
                continue
            for p in parse(toks[k + 1].low, language)[:1]:
                if p.tag.POS == "VERB" and p.tag.gender in {"masc", "femn"}:
                    verbs.setdefault(hit[2].id, set()).add(p.tag.gender)
    genders = {e.id: _gender(e, doc.language, verbs) for e in entities if e.type == "PER"}

    history: list[tuple[int, int, str]] = []  # (sentence no, position, entity id) of subject mentions
    for no, (s, e, language, toks) in enumerate(sents):
        pron = lang.of(language).pronouns
        speech = lang.of(language).speech
        comp_at = next((t.start for t in toks if t.low in speech.COMPLEMENTIZERS
                        and not in_quote(t.start, t.end)), None)
        events: list[tuple[int, str | None, tuple[Tok, str] | None]] = []
        for start, end, entity, m in index.within(s, e):
            if entity.type != "PER" or in_quote(start, end):
                continue
            if comp_at is not None and start > comp_at:
                continue  # inside reported content: not the subject of the story
            if normalise(m.text) != normalise(m.lemma or m.text) and has_morphology(language):
                if not any(p.tag.case == "nomn" for p in parse(m.text.split()[-1].lower(), language)):
                    continue
            events.append((start, entity.id, None))
        for k, t in enumerate(toks):
            gender = pron.SUBJECT_PRONOUNS.get(t.low)
            if gender is None or in_quote(t.start, t.end) or not _subject_position(toks, k, language):
                gender = pron.POSSESSIVE_PRONOUNS.get(t.low)
                if gender is None or in_quote(t.start, t.end) or not _names_source(toks, k, speech):
                    continue
            events.append((t.start, None, (t, gender)))
        for m in unheld:
            k = next((k for k, t in enumerate(toks) if t.start == m.start), None)
            # the noun phrase starts at its adjectives ("Британский премьер")
            while k and has_morphology(language) and toks[k - 1].is_word and \
                    any(p.tag.POS == "ADJF" for p in parse(toks[k - 1].low, language)[:1]):
                k -= 1
            if k is None or in_quote(m.start, m.end) or not _subject_position(toks, k, language) \
                    or index.covering(m.start, m.end):
                continue
            events.append((m.start, None, (m, None)))
        for pos, eid, pr in sorted(events, key=lambda x: x[0]):
            if eid is not None:
                history.append((no, pos, eid))
                continue
            t, gender = pr
            title = isinstance(t, Mention)
            target = None
            for h_no, _, h_id in reversed(history):
                if no - h_no > (1 if title else PRONOUN_WINDOW):
                    break
                g = genders.get(h_id)
                if g is None or title or g == gender:
                    target = h_id
                    break
            if target is None:
                continue
            out[at[target]] = out[at[target]].add(
                t if title else Mention(t.start, t.end, t.text, t.low, "pronoun"))
            history.append((no, t.start, target))
    return out


def _names_source(toks: list[Tok], k: int, speech) -> bool:
    """Whether toks[k] is the possessive inside a source marker ("по его словам"): the
    one whose words the sentence reports, as a subject pronoun would be."""
    for marker in speech.ACCORDING_TO:
        for p, word in enumerate(marker):
            if word == toks[k].low and 0 <= k - p and k - p + len(marker) <= len(toks) and all(
                    toks[k - p + i].low == w for i, w in enumerate(marker)):
                return True
    return False


def _subject_position(toks: list[Tok], k: int, language) -> bool:
    """At the start of a sentence or clause, or right after a speech verb."""
    openers = lang.of(language).pronouns.CLAUSE_OPENERS
    speech = lang.of(language).speech
    j = k - 1
    while j >= 0 and toks[j].is_word and toks[j].low in openers:
        j -= 1
    if j < 0 or not toks[j].is_word and toks[j].text[0] in ",;:—–-(«„\"":
        return True
    prev = toks[k - 1]
    return prev.is_word and (prev.lemma in speech.SPEECH_VERBS or prev.low in speech.SPEECH_VERBS
                             or prev.lemma in speech.OPINION_WORDS)
