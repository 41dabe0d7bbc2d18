"""The analyze stage's own decisions around the recognisers."""
from __future__ import annotations

from newsgraph.analysis.annotate import _runs
from newsgraph.analysis.nonnames import _lone_adjective
from newsgraph.model import Document, Segment, Source, Span


def test_lone_adjective_is_no_name_unless_quoted_or_possessive():
    assert _lone_adjective("Євроатлантична", "uk")
    assert not _lone_adjective("Північна", "uk", "ції біологічної очистки «")
    assert not _lone_adjective("Марк Рютте", "uk")
    assert not _lone_adjective("НАТО", "uk")
    # a possessive made from a name names its person ("Ірмина мама", "Шекспірових сонетах")
    assert not _lone_adjective("Ірмина", "uk") and not _lone_adjective("Шекспірових", "uk")
    assert _lone_adjective("Київська", "uk")


def test_runs_join_consecutive_segments_of_one_language_and_stop_at_widgets():
    text = ("Рютте прибув до Берліна\n"
            "Генсек НАТО зустрівся з Олафом Шольцом.\n"
            "Читайте також: ЄС посилює санкції\n"
            "Написать комментарий\n"
            "Шольц заявив, що Німеччина продовжить допомогу.")
    lines, pos, segments = text.split("\n"), 0, []
    kinds = ["title", "body", "related", "boilerplate", "body"]
    languages = ["uk", "uk", "uk", "ru", "uk"]
    for line, kind, language in zip(lines, kinds, languages):
        segments.append(Segment(pos, pos + len(line), kind, language))
        pos += len(line) + 1
    doc = Document(id="t", source=Source(), language="uk", title=None, lead=None, published=None,
                   text=text, segments=segments)
    runs = _runs(doc)
    assert list(runs) == ["uk"]
    assert [t for _, t in runs["uk"]] == ["\n".join(lines[:3]), lines[4]]
    assert all(text[o : o + len(t)] == t for o, t in runs["uk"])


def test_ukrainian_model_reads_pieces_cut_at_line_ends():
    from newsgraph.lang.uk.ner import pieces, recognize_many

    paragraph = "Олаф Шольц зустрівся з Марком Рютте в Берліні."
    text = "\n".join([paragraph] * 80)
    cut = pieces(text, 500)
    assert len(cut) > 1 and all(len(p) <= 500 for _, p in cut)
    assert all(text[o : o + len(p)] == p for o, p in cut)
    assert "".join(p + "\n" for _, p in cut)[:-1] == text  # only the line breaks at the cuts are left out
    spans = recognize_many([text])[0]
    assert {text[s.start : s.end] for s in spans} >= {"Олаф Шольц", "Марком Рютте", "Берліні"}
    assert len(spans) >= 3 * 79


def test_shipped_ukrainian_model_reads_its_vectors_and_places_by_lemma():
    """spaCy 3.8 saves no key attribute for a vector table: without the one
    training writes into vocab/vectors.cfg the vectors would be looked up by
    surface form, and the model would silently lose them."""
    from spacy.attrs import NORM

    from newsgraph.lang.uk.ner import _nlp

    nlp = _nlp()
    assert nlp.vocab.vectors.shape[0] > 10_000 and nlp.vocab.vectors.attr == NORM
    doc = nlp("Світло вимкнули в Хоролі та Гаврилівці, повідомили в Берліні.")
    tokens = {t.text: t for t in doc}
    assert tokens["Хоролі"].tag_.endswith("_GEO") and tokens["Гаврилівці"].tag_.endswith("_GEO")
    assert tokens["Берліні"].norm_ == "берлін"
    assert nlp.vocab.vectors.find(key=tokens["Берліні"].norm) >= 0  # navec's "берлин"
    assert nlp.vocab.vectors.find(key=tokens["Берліні"].orth) < 0


def test_a_mention_across_a_line_break_is_dropped(monkeypatch):
    from newsgraph.analysis import annotate as stage

    text = "Зеленський обговорив посилення ППО\nПрезидент України провів розмову з Макроном."
    title_end = text.index("\n")
    doc = Document(id="t", source=Source(), language="uk", title=None, lead=None, published=None, text=text,
                   segments=[Segment(0, title_end, "title", "uk"), Segment(title_end + 1, len(text), "body", "uk")])

    def recognize_many(texts):
        (run,) = texts
        start = run.index("ППО")
        return [[Span(start, run.index(" провів"), "ORG"), Span(run.index("Макроном"), len(run) - 1, "PER")]]

    monkeypatch.setattr(stage, "_recognizer", lambda language: recognize_many)
    mentions = [m.text for e in stage.annotate(doc).entities for m in e.mentions]
    assert "Макроном" in mentions
    assert not any("\n" in m for m in mentions)


