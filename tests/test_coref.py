"""Within-document coreference: surnames, bare roles, subject pronouns."""
from __future__ import annotations

from newsgraph.extract import roles
from newsgraph.extract.coref import resolve
from newsgraph.model import Entity, Mention

from _docs import make_doc


def kinds(doc, name):
    e = next(e for e in doc.entities if e.name == name)
    return [(doc.text[m.start:m.end], m.kind) for m in e.all_mentions()]


def test_surname_entity_merged_and_untagged_surname_found():
    text = ("Прем'єр-міністерка Данії Метте Фредеріксен прибула до Києва.\n"
            "Фредеріксен зустрілася з військовими. Пізніше Фредеріксен поїхала до Одеси.")
    doc = make_doc(text, "uk", [("Данії", "LOC", "Данія"), ("Метте Фредеріксен", "PER", "Метте Фредеріксен"),
                                ("Києва", "LOC", "Київ"), ("Одеси", "LOC", "Одеса")])
    # the first surname is a separate (mis-typed) entity, the second not tagged at all
    doc.entities.append(Entity("Esur", "MISC", "Фредеріксен", mentions=(
        Mention(text.index("Фредеріксен зустр"), text.index(" зустр"), "Фредеріксен", "Фредеріксен"),)))
    out = resolve(doc)
    assert not any(e.id == "Esur" for e in out.entities)
    got = kinds(out, "Метте Фредеріксен")
    assert got.count(("Фредеріксен", "surname")) == 2
    assert ("Метте Фредеріксен", "name") in got


def test_bare_role_resolves_to_its_holder():
    text = ("Генеральний секретар НАТО Марк Рютте прибув до Вашингтона.\n"
            "«Ми не залишимо партнерів», — заявив генеральний секретар НАТО.\n"
            "Канцлер Німеччини Олаф Шольц теж виступив. Канцлер підтримав колег.")
    doc = make_doc(text, "uk", [("НАТО", "ORG", "НАТО"), ("Марк Рютте", "PER", "Марк Рютте"),
                                ("Вашингтона", "LOC", "Вашингтон"), ("Німеччини", "LOC", "Німеччина"),
                                ("Олаф Шольц", "PER", "Олаф Шольц")])
    out = resolve(roles(doc))
    roles_found = [t.lower() for t, k in kinds(out, "Марк Рютте") if k == "role"]
    assert roles_found == ["генеральний секретар нато"] * 2
    assert ("Канцлер", "role") in kinds(out, "Олаф Шольц")


def test_subject_pronoun_agrees_in_gender_and_skips_quotes():
    text = ("Міністерка економіки Юлія Свириденко зустрілася з послом Німеччини Мартіном Єгером. "
            "Вона заявила, що угоду підпишуть до кінця року.\n"
            "«Він знає, що робити», — сказав Єгер. Він додав, що Берлін готовий допомогти.")
    doc = make_doc(text, "uk", [("Юлія Свириденко", "PER", "Юлія Свириденко"),
                                ("Німеччини", "LOC", "Німеччина"),
                                ("Мартіном Єгером", "PER", "Мартін Єгер"), ("Берлін", "LOC", "Берлін")])
    out = resolve(roles(doc))
    assert ("Вона", "pronoun") in kinds(out, "Юлія Свириденко")
    eger = kinds(out, "Мартін Єгер")
    assert ("Єгер", "surname") in eger
    pronouns = [m for e in out.entities for m in e.references if m.kind == "pronoun"]
    assert not any(m.kind == "pronoun" for e in out.entities for m in e.mentions)  # references, not names
    quoted_he = text.index("Він знає")
    assert all(m.start != quoted_he for m in pronouns)  # inside a quotation: not resolved
    assert ("Він", "pronoun") in eger


def test_ru_pronoun_after_speech_verb():
    text = "Дмитрий Песков прокомментировал ситуацию. «Решение пока не принято», — сказал он."
    doc = make_doc(text, "ru", [("Дмитрий Песков", "PER", "Дмитрий Песков")])
    out = resolve(doc)
    assert ("он", "pronoun") in kinds(out, "Дмитрий Песков")


def test_no_mentions_in_boilerplate():
    text = "Олег Сенцов прибув до Львова.\nВін сказав, що коментарі вимкнено."
    doc = make_doc(text, "uk", [("Олег Сенцов", "PER", "Олег Сенцов"), ("Львова", "LOC", "Львів")],
                   kinds={1: "boilerplate"})
    out = resolve(doc)
    assert all(m.kind == "name" for e in out.entities for m in e.all_mentions())


def test_possessive_in_a_source_marker_is_the_speaker():
    """"По его словам" names its speaker by the pronoun: it resolves as a subject pronoun
    does (most recent person subject, agreeing in gender), and the quote takes it."""
    from newsgraph.extract.quotes import quotes

    text = ("Министр здравоохранения Игорь Кузин выступил в Киеве.\n"
            "По его словам, вакцина будет доступной.\n"
            "Премьер Юлия Свириденко выступила позже. По его словам, цены вырастут.")
    doc = make_doc(text, "ru", [("Игорь Кузин", "PER", "Игорь Кузин"), ("Киеве", "LOC", "Киев"),
                                ("Юлия Свириденко", "PER", "Юлия Свириденко")])
    out = resolve(roles(doc))
    assert ("его", "pronoun") in kinds(out, "Игорь Кузин")
    assert ("его", "pronoun") not in kinds(out, "Юлия Свириденко")  # a woman is no "его"
    names = {e.id: e.name for e in out.entities}
    said = {out.text[q.content.start:q.content.end]: names.get(q.speaker) for q in quotes(out).quotes}
    assert said.get("вакцина будет доступной") == "Игорь Кузин"


def test_a_bare_title_fits_its_holder_named_by_a_synonym():
    """"глава министерства иностранных дел Джереми Хант", then "Министр поблагодарил": the
    held title and the bare one differ in words, not in office."""
    text = ("Глава министерства иностранных дел Великобритании Джереми Хант прибыл в Брюссель.\n"
            "Жозеп Боррель встретил гостя в аэропорту. Министр поблагодарил коллег за работу.")
    doc = make_doc(text, "ru", [("Великобритании", "LOC", "Великобритания"), ("Джереми Хант", "PER", "Джереми Хант"),
                                ("Брюссель", "LOC", "Брюссель"), ("Жозеп Боррель", "PER", "Жозеп Боррель")])
    out = resolve(roles(doc))
    # the one holder of the office, not the person named last
    assert ("Министр", "role") in kinds(out, "Джереми Хант")
    assert ("Министр", "role") not in kinds(out, "Жозеп Боррель")


def test_an_initial_glued_to_the_surname_is_the_person_when_it_is_their_initial():
    text = ("Міністр Гернот Блюмель прибув до Брюсселя.\n"
            "«Переговори були важкими», — сказав Г.Блюмель. Його брат К.Блюмель мовчав.")
    doc = make_doc(text, "uk", [("Гернот Блюмель", "PER", "Гернот Блюмель"), ("Брюсселя", "LOC", "Брюссель")])
    got = kinds(resolve(doc), "Гернот Блюмель")
    assert ("Г.Блюмель", "surname") in got and not any(t == "К.Блюмель" for t, _ in got)
