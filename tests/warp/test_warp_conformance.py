"""ST_Transform, ST_Resample, ST_Rescale, ST_SnapToGrid, ST_Resize and _ST_GdalWarp compared
with PostGIS 3.3 byte for byte: the result raster's WKB (header, band flags, nodata, every
pixel) must be identical, for every algorithm (the same GDAL warper runs on both sides, so
the interpolating kernels agree exactly too), in-db and out-db."""
import numpy as np
import pytest

from conformance import PLRASTER, POSTGIS, compare, render
from plraster.core import wkb
from rasters import pack
from outdb_records import one_band

_RNG = np.random.default_rng(12)
UTM = pack(7, 5, [{"pixtype": "16BSI", "data": np.arange(1, 36).reshape(5, 7)}],
           scale=(30.0, -30.0), ul=(500000.0, 4000000.0), srid=32631)
UTM_ND = pack(9, 6, [{"pixtype": "32BF", "data": _RNG.normal(100, 20, (6, 9)), "nodata": 100.0},
                     {"pixtype": "8BUI", "data": _RNG.integers(0, 255, (6, 9))},
                     {"pixtype": "32BUI", "data": _RNG.integers(0, 100000, (6, 9)), "nodata": 7}],
              scale=(25.0, -25.0), ul=(500100.0, 4000300.0), skew=(3.0, -4.0), srid=32631)
WGS = pack(8, 8, [{"pixtype": "16BUI", "data": _RNG.integers(0, 60000, (8, 8)), "nodata": 0},
                  {"pixtype": "64BF", "data": _RNG.normal(0, 1, (8, 8))}],
           scale=(0.01, -0.01), ul=(2.5, 45.0), srid=4326)
NOSRID = pack(6, 4, [{"pixtype": "32BSI", "data": _RNG.integers(-9, 9, (4, 6))}],
              scale=(2.0, -2.0), ul=(10.0, 20.0), srid=0)
RASTERS = {"utm": UTM, "utm_nd": UTM_ND, "wgs": WGS, "nosrid": NOSRID}

FORMS = [
    ("ST_Transform(rast, srid)", "{s}.st_transform({r}, 4326)"),
    ("ST_Transform(rast, srid, algorithm)", "{s}.st_transform({r}, 3857, 'Bilinear')"),
    ("ST_Transform(rast, srid, algorithm, maxerr)", "{s}.st_transform({r}, 4326, 'cubic', 0)"),
    ("ST_Transform(rast, srid, algorithm, maxerr, scalex, scaley)",
     "{s}.st_transform({r}, 4326, 'Lanczos', 0.5, 0.0001, 0.0002)"),
    ("ST_Transform(rast, srid, scalex, scaley)", "{s}.st_transform({r}, 4326, 0.0003, 0.0002)"),
    ("ST_Transform(rast, srid, scalexy, algorithm)",
     "{s}.st_transform({r}, 32632, 40.0, 'CubicSpline')"),
    ("ST_Transform(rast, alignto)", "{s}.st_transform({r}, {s}.st_transform({r}, 4326, 'bilinear'))"),
    ("ST_Resample(rast, ref)", "{s}.st_resample({r}, {s}.st_rescale({r}, 11.5))"),
    ("ST_Resample(rast, ref, usescale false)",
     "{s}.st_resample({r}, {s}.st_resize({r}, 20, 13), false, 'bilinear')"),
    ("ST_Resample(rast, ref, algorithm, maxerr, usescale)",
     "{s}.st_resample({r}, {s}.st_snaptogrid({r}, 3, 7, 13.0), 'Cubic', 0.125, true)"),
    ("ST_Resample(rast, scalex, scaley, gridx, gridy)", "{s}.st_resample({r}, 13.0, 17.0, 5, 5)"),
    ("ST_Resample(rast, width, height, gridx, gridy, skewx, skewy, algorithm)",
     "{s}.st_resample({r}, 20, 11, 5, 5, 0, 0, 'bilinear')"),
    ("ST_Resample(rast, width, height)", "{s}.st_resample({r}, 3, 2)"),
    ("ST_Rescale(rast, scalexy)", "{s}.st_rescale({r}, 47)"),
    ("ST_Rescale(rast, scalex, scaley) negative x", "{s}.st_rescale({r}, -47, 20)"),
    ("ST_Rescale(rast, scalex, scaley, algorithm)", "{s}.st_rescale({r}, 10, -7, 'LANCZOS')"),
    ("ST_Rescale(rast, scalexy, unknown algorithm)", "{s}.st_rescale({r}, 70, 'average')"),
    ("ST_Rescale(rast, 0)", "{s}.st_rescale({r}, 0)"),
    ("ST_SnapToGrid(rast, gridx, gridy)", "{s}.st_snaptogrid({r}, 3, 7)"),
    ("ST_SnapToGrid(rast, gridx, gridy, algorithm, maxerr, scalex, scaley)",
     "{s}.st_snaptogrid({r}, 10, 0, 'bilinear', 0.125, 47, -47)"),
    ("ST_SnapToGrid(rast, gridx, gridy, scalex, scaley)", "{s}.st_snaptogrid({r}, 1, 2, 9, 8)"),
    ("ST_SnapToGrid(rast, gridx, gridy, scalexy)", "{s}.st_snaptogrid({r}, 1, 2, 9)"),
    ("ST_Resize(rast, width, height)", "{s}.st_resize({r}, 3, -2)"),
    ("ST_Resize(rast, width, height, algorithm)", "{s}.st_resize({r}, 20, 11, 'lanczos')"),
    ("ST_Resize(rast, percentwidth, percentheight)", "{s}.st_resize({r}, 0.5, 1.0)"),
    ("ST_Resize(rast, text, text)", "{s}.st_resize({r}, '50%', ' 3 ', 'bilinear')"),
    ("ST_Resize(rast, text, text) 250%", "{s}.st_resize({r}, '250%', '1%')"),
    ("_ST_GdalWarp(rast) NULL algorithm and maxerr", "{s}._st_gdalwarp({r}, NULL, NULL)"),
]


