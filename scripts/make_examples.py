#!/usr/bin/env python3
"""Regenerate the derived example files under ``examples/``.

Master sources (all UTF-8, edited by hand) live in ``scripts/example_sources/``:

* ``ru_sanctions.txt``       Russian article (title / lead / body / widgets)
* ``uk_energy.txt``          short Ukrainian article
* ``ru_utf16.txt``           short Russian note
* ``ru_sanctions.page.html`` page template for the Russian article

``examples/text/uk_aid_germany*.txt`` and ``examples/text/en_summit.txt`` are
plain UTF-8 originals and are not generated.

Derived files written by this script:

* ``examples/text/ru_sanctions.txt``      cp1251
* ``examples/text/uk_energy_koi8u.txt``   koi8-u
* ``examples/text/ru_utf16.txt``          UTF-16LE with BOM
* ``examples/html/ru_sanctions.html``     the Russian article as a news page
* ``examples/feeds/news.rss``             RSS 2.0, 3 items
* ``examples/warc/news.warc.gz``          gzipped WARC (warcinfo, request,
                                          3 responses: 2 HTML pages + 1 PNG)
* ``examples/jsonl/articles.jsonl``       3 JSON lines

The output is deterministic: fixed dates, fixed WARC-Record-IDs (uuid5 of a
fixed name), gzip streams from zlib with mtime 0.  Re-running the script must
not change any file; ``--check`` regenerates into a temporary directory and
fails if anything differs from what is on disk.

Usage::

    python scripts/make_examples.py            # regenerate + verify
    python scripts/make_examples.py --check    # verify the committed files are up to date
"""

from __future__ import annotations

import argparse
import filecmp
import html
import io
import json
import struct
import sys
import tempfile
import uuid
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SRC = Path(__file__).resolve().parent / "example_sources"

# ---------------------------------------------------------------------------
# fixed metadata

RU_URL = ("https://www.mirovye-vesti.ru/world/2024/11/14/"
          "es-vvel-novye-sanktsii-protiv-tenevogo-flota.html")
RU_DATETIME = "2024-11-14T13:42:00+03:00"
RU_DATE_HUMAN = "14 ноября 2024, 13:42"
RU_PUBDATE = "Thu, 14 Nov 2024 13:42:00 +0300"
RU_RELATED_URL = ("https://www.mirovye-vesti.ru/world/2024/11/12/"
                  "yaponiya-rasshirila-eksportnye-ogranicheniya.html")

UK_PAGE_URL = ("https://www.novyny-regionu.com.ua/news/2024/11/14/"
               "u-lvovi-zapustyly-elektrobus-mistsevoho-vyrobnytstva")
PNG_URL = "https://www.mirovye-vesti.ru/static/img/logo-192.png"

WARC_DATE = "2024-11-14T11:05:31Z"
HTTP_DATE = "Thu, 14 Nov 2024 11:05:31 GMT"

# Widgets of the text rendering (last lines of src/ru_sanctions.txt); they are
# rendered as a real comments section in the HTML page instead.
RU_WIDGET_LINES = 2

# ---------------------------------------------------------------------------
# inline documents

UK_PAGE_HTML = """<!DOCTYPE html>
<html lang="uk">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>У Львові запустили перший електробус місцевого виробництва | Новини регіону</title>
</head>
<body>
<div class="header"><a href="/">Новини регіону</a> | <a href="/news/">Новини</a> | <a href="/economy/">Економіка</a> | <a href="/contacts/">Контакти</a></div>
<div class="content">
<h1>У Львові запустили перший електробус місцевого виробництва</h1>
<div class="date">14 листопада 2024, 10:15</div>
<p>На маршрут № 3А у Львові вийшов перший електробус, повністю зібраний на місцевому заводі. Про це повідомив міський голова Львова Андрій Стецюк.</p>
<p>«Це перший із 20 електробусів, які місто отримає до кінця року. Кожен з них коштує близько 14 млн гривень», — зазначив Стецюк.</p>
<p>За його словами, половину вартості покриває кредит Європейського інвестиційного банку, а решту — міський бюджет.</p>
<p class="related">Читайте також: <a href="/news/2024/11/12/remont-tramvaynykh-koliy">У Львові завершили ремонт трамвайних колій на Городоцькій</a></p>
</div>
<div class="footer">© 2024 Новини регіону. Усі права захищено. <a href="/rss/">RSS</a></div>
</body>
</html>
"""

RSS_UK_ITEM = {
    "title": "Кабмін продовжив програму «єОселя» для внутрішньо переміщених осіб",
    "link": "https://www.mirovye-vesti.ru/ua/economy/2024/11/14/yeoselya-vpo.html",
    "description": ("Уряд продовжив до кінця 2025 року пільгову іпотеку під 3% "
                    "річних для внутрішньо переміщених осіб, повідомили в "
                    "Міністерстві економіки України."),
    "pubDate": "Thu, 14 Nov 2024 12:10:00 +0300",
    "guid": "mv-2024-11-14-0871",
}

