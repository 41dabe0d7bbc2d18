"""Score mentions and their base forms in the BSNLP shared task's format.

The BSNLP Slavic NER tasks (2017–2021; uk and ru among their languages)
annotate each document with the set of its entity mentions and each mention's
base form, without offsets:

    raw/<topic>/<lang>/<name>.txt        id, language, date, URL, then title and text
    annotated/<topic>/<lang>/<name>.out  id, then one line a mention:
                                         form <TAB> base form <TAB> type <TAB> entity id

Scoring follows the task's "relaxed exact" recognition: per document, each
distinct (form, type) counts once, and a system finds it when any of its
mentions has exactly that text and type. Base forms are then scored on the
mentions found: the share whose ``lemma`` in newsgraph's output is exactly the
gold base form. BSNLP's EVT and PRO types have no counterpart here and are
left out.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .scoring import MAIN_TYPES, Scores

#: lines before the text in a raw file: id, language, date, URL.
HEADER_LINES = 4


@dataclass(frozen=True)
class Mention:
    form: str
    base: str
    type: str


@dataclass(frozen=True)
class GoldDocument:
    name: str
    language: str
    text: str
    mentions: tuple[Mention, ...]


@dataclass
class BaseFormScores:
    correct: int = 0
    total: int = 0
    #: (document, form, gold base form, ours) for each wrong base form
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def is_bsnlp(folder: str | Path) -> bool:
    folder = Path(folder)
    return (folder / "raw").is_dir() and any(folder.rglob("*.out"))


def read(folder: str | Path) -> Iterator[GoldDocument]:
    """Pairs each raw document with the annotation file of the same document id."""
    folder = Path(folder)
    annotations: dict[str, list[Mention]] = {}
    for out in sorted(folder.rglob("*.out")):
        lines = out.read_text(encoding="utf-8-sig").splitlines()
        if not lines:
            continue
        mentions = []
        for line in lines[1:]:
            cols = line.split("\t")
            if len(cols) >= 3 and cols[0].strip():
                mentions.append(Mention(cols[0].strip(), cols[1].strip(), cols[2].strip().upper()))
        annotations[lines[0].strip()] = mentions
    for raw in sorted((folder / "raw").rglob("*.txt")):
        lines = raw.read_text(encoding="utf-8-sig").split("\n")
        doc_id = lines[0].strip()
        if doc_id not in annotations or len(lines) <= HEADER_LINES:
            continue
        yield GoldDocument(str(raw.relative_to(folder)), lines[1].strip(),
                           "\n".join(lines[HEADER_LINES:]), tuple(annotations[doc_id]))


def predicted_mentions(doc: GoldDocument) -> dict[tuple[str, str], str]:
    """(form, type) -> base form of the first such mention in `analyze`'s output."""
    import newsgraph

    out = newsgraph.analyze(doc.text, path=doc.name)
    found: dict[tuple[str, str], tuple[int, str]] = {}
    for entity in out.entities:
        for m in entity.mentions:  # named mentions, as `analyze --json` prints them
            key = (m.text, entity.type)
            if key not in found or m.start < found[key][0]:
                found[key] = (m.start, m.lemma)
    return {key: lemma for key, (_, lemma) in found.items()}


def evaluate(docs: Iterator[GoldDocument], types: tuple[str, ...] = MAIN_TYPES) -> tuple[Scores, BaseFormScores]:
    scores, bases = Scores(), BaseFormScores()
    for doc in docs:
        gold = {(m.form, m.type): m.base for m in doc.mentions if m.type in types}
        pred = {k: v for k, v in predicted_mentions(doc).items() if k[1] in types}
        scores.add(gold, pred)
        for key in gold.keys() & pred.keys():
            bases.total += 1
            if pred[key] == gold[key]:
                bases.correct += 1
            else:
                bases.errors.append((doc.name, key[0], gold[key], pred[key]))
    return scores, bases
