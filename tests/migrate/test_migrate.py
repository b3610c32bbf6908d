"""plraster-migrate end to end: a PostGIS raster database built by raster2pgsql, dumped by
pg_dump (plain, custom, directory), restored into a fresh database by plraster-migrate.

The PostGIS database is the oracle: the migrated one has the same tables, byte-identical
rasters, the same raster_columns and raster_overviews rows, constraints and indexes, no
postgis_raster, out-db bands reading PostGIS's values once the sources the tool names are
open, and constraints that accept and refuse new tiles as PostGIS's do. The way back
(plraster's dump into PostGIS raster, --to postgis) is checked against the same oracle.
"""
import os
import re
import subprocess

import psycopg
import pytest

from servers.process import find_program

PG_BIN = "/usr/lib/postgresql/15/bin"
RASTER_TABLES = ["dem", "o_2_dem", "rgb", "dem_outdb_local", "dem_outdb_http", "marks"]
KEY = {"marks": "id"}
README_SETUP = ("CREATE EXTENSION postgis",)

USER_RELATIONS = """
SELECT c.relname, c.relkind FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S')
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                  AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1"""
CATALOGS = [
    "SELECT to_jsonb(c) - 'r_table_catalog' FROM raster_columns c ORDER BY r_table_name, r_raster_column",
    "SELECT to_jsonb(o) - 'o_table_catalog' - 'r_table_catalog' FROM raster_overviews o ORDER BY o_table_name",
]
NOT_EXTENSION = ("NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                 "AND d.objid = {} AND d.deptype = 'e')")
CONSTRAINTS = f"""
SELECT conrelid::regclass::text, conname, contype, convalidated FROM pg_constraint
WHERE connamespace = 'public'::regnamespace AND conrelid <> 0 AND {NOT_EXTENSION.format('conrelid')}
ORDER BY 1, 2"""
INDEXES = f"""
SELECT tablename, indexname, indexdef FROM pg_indexes
WHERE schemaname = 'public' AND {NOT_EXTENSION.format("format('%I.%I', schemaname, tablename)::regclass")}
ORDER BY 1, 2"""


def rows(url, query, *params):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(query, params or None).fetchall()


def run(args):
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


def migrate(*args):
    return subprocess.run(["plraster-migrate", *args], capture_output=True, text=True)


def dump(url, path, form):
    flag = {"plain": "-Fp", "custom": "-Fc", "directory": "-Fd"}[form]
    run([find_program("pg_dump", PG_BIN), flag, "-f", str(path), url])
    return str(path)


def raster_rows(url, table):
    key = KEY.get(table, "rid")
    return rows(url, f"SELECT {key}, encode(ST_AsBinary(rast), 'hex'), rast::text FROM {table} ORDER BY {key}")


def assert_same_database(oracle, url):
    assert rows(url, USER_RELATIONS) == rows(oracle, USER_RELATIONS)
    for table in RASTER_TABLES:
        expected = raster_rows(oracle, table)
        assert expected, table  # not vacuous
        assert raster_rows(url, table) == expected, table
    for query in CATALOGS:
        expected = rows(oracle, query)
        assert expected, query
        assert rows(url, query) == expected, query
    assert rows(url, CONSTRAINTS) == rows(oracle, CONSTRAINTS)
    assert rows(url, INDEXES) == rows(oracle, INDEXES)
    assert rows(url, "SELECT * FROM dem_cells ORDER BY rid") == rows(oracle, "SELECT * FROM dem_cells ORDER BY rid")


_DOMAIN_LITERAL = re.compile(r"\('([0-9A-F]*)'::plraster_wkb\)::raster")


def constraint_definitions(url):
    """CHECK definitions as PostgreSQL deparses them. A raster literal reads back as
    ('<hex>'::plraster_wkb)::raster on plraster, where raster is a domain over that type
    (the same value; PostGIS's raster is a base type): written back in PostGIS's spelling."""
    defs = rows(url, "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                     "WHERE connamespace = 'public'::regnamespace AND contype = 'c' AND conrelid <> 0 "
                     f"AND {NOT_EXTENSION.format('conrelid')} ORDER BY 1, 2")
    return [(t, c, _DOMAIN_LITERAL.sub(r"'\1'::raster", d)) for t, c, d in defs]


