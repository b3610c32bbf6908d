"""Raster WKB in and out of SQL: ST_RastFromWKB, ST_RastFromHexWKB, ST_AsBinary and kin.

PostGIS re-serialises every raster it reads, so what comes out is always little-endian,
without trailing bytes, with the reserved flag bit and a stray is-nodata bit dropped.
Most stored rasters are already like that; those are returned as they are, uncopied.
"""
import binascii

import numpy as np

from plraster.core import wkb
from plraster.core.errors import InvalidParameterError

_CLEAN_FLAG_BITS = wkb.PIXTYPE_MASK | wkb.FLAG_OUTDB | wkb.FLAG_HASNODATA | wkb.FLAG_ISNODATA


def _is_canonical(buf, header):
    """True when buf is exactly what PostGIS would write for it (so it can be returned as is)."""
    if not header.little_endian:
        return False
    bounds = wkb.band_bounds(buf, header)
    for start, _ in bounds:
        flags = buf[start]
        if flags & ~_CLEAN_FLAG_BITS:
            return False
        if flags & wkb.FLAG_ISNODATA and not flags & wkb.FLAG_HASNODATA:
            return False
    return (bounds[-1][1] if bounds else wkb.HEADER_SIZE) == len(buf)


def canonical_wkb(buf, outasin=False):
    """Return the WKB PostGIS would write for raster buf (ST_AsBinary).

    With outasin, out-db bands are written in-db with the pixels the out-db engine reads.
    """
    header = wkb.read_header(buf)
    if not outasin and _is_canonical(buf, header):
        return buf
    raster = wkb.parse_raster(buf)
    if outasin:
        for i, band in enumerate(raster.bands):
            if band.is_outdb:
                raster.bands[i] = _indb_copy(raster.header, band)
    return wkb.emit_raster(raster)


def _indb_copy(header, band):
    """An out-db band written in-db with the pixels the out-db engine reads (flag 0x80
    cleared), as PostGIS writes it for outasin => true."""
    from plraster import outdb
    pixels = outdb.read_band(header, band.path, band.outdb_index, band.pixtype,
                             band.has_nodata, band.nodata)
    return wkb.Band(band.pixtype, band.has_nodata, band.is_nodata, band.nodata,
                    np.ascontiguousarray(pixels, dtype=band.pixtype.dtype))


def from_hex(text):
    """Decode hex WKB text (either case) into raster WKB, as ST_RastFromHexWKB does."""
    if len(text) % 2:
        raise InvalidParameterError(
            "raster hex wkb must have an even number of characters",
            detail="The text has %d characters." % len(text))
    try:
        raw = binascii.unhexlify(text)
    except (binascii.Error, ValueError):
        raise InvalidParameterError(
            "invalid hexadecimal digit in raster hex wkb",
            hint="Hex WKB contains only the characters 0-9, a-f and A-F.") from None
    return canonical_wkb(raw)
