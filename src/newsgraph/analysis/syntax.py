"""Tokens, morphology and dependency syntax of a document's sentences, per language.

Every later stage reads these tokens instead of splitting the text again. A
language names its parser in its data (``Language.parser``: a module of
``newsgraph.analysis`` with ``parse_many(texts, sentences)``); a language
without one, or whose model cannot be loaded, still gets tokens (razdel's,
which handle Latin and Cyrillic news alike) with dictionary lemmas, and no
heads.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import cache

import razdel

from dataclasses import replace

from .. import lang
from ..model import Sentence, Token
from .morphology import has_morphology, lemma as dictionary_lemma, parse as readings
from .tree import DependencyTree, rel

log = logging.getLogger(__name__)

Parser = Callable[[Sequence[str], Sequence[Sequence[tuple[int, int]]], Sequence[Sequence[tuple[int, int, str]]] | None],
                  list[list[Sentence]]]


def tokens_only(texts: Sequence[str], sentences: Sequence[Sequence[tuple[int, int]]],
                language: str | None = None) -> list[list[Sentence]]:
    """Sentences with razdel tokens and dictionary lemmas, without syntax."""
    out = []
    for text, spans in zip(texts, sentences):
        sents = []
        for start, end in spans:
            toks = tuple(Token(start + t.start, start + t.stop, k, dictionary_lemma(t.text, language))
                         for k, t in enumerate(razdel.tokenize(text[start:end]), 1))
            sents.append(Sentence(start, end, toks))
        out.append(sents)
    return out


@cache
def parser(language: str | None) -> Parser | None:
    """The parser of a language, or None (logged once) when it has none or it cannot load."""
    name = lang.of(language).parser
    if not name:
        return None
    try:
        module = lang.of(language).component(name)
        module.parse_many(["."], [[(0, 1)]], None)
    except Exception as e:  # a broken install must not cost the rest of the analysis
        log.warning("no syntax for %s: %s", language, e)
        return None
    return module.parse_many


def parse(language: str | None, texts: Sequence[str], sentences: Sequence[Sequence[tuple[int, int]]],
          names: Sequence[Sequence[tuple[int, int, str]]] | None = None,
          ) -> tuple[list[list[Sentence]], str | None]:
    """Parsed sentences of each text in ``language``, and a warning when the
    parser failed on them (they then get tokens only). ``names``: the names the
    recogniser found in each text (start, end, type), for a parser that reads them."""
    found = parser(language)
    if found is not None:
        try:
            done = found(texts, sentences, names)
            if names is not None:
                done = [[titled_names(whole_names(s, mine), mine, text, language) for s in sents]
                        for sents, mine, text in zip(done, names, texts)]
            if has_morphology(language):
                done = [[one_subject(s, text, language) for s in sents] for sents, text in zip(done, texts)]
            return done, None
        except Exception as e:  # keep the tokens, say what is missing
            log.warning("syntax failed for %s: %s", language, e)
            return tokens_only(texts, sentences, language), f"no syntax ({language}): {type(e).__name__}: {e}"
    return tokens_only(texts, sentences, language), None


#: relations of a name's head to the rest of the sentence, the most telling first: when a
#: parser hangs two words of one name on the same head, the name takes the most telling
CORE_FIRST = ("nsubj", "nsubj:pass", "obj", "iobj", "obl:arg", "obl", "nmod", "appos")
#: names the recogniser is sure enough of to correct the parser by (its MISC spans are
#: where it errs most: a rubric "Транспорт/Зв'язок" glued to the subject "Персонал")
WHOLE_TYPES = frozenset({"PER", "ORG", "LOC"})
_LIST_MARKS = frozenset({",", ";", "(", ")", "–", "—", "-", "/"})
#: words that do not head a name ("Вищий суд", "НАК «Нафтогаз»": the adjective, the quote)
_NOT_HEADS = frozenset({"ADJ", "DET", "NUM", "PUNCT", "ADP", "CCONJ", "SYM"})


def whole_names(sentence: Sentence, names: Sequence[tuple[int, int, str]]) -> Sentence:
    """The sentence with each recognised name one subtree of the parse.

    A parser that has not seen "Вищий суд швейцарського кантону Цуг" as one name
    may hang its words on the verb twice ("суд" an oblique, "Цуг" the subject);
    the recogniser knows the words are one name, so the name's first noun heads it,
    takes the most telling of the relations its words had outside, and the other
    words hang inside it. A repair that would make a cycle is not made."""
    toks = list(sentence.tokens)
    if not toks or toks[0].head is None:
        return sentence
    changed = False
    for start, end, etype in names:
        if end <= sentence.start or start >= sentence.end or etype not in WHOLE_TYPES:
            continue
        inside = [t for t in toks if start <= t.start and t.end <= end]
        if any(t.upos == "CCONJ" or t.lemma in _LIST_MARKS and not _glued(inside, k) for k, t in enumerate(inside)):
            continue  # "Львівська, Івано-Франківська, Волинська області": a list, not one name
        ids = {t.id for t in inside}
        out = [t for t in inside if t.head not in ids and t.upos != "PUNCT"]
        if len(out) < 2:
            continue
        head = next((t for t in out if t.upos not in _NOT_HEADS), out[0])
        same = [t for t in out if t.head == head.head]
        deprel = min((t.deprel for t in same),
                     key=lambda r: CORE_FIRST.index(r) if r in CORE_FIRST else len(CORE_FIRST))
        trial = {t.id: t for t in toks}
        trial[head.id] = replace(head, deprel=deprel)
        for t in out:
            if t is head:
                continue
            before = [u for u in inside if u.id < t.id and u.upos not in _NOT_HEADS]
            to = before[-1] if before else head
            rel = "flat:name" if etype == "PER" else "flat"
            trial[t.id] = replace(t, head=to.id, deprel=rel)
        if _acyclic(trial):
            toks = [trial[t.id] for t in toks]
            changed = True
    return replace(sentence, tokens=tuple(toks)) if changed else sentence


_SUBJECTS = frozenset({"NOUN", "PROPN", "PRON"})


def _can_be(t: Token, case: str, text: str, language: str) -> bool:
    """Whether the dictionary reads the word of ``t`` in ``case`` ("nomn", "accs")."""
    return any(case in str(r.tag) for r in readings(text[t.start:t.end].lower(), language))


def _agrees(verb: Token, noun: Token) -> bool:
    """Whether ``noun`` can be the subject of ``verb`` by number, the gender of a
    singular past form, and the person of a pronoun."""
    v, n = verb.feature, noun.feature
    if v("Number") and n("Number") and v("Number") != n("Number"):
        return False
    if v("Number") == "Sing" and v("Gender") and n("Gender") and v("Gender") != n("Gender"):
        return False
    return not (noun.upos == "PRON" and v("Person") and (n("Person") or "3") != v("Person"))


def one_subject(sentence: Sentence, text: str, language: str) -> Sentence:
    """The sentence with one subject per verb.

    A parser that gives a verb two nominative subjects has misread an accusative
    that looks the same ("суд відновив арешт акцій", "кролів викрали мешканці":
    in Ukrainian and Russian an inanimate noun's accusative is its nominative, an
    animate one's its genitive). The subject is the first that agrees with the
    verb and can be nominative; every other one that can be accusative is the
    verb's object. A reflexive or intransitive verb takes no object, so it is
    left as parsed, and so is a verb that has its object already or a subject across a
    comma or conjunction (the subject of another clause)."""
    toks = list(sentence.tokens)
    if not toks or toks[0].head is None:
        return sentence
    subjects: dict[int, list[Token]] = {}
    for t in toks:
        if t.deprel == "nsubj" and t.upos in _SUBJECTS and t.head:
            subjects.setdefault(t.head, []).append(t)
    reflexive = lang.of(language).inflection.REFLEXIVE_ENDINGS
    changed = {}
    for head, found in subjects.items():
        verb = toks[head - 1] if 0 < head <= len(toks) and toks[head - 1].id == head else None
        if len(found) < 2 or verb is None or verb.upos not in ("VERB", "AUX") \
                or (reflexive and (verb.lemma.endswith(reflexive) or text[verb.start:verb.end].endswith(reflexive))):
            continue
        if any(t.head == head and t.deprel == "obj" for t in toks):
            continue  # "Китай поздравил Байдена … Власти": the verb has its object
        tags = [str(r.tag) for r in readings(text[verb.start:verb.end].lower(), language)]
        if tags and all("intr" in g for g in tags):
            continue  # the dictionary knows the verb takes no object ("попал")
        # "…приговорили …, однако … суд оправдал", "«Нафтогаз»: суд поновив арешт": a word
        # across a comma, colon or conjunction is another clause's subject, or a heading's
        near = [t for t in found if not any(u.deprel in ("punct", "cc") for u in toks[min(t.id, head):max(t.id, head) - 1])]
        # the one the parser's own tagger read as nominative first ("Это[Acc] подтверждает
        # статистика[Nom]"), then the first
        subject = next((t for t in sorted(near, key=lambda t: t.feature("Case") != "Nom")
                        if _agrees(verb, t) and _can_be(t, "nomn", text, language)), None)
        if subject is None or len(near) < 2:
            continue
        for t in found:
            if t not in near and t.id < head and any(
                    text[u.start:u.end] == ":" for u in toks[t.id:head - 1]):
                # "«Нафтогаз»: суд поновив арешт": the heading's source, not a subject
                changed[t.id] = replace(t, deprel="dislocated")
        for t in near:
            if t is not subject and _can_be(t, "accs", text, language):
                feats = t.feats.replace("Case=Nom", "Case=Acc") if "Case=Nom" in t.feats else t.feats
                changed[t.id] = replace(t, deprel="obj", feats=feats)
    if not changed:
        return sentence
    return replace(sentence, tokens=tuple(changed.get(t.id, t) for t in toks))


def titled_names(sentence: Sentence, names: Sequence[tuple[int, int, str]], text: str,
                 language: str | None) -> Sentence:
    """The sentence with each person's name hung on the title it follows.

    "зустріч президента США Джо Байдена": a parser that reads "Джо" as a nominative
    makes the name a subject of the verb; a name right after a title of office and its
    complements ("президента США") is that title's holder, in the relation the
    language's treebank gives it, when a word of the name shares the title's case. Not
    when the name already hangs inside the title's phrase or when the move would make a
    cycle."""
    toks = list(sentence.tokens)
    if not toks or toks[0].head is None or not names:
        return sentence
    titles = lang.of(language).titles
    words = _title_words(language)
    if not words:
        return sentence
    by_id = {t.id: t for t in toks}
    tree = DependencyTree(sentence)

    def is_title(t: Token) -> bool:
        return t.lemma in words or text[t.start:t.end].lower() in words

    def under(t: Token, top: Token) -> bool:
        return any(x.id == t.id for x in tree.walk(top))

    changed = False
    for start, end, etype in names:
        if etype != "PER" or end <= sentence.start or start >= sentence.end:
            continue
        inside = [t for t in toks if start <= t.start and t.end <= end]
        ids = {t.id for t in inside}
        out = [t for t in inside if t.head not in ids]
        if len(out) != 1 or out[0].id < 2:
            continue
        head = out[0]
        if rel(head) in ("appos", "flat"):
            continue  # the parser gave the name its holder ("кандидата … на пост президента США Джозефа Байдена")
        before = by_id[inside[0].id - 1] if inside[0].id - 1 in by_id else None
        if before is None or before.upos == "PUNCT":
            continue
        # the title the word before the name belongs to: itself, or the noun it complements
        title = before
        for _ in range(3):
            if is_title(title):
                break
            title = tree.head(title)
            if title is None or title.id > before.id:
                break
        if title is None or title.upos != "NOUN" or not is_title(title):
            continue
        if under(head, title) or under(title, head):
            continue
        if not any(t.feature("Case") == title.feature("Case") is not None for t in inside):
            continue  # "після зустрічі з президентом Путін заявив": the subject, not the holder
        if any(t.head == title.id and t.deprel == "case" for t in toks) or (
                title.feature("Number") and head.feature("Number") and title.feature("Number") != head.feature("Number")):
            continue  # "кандидат в президенты США Джо Байден": the title of a candidacy holds no one
        trial = dict(by_id)
        trial[head.id] = replace(head, head=title.id, deprel=titles.NAME_RELATION)
        if _acyclic(trial):
            by_id = trial
            changed = True
            tree = DependencyTree(replace(sentence, tokens=tuple(by_id[t.id] for t in toks)))
    return tree.sent if changed else sentence


@cache
def _title_words(language: str | None) -> frozenset[str]:
    """Titles of office and their last words ("державний секретар", "секретар")."""
    return frozenset(w for t in lang.of(language).titles.TITLES for w in (t, t.split()[-1]))


def _glued(words: list[Token], k: int) -> bool:
    """Whether the mark at ``k`` joins the words either side of it with no space, as the
    hyphen of "Жана-Клода" does (a list's dash stands apart)."""
    return 0 < k < len(words) - 1 and words[k - 1].end == words[k].start and words[k].end == words[k + 1].start


def _acyclic(tokens: dict[int, Token]) -> bool:
    for t in tokens.values():
        seen, k = set(), t.id
        while k:
            if k in seen or k not in tokens:
                return False
            seen.add(k)
            k = tokens[k].head or 0
    return True
