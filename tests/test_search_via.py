"""Issue 16: a search that names a known entity also lists the stories that mention it in any
language, "shown as such". The API marks each such hit with ``via`` (the entity's id) and names the
entity in ``through``; the explorer shows those hits with a "via entity: NAME" badge in the interface
language and says how many were found that way, and a plain word hit has no badge.

On the bundled examples "NATO" matches the English article by its words and the Ukrainian one only
through the entity (it says "НАТО"). The browser checks need Chromium and Playwright, like
tests/test_browser_names.py, and are skipped without them; the API checks always run.
"""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from test_api import build_store  # the bundled examples

NATO = "org:NATO"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("search-via") / "via.db"
    build_store(path, seed=False)
    return path


def _search(base_or_client, q: str) -> dict:
    if isinstance(base_or_client, str):
        return json.load(urllib.request.urlopen(base_or_client + "api/search?" + urllib.parse.urlencode({"q": q})))
    return base_or_client.get("/api/search", params={"q": q}).json()


# ---- the API ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(db):
    from fastapi.testclient import TestClient

    from newsgraph.serve import create_app

    return TestClient(create_app(db))


def test_the_api_marks_hits_found_through_the_entity(client):
    res = _search(client, "NATO")
    assert res["through"]["id"] == NATO
    text = [h for h in res["items"] if h["via"] is None]
    via = [h for h in res["items"] if h["via"] is not None]
    assert text and via, res["items"]
    assert {h["language"] for h in text} == {"en"}
    assert {h["via"] for h in via} == {NATO} and "uk" in {h["language"] for h in via}
    # the text matches come first, then the stories found through the entity
    assert res["items"] == text + via
    # without entity expansion, no hit is marked
    plain = client.get("/api/search", params={"q": "NATO", "entities": "false"}).json()
    assert plain["items"] and all(h["via"] is None for h in plain["items"])


# ---- the explorer, in a real browser -------------------------------------------------------------

@pytest.fixture(scope="module")
def server(db):
    pytest.importorskip("uvicorn")
    from _browser import live_server

    with live_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from _browser import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, server):
    from _browser import loopback_page

    with loopback_page(browser, server) as pg:
        yield pg


def _hit(pg, doc_id: str):
    return pg.locator("ul.docs > li", has=pg.locator(f"a.doc-title[href='#/doc/{doc_id}']"))


@pytest.mark.parametrize("lang, label, name", [
    ("uk", "через сутність", "НАТО"), ("ru", "через сущность", "НАТО"), ("en", "via entity", "NATO")])
def test_the_explorer_badges_hits_found_through_the_entity(server, page, lang, label, name):
    res = _search(server, "NATO")
    text = [h for h in res["items"] if h["via"] is None]
    via = [h for h in res["items"] if h["via"] == NATO]
    assert text and via

    page.goto(server)
    page.locator(f"#lang-{lang}").click()
    page.goto(f"{server}#/search?q=NATO")
    _hit(page, via[0]["id"]).wait_for()

    for h in via:
        badge = _hit(page, h["id"]).locator(".badge.via")
        assert badge.count() == 1, h
        assert badge.inner_text() == f"{label}: {name}"
        assert badge.get_attribute("data-via") == NATO
    for h in text:  # a word match is not marked
        assert _hit(page, h["id"]).count() == 1
        assert _hit(page, h["id"]).locator(".badge.via").count() == 0, h
    # how many were found that way, with a link to the entity
    note = page.locator(".via-note")
    assert note.locator(".via-count").inner_text() == str(len(via))
    assert note.locator(f"a[href='#/entity/{urllib.parse.quote(NATO)}']").inner_text() == name
    assert page.locator(".badge.via").count() == len(via)
    assert not page.problems, page.problems


def test_a_plain_word_search_shows_no_via_badge(server, page):
    # "ППО" names no entity: every hit is a text match
    res = _search(server, "ППО")
    assert res["items"] and res["through"] is None
    page.goto(f"{server}#/search?q=" + urllib.parse.quote("ППО"))
    _hit(page, res["items"][0]["id"]).wait_for()
    page.wait_for_timeout(200)
    assert page.locator(".badge.via").count() == 0
    assert page.locator(".via-note").count() == 0
    assert page.locator("p.snippet mark").count() >= 1
    assert not page.problems, page.problems
