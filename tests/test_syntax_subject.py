"""One subject per verb: a second nominative the parser gave a verb is its accusative object."""
from __future__ import annotations

from newsgraph.analysis.syntax import one_subject
from newsgraph.model import Sentence, Token


def _sentence(rows):
    """Tokens from (word, upos, feats, head, deprel), one space apart; the text they come from."""
    toks, pos = [], 0
    for k, (word, upos, feats, head, deprel) in enumerate(rows, 1):
        toks.append(Token(pos, pos + len(word), k, word.lower(), upos, feats, head, deprel))
        pos += len(word) + 1
    return Sentence(0, pos - 1, tuple(toks)), " ".join(r[0] for r in rows)


MASC = "Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing"
PAST = "Aspect=Perf|Gender=Masc|Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin"


def test_the_second_subject_of_a_transitive_verb_is_its_object():
    # "Суд відновив арешт": "арешт" reads as nominative or accusative alike
    sent, text = _sentence([("Суд", "NOUN", MASC, 2, "nsubj"), ("відновив", "VERB", PAST, 0, "root"),
                            ("арешт", "NOUN", MASC, 2, "nsubj")])
    fixed = one_subject(sent, text, "uk")
    assert [(t.head, t.deprel) for t in fixed.tokens] == [(2, "nsubj"), (0, "root"), (2, "obj")]
    assert fixed.tokens[2].feature("Case") == "Acc"


def test_the_subject_is_the_one_that_agrees_and_can_be_nominative():
    # "Кролів викрали мешканці": the animate plural "кролів" has no nominative reading
    plural = "Aspect=Perf|Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin"
    sent, text = _sentence([("Кролів", "NOUN", "Animacy=Anim|Case=Nom|Number=Plur", 2, "nsubj"),
                            ("викрали", "VERB", plural, 0, "root"),
                            ("мешканці", "NOUN", "Animacy=Anim|Case=Nom|Number=Plur", 2, "nsubj")])
    fixed = one_subject(sent, text, "uk")
    assert [t.deprel for t in fixed.tokens] == ["obj", "root", "nsubj"]


def test_a_reflexive_verb_or_a_single_subject_is_left_as_parsed():
    neut = "Aspect=Perf|Gender=Fem|Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin"
    sent, text = _sentence([("Зала", "NOUN", "Case=Nom|Gender=Fem|Number=Sing", 2, "nsubj"),
                            ("відкрилася", "VERB", neut, 0, "root"),
                            ("маркет", "NOUN", MASC, 2, "nsubj")])
    assert one_subject(sent, text, "uk") is sent
    sent, text = _sentence([("Суд", "NOUN", MASC, 2, "nsubj"), ("відновив", "VERB", PAST, 0, "root"),
                            ("арешт", "NOUN", MASC, 2, "obj")])
    assert one_subject(sent, text, "uk") is sent


def test_a_heading_s_source_before_a_colon_is_no_second_subject():
    # "Нафтогаз : Суд відновив арешт": the source heads the line, the court acts
    sent, text = _sentence([("Нафтогаз", "PROPN", MASC, 4, "nsubj"), (":", "PUNCT", "", 4, "punct"),
                            ("Суд", "NOUN", MASC, 4, "nsubj"), ("відновив", "VERB", PAST, 0, "root"),
                            ("арешт", "NOUN", MASC, 4, "nsubj")])
    fixed = one_subject(sent, text, "uk")
    assert [t.deprel for t in fixed.tokens] == ["dislocated", "punct", "nsubj", "root", "obj"]

