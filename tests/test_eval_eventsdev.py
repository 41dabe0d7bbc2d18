"""The events-dev scorer: each matching rule of its GUIDELINES.md on hand-built gold,
the format's detection, the CLI on a tiny set, and the real set when it is there."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.evaluation import eventsdev as ed
from newsgraph.model import Document, Entity, Event, Mention, Offsets, Quote, Segment, Sentence, Source

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev"

TEXT = ("Іван Петренко заявив, що Україна підписала угоду з Польщею. "
        "Він також повідомив, що уряд зустрівся з делегацією ЄС.")


def _at(word: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(word, i + 1)
    return i, i + len(word)


def _mention(word: str, nth: int = 0, kind: str = "name") -> Mention:
    s, e = _at(word, nth)
    return Mention(s, e, word, word, kind)


ENTITIES = [
    Entity("per:petrenko-ivan", "PER", "Іван Петренко", {}, (_mention("Іван Петренко"),),
           references=(_mention("Він", kind="pronoun"),)),
    Entity("loc:country:UA", "LOC", "Україна", {}, (_mention("Україна"),)),
    Entity("loc:country:PL", "LOC", "Польща", {}, (_mention("Польщею"),)),
    Entity("org:EU", "ORG", "ЄС", {}, (_mention("ЄС"),)),
]
S1 = (0, TEXT.index("Він") - 1)
S2 = (TEXT.index("Він"), len(TEXT))


def doc(quotes=(), events=()) -> Document:
    return Document(id="t", source=Source(), language="uk", title=None, lead=None, published=None, text=TEXT,
                    segments=[Segment(0, len(TEXT), "body", "uk")],
                    sentences=[Sentence(*S1), Sentence(*S2)], entities=list(ENTITIES),
                    quotes=list(quotes), events=list(events))


def quote(content: tuple[int, int], speaker: str | None = None, mention: tuple[int, int] | None = None) -> Quote:
    cue = _at("заявив")
    return Quote(kind="indirect", speaker=speaker, speaker_text=None if speaker else "хтось",
                 speaker_mention=Offsets(*mention) if mention else None, cue=Offsets(*cue),
                 content=Offsets(*content), confidence=0.5, language="uk")


def event(type_: str, actors, recipients=(), evidence=S1) -> Event:
    trig = _at("підписала")
    return Event(type=type_, mode=None, actors=tuple(actors), recipients=tuple(recipients), amount=None,
                 date=None, location=None, factuality="asserted", source=None, trigger=Offsets(*trig),
                 evidence=Offsets(*evidence), confidence=0.5)


def gold_quote(content, speaker_spans) -> dict:
    return {"kind": "indirect", "cue": list(_at("заявив")), "content": list(content),
            "speaker": [list(s) for s in speaker_spans], "speaker_id": "PER-Ivan-Petrenko"}


def gold_event(type_: str, actor_spans, recipient_spans=(), alt=(), evidence=S1) -> dict:
    return {"type": type_, "alt_types": list(alt), "actor": [list(s) for s in actor_spans], "actor_id": "x",
            "recipient": [list(s) for s in recipient_spans], "recipient_id": "y" if recipient_spans else None,
            "trigger": list(_at("підписала")), "evidence": list(evidence), "factuality": "asserted",
            "source_speaker_id": None}


def score_q(gold: list[dict], pred: list[Quote], lang: str = "uk") -> ed.QuoteDevScores:
    scores = ed.QuoteDevScores()
    ed.score_quotes(doc(quotes=pred), {"file": "t.txt", "lang": lang, "quotes": gold}, scores)
    return scores


def score_e(gold: list[dict], pred: list[Event], lang: str = "uk") -> ed.EventDevScores:
    scores = ed.EventDevScores()
    ed.score_events(doc(events=pred), {"file": "t.txt", "lang": lang, "events": gold}, scores)
    return scores


# ---------------------------------------------------------------- quotes


def test_half_overlap_threshold():
    assert ed.half_overlap((10, 30), (20, 40))          # 10 of 20 shared: exactly half
    assert not ed.half_overlap((10, 30), (21, 41))      # 9 of 20
    assert ed.half_overlap((10, 30), (0, 100))          # half of the *shorter* span
    assert ed.half_overlap((10, 14), (12, 100))         # 2 of 4
    assert not ed.half_overlap((10, 14), (14, 100))     # touching is no overlap
    content = (S1[0] + 22, S1[1])
    length = content[1] - content[0]
    half = (content[0] + length - (length + 1) // 2, content[1] + 40)
    assert score_q([gold_quote(content, [_at("Іван Петренко")])],
                   [quote(half, "per:petrenko-ivan")]).total("found").tp_gold == 1
    less = (half[0] + 1, half[1])
    assert score_q([gold_quote(content, [_at("Іван Петренко")])],
                   [quote(less, "per:petrenko-ivan")]).total("found").tp_gold == 0


def test_speaker_attribution():
    content = (S1[0] + 22, S1[1])
    g = [gold_quote(content, [_at("Іван Петренко")])]
    right = score_q(g, [quote(content, "per:petrenko-ivan")])
    assert right.total("found").tp_gold == 1 and right.total("attributed").tp_gold == 1
    wrong = score_q(g, [quote(content, "loc:country:UA")])
    assert wrong.total("found").tp_gold == 1 and wrong.total("attributed").tp_gold == 0
    assert len(wrong.misattributed) == 1 and not wrong.missed and not wrong.invented
    # an unresolved speaker counts by its own words on the gold span
    unnamed = score_q(g, [quote(content, None, mention=_at("Петренко"))])
    assert unnamed.total("attributed").tp_gold == 1
    # a resolved pronoun reference is a mention of the entity
    content2 = (S2[0] + 20, S2[1])
    g2 = [gold_quote(content2, [_at("Він")])]
    assert score_q(g2, [quote(content2, "per:petrenko-ivan")]).total("attributed").tp_gold == 1


def test_quotes_one_to_one_and_by_language():
    content = (S1[0] + 22, S1[1])
    # two gold quotes with one content ("із посиланням на" chains), one prediction
    g = [gold_quote(content, [_at("Іван Петренко")]), gold_quote(content, [_at("Україна")])]
    s = score_q(g, [quote(content, "per:petrenko-ivan")])
    found = s.total("found")
    assert (found.tp_gold, found.gold, found.predicted) == (1, 2, 1)
    assert found.precision == 1.0 and found.recall == 0.5
    # two predictions on one gold quote: one is invented
    s = score_q(g[:1], [quote(content, "per:petrenko-ivan"), quote(content, "per:petrenko-ivan")])
    assert (s.total("found").tp_pred, s.total("found").predicted) == (1, 2) and len(s.invented) == 1
    # a maximum matching, not a greedy one: gold A fits predictions 0 and 1, gold B only 0
    a, b = (S1[0], S1[0] + 20), (S1[0] + 10, S1[0] + 30)
    preds = [quote((S1[0] + 10, S1[0] + 20), "per:petrenko-ivan"), quote((S1[0], S1[0] + 12), "per:petrenko-ivan")]
    s = score_q([gold_quote(a, []), gold_quote(b, [])], preds)
    assert s.total("found").tp_gold == 2
    assert set(s.to_dict()["found"]) == {"uk", "all"}


# ---------------------------------------------------------------- events


def test_event_type_or_alternative():
    g = [gold_event("RETREAT", [_at("Україна")], alt=["CONCEDE"])]
    s = score_e(g, [event("CONCEDE", ["loc:country:UA"])])
    assert s.total().tp_gold == 1
    assert (s.by_type["RETREAT"].gold, s.by_type["RETREAT"].tp_gold, s.by_type["RETREAT"].predicted) == (1, 1, 0)
    assert (s.by_type["CONCEDE"].predicted, s.by_type["CONCEDE"].tp_pred, s.by_type["CONCEDE"].gold) == (1, 1, 0)
    assert score_e(g, [event("AGREE", ["loc:country:UA"])]).total().tp_gold == 0


def test_event_actor_and_evidence():
    g = [gold_event("AGREE", [_at("Україна")])]
    assert score_e(g, [event("AGREE", ["loc:country:PL"])]).total().tp_gold == 0
    assert score_e(g, [event("AGREE", ["loc:country:PL", "loc:country:UA"])]).total().tp_gold == 1
    assert score_e(g, [event("AGREE", ["loc:country:UA"], evidence=S2)]).total().tp_gold == 0
    assert score_e(g, [event("AGREE", [])]).total().tp_gold == 0
    # a pronoun resolved to the actor stands on the gold span "Він"
    g2 = [gold_event("CONSULT", [_at("Він")], evidence=S2)]
    assert score_e(g2, [event("CONSULT", ["per:petrenko-ivan"], evidence=S2)]).total().tp_gold == 1


def test_event_recipient_only_when_gold_has_one():
    without = [gold_event("AGREE", [_at("Україна")])]
    assert score_e(without, [event("AGREE", ["loc:country:UA"], ["loc:country:PL"])]).total().tp_gold == 1
    assert score_e(without, [event("AGREE", ["loc:country:UA"])]).total().tp_gold == 1
    with_ = [gold_event("AGREE", [_at("Україна")], [_at("Польщею")])]
    assert score_e(with_, [event("AGREE", ["loc:country:UA"], ["loc:country:PL"])]).total().tp_gold == 1
    assert score_e(with_, [event("AGREE", ["loc:country:UA"])]).total().tp_gold == 0
    assert score_e(with_, [event("AGREE", ["loc:country:UA"], ["org:EU"])]).total().tp_gold == 0


def test_events_one_to_one():
    g = [gold_event("AGREE", [_at("Україна")]), gold_event("AGREE", [_at("Україна")])]
    s = score_e(g, [event("AGREE", ["loc:country:UA"])])
    assert (s.total().tp_gold, s.total().gold, s.total().predicted) == (1, 2, 1) and len(s.missed) == 1
    s = score_e(g[:1], [event("AGREE", ["loc:country:UA"]), event("AGREE", ["loc:country:UA"])])
    assert (s.total().tp_pred, s.total().predicted) == (1, 2) and len(s.invented) == 1
    assert "AGREE" in s.invented[0] and "Україна" in s.invented[0] and "угоду" in s.invented[0]


# ---------------------------------------------------------------- the format and the CLI


def _write_set(root: Path) -> Path:
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "t__uk__1.txt").write_text(TEXT, encoding="utf-8")
    row = {"doc": "raw/t/uk/1.txt", "file": "t__uk__1.txt", "lang": "uk",
           "quotes": [gold_quote((S1[0] + 22, S1[1]), [_at("Іван Петренко")])],
           "events": [gold_event("AGREE", [_at("Україна")], [_at("Польщею")]),
                      gold_event("CONSULT", [_at("уряд")], [_at("делегацією ЄС")], evidence=S2)]}
    (root / "gold.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return root


def test_detects_the_format(tmp_path):
    root = _write_set(tmp_path / "dev")
    assert ed.is_events_dev(root) and ed.is_events_dev(root / "gold.jsonl")
    assert ed.read(root)[0]["_file"] == root / "texts" / "t__uk__1.txt"
    old = tmp_path / "old.jsonl"
    old.write_text(json.dumps({"path": "a.txt", "quotes": []}) + "\n", encoding="utf-8")
    assert not ed.is_events_dev(old) and not ed.is_events_dev(tmp_path)


def test_cli_on_a_tiny_set(tmp_path):
    root = _write_set(tmp_path / "dev")
    runner = CliRunner()
    res = runner.invoke(main, ["eval", "quotes", str(root), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["documents"] == 1 and data["found"]["all"]["gold"] == 1 and data["attributed"]["uk"]["gold"] == 1
    res = runner.invoke(main, ["eval", "events", str(root), "--json", "--misses"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["by_language"]["all"]["gold"] == 2
    assert sum(v["gold"] for v in data["by_type"].values()) == 2
    assert len(data["missed"]) == 2 - data["by_language"]["all"]["matched_gold"]
    res = runner.invoke(main, ["eval", "events", str(root)])
    assert res.exit_code == 0 and "CONSULT" in res.output and "all" in res.output


@pytest.mark.skipif(not (SHARED / "gold.jsonl").is_file(), reason="../shared/data/events-dev is not here")
def test_the_real_set_counts_its_gold():
    from newsgraph.pipeline import Pipeline

    counts = ed.gold_counts(SHARED)
    rows = [json.loads(line) for line in (SHARED / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    pipeline = Pipeline()
    q = ed.evaluate_quotes(SHARED, pipeline)
    e = ed.evaluate_events(SHARED, pipeline)
    assert q.documents == e.documents == len(rows)
    assert q.total("found").gold == q.total("attributed").gold == sum(len(r["quotes"]) for r in rows)
    assert e.total().gold == sum(len(r["events"]) for r in rows)
    assert sum(t.gold for t in e.by_type.values()) == e.total().gold
    assert sum(t.predicted for t in e.by_type.values()) == e.total().predicted
    for lang, n in counts["quotes"].items():
        assert q.found[lang].gold == n
    for lang, n in counts["events"].items():
        assert e.by_lang[lang].gold == n
    assert 0 <= q.total("attributed").tp_gold <= q.total("found").tp_gold <= q.total("found").gold
