"""Which site a document belongs to: the unit for learning repeated lines."""
from __future__ import annotations

from urllib.parse import urlsplit


def site_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:  # "http://[::1" and the like: a URL no site can be told from
        return None
    if not host:
        return None
    return host.removeprefix("www.").removeprefix("m.")
