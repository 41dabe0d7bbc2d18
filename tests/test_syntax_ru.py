"""Russian tokens, morphology and trees (slovnet via newsgraph.lang.ru.parser)."""
from __future__ import annotations

import subprocess
import sys

from newsgraph.analysis import syntax
from newsgraph.lang.ru.parser import MAX_TOKENS, lemma, parse_many, repair
from newsgraph.model import Sentence

UD_RELATIONS = {
    "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf", "compound",
    "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat",
    "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj", "obl", "orphan",
    "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
}


def one(text: str) -> Sentence:
    return parse_many([text], [[(0, len(text))]])[0][0]


def by_form(text: str, sentence: Sentence) -> dict:
    return {text[t.start:t.end]: t for t in sentence.tokens}


def assert_tree(sentence: Sentence) -> None:
    tokens = sentence.tokens
    assert [t.id for t in tokens] == list(range(1, len(tokens) + 1))
    assert [t.id for t in tokens if t.head == 0] and len([t for t in tokens if t.head == 0]) == 1
    for t in tokens:
        assert 0 <= t.head <= len(tokens) and t.head != t.id
        assert t.deprel.split(":")[0] in UD_RELATIONS
        assert (t.deprel == "root") == (t.head == 0)
        seen, node = set(), t
        while node.head:  # every word reaches the root without a cycle
            assert node.id not in seen
            seen.add(node.id)
            node = tokens[node.head - 1]


def test_svo_sentence():
    text = "Президент подписал указ о мобилизации."
    sentence = one(text)
    assert_tree(sentence)
    words = by_form(text, sentence)
    verb = words["подписал"]
    assert verb.head == 0 and verb.deprel == "root" and verb.upos == "VERB"
    assert words["Президент"].head == verb.id and words["Президент"].deprel == "nsubj"
    assert words["указ"].head == verb.id and words["указ"].deprel == "obj"
    assert words["."].upos == "PUNCT" and words["."].deprel == "punct"


def test_offsets_map_back_to_the_text():
    text = "  Вчера в Москве   прошёл митинг, сообщает «Интерфакс».\nЕщё одна строка без точки"
    spans = [(0, text.index("\n")), (text.index("\n") + 1, len(text))]
    sentences = parse_many([text], [spans])[0]
    assert [(s.start, s.end) for s in sentences] == spans
    forms = [[text[t.start:t.end] for t in s.tokens] for s in sentences]
    assert forms[0] == ["Вчера", "в", "Москве", "прошёл", "митинг", ",", "сообщает", "«", "Интерфакс", "»", "."]
    assert forms[1] == ["Ещё", "одна", "строка", "без", "точки"]
    for s in sentences:
        assert_tree(s)
        assert all(s.start <= t.start < t.end <= s.end for t in s.tokens)


def test_lemmas_and_features():
    text = "Депутаты Государственной думы обсудили новые законы в Санкт-Петербурге."
    words = by_form(text, one(text))
    assert words["Депутаты"].lemma == "депутат"
    assert words["обсудили"].lemma == "обсудить"
    assert words["законы"].lemma == "закон"
    assert words["новые"].lemma == "новый" and words["новые"].upos == "ADJ"
    assert words["Санкт-Петербурге"].lemma == "Санкт-Петербург" and words["Санкт-Петербурге"].upos == "PROPN"
    assert words["."].lemma == "."
    for form in ("Депутаты", "думы", "законы", "Санкт-Петербурге"):
        assert words[form].feature("Case") is not None, form
    assert words["Депутаты"].feature("Case") == "Nom" and words["Депутаты"].feature("Number") == "Plur"
    assert words["законы"].feature("Case") == "Acc"
    assert words["в"].feats == ""
    for t in words.values():  # sorted by name, as CoNLL-U writes them
        names = [p.split("=")[0] for p in t.feats.split("|")] if t.feats else []
        assert names == sorted(names, key=str.lower)


