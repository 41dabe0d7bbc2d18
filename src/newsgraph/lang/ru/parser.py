"""Russian tokens, UD morphology and dependency trees with natasha's slovnet models.

The models are slovnet's ``slovnet_morph_news_v1`` (UPOS and UD features) and
``slovnet_syntax_news_v1`` (heads and UD relations), the ones natasha's
``NewsMorphTagger`` and ``NewsSyntaxParser`` run, over the navec news
embeddings, loaded once and shared by both as natasha shares them. All three
ship inside the ``natasha`` wheel, so nothing is downloaded at run time;
natasha, slovnet and navec are MIT.

- tokens are razdel's, per sentence span the caller found, so a tree never
  crosses a sentence;
- the sentences of all texts go to the models together, sorted by length, in
  batches of :data:`BATCH_SIZE` (a batch is padded to its longest sentence);
- a sentence of more than :data:`MAX_TOKENS` tokens is cut into chunks (after a
  comma, semicolon or dash where there is one) and the chunks' trees are joined
  into one: a later chunk's root hangs from the first chunk's root as
  ``parataxis``;
- the parser's heads are an argmax per word, not a tree: a second root hangs
  from the first as ``parataxis`` and a cycle is broken by hanging one of its
  words from the root (:func:`repair`);
- lemmas are pymorphy3's (through :mod:`newsgraph.analysis.morphology`), of the
  reading whose part of speech and features agree best with the tagger's.
"""
from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from newsgraph.model import Sentence, Token

#: sentences longer than this many tokens go to the models in chunks.
MAX_TOKENS = 200
#: sentences per model call.
BATCH_SIZE = 32
#: a chunk may end after one of these (searched in a chunk's second half).
_CUTS = frozenset({",", ";", ":", "—", "–", "-", ".", "!", "?", "…", ")", "»"})
_lock = threading.Lock()


