"""The stages chained: raw document -> cleaned, deduplicated document.

Stages are plain functions over the typed models; this module only wires them
and keeps the state that spans documents (the site line filter, the
near-duplicate index), which a store can preload so that knowledge survives
between runs.

One document must not hold up the others, whatever its text: :meth:`Pipeline.run`
refuses a text longer than ``max_chars`` (``$NEWSGRAPH_MAX_CHARS``) before
reading it, and gives each
document a time budget (``budget_base`` seconds plus ``budget_per_10k`` per
10 000 characters, also set by ``$NEWSGRAPH_BUDGET_BASE`` and
``$NEWSGRAPH_BUDGET_PER_10K``); a document that runs past it becomes a
:class:`Failure` naming the stage it was in, and the batch goes on. On the
main thread the budget is enforced by ``SIGALRM``, which stops Python code
anywhere (a regex that backtracks included: ``re`` checks for signals) but a
single long call into C only when it returns; on any other thread (the
server's upload runs in one) there are no signals, and the budget is only
checked between stages, so a stage that never ends is not stopped there.
"""
from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace

from .analysis.annotate import annotate_many
from .clean import dedup
from .clean.repeated import RepeatedLines
from .clean.segments import segment
from .extract import extract
from .link import link
from .model import Document, Failure, Fingerprint, RawDocument, content_id


#: seconds every document may take, whatever its length (the first batch
#: also loads the models).
BUDGET_BASE_S = 30.0
#: seconds more per 10 000 characters of its text.
BUDGET_PER_10K_S = 10.0
#: a longer text is refused before analysis: the parsers hold every token of
#: a document at once, and no news article comes near this.
MAX_CHARS = 500_000


def _setting(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"${name} must be a number of seconds or characters, not {raw!r}") from None


class BudgetExceeded(BaseException):
    """A document's time budget ran out inside ``stage``. A BaseException, as
    KeyboardInterrupt is, so that a stage's own ``except Exception`` cannot
    swallow it and carry on."""

    def __init__(self, stage: str, seconds: float) -> None:
        super().__init__(stage, seconds)
        self.stage = stage
        self.seconds = seconds


class Deadline:
    """The end of one budget, and the stage running now (for the failure's reason)."""

    def __init__(self, seconds: float, stage: str) -> None:
        self.seconds = seconds
        self.stage = stage
        self.at = time.monotonic() + seconds
        self._shielded = 0
        self._late = False
        #: the block it limits is over: a late alarm is ignored.
        self.finished = False

    def check(self) -> None:
        """Raise if the budget is spent: the cooperative check between stages."""
        if time.monotonic() >= self.at:
            raise BudgetExceeded(self.stage, self.seconds)

    def enter(self, stage: str) -> None:
        self.check()
        self.stage = stage

    def alarm(self) -> None:
        if self._shielded:
            self._late = True
        else:
            raise BudgetExceeded(self.stage, self.seconds)

    @contextmanager
    def shielded(self) -> Iterator[None]:
        """Hold the alarm back while state that outlives the document (the
        site line counts, the reprint index) is updated: stopped halfway, it
        would be left inconsistent for every later document."""
        self._shielded += 1
        try:
            yield
        finally:
            self._shielded -= 1
        if not self._shielded and self._late:
            self._late = False
            raise BudgetExceeded(self.stage, self.seconds)


_active = threading.local()


def _shielded():
    deadline = getattr(_active, "deadline", None)
    return deadline.shielded() if deadline is not None else nullcontext()


@contextmanager
def _limit(seconds: float, stage: str) -> Iterator[Deadline | None]:
    """Run the block under a budget of ``seconds`` (none when not positive)."""
    if seconds <= 0:
        yield None
        return
    deadline = Deadline(seconds, stage)
    outer = getattr(_active, "deadline", None)
    _active.deadline = deadline
    use_signal = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not use_signal:
        try:
            yield deadline
        finally:
            _active.deadline = outer
        return
    previous = signal.getsignal(signal.SIGALRM)
    outer_fired = False

    def on_alarm(signum, frame):
        nonlocal outer_fired
        if deadline.finished:
            return
        now = time.monotonic()
        if now >= deadline.at - 0.01:
            deadline.alarm()
            return
        # a caller's own timer (a test runner's) was due first: its handler runs, ours is set again
        outer_fired = True
        signal.setitimer(signal.ITIMER_REAL, deadline.at - now)
        if callable(previous):
            previous(signum, frame)

    signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, 0)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, old_delay) if old_delay else seconds)
    try:
        try:
            yield deadline
        finally:
            deadline.finished = True  # an alarm from here on is too late to matter
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _active.deadline = outer
        if old_delay and not outer_fired:
            signal.setitimer(signal.ITIMER_REAL, max(old_delay - (time.monotonic() - started), 0.001), old_interval)
        elif old_delay and old_interval:
            signal.setitimer(signal.ITIMER_REAL, old_interval, old_interval)


