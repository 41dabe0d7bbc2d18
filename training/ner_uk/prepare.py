"""Prepare NER-UK 2.0 for spaCy training: train/dev DocBin files and a fixed held-out split.

    python training/ner_uk/prepare.py [--data ../shared/data/ner-uk-train] [--out build/ner_uk/corpus]

* Reads ``<data>/<source>/*.txt`` + ``.ann`` (``T<n>\\tTYPE\\tSTART\\tEND\\tTEXT``;
  continuation lines of spans that cross a newline are skipped, offsets are trusted).
* Keeps PERS (-> PER), ORG, LOC, MISC; of nested/overlapping spans keeps the
  longest non-overlapping ones.
* Held-out: a document is held out when ``sha1(file stem) % 10 == 0`` (same every
  run); the list goes to ``training/ner_uk/heldout.txt``.
* The "bruk" part is pre-tokenised (``Київ , 12 травня .``); every such document is
  also detokenised to normal typography (``Київ, 12 травня.``) with its spans
  remapped exactly. Train = tokenised + raw versions; dev = raw version only
  (raw text is what the model is measured on).
* Documents are cut at line ends into chunks of about ``CHUNK_CHARS`` characters
  (never inside a span), each chunk one spaCy Doc.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner-uk-train"
LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
CHUNK_CHARS = 1500
ANN_LINE = re.compile(r"^T\d+\t([^\t]+)\t(\d+)\t(\d+)(?:\t|$)")


@dataclass
class Document:
    name: str  # "<source>/<stem>"
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    tokenised: bool = False


# ----------------------------------------------------------------------------- reading

def read_ann(path: Path, text: str) -> list[tuple[int, int, str]]:
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = ANN_LINE.match(line)
        if not m or m.group(1) not in LABELS:
            continue
        start, end = int(m.group(2)), int(m.group(3))
        # trim whitespace at the edges (offsets are trusted, edges are not always clean)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end, LABELS[m.group(1)]))
    return outermost(spans)


def outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest non-overlapping spans first (nested ones dropped), sorted by start."""
    kept: list[tuple[int, int, str]] = []
    for s in sorted(set(spans), key=lambda sp: (-(sp[1] - sp[0]), sp[0])):
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return sorted(kept)


def is_tokenised(text: str) -> bool:
    """Pre-tokenised text has punctuation standing alone: ' , ' and ' .' line ends."""
    words = max(1, len(text.split()))
    return (text.count(" , ") + text.count(" .\n") + text.count(" .")) / words > 0.02


