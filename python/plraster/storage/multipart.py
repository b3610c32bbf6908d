"""Content-Range headers and multipart/byteranges bodies (RFC 9110, section 14.6)."""

import re

from plraster.core.errors import StorageError

_CONTENT_RANGE = re.compile(r"\s*bytes\s+(?:(\d+)-(\d+)|\*)/(\d+|\*)\s*\Z", re.IGNORECASE)
_BOUNDARY = re.compile(r'boundary=(?:"([^"]+)"|([^;\s]+))', re.IGNORECASE)


def parse_content_range(value):
    """Parse 'bytes first-last/total' into (first, last, total); total None for '*'.

    'bytes */total' (a 416 answer) gives (None, None, total). Raises StorageError for
    anything else.
    """
    match = _CONTENT_RANGE.match(value or "")
    if not match:
        raise StorageError("invalid Content-Range header in response",
                           detail=f'The server sent "{value}".')
    first, last, total = match.groups()
    total = None if total == "*" else int(total)
    if first is None:
        return None, None, total
    first, last = int(first), int(last)
    if last < first or (total is not None and last >= total):
        raise StorageError("invalid Content-Range header in response",
                           detail=f'The server sent "{value}".')
    return first, last, total


def multipart_boundary(content_type):
    """The boundary of a multipart/byteranges Content-Type, or None for any other type."""
    if not content_type or not content_type.lower().startswith("multipart/byteranges"):
        return None
    match = _BOUNDARY.search(content_type)
    if not match:
        raise StorageError("multipart response without a boundary",
                           detail=f'The Content-Type was "{content_type}".')
    return match.group(1) or match.group(2)


def parse_byteranges(body, boundary):
    """Split a multipart/byteranges body into [(first, total, bytes), ...].

    Each part's length is taken from its Content-Range, not from where the next
    boundary seems to be, so part data may contain anything.
    """
    delimiter = b"--" + boundary.encode("latin-1")
    parts = []
    pos = body.find(delimiter)
    if pos < 0:
        raise StorageError("malformed multipart response", detail="No boundary was found in the body.")
    while True:
        pos += len(delimiter)
        if body[pos:pos + 2] == b"--":
            return parts
        end_headers = body.find(b"\r\n\r\n", pos)
        if end_headers < 0:
            raise StorageError("malformed multipart response", detail="A part has no end of headers.")
        headers = {}
        for line in body[pos:end_headers].decode("latin-1").split("\r\n"):
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        first, last, total = parse_content_range(headers.get("content-range"))
        if first is None:
            raise StorageError("malformed multipart response", detail="A part has no byte range.")
        start = end_headers + 4
        data = body[start:start + last - first + 1]
        if len(data) != last - first + 1:
            raise StorageError("truncated multipart response",
                               detail=f"A part for bytes {first}-{last} has {len(data)} bytes.")
        parts.append((first, total, data))
        pos = body.find(delimiter, start + len(data))
        if pos < 0:
            raise StorageError("malformed multipart response", detail="The closing boundary is missing.")
