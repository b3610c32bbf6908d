"""ST_Clip of out-db bands compared with PostGIS + GDAL: a local COG written by GDAL,
out-db records over parts of it (aligned, partly beyond the file, nodata or not), in-db and
out-db bands mixed; plraster reads only the window the result needs."""
import os
import sys

import numpy as np
import psycopg
import pytest

from clip_helpers import geom, same_raster
import conformance

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "outdb"))
from outdb_records import one_band, outdb_wkb  # noqa: E402


@pytest.fixture(scope="module")
def cog(tmp_path_factory):
    """A 300 x 200 Int16 COG (128 x 128 blocks) at (10, 50), 0.001 degree pixels, nodata -1."""
    from osgeo import gdal
    d = tmp_path_factory.mktemp("clip-cogs")
    os.chmod(d, 0o755)
    y, x = np.mgrid[0:200, 0:300]
    pixels = ((x * 7 + y * 13) % 1000).astype(np.int16)
    pixels[50:60, 100:140] = -1
    mem = gdal.GetDriverByName("MEM").Create("", 300, 200, 1, gdal.GDT_Int16)
    mem.SetGeoTransform((10.0, 0.001, 0.0, 50.0, 0.0, -0.001))
    mem.GetRasterBand(1).WriteArray(pixels)
    mem.GetRasterBand(1).SetNoDataValue(-1)
    path = str(d / "clip.tif")
    gdal.GetDriverByName("COG").CreateCopy(path, mem, options=["BLOCKSIZE=128", "COMPRESS=DEFLATE"])
    os.chmod(path, 0o644)
    return path


@pytest.fixture(scope="module")
def osql(db_url, cog):
    """A superuser Session with PostGIS out-db reading on and the COG's directory opened in
    plraster (closed again at the end)."""
    session = conformance.Session(db_url)
    session.conn.execute("SET postgis.enable_outdb_rasters = true; "
                         "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")
    prefix = os.path.dirname(cog) + "/"
    out = session.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                      (prefix, psycopg.types.json.Jsonb({})))
    assert not out.failed, out
    yield session
    session.run("SELECT plraster.plraster_drop_source(%s)", (out.rows[0][0],))
    session.close()


SHAPES = [
    # (crop = false is not compared: PostGIS fails on its own grid rounding at such scales)
    "POLYGON((10.0205 49.9795, 10.0612 49.9801, 10.0437 49.9432, 10.0205 49.9795))",
    "POLYGON((10.09 49.96, 10.15 49.96, 10.15 49.93, 10.09 49.93, 10.09 49.96), "
    "(10.1 49.95, 10.11 49.95, 10.11 49.94, 10.1 49.94, 10.1 49.95))",
    "LINESTRING(10.001 49.999, 10.3 49.8)",
    "MULTIPOINT(10.0105 49.9895, 10.2 49.85)",
]


@pytest.mark.parametrize("nodata", [None, -1])
@pytest.mark.parametrize("wkt", SHAPES)
def test_outdb_clip(osql, cog, nodata, wkt):
    whole = one_band(300, 200, 10.0, 50.0, 0.001, -0.001, cog, pixtype="16BSI", nodata=nodata)
    part = one_band(120, 90, 10.05, 49.97, 0.001, -0.001, cog, pixtype="16BSI", nodata=nodata)
    beyond = one_band(80, 80, 10.26, 49.83, 0.001, -0.001, cog, pixtype="16BSI", nodata=nodata)
    g = geom(wkt, 4326)
    for r in (whole, part, beyond):
        for expr in ("{s}.st_clip({r}, %s)", "{s}.st_clip({r}, %s, 5::float8)"):
            same_raster(osql, "ST_Clip out-db", expr % g, {"r": r})


def test_outdb_and_indb_bands(osql, cog):
    r = outdb_wkb(40, 30, 10.01, 49.99, 0.001, -0.001,
                  [(cog, 0, "16BSI", None), (cog, 0, "16BSI", 3)])
    g = geom(SHAPES[0], 4326)
    same_raster(osql, "ST_Clip out-db", "{s}.st_clip({r}, %s, ARRAY[7, 8]::float8[])" % g,
                {"r": r})


def test_outdb_reads_only_the_window(osql, cog):
    """A small polygon in a corner of a 300 x 200 out-db raster decodes one 128 x 128 block
    of the six."""
    osql.run("SELECT plraster.plraster_cache_reset()")
    r = one_band(300, 200, 10.0, 50.0, 0.001, -0.001, cog, pixtype="16BSI")
    before = osql.run("SELECT tile_misses FROM plraster.plraster_io_stats()")
    same_raster(osql, "ST_Clip out-db", "{s}.st_clip({r}, %s)"
                % geom("POLYGON((10.001 49.999, 10.01 49.999, 10.01 49.99, 10.001 49.999))", 4326),
                {"r": r})
    after = osql.run("SELECT tile_misses FROM plraster.plraster_io_stats()")
    assert not before.failed and not after.failed, (before, after)
    assert after.rows[0][0] - before.rows[0][0] == 1  # of the file's 3 x 2 blocks
