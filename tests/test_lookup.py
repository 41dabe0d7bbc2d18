"""Entity lookup by names as people type them: inflected, in another language, as acronyms.

A small store of three stories (ru, uk, en) about Putin, Scholz, Zelensky, North Korea and
Germany, two Коваленко and a Коваль beside a Ковальчик, is asked for each entity in the
genitive, dative and instrumental of uk and ru and by its English name."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsgraph.ingest import read_paths
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store, queries
from newsgraph.store.lookup import lookup, resolve

RU = """Путин и Шольц обсудили по телефону ситуацию вокруг Северной Кореи

Президент России Владимир Путин провел телефонный разговор с канцлером Германии Олафом Шольцем, сообщили в Кремле.

По словам пресс-секретаря Кремля, Путин и Шольц обсудили поставки вооружений из Северной Кореи в Россию. Канцлер ФРГ заявил, что Германия продолжит поддерживать Украину.

«Мы не признаем аннексию украинских территорий», — сказал Шольц.

Президент Украины Владимир Зеленский поблагодарил Германию за помощь. Зеленский отметил, что Северная Корея поставляет России снаряды.

Министр иностранных дел Польши Михал Ковальчик заявил, что Варшава готова принять новые санкции против Москвы.
"""
UK = """Зеленський зустрівся з Шольцом у Берліні

Президент України Володимир Зеленський провів переговори з канцлером Німеччини Олафом Шольцом у Берліні.

Шольц пообіцяв Зеленському нові системи протиповітряної оборони. Німеччина залишається найбільшим донором України в Європі.

За словами Зеленського, Північна Корея передала Росії мільйони снарядів, а Путін використовує їх для ударів по українських містах.

«Путіну не вдасться зламати Україну», — заявив Зеленський.

Посол Андрій Коваль розповів журналістам про підготовку нового пакета допомоги.
"""
EN = """Scholz and Zelensky agree on new air defence deliveries

German Chancellor Olaf Scholz met Ukrainian President Volodymyr Zelensky in Berlin on Monday.

Scholz said Germany would deliver two more IRIS-T systems to Ukraine before the end of the year.

Zelensky said North Korea had sent millions of shells to Russia and accused Vladimir Putin of prolonging the war.
"""
NAMESAKES = """У Харкові відкрили центр допомоги переселенцям

Голова обласної ради Олександр Коваленко та директорка центру Ірина Коваленко відкрили у Харкові новий центр допомоги переселенцям.

