"""The ``ray`` engine: an actor pool on a Ray cluster (``pip install newsgraph[ray]``).

Each actor makes its pipeline once, in its constructor, and analyses the
chunks it is sent; the scheduling (one site per actor, results in input order,
a dead or hung actor replaced and its chunk retried one document at a time)
is the local engine's, in :mod:`newsgraph.executor.base`. An actor pool rather
than Ray Data's ``map_batches``: Ray Data may reorder and retry blocks on its
own, and the site affinity and the per-document failure need a hand on which
actor gets what.

No address starts a private Ray instance on this machine for the run (and
stops it after); ``auto`` joins the cluster this machine belongs to (``ray
start --head`` or a Ray node), ``ray://HOST:PORT`` a remote one through Ray
Client. The actors import :mod:`newsgraph`, so every node needs it installed
(or a ``runtime_env``, given as ``ray_init`` options).
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import Any

from ..model import RawDocument
from .base import Row, Scheduler, analyse_chunk, start_pipeline

_READY_TIMEOUT_S = 600.0


class _Actor:
    def __init__(self, factory: Callable[[], Any], rows: list[Row]) -> None:
        self.pipeline = start_pipeline(factory, rows)

    def ready(self) -> bool:
        return True

    def run(self, raws: list[RawDocument]):
        return analyse_chunk(self.pipeline, raws)


def _ray():
    try:
        import ray
    except ImportError:
        raise RuntimeError("the ray engine needs Ray: pip install 'newsgraph[ray]'") from None
    return ray


class RayPool(Scheduler):
    """``workers`` Ray actors, one CPU each."""

    def __init__(self, factory: Callable[[], Any], workers: int, *, address: str | None = None,
                 ray_init: dict | None = None, **kw) -> None:
        super().__init__(factory, workers, **kw)
        ray = self._ray = _ray()
        #: seconds ray.init took (0 when Ray was already running in this process)
        self.init_s = 0.0
        self._owns_ray = False
        if not ray.is_initialized():
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no phoning home from an offline tool
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "logging_level": logging.WARNING}
            if address:
                options["address"] = address
            else:
                options["num_cpus"] = workers
            options.update(ray_init or {})
            began = time.monotonic()
            ray.init(**options)
            self.init_s = time.monotonic() - began
            self._owns_ray = True
        self._remote = ray.remote(num_cpus=1, max_restarts=0, max_task_retries=0)(_Actor)
        self._actors: dict[int, Any] = {}
        self._refs: dict[int, Any] = {}

    def _spawn(self, slot: int, rows: list[Row]) -> None:
        self._actors[slot] = self._remote.remote(self.factory, rows)

    def _await_ready(self, slots: list[int]) -> None:
        ray = self._ray
        try:
            ray.get([self._actors[s].ready.remote() for s in slots], timeout=_READY_TIMEOUT_S)
        except ray.exceptions.GetTimeoutError:
            raise RuntimeError(f"Ray workers did not start within {_READY_TIMEOUT_S:.0f} s "
                               "(does the cluster have a free CPU for each?)") from None
        except ray.exceptions.RayError as e:
            raise RuntimeError(f"a Ray worker could not load the pipeline: {e}") from None

    def _send(self, slot: int, raws: list[RawDocument]) -> None:
        self._refs[slot] = self._actors[slot].run.remote(raws)

    def _poll(self, busy: list[int], timeout: float | None) -> list[tuple[int, str, Any]]:
        ray = self._ray
        by_ref = {self._refs[w]: w for w in busy}
        refs = list(by_ref)
        ready, rest = ray.wait(refs, num_returns=1, timeout=timeout)
        if ready and rest:
            more, _ = ray.wait(rest, num_returns=len(rest), timeout=0)
            ready += more
        answers = []
        for ref in ready:
            w = by_ref[ref]
            del self._refs[w]
            try:
                answers.append((w, "ok", ray.get(ref)))
            except ray.exceptions.RayActorError as e:
                answers.append((w, "dead", f"the Ray worker died while analysing this document "
                                           f"({type(e).__name__})"))
            except ray.exceptions.RayError as e:
                answers.append((w, "dead", f"the Ray worker failed on this document ({type(e).__name__})"))
        return answers

    def _stop(self, slot: int, *, kill: bool) -> None:
        actor = self._actors.pop(slot, None)
        self._refs.pop(slot, None)
        if actor is not None:
            try:
                self._ray.kill(actor, no_restart=True)
            except Exception:  # noqa: BLE001 - already gone
                pass

    def close(self) -> None:
        super().close()
        if self._owns_ray and self._ray.is_initialized():
            self._ray.shutdown()
            self._owns_ray = False
