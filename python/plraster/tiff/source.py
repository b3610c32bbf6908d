"""Byte-range sources: where TIFF bytes come from, and how range requests are merged.

The reader only ever asks a source for a list of (offset, length) ranges at once, so
that a remote source (HTTP, Swift, S3) can serve them with few Range requests. A
source also knows its total size, which every read is checked against first.
"""

import typing

from plraster.core.errors import CorruptFileError, StorageError

# GDAL's GTiff driver reads the first 16 KiB of a file before parsing its header.
HEADER_PREFIX_SIZE = 16384

# Ranges closer than this are fetched as one request (the gap bytes are discarded).
DEFAULT_MAX_GAP = 64 * 1024

# A merged request is not grown past this size by absorbing neighbours.
DEFAULT_MAX_REQUEST = 16 * 1024 * 1024


class ByteRangeSource(typing.Protocol):
    """What the TIFF reader needs from a file or an object: a size and range reads."""

    @property
    def size(self) -> int:
        """Total size of the file in bytes."""

    def read_ranges(self, ranges: typing.Sequence[typing.Tuple[int, int]]) -> typing.List[bytes]:
        """Return the bytes of each (offset, length) range, in order.

        Each range lies within [0, size); a source returns exactly `length` bytes for
        it or raises StorageError.
        """


# Local files are read by the storage layer's FileSource (pread, inode/size/mtime
# validator, I/O counters); it satisfies ByteRangeSource and is re-exported here.
from ..storage.local import FileSource  # noqa: E402


class BytesSource:
    """An in-memory buffer; satisfies ByteRangeSource (tests, data already fetched)."""

    def __init__(self, data):
        self._data = bytes(data)
        self.requests = []  # every range read, for tests that count requests

    @property
    def size(self):
        """Total size of the buffer in bytes."""
        return len(self._data)

    def read_ranges(self, ranges):
        """Return the bytes of each (offset, length) range, in order."""
        out = []
        for offset, length in ranges:
            check_range(offset, length, len(self._data))
            self.requests.append((offset, length))
            out.append(self._data[offset:offset + length])
        return out


def check_range(offset, length, size):
    """Raise CorruptFileError unless [offset, offset+length) lies within a file of `size` bytes."""
    if offset < 0 or length < 0 or offset + length > size:
        raise CorruptFileError(
            "tiff data lies beyond the end of the file",
            detail=f"A read of {length} bytes at offset {offset} was requested "
            f"from a file of {size} bytes.",
        )


class MergedRange(typing.NamedTuple):
    """One request covering several wanted ranges: `members` index the input list."""

    offset: int
    length: int
    members: typing.Tuple[int, ...]


def merge_ranges(ranges, max_gap=DEFAULT_MAX_GAP, max_request=DEFAULT_MAX_REQUEST):
    """Merge (offset, length) ranges into fewer requests.

    Ranges that overlap, touch, or are separated by at most `max_gap` bytes are served
    by one request, unless that request would grow beyond `max_request` bytes (a single
    range larger than that is still one request). Returns MergedRange tuples sorted by
    offset; each lists the indexes of the input ranges it covers.
    """
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], ranges[i][1]))
    merged = []
    start = end = None
    members = []
    for i in order:
        offset, length = ranges[i]
        if length < 0 or offset < 0:
            raise ValueError(f"invalid range ({offset}, {length})")
        if start is not None and offset - end <= max_gap and \
                max(end, offset + length) - start <= max_request:
            end = max(end, offset + length)
            members.append(i)
            continue
        if start is not None:
            merged.append(MergedRange(start, end - start, tuple(members)))
        start, end, members = offset, offset + length, [i]
    if start is not None:
        merged.append(MergedRange(start, end - start, tuple(members)))
    return merged


def read_merged(source, ranges, max_gap=DEFAULT_MAX_GAP, max_request=DEFAULT_MAX_REQUEST):
    """Read every (offset, length) range from `source` with merged requests.

    Returns the bytes of each input range, in input order. Ranges are checked against
    the source size first, so a corrupt offset never reaches the source.
    """
    size = source.size
    for offset, length in ranges:
        check_range(offset, length, size)
    merged = merge_ranges(ranges, max_gap, max_request)
    blobs = source.read_ranges([(m.offset, m.length) for m in merged])
    if len(blobs) != len(merged):
        raise StorageError(
            "source returned the wrong number of ranges",
            detail=f"{len(merged)} ranges were requested and {len(blobs)} returned.",
        )
    out = [None] * len(ranges)
    for m, blob in zip(merged, blobs):
        if len(blob) != m.length:
            raise StorageError(
                "short read",
                detail=f"A read of {m.length} bytes at offset {m.offset} returned "
                f"{len(blob)} bytes.",
            )
        view = memoryview(blob)
        for i in m.members:
            offset, length = ranges[i]
            out[i] = view[offset - m.offset:offset - m.offset + length]
    return out
