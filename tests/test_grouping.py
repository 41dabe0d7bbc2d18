"""Global reprint grouping: the same groups and canonicals whatever the input
order, whichever worker or shard a copy landed in, and loaded shards whose
reprints point at the canonical the grouping chose."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsgraph.clean import dedup, grouping
from newsgraph.clean.dedup import Deduplicator
from newsgraph.clean.grouping import Item
from newsgraph.model import Document, RawDocument, Source
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

# -- realistic reprints: one agency story, copies with a changed credit or "read also" line ----

UK_TITLE = "Німеччина передасть Україні ще дві системи IRIS-T"
UK_BODY = [
    "Німеччина передасть Україні ще дві системи протиповітряної оборони IRIS-T до кінця року, заявив міністр "
    "оборони Борис Пісторіус під час візиту до Києва у вівторок.",
    "За його словами, перша система прибуде вже у грудні, а друга на початку наступного року, після завершення "
    "навчання українських розрахунків на полігонах у Німеччині.",
    "Пісторіус також повідомив, що Берлін виділить додатково 400 мільйонів євро на закупівлю боєприпасів та "
    "запасних частин для вже переданої техніки.",
    "Міністр оборони України Рустем Умєров подякував німецькому колезі та наголосив, що нові системи допоможуть "
    "захистити енергетичну інфраструктуру від ракетних ударів узимку.",
]
RU_TITLE = "ЦБ повысил ключевую ставку до 21%"
RU_BODY = [
    "Центральный банк России повысил ключевую ставку до 21 процента годовых, сообщила пресс-служба регулятора в "
    "пятницу после заседания совета директоров.",
    "Решение объясняется ускорением инфляции, которая по итогам сентября превысила прогноз банка, а также ростом "
    "кредитования населения и предприятий.",
    "Председатель банка Эльвира Набиуллина заявила на пресс-конференции, что регулятор допускает дальнейшее "
    "ужесточение политики на следующем заседании в декабре.",
    "Аналитики крупных банков ожидали повышения ставки на один процентный пункт, однако регулятор принял более "
    "жёсткое решение, чем прогнозировал рынок.",
]
OTHER_TITLE = "Пісторіус зустрівся з колегами з Польщі та Франції"
OTHER_BODY = [  # the same minister and vocabulary, another story
    "Міністр оборони Німеччини Борис Пісторіус провів у Берліні зустріч з колегами з Польщі та Франції, де "
    "обговорювали спільне виробництво танків.",
    "Сторони домовилися створити робочу групу, яка до весни підготує план спільних закупівель та розподілу "
    "замовлень між оборонними заводами трьох країн.",
    "Наступна зустріч міністрів запланована на лютий у Варшаві, повідомили у пресслужбі німецького міністерства "
    "оборони після завершення переговорів.",
]


def _text(title: str, body: list[str], tail: str = "") -> str:
    return "\n\n".join([title, *body] + ([tail] if tail else [])) + "\n"


#: (name, url, published, text): the uk original, three uk copies, the ru story twice, another uk story
STORIES = [
    ("uk-original", "https://www.ukrinform.example/news/iris-t", "2024-11-12T09:05:00+02:00",
     _text(UK_TITLE, UK_BODY, "Джерело: Укрінформ")),
    ("uk-read-also", "https://novyny.example/2024/11/12/iris-t", "2024-11-12",  # the day only: later than 09:05
     _text(UK_TITLE, UK_BODY, "Читайте також: Як працює система IRIS-T\n\nДжерело: Укрінформ")),
    ("uk-credit", "https://region.example/iris-t", "2024-11-12T11:40:00Z",
     _text(UK_TITLE, UK_BODY, "Джерело: УНІАН. Фото: Reuters")),
    ("uk-edited", "https://misto.example/p/8812", None,
     _text("Пісторіус: Україна отримає ще дві системи IRIS-T",
           UK_BODY[:3] + [UK_BODY[3].replace("узимку", "цієї зими")], "Фото: Reuters")),
    ("ru-original", "https://rbc.example/finances/key-rate", "2024-10-25T13:30:00+03:00",
     _text(RU_TITLE, RU_BODY, "Читайте также: Что будет с вкладами")),
    ("ru-copy", "https://vesti.example/economy/21", "2024-10-25T12:00:00Z",  # 15:00 in Moscow: later
     _text("Банк России поднял ключевую ставку до 21%", RU_BODY, "Источник: Интерфакс")),
    ("uk-other", "https://www.ukrinform.example/news/tanks", "2024-11-12T08:00:00+02:00",
     _text(OTHER_TITLE, OTHER_BODY, "Джерело: Укрінформ")),
]


def _raw(name: str, url: str, published: str | None, text: str) -> RawDocument:
    return RawDocument(Source(path=f"{name}.txt", url=url), text, published=published, site=url.split("/")[2])


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    pipeline = Pipeline(analyze=False)
    return {name: pipeline.clean(_raw(name, url, published, text)) for name, url, published, text in STORIES}


def _item(doc: Document, **kw) -> Item:
    return Item(doc.id, doc.fingerprint.exact, doc.fingerprint.minhash, doc.published, **kw)


def _named(docs, groups: dict[str, str | None]) -> dict[str, str | None]:
    name = {d.id: n for n, d in docs.items()}
    return {name[k]: name.get(v) for k, v in groups.items()}


EXPECTED = {"uk-original": None, "uk-read-also": "uk-original", "uk-credit": "uk-original",
            "uk-edited": "uk-original", "ru-original": None, "ru-copy": "ru-original", "uk-other": None}


# -- the grouping itself ----------------------------------------------------------------

def test_bands_and_candidates_are_the_stream_index_ones(docs):
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    assert list(grouping.bands()) == [tuple(map(int, r)) for r in lsh.hashranges]
    for d in docs.values():
        lsh.insert(d.id, d.fingerprint.minhash)
    keys = {d.id: set(grouping.band_keys(d.fingerprint.minhash)) for d in docs.values()}
    for d in docs.values():  # sharing a band key is exactly what MinHashLSH.query finds
        assert {k for k, ks in keys.items() if ks & keys[d.id]} == set(lsh.query(d.fingerprint.minhash))
        assert grouping.band_keys(dedup.signature_bytes(d.fingerprint.minhash)) == grouping.band_keys(
            d.fingerprint.minhash)


def test_reprints_with_small_edits_are_one_group_and_another_story_is_not(docs):
    assert _named(docs, grouping.group(_item(d) for d in docs.values())) == EXPECTED


def test_shuffling_the_input_gives_identical_groups(docs):
    items = [_item(d) for d in docs.values()]
    first = grouping.group(items)
    comps = [[m.id for m in c] for c in grouping.components(items)]
    rng = random.Random(14)
    for _ in range(25):
        rng.shuffle(items)
        assert grouping.group(items) == first
        assert [[m.id for m in c] for c in grouping.components(items)] == comps


def test_the_stream_agrees_when_it_reads_the_earliest_copy_first(docs):
    ordered = sorted(docs.values(), key=lambda d: (grouping.published_key(d.published), d.id))
    index, stream = Deduplicator(), {}
    for d in ordered:
        found = index.find(d.fingerprint.exact, d.fingerprint.minhash)
        index.add(d.id, d.fingerprint.exact, d.fingerprint.minhash, found)
        stream[d.id] = found
    assert grouping.group(_item(d) for d in docs.values()) == stream


def test_the_canonical_is_the_earliest_published_then_the_smallest_id():
    sig = dedup.signature(_text(UK_TITLE, UK_BODY))
    exact = dedup.exact_key(_text(UK_TITLE, UK_BODY))

    def head(*published):
        items = [Item(f"id{k}", exact, sig, p) for k, p in enumerate(published)]
        members, = grouping.components(items)
        return grouping.canonical(members)

    assert head("2024-11-12T10:00:00Z", "2024-11-12T09:00:00Z") == "id1"
    assert head(None, "2024-11-14") == "id1"  # None last
    assert head("2024-11-12T09:00:00+02:00", "2024-11-12T08:00:00Z") == "id0"  # 07:00 UTC
    assert head("2024-11-12", "2024-11-12T23:00:00Z") == "id1"  # a day alone: its end
    assert head("2024-11-11", "2024-11-12T00:30:00Z") == "id0"
    assert head("вчора", "2024-11-12") == "id1"  # an unreadable date after every date, before None
    assert head(None, "вчора") == "id1"
    assert head("2024-11-12", "2024-11-12") == "id0"  # a tie: the smallest id
    assert head(None, None, None) == "id0"


def test_equal_words_are_one_story_whatever_the_signatures():
    a = Item("b", "same-words", dedup.signature("перший текст про погоду у Києві сьогодні вдень"), "2024-01-02")
    b = Item("a", "same-words", dedup.signature("зовсім інший текст про футбол у Львові ввечері"), "2024-01-01")
    assert grouping.group([a, b]) == {"a": None, "b": "a"}


def test_a_chain_of_edited_copies_is_one_group():
    words = " ".join(UK_BODY + RU_BODY + OTHER_BODY).split()
    base = words[:120]
    step1 = base[:100] + words[120:140]  # the end rewritten
    step2 = words[140:160] + step1[20:]  # then the beginning
    sigs = [dedup.signature(" ".join(w)) for w in (base, step1, step2)]
    assert sigs[0].jaccard(sigs[1]) >= dedup.THRESHOLD and sigs[1].jaccard(sigs[2]) >= dedup.THRESHOLD
    assert sigs[0].jaccard(sigs[2]) < dedup.THRESHOLD  # the ends are no pair: the middle joins them
    items = [Item(f"d{k}", f"x{k}", s, f"2024-05-0{k + 1}") for k, s in enumerate(sigs)]
    assert grouping.group(items) == {"d0": None, "d1": "d0", "d2": "d0"}


def test_a_stored_document_is_canonical_before_any_new_one(docs):
    stored = docs["uk-credit"]  # stored, though published after the original
    items = [_item(d) for n, d in docs.items() if n != "uk-credit"] + [_item(stored, stored=True)]
    got = _named(docs, grouping.group(items))
    assert "uk-credit" not in got  # a stored document is never regrouped
    assert got["uk-original"] == got["uk-read-also"] == got["uk-edited"] == "uk-credit"
    assert got["ru-copy"] == "ru-original"


def test_a_new_copy_of_a_stored_reprint_joins_the_stored_canonical(docs):
    # the store holds an unrelated story as canonical and uk-edited as its reprint (a grouping it made)
    canon, reprint = docs["uk-other"], docs["uk-edited"]
    items = [_item(canon, stored=True), _item(reprint, stored=True, duplicate_of=canon.id),
             _item(docs["uk-credit"])]
    assert grouping.group(items) == {docs["uk-credit"].id: canon.id}


def test_two_stored_groups_bridged_by_a_new_copy_keep_apart_and_the_copy_takes_the_earliest(docs):
    a, b, new = docs["uk-original"], docs["uk-edited"], docs["uk-credit"]
    items = [_item(a, stored=True), _item(b, stored=True), _item(new)]
    published = {a.id: "2024-11-13", b.id: "2024-11-12"}
    bare = [Item(i.id, i.exact_key, i.signature, None, stored=i.stored) for i in items]
    assert grouping.group(bare, published_of=published.get) == {new.id: b.id}
    assert grouping.group(items) == {new.id: a.id}  # with its own dates: the original, 09:05 on the 12th


def test_a_document_without_signature_is_its_own_group(docs):
    d = docs["uk-original"]
    items = [_item(d), Item("nosig", None, None, "2020-01-01"), _item(docs["uk-credit"])]
    assert grouping.group(items) == {d.id: None, "nosig": None, docs["uk-credit"].id: d.id}


# -- loading shards written by separate workers -----------------------------------------------

pytest.importorskip("pyarrow")
from newsgraph.shards import load_shards, read_shard, write_shard  # noqa: E402


def _shard(path: Path, names: list[str]) -> Path:
    """What a worker that saw only ``names`` writes: its own pipeline, its own reprint verdicts."""
    pipeline = Pipeline(analyze=False)
    by_name = {s[0]: s for s in STORIES}
    docs = list(pipeline.run(_raw(*by_name[n]) for n in names))
    write_shard(path, [(d, pipeline.repeated.drain()) for d in docs])
    return path


@pytest.fixture
def two_shards(tmp_path) -> list[Path]:
    # the copies reached worker 1, the originals worker 2: worker 1 took a copy for the canonical
    one = _shard(tmp_path / "one.parquet", ["uk-read-also", "uk-credit", "ru-copy", "uk-edited"])
    two = _shard(tmp_path / "two.parquet", ["uk-other", "ru-original", "uk-original"])
    return [one, two]


def _groups(db: Path) -> dict[str, str | None]:
    with Store(db) as store:
        return {r[0]: r[1] for r in store.db.execute("SELECT id, duplicate_of FROM documents")}


def test_shards_from_two_workers_group_as_one_machine_whatever_the_load_order(tmp_path, two_shards, docs):
    verdicts = {item.id: item.duplicate_of for s in two_shards for item, _ in read_shard(s)}
    assert _named(docs, verdicts)["uk-credit"] == "uk-read-also"  # each worker's own, partial view
    with Store(tmp_path / "a.db") as store:
        report = load_shards(two_shards, store)
        assert len(report.stored) == 7 and report.reprints == 4
        assert set(store.reprints(docs["uk-original"].id)) == {docs[n].id for n in
                                                               ("uk-read-also", "uk-credit", "uk-edited")}
    with Store(tmp_path / "b.db") as store:
        load_shards(list(reversed(two_shards)), store)
    assert _named(docs, _groups(tmp_path / "a.db")) == EXPECTED
    assert _groups(tmp_path / "a.db") == _groups(tmp_path / "b.db")
    with Store(tmp_path / "a.db") as store:  # loading again adds nothing and changes nothing
        again = load_shards(two_shards, store)
    assert again.stored == [] and len(again.already_stored) == 7
    assert _named(docs, _groups(tmp_path / "a.db")) == EXPECTED


def test_a_load_joins_the_groups_already_stored(tmp_path, two_shards, docs):
    db = tmp_path / "s.db"
    with Store(db) as store:  # a copy ingested earlier, directly: canonical in the store
        store.ingest([_raw(*STORIES[2])], Pipeline(analyze=False))
        load_shards(two_shards, store)
    got = _named(docs, _groups(db))
    assert got["uk-credit"] is None
    assert got["uk-original"] == got["uk-read-also"] == got["uk-edited"] == "uk-credit"
    assert got["ru-copy"] == "ru-original" and got["uk-other"] is None
