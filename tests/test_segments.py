from newsgraph.clean.segments import segment
from newsgraph.model import RawDocument, Source


def _kinds(text, **kw):
    raw = RawDocument(source=Source(path="t.txt"), text=text, **kw)
    segments, language = segment(raw)
    return [(s.kind, text[s.start : s.end], s.language) for s in segments], language


def test_seed_segments_as_design_describes(seed_path):
    import newsgraph

    doc = newsgraph.analyze(seed_path.read_bytes(), path=str(seed_path))
    text = seed_path.read_text(encoding="utf-8")
    assert doc.text == text
    assert doc.language == "uk"
    lines = text.split("\n")
    by_text = {doc.text[s.start : s.end]: s for s in doc.segments}
    assert by_text[lines[0]].kind == "title"
    assert by_text[lines[1]].kind == "lead"
    related = [s for s in doc.segments if s.kind == "related"]
    assert [doc.text[s.start : s.end] for s in related] == [l for l in lines if l.startswith("Читайте також:")]
    boiler = [s for s in doc.segments if s.kind == "boilerplate"]
    assert [doc.text[s.start : s.end] for s in boiler] == [l.strip() for l in lines[-2:] if l.strip()]
    assert all(s.language == "ru" for s in boiler)
    assert sum(s.kind == "body" for s in doc.segments) == 7
    for s in doc.segments:
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]


UNSEEN_SITE = (
    "Кабмін затвердив нову програму відновлення житла на Харківщині\n"
    "Уряд виділив 2,4 млрд гривень на відбудову пошкоджених будинків у прифронтових громадах.\n"
    "Про це повідомила прес-служба Міністерства розвитку громад після засідання уряду у вівторок.\n"
    "За даними відомства, першими кошти отримають родини, чиї будинки зруйновані повністю.\n"
    "Голосів: 12\n"
    "Обговорити на форумі\n"
    "Подписаться на рассылку новостей.\n"
)


def test_unseen_widgets_at_the_tail_are_found_without_patterns():
    segs, language = _kinds(UNSEEN_SITE)
    assert language == "uk"
    kinds = [k for k, _, _ in segs]
    assert kinds == ["title", "lead", "body", "body", "boilerplate", "boilerplate", "boilerplate"]
    assert segs[-1][2] == "ru"


def test_short_final_sentence_of_the_article_is_kept():
    text = ("Заголовок новини про вибори\n"
            "Центральна виборча комісія оголосила попередні результати голосування у неділю.\n"
            "Явка склала 58 відсотків, що більше, ніж чотири роки тому.\n"
            "Остаточні дані оприлюднять завтра.\n")
    segs, _ = _kinds(text)
    assert segs[-1][0] == "body"


def test_bare_read_also_marker_owns_the_headlines_after_it():
    text = ("Росія завдала удару по енергетиці\n"
            "Унаслідок нічної атаки знеструмлено кілька районів області, повідомили в ОВА.\n"
            "Ремонтні бригади вже працюють на місці, енергетики обіцяють відновити живлення до вечора.\n"
            "Читайте також:\n"
            "Укренерго попередило про можливі відключення\n"
            "Як підготуватися до блекауту: поради експертів\n"
            "Рятувальники ліквідували пожежу на підстанції до ранку.\n")
    kinds = [k for k, _, _ in _kinds(text)[0]]
    assert kinds == ["title", "lead", "body", "related", "related", "related", "body"]


def test_mixed_document_keeps_each_segments_language():
    text = ("Зеленський провів переговори з канцлером Німеччини\n"
            "Сторони обговорили посилення протиповітряної оборони та підготовку до зими в енергетиці.\n"
            "«Мы не собираемся ничего уступать», — сказал журналистам российский посол после встречи в министерстве.\n"
            "Наступна зустріч лідерів запланована на грудень у Брюсселі, повідомили в Офісі президента.\n")
    segs, language = _kinds(text)
    assert language == "uk"
    assert [l for _, _, l in segs] == ["uk", "uk", "ru", "uk"]
    assert segs[2][0] == "body"


def test_crlf_offsets_exclude_carriage_returns():
    text = "Заголовок\r\nПерший абзац новини про важливу подію в місті сьогодні.\r\nДругий абзац тексту.\r\n"
    segs, _ = _kinds(text)
    assert [t for _, t, _ in segs] == ["Заголовок", "Перший абзац новини про важливу подію в місті сьогодні.",
                                         "Другий абзац тексту."]


def test_a_one_word_article_line_takes_the_articles_language():
    text = ("Дорожники відремонтують вулиці у кількох селах Київщини до кінця року.\n"
            "* вул. Щорса в смт.\nДимер\n* вул. Леніна в с.\nЯсногородка\n"
            "Решту робіт виконають навесні, повідомили в обласній адміністрації.\n"
            "Ответ редакции: спасибо за ваше письмо, мы обязательно его рассмотрим.")
    segments, language = _kinds(text)
    langs = {t: lang for _, t, lang in segments}
    assert language == "uk"
    assert langs["Димер"] == langs["Ясногородка"] == "uk"
    # a long line keeps its own language
    assert langs["Ответ редакции: спасибо за ваше письмо, мы обязательно его рассмотрим."] == "ru"


def test_a_sites_terms_of_reuse_are_boilerplate_and_a_permit_in_the_story_is_not():
    text = ("Финляндия выдала разрешение на строительство газопровода\n"
            "Финляндия выдала разрешение на использование газопровода в своих водах.\n"
            "Разрешение выдано областным агентством Южной Финляндии, сообщает компания-оператор.\n"
            "Перепечатка материалов допускается только с указанием активной ссылки на страницу источника.\n"
            "Всі матеріали, розміщені на цьому сайті, не підлягають подальшому відтворенню без дозволу.\n")
    segs, _ = _kinds(text)
    kinds = {t: k for k, t, _ in segs}
    assert kinds["Финляндия выдала разрешение на использование газопровода в своих водах."] != "boilerplate"
    assert kinds["Перепечатка материалов допускается только с указанием активной ссылки на страницу источника."] \
        == "boilerplate"
    assert kinds["Всі матеріали, розміщені на цьому сайті, не підлягають подальшому відтворенню без дозволу."] \
        == "boilerplate"
