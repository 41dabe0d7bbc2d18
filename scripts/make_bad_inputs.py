#!/usr/bin/env python3
"""Regenerate the bad-input fixtures in ``tests/data/bad/``.

Each file must be rejected (or, for the partial ones, partly read) by the
ingest stage with a recorded reason, without stopping a batch:

* ``empty.txt``          0 bytes
* ``blank.txt``          only spaces, tabs and newlines
* ``image.png``          a real (tiny, valid) PNG image
* ``broken.html``        HTML cut off in the middle of a tag, with a little text
* ``truncated.warc.gz``  gzipped WARC of two response records, cut in the middle
                         of the second record (the first record is readable)
* ``undecodable.txt``    high bytes mixed with NUL/control bytes: not text in
                         any encoding (not even valid UTF-8/UTF-16/UTF-32)
* ``bad.jsonl``          good line, invalid JSON line, JSON without text/html,
                         good line

Deterministic: fixed seed, fixed dates and WARC-Record-IDs.  The 50 MB
"too large" input is *not* stored here; tests generate it at runtime.

Usage: python scripts/make_bad_inputs.py [--check]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import struct
import sys
import uuid
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "data" / "bad"


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + bytes([0xCC, 0x22, 0x11]) * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


BROKEN_HTML = (
    "<!DOCTYPE html>\n<html lang=\"uk\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>Уряд ухвалив нові правила бронювання</title>\n</head>\n<body>\n"
    "<nav><a href=\"/\">Головна</a> <a href=\"/news/\">Новини</a></nav>\n"
    "<article>\n<h1>Уряд ухвалив нові правила бронювання</h1>\n"
    "<p>Кабінет міністрів України ухвалив постанову, яка змінює порядок "
    "бронювання працівників критично важливих підприємств.</p>\n"
    "<p>Про це повідомила пресслужба уряду. Нові правила набудуть чинності "
    "з 1 грудня.</p>\n<p class=\"quote\">«Ми спрощуємо процедуру для енерге"
    "тичних компаній», — зазначив міністр <a href=\"/persons/ivan-te"
)  # cut inside an attribute value of an unclosed <a> tag


def truncated_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    offsets = []
    pages = [
        ("https://www.novyny-regionu.com.ua/news/2024/11/15/first",
         "<html><head><meta charset=\"utf-8\"><title>Перша новина</title></head><body>"
         "<h1>У Полтаві відкрили новий міст</h1><p>Міст через Ворсклу відкрили "
         "після двох років реконструкції, повідомили в міській раді.</p></body></html>"),
        ("https://www.novyny-regionu.com.ua/news/2024/11/15/second",
         "<html><head><meta charset=\"utf-8\"><title>Друга новина</title></head><body>"
         "<h1>У Черкасах запрацював новий ЦНАП</h1>"
         + "".join("<p>Пункт %d: центр надання адміністративних послуг у мікрорайоні %d "
                   "прийматиме відвідувачів щодня з %d:00 до %d:00.</p>" % (k, k * 7 % 13, 7 + k % 3, 18 + k % 4)
                   for k in range(1, 13))
         + "</body></html>"),
    ]
    for i, (url, body) in enumerate(pages):
        data = body.encode("utf-8")
        http = StatusAndHeaders("200 OK", [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(data))),
        ], protocol="HTTP/1.1")
        offsets.append(buf.tell())
        w.write_record(w.create_warc_record(
            url, "response", payload=io.BytesIO(data), http_headers=http,
            warc_headers_dict={
                "WARC-Record-ID": "<urn:uuid:%s>" % uuid.uuid5(
                    uuid.NAMESPACE_URL, "newsgraph-bad:truncated:%d" % i),
                "WARC-Date": "2024-11-15T08:00:0%dZ" % i,
            }))
    whole = buf.getvalue()
    member = whole[offsets[1]:]
    full = len(zlib.decompressobj(31).decompress(member))
    # cut the compressed second member where about half of the record (its
    # WARC and HTTP headers and part of the HTML body) can still be inflated
    for cut in range(1, len(member)):
        if len(zlib.decompressobj(31).decompress(member[:cut])) >= full // 2:
            break
    return whole[:offsets[1] + cut]


def undecodable() -> bytes:
    rng = random.Random(20241114)
    out = bytearray()
    controls = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
                0x0E, 0x0F, 0x10, 0x11, 0x12, 0x14, 0x16, 0x18, 0x19, 0x1B, 0x1F, 0x7F]
    while len(out) < 1200:
        # lone UTF-16 surrogates in both byte orders at even offsets, so neither
        # utf-16-le nor utf-16-be can decode the file
        if len(out) % 2:
            out.append(0x00)
        out += b"\x00\xd8\x00\x00" if rng.random() < 0.5 else b"\xd8\x00\x00\x00"
        for _ in range(rng.randint(4, 12)):
            out.append(rng.choice(controls) if rng.random() < 0.5 else rng.randint(0x80, 0xFF))
    out.append(0xFF)  # odd length: also truncated for any 2/4-byte encoding
    if len(out) % 2 == 0:
        out.append(0x00)
    return bytes(out)


def bad_jsonl() -> bytes:
    good1 = {"url": "https://example.com/uk/1",
             "text": "Уряд виділив 2 млрд гривень на відновлення шкіл.\n"
                     "Про це повідомив міністр освіти."}
    meta_only = {"url": "https://example.com/ru/3", "title": "Без текста",
                 "published": "2024-11-14T10:00:00+02:00"}
    good2 = {"url": "https://example.com/en/4",
             "text": "Poland reopened two border crossings with Ukraine on Thursday."}
    lines = [
        json.dumps(good1, ensure_ascii=False),
        '{"url": "https://example.com/broken/2", "text": "Незакрита лапка}',
        json.dumps(meta_only, ensure_ascii=False),
        json.dumps(good2, ensure_ascii=False),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def build() -> dict[str, bytes]:
    return {
        "empty.txt": b"",
        "blank.txt": b"   \n\n\t  \r\n \n\n",
        "image.png": tiny_png(),
        "broken.html": BROKEN_HTML.encode("utf-8"),
        "truncated.warc.gz": truncated_warc(),
        "undecodable.txt": undecodable(),
        "bad.jsonl": bad_jsonl(),
    }


def verify(files: dict[str, bytes]) -> None:
    u = files["undecodable.txt"]
    for enc in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        try:
            u.decode(enc)
        except UnicodeDecodeError:
            pass
        else:
            raise AssertionError("undecodable.txt decodes as " + enc)
    assert sum(b < 0x20 and b not in (9, 10, 13) for b in u) > len(u) // 4

    from warcio.archiveiterator import ArchiveIterator
    got = []
    try:
        for rec in ArchiveIterator(io.BytesIO(files["truncated.warc.gz"])):
            got.append(rec.content_stream().read())
    except Exception:  # noqa: BLE001 - expected: the stream is cut
        pass
    assert got and got[0].startswith(b"<html>"), "first record must be readable"
    assert len(got) < 2 or b"</html>" not in got[1], "second record must be truncated"

    lines = files["bad.jsonl"].decode("utf-8").splitlines()
    ok = 0
    for line in lines:
        try:
            ok += bool(set(json.loads(line)) & {"text", "html"})
        except json.JSONDecodeError:
            pass
    assert len(lines) == 4 and ok == 2
    assert files["image.png"].startswith(b"\x89PNG\r\n\x1a\n")
    assert not files["blank.txt"].strip() and files["blank.txt"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="regenerate tests/data/bad/")
    ap.add_argument("--check", action="store_true", help="only compare with files on disk")
    args = ap.parse_args(argv)
    files = build()
    verify(files)
    if args.check:
        stale = [n for n, d in files.items()
                 if not (BAD / n).exists() or (BAD / n).read_bytes() != d]
        if stale:
            print("out of date:", ", ".join(stale))
            return 1
        print("bad inputs are up to date")
        return 0
    BAD.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (BAD / name).write_bytes(data)
        print("wrote", (BAD / name).relative_to(ROOT), "(%d bytes)" % len(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
