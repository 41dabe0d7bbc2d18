"""Executors: where the pipeline runs. Each is an ``Analyser`` (what
:meth:`newsgraph.store.Store.ingest` takes), so the one ingest loop stays the
one loop whatever runs the analysis.

``local`` with one worker is the pipeline itself, in this process; with more,
a pool of processes (:mod:`.local`); ``ray`` an actor pool on a Ray cluster
(:mod:`.ray_engine`). Results come back in input order, one per item, and
every engine gives the documents a single process would (see
:mod:`.base` for how the site line counts and the reprint index are kept
exact).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..pipeline import Pipeline
from .base import Scheduler, SiteLines

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "Scheduler", "SiteLines", "make_executor", "close", "watch"]


def make_executor(engine: str = "local", workers: int = 1, *, address: str | None = None,
                  factory: Callable[[], Any] = Pipeline, **kw) -> Any:
    """The Analyser for ``engine`` with ``workers`` workers; close it with :func:`close`."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; valid: {', '.join(ENGINES)}")
    if workers < 1:
        raise ValueError("--workers must be at least 1")
    if engine == "ray":
        from .ray_engine import RayPool

        return RayPool(factory, workers, address=address, **kw)
    if address:
        raise ValueError("--address is for --engine ray")
    if workers == 1:
        return factory()
    from .local import LocalPool

    return LocalPool(factory, workers, **kw)


def close(executor: Any) -> None:
    """Stop an executor's workers (a pipeline in this process has none)."""
    stop = getattr(executor, "close", None)
    if stop is not None:
        stop()


def watch(executor: Any, callback: Callable[[Any], object]) -> bool:
    """Have ``callback`` called with each document or failure as a worker finishes it
    (:attr:`Scheduler.on_result`), for a progress display that follows the workers rather than
    the input order. False for an analyser in this process (a pipeline), which has no workers:
    its results reach the caller as they are made, so the caller counts those instead."""
    if not hasattr(executor, "on_result"):
        return False
    executor.on_result = callback
    return True
