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

from .analysis.annotate import annotate_many
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
    #: documents analysed together by :meth:`run`: the recognisers read their
    #: paragraphs in one batch, which is faster than document by document.
    batch: int = 16

    def clean(self, raw: RawDocument) -> Document:
        """Segments, languages and reprint grouping of one document."""
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
        return replace(doc, duplicate_of=duplicate_of, fingerprint=fingerprint)

    def process(self, raw: RawDocument) -> Document:
        doc = self.clean(raw)
        return self._analyse([doc])[0] if self.analyze else doc

    def _analyse(self, docs: list[Document]) -> list[Document]:
        """Analyse, link and extract; a document that breaks a stage keeps its
        cleaned form with a warning that says what is missing and why."""
        try:
            annotated = annotate_many(docs)
        except Exception as e:
            if len(docs) > 1:  # find the document that breaks it; the others go on
                return [self._analyse([d])[0] for d in docs]
            return [_unanalysed(docs[0], e)]
        out = []
        for doc, done in zip(docs, annotated):
            try:
                out.append(extract(link(done)))
            except Exception as e:
                out.append(_unanalysed(doc, e))
        return out

    def run(self, items: Iterable[RawDocument | Failure]) -> Iterator[Document | Failure]:
        """Process a stream, in order; a document that breaks a stage becomes a Failure."""
        pending: list[Document | Failure] = []
        for item in items:
            if isinstance(item, Failure):
                pending.append(item)
            else:
                try:
                    pending.append(self.clean(item))
                except Exception as e:  # a bug must not cost the user the rest of the batch
                    pending.append(Failure(item.source, f"internal error while cleaning ({_where(e)})"))
            if sum(isinstance(x, Document) for x in pending) >= self.batch:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, pending: list[Document | Failure]) -> Iterator[Document | Failure]:
        docs = [x for x in pending if isinstance(x, Document)]
        done = iter(self._analyse(docs) if self.analyze and docs else docs)
        for x in pending:
            yield x if isinstance(x, Failure) else next(done)


def _unanalysed(doc: Document, e: Exception) -> Document:
    return replace(doc, warnings=[f"analysis failed, no entities or values: {_where(e)}"])


def _where(e: Exception) -> str:
    frame = traceback.extract_tb(e.__traceback__)[-1]
    return f"{type(e).__name__}: {e} at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
