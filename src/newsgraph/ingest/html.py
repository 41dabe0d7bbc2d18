"""Main-text extraction from news HTML pages (Russian, Ukrainian, English).

Two entry points:

* :func:`extract_html` for a whole page. The page is parsed once with lxml and
  the tree is handed to three extractors:

  - trafilatura with ``favor_recall`` (comments, tables and links kept) gives
    the *text*: one block (paragraph, heading, list item, quote, table row)
    per line. The text is deliberately generous: lines that are later judged
    boilerplate stay in it, for transparency;
  - trafilatura with ``favor_precision`` gives the ``precise`` hint;
  - readability-lxml gives the ``readable`` hint.

  Every line carries a :class:`~newsgraph.model.LineHint`; line 0 is always the
  title (``role="title"``), lines from trafilatura's comment section have
  ``role="comment"``.

* :func:`extract_fragment` for the HTML of an RSS item (``content:encoded`` or
  ``summary``): not a page, so trafilatura could drop it; its block elements
  are turned into lines directly.

Both paths build lines with the same walker (:func:`_block_lines`) and the same
normalisation (:func:`normalize_line`), so one article delivered as a page and
as a feed item gives the same title line and the same body lines.

:func:`article_lines` is the provisional rule that picks the article (title,
lead, body) from the hints; the line classifier in ``newsgraph.clean`` calls it
or mirrors it.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from newsgraph.model import Failure, LineHint, RawDocument, Source

__all__ = ["extract_html", "extract_fragment", "article_lines", "normalize_line"]

# trafilatura, readability and htmldate log loudly on every odd page.
for _name in ("trafilatura", "readability", "readability.readability", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# --------------------------------------------------------------------------- #
# line normalisation: the ONE place where a block's text becomes a line
# --------------------------------------------------------------------------- #

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACE_RE = re.compile(r"\s+")


def normalize_line(text: str) -> str:
    """Return the canonical form of one block's text.

    NFC, invisible characters (soft hyphen, zero-width spaces, BOM) removed,
    every run of white space (no-break spaces included) collapsed to one space,
    ends stripped. Used for page lines, fragment lines and hint matching alike.
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACE_RE.sub(" ", text).strip()


# --------------------------------------------------------------------------- #
# block walker, shared by the trafilatura output and raw HTML fragments
# --------------------------------------------------------------------------- #

@dataclass
class _Line:
    text: str
    link_density: float


#: elements that start and end a line (HTML vocabulary and trafilatura's XML one).
_BLOCK = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table thead tbody
    tfoot tr caption article section main header footer aside nav figure figcaption
    address center form fieldset details summary hr body html
    head list item quote row code doc comments main""".split()
)
#: elements whose content sits on the line of their block but apart from the neighbours.
_CELL = frozenset({"td", "th", "cell"})
_BREAK = frozenset({"br", "lb"})
_LINK = frozenset({"a", "ref"})
#: never text.
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "object", "embed",
     "select", "option", "button", "input", "textarea", "math", "title", "meta", "link"}
)


def _block_lines(root: etree._Element, *, html_head_is_meta: bool) -> list[_Line]:
    """Flatten ``root`` into lines: one per block element, split at ``<br>``.

    ``html_head_is_meta``: in HTML ``<head>`` is the document head (skipped); in
    trafilatura's XML it is a heading (a block).
    """
    lines: list[_Line] = []
    parts: list[tuple[str, bool]] = []

    def flush() -> None:
        if not parts:
            return
        text = normalize_line("".join(t for t, _ in parts))
        if text:
            linked = 0
            if any(is_link for _, is_link in parts):
                linked = len("".join("".join(t.split()) for t, is_link in parts if is_link))
            total = len(text) - text.count(" ")
            lines.append(_Line(text, min(1.0, linked / total) if total else 0.0))
        parts.clear()

    def walk(el: etree._Element, in_link: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag:
            tag = tag.rsplit("}", 1)[-1].lower()
        if not tag or tag in _SKIP or (tag == "head" and html_head_is_meta):
            # comments, processing instructions and skipped elements: tail only
            if el.tail:
                parts.append((el.tail, in_link))
            return
        block = tag in _BLOCK
        if block or tag in _BREAK:
            flush()
        elif tag in _CELL:
            parts.append((" ", False))
        link = in_link or tag in _LINK
        if el.text and tag not in _BREAK:
            parts.append((el.text, link))
        for child in el:
            walk(child, link)
        if block:
            flush()
        elif tag in _CELL:
            parts.append((" ", False))
        if el.tail:
            parts.append((el.tail, in_link))

    walk(root, False)
    flush()
    return lines


# --------------------------------------------------------------------------- #
# decoding and parsing
# --------------------------------------------------------------------------- #

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TAG_RE = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")


def _decode(data: bytes) -> str:
    """BOM, then ``<meta charset>``, then strict UTF-8, then charset-normalizer."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            pass
        else:
            if name not in ("utf-16", "utf-32"):  # a lie when the bytes are ASCII-compatible
                try:
                    return data.decode(name)
                except UnicodeDecodeError:
                    pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except Exception:  # pragma: no cover - detector failure is not fatal
        pass
    return data.decode("utf-8", errors="replace")


