"""CoNLL 2018-style scoring of tokens, tags and trees on raw text (no parser needed)."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from newsgraph.evaluation import syntax
from newsgraph.model import Sentence, Token

# Columns are written apart by spaces here and joined by tabs below (no form has a space).
_ROWS = """\
# newdoc id = d1
# newpar id = p1
# sent_id = s1
# text = Мама мила раму.
1 Мама мама NOUN _ Animacy=Anim|Case=Nom 2 nsubj 2:nsubj _
2 мила мити VERB _ Aspect=Imp 0 root 0:root _
3 раму рама NOUN _ Case=Acc 2 obj 2:obj SpaceAfter=No
4 . . PUNCT _ _ 2 punct 2:punct _

# sent_id = s2
# text = Тут нічого робити.
1 Тут тут ADV _ _ 2 advmod 2:advmod _
2-3 нічого _ _ _ _ _ _ _ _
2 немає немати VERB _ _ 0 root 0:root _
3 чого що PRON _ Case=Gen 2 obj 2:obj _
4 робити робити VERB _ VerbForm=Inf 3 acl 3:acl SpaceAfter=No
5 . . PUNCT _ _ 2 punct 2:punct _

# newpar id = p2
# sent_id = s3
# text = Петро читає книжку, а Марія — газету.
1 Петро Петро PROPN _ _ 2 nsubj 2:nsubj _
2 читає читати VERB _ _ 0 root 0:root _
3 книжку книжка NOUN _ _ 2 obj 2:obj SpaceAfter=No
4 , , PUNCT _ _ 6 punct 6.1:punct _
5 а а CCONJ _ _ 6 cc 6.1:cc _
6 Марія Марія PROPN _ _ 2 conj 6.1:nsubj _
6.1 читає читати VERB _ _ _ _ 2:conj _
7 — — PUNCT _ _ 8 punct 8:punct _
8 газету газета NOUN _ _ 6 orphan 6.1:obj SpaceAfter=No
9 . . PUNCT _ _ 2 punct 2:punct _

# newdoc id = d2
# newpar
# sent_id = s4
# text = Так.
1 Так так PART _ _ 0 root 0:root SpaceAfter=No
2 . . PUNCT _ _ 1 punct 1:punct SpaceAfter=No

