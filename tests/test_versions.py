"""PostGIS raster's version functions in plraster: the same answers as PostGIS 3.3 in the same
server (same GDAL, the PostGIS release plraster is installed with), and postgis_full_version()
sees no version mismatch when plraster comes first in the search path. postgis_raster_lib_version
is left out: PostGIS's raster install script refuses to run while one exists in any schema."""


def test_no_postgis_raster_lib_version(sql):
    """postgis_raster could not be installed beside plraster if plraster had one."""
    assert sql.value("SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n "
                     "ON n.oid = p.pronamespace WHERE p.proname = 'postgis_raster_lib_version' "
                     "AND n.nspname = 'plraster'") == 0
import pytest

NAMES = ["postgis_gdal_version", "postgis_raster_lib_build_date", "postgis_raster_scripts_installed"]


@pytest.mark.parametrize("name", NAMES)
def test_version_function_equals_postgis(sql, name):
    ours, theirs = sql.run("SELECT plraster.%s(), public.%s()" % (name, name)).rows[0]
    assert ours == theirs
    assert ours


def test_version_functions_signature_equals_postgis(sql):
    query = """SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel,
                      pg_catalog.pg_get_function_result(p.oid), p.pronargs
               FROM pg_catalog.pg_proc p WHERE p.proname = ANY(%s) AND p.pronamespace = %s::regnamespace
               ORDER BY 1"""
    ours = sql.run(query, (NAMES, "plraster")).rows
    theirs = sql.run(query, (NAMES, "public")).rows
    assert ours == theirs and len(ours) == len(NAMES)


def test_gdal_version_is_the_server_gdal(sql):
    assert sql.value("SELECT plraster.postgis_gdal_version()") == sql.value("SELECT plraster.plraster_gdal_version()")
    assert sql.value("SELECT plraster.postgis_gdal_version()").startswith("GDAL ")


def test_full_version_sees_no_mismatch_with_plraster_first(sql):
    sql.run("SET search_path = plraster, public")
    try:
        full = sql.value("SELECT public.postgis_full_version()")
    finally:
        sql.run("RESET search_path")
    assert "need upgrade" not in full
    assert 'GDAL="%s"' % sql.value("SELECT plraster.postgis_gdal_version()") in full
