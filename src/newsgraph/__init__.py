"""newsgraph: news in Ukrainian, Russian and English turned into verifiable knowledge.

>>> import newsgraph
>>> doc = newsgraph.analyze("Заголовок новини\\nПерший абзац тексту новини про події.\\nДругий абзац.")
>>> doc.language, doc.title
('uk', 'Заголовок новини')
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .ingest import read_bytes, read_paths
from .model import Document, Failure, RawDocument, Segment, Source
from .pipeline import Pipeline

__version__ = "0.1.0"
__all__ = ["Document", "Failure", "NewsgraphError", "Pipeline", "RawDocument", "Segment", "Source", "analyze", "read"]


class NewsgraphError(ValueError):
    """An input that cannot be analysed; the message names it and says why."""


def analyze(data: str | bytes, *, format: str | None = None, url: str | None = None,
            path: str | None = None) -> Document:
    """Analyse one document given as text or bytes (plain text, HTML, ...).

    Raises :class:`NewsgraphError` when the input holds no document or more
    than one (a feed, an archive: use :func:`read`).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    results = list(Pipeline().run(read_bytes(data, Source(path=path, url=url), format)))
    if len(results) != 1:
        raise NewsgraphError(f"{path or url or '<input>'}: holds {len(results)} documents; use newsgraph.read()")
    if isinstance(results[0], Failure):
        raise NewsgraphError(str(results[0]))
    return results[0]


def read(paths: Iterable[str | os.PathLike[str]], pipeline: Pipeline | None = None) -> Iterator[Document | Failure]:
    """Analyse every document in files and folders, in order, failures included."""
    pipeline = pipeline or Pipeline()
    yield from pipeline.run(read_paths(paths))
