"""The analyze stage: sentences, named entities with base forms, and values.

Everything but boilerplate is analysed: the article (title, lead, body) and
"read also" headlines, which name real entities (the extract stage keeps their
events out of the article's). Comment and share widgets are not. Each segment
is analysed in its own language, so a Russian quote in a Ukrainian article
gets the Russian model.
"""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from .. import lang
from ..model import Document, Entity, Mention, Sentence, Span
from . import addresses, boundaries, consistency, gazetteer, nonnames, syntax
from .baseforms import base_form
from .sentences import sentences
from .values import find_values

log = logging.getLogger(__name__)
#: segment kinds whose text is analysed.
ANALYSED_KINDS = frozenset({"title", "lead", "body", "related"})


@cache
def _recognizer(language: str | None):
    """The NER module of a language, or None (logged once) when it has none."""
    name = lang.of(language).recogniser
    if not name:
        return None
    try:
        module = lang.of(language).component(name)
        module.recognize_many([""])
    except Exception as e:  # a broken install must not cost the rest of the analysis
        log.warning("no named entities for %s: %s", language, e)
        return None
    return module.recognize_many


def _runs(doc: Document) -> dict[str | None, list[tuple[int, str]]]:
    """Stretches of the text the recognisers read, per language: consecutive
    analysed segments of one language, with the line breaks between them.

    A recogniser reads paragraphs in context, as it was trained; fed one line
    at a time it takes every capitalised first word ("Староста", "Заходи")
    for a name, and it runs slower on many short texts than on a few long ones.
    A widget or a line in another language between two segments ends a stretch.
    """
    stretches: list[list] = []  # [language, start, end]
    joinable = False  # the previous segment was analysed
    for seg in doc.segments:
        if seg.kind not in ANALYSED_KINDS:
            joinable = False
            continue
        language = seg.language or doc.language
        last = stretches[-1] if stretches else None
        if joinable and last[0] == language and not doc.text[last[2] : seg.start].strip():
            last[2] = seg.end
        else:
            stretches.append([language, seg.start, seg.end])
        joinable = True
    runs: dict[str | None, list[tuple[int, str]]] = defaultdict(list)
    for language, start, end in stretches:
        runs[language].append((start, doc.text[start:end]))
    return runs


def entity_id(entity_type: str, name: str) -> str:
    """Provisional id: the type and base form. Linking (issue: extract/link) refines it."""
    key = f"{entity_type}\t{name.casefold()}"
    return "E" + hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


def annotate(doc: Document) -> Document:
    """Return ``doc`` with sentences, entities and values filled in."""
    return annotate_many([doc])[0]


def annotate_many(docs: Sequence[Document]) -> list[Document]:
    """:func:`annotate` for several documents, their text read by each
    language's recogniser in one batch (a neural recogniser runs much faster
    on a batch of paragraphs than on one document's few)."""
    stretches: dict[str | None, list[tuple[int, int, str]]] = defaultdict(list)  # language -> (doc, offset, text)
    for k, doc in enumerate(docs):
        for language, runs in _runs(doc).items():
            stretches[language].extend((k, offset, text) for offset, text in runs)
    read: list[list[tuple[int, str, list[Span], str | None]]] = [[] for _ in docs]
    for language, items in stretches.items():
        recognize = _recognizer(language)
        found = recognize([t for _, _, t in items]) if recognize else [[] for _ in items]
        for (k, offset, text), spans in zip(items, found):
            spans = gazetteer.merge(spans, gazetteer.find(text, language))
            spans = nonnames.drop(text, spans, language)
            spans = boundaries.fix(text, spans, language)
            spans = addresses.merge(text, spans, language)
            read[k].append((offset, text, spans, language))
    mentions: list[list[tuple[int, Span, str | None]]] = []
    for parts in read:
        spread = consistency.spread([(text, spans, language) for _, text, spans, language in parts])
        mentions.append([(offset, s, language) for (offset, _, _, language), spans in zip(parts, spread)
                         for s in spans])
    parsed, warnings = _parse(docs, [[(offset + s.start, offset + s.end, s.type) for offset, s, _ in found]
                                     for found in mentions])
    return [_finish(doc, found, sents, warned)
            for doc, found, sents, warned in zip(docs, mentions, parsed, warnings)]


def _parse(docs: Sequence[Document], names: Sequence[Sequence[tuple[int, int, str]]] | None = None,
           ) -> tuple[list[list[Sentence]], list[list[str]]]:
    """Every segment's sentences with tokens and syntax, each language's parser
    reading the sentences of all the documents at once; ``names``: each document's
    recognised names (start, end, type), which a parser may read as hints.

    Boilerplate and widget lines are tokenised and parsed too: the document's
    tokens cover its whole text, whatever a later stage makes of a line."""
    spans: dict[str | None, list[tuple[int, list[tuple[int, int]]]]] = defaultdict(list)
    for k, doc in enumerate(docs):
        mine: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
        for seg in doc.segments:
            language = seg.language or doc.language
            mine[language].extend((seg.start + a, seg.start + b)
                                  for a, b in sentences(doc.text[seg.start : seg.end], language))
        for language, found in mine.items():
            spans[language].append((k, found))
    parsed: list[list[Sentence]] = [[] for _ in docs]
    warnings: list[list[str]] = [[] for _ in docs]
    for language, items in spans.items():
        done, warning = syntax.parse(language, [docs[k].text for k, _ in items], [found for _, found in items],
                                     [names[k] for k, _ in items] if names is not None else None)
        for (k, _), sents in zip(items, done):
            parsed[k].extend(sents)
            if warning:
                warnings[k].append(warning)
    for sents in parsed:
        sents.sort(key=lambda s: s.start)
    return parsed, warnings


def _finish(doc: Document, mentions: list[tuple[int, Span, str | None]], sents: list[Sentence],
            warnings: list[str]) -> Document:
    """Entities with base forms, and values of one document."""
    parts: dict[str | None, list[tuple[int, str]]] = defaultdict(list)
    for seg in doc.segments:
        if seg.kind not in ANALYSED_KINDS:
            continue
        text = doc.text[seg.start : seg.end]
        language = seg.language or doc.language
        parts[language].append((seg.start, text))

    found: dict[str, tuple[str, str]] = {}  # id -> (type, name) of the first mention
    names: dict[str, dict[str | None, str]] = defaultdict(dict)
    mentions_of: dict[str, list[Mention]] = defaultdict(list)
    for offset, span, language in sorted(mentions, key=lambda m: m[0] + m[1].start):
        surface = doc.text[offset + span.start : offset + span.end]
        # a name does not run from a headline into the next paragraph ("ППО\nПрезидент")
        if "\n" in surface:
            continue
        lemma = base_form(surface, span.type, language)
        eid = entity_id(span.type, lemma)
        found.setdefault(eid, (span.type, lemma))
        names[eid].setdefault(language, lemma)
        mentions_of[eid].append(Mention(offset + span.start, offset + span.end, surface, lemma))

    values = []
    for language, items in parts.items():
        for offset, text in items:
            for v in find_values(text, language or "", doc.published):
                values.append(replace(v, start=offset + v.start, end=offset + v.end))
    values.sort(key=lambda v: v.start)
    entities = [Entity(eid, etype, name, names[eid], tuple(mentions_of[eid]))
                for eid, (etype, name) in found.items()]
    return replace(doc, sentences=sents, entities=entities, values=values,
                   warnings=[*doc.warnings, *warnings])
