"""The two databases the client tests compare hold the same coverages: every load statement
ran, the tables hold the same rasters, and the catalogs the clients read agree."""
import psycopg
import pytest

import coverages
import querylog

TABLES = [c.table for c in coverages.COVERAGES] + [
    f"o_{f}_{c.table}" for c in coverages.COVERAGES for f in c.overviews]

RASTER_COLUMNS = ("r_table_catalog, r_table_schema, r_table_name, r_raster_column, srid, scale_x, "
                  "scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, "
                  "pixel_types, nodata_values, out_db, ST_AsText(extent), spatial_index")
RASTER_OVERVIEWS = ("o_table_catalog, o_table_schema, o_table_name, o_raster_column, r_table_catalog, "
                    "r_table_schema, r_table_name, r_raster_column, overview_factor")


def _rows(db, sql, params=None):
    with psycopg.connect(db.url, autocommit=True) as conn:
        try:
            return conn.execute(sql, params).fetchall()
        except psycopg.Error as exc:
            return f"ERROR {exc.sqlstate}: {str(exc).strip()}"


@pytest.mark.parametrize("kind", ["postgis", "plraster"])
def test_every_load_statement_ran(databases, kind):
    """raster2pgsql's SQL (rewritten for plraster, or the loader's) ran without an error."""
    failures = databases[kind].load_failures
    assert not failures, "\n".join(f"ERROR {err}\n  SQL: {querylog.shorten(stmt)}" for stmt, err in failures)


@pytest.mark.parametrize("table", TABLES)
def test_same_rasters(databases, table):
    """Each table holds byte-identical rasters in both databases."""
    sql = f"SELECT encode(rast::bytea, 'hex') FROM public.{table} ORDER BY 1"
    pg, pl = (_rows(databases[k], sql) for k in ("postgis", "plraster"))
    assert isinstance(pg, list) and pg, pg
    assert pl == pg


def _catalog_rows(db, columns, catalog, name_column):
    sql = (f"SELECT {columns} FROM {catalog} WHERE {name_column} = ANY(%s) "
           f"ORDER BY {name_column}")
    return _rows(db, sql, (TABLES,))


def _normalised(rows, db):
    return rows if not isinstance(rows, list) else [
        tuple("<db>" if v == db.name else v for v in r) for r in rows]


def test_raster_columns(databases):
    """raster_columns describes every table as PostGIS's does (catalog name aside)."""
    got = {k: _normalised(_catalog_rows(databases[k], RASTER_COLUMNS, "raster_columns", "r_table_name"),
                          databases[k]) for k in databases}
    assert isinstance(got["postgis"], list) and len(got["postgis"]) == len(TABLES), got["postgis"]
    assert got["plraster"] == got["postgis"]


def test_raster_overviews(databases):
    """raster_overviews lists the -l overview tables as PostGIS's does."""
    got = {k: _normalised(_catalog_rows(databases[k], RASTER_OVERVIEWS, "raster_overviews", "o_table_name"),
                          databases[k]) for k in databases}
    assert isinstance(got["postgis"], list) and got["postgis"], got["postgis"]
    assert got["plraster"] == got["postgis"]
