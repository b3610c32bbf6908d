"""raster_columns and raster_overviews against PostGIS's, for twin tables holding the same
rasters, after AddRasterConstraints and after changes made behind the catalogs' back
(DDL, bulk inserts and deletes, renames, indexes, drops); and against what the data says."""
import numpy as np
import psycopg
import pytest

import pgserver
from twins import PG, PL, SIDES, normalise_outcome
from rasters import pack, ramp


def tiles(width, height, tile_w, tile_h, bands=(("8BUI", 0),), scale=(2.0, -2.0),
          ul=(1000.0, 5000.0), srid=32631, outdb=False):
    """Hex tiles of a width x height raster cut in tile_w x tile_h tiles (smaller at the
    right and bottom edges), as ST_Tile and raster2pgsql -t cut them."""
    out = []
    for row0 in range(0, height, tile_h):
        for col0 in range(0, width, tile_w):
            w, h = min(tile_w, width - col0), min(tile_h, height - row0)
            specs = []
            for i, (pixtype, nodata) in enumerate(bands):
                spec = {"pixtype": pixtype, "nodata": nodata}
                if outdb:
                    spec.update(path="/vsicurl/http://127.0.0.1/dem.tif", index=i)
                else:
                    spec["data"] = ramp(pixtype, w, h, seed=row0 * 31 + col0 + i)
                specs.append(spec)
            out.append(pack(w, h, specs, scale=scale, srid=srid,
                            ul=(ul[0] + col0 * scale[0], ul[1] + row0 * scale[1])))
    return out


DATASETS = {
    "grid": tiles(10, 7, 4, 3),
    "multiband": tiles(6, 6, 3, 3, bands=(("16BSI", -9999), ("32BF", None), ("8BUI", 255))),
    "fractional": tiles(9, 5, 3, 5, bands=(("32BF", -3.4028234663852886e38),),
                        scale=(1 / 3600.0, -1 / 3600.0), ul=(2.123456789, 48.987654321), srid=4326),
    "outdb": tiles(8, 8, 4, 4, bands=(("16BUI", 0),), outdb=True),
    "nulls": [None] + tiles(4, 4, 2, 2) + [None],
    "empty": [],
    "mixed_srid": tiles(4, 2, 2, 2) + tiles(2, 2, 2, 2, srid=4326),
    "no_bands": [pack(3, 3, scale=(1.0, -1.0), srid=3857)],
}


def add_constraints(twins, table, args="", schema=True):
    """AddRasterConstraints on both sides; asserts the same result and NOTICEs."""
    target = "'{t}'::name, '%s'::name" % table if schema else "'%s'::name" % table
    pg, pl = twins.both("SELECT {s}.AddRasterConstraints(%s, 'rast'::name%s)" % (target, args))
    assert normalise_outcome(pg) == normalise_outcome(pl), (pg, pl)
    return pl


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_add_raster_constraints_as_postgis(twins, name):
    """Every constraint, NOTICE, result and catalog row as PostGIS gives them."""
    table = twins.create("add_" + name, DATASETS[name])
    before = twins.assert_same_catalog(table)
    assert before[0][1:] == (0, None, None, None, None, False, False, None, None, None, None, None, False)
    add_constraints(twins, table)
    twins.assert_same_catalog(table)


def test_regular_blocking_as_postgis(twins):
    """regular_blocking adds the coverage tile and spatially unique constraints."""
    for name in ("grid", "fractional", "multiband"):
        table = twins.create("rb_" + name, DATASETS[name])
        add_constraints(twins, table, ", VARIADIC ARRAY['regular_blocking', 'srid']")
        row = twins.assert_same_catalog(table)
        assert row[0][7] is True  # regular_blocking
        pg, pl = twins.both("INSERT INTO {t}.%s (rast) SELECT rast FROM {t}.%s LIMIT 1" % (table, table))
        assert pg.sqlstate == pl.sqlstate == "23P01"  # the spatially unique constraint


