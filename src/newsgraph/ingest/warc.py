"""WARC and WARC.gz web archives (Common Crawl news): HTML responses only."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import Failure, RawDocument, Source
from .html import extract_html


def read_warc(stream: BinaryIO, source: Source) -> Iterator[RawDocument | Failure]:
    """Yield one document per HTML response; a truncated archive ends with a Failure."""
    records = ArchiveIterator(stream)
    seen_html = 0
    try:
        for record in records:
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else "") or ""
            if "html" not in ctype.lower():
                continue
            status = http.get_statuscode() if http else None
            if status and not status.startswith("2"):
                continue
            try:
                body = record.content_stream().read()
                # warcio knows a record's offset only once it has been read.
                rec_source = Source(path=source.path, url=url, format="warc",
                                    record=f"offset {records.get_record_offset()}")
            except Exception as e:  # zlib/IO errors inside a truncated record
                yield Failure(Source(path=source.path, url=url, format="warc"), f"truncated or corrupt WARC record: {e}")
                return
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:
                # warcio stops quietly at the end of a cut file; the record's
                # declared length is the only witness.
                yield Failure(rec_source, f"truncated WARC record: {missing} of its "
                                          f"{record.length} declared bytes are missing")
                return
            seen_html += 1
            yield extract_html(_decode_declared(body, ctype), source=rec_source)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as e:
        yield Failure(source, f"truncated or corrupt WARC file after {seen_html} HTML record(s): {e}")


def _decode_declared(body: bytes, content_type: str) -> str | bytes:
    """Honour the charset of the HTTP header; the page's own meta tag decides otherwise."""
    _, _, params = content_type.partition(";")
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                return body.decode(value.strip('"\' ').lower())
            except (LookupError, UnicodeDecodeError):
                return body
    return body
