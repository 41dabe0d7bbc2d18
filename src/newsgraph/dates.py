"""Dates as a reader wants to see them, including the partial ones news gives.

Values keep ISO 8601 ("2024-10-17", "2024-10", and "--10-17" for a day whose
year the text does not say, "START/END" for a range). Printed as they are, a
partial date reads as noise ("--10-17"), so the interfaces describe it:
"17 October (year unknown)", "17–18 October (year unknown)".
"""
from __future__ import annotations

import re

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
_NO_YEAR = re.compile(r"--(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def describe(value: str | None) -> str:
    """``value`` (an ISO date, partial date or range) in words where ISO would not read."""
    if not value:
        return ""
    start, _, end = value.partition("/")
    a, b = _NO_YEAR.fullmatch(start), _NO_YEAR.fullmatch(end) if end else None
    if a and (b or not end):
        month = MONTHS_EN[int(a.group(1)) - 1]
        if b and b.group(1) == a.group(1):
            days = f"{int(a.group(2))}–{int(b.group(2))} {month}"
        elif b:
            days = f"{int(a.group(2))} {month} – {int(b.group(2))} {MONTHS_EN[int(b.group(1)) - 1]}"
        else:
            days = f"{int(a.group(2))} {month}"
        return f"{days} (year unknown)"
    if not end and (m := _MONTH.fullmatch(start)):
        return f"{MONTHS_EN[int(m.group(2)) - 1]} {m.group(1)}"
    return f"{start} – {end}" if end else start