def _not_html_reason(text: str) -> str | None:
    """A reason when ``text`` is plainly not HTML, else None."""
    head = text[:20_000]
    if not head.strip():
        return "HTML has no extractable main text (empty input)"
    if "\x00" in head:
        return "not HTML: binary data (NUL bytes)"
    controls = sum(1 for c in head if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    if controls > 0.05 * len(head):
        return "not HTML: binary or undecodable data"
    if not _TAG_RE.search(head):
        return "not HTML: no markup found"
    return None


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _parse_page(text: str) -> lxml_html.HtmlElement | None:
    text = _XML_DECL.sub("", text, count=1)  # lxml refuses str with an encoding declaration
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    if root is None or not isinstance(root, lxml_html.HtmlElement):
        return None
    # code and styling are never text: drop them once here instead of in each
    # extractor (JSON-LD stays, trafilatura reads the metadata from it)
    for el in _CODE_XPATH(root):
        el.drop_tree()
    return root


_CODE_XPATH = etree.XPath(
    "//script[not(contains(@type, 'ld+json'))] | //style | //noscript | //template | //svg"
)


def _parse_fragment(fragment: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fragment_fromstring(_XML_DECL.sub("", fragment, count=1), create_parent="div")
    except (etree.ParserError, ValueError):
        return None


# --------------------------------------------------------------------------- #
# metadata helpers
# --------------------------------------------------------------------------- #

def _site(source: Source, fallback_url: str | None = None) -> str | None:
    for url in (source.url, fallback_url):
        if url:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
            if host:
                return host[4:] if host.startswith("www.") else host
    return None


@dataclass
class _Meta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


def _metadata(root: lxml_html.HtmlElement, url: str | None) -> _Meta:
    """Title, author, date and canonical URL from meta tags, JSON-LD and htmldate.

    trafilatura's ``extract_metadata`` minus its body-scanning author search,
    which costs more than the rest of the metadata together on large pages.
    """
    meta = _Meta()
    try:
        from trafilatura import metadata as tmeta

        doc = tmeta.examine_meta(root)
        if doc.author and " " not in doc.author:
            doc.author = None
        try:
            doc = tmeta.extract_meta_json(root, doc)
        except Exception:
            pass
        meta.title = doc.title or tmeta.extract_title(root)
        meta.author = doc.author
        meta.url = doc.url or tmeta.extract_url(root, url)
    except Exception:
        pass
    try:
        from htmldate import find_date

        meta.date = find_date(root, url=url or meta.url, extensive_search=False, original_date=True)
    except Exception:
        pass
    return meta


def _pick_title(root: lxml_html.HtmlElement, meta_title: str | None) -> str | None:
    """The headline: the <h1> that agrees with the metadata title, else the metadata title."""
    meta = normalize_line(meta_title or "")
    h1s = [normalize_line(h.text_content()) for h in root.iter("h1")]
    h1s = [h for h in h1s if 3 <= len(h) <= 400]
    if meta:
        low = meta.lower()
        for h in h1s:
            hl = h.lower()
            if hl in low or low in hl:
                return h
        return meta
    return h1s[0] if h1s else None


# --------------------------------------------------------------------------- #
# hint matching
# --------------------------------------------------------------------------- #

class _Evidence:
    """Lines another extractor kept, for membership tests of our lines."""

    def __init__(self, lines: list[str]):
        self.lines = set(lines)
        self.joined = "\n".join(lines)

    def __contains__(self, line: str) -> bool:
        # exact line, or (for lines long enough not to match by chance) a piece of a
        # block that the other extractor segmented differently.
        return line in self.lines or (len(line) >= 25 and line in self.joined)

    def __bool__(self) -> bool:
        return bool(self.lines)


def _is_dump(kept: list[_Line], page_chars: int) -> bool:
    """True when an extractor kept the page rather than the article.

    On table-layout pages trafilatura takes the layout table for content and
    returns menus, sidebars and footer too; a yes-vote from it then means
    nothing. A dump is an extraction where links make up a fifth of the
    characters, or one that covers 90% of the page text with at least three
    link lists (menus) in it.
    """
    chars = sum(len(ln.text) for ln in kept)
    if not chars:
        return False
    link_chars = sum(len(ln.text) * ln.link_density for ln in kept)
    link_lines = sum(1 for ln in kept if ln.link_density >= 0.5)
    return link_chars >= 0.2 * chars or (chars >= 0.9 * page_chars and link_lines >= 3)


#: id/class of comment sections and comment forms (trafilatura finds only some).
_COMMENT_XPATH = etree.XPath(
    r"""//*[self::div or self::section or self::ul or self::ol or self::aside or self::form or self::table]
    [re:test(concat(' ', @id, ' ', @class, ' '),
     '(?i)[\s_-](?:comments?|comment-?(?:list|form|block|area|box|wrap\w*)|disqus\w*|hypercomments|vk_comments|fb-comments|respond|reviews?)[\s_-]')]""",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def _comment_lines(body: lxml_html.HtmlElement | None, page_chars: int) -> set[str]:
    """Lines inside the page's comment sections (widget, comments, comment form)."""
    if body is None:
        return set()
    found: set[str] = set()
    taken: set = set()
    for el in _COMMENT_XPATH(body):  # document order: a section comes before its items
        if any(a in taken for a in el.iterancestors()):
            continue
        taken.add(el)
        if any(True for _ in el.iter("h1")):
            continue  # a wrapper around the article itself, not a comment section
        lines = [ln.text for ln in _block_lines(el, html_head_is_meta=True)]
        if sum(map(len, lines)) > 0.5 * page_chars:
            continue
        found.update(lines)
    return found


def _trafilatura_lines(tree, *, url, precision: bool, recall: bool, metadata: bool):
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            tree,
            url=url,
            favor_precision=precision,
            favor_recall=recall,
            include_comments=not precision,
            include_tables=True,
            include_links=True,
            include_formatting=False,
            with_metadata=metadata,
        )
    except Exception:  # trafilatura must never take the pipeline down
        return None
    return doc


def _readability_lines(tree) -> list[_Line]:
    try:
        from readability import Document as ReadabilityDocument

        summary = ReadabilityDocument(tree).summary(html_partial=True)
    except Exception:
        return []
    frag = _parse_fragment(summary)
    return [] if frag is None else _block_lines(frag, html_head_is_meta=True)


_GAP_MAX = 8


def _restore_head_gap(page: list[_Line], title: str, body: list[_Line]) -> list[_Line]:
    """Put back the blocks between the headline and the first extracted line.

    trafilatura often takes the container of the body paragraphs as the article
    and loses the lead styled apart from it (``<div class="lead">`` next to
    ``<div class="article-body">``). The blocks between the ``<h1>`` and the
    first extracted line (at most the last eight: lead, date, byline, caption)
    go back into the text; the hints decide later which of them is the lead.
    """
    if not body:
        return body
    try:
        start = next(i for i, ln in enumerate(page) if ln.text == title)
    except StopIteration:
        return body
    have = {ln.text for ln in body}
    for first in body[:3]:
        end = next((i for i in range(start + 1, len(page)) if page[i].text == first.text), None)
        if end is not None:
            break
    else:
        return body
    gap = [ln for ln in page[start + 1 : end] if ln.text not in have and ln.text != title][-_GAP_MAX:]
    if not gap:
        return body
    at = body.index(first)
    return body[:at] + gap + body[at:]


# --------------------------------------------------------------------------- #
# public API
# --------------------------------------------------------------------------- #

_NO_TEXT = "HTML has no extractable main text"


def extract_html(
    html: str | bytes,
    *,
    source: Source,
    published: str | None = None,
    title: str | None = None,
) -> RawDocument | Failure:
    """Extract the main text of a news page, one block per line, with per-line hints.

    Line 0 is the title (the ``title`` argument when given). Never raises on bad
    input: returns :class:`Failure` with a reason instead.
    """
    try:
        return _extract_html(html, source=source, published=published, title=title)
    except Exception as err:  # last resort: bad input must not raise
        return Failure(source, f"HTML extraction failed: {type(err).__name__}: {err}")


def _extract_html(html, *, source, published, title):
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if b"\x00" in data[:4096] and not data.startswith(
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
        ):
            return Failure(source, "not HTML: binary data (NUL bytes)")
        html = _decode(data)
    elif not isinstance(html, str):
        return Failure(source, f"not HTML: expected str or bytes, got {type(html).__name__}")
    reason = _not_html_reason(html)
    if reason:
        return Failure(source, reason)
    root = _parse_page(html)
    if root is None:
        return Failure(source, "not HTML: the markup could not be parsed")

    # 1. recall extraction: the text itself, plus metadata
    main = _trafilatura_lines(deepcopy(root), url=None, precision=False, recall=True, metadata=False)
    body: list[_Line] = []
    comments: list[_Line] = []
    if main is not None:
        if main.body is not None:
            body = _block_lines(main.body, html_head_is_meta=False)
        if main.commentsbody is not None:
            comments = _block_lines(main.commentsbody, html_head_is_meta=False)
    if not body:
        # trafilatura gave up (short or odd page): fall back to every block of <body>
        fallback = root.find("body")
        body = _block_lines(fallback if fallback is not None else root, html_head_is_meta=True)

    meta = _metadata(root, source.url)
    head_title = normalize_line(title) if title else _pick_title(root, meta.title)
    if not head_title and body:
        head_title = body[0].text
        body = body[1:]
    body = [ln for ln in body if ln.text != head_title]
    if not head_title or not (body or comments):
        return Failure(source, _NO_TEXT)

    page_body = root.find("body")
    page_lines = _block_lines(page_body if page_body is not None else root, html_head_is_meta=True)
    page_chars = sum(len(ln.text) for ln in page_lines) or 1
    body = _restore_head_gap(page_lines, head_title, body)

    # 2. the other two opinions, and the page's own comment sections

    precise_doc = _trafilatura_lines(deepcopy(root), url=None, precision=True, recall=False, metadata=False)
    precise_lines = (
        _block_lines(precise_doc.body, html_head_is_meta=False)
        if precise_doc is not None and precise_doc.body is not None
        else []
    )
    precise = _Evidence([] if _is_dump(precise_lines, page_chars) else [ln.text for ln in precise_lines])
    readable_lines = _readability_lines(deepcopy(root))
    readable = _Evidence([] if _is_dump(readable_lines, page_chars) else [ln.text for ln in readable_lines])
    in_comments = _comment_lines(page_body, page_chars)

    hints = [LineHint(role="title", link_density=0.0, precise=True, readable=True)]
    lines = [head_title]
    for role, group in ((None, body), ("comment", comments)):
        for ln in group:
            lines.append(ln.text)
            hints.append(
                LineHint(
                    role=role or ("comment" if ln.text in in_comments else None),
                    link_density=round(ln.link_density, 3),
                    precise=ln.text in precise,
                    readable=ln.text in readable,
                )
            )

    author = normalize_line(meta.author) if meta.author else None
    return RawDocument(
        source=source,
        text="\n".join(lines),
        title=head_title,
        published=published or meta.date or None,
        author=author or None,
        encoding=None,
        hints=tuple(hints),
        site=_site(source, meta.url),
    )


def extract_fragment(
    html_fragment: str,
    *,
    source: Source,
    title: str | None,
    published: str | None = None,
) -> RawDocument | Failure:
    """Turn the HTML of an RSS item into a document, one block per line.

    A fragment is the article already cut out by the publisher, so every line
    is taken (``precise`` and ``readable`` are True); only ``link_density`` is
    measured. Line 0 is ``title`` (or the first block when no title is given).
    """
    try:
        if isinstance(html_fragment, (bytes, bytearray)):
            html_fragment = _decode(bytes(html_fragment))
        if not isinstance(html_fragment, str):
            return Failure(source, f"not HTML: expected str, got {type(html_fragment).__name__}")
        if "\x00" in html_fragment:
            return Failure(source, "not HTML: binary data (NUL bytes)")
        lines: list[_Line] = []
        if html_fragment.strip():
            root = _parse_fragment(html_fragment)
            if root is None:
                return Failure(source, "not HTML: the fragment could not be parsed")
            lines = _block_lines(root, html_head_is_meta=True)
        head_title = normalize_line(title or "")
        if not head_title and lines:
            head_title, lines = lines[0].text, lines[1:]
        lines = [ln for ln in lines if ln.text != head_title]
        if not head_title or not lines:
            return Failure(source, f"{_NO_TEXT} (empty feed item)")
        hints = [LineHint(role="title")] + [
            LineHint(role=None, link_density=round(ln.link_density, 3)) for ln in lines
        ]
        return RawDocument(
            source=source,
            text="\n".join([head_title] + [ln.text for ln in lines]),
            title=head_title,
            published=published,
            encoding=None,
            hints=tuple(hints),
            site=_site(source),
        )
    except Exception as err:
        return Failure(source, f"feed item extraction failed: {type(err).__name__}: {err}")


# --------------------------------------------------------------------------- #
# provisional article rule
# --------------------------------------------------------------------------- #

#: a clock time or a numeric date: on a short line, a dateline or a byline.
_DATELINE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")


def _prose(line: str, hint: LineHint, min_len: int) -> bool:
    """A line that reads like a paragraph of the article: long, no links, a sentence end."""
    return hint.link_density == 0 and len(line) >= min_len and bool(_SENTENCE_END.search(line))


def article_lines(doc: RawDocument, *, patterns: bool = True) -> list[str]:
    """Pick the article (title, lead, body) lines of ``doc`` from its hints.

    The rule, line by line:

    1. line 0 (the title) is kept;
    2. comment lines (``role == "comment"``) are dropped, and so are lines
       mostly made of links (``link_density >= 0.5``);
    3. with ``patterns`` (default), lines matching the shared boilerplate or
       related-article patterns of :mod:`newsgraph.lang` ("Подписывайтесь ...",
       "Читайте также: ...", "Все права защищены") are dropped;
    4. a line both extractors kept (``precise and readable``) is kept; any
       other line under 80 chars with a clock time or numeric date in it
       (dateline, byline) is dropped; a line only one of them kept is kept
       unless it is short (< 60 chars) and contains a link;
    5. a line neither kept is rescued when it reads like prose (no links, ends
       like a sentence) and either sits between the title and the first kept
       line (at most 4 lines before it) and is >= 80 chars (the lead, which both extractors tend to miss
       when it is styled apart from the body), or sits between two kept lines
       and is >= 60 chars (a paragraph the extractors skipped);
    6. everything else is dropped.

    Documents without hints (plain text) keep every non-empty line.
    """
    lines = doc.text.split("\n")
    if not doc.hints:
        return [ln for ln in lines if ln.strip()]
    boiler = related = None
    if patterns:
        from newsgraph import lang

        boiler, related = lang.boilerplate_regex(), lang.related_regex()

    n = len(lines)
    verdict: list[bool | None] = [None] * n  # True keep, False drop, None undecided
    for i, (line, hint) in enumerate(zip(lines, doc.hints)):
        if i == 0 or hint.role == "title":
            verdict[i] = True
        elif hint.role == "comment" or hint.link_density >= 0.5 or not line.strip():
            verdict[i] = False
        elif boiler is not None and (boiler.search(line) or related.search(line)):
            verdict[i] = False
        elif hint.precise and hint.readable:
            verdict[i] = True
        elif len(line) < 80 and _DATELINE.search(line):
            verdict[i] = False
        elif hint.precise or hint.readable:
            verdict[i] = not (hint.link_density > 0 and len(line) < 60)
    body_kept = [i for i in range(1, n) if verdict[i] and doc.hints[i].role != "title"]
    first = body_kept[0] if body_kept else n
    last = body_kept[-1] if body_kept else 0
    for i in range(1, n):
        if verdict[i] is not None:
            continue
        hint, line = doc.hints[i], lines[i]
        if i < first:
            verdict[i] = first - i <= 4 and _prose(line, hint, 80)
        elif i < last:
            verdict[i] = _prose(line, hint, 60)
        else:
            verdict[i] = False
    return [line for line, keep in zip(lines, verdict) if keep]
