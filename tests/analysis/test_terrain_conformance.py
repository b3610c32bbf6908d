"""ST_Slope, ST_Aspect, ST_HillShade, ST_TPI, ST_TRI and ST_Roughness against PostGIS 3.3:
the WKB of the result byte for byte (so every double PostGIS stores, bit for bit) and every
NOTICE, on DEMs of several pixel types, with nodata holes, skewed and not, square and not,
both signs of scale_y, every argument, and the custom extent forms."""
import pytest

from conformance import compare
from terrain_helpers import FUNCTIONS, custom_extent, dem

BIN = "SELECT {s}.st_asbinary({s}.%s)"


def same(sql, form, call, rasters):
    """compare() the WKB of call's result; both sides must succeed."""
    pg, pl = compare(sql, form, BIN % call, rasters)
    assert not pg.failed and not pl.failed, (pg, pl)
    return pg


GRIDS = {
    "north-up": dict(scale=(30.0, -30.0)),
    "non-square": dict(scale=(20.0, -35.5)),
    "positive scale_y": dict(scale=(25.0, 25.0)),
    "skewed": dict(scale=(30.0, -28.0), skew=(3.5, -2.25)),
}
PIXTYPES = ["32BF", "64BF", "16BSI", "16BUI", "8BUI", "32BSI"]


@pytest.mark.parametrize("grid", list(GRIDS))
@pytest.mark.parametrize("pixtype", PIXTYPES)
@pytest.mark.parametrize("fn", FUNCTIONS)
def test_default_forms(sql, fn, pixtype, grid):
    """Each function with its defaults, on a DEM with nodata holes."""
    nodata = {"8BUI": 0, "16BUI": 0}.get(pixtype, -9999)
    r = dem(23, 17, seed=len(pixtype) + len(grid), pixtype=pixtype, nodata=nodata, holes=12,
            **GRIDS[grid])
    same(sql, "%s(rast)" % fn, "%s({r})" % fn, {"r": r})
    same(sql, "%s(rast, nband, pixeltype)" % fn, "%s({r}, 1, '64BF')" % fn, {"r": r})


@pytest.mark.parametrize("fn", FUNCTIONS)
@pytest.mark.parametrize("pixeltype", ["1BB", "2BUI", "4BUI", "8BSI", "8BUI", "16BSI", "16BUI",
                                       "32BSI", "32BUI", "32BF", "64BF", None])
def test_output_pixel_types(sql, fn, pixeltype):
    """Results stored into every pixel type (clamped, truncated, moved off nodata)."""
    r = dem(12, 9, seed=3, pixtype="32BF", nodata=-9999.5, holes=4)
    r2 = dem(12, 9, seed=4, pixtype="16BSI")
    pt = "NULL::text" if pixeltype is None else "'%s'" % pixeltype
    same(sql, "%s(rast, nband, pixeltype)" % fn, "%s({r}, 1, %s)" % (fn, pt), {"r": r})
    same(sql, "%s(rast, nband, pixeltype) no nodata" % fn, "%s({r}, 1, %s)" % (fn, pt), {"r": r2})


@pytest.mark.parametrize("units", ["DEGREES", "RADIANS", "PERCENT", "percent", "  per", "Perx",
                                   "xPERCENT", "", None])
@pytest.mark.parametrize("scale", [1.0, 111120.0, 0.3, -2.0, None])
def test_slope_units_scale(sql, units, scale):
    r = dem(20, 15, seed=5, pixtype="64BF", nodata=-1, holes=6, scale=(2.0, -3.0))
    u = "NULL::text" if units is None else "'%s'" % units
    sc = "NULL::float8" if scale is None else "%r::float8" % scale
    same(sql, "st_slope(rast, nband, pixeltype, units, scale)",
         "st_slope({r}, 1, '64BF', %s, %s)" % (u, sc), {"r": r})


@pytest.mark.parametrize("units", ["DEGREES", "RADIANS", "PERCENT", None])
def test_aspect_units(sql, units):
    r = dem(20, 15, seed=6, pixtype="16BSI", nodata=-1, holes=6)
    u = "NULL::text" if units is None else "'%s'" % units
    same(sql, "st_aspect(rast, nband, pixeltype, units)", "st_aspect({r}, 1, '64BF', %s)" % u,
         {"r": r})


