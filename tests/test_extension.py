"""Packaging: any schema, coexistence with PostGIS's postgis_raster, clean drop, and
upgraded installs equal to fresh ones."""
import glob
import os
import re

import psycopg
import pytest

import rasters

HERE = os.path.dirname(os.path.abspath(__file__))
EXTENSION_DIR = os.path.join(os.path.dirname(HERE), "extension")


def _default_version():
    with open(os.path.join(EXTENSION_DIR, "plraster.control")) as f:
        return re.search(r"default_version\s*=\s*'([^']+)'", f.read()).group(1)


def _frozen_versions():
    """Released versions older than the default whose install scripts are committed."""
    versions = []
    for path in glob.glob(os.path.join(EXTENSION_DIR, "plraster--*.sql")):
        name = os.path.basename(path)[len("plraster--"):-len(".sql")]
        if "--" not in name and name != _default_version():
            versions.append(name)
    return sorted(versions)


@pytest.fixture
def scratch_db(server):
    """A fresh database, dropped after the test."""
    admin = psycopg.connect(server.url(), autocommit=True)
    admin.execute("DROP DATABASE IF EXISTS scratch")
    admin.execute("CREATE DATABASE scratch")
    conn = psycopg.connect(server.url(database="scratch"), autocommit=True)
    yield conn
    conn.close()
    admin.execute("DROP DATABASE scratch")
    admin.close()


def extension_dump(conn, schema):
    """Every object of the extension and every function definition, schema-neutral."""
    rows = conn.execute("""
        SELECT pg_describe_object(classid, objid, 0) FROM pg_depend
        WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
          AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'plraster')
        ORDER BY 1""").fetchall()
    defs = conn.execute("""
        SELECT pg_get_functiondef(p.oid) FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %s AND p.prokind = 'f'
        ORDER BY p.oid::regprocedure::text""", (schema,)).fetchall()
    # The types' I/O and storage: CREATE OR REPLACE of an I/O function keeps the type on it,
    # but a type made again on other functions would show here.
    types = conn.execute("""
        SELECT concat_ws(' ', t.typname, t.typinput::regprocedure, t.typoutput::regprocedure,
                         t.typreceive::regprocedure, t.typsend::regprocedure, t.typlen,
                         t.typstorage, t.typalign, t.typcategory)
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = %s AND t.typtype = 'b' ORDER BY t.typname""", (schema,)).fetchall()
    text = "\n".join(r[0] for r in rows + defs + types)
    return text.replace('"%s".' % schema, "@extschema@.").replace(schema + ".", "@extschema@.")


def test_any_schema_and_clean_drop(scratch_db):
    conn = scratch_db
    conn.execute("CREATE EXTENSION postgis")  # in public, not in plraster's schema
    conn.execute('CREATE SCHEMA "Raster Stuff"')
    conn.execute('CREATE EXTENSION plraster SCHEMA "Raster Stuff" CASCADE')
    conn.execute("SET search_path = pg_catalog")  # nothing of ours or PostGIS's on the path
    hexwkb = conn.execute(
        """SELECT "Raster Stuff".st_ashexwkb("Raster Stuff".st_rastfromhexwkb(%s))""",
        ("0100000000000000000000F03F000000000000F0BF0000000000000000000000000000000000000000"
         "0000000000000000000000000000000002000200",)).fetchone()[0]
    assert hexwkb.endswith("02000200")
    conn.execute("DROP EXTENSION plraster")
    left = conn.execute("""SELECT count(*) FROM pg_proc p JOIN pg_namespace n
                           ON n.oid = p.pronamespace WHERE nspname = 'Raster Stuff'""")
    assert left.fetchone()[0] == 0


def test_coexists_with_postgis_raster(scratch_db):
    conn = scratch_db
    conn.execute("CREATE EXTENSION postgis_raster CASCADE")  # public.raster
    conn.execute("CREATE SCHEMA plr")
    conn.execute("CREATE EXTENSION plraster SCHEMA plr CASCADE")  # plr.raster
    hexwkb = rasters.pack(2, 1, [{"pixtype": "8BUI", "data": [[1, 2]], "nodata": 0}])
    conn.execute("CREATE TABLE both_kinds (pg public.raster, pl plr.raster)")
    conn.execute("INSERT INTO both_kinds VALUES (%s::public.raster, plr.st_rastfromhexwkb(%s))",
                 (hexwkb, hexwkb))
    # The search path decides which ST_Width an unqualified call finds; both agree.
    conn.execute("SET search_path = plr, public")
    assert conn.execute("SELECT st_width(pl), public.st_width(pg), st_ashexwkb(pl) = "
                        "public.st_ashexwkb(pg) FROM both_kinds").fetchone() == (2, 2, True)
    conn.execute("SET search_path = public, plr")
    assert conn.execute("SELECT st_width(pg), plr.st_width(pl) FROM both_kinds").fetchone() \
        == (2, 2)
    conn.execute("DROP TABLE both_kinds")


def test_fresh_install_is_the_same_in_any_schema(scratch_db):
    conn = scratch_db
    # Schema names that occur nowhere else in the definitions, so replacing them is exact.
    conn.execute("CREATE EXTENSION postgis; CREATE SCHEMA plr_first; CREATE SCHEMA plr_second")
    conn.execute("CREATE EXTENSION plraster SCHEMA plr_first CASCADE")
    dump_a = extension_dump(conn, "plr_first")
    conn.execute("DROP EXTENSION plraster")
    conn.execute("CREATE EXTENSION plraster SCHEMA plr_second CASCADE")
    assert extension_dump(conn, "plr_second") == dump_a
    assert dump_a.count("function") > 5


@pytest.mark.parametrize("old_version", _frozen_versions())
def test_upgraded_install_equals_fresh_install(scratch_db, old_version):
    conn = scratch_db
    conn.execute("CREATE EXTENSION postgis; CREATE SCHEMA plr_upgraded")
    conn.execute("CREATE EXTENSION plraster SCHEMA plr_upgraded VERSION %s CASCADE"
                 % psycopg.sql.quote(old_version))
    conn.execute("ALTER EXTENSION plraster UPDATE")
    upgraded = extension_dump(conn, "plr_upgraded")
    conn.execute("DROP EXTENSION plraster")
    conn.execute("CREATE EXTENSION plraster SCHEMA plr_upgraded CASCADE")
    assert upgraded == extension_dump(conn, "plr_upgraded")