RSS_EN_ITEM = {
    "title": "IMF staff reach agreement with Ukraine on $1.1 billion disbursement",
    "link": "https://www.mirovye-vesti.ru/en/economy/2024/11/14/imf-ukraine-review.html",
    "description": ("The International Monetary Fund said on Thursday its staff "
                    "had reached a staff-level agreement with Ukraine that would "
                    "unlock about $1.1 billion once approved by the Fund's board."),
    "pubDate": "Thu, 14 Nov 2024 11:30:00 +0300",
    "guid": "mv-2024-11-14-0866",
}

JSONL_RECORDS = [
    {
        "url": "https://www.novyny-regionu.com.ua/news/2024/11/13/kharkiv-metro-shkola",
        "title": "У Харкові відкрили ще одну підземну школу",
        "published": "2024-11-13T09:30:00+02:00",
        "text": (
            "У Харкові 13 листопада відкрили третю підземну школу, розраховану на 900 учнів.\n"
            "Будівництво тривало вісім місяців і коштувало 120 млн гривень, повідомив "
            "начальник обласної військової адміністрації Олег Дмитренко.\n"
            "«Діти мають право навчатися наживо, а не лише перед екраном», — наголосив Дмитренко.\n"
            "Він додав, що до кінця навчального року в області планують відкрити ще дві такі школи.\n"
        ),
    },
    {
        "url": "https://www.baltic-wire.example/world/2024/11/14/poland-border-crossings",
        "html": (
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Poland reopens two border crossings with Ukraine | Baltic Wire</title></head>"
            "<body><nav><a href=\"/\">Home</a> <a href=\"/world/\">World</a></nav>"
            "<article><h1>Poland reopens two border crossings with Ukraine</h1>"
            "<time datetime=\"2024-11-14T08:00:00Z\">November 14, 2024</time>"
            "<p>WARSAW, Nov 14 - Poland reopened two freight crossings on its border with "
            "Ukraine on Thursday after a week-long blockade by farmers ended, the Polish "
            "Interior Ministry said.</p>"
            "<p>\"Trucks are moving again at Dorohusk and Hrebenne,\" ministry spokesman "
            "Tomasz Nowicki told reporters.</p></article>"
            "<footer>© 2024 Baltic Wire. Share this article. Subscribe to our newsletter.</footer>"
            "</body></html>"
        ),
    },
    {
        "text": (
            "В Киеве открыли новый мост через Днепр для пешеходов\n"
            "Пешеходный мост длиной 400 метров соединил Трухановый остров с Подолом.\n"
            "Как сообщили в Киевской городской государственной администрации, строительство "
            "обошлось в 310 млн гривен.\n"
            "«Мост будет открыт круглосуточно, вечером работает подсветка», — заявил "
            "заместитель главы КГГА Игорь Бондарь.\n"
        ),
    },
]


# ---------------------------------------------------------------------------
# helpers

def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A real, valid PNG (RGB, 8 bit) built with zlib."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + bytes([0x1F, 0x5F, 0xA8]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def record_id(name: str) -> str:
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "newsgraph-examples:" + name)


def read_src(name: str) -> str:
    return (SRC / name).read_text(encoding="utf-8")


def split_article(text: str) -> dict:
    """title / lead / body items ('p' or 'related') / widget lines."""
    lines = [l for l in text.split("\n") if l.strip()]
    title, lead = lines[0], lines[1]
    body_lines = lines[2:len(lines) - RU_WIDGET_LINES]
    widgets = lines[len(lines) - RU_WIDGET_LINES:]
    body = []
    for line in body_lines:
        if line.startswith(("Читайте также:", "Читайте також:")):
            label, _, headline = line.partition(":")
            body.append(("related", label, headline.strip()))
        else:
            body.append(("p", line, None))
    return {"title": title, "lead": lead, "body": body, "widgets": widgets}


def render_page(art: dict) -> str:
    tpl = read_src("ru_sanctions.page.html")
    parts = []
    for kind, a, b in art["body"]:
        if kind == "p":
            parts.append("      <p>%s</p>" % html.escape(a, quote=False))
        else:
            parts.append(
                '      <aside class="read-also"><span class="read-also__label">%s:</span> '
                '<a href="%s">%s</a></aside>'
                % (html.escape(a), RU_RELATED_URL, html.escape(b, quote=False)))
    title_json = json.dumps(art["title"], ensure_ascii=False)[1:-1]
    out = (tpl.replace("@@TITLE_JSON@@", title_json)
              .replace("@@TITLE@@", html.escape(art["title"]))
              .replace("@@LEAD@@", html.escape(art["lead"]))
              .replace("@@BODY@@", "\n".join(parts))
              .replace("@@URL@@", RU_URL)
              .replace("@@DATETIME@@", RU_DATETIME)
              .replace("@@DATE_HUMAN@@", RU_DATE_HUMAN))
    assert "@@" not in out, "unfilled placeholder in page template"
    return out


