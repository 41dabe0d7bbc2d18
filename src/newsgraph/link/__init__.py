"""The link stage: one id per real-world entity, across inflections, documents and languages.

``link(doc)`` re-identifies the entities ``analysis.annotate`` produced (one
per type and base form, with a provisional hash id):

1. an entity whose base form (or a mention's surface or lemma) names an entry
   of the built-in knowledge base gets the entry's id ("loc:country:DE",
   "loc:city:Berlin", "org:NATO"), its type (a country is LOC whatever the
   NER said) and its names in uk, ru and en;
2. a person gets "per:<surname key>-<first-name group>" from the
   cross-language key of ``translit`` ("Марк Рютте" = "Mark Rutte" →
   "per:rute-mark"); a surname alone ("Рютте", even when the NER typed it
   MISC or LOC, as long as the knowledge base does not know it) joins the
   one full-name person of the document with that surname,
   else a well-known person of the knowledge base ("Путін"), else
   "per:<surname key>";
3. anything else keeps a hash id of its type and the consonant skeleton of
   its base form (``translit.skeleton_key``), which is the same for many
   uk/ru spellings ("Міністерство оборони" = "Министерство обороны",
   "Харківська ОВА" = "Харьковская ОВА").

4. a name that is another entity's alias in the document (a gloss in brackets,
   initials with the surname, a company with its legal form: ``aliases.py``)
   takes that entity's id.

Entities of the document that end up with one id are merged: mentions
concatenated and sorted, names merged, roles kept.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace

from ..analysis import morphology
from ..model import Document, Entity, Mention, Role
from .aliases import joins
from .kb import Entry, knowledge_base, normalize, person_id
from .translit import first_name_key, is_first_name, person_key, skeleton_key, split_name, surname_stems

__all__ = ["link", "resolve", "fallback_id"]


def fallback_id(entity_type: str, name: str, language: str | None = None) -> str:
    """Hash id of an entity the knowledge base does not know: its type and the
    consonant skeleton of its name (the same for many uk/ru/en spellings)."""
    key = skeleton_key(name, language) or normalize(name)
    # the NER of one language types an "ОВА" ORG, of another LOC: one class for both
    kind = "ORG/LOC" if entity_type in ("ORG", "LOC") else entity_type
    digest = hashlib.blake2b(f"{kind}\t{key}".encode(), digest_size=6).hexdigest()
    return "E" + digest


def _language(entity: Entity, doc_language: str | None) -> str | None:
    return next(iter(entity.names), None) or doc_language


def _kb_entry(entity: Entity, language: str | None) -> Entry | None:
    kb = knowledge_base()
    seen = set()
    for name in [entity.name, *(m.lemma for m in entity.mentions), *(m.text for m in entity.mentions)]:
        if not name or name in seen:
            continue
        seen.add(name)
        hit = kb.lookup(name, language)
        if hit is not None and hit.type != "PER":
            return hit
    return None


def _is_single_name(name: str) -> bool:
    first, surname = split_name(name)
    return first is None and surname is not None and surname[:1].isupper()


def _known_first(entity: Entity, language: str | None) -> str | None:
    """The first name a one-word person's base form spells, if a first-name table or the
    language's dictionary (its likeliest reading) knows it as one."""
    for name in dict.fromkeys([entity.name, *(m.lemma for m in entity.mentions)]):
        if not name:
            continue
        if is_first_name(name):
            return name
        if morphology.has_morphology(language) and " " not in name:
            readings = morphology.parse(morphology.normalise(name), language)
            if readings and "Name" in readings[0].tag:
                return name
    return None


def _surname_keys(entity: Entity, language: str | None) -> list[str]:
    """Keys a one-word name may stand for: of its base form, of each surface form,
    and each with a case ending stripped (the base form of an unknown surname is
    often wrong: "Буданова", "Рютта", "Сибиг")."""
    keys: list[str] = []
    names = [entity.name, *(m.text for m in entity.mentions)]
    for name in names:
        key = person_key(name, language)[0]
        for k in surname_stems(key) if key else ():
            if k not in keys:
                keys.append(k)
    return keys


def _known_person(entity: Entity, surname: str, first: str | None, language: str | None):
    kb = knowledge_base()
    known = kb.person(surname, first)
    if known is None and first is None:
        for key in _surname_keys(entity, language)[1:]:
            known = kb.person(key, None)
            if known is not None:
                break
    return known


def resolve(entity: Entity, language: str | None) -> tuple[str, str, dict[str, str]]:
    """(global id, type, names) of one entity taken alone, without its document."""
    entry = _kb_entry(entity, language)
    if entry is not None:
        return entry.id, entry.type, dict(entry.names)
    if entity.type == "PER":
        surname, first = person_key(entity.name, language)
        if surname:
            known = _known_person(entity, surname, first, language)
            if known is not None:
                return known.id, "PER", dict(known.names)
            return person_id(surname, first), "PER", {}
    return fallback_id(entity.type, entity.name, language), entity.type, {}


