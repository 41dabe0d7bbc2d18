"""What a hostile or careless user hands to ingest: every input a named Failure, the rest still read.

Each bad input is made here, in tmp_path, next to a good news text; the test
asserts the reason (naming the file and, for containers, the record) and that
the good file beside it was read. Inputs that used to hang (a FIFO, /dev/zero,
a gzip bomb) run under an alarm, so a regression fails instead of stalling
the suite.
"""
from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from newsgraph import ingest
from newsgraph.ingest import Unreadable, detect_format, iter_files, printable, read_bytes, read_path, read_paths
from newsgraph.ingest import jsonl as jsonl_module
from newsgraph.model import Failure, RawDocument, Source

GOOD = ("Уряд ухвалив нові правила бронювання\n"
        "Кабінет міністрів України ухвалив постанову, яка змінює порядок бронювання працівників "
        "критично важливих підприємств, повідомила пресслужба уряду.\n")
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds")


@pytest.fixture(autouse=True)
def alarm():
    """A reader that blocks or spins fails the test after 60 s rather than hanging the suite."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def fail(*_):
        raise TimeoutError("a reader ran past 60 s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _good(folder: Path, name: str = "good.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def _split(items):
    items = list(items)
    assert all(isinstance(x, (RawDocument, Failure)) for x in items)
    return [x for x in items if isinstance(x, RawDocument)], [x for x in items if isinstance(x, Failure)]


def _failure(failures, path_part: str, reason_part: str) -> Failure:
    hits = [f for f in failures if path_part in (f.source.path or "") and reason_part in f.reason]
    assert hits, f"no failure for {path_part!r} with {reason_part!r}: {[str(f) for f in failures]}"
    return hits[0]


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{body}</p><p>Про це повідомили в міській раді у четвер, 14 листопада.</p>"
            "</article></body></html>").encode("utf-8")


PAGES = [("https://misto.example.ua/news/1", "У Полтаві відкрили новий міст",
          "Міст через Ворсклу відкрили після двох років реконструкції, рух відновили для всіх."),
         ("https://misto.example.ua/news/2", "У Черкасах запрацював новий ЦНАП",
          "Центр надання адміністративних послуг прийматиме відвідувачів щодня з восьмої ранку."),
         ("https://misto.example.ua/news/3", "У Житомирі оновили трамвайну лінію",
          "Нові трамваї курсуватимуть маршрутом від вокзалу до центру міста кожні десять хвилин.")]


def _record(url: str | None, body: bytes, *, gz: bool, kind: str = "response", ctype: str = "text/html; charset=utf-8",
            http_extra: bytes = b"") -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n" + http_extra
            + b"Content-Length: %d\r\n\r\n" % len(body) + body)
    head = (b"WARC/1.0\r\nWARC-Type: " + kind.encode() + b"\r\n"
            + (b"WARC-Target-URI: " + url.encode() + b"\r\n" if url else b"")
            + b"WARC-Date: 2024-11-15T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:7f3c0e1a-0000-4000-8000-000000000001>\r\n"
            + b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http))
    record = head + http + b"\r\n\r\n"
    return gzip.compress(record, mtime=0) if gz else record


def _archive(gz: bool, pages=PAGES) -> list[bytes]:
    return [_record(url, _page(title, body), gz=gz) for url, title, body in pages]


def _warc_docs(data: bytes, name: str = "crawl.warc.gz"):
    return _split(read_bytes(data, Source(path=name)))


# --------------------------------------------------------------------------- #
# what is not a regular file


@POSIX
def test_fifo_in_a_folder_is_reported_not_waited_on(tmp_path):
    _good(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")  # no writer: opening it blocking would wait forever
    docs, failures = _split(read_paths([tmp_path]))
    assert [d.source.path for d in docs] == [str(tmp_path / "good.txt")]
    assert "FIFO" in _failure(failures, "pipe.txt", "not a regular file").reason


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_character_device_is_skipped_not_read_forever(tmp_path):
    good = _good(tmp_path)
    docs, failures = _split(read_paths(["/dev/zero", good]))
    assert len(docs) == 1 and docs[0].text == GOOD
    assert "character device" in _failure(failures, "/dev/zero", "not a regular file").reason


@POSIX
def test_socket_is_skipped(tmp_path):
    _good(tmp_path)
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.sock"))
        docs, failures = _split(read_paths([tmp_path]))
    finally:
        sock.close()
    assert len(docs) == 1
    _failure(failures, "s.sock", "socket")


# --------------------------------------------------------------------------- #
# paths that cannot be read


def test_missing_path_is_one_failure_among_the_others(tmp_path):
    good = _good(tmp_path)
    docs, failures = _split(read_paths([tmp_path / "gone.txt", good, tmp_path / "no-such-folder"]))
    assert len(docs) == 1
    _failure(failures, "gone.txt", "no such file")
    _failure(failures, "no-such-folder", "no such file")


@POSIX
def test_symlink_loops_and_folder_links_are_named_and_never_followed(tmp_path):
    folder = tmp_path / "in"
    _good(folder / "sub")
    os.symlink(folder / "b", folder / "a")
    os.symlink(folder / "a", folder / "b")  # a -> b -> a
    os.symlink(folder, folder / "sub" / "up")  # a folder linked to its own ancestor
    os.symlink(folder / "missing.txt", folder / "dangling")
    os.symlink(folder / "sub" / "good.txt", folder / "alias.txt")  # a link to a file is read
    paths = list(iter_files([folder]))
    # the CLI resolves every listed path: a loop must not raise there (it does on Path in Python 3.11)
    assert all(p.resolve() for p in paths)
    assert sorted(p.name for p in paths if isinstance(p, Unreadable)) == ["a", "b", "dangling", "up"]
    docs, failures = _split(read_paths([folder]))
    assert sorted(Path(d.source.path).name for d in docs) == ["alias.txt", "good.txt"]
    _failure(failures, str(folder / "a"), "symbolic link loop")
    _failure(failures, str(folder / "b"), "symbolic link loop")
    _failure(failures, "up", "symbolic link to a folder, not followed")
    _failure(failures, "dangling", "broken symbolic link")
    assert len(failures) == 4


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder / "a")
    _good(folder / "locked")
    _good(folder / "z")
    real = os.scandir

    def scandir(path):  # as a folder without the read bit answers (root may read anything)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, failures = _split(read_paths([folder]))
    assert [Path(d.source.path).parent.name for d in docs] == ["a", "z"]
    assert _failure(failures, "locked", "cannot read folder").reason == "cannot read folder: permission denied"


@POSIX
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any folder")
def test_folder_without_read_permission_is_reported(tmp_path):
    locked = tmp_path / "locked"
    _good(locked)
    _good(tmp_path)
    locked.chmod(0)
    try:
        docs, failures = _split(read_paths([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert len(docs) == 1
    _failure(failures, "locked", "permission denied")


def test_deeply_nested_folders_are_walked_without_recursion(tmp_path):
    deep = tmp_path
    for i in range(60):
        deep = deep / f"d{i}"
    _good(deep)
    docs, failures = _split(read_paths([tmp_path]))
    assert len(docs) == 1 and not failures


def test_order_is_files_first_then_sorted_subfolders_hidden_skipped(tmp_path):
    for rel in ["b.txt", "a/x.txt", "c/y.txt", ".hidden/z.txt", ".dot.txt"]:
        _good(tmp_path / Path(rel).parent, Path(rel).name)
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == ["b.txt", "a/x.txt", "c/y.txt"]


# --------------------------------------------------------------------------- #
# sizes after decompression


def test_warc_record_that_inflates_without_limit_is_skipped_cheaply(tmp_path):
    """A small gzip member declaring and holding 256 MB of zeros: reported, never inflated, the next page read."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    huge = 256 << 20
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [z.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
                        b"Content-Length: %d\r\n\r\n" % (huge + len(http)) + http)]
    zeros = bytes(1 << 20)
    parts += [z.compress(zeros) for _ in range(256)] + [z.flush()]
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(b"".join(parts) + _archive(gz=True)[0])
    assert path.stat().st_size < 1 << 20
    tracemalloc.start()
    started = time.monotonic()
    docs, failures = _split(read_path(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.monotonic() - started < 10
    assert peak < 64 << 20
    assert [d.source.url for d in docs] == [PAGES[0][0]]
    (bomb,) = failures
    assert bomb.source.record == "offset 0" and "WARC record too large" in bomb.reason


def test_warc_member_longer_than_its_record_is_not_inflated_either():
    """Content-Length small, but the member goes on with 256 MB of zeros after the record."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [z.compress(_record("https://bomb.example/", b"<html><body>x</body></html>", gz=False))]
    zeros = bytes(1 << 20)
    parts += [z.compress(zeros) for _ in range(256)] + [z.flush()]
    started = time.monotonic()
    docs, failures = _warc_docs(b"".join(parts) + _archive(gz=True)[1])
    assert time.monotonic() - started < 10
    assert PAGES[1][0] in [d.source.url for d in docs]
    assert any("no WARC header line" in f.reason or "Content-Length" in f.reason for f in failures)


def test_http_gzip_body_inside_a_warc_record_is_bounded():
    body = gzip.compress(b"<html><body>" + b" " * (50 << 20) + b"</body></html>")
    bomb = _record("https://bomb.example/page", body, gz=True, http_extra=b"Content-Encoding: gzip\r\n")
    docs, failures = _warc_docs(bomb + _archive(gz=True)[2])
    assert [d.source.url for d in docs] == [PAGES[2][0]]
    assert "record too large" in _failure(failures, "crawl", "too large").reason


def test_gzip_bomb_that_is_not_a_warc_is_refused_as_binary(tmp_path):
    path = tmp_path / "news.txt.gz"
    path.write_bytes(gzip.compress(bytes(200 << 20)))
    started = time.monotonic()
    docs, failures = _split(read_path(path))
    assert time.monotonic() - started < 5
    assert not docs and "gzip-compressed data" in failures[0].reason


def test_jsonl_line_over_the_record_limit_costs_that_line_only(monkeypatch):
    monkeypatch.setattr(jsonl_module, "MAX_RECORD_BYTES", 4096)
    lines = [json.dumps({"url": "https://a.example/1", "text": GOOD}, ensure_ascii=False),
             json.dumps({"url": "https://a.example/2", "text": "Б" * 10000}, ensure_ascii=False),
             json.dumps({"url": "https://a.example/3", "text": GOOD}, ensure_ascii=False)]
    docs, failures = _split(read_bytes("\n".join(lines).encode(), Source(path="export.jsonl")))
    assert [d.source.record for d in docs] == ["line 1", "line 3"]
    assert failures[0].source.record == "line 2" and "record too large" in failures[0].reason


def test_big_jsonl_file_is_streamed_line_by_line(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 64 * 1024)
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(400):
            f.write(json.dumps({"url": f"https://a.example/{i}", "text": f"Новина {i}\n{GOOD}"}, ensure_ascii=False) + "\n")
    assert path.stat().st_size > 64 * 1024
    docs, failures = _split(read_path(path))
    assert len(docs) == 400 and not failures
    assert docs[-1].source.record == "line 400"


def test_text_file_over_the_limit_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1 << 20)
    path = tmp_path / "dump.txt"
    path.write_bytes(GOOD.encode() * 20000)
    (f,) = read_path(path)
    assert isinstance(f, Failure) and f.reason.startswith("file too large for one document")


# --------------------------------------------------------------------------- #
# WARC record boundaries


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_corrupt_warc_record_is_skipped_and_the_next_one_read(gz):
    first, second, third = _archive(gz)
    if gz:
        broken = bytearray(second)
        broken[20:40] = b"\xff" * 20  # the deflate stream of the second member is garbage
        data = first + bytes(broken) + third
    else:
        data = first + b"WARC/1.0\r\nWARC-Type: response\r\nthis line has no colon\r\n\r\n" + second[:200] + third
    docs, failures = _warc_docs(data, "crawl.warc")
    assert [d.source.url for d in docs] == [PAGES[0][0], PAGES[2][0]]
    assert len(failures) == 1
    assert failures[0].source.record == f"offset {len(first)}"
    assert "corrupt" in failures[0].reason


def test_junk_between_gzip_members_is_one_failure():
    first, second, third = _archive(gz=True)
    docs, failures = _warc_docs(first + b"\x00garbage\x1f\x8b\x08 not a member" + second + third)
    assert [d.source.url for d in docs] == [u for u, _, _ in PAGES]
    assert len(failures) == 1 and failures[0].source.record == f"offset {len(first)}"


def test_truncated_warc_gz_always_says_so(monkeypatch):
    """Wherever a two-record archive is cut, something is reported, unless the cut falls between members."""
    # framing is under test, not extraction: a page is its raw bytes here (hundreds of cuts stay fast)
    monkeypatch.setattr("newsgraph.ingest.warc.extract_html",
                        lambda body, source: RawDocument(source=source, text=body if isinstance(body, str) else body.decode()))
    first, second = _archive(gz=True)[:2]
    data = first + second
    whole, _ = _warc_docs(data)
    for cut in range(3, len(data)):  # from the gzip magic on, the bytes are known to be gzip
        docs, failures = _warc_docs(data[:cut])
        if cut == len(first):
            assert len(docs) == 1 and not failures
            continue
        assert failures, f"nothing reported for a cut at byte {cut}"
        assert any("truncated" in f.reason for f in failures), (cut, failures)
        if cut > len(first):
            # a page is kept only whole: a cut past its declared bytes (in the trailer) leaves it read
            assert [d.text for d in docs] in ([whole[0].text], [d.text for d in whole]), cut


def test_truncated_plain_warc_always_says_so(monkeypatch):
    monkeypatch.setattr("newsgraph.ingest.warc.extract_html",
                        lambda body, source: RawDocument(source=source, text=body if isinstance(body, str) else body.decode()))
    first, second = _archive(gz=False)[:2]
    data = first + second
    for cut in range(len(first) + 1, len(data) - 4):  # the last 4 bytes are the record's closing CRLFs
        docs, failures = _warc_docs(data[:cut], "crawl.warc")
        assert len(docs) == 1 and len(failures) == 1, cut
        assert failures[0].source.record == f"offset {len(first)}" and "truncated" in failures[0].reason, cut


def test_truncated_plain_warc_names_the_missing_bytes():
    first, second = _archive(gz=False)[:2]
    docs, failures = _warc_docs(first + second[:-200], "crawl.warc")
    assert len(docs) == 1
    assert failures[0].source.record == f"offset {len(first)}"
    assert "declared bytes are missing" in failures[0].reason


def test_response_without_target_uri_is_read_without_a_url():
    body = _page(PAGES[0][1], PAGES[0][2])
    docs, failures = _warc_docs(_record(None, body, gz=True) + _archive(gz=True)[1])
    assert not failures
    assert [d.source.url for d in docs] == [None, PAGES[1][0]]
    assert docs[0].title == PAGES[0][1]


def test_warc_without_html_responses_says_what_it_holds():
    data = (_record("https://a.example/robots.txt", b"User-agent: *\n", gz=True, ctype="text/plain")
            + _record("https://a.example/", b"", gz=True, kind="request")
            + _record(None, b"software: test", gz=True, kind="warcinfo"))
    docs, (failure,) = _warc_docs(data)
    assert not docs
    assert "no HTML responses" in failure.reason and "2 response" not in failure.reason
    assert "warcinfo" in failure.reason and "request" in failure.reason


def test_terminal_escapes_in_a_corrupt_record_do_not_reach_the_reason():
    data = _archive(gz=False)[0] + b"\x1b]0;owned\x07\x1b[2J\x9b31m not a record\r\n"
    docs, failures = _warc_docs(data, "crawl.warc")
    assert len(docs) == 1
    reason = failures[0].reason
    assert "\x1b" not in reason and "\x07" not in reason and "\x9b" not in reason
    assert "\\x1b]0;owned" in reason


# --------------------------------------------------------------------------- #
# JSONL


def _jsonl(*records, raw: dict[int, bytes] | None = None) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in records]
    for i, line in (raw or {}).items():
        lines.insert(i, line)
    return b"\n".join(lines) + b"\n"


def test_jsonl_with_a_first_record_over_8_kb_is_read_as_jsonl(tmp_path):
    long_text = "Бюджет міста на 2025 рік\n" + "Депутати обговорили видатки на освіту і медицину. " * 400
    path = tmp_path / "export.txt"
    path.write_bytes(_jsonl({"url": "https://a.example/1", "text": long_text}, {"url": "https://a.example/2", "text": GOOD}))
    assert len(path.read_bytes().split(b"\n")[0]) > 8192
    assert detect_format(path.read_bytes()[:8192]) == "jsonl"
    docs, failures = _split(read_path(path))
    assert not failures and [d.text for d in docs] == [long_text, GOOD]


def test_unicode_line_separators_stay_inside_records_and_lines_are_numbered_by_newline():
    text = "Заголовок\u2028з роздільником\nАбзац\u0085з NEL і\x0cрозривом сторінки, повідомили в раді."
    data = _jsonl({"url": "https://a.example/1", "text": text}, {"text": GOOD}, {"text": GOOD})
    docs, failures = _split(read_bytes(data, Source(path="e.jsonl")))
    assert not failures
    assert docs[0].text == text
    assert [d.source.record for d in docs] == ["line 1", "line 2", "line 3"]


def test_utf16_and_crlf_exports_are_split_into_the_same_records():
    text = "Заголовок\u2028рядок\nАбзац новини, повідомили в раді."
    lines = [json.dumps({"text": text}, ensure_ascii=False), json.dumps({"text": GOOD}, ensure_ascii=False)]
    for data in ("\n".join(lines).encode("utf-16"), "\r\n".join(lines).encode("utf-8")):
        docs, failures = _split(read_bytes(data, Source(path="e.jsonl")))
        assert not failures and [d.text for d in docs] == [text, GOOD]
        assert [d.source.record for d in docs] == ["line 1", "line 2"]


def test_nul_byte_rejects_its_line_only():
    data = _jsonl({"text": GOOD}, {"text": GOOD}, raw={1: b'{"text": "\x00\x00 broken"}'})
    docs, failures = _split(read_bytes(data, Source(path="e.jsonl")))
    assert [d.source.record for d in docs] == ["line 1", "line 3"]
    assert failures[0].source.record == "line 2" and "invalid JSON" in failures[0].reason


def test_deeply_nested_json_is_a_failure_not_a_recursion_error():
    nested = b'{"text": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    data = _jsonl({"text": GOOD}, {"text": GOOD}, raw={1: nested})
    docs, failures = _split(read_bytes(data, Source(path="e.jsonl")))
    assert [d.source.record for d in docs] == ["line 1", "line 3"]
    assert failures[0].source.record == "line 2" and "nested too deeply" in failures[0].reason


def test_lone_surrogate_is_made_storable():
    data = b'{"url": "https://a.example/\\udc00", "title": "\\ud800", "text": "' + GOOD.replace("\n", "\\n").encode() + b'\\ud83d"}\n'
    (doc,) = read_bytes(data, Source(path="e.jsonl"))
    assert isinstance(doc, RawDocument)
    doc.text.encode("utf-8")  # would raise UnicodeEncodeError in the store
    assert doc.text.endswith("\ufffd") and doc.title == "\ufffd" and doc.source.url.endswith("\ufffd")


def test_odd_lines_cost_only_themselves():
    data = _jsonl({"text": GOOD}, raw={0: b"[1, 2, 3]", 1: b'{"text": "\xff\xfe\x00"}', 2: b'{"title": ["a"], "text": 5}',
                                       3: b"\r", 4: b'{"text": "' + "й".encode() * 3 + b'", "url": "http://[::1"}'})
    docs, failures = _split(read_bytes(data, Source(path="e.jsonl")))
    assert [(f.source.record, f.reason.split(":")[0]) for f in failures] == [
        ("line 1", "a JSONL record must be an object with 'text' or 'html'"),
        ("line 2", "not UTF-8 text"),
        ("line 3", "record has neither a 'text' nor an 'html' string field")]
    assert [d.source.record for d in docs] == ["line 5", "line 6"]


# --------------------------------------------------------------------------- #
# detection


def test_html_behind_a_long_comment_and_a_doctype_is_html(tmp_path):
    page = (b"\xef\xbb\xbf  <!-- " + b"licence text " * 4000 + b"-->\n<!DOCTYPE html>\n<!-- build 42 -->"
            + _page(PAGES[0][1], PAGES[0][2]))
    assert detect_format(page) == "html"
    path = tmp_path / "page.txt"
    path.write_bytes(page)
    (doc,) = read_path(path)
    assert isinstance(doc, RawDocument) and doc.title == PAGES[0][1] and "<" not in doc.text


def test_rss_behind_a_dtd_with_an_internal_subset_is_a_feed():
    entities = "".join(f'<!ENTITY e{i} "<b>{i}</b>">' for i in range(600))
    feed = (f'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- generated -->\n'
            f'<!DOCTYPE rss [ {entities} ]>\n<rss version="2.0"><channel><title>Новини</title>'
            f'<item><title>{PAGES[0][1]}</title><link>{PAGES[0][0]}</link><description>{PAGES[0][2]}</description></item>'
            f'</channel></rss>').encode()
    assert len(feed) > 8192
    assert detect_format(feed) == "feed"
    docs, failures = _split(read_bytes(feed, Source(path="news.xml")))
    assert [d.source.url for d in docs] == [PAGES[0][0]] and not failures


@pytest.mark.parametrize("data, fmt", [
    ("<html><body><p>Текст</p></body></html>".encode("utf-16"), "html"),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "feed"),
    (b"<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'></atom:feed>", "feed"),
    (b"{not json at all} said the headline\nand then plain text", "text"),
    (b'{"text": "unterminated first line of a big export', "jsonl"),
    (b"<!-- never closed " + b"x" * 100, "html"),
    ("Звичайний текст новини з <b>жирним</b> словом.".encode(), "text"),
])
def test_detection_reads_structure(data, fmt):
    assert detect_format(data) == fmt


def test_bad_first_jsonl_line_does_not_turn_the_file_into_text():
    data = b'{"text": "broken\n' + _jsonl({"text": GOOD})
    assert detect_format(data) == "jsonl"
    docs, failures = _split(read_bytes(data, Source(path="e.jsonl")))
    assert len(docs) == 1 and failures[0].source.record == "line 1"


# --------------------------------------------------------------------------- #
# escaping for the terminal


def test_printable_escapes_controls_but_keeps_newlines_tabs_and_letters():
    assert printable("a\x1b[31mb\x07\x9bc\u202ed\tе\nф") == "a\\x1b[31mb\\x07\\x9bc\\u202ed\tе\nф"
    name = os.fsdecode(b"caf\xe9\x1b.txt")  # a cp1252 byte under surrogateescape, then ESC
    assert printable(name) == "caf\\xe9\\x1b.txt"
    printable(name).encode("utf-8")


@POSIX
def test_broken_link_named_with_escapes_gives_a_printable_reason(tmp_path):
    os.symlink("\x1b[2J\udcff", tmp_path / "link")
    (failure,) = read_paths([tmp_path])
    assert "\x1b" not in failure.reason and "\\x1b[2J\\xff" in failure.reason


# --------------------------------------------------------------------------- #
# end to end: the store keeps every good document beside the bad ones


def test_store_ingest_keeps_good_documents_beside_hostile_inputs(tmp_path):
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store

    folder = tmp_path / "in"
    _good(folder, "a_good.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "b_pipe")
    first, _, third = _archive(gz=True)
    broken = bytearray(_archive(gz=True)[1])
    broken[20:40] = b"\xff" * 20
    (folder / "c_crawl.warc.gz").write_bytes(first + bytes(broken) + third)
    nested = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    (folder / "d_export.jsonl").write_bytes(
        _jsonl({"url": "https://a.example/1", "text": "Новина з U+2028\u2028всередині\n" + GOOD}, raw={1: nested}))
    with Store(tmp_path / "n.db") as store:
        report = store.ingest(read_paths([folder, tmp_path / "missing.txt"]), Pipeline())
    reasons = sorted(f.source.describe() + ": " + f.reason for f in report.failures)
    assert len(report.stored) == 4, reasons  # the text, two WARC pages, the JSONL record
    expected = ["c_crawl.warc.gz (offset", "d_export.jsonl (line 2): invalid JSON: nested too deeply", "missing.txt: no such file"]
    if hasattr(os, "mkfifo"):
        expected.append("b_pipe: not a regular file (a FIFO)")
    for part in expected:
        assert any(part in r for r in reasons), (part, reasons)
    assert len(report.failures) == len(expected)


def test_cli_ingest_takes_a_missing_path_as_one_failure(tmp_path):
    """`newsgraph ingest` no longer refuses the whole run when one of its paths is gone."""
    import sqlite3

    from click.testing import CliRunner

    from newsgraph.cli import main

    good = _good(tmp_path)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "gone.txt"), str(good), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1, result.output  # a failure was listed
    assert "gone.txt" in result.output and "no such file" in result.output
    assert sqlite3.connect(tmp_path / "n.db").execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_standard_input_is_passed_through_the_folder_walk():
    assert [str(p) for p in iter_files(["-"])] == ["-"]


@pytest.mark.parametrize("delta", [+300, +40])
def test_content_length_running_into_the_next_record_costs_that_record_only(delta):
    first, second, third = _archive(gz=False)
    head, _, rest = second.partition(b"Content-Type: application/http; msgtype=response\r\nContent-Length: ")
    length, _, tail = rest.partition(b"\r\n")
    lying = head + b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n" % (int(length) + delta) + tail
    docs, failures = _warc_docs(first + lying + third, "crawl.warc")
    assert [d.source.url for d in docs] == [PAGES[0][0], PAGES[2][0]]
    (failure,) = failures
    assert failure.source.record == f"offset {len(first)}" and "Content-Length" in failure.reason
