"""Main-text extraction from news HTML pages (Russian, Ukrainian, English).

Two entry points:

* :func:`extract_html` for a whole page. The page is parsed once with lxml
  (scripts and styles dropped) and cut into blocks (paragraph, heading, list
  item, quote, table row, ``<br>``-separated run) by :func:`_block_lines`.
  Copies of the tree go to three extractors, which vote on those blocks:

  - trafilatura with ``favor_recall`` (comments and tables on) decides which
    blocks make the *text*. The text is deliberately generous: blocks judged
    boilerplate later stay in it, for transparency. The blocks between the
    headline and the first kept block (lead, dateline, caption) are put back
    because trafilatura often loses a lead styled apart from the body;
  - trafilatura with ``favor_precision`` gives the ``precise`` hint;
  - readability-lxml gives the ``readable`` hint.

  An extractor that returned the whole page (menus and all, as trafilatura
  does on table layouts) votes for nothing. ``link_density`` is measured on
  the page's own ``<a>`` elements. Line 0 is the title (``role="title"``);
  blocks of trafilatura's comment section or of an element whose id/class
  names comments get ``role="comment"``. Metadata (title, author, date) come
  from meta tags, JSON-LD and htmldate.

* :func:`extract_fragment` for the HTML of an RSS item (``content:encoded`` or
  ``summary``): not a page, so trafilatura could drop it; its blocks are all
  taken, with ``precise`` and ``readable`` True.

Both paths build lines with the same walker (:func:`_block_lines`) and the same
normalisation (:func:`normalize_line`), so one article delivered as a page and
as a feed item gives the same title line and the same body lines.

Which lines are the article is decided later, by the line classifier of
:mod:`newsgraph.clean.segments` reading the hints (:mod:`newsgraph.clean.hints`).
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

from .sites import site_of

__all__ = ["extract_html", "extract_fragment", "normalize_line"]

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


def _after_prolog(text: str) -> str:
    """The start of the page behind its comments and DTD, which may run far past the first 20 KB."""
    from .detect import skip_prolog

    body, _, _ = skip_prolog(text.encode("utf-8", "surrogatepass"))
    return body[:20_000].decode("utf-8", "replace")


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
    if not _TAG_RE.search(head) and not _TAG_RE.search(_after_prolog(text)):
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
    """The page's own URL decides; a saved page names itself in <link rel=canonical>."""
    return site_of(source.url) or site_of(fallback_url)


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


_TITLE_SEP = re.compile(r"\s+[-|—–:»]\s+|\s+::\s+")


def _pick_title(root: lxml_html.HtmlElement, meta_title: str | None) -> str | None:
    """The headline: the <h1> that agrees with the metadata title, else the metadata title."""
    meta = normalize_line(meta_title or "")
    page_title = normalize_line(root.findtext("head/title") or "")
    if len(meta.split()) < 3 and len(page_title) > len(meta):
        # a logo <h1> ("Новости") taken for the headline: "<Headline> - <Site>" knows better
        parts = [p.strip() for p in _TITLE_SEP.split(page_title) if p.strip()]
        meta = max(parts, key=len) if parts else page_title
    h1s = [normalize_line(h.text_content()) for h in root.iter("h1")]
    h1s = [h for h in h1s if 3 <= len(h) <= 400]
    if meta:
        low = meta.lower()
        for h in h1s:
            hl = h.lower()
            # the h1 inside "Headline — Site" (not a logo h1 "Site" inside it)
            if (hl in low and len(hl) >= 0.5 * len(low)) or low in hl:
                return h
        return meta
    return h1s[0] if h1s else None


# --------------------------------------------------------------------------- #
# hint matching
# --------------------------------------------------------------------------- #

_KEY = 10
_PIECE_START = re.compile(r"(?:^|(?<=\s))\S|[A-ZА-ЯЁІЇЄҐ«\"“(]", re.M)


class _Evidence:
    """Lines another extractor kept, for membership tests of our lines."""

    def __init__(self, lines: list[str]):
        self.lines = set(lines)
        self.joined = "\n".join(lines)
        # where a piece of a line can start (after white space, or a capital glued to
        # the previous word): a cheap filter before a full substring search
        self.starts = {self.joined[m.start() : m.start() + _KEY] for m in _PIECE_START.finditer(self.joined)}

    def __contains__(self, line: str) -> bool:
        # exact line, or (for lines long enough not to match by chance) a piece of a
        # block that the other extractor segmented differently.
        if line in self.lines:
            return True
        return len(line) >= 25 and line[:_KEY] in self.starts and line in self.joined

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
            include_links=False,
            include_formatting=False,
            with_metadata=metadata,
        )
    except Exception:  # trafilatura must never take the pipeline down
        return None
    return doc


