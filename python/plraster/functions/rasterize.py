"""Geometries into pixels, as PostGIS decides: GDAL's rasterizer on in-memory datasets.

PostGIS burns a geometry into a grid with GDALRasterizeGeometries (ALL_TOUCHED when asked),
on a grid whose extent it derives from the geometry's envelope: points and lines are grown
by half a pixel on every side, the size is the envelope's size in pixels rounded to the
nearest, and one more pixel is added on an axis whose envelope corner is not on a grid line.
`envelope_window` gives that grid in the pixel units of a reference grid; `burn` runs GDAL's
rasterizer (through plraster.functions.gdalmem: a MEM dataset and an OGR Memory layer, never
a path) and returns a boolean array.

Geometries arrive as EWKB (what PL/Python receives as hex text); `ogr_geometry` hands OGR
plain WKB, with the EWKB SRID taken out first.
"""
import math
import struct

import numpy as np

from plraster.core import limits
from plraster.core.errors import InvalidParameterError
from plraster.core.nodata import FLT_EPSILON
from plraster.functions import gdalmem

_SRID_FLAG = 0x20000000
_LAYER = None
POINTLIKE = frozenset(("POINT", "MULTIPOINT", "LINESTRING", "MULTILINESTRING"))


def ewkb_bytes(geom):
    """The bytes of a geometry given as hex EWKB text (PL/Python's form) or bytes."""
    if isinstance(geom, str):
        try:
            return bytes.fromhex(geom)
        except ValueError:
            raise InvalidParameterError("invalid geometry") from None
    return bytes(geom)


def ewkb_srid(raw):
    """The SRID of EWKB bytes (0 when none is given)."""
    if len(raw) < 5:
        raise InvalidParameterError("invalid geometry")
    order = "<" if raw[0] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", raw, 1)
    if code & _SRID_FLAG and len(raw) >= 9:
        return struct.unpack_from(order + "i", raw, 5)[0]
    return 0


def plain_wkb(raw):
    """EWKB bytes without the top-level SRID, which OGR does not read."""
    order = "<" if raw[0] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", raw, 1)
    if not code & _SRID_FLAG:
        return raw
    return raw[:1] + struct.pack(order + "I", code & ~_SRID_FLAG) + raw[9:]


def ogr_geometry(raw):
    """An OGR geometry from EWKB bytes."""
    ogr = gdalmem.modules()[1]
    try:
        return ogr.CreateGeometryFromWkb(plain_wkb(raw))
    except RuntimeError:
        raise InvalidParameterError("invalid geometry") from None


