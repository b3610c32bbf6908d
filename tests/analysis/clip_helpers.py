"""Helpers of the clip family's tests: the query that shows a clipped raster whole (its WKB
bytes, metadata and pixels) and random rasters and geometries for the property tests."""
import math

import numpy as np

from conformance import compare
from rasters import PIXTYPES, pack, ramp

SHOW = ("SELECT {{s}}.st_asbinary(c), {{s}}.st_metadata(c)::text, "
        "ARRAY(SELECT m::text FROM {{s}}.st_bandmetadata(c, ARRAY(SELECT "
        "pg_catalog.generate_series(1, {{s}}.st_numbands(c)))) m WHERE {{s}}.st_numbands(c) > 0), "
        "ARRAY(SELECT d::text FROM {{s}}.st_dumpvalues(c, NULL::integer[], false) d "
        "WHERE {{s}}.st_numbands(c) > 0 AND {{s}}.st_width(c) > 0) "
        "FROM (SELECT {expr} AS c OFFSET 0) AS q")


def same_raster(sql, form, expr, rasters):
    """Compare the raster expr gives in PostGIS and in plraster: bytes, metadata, pixels,
    NOTICEs (or both fail). Returns the two Outcomes."""
    return compare(sql, form, SHOW.format(expr=expr), rasters=rasters)


def geom(wkt, srid=0):
    """SQL of a PostGIS geometry from WKT."""
    return "public.st_geomfromtext('%s', %d)" % (wkt, srid)


def grid_raster(width=10, height=10, pixtype="8BUI", nodata=None, ul=(0.0, 10.0),
                scale=(1.0, -1.0), skew=(0.0, 0.0), srid=0, bands=1):
    """Hex WKB of a raster whose pixel values name their position (row * width + col + 1,
    within the type's range), one or more bands."""
    lo, hi = PIXTYPES[pixtype][2], PIXTYPES[pixtype][3]
    data = (np.arange(width * height).reshape(height, width) + 1) % (min(hi, 10 ** 6) - lo + 1) + lo
    specs = [{"pixtype": pixtype, "data": data, "nodata": nodata} for _ in range(bands)]
    return pack(width, height, specs, scale=scale, ul=ul, skew=skew, srid=srid)


def _ring(rng, cx, cy, radius, n):
    angles = np.sort(rng.uniform(0, 2 * math.pi, n))
    radii = rng.uniform(radius * 0.3, radius, n)
    pts = [(cx + r * math.cos(a), cy + r * math.sin(a)) for a, r in zip(angles, radii)]
    return pts + [pts[0]]


def _wkt_ring(pts):
    return "(" + ", ".join("%r %r" % p for p in pts) + ")"


def random_geometry(rng, extent):
    """WKT of a random geometry around the box extent = (minx, miny, maxx, maxy): a
    star-shaped polygon (some with a hole), a multipolygon, a line, a multilinestring, a
    point or a multipoint, partly outside the box at times."""
    minx, miny, maxx, maxy = extent
    w, h = maxx - minx, maxy - miny
    cx = rng.uniform(minx - 0.2 * w, maxx + 0.2 * w)
    cy = rng.uniform(miny - 0.2 * h, maxy + 0.2 * h)
    radius = rng.uniform(0.05, 0.6) * max(w, h)
    kind = rng.choice(["polygon", "polygon", "hole", "multipolygon", "line", "multiline",
                       "point", "multipoint"])
    if kind == "polygon":
        return "POLYGON(%s)" % _wkt_ring(_ring(rng, cx, cy, radius, int(rng.integers(3, 12))))
    if kind == "hole":
        outer = [(cx + radius * math.cos(a), cy + radius * math.sin(a))
                 for a in np.linspace(0, 2 * math.pi, 9)[:-1]]
        inner = [(cx + radius * 0.4 * math.cos(a), cy + radius * 0.4 * math.sin(a))
                 for a in np.linspace(2 * math.pi, 0, 7)[:-1]]
        return "POLYGON(%s, %s)" % (_wkt_ring(outer + [outer[0]]), _wkt_ring(inner + [inner[0]]))
    if kind == "multipolygon":
        a = _ring(rng, cx, cy, radius / 3, 6)
        b = _ring(rng, cx + radius, cy - radius, radius / 3, 5)
        return "MULTIPOLYGON((%s), (%s))" % (_wkt_ring(a), _wkt_ring(b))
    pts = [(cx + rng.uniform(-radius, radius), cy + rng.uniform(-radius, radius))
           for _ in range(int(rng.integers(2, 6)))]
    if kind == "line":
        return "LINESTRING(%s)" % ", ".join("%r %r" % p for p in pts)
    if kind == "multiline":
        return "MULTILINESTRING((%s), (%s))" % (", ".join("%r %r" % p for p in pts),
                                                "%r %r, %r %r" % (cx, cy, cx + radius, cy))
    if kind == "point":
        return "POINT(%r %r)" % pts[0]
    return "MULTIPOINT(%s)" % ", ".join("(%r %r)" % p for p in pts)


def random_raster(rng, pixtype=None):
    """(hex WKB, extent) of a random in-db raster: size, scale, origin, pixel type, nodata."""
    pixtype = pixtype or str(rng.choice(sorted(PIXTYPES)))
    w, h = int(rng.integers(1, 25)), int(rng.integers(1, 25))
    sx = float(rng.choice([1.0, 0.5, 2.5, 0.1, 30.0]))
    sy = -sx if rng.random() < 0.8 else -sx * 1.5
    ulx, uly = float(rng.uniform(-100, 100)), float(rng.uniform(-100, 100))
    data = ramp(pixtype, w, h, seed=int(rng.integers(0, 1000)))
    nodata = data[0, 0].item() if rng.random() < 0.5 else None
    rast = pack(w, h, [{"pixtype": pixtype, "data": data, "nodata": nodata}],
                scale=(sx, sy), ul=(ulx, uly))
    return rast, (ulx, uly + h * sy, ulx + w * sx, uly)
