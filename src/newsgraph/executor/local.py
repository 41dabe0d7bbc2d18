"""The ``local`` engine: worker processes on this machine.

Processes are started with ``spawn``, not ``fork``: the parent may hold
threads (the server, Ray, a test runner's) and loaded models whose locks a
forked child would inherit held. Each worker makes its pipeline once, then
answers chunks over its own pipe; the parent sends a worker its next chunk
only once it has answered, so neither side can block on a full pipe while the
other is writing.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import wait
from typing import Any

from ..model import RawDocument
from .base import Row, Scheduler, analyse_chunk, start_pipeline

_READY_TIMEOUT_S = 600.0
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _worker(conn, factory: Callable[[], Any], rows: list[Row]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    try:
        pipeline = start_pipeline(factory, rows)
    except BaseException as e:  # noqa: BLE001 - told to the parent, which cannot go on without us
        conn.send(("failed", f"{type(e).__name__}: {e}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            raws = conn.recv()
        except EOFError:
            return
        if raws is None:
            return
        try:
            conn.send(("ok", analyse_chunk(pipeline, raws)))
        except Exception as e:  # noqa: BLE001 - Pipeline.run guards itself; this is a bug: treated as a crash
            conn.send(("error", f"{type(e).__name__}: {e}"))


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "the worker process stopped answering"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the worker process was killed by {name} while analysing this document"
    return f"the worker process exited with status {code} while analysing this document"


class LocalPool(Scheduler):
    """``workers`` processes on this machine, each with its own pipeline."""

    def __init__(self, factory: Callable[[], Any], workers: int, **kw) -> None:
        super().__init__(factory, workers, **kw)
        self._ctx = mp.get_context("spawn")
        self._procs: dict[int, Any] = {}
        self._conns: dict[int, Any] = {}

    def _spawn(self, slot: int, rows: list[Row]) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker, args=(child, self.factory, rows), daemon=True,
                                 name=f"newsgraph-worker-{slot}")
        # one core per worker, as Ray gives its actors: N workers each running a BLAS
        # thread per core would fight over the cores (a variable already set is kept)
        saved = {k: os.environ.get(k) for k in _THREAD_VARS}
        for k in _THREAD_VARS:
            os.environ.setdefault(k, "1")
        try:
            proc.start()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
        child.close()
        self._procs[slot], self._conns[slot] = proc, parent

    def _await_ready(self, slots: list[int]) -> None:
        for slot in slots:
            conn, proc = self._conns[slot], self._procs[slot]
            if not conn.poll(_READY_TIMEOUT_S):
                raise RuntimeError(f"worker {slot} did not start within {_READY_TIMEOUT_S:.0f} s")
            try:
                status, detail = conn.recv()
            except EOFError:
                proc.join(5)
                raise RuntimeError(f"worker {slot} died while loading the pipeline "
                                   f"(exit status {proc.exitcode})") from None
            if status != "ready":
                raise RuntimeError(f"worker {slot} could not load the pipeline: {detail}")

    def _send(self, slot: int, raws: list[RawDocument]) -> None:
        self._conns[slot].send(raws)

    def _poll(self, busy: list[int], timeout: float | None) -> list[tuple[int, str, Any]]:
        by_conn = {self._conns[w]: w for w in busy}
        by_sentinel = {self._procs[w].sentinel: w for w in busy}
        ready = wait(list(by_conn) + list(by_sentinel), timeout)
        answers, seen = [], set()
        for obj in ready:
            w = by_conn.get(obj)
            if w is not None:
                try:
                    status, payload = obj.recv()
                except (EOFError, OSError):
                    self._procs[w].join(5)
                    answers.append((w, "dead", _exit_reason(self._procs[w].exitcode)))
                else:
                    answers.append((w, "ok", payload) if status == "ok" else
                                   (w, "dead", f"the worker failed on this document ({payload})"))
                seen.add(w)
        for obj in ready:
            w = by_sentinel.get(obj)
            if w is not None and w not in seen:
                conn = self._conns[w]
                if conn.poll(0):  # it answered, then exited: take the answer
                    try:
                        status, payload = conn.recv()
                        answers.append((w, "ok", payload) if status == "ok" else (w, "dead", str(payload)))
                        continue
                    except (EOFError, OSError):
                        pass
                self._procs[w].join(5)
                answers.append((w, "dead", _exit_reason(self._procs[w].exitcode)))
        return answers

    def _stop(self, slot: int, *, kill: bool) -> None:
        proc, conn = self._procs.pop(slot, None), self._conns.pop(slot, None)
        if proc is None:
            return
        if not kill and proc.is_alive():
            try:
                conn.send(None)
                proc.join(10)
            except (OSError, BrokenPipeError):
                pass
        if proc.is_alive():
            proc.kill()
            proc.join(5)
        conn.close()
