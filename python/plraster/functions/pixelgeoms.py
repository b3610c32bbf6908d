"""Pixels as geometries and geometries into pixels: ST_PixelAsPolygon(s), ST_PixelAsPoint(s),
ST_PixelAsCentroid(s), and the geomval form of ST_SetValues (burning points and polygons).

Geometries arrive from PL/Python as hex EWKB and leave as hex EWKB (plraster.core.geometry).
Polygons are burnt as GDAL rasterizes them, which is what PostGIS calls: a pixel is set
when its centre falls inside, scanning each row at its centre line. Geometries holding
lines are burnt by GDAL's rasterizer itself (plraster.functions.rasterize), on the grid
PostGIS derives from the geometry's envelope.
"""
import math
import struct

from plraster.core.lazynumpy import np

from plraster.core import geometry, limits, messages, wkb
from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.bands import (as_little_endian, corrected_pixel_value, locate_band,
                                  materialise_band, patch_pixel, read_pixel)
from plraster.functions.pixels import inverse_geotransform, nodata_mask, world_to_cell
from plraster.core.ticker import Ticker

_SRID_FLAG, _Z_FLAG, _M_FLAG = 0x20000000, 0x80000000, 0x40000000
POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, COLLECTION = range(1, 8)


class Geometry:
    """A parsed EWKB geometry: kind code, SRID and coordinates (nested by kind)."""

    __slots__ = ("kind", "srid", "coords", "parts")

    def __init__(self, kind, srid, coords=None, parts=None):
        self.kind = kind
        self.srid = srid
        self.coords = coords
        self.parts = parts or []

    @property
    def is_empty(self):
        """True for a geometry without coordinates."""
        if self.kind == POINT:
            return self.coords is None
        if self.kind in (LINESTRING, POLYGON):
            return not self.coords
        return all(p.is_empty for p in self.parts)


def parse_ewkb(hexwkb):
    """Parse hex EWKB (2-D, Z and M ordinates ignored) into a Geometry."""
    raw = bytes.fromhex(hexwkb) if isinstance(hexwkb, str) else bytes(hexwkb)
    geom, _ = _parse(raw, 0, 0)
    return geom


def _parse(raw, offset, srid):
    order = "<" if raw[offset] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", raw, offset + 1)
    offset += 5
    if code & _SRID_FLAG:
        (srid,) = struct.unpack_from(order + "i", raw, offset)
        offset += 4
    ndims = 2 + bool(code & _Z_FLAG) + bool(code & _M_FLAG)
    kind = code & 0xFFFF
    if kind >= 1000:  # ISO WKB dimension codes
        ndims = 2 + (kind // 1000 in (1, 2)) + (kind // 1000 == 3) * 2
        kind %= 1000
    pt = struct.Struct(order + "d" * ndims)

    def points(n, off):
        out = []
        for _ in range(n):
            vals = pt.unpack_from(raw, off)
            out.append((vals[0], vals[1]))
            off += pt.size
        return out, off

    if kind == POINT:
        (x, y) = pt.unpack_from(raw, offset)[:2]
        offset += pt.size
        return Geometry(POINT, srid, None if (x != x and y != y) else (x, y)), offset
    if kind == LINESTRING:
        (n,) = struct.unpack_from(order + "I", raw, offset)
        coords, offset = points(n, offset + 4)
        return Geometry(LINESTRING, srid, coords), offset
    if kind == POLYGON:
        (nrings,) = struct.unpack_from(order + "I", raw, offset)
        offset += 4
        rings = []
        for _ in range(nrings):
            (n,) = struct.unpack_from(order + "I", raw, offset)
            ring, offset = points(n, offset + 4)
            rings.append(ring)
        return Geometry(POLYGON, srid, rings), offset
    if kind in (MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, COLLECTION):
        (n,) = struct.unpack_from(order + "I", raw, offset)
        offset += 4
        parts = []
        for _ in range(n):
            part, offset = _parse(raw, offset, srid)
            parts.append(part)
        return Geometry(kind, srid, parts=parts), offset
    raise InvalidParameterError("unsupported geometry type %d" % kind)


def parse_geometry_point(hexwkb):
    """(x, y, srid) of a non-empty point geometry, or None for any other geometry."""
    g = parse_ewkb(hexwkb)
    if g.kind != POINT or g.coords is None:
        return None
    return g.coords[0], g.coords[1], g.srid


def parse_point_or_none(hexwkb, message):
    """(x, y, srid) of a point; raises InvalidParameterError(message) for other geometries."""
    pt = parse_geometry_point(hexwkb)
    if pt is None:
        raise InvalidParameterError(message[0].lower() + message[1:])
    return pt


# ---------------------------------------------------------------- pixels as geometries

def pixel_corner(header, col, row):
    """The world (x, y) of a 0-based pixel corner as PostGIS's pixel geometries place it:
    the offset added to the sum of the scale and skew terms (ST_RasterToWorldCoord sums
    in the other order; on rotated rasters the two differ in the last bit)."""
    return (header.ip_x + (header.scale_x * col + header.skew_x * row),
            header.ip_y + (header.skew_y * col + header.scale_y * row))


def pixel_ring(header, col, row):
    """The closed ring of the 0-based pixel's corners: upper-left, upper-right, lower-right,
    lower-left, upper-left."""
    # PostGIS steps from the upper-left corner by the scale and skew (not the geotransform
    # of each corner), which rounds differently on rotated rasters.
    x, y = pixel_corner(header, col, row)
    sx, sy, kx, ky = header.scale_x, header.scale_y, header.skew_x, header.skew_y
    pts = [(x, y), (x + sx, y + ky), (x + sx + kx, y + ky + sy), (x + kx, y + sy)]
    return pts + [pts[0]]


def point_in_ring(px, py, ring):
    """Even-odd test of (px, py) against a closed ring (boundary points count as inside)."""
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:]):
        if (ay > py) != (by > py):
            x = ax + (py - ay) * (bx - ax) / (by - ay)
            if x == px:
                return True
            if x > px:
                inside = not inside
    return inside


