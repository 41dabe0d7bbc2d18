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
    assert first.returncode == 1, first.stderr  # some inputs failed: a script must notice
    assert "failed" in first.stdout and "stored" in first.stdout  # the summary is output, not a log line
    for name, reason in [("empty.txt", "empty"), ("blank.txt", "empty"), ("image.png", "PNG"),
                         ("undecodable.txt", "binary"), ("truncated.warc.gz", "truncated"),
                         ("huge_single_line.txt", "too large"), ("bad.jsonl (line 2)", "invalid JSON"),
                         ("bad.jsonl (line 3)", "neither")]:
        assert any(name in line and reason in line for line in first.stderr.splitlines()), (name, first.stderr)
    con = sqlite3.connect(db)
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert stored >= 6 + 2  # six example texts, two good JSONL lines (+ broken.html, truncated WARC's first page)
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] >= 8
    second = run("ingest", folder, "--db", db, "--ok-on-failure")
    assert "0 stored" in second.stdout and second.returncode == 0
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


# -- strict input, plurals, exports (issue 16) --------------------------------------------------------


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "examples.db"
    proc = run("ingest", EXAMPLES, "--db", db)
    assert proc.returncode == 0, proc.stderr
    return db


READ_COMMANDS = [("search", "санкции"), ("show", "abc123"), ("entities",), ("entity", "Германия"), ("quotes",),
                 ("events",), ("graph",), ("export", "events"), ("serve", "--port", "0")]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_commands_never_create_a_database(tmp_path, command):
    db = tmp_path / "typo.db"
    proc = run(*command, "--db", db, check=False)
    assert proc.returncode == 2 and f"no database at {db}" in proc.stderr, proc.stderr
    assert not db.exists() and not list(tmp_path.iterdir())


def test_dates_types_and_entities_are_checked(examples_db):
    db = examples_db
    for bad in ("2024-13-45", "12.03.2024", "2024-02-30", "yesterday", "2024/03/12"):
        proc = run("events", "--since", bad, "--db", db, check=False)
        assert proc.returncode == 2 and "--since" in proc.stderr and bad in proc.stderr, (bad, proc.stderr)
    assert run("graph", "--until", "2024-1", "--db", db, check=False).returncode == 2
    for good in ("2024-11-14", "2024-11", "2024"):
        proc = run("events", "--since", good, "--json", "--db", db)
        assert proc.returncode == 0 and proc.stdout, (good, proc.stderr)
    wrong_type = run("events", "--type", "AID,HUG", "--db", db, check=False)
    assert wrong_type.returncode == 2 and "HUG" in wrong_type.stderr and "COOPERATE" in wrong_type.stderr
    assert run("events", "--type", "aid", "--json", "--db", db).returncode == 0
    nobody = run("quotes", "--speaker", "Ніхтонезнаєхтоцей", "--db", db, check=False)
    assert nobody.returncode == 2 and "no stored entity" in nobody.stderr
    near = run("entities", "--q", "Коваль", "--db", db, check=False)
    assert near.returncode == 1 and "did you mean" in near.stderr and "Михал Ковальчик" in near.stderr
    assert run("entities", "--limit", "0", "--db", db, check=False).returncode == 2


def test_events_at_a_place(examples_db):
    db = examples_db
    here = [json.loads(l) for l in run("events", "--place", "Москвы", "--json", "--db", db).stdout.splitlines()]
    assert [e["type"] for e in here] == ["ACCUSE"] and "Москве" in here[0]["evidence"]
    assert len(here[0]["reprints"]) == 3  # the story's three copies, beside it
    assert len(run("events", "--place", "Moscow", "--all", "--json", "--db", db).stdout.splitlines()) == 4
    assert run("events", "--place", "loc:city:Moscow", "--type", "AID", "--json", "--db", db).stdout == ""
    assert len(run("events", "--json", "--db", db).stdout.splitlines()) > 1  # the filter does filter
    nowhere = run("events", "--place", "Ніденемаєтакого", "--db", db, check=False)
    assert nowhere.returncode == 2 and "--place 'Ніденемаєтакого': no stored entity" in nowhere.stderr
    typo = run("events", "--place", "Москваа", "--db", db, check=False)
    assert typo.returncode == 2 and "did you mean" in typo.stderr and "loc:city:Moscow" in typo.stderr


