"""Group reprints of one story: exact hash first, then MinHash/LSH.

The same agency report reaches many sites with different widgets around it and
a sentence trimmed here or there. Both keys are computed on the article text
(title, lead, body), never on boilerplate, so two sites' widgets cannot make
copies look different nor unrelated stories look alike.
"""
from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch pulls in scipy (a third of a second): it is imported where it is
# used, so that commands that only read the store start fast.

NUM_PERM = 128
#: datasketch's permutation scheme, named so that stored signatures stay comparable.
SCHEME = "affine32"
#: estimated Jaccard similarity of 5-word shingles above which two texts are one story.
THRESHOLD = 0.6
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def exact_key(text: str) -> str:
    """Hash of the words alone: punctuation, case and spacing do not matter."""
    return hashlib.sha256(" ".join(_words(text)).encode()).hexdigest()[:32]


def signature(text: str) -> MinHash:
    words = _words(text)
    n = min(SHINGLE, max(len(words), 1))
    shingles = {" ".join(words[i : i + n]).encode() for i in range(max(len(words) - n + 1, 1))}
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(shingles))
    return mh


def signature_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    from datasketch import MinHash

    values = np.frombuffer(data, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=values.astype(_dtype()))


@cache
def _dtype():
    from datasketch import MinHash

    return MinHash(num_perm=1, scheme=SCHEME).hashvalues.dtype


class Deduplicator:
    """Remembers every article seen and names the canonical one a new text copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._exact: dict[str, str] = {}
        self._canonical: dict[str, str] = {}
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._canonical)

    def find(self, exact: str, mh: MinHash) -> str | None:
        """Id of the canonical document this text reprints, or None."""
        if exact in self._exact:
            return self._canonical[self._exact[exact]]
        best, best_sim = None, self.threshold
        for key in self._lsh.query(mh):
            sim = mh.jaccard(self._sigs[key])
            if sim >= best_sim:
                best, best_sim = key, sim
        return self._canonical[best] if best else None

    def add(self, doc_id: str, exact: str, mh: MinHash, duplicate_of: str | None = None) -> None:
        if doc_id in self._canonical:
            return
        self._canonical[doc_id] = duplicate_of or doc_id
        self._exact.setdefault(exact, doc_id)
        self._sigs[doc_id] = mh
        self._lsh.insert(doc_id, mh)
