"""WARC and WARC.gz web archives (Common Crawl news): HTML responses only.

Archives come cut, corrupted and occasionally hostile, so records are framed
here rather than by warcio, which stops at the first bad record, prints to
stderr, crashes on a response without a target URI and inflates a record
without limit. Here every record is read with a capped read; a record that is
corrupt, truncated or over :data:`MAX_RECORD_BYTES` is one Failure, and reading
goes on from the next record, found by scanning to the next ``WARC/1.`` line
(or, in a gzip archive, the next gzip member that inflates to one), so the good
records after a bad one are kept. A bomb is never inflated: a record too
large is skipped by jumping to the next member, not by decompressing it.
"""
from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..model import Failure, RawDocument, Source
from .bounds import MAX_RECORD_BYTES, TooLarge, inflate, printable, too_large
from .html import extract_html

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_CHUNK = 1 << 16
_MAX_HEADER_BYTES = 64 * 1024
_BLANK = (b"\r\n", b"\n")


class _Bad(Exception):
    """The record at ``offset`` cannot be read; reading resumes at the next record found after it.

    ``if_more`` is the reason when a record does turn up after a seemingly truncated one: then its
    Content-Length was wrong, not the file cut.
    """

    def __init__(self, offset: int, reason: str, *, if_more: str | None = None) -> None:
        super().__init__(reason)
        self.offset, self.reason, self.if_more = offset, reason, if_more


class _Cut(Exception):
    """The file ends inside a gzip member."""


