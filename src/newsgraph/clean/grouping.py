"""Global near-duplicate grouping: the reprint groups of a whole collection at
once, whatever order its documents come in, as HuggingFace datatrove and
text-dedup group a corpus split over many workers.

:class:`~newsgraph.clean.dedup.Deduplicator` groups a stream: each document is
compared with those seen before it and joins the group of the best match, so
the first copy of a story read becomes its canonical. That is exact on one
machine, where "before" is the input order, but shards written by different
workers or runs have no order between them. Here every document is known
first, and then:

1. **candidates**: the MinHash signature is cut into the LSH bands of
   :mod:`.dedup` (the ``b`` bands of ``r`` rows that datasketch's
   ``MinHashLSH`` picks for :data:`~.dedup.THRESHOLD` and
   :data:`~.dedup.NUM_PERM`, so that a stream and a global grouping consider
   the same pairs); documents sharing a band key, or the exact key, are
   candidates;
2. **verification**: a candidate pair is one story when the exact keys are equal
   or the estimated Jaccard similarity is at least the threshold (the test
   ``Deduplicator.find`` makes);
3. **clusters**: union-find over the verified pairs (so the groups are the
   connected components, independent of the order pairs are met in);
4. **canonical**: in each cluster, a document already stored wins (a stored row
   is never rewritten: if the cluster holds a stored group, the new copies join
   it), then the earliest ``published``, then the smallest id. Every other new
   member gets ``duplicate_of`` = the canonical.

``published`` is compared as the latest instant it can mean, in UTC: a full
timestamp is itself, a date alone ("2024-11-14") the end of that day, a month
the end of the month. A report that gives its time therefore counts as earlier
than a copy of the same day that gives only the date (a reprint usually keeps
the day and drops the time). A value that cannot be read comes after every
date, None after everything; ties go to the smallest id.

Stored documents take part with their stored group (``duplicate_of``): a new
document close to a stored reprint joins the reprint's canonical. Pairs of two
stored documents are not verified again: the store already decided them, and a
load cannot regroup what it does not rewrite. A new document that bridges two
stored groups joins one of them (their canonicals compared as above); the two
stored groups stay apart.

Where documents are ingested in one process (``Store.ingest`` with a pipeline
or a worker pool) the stream grouping is kept, unchanged: there the input
order is the collection's order. This module is for loads of shards
(:func:`newsgraph.shards.load_shards`, ``newsgraph load``, ``ingest
--shards``), which the two may make differ on: the stream takes the first copy
read, the global grouping the earliest published. They agree whenever the
first copy read is the earliest one (as in ``examples/``).

The lines a site repeats (:mod:`.repeated`) are not this module's: they are
merged, not computed again. A shard carries the (site, line, page) rows its
documents taught; a load adds them all to the store's (a set, so the order of
shards does not matter), and the documents keep the segmentation their worker
gave them. Within one ``ingest --shards`` run the counts are exact (every
document of a site goes to one worker, in input order); shards of one site
written by separate runs each learnt only their own pages, which the union
repairs for the next ingest but not for the documents already segmented.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

import numpy as np

from . import dedup


@dataclass(frozen=True)
class Item:
    """What the grouping needs of one document."""

    id: str
    exact_key: str | None
    #: the MinHash: a datasketch ``MinHash``, its hash values, or :func:`~.dedup.signature_bytes`
    signature: Any
    published: str | None = None
    #: already in the store: its group is fixed, and it is canonical before any new document
    stored: bool = False
    #: a stored document's canonical (None: it is one)
    duplicate_of: str | None = None


@cache
def bands() -> tuple[tuple[int, int], ...]:
    """The (start, end) rows of each LSH band: those ``dedup.Deduplicator`` queries with."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    return tuple((int(a), int(b)) for a, b in lsh.hashranges)


def _values(signature: Any) -> np.ndarray:
    if isinstance(signature, (bytes, bytearray, memoryview)):
        values = np.frombuffer(bytes(signature), dtype=np.uint64)
    else:
        values = np.asarray(getattr(signature, "hashvalues", signature)).astype(np.uint64)
    if values.shape != (dedup.NUM_PERM,):
        raise ValueError(f"a signature of {values.size} values, not {dedup.NUM_PERM}")
    return values


def band_keys(signature: Any) -> list[bytes]:
    """The document's LSH bucket in each band (the band's number, then its rows' values)."""
    values = _values(signature)
    return [k.to_bytes(2, "big") + values[a:b].tobytes() for k, (a, b) in enumerate(bands())]


def jaccard(a: Any, b: Any) -> float:
    """Estimated Jaccard similarity, as ``MinHash.jaccard`` computes it."""
    x, y = _values(a), _values(b)
    return float(np.float64(np.count_nonzero(x == y)) / np.float64(len(x)))


