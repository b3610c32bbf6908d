"""The TIFF/BigTIFF file structure: header, IFD chain and tag values, nothing more.

Parsing starts from one prefix read (16 KiB, as GDAL does); IFDs that lie beyond the
bytes already read cost one more read each, and every out-of-line tag value not yet
read (tile offset and byte count arrays, GeoTIFF parameters) is fetched afterwards in
one batch of merged range reads. Only the tags in `Tag` are decoded; the values of
other tags are never fetched.
"""

import dataclasses
import struct

import numpy

from plraster.core.errors import CorruptFileError

from .constants import FIELD_FORMATS, FieldType, Tag
from .source import HEADER_PREFIX_SIZE, check_range, read_merged

# Limits that turn a corrupt file into an error instead of a hang or a huge allocation.
MAX_IFDS = 10000
MAX_ENTRIES_PER_IFD = 65535
MAX_TAG_BYTES = 256 * 1024 * 1024

_CLASSIC_HEADER = {"<": struct.Struct("<HI"), ">": struct.Struct(">HI")}
_BIG_HEADER = {"<": struct.Struct("<HHHQ"), ">": struct.Struct(">HHHQ")}


@dataclasses.dataclass(frozen=True)
class TiffHeader:
    """The first bytes of a TIFF: byte order, classic or BigTIFF, first IFD offset."""

    byteorder: str  # "<" (II, little-endian) or ">" (MM, big-endian)
    bigtiff: bool
    first_ifd_offset: int


@dataclasses.dataclass(frozen=True)
class _Layout:
    """Sizes and struct formats of IFD parts, which differ between classic and BigTIFF."""

    count: struct.Struct  # number of entries
    entry: struct.Struct  # tag, type, count, value-or-offset (raw bytes)
    next: struct.Struct  # offset of the next IFD
    offset: struct.Struct  # a value offset held in an entry's last field
    inline_size: int  # values up to this many bytes are stored in the entry


def _layout(header):
    b = header.byteorder
    if header.bigtiff:
        return _Layout(struct.Struct(b + "Q"), struct.Struct(b + "HHQ8s"), struct.Struct(b + "Q"),
                       struct.Struct(b + "Q"), 8)
    return _Layout(struct.Struct(b + "H"), struct.Struct(b + "HHI4s"), struct.Struct(b + "I"),
                   struct.Struct(b + "I"), 4)


@dataclasses.dataclass(frozen=True)
class RawEntry:
    """One IFD entry before its value is decoded."""

    tag: int
    field_type: FieldType
    count: int
    nbytes: int
    inline: bytes  # the value bytes when stored in the entry, else b""
    value_offset: int  # where the value lies when not inline


@dataclasses.dataclass(frozen=True)
class Directory:
    """One IFD: its position in the file and its decoded tag values.

    Numeric values are 1-D native-endian numpy arrays, ASCII values `str`, UNDEFINED
    values `bytes`. Only tags listed in `Tag` are present.
    """

    index: int  # 0-based position in the IFD chain
    offset: int
    tags: dict


class _ByteCache:
    """Bytes already fetched from a source, as (offset, bytes) chunks."""

    def __init__(self, source):
        self.source = source
        self.size = source.size
        self.chunks = []

    def get(self, offset, length):
        """Return a memoryview of the bytes if already fetched, else None."""
        for start, data in self.chunks:
            if start <= offset and offset + length <= start + len(data):
                return memoryview(data)[offset - start:offset - start + length]
        return None

    def fetch(self, ranges):
        """Fetch (offset, length) ranges, merged, and keep them."""
        ranges = [r for r in ranges if r[1] > 0]
        if not ranges:
            return
        for r, data in zip(ranges, read_merged(self.source, ranges)):
            self.chunks.append((r[0], bytes(data)))

    def require(self, offset, length, readahead=0):
        """Return the bytes, fetching them (plus up to `readahead` bytes) if needed."""
        check_range(offset, length, self.size)
        data = self.get(offset, length)
        if data is None:
            self.fetch([(offset, min(self.size - offset, max(length, readahead)))])
            data = self.get(offset, length)
        return data


