"""Quotes: direct, indirect and mixed; speakers through names, roles, pronouns; offsets exact."""
from __future__ import annotations

import pytest

from newsgraph.extract import quotes, roles
from newsgraph.extract.coref import resolve
from newsgraph.model import Role

from _docs import analysed, eid, make_doc, span


def run(text, language, entities, **kw):
    doc = quotes(resolve(roles(make_doc(text, language, entities, **kw))))
    for q in doc.quotes:  # offsets slice the text exactly, with no stray marks or spaces
        content = span(doc, q.content)
        assert content == content.strip() and content[:1] not in "«„\",—" and content[-1:] not in ",:—"
        assert span(doc, q.cue).strip()
    return doc


def find(doc, cue):
    return next(q for q in doc.quotes if span(doc, q.cue) == cue)


UK_PEOPLE = [("Олександр Мельник", "PER", "Олександр Мельник"), ("Мельник", "PER", "Мельник"),
             ("Міністерства оборони", "ORG", "Міністерство оборони"), ("Україні", "LOC", "Україна"),
             ("України", "LOC", "Україна"), ("Ірина Коваленко", "PER", "Ірина Коваленко")]


def test_uk_direct_quote_with_cue_after_and_surname_speaker():
    text = ("Речник Міністерства оборони Олександр Мельник прокоментував постачання.\n"
            "«Перша партія вже прибула. Друга буде до кінця місяця», — зазначив Мельник.")
    doc = run(text, "uk", UK_PEOPLE)
    q = find(doc, "зазначив")
    assert q.kind == "direct"
    assert q.speaker == eid(doc, "Олександр Мельник")
    assert span(doc, q.content) == "Перша партія вже прибула. Друга буде до кінця місяця"


def test_uk_cue_before_with_colon_and_name_colon():
    text = ("Ірина Коваленко заявила: «Ми не будемо чекати на рішення партнерів».\n"
            "Олександр Мельник: «Графік постачань не зміниться».")
    doc = run(text, "uk", UK_PEOPLE)
    q1 = find(doc, "заявила")
    assert q1.speaker == eid(doc, "Ірина Коваленко")
    assert span(doc, q1.content) == "Ми не будемо чекати на рішення партнерів"
    q2 = next(q for q in doc.quotes if span(doc, q.content).startswith("Графік"))
    assert q2.speaker == eid(doc, "Олександр Мельник") and q2.kind == "direct"


def test_nested_quotes_and_straight_quotes():
    text = ("«Програма „Зимова підтримка“ охопить усі області», — повідомила Ірина Коваленко.\n"
            "\"Кошти вже передано регіонам\", — додала вона.")
    doc = run(text, "uk", UK_PEOPLE)
    q = find(doc, "повідомила")
    assert span(doc, q.content) == "Програма „Зимова підтримка“ охопить усі області"
    assert q.speaker == eid(doc, "Ірина Коваленко")
    q2 = find(doc, "додала")
    assert span(doc, q2.content) == "Кошти вже передано регіонам"
    assert q2.speaker == eid(doc, "Ірина Коваленко")  # through the pronoun
    assert len(doc.quotes) == 2  # the nested title is not a quote of its own


def test_quote_over_several_paragraphs():
    text = ("Олександр Мельник звернувся до журналістів.\n"
            "«Ситуація на фронті складна. Противник атакує щодня.\n"
            "«Але ми тримаємо позиції і отримуємо нову техніку», — наголосив він.")
    doc = run(text, "uk", UK_PEOPLE)
    q = find(doc, "наголосив")
    content = span(doc, q.content)
    assert content.startswith("Ситуація на фронті") and content.endswith("отримуємо нову техніку")
    assert q.speaker == eid(doc, "Олександр Мельник")


def test_unnamed_speaker_keeps_its_words():
    text = "«Рішення ухвалять уже наступного тижня», — сказав джерело в уряді."
    doc = run(text, "uk", [])
    (q,) = doc.quotes
    assert q.speaker is None and q.speaker_text == "джерело в уряді"
    assert q.kind == "direct" and span(doc, q.cue) == "сказав"