def test_plurals_and_where_each_document_comes_from(examples_db, tmp_path):
    listing = run("entities", "--limit", "200", "--db", examples_db).stdout
    assert "1 mention in 1 document" in listing and "1 documents" not in listing and "1 mentions" not in listing
    one = run("ingest", EXAMPLES / "text" / "en_summit.txt", "--db", tmp_path / "one.db")
    assert one.stdout.startswith("1 document read: 1 stored (0 as reprints"), one.stdout
    hits = run("search", "санкциями", "--db", examples_db).stdout
    assert "mirovye-vesti.ru" in hits and "https://www.mirovye-vesti.ru/" in hits and "2024-11-14" in hits
    doc = json.loads(run("search", "санкциями", "--json", "--db", examples_db).stdout.splitlines()[0])
    shown = run("show", doc["id"], "--db", examples_db).stdout
    assert "published  2024-11-14" in shown and "site       mirovye-vesti.ru" in shown
    assert "url        https://www.mirovye-vesti.ru/" in shown and "reprinted as 3 copies" in shown


def test_show_takes_a_unique_prefix_and_says_how_long_it_must_be(examples_db):
    ids = sorted(json.loads(l)["id"] for l in run("export", "documents", "--format", "jsonl", "--all",
                                                  "--db", examples_db).stdout.splitlines())
    first, second = next((a, b) for a, b in zip(ids, ids[1:]) if a[0] == b[0])
    need = len(os.path.commonprefix([first, second])) + 1
    ambiguous = run("show", first[: need - 1], "--db", examples_db, check=False)
    assert ambiguous.returncode == 1 and "ambiguous" in ambiguous.stderr
    assert f"at least {need} characters" in ambiguous.stderr
    unique = run("show", first[:need], "--json", "--db", examples_db)
    assert unique.returncode == 0 and json.loads(unique.stdout)["id"] == first


def test_export_formats_bom_and_filters(examples_db, tmp_path):
    import csv
    import io
    import xml.etree.ElementTree as ET

    db = examples_db
    events = run("events", "--json", "--db", db).stdout.splitlines()
    jsonl = run("export", "events", "--format", "jsonl", "--db", db).stdout.splitlines()
    assert [json.loads(l)["id"] for l in jsonl] == [json.loads(l)["id"] for l in events]
    out = tmp_path / "events.csv"
    assert run("export", "events", "-o", out, "--db", db).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(events) and {"type", "actors", "evidence"} <= set(rows[0])
    plain = run("export", "quotes", "--no-bom", "--speaker", "Ковальчика", "--db", db).stdout
    assert not plain.startswith("\ufeff")
    said = list(csv.DictReader(io.StringIO(plain)))  # his judgement of the decision, and his words
    (quote,) = [q for q in said if "сжиженного газа" in q["content"]]
    assert len(said) == 2 and quote["reprints"].count("mirovye-vesti.ru") == 2
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graphml = ET.fromstring(run("export", "graph", "--format", "graphml", "--db", db).stdout.encode())
    edges = graphml.findall(".//g:edge", ns)
    assert edges and len(edges) == len(json.loads(run("graph", "--json", "--db", db).stdout)["edges"])
    gexf = ET.fromstring(run("export", "graph", "--format", "gexf", "--type", "AID", "--db", db).stdout.encode())
    assert all(e.get("label").startswith("AID") for e in gexf.findall(".//{http://gexf.net/1.3}edge"))
    entities = run("export", "entities", "--format", "jsonl", "--limit", "5", "--db", db).stdout.splitlines()
    assert len(entities) == 5
    assert run("export", "events", "--format", "graphml", "--db", db, check=False).returncode == 2
    assert run("export", "entities", "--about", "Германия", "--db", db, check=False).returncode == 2
    assert run("export", "secrets", "--db", db, check=False).returncode == 2