def test_known_name_holding_recognised_spans_replaces_them():
    from newsgraph.analysis import gazetteer

    text = "Японія, Австралія та Нова Зеландія посилюють співпрацю з Міністерством оборони України."
    known = gazetteer.find(text, "uk")
    assert (text.index("Нова"), text.index(" посилюють"), "LOC") in {(k.start, k.end, k.type) for k in known}
    nova, zealand = text.index("Нова"), text.index("Зеландія")
    ministry = Span(text.index("Міністерством"), len(text) - 1, "ORG")
    merged = gazetteer.merge([Span(nova, nova + 4, "LOC"), Span(zealand, zealand + 8, "LOC"), ministry], known)
    surfaces = [text[s.start : s.end] for s in merged]
    assert "Нова Зеландія" in surfaces and "Зеландія" not in surfaces and "Нова" not in surfaces
    assert "Міністерством оборони України" in surfaces and "України" not in surfaces  # the longer recognised span stays
    assert "Японія" in surfaces  # a known name nobody recognised is added


def test_street_word_and_name_are_one_location():
    from newsgraph.analysis import addresses

    text = "Уламки впали на вул. Т. Г. Шевченка та на площі Героїв Майдану, на вулицях міста тихо."
    assert [text[s.start : s.end] for s in addresses.find(text, "uk")] == ["вул. Т. Г. Шевченка",
                                                                           "площі Героїв Майдану"]
    ru = "Акция прошла на улице Ленина."
    assert [ru[s.start : s.end] for s in addresses.find(ru, "ru")] == ["улице Ленина"]
    assert addresses.find(text, "en") == []
    shevchenko = text.index("Шевченка")
    merged = addresses.merge(text, [Span(shevchenko, shevchenko + 8, "PER")], "uk")
    assert [(text[s.start : s.end], s.type) for s in merged] == [("вул. Т. Г. Шевченка", "LOC"),
                                                                 ("площі Героїв Майдану", "LOC")]


def _found(text, language, spans=()):
    from newsgraph.analysis import addresses

    return [(text[s.start : s.end], s.type) for s in addresses.merge(text, list(spans), language)]


def test_each_street_of_a_list_and_its_house_number():
    text = ("Ремонт пройде на вул. Горького, Якубовського, Соборна в м. Фастів, "
            "а офіс фірми зареєстровано за адресою вул. Промислова, буд. 29, на вулиці 40-річчя Перемоги, 7-А.")
    assert _found(text, "uk") == [("вул. Горького", "LOC"), ("Якубовського", "LOC"), ("Соборна", "LOC"),
                                  ("Фастів", "LOC"), ("вул. Промислова, буд. 29", "LOC"),
                                  ("вулиці 40-річчя Перемоги, 7-А", "LOC")]
    ru = "Газ отключат в доме на ул. Мира, д. 5, на улицах Харькова и на улице Ленина, Гагарина и Садовой."
    assert _found(ru, "ru") == [("ул. Мира, д. 5", "LOC"), ("улице Ленина", "LOC"), ("Гагарина", "LOC"),
                                ("Садовой", "LOC")]


def test_a_name_after_a_street_is_no_street_unless_it_ends_a_list_item():
    text = "Після обстрілу на вулиці Шевченка, Віталій Кличко повідомив про двох поранених."
    assert _found(text, "uk") == [("вулиці Шевченка", "LOC")]
    text = "Після обстрілу на вулиці Шевченка, Кличко повідомив про двох поранених."
    assert _found(text, "uk") == [("вулиці Шевченка", "LOC")]


def test_a_recognised_street_gets_its_house_number():
    text = "Будівля на Контрактовій площі, 4 належить місту."
    start = text.index("Контрактовій")
    assert _found(text, "uk", [Span(start, start + len("Контрактовій площі"), "LOC")]) == [
        ("Контрактовій площі, 4", "LOC")]