def test_uk_indirect_patterns():
    text = ("Уряд ухвалив новий бюджет оборони. Про це повідомив Олександр Мельник.\n"
            "Він нагадав, що фінансування зросте на третину.\n"
            "За словами Ірини Коваленко, виплати почнуться в січні.\n"
            "Як повідомила Ірина Коваленко, заявки прийматимуть онлайн.\n"
            "Ірина Коваленко вважає, що програма себе виправдає.")
    doc = run(text, "uk", UK_PEOPLE + [("Ірини Коваленко", "PER", "Ірина Коваленко")])
    mel, kov = eid(doc, "Олександр Мельник"), eid(doc, "Ірина Коваленко")
    q = find(doc, "повідомив")
    assert (q.speaker, span(doc, q.content)) == (mel, "Уряд ухвалив новий бюджет оборони")
    q = find(doc, "нагадав")
    assert (q.speaker, span(doc, q.content)) == (mel, "фінансування зросте на третину")
    q = find(doc, "За словами")
    assert (q.speaker, span(doc, q.content)) == (kov, "виплати почнуться в січні")
    q = find(doc, "Як повідомила")
    assert (q.speaker, span(doc, q.content)) == (kov, "заявки прийматимуть онлайн")
    q = find(doc, "вважає")
    assert (q.speaker, span(doc, q.content)) == (kov, "програма себе виправдає")
    assert all(q.kind == "indirect" for q in doc.quotes)


def test_mixed_quote_and_role_speaker():
    text = ("Генеральний секретар ООН Антоніу Гутерреш прибув до Києва.\n"
            "Генеральний секретар ООН заявив, що удари по енергетиці «не мають виправдання».")
    doc = run(text, "uk", [("ООН", "ORG", "ООН"), ("Антоніу Гутерреш", "PER", "Антоніу Гутерреш"),
                           ("Києва", "LOC", "Київ")])
    (q,) = doc.quotes
    assert q.kind == "mixed" and q.speaker == eid(doc, "Антоніу Гутерреш")
    assert span(doc, q.content) == "удари по енергетиці «не мають виправдання»"


def test_reporting_medium_is_not_a_speaker():
    text = "Олександр Мельник відвідав полігон, повідомляє кореспондент Укрінформу."
    doc = run(text, "uk", UK_PEOPLE + [("Укрінформу", "ORG", "Укрінформ")])
    assert doc.quotes == []


def test_an_outlet_cited_by_the_story_is_a_speaker():
    # "Как отмечает X, …", "За даними X, …": a source the story cites, in any tense
    doc = run("Пилоты бастуют вторые сутки. Как отмечает Bloomberg, забастовка затронула 30 тыс. пассажиров.",
              "ru", [("Bloomberg", "ORG", "Bloomberg")])
    q = find(doc, "Как отмечает")
    assert q.speaker == eid(doc, "Bloomberg") and span(doc, q.content) == "забастовка затронула 30 тыс. пассажиров"
    doc = run("Рейси скасовано. За даними Reuters, страйк охопив п'ять країн.", "uk", [("Reuters", "ORG", "Reuters")])
    q = find(doc, "За даними")
    assert q.speaker == eid(doc, "Reuters") and span(doc, q.content) == "страйк охопив п'ять країн"


def test_an_outlet_relaying_someone_else_gives_that_speaker_alone(pipeline):
    doc = analysed(pipeline, "Як повідомляють американські ЗМІ, Федеральне бюро розслідувань попередило про можливі протести.")
    (q,) = doc.quotes
    assert q.speaker == eid(doc, "Федеральне бюро розслідувань") and span(doc, q.content) == "можливі протести"


def test_a_quotation_with_its_cue_after_is_the_cue_verbs_subjects(pipeline):
    # "заявив про «…», утім додав": the subject of "заявив", not a name in the sentence before
    doc = analysed(pipeline, "Президент Франції Емманюель Макрон прибув до Берліна. Речник уряду Німеччини після зустрічі "
                   "заявив про «дуже корисну розмову двох лідерів», утім додав, що рішень немає.")
    q = next(q for q in doc.quotes if span(doc, q.content) == "дуже корисну розмову двох лідерів")
    assert q.speaker is None and q.speaker_text == "Речник уряду Німеччини"