def _hex(expr):
    return "SELECT encode((%s)::bytea, 'hex')" % expr


# GDAL's interpolating kernels on float bands: PostGIS reads a warped VRT, plraster runs
# gdal.Warp on the same blocks; the weights then differ in the last bits (measured: at most
# 5e-12 on values near 1, i.e. a relative 1e-11). Integer bands and nearest neighbour are
# identical.
FLOAT_RTOL = 1e-10


def same_raster(sql, form, expr, raster):
    """Run expr through both; headers and band flags equal, pixels equal (floats within
    FLOAT_RTOL when an interpolating kernel made them)."""
    pg = sql.run(render(_hex(expr), POSTGIS, {"r": raster}))
    pl = sql.run(render(_hex(expr), PLRASTER, {"r": raster}))
    assert not pg.failed and not pl.failed, (pg, pl)
    assert pg.notices == pl.notices
    a = wkb.parse_raster(bytes.fromhex(pg.rows[0][0]))
    b = wkb.parse_raster(bytes.fromhex(pl.rows[0][0]))
    assert a.header == b.header
    assert len(a.bands) == len(b.bands)
    for x, y in zip(a.bands, b.bands):
        assert (x.pixtype.name, x.has_nodata, x.nodata) == (y.pixtype.name, y.has_nodata, y.nodata)
        if x.pixtype.is_float:
            np.testing.assert_allclose(y.data, x.data, rtol=FLOAT_RTOL, atol=FLOAT_RTOL)
        else:
            np.testing.assert_array_equal(y.data, x.data)


@pytest.mark.parametrize("raster", ["utm", "utm_nd", "wgs"])
@pytest.mark.parametrize("form,expr", FORMS, ids=[f[0] for f in FORMS])
def test_forms_equal_postgis(sql, raster, form, expr):
    same_raster(sql, form, expr, RASTERS[raster])


@pytest.mark.parametrize("form,expr", [f for f in FORMS if "lgorithm" not in f[0]][:8])
def test_integer_forms_byte_identical(sql, form, expr):
    """Nearest neighbour: the WKB itself is PostGIS's, byte for byte."""
    pg, pl = compare(sql, form, _hex(expr), rasters={"r": UTM})
    assert not pl.failed, pl


@pytest.mark.parametrize("form,expr", [
    ("ST_Rescale(rast, scalexy) no SRID", "{s}.st_rescale({r}, 3.5, 'bilinear')"),
    ("ST_Resize(rast, width, height) no SRID", "{s}.st_resize({r}, 4, 9, 'cubic')"),
    ("ST_SnapToGrid(rast, gridx, gridy) no SRID", "{s}.st_snaptogrid({r}, 0.5, 0.25)"),
])
def test_no_srid_equal_postgis(sql, form, expr):
    same_raster(sql, form, expr, NOSRID)


