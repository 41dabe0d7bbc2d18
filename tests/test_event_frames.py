"""The frame lexicon covers the PLOVER types a news analyst meets most, in uk and ru,
through the real parser: type, actor and recipient of one sentence each."""
from __future__ import annotations

import importlib

import pytest

from _docs import analysed


CASES = [
    ("Верховний суд Пакистану скасував вирок Асії Бібі.", "RETREAT", "Верховний суд Пакистану", None),
    ("Борис Джонсон подав у відставку з посади міністра закордонних справ.", "RETREAT", "Борис Джонсон", None),
    ("Министр иностранных дел Великобритании Борис Джонсон ушёл в отставку.", "RETREAT", "Борис Джонсон", None),
    ("Польща вислала трьох дипломатів Росії.", "SANCTION", "Польща", "Росія"),
    ("Евросоюз ввёл санкции против России.", "SANCTION", "ЕС", "Россия"),
    ("Поліція Києва затримала трьох активістів.", "COERCE", "Київ", None),
    ("Суд в Пакистане приговорил Асию Биби к смертной казни.", "COERCE", "Пакистан", None),
    ("Велика Британія та ЄС досягли угоди щодо Brexit.", "AGREE", "Велика Британія", None),
    ("Джереми Хант поблагодарил Бориса Джонсона за работу.", "SUPPORT", "Джереми Хант", "Борис Джонсон"),
    ("Москва отвергла обвинения Лондона.", "REJECT", "Москва", None),
    # an event noun through its light verb, as object, oblique or the noun it completes
    ("Авіакомпанії лихоманить: працівники Ryanair оголосили про страйк.", "PROTEST", "працівник (Ryanair)",
     None),
    ("Исламисты из партии TLP начали массовые акции протеста.", "PROTEST", "TLP", None),
    ("Борис Джонсон выступил с резкими обвинениями против России.", "ACCUSE", "Борис Джонсон", "Россия"),
    # the object word found through the parse, far from its verb; the parties "между" it
    # act, not the one who promised it
    ("Министр пообещал, что новое соглашение между США и Канадой может быть заключено через год.",
     "AGREE", "США", "Канада"),
    # an agreement's counterpart owns what was agreed on, genitives down
    ("Польща законтрактувала два мільйони доз вакцини Pfizer.", "AGREE", "Польща", "Pfizer"),
    ("Аэропорт Внуково согласовал расписание рейсов авиакомпании Lufthansa.", "AGREE", "Аэропорт Внуково",
     "Lufthansa"),
    # a seizure's target owns what was seized; a subject opening with a month the parser
    # hung on it is still the subject, not an oblique
    ("Восени суди в Нідерландах заарештували рахунки компанії \"Укрнафта\".", "COERCE", "Нідерланди", "Укрнафта"),
    ("В марте суды во Франции арестовали имущество «Роснефти».", "COERCE", "Франция", "Роснефть"),
    ("У квітні-травні місцеві суди у Франції та Бельгії заарештували активи \"Роснафти\".", "COERCE", "Франція",
     "Роснафта"),
    # object control: the infinitive is done by the one asked or helped, not by the asker;
    # a promise stays its subject's
    ("Пенс поможет Трампу оспорить итоги выборов в суде.", "ACCUSE", "Дональд Трамп", None),
    ("Министр призвал Москву немедленно освободить Навального.", "RETREAT", "Москва", None),
    ("Лейбористы призвали Терезу Мэй уйти в отставку.", "RETREAT", "Тереза Мэй", None),
    ("Олаф Шольц пообіцяв Україні передати нові танки.", "AID", "Олаф Шольц", "Україна"),
    # an event noun's agent: "со стороны", "з боку"; its genitive is the one supported
    ("Проект подвергся резкой критике со стороны Вашингтона.", "ACCUSE", "Вашингтон", None),
    ("Підтримка України з боку Польщі не слабшає.", "SUPPORT", "Польща", "Україна"),
    # "заключить под стражу" is an arrest; "заключил, что …" a conclusion (below)
    ("Тверской суд Москвы заключил Алексея Навального под стражу.", "COERCE", "Тверской суд Москвы",
     "Алексей Навальный"),
    # readiness carries its event noun like a light verb
    ("Украина готова к диалогу с ЕС.", "CONSULT", "Украина", "ЕС"),
    # a Ukrainian passive participle as the predicate stands for its verb
    ("Посол заявив, що угода між Україною та Польщею може бути укладена до кінця року.", "AGREE", "Україна",
     "Польща"),
]


