"""Ukrainian named entities with the spaCy model trained from NER-UK.

The model is produced by ``training/ner_uk/train.py`` and shipped in
``newsgraph/models/ner_uk`` (CC BY-NC-SA 4.0, inherited from NER-UK). It is
loaded once per process, on first use.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from newsgraph.model import Span

#: the shipped model; ``$NEWSGRAPH_NER_UK`` points elsewhere (a model being trained).
MODEL_DIR = Path(os.environ.get("NEWSGRAPH_NER_UK") or Path(__file__).resolve().parents[2] / "models" / "ner_uk")
_TYPES = {"PER", "ORG", "LOC", "MISC"}
_lock = threading.Lock()


@cache
def _nlp():
    from ...analysis.spacy_components import load_model  # also registers the lemma-norm factory

    return load_model(MODEL_DIR, "Ukrainian NER", "training/ner_uk/train.py")


#: the model was trained on pieces of about this many characters, cut at line ends.
PIECE_CHARS = 1500


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) of ``text`` cut at line ends into pieces of about ``size``."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + 1, start + size)
        if cut < 0:
            cut = text.find("\n", start + size)
            if cut < 0:
                break
        out.append((start, text[start:cut]))
        start = cut + 1
    out.append((start, text[start:]))
    return out


def recognize_many(texts: Sequence[str]) -> list[list[Span]]:
    nlp = _nlp()
    cut = [(k, offset, piece) for k, text in enumerate(texts) for offset, piece in pieces(text)]
    with _lock:
        docs = list(nlp.pipe((piece for _, _, piece in cut), batch_size=64))
    out: list[list[Span]] = [[] for _ in texts]
    for (k, offset, _), doc in zip(cut, docs):
        out[k].extend(Span(offset + e.start_char, offset + e.end_char, e.label_)
                      for e in doc.ents if e.label_ in _TYPES)
    return out


def recognize(text: str) -> list[Span]:
    return recognize_many([text])[0] if text.strip() else []
