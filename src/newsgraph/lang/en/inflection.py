"""English names do not decline."""

INDECLINABLE_SURNAME_ENDINGS: tuple[str, ...] = ()