def test_a_name_after_a_settlement_abbreviation_is_a_place():
    text = "Роботи проведуть у смт Димер та с.\nЛиповий Скиток, а також у с. Ясногородка."
    yasno = text.index("Ясногородка")
    found = _found(text, "uk", [Span(yasno, yasno + len("Ясногородка"), "PER")])
    assert found == [("Димер", "LOC"), ("Липовий Скиток", "LOC"), ("Ясногородка", "LOC")]
    # metres are no settlement, and a longer recognised name keeps the town inside it
    text = "Площа 67,4 кв. м. Ігор Петренко купив її. Позов подав до Печерського райсуду м. Києва."
    court = text.index("Печерського")
    assert _found(text, "uk", [Span(court, len(text) - 1, "ORG")]) == [
        ("Печерського райсуду м. Києва", "ORG")]
    ru = "Жители пгт Ильинка и д. Петровка остались без света."
    assert _found(ru, "ru") == [("Ильинка", "LOC"), ("Петровка", "LOC")]
    # an adjective-like town name, then its region: two places
    text = "Засновник фірми живе у м. Вишневе Київської області."
    region = text.index("Київської")
    assert _found(text, "uk", [Span(region, len(text) - 1, "LOC")]) == [("Вишневе", "LOC"),
                                                                         ("Київської області", "LOC")]


def test_street_named_after_a_person_is_no_person_in_the_analysis():
    import newsgraph

    doc = newsgraph.analyze("Обстріл Харкова\nРакета влучила в будинок на вулиці Шевченка, повідомив Ігор Терехов.")
    found = {(m.text, e.type) for e in doc.entities for m in e.mentions}
    assert ("вулиці Шевченка", "LOC") in found
    assert not any(text == "Шевченка" for text, _ in found)
    assert ("Ігор Терехов", "PER") in found


def test_roman_numerals_and_the_state_of_a_law_are_no_names():
    from newsgraph.analysis import nonnames

    text = "Директори шкіл I-III ступенів обговорили зміни до Закону України «Про освіту» з послом України."
    spans = [Span(text.index("I-III"), text.index(" ступенів"), "PER")]
    for word in ("України «", "України."):
        start = text.index(word)
        spans.append(Span(start, start + len("України"), "LOC"))
    kept = nonnames.drop(text, spans, "uk")
    assert [(text[s.start : s.end], s.start) for s in kept] == [("України", text.index("України."))]
    # factRuEval marks the state of a Russian code as a place: no law words for ru
    ru = "Статья 283 Уголовного кодекса России."
    spans = [Span(ru.index("России"), ru.index("России") + 6, "LOC")]
    assert nonnames.drop(ru, spans, "ru") == spans


def test_a_known_place_in_quotes_is_a_title_not_the_place():
    from newsgraph.analysis import gazetteer

    text = "Редакція газети «Житомирщина» переїхала з Житомира до Києва."
    assert [text[s.start : s.end] for s in gazetteer.find(text, "uk")] == ["Житомира", "Києва"]
    # a known organisation in quotes is the organisation, not a title
    text = "Кошти отримали «Укрзалізниця» та «Укравтодор», а газета «Київ» написала про це."
    assert [(text[s.start : s.end], s.type) for s in gazetteer.find(text, "uk")] == [
        ("Укрзалізниця", "ORG"), ("Укравтодор", "ORG")]


def _fixed(text, spans, language="uk"):
    from newsgraph.analysis import boundaries

    found = []
    for surface, etype in spans:
        start = text.index(surface)
        found.append(Span(start, start + len(surface), etype))
    return [(text[s.start : s.end], s.type) for s in boundaries.fix(text, found, language)]


def test_a_person_after_an_organisation_is_split_off():
    text = "Це підтвердив глава Ленінської райадміністрації Максим Мусєєв."
    assert _fixed(text, [("Ленінської райадміністрації Максим Мусєєв", "ORG")]) == [
        ("Ленінської райадміністрації", "ORG"), ("Максим Мусєєв", "PER")]
    text = "Семінар провела викладачка НВК №9 Наталія Оцишена."
    assert _fixed(text, [("НВК №9 Наталія Оцишена", "ORG")]) == [("НВК №9", "ORG"), ("Наталія Оцишена", "PER")]
    # a name the organisation bears stays in it: genitive, quoted, or after a capitalised word
    for org in ("Блок Петра Порошенка", "ПАТ «Страхова компанія «Інго Україна»", "ФОП Наталія Петренко"):
        assert _fixed(f"Договір уклали з {org} минулого тижня.", [(org, "ORG")]) == [(org, "ORG")]


def test_an_institution_named_after_a_person_is_one_organisation():
    text = "Виставку відкрив викладач К-ПНУ ім. Івана Огієнка Олександр Віштаченко."
    assert _fixed(text, [("К-ПНУ", "ORG"), ("Івана Огієнка", "PER"), ("Олександр Віштаченко", "PER")]) == [
        ("К-ПНУ ім. Івана Огієнка", "ORG"), ("Олександр Віштаченко", "PER")]
    assert _fixed(text, [("К-ПНУ ім. Івана Огієнка", "PER")]) == [("К-ПНУ ім. Івана Огієнка", "ORG")]
    ru = "Его наградили в МГУ имени Ломоносова."
    assert _fixed(ru, [("МГУ", "ORG"), ("Ломоносова", "PER")], "ru") == [("МГУ имени Ломоносова", "ORG")]


