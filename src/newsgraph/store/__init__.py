"""store: documents and everything known about them, in an embedded SQLite file (the default) or
a shared PostgreSQL database (``postgresql://…``, ``pip install newsgraph[postgres]``)."""
from __future__ import annotations

import os

from .dialect import is_url
from .queries import SearchHit
from .sqlite import DatabaseURL, IngestReport, Store, default_db_path


def open_store(target: str | os.PathLike[str]):
    """The store ``--db`` names: a PostgreSQL store for a ``postgresql://`` URL, else the SQLite file
    (created and migrated if missing, as ``Store(path)``)."""
    if is_url(str(target)):
        from .postgres import PostgresStore

        return PostgresStore(str(target))
    return Store(target)


def version_connection(target: str | os.PathLike[str]):
    """A connection of its own whose ``PRAGMA data_version`` changes whenever another connection
    commits a write (the server's answer cache watches it)."""
    if is_url(str(target)):
        from .postgres import Connection

        return Connection(str(target))
    import sqlite3

    return sqlite3.connect(target, check_same_thread=False, isolation_level=None)


__all__ = ["DatabaseURL", "IngestReport", "SearchHit", "Store", "default_db_path", "is_url", "open_store",
           "version_connection"]
