"""Score tokenisation, tagging and dependency parsing on raw text, as CoNLL 2018 does.

The gold CoNLL-U file is turned back into plain text (sentences joined by a
space, or by nothing after ``SpaceAfter=No``; a ``# newpar`` starts a new line,
a ``# newdoc`` a new document), each gold word keeping its character offsets.
That text goes through the whole newsgraph pipeline, as a user's would, and the
tokens it finds are aligned with the gold words by character span, the rule of
the CoNLL 2018 shared task scorer (``conll18_ud_eval.py``):

* a predicted token and a gold word align when their spans are equal; the words
  of a multiword token all have the token's span, and are aligned in order when
  the prediction splits the span into as many words (with fewer, only a gold
  word whose form is the whole surface aligns: the scorer's LCS on forms, which
  the predicted tokens, carrying offsets and no form, allow no more of);
* every figure is an F1: precision over the predicted words, recall over the
  gold words; UPOS needs the tag equal, UAS the head (the predicted head token
  aligned to the gold head word, root to root), LAS the head and the universal
  part of the relation (before ':');
* empty nodes (``8.1``) are read and not scored, as in the shared task.

The project is judged on LAS over the words that are not punctuation (gold
UPOS other than PUNCT; a predicted word counts against precision unless its own
UPOS, or without one its characters, say punctuation), so :attr:`Scores.headline`
is that figure.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..model import Document, Failure, RawDocument, Sentence, Source
from ..pipeline import Pipeline

#: sentences per document when the file has no ``# newdoc`` marks.
SENTENCES_PER_DOCUMENT = 40
#: the figures in the order the table gives them.
METRICS = ("Tokens", "Sentences", "Words", "UPOS", "UAS", "LAS", "UAS (non-punct)", "LAS (non-punct)")
HEADLINE = "LAS (non-punct)"


# --- reading CoNLL-U ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """One syntactic word of a CoNLL-U sentence (the scored unit)."""

    id: int
    form: str
    lemma: str
    upos: str | None
    xpos: str | None
    feats: str
    #: 0 for the root, None where the file has no tree ("_").
    head: int | None
    deprel: str | None
    deps: str = "_"
    misc: str = "_"


@dataclass(frozen=True)
class EmptyNode:
    """An enhanced-graph node such as ``8.1``: kept, never scored."""

    id: str
    form: str
    lemma: str
    upos: str | None
    deps: str
    misc: str


@dataclass(frozen=True)
class SurfaceToken:
    """What the raw text shows: one word, or a multiword token (``3-4``) over several."""

    form: str
    words: tuple[Word, ...]
    misc: str = "_"

    @property
    def multiword(self) -> bool:
        return len(self.words) > 1

    @property
    def space_after(self) -> bool:
        return "SpaceAfter=No" not in self.misc.split("|")


@dataclass
class ConlluSentence:
    tokens: list[SurfaceToken]
    empty_nodes: list[EmptyNode] = field(default_factory=list)
    sent_id: str | None = None
    text: str | None = None
    #: None without the mark; the id, or "" for a mark without one.
    newdoc: str | None = None
    newpar: str | None = None
    comments: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [w for t in self.tokens for w in t.words]


def _opt(value: str) -> str | None:
    return None if value == "_" else value


def _mark(comment: str, name: str) -> str | None:
    """The id of ``# newdoc id = X`` ("" for a bare ``# newdoc``), None for another comment."""
    body = comment[1:].strip()
    if body != name and not body.startswith(name + " "):
        return None
    rest = body[len(name):].strip()
    key, eq, value = rest.partition("=")
    return value.strip() if eq and key.strip() == "id" else ""


def read_conllu(path: str | Path) -> list[ConlluSentence]:
    return parse_conllu(Path(path).read_text(encoding="utf-8"), str(path))


