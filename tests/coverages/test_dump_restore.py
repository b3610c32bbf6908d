"""pg_dump and restore of a database using plraster, as a user does it: plain SQL through
psql (stopping at the first error) and the custom format through pg_restore.

The restored database must answer as the original: the same rasters (byte for byte), the
same raster_columns and raster_overviews rows, constraints, index, out-db sources, and
out-db bands that still read their file.
"""
import os
import subprocess

import numpy
import psycopg
import pytest
from osgeo import gdal

import pgserver
from servers.process import find_program

gdal.UseExceptions()
PG_BIN = "/usr/lib/postgresql/15/bin"

COVERAGE_SQL = """
CREATE TABLE dem (rid serial PRIMARY KEY, name text, rast raster);
INSERT INTO dem (name, rast)
SELECT 'tile ' || i, ST_SetValue(ST_AddBand(t, '16BSI'::text, (i * 37) % 500, -9999), 1, 2, 3, -i)
FROM ST_MakeEmptyCoverage(32, 32, 128, 96, 10, 60, 0.5, -0.5, 0, 0, 4326) WITH ORDINALITY AS c(t, i);
SELECT AddRasterConstraints('dem'::name, 'rast'::name);
CREATE INDEX dem_hull ON dem USING gist (ST_ConvexHull(rast));
SELECT ST_CreateOverview('dem'::regclass, 'rast'::name, 2);
CREATE TABLE plain_rasters (id int, r raster);  -- no constraints: found by its type alone
INSERT INTO plain_rasters VALUES (1, ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 0, 1), '8BUI'::text, 7, NULL));
"""

CHECKS = [
    # every column but the database's name
    "SELECT to_jsonb(c) - 'r_table_catalog' FROM raster_columns c ORDER BY r_table_name, r_raster_column",
    "SELECT to_jsonb(o) - 'o_table_catalog' - 'r_table_catalog' FROM raster_overviews o ORDER BY o_table_name",
    "SELECT rid, name, md5(rast::bytea) FROM dem ORDER BY rid",
    "SELECT md5(rast::bytea) FROM o_2_dem ORDER BY 1",
    "SELECT id, md5(r::bytea) FROM plain_rasters ORDER BY id",
    "SELECT rid, md5(rast::bytea) FROM outdb ORDER BY rid",
    # names only: PostgreSQL deparses a restored CHECK differently ((- 0.5) becomes
    # '-0.5'::numeric), for PostGIS's constraints as for plraster's
    "SELECT conrelid::regclass::text, conname, contype FROM pg_constraint "
    "WHERE conrelid::regclass::text IN ('dem', 'o_2_dem', 'outdb') ORDER BY 1, 2",
    "SELECT prefix FROM plraster_sources ORDER BY prefix",
    "SELECT rid, ST_Value(rast, 1, 3, 2), ST_Value(rast, 1, 40, 33) FROM outdb ORDER BY rid",
    "SELECT rid, ST_Value(rast, 1, 2, 3) FROM dem WHERE rast && ST_MakeEnvelope(20, 40, 30, 50, 4326) ORDER BY rid",
]


def rows(url, query):
    with psycopg.connect(url, autocommit=True) as conn:
        pgserver.load_rasters_as_bytes(conn)
        return conn.execute(query).fetchall()


@pytest.fixture(scope="module")
def source_database(server, tmp_path_factory):
    """A database with plraster in public, a coverage with overview and index, and an
    out-db coverage registered on a local COG."""
    directory = tmp_path_factory.mktemp("dump-cogs")
    y, x = numpy.mgrid[0:200, 0:300]
    ds = gdal.GetDriverByName("MEM").Create("", 300, 200, 1, gdal.GDT_UInt16)
    ds.SetGeoTransform((10.0, 0.01, 0.0, 50.0, 0.0, -0.01))
    ds.GetRasterBand(1).WriteArray((y * 300 + x).astype(numpy.uint16))
    cog = str(directory / "dem.tif")
    gdal.Translate(cog, ds, format="COG", creationOptions=["BLOCKSIZE=64", "COMPRESS=DEFLATE"],
                   outputSRS="EPSG:4326")
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE dump_source")
    url = server.url(database="dump_source")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION plraster CASCADE")
        conn.execute(COVERAGE_SQL)
        conn.execute("SELECT plraster_add_source(%s)", (str(directory) + "/",))
        conn.execute("SELECT plraster_register_cog(%s, 'outdb', overviews => false)", (cog,))
    return url


def restored(server, name):
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.url(database=name)


def run(args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, done.stderr
    assert "ERROR" not in done.stderr, done.stderr
    return done


@pytest.mark.parametrize("form", ["plain", "custom"])
def test_dump_and_restore(server, source_database, tmp_path, form):
    target = restored(server, f"dump_target_{form}")
    dump = str(tmp_path / "dump")
    pg_dump = find_program("pg_dump", PG_BIN)
    if form == "plain":
        run([pg_dump, "-f", dump, source_database])
        run([find_program("psql", PG_BIN), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", dump, target])
    else:
        run([pg_dump, "-Fc", "-f", dump, source_database])
        run([find_program("pg_restore", PG_BIN), "--exit-on-error", "-d", target, dump])
    for query in CHECKS:
        before, after = rows(source_database, query), rows(target, query)
        assert before, query  # the check is not vacuous
        assert after == before, query
    # the index still answers the spatial query
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT rid FROM dem WHERE rast && ST_MakeEnvelope(20, 40, 30, 50, 4326)"))
    assert "dem_hull" in plan, plan
    # raster_columns reports the restored constraints, not just the type
    (row,) = rows(target, "SELECT srid, scale_x, blocksize_x, regular_blocking, pixel_types "
                          "FROM raster_columns WHERE r_table_name = 'dem'")
    assert row == (4326, 0.5, 32, False, ["16BSI"])  # regular_blocking is not a default constraint
    # and the restored constraints still refuse what does not fit
    with psycopg.connect(target, autocommit=True) as conn:
        for bad in ("ST_SetSRID(rast, 3857)", "ST_SetScale(rast, 0.5, -0.25)", "ST_AddBand(rast, '8BUI'::text)"):
            with pytest.raises(psycopg.errors.CheckViolation):
                conn.execute(f"INSERT INTO dem (name, rast) SELECT 'bad', {bad} FROM dem LIMIT 1")