def test_ingest_progress_line_off_a_terminal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(
            f"Новина {i} про ремонт доріг\nУ місті номер {i} відремонтували {i + 2} вулиці та {i + 5} тротуарів.\n",
            encoding="utf-8")
    proc = run("ingest", folder, "--db", tmp_path / "p.db", env={"NEWSGRAPH_PROGRESS_SECONDS": "0"})
    assert proc.returncode == 0, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.startswith("ingesting:")]
    assert lines and all("files/s" in l and "ETA" in l for l in lines), proc.stderr
    assert "6 documents read" in proc.stdout


def test_export_events_at_a_place(examples_db):
    db = examples_db
    listed = [json.loads(l) for l in run("events", "--place", "Москвы", "--json", "--db", db).stdout.splitlines()]
    for ref in ("Москвы", "Moscow", "loc:city:Moscow"):
        exported = run("export", "events", "--format", "jsonl", "--place", ref, "--db", db).stdout.splitlines()
        assert [json.loads(l)["id"] for l in exported] == [e["id"] for e in listed] and len(listed) == 1, ref
    assert len(run("export", "events", "--format", "jsonl", "--place", "Moscow", "--all", "--db", db)
               .stdout.splitlines()) == 4  # the story and its three reprints
    assert run("export", "events", "--format", "jsonl", "--place", "Moscow", "--type", "AID", "--db", db).stdout == ""
    typo = run("export", "events", "--place", "Москваа", "--db", db, check=False)
    assert typo.returncode == 2 and "--place 'Москваа': no stored entity" in typo.stderr
    assert "did you mean" in typo.stderr and "loc:city:Moscow" in typo.stderr
    other = run("export", "quotes", "--place", "Moscow", "--db", db, check=False)
    assert other.returncode == 2 and "--place does not apply to quotes exports" in other.stderr
    assert "--place" in run("export", "--help").stdout


def test_readme_shows_the_progress_lines_ingest_prints(tmp_path):
    """The README's "Strict input" paragraph quotes a progress line and the totals line: the lines
    a run off a terminal prints have their shape, number for number."""
    import re
    from pathlib import Path

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    quoted = {q.split(":")[0]: q for q in re.findall(r"`(ingest(?:ing|ed): [^`]+)`", readme)}
    assert {"ingesting", "ingested"} <= set(quoted), quoted

    def shape(line: str) -> str:  # numbers, times and an estimate's "~" as patterns, the words as they are
        parts = re.split(r"(~?\d[\d.:]*)", line)
        return "^" + "".join(r"~?\d[\d.:]*" if i % 2 else re.escape(part) for i, part in enumerate(parts)) + "$"

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Новина {i}\nУ місті відремонтували {i + 2} вулиці.\n", encoding="utf-8")
    err = run("ingest", folder, "--db", tmp_path / "p.db", env={"NEWSGRAPH_PROGRESS_SECONDS": "0"}).stderr
    lines = err.splitlines()
    progress = [l for l in lines if re.match(shape(quoted["ingesting"]), l)]
    assert progress, (shape(quoted["ingesting"]), err)
    assert [l for l in lines if l.startswith("ingested:")] and all(
        re.match(shape(quoted["ingested"]), l) for l in lines if l.startswith("ingested:")), err


def test_events_print_the_recipients_no_entity_stands_for(tmp_path):
    """"Уряд Польщі відхилив вимоги фермерів": REJECT by Poland of "фермерів", a recipient no entity
    stands for, printed after the named recipients (none here), kept by the store, exported."""
    import csv
    import io

    text = "Уряд Польщі відхилив вимоги фермерів.\n"
    src = tmp_path / "farmers.txt"
    src.write_text(text, encoding="utf-8")
    db = tmp_path / "farmers.db"
    assert run("ingest", src, "--db", db).returncode == 0
    assert "REJECT Польща → «фермерів»" in run("events", "--db", db).stdout
    assert "Польща → «фермерів»" in run("entity", "Польща", "--db", db).stdout
    rows = [json.loads(line) for line in run("events", "--type", "REJECT", "--json", "--db", db).stdout.splitlines()]
    start = text.index("фермерів")
    assert [r["recipient_phrases"] for r in rows] == [[{"start": start, "end": start + 8, "text": "фермерів"}]]
    table = list(csv.DictReader(io.StringIO(run("export", "events", "--no-bom", "--type", "REJECT",
                                                "--db", db).stdout)))
    assert [r["recipient_phrases"] for r in table] == ["фермерів"]
