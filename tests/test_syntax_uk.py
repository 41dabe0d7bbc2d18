"""Ukrainian tokens, morphology and trees (the shipped spaCy model via newsgraph.lang.uk.parser),
and the syntax layer as `analyze --json --tokens` prints it."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsgraph.analysis import syntax
from newsgraph.lang.uk import parser as syntax_uk
from newsgraph.analysis.sentences import sentences
from newsgraph.cli import main


def _parse(text: str):
    return syntax_uk.parse_many([text], [sentences(text, "uk")])[0]


def _is_tree(sentence) -> bool:
    ids = [t.id for t in sentence.tokens]
    if ids != list(range(1, len(ids) + 1)):
        return False
    if [t.head for t in sentence.tokens].count(0) != 1:
        return False
    for t in sentence.tokens:  # every token reaches the root without a cycle
        seen, cur = set(), t
        while cur.head:
            if cur.id in seen or not 1 <= cur.head <= len(ids):
                return False
            seen.add(cur.id)
            cur = sentence.tokens[cur.head - 1]
    return True


def test_subject_object_and_lemmas_of_a_plain_sentence():
    text = "Президент підписав указ про мобілізацію."
    (s,) = _parse(text)
    words = {text[t.start:t.end]: t for t in s.tokens}
    verb = words["підписав"]
    assert verb.head == 0 and verb.deprel == "root" and verb.upos == "VERB"
    assert words["Президент"].head == verb.id and words["Президент"].deprel == "nsubj"
    assert words["указ"].head == verb.id and words["указ"].deprel == "obj"
    assert verb.lemma == "підписати" and words["мобілізацію"].lemma == "мобілізація"
    assert words["Президент"].feature("Case") == "Nom" and words["указ"].feature("Case") == "Acc"


def test_names_keep_their_capital_in_the_lemma_and_attach_as_flat():
    text = "Марк Рютте зустрівся з Олафом Шольцом у Берліні."
    (s,) = _parse(text)
    words = {text[t.start:t.end]: t for t in s.tokens}
    assert words["Олафом"].lemma == "Олаф" and words["Берліні"].lemma == "Берлін"
    assert words["Рютте"].head == words["Марк"].id and words["Рютте"].deprel.startswith("flat")
    assert words["Марк"].head == words["зустрівся"].id


def test_offsets_index_the_text_and_each_sentence_is_one_tree():
    text = "Перше речення тут.  Друге речення, довше, з комою!\nТретій рядок без крапки"
    spans = sentences(text, "uk")
    parsed = syntax_uk.parse_many([text], [spans])[0]
    assert [(s.start, s.end) for s in parsed] == spans
    for s in parsed:
        assert s.tokens and _is_tree(s)
        for t in s.tokens:
            assert s.start <= t.start < t.end <= s.end
            assert not text[t.start:t.end].isspace() and text[t.start:t.end] == text[t.start:t.end].strip()


def test_a_sentence_longer_than_a_piece_is_still_one_tree():
    text = ", ".join(["Уряд ухвалив рішення про допомогу громадам"] * 120) + "."
    assert len(text) > syntax_uk.MAX_CHARS
    (s,) = syntax_uk.parse_many([text], [[(0, len(text))]])[0]
    assert _is_tree(s) and len(s.tokens) > 700
    assert s.tokens[-1].end == len(text)


def test_several_texts_and_an_empty_span():
    texts = ["Київ вистояв.", "   "]
    out = syntax_uk.parse_many(texts, [[(0, len(texts[0]))], [(0, 3)]])
    assert [t.lemma for t in out[0][0].tokens][:1] == ["Київ"]
    assert out[1][0].tokens == ()


def test_stage_falls_back_to_tokens_without_heads_for_a_language_without_parser():
    text = "Olaf Scholz met Mark Rutte in Berlin."
    done, warning = syntax.parse("en", [text], [[(0, len(text))]])
    assert warning is None
    toks = done[0][0].tokens
    assert [text[t.start:t.end] for t in toks][:2] == ["Olaf", "Scholz"]
    assert all(t.head is None for t in toks)


def test_analyze_json_tokens_prints_conllu_style_tokens(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Уряд України ухвалив нове рішення.\n\nЗеленський підписав закон.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", "--json", "--tokens", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output.splitlines()[0])
    sents = doc["sentences"]
    assert len(sents) == 2
    for s in sents:
        toks = s["tokens"]
        assert set(toks[0]) == {"start", "end", "id", "lemma", "upos", "feats", "head", "deprel"}
        assert [t["id"] for t in toks] == list(range(1, len(toks) + 1))
        assert sum(t["head"] == 0 for t in toks) == 1
        assert all(doc["text"][t["start"]:t["end"]].strip() for t in toks)
    root = next(t for t in sents[1]["tokens"] if t["head"] == 0)
    assert doc["text"][root["start"]:root["end"]] == "підписав"
    plain = json.loads(CliRunner().invoke(main, ["analyze", "--json", str(path)]).output.splitlines()[0])
    assert "tokens" not in plain["sentences"][0]



def _parse_with_names(text: str, *names: str):
    spans = [(text.index(n), text.index(n) + len(n), "PER") for n in names]
    (s,) = syntax_uk.parse_many([text], [sentences(text, "uk")], [spans])[0]
    return {text[t.start:t.end]: t for t in s.tokens}


def test_a_recognised_persons_name_is_read_as_a_name_not_as_the_word_it_spells():
    # "Ашіг" the dictionary does not know (the tagger made it an adjective), "Терези" it
    # knows as the plural of "терези" (scales): given as names, both are names, and
    # "із закликом" then hangs from the verb, not from the name
    words = _parse_with_names("У зверненні, записаному волонтерами, Ашіг Масіх попросив прем'єра Канади "
                              "про допомогу.", "Ашіг Масіх")
    assert words["Ашіг"].upos == "PROPN" and words["Ашіг"].head == words["попросив"].id
    words = _parse_with_names("Вчора Імран Хан звернувся до прем'єр-міністерки Терези Мей із закликом.",
                              "Імран Хан", "Терези Мей")
    assert words["Терези"].upos == "PROPN"
    assert words["закликом"].head == words["звернувся"].id
    # without names the same words read as before
    text = "Вчора Імран Хан звернувся до прем'єр-міністерки Терези Мей із закликом."
    (s,) = syntax_uk.parse_many([text], [sentences(text, "uk")])[0]
    assert next(t for t in s.tokens if text[t.start:t.end] == "Терези").upos == "NOUN"