def test_a_latin_gloss_of_a_common_word_is_a_term():
    from newsgraph.analysis import nonnames

    text = "До найпростіших ( Protozoa ) належать слизовики, а боровики (Boletus edulis) їстівні. Фонд природи (WWF) і Google (Alphabet) теж."
    spans = [Span(text.index(w), text.index(w) + len(w), "ORG") for w in ("Protozoa", "Boletus edulis", "WWF", "Alphabet")]
    assert [text[s.start : s.end] for s in nonnames.drop(text, spans, "uk")] == ["WWF", "Alphabet"]
    ru = "Международная амнистия (Amnesty International) осудила приговор."
    spans = [Span(0, len("Международная амнистия"), "ORG"), Span(ru.index("Amnesty"), ru.index(")"), "ORG")]
    assert nonnames.drop(ru, spans, "ru") == spans


def test_a_title_and_a_verb_are_no_part_of_a_name():
    text = "Прем'єр-міністр Великої Британії виступив. Європейська комісія нагадала про правила."
    assert _fixed(text, [("Прем'єр-міністр Великої Британії", "ORG"), ("Європейська комісія нагадала", "ORG")]) == [
        ("Великої Британії", "LOC"), ("Європейська комісія", "ORG")]
    text = "Генеральний директор компанії назвав вимоги нереалістичними, а Верховна Рада мовчить."
    assert _fixed(text, [("Генеральний директор компанії", "ORG"), ("Верховна Рада", "ORG")]) == [
        ("Верховна Рада", "ORG")]


def test_particles_join_a_name_and_a_country_joins_its_ministry():
    text = "Голова Єврокомісії Урсула фон дер Ляєн привітала рішення."
    assert _fixed(text, [("Єврокомісії", "ORG"), ("Урсула", "PER"), ("Ляєн", "PER")]) == [
        ("Єврокомісії", "ORG"), ("Урсула фон дер Ляєн", "PER")]
    ru = "Об этом сообщили в МИД Турции и в Министерстве обороны Турции."
    assert _fixed(ru, [("МИД", "ORG"), ("Турции", "LOC")], "ru") == [("МИД Турции", "ORG")]
    # a district after a council is a place of its own
    text = "Ділянка в межах Глибоцької сільської ради Бориспільського району."
    spans = [("Глибоцької сільської ради", "ORG"), ("Бориспільського району", "LOC")]
    assert _fixed(text, spans) == spans


def test_a_foreign_name_after_an_organisation_word_is_an_organisation():
    text = "Авіакомпанія Ryanair скасувала рейси, засновник компанії Ілон Маск мовчить, партія Польщі теж."
    spans = [("Ryanair", "PER"), ("Ілон Маск", "PER"), ("Польщі", "LOC")]
    assert _fixed(text, spans) == [("Ryanair", "ORG"), ("Ілон Маск", "PER"), ("Польщі", "LOC")]


def test_quoted_names_after_an_organisation_word_are_organisations():
    text = "Тендер виграли московські компанії: «Арс», «Ніка» і «Некст», а видання «Курс» про це написало."
    assert _fixed(text, [("Ніка", "PER")]) == [("Арс", "ORG"), ("Ніка", "ORG"), ("Некст", "ORG")]
    # a quoted name is as written: no title or verb is cut from it
    text = "Також «Прем'єр Лізинг» отримав кошти, а ТОВ «Віртум строй» ні."
    spans = [("Прем'єр Лізинг", "ORG"), ("ТОВ «Віртум строй»", "ORG")]
    assert _fixed(text, spans) == spans


def test_a_region_after_a_court_stays_a_place():
    text = "Про це свідчить вирок Красноградського райсуду Харківської області."
    spans = [("Красноградського райсуду", "ORG"), ("Харківської області", "LOC")]
    assert _fixed(text, spans) == spans


def test_a_citys_streets_are_no_street_and_a_woman_is_no_place():
    text = "Люди вышли на улицы Белграда, а полиция перекрыла улицу Ленина."
    assert _found(text, "ru") == [("улицу Ленина", "LOC")]
    ru = "Еврокомиссар Марта Кос посетила Софию Киевскую и Нови-Сад."
    spans = [("Марта Кос", "LOC"), ("Софию Киевскую", "LOC")]
    assert _fixed(ru, spans, "ru") == [("Марта Кос", "PER"), ("Софию Киевскую", "LOC")]
    uk = "Єврокомісарка Марта Кос відвідала Олександрію Кіровоградську."
    spans = [("Марта Кос", "LOC"), ("Олександрію Кіровоградську", "LOC")]
    assert _fixed(uk, spans, "uk") == [("Марта Кос", "PER"), ("Олександрію Кіровоградську", "LOC")]
    text = "Прем'єр-міністерка Японії Санае Такаїті прибула до Сеула."
    assert _fixed(text, [("Прем'єр-міністерка Японії", "ORG")]) == [("Японії", "LOC")]


