"""ST_AsRaster compared with PostGIS 3.3, byte by byte: all ten forms (scales, width and
height, upper-left corner, grid, reference raster, one band or arrays of bands, touched),
points, lines, polygons, multipolygons, empty geometries, imbalanced arrays, and random
geometries."""
import numpy as np
import pytest

from clip_helpers import geom, grid_raster, random_geometry, same_raster

P = geom("POLYGON((2.2 2.2, 6.7 2.2, 6.7 6.1, 2.2 6.1, 2.2 2.2))")
MP = geom("MULTIPOLYGON(((1 1, 3 1, 3 3, 1 3, 1 1)), ((5.5 5.5, 8.5 5.5, 8.5 8.5, 5.5 8.5, 5.5 5.5)))")
HOLE = geom("POLYGON((1 1, 9 1, 9 9, 1 9, 1 1), (3 3, 3 6, 6 6, 6 3, 3 3))", 4326)
LINE = geom("LINESTRING(0.5 0.5, 5.5 3.2)")
POINTS = geom("MULTIPOINT(2.2 2.7, 5.5 5.5)")

FORMS = [
    ("ST_AsRaster(geom, scalex, scaley, pixeltype, value, nodataval, upperleftx, upperlefty, skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 1.0::float8, 1.0::float8, '8BUI'::text)" % P,
      "{s}.st_asraster(%s, 1.0::float8, -1.0::float8, '8BUI'::text)" % P,
      "{s}.st_asraster(%s, 1.0::float8, -1.0::float8, '8BUI'::text, 1, 0, 1.5, 7.0)" % P,
      "{s}.st_asraster(%s, 0.5::float8, -0.5::float8, '32BF'::text, 2.5, -1, touched => true)" % P,
      "{s}.st_asraster(%s, 0.5::float8, -0.5::float8, '8BUI'::text, 200, 0)" % LINE,
      "{s}.st_asraster(%s, 0.5::float8, -0.5::float8, '16BSI'::text, -7, 3, touched => true)" % LINE,
      "{s}.st_asraster(%s, 1.0::float8, -1.0::float8, '8BUI'::text)" % POINTS,
      "{s}.st_asraster(%s, 0.25::float8, -0.25::float8, '64BF'::text, 0.5, -9)" % HOLE,
      "{s}.st_asraster(%s, 1.0::float8, -1.0::float8, '8BUI'::text)" % geom("POLYGON EMPTY")]),
    ("ST_AsRaster(geom, scalex, scaley, pixeltype[], value[], nodataval[], upperleftx, upperlefty, skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 0.5::float8, -0.5::float8, ARRAY['8BUI','16BSI','32BF'], ARRAY[3,-4.5,7.25]::float8[], ARRAY[9,1,2]::float8[])" % P,
      "{s}.st_asraster(%s, 0.5::float8, -0.5::float8, ARRAY['8BUI','16BSI','32BF'], ARRAY[3,-4.5]::float8[], ARRAY[9]::float8[])" % P,
      "{s}.st_asraster(%s, 0.5::float8, -0.5::float8, ARRAY['1BB','4BUI'], ARRAY[1,20]::float8[], ARRAY[0,0]::float8[], 0.0, 10.0)" % MP]),
    ("ST_AsRaster(geom, scalex, scaley, gridx, gridy, pixeltype, value, nodataval, skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 1.0::float8, -1.0::float8, 0::float8, 0::float8, '8BUI'::text)" % P,
      "{s}.st_asraster(%s, 0.7::float8, -0.3::float8, 0.1::float8, 0.2::float8, '16BUI'::text)" % MP,
      "{s}.st_asraster(%s, 1.0::float8, -1.0::float8, 0.5::float8, 0.5::float8, '8BUI'::text, 5, 0, touched => true)" % LINE]),
    ("ST_AsRaster(geom, scalex, scaley, gridx, gridy, pixeltype[], value[], nodataval[], skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 0.5::float8, -0.5::float8, 0.1::float8, 0.1::float8, ARRAY['8BUI','32BSI'], ARRAY[3, 100000]::float8[], ARRAY[0, -1]::float8[])" % HOLE,
      "{s}.st_asraster(%s, 0.5::float8, -0.5::float8)" % P]),
    ("ST_AsRaster(geom, width, height, pixeltype, value, nodataval, upperleftx, upperlefty, skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 5, 4, '8BUI'::text)" % P,
      "{s}.st_asraster(%s, 13, 7, '16BUI'::text, 99, 1, touched => true)" % MP]),
    ("ST_AsRaster(geom, width, height, pixeltype[], value[], nodataval[], upperleftx, upperlefty, skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 20, 10, ARRAY['8BUI', '1BB'], ARRAY[7, 1]::float8[], ARRAY[0, 0]::float8[], 3.0, 8.0)" % P]),
    ("ST_AsRaster(geom, width, height, gridx, gridy, pixeltype, value, nodataval, skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 20, 10, 0.1::float8, 0.1::float8, '8BUI'::text)" % P]),
    ("ST_AsRaster(geom, width, height, gridx, gridy, pixeltype[], value[], nodataval[], skewx, skewy, touched)",
     ["{s}.st_asraster(%s, 9, 11, 0.3::float8, -0.2::float8, ARRAY['8BSI'], ARRAY[-5]::float8[], ARRAY[0]::float8[])" % HOLE]),
    ("ST_AsRaster(geom, ref, pixeltype, value, nodataval, touched)",
     ["{s}.st_asraster(%s, {r})" % P, "{s}.st_asraster(%s, {r}, '16BSI'::text, 5, 2, true)" % P]),
    ("ST_AsRaster(geom, ref, pixeltype[], value[], nodataval[], touched)",
     ["{s}.st_asraster(%s, {r}, ARRAY['8BUI', '32BF'], ARRAY[4, 0.5]::float8[], ARRAY[0, -1]::float8[])" % LINE]),
]


