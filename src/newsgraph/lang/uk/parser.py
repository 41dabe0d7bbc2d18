"""Ukrainian tokens, UD morphology and dependency trees with newsgraph's spaCy model.

The model is trained by ``training/syntax_uk/train.py`` from the zoloto
treebank (the source of UD_Ukrainian-IU) and shipped in
``newsgraph/models/syntax_uk`` (CC BY-NC-SA 4.0, inherited from the treebank).
Each sentence the caller found is parsed as one spaCy doc, so a tree never
crosses a sentence or a line, and the tokens are the spaCy Ukrainian
tokenizer's, the same the NER model reads.
"""
from __future__ import annotations

import bisect
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from newsgraph.model import Sentence, Token

#: the shipped model; ``$NEWSGRAPH_SYNTAX_UK`` points elsewhere (a model being trained).
MODEL_DIR = Path(os.environ.get("NEWSGRAPH_SYNTAX_UK")
                 or Path(__file__).resolve().parents[2] / "models" / "syntax_uk")
#: sentences longer than this many characters are parsed in pieces cut at spaces:
#: a line of a scraped table or a run-on list is no sentence, and the parser's
#: memory grows with a doc's length.
MAX_CHARS = 3000
_lock = threading.Lock()


@cache
def _nlp():
    from ...analysis.spacy_components import load_model  # also registers the lemma-norm factory

    return load_model(MODEL_DIR, "Ukrainian syntax", "training/syntax_uk/train.py")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of ``text[start:end]`` without its outer space, in pieces
    of at most MAX_CHARS cut at a space where there is one."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    out = []
    while end - start > MAX_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_CHARS)
        if cut <= start:
            cut = start + MAX_CHARS
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


def _no_inner_starts(doc):
    """The parser keeps to boundaries set before it: one doc, one sentence."""
    for k, token in enumerate(doc):
        token.is_sent_start = k == 0
    return doc


def _with_names(doc, names: Sequence[tuple[int, int, str]], offset: int):
    """The recogniser's names on the doc as its entities, which the lemma-norm
    component reads: a person's name the dictionary does not know ("Ашіг Масіх")
    or knows as a common word ("Терези Мей") is then tagged as a name, not as the
    adjective or plural noun the parser would otherwise hang the sentence on."""
    spans = []
    first = bisect.bisect_left(names, (offset - 200,))  # (no name is that long)
    for start, end, etype in names[first:]:
        if start >= offset + len(doc.text):
            break
        if end > offset:
            span = doc.char_span(max(start - offset, 0), min(end, offset + len(doc.text)) - offset, etype,
                                 alignment_mode="contract")
            if span is not None and len(span) and (not spans or span.start >= spans[-1].end):
                spans.append(span)
    if spans:
        doc.set_ents(spans)
    return doc


def parse_many(texts: Sequence[str], sentences: Sequence[Sequence[tuple[int, int]]],
               names: Sequence[Sequence[tuple[int, int, str]]] | None = None) -> list[list[Sentence]]:
    """One :class:`Sentence` per given (start, end) of each text, with its tokens
    and their syntax; offsets index that text. ``names``: each text's recognised
    names (start, end, type), read as features (see :func:`_with_names`)."""
    nlp = _nlp()
    jobs: list[tuple[int, int, int, int]] = []  # text, sentence, piece start, piece end
    for k, (text, spans) in enumerate(zip(texts, sentences)):
        for j, (start, end) in enumerate(spans):
            jobs.extend((k, j, a, b) for a, b in _pieces(text, start, end))
    with _lock:
        ordered = [sorted(found) for found in names] if names is not None else [[] for _ in texts]
        made = (_with_names(_no_inner_starts(nlp.make_doc(texts[k][a:b])), ordered[k], a) for k, _, a, b in jobs)
        docs = list(nlp.pipe(made, batch_size=256))
    tokens: dict[tuple[int, int], list[Token]] = {}
    for (k, j, a, _), doc in zip(jobs, docs):
        done = tokens.setdefault((k, j), [])
        anchor = next((t.id for t in done if t.head == 0), None)
        done.extend(_tokens(doc, a, len(done), anchor))
    return [[Sentence(start, end, tuple(tokens.get((k, j), ()))) for j, (start, end) in enumerate(spans)]
            for k, spans in enumerate(sentences)]


def _tokens(doc, offset: int, before: int, anchor: int | None) -> list[Token]:
    """Tokens of one parsed doc, numbered after ``before`` earlier ones of the
    same sentence. One root per sentence: a second root (the parser split the
    doc, or this is a later piece of a long sentence) hangs from the first,
    ``anchor``, as parataxis."""
    words = [t for t in doc if not t.is_space]
    ids = {t.i: before + n for n, t in enumerate(words, 1)}
    out = []
    for t in words:
        if t.head.i == t.i or t.head.i not in ids:  # a root, or a head on a space token
            if anchor is None:
                anchor = ids[t.i]
                head, rel = 0, "root"
            else:
                head, rel = anchor, "parataxis"
        else:
            head, rel = ids[t.head.i], t.dep_
        out.append(Token(offset + t.idx, offset + t.idx + len(t.text), ids[t.i], _lemma(t),
                         t.pos_ or None, str(t.morph), head, rel))
    return out


def _lemma(t) -> str:
    """The dictionary form the model's features were built from (lower case),
    capitalised for proper names as UD writes them."""
    norm = t.norm_
    if t.pos_ == "PROPN" and norm[:1].islower() and t.text[:1].isupper():
        return norm[:1].upper() + norm[1:]
    return norm