def test_every_form_and_keyword(twins):
    """Flag forms, variadic forms with and without schema, keyword spellings, unknown ones."""
    table = twins.create("forms", DATASETS["grid"])
    forms = [
        ", srid => true, scale_x => false, scale_y => false, blocksize_x => false, "
        "blocksize_y => false, same_alignment => false, num_bands => false, pixel_types => false, "
        "nodata_values => false, out_db => false, extent => false",
        ", VARIADIC ARRAY['ScaleX', ' scale_y', 'blocksize', 'nonsense', 'numbands']",
        ", 'pixeltypes', 'nodata', 'outdb', 'alignment'",
        ", false, false, false, false, false, false, false, false, false, false, false, false",
    ]
    for args in forms:
        add_constraints(twins, table, args)
        twins.assert_same_catalog(table)
    add_constraints(twins, table, ", 'extent'", schema=False)  # search_path has neither schema
    pg, pl = twins.both_on_path("SELECT {s}.AddRasterConstraints('forms'::name, 'rast'::name, 'extent')")
    assert normalise_outcome(pg) == normalise_outcome(pl), (pg, pl)
    twins.assert_same_catalog(table)
    for args in (", 'srid', 'extent'", ", VARIADIC ARRAY['regular_blocking', 'blocksize_x']",
                 "", ", srid => false"):
        pg, pl = twins.both("SELECT {s}.DropRasterConstraints('{t}', '%s', 'rast'::name%s)" % (table, args))
        assert normalise_outcome(pg) == normalise_outcome(pl), (pg, pl)
        twins.assert_same_catalog(table)


def test_failures_as_postgis(twins):
    """A missing column or schema, an empty list: the same errors, NOTICEs and WARNINGs."""
    table = twins.create("fail", DATASETS["grid"])
    for args in ("'{t}', '%s', 'nosuch'::name, 'srid'" % table,
                 "'nosuch', '%s', 'rast'::name, 'srid'" % table,
                 "'%s', 'rast', VARIADIC '{{}}'::text[]" % table,
                 "'nosuch_table', 'rast', 'srid'"):
        pg, pl = twins.both("SELECT {s}.AddRasterConstraints(%s)" % args)
        assert pg.failed and pl.failed, (args, pg, pl)
        assert [n for n in pg.notices] == [n for n in pl.notices]


def data_says(sql, side, table):
    """What the rows say: distinct SRIDs, scales, widths, heights, band counts."""
    s = SIDES[side]
    return sql.run("SELECT array_agg(DISTINCT {s}.st_srid(rast)), array_agg(DISTINCT {s}.st_scalex(rast)), "
                   "array_agg(DISTINCT {s}.st_width(rast)), array_agg(DISTINCT {s}.st_numbands(rast)) "
                   "FROM {t}.{n} WHERE rast IS NOT NULL".format(s=s, t=side, n=table)).rows[0]


def test_catalog_follows_changes_behind_its_back(twins, sql):
    """DDL, bulk inserts and deletes, renames, indexes and drops, compared with PostGIS's
    raster_columns after each step, and with what the data says."""
    table = twins.create("behind", DATASETS["grid"])
    add_constraints(twins, table)
    row = twins.assert_same_catalog(table)[0]
    srids, scales, widths, nbands = data_says(sql, PL, table)
    assert [row[1]] == srids and [row[2]] == scales and row[4] in widths and [row[8]] == nbands

    steps = [
        # bulk insert of tiles that fit the constraints: nothing to change
        "INSERT INTO {t}.behind (rast) SELECT rast FROM {t}.behind",
        # bulk delete: the catalog still says what the constraints enforce
        "DELETE FROM {t}.behind WHERE rid % 2 = 0",
        "CREATE INDEX behind_gist ON {t}.behind USING gist ({s}.st_convexhull(rast))",
        "ALTER TABLE {t}.behind RENAME COLUMN rast TO tile",
        "ALTER TABLE {t}.behind ADD COLUMN rast {s}.raster",
        "ALTER TABLE {t}.behind ADD CONSTRAINT new_srid CHECK ({s}.st_srid(rast) = 3857)",
        "ALTER TABLE {t}.behind DROP CONSTRAINT enforce_scalex_rast",
        "ALTER TABLE {t}.behind RENAME CONSTRAINT enforce_num_bands_rast TO anything",
        "DROP INDEX {t}.behind_gist",
        "ALTER TABLE {t}.behind RENAME TO behind2",
        "ALTER TABLE {t}.behind2 RENAME TO behind",
        "ALTER TABLE {t}.behind DROP COLUMN rast",
        "ALTER TABLE {t}.behind RENAME COLUMN tile TO rast",
        "ALTER TABLE {t}.behind ALTER COLUMN rid TYPE bigint",
        "TRUNCATE {t}.behind",
    ]
    for step in steps:
        pg, pl = twins.both(step)
        assert not pg.failed and not pl.failed, (step, pg, pl)
        twins.assert_same_catalog(table)
        twins.assert_same_catalog("behind2")

    # inserts that would make the catalog wrong are refused on both sides
    other = tiles(2, 2, 2, 2, srid=4326)[0]
    pg, pl = twins.both("INSERT INTO {t}.behind (rast) VALUES ({s}.st_rastfromhexwkb('%s'))" % other)
    assert pg.sqlstate == pl.sqlstate == "23514"


