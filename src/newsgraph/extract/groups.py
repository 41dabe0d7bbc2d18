"""Staff of an organisation as an actor of its own: "бортпровідники Ryanair".

News tells labour disputes, appeals and protests through the people of an
organisation rather than its name: "бортпровідники Ryanair оголосили страйк",
"сотрудники компании требуют…", "пілоти лоу-косту страйкуватимуть". They are
not the organisation (a strike by its pilots is *against* the company), and
they are not a named entity the recogniser could find. So each staff noun of a
language (``Events.STAFF_NOUNS``) that belongs to an organisation becomes a
*group* entity: "staff of Ryanair", one per (noun, organisation), with the
noun's every place as a ``role`` reference and a :class:`~newsgraph.model.Role`
whose ``org`` is the organisation. Its id is derived from the organisation's
id and the noun's lemma, so "пилоты Ryanair" in one document and "пілоти
Ryanair" in another are one actor only when their lemmas agree (a language's
nouns are its own; linking across languages is left to the organisation).

Which organisation: the one the noun's phrase names (its genitive, flat or
apposition dependents in the parse: "працівники *Ryanair*", "персонал
аеропорту *Бориспіль*"); else, as a role noun resolves, the organisation
mentioned last before it in the same or the previous sentence (the
events-dev guidelines and coreference practice: "Ryanair … Її пілоти…").
A noun with neither is left alone: "працівники" of no known organisation is
not an actor; nor are staff in a list of groups, where they are not a clause's
subject ("медики, військові, пенсіонери").
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import cache

from .. import lang
from ..analysis.morphology import has_morphology, normalise, parse
from ..model import Document, Entity, Mention, Role
from .roles import ARTICLE, tokens

#: relations inside the staff noun's phrase that may name its organisation.
_PHRASE_RELS = frozenset({"nmod", "flat", "appos", "compound"})


@cache
def _staff_nouns(code: str | None) -> frozenset[str]:
    return frozenset(map(normalise, lang.of(code).events.STAFF_NOUNS))


def group_id(org_id: str, noun: str) -> str:
    """A stable id for "<noun> of <org>", the same in every document."""
    return "E" + hashlib.sha1(f"staff|{org_id}|{noun}".encode()).hexdigest()[:12]


def groups(doc: Document) -> Document:
    """Return ``doc`` with a group entity for each organisation's staff it names."""
    # inside the noun's phrase any name but a place is its employer ("бортпровідники
    # Ryanair", whatever type the recogniser gave the Latin name); before it, only an ORG
    # (a person with a first name employs no staff of this kind: "сотрудника ГРУ Сергея
    # Скрипаля" is Skripal, not his staff)
    named = sorted(((m.start, m.end, e.id, e.type) for e in doc.entities if e.type != "LOC"
                    and not (e.type == "PER" and len(e.name.split()) > 1)
                    for m in e.all_mentions()), key=lambda x: x[0])
    if not named:
        return doc
    taken = [(m.start, m.end) for e in doc.entities for m in e.all_mentions()]
    article = [(s.start, s.end, s.language or doc.language) for s in doc.segments if s.kind in ARTICLE]
    # the staff nouns of the article, each with the name its own phrase gives
    places: list[tuple[int, object, str | None]] = []  # (sentence index, token, own employer)
    language_of: dict[int, str | None] = {}
    for k, sent in enumerate(doc.sentences):
        seg = next((a for a in article if a[0] <= sent.start < a[1]), None)
        if seg is None or not (nouns := _staff_nouns(seg[2])):
            continue
        parsed = {(t.start, t.end): t for t in sent.tokens}
        language_of[k] = seg[2]
        for tok in tokens(doc, sent.start, sent.end, seg[2]):
            if _staff_lemma(tok, nouns, seg[2]) and not any(a <= tok.start < b for a, b in taken):
                node = parsed.get((tok.start, tok.end))
                own = _own_org(sent, node, named)
                # without a name of its own, staff stand for an organisation only as the
                # subject of their clause or the genitive of a noun ("Сотрудники начали
                # забастовку", "страйк бортпровідників"), not in a list of groups
                # ("медики, военные, пенсионеры, работники")
                rel = (node.deprel or "").split(":")[0] if node is not None else ""
                if own is not None or rel in ("nsubj", "nmod") and not any(
                        u.head == node.id and (u.deprel or "") == "conj" for u in sent.tokens):
                    places.append((k, tok, own))
    # a name that employs staff elsewhere in the document may be the employer of staff
    # named alone too ("бортпровідники Ryanair" … "пілоти страйкуватимуть"), whatever type
    # the recogniser gave it; its type is the recogniser's and the linker's business
    employers = {own for _, _, own in places if own is not None}
    entities = list(doc.entities)
    orgs = sorted(((m.start, m.end, e.id) for e in entities if e.type == "ORG" or e.id in employers
                   for m in e.all_mentions()), key=lambda x: x[0])
    by_id = {e.id: e for e in entities}
    found: dict[str, tuple[str, str, list[Mention]]] = {}  # group id -> (org, noun, mentions)
    for k, tok, org in places:
        if org is None:
            # as a role noun resolves: the organisation named last before it, in its
            # sentence or the one before
            lo = doc.sentences[k - 1].start if k else doc.sentences[k].start
            before = [o for o in orgs if lo <= o[0] and o[1] <= tok.start]
            # else the one organisation its own sentence names after it ("Из-за забастовки
            # пилотов … отменены 400 рейсов авиакомпании Ryanair")
            after = {o[2] for o in orgs if tok.end <= o[0] and o[1] <= doc.sentences[k].end}
            org = before[-1][2] if before else (next(iter(after)) if len(after) == 1 else None)
        if org is None:
            continue
        noun = _staff_lemma(tok, _staff_nouns(language_of[k]), language_of[k])
        entry = found.setdefault(group_id(org, noun), (org, noun, []))
        entry[2].append(Mention(tok.start, tok.end, tok.text, noun, "role"))
    if not found:
        return doc
    for gid, (org, noun, mentions) in found.items():
        entities.append(Entity(id=gid, type="ORG", name=f"{noun} ({by_id[org].name})",
                               roles=(Role(title=noun, org=org),), references=tuple(mentions)))
    return replace(doc, entities=entities)