class _Junk(Exception):
    """Where a gzip member should start, something else does."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class _Plain:
    """An uncompressed archive: offsets are file offsets."""

    def __init__(self, f: BinaryIO, start: int) -> None:
        f.seek(start)
        self.f = f

    def tell(self) -> int:
        return self.f.tell()

    def offset_of(self, pos: int) -> int:
        return pos

    def readline(self, limit: int) -> bytes:
        return self.f.readline(limit)

    def read(self, n: int) -> bytes:
        return self.f.read(n)

    def peek(self, n: int) -> bytes:
        here = self.f.tell()
        data = self.f.read(n)
        self.f.seek(here)
        return data


class _Inflated:
    """A gzip archive inflated member by member, a chunk at a time; offsets are those of members."""

    def __init__(self, f: BinaryIO, start: int) -> None:
        f.seek(start)
        self.f = f
        self.pending = b""  # compressed bytes read but not yet inflated
        self.pending_at = start  # file offset of pending[0]
        self.d: zlib._Decompress | None = None
        self.buf = bytearray()
        self.pos = 0  # inflated offset of buf[0]
        self.members: list[tuple[int, int]] = []  # (inflated offset, file offset) of member starts

    def tell(self) -> int:
        return self.pos

    def offset_of(self, pos: int) -> int:
        best = self.members[0][1] if self.members else self.pending_at
        for inflated, raw in self.members:
            if inflated > pos:
                break
            best = raw
        return best

    def _more(self) -> bool:
        """Inflate some more into buf; False at the end of the file (raises _Cut inside a member)."""
        if len(self.pending) < 3:
            more = self.f.read(_CHUNK)
            self.pending += more
        if not self.pending:
            if self.d is not None and not self.d.eof:
                raise _Cut()
            return False
        if self.d is None or self.d.eof:
            if len(self.pending) < len(_GZIP_MAGIC) and _GZIP_MAGIC.startswith(self.pending):
                raise _Cut()  # the file ends inside the next member's magic
            if not self.pending.startswith(_GZIP_MAGIC):
                raise _Junk(self.pending_at)
            self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self.members = self.members[-64:] + [(self.pos + len(self.buf), self.pending_at)]
        before = len(self.pending)
        out = self.d.decompress(self.pending, _CHUNK)
        self.pending = self.d.unused_data if self.d.eof else self.d.unconsumed_tail
        self.pending_at += before - len(self.pending)
        self.buf += out
        return True

    def _take(self, n: int) -> bytes:
        data = bytes(self.buf[:n])
        del self.buf[:n]
        self.pos += len(data)
        return data

    def readline(self, limit: int) -> bytes:
        while True:
            nl = self.buf.find(b"\n", 0, limit)
            if nl >= 0:
                return self._take(nl + 1)
            if len(self.buf) >= limit or not self._more():
                return self._take(limit)

    def read(self, n: int) -> bytes:
        while len(self.buf) < n and self._more():
            pass
        return self._take(n)

    def peek(self, n: int) -> bytes:
        try:
            while len(self.buf) < n and self._more():
                pass
        except (_Cut, _Junk, zlib.error):
            pass  # the next record's problem, reported when it is read
        return bytes(self.buf[:n])


def _show(line: bytes) -> str:
    return printable(line[:40].rstrip(b"\r\n").decode("utf-8", "replace"))


@dataclass
class _Record:
    offset: int
    headers: dict[str, str]
    block: bytes


def _next_record(src: _Plain | _Inflated) -> _Record | None:
    start = src.tell()
    try:
        line = src.readline(_MAX_HEADER_BYTES)
        while line in _BLANK:
            start = src.tell()
            line = src.readline(_MAX_HEADER_BYTES)
        if not line:
            return None
        offset = src.offset_of(start)
        if not line.endswith(b"\n") and (line.startswith(b"WARC/") or b"WARC/".startswith(line)):
            raise _Bad(offset, "truncated WARC record: the file ends inside its headers")
        if not line.startswith(b"WARC/"):
            raise _Bad(offset, f"no WARC header line where a record should start (found '{_show(line)}')")
        headers: dict[str, str] = {}
        size, last = len(line), None
        while True:
            line = src.readline(_MAX_HEADER_BYTES)
            size += len(line)
            if not line or (not line.endswith(b"\n") and len(line) < _MAX_HEADER_BYTES):
                raise _Bad(offset, "truncated WARC record: the file ends inside its headers")
            if size > _MAX_HEADER_BYTES:
                raise _Bad(offset, f"corrupt WARC record: headers over {_MAX_HEADER_BYTES // 1024} KB")
            if line in _BLANK:
                break
            if line[:1] in (b" ", b"\t") and last:  # a folded header line
                headers[last] += " " + line.strip().decode("utf-8", "replace")
                continue
            name, sep, value = line.partition(b":")
            if not sep:
                raise _Bad(offset, f"corrupt WARC record: header line without a colon ('{_show(line)}')")
            last = name.strip().decode("latin-1").lower()
            headers[last] = value.strip().decode("utf-8", "replace")
        length = headers.get("content-length", "")
        if not length.isdigit():
            raise _Bad(offset, f"corrupt WARC record: no valid Content-Length ('{printable(length[:40])}')")
        declared = int(length)
        if declared > MAX_RECORD_BYTES:
            # never inflated: the next member (or record) is found by scanning
            raise _Bad(offset, too_large("WARC record", declared) + "; skipped")
        block = src.read(declared)
        after = src.peek(64).lstrip(b"\r\n")
    except _Cut:
        raise _Bad(src.offset_of(start), "truncated WARC record: the file ends inside its gzip member") from None
    except _Junk as e:
        raise _Bad(e.offset, "corrupt WARC.gz: the bytes here are not a gzip member") from None
    except zlib.error as e:
        raise _Bad(src.offset_of(start), f"corrupt WARC record: {printable(e)}") from None
    if len(block) < declared:
        raise _Bad(offset, f"truncated WARC record: {declared - len(block)} of its {declared} declared bytes "
                           "are missing",
                   if_more=f"corrupt WARC record: its Content-Length ({declared}) runs past the records after it")
    if after[:5] != b"WARC/"[:len(after[:5])] and b"\nWARC/1." in block:
        # a Content-Length too long: the block swallowed the start of the next record
        raise _Bad(offset, f"corrupt WARC record: its Content-Length ({declared}) runs into the next record")
    return _Record(offset, headers, block)


def _scan(f: BinaryIO, start: int, gz: bool) -> int | None:
    """The offset of the next record at or after ``start``, or None."""
    magic = _GZIP_MAGIC if gz else _WARC_MAGIC
    pos = start
    f.seek(pos)
    carry = b""
    while True:
        chunk = f.read(1 << 20)
        if not chunk:
            return None
        window = carry + chunk
        base = pos - len(carry)
        i = window.find(magic)
        while i >= 0:
            at = base + i
            if gz and _inflates_to_warc(f, at):
                return at
            if not gz and (at == 0 or window[i - 1:i] == b"\n" or (i == 0 and _byte_before(f, at) == b"\n")):
                return at
            i = window.find(magic, i + 1)
        pos += len(chunk)
        carry = window[-(len(magic) - 1):]
        f.seek(pos)


def _byte_before(f: BinaryIO, at: int) -> bytes:
    here = f.tell()
    f.seek(at - 1)
    b = f.read(1)
    f.seek(here)
    return b


def _inflates_to_warc(f: BinaryIO, at: int) -> bool:
    here = f.tell()
    f.seek(at)
    data = f.read(4096)
    f.seek(here)
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def read_warc(stream: BinaryIO, source: Source) -> Iterator[RawDocument | Failure]:
    """Yield one document per HTML response, and one Failure per record that could not be read."""
    start = stream.tell()
    gz = stream.read(2) == b"\x1f\x8b"
    src: _Plain | _Inflated = _Inflated(stream, start) if gz else _Plain(stream, start)
    kinds: Counter[str] = Counter()
    html = bad = 0
    while True:
        try:
            record = _next_record(src)
        except _Bad as e:
            bad += 1
            nxt = _scan(stream, e.offset + 1, gz)
            reason = e.if_more if e.if_more and nxt is not None else e.reason
            yield Failure(Source(path=source.path, format="warc", record=f"offset {e.offset}"), reason)
            if nxt is None:
                break
            src = _Inflated(stream, nxt) if gz else _Plain(stream, nxt)
            continue
        if record is None:
            break
        kinds[record.headers.get("warc-type", "?")] += 1
        item = _response(record, source)
        if item is None:
            continue
        if isinstance(item, Failure):
            bad += 1
        else:
            html += 1
        yield item
    if not html and not bad:
        what = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) or "no records"
        yield Failure(_warc_source(source), f"no HTML responses in the WARC archive ({printable(what)})")


def _warc_source(source: Source) -> Source:
    return Source(path=source.path, url=source.url, format="warc", record=source.record)


def _http(block: bytes) -> tuple[str, dict[str, str], bytes] | None:
    """Status code, headers and body of an HTTP response, or None when the block is not one."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep or not head.startswith(b"HTTP/"):
        return None
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    parts = lines[0].split(None, 2)
    status = parts[1].decode("latin-1") if len(parts) > 1 else ""
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().decode("latin-1").lower()] = value.strip().decode("latin-1")
    return status, headers, body


