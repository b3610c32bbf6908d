"""plraster and postgis_raster in one schema: both orders are refused early with a message
that names the clash and a hint, not PostgreSQL's bare 'type "raster" already exists'; in
different schemas they coexist (the test suite's own setup)."""
import psycopg
import pytest


def _refusal(url, statement):
    with psycopg.connect(url, autocommit=True) as conn:
        with pytest.raises(psycopg.Error) as info:
            conn.execute(statement)
    return info.value


def _extensions(url):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("SELECT extname, extnamespace::regnamespace::text FROM pg_extension "
                            "WHERE extname IN ('postgis', 'postgis_raster', 'plraster') ORDER BY 1").fetchall()


def test_plraster_where_postgis_raster_is(new_database):
    url = new_database("clash_plraster_second", "CREATE EXTENSION postgis", "CREATE EXTENSION postgis_raster")
    err = _refusal(url, "CREATE EXTENSION plraster CASCADE")
    assert err.sqlstate == "42710"  # duplicate_object
    assert err.diag.message_primary == "postgis_raster is installed in schema public"
    assert err.diag.message_detail == ("plraster and postgis_raster both define the type raster and the "
                                       "ST_ functions on it, so they cannot share a schema.")
    assert err.diag.message_hint == ("Create plraster in another schema: CREATE SCHEMA plraster; "
                                     "CREATE EXTENSION plraster SCHEMA plraster CASCADE;")
    assert _extensions(url) == [("postgis", "public"), ("postgis_raster", "public")]  # nothing left behind
    with psycopg.connect(url, autocommit=True) as conn:  # the hint works
        conn.execute("CREATE SCHEMA plraster")
        conn.execute("CREATE EXTENSION plraster SCHEMA plraster CASCADE")
    assert _extensions(url)[0] == ("plraster", "plraster")


@pytest.mark.parametrize("statement", [
    "CREATE EXTENSION postgis_raster",
    "CREATE EXTENSION IF NOT EXISTS postgis_raster WITH SCHEMA public",  # as pg_dump writes it
    'create extension "postgis_raster" cascade',
])
def test_postgis_raster_where_plraster_is(new_database, statement):
    url = new_database("clash_postgis_raster_second", "CREATE EXTENSION postgis", "CREATE EXTENSION plraster CASCADE")
    err = _refusal(url, statement)
    assert err.sqlstate == "42710"
    assert err.diag.message_primary == "plraster is installed in schema public, where postgis_raster would go"
    assert err.diag.message_hint == (
        "To restore a PostGIS dump into plraster, use plraster-migrate, which leaves postgis_raster out. "
        "To have both, create plraster in another schema: DROP EXTENSION plraster; CREATE SCHEMA plraster; "
        "CREATE EXTENSION plraster SCHEMA plraster;")
    assert _extensions(url) == [("plraster", "public"), ("postgis", "public")]


def test_coexistence_in_two_schemas(new_database):
    """plraster in its own schema first, postgis_raster in public after: allowed, and other
    extensions are not disturbed by the check."""
    url = new_database("clash_none", "CREATE EXTENSION postgis", "CREATE SCHEMA plraster",
                       "CREATE EXTENSION plraster SCHEMA plraster CASCADE")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgis_raster")
        conn.execute("CREATE EXTENSION hstore")
        (value,) = conn.execute("SELECT public.st_value(public.st_addband(public.st_makeemptyraster(2, 2, 0, 0, 1), "
                                "'8BUI'::text, 5, 0), 1, 1, 1)").fetchone()
    assert value == 5
    assert _extensions(url) == [("plraster", "plraster"), ("postgis", "public"), ("postgis_raster", "public")]