# -- the canonical's order --------------------------------------------------------

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?$")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _latest(value: str) -> datetime | None:
    """The latest UTC instant ``value`` can mean; None when it is no date."""
    value = value.strip()
    m = _PARTIAL.match(value)
    try:
        if m:  # a year, or a month
            year, month = int(m.group(1)), int(m.group(2) or 12)
            first_after = date(year + (month == 12), month % 12 + 1, 1)
            return datetime.combine(first_after, datetime.min.time(), timezone.utc) - timedelta(microseconds=1)
        if len(value) == 10:  # a day
            day = date.fromisoformat(value)
            return datetime.combine(day, datetime.max.time(), timezone.utc)
        moment = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def published_key(value: str | None) -> tuple:
    """How ``published`` orders candidates for canonical: earliest first, unreadable, then None."""
    if value is None or not str(value).strip():
        return (2, 0, "")
    moment = _latest(str(value))
    if moment is None:
        return (1, 0, str(value))
    return (0, (moment - _EPOCH) // timedelta(microseconds=1), "")


def _rank(item: Item) -> tuple:
    return (not item.stored, published_key(item.published), item.id)


# -- union-find ---------------------------------------------------------------------

class _Sets:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:  # path compression
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        if a > b:
            a, b = b, a
        self.parent[b] = a
        return True


def _unique(items: Iterable[Item]) -> list[Item]:
    """One item per id (a document met twice: the stored one, else the earliest), sorted by id."""
    by_id: dict[str, Item] = {}
    for item in items:
        seen = by_id.get(item.id)
        if seen is None or _first(item) < _first(seen):
            by_id[item.id] = item
    return [by_id[k] for k in sorted(by_id)]


def _first(item: Item) -> tuple:
    return (not item.stored, item.signature is None, published_key(item.published), item.exact_key or "")


def components(items: Iterable[Item], threshold: float = dedup.THRESHOLD) -> list[list[Item]]:
    """The clusters holding at least one new (not stored) document, each sorted by id, in the
    order of their smallest id. A document with no signature is a cluster of its own."""
    docs = _unique(items)
    n = len(docs)
    sets = _Sets(n)
    if n == 0:
        return []
    new = np.array([not d.stored for d in docs], dtype=bool)
    index = {d.id: i for i, d in enumerate(docs)}
    has_sig = np.array([d.signature is not None for d in docs], dtype=bool)
    sigs = np.zeros((n, dedup.NUM_PERM), dtype=np.uint64)
    for i, d in enumerate(docs):
        if d.signature is not None:
            sigs[i] = _values(d.signature)

    # a stored document belongs to its stored group
    for i, d in enumerate(docs):
        if d.stored and d.duplicate_of is not None and d.duplicate_of in index:
            sets.union(i, index[d.duplicate_of])

    # the exact key: equal keys are one story (a pair of two stored documents is the store's business)
    by_exact: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        if d.exact_key is not None:
            by_exact.setdefault(d.exact_key, []).append(i)
    for members in by_exact.values():
        fresh = [i for i in members if new[i]]
        for i in fresh:
            for j in members:
                sets.union(i, j)

    # the LSH bands, one at a time (one key per document held at once): each bucket's pairs verified
    need = _needed(threshold)
    rows = np.flatnonzero(has_sig)
    for a, b in bands():
        if len(rows) < 2:
            break
        keys = np.ascontiguousarray(sigs[rows, a:b]).view(np.dtype((np.void, 8 * (b - a)))).ravel()
        _, bucket = np.unique(keys, return_inverse=True)
        order = np.argsort(bucket, kind="stable")
        cuts = np.flatnonzero(np.diff(bucket[order])) + 1
        for group in np.split(rows[order], cuts):
            if len(group) < 2 or not new[group].any():
                continue
            _verify(sorted(group.tolist()), sigs, new, sets, need)
    out: dict[int, list[Item]] = {}
    for i in range(n):
        out.setdefault(sets.find(i), []).append(docs[i])
    return [members for _, members in sorted(out.items()) if any(not m.stored for m in members)]


def _needed(threshold: float) -> int:
    """The fewest equal hash values a pair needs: ``MinHash.jaccard(...) >= threshold``, in its floats."""
    return next(c for c in range(dedup.NUM_PERM + 2)
                if c > dedup.NUM_PERM or np.float64(c) / np.float64(dedup.NUM_PERM) >= threshold)


def _verify(group: list[int], sigs: np.ndarray, new: np.ndarray, sets: _Sets, need: int) -> None:
    """Join the pairs of one bucket that are one story (at least one of the pair new)."""
    for x, i in enumerate(group):
        for j in group[x + 1:]:
            if not (new[i] or new[j]) or sets.find(i) == sets.find(j):
                continue
            if np.count_nonzero(sigs[i] == sigs[j]) >= need:
                sets.union(i, j)


def canonical(members: list[Item], published_of: Callable[[str], str | None] | None = None) -> str:
    """The id a cluster's new documents are reprints of: the stored group's canonical if the
    cluster holds one, else the earliest published new document, else the smallest id.

    ``published_of`` gives a stored canonical's ``published`` when the item does not hold it
    and two stored groups compete; without it the items' own ``published`` counts."""
    by_id = {m.id: m for m in members}
    roots = sorted({m.duplicate_of or m.id for m in members if m.stored})
    if roots:
        if len(roots) == 1:
            return roots[0]
        candidates = []
        for r in roots:
            item = by_id.get(r) or Item(r, None, None, stored=True)
            if published_of is not None and item.published is None:
                item = replace(item, published=published_of(r))
            candidates.append(item)
        return min(candidates, key=_rank).id
    return min(members, key=_rank).id


def group(items: Iterable[Item], threshold: float = dedup.THRESHOLD, *,
          published_of: Callable[[str], str | None] | None = None) -> dict[str, str | None]:
    """``duplicate_of`` for every new document: its cluster's canonical, or None for the
    canonical itself and a document that reprints nothing. Stored documents are not listed."""
    out: dict[str, str | None] = {}
    for members in components(items, threshold):
        head = canonical(members, published_of)
        for m in members:
            if not m.stored:
                out[m.id] = None if m.id == head else head
    return out