@pytest.mark.parametrize("text,etype,actor,recipient", CASES)
def test_frame(pipeline, text, etype, actor, recipient):
    doc = analysed(pipeline, text + "\n")
    names = {e.id: e.name for e in doc.entities}
    found = [(e.type, [names[a] for a in e.actors], [names[r] for r in e.recipients]) for e in doc.events]
    assert any(t == etype and actor in a and (recipient is None or recipient in r) for t, a, r in found), found


FACTUALITY = [
    ("Бортпровідники Ryanair оголосили, що проведуть страйк 25 липня.", "PROTEST", "future"),
    ("Мей не вдалося досягти угоди з ЄС.", "AGREE", "negated"),
    ("Україна збирається укласти угоду з ЄС.", "AGREE", "future"),
    ("Німеччина може надати Україні допомогу.", "AID", "hypothetical"),
    ("Министр Джереми Хант отметил, что будет поддерживать Терезу Мэй.", "SUPPORT", "future"),
    ("Польща передала Україні допомогу.", "AID", "asserted"),
    # what one promises or threatens to do is not done yet; the threat itself is
    ("Власти США пригрозили ввести санкции против Китая.", "SANCTION", "future"),
    ("Власти США пригрозили ввести санкции против Китая.", "THREATEN", "asserted"),
    ("Президент Франції Емманюель Макрон пообіцяв надати Україні допомогу.", "AID", "future"),
    # a refusal is a REJECT that happened; a failure stays the negated act
    ("Трамп не признал поражение.", "REJECT", "asserted"),
    ("Германия не будет передавать Украине оружие.", "REJECT", "future"),
    ("Німеччина не змогла передати Україні винищувачі.", "AID", "negated"),
    # not ruling out a coercive act threatens it
    ("Вашингтон не виключає санкцій проти учасників проекту.", "THREATEN", "asserted"),
    # an expectation through its support verb: "рассчитывает на" is future
    ("Дональд Трамп рассчитывает на заключение торговой сделки с Лондоном.", "AGREE", "future"),
    # an announced strike is a plan (GUIDELINES), an announced resignation is done
    ("Пілоти Ryanair оголосили страйк.", "PROTEST", "future"),
    ("Бортпроводники Wizz Air объявили о забастовке.", "PROTEST", "future"),
    ("Борис Джонсон объявил об отставке.", "RETREAT", "asserted"),
    # a proposal or request is not yet done
    ("Польща запропонувала Євросоюзу запровадити санкції проти Росії.", "SANCTION", "demanded"),
    ("Киев предлагает Евросоюзу ввести санкции против Газпрома.", "SANCTION", "demanded"),
    # readiness is hypothetical, as the events-dev guidelines code "готова"
    ("Україна готова до переговорів з Росією.", "CONSULT", "hypothetical"),
]


@pytest.mark.parametrize("text,etype,factuality", FACTUALITY)
def test_factuality_from_the_tree(pipeline, text, etype, factuality):
    doc = analysed(pipeline, text + "\n")
    found = [(e.type, e.factuality) for e in doc.events]
    assert (etype, factuality) in found, found


def test_a_promise_and_the_act_promised_are_one_future_event(pipeline):
    doc = analysed(pipeline, "Прем'єр-міністр Тереза Мей пообіцяла британським бізнесменам досягти угоди з ЄС.\n")
    assert [(e.type, e.factuality) for e in doc.events] == [("AGREE", "future")]