def test_aspect_flat(sql):
    """Flat ground gives -1; a lone peak gives the eight compass directions."""
    flat = dem(8, 6, pixtype="16BSI", noise=0, scale=(1.0, -1.0))
    same(sql, "st_aspect flat", "st_aspect({r}, 1, '64BF')", {"r": flat})
    import numpy as np
    from rasters import pack
    z = np.full((5, 6), 7.0)
    z[2, 3] = 9.0
    peak = pack(6, 5, [{"pixtype": "64BF", "data": z}])
    same(sql, "st_aspect peak", "st_aspect({r}, 1, '64BF')", {"r": peak})
    same(sql, "st_slope peak", "st_slope({r}, 1, '64BF')", {"r": peak})


HILLSHADE_ARGS = [
    (315.0, 45.0, 255.0, 1.0), (200.0, 30.0, 255.0, 1.0), (10.0, 60.0, 200.0, 111120.0),
    (90.0, 12.5, 255.0, 3.0), (359.99, 80.0, 100.0, 0.5), (0.0, 0.0, 255.0, 1.0),
    (-30.0, 45.0, 255.0, 1.0), (690.5, 45.0, 255.0, 1.0), (720.0, 90.0, 255.0, 1.0),
    (1e300, 45.0, 255.0, 1.0), (315.0, -10.0, 300.0, 1.0), (315.0, 135.0, -5.0, 1.0),
    (-5.0, 100.0, 256.0, -2.0), ("NaN", "NaN", "NaN", 1.0), ("Infinity", "-Infinity", "Infinity", 1.0),
    ("-Infinity", "Infinity", "-Infinity", "Infinity"), (None, 45.0, 255.0, 1.0),
    (315.0, None, 255.0, 1.0), (315.0, 45.0, None, 1.0), (315.0, 45.0, 255.0, None),
    (None, 100.0, 255.0, 1.0), (315.0, 45.0, 255.0, "NaN"),
]


def _f8(v):
    return "NULL::float8" if v is None else "'%s'::float8" % (v,)


@pytest.mark.parametrize("args", HILLSHADE_ARGS, ids=[str(a) for a in HILLSHADE_ARGS])
def test_hillshade_parameters(sql, args):
    """Azimuth, altitude, max_bright and scale, with PostGIS's clamping and its NOTICE per
    callback call."""
    r = dem(14, 11, seed=7, pixtype="32BF", nodata=-9999, holes=5, scale=(10.0, -12.0))
    call = "st_hillshade({r}, 1, '64BF', %s)" % ", ".join(_f8(a) for a in args)
    same(sql, "st_hillshade(rast, nband, pixeltype, azimuth, altitude, max_bright, scale)",
         call, {"r": r})


@pytest.mark.parametrize("fn", FUNCTIONS)
@pytest.mark.parametrize("pixtype", ["32BF", "16BSI"])
def test_interpolate_nodata(sql, fn, pixtype):
    """interpolate_nodata: nodata pixels filled by inverse distance weighting first."""
    r = dem(16, 13, seed=8, pixtype=pixtype, nodata=-9999, holes=30)
    same(sql, "%s(..., interpolate_nodata => true)" % fn,
         "%s({r}, 1, '64BF', interpolate_nodata => true)" % fn, {"r": r})
    same(sql, "%s(..., interpolate_nodata => true) pixeltype NULL" % fn,
         "%s({r}, 1, NULL::text, interpolate_nodata => true)" % fn, {"r": r})
    same(sql, "%s(..., interpolate_nodata => NULL)" % fn,
         "%s({r}, 1, '32BF', interpolate_nodata => NULL::boolean)" % fn, {"r": r})


CUSTOM = [(7, 6, 5, 4), (30, 25, -10, -10), (5, 5, -50, 0), (5, 5, -4, 0), (3, 3, 0, 0),
          (12, 10, -1, -1), (4, 4, 18, 14), (1, 1, 0, 0)]


@pytest.mark.parametrize("fn", FUNCTIONS)
@pytest.mark.parametrize("window", CUSTOM, ids=[str(c) for c in CUSTOM])
def test_custom_extent(sql, fn, window):
    """The customextent forms: the custom extent's grid, neighbours outside it but inside
    the raster used, pixels outside the raster NULL (hillshade's NOTICEs counted)."""
    kw = dict(scale=(2.0, -3.0), ul=(100.0, 200.0), srid=0)
    r = dem(20, 15, seed=9, pixtype="32BF", nodata=-1, holes=8, **kw)
    ce = custom_extent((100.0, 200.0), (2.0, -3.0), *window, srid=0)
    extra = ", '32BF', 200.0, 100.0" if fn == "st_hillshade" else ""  # clamping NOTICEs
    same(sql, "%s(rast, nband, customextent)" % fn, "%s({r}, 1, {c}%s)" % (fn, extra),
         {"r": r, "c": ce})
    same(sql, "%s(rast, nband, customextent, ..., interpolate_nodata)" % fn,
         "%s({r}, 1, {c}, interpolate_nodata => true)" % fn, {"r": r, "c": ce})


