"""BSNLP-format evaluation: mentions with base forms, scored per document.

The gold set in tests/data/bsnlp is our own news-style text, annotated by
hand in the shared task's format (raw/ + annotated/*.out).
"""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.evaluation import bsnlp
from newsgraph.evaluation.ner import detect_format
from newsgraph.evaluation.scoring import Scores

GOLD = Path(__file__).parent / "data" / "bsnlp"


def test_reader_pairs_raw_text_with_its_annotations():
    docs = {d.name: d for d in bsnlp.read(GOLD)}
    assert detect_format(GOLD) == "bsnlp"
    doc = docs["raw/news/uk/uk-1.txt"]
    assert doc.language == "uk"
    assert doc.text.startswith("Зеленський обговорив з Макроном")  # header lines are not text
    assert bsnlp.Mention("Емманюелем Макроном", "Емманюель Макрон", "PER") in doc.mentions
    assert all(m.form in d.text for d in docs.values() for m in d.mentions)


def test_scoring_counts_each_form_once_and_base_forms_of_found_ones(monkeypatch):
    doc = bsnlp.GoldDocument("d", "uk", "…", (bsnlp.Mention("Києва", "Київ", "LOC"),
                                             bsnlp.Mention("Шольцом", "Шольц", "PER"),
                                             bsnlp.Mention("SAMP/T", "SAMP/T", "PRO")))
    monkeypatch.setattr(bsnlp, "predicted_mentions",
                        lambda d: {("Києва", "LOC"): "Кий", ("НАТО", "ORG"): "НАТО"})
    scores, bases = bsnlp.evaluate(iter([doc]))
    assert isinstance(scores, Scores)
    assert (scores.tp["LOC"], scores.fn["PER"], scores.fp["ORG"]) == (1, 1, 1)
    assert "PRO" not in scores.fn  # no counterpart type: left out
    assert (bases.correct, bases.total) == (0, 1)
    assert bases.errors == [("d", "Києва", "Київ", "Кий")]


def test_pipeline_on_own_gold_set():
    scores, bases = bsnlp.evaluate(bsnlp.read(GOLD))
    p, r, f, n = scores.prf(("PER", "ORG", "LOC"))
    assert n == 308
    assert f >= 0.9
    assert bases.accuracy >= 0.9, bases.errors


def test_cli_prints_scores_and_base_form_share():
    result = CliRunner().invoke(main, ["eval", "ner", str(GOLD), "--misses"])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "base forms:" in result.output
