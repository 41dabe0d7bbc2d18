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
MODEL_DIR = Path(os.environ.get("NEWSGRAPH_NER_UK") or Path(__file__).resolve().parent.parent / "models" / "ner_uk")
_TYPES = {"PER", "ORG", "LOC", "MISC"}
_lock = threading.Lock()


class ModelMissing(RuntimeError):
    pass


@cache
def _nlp():
    import spacy
    from thinc.api import get_current_ops, set_current_ops

    from .spacy_components import MatmulOps  # also registers the lemma-norm factory

    if not (MODEL_DIR / "meta.json").exists():
        raise ModelMissing(f"the Ukrainian NER model is missing from {MODEL_DIR}; "
                           "train it with: python training/ner_uk/train.py")
    # layers take the ops current when they are built: build them with MatmulOps
    previous = get_current_ops()
    set_current_ops(MatmulOps())
    try:
        return spacy.load(MODEL_DIR)
    finally:
        set_current_ops(previous)


def recognize_many(texts: Sequence[str]) -> list[list[Span]]:
    nlp = _nlp()
    with _lock:
        docs = list(nlp.pipe(texts, batch_size=64))
    return [[Span(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in _TYPES] for doc in docs]


def recognize(text: str) -> list[Span]:
    return recognize_many([text])[0] if text.strip() else []