def test_custom_extent_skewed_and_flipped(sql):
    kw = dict(scale=(2.0, -3.0), skew=(0.5, 0.25), ul=(100.0, 200.0), srid=0)
    r = dem(15, 12, seed=10, pixtype="64BF", **kw)
    ce = custom_extent((100.0, 200.0), (2.0, -3.0), 6, 5, 3, 2, skew=(0.5, 0.25), srid=0)
    same(sql, "st_slope(rast, nband, customextent) skewed", "st_slope({r}, 1, {c})",
         {"r": r, "c": ce})
    flipped = custom_extent((100.0, 200.0), (2.0, 3.0), 6, 5, 3, 2, srid=0)
    r2 = dem(15, 12, seed=10, pixtype="64BF", scale=(2.0, -3.0), ul=(100.0, 200.0), srid=0)
    same(sql, "st_tpi(rast, nband, customextent) positive scale_y extent",
         "st_tpi({r}, 1, {c})", {"r": r2, "c": flipped})


def test_custom_extent_errors(sql):
    """A custom extent off the raster's grid, of another SRID, or empty."""
    r = dem(10, 8, seed=11, scale=(2.0, -3.0), ul=(100.0, 200.0), srid=0)
    for name, ce in [("off grid", custom_extent((100.5, 200.0), (2.0, -3.0), 3, 3, 0, 0, srid=0)),
                     ("other scale", custom_extent((100.0, 200.0), (4.0, -6.0), 3, 3, 0, 0, srid=0)),
                     ("other srid", custom_extent((100.0, 200.0), (2.0, -3.0), 3, 3, 0, 0, srid=4326))]:
        pg, pl = compare(sql, "st_slope(rast, nband, customextent) %s" % name,
                         BIN % "st_slope({r}, 1, {c})", {"r": r, "c": ce})
        assert pg.failed and pl.sqlstate == "22023", pl
    empty = custom_extent((100.0, 200.0), (2.0, -3.0), 0, 0, 0, 0, srid=0)
    for fn in FUNCTIONS:
        same(sql, "%s(rast, nband, empty customextent)" % fn, "%s({r}, 1, {c})" % fn,
             {"r": r, "c": empty})
        same(sql, "%s(rast, nband, NULL customextent)" % fn,
             "%s({r}, 1, NULL::{s}.raster)" % fn, {"r": r})


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_null_empty_and_missing(sql, fn):
    """NULL raster, NULL band, a band that does not exist, empty rasters, flagged all-nodata
    bands, tiny rasters: PostGIS's NOTICEs and results."""
    import numpy as np
    from rasters import pack
    r = dem(6, 5, seed=12)
    rasters = {
        "r": r,
        "e": pack(0, 0, scale=(1.0, -1.0)),
        "nb": pack(3, 3, scale=(1.0, -1.0)),
        "isnd": pack(4, 3, [{"pixtype": "16BSI", "data": np.full((3, 4), 7), "nodata": 7,
                             "isnodata": True}]),
        "allnd": pack(4, 3, [{"pixtype": "16BSI", "data": np.full((3, 4), 7), "nodata": 7}]),
        "one": pack(1, 1, [{"pixtype": "8BUI", "data": [[5]]}]),
        "two": pack(2, 2, [{"pixtype": "8BUI", "data": [[5, 6], [7, 9]]}]),
        "three": pack(3, 3, [{"pixtype": "16BSI", "data": np.arange(9).reshape(3, 3)}]),
    }
    for call in ["%s(NULL::{s}.raster)", "%s({r}, NULL::integer)", "%s({r}, 2)",
                 "%s({e})", "%s({e}, 0)", "%s({nb})", "%s({isnd})", "%s({allnd})", "%s({one})",
                 "%s({two})", "%s({three}, 1, '8BUI')", "%s({r}, 2, NULL::{s}.raster)",
                 "%s({r}, NULL::integer, NULL::{s}.raster)",
                 "%s(NULL::{s}.raster, 1, '32BF', interpolate_nodata => true)",
                 "%s({r}, 2, '32BF', interpolate_nodata => true)",
                 "%s({e}, 1, '32BF', interpolate_nodata => true)",
                 "%s({r}, NULL::integer, '32BF', interpolate_nodata => true)"]:
        same(sql, fn + " edge cases", call % fn, rasters)


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_errors(sql, fn):
    """Band 0 and an unknown pixel type: PostGIS raises XX000, plraster 22023."""
    r = dem(6, 5, seed=13)
    for call in ["%s({r}, 0)", "%s({r}, 1, 'foo')", "%s({r}, 1, '8bui')",
                 "%s({r}, 0, '32BF', interpolate_nodata => true)",
                 "%s({r}, 1, 'foo', interpolate_nodata => true)"]:
        pg, pl = compare(sql, fn + " errors", BIN % (call % fn), {"r": r})
        assert pg.failed and pl.sqlstate == "22023", (pg, pl)