def test_pre_tokenised_abbreviations():
    text = "Ділянку площею 9 га у межах с . Михалкове орендує фірма з вул . Шевченка , 5 ; площа 67 кв . м . Ігор купив її ."
    assert _found(text, "uk") == [("Михалкове", "LOC"), ("вул . Шевченка , 5", "LOC")]
    text = "Доповідь зробила викладачка К-ПНУ ім . Івана Огієнка ."
    assert _fixed(text, [("К-ПНУ", "ORG"), ("Івана Огієнка", "PER")]) == [("К-ПНУ ім . Івана Огієнка", "ORG")]


def test_names_end_at_word_ends_and_before_a_list_or_a_rank():
    text = "Фрідріх Фальц-Фейн заснував заповідник, а збірна їде до Ріо-де-Жанейро-2016."
    assert _fixed(text, [("Фрідріх Фальц", "PER"), ("Жанейро-2016", "LOC")]) == [
        ("Фрідріх Фальц-Фейн", "PER"), ("Ріо-де-Жанейро-2016", "LOC")]
    text = "Війська Хмельницького і кримських татар почали облогу."
    assert _fixed(text, [("Хмельницького і кримських", "PER")]) == [("Хмельницького", "PER")]
    # an organisation keeps its own conjunction and its own title words
    text = "Заяву оприлюднили Міністерство освіти і науки та Рада директорів, її зачитав начальник ГУ НГУ підполковник Сергій Мальцев."
    spans = [("Міністерство освіти і науки", "ORG"), ("Рада директорів", "ORG"), ("ГУ НГУ підполковник", "ORG"),
             ("Сергій Мальцев", "PER")]
    assert _fixed(text, spans) == [("Міністерство освіти і науки", "ORG"), ("Рада директорів", "ORG"),
                                   ("ГУ НГУ", "ORG"), ("Сергій Мальцев", "PER")]


def test_two_people_without_a_comma_are_two():
    text = "У 2013 році мати Юрія Мірошниченка Валентина Кочура купила будинок, а Тіною Кароль захоплюються."
    assert _fixed(text, [("Юрія Мірошниченка Валентина Кочура", "PER"), ("Тіною Кароль", "PER")]) == [
        ("Юрія Мірошниченка", "PER"), ("Валентина Кочура", "PER"), ("Тіною Кароль", "PER")]


def test_regions_dates_and_words_that_run_on():
    text = ("Станція в Криничанському р-ні (Криничанський р-н, Дніпропетровська обл.) подала позов, "
            "який Кіровський райсуд м. Дніпропетровська 6 травня розглянув. Корпус Хмельницької обласної "
            "дитячої лікарні очікуваною вартістю, студентів Тернопільського педагогічного.")
    spans = [("Криничанському р-", "LOC"), ("Криничанський р-н", "ORG"), ("Дніпропетровська обл.", "LOC"),
             ("Кіровський райсуд м. Дніпропетровська 6", "ORG"),
             ("Хмельницької обласної дитячої лікарні очікуваною", "ORG"), ("Тернопільського педагогічного", "ORG")]
    assert _fixed(text, spans) == [
        ("Криничанському р-ні", "LOC"), ("Криничанський р-н", "LOC"), ("Дніпропетровська обл", "LOC"),  # NER-UK: no dot
        ("Кіровський райсуд м. Дніпропетровська", "ORG"), ("Хмельницької обласної дитячої лікарні", "ORG"),
        ("Тернопільського педагогічного", "ORG")]


def test_every_item_of_an_announced_street_list_is_a_street():
    text = ("Місто відремонтує дороги вулиць: В. Чорновола, Різдвяна, Героїв Сталінграда, б-р Шевченка, "
            "30 років Перемоги та Лісова Просіка. Роботи почнуться влітку на вул. Садовій, 5.")
    assert [t for t, _ in _found(text, "uk")] == ["В. Чорновола", "Різдвяна", "Героїв Сталінграда", "б-р Шевченка",
                                                  "30 років Перемоги", "Лісова Просіка", "вул. Садовій, 5"]
    # no list without a colon, and none of what is not capitalised
    assert _found("На вулиці: люди стояли, чекали.", "uk") == []
    ru = "Без света остались улицы: Ленина, Садовая и Мира."
    assert [t for t, _ in _found(ru, "ru")] == ["Ленина", "Садовая", "Мира"]