def test_a_speech_verb_joined_to_the_quotation_takes_the_subject_of_the_cue(pipeline):
    # the parser hangs "предложил" on the quotation's predicate; its subject is the cue's, not "Прививка"
    doc = analysed(pipeline, '"Прививка (от коронавируса. - Ред.) должна стать гражданским долгом", - заявил Маркус Зёдер '
                             "и предложил развернуть государственную кампанию популяризации такой меры.")
    names = {e.id: e.name for e in doc.entities}
    said = {span(doc, q.content): names.get(q.speaker) or q.speaker_text for q in doc.quotes}
    assert said == {"Прививка (от коронавируса. - Ред.) должна стать гражданским долгом": "Маркус Зёдер",
                    "развернуть государственную кампанию популяризации такой меры": "Маркус Зёдер"}


@pytest.mark.parametrize("text,speaker,content", [
    ("Олаф Шольц пообіцяв виборцям знизити податки наступного року.", "Олаф Шольц", "знизити податки наступного року"),
    ("Мишель Барнье предложил продлить переходный период до конца 2022 года.", "Мишель Барнье",
     "продлить переходный период до конца 2022 года"),
])
def test_what_a_speech_verb_promises_or_proposes_is_said(pipeline, text, speaker, content):
    # GUIDELINES: a speech verb with an infinitive after it is a quote
    doc = analysed(pipeline, text)
    names = {e.id: e.name for e in doc.entities}
    assert [(names.get(q.speaker), span(doc, q.content)) for q in doc.quotes] == [(speaker, content)]


def test_a_report_of_a_report_gives_the_inner_speaker_a_quote_of_its_own(pipeline):
    doc = analysed(pipeline, "Раніше британські ЗМІ повідомили, що посланець ЄС Мішель Барньє запропонував продовжити "
                             "перехідний період до грудня 2022 року.")
    names = {e.id: e.name for e in doc.entities}
    said = {(names.get(q.speaker) or q.speaker_text, span(doc, q.content)) for q in doc.quotes}
    assert ("Мішель Барньє", "продовжити перехідний період до грудня 2022 року") in said
    assert any(who == "британські ЗМІ" for who, _ in said)


RU = [("Сергей Лавров", "PER", "Сергей Лавров"), ("Лавров", "PER", "Лавров"), ("Сергея Лаврова", "PER", "Сергей Лавров"),
      ("Мария Захарова", "PER", "Мария Захарова"), ("МИД", "ORG", "МИД"), ("России", "LOC", "Россия")]


def test_ru_direct_and_indirect():
    text = ("Министр иностранных дел России Сергей Лавров провёл переговоры.\n"
            "«Мы открыты к диалогу, но не на любых условиях», — сказал он.\n"
            "По словам Сергея Лаврова, встреча прошла конструктивно.\n"
            "Как сообщила Мария Захарова, визит продлится два дня.\n"
            "Переговоры продолжатся в четверг, отметил глава МИД.")
    doc = run(text, "ru", RU)
    lav, zah = eid(doc, "Сергей Лавров"), eid(doc, "Мария Захарова")
    assert find(doc, "сказал").speaker == lav
    q = find(doc, "По словам")
    assert (q.speaker, span(doc, q.content)) == (lav, "встреча прошла конструктивно")
    q = find(doc, "Как сообщила")
    assert (q.speaker, span(doc, q.content)) == (zah, "визит продлится два дня")
    q = find(doc, "отметил")
    assert q.speaker == lav and span(doc, q.content) == "Переговоры продолжатся в четверг"


def test_ru_speaker_after_cue_and_that_clause():
    text = "Об этом заявила официальный представитель МИД Мария Захарова. Она добавила, что ответ «не заставит себя ждать»."
    doc = run(text, "ru", RU)
    q = find(doc, "добавила")
    assert q.kind == "mixed" and q.speaker == eid(doc, "Мария Захарова")


