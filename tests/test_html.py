"""Main-text extraction from news HTML (newsgraph.ingest.html)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newsgraph.ingest.html import extract_fragment, extract_html, normalize_line
from newsgraph.pipeline import Pipeline


def article_lines(raw):
    """The title, lead and body lines the whole cleaning stage picks."""
    return Pipeline().process(raw).article_text().split("\n")
from newsgraph.model import Failure, LineHint, RawDocument, Source

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "html"
PAGES = sorted(p.name[: -len(".gold.txt")] for p in DATA.glob("*.gold.txt"))


def _bench():
    spec = importlib.util.spec_from_file_location("html_extraction", ROOT / "benchmarks" / "html_extraction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("html_extraction", module)
    spec.loader.exec_module(module)
    return module


def _source(name: str) -> Source:
    url = f"https://www.{name.replace('_', '-')}.example/news/1"
    return Source(path=str(DATA / f"{name}.html"), url=url, format="html")


def _page(name: str) -> RawDocument:
    doc = extract_html((DATA / f"{name}.html").read_bytes(), source=_source(name))
    assert isinstance(doc, RawDocument), doc
    return doc


def _gold(name: str) -> list[str]:
    return (DATA / f"{name}.gold.txt").read_text(encoding="utf-8").splitlines()


# --------------------------------------------------------------------------- #
# the test pages themselves


def test_pages_are_small_and_paired():
    assert len(PAGES) >= 6
    for name in PAGES:
        assert (DATA / f"{name}.html").stat().st_size <= 30_000


# --------------------------------------------------------------------------- #
# whole pages


@pytest.mark.parametrize("name", PAGES)
def test_title_is_line_zero_and_hints_match_lines(name):
    doc = _page(name)
    lines = doc.text.split("\n")
    assert lines[0] == _gold(name)[0]
    assert doc.title == lines[0]
    assert doc.hints is not None and len(doc.hints) == len(lines)
    assert all(isinstance(h, LineHint) for h in doc.hints)
    assert doc.hints[0].role == "title"
    assert all(h.role != "title" for h in doc.hints[1:])
    assert all(0.0 <= h.link_density <= 1.0 for h in doc.hints)
    assert all(line == normalize_line(line) and line for line in lines)
    assert doc.encoding is None
    assert doc.site == f"{name.replace('_', '-')}.example"


@pytest.mark.parametrize("name", PAGES)
def test_text_has_every_gold_line(name):
    """The text is recall-oriented: every article block is in it, as a line."""
    lines = set(_page(name).text.split("\n"))
    missing = [g for g in _gold(name) if g not in lines]
    assert not missing


@pytest.mark.parametrize("name", PAGES)
def test_article_lines_are_the_gold_article(name):
    assert article_lines(_page(name)) == _gold(name)


def test_comment_widget_is_marked_and_left_out():
    widget = (
        "Комментарии (3)",
        "Еще никто не комментировал",
        "Написать комментарий",
        "Чтобы оставить комментарий",
        "Наконец-то! Только бы зимой",
    )
    for name in ("ru_divsoup", "ru_brsoup", "ru_regional", "ru_article"):
        doc = _page(name)
        kept = "\n".join(article_lines(doc))
        assert not any(w in kept for w in widget), name
    doc = _page("ru_divsoup")
    roles = {line: h.role for line, h in zip(doc.text.split("\n"), doc.hints, strict=True)}
    # the reader comments stay in the text, labelled
    assert roles["Наконец-то! Только бы зимой не встали посреди дороги, как это было в соседнем городе."] == "comment"
    assert roles["Чтобы оставить комментарий, войдите или зарегистрируйтесь"] == "comment"


def test_boilerplate_stays_in_text_but_not_in_article():
    doc = _page("ru_divsoup")
    lines = doc.text.split("\n")
    kept = article_lines(doc)
    related = "Читайте также: Новые трамваи выйдут на линию уже весной"
    assert related in lines and related not in kept
    hint = doc.hints[lines.index(related)]
    assert hint.link_density > 0.5
    assert not any(line.startswith("Подписывайтесь") for line in kept)


def test_hints_carry_evidence():
    doc = _page("ru_article")
    lines = doc.text.split("\n")
    body = "Окончательное решение о параметрах программы правительство должно принять до середины июня."
    h = doc.hints[lines.index(body)]
    assert h.precise and h.readable and h.role is None and h.link_density == 0


def test_table_layout_cp1251_page():
    """Old table layout in windows-1251: decoded from <meta>, trafilatura's page dump is discounted."""
    doc = _page("ru_tables")
    assert "Шадринск" in doc.text
    assert doc.published == "2024-04-12"
    lines = doc.text.split("\n")
    menu = next(line for line in lines if line.startswith("Новости | Регион"))
    assert not doc.hints[lines.index(menu)].precise  # the precision pass kept the whole page: no vote


def test_metadata():
    doc = _page("ru_article")
    assert doc.published == "2024-05-21"
    assert doc.author == "Дмитрий Аксенов"
    assert doc.source == _source("ru_article")
    raw = (DATA / "ru_article.html").read_bytes()
    doc = extract_html(raw, source=_source("ru_article"), published="2024-05-22", title="Другой заголовок")
    assert doc.published == "2024-05-22"
    assert doc.text.split("\n")[0] == "Другой заголовок"


