"""A bare title no one in the document is known to hold resolves like a pronoun."""
from __future__ import annotations

from _docs import analysed


def refs(pipeline, text):
    doc = analysed(pipeline, text)
    return {e.name: [m.text for m in e.references if m.kind == "role"] for e in doc.entities}, doc


def test_title_in_the_next_sentence_is_the_person(pipeline):
    found, doc = refs(pipeline, "Тереза Мэй выступила в парламенте. Британский премьер пригрозила всем несогласным.\n")
    assert found["Тереза Мэй"] == ["премьер"]
    assert [e.type for e in doc.events] == ["THREATEN"]


def test_title_two_sentences_later_is_nobody(pipeline):
    found, _ = refs(pipeline, "Тереза Мэй выступила в парламенте. Депутаты спорили два часа. "
                              "Потом было голосование. Премьер пригрозила всем несогласным.\n")
    assert found.get("Тереза Мэй") == []


def test_staff_in_a_list_of_groups_are_no_actor(pipeline):
    doc = analysed(pipeline, "Министерство здравоохранения утвердило план. Он включает группы (в частности, медики, "
        "военные, работники школ).\n")
    assert not [e for e in doc.entities if e.roles and not e.mentions]
