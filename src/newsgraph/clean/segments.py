"""Label the lines of a document without rewriting it.

Each non-blank line becomes one segment (title, lead, body, related or
boilerplate) with its own language, and its offsets point into the text the
user gave. Known widget and "read also" phrasings are per-language data; lines
no pattern knows are judged by where they stand and what they look like: a
short, unpunctuated or other-language line after the article's last sentence is
a widget, a link-heavy block in HTML is navigation.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .. import lang
from . import linear
from ..model import ARTICLE_KINDS, LineHint, RawDocument, Segment
from .language import detect, is_sure
from .hints import LINK_HEAVY, keep_mask
from .repeated import RepeatedLines

#: a title is a single short line.
TITLE_MAX_CHARS = 300
#: a lead is a real sentence or two, not a dateline.
LEAD_MIN_WORDS = 6
#: lines at the end this short may be widgets.
TAIL_MAX_WORDS = 12
#: how many headline lines may follow a bare "Read also:" marker.
RELATED_RUN = 5

_SENTENCE_END = re.compile(r"[.!?…»\"“”)]\s*$")
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)|©\s*\d{4}", re.IGNORECASE)
_ONLY_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
#: in RE2: the blanks around a separator may belong to either side, which in
#: ``re`` makes a long breadcrumb line with a long last item exponential.
_NAV = linear.compile(r"^(?:[^/|>»•·]{1,30}\s*[/|>»•·]\s*){2,}[^/|>»•·]{0,30}$")
_MARKER_ONLY = re.compile(r"^[^:]{0,40}:\s*$")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    language: str | None
    hint: LineHint | None
    #: index among all lines of the text, blank ones included
    number: int


def split_lines(text: str, hints: tuple[LineHint, ...] | None = None) -> list[Line]:
    """Non-blank lines with offsets trimmed of surrounding whitespace."""
    lines = []
    pos = 0
    for n, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            hint = hints[n] if hints and n < len(hints) else None
            lines.append(Line(start, end, stripped, detect(stripped), hint, n))
        pos += len(raw) + 1
    return lines


def _words(s: str) -> int:
    return len(s.split())


@cache
def _dateline():
    """The languages' dateline pattern, run by RE2: in ``re`` a date that goes
    on in blanks and dots ("14 листопада 2024 . . . .", 20 000 characters) is
    quadratic, and took two minutes."""
    pattern = lang.dateline_regex()
    return linear.compile(pattern.pattern, pattern.flags & re.IGNORECASE)


def _pattern_kind(line: Line) -> str | None:
    if lang.related_regex().search(line.text):
        return "related"
    if (
        lang.boilerplate_regex().search(line.text)
        or _COPYRIGHT.search(line.text)
        or _ONLY_URL.match(line.text)
        or _dateline().match(line.text)
        or (_NAV.match(line.text) and not _SENTENCE_END.search(line.text))
    ):
        return "boilerplate"
    return None


def _hint_verdicts(raw: RawDocument) -> list[bool] | None:
    """Per raw line (blank ones included), what the HTML evidence says."""
    if not raw.hints:
        return None
    return keep_mask(raw.text.split("\n"), raw.hints)


def _majority_language(lines: list[Line]) -> str | None:
    weights: Counter[str] = Counter()
    for line in lines:
        if line.language:
            weights[line.language] += len(line.text)
    return weights.most_common(1)[0][0] if weights else None


def _line_language(line: Line, kind: str | None, language: str | None) -> str | None:
    """An article line too short to have a language of its own is in the article's
    (a village's name on a line of its own read as Russian in a Ukrainian list)."""
    if (kind in (None, "title", "lead") and line.language and language and line.language != language
            and not is_sure(line.text, line.language)):
        return language
    return line.language


def segment(raw: RawDocument, repeated: RepeatedLines | None = None) -> tuple[list[Segment], str | None]:
    """Return the segments of ``raw.text`` and the document's language."""
    lines = split_lines(raw.text, raw.hints)
    keep = _hint_verdicts(raw)
    kinds: list[str | None] = []
    for line in lines:
        kind = _pattern_kind(line)
        if kind is None and keep is not None and not keep[line.number]:
            kind = "related" if line.hint.link_density >= LINK_HEAVY else "boilerplate"
        if kind is None and repeated is not None and repeated.is_repeated(raw.site, line.text):
            kind = "boilerplate"
        kinds.append(kind)

    # A bare "Read also:" marker owns the headline lines right after it.
    for i, line in enumerate(lines):
        if kinds[i] == "related" and _MARKER_ONLY.match(line.text):
            for j in range(i + 1, min(i + 1 + RELATED_RUN, len(lines))):
                if kinds[j] is not None or _SENTENCE_END.search(lines[j].text) or _words(lines[j].text) > 20:
                    break
                kinds[j] = "related"

    body_idx = [i for i, k in enumerate(kinds) if k is None]
    language = _majority_language([lines[i] for i in body_idx])

    # The tail: short lines after the last real sentence that are unpunctuated
    # or in another language than the article are widgets on any site.
    for i in reversed(body_idx):
        line = lines[i]
        if _words(line.text) > TAIL_MAX_WORDS:
            break
        foreign = line.language is not None and language is not None and line.language != language
        if foreign or not _SENTENCE_END.search(line.text):
            kinds[i] = "boilerplate"
        else:
            break

    body_idx = [i for i, k in enumerate(kinds) if k is None]
    if body_idx:
        first = body_idx[0]
        line = lines[first]
        is_title = (line.hint is not None and line.hint.role == "title") or (
            len(line.text) <= TITLE_MAX_CHARS and (raw.title is None or raw.title.strip() == line.text)
        )
        if is_title and len(body_idx) > 1:
            kinds[first] = "title"
            nxt = body_idx[1]
            if _words(lines[nxt].text) >= LEAD_MIN_WORDS and len(body_idx) > 2:
                kinds[nxt] = "lead"
    segments = [
        Segment(line.start, line.end, kind or "body", _line_language(line, kind, language))  # type: ignore[arg-type]
        for line, kind in zip(lines, kinds)
    ]
    language = _majority_language(
        [line for line, s in zip(lines, segments) if s.kind in ARTICLE_KINDS]
    ) or language
    return segments, language