@pytest.mark.parametrize("fn", ["st_slope", "st_hillshade"])
def test_zero_scale(sql, fn):
    """scale 0: PostgreSQL's division by zero (22012), as in PostGIS's callback."""
    r = dem(6, 5, seed=14)
    call = ("st_slope({r}, 1, '32BF', 'DEGREES', 0::float8)" if fn == "st_slope"
            else "st_hillshade({r}, 1, '32BF', 315, 45, 255, 0::float8)")
    pg, pl = compare(sql, fn + " scale 0", BIN % call, {"r": r})
    assert pg.sqlstate == pl.sqlstate == "22012", (pg, pl)


def test_signatures(sql):
    """Every form with PostGIS's arguments, defaults, volatility, strictness, parallel safety."""
    q = ("SELECT p.proname, pg_catalog.pg_get_function_arguments(p.oid), p.provolatile, "
         "p.proisstrict, p.proparallel FROM pg_catalog.pg_proc p WHERE p.pronamespace = "
         "%s::regnamespace AND p.proname IN ('st_slope', 'st_aspect', 'st_hillshade', 'st_tpi', "
         "'st_tri', 'st_roughness') ORDER BY 1, 2")
    pg = sql.run(q, ("public",)).rows
    pl = sql.run(q, ("plraster",)).rows
    assert len(pg) == 12
    assert [(n, a.replace("plraster.", ""), v, s, p) for n, a, v, s, p in pl] == pg


def _odd_rasters():
    import numpy as np
    from rasters import pack
    from terrain_helpers import dem_array
    z = dem_array(9, 7, seed=3, pixtype="32BF")
    zi = dem_array(9, 7, seed=3, pixtype="16BSI")
    zn = z.copy()
    zn[2, 3], zn[4, 4] = np.nan, np.inf
    near = np.where(np.arange(63).reshape(7, 9) % 5 == 0, 5e-8, z)  # within FLT_EPSILON of 0
    return {
        "big-endian": (pack(9, 7, [{"pixtype": "32BF", "data": z, "nodata": -1}], big_endian=True), 1),
        "band 2 of 2": (pack(9, 7, [{"pixtype": "8BUI", "data": np.ones((7, 9))},
                                    {"pixtype": "16BSI", "data": zi, "nodata": 300}]), 2),
        "8BSI": (pack(9, 7, [{"pixtype": "8BSI", "data": np.clip(zi - 300, -128, 127),
                              "nodata": -128}]), 1),
        "1BB": (pack(9, 7, [{"pixtype": "1BB", "data": zi % 2}]), 1),
        "4BUI": (pack(9, 7, [{"pixtype": "4BUI", "data": zi % 16, "nodata": 3}]), 1),
        "NaN and infinite pixels": (pack(9, 7, [{"pixtype": "32BF", "data": zn}]), 1),
        "NaN nodata": (pack(9, 7, [{"pixtype": "64BF", "data": zn, "nodata": float("nan")}]), 1),
        "nodata within FLT_EPSILON": (pack(9, 7, [{"pixtype": "64BF", "data": near, "nodata": 0.0}]), 1),
    }


@pytest.mark.parametrize("case", list(_odd_rasters()))
def test_odd_inputs(sql, case):
    """Big-endian WKB, another band than the first, small integer types, NaN and infinite
    pixels, a NaN nodata value, pixels within FLT_EPSILON of nodata."""
    r, nband = _odd_rasters()[case]
    for fn in FUNCTIONS:
        same(sql, "%s(rast, nband) %s" % (fn, case), "%s({r}, %d)" % (fn, nband), {"r": r})
        same(sql, "%s(rast, nband, interpolated) %s" % (fn, case),
             "%s({r}, %d, '64BF', interpolate_nodata => true)" % (fn, nband), {"r": r})
