"""The extract stage: roles, within-document coreference, quotes, events.

Each stage is a pure function ``Document -> Document``; ``extract`` runs them in
the order of ``STAGES``: roles first (coreference resolves bare titles through
them), coreference next (quotes find speakers through role, pronoun and surname
mentions), then an organisation's staff as actors of their own (``groups``), then quotes, then events (they take their speaker from the quotes).
Coreference (``coref``) reads the roles' and quotes' helpers, so it lives here
too: nothing in this package imports ``newsgraph.link``, which runs before it.
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Document
from .coref import resolve
from .events import events
from .groups import groups
from .quotes import quotes
from .roles import roles

Stage = Callable[[Document], Document]

#: the extract stages, in order.
STAGES: list[Stage] = [
    roles,
    resolve,
    groups,
    quotes,
    events,
    # --- events go here, after quotes (they take their speaker from the quotes) ---
]


def extract(doc: Document) -> Document:
    """Run every extract stage over ``doc``; returns a new document."""
    for stage in STAGES:
        doc = stage(doc)
    return doc


__all__ = ["STAGES", "events", "extract", "groups", "quotes", "resolve", "roles"]
