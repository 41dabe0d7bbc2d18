"""Limits every reader obeys, and the one way untrusted names and bytes reach a message.

Input comes from crawls and strangers: a file that decompresses without end, a
name full of terminal escapes. Readers check sizes *after* decompression and
build reasons with :func:`printable`, so neither memory nor a terminal is at
the mercy of the input.
"""
from __future__ import annotations

import re
import zlib

#: the largest single file read whole, and the largest record (a WARC response,
#: a JSONL line, a feed) once decompressed; WARC files themselves are streamed.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_RECORD_BYTES = MAX_FILE_BYTES

# C0 and C1 controls (newline and tab kept), DEL, the bidirectional overrides
# that reorder what a terminal shows, and lone surrogates (bytes of a non-UTF-8
# file name under surrogateescape), which cannot even be written to stderr.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte surrogateescape could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` safe to show on a terminal: control characters as ``\\x1b``-style escapes."""
    return _UNPRINTABLE.sub(_escape, str(text))


def megabytes(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def too_large(what: str, size: int | None = None, limit: int = MAX_RECORD_BYTES) -> str:
    got = f": {megabytes(size)}" if size is not None else ""
    return f"{what} too large{got} (limit {limit // 2**20} MB)"


class TooLarge(ValueError):
    """Decompressed data passed the limit; the message says so."""


def inflate(data: bytes, wbits: int, limit: int = MAX_RECORD_BYTES) -> bytes:
    """Decompress ``data`` but never past ``limit`` bytes of output (a gzip bomb stops here)."""
    d = zlib.decompressobj(wbits)
    out = d.decompress(data, limit + 1)
    if len(out) > limit:
        raise TooLarge(too_large("decompressed content", None, limit))
    return out


__all__ = ["MAX_FILE_BYTES", "MAX_RECORD_BYTES", "TooLarge", "inflate", "megabytes", "printable", "too_large"]
