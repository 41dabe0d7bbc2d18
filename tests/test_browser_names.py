"""Issue 16 in a real browser (Debian's Chromium, Playwright): an entity an event, a quote or a
document names is shown by its name in the interface language with the document's form beside
it, never in the language it was first stored in ("Россия" in a Ukrainian document's event list);
a search's entity filter naming nothing is said with the nearest names, as the lists' filters are."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

from _browser import CHROMIUM, chromium, live_server, loopback_page

if CHROMIUM is None:
    pytest.skip("no chromium binary (Debian: apt-get install chromium; scripts/setup.sh does it as root)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytest.importorskip("uvicorn")

from test_api import build_store  # noqa: E402  (the bundled examples)

UKRAINE = "loc:country:UA"  # stored as "Украина": first read in a Russian article


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser-names") / "names.db"
    build_store(db, seed=False)
    with live_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, server):
    with loopback_page(browser, server) as pg:
        yield pg


def _get(base: str, path: str) -> dict:
    return json.load(urllib.request.urlopen(base + path))


def _ua_event_in_a_ukrainian_document(base: str) -> dict:
    events = _get(base, f"api/events?recipient={UKRAINE}&limit=500")["items"]
    return next(ev for ev in events if ev["language"] == "uk")


def _set_lang(pg, base: str, lang: str) -> None:
    pg.goto(base)
    pg.locator(f"#lang-{lang}").click()


def test_a_ukrainian_documents_event_names_ukraine_in_the_interface_language(server, page):
    base = server
    ev = _ua_event_in_a_ukrainian_document(base)
    card = page.locator(f"#ev-{ev['id']}")
    link = card.locator(f"a[href='#/entity/{urllib.parse.quote(UKRAINE)}']").first

    # Ukrainian interface, Ukrainian document: "Україна", nothing beside it
    _set_lang(page, base, "uk")
    page.goto(f"{base}#/doc/{ev['doc_id']}")
    card.wait_for()
    assert link.inner_text() == "Україна"
    assert "Украина" not in card.inner_text()

    # English: "Ukraine", the document's form beside it
    page.locator("#lang-en").click()
    card.locator(".orig").first.wait_for()
    assert link.inner_text() == "Ukraine (Україна)"
    assert link.locator(".orig").get_attribute("lang") == "uk"

    # Russian: "Украина", the Ukrainian original beside it; the side panel's chips the same way
    page.locator("#lang-ru").click()
    card.locator(".orig").first.wait_for()
    assert link.inner_text() == "Украина (Україна)"
    chip = page.locator(f"aside a.chip[href='#/entity/{urllib.parse.quote(UKRAINE)}']")
    assert chip.inner_text().startswith("Украина (Україна) ×")
    assert not page.problems, page.problems


def test_the_events_list_names_every_participant_in_the_interface_language(server, page):
    base = server
    ev = _ua_event_in_a_ukrainian_document(base)
    _set_lang(page, base, "en")
    page.goto(f"{base}#/events?recipient={urllib.parse.quote(UKRAINE)}")
    page.locator("ol.events > li").first.wait_for()
    page.wait_for_timeout(300)
    text = page.locator("ol.events").inner_text()
    assert "Ukraine" in text
    # every participant link starts with its English name where the knowledge base has one
    for p in [*ev["actors"], *ev["recipients"]]:
        if p["names"].get("en"):
            shown = page.locator(f"ol.events a[href='#/entity/{urllib.parse.quote(p['id'])}']").first.inner_text()
            assert shown.startswith(p["names"]["en"]), (p, shown)
    assert not page.problems, page.problems


def test_a_quotes_speaker_and_a_roles_organisation_in_the_interface_language(server, page):
    base = server
    quotes = _get(base, "api/quotes?limit=500")["items"]
    q = next(q for q in quotes if q["speaker"] and q["speaker_names"].get("en")
             and q["speaker_names"]["en"] != q["speaker_name"])
    _set_lang(page, base, "en")
    page.goto(f"{base}#/quotes")
    who = page.locator(f"li.quote a.who[href='#/entity/{urllib.parse.quote(q['speaker'])}']").first
    who.wait_for()
    assert who.inner_text().startswith(q["speaker_names"]["en"])
    # a role's organisation: "МИД России" is the Russian Foreign Ministry in English
    page.goto(f"{base}#/entity/per:saveleva-irina")
    page.locator("a[href='#/entity/org%3ARU-MFA']", has_text="Russian Foreign Ministry").first.wait_for()
    assert not page.problems, page.problems


def test_a_search_entity_naming_nothing_is_said_with_the_nearest_names(server, page):
    base = server
    _set_lang(page, base, "uk")
    page.goto(f"{base}#/search?q=" + urllib.parse.quote("Україна") + "&entity=" + urllib.parse.quote("Москваа"))
    notice = page.locator(".unknown-name[data-param='entity']")
    notice.wait_for()
    assert "«Москваа»" in notice.inner_text() and "жодна збережена сутність" in notice.inner_text()
    href = page.locator(".unknown-name a[data-suggestion='loc:city:Moscow']").get_attribute("href")
    assert href.startswith("#/search?") and "entity=loc%3Acity%3AMoscow" in href and "q=" in href
    page.locator(".unknown-name a[data-suggestion='loc:city:Moscow']").click()
    page.locator("ul.docs li").first.wait_for()
    # the only console errors are the browser's notes of the 422 answers themselves
    assert not [p for p in page.problems if "status of 422" not in p], page.problems
