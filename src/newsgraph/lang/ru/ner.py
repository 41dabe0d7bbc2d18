"""Russian named entities (PER, ORG, LOC) with natasha's slovnet NER, fast.

The model is slovnet's ``slovnet_ner_news_v1`` (a 3-layer CNN over navec word
embeddings and word shapes, with a CRF on top), the one natasha's
``NewsNERTagger`` runs; both it and the navec embeddings ship inside the
``natasha`` wheel, so nothing is downloaded at run time.  natasha (MIT) and
slovnet/navec (MIT) are the licences that apply.

What this module does instead of ``natasha.Doc``:

- razdel tokens only (no sentence segmentation by razdel, no morphology or
  syntax: the NER model needs neither);
- the text is cut into short chunks at line breaks and sentence ends, and the
  chunks of a text are tagged together in length-sorted batches, so the CRF's
  per-position loop runs over a batch instead of one long sequence;
- a batched, vectorised Viterbi decoder;
- word and shape ids are cached per process; the model is loaded once per
  process, on first use.

The tags are decoded into spans the way slovnet does it (``bio_spans``), so the
output equals natasha's NER on the same chunks.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from newsgraph.model import Span

#: sentence-final tokens after which a chunk may end.
_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "!!!", "??"})
#: paragraphs longer than this many tokens are cut at the next sentence end,
_SOFT_LIMIT = 150
#: and at any token past this many.
_HARD_LIMIT = 1000
#: words tagged together at most (bounds memory on long inputs).
_GROUP = 8192
#: CRF rows are at least this many steps: a chunk's Viterbi runs alongside the others.
_ROW = 48
_UPPER_START = re.compile(r"[«\"„“'(—–-]*[A-ZА-ЯЁ0-9]")

_lock = threading.Lock()


class _Tagger:
    """The slovnet NER model as plain arrays, its vocabularies and a word cache."""

    def __init__(self) -> None:
        from natasha.data import NEWS_EMBEDDING, NEWS_NER
        from navec import Navec
        from slovnet import NER

        navec = Navec.load(NEWS_EMBEDDING)
        ner = NER.load(NEWS_NER).navec(navec)
        infer = ner.infer
        model = infer.model
        self.words = infer.encoder.words_vocab
        self.shapes = infer.encoder.shapes_vocab
        self.pad_word = self.words.pad_id
        self.pad_shape = self.shapes.pad_id
        # embeddings: navec's product quantisation (codes[q, index[word, q]]) + shape table;
        # the pad ids embed to zeros, which is what lets chunks share one sequence.
        self.codes = np.ascontiguousarray(model.emb.word.codes.array)  # q x centroids x chunk
        self.indexes = model.emb.word.indexes.array  # words x q
        self.qdims = np.arange(self.codes.shape[0])
        self.shape_table = model.emb.shape.weight.array
        # CNN layers: conv (kernel 3, padding 1) -> ReLU -> batch norm, norm folded to scale+shift.
        self.layers = []
        for layer in model.encoder.layers:
            w = layer.conv.weight.array  # out x in x kernel
            assert w.shape[2] == 3 and layer.conv.padding == 1
            kernels = [np.ascontiguousarray(w[:, :, k].T) for k in range(3)]  # in x out
            norm = layer.norm
            scale = norm.weight.array / norm.std.array
            shift = norm.bias.array - norm.mean.array * scale
            self.layers.append((kernels, layer.conv.bias.array, scale, shift))
        self.proj_w = model.head.proj.weight.array
        self.proj_b = model.head.proj.bias.array
        self.transitions = np.asarray(model.head.crf.transitions.array)
        tags = list(infer.decoder.tags_vocab.items)
        # tag id -> (part, type): part 'B', 'I', 'O' (pad decodes as O).
        self.parts = []
        for tag in tags:
            if "-" in tag:
                part, type_ = tag.split("-", 1)
            else:
                part, type_ = "O", None
            self.parts.append((part, type_))
        self._ids: dict[str, tuple[int, int]] = {}

    # -- encoding

    def ids(self, word: str) -> tuple[int, int]:
        found = self._ids.get(word)
        if found is None:
            from slovnet.shape import word_shape

            found = (self.words.encode(word.lower()), self.shapes.encode(word_shape(word)))
            if len(self._ids) < 200_000:
                self._ids[word] = found
        return found

    # -- network

    def emissions(self, chunks: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Tag scores of every word of every chunk, and where each chunk starts in them.

        The chunks are laid end to end in one sequence with a pad position before,
        between and after them, zeroed at the input and after every layer: each
        chunk sees exactly what it would see alone with zero padding, and every
        convolution is three plain matrix products.
        """
        sizes = np.array([len(c) for c in chunks])
        starts = np.cumsum(sizes + 1) - sizes  # position of each chunk's first word
        total = int(starts[-1] + sizes[-1] + 1)
        word_id = np.full(total, self.pad_word, dtype=np.int64)
        shape_id = np.full(total, self.pad_shape, dtype=np.int64)
        ids = self.ids
        for start, words in zip(starts.tolist(), chunks):
            pairs = [ids(w) for w in words]
            word_id[start : start + len(pairs)] = [p[0] for p in pairs]
            shape_id[start : start + len(pairs)] = [p[1] for p in pairs]
        sep = np.ones(total, dtype=bool)
        for start, size in zip(starts.tolist(), sizes.tolist()):
            sep[start : start + size] = False
        word = self.codes[self.qdims, self.indexes[word_id]]
        x = np.concatenate(
            (word.reshape(total, -1), self.shape_table[shape_id]), axis=1
        ).astype(np.float32)
        x[sep] = 0.0
        for (k0, k1, k2), bias, scale, shift in self.layers:
            y = np.zeros((total, k0.shape[1]), dtype=np.float32)
            inner = y[1:-1]
            np.matmul(x[:-2], k0, out=inner)
            inner += x[1:-1] @ k1
            inner += x[2:] @ k2
            inner += bias
            np.maximum(inner, 0.0, out=inner)
            inner *= scale
            inner += shift
            y[sep] = 0.0
            x = y
        return x @ self.proj_w + self.proj_b, starts

    # -- decoding

    def viterbi(self, emissions: np.ndarray, reset: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag ids (rows x steps) of rows holding several chunks each.

        ``reset`` marks the first step of every chunk: there the transition
        scores are left out, so each chunk is decoded on its own.  Steps past a
        row's length are junk.
        """
        rows, steps, tags = emissions.shape
        trans = self.transitions[np.newaxis]
        free = np.zeros_like(trans)
        score = emissions[:, 0]
        history = np.empty((steps, rows, tags), dtype=np.intp)
        identity = np.broadcast_to(np.arange(tags), (rows, tags))
        for t in range(1, steps):
            step_trans = np.where(reset[:, t, np.newaxis, np.newaxis], free, trans)
            total = score[:, :, np.newaxis] + step_trans + emissions[:, t, np.newaxis, :]
            best = total.argmax(1)
            alive = (t < lengths)[:, np.newaxis]
            score = np.where(alive, total.max(1), score)
            history[t] = np.where(alive, best, identity)
        path = np.empty((rows, steps), dtype=np.intp)
        path[:, -1] = score.argmax(1)
        index = np.arange(rows)
        for t in range(steps - 1, 0, -1):
            path[:, t - 1] = history[t][index, path[:, t]]
        return path

    def tag(self, chunks: Sequence[Sequence[str]]) -> list[list[int]]:
        """Tag ids for each chunk of words."""
        out: list[list[int]] = []
        group: list[Sequence[str]] = []
        size = 0
        for words in chunks:
            if group and size + len(words) > _GROUP:
                out.extend(self._tag(group))
                group, size = [], 0
            group.append(words)
            size += len(words)
        if group:
            out.extend(self._tag(group))
        return out

    def _tag(self, chunks: Sequence[Sequence[str]]) -> list[list[int]]:
        scores, starts = self.emissions(chunks)
        sizes = [len(c) for c in chunks]
        width = max(max(sizes), _ROW)
        # lay chunks into rows of ``width`` steps, in order
        places = []  # (row, offset) per chunk
        row, offset = 0, 0
        for size in sizes:
            if offset and offset + size > width:
                row, offset = row + 1, 0
            places.append((row, offset))
            offset += size
        grid = np.zeros((row + 1, width, scores.shape[1]), dtype=scores.dtype)
        reset = np.zeros((row + 1, width), dtype=bool)
        lengths = np.zeros(row + 1, dtype=np.intp)
        for (r, o), start, size in zip(places, starts.tolist(), sizes):
            grid[r, o : o + size] = scores[start : start + size]
            reset[r, o] = True
            lengths[r] = o + size
        path = self.viterbi(grid, reset, lengths)
        return [path[r, o : o + size].tolist() for (r, o), size in zip(places, sizes)]


@lru_cache(maxsize=1)
def _tagger() -> _Tagger:
    return _Tagger()


def load() -> None:
    """Load the model now (it is otherwise loaded on first use)."""
    _tagger()


def tokenize(text: str) -> list[tuple[int, int, str]]:
    from razdel import tokenize as razdel_tokenize

    return [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


def chunk(text: str, tokens: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) to tag apart: paragraphs (cut at line breaks).

    A paragraph longer than ``_SOFT_LIMIT`` tokens is also cut at sentence ends
    (a final mark after a word of two letters or more, before a capital), and
    at ``_HARD_LIMIT`` tokens whatever comes; cuts cost the CNN its context of
    three words either side and the CRF one transition.
    """
    ranges = []
    begin = 0
    n = len(tokens)
    for i in range(1, n + 1):
        if i == n:
            cut = True
        else:
            size = i - begin
            gap = text[tokens[i - 1][1] : tokens[i][0]]
            cut = "\n" in gap or size >= _HARD_LIMIT
            if not cut and size >= _SOFT_LIMIT and gap and tokens[i - 1][2] in _FINAL:
                before = tokens[i - 2][2] if i >= 2 else ""
                cut = len(before) > 1 and _UPPER_START.match(tokens[i][2]) is not None
        if cut and i > begin:
            ranges.append((begin, i))
            begin = i
    return ranges


def _spans(parts, tokens, tags, offset=0) -> Iterable[Span]:
    """slovnet's ``bio_spans``: B opens, I extends, O closes; a stray I is dropped."""
    previous = None
    start = stop = 0
    for (tok_start, tok_stop, _), tag in zip(tokens, tags):
        part, type_ = parts[tag]
        if part == "O":
            if previous:
                yield Span(start, stop, previous)
                previous = None
        elif part == "B":
            if previous:
                yield Span(start, stop, previous)
            previous, start, stop = type_, tok_start, tok_stop
        else:
            stop = tok_stop
    if previous:
        yield Span(start, stop, previous)


def recognize_many(texts: Sequence[str]) -> list[list[Span]]:
    """Entities of several texts, tagged together (faster for many short texts)."""
    tagger = _tagger()
    all_tokens = [tokenize(text) for text in texts]
    chunks, owners = [], []
    for k, (text, tokens) in enumerate(zip(texts, all_tokens)):
        for i, j in chunk(text, tokens):
            chunks.append(tokens[i:j])
            owners.append(k)
    with _lock:  # numpy releases the GIL; the caches are not shared-write safe
        tags = tagger.tag([[w for _, _, w in c] for c in chunks])
    out: list[list[Span]] = [[] for _ in texts]
    for tokens, k, t in zip(chunks, owners, tags):
        for span in _spans(tagger.parts, tokens, t):
            out[k].extend(split_span(texts[k], span))
    return out


_PAREN = re.compile(r"^(?P<head>.*\S)\s*\((?P<inner>[^()]+)\)$", re.S)


def split_span(text: str, span: Span) -> list[Span]:
    """Split a mention that is really two: "Комитет защиты журналистов (КЗЖ)".

    A trailing parenthesised part becomes a mention of its own (an
    abbreviation or a name in another language), and a mention holding an
    opening « without its closing » is cut before the quote ("Русской службе
    «Голоса Америки" → "Русской службе", "Голоса Америки").
    """
    s = text[span.start : span.end]
    m = _PAREN.match(s)
    if m:
        head = Span(span.start, span.start + m.end("head"), span.type)
        inner = m.group("inner")
        lead = len(inner) - len(inner.lstrip())
        a = span.start + m.start("inner") + lead
        b = span.start + m.end("inner") - (len(inner) - len(inner.rstrip()))
        return [head, Span(a, b, span.type)] if b > a else [head]
    q = s.find("«")
    if q > 0 and "»" not in s[q:]:
        head = s[:q].rstrip()
        tail = s[q + 1 :].lstrip()
        parts = []
        if head:
            parts.append(Span(span.start, span.start + len(head), span.type))
        if tail:
            parts.append(Span(span.end - len(tail), span.end, span.type))
        return parts
    return [span]


def recognize(text: str) -> list[Span]:
    """PER, ORG and LOC mentions in Russian ``text``, as offsets into it, in text order."""
    if not text.strip():
        return []
    return recognize_many([text])[0]