@pytest.mark.parametrize("form,expr", [
    ("_ST_GdalWarp(rast) scalex without scaley", "{s}._st_gdalwarp({r}, 'near', 0.125, NULL, 5, NULL)"),
    ("_ST_GdalWarp(rast) gridx without gridy",
     "{s}._st_gdalwarp({r}, 'near', 0.125, NULL, NULL, NULL, 1, NULL)"),
    ("_ST_GdalWarp(rast) scale and size",
     "{s}._st_gdalwarp({r}, 'near', 0.125, NULL, 5, 5, NULL, NULL, 0, 0, 3, 3)"),
])
def test_notice_and_original_raster(sql, form, expr):
    pg, pl = compare(sql, form, _hex(expr), rasters={"r": UTM})
    assert pl.notices and pl.rows[0][0] == UTM.lower()


@pytest.mark.parametrize("expr,sqlstate", [
    ("{s}.st_transform({r}, 999)", "22023"),                         # not in spatial_ref_sys
    ("{s}.st_transform({s}.st_setsrid({r}, 0), 4326)", "22023"),      # unknown source SRID
    ("{s}.st_resize({r}, 1.5, 0.5)", "22023"),
    ("{s}.st_resize({r}, 'x%', '3')", "22023"),
    ("{s}.st_resize({r}, '2.5', '3')", "22023"),
    ("{s}.st_resample({r}, 100000, 100000)", "54000"),                # refused before allocating
    ("{s}.st_rescale({r}, -0.00001)", "54000"),
    ("{s}.st_resample({r}, {s}.st_setsrid({r}, 4326))", "22023"),
])
def test_errors(sql, expr, sqlstate):
    pg, pl = compare(sql, "warp errors", _hex(expr), rasters={"r": UTM})
    assert pl.sqlstate == sqlstate, pl


def test_size_limit_before_allocating(sql):
    """A size within 65535 x 65535 but over plraster's array limit is refused (54000)."""
    out = sql.run(_hex("plraster.st_resample(%s, 60000, 60000)" % ("'\\x%s'::plraster.raster" % UTM.lower())))
    assert out.sqlstate == "54000", out


SKEWED_SOURCE = pack(10, 8, [{"pixtype": "16BSI", "data": np.arange(80).reshape(8, 10) - 20,
                              "nodata": -20}], scale=(1.0, -1.0), ul=(0.0, 8.0), srid=32631)


@pytest.mark.parametrize("args", ["0.5, 0", "0, 0.5", "-0.25, 0", "0.1", "0.1, 'Bilinear'",
                                  "0.1, 0.1, 'Cubic', 0"])
def test_reskew_equal_postgis(sql, args):
    """ST_Reskew to a skewed grid: PostGIS's grid and pixels (where PostGIS's grid covers the
    raster: with some skews it searches until statement_timeout, with others, such as
    (0.2, 0.1), its grid leaves a corner out: conformance.DELIBERATE_DIFFERENCES)."""
    sql.run("SET statement_timeout = 5000")
    try:
        compare(sql, "ST_Reskew(rast, skewx, skewy, algorithm, maxerr)",
                _hex("{s}.st_reskew({r}, %s)" % args), rasters={"r": SKEWED_SOURCE})
    finally:
        sql.run("RESET statement_timeout")


def test_reskew_with_a_grid_point_refused(sql):
    out = sql.run(_hex("plraster.st_resample('\\x%s'::plraster.raster, 20, 11, 5, 5, 0.5, 0)"
                       % UTM.lower()))
    assert out.sqlstate == "0A000", out


@pytest.mark.parametrize("algorithm", ["NearestNeighbour", "Bilinear", "Cubic", "CubicSpline", "Lanczos"])
def test_outdb_equal_postgis(osql, sources, cog_dir, algorithm):
    """An out-db band (a local COG read by plraster's engine) warps as PostGIS warps it."""
    sources.add(str(cog_dir))
    r = one_band(40, 30, 10.0105, 49.9895, 0.001, -0.001, str(cog_dir / "dem.tif"),
                 pixtype="16BUI", nodata=0)
    pg, pl = compare(osql, "outdb ST_Transform(rast, srid, algorithm)",
                     _hex("{s}.st_transform({r}, 3857, '%s')" % algorithm), rasters={"r": r})
    assert not pl.failed, pl
    pg, pl = compare(osql, "outdb ST_Rescale(rast, scalexy, algorithm)",
                     _hex("{s}.st_rescale({r}, 0.0023, '%s')" % algorithm), rasters={"r": r})
    assert not pl.failed, pl