def link(doc: Document) -> Document:
    """Return ``doc`` with global entity ids, KB types and names in uk/ru/en."""
    if not doc.entities:
        return doc
    resolved: list[tuple[Entity, str, str, dict[str, str]]] = []
    for entity in doc.entities:
        language = _language(entity, doc.language)
        eid, etype, names = resolve(entity, language)
        resolved.append((entity, eid, etype, names))

    # A surname alone joins the document's one full-name person with that surname.
    full_by_surname: dict[str, set[str]] = {}
    full_by_first: dict[str, set[str]] = {}
    surname_of: dict[str, str] = {}
    for entity, eid, etype, _ in resolved:
        if etype == "PER" and eid.startswith("per:"):
            first, surname = split_name(entity.name)
            if first and surname:
                key, _first = person_key(entity.name, _language(entity, doc.language))
                full_by_surname.setdefault(key, set()).add(eid)
                if _first:
                    full_by_first.setdefault(_first, set()).add(eid)
                surname_of[eid] = surname
    for i, (entity, eid, etype, names) in enumerate(resolved):
        if not _is_single_name(entity.name):
            continue
        # a one-word name the KB does not know is a surname here whatever its NER type
        # ("Рютте" MISC, "Буданова" LOC); a KB place or organisation is not
        if etype != "PER" and not eid.startswith("E"):
            continue
        for key in _surname_keys(entity, _language(entity, doc.language)):
            targets = set()
            for full_key, ids in full_by_surname.items():
                # a wrong base form may lose the surname's last letter ("Сибиг")
                if full_key == key or (len(key) >= 4 and full_key[:-1] == key):
                    targets |= ids
            if targets:
                if len(targets) == 1:  # the names the KB gave the surname alone are not the target's
                    target = next(iter(targets))
                    # the full name's surname is the base form the surname alone
                    # may have missed ("Стармера" is no woman's nominative here)
                    entity = replace(entity, mentions=tuple(replace(m, lemma=surname_of[target])
                                                            for m in entity.mentions))
                    resolved[i] = (entity, target, "PER", {})
                break
        else:
            # a first name alone ("Терезы", "Бориса") is the one person of the document who
            # bears it; a known first name is no surname, so it gets no person of its own
            known = _known_first(entity, _language(entity, doc.language))
            targets = full_by_first.get(first_name_key(known, _language(entity, doc.language)), set()) \
                if known and etype == "PER" else set()
            if len(targets) == 1:
                resolved[i] = (entity, next(iter(targets)), "PER", {})

    # a gloss in brackets, initials with the surname, a company with its legal form:
    # aliases of another entity of the document, which lend them its id
    for i, j in joins(doc, resolved).items():
        entity = resolved[i][0]
        _, eid, etype, _names = resolved[j]
        resolved[i] = (entity, eid, etype, {})

    first_of: dict[str, Entity] = {}  # the first entity that got each id
    names_of: dict[str, dict[str, str]] = {}
    mentions_of: dict[str, list[Mention]] = {}
    roles_of: dict[str, list[Role]] = {}
    types: dict[str, Counter] = {}
    kb_typed: set[str] = set()
    for entity, eid, etype, kb_names in resolved:
        if eid not in first_of:
            first_of[eid] = entity
            names_of[eid], mentions_of[eid], roles_of[eid] = {}, [], []
            types[eid] = Counter()
        names = names_of[eid]
        if kb_names:
            kb_typed.add(eid)
            for lang, name in kb_names.items():
                names.setdefault(lang, name)
        for lang, name in entity.names.items():
            old = names.get(lang)
            # a person's fullest name wins ("Марк Рютте" over "Рютте")
            if old is None or (etype == "PER" and eid not in kb_typed and len(name) > len(old)):
                names[lang] = name
        mentions_of[eid].extend(entity.all_mentions())
        roles_of[eid].extend(entity.roles)
        types[eid][etype] += len(entity.mentions) + len(entity.references)
    out = []
    for eid, entity in first_of.items():
        etype = types[eid].most_common(1)[0][0] if "PER" not in types[eid] or len(types[eid]) == 1 \
            else "PER"
        if eid in kb_typed:
            etype = knowledge_base().entries[eid].type
        names = names_of[eid]
        name = names.get(doc.language or "") or next(iter(names.values()), entity.name)
        out.append(Entity(eid, etype, name, names, roles=tuple(roles_of[eid])).with_mentions(mentions_of[eid]))
    out.sort(key=lambda e: e.all_mentions()[0].start if e.mentions or e.references else 0)
    return replace(doc, entities=out)
