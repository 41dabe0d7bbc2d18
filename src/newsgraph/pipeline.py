"""The stages chained: raw document -> cleaned, deduplicated document.

Stages are plain functions over the typed models; this module only wires them
and keeps the state that spans documents (the site line filter, the
near-duplicate index), which a store can preload so that knowledge survives
between runs.
"""
from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from .analysis.annotate import annotate
from .clean import dedup
from .clean.repeated import RepeatedLines
from .clean.segments import segment
from .extract import extract
from .link import link
from .model import Document, Failure, Fingerprint, RawDocument, content_id


@dataclass
class Pipeline:
    repeated: RepeatedLines = field(default_factory=RepeatedLines)
    dedup: dedup.Deduplicator = field(default_factory=dedup.Deduplicator)
    #: run the analyze stage (entities, values); off for cleaning-only work.
    analyze: bool = True

    def process(self, raw: RawDocument) -> Document:
        segments, language = segment(raw, self.repeated)
        first = {}
        for s in segments:
            first.setdefault(s.kind, raw.text[s.start : s.end])
        self.repeated.observe(raw.site, first.get("title") or raw.title,
                              [raw.text[s.start : s.end] for s in segments])
        doc = Document(
            id=content_id(raw.text, raw.source.url),
            source=raw.source,
            language=language,
            title=first.get("title") or raw.title,
            lead=first.get("lead"),
            published=raw.published,
            author=raw.author,
            encoding=raw.encoding,
            site=raw.site,
            text=raw.text,
            segments=segments,
        )
        article = doc.article_text()
        fingerprint = Fingerprint(dedup.exact_key(article), dedup.signature(article))
        duplicate_of = self.dedup.find(fingerprint.exact, fingerprint.minhash)
        if duplicate_of == doc.id:
            duplicate_of = None
        self.dedup.add(doc.id, fingerprint.exact, fingerprint.minhash, duplicate_of)
        doc = replace(doc, duplicate_of=duplicate_of, fingerprint=fingerprint)
        if not self.analyze:
            return doc
        try:
            return extract(link(annotate(doc)))
        except Exception as e:  # keep the cleaned document; say what is missing and why
            return replace(doc, warnings=[f"analysis failed, no entities or values: {_where(e)}"])

    def run(self, items: Iterable[RawDocument | Failure]) -> Iterator[Document | Failure]:
        """Process a stream; a document that breaks a stage becomes a Failure."""
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield self.process(item)
            except Exception as e:  # a bug must not cost the user the rest of the batch
                yield Failure(item.source, f"internal error while cleaning ({_where(e)})")


def _where(e: Exception) -> str:
    frame = traceback.extract_tb(e.__traceback__)[-1]
    return f"{type(e).__name__}: {e} at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
