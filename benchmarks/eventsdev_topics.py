"""events-dev by topic half: the three topics held back when the event frames were first
written (Nord Stream, the war, the US election) and the other four.

Neither half is blind any more (rules have since been read off sentences of both), but a
change that helps one half and hurts the other shows here before it shows in the total.

    python benchmarks/eventsdev_topics.py [PATH]
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.evaluation import eventsdev  # noqa: E402

HELD_BACK = ("nord_stream", "russia_-_ukraine_war", "us_election_2020")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else str(ROOT.parent / "shared" / "data" / "events-dev")
    pairs = list(eventsdev.analyze_rows(eventsdev.read(path)))
    for name, held in (("held back", True), ("the other four", False)):
        events, quotes, n = eventsdev.EventDevScores(), eventsdev.QuoteDevScores(), 0
        for row, doc in pairs:
            if row["file"].startswith(HELD_BACK) == held:
                n += 1
                eventsdev.score_events(doc, row, events)
                eventsdev.score_quotes(doc, row, quotes)
        e, q = events.total(), quotes.total("attributed")
        print(f"{name} ({n} documents): events P {e.precision:.3f} R {e.recall:.3f} F1 {e.f1:.3f} "
              f"({e.tp_pred} right of {e.predicted}, {e.gold} gold); quotes attributed F1 {q.f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
