"""One article, four ways of arriving: the same title and body every time."""
import pytest

import newsgraph
from newsgraph.ingest import detect_format, read_path
from newsgraph.model import Failure
from newsgraph.pipeline import Pipeline

from conftest import DATA, EXAMPLES

BODY_KINDS = ("lead", "body")


def _docs(path):
    return [d for d in Pipeline().run(read_path(path)) if not isinstance(d, Failure)]


def _article(doc):
    return doc.title, [doc.text[s.start : s.end] for s in doc.segments if s.kind in BODY_KINDS]


@pytest.fixture(scope="module")
def versions():
    text = _docs(EXAMPLES / "text" / "ru_sanctions.txt")[0]
    html = _docs(EXAMPLES / "html" / "ru_sanctions.html")[0]
    warc = _docs(EXAMPLES / "warc" / "news.warc.gz")[0]
    rss = _docs(EXAMPLES / "feeds" / "news.rss")[0]
    return {"cp1251 text": text, "html": html, "warc": warc, "rss": rss}


def test_cp1251_text_is_decoded(versions):
    assert versions["cp1251 text"].encoding == "cp1251"
    assert versions["cp1251 text"].language == "ru"


@pytest.mark.parametrize("form", ["html", "warc", "rss"])
def test_same_title_and_body_as_the_plain_text(versions, form):
    title, body = _article(versions["cp1251 text"])
    other_title, other_body = _article(versions[form])
    assert other_title == title
    assert other_body == body


def test_html_widgets_are_not_article(versions):
    doc = versions["html"]
    article = doc.article_text()
    for widget in ("Комментарии", "Ответить", "Подписывайтесь", "cookie", "©"):
        assert widget not in article
    assert doc.published and doc.published.startswith("2024-11-14")
    # a saved page names its site in <link rel="canonical">, an archived one by its URL
    assert doc.site == versions["warc"].site == "mirovye-vesti.ru"


def test_every_version_is_grouped_with_the_first(versions):
    pipeline = Pipeline()
    ids = []
    for path in ("text/ru_sanctions.txt", "html/ru_sanctions.html", "warc/news.warc.gz", "feeds/news.rss"):
        first = next(d for d in pipeline.run(read_path(EXAMPLES / path)) if not isinstance(d, Failure))
        ids.append((first.id, first.duplicate_of))
    canonical = ids[0][0]
    assert ids[0][1] is None
    assert all(dup == canonical for _, dup in ids[1:])


def test_reprint_with_other_widgets_is_a_duplicate():
    pipeline = Pipeline()
    orig = _docs_with(pipeline, EXAMPLES / "text" / "uk_aid_germany.txt")
    copy = _docs_with(pipeline, EXAMPLES / "text" / "uk_aid_germany_reprint.txt")
    other = _docs_with(pipeline, EXAMPLES / "text" / "uk_energy_koi8u.txt")
    assert orig.text != copy.text
    assert copy.duplicate_of == orig.id
    assert other.duplicate_of is None


def _docs_with(pipeline, path):
    return next(iter(pipeline.run(read_path(path))))


@pytest.mark.parametrize(
    "path, fmt",
    [
        ("html/ru_sanctions.html", "html"),
        ("feeds/news.rss", "feed"),
        ("warc/news.warc.gz", "warc"),
        ("jsonl/articles.jsonl", "jsonl"),
        ("text/en_summit.txt", "text"),
    ],
)
def test_format_is_detected_from_content_not_name(tmp_path, path, fmt):
    renamed = tmp_path / "download.bin"
    renamed.write_bytes((EXAMPLES / path).read_bytes())
    assert detect_format(renamed.read_bytes()[:8192]) == fmt
    assert any(not isinstance(d, Failure) for d in read_path(renamed))


def test_library_analyze_refuses_containers_and_bad_input_with_reasons():
    with pytest.raises(newsgraph.NewsgraphError, match="holds 3 documents"):
        newsgraph.analyze((EXAMPLES / "feeds" / "news.rss").read_bytes())
    with pytest.raises(newsgraph.NewsgraphError, match="PNG"):
        newsgraph.analyze((DATA / "bad" / "image.png").read_bytes(), path="image.png")


def test_site_line_filter_learns_repeated_widgets():
    pipeline = Pipeline()
    widget = "Наші партнери: агенція Вектор та фонд Розвиток"
    docs = []
    for i, topic in enumerate(["бюджет", "освіта", "медицина", "транспорт"]):
        text = (f"Міська рада обговорила питання: {topic}\n"
                f"Депутати розглянули {i + 2} проєкти рішень щодо теми «{topic}» на сесії у четвер.\n"
                f"{widget}\n"
                f"Голосування за остаточні рішення відбудеться наступного тижня, повідомили в раді.\n")
        raw = newsgraph.RawDocument(source=newsgraph.Source(url=f"https://misto.example.ua/n/{i}"),
                                    text=text, site="misto.example.ua")
        docs.append(pipeline.process(raw))
    kind = lambda d: next(s.kind for s in d.segments if d.text[s.start:s.end] == widget)
    assert [kind(d) for d in docs] == ["body", "body", "body", "boilerplate"]