Олександр Коваленко нагадав, що центр працюватиме щодня. Ірина Коваленко додала, що тут допомагатимуть із житлом і роботою.
"""

#: (query, entity id): genitive, dative, instrumental in uk and ru, base forms, English names, acronyms
CASES = [
    *((q, "per:putin-vladimir") for q in (
        "Путин", "Путина", "Путину", "Путиным", "Путін", "Путіна", "Путіну", "Путіним", "Putin",
        "Владимира Путина", "Володимиру Путіну", "Vladimir Putin")),
    *((q, "per:shols-olaf") for q in (
        "Шольц", "Шольца", "Шольцу", "Шольцем", "Шольцом", "Шольцові", "Scholz", "Олафа Шольца",
        "Олафом Шольцом", "Olaf Scholz")),
    *((q, "per:selenski-vladimir") for q in (
        "Зеленский", "Зеленского", "Зеленскому", "Зеленским", "Зеленський", "Зеленського", "Зеленському",
        "Зеленським", "Zelensky", "Zelenskyy", "Владимира Зеленского", "Володимиром Зеленським")),
    *((q, "loc:country:KP") for q in (
        "Северная Корея", "Северной Кореи", "Северную Корею", "Северной Кореей", "Північна Корея",
        "Північної Кореї", "Північній Кореї", "Північною Кореєю", "North Korea", "КНДР")),
    *((q, "loc:country:DE") for q in (
        "Германия", "Германии", "Германией", "Німеччина", "Німеччини", "Німеччині", "Німеччиною", "Germany",
        "ФРГ", "ФРН")),
    *((q, "loc:country:RU") for q in ("России", "Россией", "Росії", "Росією", "Russia")),
    *((q, "loc:city:Berlin") for q in ("Берлина", "Берлине", "Берліна", "Берліні", "Berlin")),
    *((q, "org:Kremlin") for q in ("Кремля", "Кремлем", "Kremlin")),
    *((q, "per:kovalchik-migal") for q in ("Ковальчик", "Ковальчика", "Ковальчику", "Ковальчиком",
                                           "Михала Ковальчика")),
    *((q, "per:koval-andrey") for q in ("Коваль", "Коваля", "Ковалю", "Ковалем", "Андрія Коваля")),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lookup")
    for name, text in (("ru_putin_scholz.txt", RU), ("uk_zelensky_berlin.txt", UK), ("en_scholz.txt", EN),
                       ("uk_kovalenko.txt", NAMESAKES)):
        (folder / "in").mkdir(exist_ok=True)
        (folder / "in" / name).write_text(text, encoding="utf-8")
    path = folder / "lookup.db"
    with Store(path) as store:
        report = store.ingest(read_paths([folder / "in"]), Pipeline())
        assert len(report.stored) == 4 and not report.failures
    return path


def test_inflected_and_foreign_names_find_the_entity(db):
    with Store(db) as store:
        found = [(q, want, resolve(store.db, q)) for q, want in CASES]
    wrong = [(q, want, got) for q, want, got in found if got != [want]]
    share = 1 - len(wrong) / len(found)
    assert share >= 0.95, wrong
    must = {"Путина", "Шольца", "Зеленского", "Северная Корея", "ФРГ", "Germany", "Шольцом", "Північної Кореї"}
    assert not [w for w in wrong if w[0] in must], wrong


def test_whole_words_only_and_did_you_mean(db):
    with Store(db) as store:
        # a shorter surname is another person, never a prefix of a longer one
        assert resolve(store.db, "Коваль") == ["per:koval-andrey"]
        assert "per:kovalchik-migal" not in resolve(store.db, "Коваля")
        none = lookup(store.db, "Ковальч")
        assert none.ids == [] and "per:kovalchik-migal" in [s["id"] for s in none.suggestions]
        assert lookup(store.db, "Ніхтонезнаєхтоцей").ids == []
        # two people of one surname: both are named, with their names and counts to choose from
        both = lookup(store.db, "Коваленко")
        assert sorted(both.ids) == ["per:kovalenko-aleksandr", "per:kovalenko-irina"]
        assert {s["name"] for s in both.suggestions} == {"Олександр Коваленко", "Ірина Коваленко"}
        assert all(s["documents"] == 1 for s in both.suggestions)
        assert resolve(store.db, "Ірини Коваленко") == ["per:kovalenko-irina"]
        # the query functions take the same references
        assert queries.entities(store.db, q="Шольцем")[0]["id"] == "per:shols-olaf"


def _cli(db, *args):
    return subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args), "--db", str(db)],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "NEWSGRAPH_DB": ""})


def test_cli_entity_and_filters_take_any_form(db):
    proc = _cli(db, "entity", "Путина", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "per:putin-vladimir"
    ambiguous = _cli(db, "entity", "Коваленко")
    assert ambiguous.returncode == 1
    assert "Олександр Коваленко" in ambiguous.stderr and "Ірина Коваленко" in ambiguous.stderr
    missing = _cli(db, "entity", "Ковальч")
    assert missing.returncode == 1 and "did you mean" in missing.stderr and "Михал Ковальчик" in missing.stderr
    quotes = _cli(db, "quotes", "--speaker", "Шольца", "--json")
    assert quotes.returncode == 0, quotes.stderr
    assert quotes.stdout and all(json.loads(line)["speaker"] == "per:shols-olaf" for line in quotes.stdout.splitlines())
    unknown = _cli(db, "events", "--actor", "Ковальч")
    assert unknown.returncode == 2 and "did you mean" in unknown.stderr


def test_search_through_the_entity_in_any_language(db):
    proc = _cli(db, "search", "Germany", "--json")
    assert proc.returncode == 0, proc.stderr
    hits = [json.loads(line) for line in proc.stdout.splitlines()]
    by_text = {h["language"] for h in hits if not h["via"]}
    via = {h["language"] for h in hits if h["via"] == "loc:country:DE"}
    assert by_text == {"en"} and via == {"uk", "ru"}
    plain = _cli(db, "search", "Germany", "--no-entity", "--json")
    assert len(plain.stdout.splitlines()) == 1


def test_documents_mentioning_same_page_whichever_plan(db, tmp_path):
    """The stories of an entity, newest first: a frequent entity's are read off the date index,
    a rare one's sorted; both give what sorting all of them gives (ties and undated included)."""
    import dataclasses
    import sqlite3

    from newsgraph.store import lookup as lk

    copy = tmp_path / "many.db"
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with Store(copy) as store:
        templates = [store.get(r[0]) for r in store.db.execute("SELECT id FROM documents ORDER BY id")]
        for k in range(160):
            d = templates[k % len(templates)]
            # repeated dates (ties broken by id) and some undated documents (listed last)
            published = None if k % 9 == 0 else f"2024-{1 + k % 12:02d}-{1 + k % 5:02d}T12:00:00Z"
            store.save(dataclasses.replace(d, id=f"many{k:04d}", title=f"{d.title} ({k})", published=published,
                                           duplicate_of=None, fingerprint=None))
        reference = """SELECT d.id FROM documents d
                       WHERE d.id IN (SELECT s.story_id FROM entity_stories s WHERE s.entity_id = ?)
                       ORDER BY d.published DESC, d.id LIMIT ?"""
        plans = set()
        for (entity_id,) in store.db.execute("SELECT id FROM entities").fetchall():
            for limit in (1, 5, 20):
                for exclude in (set(), {"many0003", "many0010", "many0157"}):
                    want = [r[0] for r in store.db.execute(reference, (entity_id, limit + len(exclude)))]
                    want = [i for i in want if i not in exclude][:limit]
                    assert lk.documents_mentioning(store.db, entity_id, limit=limit, exclude=exclude) == want
                    plans.add(lk._walk_dates(store.db, entity_id, limit + len(exclude)))
        assert plans == {True, False}


SOUND = """Помпео прибув до Пакистану

Державний секретар США Майк Помпео прибув до Лахора, де зустрівся з прем'єр-міністром Імраном Ханом.

У Лахорі Помпео обговорив безпеку в регіоні.
"""


def test_a_name_typed_in_english_finds_the_story_that_wrote_it_in_cyrillic(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "uk_pompeo.txt").write_text(SOUND, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        store.ingest(read_paths([tmp_path / "in"]), Pipeline())
        pompeo = resolve(store.db, "Помпео")
        lahore = resolve(store.db, "Лахор")
        assert len(pompeo) == 1 and len(lahore) == 1
        # no knowledge-base entry, no Latin alias: the words are heard, not spelled
        assert lookup(store.db, "Mike Pompeo").how == "sound"
        assert resolve(store.db, "Mike Pompeo") == pompeo and resolve(store.db, "Pompeo") == pompeo
        assert resolve(store.db, "Lahore") == lahore
        # an acronym is not heard, nor a word that sounds like nothing here
        assert resolve(store.db, "LAHR") == []
        assert resolve(store.db, "Ottawa") == []