def test_schema_rename_table_drop_and_views(twins, sql):
    """A renamed schema, a view and a materialized view, CREATE TABLE AS, inheritance, drops."""
    twins.create("moved", DATASETS["multiband"])
    add_constraints(twins, "moved", ", 'srid', 'num_bands'")
    for side in (PG, PL):
        assert not sql.run("CREATE SCHEMA %s_tmp" % side).failed
        assert not sql.run("ALTER TABLE %s.moved SET SCHEMA %s_tmp" % (side, side)).failed
        assert not sql.run("ALTER SCHEMA %s_tmp RENAME TO %s_ren" % (side, side)).failed
    rows = {side: sql.run("SELECT %s FROM %s.raster_columns WHERE r_table_schema = '%s_ren'"
                          % ("r_table_name, srid, num_bands", SIDES[side], side)).rows for side in (PG, PL)}
    assert rows[PG] == rows[PL] == [("moved", 32631, 3)]
    for side in (PG, PL):
        assert not sql.run("DROP SCHEMA %s_ren CASCADE" % side).failed
        assert sql.run("SELECT count(*) FROM %s.raster_columns WHERE r_table_schema = '%s_ren'"
                       % (SIDES[side], side)).rows == [(0,)]

    table = twins.create("base", DATASETS["grid"])
    add_constraints(twins, table, ", 'srid', 'blocksize'")
    extra = ["CREATE VIEW {t}.base_v AS SELECT rid, rast AS r FROM {t}.base",
             "CREATE MATERIALIZED VIEW {t}.base_m AS SELECT rast FROM {t}.base",
             "CREATE TABLE {t}.base_copy AS SELECT * FROM {t}.base",
             "CREATE TABLE {t}.base_child (note text) INHERITS ({t}.base)",
             "ALTER TABLE {t}.base ADD CONSTRAINT enforce_num_bands_rast CHECK ({s}.st_numbands(rast) = 1)"]
    for step in extra:
        pg, pl = twins.both(step)
        assert not pg.failed and not pl.failed, (step, pg, pl)
    twins.tables += ["base_v", "base_m", "base_copy", "base_child"]
    for name in ("base", "base_v", "base_m", "base_copy", "base_child"):
        twins.assert_same_catalog(name) if name in ("base", "base_child", "base_copy") else \
            assert_same_rows(twins, name)
    pg, pl = twins.both("DROP TABLE {t}.base CASCADE")
    assert not pg.failed and not pl.failed
    for name in ("base", "base_v", "base_m", "base_child"):
        assert twins.catalog(PG, name) == twins.catalog(PL, name) == []


def assert_same_rows(twins, name):
    """raster_columns rows agree (for views, which have no constraints of their own)."""
    pg, pl = twins.catalog(PG, name), twins.catalog(PL, name)
    assert pg == pl and pl, (name, pg, pl)


