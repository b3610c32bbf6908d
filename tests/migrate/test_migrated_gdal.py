"""GDAL's PostGISRaster driver reads a database migrated by plraster-migrate as it reads the
PostGIS database it came from: gdalinfo -checksum in mode 2 (the table as one raster) and
mode 1 (one raster per row), and gdal_translate of a window, with no setting in between
(plraster in public, where the dump's raster was)."""
import os
import re
import subprocess

import psycopg
import pytest

from servers.process import find_program

PG_BIN = "/usr/lib/postgresql/15/bin"
ENV = dict(os.environ, GDAL_PAM_ENABLED="NO", CPL_VSIL_CURL_ALLOWED_EXTENSIONS=".tif",
           GDAL_DISABLE_READDIR_ON_OPEN="EMPTY_DIR")


@pytest.fixture(scope="module")
def migrated(server, postgis_db, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("gdal-dump") / "postgis.dump")
    subprocess.run([find_program("pg_dump", PG_BIN), "-Fc", "-f", path, postgis_db], check=True)
    name = "migrate_gdal"
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    done = subprocess.run(["plraster-migrate", "--open-sources", path, server.url(database=name)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    yield name
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _pg(server, dbname, table, mode=2):
    dsn = server.dsn(database=dbname)
    return (f"PG:host={dsn['host']} port={dsn['port']} dbname={dbname} user={dsn['user']} "
            f"schema=public table={table} column=rast mode={mode}")


def _gdal(argv):
    done = subprocess.run(argv, capture_output=True, text=True, env=ENV, timeout=600)
    text = re.sub(r"dbname=\w+", "dbname=<db>", done.stdout + done.stderr)
    return done.returncode, re.sub(r"/tmp/\S*?/", "<tmp>/", text)


@pytest.mark.parametrize("mode", [2, 1])
@pytest.mark.parametrize("table", ["dem", "rgb", "dem_outdb_local", "dem_outdb_http"])
def test_gdalinfo_checksum(server, migrated, table, mode):
    pg = _gdal(["gdalinfo", "-checksum", _pg(server, "migrate_postgis", table, mode)])
    pl = _gdal(["gdalinfo", "-checksum", _pg(server, migrated, table, mode)])
    assert pg[0] == 0 and ("Checksum=" in pg[1] or "SUBDATASET_1_NAME" in pg[1]), pg[1]
    assert pl == pg
    if mode == 1:  # each listed row, opened and checksummed
        names = re.findall(r"SUBDATASET_\d+_NAME=(.*)", pg[1])[:3]
        assert names
        for name in names:
            out_pg = _gdal(["gdalinfo", "-checksum", name.replace("<db>", "migrate_postgis")])
            out_pl = _gdal(["gdalinfo", "-checksum", name.replace("<db>", migrated)])
            assert "Checksum=" in out_pg[1], out_pg[1]
            assert out_pl == out_pg


@pytest.mark.parametrize("table", ["dem", "rgb", "dem_outdb_http"])
def test_translate_window(server, migrated, tmp_path, table):
    out = {}
    for kind, db in (("postgis", "migrate_postgis"), ("plraster", migrated)):
        dest = str(tmp_path / f"{kind}.tif")
        code, text = _gdal(["gdal_translate", "-q", "-srcwin", "17", "23", "61", "45", _pg(server, db, table), dest])
        assert code == 0, text
        out[kind] = open(dest, "rb").read()
    assert out["plraster"] == out["postgis"]
