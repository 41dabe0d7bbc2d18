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
            offset = records.get_record_offset()
            rec_source = Source(path=source.path, url=url, format="warc", record=f"offset {offset}")
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else "") or ""
            if "html" not in ctype.lower():
                continue
            status = http.get_statuscode() if http else None
            if status and not status.startswith("2"):
                continue
            try:
                body = record.content_stream().read()
            except Exception as e:  # zlib/IO errors inside a truncated record
                yield Failure(rec_source, f"truncated or corrupt WARC record: {e}")
                return
            seen_html += 1
            yield extract_html(body, source=rec_source)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as e:
        yield Failure(source, f"truncated or corrupt WARC file after {seen_html} HTML record(s): {e}")
