"""The filters a user gives (dates, event types), checked once for the CLI and the API.

Dates are compared as text with the stored ISO dates, so "12.03.2024" or
"2024-13-45" would filter arbitrarily instead of failing; an unknown event type
would silently match nothing. Both are errors that say what is valid.
"""
from __future__ import annotations

import datetime
import re

from ..model import EventType
from typing import get_args

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
#: the 16 PLOVER types, in the order of the ontology.
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


class FilterError(ValueError):
    """A filter value that cannot be used, with the reason and the valid forms."""


def iso_date(value: str | None) -> str | None:
    """``value`` as an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), or FilterError."""
    if value is None:
        return None
    value = value.strip()
    if _ISO_DATE.fullmatch(value):
        parts = [int(p) for p in value.split("-")]
        try:
            datetime.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
            return value
        except ValueError as e:
            raise FilterError(f"{value!r} is not a date ({e})") from None
    raise FilterError(f"{value!r} is not an ISO date: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2024-03-12)")


def event_types(value: str | None) -> str | None:
    """Comma-separated PLOVER types, upper-cased, or FilterError listing the valid ones."""
    if value is None:
        return None
    types = [t.strip().upper() for t in value.split(",") if t.strip()]
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown or not types:
        raise FilterError(f"unknown event type {', '.join(unknown) or repr(value)}; "
                          f"valid: {', '.join(EVENT_TYPES)}")
    return ",".join(types)
