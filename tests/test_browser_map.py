"""The explorer's map in a real browser (Debian's headless Chromium driven by Playwright, as
tests/test_browser_charts.py, whose browser and page fixtures it uses), over the store of
tests/test_map.py: the bundled examples, with a Russian story reprinted three times whose event is
located in Moscow.

Leaflet and the boundaries are served by the application itself: every request the page makes must
stay on 127.0.0.1 (no tile server, no CDN); any other is aborted and fails the test. Set
NEWSGRAPH_SCREENSHOTS=DIR to save map.png into DIR (docs/screenshots/ holds the one in the README).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _browser import live_server

from test_browser_charts import SHOTS, browser, page  # noqa: F401  (skips without chromium or playwright)

uvicorn = pytest.importorskip("uvicorn")

from test_api import build_store  # noqa: E402

MOSCOW, UKRAINE = "loc:city:Moscow", "loc:country:UA"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser_map") / "map.db"
    build_store(db, seed=False)
    with live_server(db) as url:
        yield url


def _shot(locator, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        locator.page.wait_for_timeout(300)
        locator.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def _circles(page) -> dict[str, dict]:
    return {c["place"]: c for c in page.evaluate(
        """() => [...document.querySelectorAll('#map path.place-circle')]
            .map(p => ({place: p.dataset.place, value: +p.dataset.value, radius: +p.dataset.radius}))""")}


def test_the_map_draws_places_on_local_boundaries(server, page):
    expected = page.request.get(f"{server}api/map?lang=uk").json()
    page.goto(f"{server}#/map")
    page.locator("#map path.place-circle").first.wait_for()
    circles = _circles(page)
    # one circle per place with a story, sized by its stories
    assert set(circles) == {p["id"] for p in expected["places"] if p["stories"]}
    assert circles[UKRAINE]["value"] == 6 and circles[MOSCOW]["value"] == 2
    assert circles[UKRAINE]["radius"] > circles[MOSCOW]["radius"] > 0
    # the boundaries are drawn: 241 countries and territories and Ukraine's 27 admin-1 units, as vectors
    paths = page.locator("#map .leaflet-overlay-pane path").count()
    assert paths >= 241 + 27
    assert page.locator("#map img").count() == 0  # no tiles
    # the places without coordinates are counted, and listed
    summary = page.locator("#map-unplaced")
    assert summary.get_attribute("data-n") == str(expected["unplaced_total"]) == "6"
    assert summary.inner_text().startswith("6 місць без координат")
    names = page.locator("details.unplaced .chip").all_text_contents()  # folded away until opened
    assert any("Трухановый остров" in n for n in names)
    assert "Москва" in page.locator(".map-list").inner_text()
    assert not page.problems, page.problems


def test_a_click_lists_the_events_and_stories_of_the_place(server, page):
    page.goto(f"{server}#/map")
    circle = page.locator(f"#map path.place-circle[data-place='{MOSCOW}']")
    circle.wait_for()
    circle.dispatch_event("click")
    panel = page.locator("#map-place")
    panel.locator("ol.events li.event").first.wait_for()
    assert panel.get_attribute("data-place") == MOSCOW
    assert panel.locator("h2").inner_text().startswith("Москва")
    # the one event located there (its three reprints are not three more) and the two stories naming it
    assert panel.locator("ol.events li.event").count() == 1
    assert panel.locator("ol.events li.event").get_attribute("data-type") == "ACCUSE"
    assert panel.locator("ul.docs > li").count() == 2
    assert "+3" in panel.locator("ul.docs").inner_text()  # the reprints, shown beside their story
    _shot(page.locator("main"), "map")
    # the links lead to the list views: the document at the evidence, the place's entity page
    panel.locator("ol.events li.event a[href^='#/doc/']").first.click()
    page.wait_for_url("**#/doc/**hl=**")
    page.locator("article.doc-text").wait_for()
    page.go_back()
    page.locator("#map path.place-circle").first.wait_for()
    page.locator(f".map-list .place-btn[data-place='{UKRAINE}']").click()
    page.wait_for_function("() => document.querySelector('#map-place').dataset.place === 'loc:country:UA'")
    assert page.locator("#map-place ul.docs > li").count() == 6
    page.locator("#map-place a[href^='#/entity/']").click()
    page.wait_for_url(f"**#/entity/{UKRAINE.replace(':', '%3A')}")
    assert not page.problems, page.problems


def test_filters_and_circle_size_requery_the_map(server, page):
    page.goto(f"{server}#/map")
    page.locator("#map path.place-circle").first.wait_for()
    # by events: only Moscow has one
    page.select_option("select[name=size]", "events")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**size=events**")
    page.wait_for_function("() => document.querySelectorAll('#map path.place-circle').length === 1")
    assert list(_circles(page)) == [MOSCOW]
    # English documents: the stories of the two English articles
    page.select_option("select[name=size]", "stories")
    page.select_option("select[name=language]", "en")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**language=en**")
    expected = page.request.get(f"{server}api/map?language=en").json()
    n = len([p for p in expected["places"] if p["stories"]])
    page.wait_for_function("(n) => { const m = document.querySelector('#map'); return m && +m.dataset.places === n; }", arg=n)
    assert set(_circles(page)) == {p["id"] for p in expected["places"] if p["stories"]}
    assert "loc:country:DK" in _circles(page) and "loc:city:Lviv" not in _circles(page)
    # an event type no event has: no circle, and the map says so
    page.goto(f"{server}#/map?type=AID&size=events")
    page.locator("#map.leaflet-container").wait_for()
    assert page.locator("#map path.place-circle").count() == 0
    assert page.locator("main .muted", has_text="Немає місць").count() >= 1
    # the interface language renames the places
    page.goto(f"{server}#/map")
    page.locator("#map path.place-circle").first.wait_for()
    page.locator("#lang-en").click()
    page.wait_for_function("() => (document.querySelector('.map-list') || {innerText: ''}).innerText.includes('Moscow')")
    assert "places without coordinates" in page.locator("#map-unplaced").inner_text()
    assert not page.problems, page.problems


def test_the_place_panel_pages_with_a_more_button(server, page):
    page.goto(f"{server}#/map")
    page.locator("#map path.place-circle").first.wait_for()
    page.evaluate("() => { window.NG_MAP_PAGE = 2; }")  # Ukraine's six stories: three pages of two
    page.locator(f".map-list .place-btn[data-place='{UKRAINE}']").click()
    page.wait_for_function("() => document.querySelector('#map-place').dataset.place === 'loc:country:UA'")
    docs, more = page.locator("#map-place ul.docs > li"), page.locator("#map-more")
    assert docs.count() == 2 and more.is_visible() and more.inner_text() == "Більше подій і публікацій"
    expected = page.request.get(f"{server}api/map/places/{UKRAINE}?lang=uk").json()["documents"]
    for n in (4, 6):
        more.click()
        page.wait_for_function("(n) => document.querySelectorAll('#map-place ul.docs > li').length === n", arg=n)
    assert more.is_hidden()  # the last page: nothing more to ask for
    shown = page.locator("#map-place ul.docs > li a.doc-title").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert shown == [f"#/doc/{d['id']}" for d in expected]
    assert not page.problems, page.problems
    page.evaluate("() => { delete window.NG_MAP_PAGE; }")  # the page may serve the next test