def insert_outcomes(url):
    """What the restored constraints say to new tiles: one that fits, one shifted off the
    grid, one with another pixel type; (table, sqlstate or 'ok', constraint), rolled back
    (keys given, so no sequence moves)."""
    cases = [
        ("dem", "ST_SetValue(rast, 1, 1, 1, 7)"),
        ("dem", "ST_SetUpperLeft(rast, ST_UpperLeftX(rast) + 0.003, ST_UpperLeftY(rast))"),
        ("dem", "ST_AddBand(ST_MakeEmptyRaster(rast), '8BUI'::text)"),
        ("o_2_dem", "ST_SetValue(rast, 1, 2, 2, 5)"),
        ("rgb", "ST_SetUpperLeft(rast, ST_UpperLeftX(rast), ST_UpperLeftY(rast) + 0.005)"),
    ]
    out = []
    with psycopg.connect(url) as conn:
        for table, expr in cases:
            try:
                with conn.transaction(force_rollback=True):
                    conn.execute(f"INSERT INTO {table} (rid, rast) SELECT 100000, {expr} FROM {table} "
                                 "ORDER BY rid LIMIT 1")
                out.append((table, "ok", None))
            except psycopg.Error as exc:
                out.append((table, exc.sqlstate, exc.diag.constraint_name))
        key = 10
        for expr in ("rast", "ST_SetUpperLeft(rast, ST_UpperLeftX(rast) + 0.0025, ST_UpperLeftY(rast))"):
            try:
                with conn.transaction(force_rollback=True):
                    conn.execute(f"INSERT INTO marks SELECT {key}, {expr} FROM marks WHERE id = 1")
                out.append(("marks", "ok", None))
            except psycopg.Error as exc:
                out.append(("marks", exc.sqlstate, exc.diag.constraint_name))
    return out


OUTDB_VALUES = {
    "dem_outdb_local": "SELECT rid, ST_Value(rast, 1, 3, 3), ST_Value(rast, 1, 60, 40), "
                       "encode(ST_AsBinary(rast, true), 'hex') FROM dem_outdb_local "
                       "WHERE rid IN (1, 4, 7, 12) ORDER BY rid",
    "dem_outdb_http": "SELECT rid, filename, ST_Value(rast, 1, 10, 10), ST_Value(rast, 1, 99, 99), "
                      "encode(ST_AsBinary(rast, true), 'hex') FROM dem_outdb_http ORDER BY rid",
}


