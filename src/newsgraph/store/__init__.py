"""store: documents and everything known about them, in an embedded SQLite file."""
from .queries import SearchHit
from .sqlite import IngestReport, Store, default_db_path

__all__ = ["IngestReport", "SearchHit", "Store", "default_db_path"]