def parse_conllu(data: str, name: str = "<conllu>") -> list[ConlluSentence]:
    """Sentences of a CoNLL-U text; a malformed line raises ValueError naming it."""
    sentences: list[ConlluSentence] = []
    comments: list[str] = []
    rows: list[tuple[int, list[str]]] = []

    def flush() -> None:
        if rows:
            sentences.append(_sentence(comments, rows, name))
        elif comments:  # comments with no words: carry a newdoc/newpar to the next sentence
            return
        comments.clear()
        rows.clear()

    for number, line in enumerate(data.splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            flush()
        elif line.startswith("#"):
            if rows:  # a comment after the words starts the next sentence
                flush()
            comments.append(line)
        else:
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{name}:{number}: expected 10 tab-separated columns, found {len(cols)}")
            rows.append((number, cols))
    flush()
    return sentences


def _sentence(comments: list[str], rows: list[tuple[int, list[str]]], name: str) -> ConlluSentence:
    sent = ConlluSentence(tokens=[], comments=list(comments))
    for c in comments:
        body = c[1:].strip()
        key, eq, value = body.partition("=")
        if eq and key.strip() == "sent_id":
            sent.sent_id = value.strip()
        elif eq and key.strip() == "text":
            sent.text = value.strip()
        for mark in ("newdoc", "newpar"):
            found = _mark(c, mark)
            if found is not None:
                setattr(sent, mark, found)
    pending: tuple[int, int, str, str] | None = None  # multiword token: first id, last id, form, misc
    group: list[Word] = []
    for number, cols in rows:
        ident = cols[0]
        try:
            if "-" in ident:
                first, last = (int(x) for x in ident.split("-"))
                pending, group = (first, last, cols[1], cols[9]), []
                continue
            if "." in ident:
                sent.empty_nodes.append(EmptyNode(ident, cols[1], cols[2], _opt(cols[3]), cols[8], cols[9]))
                continue
            word = Word(int(ident), cols[1], cols[2], _opt(cols[3]), _opt(cols[4]),
                        "" if cols[5] == "_" else cols[5],
                        None if cols[6] == "_" else int(cols[6]), _opt(cols[7]), cols[8], cols[9])
        except ValueError:
            raise ValueError(f"{name}:{number}: bad id or head in {cols[0]!r}/{cols[6]!r}") from None
        if pending and pending[0] <= word.id <= pending[1]:
            group.append(word)
            if word.id == pending[1]:
                sent.tokens.append(SurfaceToken(pending[2], tuple(group), pending[3]))
                pending, group = None, []
        else:
            sent.tokens.append(SurfaceToken(word.form, (word,), word.misc))
    if pending:
        raise ValueError(f"{name}: multiword token {pending[0]}-{pending[1]} has missing words")
    return sent


# --- plain text with gold offsets --------------------------------------------------------------


@dataclass
class GoldDocument:
    """Plain text rebuilt from gold sentences, with each surface token's offsets in it."""

    id: str
    text: str
    sentences: list[ConlluSentence]
    #: per sentence, the (start, end) of each of its surface tokens in ``text``.
    token_spans: list[list[tuple[int, int]]]

    def sentence_span(self, k: int) -> tuple[int, int]:
        spans = self.token_spans[k]
        return spans[0][0], spans[-1][1]

    def word_spans(self, k: int) -> list[tuple[Word, int, int]]:
        """Every syntactic word of sentence ``k`` with its span (a multiword token's, for its words)."""
        return [(w, start, end) for tok, (start, end) in zip(self.sentences[k].tokens, self.token_spans[k])
                for w in tok.words]


def build_documents(sentences: Sequence[ConlluSentence], name: str = "doc",
                    per_document: int = SENTENCES_PER_DOCUMENT) -> list[GoldDocument]:
    """Documents split at ``# newdoc`` (or every ``per_document`` sentences when the
    file has none), a line per paragraph, sentences joined as the raw text had them."""
    marked = any(s.newdoc is not None for s in sentences)
    groups: list[list[ConlluSentence]] = []
    for s in sentences:
        if not s.tokens:
            continue
        if not groups or (s.newdoc is not None if marked else len(groups[-1]) >= per_document):
            groups.append([])
        groups[-1].append(s)
    docs = []
    for n, group in enumerate(groups, 1):
        parts: list[str] = []
        pos = 0
        spans: list[list[tuple[int, int]]] = []
        for k, s in enumerate(group):
            if k:
                sep = "\n" if s.newpar is not None else (" " if group[k - 1].tokens[-1].space_after else "")
                parts.append(sep)
                pos += len(sep)
            mine = []
            for j, tok in enumerate(s.tokens):
                mine.append((pos, pos + len(tok.form)))
                parts.append(tok.form)
                pos += len(tok.form)
                if j + 1 < len(s.tokens) and tok.space_after:
                    parts.append(" ")
                    pos += 1
            spans.append(mine)
        doc_id = group[0].newdoc or f"{name}#{n}"
        docs.append(GoldDocument(doc_id, "".join(parts), list(group), spans))
    return docs


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.gold + self.system
        return 2 * self.correct / total if total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "gold": self.gold, "system": self.system, "correct": self.correct}


