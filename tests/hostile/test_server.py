"""The server against hostile and careless clients: silent and slow connections, absurd pagination,
oversized requests, LIKE wildcards in names, and exports too large to hold in memory.

The store is written straight with SQL (documents, entities, aliases, one event), so the suite needs
no pipeline and runs in seconds; the connection tests talk to a real uvicorn server on a free port,
configured exactly as ``newsgraph serve`` configures it but with one-second deadlines.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")
uvicorn = pytest.importorskip("uvicorn")
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.serve import app as app_module  # noqa: E402
from newsgraph.serve import create_app, exports, server  # noqa: E402
from newsgraph.store import Store  # noqa: E402

SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")
DOCS = 240
TOKEN = "t0ken"


def _fill(path: Path) -> None:
    with Store(path) as s:
        s.db.execute("BEGIN")
        body = "Рядок новини про допомогу. " * 200  # ~5 KB: an export of them spans many chunks
        for k in range(DOCS):
            s.db.execute("INSERT INTO documents (id, source_format, language, title, published, text) "
                         "VALUES (?, 'text', 'uk', ?, ?, ?)",
                         (f"doc{k:05d}", f"Новина {k}", f"2024-01-{1 + k % 28:02d}", body))
        for eid, etype, name in (("org:alpha", "ORG", "Alpha Beta"), ("misc:club", "MISC", "100% Club"),
                                 ("per:omega", "PER", "Omega Zed")):
            s.db.execute("INSERT INTO entities (id, type, name, names) VALUES (?, ?, ?, '{}')", (eid, etype, name))
            s.db.execute("INSERT INTO aliases (entity_id, alias) VALUES (?, ?)", (eid, name))
            s.db.execute("INSERT INTO mentions (doc_id, entity_id, start, \"end\", text) VALUES ('doc00001', ?, 0, 5, ?)",
                         (eid, name))
        cur = s.db.execute("INSERT INTO events (doc_id, type, evidence_start, evidence_end) VALUES ('doc00001', 'AID', 0, 20)")
        s.db.execute("INSERT INTO event_participants VALUES (?, 'org:alpha', 'actor'), (?, 'per:omega', 'recipient')",
                     (cur.lastrowid, cur.lastrowid))
        s.db.execute("COMMIT")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile_server") / "store.db"
    _fill(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), raise_server_exceptions=False)


@contextlib.contextmanager
def _serving(db: Path, **options):
    """A real uvicorn server (the ``newsgraph serve`` protocol and options) in a thread."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = {"head_timeout": 1.0, "body_timeout": 1.0, "write_timeout": 2.0, "keep_alive": 1, **options}
    srv = uvicorn.Server(server.config(create_app(db, token=TOKEN), "127.0.0.1", port, **options))
    thread = threading.Thread(target=lambda: asyncio.run(srv.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield port
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def live(db):
    with _serving(db) as port:
        yield port


def _raw(port: int, data: bytes, wait: float = 3.0) -> bytes:
    """What the server answers to ``data`` sent on a fresh connection, until it closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(data)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except TimeoutError:
            pass
        return out


def _headers(raw: bytes) -> tuple[int, dict[str, str]]:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    return int(head[0].split()[1]), {k.lower(): v.strip() for k, v in (h.split(":", 1) for h in head[1:])}


# -- connections -------------------------------------------------------------

def test_idle_connections_do_not_block_another_client(live):
    idle = [socket.create_connection(("127.0.0.1", live)) for _ in range(100)]
    try:
        t0 = time.monotonic()
        answer = httpx.get(f"http://127.0.0.1:{live}/api/stats", timeout=5)
        assert answer.status_code == 200 and time.monotonic() - t0 < 3
        assert all(h in answer.headers for h in SECURITY)
        # the silent ones are closed once the head deadline passes (recv answers b"" on a closed socket)
        for s in idle:
            s.settimeout(5)
        assert all(s.recv(1) == b"" for s in idle)
    finally:
        for s in idle:
            s.close()


def test_a_slow_request_head_gets_408(live):
    t0 = time.monotonic()
    raw = _raw(live, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    status, headers = _headers(raw)
    assert status == 408 and time.monotonic() - t0 < 2.5
    assert all(h in headers for h in SECURITY)


def test_a_slow_body_gets_408(live):
    head = (f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Content-Length: 1000\r\n\r\n").encode()
    status, headers = _headers(_raw(live, head + b"only a little"))
    assert status == 408 and all(h in headers for h in SECURITY)


def test_a_malformed_head_gets_400_with_headers(live):
    status, headers = _headers(_raw(live, b"GET /api/stats HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"))
    assert status == 400 and all(h in headers for h in SECURITY)
    status, headers = _headers(_raw(live, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                                    + b"a" * 40_000 + b"\r\n\r\n"))
    assert status in (400, 431) and all(h in headers for h in SECURITY)


def test_an_export_streams_in_chunks(live):
    with httpx.stream("GET", f"http://127.0.0.1:{live}/api/export/documents.jsonl?limit=10000", timeout=30) as r:
        assert r.status_code == 200 and r.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in r.headers and all(h in r.headers for h in SECURITY)
        lines = [json.loads(line) for line in r.iter_lines() if line]
    assert len(lines) == DOCS and "text" in lines[0]


# -- validation and headers ---------------------------------------------------

@pytest.mark.parametrize("url", ["/api/documents", "/api/entities", "/api/quotes", "/api/events", "/api/graph",
                                 "/api/search?q=новина", "/api/export/events.jsonl", "/api/export/documents.csv"])
@pytest.mark.parametrize("bad", ["offset=9223372036854775808", "offset=99999999999999999999999", "offset=-1",
                                 "limit=0", "limit=1000000", "limit=abc", "offset=1e3"])
def test_bad_pagination_is_422_with_a_reason(client, url, bad):
    r = client.get(url + ("&" if "?" in url else "?") + bad)
    assert r.status_code == 422, (url, bad, r.status_code)
    assert any(e["loc"][-1] in ("limit", "offset") for e in r.json()["detail"])
    assert all(h in r.headers for h in SECURITY)


def test_the_largest_offset_allowed_answers_an_empty_page(client):
    r = client.get("/api/documents", params={"offset": app_module.MAX_OFFSET})
    assert r.status_code == 200 and r.json()["items"] == []
    r = client.get("/api/export/entities.jsonl", params={"offset": app_module.MAX_OFFSET})
    assert r.status_code == 200 and r.text == ""


def test_every_error_carries_the_security_headers(db):
    app = create_app(db, token=TOKEN, max_body=1000)

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    c = TestClient(app, raise_server_exceptions=False)
    answers = {
        413: c.post("/api/documents", content=b"x" * 2000, headers={"Authorization": f"Bearer {TOKEN}"}),
        414: c.get("/api/search", params={"q": "а" * 5000}),
        "414 path": c.get("/api/documents/" + "a" * 5000),
        404: c.get("/no/such/page"),
        "404 doc": c.get("/api/documents/nothing-here"),
        422: c.get("/api/graph", params={"window": "fortnight"}),
        405: c.put("/api/stats"),
        500: c.get("/boom"),
    }
    for what, r in answers.items():
        assert r.status_code == int(str(what).split()[0]), (what, r.status_code)
        missing = [h for h in SECURITY if h not in r.headers]
        assert not missing, (what, missing)
    assert "a bug" not in answers[500].text


def test_too_many_requests_in_progress_get_503_with_headers(db):
    app = create_app(db)
    limits = app.build_middleware_stack()
    while not isinstance(limits, app_module.Limits):
        limits = limits.app
    limits.active = limits.max_active  # as if that many were being answered
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    asyncio.run(limits({"type": "http", "method": "GET", "path": "/api/stats", "query_string": b"",
                        "headers": []}, receive, send))
    start = sent[0]
    names = {k.decode() for k, _ in start["headers"]}
    assert start["status"] == 503 and "retry-after" in names and set(SECURITY) <= names


# -- LIKE wildcards ----------------------------------------------------------

@pytest.mark.parametrize("ref", ["%", "_", "%%", "%a%", "Alph_", "Al%", "_lpha Beta", "%lub", "Omeg%", "O_ega Zed"])
def test_wildcards_are_literal_in_entity_lookups(client, ref):
    assert client.get("/api/entities", params={"q": ref}).json()["items"] == [], ref
    r = client.get("/api/entities/" + ref.replace("%", "%25"))
    assert r.status_code == 404, (ref, r.status_code)
    # a wildcard matches no entity, so the filters refuse it as an unknown name (not "every name")
    for path, param in (("/api/events", "actor"), ("/api/graph", "entity")):
        r = client.get(path, params={param: ref})
        assert r.status_code == 422 and "no entity named" in r.json()["detail"], (path, ref, r.status_code)


def test_names_with_wildcard_characters_still_match_themselves(client):
    found = client.get("/api/entities", params={"q": "Alpha Beta"}).json()["items"]
    assert [e["id"] for e in found] == ["org:alpha"]
    assert client.get("/api/entities/100% Club".replace("%", "%25")).json()["id"] == "misc:club"


# -- streaming exports ---------------------------------------------------------

def test_export_yields_before_it_fetches_all_rows(db, monkeypatch):
    """The first chunk goes out after a few steps of rows; while the client has not taken it, no
    more rows are read (the response waits on the send), and the snapshot closes at the end."""
    fetched: list[int] = []
    real = app_module.queries.documents

    def counting(*args, **kwargs):
        out = real(*args, **kwargs)
        fetched.append(len(out["items"]))
        return out

    monkeypatch.setattr(app_module.queries, "documents", counting)
    closed = []
    real_close = exports.Snapshot.close
    monkeypatch.setattr(exports.Snapshot, "close", lambda self: (closed.append(1), real_close(self)))
    app = create_app(db)

    async def run() -> tuple[int, list[bytes]]:
        release = asyncio.Event()
        first = asyncio.Event()
        bodies: list[bytes] = []
        at_first = 0

        async def send(message):
            nonlocal at_first
            if message["type"] == "http.response.body":
                bodies.append(message.get("body", b""))
                if len(bodies) == 1:
                    at_first = sum(fetched)
                    first.set()
                    await release.wait()

        async def receive():
            await asyncio.sleep(3600)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": "/api/export/documents.jsonl", "raw_path": b"/api/export/documents.jsonl",
                 "query_string": b"limit=10000", "headers": [(b"host", b"testserver")], "server": ("t", 80),
                 "client": ("c", 1), "root_path": ""}
        task = asyncio.create_task(app(scope, receive, send))
        await asyncio.wait_for(first.wait(), 20)
        await asyncio.sleep(0.3)  # time in which an eager export would read everything
        held = sum(fetched)
        assert held == at_first, "rows were read while the first chunk was not yet taken"
        release.set()
        await asyncio.wait_for(task, 30)
        return held, bodies

    held, bodies = asyncio.run(run())
    text = b"".join(bodies).decode()
    assert len(text.splitlines()) == DOCS
    assert held < DOCS // 2, held
    assert max(fetched) <= 25  # whole documents are read a few at a time
    assert closed


# -- the answer cache -----------------------------------------------------------

def test_kept_answers_are_dropped_when_the_store_changes(tmp_path):
    path = tmp_path / "cache.db"
    _fill(path)
    c = TestClient(create_app(path))
    before = c.get("/api/stats").json()
    assert c.get("/api/stats").json() == before  # kept
    assert "org:new" not in {e["id"] for e in c.get("/api/entities").json()["items"]}
    with Store(path) as other:  # another connection, as `newsgraph ingest` or an upload writes
        other.db.execute("INSERT INTO documents (id, source_format, text) VALUES ('late', 'text', 'x')")
        other.db.execute("INSERT INTO entities (id, type, name) VALUES ('org:new', 'ORG', 'New Org')")
    assert c.get("/api/stats").json()["documents"] == before["documents"] + 1
    assert "org:new" in {e["id"] for e in c.get("/api/entities").json()["items"]}
    r = c.get("/api/stats")
    assert all(h in r.headers for h in SECURITY)  # a kept answer gets the headers too


def test_concurrent_requests_for_one_answer_compute_it_once(db, monkeypatch):
    calls = []
    real = app_module.queries.stats

    def slow(*args, **kwargs):
        calls.append(1)
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module.queries, "stats", slow)
    app = create_app(db)

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as ac:
            return await asyncio.gather(*(ac.get("/api/stats") for _ in range(10)))

    answers = asyncio.run(run())
    assert all(r.status_code == 200 for r in answers) and len({r.text for r in answers}) == 1
    assert len(calls) == 1


def test_a_response_left_unread_is_dropped(tmp_path):
    """A client that asks for a large export and never reads it holds the connection only until the
    write deadline (two seconds here), not for as long as it likes."""
    path = tmp_path / "big.db"
    with Store(path) as s:
        s.db.execute("BEGIN")
        body = "Довгий текст новини. " * 1000  # ~40 KB of JSON a document: 40 MB in all
        s.db.executemany("INSERT INTO documents (id, source_format, text) VALUES (?, 'text', ?)",
                         [(f"big{k:04d}", body) for k in range(1000)])
        s.db.execute("COMMIT")
    closed = []
    real_close = exports.Snapshot.close
    exports.Snapshot.close = lambda self: (closed.append(1), real_close(self))
    try:
        with _serving(path) as port:
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect(("127.0.0.1", port))
            try:
                sock.sendall(b"GET /api/export/documents.jsonl?limit=10000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                deadline = time.monotonic() + 15
                while not closed and time.monotonic() < deadline:
                    time.sleep(0.1)
                assert closed, "the export went on for a client that reads nothing"
                sock.settimeout(5)
                got = 0
                try:
                    while chunk := sock.recv(1 << 20):
                        got += len(chunk)
                except ConnectionResetError:
                    pass
                assert got < 20_000_000  # cut off long before the end
            finally:
                sock.close()
    finally:
        exports.Snapshot.close = real_close
