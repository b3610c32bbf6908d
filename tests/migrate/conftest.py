"""Fixtures for the migration tests: a PostGIS raster database loaded by raster2pgsql (in-db
with -I -C -M and overviews, out-db on a local COG and on a COG served by nginx, a table
whose CHECK holds a raster literal), and throwaway databases dropped after each test."""
import os
import subprocess
import sys

import numpy
import psycopg
import pytest

_HERE = os.path.dirname(os.path.abspath(__file__))
_TESTS = os.path.dirname(_HERE)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from servers.nginx import NginxServer  # noqa: E402

POSTGIS_DB = "migrate_postgis"


def _write_tiffs(directory):
    from osgeo import gdal, osr
    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    y, x = numpy.mgrid[0:200, 0:300]
    files = {
        "dem.tif": (((y * 300 + x) % 3000) - 1000).astype(numpy.int16)[None],
        "rgb.tif": numpy.stack([(x + y) % 256, (2 * x) % 256, (3 * y) % 256]).astype(numpy.uint8)[:, :120, :160],
    }
    files["dem.tif"][0, 50:60, 70:90] = -9999
    for name, pixels in files.items():
        nb, rows, cols = pixels.shape
        dtype = gdal.GDT_Int16 if pixels.dtype == numpy.int16 else gdal.GDT_Byte
        mem = gdal.GetDriverByName("MEM").Create("", cols, rows, nb, dtype)
        mem.SetGeoTransform((10.0, 0.01, 0.0, 50.0, 0.0, -0.01))
        mem.SetProjection(srs.ExportToWkt())
        for b in range(nb):
            mem.GetRasterBand(b + 1).WriteArray(pixels[b])
            if name == "dem.tif":
                mem.GetRasterBand(b + 1).SetNoDataValue(-9999)
        gdal.Translate(os.path.join(directory, name), mem, format="COG",
                       creationOptions=["BLOCKSIZE=128", "COMPRESS=DEFLATE"])
    return files


def raster2pgsql(*args):
    return subprocess.run(["raster2pgsql", *args], check=True, capture_output=True, text=True).stdout


def run_sql(url, sql):
    """Run a script through psql, stopping at the first error."""
    done = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url],
                          input=sql, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="session")
def cog_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("migrate-cogs")
    os.chmod(d, 0o755)
    _write_tiffs(str(d))
    return d


@pytest.fixture(scope="session")
def cog_http(cog_dir):
    """A second copy of the COGs, served by nginx (its own directory, so that its out-db
    rows need their own source)."""
    d = cog_dir.parent / "migrate-http"
    d.mkdir()
    for name in ("dem.tif",):
        (d / name).write_bytes((cog_dir / name).read_bytes())
    with NginxServer(str(d)) as srv:
        yield srv


@pytest.fixture(scope="session")
def postgis_db(server, cog_dir, cog_http):
    """A PostGIS raster database as raster2pgsql builds one; dropped at the end."""
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {POSTGIS_DB}")
    url = server.url(database=POSTGIS_DB)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgis")
        conn.execute("CREATE EXTENSION postgis_raster")
        conn.execute(f"ALTER DATABASE {POSTGIS_DB} SET postgis.enable_outdb_rasters = true")
        conn.execute(f"ALTER DATABASE {POSTGIS_DB} SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")
    dem, rgb = str(cog_dir / "dem.tif"), str(cog_dir / "rgb.tif")
    script = "".join([
        raster2pgsql("-s", "4326", "-I", "-C", "-M", "-t", "50x50", "-l", "2", dem, "public.dem"),
        raster2pgsql("-s", "4326", "-Y", "-I", "-C", "-t", "40x40", rgb, "public.rgb"),
        raster2pgsql("-s", "4326", "-R", "-I", "-C", "-t", "64x64", dem, "public.dem_outdb_local"),
        raster2pgsql("-s", "4326", "-R", "-C", "-t", "100x100", "-F",
                     "/vsicurl/" + cog_http.url("dem.tif"), "public.dem_outdb_http"),
    ])
    run_sql(url, script)
    with psycopg.connect(url, autocommit=True) as conn:
        (grid,) = conn.execute("SELECT ST_MakeEmptyRaster(1, 1, 10, 50, 0.01, -0.01, 0, 0, 4326)::text").fetchone()
    # a user's table whose CHECK holds a raster literal (bare hex), and a view on rasters
    run_sql(url, f"CREATE TABLE marks (id int PRIMARY KEY, rast raster "
                 f"CONSTRAINT marks_on_grid CHECK (ST_SameAlignment(rast, '{grid}'::raster)));\n"
                 "INSERT INTO marks SELECT rid, rast FROM dem WHERE rid <= 3;\n"
                 "CREATE VIEW dem_cells AS SELECT rid, ST_Width(rast) AS w, ST_Value(rast, 1, 1, 1) AS v FROM dem;\n")
    yield url
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {POSTGIS_DB} WITH (FORCE)")


@pytest.fixture
def new_database(server):
    """A factory of empty databases (name -> URL), all dropped after the test."""
    made = []

    def make(name, *statements):
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        made.append(name)
        url = server.url(database=name)
        with psycopg.connect(url, autocommit=True) as conn:
            for stmt in statements:
                conn.execute(stmt)
        return url

    yield make
    with psycopg.connect(server.url(), autocommit=True) as conn:
        for name in made:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def postgis_restored(server, postgis_db, tmp_path_factory):
    """The PostGIS database's plain dump restored into PostGIS raster as pg_dump means it:
    the oracle for what a restore deparses (a restored CHECK reads (- 0.01) as '-0.01'::numeric)."""
    path = str(tmp_path_factory.mktemp("postgis-dump") / "postgis.sql")
    subprocess.run(["pg_dump", "-f", path, postgis_db], check=True)
    name = POSTGIS_DB + "_restored"
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = server.url(database=name)
    with open(path) as f:
        run_sql(url, f.read())
    yield url
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