# sent_id = s5
# text = Ні.
1 Ні ні PART _ _ 0 root 0:root SpaceAfter=No
2 . . PUNCT _ _ 1 punct 1:punct _
"""
CONLLU = "\n".join(line if line.startswith("#") or not line else "\t".join(line.split())
                   for line in _ROWS.splitlines()) + "\n"

WORDS = 4 + 5 + 9 + 2 + 2  # syntactic words
PUNCT = 1 + 1 + 3 + 1 + 1
TOKENS = WORDS - 1  # "нічого" is one surface token over two words


@pytest.fixture
def docs():
    return syntax.build_documents(syntax.parse_conllu(CONLLU))


def perfect(docs) -> list[list[Sentence]]:
    """The gold as a parser that makes no mistake would give it."""
    out = []
    for doc in docs:
        sents = []
        for k in range(len(doc.sentences)):
            toks = tuple(Token(start, end, w.id, w.lemma, w.upos, w.feats, w.head, w.deprel)
                         for w, start, end in doc.word_spans(k))
            start, end = doc.sentence_span(k)
            sents.append(Sentence(start, end, toks))
        out.append(sents)
    return out


def edit(predicted, doc: int, sent: int, word: int, **changes) -> None:
    s = predicted[doc][sent]
    toks = list(s.tokens)
    toks[word] = replace(toks[word], **changes)
    predicted[doc][sent] = replace(s, tokens=tuple(toks))


# --- reader -------------------------------------------------------------------------------------


def test_reader_keeps_marks_multiword_tokens_and_empty_nodes():
    sents = syntax.parse_conllu(CONLLU)
    assert [s.sent_id for s in sents] == ["s1", "s2", "s3", "s4", "s5"]
    assert [s.newdoc for s in sents] == ["d1", None, None, "d2", None]
    assert [s.newpar for s in sents] == ["p1", None, "p2", "", None]
    assert sents[0].text == "Мама мила раму."

    mwt = sents[1].tokens[1]
    assert mwt.multiword and mwt.form == "нічого"
    assert [w.form for w in mwt.words] == ["немає", "чого"]
    assert [w.id for w in sents[1].words] == [1, 2, 3, 4, 5]

    third = sents[2]
    assert len(third.words) == 9  # the empty node is not a word
    assert [(e.id, e.form) for e in third.empty_nodes] == [("6.1", "читає")]
    assert third.words[5].head == 2 and third.words[5].deprel == "conj"

    assert not sents[0].tokens[2].space_after and sents[0].tokens[0].space_after
    assert sents[0].words[0].feats == "Animacy=Anim|Case=Nom"
    assert sents[0].words[3].feats == "" and sents[0].words[3].upos == "PUNCT"


def test_reader_names_a_bad_line():
    with pytest.raises(ValueError, match=":2:"):
        syntax.parse_conllu("# sent_id = x\n1\tоднa\tколонка\n")


# --- text builder ---------------------------------------------------------------------------------


def test_text_is_rebuilt_with_spaces_paragraphs_and_documents(docs):
    assert [d.id for d in docs] == ["d1", "d2"]
    assert docs[0].text == "Мама мила раму. Тут нічого робити.\nПетро читає книжку, а Марія — газету."
    assert docs[1].text == "Так.Ні."  # SpaceAfter=No at the end of a sentence joins it to the next


def test_offsets_point_at_the_forms(docs):
    for doc in docs:
        for k, sent in enumerate(doc.sentences):
            for tok, (start, end) in zip(sent.tokens, doc.token_spans[k]):
                assert doc.text[start:end] == tok.form
            start, end = doc.sentence_span(k)
            assert doc.text[start:end] == sent.text
    spans = {w.form: (s, e) for w, s, e in docs[0].word_spans(1)}
    assert spans["немає"] == spans["чого"]  # a multiword token's words share its span
    assert docs[0].text[slice(*spans["чого"])] == "нічого"


def test_without_newdoc_every_n_sentences_make_a_document():
    plain = "\n".join(line for line in CONLLU.splitlines() if not line.startswith("# newdoc"))
    docs = syntax.build_documents(syntax.parse_conllu(plain), "f", per_document=2)
    assert [len(d.sentences) for d in docs] == [2, 2, 1]
    assert [d.id for d in docs] == ["f#1", "f#2", "f#3"]
    assert docs[1].text == "Петро читає книжку, а Марія — газету.\nТак."


# --- scorer -------------------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere(docs):
    scores = syntax.score(docs, perfect(docs))
    for name in syntax.METRICS:
        assert scores.metrics[name].f1 == 1.0, name
    assert (scores.documents, scores.sentences, scores.words) == (2, 5, WORDS)
    assert scores.metrics["Tokens"].gold == TOKENS
    assert scores.metrics["LAS (non-punct)"].gold == WORDS - PUNCT
    assert scores.headline == 1.0


def test_one_wrong_head(docs):
    predicted = perfect(docs)
    edit(predicted, 0, 0, 0, head=3)  # "Мама" attached to "раму" instead of "мила"
    scores = syntax.score(docs, predicted)
    assert scores.metrics["UAS"].f1 == pytest.approx((WORDS - 1) / WORDS)
    assert scores.metrics["LAS"].f1 == pytest.approx((WORDS - 1) / WORDS)
    assert scores.metrics["UPOS"].f1 == 1.0
    content = WORDS - PUNCT
    assert scores.metrics["LAS (non-punct)"].f1 == pytest.approx((content - 1) / content)
    assert scores.metrics["UAS (non-punct)"].f1 == pytest.approx((content - 1) / content)


def test_wrong_relation_costs_las_only_and_subtypes_are_ignored(docs):
    predicted = perfect(docs)
    edit(predicted, 0, 0, 0, deprel="obj")   # nsubj -> obj: wrong
    edit(predicted, 0, 0, 2, deprel="obj:x")  # obj -> obj:x: the universal part is right
    scores = syntax.score(docs, predicted)
    assert scores.metrics["UAS"].f1 == 1.0
    assert scores.metrics["LAS"].correct == WORDS - 1


def test_punctuation_is_left_out_of_the_headline(docs):
    predicted = perfect(docs)
    edit(predicted, 0, 2, 3, head=2)  # the comma attached to "читає" instead of "Марія"
    scores = syntax.score(docs, predicted)
    assert scores.metrics["LAS"].f1 == pytest.approx((WORDS - 1) / WORDS)
    assert scores.metrics["LAS (non-punct)"].f1 == 1.0
    assert scores.headline == 1.0


def test_tokenisation_mismatch_lowers_token_f1_and_the_word_is_not_right(docs):
    predicted = perfect(docs)
    first = predicted[0][0]
    мама, мила, раму, dot = first.tokens
    merged = replace(раму, end=dot.end)  # "раму." as one token
    predicted[0][0] = replace(first, tokens=(мама, мила, merged))
    scores = syntax.score(docs, predicted)
    tokens = scores.metrics["Tokens"]
    assert (tokens.gold, tokens.system, tokens.correct) == (TOKENS, TOKENS - 1, TOKENS - 2)
    assert tokens.f1 == pytest.approx(2 * (TOKENS - 2) / (2 * TOKENS - 1))
    las = scores.metrics["LAS"]
    assert (las.gold, las.system, las.correct) == (WORDS, WORDS - 1, WORDS - 2)
    assert las.f1 == pytest.approx(2 * (WORDS - 2) / (2 * WORDS - 1))
    assert scores.metrics["Sentences"].f1 == 1.0


def test_a_misaligned_head_is_wrong_even_with_the_right_id(docs):
    predicted = perfect(docs)
    first = predicted[0][0]
    # "мила" split in two: "Мама"'s head id 2 now points at a token aligned to nothing
    мама, мила, раму, dot = first.tokens
    halves = (replace(мила, end=мила.start + 2), replace(мила, start=мила.start + 2, id=3, head=2))
    renumbered = (replace(раму, id=4, head=2), replace(dot, id=5, head=2))
    predicted[0][0] = replace(first, tokens=(мама, *halves, *renumbered))
    scores = syntax.score(docs, predicted)
    uas = scores.metrics["UAS"]
    # aligned: Мама, раму, "." (3 of 4 in the sentence), none of them headed by an aligned "мила"
    assert uas.correct == WORDS - 4
    assert uas.system == WORDS + 1


def test_an_unsplit_multiword_token_aligns_no_word(docs):
    predicted = perfect(docs)
    s = predicted[0][1]
    тут, немає, чого, робити, dot = s.tokens
    whole = replace(немає, head=0)
    toks = (тут, whole, replace(робити, id=3, head=2), replace(dot, id=4, head=2))
    predicted[0][1] = replace(s, tokens=toks)
    scores = syntax.score(docs, predicted)
    assert scores.metrics["Tokens"].f1 == 1.0
    words = scores.metrics["Words"]
    assert (words.gold, words.system, words.correct) == (WORDS, WORDS - 1, WORDS - 2)


def test_a_document_without_tokens_scores_zero_for_its_words(docs):
    predicted = perfect(docs)
    predicted[1] = [Sentence(s.start, s.end) for s in predicted[1]]  # sentences, no tokens
    scores = syntax.score(docs, predicted)
    assert scores.empty_documents == 1
    las = scores.metrics["LAS"]
    assert (las.gold, las.system, las.correct) == (WORDS, WORDS - 4, WORDS - 4)
    assert scores.metrics["Sentences"].f1 == 1.0
    assert syntax.score(docs, [[], []]).headline == 0.0


def test_sentence_boundaries_are_scored_by_span(docs):
    predicted = perfect(docs)
    one, two, three = predicted[0]
    predicted[0] = [Sentence(one.start, two.end, one.tokens + two.tokens), three]
    scores = syntax.score(docs, predicted)
    sents = scores.metrics["Sentences"]
    assert (sents.gold, sents.system, sents.correct) == (5, 4, 3)


def test_relations_breakdown(docs):
    predicted = perfect(docs)
    edit(predicted, 0, 0, 0, head=3)
    rel = syntax.score(docs, predicted).relations
    assert (rel["nsubj"].gold, rel["nsubj"].correct) == (2, 1)
    assert rel["punct"].f1 == 1.0


def test_prediction_count_must_match(docs):
    with pytest.raises(ValueError):
        syntax.score(docs, [[]])


# --- command line and language forcing ------------------------------------------------------------


def test_cli_prints_the_figures(tmp_path, monkeypatch):
    from newsgraph.cli import main

    path = tmp_path / "tiny.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    seen = {}

    def fake_predict(gold, language=None, path=None):
        seen["language"] = language
        return perfect(gold), [syntax.DocumentRun(d.id, "uk", language or "uk") for d in gold]

    monkeypatch.setattr(syntax, "predict", fake_predict)
    runner = CliRunner()
    result = runner.invoke(main, ["eval", "syntax", str(path), "--json", "--by-relation", "--language", "ru"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["headline"] == {"metric": "LAS (non-punct)", "f1": 1.0}
    assert data["words"] == WORDS and data["documents"] == 2
    assert data["languages"] == {"uk → ru": 2}
    assert "nsubj" in data["relations"]
    assert seen["language"] == "ru"

    result = runner.invoke(main, ["eval", "syntax", str(path)])
    assert result.exit_code == 0, result.output
    assert "LAS (non-punct)" in result.output and f"{WORDS} words" in result.output


def test_forced_language_relabels_every_segment():
    from newsgraph.model import RawDocument, Source

    pipeline = syntax._ForcedLanguage(language="ru", analyze=False)
    doc = pipeline.clean(RawDocument(Source(record="d1"), "Мама мила раму. Тут нічого робити."))
    assert doc.language == "ru" and all(s.language == "ru" for s in doc.segments)
    assert "d1" in pipeline.detected
