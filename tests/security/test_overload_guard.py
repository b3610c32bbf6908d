"""No role with CREATE on plraster's schema can break or capture plraster's calls with
an overload (issue 9, finding 7), tested with plraster in public, as issue 10 wants it.

Before the guard, `CREATE FUNCTION public._plraster_source_rows(x int DEFAULT 0, ...)`
by such a role made every session's out-db reads fail with 42725.
"""
import sys
import os

import psycopg
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "outdb"))
from outdb_records import one_band  # noqa: E402

ROLE = "sqlharden_ov"
OVERLOAD = ("CREATE FUNCTION public._plraster_source_rows(x int DEFAULT 0, OUT prefix text, "
            "OUT options text) RETURNS SETOF record LANGUAGE sql AS $$ SELECT 'a'::text, '{}'::text $$")


@pytest.fixture
def public_db(server):
    """A fresh database with postgis and plraster in public, and a role with CREATE on public."""
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS sqlharden_pub")
        admin.execute("CREATE DATABASE sqlharden_pub")
        admin.execute("DROP ROLE IF EXISTS %s" % ROLE)
        admin.execute("CREATE ROLE %s LOGIN" % ROLE)
    url = server.url(database="sqlharden_pub")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgis")
        conn.execute("GRANT CREATE ON SCHEMA public TO %s" % ROLE)
    yield url
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute("DROP DATABASE sqlharden_pub")
        admin.execute("DROP ROLE %s" % ROLE)


def _as_role(url, statement):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET ROLE %s" % ROLE)
        try:
            conn.execute(statement)
        except psycopg.Error as e:
            return e.diag
    return None


def _install(url):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION plraster CASCADE")


@pytest.mark.parametrize("statement", [
    OVERLOAD,
    "CREATE FUNCTION public.st_value(r public.raster, b int, x int, y int, e boolean DEFAULT true, "
    "z int DEFAULT 0) RETURNS double precision LANGUAGE sql AS 'SELECT 0::float8'",
    "CREATE FUNCTION public.st_width(bytea) RETURNS integer LANGUAGE sql AS 'SELECT 0'",
    "CREATE FUNCTION public.sqlharden_eq(int, int) RETURNS boolean LANGUAGE sql AS 'SELECT true';"
    "CREATE OPERATOR public.= (LEFTARG = int, RIGHTARG = int, FUNCTION = public.sqlharden_eq)",
    "CREATE FUNCTION public.sqlharden_f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
    "ALTER FUNCTION public.sqlharden_f() RENAME TO st_numbands",
    "CREATE FUNCTION public.sqlharden_s(double precision[], public.raster, int, text, int) "
    "RETURNS double precision[] "
    "LANGUAGE sql AS 'SELECT $1'; CREATE AGGREGATE public.st_union(public.raster, int, text, int) "
    "(SFUNC = public.sqlharden_s, STYPE = double precision[])",
])
def test_clashing_names_in_the_schema_are_refused(public_db, statement):
    _install(public_db)
    diag = _as_role(public_db, statement)
    assert diag is not None and diag.sqlstate == "42501", statement
    assert "plraster has objects of that name there" in diag.message_primary
    assert "another schema" in diag.message_hint


def test_other_names_and_other_schemas_are_allowed(public_db):
    _install(public_db)
    assert _as_role(public_db, "CREATE FUNCTION public.sqlharden_mine() RETURNS int "
                               "LANGUAGE sql AS 'SELECT 1'") is None
    with psycopg.connect(public_db, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA sqlharden_other")
        conn.execute("CREATE FUNCTION sqlharden_other.st_width(bytea) RETURNS integer "
                     "LANGUAGE sql AS 'SELECT 0'")
        conn.execute("DROP SCHEMA sqlharden_other CASCADE")
        conn.execute("DROP FUNCTION public.sqlharden_mine()")


def test_install_refuses_a_schema_with_a_clash(public_db):
    """An overload planted before CREATE EXTENSION is refused too."""
    assert _as_role(public_db, OVERLOAD) is None
    with psycopg.connect(public_db, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as info:
            conn.execute("CREATE EXTENSION plraster CASCADE")
        assert "_plraster_source_rows(integer)" in info.value.diag.message_primary
        conn.execute("DROP FUNCTION public._plraster_source_rows(integer)")


def test_outdb_reads_do_not_name_the_source_function(public_db):
    """Even with the guard disabled by a superuser, an overload of _plraster_source_rows
    does not make out-db reads ambiguous: the library reads the sources through a view.
    The read is refused by the allow-list (42501), not broken by the overload (42725)."""
    _install(public_db)
    rast = one_band(2, 2, 0, 0, 1, -1, "/sqlharden/not/allowed.tif", pixtype="8BUI")
    with psycopg.connect(public_db, autocommit=True) as conn:
        conn.execute("ALTER EVENT TRIGGER plraster_schema_guard DISABLE")
        conn.execute(OVERLOAD)
        try:
            with pytest.raises(psycopg.Error) as info:
                conn.execute("SELECT public.st_value('\\x%s'::public.raster, 1, 1, 1)" % rast)
            assert info.value.diag.sqlstate == "42501"
        finally:
            conn.execute("DROP FUNCTION public._plraster_source_rows(integer)")
            conn.execute("ALTER EVENT TRIGGER plraster_schema_guard ENABLE")
