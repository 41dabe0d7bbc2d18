"""The explorer's interface in Russian (issue 16, part 6): i18n.js has a complete `ru` block, the
language switcher offers it, and a Russian-language browser gets it.

The string checks read i18n.js with Python alone (and, when node is installed, cross-check the parse by
running the file with a fake `window`); the browser checks need Chromium and Playwright, like
tests/test_browser.py, and are skipped without them.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "newsgraph" / "serve" / "static"
I18N = STATIC / "i18n.js"


def _parse_strings(source: str) -> dict[str, dict[str, str]]:
    """window.NG_STRINGS = { uk: {...}, ru: {...}, en: {...} }; -> a dict (the blocks are JSON but
    for their unquoted language keys)."""
    m = re.search(r"window\.NG_STRINGS\s*=\s*(\{.*\})\s*;?\s*$", source, re.S)
    assert m, "window.NG_STRINGS = {...} not found in i18n.js"
    body = re.sub(r"^(\s*)([A-Za-z_][\w-]*)\s*:\s*\{", r'\1"\2": {', m.group(1), flags=re.M)
    return json.loads(body)


@pytest.fixture(scope="module")
def strings() -> dict[str, dict[str, str]]:
    return _parse_strings(I18N.read_text(encoding="utf-8"))


def test_ru_block_has_exactly_the_uk_keys(strings):
    assert {"uk", "ru", "en"} <= set(strings)
    uk, ru = strings["uk"], strings["ru"]
    assert set(ru) == set(uk), {"missing": sorted(set(uk) - set(ru)), "extra": sorted(set(ru) - set(uk))}
    assert set(strings["en"]) == set(uk)
    empty = [k for k, v in ru.items() if not isinstance(v, str) or not v.strip()]
    assert not empty, empty


def test_ru_strings_are_russian(strings):
    ru, uk = strings["ru"], strings["uk"]
    assert ru["nav.documents"] == "Документы" and ru["nav.entities"] == "Сущности"
    assert ru["nav.events"] == "События" and ru["nav.graph"] == "Граф"
    assert ru["search.placeholder"] == "Поиск: любой язык, любая форма слова (/)"
    assert ru["date.no_year"] == "год неизвестен"
    for key in [k for k in uk if k.startswith(("quad.", "fact.", "type."))]:
        assert re.search("[а-яё]", ru[key], re.I), (key, ru[key])
    # letters that Russian does not have: a Ukrainian string left in the ru block would show them
    leftovers = {k: v for k, v in ru.items() if re.search("[іїєґІЇЄҐ’]", v)}
    assert not leftovers, leftovers
    # most strings differ from the Ukrainian ones (a few, like "Граф" or "Тип", are the same word)
    same = [k for k in uk if ru[k] == uk[k]]
    assert len(same) < len(uk) // 5, same


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_reads_the_same_strings(strings):
    script = ("global.window = {}; eval(require('fs').readFileSync(process.argv[1], 'utf8'));"
              "process.stdout.write(JSON.stringify(window.NG_STRINGS));")
    out = subprocess.run(["node", "-e", script, str(I18N)], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    assert json.loads(out) == strings


def test_switcher_offers_ru():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    offered = re.findall(r'<button[^>]*data-lang="([a-z]+)"', html)
    assert offered == ["uk", "ru", "en"]
    assert re.search(r'<button[^>]*data-lang="ru"[^>]*id="lang-ru"[^>]*>\s*\S', html)
    app = (STATIC / "app.js").read_text(encoding="utf-8")
    # a ru-* browser language is detected, and a stored choice is kept only when it is a known language
    assert re.search(r'startsWith\("ru"\)\s*\?\s*"ru"', app)
    assert "NG_STRINGS[stored]" in app


# ---- in a real browser ------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="module")
def ru_browser():
    if CHROMIUM is None:
        pytest.skip("no chromium binary (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def ru_server(tmp_path_factory):
    """`newsgraph serve`'s application on the bundled examples (no seed needed) on a loopback port."""
    pytest.importorskip("uvicorn")
    from _browser import live_server
    from test_api import build_store

    db = tmp_path_factory.mktemp("browser_ru") / "ru.db"
    build_store(db, seed=False)
    with live_server(db) as url:
        yield url


def _page(browser, locale: str):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale=locale)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.problems = []
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    return context, pg


def test_choosing_russian_in_the_switcher(ru_browser, ru_server):
    context, page = _page(ru_browser, "uk-UA")
    try:
        page.goto(ru_server)
        page.locator("#nav a", has_text="Документи").wait_for()
        page.locator("#lang-ru").click()
        page.locator("#nav a", has_text="Документы").wait_for()
        assert page.evaluate("document.documentElement.lang") == "ru"
        assert page.get_attribute("#lang-ru", "aria-pressed") == "true"
        assert page.get_attribute("#q", "placeholder") == "Поиск: любой язык, любая форма слова (/)"
        # the choice is stored: a reload stays Russian
        page.reload()
        page.locator("#nav a", has_text="Документы").wait_for()
        page.locator("#lang-uk").click()
        page.locator("#nav a", has_text="Документи").wait_for()
        assert not page.problems, page.problems
    finally:
        context.close()


def test_russian_browser_gets_russian(ru_browser, ru_server):
    context, page = _page(ru_browser, "ru-RU")
    try:
        page.goto(ru_server)
        page.locator("#nav a", has_text="Документы").wait_for()
        assert page.get_attribute("#lang-ru", "aria-pressed") == "true"
        assert not page.problems, page.problems
    finally:
        context.close()
