"""Shards: Parquet that reads back what was written, a load that stores what a
direct ingest stores, and a killed run that, run again, stores each document once."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from newsgraph.ingest import iter_files, read_paths  # noqa: E402
from newsgraph.model import Failure, Source  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.shards import (DONE, SUFFIX, load_shards, read_shard, shard_name, write_shard,  # noqa: E402
                              write_shards)
from newsgraph.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CLI = [sys.executable, "-m", "newsgraph.cli"]


def stored(db: Path) -> dict:
    with Store(db) as store:
        q = lambda sql: [tuple(r) for r in store.db.execute(sql)]  # noqa: E731
        return {
            "documents": q("SELECT id, source_path, source_record, site, language, title, lead, published, text, "
                           "duplicate_of, exact_key, minhash, analysis FROM documents ORDER BY id"),
            "fts": sorted(q("SELECT title, body, lemmas FROM documents_fts")),
            "mentions": q('SELECT doc_id, entity_id, start, "end", kind FROM mentions ORDER BY 1, 2, 3'),
            "events": q("SELECT doc_id, type, mode, amount_value, trigger_start, recipient_phrases FROM events "
                        "ORDER BY 1, 5"),
            "site_lines": q("SELECT * FROM site_lines ORDER BY 1, 2, 3"),
        }


def test_loading_shards_stores_what_a_direct_ingest_stores(tmp_path):
    with Store(tmp_path / "direct.db") as store:
        store.ingest(read_paths([EXAMPLES]), Pipeline())
    files = list(iter_files([EXAMPLES]))
    report = write_shards(files, Pipeline(), tmp_path / "shards")
    assert len(report.written) == len(files) and report.documents == 15
    with Store(tmp_path / "loaded.db") as store:
        first = load_shards(report.shards, store)
        again = load_shards(report.shards, store)
    assert len(first.stored) == 15 and first.reprints == 4
    assert again.stored == [] and len(again.already_stored) == 15  # idempotent
    assert stored(tmp_path / "loaded.db") == stored(tmp_path / "direct.db")


def test_an_all_null_column_reads_back_with_its_type(tmp_path):
    path = tmp_path / "f.parquet"
    write_shard(path, [(Failure(Source(path="a.txt"), "empty file"), [])])
    schema = pq.read_table(path).schema
    assert schema.field("id").type == pa.string() and schema.field("minhash").type == pa.binary()
    assert schema.field("site_lines").type == pa.list_(pa.struct([("site", pa.string()), ("line_key", pa.string()),
                                                                  ("page_key", pa.string())]))
    (item, lines), = read_shard(path)
    assert item == Failure(Source(path="a.txt"), "empty file") and lines == []


_KILLER = """
import os, signal, sys
from pathlib import Path
from newsgraph.ingest import iter_files
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline
from newsgraph.shards import write_shards

inputs, out = Path(sys.argv[1]), Path(sys.argv[2])
files = list(iter_files([inputs]))
seen = []

def on_item(item):
    seen.append(item)
    if len(seen) == 2:  # the first file's shard is written; the second one's is in progress
        (out / ".junk.parquet.tmp-1").write_bytes(b"half a shard")  # what a kill mid-write leaves
        os.kill(os.getpid(), signal.SIGKILL)

write_shards(files, Pipeline(analyze=False), out, on_item=on_item)
"""


def _inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    texts = ["Кабмін ухвалив нову програму підтримки фермерів на заході країни.",
             "У Львові відкрили виставку сучасного мистецтва молодих авторів.",
             "Футбольний клуб з Одеси виграв матч у запеклій боротьбі.",
             "Науковці з Харкова створили новий матеріал для сонячних панелей."]
    paths = []
    for i, text in enumerate(texts):
        p = folder / f"{i}.txt"
        p.write_text(f"Заголовок новини номер {i}\n\n{text}\n", encoding="utf-8")
        paths.append(p)
    return paths


def test_a_killed_run_run_again_stores_every_document_once(tmp_path):
    inputs, out, db = tmp_path / "in", tmp_path / "shards", tmp_path / "s.db"
    paths = _inputs(inputs)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    killed = subprocess.run([sys.executable, "-c", _KILLER, str(inputs), str(out)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr
    first = out / (shard_name(paths[0]) + DONE)
    assert first.is_file() and not (out / (shard_name(paths[1]) + SUFFIX)).exists()
    marked = first.stat().st_mtime_ns

    run = subprocess.run(CLI + ["ingest", str(inputs), "--shards", str(out), "--db", str(db)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "3 shards written, 1 already done" in run.stdout
    assert first.stat().st_mtime_ns == marked  # the done shard was not redone
    assert not list(out.glob(".*.tmp-*"))  # the partial file is gone
    again = subprocess.run(CLI + ["load", str(out), "--db", str(db)], env=env, capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0 and "0 stored" in again.stdout, again.stdout + again.stderr
    with Store(db) as store:
        rows = store.db.execute("SELECT source_path, count(*) FROM documents GROUP BY source_path").fetchall()
    assert sorted((Path(p).name, n) for p, n in rows) == [(f"{i}.txt", 1) for i in range(4)]
    markers = [json.loads(p.read_text()) for p in sorted(out.glob("*" + DONE))]
    assert sorted(m["documents"] for m in markers) == [1, 1, 1, 1]


def test_an_events_recipient_phrases_survive_shards_and_load(tmp_path):
    """The phrases travel in the shard's analysis column and are stored by the load as by an ingest."""
    from newsgraph.store import queries

    text = "Уряд Польщі відхилив вимоги фермерів.\n"
    src = tmp_path / "in" / "farmers.txt"
    src.parent.mkdir()
    src.write_text(text, encoding="utf-8")
    report = write_shards([src], Pipeline(), tmp_path / "shards")
    ((doc, _),) = list(read_shard(report.shards[0]))
    (ev,) = [e for e in doc.events if e.type == "REJECT"]
    assert [text[p.start:p.end] for p in ev.recipient_phrases] == ["фермерів"]
    with Store(tmp_path / "loaded.db") as store:
        assert len(load_shards(report.shards, store).stored) == 1
        rows = queries.events(store.db)
    start = text.index("фермерів")
    assert [r["recipient_phrases"] for r in rows if r["type"] == "REJECT"] == [
        [{"start": start, "end": start + len("фермерів"), "text": "фермерів"}]]
    with Store(tmp_path / "direct.db") as store:
        store.ingest(read_paths([src]), Pipeline())
        assert queries.events(store.db) == rows