@dataclass
class Pipeline:
    repeated: RepeatedLines = field(default_factory=RepeatedLines)
    dedup: dedup.Deduplicator = field(default_factory=dedup.Deduplicator)
    #: run the analyze stage (entities, values); off for cleaning-only work.
    analyze: bool = True
    #: documents analysed together by :meth:`run`: the recognisers read their
    #: paragraphs in one batch, which is faster than document by document.
    batch: int = 16
    #: seconds a document may take in :meth:`run`, plus ``budget_per_10k`` per
    #: 10 000 characters; both zero: no limit.
    budget_base: float = field(default_factory=lambda: _setting("NEWSGRAPH_BUDGET_BASE", BUDGET_BASE_S))
    budget_per_10k: float = field(default_factory=lambda: _setting("NEWSGRAPH_BUDGET_PER_10K", BUDGET_PER_10K_S))
    #: longer texts are refused by :meth:`run` before they are read.
    max_chars: int = field(default_factory=lambda: int(_setting("NEWSGRAPH_MAX_CHARS", MAX_CHARS)))

    def budget(self, chars: int) -> float:
        """Seconds a text of ``chars`` characters may take (0: no limit)."""
        return self.budget_base + self.budget_per_10k * chars / 10_000

    def clean(self, raw: RawDocument) -> Document:
        """Segments, languages and reprint grouping of one document."""
        segments, language = segment(raw, self.repeated)
        first = {}
        for s in segments:
            first.setdefault(s.kind, raw.text[s.start : s.end])
        doc = Document(
            id=content_id(raw.text, raw.source.url),
            source=raw.source,
            language=language,
            title=first.get("title") or raw.title,
            lead=first.get("lead"),
            published=raw.published,
            author=raw.author,
            encoding=raw.encoding,
            site=raw.site,
            text=raw.text,
            segments=segments,
        )
        article = doc.article_text()
        fingerprint = Fingerprint(dedup.exact_key(article), dedup.signature(article))
        duplicate_of = self.dedup.find(fingerprint.exact, fingerprint.minhash)
        if duplicate_of == doc.id:
            duplicate_of = None
        with _shielded():
            self.repeated.observe(raw.site, first.get("title") or raw.title,
                                  [raw.text[s.start : s.end] for s in segments])
            self.dedup.add(doc.id, fingerprint.exact, fingerprint.minhash, duplicate_of)
        return replace(doc, duplicate_of=duplicate_of, fingerprint=fingerprint)

    def process(self, raw: RawDocument) -> Document:
        """One document through every stage, with no budget: the caller chose it."""
        doc = self.clean(raw)
        return self._stages([doc])[0] if self.analyze else doc

    def _stages(self, docs: list[Document], deadline: Deadline | None = None) -> list[Document]:
        """Analyse, link and extract; a document that breaks a stage keeps its
        cleaned form with a warning that says what is missing and why."""
        enter = deadline.enter if deadline is not None else (lambda stage: None)
        try:
            enter("analyze")
            annotated = annotate_many(docs)
        except Exception as e:
            if len(docs) > 1:  # find the document that breaks it; the others go on
                return [self._stages([d], deadline)[0] for d in docs]
            return [_unanalysed(docs[0], e)]
        out = []
        for doc, done in zip(docs, annotated):
            try:
                enter("link")
                linked = link(done)
                enter("extract")
                out.append(extract(linked))
            except Exception as e:
                out.append(_unanalysed(doc, e))
        if deadline is not None:
            deadline.check()
        return out

    def _analyse(self, docs: list[Document]) -> list[Document | Failure]:
        """:meth:`_stages` under the documents' budget: a batch that runs past
        the budget of all its text is analysed again one document at a time,
        so that only the slow one fails and its batch-mates are kept."""
        try:
            with _limit(self.budget(sum(len(d.text) for d in docs)), "analyze") as deadline:
                return self._stages(docs, deadline)
        except BudgetExceeded as e:
            if len(docs) > 1:
                return [x for d in docs for x in self._analyse([d])]
            return [self._over_budget(docs[0].source, len(docs[0].text), e)]

    def _over_budget(self, source, chars: int, e: BudgetExceeded) -> Failure:
        return Failure(source, f"over the time budget in the {e.stage} stage: stopped after {e.seconds:.0f} s "
                               f"({self.budget_base:g} s + {self.budget_per_10k:g} s per 10 000 characters, "
                               f"{chars} characters)")

    def _clean_within(self, raw: RawDocument) -> Document | Failure:
        """:meth:`clean` under the document's budget and size limit."""
        if self.max_chars > 0 and len(raw.text) > self.max_chars:
            return Failure(raw.source, f"text too long to analyse: {len(raw.text)} characters "
                                       f"(limit {self.max_chars})")
        try:
            with _limit(self.budget(len(raw.text)), "clean"):
                return self.clean(raw)
        except BudgetExceeded as e:
            return self._over_budget(raw.source, len(raw.text), e)

    def run(self, items: Iterable[RawDocument | Failure]) -> Iterator[Document | Failure]:
        """Process a stream, in order; a document that breaks a stage becomes a Failure."""
        pending: list[Document | Failure] = []
        for item in items:
            if isinstance(item, Failure):
                pending.append(item)
            else:
                try:
                    pending.append(self._clean_within(item))
                except Exception as e:  # a bug must not cost the user the rest of the batch
                    pending.append(Failure(item.source, f"internal error while cleaning ({_where(e)})"))
            if sum(isinstance(x, Document) for x in pending) >= self.batch:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, pending: list[Document | Failure]) -> Iterator[Document | Failure]:
        docs = [x for x in pending if isinstance(x, Document)]
        done = iter(self._analyse(docs) if self.analyze and docs else docs)
        for x in pending:
            yield x if isinstance(x, Failure) else next(done)


def _unanalysed(doc: Document, e: Exception) -> Document:
    return replace(doc, warnings=[f"analysis failed, no entities or values: {_where(e)}"])


def _where(e: Exception) -> str:
    frame = traceback.extract_tb(e.__traceback__)[-1]
    return f"{type(e).__name__}: {e} at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