def test_a_name_found_once_is_found_wherever_it_recurs_in_the_document():
    from newsgraph.analysis import consistency

    title = "ОСББ на Виноградарі судиться з Загребельською"
    body = ("Загребельська очолює ОСББ із 2019 року. Правління ОСББ зібралося в четвер, "
            "а Загребельська не прийшла до бухгалтерії ОСББ. Староста будинку мовчить. Обов'язки старости ніхто не виконує. "
            "Від ОСББ «Нива Плюс» ніхто не прийшов.")
    osbb = body.index("ОСББ")
    spans = [Span(osbb, osbb + 4, "ORG"), Span(0, len("Загребельська"), "PER"),
             Span(body.index("Староста"), body.index(" будинку"), "PER")]
    title_spans, body_spans = consistency.spread([(title, [], "uk"), (body, spans, "uk")])
    assert title_spans == [Span(0, 4, "ORG")]  # across stretches of the document
    found = [(body[s.start : s.end], s.type, s.start) for s in body_spans]
    assert ("ОСББ", "ORG", body.index("бухгалтерії ОСББ") + 12) in found
    assert ("ОСББ", "ORG", body.index("Правління ОСББ") + 10) not in found  # glued to a capitalised word
    assert ("Загребельська", "PER", body.index("а Загребельська") + 2) in found
    # the surname of a full name, alone further on
    later = "Голова правління Ірина Кошель подала позов. Кошель вимагає компенсації."
    (with_surname,) = consistency.spread([(later, [Span(17, 29, "PER")], "uk")])
    assert [later[s.start : s.end] for s in with_surname] == ["Ірина Кошель", "Кошель"]
    assert ("ОСББ", "ORG", body.index("Від ОСББ") + 4) not in found  # part of «ОСББ «Нива Плюс»»
    # a capitalised common word ("Староста" at a sentence start) that also stands in lower case is no name to spread
    assert sum(1 for text, _, _ in found if text == "Староста") == 1
    # a name with two types in the document is left as the recogniser read it
    mixed = "Київ переміг. Київ готує бюджет."
    assert consistency.spread([(mixed, [Span(0, 4, "ORG"), Span(14, 18, "LOC")], "uk")]) == [
        [Span(0, 4, "ORG"), Span(14, 18, "LOC")]]


def test_abbreviations_of_common_nouns_and_natural_features():
    from newsgraph.analysis import boundaries, nonnames

    text = "Дрон атакував НПЗ під Саратовом, а ППО збила ракети над Фінською затокою."
    spans = [Span(text.index("НПЗ"), text.index("НПЗ") + 3, "ORG"),
             Span(text.index("Саратовом"), text.index(", а"), "LOC"),
             Span(text.index("ППО"), text.index("ППО") + 3, "ORG"),
             Span(text.index("Фінською"), len(text) - 1, "ORG")]
    kept = nonnames.drop(text, spans, "uk")
    assert [text[s.start : s.end] for s in kept] == ["Саратовом", "Фінською затокою"]
    assert [(text[s.start : s.end], s.type) for s in boundaries.fix(text, kept, "uk")][-1] == ("Фінською затокою", "LOC")
    ru = "Суда прошли Финский залив."
    assert boundaries.fix(ru, [Span(12, 25, "ORG")], "ru") == [Span(12, 25, "LOC")]
    # only adjectives before the feature word make it a place
    assert boundaries.fix("Хуторок у моря", [Span(0, 14, "ORG")], "uk") == [Span(0, 14, "ORG")]


def test_a_known_name_ending_in_a_title_word_keeps_it():
    text = "Кабінет міністрів ухвалив постанову, а генерал Залужний її підтримав."
    assert _fixed(text, [("Кабінет міністрів", "ORG")]) == [("Кабінет міністрів", "ORG")]


def test_an_organisation_ends_at_its_country_unless_a_preposition_goes_on():
    text = "За даними Національного банку України поточного року інфляція впала."
    assert _fixed(text, [("Національного банку України поточного року", "ORG")]) == [
        ("Національного банку України", "ORG")]
    text = "Рятувальники ДСНС України в Житомирській області та Подільська районна у м. Києві рада."
    assert _fixed(text, [("ДСНС України в Житомирській області", "ORG"),
                         ("Подільська районна у м. Києві рада", "ORG")]) == [
        ("ДСНС України в Житомирській області", "ORG"), ("Подільська районна у м. Києві рада", "ORG")]