ARGUMENTS = [
    # a relative pronoun subject stands for the noun its clause modifies
    ("Туреччина, яка підписала угоду з Україною, розпочне будівництво заводу.", "AGREE", "Туреччина", "Україна"),
    # a title before a name: the person, wherever the parser hangs the name
    ("Раніше посланець ЄС щодо Brexit Мішель Барньє запропонував продовжити переговори.", "REQUEST",
     "Мішель Барньє", None),
    # an indefinite-personal verb acts through the place or organisation where it happens
    ("У МЗС Литви засудили заяву Кремля.", "ACCUSE", "МЗС Литви", None),
    ("В Кремле отвергли обвинения Варшавы.", "REJECT", "Кремль", None),
    # the people or office of a named organisation or place act for it
    ("Керівництво Польщі має намір досягти угоди з Україною.", "AGREE", "Польща", "Україна"),
    ("Исламисты из партии TLP потребовали казнить Асию Биби.", "REQUEST", "TLP", None),
    ("В Техасе выборщики проголосовали за Трампа.", "SUPPORT", "Техас", "Дональд Трамп"),
    # an infinitive completing a noun of will is done by that noun's genitive
    ("Трамп поддерживает стремление Польши покинуть Евросоюз.", "RETREAT", "Польша", None),
    # the genitive of the partner phrase or of the object is the recipient
    ("Орбан не согласился с позицией руководства Германии.", "REJECT", "Виктор Орбан", "Германия"),
    ("Польща визнала право України на компенсацію.", "CONCEDE", "Польща", "Україна"),
    ("Росія продовжила обстріл Харкова.", "ASSAULT", "Росія", "Харків"),
    # a joint act: the adverb's verb acts, its partner receives
    ("Газпром строит газопровод совместно с компанией Shell.", "COOPERATE", "Газпром", "Shell"),
    ("Німеччина будує завод спільно з Україною.", "COOPERATE", "Німеччина", "Україна"),
    # a number as subject counts the subject of the clause it is coordinated with
    ("В понедельник выборщики штата Мичиган собрались в Лансинге, и все шестнадцать проголосовали за Джо Байдена.",
     "SUPPORT", "Мичиган", "Джо Байден"),
]


@pytest.mark.parametrize("text,etype,actor,recipient", ARGUMENTS)
def test_actor_from_the_tree(pipeline, text, etype, actor, recipient):
    test_frame(pipeline, text, etype, actor, recipient)


PHRASES = [
    ("Посол Франції пригрозив учасникам проекту санкціями.", "THREATEN", "учасникам проекту"),
    ("Джон Болтон провел встречу с евроскептиками.", "CONSULT", "евроскептиками"),
    ("Уряд Польщі відхилив вимоги фермерів.", "REJECT", "фермерів"),
]


@pytest.mark.parametrize("text,etype,phrase", PHRASES)
def test_recipient_no_name_stands_for(pipeline, text, etype, phrase):
    """A recipient described, not named, is kept as its words: an analyst wants to know who
    was threatened even when nobody is named."""
    doc = analysed(pipeline, text + "\n")
    found = [(e.type, [doc.text[p.start:p.end] for p in e.recipient_phrases]) for e in doc.events]
    assert any(t == etype and any(phrase in p or p in phrase for p in ps) for t, ps in found), found


@pytest.mark.parametrize("text", ["Обстріл Харкова тривав усю ніч.", "Сенатор внес резолюцию об импичменте Байдена."])
def test_target_genitive_is_no_actor(pipeline, text):
    """The genitive of a noun of an act done to someone is its target: "обстріл Харкова"
    names no attacker, and Kharkiv must not become one."""
    doc = analysed(pipeline, text + "\n")
    names = {e.id: e.name for e in doc.entities}
    assert not any(names.get(a) in ("Харків", "Джо Байден") for e in doc.events for a in e.actors), doc.events


SPEECH = [
    # "я" in a quote is its speaker; "ми" the party of the speaker's role
    ("«Я підпишу угоду з ЄС», — заявив Борис Джонсон.", "AGREE", "Борис Джонсон", "ЄС"),
    ("«Ми підпишемо угоду з ЄС», — заявив прем'єр-міністр Великої Британії Борис Джонсон.", "AGREE",
     "Велика Британія", "ЄС"),
    # a subjectless infinitive in speech of one's own aims
    ("«Моя робота полягає в тому, щоб забезпечити кращу угоду з ЄС», — сказала Тереза Мей.", "AGREE",
     "Тереза Мей", "ЄС"),
]


@pytest.mark.parametrize("text,etype,actor,recipient", SPEECH)
def test_actor_in_speech_is_the_speaker(pipeline, text, etype, actor, recipient):
    test_frame(pipeline, text, etype, actor, recipient)