def hull_geometry(header):
    """The raster's convex hull (its four corners) as an OGR polygon."""
    ogr = gdalmem.modules()[1]
    gt = header.geotransform
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for c, r in ((0, 0), (header.width, 0), (header.width, header.height),
                 (0, header.height), (0, 0)):
        ring.AddPoint_2D(gt[0] + c * gt[1] + r * gt[2], gt[3] + c * gt[4] + r * gt[5])
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def envelope_polygon(header):
    """The axis-aligned box of the raster's hull, as ST_Envelope(raster) gives it."""
    ogr = gdalmem.modules()[1]
    minx, maxx, miny, maxy = hull_geometry(header).GetEnvelope()
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((minx, miny), (minx, maxy), (maxx, maxy), (maxx, miny), (minx, miny)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def is_pointlike(geom):
    """True for the geometry types whose envelope PostGIS grows by half a pixel."""
    return geom.GetGeometryName() in POINTLIKE


def _snap(value):
    """floor(value), or value's integer when it is within FLT_EPSILON of one; and whether
    value was on the grid."""
    nearest = round(value)
    if abs(value - nearest) <= FLT_EPSILON:
        return int(nearest), True
    return int(math.floor(value)), False


def envelope_window(geom, header):
    """(col0, row0, width, height): the grid PostGIS rasterizes geom on, aligned with the
    grid of header, in header's pixel units (col0, row0 may lie off the raster)."""
    return envelope_window_of(geom.GetEnvelope(), is_pointlike(geom), header)


def envelope_window_of(envelope, pointlike, header):
    """envelope_window for an envelope (minx, maxx, miny, maxy) of a geometry that is
    pointlike (points and lines) or not."""
    minx, maxx, miny, maxy = envelope
    sx, sy, kx, ky = header.scale_x, header.scale_y, header.skew_x, header.skew_y
    if kx == 0 and ky == 0:
        ax, ay = abs(sx), abs(sy)
        if pointlike:
            minx, maxx, miny, maxy = minx - ax / 2, maxx + ax / 2, miny - ay / 2, maxy + ay / 2
        dimx = max(int((maxx - minx + ax / 2) / ax), 1)
        dimy = max(int((maxy - miny + ay / 2) / ay), 1)
        c0, on_x = _snap(((minx if sx > 0 else maxx) - header.ip_x) / sx)
        r0, on_y = _snap(((maxy if sy < 0 else miny) - header.ip_y) / sy)
        return c0, r0, dimx + (not on_x), dimy + (not on_y)
    # Skewed grids: the envelope's corners in pixel space, floored and ceiled.
    inv = inverse(header)
    grow = 0.5 if pointlike else 0.0
    cols, rows = [], []
    for x, y in ((minx, miny), (minx, maxy), (maxx, miny), (maxx, maxy)):
        cols.append(inv[0] + x * inv[1] + y * inv[2])
        rows.append(inv[3] + x * inv[4] + y * inv[5])
    c0 = int(math.floor(min(cols) - grow))
    r0 = int(math.floor(min(rows) - grow))
    c1 = int(math.ceil(max(cols) + grow))
    r1 = int(math.ceil(max(rows) + grow))
    return c0, r0, max(c1 - c0, 1), max(r1 - r0, 1)


def inverse(header):
    """GDAL's inverse geotransform of the raster (world -> pixel)."""
    ox, sx, kx, oy, ky, sy = header.geotransform
    det = sx * sy - kx * ky
    if det == 0:
        raise InvalidParameterError("the raster's geotransform cannot be inverted",
                                    detail="Its scale and skew make a zero determinant.")
    isx, ikx, iky, isy = sy / det, -kx / det, -ky / det, sx / det
    return (-ox * isx - oy * ikx, isx, ikx, -ox * iky - oy * isy, iky, isy)


def window_geotransform(header, col0, row0):
    """The geotransform of header's grid moved to pixel (col0, row0)."""
    ox, sx, kx, oy, ky, sy = header.geotransform
    return (ox + col0 * sx + row0 * kx, sx, kx, oy + col0 * ky + row0 * sy, ky, sy)


def _layer():
    global _LAYER
    if _LAYER is None:
        ogr = gdalmem.modules()[1]
        source = ogr.GetDriverByName("Memory").CreateDataSource("plraster_rasterize")
        _LAYER = (source, source.CreateLayer("geoms", geom_type=ogr.wkbUnknown))
    return _LAYER[1]


def burn(geom, geotransform, width, height, all_touched=False):
    """The pixels of a width x height grid with this geotransform that GDAL's rasterizer
    burns for geom, as a boolean (height, width) array."""
    limits.check_pixels(width, height, 1, "the rasterized geometry")
    gdal, ogr, _ = gdalmem.modules()
    ds = gdalmem.mem_driver().Create("", width, height, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(geotransform)
    layer = _layer()
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(geom)
    layer.CreateFeature(feature)
    try:
        options = ["ALL_TOUCHED=TRUE"] if all_touched else []
        # the layer has no SRS, like PostGIS's geometry: GDAL's warning saying so is noise
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            gdal.RasterizeLayer(ds, [1], layer, burn_values=[1], options=options)
        finally:
            gdal.PopErrorHandler()
    finally:
        layer.DeleteFeature(feature.GetFID())
    return ds.GetRasterBand(1).ReadAsArray().astype(bool)


def polygons_of_wkb(raw):
    """The polygons of 2-D Polygon or MultiPolygon EWKB as lists of (n, 2) float arrays
    (rings), or None for any other geometry (and for Z or M coordinates)."""
    order = "<" if raw[0] == 1 else ">"
    dtype = np.dtype(order + "f8")
    (code,) = struct.unpack_from(order + "I", raw, 1)
    offset = 9 if code & _SRID_FLAG else 5
    code &= ~_SRID_FLAG
    if code == 3:
        count, offset = 1, offset - 5
    elif code == 6:
        (count,) = struct.unpack_from(order + "I", raw, offset)
        offset += 4
    else:
        return None
    polygons = []
    for _ in range(count):
        if code == 6:
            if raw[offset] != raw[0] or struct.unpack_from(order + "I", raw, offset + 1)[0] != 3:
                return None
        (nrings,) = struct.unpack_from(order + "I", raw, offset + 5)
        offset += 9
        rings = []
        for _ in range(nrings):
            (n,) = struct.unpack_from(order + "I", raw, offset)
            offset += 4
            if offset + 16 * n > len(raw):
                return None
            rings.append(np.frombuffer(raw, dtype, 2 * n, offset).reshape(n, 2))
            offset += 16 * n
        polygons.append(rings)
    return polygons


def _inside(px, py, rings):
    """Even-odd test of the point (px, py) against the rings (lists of (x, y)) of a polygon."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > py) != (y2 > py) and x1 + (py - y1) * (x2 - x1) / (y2 - y1) > px:
                inside = not inside
    return inside


def box_intersection_envelope(polygons, box):
    """The envelope (minx, maxx, miny, maxy) of the intersection of polygons with the box
    (minx, miny, maxx, maxy), from the points its vertices can be: polygon vertices in the
    box, crossings of polygon edges with the box's sides, box corners in a polygon. None
    when there are none."""
    bx0, by0, bx1, by1 = box
    xs, ys = [], []
    for rings in polygons:
        rings = [ring.tolist() if hasattr(ring, "tolist") else ring for ring in rings]
        for ring in rings:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if bx0 <= x1 <= bx1 and by0 <= y1 <= by1:
                    xs.append(x1)
                    ys.append(y1)
                if x1 != x2:
                    for edge in (bx0, bx1):
                        if (x1 - edge) * (x2 - edge) <= 0:
                            y = y1 + (edge - x1) * (y2 - y1) / (x2 - x1)
                            if by0 <= y <= by1:
                                xs.append(edge)
                                ys.append(y)
                if y1 != y2:
                    for edge in (by0, by1):
                        if (y1 - edge) * (y2 - edge) <= 0:
                            x = x1 + (edge - y1) * (x2 - x1) / (y2 - y1)
                            if bx0 <= x <= bx1:
                                xs.append(x)
                                ys.append(edge)
        for cx, cy in ((bx0, by0), (bx0, by1), (bx1, by0), (bx1, by1)):
            if _inside(cx, cy, rings):
                xs.append(cx)
                ys.append(cy)
    if not xs:
        return None
    return min(xs), max(xs), min(ys), max(ys)