def test_seed_quotes(seed_path):
    from newsgraph.analysis.annotate import _recognizer
    from newsgraph.ingest import read_path
    from newsgraph.pipeline import Pipeline

    if _recognizer("uk") is None:
        pytest.skip("no Ukrainian NER model")
    doc = next(Pipeline().process(r) for r in read_path(seed_path))
    rutte = next(e for e in doc.entities if e.name == "Марк Рютте")
    scholz = next(e for e in doc.entities if e.name == "Олаф Шольц")
    assert Role("генеральний секретар", rutte.roles[0].org) in rutte.roles
    assert scholz.roles[0].title == "федеральний канцлер"
    by_cue = {span(doc, q.cue): q for q in doc.quotes}
    for cue in ("зазначив", "наголосив", "додав"):
        assert by_cue[cue].kind == "direct" and by_cue[cue].speaker == rutte.id
    assert by_cue["додав"].content.end - by_cue["додав"].content.start > 400
    for cue in ("заявив", "нагадав", "зауважив"):
        assert by_cue[cue].kind == "indirect" and by_cue[cue].speaker == rutte.id
    assert span(doc, by_cue["заявив"].content).startswith("За цих умов союзники")
    assert len(doc.quotes) == 6


# --------------------------------------------------------------------------- quotes from syntax

def parsed(text, language, entities, trees):
    """A document whose sentences carry the hand-written parses in ``trees``: one per
    sentence, in order, a CoNLL-like row per token ("word lemma UPOS head deprel [feats]")."""
    from dataclasses import replace as dc_replace

    from newsgraph.model import Sentence, Token

    doc = make_doc(text, language, entities)
    assert len(doc.sentences) == len(trees)
    sents = []
    for s, tree in zip(doc.sentences, trees):
        pos, toks = s.start, []
        for k, row in enumerate(tree.strip().splitlines(), 1):
            word, lemma, upos, head, deprel, *feats = row.split()
            start = text.index(word, pos)
            pos = start + len(word)
            toks.append(Token(start, pos, k, lemma, upos, feats[0] if feats else "", int(head), deprel))
        sents.append(Sentence(s.start, s.end, tuple(toks)))
    doc = dc_replace(doc, sentences=sents)
    doc = quotes(resolve(roles(doc)))
    for q in doc.quotes:
        content = span(doc, q.content)
        assert content == content.strip() and content[:1] not in "«„\",—" and content[-1:] not in ",:—"
    return doc


def test_uk_syntax_complement_clause_of_a_verb_outside_the_lists():
    # "застерегти" is no listed speech verb: the subject and the "що" clause make it one
    text = "Ірина Коваленко застерегла, що ціни зростуть."
    doc = parsed(text, "uk", UK_PEOPLE, ["""
Ірина Ірина PROPN 3 nsubj
Коваленко Коваленко PROPN 1 flat:name
застерегла застерегти VERB 0 root
, , PUNCT 7 punct
що що SCONJ 7 mark
ціни ціна NOUN 7 nsubj
зростуть зрости VERB 3 ccomp
. . PUNCT 3 punct
"""])
    q = find(doc, "застерегла")
    assert q.kind == "indirect" and span(doc, q.content) == "ціни зростуть"
    assert q.speaker == eid(doc, "Ірина Коваленко")


def test_ru_syntax_complement_clause_with_unnamed_subject():
    text = "Эксперты предостерегают, что спрос на газ упадёт."
    doc = parsed(text, "ru", [], ["""
Эксперты эксперт NOUN 2 nsubj
предостерегают предостерегать VERB 0 root
, , PUNCT 8 punct
что что SCONJ 8 mark
спрос спрос NOUN 8 nsubj
на на ADP 7 case
газ газ NOUN 5 nmod
упадёт упасть VERB 2 ccomp
. . PUNCT 2 punct
"""])
    q = find(doc, "предостерегают")
    assert span(doc, q.content) == "спрос на газ упадёт"
    assert q.speaker is None and q.speaker_text == "Эксперты"


def test_uk_syntax_negated_or_first_person_predicate_gives_no_quote():
    # (a verb the patterns do not list, so that the tree alone decides)
    text = "Мельник не застеріг, що буде далі.\nМи застерігаємо, що ціни зростуть."
    doc = parsed(text, "uk", UK_PEOPLE, ["""
Мельник Мельник PROPN 3 nsubj
не не PART 3 advmod Polarity=Neg
застеріг застерегти VERB 0 root
, , PUNCT 7 punct
що що PRON 7 nsubj
буде бути AUX 7 cop
далі далі ADV 3 ccomp
. . PUNCT 3 punct
""", """
Ми ми PRON 2 nsubj Person=1
застерігаємо застерігати VERB 0 root Person=1
, , PUNCT 6 punct
що що SCONJ 6 mark
ціни ціна NOUN 6 nsubj
зростуть зрости VERB 2 ccomp
. . PUNCT 2 punct
"""])
    assert not [q for q in doc.quotes if span(doc, q.cue) == "застеріг"]
    assert not [q for q in doc.quotes if span(doc, q.cue) == "застерігаємо"]