def _dechunk(body: bytes) -> bytes:
    out, i = bytearray(), 0
    while True:
        nl = body.find(b"\n", i)
        if nl < 0:
            break
        size_text = body[i:nl].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return body  # not chunked after all: warcio does the same
        if size == 0:
            break
        out += body[nl + 1:nl + 1 + size]
        i = nl + 1 + size
        i = body.find(b"\n", i) + 1 if body.startswith(b"\r\n", i) or body.startswith(b"\n", i) else i
        if i <= 0:
            break
    return bytes(out)


def _response(record: _Record, source: Source) -> RawDocument | Failure | None:
    """The record's page; None for records that are not HTML pages (skipped silently, as ever)."""
    if record.headers.get("warc-type") != "response":
        return None
    url = record.headers.get("warc-target-uri") or None
    if url:
        url = url.strip("<>")
    rec_source = Source(path=source.path, url=url, format="warc", record=f"offset {record.offset}")
    http = _http(record.block)
    if http is None:
        return None
    status, headers, body = http
    ctype = headers.get("content-type", "")
    if "html" not in ctype.lower() or not status.startswith("2"):
        return None
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").strip().lower()
    try:
        if encoding in ("gzip", "x-gzip"):
            body = inflate(body, 16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            try:
                body = inflate(body, zlib.MAX_WBITS)
            except zlib.error:
                body = inflate(body, -zlib.MAX_WBITS)
        elif encoding not in ("", "identity"):
            return Failure(rec_source, f"unsupported Content-Encoding '{printable(encoding)}' in a WARC record")
    except TooLarge as e:
        return Failure(rec_source, f"record too large: {e}")
    except zlib.error as e:
        return Failure(rec_source, f"corrupt {encoding} content in a WARC record: {e}")
    return extract_html(_decode_declared(body, ctype), source=rec_source)


def _decode_declared(body: bytes, content_type: str) -> str | bytes:
    """Honour the charset of the HTTP header; the page's own meta tag decides otherwise."""
    _, _, params = content_type.partition(";")
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                return body.decode(value.strip('"\' ').lower())
            except (LookupError, UnicodeDecodeError):
                return body
    return body


__all__ = ["read_warc"]
