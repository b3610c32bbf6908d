"""Hex EWKB for the few geometry shapes raster functions return (points, polygons).

PL/Python hands a geometry result to PostGIS's geometry input function as text, and
that accepts hex EWKB; writing EWKB keeps every double exact, unlike WKT.
"""
import struct

_EWKB_SRID_FLAG = 0x20000000
_POINT, _POLYGON, _MULTIPOLYGON = 1, 3, 6
_HEAD = struct.Struct("<BI")
_HEAD_SRID = struct.Struct("<BIi")


def _head(kind, srid):
    if srid:
        return _HEAD_SRID.pack(1, kind | _EWKB_SRID_FLAG, srid)
    return _HEAD.pack(1, kind)


def _ring(points):
    return struct.pack("<I", len(points)) + b"".join(struct.pack("<dd", x, y) for x, y in points)


def point(x, y, srid=0):
    """Return hex EWKB of a point."""
    return (_head(_POINT, srid) + struct.pack("<dd", x, y)).hex().upper()


def polygon_wkb(rings, srid=0):
    """Return EWKB bytes of a polygon given as a list of closed rings of (x, y)."""
    return _head(_POLYGON, srid) + struct.pack("<I", len(rings)) + b"".join(_ring(r) for r in rings)


def polygon(rings, srid=0):
    """Return hex EWKB of a polygon given as a list of closed rings of (x, y)."""
    return polygon_wkb(rings, srid).hex().upper()


def empty_polygon(srid=0):
    """Return hex EWKB of an empty polygon."""
    return polygon([], srid)


def multipolygon(polygons, srid=0):
    """Return hex EWKB of a multipolygon given as a list of polygons (lists of rings)."""
    body = b"".join(polygon_wkb(p) for p in polygons)
    return (_head(_MULTIPOLYGON, srid) + struct.pack("<I", len(polygons)) + body).hex().upper()


def parse_point(hexwkb):
    """Return (x, y, srid) of a point given as hex EWKB (how PL/Python receives a geometry).

    Raises ValueError when the geometry is not a point.
    """
    raw = bytes.fromhex(hexwkb)
    order = "<" if raw[0] == 1 else ">"
    (kind,) = struct.unpack_from(order + "I", raw, 1)
    offset, srid = 5, 0
    if kind & _EWKB_SRID_FLAG:
        (srid,) = struct.unpack_from(order + "i", raw, 5)
        offset = 9
    if kind & 0xFF != _POINT:
        raise ValueError("not a point")
    x, y = struct.unpack_from(order + "dd", raw, offset)
    return x, y, srid


_LINESTRING = 2


def linestring(points, srid=0):
    """Return hex EWKB of a linestring given as a list of (x, y)."""
    body = struct.pack("<I", len(points)) + b"".join(struct.pack("<dd", x, y) for x, y in points)
    return (_head(_LINESTRING, srid) + body).hex().upper()