@pytest.mark.parametrize("text", ["Персонал лоукостера не исключает, что забастовки продолжатся.",
                                  "Польща виключила санкції проти Угорщини."])
def test_a_hedge_or_a_ruled_out_threat_is_no_event(pipeline, text):
    """"не исключает, что…" says something may happen; "виключила санкції" rules them out:
    neither rejects nor threatens anyone."""
    doc = analysed(pipeline, text + "\n")
    assert not [e for e in doc.events if e.type in ("REJECT", "THREATEN")], doc.events


def test_a_participle_that_describes_someone_is_no_event(pipeline):
    """"виправданого судом активіста": the acquittal is who he is, not what Poland did."""
    doc = analysed(pipeline, "Польща прийняла виправданого судом активіста з Білорусі.\n")
    assert not [e for e in doc.events if e.type == "RETREAT"], doc.events


@pytest.mark.parametrize("text,etype,kept", [
    ("В Пакистане освободили приговоренную к казни христианку.", "COERCE", "RETREAT"),
    ("Польша освободила задержанного в Минске журналиста.", "COERCE", "RETREAT"),
])
def test_a_participle_without_its_agent_describes_and_is_no_event(pipeline, text, etype, kept):
    doc = analysed(pipeline, text + "\n")
    types = [e.type for e in doc.events]
    assert kept in types and etype not in types, types


def test_a_participle_with_its_agent_is_the_event(pipeline):
    doc = analysed(pipeline, "Подписанное Германией соглашение вступило в силу.\n")
    assert [e.type for e in doc.events] == ["AGREE"]


@pytest.mark.parametrize("text", [
    # the parser takes "мать" for the subject of the plural verb; she is who was sentenced
    "Как сообщалось ранее, в 2012 году мать пятерых детей Марию Петрову приговорили к смерти через повешение.",
    # a passive's subject is its patient, whatever a window of words says
    "Мария Петрова работала на ферме. Потом ее избили рядом с домом, затем она была арестована.",
    # an indeclinable name as the object: a window of words reads it as the nominative actor
    "Однако позже Лали арестовали, продержали год в тюрьме, после чего предъявили обвинения.",
])
def test_the_patient_of_an_act_is_not_its_actor(pipeline, text):
    doc = analysed(pipeline, text + "\n")
    patient = {e.id for e in doc.entities if e.type == "PER"}
    assert patient, doc.entities
    assert not [e for e in doc.events if e.type == "COERCE" and set(e.actors) & patient], doc.events


def _parsed(words: list[tuple[str, str, int, str]]):
    """A sentence with the parse given: (word, upos, head, deprel) per word."""
    from newsgraph.model import Sentence, Token

    tokens, at = [], 0
    for k, (word, upos, head, deprel) in enumerate(words, 1):
        tokens.append(Token(at, at + len(word), k, word.lower(), upos, "", head, deprel))
        at += len(word) + 1
    return Sentence(0, at - 1, tuple(tokens))


def test_a_preposition_opens_an_oblique_subject_only_in_its_own_word():
    events = importlib.import_module("newsgraph.extract.events")
    # "до" on the first part of "прем'єр-міністерки": the addressee the parser made the subject
    addressee = _parsed([("Масіх", "PROPN", 2, "nsubj"), ("звернувся", "VERB", 0, "root"), ("до", "ADP", 4, "case"),
                         ("прем'єр", "ADJ", 6, "compound"), ("-", "PUNCT", 4, "punct"),
                         ("міністерки", "NOUN", 2, "nsubj"), ("Мей", "PROPN", 6, "flat:name")])
    # "У" on a month hung on the subject: the subject is still one
    month = _parsed([("У", "ADP", 2, "case"), ("травні", "NOUN", 3, "orphan"), ("суди", "NOUN", 4, "nsubj"),
                     ("заарештували", "VERB", 0, "root"), ("активи", "NOUN", 4, "obj")])
    assert events.Tree(addressee, {}).oblique_subject(addressee.tokens[5])
    assert not events.Tree(addressee, {}).oblique_subject(addressee.tokens[0])
    assert not events.Tree(month, {}).oblique_subject(month.tokens[2])


