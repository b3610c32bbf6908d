"""raster2pgsql's own SQL, unchanged, into plraster; plraster-load's SQL into PostGIS.

raster2pgsql writes the unqualified type `raster`, '<HEX>'::raster literals (or COPY
lines of hex) and unqualified AddRasterConstraints / AddOverviewConstraints /
ST_ConvexHull calls. Its output goes through psql into a database installed as the README
says (`CREATE EXTENSION postgis; CREATE EXTENSION plraster;`, both in public) and into a
PostGIS database with postgis_raster, the oracle: the rasters must be byte-identical and
raster_columns, raster_overviews, constraints and indexes equal, in every mode.
"""
import os
import re
import subprocess

import numpy
import psycopg
import pytest

from loadhelpers import run_plraster, run_raster2pgsql, write_geotiff


def _database(server, name, extensions):
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS %s" % name)
        conn.execute("CREATE DATABASE %s" % name)
    url = server.url(database=name)
    with psycopg.connect(url, autocommit=True) as conn:
        for ext in extensions:
            conn.execute(ext)
    return url


@pytest.fixture(scope="module")
def databases(server):
    """{"plraster": README-style database, "postgis": PostGIS raster database}; dropped after."""
    urls = {"plraster": _database(server, "r2p_plraster", [
                "CREATE EXTENSION postgis", "CREATE EXTENSION plraster CASCADE"]),
            "postgis": _database(server, "r2p_postgis", [
                "CREATE EXTENSION postgis", "CREATE EXTENSION postgis_raster"])}
    with psycopg.connect(urls["plraster"]) as conn:  # the README's install: plraster in public
        assert conn.execute("SELECT extnamespace::regnamespace::text FROM pg_extension "
                            "WHERE extname = 'plraster'").fetchone() == ("public",)
    yield urls
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("DROP DATABASE r2p_plraster")
        conn.execute("DROP DATABASE r2p_postgis")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Two adjacent 2-band int16 GeoTIFFs with nodata (one corner all nodata), a float32
    file without nodata, a 3-band byte file; absolute paths (raster2pgsql -R needs them)."""
    d = tmp_path_factory.mktemp("r2p")
    y, x = numpy.mgrid[0:45, 0:61]
    a = ((x * 7 + y * 3) % 300).astype("int16")
    a[:20, :20] = -1
    gt = (500000.0, 30.0, 0.0, 4500000.0, 0.0, -30.0)
    return {
        "one": write_geotiff(d / "one.tif", [a, numpy.where(a == -1, a, a * 2)], nodata=-1,
                             epsg=32631, gt=gt),
        "two": write_geotiff(d / "two.tif", [a[::-1].copy(), a], nodata=-1, epsg=32631,
                             gt=(gt[0] + 61 * 30.0,) + gt[1:]),
        "float": write_geotiff(d / "float.tif", [(numpy.sin(x / 5.0) * 100 + y).astype("float32")],
                               epsg=4326, gt=(-71.5, 0.01, 0.0, 42.3, 0.0, -0.01)),
        "rgb": write_geotiff(d / "rgb.tif", [(a % 251).astype("uint8"), (a % 7).astype("uint8"),
                                             (a % 13).astype("uint8")], gt=(0.0, 1.0, 0.0, 0.0, 0.0, -1.0),
                             options=["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"]),
    }


def _ident(name):
    return '"' + name.replace('"', '""') + '"'


def psql(url, sql):
    """Run an SQL script with psql, stopping at the first error; returns its stderr."""
    p = subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", url], input=sql.encode(),
                       capture_output=True, env=dict(os.environ, PGOPTIONS="-c search_path=public"))
    assert p.returncode == 0, p.stderr.decode()
    return p.stderr.decode()


def snapshot(url, schema):
    """Everything raster2pgsql made in schema, comparable between the two databases."""
    with psycopg.connect(url, autocommit=True) as conn:
        q = lambda sql: conn.execute(sql, (schema,)).fetchall()  # noqa: E731
        tables = [t for (t,) in q("SELECT table_name FROM information_schema.tables "
                                  "WHERE table_schema = %s ORDER BY 1")]
        out = {"tables": tables}
        for t in tables:
            table = "%s.%s" % (_ident(schema), _ident(t))
            cols = conn.execute("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped "
                                "ORDER BY attnum", (table,)).fetchall()
            out[t, "columns"] = cols
            # every column as text, the raster as its WKB (PostGIS's raster::bytea is its WKB)
            select = ", ".join(("encode(%s::bytea, 'hex')" if ty == "raster" else "%s::text")
                               % _ident(c) for c, ty in cols)
            out[t, "rows"] = conn.execute("SELECT %s FROM %s ORDER BY 1" % (select, table)).fetchall()
            out[t, "vacuumed"] = conn.execute(
                "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables "
                "WHERE relid = %s::regclass", (table,)).fetchall()
        out["raster_columns"] = q(
            "SELECT r_table_schema, r_table_name, r_raster_column, srid, scale_x, scale_y, "
            "blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, "
            "nodata_values, out_db, ST_AsEWKT(extent), spatial_index FROM raster_columns "
            "WHERE r_table_schema = %s ORDER BY 2, 3")
        out["raster_overviews"] = q(
            "SELECT o_table_schema, o_table_name, o_raster_column, r_table_schema, r_table_name, "
            "r_raster_column, overview_factor FROM raster_overviews WHERE o_table_schema = %s "
            "ORDER BY 2")
        out["constraints"] = [
            # plraster's raster literal deparses as ('<HEX>'::plraster_wkb)::raster, a domain
            # over its base type; PostGIS's as '<HEX>'::raster: the same value
            (table, name, re.sub(r"\('([0-9A-F]+)'::plraster_wkb\)::raster", r"'\1'::raster",
                                 definition))
            for table, name, definition in q(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE connamespace = (SELECT oid FROM pg_namespace WHERE nspname = %s) "
                "ORDER BY 1, 2")]
        out["indexes"] = q("SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = %s "
                           "ORDER BY 1, 2")
    return out


def _compare(databases, schema, runs):
    """Run each raster2pgsql command line's SQL into both databases; compare everything."""
    for url in databases.values():
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute('DROP SCHEMA IF EXISTS "%s" CASCADE; CREATE SCHEMA "%s"' % (schema, schema))
    for args in runs:
        status, sql, err = run_raster2pgsql(args)
        assert status == 0, err
        for url in databases.values():
            psql(url, sql)
    pl, pg = snapshot(databases["plraster"], schema), snapshot(databases["postgis"], schema)
    assert pl["tables"] == pg["tables"] and pg["tables"]
    for key in pg:
        assert pl[key] == pg[key], key
    return pg


