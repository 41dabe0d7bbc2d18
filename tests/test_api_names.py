"""Issue 16 over HTTP: a search's ``entity`` filter naming nothing is the 422 with the nearest names
every other entity filter answers (and the CLI's ``search --entity`` the error ``events --actor``
gives); every entity an answer names carries its names in uk/ru/en, so the explorer can show it in
the interface language with the document's form beside it."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from newsgraph.store import Store  # noqa: E402

MOSCOW = "loc:city:Moscow"
UKRAINE = "loc:country:UA"
SEARCHES = ("/api/search", "/api/search/volume", "/api/search/facets")


# ---- the search's entity filter --------------------------------------------------------------------

@pytest.mark.parametrize("path", SEARCHES)
def test_a_search_entity_naming_nothing_is_422_with_the_nearest_names(api, path):
    none = api.get(path, params={"q": "Москва", "entity": "Ніденемаєтакого"})
    assert none.status_code == 422, none.text
    assert none.json() == {"detail": "entity: no entity named Ніденемаєтакого", "suggestions": []}
    typo = api.get(path, params={"q": "Москва", "entity": "Москваа"})
    assert typo.status_code == 422 and typo.json()["detail"] == "entity: no entity named Москваа"
    near = typo.json()["suggestions"]
    assert MOSCOW in [s["id"] for s in near] and {"id", "name", "names", "type", "documents"} <= set(near[0])
    # a name that names an entity (any form) narrows as its id does; empty is no filter
    by_name = api.get(path, params={"q": "Москва", "entity": "Москве"})
    by_id = api.get(path, params={"q": "Москва", "entity": MOSCOW})
    assert by_name.status_code == 200 and by_name.json() == by_id.json()
    assert api.get(path, params={"q": "Москва", "entity": ""}).status_code == 200


def test_a_search_narrowed_by_an_entity_finds_its_stories(api, examples):
    with Store(examples) as s:
        stories = {r[0] for r in s.db.execute("SELECT story_id FROM entity_stories WHERE entity_id = ?", (MOSCOW,))}
    found = api.get("/api/search", params={"q": "Москва", "entity": "Москвы", "limit": 100}).json()
    assert found["items"] and {h["id"] for h in found["items"]} <= stories


def test_the_openapi_description_lists_the_searches_422(api):
    paths = api.get("/openapi.json").json()["paths"]
    for path in SEARCHES:
        assert "422" in paths[path]["get"]["responses"], path


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def test_cli_search_entity_naming_nothing_fails_as_events_actor_does(examples):
    search = _cli("search", "Москва", "--db", examples, "--entity", "Москваа")
    events = _cli("events", "--db", examples, "--actor", "Москваа")
    assert events.returncode != 0 and search.returncode == events.returncode, (search.stderr, events.stderr)
    assert "--entity 'Москваа': no stored entity has this name; did you mean:" in search.stderr
    assert "Москва" in search.stderr.split("did you mean:")[1]
    assert events.stderr.replace("--actor", "--entity") == search.stderr
    nothing = _cli("search", "Москва", "--db", examples, "--entity", "Ніденемаєтакого")
    assert nothing.returncode == events.returncode and "no stored entity has this name" in nothing.stderr


def test_cli_search_narrowed_by_an_entity_language_and_type(examples):
    import json

    with Store(examples) as s:
        stories = {r[0] for r in s.db.execute("SELECT story_id FROM entity_stories WHERE entity_id = ?", (MOSCOW,))}

    def hits(*args):  # --json: one hit a line
        out = _cli("search", "Україна", "--db", examples, "--limit", 100, *args, "--json").stdout
        return [json.loads(line) for line in out.splitlines()]

    narrowed = hits("--entity", "Москвы")
    assert narrowed and {h["id"] for h in narrowed} <= stories and len(narrowed) < len(hits())
    in_ru = hits("--language", "ru")
    assert in_ru and all(h["language"] == "ru" for h in in_ru)
    bad = _cli("search", "Москва", "--db", examples, "--language", "de")
    assert bad.returncode == 2 and "--language" in bad.stderr
    bad = _cli("search", "Москва", "--db", examples, "--type", "NOSUCH")
    assert bad.returncode == 2 and "--type" in bad.stderr


# ---- names by language on every entity an answer names -------------------------------------------------

def _names_of(db, entity_id: str) -> dict[str, str]:
    import json

    return json.loads(db.execute("SELECT names FROM entities WHERE id = ?", (entity_id,)).fetchone()[0])


def _refs(event: dict) -> list[dict]:
    return [*event["actors"], *event["recipients"]]


def _check_events(db, events: list[dict]) -> None:
    assert events
    for ev in events:
        for p in _refs(ev):
            assert p["names"] == _names_of(db, p["id"]), p
        assert ev["source_names"] == (_names_of(db, ev["source"]) if ev["source"] else {})


def _check_quotes(db, quotes: list[dict]) -> None:
    assert quotes
    for q in quotes:
        assert q["speaker_names"] == (_names_of(db, q["speaker"]) if q["speaker"] else {}), q


def test_event_participants_carry_their_names_by_language(api, examples):
    """Ukraine is stored as "Украина" (first read in Russian); a Ukrainian document's event names it
    with its names, so the explorer shows "Україна" there, or "Ukraine" in English."""
    events = api.get("/api/events", params={"recipient": UKRAINE, "limit": 500}).json()["items"]
    in_uk = [ev for ev in events if ev["language"] == "uk"]
    assert in_uk
    for ev in in_uk:
        ua = next(p for p in ev["recipients"] if p["id"] == UKRAINE)
        assert ua["name"] == "Украина" and ua["names"]["uk"] == "Україна" and ua["names"]["en"] == "Ukraine"
    with Store(examples) as s:
        _check_events(s.db, events)
        _check_events(s.db, api.get("/api/events", params={"limit": 500}).json()["items"])
        spoken = [ev for ev in api.get("/api/events", params={"limit": 500}).json()["items"] if ev["source"]]
        assert spoken and all(ev["source_names"] for ev in spoken if _names_of(s.db, ev["source"]))


def test_quote_speakers_carry_their_names_by_language(api, examples):
    quotes = api.get("/api/quotes", params={"limit": 500}).json()["items"]
    assert any(q["speaker_names"].get("en") for q in quotes)
    with Store(examples) as s:
        _check_quotes(s.db, quotes)


def test_a_document_and_an_entity_page_name_everything_by_language(api, examples):
    with Store(examples) as s:
        doc_id = s.db.execute("""SELECT ev.doc_id FROM events ev JOIN event_participants p ON p.event_id = ev.id
                                 JOIN documents d ON d.id = ev.doc_id
                                 WHERE p.entity_id = ? AND d.language = 'uk' LIMIT 1""", (UKRAINE,)).fetchone()[0]
        doc = api.get(f"/api/documents/{doc_id}").json()
        _check_events(s.db, doc["events"])
        ua = next(p for ev in doc["events"] for p in _refs(ev) if p["id"] == UKRAINE)
        assert ua["names"]["uk"] == "Україна"
        if doc["quotes"]:
            _check_quotes(s.db, doc["quotes"])

        page = api.get(f"/api/entities/{UKRAINE}").json()
        _check_events(s.db, page["events_as_recipient"])
        speaker = s.db.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL LIMIT 1").fetchone()[0]
        _check_quotes(s.db, api.get(f"/api/entities/{speaker}").json()["quotes_by"])

        # a role's organisation: "МИД России" is the Russian Foreign Ministry in English
        with_org = s.db.execute("SELECT entity_id, org_id FROM roles WHERE org_id = 'org:RU-MFA' LIMIT 1").fetchone()
        assert with_org
        roles = api.get(f"/api/entities/{with_org[0]}").json()["roles"]
        mfa = next(r for r in roles if r["org"] == "org:RU-MFA")
        assert mfa["org_name"] == "МИД России" and mfa["org_names"]["en"] == "Russian Foreign Ministry"


def test_a_places_events_on_the_map_carry_their_names(api, examples):
    events = api.get(f"/api/map/places/{MOSCOW}").json()["events"]
    with Store(examples) as s:
        _check_events(s.db, events)