def _readability_lines(tree) -> list[str]:
    try:
        from readability import Document as ReadabilityDocument

        summary = ReadabilityDocument(tree).summary(html_partial=True)
    except Exception:
        return []
    frag = _parse_fragment(summary)
    return [] if frag is None else [ln.text for ln in _block_lines(frag, html_head_is_meta=True)]


_GAP_MAX = 8


def _restore_head_gap(texts: list[str], title: str, keep: list[bool]) -> None:
    """Put back (in ``keep``) the blocks between the headline and the first kept block.

    trafilatura often takes the container of the body paragraphs for the article
    and loses a lead styled apart from it (``<div class="lead">`` next to
    ``<div class="article-body">``). The blocks between the headline and the
    first kept block (at most the last eight: lead, dateline, byline, caption)
    go back into the text; the hints decide later which of them is the lead.
    """
    start = next((i for i, t in enumerate(texts) if t == title), None)
    if start is None:
        return
    end = next((i for i in range(start + 1, len(texts)) if keep[i]), None)
    if end is None:
        return
    for i in range(max(start + 1, end - _GAP_MAX), end):
        if texts[i] != title:
            keep[i] = True


def _xml_lines(body) -> list[str]:
    """Lines of a trafilatura output tree (None or empty: no lines)."""
    if body is None:
        return []
    return [ln.text for ln in _block_lines(body, html_head_is_meta=False)]


def _select(texts: list[str], evidence: _Evidence) -> list[bool]:
    """Which page blocks an extractor kept.

    A block is kept when its text is a line of the extractor's output, or (long
    enough not to match by chance) part of one. A short block that is part of
    the output is kept too when a neighbouring block is: the extractor merged a
    label or a split sentence into one paragraph.
    """
    if not evidence:
        return [False] * len(texts)
    strong = [t in evidence for t in texts]
    out = strong[:]
    last = len(texts) - 1
    for i, t in enumerate(texts):
        if not strong[i] and ((i > 0 and strong[i - 1]) or (i < last and strong[i + 1])) and t in evidence.joined:
            out[i] = True
    return out


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

    # The lines are the page's own blocks (the same walker as for feed items);
    # the extractors only vote on them. Segmenting trafilatura's output instead
    # would inherit its merges (a related-links box glued to the next paragraph).
    page_body = root.find("body")
    page = _block_lines(page_body if page_body is not None else root, html_head_is_meta=True)
    page_chars = sum(len(ln.text) for ln in page) or 1
    texts = [ln.text for ln in page]

    # 1. recall extraction decides which blocks make the text
    main = _trafilatura_lines(deepcopy(root), url=None, precision=False, recall=True, metadata=False)
    main_body = _xml_lines(main.body if main is not None else None)
    main_comments = _xml_lines(main.commentsbody if main is not None else None)
    in_main = _select(texts, _Evidence(main_body))
    in_main_comments = _select(texts, _Evidence(main_comments))
    if not any(in_main):  # trafilatura gave up (short or odd page): every block of <body>
        in_main = [True] * len(page)
        in_main_comments = [False] * len(page)

    meta = _metadata(root, source.url)
    head_title = normalize_line(title) if title else _pick_title(root, meta.title)
    if not head_title:
        first = next((i for i, keep in enumerate(in_main) if keep), None)
        if first is None:
            return Failure(source, _NO_TEXT)
        head_title = texts[first]
    keep = [(a or c) and t != head_title for a, c, t in zip(in_main, in_main_comments, texts, strict=True)]
    _restore_head_gap(texts, head_title, keep)
    if not any(keep):
        return Failure(source, _NO_TEXT)

    # 2. the other two opinions, and the page's own comment sections
    precise_doc = _trafilatura_lines(deepcopy(root), url=None, precision=True, recall=False, metadata=False)
    is_precise = _select(texts, _Evidence(_xml_lines(precise_doc.body if precise_doc is not None else None)))
    if _is_dump([ln for ln, yes in zip(page, is_precise, strict=True) if yes], page_chars):
        is_precise = [False] * len(page)
    is_readable = _select(texts, _Evidence(_readability_lines(deepcopy(root))))
    if _is_dump([ln for ln, yes in zip(page, is_readable, strict=True) if yes], page_chars):
        is_readable = [False] * len(page)
    in_comments = _comment_lines(page_body, page_chars)

    hints = [LineHint(role="title", link_density=0.0, precise=True, readable=True)]
    lines = [head_title]
    for i, ln in enumerate(page):
        if not keep[i]:
            continue
        lines.append(ln.text)
        hints.append(
            LineHint(
                role="comment" if in_main_comments[i] or ln.text in in_comments else None,
                link_density=round(ln.link_density, 3),
                precise=is_precise[i],
                readable=is_readable[i],
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