def test_create_index_constraints_vacuum_filename_overviews(databases, files):
    pg = _compare(databases, "r2p_full", [
        ["-c", "-s", "32631", "-I", "-C", "-M", "-F", "-t", "16x16", "-l", "2,3",
         files["one"], files["two"], "r2p_full.tiles"]])
    assert pg["tables"] == ["o_2_tiles", "o_3_tiles", "tiles"]
    assert len(pg["tiles", "rows"]) == 2 * 4 * 3 - 1  # the all-nodata corner tile is skipped
    assert len(pg["raster_columns"]) == 3 and len(pg["raster_overviews"]) == 2
    assert len(pg["constraints"]) >= 3 * 10 and len(pg["indexes"]) == 3 * 2
    assert pg["tiles", "vacuumed"] == [(True, True)]


def test_copy_mode(databases, files):
    pg = _compare(databases, "r2p_copy", [
        ["-Y", "-t", "10x10", "-C", "-x", "-r", "-n", "source", "-N", "-5",
         files["float"], "r2p_copy.f"],
        ["-Y", "7", "-t", "9x11", "-k", "-I", files["one"], files["two"], "r2p_copy.t"]])
    assert [c for c, _ in pg["f", "columns"]] == ["rid", "rast", "source"]
    assert len(pg["t", "rows"]) == 2 * 7 * 5  # -k: empty tiles kept


