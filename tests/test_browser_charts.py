"""The explorer's charts, facets, exports and the graph's time slider in a real browser (Debian's
headless Chromium driven by Playwright, as tests/test_browser.py), over the store of
tests/test_charts.py: Ukrainian and Russian news from January to May 2024 with a reprint.

Every request the page makes must stay on 127.0.0.1 (the explorer works offline): any other is
aborted and fails the test. Set NEWSGRAPH_SCREENSHOTS=DIR to save timeline.png, volume.png and
facets.png into DIR (docs/screenshots/ holds the ones in the README).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from _browser import live_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
if CHROMIUM is None:
    pytest.skip("no chromium binary (Debian: apt-get install chromium; scripts/setup.sh does it as root)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn")

from test_charts import GERMANY, WEIGEL, build  # noqa: E402  (the same store as the API tests)

SHOTS = os.environ.get("NEWSGRAPH_SCREENSHOTS")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser_charts") / "charts.db"
    build(db)
    with live_server(db) as url:
        yield url


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
    pg.outside = []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if host != "127.0.0.1":
            pg.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    yield pg
    assert pg.outside == [], f"requests left 127.0.0.1: {pg.outside}"
    context.close()


def _shot(locator, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        locator.page.wait_for_timeout(300)
        locator.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def _bars(page, scope: str, series: str | None = None) -> list[dict]:
    return page.evaluate(
        """([scope, series]) => [...document.querySelectorAll(scope + ' svg.chart rect.bar')]
            .filter(r => !series || r.dataset.series === series)
            .map(r => ({series: r.dataset.series, start: r.dataset.start, value: +r.dataset.value,
                        height: +r.getAttribute('height')}))""", [scope, series])


def test_entity_timeline_chart(server, page):
    page.goto(f"{server}#/entity/{GERMANY}")
    chart = page.locator("#timeline-chart svg.chart")
    chart.wait_for()
    stories = _bars(page, "#timeline-chart", "stories")
    # one bar a week with a story; the reprint's week (2024-01-22) has none
    assert [b["start"] for b in stories] == ["2024-01-15", "2024-02-19", "2024-03-11", "2024-04-01", "2024-05-20"]
    assert all(b["value"] == 1 and b["height"] > 10 for b in stories)
    events = _bars(page, "#timeline-chart")
    assert sorted(b["series"] for b in events if b["series"] not in ("stories", "quotes")) == [
        "ACCUSE", "AID", "AID", "REQUEST"]
    # axes: tick labels on the time axis and the counts, and a legend naming every series
    assert chart.locator(".axis text.tick").count() >= 4
    assert "тижнях" in chart.locator(".axis-title").text_content()
    legend = page.locator("#timeline-chart .chart-legend").inner_text()
    for label in ("Публікації", "AID", "REQUEST", "ACCUSE"):
        assert label in legend
    assert "Публікації: 5" in chart.locator("text.panel-title").first.text_content()
    _shot(page.locator("section.card", has=page.locator("#timeline-chart")), "timeline")
    # by day: the same stories on more, thinner bars
    page.locator("button[data-bucket='day']").click()
    page.wait_for_function("""() => [...document.querySelectorAll('#timeline-chart rect.bar[data-series=stories]')]
        .some(r => r.dataset.start === '2024-05-21')""")
    assert len(_bars(page, "#timeline-chart", "stories")) == 5
    assert "днях" in page.locator("#timeline-chart .axis-title").text_content()
    assert not page.problems, page.problems


def test_search_volume_and_a_facet_click(server, page):
    page.goto(f"{server}#/search?q=Німеччина")
    page.locator("#volume svg.chart rect.bar").first.wait_for()
    bars = _bars(page, "#volume")
    assert sum(b["value"] for b in bars) == 5  # five stories; the reprint is not one more
    assert {b["series"] for b in bars} == {"uk", "ru"}
    assert page.locator("ul.docs > li").count() == 5
    _shot(page.locator("section.card", has=page.locator("#volume")), "volume")
    facets = page.locator("section.facets")
    ru = facets.locator("a.facet[data-param='language'][data-value='ru']")
    assert "2" in ru.locator(".count").inner_text()
    ru.click()
    page.wait_for_url("**language=ru**")
    page.wait_for_function("(n) => document.querySelectorAll('ul.docs > li').length === n", arg=2)
    assert all(b["series"] == "ru" for b in _bars(page, "#volume"))
    assert sum(b["value"] for b in _bars(page, "#volume")) == 2
    assert facets.locator("a.facet.active[data-value='ru']").count() == 1
    # and a second facet narrows further: the site, then an event type
    page.locator("section.facets a.facet[data-param='type'][data-value='AID']").click()
    page.wait_for_url("**type=AID**")
    page.locator("section.facets .facet-active a.chip").nth(1).wait_for()
    assert page.locator("section.facets .facet-active a.chip").count() == 2
    _shot(page.locator("main"), "facets")
    # the chip removes its filter again
    page.locator("section.facets .facet-active a.chip[data-param='language']").click()
    page.wait_for_function("() => !location.hash.includes('language=')")
    # (the old facets stay on the page until the new answer is drawn: wait for the redraw)
    page.wait_for_function("() => document.querySelectorAll('section.facets .facet-active a.chip').length === 1")
    assert page.locator("section.facets .facet-active a.chip").count() == 1
    assert not page.problems, page.problems


def test_events_facets_filter_and_exports_follow(server, page):
    page.goto(f"{server}#/events")
    page.locator("ol.events li.event").first.wait_for()
    request = page.locator("section.facets a.facet[data-param='type'][data-value='REQUEST']")
    n = int(request.locator(".count").inner_text())
    request.click()
    page.wait_for_url("**type=REQUEST**")
    page.wait_for_function("(n) => document.querySelectorAll('ol.events li.event').length === n", arg=n)
    assert all(t == "REQUEST" for t in page.eval_on_selector_all("ol.events li.event", "ls => ls.map(l => l.dataset.type)"))
    for fmt in ("csv", "jsonl"):
        href = page.locator(f"a[data-export='{fmt}']").get_attribute("href")
        assert href.startswith(f"/api/export/events.{fmt}?") and parse_qs(urlsplit(href).query)["type"] == ["REQUEST"]
        body = page.request.get(server.rstrip("/") + href)
        assert body.status == 200
        rows = body.text().strip().splitlines()
        assert len(rows) == n + (fmt == "csv")  # a header line
    # the site facet only counts: the events list cannot filter by site
    assert page.locator("section.facets [data-facet='site'] a").count() == 0
    assert page.locator("section.facets [data-facet='site'] .facet.static").count() >= 1
    assert not page.problems, page.problems


def test_quotes_list_facets_and_exports(server, page):
    page.goto(f"{server}#/quotes")
    page.locator("ol.quotes li.quote").first.wait_for()
    weigel = page.locator(f"section.facets a.facet[data-param='speaker'][data-value='{WEIGEL}']")
    assert weigel.locator(".count").inner_text() == "9"
    weigel.click()
    page.wait_for_url("**speaker=**")
    page.wait_for_function("(n) => document.querySelectorAll('ol.quotes li.quote').length === n", arg=9)
    href = page.locator("a[data-export='csv']").get_attribute("href")
    assert parse_qs(urlsplit(href).query)["speaker"] == [WEIGEL]
    # every list view offers both exports
    for view, kind in (("documents", "documents"), ("entities", "entities")):
        page.goto(f"{server}#/{view}")
        page.locator(f"a[data-export='jsonl'][href^='/api/export/{kind}.jsonl']").wait_for()
        assert page.locator(f"a[data-export='csv'][href^='/api/export/{kind}.csv']").count() == 1
    assert not page.problems, page.problems


def test_graph_time_slider_requeries_the_graph(server, page):
    page.goto(f"{server}#/graph")
    main = page.locator(".graph-main")
    main.locator(".edge-btn").first.wait_for()
    before = int(main.get_attribute("data-edges"))
    assert page.evaluate("window.ngCy.edges().length") >= before > 0
    label = page.locator("#slider-label")
    assert "2024" in label.inner_text()
    # from April: the winter's aid and the February sanctions drop out
    page.locator("#slider-from").fill("3")
    page.wait_for_url("**since=2024-04-01**")
    page.wait_for_function("(n) => +document.querySelector('.graph-main').dataset.edges !== n", arg=before)
    after = int(main.get_attribute("data-edges"))
    expected = page.request.get(f"{server}api/graph?since=2024-04-01&evidence=5").json()
    assert after == len(expected["edges"]) < before
    drawn = page.evaluate("window.ngCy.edges().map(e => e.data('label')).sort()")
    assert drawn == sorted(e["type"] for e in expected["edges"])
    assert page.locator("input[name=since]").input_value() == "2024-04-01"
    # until April too: one month
    page.locator("#slider-until").fill("3")
    page.wait_for_url("**until=2024-04-30**")
    only_april = page.request.get(f"{server}api/graph?since=2024-04-01&until=2024-04-30&evidence=5").json()
    page.wait_for_function("(n) => +document.querySelector('.graph-main').dataset.edges === n",
                           arg=len(only_april["edges"]))
    assert [e["type"] for e in only_april["edges"]] == ["AID"]
    assert "квіт" in label.inner_text().lower()
    # the slider keeps its focus (the graph is redrawn in place, not the page)
    assert page.evaluate("document.activeElement && document.activeElement.id") == "slider-until"
    assert not page.problems, page.problems
