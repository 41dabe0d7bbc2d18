"""Names that are another entity's alias within one document.

The recogniser finds each name on its own, so one entity can come out as
several: a gloss in brackets ("Ryanair (Райанейр)", "Європейська Комісія
(ЄК)"), initials with the surname ("Ж.-К. Юнкер" beside "Жан-Клод Юнкер",
"Т.Мей" beside "Тереза Мей"), a company with and without its legal form
("ПАТ «Газпром»" beside "Газпром"), the same name under two types ("Ryanair"
as ORG in one sentence and PER in the next: one entity has one type in a
document). ``joins`` finds those and names, for each
such entity, the entity it is an alias of; the link stage then gives both one
id, as it does for inflected forms.

Each join needs the document's own evidence, not a resemblance: the brackets
right after the name, a unique full name with that surname and first initial,
the same name once the legal form is taken off. A bracket that qualifies
rather than translates ("Ейндховен (Нідерланди)": two places the knowledge
base knows apart) is no gloss.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .. import lang
from ..model import Document, Entity
from .kb import normalize
from .translit import person_key, split_name

#: "Т.", "Ж.-К.", "Дж. ", "J. F. " before a surname.
_INITIALS = re.compile(r"^((?:[^\W\d_]{1,3}\.[\s-]*)+)([^\W\d_][\w'’-]*)$")
_QUOTES = "«»\"“”„'"


def _script(text: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    latin = sum("a" <= c.lower() <= "z" for c in letters)
    return "latin" if latin * 2 > len(letters) else "other"


def _acronym_of(short: str, long: str) -> bool:
    """"ЄК" of "Європейська Комісія": the capitals of the short name are the initials."""
    letters = [c for c in short if c.isalpha()]
    if not (2 <= len(letters) <= 8) or not all(c.isupper() for c in letters):
        return False
    words = [w for w in re.split(r"[\s\-]+", long) if w and w[0].isalpha()]
    initials = "".join(w[0].upper() for w in words if w[0].isupper() or len(w) > 3)
    return initials == "".join(letters)


def joins(doc: Document, resolved: Sequence[tuple[Entity, str, str, dict]]) -> dict[int, int]:
    """{index of an alias entity: index of the entity it names}, both indices into
    ``resolved`` ((entity, id, type, names) rows of the link stage)."""
    out: dict[int, int] = {}
    out.update(_glosses(doc, resolved))
    for i, j in _initials(doc, resolved).items():
        out.setdefault(i, j)
    for i, j in _legal_forms(doc, resolved).items():
        out.setdefault(i, j)
    for i, j in _same_name(resolved).items():
        out.setdefault(i, j)
    # no chains, no cycles: every alias points at an entity that is no alias
    return {i: j for i, j in out.items() if j not in out and i != j}


def _glosses(doc: Document, resolved) -> dict[int, int]:
    text = doc.text
    ends: dict[int, int] = {}  # end offset of a mention -> entity index
    for k, (entity, *_rest) in enumerate(resolved):
        for m in entity.mentions:
            ends[m.end] = k
    out: dict[int, int] = {}
    for i, (entity, eid, _etype, _names) in enumerate(resolved):
        for m in entity.mentions:
            before = text[:m.start].rstrip()
            if not before.endswith("(") or not text[m.end:].lstrip().startswith(")"):
                continue
            j = ends.get(len(before[:-1].rstrip()))
            if j is None or j == i:
                continue
            other, other_id, other_type, _n = resolved[j]
            if _etype != other_type and "MISC" not in (_etype, other_type):
                continue  # "Великобритания (Mushroom works)": a company of the place, not its name
            both_known = not eid.startswith(("E", "per:")) and not other_id.startswith(("E", "per:"))
            if both_known and eid != other_id:
                continue  # "Ейндховен (Нідерланди)": a qualifier, not a gloss
            outside = next((x for x in other.mentions if x.end == len(before[:-1].rstrip())), None)
            if outside is None:
                continue
            gloss = _script(m.text) != _script(outside.text) or _acronym_of(m.text, outside.text) \
                or _acronym_of(outside.text, m.text)
            if gloss:
                # the entity the knowledge base knows survives, else the name outside
                if not eid.startswith(("E", "per:")) and other_id.startswith(("E", "per:")):
                    out.setdefault(j, i)
                else:
                    out.setdefault(i, j)
                break
    return out


def _initials(doc: Document, resolved) -> dict[int, int]:
    full: dict[str, list[tuple[int, str]]] = {}  # surname key -> (index, first name)
    for k, (entity, eid, etype, _names) in enumerate(resolved):
        if etype != "PER":
            continue
        first, surname = split_name(entity.name)
        if first and surname and not first.endswith("."):
            key = person_key(surname, doc.language)[0]
            full.setdefault(key, []).append((k, first))
    out: dict[int, int] = {}
    for i, (entity, eid, etype, _names) in enumerate(resolved):
        if etype not in ("PER", "MISC") and not eid.startswith("E"):
            continue
        m = _INITIALS.match(entity.name.strip())
        if not m:
            continue
        initial = m.group(1).strip()[0].upper()
        key = person_key(m.group(2), doc.language)[0]
        targets = {k for k, first in full.get(key, ()) if first[:1].upper() == initial and k != i}
        if len({resolved[k][1] for k in targets}) == 1:
            out[i] = min(targets)
    return out


def _legal_forms(doc: Document, resolved) -> dict[int, int]:
    forms = {f.lower() for language in lang.all_languages() for f in language.names.LEGAL_FORMS}
    by_name: dict[str, int] = {}
    for k, (entity, _eid, etype, _names) in enumerate(resolved):
        if etype == "ORG":
            by_name.setdefault(normalize(entity.name.strip(_QUOTES)), k)
    out: dict[int, int] = {}
    for i, (entity, _eid, etype, _names) in enumerate(resolved):
        if etype != "ORG":
            continue
        words = entity.name.split()
        if len(words) < 2 or words[0].strip(_QUOTES).lower() not in forms:
            continue
        core = normalize(" ".join(words[1:]).strip(_QUOTES).strip())
        j = by_name.get(core)
        if j is not None and j != i:
            out[i] = j
    return out


def _same_name(resolved) -> dict[int, int]:
    """One name, several types (and so several ids): the knowledge base's entity, else
    the one with the most mentions (a lone word as a person last), takes the others,
    and its type."""
    groups: dict[str, list[int]] = {}
    for k, (entity, _eid, _etype, _names) in enumerate(resolved):
        groups.setdefault(normalize(entity.name), []).append(k)
    out: dict[int, int] = {}
    for members in groups.values():
        ids = {resolved[k][1] for k in members}
        known = {e for e in ids if not e.startswith(("E", "per:"))}
        if len(ids) < 2 or len(known) > 1 or any(resolved[k][2] == "LOC" for k in members):
            continue  # a place and the body named after it ("Кремль") may both be meant
        # a one-word "person" with no first name anywhere is the weaker reading of a name
        # that is also an organisation's ("Ryanair")
        def lone_person(k: int) -> bool:
            return resolved[k][2] == "PER" and split_name(resolved[k][0].name)[0] is None

        target = min(members, key=lambda k: (resolved[k][1] not in known, lone_person(k),
                                             -len(resolved[k][0].mentions), k))
        for k in members:
            if resolved[k][1] != resolved[target][1]:
                out[k] = target
    return out
