"""Which lines of an extracted HTML page are the article, judged by the hints.

The HTML extractor keeps a recall-oriented text and records, per line, what
trafilatura's precision pass, readability and the markup (links, comment
sections) say about it. Each of them alone misjudges Russian and Ukrainian
news pages (trafilatura keeps comment widgets, readability drops leads); the
rule below takes the article as what they agree on, and rescues prose both
skipped where it sits (a lead styled apart, a paragraph between kept ones).
Language patterns are applied by the segmenter, not here.
"""
from __future__ import annotations

import re

from ..model import LineHint

#: link density from which a block is a list of links, not prose.
LINK_HEAVY = 0.5
#: a clock time or a numeric date: on a short line, a dateline or a byline.
_DATELINE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
#: how far before the first kept line a lead may sit.
LEAD_GAP = 4


def _prose(line: str, hint: LineHint, min_len: int) -> bool:
    """A line that reads like a paragraph of the article: long, no links, a sentence end."""
    return hint.link_density == 0 and len(line) >= min_len and bool(_SENTENCE_END.search(line))


def keep_mask(lines: list[str], hints: tuple[LineHint, ...]) -> list[bool]:
    """One verdict per line: True for the article (title, lead, body).

    1. the title line is kept;
    2. comment lines and link lists (``link_density >= 0.5``) are dropped;
    3. a short unpunctuated line followed by a link list is its heading
       ("Новости по теме") and is dropped;
    4. a line both extractors kept is kept; a short line with a clock time or
       numeric date (dateline, byline) is dropped; a line one extractor kept is
       kept unless it is short and holds a link;
    5. a line neither kept is rescued when it reads like prose and sits just
       before the first kept line (>= 80 chars: the lead) or between kept lines
       (>= 60 chars: a paragraph the extractors skipped);
    6. everything else is dropped.
    """
    n = len(lines)
    verdict: list[bool | None] = [None] * n
    for i, (line, hint) in enumerate(zip(lines, hints)):
        if hint.role == "title":
            verdict[i] = True
        elif hint.role == "comment" or hint.link_density >= LINK_HEAVY or not line.strip():
            verdict[i] = False
        elif len(line) < 50 and i + 1 < n and hints[i + 1].link_density >= LINK_HEAVY \
                and not _SENTENCE_END.search(line):
            verdict[i] = False
        elif hint.precise and hint.readable:
            verdict[i] = True
        elif len(line) < 80 and _DATELINE.search(line):
            verdict[i] = False
        elif hint.precise or hint.readable:
            verdict[i] = not (hint.link_density > 0 and len(line) < 60)
    kept = [i for i in range(n) if verdict[i] and hints[i].role != "title"]
    first = kept[0] if kept else n
    last = kept[-1] if kept else 0
    for i in range(n):
        if verdict[i] is not None:
            continue
        if i < first:
            verdict[i] = first - i <= LEAD_GAP and _prose(lines[i], hints[i], 80)
        elif i < last:
            verdict[i] = _prose(lines[i], hints[i], 60)
        else:
            verdict[i] = False
    return [bool(v) for v in verdict]
