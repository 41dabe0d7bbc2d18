"""The explorer served on a free loopback port for the browser tests, in a thread of the test
process (so a test's store is the one the page reads)."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def live_server(db: Path) -> Iterator[str]:
    """The explorer of ``db`` at ``http://127.0.0.1:PORT/`` until the block ends."""
    import uvicorn

    from newsgraph.serve import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, allowed_hosts=["127.0.0.1", "localhost"]), host="127.0.0.1",
                                        port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        srv.should_exit = True
        thread.join(10)


#: Debian's Chromium, or None where it is not installed.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium through Playwright, skipping the test where either is missing."""
    if CHROMIUM is None:
        pytest.skip("no chromium binary (Debian: apt-get install chromium; scripts/setup.sh does it as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        try:
            yield b
        finally:
            b.close()


@contextmanager
def loopback_page(browser, server: str, locale: str = "uk-UA") -> Iterator:
    """A page that collects script errors in ``problems`` and lets no request leave ``server``."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale=locale)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.problems = []
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    try:
        yield pg
    finally:
        context.close()
