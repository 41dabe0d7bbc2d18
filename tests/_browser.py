"""The explorer served on a free loopback port for the browser tests, in a thread of the test
process (so a test's store is the one the page reads)."""
from __future__ import annotations

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