def test_lemma_follows_the_tagger():
    text = "Президент подписал указ о мобилизации."
    words = by_form(text, one(text))
    assert words["подписал"].lemma == "подписать"
    assert words["указ"].lemma == "указ"
    assert words["мобилизации"].lemma == "мобилизация"
    # the reading of the tagged part of speech wins over pymorphy3's first one
    assert lemma("мыла", "VERB", "") == "мыть"
    assert lemma("мыла", "NOUN", "Case=Gen") == "мыло"
    assert lemma("2024", "NUM", "") == "2024"
    assert lemma("МИД", "PROPN", "") == "МИД"


def test_numbers_keep_their_text():
    text = "В 2024 году курс вырос на 3,5 процента."
    words = by_form(text, one(text))
    assert words["2024"].lemma == "2024"
    assert words["3,5"].lemma == "3,5"
    assert words["году"].lemma == "год"


def test_long_sentence_is_one_tree():
    clause = "министр встретился с послом в столице , "
    text = (clause * 50).strip() + " ."
    sentence = one(text)
    assert len(sentence.tokens) > 300 > MAX_TOKENS
    assert_tree(sentence)
    assert [text[t.start:t.end] for t in sentence.tokens] == text.split()


def test_many_texts_and_spans():
    texts = ["Иван пришёл домой. Он устал.", "", "Компания объявила о банкротстве.", "   \n  "]
    spans = [[(0, 18), (19, 28)], [], [(0, 32)], [(0, 6)]]
    out = parse_many(texts, spans)
    assert [[(s.start, s.end) for s in doc] for doc in out] == spans
    assert [len(s.tokens) for s in out[0]] == [4, 3]
    assert out[1] == []
    assert out[3] == [Sentence(0, 6, ())]
    first = by_form(texts[0], out[0][0])
    assert first["пришёл"].head == 0 and first["Иван"].deprel == "nsubj"
    assert by_form(texts[0], out[0][1])["Он"].lemma == "он"
    for doc in out:
        for s in doc:
            if s.tokens:
                assert_tree(s)


def test_empty_span_and_no_spans():
    text = "Текст."
    assert parse_many([text], [[(3, 3)]]) == [[Sentence(3, 3, ())]]
    assert parse_many([], []) == []


def test_repair_makes_one_tree():
    # two roots, a cycle (4 <-> 5), a head out of range, a self-loop
    heads, rels = repair([0, 1, 0, 5, 4, 9, 7], ["root", "obj", "root", "nmod", "amod", "punct", "dep"])
    assert heads.count(0) == 1 and heads[0] == 0
    assert heads[2] == 1 and rels[2] == "parataxis"
    assert rels.count("root") == 1 and rels[0] == "root"
    for k in range(1, 8):  # every word reaches the root
        seen, node = set(), k
        while heads[node - 1]:
            assert node not in seen
            seen.add(node)
            node = heads[node - 1]
    # no root at all: a cycle is broken at the word called root
    heads, rels = repair([2, 3, 1], ["nsubj", "root", "obj"])
    assert heads == [2, 0, 1] and rels == ["nsubj", "root", "obj"]


def test_through_the_syntax_stage():
    text = "Правительство утвердило новый бюджет. Депутаты против."
    spans = [(0, 37), (38, len(text))]
    sentences, warning = syntax.parse("ru", [text], [spans])
    assert warning is None
    assert [(s.start, s.end) for s in sentences[0]] == spans
    words = by_form(text, sentences[0][0])
    assert words["утвердило"].deprel == "root"
    assert words["Правительство"].deprel == "nsubj"
    assert words["бюджет"].lemma == "бюджет" and words["бюджет"].feature("Case") == "Acc"
    for s in sentences[0]:
        assert_tree(s)


def test_module_import_is_light():
    code = ("import sys; import newsgraph.lang.ru.parser; "
            "print(sorted(m for m in ('slovnet', 'navec', 'natasha') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
