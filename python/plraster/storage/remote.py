"""Byte-range sources over HTTP: the range logic shared by http(s), Swift and S3.

Every response is checked, never assumed: a 206 must carry a Content-Range for exactly
the bytes asked (or a multipart/byteranges body whose parts cover them), a 200 is the
whole object and is sliced (and kept, so the next reads cost nothing), and a body
shorter than its range is repeated and then reported as a StorageError.
"""

import datetime
import email.utils

from plraster.core.errors import CorruptFileError, StorageError

from . import cancel, registry
from .counters import IO_COUNTER
from .multipart import multipart_boundary, parse_byteranges, parse_content_range
from .paths import parse_outdb_path
from .failures import ObjectChangedError, TruncatedResponse, WrongRangeResponse

# Ranges per multi-range request (servers limit the count: Swift, for one).
MAX_RANGES_PER_REQUEST = 32


def last_modified_from(headers):
    """Last-Modified as whole seconds since the epoch (as GDAL's VSIStat reports it), or None."""
    value = headers.get("Last-Modified")
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return int(when.timestamp())


def validator_from(headers):
    """The ETag (quotes and W/ removed: Swift sends none), else Last-Modified, else None."""
    etag = headers.get("ETag")
    if etag:
        etag = etag.strip()
        if etag.startswith("W/"):
            etag = etag[2:]
        return etag.strip('"')
    return headers.get("Last-Modified")