def test_uk_syntax_topic_of_a_statement():
    text = "Міністерство оборони повідомило про завершення навчань."
    doc = parsed(text, "uk", [("Міністерство оборони", "ORG", "Міністерство оборони")], ["""
Міністерство міністерство NOUN 3 nsubj
оборони оборона NOUN 1 nmod
повідомило повідомити VERB 0 root
про про ADP 5 case
завершення завершення NOUN 3 obl
навчань навчання NOUN 5 nmod
. . PUNCT 3 punct
"""])
    q = find(doc, "повідомило")
    assert span(doc, q.content) == "завершення навчань"
    assert q.speaker == eid(doc, "Міністерство оборони")


def test_ru_syntax_according_to_with_a_possessive_and_a_cited_outlet():
    text = ("Сергей Иванов встретился с журналистами.\n"
            "По его словам, переговоры продолжатся в мае.\n"
            "Британские СМИ утверждают, что отставка неизбежна.")
    people = [("Сергей Иванов", "PER", "Сергей Иванов")]
    doc = parsed(text, "ru", people, ["""
Сергей Сергей PROPN 3 nsubj
Иванов Иванов PROPN 1 flat:name
встретился встретиться VERB 0 root
с с ADP 5 case
журналистами журналист NOUN 3 obl
. . PUNCT 3 punct
""", """
По по ADP 3 case
его его DET 3 det
словам слово NOUN 6 parataxis
, , PUNCT 3 punct
переговоры переговоры NOUN 6 nsubj
продолжатся продолжиться VERB 0 root
в в ADP 8 case
мае май NOUN 6 obl
. . PUNCT 6 punct
""", """
Британские британский ADJ 2 amod
СМИ сми NOUN 3 nsubj
утверждают утверждать VERB 0 root
, , PUNCT 7 punct
что что SCONJ 7 mark
отставка отставка NOUN 7 nsubj
неизбежна неизбежный ADJ 3 ccomp
. . PUNCT 3 punct
"""])
    q = find(doc, "По словам") if any(span(doc, q.cue) == "По словам" for q in doc.quotes) else \
        next(q for q in doc.quotes if span(doc, q.content).startswith("переговоры"))
    assert span(doc, q.content) == "переговоры продолжатся в мае"
    assert span(doc, q.speaker_mention) == "его"
    assert q.speaker == eid(doc, "Сергей Иванов")  # the subject of the sentence before
    q2 = find(doc, "утверждают")
    assert span(doc, q2.content) == "отставка неизбежна"
    assert q2.speaker_text == "Британские СМИ"


def test_uk_syntax_complement_clause_the_parser_hung_on_a_noun():
    # the "що" clause parsed as a relative clause of "BBC", far from the verb (so that the
    # token patterns, which look a few words ahead, do not reach it): still what was said
    text = "Ірина Коваленко після зустрічі заявила в інтерв'ю британській телерадіокомпанії BBC у понеділок увечері, що ціни зростуть."
    doc = parsed(text, "uk", UK_PEOPLE, ["""
Ірина Ірина PROPN 5 nsubj
Коваленко Коваленко PROPN 1 flat:name
після після ADP 4 case
зустрічі зустріч NOUN 5 obl
заявила заявити VERB 0 root
в в ADP 7 case
інтерв'ю інтерв'ю NOUN 5 obl
британській британський ADJ 9 amod
телерадіокомпанії телерадіокомпанія NOUN 7 nmod
BBC BBC X 9 nmod
у у ADP 12 case
понеділок понеділок NOUN 9 nmod
увечері увечері ADV 12 advmod
, , PUNCT 17 punct
що що SCONJ 17 mark
ціни ціна NOUN 17 nsubj
зростуть зрости VERB 10 acl:relcl
. . PUNCT 5 punct
"""])
    q = find(doc, "заявила")
    assert span(doc, q.content) == "ціни зростуть"
    assert q.speaker == eid(doc, "Ірина Коваленко")