def render_rss(art: dict) -> str:
    x = lambda s: html.escape(s, quote=False)  # noqa: E731
    content = "".join(
        "<p>%s</p>" % html.escape(a, quote=False) if kind == "p"
        else '<p><strong>%s:</strong> <a href="%s">%s</a></p>'
        % (html.escape(a), RU_RELATED_URL, html.escape(b, quote=False))
        for kind, a, b in art["body"])
    assert "]]>" not in content

    def short_item(it: dict) -> str:
        return (
            "    <item>\n"
            f"      <title>{x(it['title'])}</title>\n"
            f"      <link>{it['link']}</link>\n"
            f"      <guid isPermaLink=\"false\">{it['guid']}</guid>\n"
            f"      <pubDate>{it['pubDate']}</pubDate>\n"
            f"      <description>{x(it['description'])}</description>\n"
            "    </item>\n")

    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom">\n'
        "  <channel>\n"
        "    <title>Мировые вести — все новости</title>\n"
        "    <link>https://www.mirovye-vesti.ru/</link>\n"
        '    <atom:link href="https://www.mirovye-vesti.ru/rss/all.xml" rel="self" type="application/rss+xml"/>\n'
        "    <description>Новости политики, экономики и общества</description>\n"
        "    <language>ru</language>\n"
        "    <lastBuildDate>Thu, 14 Nov 2024 13:45:00 +0300</lastBuildDate>\n"
        "    <item>\n"
        f"      <title>{x(art['title'])}</title>\n"
        f"      <link>{RU_URL}</link>\n"
        '      <guid isPermaLink="false">mv-2024-11-14-0874</guid>\n'
        f"      <pubDate>{RU_PUBDATE}</pubDate>\n"
        "      <dc:creator>Анна Соколова</dc:creator>\n"
        "      <category>В мире</category>\n"
        f"      <description>{x(art['lead'])}</description>\n"
        f"      <content:encoded><![CDATA[{content}]]></content:encoded>\n"
        "    </item>\n"
        + short_item(RSS_UK_ITEM)
        + short_item(RSS_EN_ITEM)
        + "  </channel>\n</rss>\n")


def write_warc(path: Path, page_html: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)

    info = ("software: newsgraph scripts/make_examples.py\r\n"
            "format: WARC File Format 1.0\r\n"
            "isPartOf: newsgraph-examples\r\n"
            "description: Example news crawl for newsgraph (2 HTML pages, 1 image)\r\n"
            "operator: newsgraph examples\r\n").encode("utf-8")
    w.write_record(w.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": record_id("warcinfo"),
                           "WARC-Date": WARC_DATE,
                           "WARC-Filename": path.name}))

    def response(uri: str, body: bytes, ctype: str, name: str, extra=()):
        http = StatusAndHeaders("200 OK", [
            ("Date", HTTP_DATE),
            ("Server", "nginx"),
            ("Content-Type", ctype),
            ("Content-Length", str(len(body))),
            *extra,
        ], protocol="HTTP/1.1")
        return w.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Record-ID": record_id(name),
                               "WARC-Date": WARC_DATE,
                               "WARC-IP-Address": "203.0.113.17"})

    # request + response for the Russian page
    path_q = RU_URL.split("mirovye-vesti.ru", 1)[1]
    req_http = StatusAndHeaders("GET %s HTTP/1.1" % path_q, [
        ("Host", "www.mirovye-vesti.ru"),
        ("User-Agent", "Mozilla/5.0 (compatible; newsgraph-example-crawler/0.1)"),
        ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        ("Accept-Language", "ru,uk;q=0.9,en;q=0.8"),
        ("Accept-Encoding", "identity"),
    ], is_http_request=True)
    resp = response(RU_URL, page_html.encode("utf-8"), "text/html; charset=utf-8",
                    "ru-page-response", extra=[("Cache-Control", "max-age=60")])
    req = w.create_warc_record(
        RU_URL, "request", payload=io.BytesIO(b""), length=0, http_headers=req_http,
        warc_headers_dict={"WARC-Record-ID": record_id("ru-page-request"),
                           "WARC-Date": WARC_DATE,
                           "WARC-Concurrent-To": record_id("ru-page-response")})
    w.write_record(req)
    w.write_record(resp)

    # a second, Ukrainian page served as windows-1251
    w.write_record(response(UK_PAGE_URL, UK_PAGE_HTML.encode("cp1251"),
                            "text/html; charset=windows-1251", "uk-page-response"))

    # an image: must be skipped by the ingest stage
    w.write_record(response(PNG_URL, tiny_png(), "image/png", "png-response"))

    path.write_bytes(buf.getvalue())


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# ---------------------------------------------------------------------------