def _polygon(header, c, r):
    return geometry.polygon([pixel_ring(header, c, r)], header.srid)


def _corner(header, c, r):
    x, y = pixel_corner(header, c, r)
    return geometry.point(x, y, header.srid)


def _centroid(header, c, r):
    # PostGIS steps half a pixel from the upper-left corner (measured on rotated rasters).
    x, y = pixel_corner(header, c, r)
    x += (header.scale_x + header.skew_x) / 2
    y += (header.skew_y + header.scale_y) / 2
    return geometry.point(x, y, header.srid)


# Pixels per row of _plraster_pixelas: its arrays hold at most this many pixels, so a band
# of 65535 x 65535 pixels is never held whole.
CHUNK_PIXELS = 65536


def pixel_chunks(buf, nband, exclude_nodata_value, kind):
    """The rows of ST_PixelAsPoints / Centroids / Polygons (kind 'points', 'centroids',
    'polygons'), whole raster rows of at most CHUNK_PIXELS pixels at a time, as (geoms,
    size, vals, width, row0): the EWKB of every pixel of the chunk, each `size` bytes, in
    one bytea; the values as the text of a double precision[] (NULL for a nodata pixel when
    nodata is excluded), pixel i of the chunk being column i % width, row row0 + i // width
    (0-based). SQL unnests the values with their ordinals, drops the NULLs and cuts each
    pixel's EWKB out of the bytea. Everything crosses from Python as one bytea and one text
    per chunk: PL/Python converts each element of an array through its text form, which
    cost more than the rest of the work. The doubles are those of the one-pixel functions
    above (same arithmetic, same order)."""
    header = wkb.read_header(buf)
    w, h = header.width, header.height
    if w == 0 or h == 0:
        messages.notice("Raster is empty. Returning empty set")
        return
    band = locate_band(buf, header, nband) if nband is not None else None
    if band is None:
        messages.notice("Invalid band index (must use 1-based). Returning empty set")
        return
    if exclude_nodata_value and band.is_nodata:
        messages.notice("No pixels found for band %d" % nband)
        return
    pixels = band.array(buf, header)
    excluding = band.has_nodata and exclude_nodata_value
    step = max(1, CHUNK_PIXELS // w)
    made = 0
    ticks = Ticker()
    for r0 in range(0, h, step):
        ticks.tick(w * step)
        chunk = pixels[r0:r0 + step]
        rows, cols = np.indices(chunk.shape)
        rows = rows.ravel() + r0
        cols = cols.ravel()
        if band.is_nodata:
            values = np.full(chunk.size, float(band.nodata))
        elif band.info.is_float:
            values = chunk.astype(np.float64).ravel()
        else:
            values = chunk.astype(np.int64).ravel()   # integers write shorter, faster text
        keep = ~nodata_mask(values.astype(np.float64), band) if excluding else None
        kept = chunk.size if keep is None else int(np.count_nonzero(keep))
        if not kept:
            continue
        made += kept
        geoms, size = _ewkb_blob(header, cols, rows, kind)
        yield geoms, size, _array_text(values, keep), w, r0
    if not made:
        messages.notice("No pixels found for band %d" % nband)


_BRACES = str.maketrans("[]", "{}")


def _array_text(values, keep):
    """The text of a double precision[] of values (an int64 or float64 array), with NULL
    where keep is False (keep None: every value). Python's repr of a float is the shortest
    text that reads back as the same double ('nan' and 'inf' read back too)."""
    if keep is None or keep.all():
        return repr(values.tolist()).translate(_BRACES)
    items = values.astype(object)
    items[~keep] = None
    return repr(items.tolist()).translate(_BRACES).replace("None", "NULL")


def _ewkb_blob(header, cols, rows, kind):
    """(bytes, size): the EWKB of each pixel's geometry, one after another, each size bytes
    (little-endian, with the SRID when it is not 0)."""
    c, r = cols.astype(np.float64), rows.astype(np.float64)
    sx, sy, kx, ky = header.scale_x, header.scale_y, header.skew_x, header.skew_y
    # pixel_corner's arithmetic, element by element
    x = header.ip_x + (sx * c + kx * r)
    y = header.ip_y + (ky * c + sy * r)
    if kind == "centroids":
        x = x + (sx + kx) / 2
        y = y + (ky + sy) / 2
    fields = [("order", "u1"), ("type", "<u4")] + ([("srid", "<i4")] if header.srid else [])
    if kind == "polygons":
        # pixel_ring's corners: upper-left, upper-right, lower-right, lower-left, upper-left
        corners = [(x, y), (x + sx, y + ky), (x + sx + kx, y + ky + sy), (x + kx, y + sy), (x, y)]
        fields += [("rings", "<u4"), ("points", "<u4"), ("xy", "<f8", (10,))]
        code = 3
    else:
        fields += [("xy", "<f8", (2,))]
        code = 1
    out = np.empty(len(x), dtype=np.dtype(fields))
    out["order"] = 1
    out["type"] = code | (_SRID_FLAG if header.srid else 0)
    if header.srid:
        out["srid"] = header.srid
    if kind == "polygons":
        out["rings"] = 1
        out["points"] = 5
        for i, (px, py) in enumerate(corners):
            out["xy"][:, 2 * i] = px
            out["xy"][:, 2 * i + 1] = py
    else:
        out["xy"][:, 0] = x
        out["xy"][:, 1] = y
    return out.tobytes(), out.dtype.itemsize


def _one(buf, x, y, make):
    header = wkb.read_header(buf)
    if header.width == 0 or header.height == 0:
        raise SoftFailure("Raster is empty. Returning empty set")
    return make(header, x - 1, y - 1)


def pixel_as_polygon(buf, x, y):
    """ST_PixelAsPolygon(rast, x, y): the pixel's polygon (pixels off the raster too)."""
    return _one(buf, x, y, _polygon)


def pixel_as_point(buf, x, y):
    """ST_PixelAsPoint(rast, x, y): the pixel's upper-left corner."""
    return _one(buf, x, y, _corner)


def pixel_as_centroid(buf, x, y):
    """ST_PixelAsCentroid(rast, x, y): the pixel's centre."""
    return _one(buf, x, y, _centroid)


# ---------------------------------------------------------------- burning geomvals

def _collect(g, points, rings, lines):
    if g.kind == POINT:
        if g.coords is not None:
            points.append(g.coords)
    elif g.kind == POLYGON:
        if g.coords:
            rings.append(g.coords)
    elif g.kind == LINESTRING:
        if g.coords:
            lines.append(g.coords)
    else:
        for p in g.parts:
            _collect(p, points, rings, lines)


def _polygon_cells(header, polygons):
    """Cells whose centre a polygon covers, by GDAL's scanline rule."""
    inv = inverse_geotransform(header)
    cells = []
    ticks = Ticker()
    limit = limits.get("python_values")
    for rings in polygons:
        pix = [[(inv[0] + x * inv[1] + y * inv[2], inv[3] + x * inv[4] + y * inv[5])
                for x, y in ring] for ring in rings]
        ys = [p[1] for ring in pix for p in ring]
        if not ys:
            continue
        rmin = max(int(math.floor(min(ys))), 0)
        rmax = min(int(math.ceil(max(ys))), header.height - 1)
        for r in range(rmin, rmax + 1):
            ticks.tick(len(pix))
            dy = r + 0.5
            xs = []
            for ring in pix:
                for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                    if y1 == y2:
                        continue
                    if y1 > y2:
                        x1, y1, x2, y2 = x2, y2, x1, y1
                    if y1 <= dy < y2:
                        xs.append(int(math.floor((dy - y1) * (x2 - x1) / (y2 - y1) + x1 + 0.5)))
            xs.sort()
            for i in range(0, len(xs) - 1, 2):
                c0, c1 = max(xs[i], 0), min(xs[i + 1], header.width)
                cells.extend((c, r) for c in range(c0, c1))
            if len(cells) > limit:
                limits.check_values(len(cells), "the pixels covered by the geometries")
    return cells


def set_values_geomval(buf, nband, geomvalset, keepnodata=False):
    """ST_SetValues(rast, nband, geomval[], keepnodata): burn each geometry's value into the
    pixels it covers (points: the pixel holding them; polygons: pixel centres inside;
    lines: the pixels GDAL's rasterizer burns)."""
    if buf is None:
        return None
    header = wkb.read_header(buf)
    band = locate_band(buf, header, nband) if nband is not None else None
    if band is None:
        messages.notice("Band index is invalid.  Value must be 1-based.  "
                        "Returning original raster")
        return buf
    if geomvalset is None or not geomvalset:
        messages.notice("No values to set.  Returning original raster")
        return buf
    items = []
    for i, gv in enumerate(geomvalset):
        if gv is None:
            continue
        geom, val = gv["geom"], gv["val"]
        if geom is None:
            messages.notice("First argument (geom) of geomval at index %d is NULL. Skipping" % i)
            continue
        g = parse_ewkb(geom)
        if g.srid != header.srid:
            messages.notice("Geometry provided for geomval at index %d does not have the same "
                            "SRID as the raster: %d. Returning original raster"
                            % (i, header.srid))
            return buf
        if val is None:
            messages.notice("Second argument (val) of geomval at index %d is NULL. "
                            "Treating as NODATA" % i)
        items.append((g, val, geom))
    if not items:
        return buf
    if band.is_outdb:
        buf, header = materialise_band(buf, header, nband)
    buf, header = as_little_endian(buf, header)
    band = locate_band(buf, header, nband)
    out = bytearray(buf)
    for g, val, geom in items:
        points, rings, lines = [], [], []
        _collect(g, points, rings, lines)
        # a NULL value burns nodata; without a nodata value PostGIS burns 0 for points and
        # the type's minimum for polygons
        pv = band.nodata if val is None else corrected_pixel_value(band, val)
        ppv = band.info.min if val is None and not band.has_nodata else pv
        if lines:
            # geometries with lines: GDAL's rasterizer (plraster.functions.rasterize) on
            # the grid PostGIS derives from the geometry's envelope
            cells = [(c, r, ppv) for c, r in _rasterized_cells(header, geom)]
            points = rings = []
        else:
            cells = []
        for x, y in points:
            c, r = world_to_cell(header, x, y)
            if 0 <= c < header.width and 0 <= r < header.height:
                cells.append((c, r, pv))
            else:
                messages.notice("Point is outside raster extent. Skipping")
        polys = [] if lines else [g.coords] if g.kind == POLYGON else _polygons_of(g)
        cells.extend((c, r, ppv) for c, r in _polygon_cells(header, polys))
        for c, r, v in cells:
            if keepnodata and read_pixel(out, header, band, c, r)[1]:
                continue
            patch_pixel(out, header, band, c, r, v)
    return bytes(out)


def _rasterized_cells(header, geom):
    """The raster cells GDAL's rasterizer burns for geom (hex EWKB), as PostGIS burns it:
    on the grid of the geometry's envelope aligned with the raster's."""
    from plraster.functions import rasterize
    raw = rasterize.ewkb_bytes(geom)
    g = rasterize.ogr_geometry(raw)
    c0, r0, w, h = rasterize.envelope_window(g, header)
    c1, r1 = min(c0 + w, header.width), min(r0 + h, header.height)
    if c1 <= max(c0, 0) or r1 <= max(r0, 0):
        return []
    mask = rasterize.burn(g, rasterize.window_geotransform(header, c0, r0), w, h)
    rows, cols = np.nonzero(mask[max(r0, 0) - r0:r1 - r0, max(c0, 0) - c0:c1 - c0])
    limits.check_values(len(rows), "the pixels covered by the geometries")
    return list(zip((cols + max(c0, 0)).tolist(), (rows + max(r0, 0)).tolist()))


def _polygons_of(g):
    if g.kind == POLYGON:
        return [g.coords] if g.coords else []
    out = []
    for p in g.parts:
        out.extend(_polygons_of(p))
    return out