@pytest.mark.parametrize("form,exprs", FORMS, ids=[f[0][12:60] for f in FORMS])
def test_forms(sql, form, exprs):
    r = grid_raster()
    for expr in exprs:
        same_raster(sql, form, expr, {"r": r})


def test_null_geometry(sql):
    same_raster(sql, "ST_AsRaster(geom, scalex, scaley, pixeltype, value, nodataval, upperleftx, upperlefty, skewx, skewy, touched)",
                "{s}.st_asraster(NULL::geometry, 1.0::float8, -1.0::float8, '8BUI'::text)", {})


def test_random_geometries(sql):
    """Random geometries at random scales, with and without a grid and touched."""
    rng = np.random.default_rng(11)
    for _ in range(60):
        wkt = random_geometry(rng, (-50.0, -50.0, 50.0, 50.0))
        scale = float(rng.choice([0.5, 1.0, 2.5, 7.0]))
        touched = bool(rng.random() < 0.5)
        if rng.random() < 0.5:
            expr = "{s}.st_asraster(%s, %r::float8, %r::float8, '8BUI'::text, 1, 0, touched => %s)" % (
                geom(wkt), scale, -scale, touched)
        else:
            expr = ("{s}.st_asraster(%s, %r::float8, %r::float8, %r::float8, %r::float8, '16BSI'::text, 5, -1, touched => %s)"
                    % (geom(wkt), scale, -scale, float(rng.uniform(-3, 3)), float(rng.uniform(-3, 3)), touched))
        pg = sql.run("SELECT 1 FROM (SELECT %s) q" % expr.format(s="public"))
        if pg.failed and "GEOS" in pg.error:
            continue
        same_raster(sql, "ST_AsRaster random", expr, {})


SKEW_GEOMS = ["POLYGON((0 0, 10 0, 10 5, 0 5, 0 0))", "LINESTRING(0 0, 10 5)", "POINT(3 4)",
              "MULTIPOINT(0 0, 3 3)", "POLYGON((0 0, 6 1, 3 7, 0 0))"]