def generate(out: Path) -> list[Path]:
    written = []

    def put(rel: str, data: bytes) -> None:
        p = out / rel
        write_bytes(p, data)
        written.append(p)

    ru_text = read_src("ru_sanctions.txt")
    put("text/ru_sanctions.txt", ru_text.encode("cp1251"))
    put("text/uk_energy_koi8u.txt", read_src("uk_energy.txt").encode("koi8-u"))
    # explicit little-endian + BOM so the bytes do not depend on the platform
    put("text/ru_utf16.txt", b"\xff\xfe" + read_src("ru_utf16.txt").encode("utf-16-le"))

    art = split_article(ru_text)
    page = render_page(art)
    put("html/ru_sanctions.html", page.encode("utf-8"))
    put("feeds/news.rss", render_rss(art).encode("utf-8"))

    (out / "warc").mkdir(parents=True, exist_ok=True)
    write_warc(out / "warc" / "news.warc.gz", page)
    written.append(out / "warc" / "news.warc.gz")

    put("jsonl/articles.jsonl", "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in JSONL_RECORDS).encode("utf-8"))
    return written


def verify(root: Path) -> None:
    """Decode everything back and check structure; raises AssertionError."""
    t = root / "text"
    assert (t / "ru_sanctions.txt").read_bytes().decode("cp1251") == read_src("ru_sanctions.txt")
    koi = (t / "uk_energy_koi8u.txt").read_bytes().decode("koi8-u")
    assert koi == read_src("uk_energy.txt") and all(c in koi for c in "іїєґ")
    u16 = (t / "ru_utf16.txt").read_bytes()
    assert u16[:2] == b"\xff\xfe" and u16.decode("utf-16") == read_src("ru_utf16.txt")
    for name in ("uk_aid_germany.txt", "uk_aid_germany_reprint.txt", "en_summit.txt"):
        (t / name).read_bytes().decode("utf-8")

    art = split_article(read_src("ru_sanctions.txt"))
    page = (root / "html" / "ru_sanctions.html").read_text(encoding="utf-8")
    assert len(page.encode("utf-8")) <= 25 * 1024, "HTML page larger than 25 KB"
    for kind, a, _ in art["body"]:
        if kind == "p":
            assert html.escape(a, quote=False) in page

    try:
        import feedparser
    except ImportError:  # pragma: no cover
        print("feedparser not installed; RSS check skipped", file=sys.stderr)
    else:
        feed = feedparser.parse(str(root / "feeds" / "news.rss"))
        assert not feed.bozo, feed.get("bozo_exception")
        assert len(feed.entries) == 3
        e = feed.entries[0]
        assert e.title == art["title"] and e.link == RU_URL
        assert e.published_parsed[:5] == (2024, 11, 14, 10, 42)  # UTC
        assert "content" in e and art["body"][0][1] in e.content[0].value
        assert all("content" not in x for x in feed.entries[1:])

    from warcio.archiveiterator import ArchiveIterator
    with open(root / "warc" / "news.warc.gz", "rb") as fh:
        recs = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                 r.http_headers.get_header("Content-Type") if r.http_headers else None,
                 r.content_stream().read())
                for r in ArchiveIterator(fh)]
    assert [r[0] for r in recs] == ["warcinfo", "request", "response", "response", "response"]
    assert recs[2][1] == RU_URL and recs[2][3].decode("utf-8") == page
    assert recs[3][3].decode("cp1251") == UK_PAGE_HTML
    assert recs[4][2] == "image/png" and recs[4][3].startswith(b"\x89PNG")

    lines = (root / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(l) for l in lines] == JSONL_RECORDS


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir and compare with examples/")
    args = ap.parse_args(argv)

    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            written = generate(Path(tmp))
            stale = [p.relative_to(tmp) for p in written
                     if not filecmp.cmp(p, EXAMPLES / p.relative_to(tmp), shallow=False)
                     ] if all((EXAMPLES / p.relative_to(tmp)).exists() for p in written) \
                else ["(missing files)"]
        if stale:
            print("out of date: %s — run scripts/make_examples.py" % ", ".join(map(str, stale)))
            return 1
        verify(EXAMPLES)
        print("examples are up to date")
        return 0

    for p in generate(EXAMPLES):
        print("wrote", p.relative_to(ROOT), "(%d bytes)" % p.stat().st_size)
    verify(EXAMPLES)
    print("verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