def test_company_forms_keep_their_dot_and_a_regions_short_form_is_the_region():
    from newsgraph.analysis.baseforms import base_form
    from newsgraph.link.kb import knowledge_base

    text = "Засновники: «Ронтекс Інк.» (Беліз) та Redshire Solutions Ltd. з Кіпру."
    spans = [("Ронтекс Інк", "ORG"), ("Redshire Solutions Ltd", "PER")]
    assert _fixed(text, spans) == [("Ронтекс Інк.", "ORG"), ("Redshire Solutions Ltd.", "ORG")]
    assert base_form("Донецької обл", "LOC", "uk") == "Донецька обл"
    assert base_form("Криничанського р-ну", "LOC", "uk") == "Криничанський р-н"
    assert base_form("Донецкой обл.", "LOC", "ru") == "Донецкая обл."
    assert knowledge_base().lookup("Донецька обл", "uk").id == "loc:region:Donetsk-Oblast"


def test_a_quoted_nickname_joins_first_name_and_surname():
    text = "Грали саксофоніст Дмитро « Бобін » Александров і гітарист Олег «Шева» Бойко, а Петро Іванов читав «Вісті»."
    spans = [("Дмитро « Бобін", "PER"), ("Александров", "PER"), ("Олег", "PER"), ("Бойко", "PER"),
             ("Петро Іванов", "PER"), ("Вісті", "ORG")]
    assert _fixed(text, spans) == [("Дмитро « Бобін » Александров", "PER"), ("Олег «Шева» Бойко", "PER"),
                                   ("Петро Іванов", "PER"), ("Вісті", "ORG")]


def test_legal_forms_join_a_quoted_company_and_brackets_end_where_they_close():
    text = ("Договір з АК «Харківобленерго» уклали, а Міжнародну організацію стандартизації ( ISO ) "
            "і ТК СНТТ ) [ 2 ] згадують разом зі Всесвітнім фондом природи ( WWF ).")
    spans = [("Харківобленерго", "ORG"), ("Міжнародну організацію стандартизації (", "ORG"),
             ("ТК СНТТ ) [ 2", "ORG"), ("Всесвітнім фондом природи ( WWF )", "ORG")]
    assert _fixed(text, spans) == [("АК «Харківобленерго»", "ORG"), ("Міжнародну організацію стандартизації", "ORG"),
                                   ("ТК СНТТ", "ORG"), ("Всесвітнім фондом природи ( WWF )", "ORG")]


def test_a_settlement_and_its_region_are_two_places():
    text = "Завод в Іршанську Житомирської області, у Жашківському районі Черкаської області та Харківська та Сумська області."
    spans = [("Іршанську Житомирської області", "LOC"), ("Жашківському районі Черкаської області", "LOC"),
             ("Харківська та Сумська області", "LOC")]
    assert _fixed(text, spans) == [("Іршанську", "LOC"), ("Житомирської області", "LOC"),
                                   ("Жашківському районі Черкаської області", "LOC"),
                                   ("Харківська та Сумська області", "LOC")]


def test_a_place_closing_a_quoted_title_is_part_of_the_title():
    from newsgraph.analysis import nonnames

    text = "Про це пишуть «Наші гроші.\nЗапоріжжя» з посиланням на суд. А у «Львові» тихо, як і в Запоріжжі."
    spans = [Span(text.index("Запоріжжя»"), text.index("Запоріжжя»") + 9, "LOC"),
             Span(text.index("Львові"), text.index("Львові") + 6, "LOC"),
             Span(text.index("Запоріжжі"), text.index("Запоріжжі") + 9, "LOC")]
    assert [text[s.start : s.end] for s in nonnames.drop(text, spans, "uk")] == ["Львові", "Запоріжжі"]


def test_a_quoted_organisation_ends_with_its_closing_quote():
    text = "Договір уклало КП «Маріупольське трамвайно-тролейбусне управління» з фірмою."
    assert _fixed(text, [("КП «Маріупольське трамвайно-тролейбусне управління", "ORG")]) == [
        ("КП «Маріупольське трамвайно-тролейбусне управління»", "ORG")]


