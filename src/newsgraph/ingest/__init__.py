"""ingest: bytes in, decoded documents (or reasons they could not be read) out.

Every reader yields :class:`~newsgraph.model.RawDocument` or
:class:`~newsgraph.model.Failure` and never raises on bad input, so one broken
record cannot stop a batch. What a user hands over may be anything: a FIFO that
never ends, ``/dev/zero``, a symlink loop, a folder that cannot be listed, a
path that does not exist. Each is one Failure among the other inputs; only
regular files are opened, and never more than the size limit is read.
"""
from __future__ import annotations

import errno
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Failure, RawDocument, Source
from .bounds import MAX_FILE_BYTES, MAX_RECORD_BYTES, megabytes, printable
from .detect import detect_format
from .encoding import sniff_binary
from .feeds import read_feed
from .html import extract_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import read_warc

__all__ = ["MAX_FILE_BYTES", "MAX_RECORD_BYTES", "Unreadable", "iter_files", "read_bytes", "read_path",
           "read_paths", "detect_format", "printable"]

#: how much of a file is read before its format is known (a WARC is then streamed).
_HEAD_BYTES = 64 * 1024


class Unreadable(type(Path())):  # type: ignore[misc]
    """A path met while expanding folders that cannot be read; :func:`read_path` reports its ``reason``.

    It is still a Path, so whoever lists files (the CLI counts and compares
    them) keeps working; ``resolve`` never raises, even on a symlink loop.
    """

    reason: str = "cannot be read"

    def resolve(self, strict: bool = False) -> Path:  # noqa: ARG002 - a loop must not raise here
        return Path(os.path.realpath(self))


def _unreadable(path: str | os.PathLike[str], reason: str) -> Unreadable:
    p = Unreadable(path)
    p.reason = reason
    return p


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "something else")
    return f"not a regular file ({kind}): skipped, as reading it could block or never end"