def test_ru_syntax_naming_verb_with_the_judgement_hung_on_the_object():
    text = "Представитель компании назвал забастовку «несправедливой»."
    doc = parsed(text, "ru", [], ["""
Представитель представитель NOUN 3 nsubj
компании компания NOUN 1 nmod
назвал назвать VERB 0 root
забастовку забастовка NOUN 3 obj
« « PUNCT 6 punct
несправедливой несправедливый ADJ 4 nmod Case=Ins
» » PUNCT 6 punct
. . PUNCT 3 punct
"""])
    q = find(doc, "назвал")
    assert span(doc, q.content) == "забастовку «несправедливой»"
    assert q.speaker_text == "Представитель компании"


def test_ru_parenthetical_cue_inside_the_statement_gives_the_whole_statement():
    # "Эта забастовка" alone holds no predicate: the statement runs on after the cue
    text = "Эта забастовка, сказал Олег Петров, совершенно необоснованна."
    doc = parsed(text, "ru", [("Олег Петров", "PER", "Олег Петров")], ["""
Эта этот DET 2 det
забастовка забастовка NOUN 9 nsubj
, , PUNCT 4 punct
сказал сказать VERB 9 parataxis Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin
Олег Олег PROPN 4 nsubj
Петров Петров PROPN 5 flat:name
, , PUNCT 4 punct
совершенно совершенно ADV 9 advmod
необоснованна необоснованный ADJ 0 root Variant=Short
. . PUNCT 9 punct
"""])
    q = find(doc, "сказал")
    assert span(doc, q.content) == text.rstrip(".")
    assert q.speaker == eid(doc, "Олег Петров")


def test_ru_cue_after_a_complete_statement_keeps_the_statement_before_it():
    text = "Забастовка необоснованна, сказал Олег Петров, отвечая на вопросы."
    doc = parsed(text, "ru", [("Олег Петров", "PER", "Олег Петров")], ["""
Забастовка забастовка NOUN 2 nsubj
необоснованна необоснованный ADJ 0 root Variant=Short
, , PUNCT 4 punct
сказал сказать VERB 2 parataxis Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin
Олег Олег PROPN 4 nsubj
Петров Петров PROPN 5 flat:name
, , PUNCT 8 punct
отвечая отвечать VERB 4 advcl VerbForm=Conv
на на ADP 10 case
вопросы вопрос NOUN 8 obl
. . PUNCT 2 punct
"""])
    q = find(doc, "сказал")
    assert span(doc, q.content) == "Забастовка необоснованна"


def test_uk_a_name_in_quotation_marks_can_speak():
    text = "У “Газпромі” стверджують, що суд не відновив арешт акцій."
    doc = parsed(text, "uk", [("Газпромі", "ORG", "Газпром")], ["""
У у ADP 3 case
“ “ PUNCT 3 punct
Газпромі Газпром PROPN 5 obl Case=Loc
” ” PUNCT 3 punct
стверджують стверджувати VERB 0 root Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
, , PUNCT 10 punct
що що SCONJ 10 mark
суд суд NOUN 10 nsubj
не не PART 10 advmod
відновив відновити VERB 5 ccomp
арешт арешт NOUN 10 obj
акцій акція NOUN 11 nmod
. . PUNCT 5 punct
"""])
    q = find(doc, "стверджують")
    assert q.speaker == eid(doc, "Газпром")
    assert span(doc, q.content) == "суд не відновив арешт акцій"


def test_uk_a_plural_verb_with_no_subject_speaks_for_the_organisation_after_it():
    text = "«Виключення акцій призупинено», стверджують в “Газпромі”."
    doc = parsed(text, "uk", [("Газпромі", "ORG", "Газпром")], ["""
« « PUNCT 4 punct
Виключення виключення NOUN 4 nsubj
акцій акція NOUN 2 nmod
призупинено призупинити VERB 7 parataxis VerbForm=Fin
» » PUNCT 4 punct
, , PUNCT 4 punct
стверджують стверджувати VERB 0 root Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
в в ADP 10 case
“ “ PUNCT 10 punct
Газпромі Газпром PROPN 7 obl Case=Loc
” ” PUNCT 10 punct
. . PUNCT 7 punct
"""])
    q = find(doc, "стверджують")
    assert q.kind == "direct" and span(doc, q.content) == "Виключення акцій призупинено"
    assert q.speaker == eid(doc, "Газпром")
