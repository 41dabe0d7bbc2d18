"""Repairs of parses the events read: a subject the parser hung elsewhere is found by
agreement. The trees are written out as the parser misread real sentences."""
from __future__ import annotations

import importlib

from newsgraph.model import Sentence, Token

events = importlib.import_module("newsgraph.extract.events")


def sentence(rows) -> Sentence:
    """A sentence from (word, lemma, upos, head, deprel, feats) rows, one space apart."""
    toks, pos = [], 0
    for k, (word, lemma, upos, head, deprel, feats) in enumerate(rows, 1):
        toks.append(Token(pos, pos + len(word), k, lemma, upos, feats, head, deprel))
        pos += len(word) + 1
    return Sentence(0, pos - 1, tuple(toks))


NOM_PL = "Animacy=Anim|Case=Nom|Number=Plur"
PAST_PL = "Aspect=Perf|Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin"

# "Сотрудники Ryanair начали забастовку , сообщает Independent": the subject hung on
# the reporting verb, which has a subject of its own
STRAY = sentence([
    ("Сотрудники", "сотрудник", "NOUN", 6, "nsubj", NOM_PL),
    ("Ryanair", "Ryanair", "PROPN", 1, "nmod", "Foreign=Yes"),
    ("начали", "начать", "VERB", 0, "root", PAST_PL),
    ("забастовку", "забастовка", "NOUN", 3, "obj", "Case=Acc|Number=Sing"),
    (",", ",", "PUNCT", 6, "punct", ""),
    ("сообщает", "сообщать", "VERB", 3, "parataxis", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
    ("Independent", "Independent", "PROPN", 6, "nsubj", "Foreign=Yes"),
])

# "Украина в Брюсселе будет настаивать": the verb parsed as a clause of its subject
ACL = sentence([
    ("Украина", "Украина", "PROPN", 0, "root", "Case=Nom|Number=Sing"),
    ("в", "в", "ADP", 3, "case", ""),
    ("Брюсселе", "Брюссель", "PROPN", 5, "obl", "Case=Loc|Number=Sing"),
    ("будет", "быть", "AUX", 5, "aux", "Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin"),
    ("настаивать", "настаивать", "VERB", 1, "acl", "Aspect=Imp|VerbForm=Inf"),
])


def stray(sent: Sentence, verb_id: int):
    tree = events.Tree.of(sent, [])
    found = events._stray_subject(tree, sent.tokens[verb_id - 1])
    return found.id if found is not None else None


def test_a_subject_hung_on_another_verb_is_found_by_agreement():
    assert stray(STRAY, 3) == 1


def test_a_verb_with_a_subject_of_its_own_keeps_it():
    assert stray(STRAY, 6) is None


def test_a_disagreeing_phrase_is_no_subject():
    singular = sentence([(*row[:5], "Case=Nom|Number=Sing") if k == 0 else row
                         for k, row in enumerate([
                             ("Сотрудник", "сотрудник", "NOUN", 6, "nsubj", ""),
                             ("Ryanair", "Ryanair", "PROPN", 1, "nmod", "Foreign=Yes"),
                             *[(t.lemma, t.lemma, t.upos, t.head, t.deprel, t.feats) for t in STRAY.tokens[2:]]])])
    assert stray(singular, 3) is None


def test_a_verb_made_a_clause_of_its_nominative_subject_gets_it_back():
    assert stray(ACL, 5) == 1


def test_a_participle_clause_is_left_as_parsed():
    participle = sentence([
        ("Украина", "Украина", "PROPN", 0, "root", "Case=Nom|Number=Sing"),
        ("настаивающая", "настаивать", "VERB", 1, "acl", "Case=Nom|Number=Sing|VerbForm=Part"),
    ])
    assert stray(participle, 2) is None


def test_a_nominative_object_after_its_verb_is_the_subject():
    # "У консультаціях візьмуть участь міністри": the subject parsed as an object
    sent = sentence([
        ("У", "у", "ADP", 2, "case", ""),
        ("консультаціях", "консультація", "NOUN", 3, "obl", "Case=Loc|Number=Plur"),
        ("візьмуть", "взяти", "VERB", 0, "root", "Mood=Ind|Number=Plur|Person=3|Tense=Fut|VerbForm=Fin"),
        ("участь", "участь", "NOUN", 3, "obj", "Case=Acc|Number=Sing"),
        ("міністри", "міністр", "NOUN", 3, "obj", "Animacy=Anim|Case=Nom|Number=Plur"),
    ])
    assert stray(sent, 3) == 5


def test_the_dictionary_overrules_the_taggers_accusative():
    # "оголосили пілоти" tagged accusative; the dictionary knows "пілоти" only as a nominative
    sent = sentence([
        ("оголосили", "оголосити", "VERB", 0, "root", PAST_PL),
        ("пілоти", "пілот", "NOUN", 1, "obj", "Animacy=Inan|Case=Acc|Number=Plur"),
    ])
    tree = events.Tree.of(sent, [])
    pilots = events.Tok(sent.tokens[1].start, sent.tokens[1].end, "пілоти", frozenset({"пілот"}),
                        frozenset({"nomn", "voct"}), "NOUN", False)
    assert events._stray_subject(tree, sent.tokens[0], toks=[pilots]).id == 2
    assert events._stray_subject(tree, sent.tokens[0]) is None
