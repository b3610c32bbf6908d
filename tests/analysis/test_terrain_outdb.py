"""The terrain functions on out-db DEMs (a COG served by nginx, read through /vsicurl/ by
PostGIS and by plraster's own reader) agree with PostGIS byte for byte, plain and with a
custom extent (tiles of a coverage computed with their neighbours' pixels)."""
import os
import sys

import numpy as np
import pytest

from conformance import compare
from terrain_helpers import FUNCTIONS, custom_extent, dem_array, write_tiff

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "outdb"))
from outdb_records import one_band  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402

SETUP = ("SET postgis.enable_outdb_rasters = true", "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")


@pytest.fixture(scope="module")
def dem_url(sql, tmp_path_factory):
    """A COG (uint16 DEM, nodata 0, 300 x 200, 0.001 degree pixels) on nginx, opened as a
    source in plraster and readable by PostGIS; the session restored afterwards."""
    d = tmp_path_factory.mktemp("terrain-cogs")
    os.chmod(d, 0o755)
    z = dem_array(300, 200, seed=21, pixtype="16BUI", noise=3.0).astype(np.uint16)
    z[50:53, 70:75] = 0
    write_tiff()(d / "dem.tif", z, 10.0, 50.0, 0.001, nodata=0, blocksize=128)
    with NginxServer(str(d)) as server:
        for statement in SETUP:
            sql.run(statement)
        prefix = sql.run("SELECT plraster.plraster_add_source(%s, '{}'::jsonb)",
                         (server.base_url + "/",)).rows[0][0]
        yield "/vsicurl/" + server.url("dem.tif")
        sql.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
        sql.run("SELECT plraster.plraster_cache_reset()")
        for statement in SETUP:
            sql.run("RESET " + statement.split()[1])


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_outdb_dem(sql, dem_url, fn):
    r = one_band(40, 30, 10.06, 49.96, 0.001, -0.001, dem_url, pixtype="16BUI", nodata=0)
    ce = custom_extent((10.06, 49.96), (0.001, -0.001), 10, 8, 20, 15, srid=4326)
    for form, call in [("%s(outdb rast)", "%s({r})"),
                       ("%s(outdb rast, nband, pixeltype)", "%s({r}, 1, '64BF')"),
                       ("%s(outdb rast, nband, customextent)", "%s({r}, 1, {c})"),
                       ("%s(outdb rast, interpolate_nodata)", "%s({r}, 1, '32BF', interpolate_nodata => true)")]:
        pg, pl = compare(sql, form % fn, "SELECT {s}.st_asbinary({s}.%s)" % (call % fn),
                         {"r": r, "c": ce})
        assert not pg.failed and not pl.failed, (pg, pl)
