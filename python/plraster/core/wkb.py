"""PostGIS raster WKB: parse and emit, bit-compatible with PostGIS 3.x.

Layout (all fields packed, byte order given by the first byte):
header  u8 endianness (1 = NDR/little, 0 = XDR/big), u16 version (0), u16 band count,
        f64 scale x, scale y, upper-left x, upper-left y, skew x, skew y, i32 srid,
        u16 width, u16 height  -- 61 bytes
band    u8 flags (pixel type | 0x80 out-db | 0x40 has nodata | 0x20 is nodata; 0x10 reserved),
        nodata value sized by the pixel type, then either width*height pixels row-major
        (in-db) or u8 0-based band number + NUL-terminated path (out-db).
PostGIS reads both byte orders and writes machine order; plraster writes little-endian.
"""
from __future__ import annotations  # field annotations stay text: no numpy at import

import struct
from dataclasses import dataclass, field
from typing import List, NamedTuple, Optional

from plraster.core import messages
from plraster.core.errors import InvalidRasterError
from plraster.core.lazynumpy import np
from plraster.core.pixtypes import STRUCT_FORMAT, PixelTypeInfo, info_for_code

HEADER_SIZE = 61
_HEADER = {1: struct.Struct("<BHHddddddiHH"), 0: struct.Struct(">BHHddddddiHH")}
_ORDER = {1: "<", 0: ">"}

FLAG_OUTDB = 0x80
FLAG_HASNODATA = 0x40
FLAG_ISNODATA = 0x20
FLAG_RESERVED = 0x10
PIXTYPE_MASK = 0x0F

HEX_HINT = ("Hex WKB text must be decoded first: use ST_RastFromHexWKB(text) or "
            "decode(text, 'hex'), not a cast of the text to bytea.")


class RasterHeader(NamedTuple):
    """The 61-byte raster header, in the units PostGIS uses (immutable).

    A NamedTuple rather than a frozen dataclass: it is built on every call of every
    function, and a tuple is several times cheaper to build.
    """

    num_bands: int
    scale_x: float
    scale_y: float
    ip_x: float
    ip_y: float
    skew_x: float
    skew_y: float
    srid: int
    width: int
    height: int
    little_endian: bool = True

    def replace(self, **changes):
        """Return a copy of the header with the given fields changed."""
        return self._replace(**changes)

    @property
    def geotransform(self):
        """GDAL-order geotransform: (ip_x, scale_x, skew_x, ip_y, skew_y, scale_y)."""
        return (self.ip_x, self.scale_x, self.skew_x, self.ip_y, self.skew_y, self.scale_y)

    @property
    def is_empty(self):
        """True when the raster has no pixels (width or height 0), as ST_IsEmpty says."""
        return self.width == 0 or self.height == 0


@dataclass
class Band:
    """One band. In-db bands hold `data`, a (height, width) array; out-db bands hold a path."""

    pixtype: PixelTypeInfo
    has_nodata: bool = False
    is_nodata: bool = False
    nodata: float = 0
    data: Optional[np.ndarray] = None
    outdb_index: Optional[int] = None  # 0-based band number in the external file
    path: Optional[bytes] = None

    @property
    def is_outdb(self):
        """True for a band whose pixels live in an external file."""
        return self.path is not None

    @property
    def nodata_value(self):
        """The nodata value, or None when the band has none (ST_BandNoDataValue)."""
        return self.nodata if self.has_nodata else None

    def writable_data(self):
        """Return the pixel array, copied first when it is a read-only view of the WKB."""
        if not self.data.flags.writeable or self.data.dtype.byteorder == ">":
            self.data = self.data.astype(self.pixtype.dtype.newbyteorder("<"))
        return self.data


@dataclass
class Raster:
    """A parsed raster: its header and its bands."""

    header: RasterHeader
    bands: List[Band] = field(default_factory=list)

    @property
    def width(self):
        """Pixel columns."""
        return self.header.width

    @property
    def height(self):
        """Pixel rows."""
        return self.header.height


def _truncated(what, needed, offset, total):
    return InvalidRasterError(
        "raster wkb is truncated",
        detail="%s: %d bytes needed at offset %d, but the value has %d bytes."
        % (what, needed, offset, total))


def read_header(buf):
    """Parse and check the 61-byte header at the start of buf (bytes or memoryview).

    When buf holds more than the header (a whole value, not the 61-byte slice that the
    header accessors pass), its band chain is walked too (check_band_chain): a value that
    declares more bands than it holds is refused by every function, whichever band it reads.
    """
    total = len(buf)
    if total < 1:
        raise _truncated("The header", HEADER_SIZE, 0, total)
    endian = buf[0]
    if endian not in (0, 1):
        raise InvalidRasterError(
            "invalid raster wkb: unknown byte order %d" % endian,
            detail="The first byte of raster WKB must be 0 (XDR) or 1 (NDR).",
            hint=HEX_HINT)
    if total < HEADER_SIZE:
        raise _truncated("The header", HEADER_SIZE, 0, total)
    (_, version, nbands, sx, sy, ipx, ipy, kx, ky, srid, w, h) = \
        _HEADER[endian].unpack_from(buf, 0)
    if version != 0:
        raise InvalidRasterError(
            "unsupported raster wkb version %d" % version,
            detail="Only version 0 of the raster WKB format exists.")
    header = RasterHeader(nbands, sx, sy, ipx, ipy, kx, ky, srid, w, h, endian == 1)
    if total > HEADER_SIZE:
        check_band_chain(buf, header)
    return header


