"""A raster's footprint as geometry: convex hull, envelope, extent and the hull of the
pixels that hold data (ST_MinConvexHull), as PostGIS 3.3 builds them.

An empty raster (no columns or no rows) has a point (0 x 0) or a line as its hull.
Geometries are returned as hex EWKB (see plraster.core.geometry).
"""
from plraster.core import geometry, wkb
from plraster.core.errors import SoftFailure
from plraster.core.georef import raster_to_world
from plraster.core.nodata import nodata_mask
from plraster.core.srid import clamp_srid

HULL_IS_NULL = "Raster's convex hull is NULL"


def _corner_rectangle(h, col0, row0, col1, row1):
    points = [raster_to_world(h, c, r)
              for c, r in ((col0, row0), (col1, row0), (col1, row1), (col0, row1))]
    return points + [points[0]]


def hull_points(h):
    """The world points of the raster's outline: 1 (0 x 0), 2 (a line) or a closed ring of 5."""
    if h.width == 0 and h.height == 0:
        return [raster_to_world(h, 0, 0)]
    if h.width == 0 or h.height == 0:
        return [raster_to_world(h, 0, 0), raster_to_world(h, h.width, h.height)]
    return _corner_rectangle(h, 0, 0, h.width, h.height)


def _shape(points, srid):
    if len(points) == 1:
        return geometry.point(points[0][0], points[0][1], srid)
    if len(points) == 2:
        return geometry.linestring(points, srid)
    return geometry.polygon([points], srid)


def convex_hull(h):
    """ST_ConvexHull: the raster's outline, in the raster's SRID."""
    return _shape(hull_points(h), clamp_srid(h.srid))


def extent(h):
    """(xmin, ymin, xmax, ymax) of the raster's outline."""
    points = hull_points(h)
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def envelope(h):
    """ST_Envelope: the axis-aligned rectangle around the raster (its hull when empty)."""
    if h.width == 0 or h.height == 0:
        return convex_hull(h)
    xmin, ymin, xmax, ymax = extent(h)
    ring = [(xmin, ymax), (xmax, ymax), (xmax, ymin), (xmin, ymin), (xmin, ymax)]
    return geometry.polygon([ring], clamp_srid(h.srid))


def _data_window(raster, band):
    """(col0, row0, col1, row1) of band's pixels that are not nodata; the whole raster when
    the band has no nodata value or no data at all (as PostGIS); None for an is-nodata band."""
    full = (0, 0, raster.width, raster.height)
    if band.is_nodata:
        return None
    if band.is_outdb:  # read even without a nodata value: PostGIS loads the band first
        from plraster import outdb
        band = outdb.indb_band(raster.header, band)
    if not band.has_nodata:
        return full
    data = ~nodata_mask(band)
    rows = data.any(axis=1).nonzero()[0]
    if not len(rows):
        return full
    cols = data.any(axis=0).nonzero()[0]
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def min_convex_hull(buf, nband=None):
    """ST_MinConvexHull: the outline of the pixels that are not nodata, in band nband or,
    when nband is None, in every band."""
    raster = wkb.parse_raster(buf, notice_trailing=False)
    h = raster.header
    if nband is not None and not 1 <= nband <= len(raster.bands):
        raise SoftFailure("Invalid band index (must use 1-based). Returning NULL")
    if h.width == 0 or h.height == 0:
        raise SoftFailure(HULL_IS_NULL)
    bands = raster.bands if nband is None else [raster.bands[nband - 1]]
    window = None
    for band in bands:
        w = _data_window(raster, band)
        if w is None:
            continue
        if window is None:
            window = w
        else:
            window = (min(window[0], w[0]), min(window[1], w[1]),
                      max(window[2], w[2]), max(window[3], w[3]))
    if window is None:
        raise SoftFailure(HULL_IS_NULL)
    return geometry.polygon([_corner_rectangle(h, *window)], clamp_srid(h.srid))