def _data_dir() -> Path:
    """natasha's data folder, found without importing natasha (whose package
    imports pymorphy2, yargy and all its models' code)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("natasha is not installed: it ships the Russian syntax models")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@cache
def _models():
    """(morph, syntax): slovnet's news models sharing one navec."""
    from navec import Navec
    from slovnet import Morph, Syntax

    data = _data_dir()
    navec = Navec.load(str(data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar"))
    morph = Morph.load(str(data / "model" / "slovnet_morph_news_v1.tar"), batch_size=BATCH_SIZE).navec(navec)
    syntax = Syntax.load(str(data / "model" / "slovnet_syntax_news_v1.tar"), batch_size=BATCH_SIZE).navec(navec)
    return morph, syntax


def load() -> None:
    """Load the models now rather than on the first sentence."""
    _models()


# --- lemmas ------------------------------------------------------------------------------------

#: OpenCorpora part of speech -> the UD UPOS it may be tagged as.
OC_UPOS = {
    "NOUN": {"NOUN", "PROPN"},
    "ADJF": {"ADJ", "DET", "PRON", "NUM"},
    "ADJS": {"ADJ"},
    "COMP": {"ADJ", "ADV"},
    "PRTF": {"VERB", "ADJ", "AUX"},
    "PRTS": {"VERB", "ADJ", "AUX"},
    "VERB": {"VERB", "AUX"},
    "INFN": {"VERB", "AUX"},
    "GRND": {"VERB", "AUX"},
    "NUMR": {"NUM"},
    "ADVB": {"ADV"},
    "NPRO": {"PRON", "DET"},
    "PRED": {"ADV", "VERB"},
    "PREP": {"ADP"},
    "CONJ": {"CCONJ", "SCONJ"},
    "PRCL": {"PART"},
    "INTJ": {"INTJ"},
}
#: OpenCorpora grammeme -> (UD feature, value), for the features a lemma choice weighs.
OC_FEATS = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "gen1": ("Case", "Gen"), "gen2": ("Case", "Gen"),
    "datv": ("Case", "Dat"), "accs": ("Case", "Acc"), "ablt": ("Case", "Ins"), "loct": ("Case", "Loc"),
    "loc2": ("Case", "Loc"), "voct": ("Case", "Voc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "INFN": ("VerbForm", "Inf"), "GRND": ("VerbForm", "Conv"), "PRTF": ("VerbForm", "Part"),
    "PRTS": ("VerbForm", "Part"), "VERB": ("VerbForm", "Fin"),
}


@lru_cache(maxsize=200_000)
def lemma(text: str, upos: str | None, feats: str) -> str:
    """The dictionary form of a word tagged ``upos``/``feats``: the lemma of the
    pymorphy3 reading whose part of speech fits ``upos`` and whose features
    agree most with ``feats`` (the first reading when none fits), lower case,
    capitalised for proper names. Punctuation and numbers keep their text, and
    so does an all-capital proper name (МИД, НАТО: no inflected word)."""
    from ...analysis.morphology import parse

    if upos in ("PUNCT", "SYM") or not any(c.isalpha() for c in text):
        return text
    if text.isupper() and len(text) > 1:
        return text if upos == "PROPN" else text.lower()
    low = text.lower().replace("’", "'").replace("ʼ", "'")
    readings = parse(low, "ru")
    if not readings:
        return low
    wanted = set(feats.split("|")) if feats else set()
    best, best_score = readings[0], -1
    for reading in readings:  # in pymorphy3's order: the first of equal scores wins
        tag = reading.tag
        score = 100 if upos in OC_UPOS.get(tag.POS, ()) else 0
        for grammeme in tag.grammemes:
            feature = OC_FEATS.get(grammeme)
            if feature and "=".join(feature) in wanted:
                score += 1
        if score > best_score:
            best, best_score = reading, score
    out = best.normal_form or low
    if upos == "PROPN":
        out = _capitalised(out, text)
    return out


def _capitalised(lemma_: str, text: str) -> str:
    """``lemma_`` with a capital where the word has one (each part of Санкт-Петербург)."""
    parts, surface = lemma_.split("-"), text.split("-")
    if len(parts) != len(surface):
        return lemma_[:1].upper() + lemma_[1:]
    return "-".join(p[:1].upper() + p[1:] if s[:1].isupper() or k == 0 else p
                    for k, (p, s) in enumerate(zip(parts, surface)))


# --- trees -------------------------------------------------------------------------------------

def repair(heads: list[int], rels: list[str]) -> tuple[list[int], list[str]]:
    """A tree from per-word heads (1-based, 0 for the root) and relations: one
    root (the first; any other hangs from it as ``parataxis``), no head out of
    range or on the word itself, no cycle (one word of each hangs from the root,
    keeping its relation), ``root`` only on the root."""
    n = len(heads)
    heads = [h if 0 <= h <= n and h != k else 0 for k, h in enumerate(heads, 1)]
    rels = list(rels)
    roots = [k for k, h in enumerate(heads, 1) if h == 0]
    if roots:
        main = roots[0]
    else:  # all in cycles: the word the parser called root, else the first
        main = next((k for k, r in enumerate(rels, 1) if r == "root"), 1)
        heads[main - 1] = 0
    for k in roots[1:]:
        heads[k - 1], rels[k - 1] = main, "parataxis"
    # cycles: walk up from every word; a walk that meets itself is cut at that word
    state = [0] * (n + 1)  # 0 unseen, 1 on the current walk, 2 reaches the root
    state[main] = 2
    for k in range(1, n + 1):
        path = []
        node = k
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            node = heads[node - 1]
            if node == 0:  # cannot happen but for main, which is done
                break
            if state[node] == 1:  # a cycle: hang this word from the root
                heads[node - 1] = main
                if rels[node - 1] == "root":
                    rels[node - 1] = "parataxis"
                break
        for p in path:
            state[p] = 2
    rels[main - 1] = "root"
    for k in range(n):
        if k + 1 != main and rels[k] == "root":
            rels[k] = "parataxis" if heads[k] == main else "dep"
    return heads, rels


def _chunks(words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) word indexes of at most MAX_TOKENS words each, cut after a
    comma or dash in a chunk's second half where there is one."""
    out, start, n = [], 0, len(words)
    while n - start > MAX_TOKENS:
        end = start + MAX_TOKENS
        cut = next((k + 1 for k in range(end - 1, start + MAX_TOKENS // 2, -1) if words[k] in _CUTS), end)
        out.append((start, cut))
        start = cut
    if n > start:
        out.append((start, n))
    return out


def _feats(feats: dict) -> str:
    """UD FEATS as CoNLL-U writes them: sorted by name, case-insensitively."""
    return "|".join(f"{k}={feats[k]}" for k in sorted(feats, key=str.lower))


def parse_many(texts: Sequence[str], sentences: Sequence[Sequence[tuple[int, int]]],
               names: Sequence[Sequence[tuple[int, int, str]]] | None = None) -> list[list[Sentence]]:
    """One :class:`Sentence` per given (start, end) of each text, with its
    tokens and their syntax; offsets index that text. (slovnet reads words
    only: ``names`` is not used.)"""
    import razdel

    found: list[list[list[tuple[int, int, str]]]] = []  # text, sentence -> (start, end, word)
    jobs: list[tuple[int, int, int, int]] = []  # text, sentence, first word, end word
    for k, (text, spans) in enumerate(zip(texts, sentences)):
        per_text = []
        for j, (start, end) in enumerate(spans):
            words = [(start + t.start, start + t.stop, t.text) for t in razdel.tokenize(text[start:end])]
            per_text.append(words)
            jobs.extend((k, j, a, b) for a, b in _chunks([w for _, _, w in words]))
        found.append(per_text)

    items = [[w for _, _, w in found[k][j][a:b]] for k, j, a, b in jobs]
    order = sorted(range(len(items)), key=lambda i: len(items[i]))  # batches of like lengths pad little
    tags: list = [None] * len(items)
    trees: list = [None] * len(items)
    if items:
        morph, syntax = _models()
        ordered = [items[i] for i in order]
        with _lock:
            for i, markup in zip(order, morph.map(ordered)):
                tags[i] = markup.tokens
            for i, markup in zip(order, syntax.map(ordered)):
                trees[i] = markup.tokens

    tokens: dict[tuple[int, int], list[Token]] = {}
    for (k, j, a, b), tagged, tree in zip(jobs, tags, trees):
        done = tokens.setdefault((k, j), [])
        anchor = next((t.id for t in done if t.head == 0), None)
        heads, rels = repair([int(t.head_id) for t in tree], [t.rel for t in tree])
        for n, ((start, end, word), tag, head, rel) in enumerate(zip(found[k][j][a:b], tagged, heads, rels), 1):
            feats = _feats(tag.feats or {})
            head = a + head if head else 0
            if head == 0 and anchor is not None:  # a later chunk's root
                head, rel = anchor, "parataxis"
            done.append(Token(start, end, a + n, lemma(word, tag.pos, feats), tag.pos or None, feats, head, rel))
    return [[Sentence(start, end, tuple(tokens.get((k, j), ()))) for j, (start, end) in enumerate(spans)]
            for k, spans in enumerate(sentences)]
