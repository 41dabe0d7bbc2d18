"""serve: the REST API and the web explorer (``newsgraph serve``)."""
from .app import create_app

__all__ = ["create_app"]
