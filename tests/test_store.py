from newsgraph.ingest import read_bytes
from newsgraph.model import Failure, Source
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

STORY = ("Верховна Рада ухвалила закон про посилення санкцій\n"
         "Парламент підтримав законопроєкт про санкції проти російських банків у другому читанні.\n"
         "За відповідне рішення проголосували 285 народних депутатів, повідомили у пресслужбі Ради.\n"
         "Закон набуде чинності після підписання президентом і опублікування.\n")
OTHER = ("Правительство утвердило программу поддержки фермеров\n"
         "Кабинет министров выделил дополнительные средства на компенсацию потерь аграриев.\n"
         "Средства получат хозяйства, пострадавшие от засухи этим летом, сообщили в министерстве.\n")


def _store_all(store, texts):
    """Ingest texts with a fresh pipeline; each document and whether it was stored."""
    docs = []
    items = (raw for i, text in enumerate(texts) for raw in read_bytes(text.encode(), Source(path=f"doc{i}.txt")))
    report = store.ingest(items, Pipeline(), on_item=docs.append)
    assert len(docs) == len(texts) and not report.failures
    assert report.read == len(report.stored) + len(report.already_stored)
    return [(doc, doc.id in report.stored) for doc in docs]


def test_ingest_reports_what_it_did_and_records_failures(tmp_path):
    bad = Failure(Source(path="broken.warc"), "truncated WARC record")
    with Store(tmp_path / "n.db") as store:
        (raw,) = read_bytes(STORY.encode(), Source(path="a.txt"))
        (copy,) = read_bytes(STORY.replace("285", "286").encode(), Source(path="b.txt"))
        seen = []
        report = store.ingest([raw, bad, copy], Pipeline(), on_item=seen.append)
        assert report.read == 3 and len(report.stored) == 2 and report.reprints == 1
        assert report.already_stored == [] and report.failures == [bad] and seen[1] is bad
        assert store.failures() == [bad]
        again = store.ingest([raw], Pipeline())
        assert again.stored == [] and again.already_stored == [report.stored[0]]


def test_saving_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "n.db") as store:
        first = _store_all(store, [STORY, OTHER])
        assert [saved for _, saved in first] == [True, True]
    with Store(tmp_path / "n.db") as store:
        again = _store_all(store, [STORY, OTHER])
        assert [saved for _, saved in again] == [False, False]
        assert store.count() == 2
        assert store.db.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 2


def test_search_finds_other_inflections_and_marks_them(tmp_path):
    with Store(tmp_path / "n.db") as store:
        _store_all(store, [STORY, OTHER])
        hits = store.search("санкціями")  # instrumental; the text has "санкцій", "санкції"
        assert [h.title for h in hits] == ["Верховна Рада ухвалила закон про посилення санкцій"]
        marked = [hits[0].snippet[a:b] for a, b in hits[0].highlights]
        assert marked and all(m.lower().startswith("санкц") for m in marked)
        assert [h.language for h in store.search("фермерам")] == ["ru"]
        assert store.search("депутатами санкцій")[0].title.startswith("Верховна Рада")
        assert store.search("Шольц") == []


def test_boilerplate_is_not_searchable(tmp_path):
    text = OTHER + "Написать комментарий\n"
    with Store(tmp_path / "n.db") as store:
        _store_all(store, [text])
        assert store.search("комментарий") == []
        assert store.search("засухи")


def test_reprint_is_stored_and_linked_to_its_canonical(tmp_path):
    reprint = STORY.replace("у другому читанні", "в цілому") + "Поділитися\nПідписуйтесь на наш Telegram-канал\n"
    with Store(tmp_path / "n.db") as store:
        (orig, _), (copy, saved) = _store_all(store, [STORY, reprint])
        assert saved and copy.duplicate_of == orig.id
        assert store.reprints(orig.id) == [copy.id]
        hits = store.search("санкції")
        assert len(hits) == 1 and hits[0].reprints == 1
    with Store(tmp_path / "n.db") as store:  # the index survives a restart
        third = reprint.replace("285", "286")
        (doc, _), = _store_all(store, [third])
        assert doc.duplicate_of == orig.id


def test_stored_document_round_trips(tmp_path):
    with Store(tmp_path / "n.db") as store:
        (doc, _), = _store_all(store, [STORY])
        back = store.get(doc.id[:8])
        assert back.to_dict() == doc.to_dict()


def test_search_index_holds_the_lemmas_of_the_documents_tokens(tmp_path):
    from newsgraph.store.sqlite import _index_lemmas

    with Store(tmp_path / "n.db") as store:
        ((doc, stored),) = _store_all(store, [OTHER + "Написать комментарий\n"])
        words = _index_lemmas(doc).split()
        article = [t for s in doc.sentences for t in s.tokens
                   if any(seg.kind != "boilerplate" and seg.start <= t.start < seg.end for seg in doc.segments)
                   and doc.text[t.start:t.end][0].isalnum()]
        assert words == [t.lemma.lower() for t in article]
        assert "засуха" in words and "комментарий" not in words
        # a query matches a lemma of any reading: "стали" finds a text where it is "стать" or "сталь"
        from newsgraph.analysis.morphology import query_forms
        assert {"стать", "сталь"} <= query_forms("стали")