def _corrupt(message, detail):
    return CorruptFileError(message, detail=detail)


def parse_header(data):
    """Parse the 8 (classic) or 16 (BigTIFF) first bytes of a TIFF."""
    if len(data) < 8:
        raise _corrupt("not a tiff file", f"The file is {len(data)} bytes long, too short for a TIFF header.")
    order = bytes(data[:2])
    if order == b"II":
        b = "<"
    elif order == b"MM":
        b = ">"
    else:
        raise _corrupt("not a tiff file",
                       "The file does not start with a TIFF byte order mark (\"II\" or \"MM\").")
    version, first = _CLASSIC_HEADER[b].unpack_from(data, 2)
    if version == 42:
        return TiffHeader(b, False, first)
    if version == 43:
        if len(data) < 16:
            raise _corrupt("truncated bigtiff header", "A BigTIFF header needs 16 bytes.")
        _, bytesize, zero, first = _BIG_HEADER[b].unpack_from(data, 2)
        if bytesize != 8 or zero != 0:
            raise _corrupt(
                "invalid bigtiff header",
                f"The offset size is {bytesize} and the reserved field {zero}; expected 8 and 0.",
            )
        return TiffHeader(b, True, first)
    raise _corrupt("not a tiff file",
                   "The byte order mark is not followed by the version of TIFF (42) or BigTIFF (43).")


def _read_entries(cache, layout, offset):
    """Return (entries, next IFD offset) of the IFD at `offset`."""
    count_bytes = cache.require(offset, layout.count.size, HEADER_PREFIX_SIZE)
    (n,) = layout.count.unpack(count_bytes)
    room = (cache.size - offset - layout.count.size - layout.next.size) // layout.entry.size
    if n == 0 or n > MAX_ENTRIES_PER_IFD or n > room:
        raise _corrupt(
            "invalid tiff directory",
            f"The IFD at offset {offset} declares {n} entries, which "
            + ("is none." if n == 0 else "do not fit in the file."),
        )
    body_len = n * layout.entry.size + layout.next.size
    body = cache.require(offset + layout.count.size, body_len, HEADER_PREFIX_SIZE)
    entries = []
    for i in range(n):
        tag, ftype, count, value = layout.entry.unpack_from(body, i * layout.entry.size)
        try:
            ftype = FieldType(ftype)
        except ValueError:
            continue  # TIFF 6: readers skip fields of an unknown type
        size = FIELD_FORMATS[ftype][0]
        nbytes = size * count
        if nbytes <= layout.inline_size:
            entries.append(RawEntry(tag, ftype, count, nbytes, bytes(value[:nbytes]), 0))
        else:
            (value_offset,) = layout.offset.unpack(value)
            entries.append(RawEntry(tag, ftype, count, nbytes, b"", value_offset))
    (next_offset,) = layout.next.unpack_from(body, n * layout.entry.size)
    return entries, next_offset


# Tags whose value is text. libtiff reads text from ASCII, BYTE and UNDEFINED fields alike;
# a text tag of another type, or a numeric tag stored as ASCII, is refused (a mutated type
# field would otherwise hand text to code that expects numbers, or numbers where text is).
_TEXT_TAGS = frozenset((Tag.GEO_ASCII_PARAMS, Tag.GDAL_METADATA, Tag.GDAL_NODATA))
_TEXT_TYPES = frozenset((FieldType.ASCII, FieldType.BYTE, FieldType.UNDEFINED))


