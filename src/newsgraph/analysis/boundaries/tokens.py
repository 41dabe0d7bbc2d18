"""What the boundary rules share: quote characters and the words of a span."""
from __future__ import annotations

import re

from ...model import Span
from ..morphology import CLOSING_QUOTES, OPENING_QUOTES, WORD

QUOTES = OPENING_QUOTES | CLOSING_QUOTES
TOKEN = re.compile(rf"[^\s{re.escape(''.join(sorted(QUOTES)))}]+")
OPEN, CLOSE = (re.escape("".join(sorted(q))) for q in (OPENING_QUOTES, CLOSING_QUOTES))


def span_words(text: str, span: Span) -> list[re.Match[str]]:
    return list(WORD.finditer(text, span.start, span.end))
