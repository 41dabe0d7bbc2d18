"""The web explorer in a real browser: Debian's headless Chromium driven by Playwright against
`newsgraph serve`'s application on a loopback port.

Set NEWSGRAPH_SCREENSHOTS=DIR to save screenshots of the main views into DIR
(docs/screenshots/ holds the ones in the README).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from _browser import live_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
if CHROMIUM is None:
    pytest.skip("no chromium binary (Debian: apt-get install chromium; scripts/setup.sh does it as root)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed"
if not SEED.exists():
    pytest.skip("../shared/seed is not beside the repository", allow_module_level=True)

from test_api import build_store  # noqa: E402  (same data as the API tests)

SHOTS = os.environ.get("NEWSGRAPH_SCREENSHOTS")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "browser.db"
    ids = build_store(db)
    with live_server(db) as url:
        yield url, ids


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="uk-UA")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.problems = []
    pg.dialogs = []
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def _shot(pg, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        pg.wait_for_timeout(300)
        pg.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def test_seed_document_rutte_quotes_and_the_aid_edge(server, page):
    base, ids = server
    page.goto(f"{base}#/doc/{ids['seed']}")
    article = page.locator("article.doc-text")
    article.wait_for()
    assert "НАТО має надати Україні" in page.locator("h1").inner_text()
    # segments labelled, boilerplate greyed, mentions / quotes / triggers marked
    assert page.locator(".seg-title").count() == 1 and page.locator(".seg-lead").count() == 1
    assert page.locator(".seg-boilerplate").count() >= 1 and page.locator(".seg-related").count() >= 1
    assert "Написать комментарий" in page.locator(".seg-boilerplate").last.inner_text()
    assert page.locator("article .in-quote").count() > 0 and page.locator("article button.trigger").count() > 0
    assert page.locator("article .speaker", has_text="Марк Рютте").count() >= 3
    _shot(page, "document")

    page.locator("article a.mention", has_text="Марк Рютте").first.click()
    page.wait_for_url("**#/entity/**")
    page.locator("h1", has_text="Марк Рютте").wait_for()
    direct = page.locator(".timeline li.quote[data-kind='direct']")
    assert direct.count() == 3
    assert "Північнокорейські війська були залучені" in direct.first.inner_text()
    assert page.locator("table.names").inner_text().count("Mark Rutte") == 1
    page.get_by_role("button", name="пряма", exact=True).click()
    assert page.locator(".timeline li.quote:visible").count() == 3
    _shot(page, "entity")

    page.locator("#nav a[href='#/graph']").click()
    edge = page.locator(".edge-btn[data-type='AID'][data-source='loc:country:DE'][data-target='loc:country:UA']")
    edge.wait_for()
    assert "Німеччина → Україна" in edge.inner_text()
    # the same edge is drawn by Cytoscape, coloured as material cooperation
    drawn = page.evaluate("""() => window.ngCy.edges().filter(e => e.data('label') === 'AID'
        && e.source().data('label') === 'Німеччина' && e.target().data('label') === 'Україна')
        .map(e => e.data('color'))""")
    assert drawn == ["#1d6fb8"]
    # clicking the edge on the canvas opens its evidence
    box = page.locator("#cy").bounding_box()
    mid = page.evaluate("""() => { const e = window.ngCy.edges().filter(e => e.data('label') === 'AID'
        && e.source().data('label') === 'Німеччина' && e.target().data('label') === 'Україна')[0];
        return e.renderedMidpoint(); }""")
    page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])
    panel = page.locator("#evidence")
    try:
        panel.locator("h2", has_text="Німеччина → Україна").wait_for(timeout=3000)
    except playwright.TimeoutError:  # another edge or label under the midpoint: use the accessible list
        edge.click()
    panel.locator("h2", has_text="Німеччина → Україна").wait_for()
    assert "AID" in panel.locator("h2").inner_text()
    assert "Німеччина вже спрямувала в Україну військову допомогу на €28 мільярдів" in panel.inner_text()
    _shot(page, "graph")
    # the evidence links back to the sentence in its document
    panel.locator("a", has_text="НАТО має надати").first.click()
    page.locator(".hl-target").first.wait_for()
    assert not page.problems, page.problems


def test_xss_probe_renders_inert(server, page):
    base, ids = server
    page.goto(f"{base}#/doc/{ids['xss']}")
    page.locator("article.doc-text").wait_for()
    page.wait_for_timeout(500)
    text = page.locator("article.doc-text").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("main script, main img, main b").count() == 0
    assert page.dialogs == []
    # search results and the document list show the same text as text
    page.goto(f"{base}#/search?q=перевіряє")
    page.locator("ul.docs li").first.wait_for()
    page.goto(f"{base}#/documents?offset=0")
    page.locator("ul.docs li").first.wait_for()
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.locator("main img").count() == 0
    assert not page.problems, page.problems


def test_keyboard_search_and_language_switch(server, page):
    base, _ = server
    page.goto(base)
    page.locator(".stats").wait_for()
    _shot(page, "home")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'q'", timeout=5000)
    page.keyboard.type("Шольцом")
    page.keyboard.press("Enter")
    page.wait_for_url("**#/search?q=*")
    page.locator("ul.docs li a", has_text="НАТО має надати Україні").wait_for()
    page.locator("ul.docs mark").first.wait_for()  # the page renders in steps: wait, then count
    page.locator("a.chip", has_text="Олаф Шольц").first.wait_for()
    assert page.locator("a.chip", has_text="Олаф Шольц").count() == 1
    _shot(page, "search")
    page.locator("#lang-en").click()
    page.locator("#nav a", has_text="Documents").wait_for()
    page.locator("h1", has_text="Search").wait_for()
    page.goto(f"{base}#/entity/loc:country:DE")
    page.locator("h1", has_text="Germany").wait_for()
    page.locator("#lang-uk").click()
    page.locator("h1", has_text="Німеччина").wait_for()
    # everything interactive is reachable with Tab
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("A", "BUTTON", "INPUT")
    assert not page.problems, page.problems


def test_events_by_place_and_names_that_name_nothing(server, page):
    """The events view's place field filters as /api/events?place= does; a name that names no
    entity is said in the interface language under the form, with the nearest names as links."""
    import json
    import urllib.parse
    import urllib.request

    base, _ = server
    moscow = json.load(urllib.request.urlopen(f"{base}api/events?place=loc:city:Moscow"))["items"]
    assert moscow
    page.goto(f"{base}#/events")
    page.locator("form.filters input[name='place']").wait_for()
    assert page.locator("form.filters label", has_text="Де").count() == 1
    page.fill("form.filters input[name='place']", "Москвы")
    page.locator("form.filters button[type='submit']").click()
    page.wait_for_url("**#/events?place=*")
    page.locator("ol.events > li").first.wait_for()
    page.wait_for_timeout(300)
    assert page.locator("ol.events > li").count() == len(moscow)
    assert page.locator("section.facets [data-facet='place'] a.facet[data-value='loc:city:Moscow']").count() == 1
    assert page.locator("form.filters input[name='place']").input_value() == "Москвы"
    # the export buttons take the place too
    assert "place=" in page.locator("a[data-export='csv']").get_attribute("href")

    # a typo: the form stays, the message is Ukrainian, the suggestion a link with the place's id
    page.goto(f"{base}#/events?place=" + urllib.parse.quote("Москваа"))
    notice = page.locator(".unknown-name[data-param='place']")
    notice.wait_for()
    assert "«Москваа»" in notice.inner_text() and "жодна збережена сутність" in notice.inner_text()
    assert "Можливо, ви мали на увазі" in notice.inner_text()
    assert page.locator("form.filters input[name='place']").input_value() == "Москваа"
    page.locator("#lang-ru").click()
    page.locator(".unknown-name", has_text="ни одна сохранённая сущность").wait_for()
    page.locator("#lang-uk").click()
    page.locator(".unknown-name", has_text="жодна збережена сутність").wait_for()
    page.locator(".unknown-name a[data-suggestion='loc:city:Moscow']").click()
    page.wait_for_url("**place=loc%3Acity%3AMoscow*")
    page.locator("ol.events > li").first.wait_for()
    assert page.locator("ol.events > li").count() == len(moscow)

    # an actor, in English; the graph's focus (the API's entity) the same way
    page.locator("#lang-en").click()
    page.goto(f"{base}#/events?actor=" + urllib.parse.quote("Ніденемаєтакого"))
    page.locator(".unknown-name[data-param='actor']", has_text="no stored entity has this name").wait_for()
    assert page.locator(".unknown-name a[data-suggestion]").count() == 0  # nothing near it: no list
    page.goto(f"{base}#/graph?focus=" + urllib.parse.quote("Москваа"))
    page.locator(".unknown-name[data-param='entity']").wait_for()
    href = page.locator(".unknown-name a[data-suggestion='loc:city:Moscow']").get_attribute("href")
    assert href.startswith("#/graph?") and "focus=loc%3Acity%3AMoscow" in href
    page.locator("#lang-uk").click()
    # the only console errors are the browser's notes of the 422 answers themselves
    assert not [p for p in page.problems if "status of 422" not in p], page.problems


def test_an_events_recipient_phrase_shows_as_a_description(page, tmp_path):
    """"фермерів", a recipient no entity stands for, follows the named recipients in the events
    list: its words, styled as a description, no link."""
    from newsgraph.ingest import read_bytes
    from newsgraph.model import Source
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store

    db = tmp_path / "farmers.db"
    with Store(db) as store:
        store.ingest(read_bytes("Уряд Польщі відхилив вимоги фермерів.\n".encode(), Source(path="farmers.txt")),
                     Pipeline())
    with live_server(db) as base:
        page.goto(f"{base}#/events?type=REJECT")
        card = page.locator("ol.events > li[data-type='REJECT']")
        card.wait_for()
        phrase = card.locator(".meta .phrase")
        assert phrase.inner_text() == "«фермерів»"
        assert phrase.get_attribute("title") == "Кому: опис, не сутність"
        assert phrase.evaluate("el => el.closest('a') === null && getComputedStyle(el).fontStyle") == "italic"
        meta = card.locator(".meta").first.inner_text()
        assert "Польща → «фермерів»" in meta
        assert card.locator(".meta a", has_text="фермерів").count() == 0
        assert not page.problems, page.problems