class RemoteSource:
    """A byte-range source on an HTTP transport: `size`, `validator`, `read_ranges`.

    Nothing is fetched on construction. The first use fetches the first
    GDAL_INGESTED_BYTES_AT_OPEN bytes with one GET, which also gives the size (from
    Content-Range) and the validator; those bytes serve later reads that fall in them.
    """

    def __init__(self, transport, url, display, allow_list=None, counter=None):
        self.transport = transport
        self.url = url
        self.display = display
        self.allow_list = allow_list
        self.counter = counter if counter is not None else IO_COUNTER
        self._clear()

    def _clear(self):
        self._size = None
        self._validator = None
        self._last_modified = None
        self._head = b""
        self._whole = None

    # --- the ByteRangeSource interface ---------------------------------------------------

    @property
    def size(self):
        """Total size of the object in bytes."""
        self._ensure_open()
        return self._size

    @property
    def validator(self):
        """The object's ETag (or Last-Modified) when first read: changes if it is replaced."""
        self._ensure_open()
        return self._validator

    @property
    def last_modified(self):
        """The object's Last-Modified when first read, in seconds since the epoch, or None."""
        self._ensure_open()
        return self._last_modified

    def read_ranges(self, ranges):
        """Return the bytes of each (offset, length) range, in order.

        Raises CorruptFileError for a range beyond the end of the object, ObjectChangedError
        when the object is replaced between reads, StorageError when bytes are missing.
        """
        self._ensure_open()
        out = [None] * len(ranges)
        pending = []
        for i, (offset, length) in enumerate(ranges):
            self._check_range(offset, length)
            cached = self._cached(offset, length)
            if cached is not None:
                out[i] = cached
            else:
                pending.append(i)
        if not pending:
            return out
        mode = self.transport.options.multirange
        wanted = [ranges[i] for i in pending]
        if mode == "SINGLE_GET" and len(pending) > 1:
            blobs = self._read_multi(wanted)
        elif mode == "PARALLEL" and len(pending) > 1:
            blobs = list(self.transport.executor().map(cancel.bind(lambda r: self._read_one(*r)), wanted))
        else:
            blobs = [self._read_one(o, n) for o, n in wanted]
        for i, blob in zip(pending, blobs):
            out[i] = blob
        return out

    def revalidate(self):
        """Ask the server again (HEAD): True when the object is unchanged.

        When it changed, the cached size, validator and bytes are dropped, so the next
        use sees the new object.
        """
        old = (self._size, self._validator)
        response = self.transport.request("HEAD", self.url, display=self.display,
                                          allow_list=self.allow_list, counter=self.counter)
        length = response.headers.get("Content-Length")
        new = (int(length) if length and length.isdigit() else None, validator_from(response.headers))
        if old[0] is None or old == new:
            return True
        self._clear()
        return False

    # --- internals -------------------------------------------------------------------------

    def _ensure_open(self):
        if self._size is not None:
            return
        n = self.transport.options.ingested_bytes_at_open
        response = self.transport.request(
            "GET", self.url, {"Range": f"bytes=0-{n - 1}"}, display=self.display,
            allow_list=self.allow_list, counter=self.counter,
            body_limit=self.transport.options.max_whole_object,
            ok_statuses=(200, 206, 416), check=self._check_open_response)
        self._validator = validator_from(response.headers)
        self._last_modified = last_modified_from(response.headers)
        if response.status == 200:
            self._whole = response.body
            self._size = len(response.body)
            return
        first, last, total = parse_content_range(response.headers.get("Content-Range"))
        if total is None:
            head = self.transport.request("HEAD", self.url, display=self.display,
                                          allow_list=self.allow_list, counter=self.counter)
            length = head.headers.get("Content-Length")
            if not (length and length.isdigit()):
                raise StorageError(f'size of out-db object "{self.display}" is unknown',
                                   detail="The server sent neither a total size nor a Content-Length.")
            total = int(length)
        self._size = total
        if response.status == 206:
            self._head = response.body
            if self._size == len(self._head):
                self._whole = self._head

    def _check_open_response(self, response):
        if response.status == 206:
            if multipart_boundary(response.headers.get("Content-Type")):
                raise StorageError(f'unexpected multipart response for out-db object "{self.display}"',
                                   detail="A single range was asked for.")
            first, last, total = parse_content_range(response.headers.get("Content-Range"))
            if first != 0:
                raise StorageError(f'wrong range in response for out-db object "{self.display}"',
                                   detail=f"Bytes from offset 0 were asked for and the server sent "
                                          f"bytes from offset {first}.")
            self._check_part_length(response, first, last)

    def _check_part_length(self, response, first, last):
        """A single-part 206 body must hold exactly the bytes its Content-Range names."""
        got, announced = len(response.body), last - first + 1
        if got < announced:
            raise TruncatedResponse(f"the server sent {got} of {announced} bytes")
        if got > announced:
            raise StorageError(
                f'malformed response for out-db object "{self.display}"',
                detail=f"The partial answer (HTTP 206) held {got} bytes for a Content-Range "
                       f"of {announced} bytes.")

    def _check_range(self, offset, length):
        if offset < 0 or length < 0 or offset + length > self._size:
            raise CorruptFileError(
                "tiff data lies beyond the end of the file",
                detail=f'A read of {length} bytes at offset {offset} was requested from '
                       f'"{self.display}", which has {self._size} bytes.')

    def _cached(self, offset, length):
        if length == 0:
            return b""
        if self._whole is not None:
            return self._whole[offset:offset + length]
        if offset + length <= len(self._head):
            return self._head[offset:offset + length]
        return None

    def _note_response(self, response, total=None):
        """Raise ObjectChangedError when a response shows another version of the object."""
        validator = validator_from(response.headers)
        changed = validator is not None and self._validator is not None and validator != self._validator
        if total is not None and total != self._size:
            changed = True
        if changed:
            raise ObjectChangedError(
                f'out-db object "{self.display}" changed while being read',
                detail="Its ETag, modification time or size differs from the first read.",
                hint="Read the raster again.")

    def _accept_whole(self, response):
        self._note_response(response, len(response.body))
        self._whole = response.body

    def _read_one(self, offset, length):
        last = offset + length - 1

        def check(response):
            if response.status == 200:
                self._accept_whole(response)
                return
            boundary = multipart_boundary(response.headers.get("Content-Type"))
            if boundary:
                parts = parse_byteranges(response.body, boundary)
            else:
                first, part_last, total = parse_content_range(response.headers.get("Content-Range"))
                self._note_response(response, total)
                parts = [(first, total, response.body)]
                self._check_part_length(response, first, part_last)
            self._note_response(response)
            if _slice_parts(parts, offset, length) is None:
                got = ", ".join(f"{p[0]}-{p[0] + len(p[2]) - 1}" for p in parts)
                cut_short = any(p[0] == offset and len(p[2]) < length for p in parts)
                raise (TruncatedResponse if cut_short else WrongRangeResponse)(
                    f"bytes {offset}-{last} were asked for and bytes {got} sent")

        response = self.transport.request(
            "GET", self.url, {"Range": f"bytes={offset}-{last}"}, display=self.display,
            allow_list=self.allow_list, counter=self.counter,
            body_limit=self.transport.options.max_whole_object, check=check)
        if response.status == 200:
            return response.body[offset:offset + length]
        boundary = multipart_boundary(response.headers.get("Content-Type"))
        if boundary:
            parts = parse_byteranges(response.body, boundary)
        else:
            first, _, total = parse_content_range(response.headers.get("Content-Range"))
            parts = [(first, total, response.body)]
        return _slice_parts(parts, offset, length)

    def _read_multi(self, ranges):
        """Read with multi-range requests; whatever an answer lacks is read range by range."""
        out = [None] * len(ranges)
        for start in range(0, len(ranges), MAX_RANGES_PER_REQUEST):
            group = list(range(start, min(start + MAX_RANGES_PER_REQUEST, len(ranges))))
            spec = ",".join(f"{ranges[i][0]}-{ranges[i][0] + ranges[i][1] - 1}" for i in group)
            response = self.transport.request(
                "GET", self.url, {"Range": f"bytes={spec}"}, display=self.display,
                allow_list=self.allow_list, counter=self.counter,
                body_limit=self.transport.options.max_whole_object)
            if response.status == 200:
                self._accept_whole(response)
                for i in group:
                    out[i] = self._cached(*ranges[i])
                continue
            self._note_response(response)
            boundary = multipart_boundary(response.headers.get("Content-Type"))
            if boundary:
                parts = parse_byteranges(response.body, boundary)
            else:
                # One part: the server merged the ranges or served only the first.
                first, last, total = parse_content_range(response.headers.get("Content-Range"))
                parts = [(first, total, response.body[:last - first + 1])]
            for first, total, _ in parts:
                if total is not None and total != self._size:
                    self._note_response(response, total)
            for i in group:
                out[i] = _slice_parts(parts, *ranges[i])
        missing = [i for i, blob in enumerate(out) if blob is None]
        for i in missing:
            out[i] = self._read_one(*ranges[i])
        return out


def _slice_parts(parts, offset, length):
    """The bytes [offset, offset+length) from the first part that holds them all, or None."""
    for first, _, data in parts:
        if first <= offset and offset + length <= first + len(data):
            return data[offset - first:offset - first + length]
    return None


class HttpSource(RemoteSource):
    """An object at an http(s) URL (GDAL's /vsicurl/).

    The module-level transport for `options` is used (see `registry`). `allow_list`
    limits where redirects may lead.
    """

    def __init__(self, url, options=None, allow_list=None, counter=None, environ=None):
        parsed = parse_outdb_path(url)
        if parsed.scheme not in ("http", "https"):
            raise StorageError("not an http(s) URL", detail="HttpSource reads http:// and https:// URLs.")
        transport = registry.http_transport(options, environ=environ)
        super().__init__(transport, parsed.location, parsed.display(), allow_list, counter)
