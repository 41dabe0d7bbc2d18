"""Running the application under uvicorn so that idle, slow and greedy clients cannot starve the others.

uvicorn's ``limit_concurrency`` counts open connections, so a few dozen silent sockets made every
other client get 503; and its h11 protocol arms no timer until a first response is sent, so a
connection that never completes its request head (slowloris) or its body is held forever. Here
open connections cost nothing but a file descriptor and a timer:

- the request head must arrive within ``head_timeout`` seconds of the connection (or of the first
  byte of the next request on a kept-alive one), the body within ``body_timeout`` of the head;
  otherwise the client gets 408 and the connection is closed;
- a response the client leaves unread for ``write_timeout`` seconds is dropped (the connection is
  aborted, which also stops a streaming export);
- an idle keep-alive connection is closed after ``keep_alive`` seconds (uvicorn's own timer);
- past ``max_connections`` open connections the one idle longest is closed to make room;
- requests in progress are bounded by :class:`newsgraph.serve.app.Limits` (``max_active``), which
  answers 503 with ``Retry-After`` and the security headers instead of queueing without end.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_TIMEOUT = 10.0
BODY_TIMEOUT = 60.0
WRITE_TIMEOUT = 60.0
KEEP_ALIVE = 5
MAX_CONNECTIONS = 2048
#: h11 refuses (400) a request head larger than this
MAX_HEAD = 16 * 1024


def raw_response(status: int, reason: str, text: str) -> bytes:
    """A complete HTTP/1.1 response written straight to the socket, for the moments h11 cannot
    send one (no request head yet) or the application is still waiting for the body; it carries
    the same security headers as every other answer."""
    from .app import security_headers

    body = ('{"detail": "%s"}' % text).encode()
    head = [f"HTTP/1.1 {status} {reason}".encode(), b"content-type: application/json",
            b"content-length: " + str(len(body)).encode(), b"connection: close"]
    head += [k + b": " + v for k, v in security_headers()]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with deadlines for the request head, the body and unread responses."""

    head_timeout: float = HEAD_TIMEOUT
    body_timeout: float = BODY_TIMEOUT
    write_timeout: float = WRITE_TIMEOUT
    max_connections: int = MAX_CONNECTIONS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_for: str | None = None  # "head" or "body" while a deadline is armed
        self._write_deadline: asyncio.TimerHandle | None = None
        self.last_active = time.monotonic()

    # -- connection life ---------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm("head")
        if len(self.connections) > self.max_connections:
            self._evict_one()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._write_deadline is not None:
            self._write_deadline.cancel()
            self._write_deadline = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self.last_active = time.monotonic()
        super().data_received(data)
        if self.transport.is_closing():
            return
        state = self.conn.their_state
        if state is h11.IDLE and data:
            # bytes of a (next) request head: the deadline runs from its first byte, not its last
            if self._waiting_for != "head":
                self._arm("head")
        elif state is h11.SEND_BODY:
            if self._waiting_for != "body":
                self._arm("body")
        else:
            self._disarm()

    def on_response_complete(self) -> None:
        self.last_active = time.monotonic()
        super().on_response_complete()  # arms uvicorn's keep-alive timer for the silence that follows

    # -- deadlines -----------------------------------------------------------

    def _arm(self, what: str) -> None:
        self._disarm()
        timeout = self.head_timeout if what == "head" else self.body_timeout
        self._waiting_for = what
        self._deadline = self.loop.call_later(timeout, self._expired, what)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline, self._waiting_for = None, None

    def _expired(self, what: str) -> None:
        self._deadline, self._waiting_for = None, None
        if self.transport.is_closing():
            return
        state = self.conn.their_state
        if what == "head" and state is h11.IDLE:
            if self.conn.trailing_data[0]:  # a partial head; a connection that never spoke is just closed
                self.transport.write(raw_response(408, "Request Timeout", "request head not received in time"))
            self.transport.close()
        elif what == "body" and state is h11.SEND_BODY:
            cycle = self.cycle
            started = cycle is not None and cycle.response_started
            if cycle is not None:
                cycle.disconnected = True  # the application's receive() now answers http.disconnect
                cycle.message_event.set()
            if not started:
                self.transport.write(raw_response(408, "Request Timeout", "request body not received in time"))
            self.transport.close()

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._write_deadline is None:
            self._write_deadline = self.loop.call_later(self.write_timeout, self._unread)

    def resume_writing(self) -> None:
        super().resume_writing()
        if self._write_deadline is not None:
            self._write_deadline.cancel()
            self._write_deadline = None

    def _unread(self) -> None:
        self._write_deadline = None
        # close() would wait for the unread buffer to drain, which is what never happens
        self.transport.abort()

    def _evict_one(self) -> None:
        idle = [c for c in self.connections if c is not self and isinstance(c, GuardedH11Protocol)
                and (c.cycle is None or c.cycle.response_complete) and c.conn.their_state is h11.IDLE]
        victim = min(idle, key=lambda c: c.last_active, default=None)
        if victim is not None:
            victim.transport.close()
        else:  # every other connection is in the middle of a request: this one waits its turn elsewhere
            self.transport.write(raw_response(503, "Service Unavailable", "too many connections"))
            self.transport.close()

    def send_400_response(self, msg: str) -> None:
        """A malformed or oversized request head: uvicorn's 400, with the security headers."""
        self.transport.write(raw_response(400, "Bad Request", msg.replace('"', "'")))
        self.transport.close()


def _fd_budget() -> int:
    """Connections this process can hold: its file descriptor limit, less a reserve for the store's
    connections, static files and logs (past it, accept() fails instead of evicting anyone)."""
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError, ValueError):
        return MAX_CONNECTIONS
    return MAX_CONNECTIONS if soft == resource.RLIM_INFINITY else max(16, soft - 128)


def config(app: Any, host: str, port: int, *, head_timeout: float = HEAD_TIMEOUT,
           body_timeout: float = BODY_TIMEOUT, write_timeout: float = WRITE_TIMEOUT,
           keep_alive: int = KEEP_ALIVE, max_connections: int = MAX_CONNECTIONS, log_level: str = "warning"):
    """The uvicorn configuration ``newsgraph serve`` runs with (tests start a server with it too)."""
    import uvicorn

    max_connections = min(max_connections, _fd_budget())

    protocol = type("GuardedH11Protocol", (GuardedH11Protocol,),
                    {"head_timeout": head_timeout, "body_timeout": body_timeout,
                     "write_timeout": write_timeout, "max_connections": max_connections})
    # limit_concurrency stays unset: it counts idle connections too (see the module docstring)
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, http=protocol, lifespan="off",
                          timeout_keep_alive=keep_alive, h11_max_incomplete_event_size=MAX_HEAD,
                          backlog=2048, timeout_graceful_shutdown=5)


def run(app: Any, host: str, port: int, **options: Any) -> None:
    """Serve ``app`` until interrupted (``newsgraph serve``)."""
    import uvicorn

    uvicorn.Server(config(app, host, port, **options)).run()
