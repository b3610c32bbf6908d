"""ST_SetValues(rast, nband, geomval[]) with lines (and lines mixed with points and
polygons) compared with PostGIS, which burns them with GDAL's rasterizer."""
import pytest

from clip_helpers import geom, grid_raster, same_raster

CASES = [
    [("LINESTRING(0.5 0.5, 5.5 3.2)", "200")],
    [("LINESTRING(1 3, 5 3)", "200")],                       # along pixel edges
    [("LINESTRING(-3 -2, 13 12.5)", "200")],                 # beyond the raster both ways
    [("MULTILINESTRING((0 0, 10 10), (0 10, 10 0))", "200")],  # through pixel corners
    [("LINESTRING(2.2 7.7, 2.2 1.3)", "200"), ("POINT(6.5 6.5)", "100")],
    [("GEOMETRYCOLLECTION(LINESTRING(0.5 9.5, 9.5 9.5), POLYGON((2 2, 6 2, 6 6, 2 2)))", "200")],
    [("LINESTRING(0.5 0.5, 5.5 3.2)", "NULL")],              # NULL burns nodata
    [("LINESTRING(30 30, 40 40)", "7")],                     # outside: nothing burnt
    [("POLYGON((0.5 0.5, 9.5 0.7, 5 9.2, 0.5 0.5))", "200"), ("LINESTRING(9 0, 9 10)", "3")],
]


@pytest.mark.parametrize("nodata", [None, 9])
@pytest.mark.parametrize("case", CASES, ids=[c[0][0][:30] for c in CASES])
def test_lines(sql, case, nodata):
    r = grid_raster(nodata=nodata)
    vals = ", ".join("ROW(%s, %s)" % (geom(wkt), v) for wkt, v in case)
    for keep in ("false", "true"):
        same_raster(sql, "ST_SetValues(rast, nband, geomvalset, keepnodata) lines",
                    "{s}.st_setvalues({r}, 1, ARRAY[%s]::{s}.geomval[], %s)" % (vals, keep),
                    {"r": r})
