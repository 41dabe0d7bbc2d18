"""Fuzzing the readers: whatever the bytes, a bounded time, and only documents or Failures back.

Inputs are real-looking containers (a WARC.gz, a plain WARC, a JSONL export,
an RSS feed, an HTML page) with bytes flipped, inserted, deleted or cut, and
arbitrary bytes. Each example has a deadline, so a reader that backtracks,
loops or inflates without limit fails here; the examples are bounded so the
whole module runs in seconds. Beyond "no exception", two properties: JSONL
records come back exactly as written whatever characters they hold, and a
corrupt member of a WARC.gz never costs the pages in the other members.
"""
from __future__ import annotations

import gzip
import io
import json
import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import detect_format, read_bytes
from newsgraph.ingest.detect import FORMATS
from newsgraph.ingest.html import extract_html
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.warc import read_warc
from newsgraph.model import Failure, RawDocument, Source

#: NEWSGRAPH_FUZZ_EXAMPLES=5000 hunts deeper, with fresh random inputs; the suite replays a fixed 200.
_EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=_EXAMPLES or 200, deadline=timedelta(seconds=3), database=None, derandomize=not _EXAMPLES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(FUZZ, max_examples=_EXAMPLES or 60)


def _page(n: int) -> bytes:
    return (f"<html><head><title>Новина {n}</title></head><body><article><h1>Новина {n}</h1>"
            f"<p>Міська рада ухвалила рішення номер {n} про ремонт шкіл і лікарень у місті.</p>"
            f"<p>Про це повідомили у пресслужбі ради в четвер.</p></article></body></html>").encode()


def _warc_record(n: int) -> bytes:
    body = _page(n)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://rada.example.ua/%d\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (n, len(http))
            + http + b"\r\n\r\n")


MEMBERS = [gzip.compress(_warc_record(n), mtime=0) for n in range(3)]
SEEDS = {
    "warc.gz": b"".join(MEMBERS),
    "warc": b"".join(_warc_record(n) for n in range(3)),
    "jsonl": b"".join(json.dumps({"url": f"https://a.example/{n}", "text": f"Новина {n}\nТекст новини {n}."},
                                 ensure_ascii=False).encode() + b"\n" for n in range(3)),
    "rss": ("<?xml version='1.0' encoding='utf-8'?><!-- feed --><rss version='2.0'><channel><title>Новини</title>"
            + "".join(f"<item><title>Новина {n}</title><link>https://a.example/{n}</link>"
                      f"<description>Текст новини {n} про рішення ради.</description></item>" for n in range(3))
            + "</channel></rss>").encode(),
    "html": b"<!DOCTYPE html><!-- saved page -->" + _page(7),
}


@pytest.fixture(scope="module", autouse=True)
def warm():
    """The first extraction loads trafilatura's models; it must not count against a deadline."""
    extract_html(_page(0), source=Source())


@st.composite
def mutated(draw, seed: bytes | None = None):
    data = bytearray(seed if seed is not None else SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "cut", "splice"]))
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[at:at] = draw(st.sampled_from([b"\x00", b"\n", b"\r\n\r\n", b"WARC/1.0\r\n", b"\x1f\x8b\x08",
                                                b"<!--", b"{", b"[" * 50, b"\xff\xfe", b"\xe2\x80\xa8", b"\x1b[2J"]))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "cut":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(max_size=64))
    return bytes(data)


def _check(items) -> list:
    items = list(items)
    assert all(isinstance(x, (RawDocument, Failure)) for x in items)
    for x in items:
        if isinstance(x, Failure):
            assert x.reason and "\x1b" not in x.reason
    return items


@FUZZ
@given(st.one_of(st.binary(max_size=4096), mutated()))
def test_detect_format_always_answers(data):
    assert detect_format(data) in FORMATS + ("binary",)


@FUZZ
@given(mutated())
def test_read_bytes_never_raises(data):
    _check(read_bytes(data, Source(path="fuzz.bin")))


@FEW
@given(st.binary(max_size=2048))
def test_read_bytes_on_noise(data):
    _check(read_bytes(data, Source(path="noise.bin")))


@FUZZ
@given(st.sampled_from(["warc.gz", "warc"]).flatmap(lambda kind: mutated(SEEDS[kind])))
def test_read_warc_never_raises(data):
    _check(read_warc(io.BytesIO(data), Source(path="fuzz.warc")))


@FEW
@given(st.integers(0, 2), st.data())
def test_a_corrupt_member_never_costs_the_others(bad, data):
    member = bytearray(MEMBERS[bad])
    start = data.draw(st.integers(10, len(member) - 9))  # inside the deflate stream and its trailer
    garbage = data.draw(st.binary(min_size=1, max_size=40))
    member[start:start + len(garbage)] = garbage
    archive = b"".join(bytes(member) if n == bad else MEMBERS[n] for n in range(3))
    urls = {x.source.url for x in _check(read_warc(io.BytesIO(archive), Source(path="c.warc.gz")))
            if isinstance(x, RawDocument)}
    assert {f"https://rada.example.ua/{n}" for n in range(3) if n != bad} <= urls


@FUZZ
@given(st.lists(st.text(min_size=1, max_size=120), min_size=1, max_size=8), st.booleans())
def test_jsonl_records_come_back_as_written(texts, escaped):
    """U+2028, U+0085, form feeds, raw or escaped: a record is cut by b"\\n" only."""
    if not escaped:
        texts = [t.translate({c: None for c in range(0xD800, 0xE000)}) or "x" for t in texts]
    data = b"\n".join(json.dumps({"text": t}, ensure_ascii=escaped).encode() for t in texts) + b"\n"
    items = _check(read_jsonl(data, Source(path="f.jsonl")))
    assert len(items) == len(texts)
    for n, (text, item) in enumerate(zip(texts, items), start=1):
        assert item.source.record == f"line {n}"
        if isinstance(item, RawDocument):
            assert item.text == text.translate({c: 0xFFFD for c in range(0xD800, 0xE000)})
        else:
            assert not text.strip()


@FUZZ
@given(st.one_of(mutated(SEEDS["jsonl"]), st.binary(max_size=1024)))
def test_read_jsonl_never_raises(data):
    _check(read_jsonl(data, Source(path="f.jsonl")))
