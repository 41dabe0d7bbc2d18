"""JSON Lines exports: one object per line with ``text`` or ``html``.

Records are split on the byte ``\\n`` alone, as the format defines them:
U+2028, U+0085 and form feeds are legal inside a JSON string and must not cut
a record in two (``str.splitlines`` would), and line numbers must match what an
editor shows. Every line stands alone: a NUL byte, invalid UTF-8, nesting deep
enough to exhaust the parser or a line over the record limit costs that line
only. A file is streamed, so an export of any size is read line by line.
"""
from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from ..model import Failure, RawDocument, Source
from .bounds import MAX_FILE_BYTES, MAX_RECORD_BYTES, megabytes, too_large
from .encoding import NotText, _looks_utf16, decode
from .html import extract_html
from .sites import site_of
from .text import text_document

_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _wide(head: bytes) -> bool:
    """UTF-16/32 cannot be split on the byte 0x0a; such files are decoded whole first."""
    return head.startswith(_WIDE_BOMS) or _looks_utf16(head) is not None


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the newline), or None for a line over the record limit."""
    n = 0
    while True:
        line = stream.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        n += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while True:  # drop the rest of the line without holding it
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line.removesuffix(b"\n").removesuffix(b"\r")


def _text(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as e:
        try:  # an old export in cp1251 or koi8-u
            return decode(line).text
        except NotText:
            raise NotText(f"not UTF-8 text: invalid byte 0x{line[e.start]:02x} at column {e.start + 1}") from None


def _storable(value: object) -> str | None:
    """A string field, with lone surrogates (a bad "\\ud800" escape) made U+FFFD so it can be stored."""
    if not isinstance(value, str):
        return None
    return _SURROGATE.sub("\ufffd", value)


def read_jsonl(data: bytes | BinaryIO, source: Source) -> Iterator[RawDocument | Failure]:
    stream = io.BytesIO(data) if isinstance(data, (bytes, bytearray, memoryview)) else data
    head = stream.read(4096)
    rest = stream
    if _wide(head):
        whole = head + stream.read(MAX_FILE_BYTES + 1 - len(head))
        if len(whole) > MAX_FILE_BYTES:
            yield Failure(source, too_large("UTF-16 JSONL file", len(whole), MAX_FILE_BYTES))
            return
        try:
            rest = io.BytesIO(decode(whole).text.encode("utf-8", "surrogatepass"))
        except NotText as e:
            yield Failure(source, str(e))
            return
        head = b""
    lines = _lines(_Chain(head, rest))
    for n, line in lines:
        rec_source = replace(source, format="jsonl", record=f"line {n}")
        if line is None:
            yield Failure(rec_source, f"record too large: a line over {megabytes(MAX_RECORD_BYTES)}")
            continue
        if n == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip(b" \t\r\n"):
            continue
        yield _record(line, rec_source)


def _record(line: bytes, rec_source: Source) -> RawDocument | Failure:
    try:
        obj = json.loads(_text(line))
    except NotText as e:
        return Failure(rec_source, str(e))
    except RecursionError:
        return Failure(rec_source, "invalid JSON: nested too deeply to read")
    except ValueError as e:
        return Failure(rec_source, f"invalid JSON: {e}")
    if not isinstance(obj, dict):
        return Failure(rec_source, "a JSONL record must be an object with 'text' or 'html'")
    url = _storable(obj.get("url"))
    rec_source = replace(rec_source, url=url)
    title, published = _storable(obj.get("title")), _storable(obj.get("published"))
    html, text = _storable(obj.get("html")), _storable(obj.get("text"))
    if html is not None:
        return extract_html(html, source=rec_source, title=title, published=published)
    if text is not None:
        return text_document(text, rec_source, title=title, published=published, site=site_of(url))
    return Failure(rec_source, "record has neither a 'text' nor an 'html' string field")


class _Chain(io.RawIOBase):
    """The bytes already read to sniff the encoding, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = io.BytesIO(head), rest

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        limit = -1 if size is None else size
        line = self._head.readline(limit)
        if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit):
            return line
        return line + self._rest.readline(-1 if limit < 0 else limit - len(line))
