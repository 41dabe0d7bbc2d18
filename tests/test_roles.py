"""Roles: person — title (base form) — organisation, from appositions and genitive chains."""
from __future__ import annotations

from newsgraph.extract import roles
from newsgraph.model import Role

from _docs import eid, make_doc


def role_of(doc, name):
    return next(e.roles for e in doc.entities if e.name == name)


def test_uk_apposition_before_the_name_in_instrumental():
    text = "Зустріч із федеральним канцлером ФРН Олафом Шольцом відбулася у Берліні."
    doc = make_doc(text, "uk", [("ФРН", "LOC", "ФРН"), ("Олафом Шольцом", "PER", "Олаф Шольц"),
                                ("Берліні", "LOC", "Берлін")])
    out = roles(doc)
    assert role_of(out, "Олаф Шольц") == (Role("федеральний канцлер", eid(doc, "ФРН")),)
    role = [m for e in out.entities for m in e.references if m.kind == "role"]
    assert [text[m.start:m.end] for m in role] == ["федеральним канцлером ФРН"]
    assert role_of(doc, "Олаф Шольц") == ()  # input untouched


def test_uk_secretary_general_and_title_with_genitive_complement():
    text = ("Генеральний секретар НАТО Марк Рютте провів переговори з міністром закордонних справ "
            "України Андрієм Сибігою.")
    doc = make_doc(text, "uk", [("НАТО", "ORG", "НАТО"), ("Марк Рютте", "PER", "Марк Рютте"),
                                ("України", "LOC", "Україна"), ("Андрієм Сибігою", "PER", "Андрій Сибіга")])
    out = roles(doc)
    assert role_of(out, "Марк Рютте") == (Role("генеральний секретар", eid(doc, "НАТО")),)
    assert role_of(out, "Андрій Сибіга") == (Role("міністр закордонних справ", eid(doc, "Україна")),)


def test_uk_ambassador_in_country_and_spokesperson_without_org():
    text = "Посол України в Польщі Василь Зварич зустрівся з речницею Анною Коваль."
    doc = make_doc(text, "uk", [("України", "LOC", "Україна"), ("Польщі", "LOC", "Польща"),
                                ("Василь Зварич", "PER", "Василь Зварич"), ("Анною Коваль", "PER", "Анна Коваль")])
    out = roles(doc)
    assert role_of(out, "Василь Зварич") == (Role("посол", eid(doc, "Україна")),)
    assert role_of(out, "Анна Коваль") == (Role("речниця", None),)


def test_ru_minister_and_head_of_ministry():
    text = ("Министр иностранных дел России Сергей Лавров встретился с президентом США Джо Байденом. "
            "Позже глава МИД России ответил на вопросы.")
    doc = make_doc(text, "ru", [("России", "LOC", "Россия"), ("Сергей Лавров", "PER", "Сергей Лавров"),
                                ("США", "LOC", "США"), ("Джо Байденом", "PER", "Джо Байден"),
                                ("МИД", "ORG", "МИД")])
    out = roles(doc)
    assert role_of(out, "Сергей Лавров") == (Role("министр иностранных дел", eid(doc, "Россия")),)
    assert role_of(out, "Джо Байден") == (Role("президент", eid(doc, "США")),)


def test_apposition_after_the_name():
    text = "Про це повідомив Дмитро Лубінець, уповноважений Верховної Ради з прав людини."
    doc = make_doc(text, "uk", [("Дмитро Лубінець", "PER", "Дмитро Лубінець"),
                                ("Верховної Ради", "ORG", "Верховна Рада")])
    out = roles(doc)
    assert role_of(out, "Дмитро Лубінець") == (Role("уповноважений", eid(doc, "Верховна Рада")),)
