"""Precision, recall and F1 of labelled spans, per type and micro-averaged."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

#: the types the published figures are given for.
MAIN_TYPES = ("PER", "ORG", "LOC")


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[tuple], pred: Iterable[tuple]) -> None:
        """Add one document: items are (start, end, type) or any hashable ending in the type."""
        gold, pred = set(gold), set(pred)
        for item in pred & gold:
            self.tp[item[-1]] += 1
        for item in pred - gold:
            self.fp[item[-1]] += 1
        for item in gold - pred:
            self.fn[item[-1]] += 1

    def prf(self, types: Iterable[str]) -> tuple[float, float, float, int]:
        types = list(types)
        tp = sum(self.tp[t] for t in types)
        fp = sum(self.fp[t] for t in types)
        fn = sum(self.fn[t] for t in types)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp + fn

    def table(self, types: Iterable[str] = MAIN_TYPES) -> str:
        types = list(types)
        lines = [f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}"]
        for t in types:
            p, r, f, n = self.prf([t])
            lines.append(f"{t:<8}{p:8.3f}{r:8.3f}{f:8.3f}{n:8d}")
        p, r, f, n = self.prf(types)
        lines.append(f"{'micro':<8}{p:8.3f}{r:8.3f}{f:8.3f}{n:8d}")
        return "\n".join(lines)
