"""ST_DumpAsPolygons / ST_Polygon / ST_Intersection on out-db bands (a local COG opened as
a plraster source; PostGIS reads the same record through GDAL): same EWKB, values, order."""
import os

import numpy as np
import pytest

from conformance import compare
from polygons_helpers import POSTGIS_OUTDB, classified, outdb_writer

import outdb_records  # noqa: E402  (tests/outdb is put on sys.path by polygons_helpers)


@pytest.fixture(scope="module")
def classified_cog(tmp_path_factory):
    d = tmp_path_factory.mktemp("polygons-cogs")
    os.chmod(d, 0o755)
    pixels = classified(300, 280, classes=5, seed=7).astype(np.uint8)
    path = outdb_writer()(d / "classes.tif", pixels, 10.0, 50.0, 0.001, nodata=0, blocksize=256)
    return d, path


@pytest.fixture
def outdb_sql(sql, classified_cog):
    d, _ = classified_cog
    sql.conn.execute(POSTGIS_OUTDB)
    out = sql.run("SELECT plraster.plraster_add_source(%s, '{}'::jsonb)", (str(d),))
    assert not out.failed, out
    yield sql
    sql.run("SELECT plraster.plraster_drop_source(%s)", (out.rows[0][0],))
    sql.conn.execute("RESET postgis.enable_outdb_rasters; RESET postgis.gdal_enabled_drivers")


# (width, height, ulx, uly, scale x, scale y, nodata): inside one COG tile, across tiles, off the file
WINDOWS = [(40, 30, 10.01, 49.99, 0.001, -0.001, 0), (60, 50, 10.23, 49.78, 0.001, -0.001, 0),
           (60, 50, 10.23, 49.78, 0.001, -0.001, None), (20, 20, 10.29, 49.73, 0.001, -0.001, 3)]


@pytest.mark.parametrize("window", WINDOWS, ids=[str(w) for w in WINDOWS])
def test_outdb_dump_polygon_intersection(outdb_sql, classified_cog, window):
    _, path = classified_cog
    w, h, ulx, uly, sx, sy, nodata = window
    r = outdb_records.one_band(w, h, ulx, uly, sx, sy, path, pixtype="8BUI", nodata=nodata)
    for exclude in ("true", "false"):
        pg, _ = compare(outdb_sql, "outdb ST_DumpAsPolygons",
                        "SELECT public.st_asewkb((g).geom), (g).val "
                        "FROM {s}.st_dumpaspolygons({r}, 1, %s) AS g" % exclude, {"r": r})
        assert pg.rows or ulx + w * sx > 10.3, "a window on the file has polygons"
    compare(outdb_sql, "outdb ST_Polygon", "SELECT public.st_asewkb({s}.st_polygon({r}))", {"r": r})
    compare(outdb_sql, "outdb ST_Intersection(rast, geomin)",
            "SELECT public.st_asewkb((g).geom), (g).val FROM {s}.st_intersection({r}, "
            "public.st_buffer(public.st_centroid({s}.st_envelope({r})::public.geometry), 0.007)) AS g",
            {"r": r})