@pytest.mark.parametrize("form", ["plain", "custom", "directory"])
def test_postgis_dump_into_plraster(postgis_db, postgis_restored, new_database, cog_dir, cog_http, tmp_path,
                                    form):
    path = dump(postgis_db, tmp_path / f"postgis.{form}", form)
    target = new_database(f"migrate_into_{form}")
    done = migrate(path, target)
    assert done.returncode == 0, done.stderr
    assert "ERROR" not in done.stderr, done.stderr
    assert f"{form} dump: postgis_raster in schema public becomes plraster" in done.stdout
    assert "restored: 6 raster columns, 1 overviews" in done.stdout
    # plraster in public, postgis_raster not brought back
    assert rows(target, "SELECT extname, extnamespace::regnamespace::text FROM pg_extension "
                        "WHERE extname IN ('plraster', 'postgis', 'postgis_raster') ORDER BY 1") == \
        [("plraster", "public"), ("postgis", "public")]
    assert_same_database(postgis_db, target)
    assert constraint_definitions(target) == constraint_definitions(postgis_restored)
    assert insert_outcomes(target) == insert_outcomes(postgis_db)
    # the out-db rows: closed until a superuser opens what the tool printed
    local, http = str(cog_dir) + "/", cog_http.base_url + "/"
    printed = re.findall(r"^  (SELECT plraster_add_source\('[^']*'\);)$", done.stdout, re.M)
    assert printed == sorted([f"SELECT plraster_add_source('{local}');",
                              f"SELECT plraster_add_source('{http}');"]), done.stdout
    with psycopg.connect(target, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(OUTDB_VALUES["dem_outdb_local"])
        for statement in printed:
            conn.execute(statement)
    for query in OUTDB_VALUES.values():
        expected = rows(postgis_db, query)
        assert expected, query
        assert rows(target, query) == expected, query
    # the index answers the spatial query
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT rid FROM dem WHERE rast && ST_MakeEnvelope(11, 49, 11.2, 49.2, 4326)"))
    assert "dem_st_convexhull_idx" in plan, plan


def test_open_sources_flag(postgis_db, new_database, cog_dir, cog_http, tmp_path):
    """--open-sources opens the local and http prefixes (the tests run as a superuser)."""
    path = dump(postgis_db, tmp_path / "postgis.dump", "custom")
    target = new_database("migrate_open_sources")
    done = migrate("--open-sources", "-j", "2", path, target)
    assert done.returncode == 0, done.stderr
    local, http = str(cog_dir) + "/", cog_http.base_url + "/"
    assert sorted(re.findall(r"^  opened: (\S+)$", done.stdout, re.M)) == sorted([local, http])
    assert rows(target, "SELECT prefix FROM plraster_sources ORDER BY 1") == sorted([(local,), (http,)])
    for query in OUTDB_VALUES.values():
        assert rows(target, query) == rows(postgis_db, query), query
    # a second run over a database with the sources open: nothing more to open
    again = new_database("migrate_open_sources_2", "CREATE EXTENSION postgis",
                         "CREATE EXTENSION plraster CASCADE", f"SELECT plraster_add_source('{local}')")
    done = migrate(path, again)
    assert done.returncode == 0, done.stderr
    assert f"  open already: {local}" in done.stdout
    assert re.findall(r"SELECT plraster_add_source\('([^']*)'\);", done.stdout) == [http]


def test_plraster_dump_back_into_postgis(postgis_db, new_database, tmp_path):
    """--to postgis: a migrated database's dump restores into PostGIS raster, byte-identical
    to the original, plraster's source list left out."""
    first = new_database("migrate_there", *README_SETUP, "CREATE EXTENSION plraster CASCADE")
    done = migrate(dump(postgis_db, tmp_path / "postgis.sql", "plain"), first)
    assert done.returncode == 0, done.stderr
    rows(first, "SELECT plraster_add_source(%s)", str(tmp_path) + "/")  # config data the way back leaves out
    for form in ("plain", "custom"):
        back = new_database(f"migrate_back_{form}")
        done = migrate("--to", "postgis", dump(first, tmp_path / f"plraster.{form}", form), back)
        assert done.returncode == 0, done.stderr
        assert f"{form} dump: plraster in schema public becomes postgis_raster" in done.stdout
        assert "ALTER DATABASE <db> SET postgis.enable_outdb_rasters = true;" in done.stdout
        assert rows(back, "SELECT extname FROM pg_extension WHERE extname LIKE '%raster%' ORDER BY 1") == \
            [("postgis_raster",)]
        assert_same_database(postgis_db, back)


def test_refusals(postgis_db, new_database, tmp_path):
    """A dump without postgis_raster, a target with postgis_raster, a target with plraster
    elsewhere: refused before anything is restored, with the reason."""
    bare = new_database("migrate_bare", "CREATE EXTENSION postgis", "CREATE TABLE t (i int)")
    done = migrate(dump(bare, tmp_path / "bare.sql", "plain"), new_database("migrate_refused_1"))
    assert done.returncode == 1
    assert done.stderr.startswith("ERROR: the dump creates no extension postgis_raster\n"), done.stderr
    path = dump(postgis_db, tmp_path / "postgis.dump", "custom")
    has_postgis_raster = new_database("migrate_refused_2", "CREATE EXTENSION postgis_raster CASCADE")
    done = migrate(path, has_postgis_raster)
    assert done.returncode == 1
    assert done.stderr.startswith("ERROR: the target database has postgis_raster in schema public\n"), done.stderr
    elsewhere = new_database("migrate_refused_3", "CREATE EXTENSION postgis", "CREATE SCHEMA p",
                             "CREATE EXTENSION plraster SCHEMA p CASCADE")
    done = migrate(path, elsewhere)
    assert done.returncode == 1
    assert "plraster in schema p, and the dump's rasters are in schema public" in done.stderr
    for url in (has_postgis_raster, elsewhere):  # nothing restored
        assert rows(url, "SELECT count(*) FROM pg_class WHERE relname = 'dem'") == [(0,)]


# The README's manual recipes (without plraster-migrate), as a user types them.
MANUAL = {
    "custom": """
psql -X -q -v ON_ERROR_STOP=1 -d "$TARGET" -c 'CREATE EXTENSION postgis' -c 'CREATE EXTENSION plraster CASCADE'
pg_restore -l "$DUMP" | grep -v -E ' (EXTENSION|COMMENT) - (EXTENSION )?postgis_raster ' > "$LIST"
pg_restore --exit-on-error -L "$LIST" -d "$TARGET" "$DUMP"
psql -X -q -v ON_ERROR_STOP=1 -d "$TARGET" -c 'SELECT plraster_refresh_catalogs()'
""",
    "plain": """
psql -X -q -v ON_ERROR_STOP=1 -d "$TARGET" -c 'CREATE EXTENSION postgis' -c 'CREATE EXTENSION plraster CASCADE'
grep -v -E '^(CREATE EXTENSION IF NOT EXISTS|COMMENT ON EXTENSION) postgis_raster ' "$DUMP" |
  psql -X -q -v ON_ERROR_STOP=1 -d "$TARGET"
psql -X -q -v ON_ERROR_STOP=1 -d "$TARGET" -c 'SELECT plraster_refresh_catalogs()'
""",
}


@pytest.mark.parametrize("form", ["plain", "custom"])
def test_manual_recipe(postgis_db, new_database, tmp_path, form):
    path = dump(postgis_db, tmp_path / f"postgis.{form}", form)
    target = new_database(f"migrate_manual_{form}")
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", MANUAL[form]], capture_output=True, text=True,
                          env=dict(os.environ, DUMP=path, TARGET=target, LIST=str(tmp_path / "list")))
    assert done.returncode == 0, done.stderr
    assert "ERROR" not in done.stderr, done.stderr
    assert_same_database(postgis_db, target)
