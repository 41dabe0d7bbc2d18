"""The extract stage: roles, within-document coreference, quotes (then events).

Each stage is a pure function ``Document -> Document``; ``extract`` runs them in
the order of ``STAGES``: roles first (coreference resolves bare titles through
them), coreference next (quotes find speakers through role, pronoun and surname
mentions), then quotes.
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Document
from .roles import roles  # noqa: I001  (roles before link.coref, which imports it)
from ..link.coref import resolve
from .quotes import quotes
from .events import events

Stage = Callable[[Document], Document]

#: the extract stages, in order.
STAGES: list[Stage] = [
    roles,
    resolve,
    quotes,
    events,
    # --- events go here, after quotes (they take their speaker from the quotes) ---
]


def extract(doc: Document) -> Document:
    """Run every extract stage over ``doc``; returns a new document."""
    for stage in STAGES:
        doc = stage(doc)
    return doc


__all__ = ["STAGES", "extract", "quotes", "resolve", "roles"]
