"""Band records as raw little-endian WKB bytes, for editors that keep bands unchanged.

PostGIS keeps a band it does not touch exactly as stored (including the nodata bytes of a
band that has no nodata value) but writes a band it copies into a new raster afresh
(nodata bytes 0 when there is no nodata value). `records` gives the first kind, ready to
join after a new header; `wkb.emit_band` gives the second.
"""
import numpy as np

from plraster.core import wkb
from plraster.core.pixtypes import info_for_code

_HEADER_FLAGS_MASK = wkb.PIXTYPE_MASK | wkb.FLAG_OUTDB | wkb.FLAG_HASNODATA | wkb.FLAG_ISNODATA


def record_length(band, header):
    """Bytes the WKB record of a parsed band takes."""
    size = band.pixtype.size
    if band.is_outdb:
        return 1 + size + 1 + len(band.path) + 1
    return 1 + size + header.width * header.height * size


def pack_value(info, value):
    """The little-endian bytes of one value of pixel type info (already in range)."""
    return np.array(value).astype(info.dtype.newbyteorder("<")).tobytes()


def _flags(band):
    flags = int(band.pixtype.code)
    if band.is_outdb:
        flags |= wkb.FLAG_OUTDB
    if band.has_nodata:
        flags |= wkb.FLAG_HASNODATA
        if band.is_nodata:
            flags |= wkb.FLAG_ISNODATA
    return flags


def _record(buf, offset, band, header):
    """The little-endian record of one parsed band, as PostGIS keeps it.

    The flag byte is normalised as PostGIS reads it (reserved bit and a stray is-nodata
    bit dropped); a nodata value is written as read (clamped), and the nodata bytes of a
    band without nodata are kept.
    """
    size = band.pixtype.size
    if band.has_nodata:
        nodata = pack_value(band.pixtype, band.nodata)
    else:
        raw = bytes(buf[offset + 1:offset + 1 + size])
        nodata = raw if header.little_endian else raw[::-1]
    if band.is_outdb:
        tail = bytes((band.outdb_index,)) + band.path + b"\0"
    elif header.little_endian:
        start = offset + 1 + size
        tail = bytes(buf[start:start + header.width * header.height * size])
    else:
        tail = band.data.astype(band.pixtype.dtype.newbyteorder("<")).tobytes()
    return bytes((_flags(band),)) + nodata + tail


def records(buf, raster):
    """Return the little-endian WKB record of every band of a parsed raster, in order."""
    out = []
    offset = wkb.HEADER_SIZE
    for band in raster.bands:
        out.append(_record(buf, offset, band, raster.header))
        offset += record_length(band, raster.header)
    return out


def has_outdb_band(buf, header):
    """True when any band of the raster is out-db; walks the flag bytes only."""
    offset = wkb.HEADER_SIZE
    pixels = header.width * header.height
    for _ in range(header.num_bands):
        if offset >= len(buf):
            break
        flags = buf[offset]
        info = info_for_code(flags & wkb.PIXTYPE_MASK)
        if info is None:
            break
        if flags & wkb.FLAG_OUTDB:
            return True
        offset += 1 + info.size + pixels * info.size
    return False


def assemble(header, band_records):
    """Return raster WKB from a header and a list of band records (bytes)."""
    return wkb.emit_header(header, len(band_records)) + b"".join(band_records)


def little_endian(buf):
    """Return the raster as PostGIS would write it back unchanged: little-endian.

    Little-endian input is returned as it is; big-endian input is rewritten.
    """
    if buf[0] == 1:
        return bytes(buf)
    raster = wkb.parse_raster(buf)
    return assemble(raster.header, records(buf, raster))


def with_header(buf, header):
    """Return the raster with a new header and its bands as they are (little-endian).

    For little-endian input only the 61 header bytes are rewritten; the band bytes are
    copied untouched, without being parsed.
    """
    if buf[0] == 1:
        return wkb.emit_header(header) + bytes(buf[wkb.HEADER_SIZE:])
    raster = wkb.parse_raster(buf)
    return assemble(header, records(buf, raster))
