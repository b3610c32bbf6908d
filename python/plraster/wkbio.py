"""Raster WKB in and out of SQL: ST_RastFromWKB, ST_RastFromHexWKB, ST_AsBinary and kin.

PostGIS re-serialises every raster it reads, so what comes out is always little-endian,
without trailing bytes, with the reserved flag bit and a stray is-nodata bit dropped.
Most stored rasters are already like that; those are returned as they are, uncopied.
"""
import binascii

from . import wkb
from .errors import InvalidParameterError, UnsupportedError

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

    With outasin, out-db bands are to be written in-db with their pixels; that needs the
    out-db engine, so for now it is refused when the raster has an out-db band.
    """
    header = wkb.read_header(buf)
    if not outasin and _is_canonical(buf, header):
        return buf
    raster = wkb.parse_raster(buf)
    if outasin and any(b.is_outdb for b in raster.bands):
        raise UnsupportedError(
            "reading out-db band pixels is not supported yet",
            detail="ST_AsBinary(rast, outasin => true) must read the pixels of an out-db band.",
            hint="Call ST_AsBinary with outasin => false to get the out-db band record.")
    return wkb.emit_raster(raster)


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