def walk_bands(buf, header, check_values=False):
    """Yield (offset, flags, info, data_offset, end) of every band of buf, in order.

    `offset` is the band's flag byte, `data_offset` its pixels (in-db) or band number
    (out-db), `end` the offset just past it. Raises InvalidRasterError unless each band is
    whole: a known pixel type, its nodata value, then its pixels (in-db) or its band number
    and NUL-terminated path (out-db). A few reads per band and no copies. With
    check_values, the pixels of 1BB, 2BUI and 4BUI bands are also checked against their
    type's range, as PostGIS checks them when a raster enters (ST_RastFromWKB, text input).
    """
    total = len(buf)
    npix = header.width * header.height
    offset = HEADER_SIZE
    for number in range(1, header.num_bands + 1):
        if offset >= total:
            raise _truncated("Band %d" % number, 1, offset, total)
        flags = buf[offset]
        info = info_for_code(flags & PIXTYPE_MASK)
        if info is None:
            raise InvalidRasterError(
                "invalid raster wkb: unknown pixel type %d in band %d"
                % (flags & PIXTYPE_MASK, number),
                detail="Pixel type codes are 0 to 11.")
        size = info.size
        start = offset + 1 + size
        if start > total:
            raise _truncated("The nodata value of band %d" % number, size, offset + 1, total)
        if flags & FLAG_OUTDB:
            if start >= total:
                raise _truncated("The band number of out-db band %d" % number, 1, start, total)
            end = _find_nul(buf, start + 1, number) + 1
        else:
            end = start + npix * size
            if end > total:
                raise _truncated("The pixels of band %d" % number, npix * size, start, total)
            if check_values and info.code <= 2 and npix:
                top = int(np.frombuffer(buf, np.uint8, npix, start).max())
                if top > info.max:
                    raise InvalidRasterError(
                        "invalid value %d for a pixel of type %s in band %d"
                        % (top, info.name, number))
        yield offset, flags, info, start, end
        offset = end


def check_band_chain(buf, header, check_values=False):
    """Walk every band of buf (see walk_bands); return the offset just past the last one.

    So a header declaring more bands than the bytes hold is refused by every reader, even
    one that looks only at band 1.
    """
    end = HEADER_SIZE
    for _, _, _, _, end in walk_bands(buf, header, check_values):
        pass
    return end


def _find_nul(buf, start, number):
    """Offset of the NUL that ends the path of out-db band number, which starts at start."""
    find = getattr(buf, "find", None)
    end = find(b"\0", start) if find is not None else bytes(buf).find(b"\0", start)
    if end < 0:
        raise InvalidRasterError(
            "raster wkb is truncated",
            detail="The path of out-db band %d has no terminating NUL byte." % number)
    return end


def check_raster(buf):
    """Check that buf is whole raster WKB, as PostGIS checks a raster entering it.

    Returns the number of trailing bytes past the last band (PostGIS accepts them with a
    NOTICE); raises InvalidRasterError for anything PostGIS refuses: a short or unknown
    header, a band cut short or missing, an unknown pixel type, an out-db path without
    its NUL, a 1BB/2BUI/4BUI pixel out of its type's range. Two things PostGIS 3.3's
    reader refuses are accepted because plraster (and PostGIS itself) writes them: the
    16BF pixel type, and a band of an empty raster whose nodata value ends the WKB.
    """
    header = read_header(buf[:HEADER_SIZE])
    return len(buf) - check_band_chain(buf, header, check_values=True)


def path_text(path, number=None):
    """The text of an out-db band's path (bytes), which must be UTF-8.

    PostGIS takes the bytes as they are and hands them on as text, so ST_BandPath can
    return text that is not valid in the database's encoding; plraster refuses to open
    such a path (a path plraster opens is matched against the sources as text).
    """
    if isinstance(path, str):
        return path
    try:
        return bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRasterError(
            "out-db band path is not valid utf-8",
            detail="The path%s has a byte 0x%02x at offset %d that does not belong to a "
                   "UTF-8 character." % ("" if number is None else " of band %d" % number,
                                         bytes(path)[exc.start], exc.start),
            hint="Set a UTF-8 path with ST_SetBandPath.") from None


