"""store: documents and everything known about them, in an embedded SQLite file."""
from .sqlite import SearchHit, Store, default_db_path

__all__ = ["SearchHit", "Store", "default_db_path"]
