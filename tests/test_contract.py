"""The JSON contract: docs/contract.schema.json is generated from the model types,
and every line `analyze --json` (and `--json --tokens`) prints for the bundled
examples and the seed validates against it and keeps its promises (offsets
into `text`, ids that name entities of the document)."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, SEED
from newsgraph.cli import main
from newsgraph.contract import json_schema, schema_text
from newsgraph.model import NAME_KINDS, Document

SCHEMA_FILE = ROOT / "docs" / "contract.schema.json"


def _inputs() -> list[str]:
    paths = sorted(str(p) for p in EXAMPLES.iterdir())
    return paths + ([str(SEED)] if SEED.exists() else [])


@pytest.fixture(scope="module", params=[False, True], ids=["json", "json-tokens"])
def printed(request) -> list[dict]:
    """What `newsgraph analyze --json [--tokens]` prints for the examples and the seed, one dict a line."""
    args = ["analyze", "--json", *(["--tokens"] if request.param else []), *_inputs()]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr or result.output
    docs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(docs) >= 10  # every example format and the seed came through
    assert all("tokens" in s for d in docs for s in d["sentences"]) == request.param
    return docs


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "docs/contract.schema.json is stale: run `newsgraph schema > docs/contract.schema.json`"


def test_schema_command_prints_it():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.stdout) == json_schema()


def test_every_output_line_validates(printed, validator):
    for doc in printed:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]
        assert not errors, f"{doc['source']}: {errors[:5]}"


def test_output_keeps_the_contracts_promises(printed):
    for doc in printed:
        text, ids = doc["text"], {e["id"] for e in doc["entities"]}
        assert len(ids) == len(doc["entities"])  # one entity per id

        def inside(s):
            assert 0 <= s["start"] <= s["end"] <= len(text), (doc["source"], s)

        for s in doc["segments"] + doc["sentences"] + [t for s in doc["sentences"] for t in s.get("tokens", [])]:
            inside(s)
        for e in doc["entities"]:
            assert all(m["kind"] in NAME_KINDS for m in e["mentions"])
            assert all(m["kind"] not in NAME_KINDS for m in e["references"])
            for m in e["mentions"] + e["references"]:
                inside(m)
                assert text[m["start"] : m["end"]] == m["text"]
            assert all(r["org"] is None or r["org"] in ids for r in e["roles"])
        for v in doc["values"]:
            inside(v)
            assert text[v["start"] : v["end"]] == v["text"]
        for q in doc["quotes"]:
            for s in (q["cue"], q["content"], q["speaker_mention"]):
                if s is not None:
                    inside(s)
            assert q["speaker"] is None or q["speaker"] in ids
        for ev in doc["events"]:
            inside(ev["trigger"])
            inside(ev["evidence"])
            assert set(ev["actors"] + ev["recipients"]) <= ids
            assert {ev["location"], ev["source"]} - {None} <= ids


def test_the_types_read_their_own_output(printed):
    for doc in printed:
        tokens = any("tokens" in s for s in doc["sentences"])
        assert Document.from_dict(doc).to_dict(tokens=tokens) == doc


def test_the_schema_is_not_vacuous(printed, validator):
    doc = next(d for d in printed if d["quotes"] and d["entities"])
    broken = copy.deepcopy(doc)
    broken["quotes"][0]["content"] = [0, 10]  # a span is an object of start and end
    assert not validator.is_valid(broken)
    broken = copy.deepcopy(doc)
    broken["entities"][0]["confidence"] = 1.0  # no undocumented fields
    assert not validator.is_valid(broken)
    broken = copy.deepcopy(doc)
    del broken["entities"][0]["references"]
    assert not validator.is_valid(broken)


def test_rows_stored_in_the_untyped_shape_still_load(tmp_path, seed_path):
    """A database written before the layers were typed: role and pronoun mentions
    inside `mentions`, optional keys left out. It loads into today's shape."""
    import sqlite3

    from newsgraph.ingest import read_path
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store

    with Store(tmp_path / "n.db") as store:
        docs = []
        store.ingest(read_path(seed_path), Pipeline(), on_item=docs.append)
        (doc,) = docs
        assert any(e.references for e in doc.entities) and doc.quotes
    new = doc.to_dict()
    old = copy.deepcopy({k: new[k] for k in ("sentences", "entities", "values", "quotes", "events")})
    for e in old["entities"]:
        e["mentions"] = sorted(e["mentions"] + e.pop("references"), key=lambda m: (m["start"], m["end"]))
    for v in old["values"]:
        if v["end_value"] is None:
            del v["end_value"]
        if not v["partial"]:
            del v["partial"]
    for q in old["quotes"]:
        if q["speaker_mention"] is None:
            del q["speaker_mention"]
    db = sqlite3.connect(tmp_path / "n.db")
    db.execute("UPDATE documents SET analysis = ? WHERE id = ?", (json.dumps(old, ensure_ascii=False), doc.id))
    db.commit()
    db.close()
    with Store(tmp_path / "n.db") as store:
        assert store.get(doc.id).to_dict() == new
