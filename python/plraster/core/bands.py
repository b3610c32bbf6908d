"""Band access in raster WKB: locate a band, read and convert one pixel, patch one in place.

Single-pixel reads and writes never parse the whole raster: `locate_band` walks the band
headers up to the one asked for, a value is read with one `struct.unpack_from`, and a write
copies the WKB once and patches the pixel in place. Every function family reads bands
through `BandRef`, in-db and out-db alike.
"""
import struct

from plraster.core.lazynumpy import np

from plraster.core import wkb
from plraster.core.errors import InvalidRasterError
from plraster.core.nodata import FLT_EPSILON, is_nodata_value as values_equal
from plraster.core.pixtypes import STRUCT_FORMAT, info_for_code, to_pixel_value


class BandRef:
    """One band located in raster WKB: its flags, nodata and where its pixels start."""

    __slots__ = ("offset", "info", "fmt", "size", "has_nodata", "is_nodata", "nodata",
                 "is_outdb", "data_offset", "end", "_outdb", "_window")

    def __init__(self, offset, info, order, has_nodata, is_nodata, nodata, is_outdb,
                 data_offset, end):
        self.offset = offset
        self.info = info
        self.fmt = order + STRUCT_FORMAT[info.name]
        self.size = info.size
        self.has_nodata = has_nodata
        self.is_nodata = is_nodata
        self.nodata = nodata
        self.is_outdb = is_outdb
        self.data_offset = data_offset
        self.end = end
        self._outdb = None
        self._window = None

    def array(self, buf, header):
        """The band's pixels as a read-only (height, width) array: a numpy view of buf for
        an in-db band, the pixels the out-db engine reads for an out-db band."""
        if self.is_outdb:
            return self.outdb_array(buf, header)
        dtype = self.info.dtype.newbyteorder(self.fmt[0])
        return np.frombuffer(buf, dtype, header.width * header.height,
                             self.data_offset).reshape(header.height, header.width)

    def outdb_array(self, buf, header):
        """The pixels of an out-db band, read once per call of a function (as PostGIS
        loads the band once), then from this BandRef."""
        cached = getattr(self, "_outdb", None)
        if cached is None:
            cached = self._read_outdb(buf, header, None)
            self._outdb = cached
        return cached

    def _outdb_source(self, buf):
        """(0-based band number in the file, path bytes) of an out-db band."""
        return buf[self.data_offset], bytes(buf[self.data_offset + 1:self.end - 1])

    def _read_outdb(self, buf, header, window):
        from plraster import outdb
        index, path = self._outdb_source(buf)
        return outdb.read_band(header, path, index, self.info, self.has_nodata, self.nodata,
                               window)

    def prefetch(self, buf, header, col0, row0, col1, row1):
        """Read out-db pixels [col0, col1) x [row0, row1) (clipped to the raster) and keep
        them for outdb_pixel: only the file's blocks holding them are fetched."""
        col0, row0 = max(col0, 0), max(row0, 0)
        col1, row1 = min(col1, header.width), min(row1, header.height)
        self._window = (col0, row0, self._read_outdb(
            buf, header, (col0, row0, col1 - col0, row1 - row0)))
        return self._window

    def window(self, buf, header, col0, row0, col1, row1):
        """Pixels [col0, col1) x [row0, row1) (within the raster) as an array: a view of an
        in-db band, the pixels read for an out-db band (only those)."""
        if self.is_outdb and self._outdb is None:
            return self.prefetch(buf, header, col0, row0, col1, row1)[2]
        return self.array(buf, header)[row0:row1, col0:col1]

    def outdb_pixel(self, buf, header, col, row):
        """The value of out-db pixel (col, row): from the whole band when it was read,
        else from a window read around it (not the whole band: a band may declare
        65535 x 65535 pixels)."""
        if self._outdb is not None:
            return self._outdb[row, col].item()
        window = self._window
        if window is None or not (0 <= row - window[1] < window[2].shape[0]
                                  and 0 <= col - window[0] < window[2].shape[1]):
            from plraster import outdb
            index, path = self._outdb_source(buf)
            value, self._window = outdb.read_pixel(header, path, index, self.info, self.has_nodata,
                                                   self.nodata, col, row)
            return value
        return window[2][row - window[1], col - window[0]].item()

    def require_indb(self):
        """Nothing to check any more: out-db bands are read by the out-db engine."""


def _truncated(what, offset, total):
    return InvalidRasterError("raster wkb is truncated",
                              detail="%s ends past the %d bytes of the value (at offset %d)."
                              % (what, total, offset))


