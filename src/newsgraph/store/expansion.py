"""Full-text search that also follows the entity a query names, in any language.

"Germany" finds the English documents by their text; the Ukrainian and Russian
stories that say "Німеччина" or "Германия" share no word with the query, but
they mention the entity the query names. Those stories follow the text
matches, each marked with the entity it was found through (``via``), so the
CLI and the API show the same results and say why each is there.
"""
from __future__ import annotations

from typing import Any

from . import queries
from .lookup import documents_mentioning, lookup


def expanded_search(store, text: str, *, limit: int = 20, offset: int = 0, include_duplicates: bool = False,
                    expand: bool = True) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """(hits, entity): the text matches (``via`` None), then, on the first page, the
    stories mentioning the one entity the query names (``via`` its id), with each hit's site."""
    hits = [h.__dict__ | {"via": None} for h in queries.search(store, text, limit=limit, offset=offset,
                                                               include_duplicates=include_duplicates)]
    entity = None
    if expand and offset == 0:
        match = lookup(store.db, text, suggest=False, words=False)
        if match.unique:
            entity = queries.entities_by_id(store.db, [match.unique])[0]
            seen = {h["id"] for h in hits}
            for doc_id in documents_mentioning(store.db, entity["id"], limit=limit, exclude=seen):
                d = store.db.execute(
                    """SELECT id, title, language, published, coalesce(source_url, source_path) AS source,
                              (SELECT count(*) FROM documents r WHERE r.duplicate_of = documents.id) AS reprints
                       FROM documents WHERE id = ?""", (doc_id,)).fetchone()
                hits.append(dict(d) | {"snippet": "", "highlights": [], "via": entity["id"]})
    if hits:
        sites = {r[0]: r[1] for r in store.db.execute(
            f"SELECT id, site FROM documents WHERE id IN ({','.join('?' * len(hits))})", [h["id"] for h in hits])}
        for h in hits:
            h["site"] = sites.get(h["id"])
    return hits, entity
