"""Russian NER (slovnet via newsgraph.lang.ru.ner) and the factRuEval reader."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.lang.ru.ner import chunk, recognize, recognize_many, split_span, tokenize
from newsgraph.evaluation import factrueval
from newsgraph.model import Span

FACTRU = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "factrueval-dev"


def mentions(text: str) -> set[tuple[str, str]]:
    return {(text[s.start : s.end], s.type) for s in recognize(text)}


def test_minister_full_name_in_instrumental_and_city():
    text = "Министр иностранных дел встретился с Сергеем Викторовичем Ладыгиным в Казани."
    found = mentions(text)
    assert ("Сергеем Викторовичем Ладыгиным", "PER") in found
    assert ("Казани", "LOC") in found


def test_country_and_names_in_several_cases():
    text = (
        "Накануне глава ведомства Андрей Петрович Колесников побеседовал с "
        "Игорем Семёновичем Мальцевым, а затем вылетел во Францию."
    )
    found = mentions(text)
    assert ("Андрей Петрович Колесников", "PER") in found
    assert ("Игорем Семёновичем Мальцевым", "PER") in found
    assert ("Францию", "LOC") in found


def test_organisation_in_quotes_is_the_inner_name():
    text = "Акции компании «Газпром» подорожали, сообщило агентство «Интерфакс»."
    found = mentions(text)
    assert ("Газпром", "ORG") in found
    assert ("Интерфакс", "ORG") in found


def test_abbreviation_in_brackets_is_its_own_mention():
    text = "Представитель Всемирной организации здравоохранения (ВОЗ) выступил в Женеве."
    found = mentions(text)
    assert ("Всемирной организации здравоохранения", "ORG") in found
    assert ("ВОЗ", "ORG") in found
    assert ("Женеве", "LOC") in found


def test_offsets_point_into_the_text_across_paragraphs():
    text = "Заголовок без имён\n\nВ Новосибирске открылся филиал Сбербанка.\n"
    spans = recognize(text)
    assert [text[s.start : s.end] for s in spans] == ["Новосибирске", "Сбербанка"]
    assert [s.type for s in spans] == ["LOC", "ORG"]
    assert all(isinstance(s, Span) for s in spans)


def test_empty_and_batch():
    assert recognize("") == [] and recognize("  \n ") == []
    texts = ["Правительство Японии выразило обеспокоенность.", "", "Он уехал в Тверь."]
    out = recognize_many(texts)
    assert len(out) == 3 and out[1] == []
    assert ("Японии", "LOC") in {(texts[0][s.start : s.end], s.type) for s in out[0]}


def test_chunks_keep_initials_together():
    text = "В. В. Путин и А. Г. Лукашенко провели переговоры в Минске. " * 20
    tokens = tokenize(text)
    ranges = chunk(text, tokens)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(tokens) and len(ranges) > 1
    # no cut directly after an initial's dot
    for i, _ in ranges[1:]:
        assert len(tokens[i - 2][2]) > 1


def test_split_span_unbalanced_quote():
    text = "в Русской службе «Голоса Америки»"
    span = Span(2, len(text) - 1, "ORG")
    parts = split_span(text, span)
    assert [text[s.start : s.end] for s in parts] == ["Русской службе", "Голоса Америки"]


@pytest.fixture
def factru_dir() -> Path:
    if not factrueval.is_factrueval(FACTRU):
        pytest.skip("../shared/data/factrueval-dev is not beside the repository")
    return FACTRU


def test_factrueval_spans_match_objects_text(factru_dir):
    doc = factrueval.load_document(factru_dir, "book_100")
    assert doc.objects
    for obj in doc.objects:
        # the .objects comment lists its spans' tokens in line order, space-separated
        joined = " ".join(doc.text[s.start : s.end] for s in obj.spans)
        assert "".join(joined.split()) == "".join(obj.text.split())
    entities = doc.entities()
    texts = {(doc.text[e.start : e.end], e.type) for e in entities}
    assert ("Юрия Лужкова", "PER") in texts
    assert ("Тверской площади", "LOC") in texts
    assert ("мэрии Москвы", "ORG") in texts  # first to last span in text order
    assert ("Москвы", "LOC") in texts  # LocOrg -> LOC


def test_factrueval_token_convention(factru_dir):
    doc = factrueval.load_document(factru_dir, "book_100")
    gold = doc.naeval_entities()
    texts = [doc.text[e.start : e.end] for e in gold]
    assert "Солидарность" in texts  # org_name only, no "движения"
    assert "мэрии Москвы" not in texts
    scores = factrueval.evaluate([doc], lambda text: gold)
    for convention in ("tokens",):
        p, r, f, n = scores[convention].prf(["PER", "ORG", "LOC"])
        assert (p, r, f) == (1.0, 1.0, 1.0) and n > 0
    p, r, f, _ = scores["exact"].prf(["PER", "ORG", "LOC"])
    assert 0 < f < 1