def read_corpus(data: Path) -> list[Document]:
    docs = []
    for txt in sorted(data.glob("*/*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(Document(f"{txt.parent.name}/{txt.stem}", text, read_ann(ann, text), is_tokenised(text)))
    return docs


def is_heldout(name: str, fold: int = 0) -> bool:
    """One document in ten, by a hash of its name; ``fold`` picks which tenth
    (0 is the split the configuration was chosen on; the others check that
    the choice, and the analyze stage's rules, hold on documents never looked at)."""
    stem = name.rsplit("/", 1)[-1]
    return int(hashlib.sha1(stem.encode("utf-8")).hexdigest(), 16) % 10 == fold


def heldout_list(fold: int = 0) -> Path:
    return HERE / ("heldout.txt" if fold == 0 else f"heldout-fold{fold}.txt")


# ----------------------------------------------------------------------------- detokenising

CLOSING = set(",.:;!?…)]}»”%")
OPENING = set("([{«„")


def _all_in(token: str, chars: set[str]) -> bool:
    return bool(token) and all(ch in chars for ch in token)


def detokenise(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Undo the corpus tokenisation (spaces around punctuation), remapping spans exactly.

    Only spaces are dropped, so every kept character keeps its identity and a
    span maps to [new(start), new(end - 1) + 1).
    """
    drop: set[int] = set()  # indices of spaces to delete
    for line_match in re.finditer(r"[^\n]+", text):
        line, base = line_match.group(), line_match.start()
        toks = [(m.start() + base, m.end() + base, m.group()) for m in re.finditer(r"\S+", line)]
        straight_open = False  # state of '"' quotes on this line
        curly_low_open = False  # a „ waiting for its “
        kinds = []  # per token: "open", "close" or None
        for _, _, tok in toks:
            if tok == '"':
                kinds.append("close" if straight_open else "open")
                straight_open = not straight_open
            elif tok == "„":
                curly_low_open = True
                kinds.append("open")
            elif tok == "“":
                kinds.append("close" if curly_low_open else "open")
                curly_low_open = False
            elif _all_in(tok, CLOSING) or tok in {"...", ".."}:
                kinds.append("close")
            elif _all_in(tok, OPENING):
                kinds.append("open")
            else:
                kinds.append(None)
        for i in range(len(toks) - 1):
            gap = range(toks[i][1], toks[i + 1][0])
            prev, nxt = toks[i][2], toks[i + 1][2]
            join = kinds[i + 1] == "close" or kinds[i] == "open"
            # "2011 - го", "90 - х": a hyphenated number suffix the tokeniser split
            if nxt == "-" and prev[-1:].isdigit() and i + 2 < len(toks) and re.fullmatch(r"[а-яіїєґ]{1,4}", toks[i + 2][2]):
                join = True
            if prev == "-" and i > 0 and toks[i - 1][2][-1:].isdigit() and re.fullmatch(r"[а-яіїєґ]{1,4}", nxt):
                join = True
            # words split at an apostrophe: "п ' ять", "з ’ їзд"
            if nxt in {"'", "’", "ʼ"} and prev[-1:].isalpha() and i + 2 < len(toks) and toks[i + 2][2][:1].isalpha():
                join = True
            if prev in {"'", "’", "ʼ"} and i > 0 and toks[i - 1][2][-1:].isalpha() and nxt[:1].isalpha():
                join = True
            if join:
                drop.update(gap)
    new_index = [0] * (len(text) + 1)
    out = []
    for i, ch in enumerate(text):
        new_index[i] = len(out)
        if i not in drop:
            out.append(ch)
    new_index[len(text)] = len(out)
    raw = "".join(out)
    new_spans = []
    for s, e, label in spans:
        ns, ne = new_index[s], new_index[e - 1] + 1
        assert raw[ns:ne].replace(" ", "") == text[s:e].replace(" ", ""), (text[s:e], raw[ns:ne])
        new_spans.append((ns, ne, label))
    return raw, new_spans


def typographic_variant(text: str, name: str) -> str:
    """Same-length character swaps (apostrophes, quotes) chosen by a hash of the name,
    so that the training data shows the typography variants of real news."""
    h = int(hashlib.md5(name.encode("utf-8")).hexdigest(), 16)
    apostrophe = ["'", "’", "ʼ"][h % 3]
    text = re.sub(r"(?<=\w)['’ʼ](?=\w)", apostrophe, text)
    if (h // 3) % 3 == 1:
        text = text.replace("«", "“").replace("»", "”")
    elif (h // 3) % 3 == 2:
        text = text.replace("«", '"').replace("»", '"')
    if (h // 9) % 2 == 1:
        text = text.replace(" — ", " – ")
    return text


# ----------------------------------------------------------------------------- chunking

def chunks(text: str, spans: list[tuple[int, int, str]], size: int = CHUNK_CHARS):
    """Yield (offset, chunk_text, chunk_spans) cut at line ends, never inside a span.

    A chunk ends at the first safe line end after ``size`` characters, or at a
    blank line after ``size // 2``.
    """
    inside = bytearray(len(text) + 1)
    for s, e, _ in spans:
        inside[s:e] = b"\x01" * (e - s)
    cuts = [m.start() for m in re.finditer("\n", text) if not inside[m.start()]] + [len(text)]
    start = 0
    for c in cuts:
        length = c - start
        blank = text.startswith("\n\n", c)
        if c == len(text) or length >= size or (blank and length >= size // 2):
            piece = text[start:c]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                off = start + lead
                yield off, piece, [(s - off, e - off, l) for s, e, l in spans if s >= off and e <= off + len(piece)]
            start = c + 1


# ----------------------------------------------------------------------------- DocBin

class Stats:
    def __init__(self):
        self.spans = self.misaligned = self.docs = 0
        self.examples: list[str] = []


def to_docs(nlp, text: str, spans, stats: Stats):
    from spacy.util import filter_spans

    for _, piece, piece_spans in chunks(text, spans):
        doc = nlp.make_doc(piece)
        ents = []
        for s, e, label in piece_spans:
            stats.spans += 1
            span = doc.char_span(s, e, label=label, alignment_mode="strict")
            if span is None:
                stats.misaligned += 1
                if len(stats.examples) < 15:
                    ctx = piece[max(0, s - 10):e + 10].replace("\n", "⏎")
                    stats.examples.append(f"{piece[s:e]!r} in {ctx!r}")
                span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None:
                ents.append(span)
        doc.ents = filter_spans(ents)
        stats.docs += 1
        yield doc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=REPO / "build" / "ner_uk" / "corpus")
    ap.add_argument("--all", action="store_true",
                    help="train on every document, the held-out ones too (for the final model, once the "
                         "configuration is chosen on the held-out split); dev then repeats them and means nothing")
    ap.add_argument("--fold", type=int, default=0, choices=range(10),
                    help="which tenth of the documents to hold out (default 0, the split of heldout.txt)")
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("uk")
    docs = read_corpus(args.data)
    if not docs:
        print(f"no documents under {args.data}", file=sys.stderr)
        return 1
    heldout = [d for d in docs if is_heldout(d.name, args.fold)]
    if not args.all:
        heldout_list(args.fold).write_text("".join(d.name + "\n" for d in heldout), encoding="utf-8")
    args.out.mkdir(parents=True, exist_ok=True)

    train_bin, dev_bin = DocBin(store_user_data=False), DocBin(store_user_data=False)
    stats = {"train": Stats(), "dev": Stats()}
    for d in docs:
        part = "dev" if is_heldout(d.name, args.fold) else "train"
        if args.all and part == "dev":  # also trained on, as every training document is
            raw, raw_spans = detokenise(d.text, d.spans) if d.tokenised else (d.text, d.spans)
            for doc in to_docs(nlp, raw, raw_spans, stats["dev"]):
                dev_bin.add(doc)
            part = "train"
        versions = []
        if d.tokenised:
            raw, raw_spans = detokenise(d.text, d.spans)
            if part == "train":
                versions.append((d.text, d.spans))
                versions.append((typographic_variant(raw, d.name), raw_spans))
            else:
                versions.append((raw, raw_spans))
        else:
            versions.append((d.text, d.spans))
            if part == "train":
                variant = typographic_variant(d.text, d.name)
                if variant != d.text:
                    versions.append((variant, d.spans))
        for text, spans in versions:
            for doc in to_docs(nlp, text, spans, stats[part]):
                (dev_bin if part == "dev" else train_bin).add(doc)
    train_bin.to_disk(args.out / "train.spacy")
    dev_bin.to_disk(args.out / "dev.spacy")
    print(f"documents: {len(docs)} ({sum(d.tokenised for d in docs)} pre-tokenised); held out: {len(heldout)} -> {heldout_list(args.fold)}")
    for part, st in stats.items():
        print(f"{part}: {st.docs} chunks, {st.spans} spans, {st.misaligned} not on token boundaries (expanded)")
        for ex in st.examples[:10]:
            print("   ", ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