def test_a_unit_of_a_local_authority_is_one_organisation_with_it():
    text = "Тендер оголосив Департамент соціальної політики Житомирської облдержадміністрації."
    assert _fixed(text, [("Департамент соціальної політики", "ORG"),
                         ("Житомирської облдержадміністрації", "ORG")]) == [
        ("Департамент соціальної політики Житомирської облдержадміністрації", "ORG")]
    text = "Управління культури Запорізької міської ради уклало угоду."
    assert _fixed(text, [("Управління культури", "ORG"), ("Запорізької міської ради", "ORG")]) == [
        ("Управління культури Запорізької міської ради", "ORG")]
    # a company owned by a council is no unit of it
    text = "Угоду підписало КП «Ритуал» Харківської міськради."
    assert _fixed(text, [("КП «Ритуал»", "ORG"), ("Харківської міськради", "ORG")]) == [
        ("КП «Ритуал»", "ORG"), ("Харківської міськради", "ORG")]
    text = "Об этом сообщил отдел образования администрации Сочи."
    assert _fixed(text, [("отдел образования", "ORG"), ("администрации Сочи", "ORG")], "ru") == [
        ("отдел образования администрации Сочи", "ORG")]


def test_a_state_body_and_the_region_it_serves_are_one_organisation():
    text = "Рятувальники ДСНС України в Житомирській області ліквідували пожежу."
    assert _fixed(text, [("ДСНС України", "ORG"), ("Житомирській області", "LOC")]) == [
        ("ДСНС України в Житомирській області", "ORG")]
    # a quoted company in a region is not its office
    text = "ДП «Укрдержбудекспертиза» в Миколаївській області видало висновок."
    assert _fixed(text, [("ДП «Укрдержбудекспертиза»", "ORG"),
                         ("Миколаївській області", "LOC")]) == [
        ("ДП «Укрдержбудекспертиза»", "ORG"), ("Миколаївській області", "LOC")]


def test_a_company_form_after_a_name_is_part_of_it():
    text = "Послуги надасть «Ricondo & Associates, Inc.», а обладнання — MAKO Trading SA."
    assert _fixed(text, [("Ricondo & Associates", "ORG"), ("Inc", "PER"), ("MAKO Trading", "ORG")]) == [
        ("Ricondo & Associates, Inc.", "ORG"), ("MAKO Trading SA", "ORG")]


def test_a_persons_name_ends_in_a_capitalised_word():
    text = "Денис радів перемозі, а Індо-Тихоокеанська безпека лишається темою саміту."
    assert _fixed(text, [("Денис радів", "PER"), ("Індо-Тихоокеанська безпека", "PER")]) == [("Денис", "PER")]
    # particles stay inside the name
    text = "Зустрілися Урсула фон дер Ляєн та Людвіг ван Бетховен."
    assert _fixed(text, [("Урсула фон дер Ляєн", "PER")]) == [("Урсула фон дер Ляєн", "PER")]


def test_one_name_one_type_in_a_document():
    """The recogniser types each occurrence from its neighbours; a document gives a name one
    type: the majority's, and in a language with a script of its own a lone Latin word is
    no person ("Ryanair" read as a person after "скасував")."""
    from newsgraph.analysis.consistency import spread
    from newsgraph.model import Span

    text = "Ryanair скасував рейси. Ryanair заявила про страйк. Ryanair відповіла."
    at = [i for i in range(len(text)) if text.startswith("Ryanair", i)]
    spans = [Span(at[0], at[0] + 7, "PER"), Span(at[1], at[1] + 7, "ORG"), Span(at[2], at[2] + 7, "PER")]
    (out,) = spread([(text, spans, "uk")])
    assert [s.type for s in out] == ["ORG", "ORG", "ORG"]
    # a majority of one type wins over the odd one out, in any script
    ru = "Мэй прибыла. Мэй заявила. Мэй уехала."
    at = [i for i in range(len(ru)) if ru.startswith("Мэй", i)]
    (out,) = spread([(ru, [Span(at[0], at[0] + 3, "PER"), Span(at[1], at[1] + 3, "LOC"),
                           Span(at[2], at[2] + 3, "PER")], "ru")])
    assert [s.type for s in out] == ["PER", "PER", "PER"]
    # in English a Latin name stays whatever the recogniser said
    en = "Ryanair said. Ryanair left."
    (out,) = spread([(en, [Span(0, 7, "PER"), Span(14, 21, "PER")], "en")])
    assert [s.type for s in out] == ["PER", "PER"]


def test_a_name_opening_with_an_institution_word_is_an_organisation():
    from newsgraph.analysis.boundaries.kinds import organisation_by_head
    from newsgraph.model import Span

    text = "У МЗС Естонії вимагають зупинити будівництво. Про це пише «Кобзар»."
    assert organisation_by_head(text, Span(2, 13, "MISC"), "uk").type == "ORG"
    # a title of a work stays what it is
    k = text.index("Кобзар")
    assert organisation_by_head(text, Span(k, k + 6, "MISC"), "uk").type == "MISC"
    ru = "В Министерстве обороны Турции заявили о переговорах."
    assert organisation_by_head(ru, Span(2, 29, "MISC"), "ru").type == "ORG"