@dataclass
class DocumentRun:
    """What the pipeline made of one gold document."""

    id: str
    #: the language the pipeline detected; ``parsed_as`` the one it parsed in (forced or detected).
    detected: str | None = None
    parsed_as: str | None = None
    #: the failure or the warnings of the pipeline, if any.
    problem: str | None = None


@dataclass
class Scores:
    metrics: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in METRICS})
    #: LAS per universal relation of the gold (system: predicted with that relation).
    relations: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    documents: int = 0
    sentences: int = 0
    words: int = 0
    #: documents for which nothing was predicted (no tokens): their words all count as missed.
    empty_documents: int = 0
    runs: list[DocumentRun] = field(default_factory=list)

    @property
    def headline(self) -> float:
        return self.metrics[HEADLINE].f1

    def languages(self) -> Counter[str]:
        """Documents per language parsed in ("detected → forced" where forced differs)."""
        out: Counter[str] = Counter()
        for r in self.runs:
            label = str(r.parsed_as)
            if r.detected != r.parsed_as:
                label = f"{r.detected} → {r.parsed_as}"
            out[label] += 1
        return out

    def to_dict(self, by_relation: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "headline": {"metric": HEADLINE, "f1": self.headline},
            "metrics": {m: c.to_dict() for m, c in self.metrics.items()},
            "documents": self.documents, "sentences": self.sentences, "words": self.words,
            "empty_documents": self.empty_documents,
        }
        if self.runs:
            out["languages"] = dict(self.languages())
            out["problems"] = {r.id: r.problem for r in self.runs if r.problem}
        if by_relation:
            out["relations"] = {rel: c.to_dict() for rel, c in sorted(self.relations.items())}
        return out

    def table(self, by_relation: bool = False) -> str:
        lines = [f"{'metric':<18}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'system':>8}"]
        for m in METRICS:
            c = self.metrics[m]
            lines.append(f"{m:<18}{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}{c.gold:8d}{c.system:8d}")
        lines.append(f"{HEADLINE}: {self.headline:.4f}")
        lines.append(f"scored {self.documents} documents, {self.sentences} sentences, {self.words} words"
                     + (f"; {self.empty_documents} documents without predicted tokens" if self.empty_documents
                        else ""))
        if self.runs:
            lines.append("parsed as: " + ", ".join(f"{lang} {n}" for lang, n in self.languages().most_common()))
            problems = [r for r in self.runs if r.problem]
            if problems:
                lines.append(f"{len(problems)} documents with problems, first: {problems[0].id}: {problems[0].problem}")
        if by_relation:
            lines.append("")
            lines.append(f"{'LAS by relation':<18}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'system':>8}")
            for rel, c in sorted(self.relations.items(), key=lambda kv: (-kv[1].gold, kv[0])):
                lines.append(f"{rel:<18}{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}{c.gold:8d}{c.system:8d}")
        return "\n".join(lines)


