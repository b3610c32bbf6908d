"""Pixel <-> world coordinates with PostGIS 3.3's arithmetic, rounding and soft failures.

Raster coordinates here are 1-based, as in SQL. World to raster applies GDAL's inverse
geotransform (the arithmetic PostGIS uses), snaps a value within FLT_EPSILON of an integer
to it, floors otherwise, and converts to a C int the way PostGIS's build does (out of
range and NaN become INT_MIN, then 1 is added with 32-bit wraparound).
"""
import math
import struct

from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.georef import raster_to_world
from plraster.core.nodata import FLT_EPSILON
from plraster.core.srid import clamp_srid

ROTATED_NEEDS_PIXEL = ("Pixel row and column required for computing longitude and "
                       "latitude of a rotated raster")
ROTATED_NEEDS_WORLD = ("Latitude and longitude required for computing pixel row and "
                       "column of a rotated raster")

_INT_MIN = -2 ** 31


def _nonzero(value):
    return abs(value) > FLT_EPSILON


def raster_to_world_coord(h, columnx, rowy):
    """World (x, y) of the upper-left corner of 1-based pixel (columnx, rowy).

    A missing coordinate (None) counts as 0, which PostGIS allows only where the skew
    that would multiply it is zero: otherwise a soft failure.
    """
    if (rowy is None and _nonzero(h.skew_y)) or (columnx is None and _nonzero(h.skew_x)):
        raise SoftFailure(ROTATED_NEEDS_PIXEL)
    col = (0 if columnx is None else columnx) - 1
    row = (0 if rowy is None else rowy) - 1
    return raster_to_world(h, float(col), float(row))


def inverse_geotransform(h):
    """GDAL's inverse of the raster's geotransform (GDALInvGeoTransform, same arithmetic)."""
    g0, g1, g2, g3, g4, g5 = h.geotransform
    if g2 == 0.0 and g4 == 0.0 and g1 != 0.0 and g5 != 0.0:
        return (-g0 / g1, 1.0 / g1, 0.0, -g3 / g5, 0.0, 1.0 / g5)
    det = g1 * g5 - g2 * g4
    magnitude = max(max(abs(g1), abs(g2)), max(abs(g4), abs(g5)))
    if not abs(det) > 1e-10 * magnitude * magnitude:
        raise InvalidParameterError(
            "could not compute the inverse geotransform of the raster",
            detail="The raster's scale and skew give a singular geotransform.")
    inv = 1.0 / det
    return ((g2 * g3 - g0 * g5) * inv, g5 * inv, -g2 * inv,
            (-g1 * g3 + g0 * g4) * inv, -g4 * inv, g1 * inv)


def _snap(value):
    if value != value or math.isinf(value):
        return value
    nearest = math.floor(value + 0.5) if value > 0.0 else math.ceil(value - 0.5)
    if abs(nearest - value) <= FLT_EPSILON:
        return nearest
    return math.floor(value)


def _c_int_plus_one(value):
    if value != value or math.isinf(value) or not -2 ** 31 <= value < 2 ** 31:
        n = _INT_MIN
    else:
        n = int(value)
    return (n + 1 + 2 ** 31) % 2 ** 32 - 2 ** 31


def world_to_raster_coord(h, xw, yw):
    """1-based (column, row) of the pixel holding world point (xw, yw).

    A missing coordinate (None) counts as 0, which PostGIS allows only for rasters without
    skew: otherwise a soft failure.
    """
    if (xw is None or yw is None) and (_nonzero(h.skew_x) or _nonzero(h.skew_y)):
        raise SoftFailure(ROTATED_NEEDS_WORLD)
    x = 0.0 if xw is None else float(xw)
    y = 0.0 if yw is None else float(yw)
    i0, i1, i2, i3, i4, i5 = inverse_geotransform(h)
    col = i0 + x * i1 + y * i2
    row = i3 + x * i4 + y * i5
    return _c_int_plus_one(_snap(col)), _c_int_plus_one(_snap(row))


_EWKB_TYPE_MASK = 0x0FFFFFFF
_EWKB_SRID = 0x20000000
_EWKB_Z = 0x80000000
_EWKB_M = 0x40000000


def read_point(hexwkb):
    """(geometry type code, srid, x, y) of a geometry given as hex EWKB; x and y are None
    unless it is a non-empty point."""
    raw = bytes.fromhex(hexwkb)
    order = "<" if raw[0] == 1 else ">"
    (kind,) = struct.unpack_from(order + "I", raw, 1)
    offset, srid = 5, 0
    if kind & _EWKB_SRID:
        (srid,) = struct.unpack_from(order + "i", raw, 5)
        offset = 9
    code = kind & _EWKB_TYPE_MASK
    if code != 1 or len(raw) < offset + 16:
        return code, srid, None, None
    x, y = struct.unpack_from(order + "dd", raw, offset)
    if math.isnan(x) and math.isnan(y):
        return code, srid, None, None
    return code, srid, x, y


def world_to_raster_coord_point(h, hexwkb):
    """World to raster for a point geometry (ST_WorldToRasterCoord(rast, pt)); the point must
    have the raster's SRID."""
    code, srid, x, y = read_point(hexwkb)
    if code != 1:
        raise InvalidParameterError(
            "attempting to compute raster coordinate with a non-point geometry")
    if clamp_srid(h.srid) != srid:
        raise InvalidParameterError(
            "raster and geometry do not have the same srid",
            detail="The raster has SRID %d and the point SRID %d." % (clamp_srid(h.srid), srid))
    return world_to_raster_coord(h, x, y)
