"""Hand-built documents for the extract tests: entities given, no NER model needed."""
from __future__ import annotations

from newsgraph.analysis.annotate import entity_id
from newsgraph.analysis.sentences import sentences
from newsgraph.analysis.syntax import tokens_only
from newsgraph.model import Document, Segment, Source


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
    by_id: dict[str, dict] = {}
    for surface, etype, lemma in sorted(entities, key=lambda x: -len(x[0])):
        eid = entity_id(etype, lemma)
        entity = by_id.setdefault(eid, {"id": eid, "type": etype, "name": lemma, "names": {language: lemma},
                                        "mentions": [], "roles": []})
        start = 0
        while (i := text.find(surface, start)) >= 0:
            start = i + len(surface)
            taken = any(m["start"] <= i < m["end"] for e in by_id.values() for m in e["mentions"])
            if not taken:
                entity["mentions"].append({"start": i, "end": i + len(surface), "text": surface, "lemma": lemma})
    for e in by_id.values():
        e["mentions"].sort(key=lambda m: m["start"])
    return Document(id="t", source=Source(), language=language, title=None, lead=None, published=None,
                    text=text, segments=segments, sentences=tokens_only([text], [sents], language)[0], entities=list(by_id.values()))


def eid(doc: Document, name: str) -> str:
    return next(e["id"] for e in doc.entities if e["name"] == name)


def span(doc: Document, s: dict) -> str:
    return doc.text[s["start"] : s["end"]]
