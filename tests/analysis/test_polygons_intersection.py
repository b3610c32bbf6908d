"""ST_Intersection(raster, geometry) forms and ST_GeoTransform / ST_Rotation against PostGIS:
geometries compared as EWKB bytes, values and NOTICEs equal, errors by SQLSTATE."""
import math

import pytest

from conformance import compare
from polygons_helpers import polygon_rasters

RASTERS = polygon_rasters()

# Geometries in the test rasters' SRID 4326 (they lie at x 100.5..122.5, y 173.25..200.25).
GEOMS = {
    "polygon with a hole": "POLYGON((101 175,121 175,121 199,101 199,101 175),"
                           "(105 180,110 180,110 190,105 190,105 180))",
    "multipolygon": "MULTIPOLYGON(((101 175,104 175,104 178,101 178,101 175)),"
                    "((115 190,119 190,119 199,115 199,115 190)))",
    "line": "LINESTRING(99 170,125 203)",
    "point": "POINT(108.5 191.25)",
    "corner point": "POINT(106.5 197.25)",
    "outside": "POLYGON((0 0,1 0,1 1,0 1,0 0))",
}

FORMS = [
    ("ST_Intersection(geomin, rast, band)", "{s}.st_intersection(%s, {r}, %d)"),
    ("ST_Intersection(geomin, rast)", "{s}.st_intersection(%s, {r})"),
    ("ST_Intersection(rast, band, geomin)", "{s}.st_intersection({r}, %d, %s)"),
    ("ST_Intersection(rast, geomin)", "{s}.st_intersection({r}, %s)"),
]


def _call(form, geom, band):
    g = "public.st_geomfromtext('%s', 4326)" % geom
    if "rast, band, geomin" in form[0]:
        return form[1] % (band, g)
    if "band)" in form[0]:
        return form[1] % (g, band)
    return form[1] % g


@pytest.mark.parametrize("geom", sorted(GEOMS))
@pytest.mark.parametrize("name", ["8BUI_nodata", "32BF", "64BF_nodata", "16BSI", "all_nodata"])
def test_intersection_forms(sql, name, geom):
    for form in FORMS:
        for band in (1, 2):
            if "band" not in form[0] and band == 2:
                continue
            compare(sql, form[0],
                    "SELECT public.st_asewkb((g).geom), (g).val FROM %s AS g"
                    % _call(form, GEOMS[geom], band), {"r": RASTERS[name]})


def test_intersection_skewed(sql):
    compare(sql, "ST_Intersection(geomin, rast, band)",
            "SELECT public.st_asewkb((g).geom), (g).val FROM {s}.st_intersection("
            "public.st_buffer(public.st_setsrid(public.st_point(1050, 1950), 32631), 40), {r}) AS g",
            {"r": RASTERS["skewed"]})


def test_intersection_srid_mismatch(sql):
    pg, pl = compare(sql, "ST_Intersection(geomin, rast, band)",
                     "SELECT * FROM {s}.st_intersection(public.st_geomfromtext('POINT(101 175)', 3857), {r})",
                     {"r": RASTERS["8BUI"]})
    assert pg.failed and pl.sqlstate == "22023"
    assert pl.error.endswith(pg.error)


GEOREFS = [(1, -1, 0, 0), (2, -3, 0.5, 0.25), (2, 3, -0.5, 0.25), (-2, -3, 0.5, -0.25),
           (0, 0, 1, 1), (0, 0, 0, 0), (1e-9, -1e-9, 3e-10, -7e-10), (30, -30, 0, 0),
           (0.1, -0.2, -0.3, 0.4)]


@pytest.mark.parametrize("georef", GEOREFS)
def test_geotransform_and_rotation(sql, georef):
    sx, sy, kx, ky = georef
    rast = "{s}.st_makeemptyraster(3, 2, 10.5, -20.25, %r, %r, %r, %r, 4326)" % (sx, sy, kx, ky)
    compare(sql, "ST_GeoTransform(rast) angles",
            "SELECT g.imag, g.jmag, g.theta_i, g.theta_ij FROM {s}.st_geotransform(%s) AS g" % rast)
    compare(sql, "ST_Rotation(rast)", "SELECT {s}.st_rotation(%s)" % rast)
    # PostGIS 3.3's xoffset/yoffset are uninitialised memory (tiny denormals that do not
    # follow the raster); plraster gives the upper-left corner (DELIBERATE_DIFFERENCES).
    x, y = sql.value("SELECT row(g.xoffset, g.yoffset)::text FROM plraster.st_geotransform(%s) AS g"
                     % rast.format(s="plraster")).strip("()").split(",")
    assert (float(x), float(y)) == (10.5, -20.25)


def test_geotransform_null(sql):
    compare(sql, "ST_GeoTransform(rast)", "SELECT {s}.st_geotransform(NULL::{s}.raster) IS NULL")
    compare(sql, "ST_Rotation(rast)", "SELECT {s}.st_rotation(NULL::{s}.raster)")


def test_geotransform_values_by_hand(sql):
    imag, jmag, ti, tij = sql.run(
        "SELECT g.imag, g.jmag, g.theta_i, g.theta_ij FROM plraster.st_geotransform("
        "plraster.st_makeemptyraster(1, 1, 0, 0, 2, -3, 0.5, 0.25)) AS g").rows[0]
    assert imag == math.sqrt(2 * 2 + 0.25 * 0.25) and jmag == math.sqrt(0.5 * 0.5 + 9)
    assert ti == pytest.approx(-math.atan2(0.25, 2), abs=1e-15)
