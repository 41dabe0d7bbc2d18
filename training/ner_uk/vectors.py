"""Build static word vectors for the Ukrainian NER model from navec's Russian news vectors.

    python training/ner_uk/vectors.py [--out build/ner_uk/vectors] [--dims 64]

Why: NER-UK has a few hundred documents, so most names a user's news mention
were never seen in training. No Ukrainian word vectors can be had offline,
but navec (natasha's 250 000-word embeddings trained on a billion words of
Russian news, MIT, shipped inside the ``natasha`` wheel) knows the names,
places and institutions of the same world, and Ukrainian and Russian spell
most of them alike after a few letter correspondences: "Берлін"/"берлин",
"Україна"/"украина", "міністерство"/"министерство", "Рютте"/"рютте".

How: every lemma of the pymorphy3 Ukrainian dictionary, and every lemma of the
training corpus and the place lexicon (names the dictionary lacks), is
respelled the Russian way by the correspondences in ``RU_LETTERS`` (each
ambiguous letter tried each way, at most ``MAX_CANDIDATES`` spellings); the
first spelling navec knows gives the lemma its vector. The vectors are reduced
to ``--dims`` dimensions (PCA) to keep the shipped model small, and saved as a
spaCy pipeline whose vectors are keyed by NORM, which the model's
``newsgraph_lemma_norm`` component sets to the lemma. ``train.py`` passes it
as ``[paths.vectors]``.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "src"))

#: Ukrainian letter -> Russian spellings, likeliest first.
RU_LETTERS = {
    "і": ("и", "е", "о", "ьо"),
    "ї": ("и", "йи", "е"),
    "є": ("е", "э", "ье"),
    "и": ("ы", "и"),
    "е": ("е", "э"),
    "ґ": ("г",),
    "'": ("ъ", "ь", ""),
    "ь": ("ь", ""),
}
MAX_CANDIDATES = 256


def russian_spellings(word: str):
    options = [RU_LETTERS.get(ch, (ch,)) for ch in word]
    for i, letters in enumerate(itertools.product(*options)):
        if i >= MAX_CANDIDATES:
            return
        yield "".join(letters)


def ukrainian_lemmas(corpus_lemmas: set[str]) -> list[str]:
    from newsgraph.analysis.morphology import analyzer

    lemmas = {nf for _, _, nf, _, _ in analyzer("uk").dictionary.iter_known_words()}
    lemmas |= corpus_lemmas
    return sorted(w for w in lemmas if w.replace("'", "").replace("-", "").isalpha())


def corpus_lemmas(corpus: Path, places: Path | None) -> set[str]:
    """Lemmas (as the model's NORM) of every word of the training corpus."""
    import spacy
    from spacy.tokens import DocBin

    from newsgraph.analysis.spacy_components import lemma_norm

    out: set[str] = set()
    nlp = spacy.blank("uk")
    for name in ("train.spacy", "dev.spacy"):
        path = corpus / name
        if path.exists():
            for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
                out.update(n for t in doc if (n := lemma_norm(t.text, "uk")))
    if places and places.exists():
        out.update(w for w in places.read_text(encoding="utf-8").split("\n") if w)
    return out


def build(out: Path, dims: int, corpus: Path, places: Path | None) -> None:
    import spacy
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec
    from spacy.vectors import Vectors

    navec = Navec.load(NEWS_EMBEDDING)
    known = navec.vocab.word_ids
    keys, ids = [], []
    lemmas = ukrainian_lemmas(corpus_lemmas(corpus, places))
    for lemma in lemmas:
        for ru in russian_spellings(lemma.replace("’", "'")):
            if ru in known:
                keys.append(lemma)
                ids.append(known[ru])
                break
    print(f"{len(lemmas)} Ukrainian lemmas, {len(keys)} with a navec vector", flush=True)
    table = np.stack([navec.pq[i] for i in ids]).astype(np.float32)
    table -= table.mean(axis=0)
    # PCA through the SVD of the centred table: the top ``dims`` directions
    _, _, vt = np.linalg.svd(table[:: max(1, len(table) // 50_000)], full_matrices=False)
    reduced = table @ vt[:dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True).mean()
    nlp = spacy.blank("uk")
    vectors = Vectors(strings=nlp.vocab.strings, data=reduced.astype(np.float32), keys=keys,
                      name="newsgraph_uk_navec", attr="NORM")
    nlp.vocab.vectors = vectors
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    keep_norm_keys(out)
    print(f"{reduced.shape[0]} x {reduced.shape[1]} vectors keyed by NORM -> {out}")


def keep_norm_keys(model: Path) -> None:
    """spaCy 3.8 saves a default-mode vector table without its key attribute,
    and reads one back as keyed by ORTH: write the attribute into its config,
    which loading does read. Run on every saved pipeline with these vectors."""
    import json

    from spacy.attrs import NORM

    cfg_path = model / "vocab" / "vectors.cfg"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    cfg["attr"] = NORM
    cfg_path.write_text(json.dumps(cfg), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "build" / "ner_uk" / "vectors")
    ap.add_argument("--dims", type=int, default=64)
    ap.add_argument("--corpus", type=Path, default=REPO / "build" / "ner_uk" / "corpus")
    ap.add_argument("--places", type=Path, default=REPO / "build" / "ner_uk" / "places.txt")
    args = ap.parse_args(argv)
    build(args.out, args.dims, args.corpus, args.places)
    return 0


if __name__ == "__main__":
    sys.exit(main())
