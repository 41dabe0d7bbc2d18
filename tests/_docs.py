"""Hand-built documents for the extract tests: entities given, no NER model needed."""
from __future__ import annotations

from newsgraph.analysis.annotate import entity_id
from newsgraph.analysis.sentences import sentences
from newsgraph.analysis.syntax import tokens_only
from newsgraph.model import Document, Entity, Mention, Offsets, Segment, Source


def make_doc(text: str, language: str, entities: list[tuple[str, str, str]], kinds=None) -> Document:
    """``entities``: (surface, type, base form); every occurrence of each surface is a mention.
    Each line is a segment: the first the title when ``kinds`` says so, else body."""
    segments, sents, pos = [], [], 0
    for n, line in enumerate(text.split("\n")):
        if line.strip():
            kind = (kinds or {}).get(n, "body")
            segments.append(Segment(pos, pos + len(line), kind, language))
            if kind != "boilerplate":
                sents += [(pos + a, pos + b) for a, b in sentences(line, language)]
        pos += len(line) + 1
    first: dict[str, tuple[str, str]] = {}  # id -> (type, base form)
    mentions: dict[str, list[Mention]] = {}
    for surface, etype, lemma in sorted(entities, key=lambda x: -len(x[0])):
        eid = entity_id(etype, lemma)
        first.setdefault(eid, (etype, lemma))
        found = mentions.setdefault(eid, [])
        start = 0
        while (i := text.find(surface, start)) >= 0:
            start = i + len(surface)
            taken = any(m.start <= i < m.end for ms in mentions.values() for m in ms)
            if not taken:
                found.append(Mention(i, i + len(surface), surface, lemma))
    built = [Entity(eid, etype, lemma, {language: lemma}, tuple(sorted(mentions[eid], key=lambda m: m.start)))
             for eid, (etype, lemma) in first.items()]
    return Document(id="t", source=Source(), language=language, title=None, lead=None, published=None,
                    text=text, segments=segments, sentences=tokens_only([text], [sents], language)[0], entities=built)


def eid(doc: Document, name: str) -> str:
    return next(e.id for e in doc.entities if e.name == name)


def span(doc: Document, s: Offsets) -> str:
    return doc.text[s.start : s.end]


def analysed(pipeline, text: str) -> Document:
    """The text as a plain-text file through the whole pipeline (parser, coreference and all)."""
    from newsgraph.ingest import read_bytes

    return pipeline.process(next(iter(read_bytes(text.encode("utf-8"), Source(path="t.txt")))))