def _universal(deprel: str | None) -> str | None:
    return deprel.split(":", 1)[0] if deprel else deprel


def _is_punct_text(text: str) -> bool:
    return bool(text) and all(unicodedata.category(ch).startswith("P") or ch.isspace() for ch in text)


def score(gold_docs: Sequence[GoldDocument], predicted: Sequence[Sequence[Sentence]]) -> Scores:
    """CoNLL 2018 figures of ``predicted`` (per gold document, its sentences with
    tokens whose offsets index that document's ``text``) against the gold."""
    if len(gold_docs) != len(predicted):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(predicted)} predictions")
    scores = Scores()
    for doc, sents in zip(gold_docs, predicted):
        scores.documents += 1
        scores.sentences += len(doc.sentences)
        _score_document(doc, list(sents), scores)
    scores.words = scores.metrics["Words"].gold
    return scores


def _score_document(doc: GoldDocument, sents: list[Sentence], scores: Scores) -> None:
    m = scores.metrics
    text = doc.text

    # sentences: gold from first to last token; predicted likewise, or its span stripped of spaces
    gold_sents = {doc.sentence_span(k) for k in range(len(doc.sentences))}
    pred_sents = set()
    for s in sents:
        if s.tokens:
            pred_sents.add((min(t.start for t in s.tokens), max(t.end for t in s.tokens)))
        else:
            chunk = text[s.start : s.end]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                pred_sents.add((s.start + lead, s.start + lead + len(chunk.strip())))
    _add(m["Sentences"], gold_sents, pred_sents)

    # surface tokens
    gold_tokens = {span for spans in doc.token_spans for span in spans}
    pred_tokens = {(t.start, t.end) for s in sents for t in s.tokens}
    _add(m["Tokens"], gold_tokens, pred_tokens)
    if not pred_tokens:
        scores.empty_documents += 1

    # words, grouped by span, gold keyed (sentence, word id), predicted (sentence, token index)
    gold_at: dict[tuple[int, int], list[tuple[int, Word]]] = defaultdict(list)
    gold_words: dict[tuple[int, int], Word] = {}
    for k in range(len(doc.sentences)):
        for w, start, end in doc.word_spans(k):
            gold_at[(start, end)].append((k, w))
            gold_words[(k, w.id)] = w
    pred_at: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, s in enumerate(sents):
        for j, t in enumerate(s.tokens):
            pred_at[(t.start, t.end)].append((i, j))

    aligned: dict[tuple[int, int], tuple[int, int]] = {}  # predicted key -> gold key
    for span, preds in pred_at.items():
        golds = gold_at.get(span, [])
        if len(golds) == len(preds):
            pairs = list(zip(preds, golds))
        elif len(preds) == 1:  # an unsplit multiword token: only a word spelled like the surface aligns
            surface = text[span[0] : span[1]].casefold()
            same = [g for g in golds if g[1].form.casefold() == surface]
            pairs = [(preds[0], same[0])] if same else []
        else:
            pairs = []
        for p, (k, w) in pairs:
            aligned[p] = (k, w.id)

    # predicted head ids to token indices, per predicted sentence
    index_of = [{t.id: j for j, t in enumerate(s.tokens)} for s in sents]

    def head_right(p: tuple[int, int], g: tuple[int, int]) -> bool:
        gw, pt = gold_words[g], sents[p[0]].tokens[p[1]]
        if gw.head is None or pt.head is None:
            return False
        if gw.head == 0 or pt.head == 0:
            return gw.head == pt.head
        j = index_of[p[0]].get(pt.head)
        return j is not None and aligned.get((p[0], j)) == (g[0], gw.head)

    m["Words"].gold += len(gold_words)
    m["Words"].system += sum(len(s.tokens) for s in sents)
    m["Words"].correct += len(aligned)
    for name in ("UPOS", "UAS", "LAS"):
        m[name].gold += len(gold_words)
        m[name].system += sum(len(s.tokens) for s in sents)
    for name in ("UAS (non-punct)", "LAS (non-punct)"):
        m[name].gold += sum(1 for w in gold_words.values() if w.upos != "PUNCT")
        m[name].system += sum(1 for s in sents for t in s.tokens if not _predicted_punct(t, text))
    for w in gold_words.values():
        scores.relations[_universal(w.deprel) or "_"].gold += 1
    for s in sents:
        for t in s.tokens:
            scores.relations[_universal(t.deprel) or "_"].system += 1

    for p, g in aligned.items():
        gw, pt = gold_words[g], sents[p[0]].tokens[p[1]]
        if gw.upos == pt.upos:
            m["UPOS"].correct += 1
        if not head_right(p, g):
            continue
        labelled = _universal(gw.deprel) == _universal(pt.deprel) and gw.deprel is not None
        content = gw.upos != "PUNCT"
        m["UAS"].correct += 1
        m["UAS (non-punct)"].correct += content
        if labelled:
            m["LAS"].correct += 1
            m["LAS (non-punct)"].correct += content
            scores.relations[_universal(gw.deprel) or "_"].correct += 1


