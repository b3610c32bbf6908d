"""ST_Value(rast, band, pt, exclude_nodata_value, 'bilinear') compared with PostGIS to the
bit, in-db (every pixel type, nodata neighbours, edges, skew, random doubles) and out-db
(COG windows, local and /vsicurl/).

PostGIS's rule, measured: the 2 x 2 pixels around the point, a nodata or off-raster
neighbour taking the value of the point's own pixel, that pixel nodata giving nodata, and
a sum in a fixed order (see plraster.functions.pixels.bilinear)."""
import random
import struct

import numpy as np
import pytest

from conformance import compare
from outdb_records import one_band
from rasters import catalogue, pack


def header_of(hex_wkb):
    """(scale x, scale y, upper-left x, upper-left y, skew x, skew y, srid, width, height)."""
    raw = bytes.fromhex(hex_wkb)
    order = "<" if raw[0] == 1 else ">"
    return struct.unpack_from(order + "ddddddiHH", raw, 5)


def points(hex_wkb, n=60, seed=1, margin=0.3):
    """(i, x, y, exclude) rows: fractional pixel positions over the raster and a little
    beyond it (NOTICE + NULL there), pixel centres and edges included."""
    sx, sy, ulx, uly, kx, ky, _, w, h = header_of(hex_wkb)
    rng = random.Random(seed)
    frac = [(0.5, 0.5), (w - 0.5, h - 0.5), (w / 2.0, h / 2.0), (0.0, 0.0), (1.0, 1.0)]
    frac += [(rng.uniform(-margin, w + margin), rng.uniform(-margin, h + margin)) for _ in range(n)]
    frac += [(round(fx * 2) / 2, fy) for fx, fy in frac[5:15]]
    rows = []
    for i, (fx, fy) in enumerate(frac):
        rows.append((i, ulx + fx * sx + fy * kx, uly + fx * ky + fy * sy, i % 3 != 0))
    return rows


def values_sql(hex_wkb, band=1, n=60, seed=1):
    """A template returning one array of bilinear values over many points."""
    srid = header_of(hex_wkb)[6]
    rows = ", ".join("(%d, %r::float8, %r::float8, %s)" % (i, x, y, "true" if e else "false")
                     for i, x, y, e in points(hex_wkb, n, seed))
    return ("SELECT array_agg({s}.st_value({r}, %d, public.st_setsrid(public.st_makepoint(p.x, p.y), %d), "
            "p.e, 'bilinear') ORDER BY p.i) FROM (VALUES %s) p(i, x, y, e)" % (band, srid, rows))


def same(osql, form, template, rasters, interpolates=True):
    """compare(); both must succeed, and (interpolates) some values must be between pixels'."""
    pg, pl = compare(osql, form, template, rasters)
    assert not pg.failed and not pl.failed, (pg, pl)
    if interpolates:
        finite = [v for v in pl.rows[0][0] if v is not None and v == v and abs(v) < 1e300]
        assert any(v != int(v) for v in finite), pl.rows
    return pg, pl


FORM = "ST_Value(raster, integer, geometry, boolean, 'bilinear')"
CATALOGUE = catalogue()
WITH_NODATA = sorted(k for k in CATALOGUE if "_nodata" in k and not k.startswith("outdb"))


@pytest.mark.parametrize("name", WITH_NODATA + ["multiband", "rotated"])
def test_bilinear_indb_catalogue(osql, name):
    r = CATALOGUE[name]
    same(osql, FORM, values_sql(r, seed=len(name)), {"r": r}, interpolates=not name.startswith("1BB"))


def _random_raster(seed, pixtype, dtype, skew):
    rng = np.random.default_rng(seed)
    w, h = int(rng.integers(1, 7)), int(rng.integers(1, 7))
    if dtype.kind == "f":
        data = rng.uniform(-1000, 1000, (h, w)).astype(dtype)
    else:
        data = rng.integers(0, 200, (h, w)).astype(dtype)
    nodata = data.flat[0].item()
    data.flat[rng.integers(0, w * h, 2)] = nodata  # a few nodata neighbours
    data.flat[0] = 7 if dtype.kind != "f" else 0.25
    return pack(w, h, [{"pixtype": pixtype, "data": data, "nodata": nodata}],
                scale=(0.37, -0.29), ul=(3.1, 7.7), skew=skew, srid=4326)


@pytest.mark.parametrize("seed", range(8))
def test_bilinear_indb_random(osql, seed):
    for pixtype, dtype in (("64BF", np.float64), ("32BF", np.float32), ("16BSI", np.int16)):
        for skew in ((0.0, 0.0), (0.013, -0.021)):
            r = _random_raster(seed, pixtype, np.dtype(dtype), skew)
            same(osql, FORM, values_sql(r, n=40, seed=seed), {"r": r})


def test_bilinear_needs_nodata(osql):
    r = CATALOGUE["16BUI"]
    pg, pl = compare(osql, FORM + " without nodata", values_sql(r, n=3), {"r": r})
    assert pg.failed and pl.sqlstate == "22023"
    # off the raster, the NOTICE comes first and no error is raised
    sx, sy, ulx, uly, *_ = header_of(r)
    same(osql, FORM + " without nodata, off the raster",
         "SELECT {s}.st_value({r}, 1, public.st_setsrid(public.st_makepoint(%r, %r), 4326), true, 'bilinear')"
         % (ulx - 5 * sx, uly), {"r": r}, interpolates=False)


def test_bilinear_outdb_local(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    dem = str(cog_dir / "dem.tif")
    for r in (one_band(40, 20, 10.19, 49.905, 0.001, -0.001, dem, pixtype="16BUI", nodata=0),  # the zero block
              one_band(6, 5, 11.021, 48.979, 0.001, -0.001, dem, pixtype="64BF", nodata=0),   # beyond the file
              one_band(10, 1, 0.0, 1.0, 1.0, -1.0, str(cog_dir / "float.tif"), pixtype="32BF", nodata=2.5)):
        same(osql, "outdb " + FORM, values_sql(r, n=80), {"r": r})


def test_bilinear_outdb_vsicurl(osql, sources, nginx_server):
    sources.add(nginx_server.base_url + "/")
    r = one_band(40, 20, 10.19, 49.905, 0.001, -0.001, "/vsicurl/" + nginx_server.url("dem.tif"),
                 pixtype="16BUI", nodata=0)
    same(osql, "outdb /vsicurl/ " + FORM, values_sql(r, n=60, seed=4), {"r": r})