def test_str_and_bytes_give_the_same_document():
    raw = (DATA / "uk_news.html").read_bytes()
    a = extract_html(raw, source=_source("uk_news"))
    b = extract_html(raw.decode("utf-8"), source=_source("uk_news"))
    c = extract_html(b"\xef\xbb\xbf" + raw, source=_source("uk_news"))
    assert a.text == b.text == c.text and a.hints == b.hints == c.hints


# --------------------------------------------------------------------------- #
# feed items


def _inner_html(name: str, xpath: str, *, feedish: bool = False) -> str:
    root = lxml_html.fromstring((DATA / f"{name}.html").read_bytes())
    el = root.xpath(xpath)[0]
    inner = (el.text or "") + "".join(lxml_html.tostring(c, encoding="unicode") for c in el)
    if feedish:  # what feeds do to markup: other line breaks, no-break spaces as entities
        inner = inner.replace("\n", "\r\n  ").replace(", ", ",&nbsp;").replace("> <", ">\n<")
    return inner


FEED_BODIES = [
    ("ru_article", "//div[@class='article__body']"),
    ("ru_regional", "//div[@itemprop='articleBody']"),
    ("uk_news", "//div[contains(@class, 'post-content')]"),
    ("en_news", "//div[@class='story-body']"),
    ("ru_brsoup", "//div[@class='itm-text']"),
]


@pytest.mark.parametrize("name,xpath", FEED_BODIES)
@pytest.mark.parametrize("feedish", [False, True])
def test_feed_item_and_page_agree(name, xpath, feedish):
    page = _page(name)
    title = _gold(name)[0]
    item = extract_fragment(
        _inner_html(name, xpath, feedish=feedish),
        source=Source(url="https://x.example/rss", record="item 1"),
        title=title,
        published="2024-01-01",
    )
    assert isinstance(item, RawDocument), item
    item_lines = item.text.split("\n")
    assert item_lines[0] == page.text.split("\n")[0] == title
    assert len(item.hints) == len(item_lines)
    assert item.published == "2024-01-01"
    page_article = article_lines(page)
    item_article = article_lines(item)
    # every block of the feed item is a line of the page, written the same way,
    # except boilerplate the page extraction dropped already ("Читайте также: ...")
    page_lines = set(page.text.split("\n"))
    assert [ln for ln in item_article if ln not in page_lines] == []
    assert sum(ln in page_lines for ln in item_lines) >= len(item_lines) - 1
    # the article body is the same; the page may add its lead
    assert set(item_article) <= set(page_article)
    assert [ln for ln in page_article if ln not in item_article] in ([], [_gold(name)[1]])


def test_fragment_without_title_and_empty_fragment():
    fragment = "<h2>Заголовок новости</h2><p>Первый абзац.</p><p>Второй <a href='/x'>абзац</a>.</p>"
    doc = extract_fragment(fragment, source=Source(), title=None)
    assert doc.text == "Заголовок новости\nПервый абзац.\nВторой абзац."
    assert doc.hints[2].link_density == pytest.approx(5 / 12, abs=0.01)
    assert isinstance(extract_fragment("", source=Source(), title="T"), Failure)
    assert isinstance(extract_fragment("   <p> </p>", source=Source(), title="T"), Failure)


# --------------------------------------------------------------------------- #
# bad input


def test_truncated_page_keeps_what_is_there():
    raw = (DATA / "ru_article.html").read_text(encoding="utf-8")
    cut = raw[: raw.index("Кроме того, предлагается")]
    doc = extract_html(cut, source=Source())
    assert isinstance(doc, RawDocument)
    assert doc.text.split("\n")[0].startswith("Минфин предложил")
    assert any(line.startswith("Главное нововведение") for line in article_lines(doc))


def test_broken_markup_still_gives_text():
    broken = (
        "<html><head><title>Новость дня</title><body><div class=news><h1>Новость дня"
        "<p>Первый абзац новости, довольно длинный, чтобы его заметили. <b>Жирный"
        "<p>Второй абзац без закрывающих тегов, тоже с текстом новости.<div><p>Третий"
    )
    doc = extract_html(broken, source=Source())
    assert isinstance(doc, RawDocument), doc
    assert doc.text.split("\n")[0] == "Новость дня"
    assert "Второй абзац без закрывающих тегов, тоже с текстом новости." in doc.text.split("\n")
    assert len(doc.hints) == len(doc.text.split("\n"))


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "not HTML"),
        (bytes(range(256)) * 40, "not HTML"),
        ("Просто текст без разметки.", "not HTML"),
        (b"", "no extractable main text"),
        ("<html><head><title></title></head><body></body></html>", "no extractable main text"),
        ("<html><body><script>var a = 1;</script></body></html>", "no extractable main text"),
        (None, "not HTML"),
    ],
)
def test_bad_input_is_a_failure_with_a_reason(data, reason):
    src = Source(path="bad.html")
    result = extract_html(data, source=src)
    assert isinstance(result, Failure)
    assert result.source == src
    assert reason in result.reason


def test_shingle_scores():
    bench = _bench()
    assert bench.shingle_scores("a b c d e", "a b c d e") == (1.0, 1.0)
    p, r = bench.shingle_scores("A b c d", "a b c d e f g h")
    assert p == 1.0 and r == pytest.approx(1 / 5)
    assert bench.shingle_scores("", "a b c d") == (0.0, 0.0)


def test_benchmark_beats_trafilatura():
    bench = _bench()
    pages = bench.load_pages(DATA)
    ours = bench.evaluate(pages, bench.run_newsgraph)
    theirs = bench.evaluate(pages, bench.run_trafilatura)
    assert ours["f1"] >= 0.9
    assert ours["f1"] > theirs["f1"]