@pytest.mark.parametrize("text", ["INTERFAX.RU - Семья пострадавшей попросила Францию о политическом убежище.",
                                  "Би-би-си не рекомендует сайты, ссылки на которые присутствуют на странице."])
def test_an_outlet_is_never_an_actor(pipeline, text):
    doc = analysed(pipeline, text + "\n")
    outlets = {e.id for e in doc.entities if e.name in ("INTERFAX.RU", "BBC")}
    assert outlets and not any(set(ev.actors) & outlets for ev in doc.events)


def test_a_title_with_a_name_stands_for_the_person_not_the_office():
    events = importlib.import_module("newsgraph.extract.events")
    # "просит главу НАБУ Артема Сытника": the office's name hangs on the title, the person's too
    sent = _parsed([("просит", "VERB", 0, "root"), ("глава", "NOUN", 1, "obj"), ("НАБУ", "PROPN", 2, "nmod"),
                    ("Артема", "PROPN", 2, "appos"), ("Сытника", "PROPN", 4, "flat:name")])
    args = [events.Arg("org:nabu", "ORG", 2, 2, None), events.Arg("per:sytnik", "PER", 3, 4, None)]
    tree = events.Tree(sent, {3: 0, 4: 1, 5: 1})
    data = events.event_data("ru")
    assert [args[k].eid for k in tree.entities(sent.tokens[1], args, data)] == ["per:sytnik"]
    # without a person the office acts ("глава НАБУ заявил")
    tree = events.Tree(sent, {3: 0})
    assert [args[k].eid for k in tree.entities(sent.tokens[1], args, data)] == ["org:nabu"]


@pytest.mark.parametrize("text,actors", [
    ("Берлин серьезно относится к критике проекта со стороны Вашингтона.", ["Вашингтон"]),
    ("Во всех других моментах Байден может похвастаться только минусами для России: поддержка Украины.", []),
])
def test_the_agent_of_an_event_noun_is_its_actor_and_its_genitive_none(pipeline, text, actors):
    doc = analysed(pipeline, text + "\n")
    names = {e.id: e.name for e in doc.entities}
    assert [names[a] for ev in doc.events if ev.type in ("ACCUSE", "SUPPORT") for a in ev.actors] == actors


@pytest.mark.parametrize("text,etype", [
    ("Христианка Азия Биби покинет Пакистан из-за угрозы ее жизни.", "THREATEN"),
    ("На фоне нарастающих протестов с обращением к гражданам выступил премьер Имран Хан.", "PROTEST"),
    ("Сенатор Константин Косачев заключил, что Великобритания не воспользуется этим правом.", "COERCE"),
    # the clause's subject is not the noun's participant
    ("В результате забастовок, авиакомпания Ryanair выпустила объявление.", "PROTEST"),
    ("У результаті страйку авіакомпанія Ryanair скасувала 300 рейсів.", "PROTEST"),
])
def test_an_event_noun_giving_a_cause_needs_participants_of_its_own(pipeline, text, etype):
    doc = analysed(pipeline, text + "\n")
    assert etype not in [e.type for e in doc.events], doc.events


def test_an_event_noun_giving_a_cause_with_its_own_participants_stays(pipeline):
    doc = analysed(pipeline, "Через страйк пілотів Ryanair скасувала 300 рейсів.\n")
    assert [(e.type, e.actor_names) for e in doc.events] == [("PROTEST", ("пілот (Ryanair)",))]


def test_a_title_coreference_gave_another_holder_names_the_person_beside_it(pipeline):
    doc = analysed(pipeline, "Премьер-министр Тереза Мэй назначила Доминика Рааба новым министром по делам Брекзита. "
                             "Ранее британский министр по вопросам выхода из Европейского союза Дэвид Дэвис ушел "
                             "в отставку.\n")
    assert [e.actor_names for e in doc.events if e.type == "RETREAT"] == [("Дэвид Дэвис",)]


@pytest.mark.parametrize("text", [
    "У липні пішов у відставку міністр Девід Девіс через незгоду з урядовою стратегією співпраці Британії з ЄС.",
    "Дэвид Дэвис подал в отставку в связи с несогласием относительно плана выхода Великобритании из ЕС.",
])
def test_a_recipient_deep_in_a_phrase_of_another_noun_is_not_the_acts(pipeline, text):
    doc = analysed(pipeline, text + "\n")
    assert [ev.recipients for ev in doc.events if ev.type == "RETREAT"] == [()]