def _os_reason(path: str | os.PathLike[str], e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symbolic link loop: the link never reaches a file"
    if e.errno == errno.ENOENT:
        if os.path.islink(path):
            return f"broken symbolic link (to {printable(os.readlink(path))})"
        return "no such file or folder"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read: {printable(e.strerror or e)}"


def _problem(path: str) -> str | None:
    """Why a path met in a folder will not be read, before anything opens it."""
    try:
        st = os.stat(path)
    except OSError as e:
        return _os_reason(path, e)
    except ValueError as e:  # a NUL in a name handed over in code
        return f"invalid file name: {printable(e)}"
    if stat.S_ISDIR(st.st_mode):
        return "symbolic link to a folder, not followed (give the folder itself to read it)"
    return None


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Expand folders (sorted, hidden entries skipped, files before subfolders), keep files as given.

    Folders are walked with an explicit stack, so no depth of nesting exhausts
    the interpreter; links to folders are not followed (a loop cannot arise),
    and what cannot be listed or followed is yielded as :class:`Unreadable`.
    """
    for p in paths:
        path = Path(p)
        if str(p) == "-":  # standard input, read by read_path
            yield path
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError) as e:
            reason = _os_reason(path, e) if isinstance(e, OSError) else f"invalid file name: {printable(e)}"
            yield _unreadable(path, reason)
            continue
        if not is_dir:
            yield path
            continue
        stack = [path]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
            except OSError as e:
                yield _unreadable(folder, f"cannot read folder: {_os_reason(folder, e)}")
                continue
            subfolders = []
            for entry in entries:
                try:
                    link, real_dir = entry.is_symlink(), entry.is_dir(follow_symlinks=False)
                except OSError as e:
                    yield _unreadable(entry.path, _os_reason(entry.path, e))
                    continue
                if real_dir:
                    subfolders.append(Path(entry.path))
                elif link and (reason := _problem(entry.path)):
                    yield _unreadable(entry.path, reason)
                else:
                    yield Path(entry.path)
            stack.extend(reversed(subfolders))


def _guarded(items: Iterator[RawDocument | Failure], source: Source) -> Iterator[RawDocument | Failure]:
    """The last line of defence: a reader that fails on input nobody foresaw costs its file, not the batch."""
    try:
        yield from items
    except Exception as e:  # noqa: BLE001 - by design: a bad input must never become a traceback
        kind = "nested too deeply" if isinstance(e, RecursionError) else type(e).__name__
        yield Failure(source, f"unreadable {source.format} input ({kind}): {printable(str(e))[:200]}")


def read_bytes(data: bytes, source: Source, fmt: str | None = None) -> Iterator[RawDocument | Failure]:
    """Read documents from bytes already in memory."""
    fmt = fmt or detect_format(data)
    source = Source(path=source.path, url=source.url, format=fmt, record=source.record)
    yield from _guarded(_read_bytes(data, source, fmt), source)


def _read_bytes(data: bytes, source: Source, fmt: str) -> Iterator[RawDocument | Failure]:
    if not data.strip():
        yield Failure(source, "empty file")
    elif fmt == "warc":
        yield from read_warc(io.BytesIO(data), source)
    elif len(data) > MAX_FILE_BYTES and fmt != "jsonl":
        yield Failure(source, _large(len(data)))
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


def _large(size: int) -> str:
    return f"file too large for one document: {megabytes(size)} (limit {MAX_FILE_BYTES // 2**20} MB)"


def read_path(path: str | os.PathLike[str], fmt: str | None = None) -> Iterator[RawDocument | Failure]:
    """Read every document in one file; '-' reads standard input; a folder is expanded."""
    if isinstance(path, Unreadable):
        yield Failure(Source(path=str(path)), path.reason)
        return
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            yield Failure(Source(path="-"), f"standard input too large: over {MAX_FILE_BYTES // 2**20} MB")
            return
        yield from read_bytes(data, Source(path="-"), fmt)
        return
    source = Source(path=str(path))
    try:
        st = os.stat(path)
    except OSError as e:
        yield Failure(source, _os_reason(path, e))
        return
    except ValueError as e:
        yield Failure(source, f"invalid file name: {printable(e)}")
        return
    if stat.S_ISDIR(st.st_mode):
        yield from read_paths([path])
        return
    if not stat.S_ISREG(st.st_mode):
        yield Failure(source, _not_regular(st.st_mode))
        return
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, open must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        yield Failure(source, _os_reason(path, e))
        return
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                yield Failure(source, _not_regular(st.st_mode))
                return
            head = f.read(_HEAD_BYTES)
            guess = fmt or detect_format(head)
            if guess == "warc" or (guess == "jsonl" and st.st_size > MAX_FILE_BYTES):
                f.seek(0)  # streamed: the limit applies to each record
                stream_source = Source(path=str(path), format=guess)
                reader = read_warc if guess == "warc" else read_jsonl
                yield from _guarded(reader(f, stream_source), stream_source)
                return
            if st.st_size > MAX_FILE_BYTES:
                yield Failure(Source(path=str(path), format=guess), _large(st.st_size))
                return
            data = head + f.read(MAX_FILE_BYTES + 1 - len(head))  # the size a stat gives may lie (/proc, growth)
        except OSError as e:
            yield Failure(source, _os_reason(path, e))
            return
    if len(data) > MAX_FILE_BYTES:
        yield Failure(Source(path=str(path), format=guess), _large(len(data)))
        return
    yield from read_bytes(data, source, fmt)


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[RawDocument | Failure]:
    """Every document in files and folders (expanded as :func:`iter_files` does), in order, as one
    stream: what :meth:`newsgraph.store.Store.ingest` and :meth:`newsgraph.pipeline.Pipeline.run` take.
    A path that is missing or cannot be read is one Failure in the stream, not an exception."""
    for path in iter_files(paths):
        yield from read_path(path)