def _predicted_punct(token, text: str) -> bool:
    if token.upos:
        return token.upos == "PUNCT"
    return _is_punct_text(text[token.start : token.end])


def _add(counts: Counts, gold: set, system: set) -> None:
    counts.gold += len(gold)
    counts.system += len(system)
    counts.correct += len(gold & system)


# --- running the pipeline ----------------------------------------------------------------------


@dataclass
class _ForcedLanguage(Pipeline):
    """The pipeline with every segment read as one language; what it detected is kept."""

    language: str | None = None
    detected: dict[str | None, str | None] = field(default_factory=dict)

    def clean(self, raw: RawDocument) -> Document:
        doc = super().clean(raw)
        self.detected[raw.source.record] = doc.language
        return replace(doc, language=self.language,
                       segments=[replace(s, language=self.language) for s in doc.segments])


def predict(gold_docs: Sequence[GoldDocument], language: str | None = None,
            path: str | None = None) -> tuple[list[list[Sentence]], list[DocumentRun]]:
    """Each gold document's text through the pipeline: its sentences, and what
    happened (languages, failure or warnings). ``language`` parses every segment
    in that language instead of the detected one (the pipeline has no option for
    it; its cleaning output is relabelled before the analysis)."""
    pipeline: Pipeline = _ForcedLanguage(language=language) if language else Pipeline()
    raws = [RawDocument(Source(path=path, format="conllu", record=d.id), d.text) for d in gold_docs]
    predicted: list[list[Sentence]] = []
    runs: list[DocumentRun] = []
    for gold, item in zip(gold_docs, pipeline.run(raws)):
        if isinstance(item, Failure):
            predicted.append([])
            runs.append(DocumentRun(gold.id, None, language, item.reason))
            continue
        detected = pipeline.detected.get(gold.id) if isinstance(pipeline, _ForcedLanguage) else item.language
        problem = "; ".join(item.warnings) or None
        if item.text != gold.text:  # offsets would not index the gold text
            predicted.append([])
            problem = "the pipeline changed the text; its offsets cannot be compared"
        else:
            predicted.append(list(item.sentences))
        runs.append(DocumentRun(gold.id, detected, item.language, problem))
    return predicted, runs


def evaluate(path: str | Path, language: str | None = None,
             per_document: int = SENTENCES_PER_DOCUMENT) -> Scores:
    """Read a CoNLL-U file, parse its text with the pipeline and score it."""
    path = Path(path)
    docs = build_documents(read_conllu(path), path.stem, per_document)
    predicted, runs = predict(docs, language, str(path))
    scores = score(docs, predicted)
    scores.runs = runs
    return scores

