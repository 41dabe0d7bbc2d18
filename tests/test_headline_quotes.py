"""A colon headline is what the person or organisation before the colon said."""
from __future__ import annotations

import pytest

from _docs import analysed


def quotes_of(pipeline, text: str):
    doc = analysed(pipeline, text)
    names = {e.id: e.name for e in doc.entities}
    title = next(s for s in doc.segments if s.kind == "title")
    return [(names.get(q.speaker), doc.text[q.content.start:q.content.end], doc.text[q.cue.start:q.cue.end])
            for q in doc.quotes if title.start <= q.content.start < title.end]


def test_person_before_the_colon_speaks(pipeline):
    found = quotes_of(pipeline, "Тереза Мей: Brexit відбудеться вчасно, угоду буде підписано\n"
                                "Прем'єр-міністр Великої Британії Тереза Мей виступила в парламенті.\n")
    assert found == [("Тереза Мей", "Brexit відбудеться вчасно, угоду буде підписано", ":")]


def test_a_place_before_the_colon_is_the_setting(pipeline):
    assert quotes_of(pipeline, "Пакистан: родина християнки просить Захід про притулок\n"
                               "Родина пакистанської християнки Асії Бібі попросила притулку.\n") == []


@pytest.mark.parametrize("text,speaker,content", [
    ("Глава МИД Германии Хайко Маас считает санкции против проекта неверным путём.\n",
     "Хайко Маас", "санкции против проекта неверным путём"),
    ("Представитель Ryanair Майкл О'Лири назвал забастовку «несправедливой».\n",
     "Майкл О'Лири", "забастовку «несправедливой»"),
])
def test_an_opinion_of_an_object_is_a_quote(pipeline, text, speaker, content):
    doc = analysed(pipeline, text)
    names = {e.id: e.name for e in doc.entities}
    found = [(names.get(q.speaker), doc.text[q.content.start:q.content.end]) for q in doc.quotes]
    assert (speaker, content) in found, found
