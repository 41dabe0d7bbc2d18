"""Convert the zoloto treebank (mova-institute XML, the source of UD_Ukrainian-IU)
to CoNLL-U and spaCy DocBin, for training newsgraph's Ukrainian parser.

    .venv/bin/python training/syntax_uk/convert.py      # -> build/syntax_uk/corpus/

Reads ``../shared/data/uk-treebank/zoloto-train/*.xml`` (the UD test sentences are
already removed there) and ``uk_iu-ud-dev.conllu``. Writes ``train.conllu`` and
``train.spacy`` (complete trees only, the UD dev sentences left out, so the dev
score is clean) and ``dev.spacy`` from the UD dev file, ten sentences to a doc,
so the parser also learns where sentences end.

The rules follow the treebank's README, which checked them against UD's own
export (99.93% of heads): a sentence runs from one ``<sb>`` (or ``<s>``) to the
next, across ``</p>``; a token's basic head is its first ``dep`` entry whose head
is not an elided predicate; a token whose only heads are elided takes the elided
node's place (its head and relation, or the root); incomplete sentences (more
than one token without a head) are skipped, as UD skips them. Zoloto's internal
relation subtypes are mapped to the UD labels the dev file uses.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TREEBANK = REPO.parent / "shared" / "data" / "uk-treebank"
OUT = REPO / "build" / "syntax_uk" / "corpus"

# ---------------------------------------------------------------- tags -> UD

_POS = {"noun": "NOUN", "adj": "ADJ", "verb": "VERB", "numr": "NUM", "adv": "ADV",
        "prep": "ADP", "part": "PART", "intj": "INTJ", "x": "X", "punct": "PUNCT",
        "sym": "SYM", "predic": "ADV", "insert": "ADV", "onomat": "INTJ"}
_FEATS = {
    "v_naz": ("Case", "Nom"), "v_rod": ("Case", "Gen"), "v_dav": ("Case", "Dat"),
    "v_zna": ("Case", "Acc"), "v_oru": ("Case", "Ins"), "v_mis": ("Case", "Loc"),
    "v_kly": ("Case", "Voc"),
    "rv_naz": ("Case", "Nom"), "rv_rod": ("Case", "Gen"), "rv_dav": ("Case", "Dat"),
    "rv_zna": ("Case", "Acc"), "rv_oru": ("Case", "Ins"), "rv_mis": ("Case", "Loc"),
    "m": ("Gender", "Masc"), "f": ("Gender", "Fem"), "n": ("Gender", "Neut"),
    "s": ("Number", "Sing"), "p": ("Number", "Plur"), "ns": ("Number", "Ptan"),
    "anim": ("Animacy", "Anim"), "inanim": ("Animacy", "Inan"),
    "perf": ("Aspect", "Perf"), "imperf": ("Aspect", "Imp"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "inf": ("VerbForm", "Inf"), "advp": ("VerbForm", "Conv"), "impr": ("Mood", "Imp"),
    "impers": ("Person", "0"), "1": ("Person", "1"), "2": ("Person", "2"), "3": ("Person", "3"),
    "compb": ("Degree", "Pos"), "compr": ("Degree", "Cmp"), "super": ("Degree", "Sup"),
    "abs": ("Degree", "Abs"),
    "pers": ("PronType", "Prs"), "dem": ("PronType", "Dem"), "int": ("PronType", "Int"),
    "rel": ("PronType", "Rel"), "ind": ("PronType", "Ind"), "gen": ("PronType", "Tot"),
    "poss": ("Poss", "Yes"), "actv": ("Voice", "Act"), "pasv": ("Voice", "Pass"),
    "abbr": ("Abbr", "Yes"), "nv": ("Uninflect", "Yes"),
    "fname": ("NameType", "Giv"), "lname": ("NameType", "Sur"), "patr": ("NameType", "Pat"),
    "short": ("Variant", "Short"), "beforeadj": ("Hyph", "Yes"),
    "quote": ("PunctType", "Quot"), "dash": ("PunctType", "Dash"), "hyphen": ("PunctType", "Hyph"),
}


def upos(ana: str) -> str:
    flags = ana.split(":")
    first, rest = flags[0], set(flags[1:])
    if first == "noun":
        if "&pron" in rest:
            return "PRON"
        if "foreign" in rest:
            return "X"
        return "PROPN" if "prop" in rest else "NOUN"
    if first == "adj":
        if "&pron" in rest:
            return "DET"
        return "NOUN" if "&noun" in rest else "ADJ"
    if first == "verb":
        return "AUX" if "aux" in rest else "VERB"
    if first == "numr":
        return "DET" if "&pron" in rest else "NUM"
    if first == "conj":
        return "SCONJ" if "subord" in rest else "CCONJ"
    return _POS.get(first, "X")


def feats(ana: str, pos: str) -> str:
    flags = ana.split(":")
    out: dict[str, str] = {}
    for f in flags[1:]:
        if f in _FEATS:
            k, v = _FEATS[f]
            if k == "Case" and f.startswith("rv_") and pos != "ADP":
                continue
            out.setdefault(k, v)
        elif f == "neg":
            if flags[0] in ("part", "conj", "verb"):
                out["Polarity"] = "Neg"
            else:
                out["PronType"] = "Neg"
        elif f == "refl":
            out["PronType"] = "Prs"
            out["Reflex"] = "Yes"
        elif f == "&adjp":
            out["VerbForm"] = "Part"
        elif f == "&numr":
            out["NumType"] = "Ord"
        elif f == "alt":
            out["Orth"] = "Alt"
        elif f == "conseq":
            out["PartType"] = "Conseq"
        elif f == "foreign":
            out["Foreign"] = "Yes"
    if pos in ("VERB", "AUX") and "VerbForm" not in out:
        out["VerbForm"] = "Fin"
    if out.get("VerbForm") == "Fin" and "Mood" not in out:
        out["Mood"] = "Ind"
    # zoloto writes no number where the gender says singular; UD does
    if "Gender" in out and "Number" not in out:
        out["Number"] = "Sing"
    if flags[0] == "numr" and "NumType" not in out and pos == "NUM":
        out["NumType"] = "Card"
    return "|".join(f"{k}={v}" for k, v in sorted(out.items(), key=lambda kv: kv[0].lower())) or "_"


# zoloto's internal subtypes -> the labels UD_Ukrainian-IU exports (README, "XML format")
_DEPREL = {
    "acl:relless": "acl:relcl", "acl:relfull": "acl:relcl", "acl:irrel": "acl", "acl:parataxis": "acl",
    "acl:bridge": "acl", "conj:parataxis": "conj", "conj:repeat": "conj", "conj:upperlevel": "conj",
    "conj:svc": "conj", "advmod:amtgov": "advmod", "advmod:emph": "advmod", "advmod:gerund": "advmod",
    "appos:nonnom": "appos", "appos:spec": "appos", "appos:reverse": "appos",
    "nsubj:pass": "nsubj", "parataxis:thatis": "parataxis", "parataxis:appos": "parataxis",
    "obj:rel": "obj", "nmod:obj": "nmod", "nmod:xcompsp": "nmod", "obl:arg": "obl",
    "flat:sibl": "flat", "flat:number": "flat", "compound:svc": "compound",
    "advcl:cmp": "advcl", "vocative:cl": "vocative", "csubj:pred": "csubj", "csubj:xsubj": "csubj",
}
#: every label of the UD dev file; anything else falls back to its universal part.
UD_LABELS: set[str] = set()


def ud_deprel(rel: str) -> str:
    rel = _DEPREL.get(rel, rel)
    if UD_LABELS and rel not in UD_LABELS:
        rel = rel.split(":")[0]
    return rel


# ---------------------------------------------------------------- reading

@dataclass
class Word:
    id: str
    form: str
    lemma: str
    ana: str
    deps: list[tuple[str, str]]  # (head id, relation)
    elided: bool
    space_after: bool = True


@dataclass
class Sentence:
    id: str
    split: str
    words: list[Word] = field(default_factory=list)
    multitoken: bool = False


def _parse_dep(value: str | None) -> list[tuple[str, str]]:
    out = []
    for part in (value or "").split("|"):
        if "-" in part:
            head, rel = part.split("-", 1)
            out.append((head, rel))
    return out


def read_xml(path: Path) -> list[Sentence]:
    """Sentences of one zoloto file in document order."""
    tree = etree.parse(str(path), etree.XMLParser(remove_comments=True, huge_tree=True))
    sents: list[Sentence] = []
    split = "train"
    current: Sentence | None = None

    def start(sid: str) -> Sentence:
        s = Sentence(sid, split)
        sents.append(s)
        return s

    for el in tree.getroot().iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "doc":
            split = "train"
            current = None
        if tag in ("sb", "p", "s") and el.get("set"):
            split = el.get("set")
            if current is not None and tag != "p":
                pass
        if tag in ("sb", "s"):
            current = start(el.get("id") or f"{path.stem}:{len(sents)}")
            current.split = split
            if el.get("skip") == "all":
                current.split = "skip"
        elif tag == "g":
            if current is not None and current.words:
                current.words[-1].space_after = False
        elif tag == "multitoken":
            if current is not None:
                current.multitoken = True
        elif tag == "w_":
            if any(a.tag == "orig" for a in el.iterancestors()):
                continue
            if current is None:
                current = start(f"{path.stem}:{len(sents)}")
            ws = [w for w in el if w.tag == "w"]
            if not ws:
                continue
            w = ws[0]
            form = el.get("correct") or (w.text or "")
            current.words.append(Word(el.get("id"), form, w.get("lemma") or form, w.get("ana") or "x",
                                      _parse_dep(el.get("dep")), el.get("ellipsis") is not None))
    return [s for s in sents if s.words]


def tree(sent: Sentence) -> list[tuple[int, str]] | None:
    """(head index, 1-based with 0 the root; UD relation) of each overt word, or
    None when the sentence is not one complete tree."""
    overt = [w for w in sent.words if not w.elided]
    index = {w.id: k + 1 for k, w in enumerate(overt)}
    by_id = {w.id: w for w in sent.words}

    def resolve(w: Word, seen: frozenset[str] = frozenset()) -> tuple[int, str] | None:
        for head, rel in w.deps:
            if head in index:
                return index[head], rel
        for head, rel in w.deps:  # only elided heads: take the elided node's place
            e = by_id.get(head)
            if e is None or head in seen:
                return None
            up = resolve(e, seen | {head})
            return up if up is not None else (0, "root")
        return None

    out: list[tuple[int, str]] = []
    roots = 0
    for w in overt:
        r = resolve(w)
        if r is None:
            if any(h not in by_id for h, _ in w.deps):
                return None
            r = (0, "root")
        if r[0] == 0:
            roots += 1
            r = (0, "root")
        out.append(r)
    if roots != 1:
        return None
    # no cycles: every word reaches the root
    for k in range(len(out)):
        seen, h = set(), k + 1
        while h != 0:
            if h in seen:
                return None
            seen.add(h)
            h = out[h - 1][0]
    # iobj -> obj when the head has no obj (as UD does)
    objs = {h for h, rel in out if rel == "obj"}
    return [(h, "obj" if rel == "iobj" and h not in objs else ud_deprel(rel)) for h, rel in out]


def to_conllu(sent: Sentence, heads: list[tuple[int, str]]) -> str:
    overt = [w for w in sent.words if not w.elided]
    text = "".join(w.form + (" " if w.space_after else "") for w in overt).strip()
    lines = [f"# sent_id = {sent.id}", f"# text = {text}"]
    for k, (w, (head, rel)) in enumerate(zip(overt, heads), 1):
        pos = upos(w.ana)
        misc = f"Id={w.id}" + ("" if w.space_after else "|SpaceAfter=No")
        lines.append("\t".join([str(k), w.form, w.lemma, pos, "_", feats(w.ana, pos), str(head), rel, "_", misc]))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- CoNLL-U -> DocBin

def read_conllu(text: str) -> list[list[list[str]]]:
    """Sentences as rows of the ten columns; multiword ranges and empty nodes dropped."""
    out, cur = [], []
    for line in text.split("\n"):
        if not line.strip():
            if cur:
                out.append(cur)
            cur = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols)
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------- augmentation

#: acronyms of the institutions news writes about. zoloto is mostly fiction,
#: law and journalism of other decades: 442 of its 92 000 words are capitalised
#: acronyms, 36 of them subjects, so the parser reads "НАТО має надати…" with
#: НАТО as an object. Indeclinable, they stand in any case and role.
ACRONYMS = ("НАТО", "ЄС", "США", "ООН", "ЗСУ", "СБУ", "МЗС", "МВФ", "ОБСЄ", "ВООЗ", "НБУ",
            "ЄБРР", "МАГАТЕ", "ФРН", "РФ", "ОАЕ", "ЦВК", "ДСНС", "ГУР", "НАБУ", "ЄСПЛ", "МОЗ")
#: relations a noun phrase of one word can hold whatever word it is.
_NOMINAL = frozenset({"nsubj", "obj", "iobj", "obl", "nmod", "conj"})
#: dependents that do not tie a word to its own form (a preposition, a comma).
_LOOSE = frozenset({"case", "punct", "cc"})


def acronym_copies(sentences: list[list[list[str]]], share: float, seed: int = 7) -> list[list[list[str]]]:
    """Copies of about ``share`` of the sentences, one noun or proper noun in
    them (a subject, object or oblique with no dependents of its own but a
    preposition, a comma or a conjunction) replaced by an acronym: same tree,
    same case; FEATS say Abbr and Uninflect as UD writes acronyms."""
    import random

    rng = random.Random(seed)
    out = []
    for sent in sentences:
        if rng.random() >= share:
            continue
        tied = {c[6] for c in sent if c[7].split(":")[0] not in _LOOSE}
        found = [k for k, c in enumerate(sent) if c[3] in ("NOUN", "PROPN")
                 and c[7].split(":")[0] in _NOMINAL and c[0] not in tied]
        if not found:
            continue
        k = rng.choice(found)
        copy = [list(c) for c in sent]
        acronym = rng.choice(ACRONYMS)
        feats = dict(f.split("=", 1) for f in copy[k][5].split("|") if "=" in f)
        feats.update({"Abbr": "Yes", "Uninflect": "Yes"})
        feats.pop("NameType", None)
        copy[k][1], copy[k][2], copy[k][3] = acronym, acronym, "PROPN"
        copy[k][5] = "|".join(f"{a}={b}" for a, b in sorted(feats.items(), key=lambda x: x[0].lower()))
        out.append(copy)
    return out


def docbin(sentences: list[list[list[str]]], per_doc: int = 10):
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("uk").vocab
    db = DocBin(store_user_data=False)
    for i in range(0, len(sentences), per_doc):
        group = sentences[i : i + per_doc]
        words, spaces, heads, deps, pos, morphs, starts = [], [], [], [], [], [], []
        for sent in group:
            base = len(words)
            for k, c in enumerate(sent):
                words.append(c[1])
                spaces.append("SpaceAfter=No" not in c[9])
                heads.append(base + int(c[6]) - 1 if c[6] != "0" else base + k)
                deps.append(c[7])
                pos.append(c[3])
                morphs.append("" if c[5] == "_" else c[5])
                starts.append(k == 0)
            spaces[-1] = True
        doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
                  morphs=morphs, sent_starts=starts)
        db.add(doc)
    return db


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--treebank", type=Path, default=TREEBANK)
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--acronyms", type=float, default=0.0, metavar="SHARE",
                   help="add copies of this share of the training sentences with one noun replaced by an acronym")
    args = p.parse_args(argv)
    dev_text = (args.treebank / "uk_iu-ud-dev.conllu").read_text(encoding="utf-8")
    dev_ids = {line.split("=", 1)[1].strip() for line in dev_text.split("\n") if line.startswith("# sent_id")}
    UD_LABELS.update(c[7] for s in read_conllu(dev_text) for c in s)
    UD_LABELS.update({"vocative", "reparandum", "goeswith", "list", "dislocated", "clf", "dep"})

    kept, skipped, counts = [], 0, {"dev": 0, "test": 0, "incomplete": 0, "multitoken": 0}
    for path in sorted((args.treebank / "zoloto-train").glob("*.xml")):
        for sent in read_xml(path):
            if sent.id in dev_ids or sent.split == "dev":
                counts["dev"] += 1
                continue
            if sent.split in ("test", "skip"):
                counts["test"] += 1
                continue
            if sent.multitoken:
                counts["multitoken"] += 1
                continue
            heads = tree(sent)
            if heads is None:
                counts["incomplete"] += 1
                continue
            kept.append(to_conllu(sent, heads))
    args.out.mkdir(parents=True, exist_ok=True)
    train_conllu = "\n".join(kept)
    (args.out / "train.conllu").write_text(train_conllu, encoding="utf-8")
    train = read_conllu(train_conllu)
    extra = acronym_copies(train, args.acronyms) if args.acronyms else []
    docbin(train + extra).to_disk(args.out / "train.spacy")
    dev = read_conllu(dev_text)
    docbin(dev).to_disk(args.out / "dev.spacy")
    words = sum(len(s) for s in train)
    print(f"train: {len(train)} sentences, {words} words (+{len(extra)} acronym copies); dev: {len(dev)} sentences; "
          f"left out: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
