"""One document that never finishes costs that document only.

The stages are made slow on purpose (a backtracking regex in the cleaner, a
loop in the analysis) for the documents that carry a marker; the others are
real news-like documents analysed by a cheap stand-in, so that the test does
not wait for the models. What is asserted is what a user of ``newsgraph
ingest`` sees: the slow document is a failure that names the stage and the
budget, and every other document of the batch is stored, in order.
"""
from __future__ import annotations

import re
import threading
import time

import pytest

from newsgraph import pipeline as pipeline_module
from newsgraph.model import Failure, RawDocument, Source
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

SLOW = "ПОВІЛЬНО"


def _story(i: int, slow: bool = False) -> RawDocument:
    text = (f"Рада ухвалила закон номер {i} про місцеве самоврядування\n"
            f"Парламент підтримав законопроєкт {i} у другому читанні, повідомили у пресслужбі.\n"
            f"За рішення проголосували {200 + i} народних депутатів{' ' + SLOW if slow else ''}.\n"
            "Закон набуде чинності після підписання президентом.\n")
    return RawDocument(Source(path=f"story{i}.txt"), text, site="rada.example")


def _cheap_annotate(docs):
    """The analysis stand-in: documents come back as they went in, except a
    marked one, which spins in Python until the budget stops it."""
    if any(SLOW in d.text for d in docs):
        while True:
            pass
    return list(docs)


def _backtracking_segment(real):
    def segment(raw, repeated=None):
        if SLOW in raw.text:  # the case: catastrophic backtracking over a line
            re.match(r"^(?:\w+\s?)+$", "аб " * 40 + "!")
        return real(raw, repeated)
    return segment


@pytest.fixture
def cheap(monkeypatch):
    monkeypatch.setattr(pipeline_module, "annotate_many", _cheap_annotate)


def _ingest(tmp_path, raws, pipeline):
    with Store(tmp_path / "n.db") as store:
        report = store.ingest(raws, pipeline)
        stored = [store.get(i).source.path for i in report.stored]
        return report, stored


def test_a_document_stuck_in_analysis_fails_and_its_batch_mates_are_stored(tmp_path, cheap):
    raws = [_story(i, slow=(i == 5)) for i in range(20)]
    started = time.monotonic()
    report, stored = _ingest(tmp_path, raws, Pipeline(budget_base=1, budget_per_10k=0))
    # the batch of 16 runs past its budget once, then each document alone: the slow one once more
    assert time.monotonic() - started < 20
    assert stored == [f"story{i}.txt" for i in range(20) if i != 5]
    (failure,) = report.failures
    assert failure.source.path == "story5.txt"
    assert "time budget" in failure.reason and "analyze stage" in failure.reason
    assert "1 s + 0 s per 10 000 characters" in failure.reason


def test_a_line_that_makes_a_pattern_backtrack_stops_cleaning_of_that_document_only(tmp_path, cheap, monkeypatch):
    monkeypatch.setattr(pipeline_module, "segment", _backtracking_segment(pipeline_module.segment))
    raws = [_story(0), _story(1, slow=True), _story(2)]
    report, stored = _ingest(tmp_path, raws, Pipeline(budget_base=0.5, budget_per_10k=0))
    assert stored == ["story0.txt", "story2.txt"]
    (failure,) = report.failures
    assert failure.source.path == "story1.txt" and "clean stage" in failure.reason


def test_the_budget_grows_with_the_text_and_is_set_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_BUDGET_BASE", "7")
    monkeypatch.setenv("NEWSGRAPH_BUDGET_PER_10K", "2.5")
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", "1234")
    p = Pipeline()
    assert (p.budget_base, p.budget_per_10k, p.max_chars) == (7, 2.5, 1234)
    assert p.budget(40_000) == 17
    monkeypatch.setenv("NEWSGRAPH_BUDGET_BASE", "soon")
    with pytest.raises(ValueError, match="NEWSGRAPH_BUDGET_BASE"):
        Pipeline()
    monkeypatch.delenv("NEWSGRAPH_BUDGET_BASE")
    monkeypatch.delenv("NEWSGRAPH_BUDGET_PER_10K")
    monkeypatch.delenv("NEWSGRAPH_MAX_CHARS")
    default = Pipeline()
    # a real article of 10 000 characters gets tens of seconds, not a few
    assert 10 <= default.budget(10_000) <= 120


def test_a_text_over_the_size_limit_is_refused_before_analysis(tmp_path, cheap):
    big = RawDocument(Source(path="huge.txt"), ("Рада ухвалила закон. " * 2000).strip())
    report, stored = _ingest(tmp_path, [big, _story(1)], Pipeline(max_chars=10_000))
    assert stored == ["story1.txt"]
    (failure,) = report.failures
    assert failure.source.path == "huge.txt"
    assert "too long" in failure.reason and str(len(big.text)) in failure.reason and "10000" in failure.reason


def test_off_the_main_thread_the_budget_is_checked_between_stages(monkeypatch):
    def slow_annotate(docs):
        if any(SLOW in d.text for d in docs):
            time.sleep(1.0)  # finishes, but late
        return list(docs)

    monkeypatch.setattr(pipeline_module, "annotate_many", slow_annotate)
    results = []
    worker = threading.Thread(target=lambda: results.extend(
        Pipeline(budget_base=0.3, budget_per_10k=0).run([_story(0), _story(1, slow=True), _story(2)])))
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    kinds = [type(x).__name__ for x in results]
    assert kinds == ["Document", "Failure", "Document"]
    assert "analyze stage" in results[1].reason or "link stage" in results[1].reason


def test_an_outer_alarm_is_kept(cheap):
    """A caller's own SIGALRM timer (a test runner's) still fires after a run."""
    import signal

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.8)
        out = list(Pipeline(budget_base=5, budget_per_10k=0).run([_story(0), _story(1)]))
        assert not any(isinstance(x, Failure) for x in out)
        time.sleep(1.0)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_an_outer_alarm_due_first_fires_and_the_budget_still_holds(monkeypatch):
    import signal

    def sleepy(docs):
        if any(SLOW in d.text for d in docs):
            while True:
                time.sleep(0.05)
        time.sleep(0.4)
        return list(docs)

    monkeypatch.setattr(pipeline_module, "annotate_many", sleepy)
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(time.monotonic()))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        out = list(Pipeline(budget_base=1.5, budget_per_10k=0).run([_story(0)]))
        assert [type(x).__name__ for x in out] == ["Document"] and len(fired) == 1
        out = list(Pipeline(budget_base=0.5, budget_per_10k=0).run([_story(1, slow=True)]))
        assert [type(x).__name__ for x in out] == ["Failure"] and len(fired) == 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_reprint_of_a_document_that_ran_out_of_time_is_stored_as_a_story_of_its_own(tmp_path, cheap):
    """The reprint index learnt the slow document while cleaning it; its reprint,
    analysed in time, must not point at a story the store never got."""
    slow = _story(3, slow=True)
    reprint = RawDocument(Source(path="reprint.txt"), slow.text.replace(" " + SLOW, ""), site="other.example")
    report, stored = _ingest(tmp_path, [_story(1), slow, reprint], Pipeline(budget_base=0.5, budget_per_10k=0))
    assert stored == ["story1.txt", "reprint.txt"]
    assert [f.source.path for f in report.failures] == ["story3.txt"]
    with Store(tmp_path / "n.db") as store:
        assert store.get(report.stored[1]).duplicate_of is None
    assert report.reprints == 0