def test_prepare_append_drop(databases, files):
    pg = _compare(databases, "r2p_modes", [
        ["-p", "-t", "16x16", files["one"], "r2p_modes.t"],
        ["-a", "-t", "16x16", files["one"], "r2p_modes.t"],
        ["-a", "-e", "-t", "16x16", files["two"], "r2p_modes.t"],
        ["-d", "-t", "30x30", "-P", "-b", "2", "-f", "img", files["two"], "r2p_modes.d"],
        ["-a", "-t", "30x30", "-P", "-b", "2", "-f", "img", files["one"], "r2p_modes.d"],
        ["-d", "-t", "30x30", "-P", "-b", "2", "-f", "img", files["two"], "r2p_modes.d"]])
    assert len(pg["t", "rows"]) == 2 * 4 * 3 - 1
    assert [c for c, _ in pg["d", "columns"]] == ["rid", "img"] and len(pg["d", "rows"]) == 3 * 2


def test_out_db(databases, files):
    pg = _compare(databases, "r2p_outdb", [
        ["-R", "-s", "32631", "-t", "20x20", "-C", "-I", "-F", "-l", "2",
         files["one"], files["two"], "r2p_outdb.tiles"],
        ["-R", "-Y", "-t", "auto", files["rgb"], "r2p_outdb.rgb"]])
    out_db = {row[1]: row[13] for row in pg["raster_columns"]}
    assert out_db["tiles"] == [True, True] and out_db["o_2_tiles"] == [False, False]


def test_quoted_identifiers_and_auto_tiles(databases, files):
    pg = _compare(databases, "r2p_Quoted", [
        ["-q", "-t", "auto", "-C", "-I", "-l", "2", files["rgb"], "r2p_Quoted.MixedCase"]])
    assert "MixedCase" in pg["tables"]


def test_plraster_load_sql_loads_into_postgis(databases, files, tmp_path):
    """plraster-load's SQL (INSERT and COPY) through psql into the PostGIS database: the same
    rasters and catalogs as raster2pgsql's, and the same SQL text."""
    args = ["-s", "32631", "-I", "-C", "-M", "-F", "-t", "16x16", "-l", "2,3",
            files["one"], files["two"]]
    url = databases["postgis"]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS r2p_ref CASCADE; CREATE SCHEMA r2p_ref; "
                     "DROP SCHEMA IF EXISTS pl_ins CASCADE; CREATE SCHEMA pl_ins; "
                     "DROP SCHEMA IF EXISTS pl_copy CASCADE; CREATE SCHEMA pl_copy")
    status, r2p_sql, err = run_raster2pgsql(args + ["r2p_ref.t"])
    assert status == 0, err
    psql(url, r2p_sql)
    for schema, extra in (("pl_ins", []), ("pl_copy", ["-Y", "5"])):
        status, sql, err = run_plraster(extra + args + ["%s.t" % schema])
        assert status == 0, err
        psql(url, sql)
        reference, mine = snapshot(url, "r2p_ref"), snapshot(url, schema)
        for key in reference:
            theirs = reference[key]
            if key in ("raster_columns", "raster_overviews", "constraints", "indexes"):
                theirs = [tuple(str(v).replace("r2p_ref", schema) if isinstance(v, str) else v
                                for v in row) for row in theirs]
            assert mine[key] == theirs, (schema, key)
    # INSERT mode writes the very text raster2pgsql writes, up to the table's name
    _, sql, _ = run_plraster(args + ["r2p_ref.t"])
    assert sql == r2p_sql