#: an event whose recipient no entity stands for: REJECT by Poland of "фермерів" (the farmers' demands)
FARMERS = "Уряд Польщі відхилив вимоги фермерів.\n"


def farmers_phrase(text: str = FARMERS) -> dict:
    start = text.index("фермерів")
    return {"start": start, "end": start + len("фермерів"), "text": "фермерів"}


def test_an_events_recipient_phrases_are_stored_with_their_words(tmp_path):
    from newsgraph.store import queries

    with Store(tmp_path / "n.db") as store:
        (doc, _), = _store_all(store, [FARMERS])
        (ev,) = [e for e in doc.events if e.type == "REJECT"]
        assert [doc.text[p.start:p.end] for p in ev.recipient_phrases] == ["фермерів"]
        rows = queries.events(store.db)
        (reject,) = [r for r in rows if r["type"] == "REJECT"]
        assert [a["id"] for a in reject["actors"]] == ["loc:country:PL"]
        assert reject["recipient_phrases"] == [farmers_phrase()]
        assert all(r["recipient_phrases"] == [] for r in rows if r is not reject)
        # the entity page's lists are the same rows
        (did,) = [r for r in queries.entity(store.db, "loc:country:PL")["events_as_actor"] if r["type"] == "REJECT"]
        assert did["recipient_phrases"] == [farmers_phrase()]
        assert store.get(doc.id).to_dict() == doc.to_dict()


def _older_store(tmp_path, version: int, *undo: str) -> None:
    """tmp_path/old.db: tmp_path/new.db as a store written before migration ``version + 1``
    (its ``undo`` statements run, the schema version set back)."""
    import shutil
    import sqlite3

    shutil.copy(tmp_path / "new.db", tmp_path / "old.db")
    old = sqlite3.connect(tmp_path / "old.db")
    for sql in undo:
        old.execute(sql)
    old.execute(f"PRAGMA user_version = {version}")
    old.commit()
    old.close()


def test_migration_0007_gives_an_older_store_its_recipient_phrases(tmp_path):
    """A store written before migration 0007 (no events.recipient_phrases) gets the phrases its
    documents' analyses keep, for the first tellings only, as a new store stores them."""
    from newsgraph.store import queries

    told_twice = "Уряд Польщі відхилив вимоги фермерів\n" + FARMERS
    with Store(tmp_path / "new.db") as store:
        _store_all(store, [FARMERS, told_twice, STORY, OTHER])
        new = queries.events(store.db, limit=500)
    # one REJECT a document: the second telling of told_twice has no row
    assert [r["recipient_phrases"] for r in new if r["recipient_phrases"]] == [[farmers_phrase()]] * 2
    _older_store(tmp_path, 6, "ALTER TABLE events DROP COLUMN recipient_phrases")
    with Store(tmp_path / "old.db") as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] >= 7  # 0007 ran (and any after it)
        assert queries.events(store.db, limit=500) == new


def test_quotes_about_an_entity_are_kept_and_backfilled(tmp_path):
    """quote_about (migration 0008) holds, for each quote, the entities mentioned inside it: what
    ``quotes(about=...)`` reads. A store written before it gets the same rows."""
    from newsgraph.store import queries

    quoted = ("Туск пообіцяв підтримку\n"
              "«Польща й надалі підтримуватиме Україну та її армію», — заявив прем'єр-міністр Польщі Дональд Туск.\n")
    with Store(tmp_path / "new.db") as store:
        _store_all(store, [FARMERS, quoted, STORY])
        kept = [tuple(r) for r in store.db.execute("SELECT entity_id, quote_id FROM quote_about ORDER BY 1, 2")]
        live = [tuple(r) for r in store.db.execute(
            """SELECT DISTINCT m.entity_id, q.id FROM quotes q JOIN mentions m ON m.doc_id = q.doc_id
               AND m.start >= q.content_start AND m."end" <= q.content_end ORDER BY 1, 2""")]
        assert kept == live and kept
        about = {eid: queries.quotes(store.db, about=eid, include_duplicates=True) for eid, _ in kept}
    _older_store(tmp_path, 7, "DROP TABLE quote_about")
    with Store(tmp_path / "old.db") as store:
        assert [tuple(r) for r in store.db.execute("SELECT entity_id, quote_id FROM quote_about ORDER BY 1, 2")] == kept
        assert {eid: queries.quotes(store.db, about=eid, include_duplicates=True) for eid, _ in kept} == about
