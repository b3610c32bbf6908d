"""Loading into a real database: plraster-load's SQL through psql, its direct load (--dsn,
binary COPY), and raster2pgsql's SQL into PostGIS raster all give the same rasters."""
import io
import os
import subprocess

import numpy
import psycopg
import pytest

import pgserver
from loadhelpers import run_plraster, run_raster2pgsql, write_geotiff
from plraster.load.progress import Progress

PLRASTER_PATH = "-c search_path=plraster,public"
POSTGIS_PATH = "-c search_path=public"


@pytest.fixture(scope="module")
def load_url(server):
    """A database with PostGIS raster (public) and plraster (schema plraster)."""
    return pgserver.create_database(server, "loadtest")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("load-db")
    y, x = numpy.mgrid[0:45, 0:61]
    a = ((x * 7 + y * 3) % 300).astype("int16")
    a[:20, :20] = -1
    b = (numpy.sin(x / 5.0) * 100 + y).astype("float32")
    return [write_geotiff(d / "one.tif", [a, numpy.where(a == -1, a, a * 2)], nodata=-1, epsg=32631,
                          gt=(500000.0, 30.0, 0.0, 4500000.0, 0.0, -30.0)),
            write_geotiff(d / "two.tif", [a[::-1].copy(), a], nodata=-1, epsg=32631,
                          gt=(501830.0, 30.0, 0.0, 4500000.0, 0.0, -30.0))], b


def psql(url, sql, search_path):
    """Run an SQL script with psql (ON_ERROR_STOP); return its stderr."""
    p = subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", url], input=sql.encode(),
                       capture_output=True, env=dict(os.environ, PGOPTIONS=search_path), check=False)
    assert p.returncode == 0, p.stderr.decode()
    return p.stderr.decode()


def fetch(url, query):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(query).fetchall()


def table_rows(url, table):
    """rid, WKB and file name of every row (PostGIS's raster::bytea is the same WKB)."""
    return fetch(url, f"SELECT rid, rast::bytea, filename FROM {table} ORDER BY rid")


def test_four_ways_agree(load_url, files):
    paths, _ = files
    with psycopg.connect(load_url, autocommit=True) as conn:
        for s in ("pl_insert", "pl_copy", "pl_direct", "postgis_r2p"):
            conn.execute(f"DROP SCHEMA IF EXISTS {s} CASCADE; CREATE SCHEMA {s}")
    args = ["-t", "16x16", "-F", "-I", "-M", "-C", "-l", "2,3"]
    status, sql, err = run_plraster(args + paths + ["pl_insert.tiles"])
    assert status == 0, err
    psql(load_url, sql, PLRASTER_PATH)
    status, sql, err = run_plraster(args + ["-Y", "5"] + paths + ["pl_copy.tiles"])
    assert status == 0, err
    psql(load_url, sql, PLRASTER_PATH)
    dsn = psycopg.conninfo.make_conninfo(load_url, options=PLRASTER_PATH)
    status, out, err = run_plraster(args + ["--dsn", dsn] + paths + ["pl_direct.tiles"])
    assert status == 0 and out == "", err
    assert err.splitlines() == [f"Processing 1/2: {paths[0]}", f"Processing 2/2: {paths[1]}"]
    r2p_status, r2p_sql, r2p_err = run_raster2pgsql(args + paths + ["postgis_r2p.tiles"])
    assert r2p_status == 0, r2p_err
    psql(load_url, r2p_sql, POSTGIS_PATH)

    for table in ("tiles", "o_2_tiles", "o_3_tiles"):
        reference = table_rows(load_url, f"postgis_r2p.{table}")
        assert len(reference) >= 4
        for schema in ("pl_insert", "pl_copy", "pl_direct"):
            assert table_rows(load_url, f"{schema}.{table}") == reference, (schema, table)
            kind = fetch(load_url, f"SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                   f"WHERE attrelid = '{schema}.{table}'::regclass AND attname = 'rast'")
            assert kind == [("plraster.raster",)]
        # -C and -l: AddRasterConstraints and AddOverviewConstraints made PostGIS's constraints.
        constraints = f"SELECT conname FROM pg_constraint WHERE conrelid = '{{}}.{table}'::regclass ORDER BY 1"
        reference = fetch(load_url, constraints.format("postgis_r2p"))
        assert len(reference) >= 10
        for schema in ("pl_insert", "pl_copy", "pl_direct"):
            assert fetch(load_url, constraints.format(schema)) == reference, (schema, table)
    # Empty tiles were skipped: the upper-left 16x16 tile of one.tif is all nodata.
    assert len(table_rows(load_url, "pl_direct.tiles")) == 2 * 4 * 3 - 1
    # -I: the GiST index on ST_ConvexHull; -M: vacuumed.
    for schema in ("pl_insert", "pl_direct"):
        index = fetch(load_url, f"SELECT indexdef FROM pg_indexes WHERE schemaname = '{schema}' "
                                "AND tablename = 'tiles' AND indexdef LIKE '%gist%'")
        assert len(index) == 1 and "st_convexhull(rast)" in index[0][0]
        vacuumed = fetch(load_url, "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables "
                                   f"WHERE schemaname = '{schema}' AND relname = 'tiles'")
        assert vacuumed == [(True,)]


def test_direct_load_modes(load_url, files):
    paths, _ = files
    dsn = psycopg.conninfo.make_conninfo(load_url, options=PLRASTER_PATH)
    with psycopg.connect(load_url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS modes CASCADE; CREATE SCHEMA modes")
    assert run_plraster(["-p", "--dsn", dsn, paths[0], "modes.t"])[0] == 0
    assert fetch(load_url, "SELECT count(*) FROM modes.t") == [(0,)]
    assert run_plraster(["-a", "-e", "-t", "30x30", "--dsn", dsn, paths[0], "modes.t"])[0] == 0
    assert run_plraster(["-a", "-t", "30x30", "-R", "--dsn", dsn, paths[1], "modes.t"])[0] == 0
    reference = _wkbs(paths)
    rows = fetch(load_url, "SELECT rast::bytea, plraster.st_numbands(rast) FROM modes.t ORDER BY rid")
    assert [r[0] for r in rows] == reference and len(rows) == 12
    assert {r[1] for r in rows} == {2}
    # -d recreates; a failing statement is an error with the server's message, status 1.
    status, _, err = run_plraster(["-d", "-t", "30x30", "--dsn", dsn, paths[0], "modes.t"])
    assert status == 0 and fetch(load_url, "SELECT count(*) FROM modes.t") == [(6,)]
    status, _, err = run_plraster(["-c", "--dsn", dsn, paths[0], "modes.t"])
    assert status == 1 and 'relation "t" already exists' in err


def _wkbs(paths):
    """raster2pgsql's rasters for the rows test_direct_load_modes appends."""
    import sqlcompare
    out = []
    for path, extra in ((paths[0], []), (paths[1], ["-R"])):
        _, sql, _ = run_raster2pgsql(["-a", "-t", "30x30"] + extra + [path, "modes.t"])
        out.extend(sqlcompare.split(sql, plraster=False)[1])
    return out


def test_progress_bar():
    stream = io.StringIO()
    p = Progress(stream, bar=True)
    p.start_file(1, 2, "dem.tif", 4)
    for _ in range(4):
        p.tile(1000)
    p.finish()
    text = stream.getvalue()
    assert text.startswith("\r[") and "file 1/2 dem.tif: 4/4 tiles" in text and text.endswith("\n")
    assert "Processing" not in text