def test_a_recipient_behind_a_compound_preposition_stays():
    events = importlib.import_module("newsgraph.extract.events")
    # "санкций ЕС в отношении России": "отношении" is the preposition's own noun, not another phrase
    # (the phrase as the parser may hang it: "в отношении России" on "ЕС", the trigger "нарушения")
    sent = _parsed([("нарушения", "NOUN", 0, "root"), ("санкций", "NOUN", 1, "nmod"), ("ЕС", "PROPN", 2, "nmod"),
                    ("в", "ADP", 5, "case"), ("отношении", "NOUN", 3, "nmod"), ("России", "PROPN", 5, "nmod")])
    tree = events.Tree(sent, {})
    toks = list(sent.tokens)
    russia = events.Arg("loc:country:RU", "LOC", 5, 5, None, prep=("в", "отношении"))
    assert not events._deep_recipient(tree, toks, russia, {1})
    # one word of preposition: "ЕС" is then another noun's phrase, three nouns down
    assert events._deep_recipient(tree, toks, events.Arg("loc:country:RU", "LOC", 5, 5, None, prep=("в",)), {1})


@pytest.mark.parametrize("text,accusers", [
    ("Ранее пресс-секретарь Кремля Дмитрий Песков отверг эти обвинения.", []),
    ("Біля суду Асія Бібі заперечувала всі звинувачення.", []),
    ("Москва отвергла обвинения Лондона.", [["Лондон"]]),
])
def test_an_accusation_noun_accuses_through_its_own_words_not_the_denier(pipeline, text, accusers):
    doc = analysed(pipeline, text + "\n")
    names = {e.id: e.name for e in doc.entities}
    assert [[names[a] for a in ev.actors] for ev in doc.events if ev.type == "ACCUSE"] == accusers


def test_a_name_the_parser_hangs_on_a_thing_is_not_the_thing(pipeline):
    # "вироку Азії Бібі" read as a title and its holder: a verdict is no person, so Bibi
    # does not appeal against her own acquittal; a title of office keeps its holder
    doc = analysed(pipeline, "Пізніше ісламісти і пакистанський уряд уклали угоду, яка передбачає, що влада не "
                             "стане заперечувати проти оскарження виправдувального вироку Азії Бібі, і протести "
                             "вдалося припинити.\n")
    names = {e.id: e.name for e in doc.entities}
    assert not [ev for ev in doc.events if "Азія Біба" in [names.get(a) for a in ev.actors]]
    doc = analysed(pipeline, "Ашіг Масіх звернувся до прем'єр-міністерки Великобританії Терези Мей із проханням "
                             "допомогти родині.\n")
    names = {e.id: e.name for e in doc.entities}
    assert [[names[r] for r in ev.recipients] for ev in doc.events if ev.type == "REQUEST"] == [["Тереза Мей"]]



def _parties(pipeline, text, etype):
    """Actor and recipient names of the first ``etype`` event of one text."""
    doc = analysed(pipeline, text)
    names = {e.id: e.name for e in doc.entities}
    found = [ev for ev in doc.events if ev.type == etype]
    assert found, doc.events
    return [names[a] for a in found[0].actors], [names[r] for r in found[0].recipients]


def test_an_arrest_the_parser_made_a_subject_is_the_court_s_act(pipeline):
    # the parser reads "арешт" as a second nominative subject of "відновив" (syntax.one_subject)
    actors, _ = _parties(pipeline, "Вищий суд швейцарського кантону Цуг відновив арешт акцій Nord Stream AG, "
                                   "які належать ПАТ \"Газпром\".", "COERCE")
    assert actors == ["Вищий суд швейцарського кантону Цуг"]


def test_a_meeting_that_takes_place_is_between_the_ones_it_names(pipeline):
    assert _parties(pipeline, "Вчора в Женеві відбулася зустріч президента Росії Володимира Путіна "
                              "та президента США Джо Байдена.", "CONSULT") == (["Володимир Путін"], ["Джо Байден"])