def locate_band(buf, header, nband):
    """Return the BandRef of 1-based band nband, or None when there is no such band."""
    if nband is None or nband < 1 or nband > header.num_bands:
        return None
    order = "<" if header.little_endian else ">"
    npix = header.width * header.height
    total = len(buf)
    offset = wkb.HEADER_SIZE
    for number in range(1, nband + 1):
        if offset >= total:
            raise _truncated("Band %d" % number, offset, total)
        flags = buf[offset]
        info = info_for_code(flags & wkb.PIXTYPE_MASK)
        if info is None:
            raise InvalidRasterError(
                "invalid raster wkb: unknown pixel type %d in band %d"
                % (flags & wkb.PIXTYPE_MASK, number))
        size = info.size
        start = offset + 1 + size
        if flags & wkb.FLAG_OUTDB:
            nul = buf.find(b"\0", start + 1)
            if nul < 0:
                raise _truncated("The path of out-db band %d" % number, total, total)
            end = nul + 1
        else:
            end = start + npix * size
            if end > total:
                raise _truncated("The pixels of band %d" % number, end, total)
        if number == nband:
            if start > total:
                raise _truncated("The nodata value of band %d" % number, start, total)
            has_nodata = bool(flags & wkb.FLAG_HASNODATA)
            nodata = struct.unpack_from(order + STRUCT_FORMAT[info.name], buf, offset + 1)[0]
            if has_nodata:
                nodata = wkb.fit_nodata(info, nodata)
            return BandRef(offset, info, order, has_nodata,
                           has_nodata and bool(flags & wkb.FLAG_ISNODATA),
                           nodata if has_nodata else 0, bool(flags & wkb.FLAG_OUTDB),
                           start, end)
        offset = end
    return None


def is_nodata_value(band, value):
    """True when value is the band's nodata value, as PostGIS compares them."""
    return band.has_nodata and values_equal(value, band.nodata)


def read_pixel(buf, header, band, col, row):
    """(value, is_nodata) of 0-based pixel (col, row), which must be on the raster."""
    if band.is_nodata:
        return band.nodata, True
    if band.is_outdb:
        value = band.outdb_pixel(buf, header, col, row)
        return value, band.has_nodata and values_equal(value, band.nodata)
    value = struct.unpack_from(band.fmt, buf,
                               band.data_offset + (row * header.width + col) * band.size)[0]
    return value, band.has_nodata and values_equal(value, band.nodata)


def corrected_pixel_value(band, value):
    """Convert value for a pixel of band as PostGIS's rt_band_set_pixel does: a value that is
    not the nodata value but would be stored as it is first moved off it (1 up from the
    type's minimum, 1 down otherwise; 1BB flips), then converted."""
    info = band.info
    if band.has_nodata and info.name not in ("64BF", "16BF") and \
            not values_equal(value, band.nodata) and \
            values_equal(to_pixel_value(info, value), to_pixel_value(info, band.nodata)):
        if info.name == "1BB":
            value = 0.0 if band.nodata else 1.0
        else:
            step = FLT_EPSILON if info.name == "32BF" else 1
            at_min = values_equal(to_pixel_value(info, value), to_pixel_value(info, info.min))
            value = value + step if at_min else value - step
    return to_pixel_value(info, value)


def as_little_endian(buf, header):
    """Return (buf, header) in little-endian byte order (a re-emitted copy for XDR input)."""
    if header.little_endian:
        return buf, header
    out = wkb.emit_raster(wkb.parse_raster(buf, notice_trailing=False))
    return out, wkb.read_header(out)


def materialise_band(buf, header, nband):
    """Return (buf, header) with out-db band nband turned into an in-db band holding the
    pixels the out-db engine reads, so that pixels can be set in it. PostGIS 3.3 refuses
    to set pixels of an out-db band (XX000); plraster writes the band in-db instead."""
    band = locate_band(buf, header, nband)
    pixels = band.outdb_array(buf, header)
    raster = wkb.parse_raster(buf, notice_trailing=False)
    old = raster.bands[nband - 1]
    raster.bands[nband - 1] = wkb.Band(old.pixtype, old.has_nodata, False, old.nodata,
                                       np.ascontiguousarray(pixels, dtype=old.pixtype.dtype))
    out = wkb.emit_raster(raster)
    return out, wkb.read_header(out)


def patch_pixel(out, header, band, col, row, value):
    """Write value (already converted) into pixel (col, row) of bytearray out; clear a band's
    is-nodata flag when the value is not nodata, as PostGIS does."""
    struct.pack_into(band.fmt, out, band.data_offset + (row * header.width + col) * band.size,
                     value)
    if band.is_nodata and not values_equal(value, band.nodata):
        out[band.offset] &= ~wkb.FLAG_ISNODATA
        band.is_nodata = False