def _band(buf, header, order, flags, info, data_offset, end):
    """The Band of one walked band (walk_bands has checked that its bytes are there)."""
    dtype = info.dtype.newbyteorder(order)
    nodata = np.frombuffer(buf, dtype, 1, data_offset - info.size)[0].item()
    has_nodata = bool(flags & FLAG_HASNODATA)
    # PostGIS drops the reserved bit, and drops is-nodata unless has-nodata is set.
    band = Band(info, has_nodata, has_nodata and bool(flags & FLAG_ISNODATA),
                fit_nodata(info, nodata) if has_nodata else nodata)
    if flags & FLAG_OUTDB:
        band.outdb_index = buf[data_offset]
        band.path = bytes(buf[data_offset + 1:end - 1])
    else:
        band.data = np.frombuffer(buf, dtype, header.width * header.height,
                                  data_offset).reshape(header.height, header.width)
    return band


def fit_nodata(info, value):
    """The nodata value PostGIS reads from WKB: for 1BB/2BUI/4BUI only the bits the pixel
    has (a nodata of 5 in 2BUI reads as 1); other types as stored."""
    if info.name in ("1BB", "2BUI", "4BUI"):
        return int(value) & int(info.max)
    return value


def parse_raster(buf, notice_trailing=True):
    """Parse raster WKB into a Raster; pixel arrays are read-only views of buf.

    Every band is checked as PostGIS checks a raster entering it (walk_bands with
    check_values). Trailing bytes are accepted with a NOTICE, as PostGIS does; truncation
    is an error.
    """
    header = read_header(buf[:HEADER_SIZE])
    order = _ORDER[1 if header.little_endian else 0]
    bands, end = [], HEADER_SIZE
    for _, flags, info, data_offset, end in walk_bands(buf, header, check_values=True):
        bands.append(_band(buf, header, order, flags, info, data_offset, end))
    if notice_trailing and end < len(buf):
        messages.notice("%d bytes of WKB remained unparsed" % (len(buf) - end))
    return Raster(header, bands)


def parse_raster_metadata(buf):
    """Parse raster WKB into a Raster whose in-db bands carry no pixel array (data None):
    for the functions that report a band's type, nodata value or path. The bands are
    walked and checked as parse_raster walks them, but no pixel is read, so this needs no
    numpy (a new connection's first call is often one of these)."""
    header = read_header(buf[:HEADER_SIZE])
    order = _ORDER[1 if header.little_endian else 0]
    bands = []
    for _, flags, info, data_offset, end in walk_bands(buf, header):
        nodata = struct.unpack_from(order + STRUCT_FORMAT[info.name], buf, data_offset - info.size)[0]
        has_nodata = bool(flags & FLAG_HASNODATA)
        band = Band(info, has_nodata, has_nodata and bool(flags & FLAG_ISNODATA),
                    fit_nodata(info, nodata) if has_nodata else nodata)
        if flags & FLAG_OUTDB:
            band.outdb_index = buf[data_offset]
            band.path = bytes(buf[data_offset + 1:end - 1])
        bands.append(band)
    return Raster(header, bands)


def band_bounds(buf, header):
    """Return (start, end) byte offsets of every band, walking the bands without copying."""
    return [(start, end) for start, _, _, _, end in walk_bands(buf, header)]


def band_offsets(buf, header):
    """Return the byte offset of every band's flag byte, walking the bands without copying."""
    return [start for start, _ in band_bounds(buf, header)]


def raster_end(buf, header):
    """Return the offset just past the last band (len(buf) unless there are trailing bytes)."""
    bounds = band_bounds(buf, header)
    return bounds[-1][1] if bounds else HEADER_SIZE


def emit_header(header, num_bands=None):
    """Return the 61 header bytes, little-endian."""
    return _HEADER[1].pack(
        1, 0, header.num_bands if num_bands is None else num_bands,
        header.scale_x, header.scale_y, header.ip_x, header.ip_y,
        header.skew_x, header.skew_y, header.srid, header.width, header.height)


def emit_band(band, width, height):
    """Return the WKB of one band, little-endian."""
    info = band.pixtype
    flags = int(info.code)
    if band.is_outdb:
        flags |= FLAG_OUTDB
    if band.has_nodata:
        flags |= FLAG_HASNODATA
        if band.is_nodata:
            flags |= FLAG_ISNODATA
    le = info.dtype.newbyteorder("<")
    nodata = np.array(band.nodata if band.has_nodata else 0).astype(le).tobytes()
    parts = [bytes((flags,)), nodata]
    if band.is_outdb:
        parts.append(bytes((band.outdb_index,)))
        parts.append(band.path + b"\0")
    else:
        data = band.data
        if data is None:
            data = np.zeros((height, width), le)
        parts.append(np.ascontiguousarray(data, dtype=le).tobytes())
    return b"".join(parts)


def emit_raster(raster):
    """Return the WKB of a Raster, little-endian (machine order here, as PostGIS writes)."""
    header = raster.header
    parts = [emit_header(header, len(raster.bands))]
    parts.extend(emit_band(b, header.width, header.height) for b in raster.bands)
    return b"".join(parts)
