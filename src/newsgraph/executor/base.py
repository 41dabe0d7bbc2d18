"""What every engine shares: the parent's view of the cross-document state,
and the scheduler that keeps results in input order while workers come and go.

The pipeline keeps two kinds of state that span documents (see
:mod:`newsgraph.pipeline`): the lines each site repeats, and the reprint
index. A worker holding a copy of either would learn only from the documents it
happened to get, so an N-worker run would label and group differently from a
one-process run. Both are kept exact here:

* every document of one site goes to the same worker, in input order (a site
  is given to the least busy worker the first time it is seen). The site line
  counts are per site, so that worker's counts for the site are exactly those a
  single process would have; documents with no site use no such state and go
  wherever there is room. The price: a site that makes up most of the input is
  analysed by one worker.
* the reprint index lives in the parent only: each worker's verdict is
  replaced, in input order, by the parent's, from the fingerprint the worker
  computed. The store primes the parent (``Store.prime``), and the parent's
  :class:`SiteLines` hands the lines the workers learnt to ``Store.save``.

A worker that dies or runs past its hard limit costs its chunk only: the
chunk's documents are sent again one at a time to a fresh worker, so that only
the document that kills it again becomes a :class:`~newsgraph.model.Failure`.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from ..clean.dedup import Deduplicator
from ..clean.repeated import RepeatedLines
from ..model import Document, Failure, RawDocument, Source

#: seconds a worker may take past the pipeline's own budgets before it is
#: taken for hung (the pipeline stops slow Python code itself; this catches a
#: call into C that never returns, or a worker that stopped answering).
GRACE_S = 60.0

Row = tuple[str, str, str]


class SiteLines(RepeatedLines):
    """The parent's site line counts: what the store primed, plus what the
    workers learnt, which it hands on to ``Store.save`` through :meth:`drain`."""

    def rows(self) -> list[Row]:
        """Every (site, line key, page key) known: what a new worker starts from."""
        return [(site, key, page) for (site, key), pages in self._pages.items() for page in pages]

    def pend(self, rows: Iterable[Row]) -> None:
        """Rows a worker observed (and :meth:`load` counted): passed on by the next drain."""
        self._pending.extend(rows)


def start_pipeline(factory: Callable[[], Any], rows: list[Row], warm: bool = True) -> Any:
    """A worker's pipeline, made once, with the site lines known so far and its
    models loaded (a warm-up document in each language), so that the first
    real chunk is not charged the loading time against its limit."""
    pipeline = factory()
    pipeline.repeated.load(rows)
    if warm and getattr(pipeline, "analyze", False):
        texts = ["Президент України Володимир Зеленський зустрівся з канцлером у Берліні.",
                 "Президент России Владимир Путин провёл встречу в Москве.",
                 "The president met the chancellor in Berlin on Monday."]
        try:
            list(pipeline.run(RawDocument(Source(path="<warm-up>"), t) for t in texts))
        except Exception:  # noqa: BLE001 - the real documents will say what is wrong
            pass
        pipeline.dedup = type(pipeline.dedup)()  # the warm-up texts must not be anyone's original
        pipeline.repeated.drain()
    return pipeline


def analyse_chunk(pipeline: Any, raws: list[RawDocument]) -> list[tuple[Document | Failure, list[Row]]]:
    """A worker's job: the chunk through the pipeline, each result with the
    site line rows learnt up to it."""
    out = []
    for item in pipeline.run(raws):
        drain = getattr(getattr(pipeline, "repeated", None), "drain", None)
        out.append((item, drain() if drain else []))
    return out


class Scheduler:
    """An :class:`~newsgraph.store.sqlite.Analyser` over ``workers`` workers.

    Engines supply four operations on numbered slots: start a worker (with the
    site lines known so far), send it a chunk, wait for any answer, stop it.
    One chunk at a time is in flight per worker; the chunks behind it wait here.
    """

    def __init__(self, factory: Callable[[], Any], workers: int, *, chunk: int | None = None,
                 timeout: float | None = None) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        template = factory()
        self.factory = factory
        self.workers = workers
        self.chunk = chunk or getattr(template, "batch", 16)
        #: a fixed hard limit per chunk in seconds; None: from the pipeline's budgets
        self.timeout = timeout
        self._budget = getattr(template, "budget", None)
        self._budget_base = getattr(template, "budget_base", 0.0)
        self.repeated = SiteLines()
        self.dedup = Deduplicator()
        self._owners: dict[str, int] = {}
        self._started = False
        #: slots whose worker was stopped midway (an interrupted run): started again by the next run
        self._stale: set[int] = set()
        #: seconds the workers took to start (loading the pipeline included)
        self.startup_s = 0.0
        #: called with each document or failure as soon as it is known (a worker's answer has
        #: arrived, or the item was a failure read by ingest), before the results are put back
        #: in input order: what a progress display counts, so that it follows the workers. What
        #: :meth:`run` yields waits for the slowest chunk ahead of it, and counting that would
        #: stand still while the other workers go on. Called once per item, retries included.
        self.on_result: Callable[[Document | Failure], object] | None = None

    # -- engine operations ---------------------------------------------------

    def _spawn(self, slot: int, rows: list[Row]) -> None:
        raise NotImplementedError

    def _await_ready(self, slots: list[int]) -> None:
        raise NotImplementedError

    def _send(self, slot: int, raws: list[RawDocument]) -> None:
        raise NotImplementedError

    def _poll(self, busy: list[int], timeout: float | None) -> list[tuple[int, str, Any]]:
        """Answers from busy slots: (slot, "ok", results) or (slot, "dead", reason)."""
        raise NotImplementedError

    def _stop(self, slot: int, *, kill: bool) -> None:
        raise NotImplementedError

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> None:
        """Start the workers now (else the first :meth:`run` does)."""
        if self._started:
            if self._stale:
                stale, self._stale = sorted(self._stale), set()
                for slot in stale:
                    self._spawn(slot, self.repeated.rows())
                self._await_ready(stale)
            return
        began = time.monotonic()
        rows = self.repeated.rows()
        for slot in range(self.workers):
            self._spawn(slot, rows)
        self._await_ready(list(range(self.workers)))
        self._started = True
        self.startup_s = time.monotonic() - began

    def close(self) -> None:
        if self._started:
            for slot in range(self.workers):
                if slot not in self._stale:
                    self._stop(slot, kill=False)
            self._started = False
            self._stale = set()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - at interpreter exit anything may be gone
            pass

    # -- scheduling ------------------------------------------------------------

    def _limit(self, raws: list[RawDocument]) -> float | None:
        if self.timeout is not None:
            return self.timeout
        if self._budget is None:
            return None
        chars = [len(r.text) for r in raws]
        total = self._budget(sum(chars)) + 2 * sum(self._budget(c) for c in chars)
        return total + GRACE_S if total > 0 else None

    def _route(self, raw: RawDocument, load: list[int]) -> int:
        slot = self._owners.get(raw.site) if raw.site else None
        if slot is None:
            slot = min(range(self.workers), key=lambda w: load[w])
            if raw.site:
                self._owners[raw.site] = slot
        return slot

    def _arrived(self, item: Document | Failure) -> None:
        if self.on_result is not None:
            self.on_result(item)

    def _regroup(self, doc: Document) -> Document:
        """The reprint verdict a single process would give, in input order (as Pipeline.clean)."""
        fp = doc.fingerprint
        if fp is None:
            return replace(doc, duplicate_of=None)
        found = self.dedup.find(fp.exact, fp.minhash)
        if found == doc.id:
            found = None
        self.dedup.add(doc.id, fp.exact, fp.minhash, found)
        return replace(doc, duplicate_of=found)

    def run(self, items: Iterable[RawDocument | Failure]) -> Iterator[Document | Failure]:
        """Results in input order, one for each item."""
        self.start()
        n = self.workers
        window = 4 * n * self.chunk  # items read ahead of the first one not yet answered
        done: dict[int, tuple[Document | Failure, list[Row]]] = {}
        open_: list[list[tuple[int, RawDocument]]] = [[] for _ in range(n)]
        queued: list[deque[list[tuple[int, RawDocument]]]] = [deque() for _ in range(n)]
        inflight: list[tuple[list[tuple[int, RawDocument]], float | None] | None] = [None] * n
        load = [0] * n
        seq = next_out = since_flush = 0
        source = iter(items)
        exhausted = False

        def close_chunk(w: int) -> None:
            if open_[w]:
                queued[w].append(open_[w])
                open_[w] = []

        def flush() -> None:
            nonlocal since_flush
            for w in range(n):
                close_chunk(w)
            since_flush = 0

        try:
            while True:
                while not exhausted and seq - next_out < window:
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        flush()
                        break
                    if isinstance(item, Failure):
                        done[seq] = (item, [])
                        self._arrived(item)
                    else:
                        w = self._route(item, load)
                        open_[w].append((seq, item))
                        load[w] += 1
                        if len(open_[w]) >= self.chunk:
                            close_chunk(w)
                    seq += 1
                    since_flush += 1
                    if since_flush >= n * self.chunk:
                        flush()
                for w in range(n):
                    if inflight[w] is None and queued[w]:
                        chunk = queued[w].popleft()
                        raws = [r for _, r in chunk]
                        limit = self._limit(raws)
                        self._send(w, raws)
                        inflight[w] = (chunk, time.monotonic() + limit if limit else None)
                while next_out in done:
                    item, rows = done.pop(next_out)
                    next_out += 1
                    self.repeated.pend(rows)  # counted on arrival; handed to the store in order
                    yield self._regroup(item) if isinstance(item, Document) else item
                if exhausted and next_out == seq:
                    return
                busy = [w for w in range(n) if inflight[w] is not None]
                if not busy:
                    flush()  # the window is full of documents still waiting for company
                    continue
                deadlines = [inflight[w][1] for w in busy if inflight[w][1] is not None]
                wait = max(min(deadlines) - time.monotonic(), 0.0) if deadlines else None
                answers = self._poll(busy, wait)
                now = time.monotonic()
                answered = {w for w, _, _ in answers}
                for w in busy:
                    deadline = inflight[w][1]
                    if w not in answered and deadline is not None and now >= deadline:
                        answers.append((w, "hung", deadline))
                for w, status, payload in answers:
                    chunk, _ = inflight[w]
                    inflight[w] = None
                    load[w] -= len(chunk)
                    if status == "ok":
                        for (k, _), (result, rows) in zip(chunk, payload):
                            self.repeated.load(rows)
                            done[k] = (result, rows)
                            self._arrived(result)
                        continue
                    reason = (payload if status == "dead" else
                              f"the worker ran past its hard limit of {self._limit([r for _, r in chunk]):.0f} s "
                              "on this document (hung): it was stopped and replaced")
                    self._stop(w, kill=True)
                    self._spawn(w, self.repeated.rows())
                    self._await_ready([w])
                    if len(chunk) == 1:
                        k, raw = chunk[0]
                        done[k] = (Failure(raw.source, reason), [])
                        self._arrived(done[k][0])
                    else:  # find the document that did it: the others go on
                        queued[w].extendleft([c] for c in reversed(chunk))
                        load[w] += len(chunk)
        finally:
            for w in range(n):
                if inflight[w] is not None:  # abandoned midway (an interrupt): its answer would confuse the next run
                    self._stop(w, kill=True)
                    self._stale.add(w)
