"""ST_DumpAsPolygons and ST_Polygon against PostGIS: the geometries' EWKB bytes (vertex
order, ring orientation, SRID), values, row order and NOTICEs must be the same."""
import pytest

from conformance import compare
from polygons_helpers import polygon_rasters

RASTERS = polygon_rasters()

DUMP = ("SELECT public.st_asewkb((g).geom), (g).val "
        "FROM {s}.st_dumpaspolygons({r}, %d, %s) AS g")


@pytest.mark.parametrize("name", sorted(RASTERS))
@pytest.mark.parametrize("exclude", ["true", "false"])
def test_dump_as_polygons(sql, name, exclude):
    for band in (1, 2, 0):
        pg, pl = compare(sql, "ST_DumpAsPolygons(rast, band, exclude_nodata_value)",
                         DUMP % (band, exclude), {"r": RASTERS[name]})
        if name == "empty" and band == 1 and "no_bands" not in name:
            continue
        assert not pl.failed or name == "empty", pl


@pytest.mark.parametrize("name", sorted(RASTERS))
def test_dump_default_band(sql, name):
    compare(sql, "ST_DumpAsPolygons(rast)",
            "SELECT public.st_asewkb((g).geom), (g).val FROM {s}.st_dumpaspolygons({r}) AS g",
            {"r": RASTERS[name]})


@pytest.mark.parametrize("name", sorted(RASTERS))
def test_polygon(sql, name):
    for band in ("", ", 2", ", 0"):
        compare(sql, "ST_Polygon(rast, band)",
                "SELECT public.st_asewkb({s}.st_polygon({r}%s))" % band, {"r": RASTERS[name]})


def test_empty_raster_with_a_band_fails_as_postgis_does(sql):
    empty = "SELECT * FROM {s}.st_dumpaspolygons({s}.st_addband({s}.st_makeemptyraster(0, 0, 0, 0, 1), '8BUI'::text))"
    pg, pl = compare(sql, "ST_DumpAsPolygons(rast) on a 0 x 0 raster", empty)
    assert pg.failed and pl.sqlstate == "22023"
