"""ingest: bytes in, decoded documents (or reasons they could not be read) out.

Every reader yields :class:`~newsgraph.model.RawDocument` or
:class:`~newsgraph.model.Failure` and never raises on bad input, so one broken
record cannot stop a batch.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Failure, RawDocument, Source
from .detect import detect_format
from .encoding import sniff_binary
from .feeds import read_feed
from .html import extract_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import read_warc

#: the largest single (non-WARC) file read whole; WARC files are streamed.
MAX_FILE_BYTES = 20 * 1024 * 1024

__all__ = ["MAX_FILE_BYTES", "iter_files", "read_bytes", "read_path", "read_paths", "detect_format"]


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Expand folders recursively (sorted, hidden files skipped), keep files as given."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def read_bytes(data: bytes, source: Source, fmt: str | None = None) -> Iterator[RawDocument | Failure]:
    """Read documents from bytes already in memory."""
    import io

    fmt = fmt or detect_format(data[:8192])
    source = Source(path=source.path, url=source.url, format=fmt, record=source.record)
    if not data.strip():
        yield Failure(source, "empty file")
    elif fmt == "warc":
        yield from read_warc(io.BytesIO(data), source)
    elif fmt == "binary" or sniff_binary(data):
        yield Failure(source, f"binary content ({sniff_binary(data) or 'compressed data'}), not a news document")
    elif fmt == "feed":
        yield from read_feed(data, source)
    elif fmt == "jsonl":
        yield from read_jsonl(data, source)
    elif fmt == "html":
        yield extract_html(data, source=source)
    else:
        yield read_text(data, source)


def read_path(path: str | os.PathLike[str], fmt: str | None = None) -> Iterator[RawDocument | Failure]:
    """Read every document in one file; '-' reads standard input."""
    import sys

    if str(path) == "-":
        yield from read_bytes(sys.stdin.buffer.read(), Source(path="-"), fmt)
        return
    path = Path(path)
    source = Source(path=str(path))
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8192)
            fmt = fmt or detect_format(head)
            if fmt == "warc":
                f.seek(0)
                yield from read_warc(f, Source(path=str(path), format="warc"))
                return
            if size > MAX_FILE_BYTES:
                yield Failure(Source(path=str(path), format=fmt),
                              f"file too large for one document: {size / 2**20:.1f} MB (limit {MAX_FILE_BYTES // 2**20} MB)")
                return
            data = head + f.read()
    except OSError as e:
        yield Failure(source, f"cannot read file: {e.strerror or e}")
        return
    yield from read_bytes(data, source, fmt)


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[RawDocument | Failure]:
    """Every document in files and folders (expanded as :func:`iter_files` does), in order, as one
    stream: what :meth:`newsgraph.store.Store.ingest` and :meth:`newsgraph.pipeline.Pipeline.run` take."""
    for path in iter_files(paths):
        yield from read_path(path)
