"""Decode bytes of unknown encoding into text, refusing what is not text.

News in Ukrainian and Russian still arrives in cp1251 and koi8-u, and UTF-16
from Windows tools. We detect rather than assume: BOMs first, then strict
UTF-8, then UTF-16 by its NUL pattern, then charset-normalizer restricted to
the Cyrillic single-byte code pages that actually occur in this field (an
unrestricted guess happily calls short Cyrillic text "mac_cyrillic").
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

#: single-byte encodings worth considering, most likely first.
CYRILLIC_CODEPAGES = ("cp1251", "koi8_u", "koi8_r")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: control characters that never occur in text (tab, newlines, form feed excluded).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


class NotText(ValueError):
    """The bytes are not text in any encoding we read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary content, or None when it may be text."""
    signatures = {
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"GIF8": "a GIF image",
        b"%PDF": "a PDF document",
        b"PK\x03\x04": "a ZIP archive (or an Office document)",
        b"\x7fELF": "an executable",
        b"\x1f\x8b": "gzip-compressed data that is not a WARC file",
        b"SQLite format 3": "an SQLite database",
    }
    for magic, name in signatures.items():
        if data.startswith(magic):
            return name
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is the high byte of a Latin
    (0x00) or Cyrillic (0x04) code point."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    half = len(sample) / 2

    def high_share(bytes_: bytes) -> float:
        return sum(1 for b in bytes_ if b in (0x00, 0x04)) / half

    even, odd = high_share(sample[0::2]), high_share(sample[1::2])
    if odd > 0.8 and even < 0.3:
        return "utf-16-le"
    if even > 0.8 and odd < 0.3:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ord(ch) in _CONTROL) / len(sample)


def decode(data: bytes) -> Decoded:
    """Decode ``data`` or raise :class:`NotText` with a reason a person can act on."""
    kind = sniff_binary(data)
    if kind:
        raise NotText(f"binary content ({kind}), not text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc.replace("-sig", ""))
            except UnicodeDecodeError as e:
                raise NotText(f"starts with a {enc} byte-order mark but byte {e.start} is invalid {enc}") from e
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError as e:
            raise NotText(f"looks like {utf16} but byte {e.start} is invalid") from e
    if b"\x00" in data[:65536]:
        raise NotText("binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    else:
        if _control_share(text) > 0.01:
            raise NotText("binary content (control characters), not text")
        return Decoded(text, "utf-8")
    # Not UTF-8: a single-byte Cyrillic code page, or not text at all.
    best = charset_normalizer.from_bytes(data[:200_000], cp_isolation=list(CYRILLIC_CODEPAGES)).best()
    if best is None or best.encoding not in CYRILLIC_CODEPAGES:
        raise NotText(
            f"undecodable bytes: invalid UTF-8 at byte {utf8_error.start} and not "
            f"{', '.join(CYRILLIC_CODEPAGES)} text either"
        )
    # koi8-u is koi8-r plus the Ukrainian letters: reading koi8-r text as koi8-u
    # loses nothing and keeps і/ї/є/ґ that the detector may have mistaken.
    encoding = "koi8_u" if best.encoding == "koi8_r" else best.encoding
    text = data.decode(encoding, errors="strict") if encoding != "cp1251" else _decode_cp1251(data)
    if _control_share(text) > 0.01:
        raise NotText("binary content (control characters), not text")
    letters = sum(ch.isalpha() for ch in text[:20000])
    if letters < 0.4 * len(text[:20000].strip() or " "):
        raise NotText(f"undecodable bytes: invalid UTF-8 at byte {utf8_error.start}, and too few letters to be {encoding} text")
    return Decoded(text, encoding.replace("_", "-"))


def _decode_cp1251(data: bytes) -> str:
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as e:  # 0x98 is the one byte cp1251 leaves undefined
        raise NotText(f"undecodable bytes: byte {e.start} (0x{data[e.start]:02x}) is not valid UTF-8 or cp1251") from e