def _staff_lemma(tok, nouns: frozenset[str], language) -> str | None:
    """The staff noun a token is, by the parser's lemma or any dictionary reading (the
    parser lemmatises "бортпровідників" as itself)."""
    if tok.lemma in nouns:
        return tok.lemma
    if has_morphology(language):
        return next((n for r in parse(tok.low, language) if (n := normalise(r.normal_form)) in nouns), None)
    return None


def _own_org(sent, node, orgs) -> str | None:
    """The organisation named inside the staff noun's phrase in the parse."""
    if node is None or node.head is None:
        return None
    kids: dict[int, list] = {}
    for u in sent.tokens:
        if u.head:
            kids.setdefault(u.head, []).append(u)
    todo, seen = [(node, 0)], set()
    while todo:
        u, depth = todo.pop()
        for c in kids.get(u.id, ()):
            if (c.deprel or "").split(":")[0] not in _PHRASE_RELS or c.id in seen or depth >= 3:
                continue
            seen.add(c.id)
            hit = next((o[2] for o in orgs if o[0] <= c.start < o[1]), None)
            if hit is not None:
                return hit
            todo.append((c, depth + 1))
    return None


def org_of(entity: Entity) -> str | None:
    """The organisation a group entity stands for, or None for any other entity."""
    if entity.mentions or len(entity.roles) != 1 or entity.id != group_id(entity.roles[0].org or "", entity.roles[0].title):
        return None
    return entity.roles[0].org
