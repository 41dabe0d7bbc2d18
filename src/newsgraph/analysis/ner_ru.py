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
#: chunks longer than this many tokens are cut at the next sentence end.
_SOFT_LIMIT = 60
#: and at any token past this many (the CNN sees ±3 tokens; nothing is lost but context).
_HARD_LIMIT = 250
#: sequences per batch.
_BATCH = 64
_UPPER_START = re.compile(r"[«\"„“'(—–-]*[A-ZА-ЯЁ0-9]")

_lock = threading.Lock()


class _Tagger:
    """The slovnet NER model, its vocabularies and caches."""

    def __init__(self) -> None:
        from natasha.data import NEWS_EMBEDDING, NEWS_NER
        from navec import Navec
        from slovnet import NER

        navec = Navec.load(NEWS_EMBEDDING)
        ner = NER.load(NEWS_NER).navec(navec)
        infer = ner.infer
        self.model = infer.model
        self.words = infer.encoder.words_vocab
        self.shapes = infer.encoder.shapes_vocab
        tags = list(infer.decoder.tags_vocab.items)
        self.pad_word = self.words.pad_id
        self.pad_shape = self.shapes.pad_id
        self.transitions = np.asarray(self.model.head.crf.transitions.array)
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
            if len(self._ids) < 500_000:
                self._ids[word] = found
        return found

    # -- decoding

    def viterbi(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag ids (batch x time); positions past a sequence's length are junk."""
        batch, steps, tags = emissions.shape
        trans = self.transitions[np.newaxis]  # 1 x tags x tags
        score = emissions[:, 0]
        history = np.empty((steps, batch, tags), dtype=np.intp)
        identity = np.broadcast_to(np.arange(tags), (batch, tags))
        for t in range(1, steps):
            total = score[:, :, np.newaxis] + trans + emissions[:, t, np.newaxis, :]
            best = total.argmax(1)
            alive = (t < lengths)[:, np.newaxis]
            score = np.where(alive, np.take_along_axis(total, best[:, np.newaxis, :], 1)[:, 0], score)
            history[t] = np.where(alive, best, identity)
        path = np.empty((batch, steps), dtype=np.intp)
        path[:, -1] = score.argmax(1)
        rows = np.arange(batch)
        for t in range(steps - 1, 0, -1):
            path[:, t - 1] = history[t][rows, path[:, t]]
        return path

    def tag(self, chunks: Sequence[Sequence[str]]) -> list[list[int]]:
        """Tag ids for each chunk of words."""
        out: list[list[int]] = [[] for _ in chunks]
        order = sorted(range(len(chunks)), key=lambda i: len(chunks[i]))
        for b in range(0, len(order), _BATCH):
            index = order[b : b + _BATCH]
            lengths = np.array([len(chunks[i]) for i in index])
            width = int(lengths.max())
            word_id = np.full((len(index), width), self.pad_word, dtype=np.int64)
            shape_id = np.full((len(index), width), self.pad_shape, dtype=np.int64)
            for row, i in enumerate(index):
                pairs = [self.ids(w) for w in chunks[i]]
                word_id[row, : len(pairs)] = [p[0] for p in pairs]
                shape_id[row, : len(pairs)] = [p[1] for p in pairs]
            pad_mask = np.arange(width)[np.newaxis] >= lengths[:, np.newaxis]
            emissions = self.model(word_id, shape_id, pad_mask)
            path = self.viterbi(emissions, lengths)
            for row, i in enumerate(index):
                out[i] = path[row, : lengths[row]].tolist()
        return out


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
    """Token index ranges [i, j): cut at line breaks and, past a few words, at sentence ends."""
    ranges = []
    begin = 0
    n = len(tokens)
    for i in range(1, n + 1):
        if i == n:
            cut = True
        else:
            size = i - begin
            gap = text[tokens[i - 1][1] : tokens[i][0]]
            cut = (
                "\n" in gap
                or size >= _HARD_LIMIT
                or (
                    tokens[i - 1][2] in _FINAL
                    and gap
                    and (size >= _SOFT_LIMIT or _UPPER_START.match(tokens[i][2]) is not None)
                )
            )
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
        out[k].extend(_spans(tagger.parts, tokens, t))
    return out


def recognize(text: str) -> list[Span]:
    """PER, ORG and LOC mentions in Russian ``text``, as offsets into it, in text order."""
    if not text.strip():
        return []
    return recognize_many([text])[0]
