"""Many processes may open one store at once, and odd text never crashes a save.

Two ``newsgraph ingest`` runs started together on a new database used to both
run the migrations, and one crashed ("table documents already exists",
"database is locked") every time. Here two and four processes (spawned, as
separate interpreters are) open a new store at the same instant, over and
over, each storing its own documents: none may fail, and each document is
stored exactly once.

The documents are made by a stand-in for the pipeline, so that each process
starts in a fraction of a second: what is tested is the store.
"""
from __future__ import annotations

import multiprocessing
import os
import sqlite3
import traceback
from dataclasses import replace

import pytest

from newsgraph.clean import dedup
from newsgraph.clean.repeated import RepeatedLines
from newsgraph.model import Document, Failure, Fingerprint, RawDocument, Segment, Source, content_id
from newsgraph.store import Store
from newsgraph.store.sqlite import _migrations, _split_sql

ROUNDS = 10


class CheapAnalyser:
    """What :meth:`Store.ingest` needs of a pipeline, without the models: one
    title line and one body line per document."""

    def __init__(self) -> None:
        self.repeated = RepeatedLines()
        self.dedup = dedup.Deduplicator()

    def run(self, items):
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            title_end = item.text.index("\n")
            article = item.text
            yield Document(
                id=content_id(item.text, item.source.url), source=item.source, language="uk",
                title=item.text[:title_end], lead=None, published=None, text=item.text,
                segments=[Segment(0, title_end, "title", "uk"), Segment(title_end + 1, len(item.text), "body", "uk")],
                fingerprint=Fingerprint(dedup.exact_key(article), dedup.signature(article)),
            )


def _story(writer: int, k: int) -> RawDocument:
    text = (f"Міськрада ухвалила рішення номер {writer}-{k}\n"
            f"Депутати міської ради підтримали проєкт {k} від комісії {writer}, "
            f"за нього проголосували {20 + k} депутатів.")
    return RawDocument(Source(path=f"writer{writer}/doc{k}.txt"), text)


def _writer(folder: str, writer: int, docs: int, barrier, results) -> None:
    """Each round: wait for the others, open that round's new store, store its documents."""
    for r in range(ROUNDS):
        barrier.wait()
        try:
            with Store(os.path.join(folder, f"round{r}.db")) as store:
                report = store.ingest([_story(writer, k) for k in range(docs)], CheapAnalyser())
            results.put((r, writer, len(report.stored), None))
        except Exception as e:  # reported to the parent, which fails the test with it
            where = traceback.extract_tb(e.__traceback__)[-1]
            results.put((r, writer, 0, f"{type(e).__name__}: {e} at {where.filename}:{where.lineno} {where.line}"))


def _old_store(path) -> None:
    """A store as the first release left it: the first migration only."""
    number, sql = _migrations()[0]
    db = sqlite3.connect(path, isolation_level=None)
    for statement in _split_sql(sql):
        db.execute(statement)
    db.execute(f"PRAGMA user_version = {number}")
    db.close()


@pytest.mark.parametrize("writers, old", [(2, False), (4, False), (4, True)])
def test_processes_opening_a_store_at_once_all_succeed(tmp_path, writers, old):
    if old:
        for r in range(ROUNDS):
            _old_store(tmp_path / f"round{r}.db")
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(writers)
    results = ctx.Queue()
    docs = 5
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), w, docs, barrier, results)) for w in range(writers)]
    for p in procs:
        p.start()
    got = [results.get(timeout=120) for _ in range(writers * ROUNDS)]
    for p in procs:
        p.join(30)
    errors = [f"round {r}, writer {w}: {e}" for r, w, _, e in got if e]
    assert not errors, errors
    assert all(n == docs for _, _, n, _ in got)
    for r in range(ROUNDS):
        db = sqlite3.connect(tmp_path / f"round{r}.db")
        paths = [row[0] for row in db.execute("SELECT source_path FROM documents")]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.close()
        assert sorted(paths) == sorted(f"writer{w}/doc{k}.txt" for w in range(writers) for k in range(docs))
        assert version == _migrations()[-1][0]


def test_an_old_store_is_brought_up_to_date_once(tmp_path):
    _old_store(tmp_path / "n.db")
    with Store(tmp_path / "n.db") as store:
        assert store._version() == _migrations()[-1][0]
        store.ingest([_story(0, 0)], CheapAnalyser())
    with Store(tmp_path / "n.db") as store:  # nothing left to run
        assert store._version() == _migrations()[-1][0] and store.count() == 1


def test_a_lone_surrogate_and_a_non_utf8_file_name_are_stored_not_crashed_on(tmp_path):
    # a JSON record's "\ud800" decodes to a lone surrogate; a file name in cp1251 bytes
    # comes to Python as surrogate escapes (os.fsdecode)
    name = os.fsdecode("новини/звіт.txt".encode("cp1251"))
    text = "Рада ухвалила закон \ud800 про бюджет\nДепутати підтримали бюджет на наступний рік."
    raw = RawDocument(Source(path=name, record="line 3"), text)
    with Store(tmp_path / "n.db") as store:
        report = store.ingest([raw, _story(1, 1)], CheapAnalyser())
        assert len(report.stored) == 2 and not report.failures
        doc = store.get(report.stored[0])
        # one character for one: every offset into the text still holds
        assert doc.text == text.replace("\ud800", "\ufffd") and len(doc.text) == len(text)
        assert doc.title == "Рада ухвалила закон \ufffd про бюджет"
        assert any("U+FFFD" in w for w in doc.warnings)
        # the file name's bytes, escaped, can be told from the name and found again
        assert doc.source.path == "\\xed\\xee\\xe2\\xe8\\xed\\xe8/\\xe7\\xe2\\xb3\\xf2.txt"
        assert os.fsencode(name) == b"\xed\xee\xe2\xe8\xed\xe8/\xe7\xe2\xb3\xf2.txt"
        assert store.search("бюджет")
        # a failure about such a file is recorded, too
        store.record_failure(Failure(Source(path=name), f"cannot read {name}: \udc80"))
        (failure,) = store.failures()
        assert failure.source.path.endswith("\\xf2.txt") and "\ufffd" in failure.reason


def test_a_surrogate_in_the_analysis_is_stored(tmp_path):
    """Entities and warnings carry document text too: a surrogate there is replaced as in the text."""
    text = "Заголовок новини\nТекст новини з дивним знаком \udfff у середині."
    raw = RawDocument(Source(path="odd.txt"), text)
    analyser = CheapAnalyser()
    (doc,) = list(analyser.run([raw]))
    doc = replace(doc, warnings=[f"odd character {text[-13:]}"])
    with Store(tmp_path / "n.db") as store:
        assert store.save(doc)
        back = store.get(doc.id)
        assert "\udfff" not in back.warnings[0] and "\ufffd" in back.warnings[0]
        assert not store.save(doc)  # already stored: the id is the original text's