def test_views_have_postgis_columns(sql):
    """Column names, types, collations and order as PostGIS 3.3's views."""
    q = ("SELECT a.attname, format_type(a.atttypid, a.atttypmod), coalesce(c.collname, '') "
         "FROM pg_attribute a LEFT JOIN pg_collation c ON c.oid = a.attcollation "
         "WHERE a.attrelid = %s::regclass AND a.attnum > 0 ORDER BY a.attnum")
    for view in ("raster_columns", "raster_overviews"):
        pg = sql.run(q, ("public." + view,)).rows
        pl = sql.run(q, ("plraster." + view,)).rows
        assert pg == pl and len(pg) in (17, 9)


def test_overviews_as_postgis(twins):
    """AddOverviewConstraints (both forms), raster_overviews, DropOverviewConstraints."""
    twins.create("ovbase", DATASETS["grid"])
    twins.create("o_2_ovbase", tiles(5, 4, 4, 3, scale=(4.0, -4.0)))
    twins.create("o_4_ovbase", tiles(3, 2, 4, 3, scale=(8.0, -8.0)))
    pg, pl = twins.both("SELECT {s}.AddOverviewConstraints('{t}', 'o_2_ovbase', 'rast', "
                        "'{t}', 'ovbase', 'rast', 2)")
    assert normalise_outcome(pg) == normalise_outcome(pl) and pl.rows == [(True,)], pl.notices
    pg, pl = twins.both_on_path("SELECT {s}.AddOverviewConstraints('o_4_ovbase'::name, 'rast'::name, "
                                "'ovbase'::name, 'rast'::name, 4)")
    assert normalise_outcome(pg) == normalise_outcome(pl), (pg, pl)
    for table in ("o_2_ovbase", "o_4_ovbase"):
        assert twins.overviews(PG, table) == twins.overviews(PL, table) != []
        twins.assert_same_catalog(table)
    # GDAL reads them ordered by factor
    out = twins.sql.run("SELECT o_table_name, overview_factor FROM plraster.raster_overviews "
                        "WHERE r_table_schema = 'cov_pl' AND r_table_name = 'ovbase' ORDER BY overview_factor")
    assert out.rows == [("o_2_ovbase", 2), ("o_4_ovbase", 4)]
    # a second time: the constraint exists
    pg, pl = twins.both("SELECT {s}.AddOverviewConstraints('{t}', 'o_2_ovbase', 'rast', "
                        "'{t}', 'ovbase', 'rast', 2)")
    assert normalise_outcome(pg) == normalise_outcome(pl)
    pg, pl = twins.both("SELECT {s}.DropOverviewConstraints('{t}', 'o_2_ovbase', 'rast')")
    assert normalise_outcome(pg) == normalise_outcome(pl)
    assert twins.overviews(PG, "o_2_ovbase") == twins.overviews(PL, "o_2_ovbase") == []
    pg, pl = twins.both("SELECT {s}.DropOverviewConstraints('{t}', 'o_2_ovbase', 'rast')")
    assert normalise_outcome(pg) == normalise_outcome(pl)
    # the overview constraint checks the reference column is in raster_columns
    pg, pl = twins.both("ALTER TABLE {t}.ovbase RENAME COLUMN rast TO moved")
    pg, pl = twins.both("INSERT INTO {t}.o_4_ovbase (rast) SELECT rast FROM {t}.o_4_ovbase LIMIT 1")
    assert pg.sqlstate == pl.sqlstate == "23514"


def test_update_raster_srid_as_postgis(twins):
    """UpdateRasterSRID (both forms): NOTICEs, data and constraints as PostGIS."""
    table = twins.create("resrid", DATASETS["grid"])
    add_constraints(twins, table, ", 'srid', 'extent', 'same_alignment', 'regular_blocking'")
    pg, pl = twins.both("SELECT {s}.UpdateRasterSRID('{t}', 'resrid', 'rast', 3857)")
    assert normalise_outcome(pg) == normalise_outcome(pl), (pg, pl)
    twins.assert_same_catalog(table)
    pg, pl = twins.both_on_path("SELECT {s}.UpdateRasterSRID('resrid'::name, 'rast'::name, -5)")
    assert normalise_outcome(pg) == normalise_outcome(pl), (pg, pl)
    twins.assert_same_catalog(table)
    assert data_says(twins.sql, PL, table)[0] == [0]


