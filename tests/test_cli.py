import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import DATA, EXAMPLES

CLI = [sys.executable, "-m", "newsgraph"]


def run(*args, stdin=None, env=None, check=True):
    proc = subprocess.run(CLI + list(map(str, args)), capture_output=True, text=True, input=stdin,
                          env={**os.environ, **(env or {})}, timeout=300)
    if check and proc.returncode not in (0, 1):
        raise AssertionError(proc.stderr)
    return proc


def test_analyze_json_on_the_seed(seed_path):
    proc = run("analyze", "--json", seed_path)
    assert proc.returncode == 0, proc.stderr
    (doc,) = [json.loads(line) for line in proc.stdout.splitlines()]
    text = seed_path.read_text(encoding="utf-8")
    assert doc["text"] == text and doc["language"] == "uk"
    assert doc["source"] == {"path": str(seed_path), "url": None, "format": "text", "record": None}
    kinds = [s["kind"] for s in doc["segments"]]
    assert kinds[:2] == ["title", "lead"] and kinds[-2:] == ["boilerplate", "boilerplate"]
    assert [s["language"] for s in doc["segments"][-2:]] == ["ru", "ru"]
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    assert [text[s["start"]:s["end"]] for s in doc["segments"]] == lines
    money = next(v for v in doc["values"] if v["type"] == "MONEY")
    assert (text[money["start"]:money["end"]], money["value"], money["unit"]) == ("€28 мільярдів", 28e9, "EUR")
    for entity in doc["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_analyze_reads_stdin_and_keeps_input_order():
    text = "Заголовок новини\nПерший абзац новини про події у місті, які сталися вчора ввечері.\n"
    proc = run("analyze", "--json", "-", stdin=text)
    (doc,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert doc["text"] == text and doc["title"] == "Заголовок новини"
    proc = run("analyze", "--json", EXAMPLES / "text" / "en_summit.txt", EXAMPLES / "text" / "ru_sanctions.txt")
    assert [json.loads(l)["language"] for l in proc.stdout.splitlines()] == ["en", "ru"]


def test_mixed_folder_ingests_good_reports_bad_and_second_run_adds_nothing(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(DATA / "bad", folder / "bad")
    shutil.copytree(EXAMPLES / "text", folder / "text")
    huge = folder / "bad" / "huge_single_line.txt"
    huge.write_bytes(b"\xd0\xb0" * (25 * 1024 * 1024))  # 50 MB of "а" on one line
    db = tmp_path / "n.db"
    first = run("ingest", folder, "--db", db)
    assert first.returncode == 0, first.stderr
    for name, reason in [("empty.txt", "empty"), ("blank.txt", "empty"), ("image.png", "PNG"),
                         ("undecodable.txt", "binary"), ("truncated.warc.gz", "truncated"),
                         ("huge_single_line.txt", "too large"), ("bad.jsonl (line 2)", "invalid JSON"),
                         ("bad.jsonl (line 3)", "neither")]:
        assert any(name in line and reason in line for line in first.stderr.splitlines()), (name, first.stderr)
    con = sqlite3.connect(db)
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert stored >= 6 + 2  # six example texts, two good JSONL lines (+ broken.html, truncated WARC's first page)
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] >= 8
    second = run("ingest", folder, "--db", db)
    assert "0 stored" in second.stderr
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == stored


def test_ingest_killed_midway_then_rerun_stores_each_document_once(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"{i:03}.txt").write_text(
            f"Новина номер {i} про засідання міської ради\n"
            f"Депутати міської ради на засіданні номер {i} розглянули {i + 3} питань порядку денного.\n"
            f"Серед них бюджет, ремонт {i} шкіл і закупівля {i * 7} автобусів для міста.\n",
            encoding="utf-8")
    db = tmp_path / "n.db"
    proc = subprocess.Popen(CLI + ["ingest", str(folder), "--db", str(db)], stderr=subprocess.PIPE)
    deadline = time.time() + 120
    count = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            count = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if count >= 10:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert count < 300, "ingest finished before it could be killed"
    run("ingest", folder, "--db", db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 300
    assert con.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 300
    assert con.execute("SELECT count(DISTINCT source_path) FROM documents").fetchone()[0] == 300


def test_search_and_show(tmp_path):
    db = tmp_path / "n.db"
    run("ingest", EXAMPLES, "--db", db)
    proc = run("search", "--json", "санкциями", "--db", db)
    hits = [json.loads(l) for l in proc.stdout.splitlines()]
    assert hits and any("санкции" in h["title"].lower() or "санкц" in h["snippet"].lower() for h in hits)
    shown = run("show", "--json", hits[0]["id"][:8], "--db", db)
    assert json.loads(shown.stdout)["id"] == hits[0]["id"]
    missing = run("show", "nosuchid", "--db", db)
    assert missing.returncode == 1 and "no stored document" in missing.stderr


def test_db_defaults_to_environment_variable(tmp_path):
    db = tmp_path / "env.db"
    run("ingest", EXAMPLES / "text" / "en_summit.txt", env={"NEWSGRAPH_DB": str(db)})
    assert db.exists()


def test_eval_ner_scores_only_the_listed_documents(tmp_path):
    from conftest import SHARED
    from newsgraph.evaluation.ner import read_ner_uk

    corpus = SHARED / "data" / "ner-uk-train"
    if not corpus.exists():
        pytest.skip("../shared/data is not beside the repository")
    names = ["ng/" + p.stem for p in sorted((corpus / "ng").glob("*.ann"))[:2]]
    listed = tmp_path / "docs.txt"
    listed.write_text("\n".join(names) + "\n", encoding="utf-8")
    gold = sum(1 for d in read_ner_uk(corpus) if d.name in names for s in d.spans if s.type in ("PER", "ORG", "LOC"))
    proc = run("eval", "ner", corpus, "--only", listed)
    assert proc.returncode == 0, proc.stderr
    micro = next(line for line in proc.stdout.splitlines() if line.startswith("micro"))
    assert int(micro.split()[-1]) == gold > 0


def test_eval_ner_misses_lists_what_was_missed_and_invented(tmp_path):
    text = "Канцлер Олаф Шольц прибув до Берліна разом із Марком Рютте."
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    gold = [("PERS", "Олаф Шольц"), ("LOC", "Берліна"), ("ORG", "Канцлер")]  # the last one cannot be found
    rows = [f"T{i}\t{t}\t{text.index(s)}\t{text.index(s) + len(s)}\t{s}" for i, (t, s) in enumerate(gold, 1)]
    (tmp_path / "doc.ann").write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = run("eval", "ner", tmp_path, "--misses")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(l.startswith("missed") and "ORG" in l and "'Канцлер'" in l for l in lines)
    assert any(l.startswith("invented") and "PER" in l and "'Марком Рютте'" in l for l in lines)
    assert not any("'Олаф Шольц'" in l for l in lines if l.startswith(("missed", "invented")))