@pytest.mark.parametrize("wkt", SKEW_GEOMS)
@pytest.mark.parametrize("skew", [(0.5, 0.0), (0.0, 0.5)])
def test_skew_along_one_axis(sql, wkt, skew):
    """Skews of half a pixel along one axis: the same grid and pixels as PostGIS (where
    PostGIS answers in time: it searches for its grid). Other skews are a deliberate
    difference (conformance.DELIBERATE_DIFFERENCES), checked by the next test."""
    expr = ("{s}.st_asraster(%s, 1.0::float8, -1.0::float8, '8BUI'::text, 1, 0, NULL, NULL, "
            "%r::float8, %r::float8)" % (geom(wkt), skew[0], skew[1]))
    sql.run("SET statement_timeout = 5000")
    try:
        pg = sql.run("SELECT 1 FROM (SELECT %s) q" % expr.format(s="public"))
    finally:
        sql.run("RESET statement_timeout")
    if pg.failed:
        pytest.skip("PostGIS 3.3 gives no grid: %s" % pg.error)
    same_raster(sql, "ST_AsRaster with skew", expr, {})


@pytest.mark.parametrize("wkt", SKEW_GEOMS)
@pytest.mark.parametrize("skew", [(0.3, -0.2), (-0.4, 0.1), (0.7, 0.6), (-0.25, 0.0), (0.0, -0.75), (0.25, 0.0)])
def test_skew_grid_covers_the_envelope(sql, wkt, skew):
    """Skews along both axes (where PostGIS 3.3 fails or gives a grid that does not cover the
    geometry): the grid covers the geometry's envelope (grown by half a pixel for points and
    lines), its skews are those asked for, and the burnt pixels are GDAL's for that grid."""
    import math
    from osgeo import gdal, ogr
    expr = ("plraster.st_asraster(%s, 2.0::float8, -1.5::float8, '8BUI'::text, 1, 0, NULL, NULL, "
            "%r::float8, %r::float8)" % (geom(wkt), skew[0], skew[1]))
    out = sql.run("SELECT (plraster.ST_MetaData(r)).*, plraster.ST_DumpValues(r, 1) FROM (SELECT %s AS r) q"
                  % expr)
    ulx, uly, w, h, sx, sy, kx, ky, _, nb, values = out.rows[0]
    assert (sx, sy, kx, ky, nb) == (2.0, -1.5, skew[0], skew[1], 1)
    g = ogr.CreateGeometryFromWkt(wkt)
    minx, maxx, miny, maxy = g.GetEnvelope()
    if g.GetGeometryName() in ("POINT", "MULTIPOINT", "LINESTRING"):
        minx, maxx, miny, maxy = minx - 1, maxx + 1, miny - 0.75, maxy + 0.75
    gt = (ulx, sx, kx, uly, ky, sy)
    inv = gdal.InvGeoTransform(gt)
    for x, y in ((minx, miny), (minx, maxy), (maxx, miny), (maxx, maxy)):
        c, r = gdal.ApplyGeoTransform(inv, x, y)
        assert -1e-9 <= c <= w + 1e-9 and -1e-9 <= r <= h + 1e-9
    # the smallest such grid: one column or row less would leave a corner out
    cols = [gdal.ApplyGeoTransform(inv, x, y)[0] for x in (minx, maxx) for y in (miny, maxy)]
    assert math.ceil(max(cols) - min(cols) - 1e-7) == w
    ds = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(gt)
    source = ogr.GetDriverByName("Memory").CreateDataSource("")  # kept: the layer needs it
    lyr = source.CreateLayer("g")
    f = ogr.Feature(lyr.GetLayerDefn())
    f.SetGeometry(g)
    lyr.CreateFeature(f)
    gdal.RasterizeLayer(ds, [1], lyr, burn_values=[1])
    burnt = ds.GetRasterBand(1).ReadAsArray()
    assert [[1 if v == 1 else 0 for v in row] for row in values] == burnt.tolist()