def test_privileges(twins, sql):
    """A user sees the columns it may select; table and column grants both count."""
    table = twins.create("secret", DATASETS["grid"])
    sql.run("DROP ROLE IF EXISTS cov_reader")
    sql.run("CREATE ROLE cov_reader")
    try:
        sql.run("GRANT USAGE ON SCHEMA cov_pg, cov_pl, plraster TO cov_reader")
        count = ("SELECT count(*) FROM {s}.raster_columns WHERE r_table_schema = '{t}' "
                 "AND r_table_name = 'secret'")
        sql.run("SET ROLE cov_reader")
        pg, pl = twins.both(count)
        sql.run("RESET ROLE")
        assert pg.rows == pl.rows == [(0,)]
        sql.run("GRANT SELECT ON cov_pg.secret, cov_pl.secret TO cov_reader")
        sql.run("SET ROLE cov_reader")
        pg, pl = twins.both(count)
        sql.run("RESET ROLE")
        assert pg.rows == pl.rows == [(1,)]
        # a grant on the raster column alone: plraster shows it (has_column_privilege),
        # PostGIS does not (it asks for SELECT on the whole table)
        sql.run("REVOKE SELECT ON cov_pg.secret, cov_pl.secret FROM cov_reader")
        sql.run("GRANT SELECT (rast) ON cov_pl.secret TO cov_reader")
        sql.run("SET ROLE cov_reader")
        assert twins.run(PL, count).rows == [(1,)]
        assert sql.run("SELECT count(*) FROM plraster._plraster_raster_columns").failed
        sql.run("RESET ROLE")
    finally:
        sql.run("RESET ROLE")
        sql.run("REVOKE ALL ON cov_pl.secret FROM cov_reader")
        sql.run("REVOKE ALL ON SCHEMA cov_pg, cov_pl, plraster FROM cov_reader")
        sql.run("DROP ROLE cov_reader")


@pytest.fixture(scope="module")
def own_db(server):
    """A database of its own, for what the shared one must not see (dropping the extension)."""
    return pgserver.create_database(server, "coverages_own")


def test_unrelated_ddl_and_drop_extension(own_db):
    """Unrelated DDL runs untouched and leaves no rows; DROP EXTENSION works; temporary
    tables of another session are hidden."""
    with psycopg.connect(own_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE plain (a int, g geometry)")
        conn.execute("CREATE INDEX ON plain USING gist (g)")
        conn.execute("ALTER TABLE plain RENAME TO plain2")
        conn.execute("CREATE VIEW pv AS SELECT * FROM plain2")
        conn.execute("CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1")
        conn.execute("DROP VIEW pv")
        conn.execute("DROP TABLE plain2")
        conn.execute("CREATE SCHEMA s1")
        conn.execute("ALTER SCHEMA s1 RENAME TO s2")
        conn.execute("DROP SCHEMA s2")
        assert conn.execute("SELECT count(*) FROM plraster._plraster_raster_columns").fetchone() == (0,)
        conn.execute("CREATE TEMP TABLE mine (rast plraster.raster)")
        with psycopg.connect(own_db, autocommit=True) as other:
            assert other.execute("SELECT count(*) FROM plraster.raster_columns "
                                 "WHERE r_table_name = 'mine'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM plraster.raster_columns "
                            "WHERE r_table_name = 'mine'").fetchone() == (1,)
        conn.execute("DROP TABLE mine")
        conn.execute("CREATE TABLE keep (rast plraster.raster)")
        assert conn.execute("SELECT plraster.plraster_refresh_catalogs()").fetchone() == (1,)
        conn.execute("DROP EXTENSION plraster CASCADE")
        conn.execute("CREATE TABLE after_drop (a int)")
        conn.execute("CREATE EXTENSION plraster SCHEMA plraster")
        conn.execute("CREATE TABLE back (rast plraster.raster)")
        assert conn.execute("SELECT r_table_name FROM plraster.raster_columns").fetchall() == [("back",)]