def _decode_value(entry, data, byteorder):
    """Decode the value bytes of one entry: text for the text tags, else numbers (bytes for
    UNDEFINED). Raises CorruptFileError for a value of a type its tag cannot hold."""
    tag = Tag(entry.tag)
    if (tag in _TEXT_TAGS) != (entry.field_type in (_TEXT_TYPES if tag in _TEXT_TAGS
                                                     else (FieldType.ASCII,))):
        raise _corrupt(
            "invalid tiff tag type",
            f"Tag {tag.name} ({int(tag)}) is stored as {entry.field_type.name}, which "
            + ("does not hold text." if tag in _TEXT_TAGS else "holds text, not numbers."),
        )
    if tag in _TEXT_TAGS:
        return bytes(data).split(b"\0", 1)[0].decode("utf-8", errors="replace")
    if entry.field_type == FieldType.UNDEFINED:
        return bytes(data)
    size, fmt = FIELD_FORMATS[entry.field_type]
    if entry.field_type in (FieldType.RATIONAL, FieldType.SRATIONAL):
        pairs = numpy.frombuffer(data, dtype=numpy.dtype(byteorder + fmt), count=2 * entry.count)
        pairs = pairs.astype(numpy.float64).reshape(-1, 2)
        with numpy.errstate(divide="ignore", invalid="ignore"):
            return pairs[:, 0] / pairs[:, 1]
    arr = numpy.frombuffer(data, dtype=numpy.dtype(byteorder + fmt), count=entry.count)
    return arr.astype(arr.dtype.newbyteorder("="))


def read_directories(source, prefix_size=HEADER_PREFIX_SIZE):
    """Parse the header and every IFD of a TIFF in file order.

    Returns (TiffHeader, [Directory, ...]). Raises CorruptFileError for bytes that do
    not parse: a bad header, an IFD or tag value beyond the end of the file, absurd
    counts, or a loop in the IFD chain.
    """
    cache = _ByteCache(source)
    if cache.size < 8:
        raise _corrupt("not a tiff file", f"The file is {cache.size} bytes long, too short for a TIFF header.")
    cache.fetch([(0, min(cache.size, prefix_size))])
    header = parse_header(cache.require(0, min(cache.size, 16)))
    layout = _layout(header)

    raw_ifds = []
    seen = set()
    offset = header.first_ifd_offset
    if offset == 0:
        raise _corrupt("tiff file without images", "The first IFD offset is 0.")
    while offset != 0:
        if offset in seen:
            raise _corrupt("loop in tiff directory chain", f"The IFD at offset {offset} is linked twice.")
        if len(raw_ifds) >= MAX_IFDS:
            raise _corrupt("too many tiff directories", f"The file has more than {MAX_IFDS} IFDs.")
        seen.add(offset)
        entries, next_offset = _read_entries(cache, layout, offset)
        raw_ifds.append((offset, entries))
        offset = next_offset

    # Fetch the out-of-line values of the tags we interpret, all in one batch.
    wanted = set(int(t) for t in Tag)
    missing = []
    for ifd_offset, entries in raw_ifds:
        for e in entries:
            if e.tag not in wanted or e.inline or e.nbytes == 0:
                continue
            if e.nbytes > MAX_TAG_BYTES:
                raise _corrupt(
                    "tiff tag value too large",
                    f"Tag {e.tag} of the IFD at offset {ifd_offset} declares {e.count} values "
                    f"({e.nbytes} bytes); the limit is {MAX_TAG_BYTES} bytes.",
                )
            check_range(e.value_offset, e.nbytes, cache.size)
            if cache.get(e.value_offset, e.nbytes) is None:
                missing.append((e.value_offset, e.nbytes))
    cache.fetch(missing)

    directories = []
    for index, (ifd_offset, entries) in enumerate(raw_ifds):
        tags = {}
        for e in entries:
            if e.tag not in wanted or e.tag in tags:
                continue  # a repeated tag: the first one counts, as in libtiff
            data = e.inline if (e.inline or e.nbytes == 0) else cache.get(e.value_offset, e.nbytes)
            tags[Tag(e.tag)] = _decode_value(e, data, header.byteorder)
        directories.append(Directory(index, ifd_offset, tags))
    return header, directories
