"""plraster_register_cog: out-db records of a COG's blocks and overviews, registered by the
server from the COG's header alone.

The records are byte-identical to raster2pgsql -R -k -t <block size> on the same path;
their pixels, read back by plraster, are GDAL's (full resolution and overviews); a COG of
10,000 blocks costs a handful of requests on nginx, Swift and S3; a second call adds
nothing; the allow-list applies.
"""
import os

import numpy
import pytest

import conformance
from plraster.core import wkb
from register_fixtures import (BIG_SIZE, BLOCK, BUSY_BLOCKS, gdal_window, log_requests,  # noqa: F401
                               raster2pgsql, reg, reg_dir, reg_nginx, reg_s3, reg_swift, rsql,
                               wait_for_log)

OVERVIEW_TILES = {2: 2500, 4: 625, 8: 169, 16: 49, 32: 16, 64: 4, 128: 1}
# The test of AddRasterConstraints / AddOverviewConstraints and the catalogs runs once
# sql/80-catalogs.sql provides them, and skips with this reason until then.
CATALOGS_PENDING = "AddRasterConstraints/AddOverviewConstraints are not installed yet (sql/80-catalogs.sql)"


def register(rsql, url, table, args=""):
    """Run plraster_register_cog; returns the Outcome."""
    return rsql.run("SELECT plraster.plraster_register_cog(%%s, %%s%s)" % ((", " + args) if args else ""),
                    (url, table))


def count(rsql, table):
    return rsql.value('SELECT count(*) FROM public."%s"' % table)


def tile_pixels(rsql, table, rid, band=1):
    """A record's pixels as plraster reads them (ST_AsBinary(rast, true)), and its NOTICEs."""
    out = rsql.run('SELECT plraster.st_asbinary(rast, true) FROM public."%s" WHERE rid = %%s' % table, (rid,))
    assert not out.failed, out
    raster = wkb.parse_raster(bytes(out.rows[0][0]))
    return raster.bands[band - 1].data, out.notices


def has_function(rsql, name):
    return rsql.value("SELECT count(*) > 0 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                      "WHERE n.nspname = 'plraster' AND p.proname = %s", (name,))


@pytest.mark.parametrize("name, args, r2p", [
    ("int16x2.tif", "tile => 'auto'", ["-t", "256x256"]),
    ("int16x2.tif", "tile => '100x70', bands => '{2}'", ["-t", "100x70", "-b", "2"]),
    ("int16x2.tif", "bands => '{2,1,2}'", ["-t", "256x256", "-b", "2,1,2"]),
    ("float.tif", "srid => 3857", ["-t", "128x128", "-s", "3857"]),
    ("plain.tif", "tile => NULL", []),
    ("plain.tif", "tile => 'auto'", ["-t", "auto"]),
])
def test_records_are_raster2pgsqls(rsql, reg, reg_dir, name, args, r2p):
    reg.source(str(reg_dir) + "/")
    path = str(reg_dir / name)
    table = reg.table()
    out = register(rsql, path, table, args + ", overviews => false")
    assert not out.failed, out
    expected = raster2pgsql(["-R", "-k", "-F"] + r2p + [path, "public.x"])
    rows = rsql.run('SELECT rast::bytea, filename FROM public."%s" ORDER BY rid' % table).rows
    assert out.rows[0][0] == len(expected) == len(rows)
    assert [(bytes(r), f) for r, f in rows] == expected
    columns = rsql.run("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                       "WHERE attrelid = %s::regclass AND attnum > 0 ORDER BY attnum", ('public."%s"' % table,)).rows
    assert columns == [("rid", "integer"), ("rast", "plraster.raster"), ("filename", "text")]


def test_big_cog_on_nginx(rsql, reg, reg_dir, reg_nginx):
    reg.source(reg_nginx.base_url + "/")
    url = "/vsicurl/" + reg_nginx.url("big.tif")
    table = reg.table("dem")
    before = log_requests(reg_nginx.access_log)
    out = register(rsql, url, table, "tile => 'auto', overviews => true")
    io = reg.io()
    wait_for_log()
    logged = log_requests(reg_nginx.access_log) - before
    assert not out.failed, out
    assert out.rows[0][0] == 10000 and count(rsql, table) == 10000
    # the header only: a 16 KiB prefix and the tile offset arrays, not one request per tile
    assert logged == io["requests"] and logged <= 3, (logged, io)
    assert [n for n in out.notices if "of 10000 tiles" in n] == [
        'plraster_register_cog: %d of 10000 tiles of "%s" registered in table "public.%s"'
        % (n, reg_nginx.url("big.tif"), table) for n in (4096, 8192, 10000)]
    for factor, n in OVERVIEW_TILES.items():
        assert count(rsql, "o_%d_%s" % (factor, table)) == n
    assert rsql.value('SELECT min(plraster.st_bandpath(rast)) || max(plraster.st_bandpath(rast)) FROM public."o_8_%s"'
                      % table) == ("GTIFF_DIR:4:" + url) * 2
    assert rsql.value('SELECT count(DISTINCT filename) || min(filename) FROM public."%s"' % table) == "1big.tif"
    path = reg_dir / "big.tif"

    # full resolution: whole tiles and single pixels, as GDAL reads them
    for col, row in BUSY_BLOCKS[:4] + ((3, 4),):
        pixels, notices = tile_pixels(rsql, table, row * 100 + col + 1)
        assert notices == []
        numpy.testing.assert_array_equal(pixels, gdal_window(path, col * BLOCK, row * BLOCK, BLOCK, BLOCK))
    for x, y in ((0, 0), (57 * 256 + 13, 33 * 256 + 200), (BIG_SIZE - 1, BIG_SIZE - 1), (777, 23456)):
        value = rsql.value('SELECT plraster.st_value(rast, 1, %s, %s) FROM public."%s" WHERE rid = %s'
                           % (x % BLOCK + 1, y % BLOCK + 1, table, (y // BLOCK) * 100 + x // BLOCK + 1))
        assert value == gdal_window(path, x, y, 1, 1)[0, 0]

    # overviews: the tile over block (57, 33), and the single tile of the last overview
    for index, factor in enumerate(OVERVIEW_TILES):
        size = BIG_SIZE // factor
        across = -(-size // BLOCK)
        col, row = (57 * BLOCK // factor) // BLOCK, (33 * BLOCK // factor) // BLOCK
        pixels, notices = tile_pixels(rsql, "o_%d_%s" % (factor, table), row * across + col + 1)
        w, h = min(BLOCK, size - col * BLOCK), min(BLOCK, size - row * BLOCK)
        assert notices == [] and pixels.shape == (h, w)
        numpy.testing.assert_array_equal(pixels, gdal_window(path, col * BLOCK, row * BLOCK, w, h, overview=index))
    # the overview records lie where GDAL puts the overview pixels
    assert rsql.value('SELECT plraster.st_scalex(rast) || \' \' || plraster.st_upperleftx(rast) '
                      'FROM public."o_2_%s" WHERE rid = 2' % table) == "20 305120"

    # the spatial index raster2pgsql -I makes, on every table
    indexed = rsql.value("SELECT count(*) FROM pg_indexes WHERE tablename ~ ('^(o_[0-9]+_)?' || %s || '$') "
                         "AND indexdef ~ 'USING gist \\(plraster\\.st_convexhull\\(rast\\)\\)'", (table,))
    assert indexed == 8

    # idempotent: nothing is added the second time
    again = register(rsql, url, table)
    assert not again.failed and again.rows[0][0] == 0
    assert again.notices == ['plraster_register_cog: "%s" is already registered in table "public.%s", skipping'
                             % (reg_nginx.url("big.tif"), table)]
    assert count(rsql, table) == 10000 and count(rsql, "o_2_" + table) == 2500

    # appending the neighbour to the east: its tiles and overview tiles follow
    east = "/vsicurl/" + reg_nginx.url("east.tif")
    out = register(rsql, east, table)
    assert not out.failed and out.rows[0][0] == 16, out
    assert [count(rsql, t % table) for t in ("%s", "o_2_%s", "o_4_%s", "o_8_%s")] == [10016, 2504, 626, 169]
    pixels, notices = tile_pixels(rsql, table, 10001 + 2 * 4 + 1)
    assert notices == []
    numpy.testing.assert_array_equal(pixels, gdal_window(reg_dir / "east.tif", BLOCK, 2 * BLOCK, BLOCK, BLOCK))
    assert rsql.value('SELECT plraster.st_upperleftx(rast) FROM public."%s" WHERE rid = 10001' % table) == 556000


@pytest.mark.parametrize("store", ["swift", "s3"])
def test_big_cog_on_object_stores(rsql, reg, reg_dir, request, store):
    server = request.getfixturevalue("reg_" + store)
    prefix, url = {"swift": ("swift://rasters/", "swift://rasters/big.tif"),
                   "s3": ("s3://rasters/", "/vsis3/rasters/big.tif")}[store]
    reg.source(prefix, server.options())
    table = reg.table(store)
    out = register(rsql, url, table)
    io = reg.io()
    assert not out.failed, out
    assert out.rows[0][0] == 10000 and count(rsql, "o_128_" + table) == 1
    assert io["requests"] <= 4, io  # (Swift: one more for the token)
    pixels, notices = tile_pixels(rsql, table, 33 * 100 + 57 + 1)
    assert notices == []
    numpy.testing.assert_array_equal(pixels, gdal_window(reg_dir / "big.tif", 57 * BLOCK, 33 * BLOCK, BLOCK, BLOCK))
    pixels, _ = tile_pixels(rsql, "o_128_" + table, 1)
    numpy.testing.assert_array_equal(pixels, gdal_window(reg_dir / "big.tif", 0, 0, 200, 200, overview=6))
    assert rsql.value('SELECT plraster.st_bandpath(rast) FROM public."o_128_%s"' % table) == "GTIFF_DIR:8:" + url


def test_allow_list_applies(rsql, reg, reg_dir, reg_nginx):
    reg.source(str(reg_dir) + "/")  # the files, but not the web server
    table = reg.table()
    out = register(rsql, reg_nginx.url("plain.tif"), table)
    assert out.sqlstate == "42501"
    assert out.error == 'plraster: out-db path "%s" is not allowed' % reg_nginx.url("plain.tif")
    assert rsql.value("SELECT to_regclass(%s) IS NULL", ('public."%s"' % table,))


def test_listing_in_one_statement(rsql, reg, reg_dir, reg_nginx):
    reg.source(reg_nginx.base_url + "/")
    reg.source(str(reg_dir) + "/")
    table = reg.table()
    listing = [reg_nginx.url("east.tif"), None, str(reg_dir / "east.tif"), reg_nginx.url("east.tif")]
    out = rsql.run("SELECT plraster.plraster_register_cog(array_agg(u ORDER BY n), %s) "
                   "FROM unnest(%s::varchar[]) WITH ORDINALITY AS l(u, n)", (table, listing))
    assert not out.failed, out
    assert out.rows[0][0] == 32 and count(rsql, table) == 32 and count(rsql, "o_2_" + table) == 8
    assert [n for n in out.notices if "already" in n] == [
        'plraster_register_cog: "%s" is already registered in table "public.%s", skipping'
        % (reg_nginx.url("east.tif"), table)]
    paths = rsql.run('SELECT plraster.st_bandpath(rast), count(*) FROM public."o_4_%s" GROUP BY 1 ORDER BY 1'
                     % table).rows
    assert paths == sorted([("GTIFF_DIR:3:" + str(reg_dir / "east.tif"), 1),
                            ("GTIFF_DIR:3:" + reg_nginx.url("east.tif"), 1)])


def test_options_and_errors(rsql, reg, reg_dir):
    reg.source(str(reg_dir) + "/")
    path = str(reg_dir / "int16x2.tif")
    table = reg.table()
    out = register(rsql, path, "public." + table,
                   "tile => '300x250', overviews => false, rastcolumn => 'tile', filecolumn => NULL, "
                   "index => false, constraints => false")
    assert not out.failed and out.rows[0][0] == 4, out
    assert rsql.run("SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                    "ORDER BY attnum", ('public."%s"' % table,)).rows == [("rid",), ("tile",)]
    assert rsql.value("SELECT count(*) FROM pg_indexes WHERE tablename = %s", (table,)) == 1  # the key
    assert rsql.value("SELECT to_regclass(%s) IS NULL", ('public."o_2_%s"' % table,))
    errors = {
        "tile => 'big'": ("22023", 'plraster: invalid tile size "big"'),
        "tile => '0x5'": ("22023", 'plraster: invalid tile size "0x5"'),
        "bands => '{3}'": ("22023", 'plraster: band 3 not found in out-db file "%s"' % path),
        "tile => NULL, rastcolumn => 'rast'": ("22023", 'plraster: column "rast" of table "public.%s" does not exist'
                                              % table),
    }
    for args, (state, message) in errors.items():
        bad = register(rsql, path, table if "rastcolumn" in args else reg.table(), args)
        assert (bad.sqlstate, bad.error) == (state, message), args
    bad = register(rsql, "GTIFF_DIR:2:" + path, reg.table())
    assert bad.sqlstate == "22023" and "cannot register one image of a file" in bad.error
    missing = register(rsql, str(reg_dir / "nope.tif"), reg.table())
    assert missing.sqlstate == "58P01"


def test_constraints_and_catalogs(rsql, reg, reg_dir):
    if not (has_function(rsql, "addrasterconstraints") and has_function(rsql, "addoverviewconstraints")):
        pytest.skip(CATALOGS_PENDING)
    reg.source(str(reg_dir) + "/")
    table = reg.table()
    out = register(rsql, str(reg_dir / "east.tif"), table)
    assert not out.failed, out
    row = rsql.run("SELECT srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, "
                   "num_bands, pixel_types, nodata_values, out_db FROM plraster.raster_columns "
                   "WHERE r_table_name = %s", (table,)).rows
    assert row == [(32632, 10.0, -10.0, 256, 256, True, False, 1, ["8BUI"], [0.0], [True])]
    overviews = rsql.run("SELECT o_table_name, overview_factor FROM plraster.raster_overviews "
                         "WHERE r_table_name = %s ORDER BY overview_factor", (table,)).rows
    assert overviews == [("o_2_" + table, 2), ("o_4_" + table, 4)]
    # appending keeps the constraints valid (they are dropped and added again)
    constraints = ("SELECT count(*) FROM pg_constraint WHERE conrelid = %s::regclass AND conname LIKE 'enforce%%'")
    before = [rsql.value(constraints, (t % table,)) for t in ("public.%s", "public.o_2_%s", "public.o_4_%s")]
    out = register(rsql, str(reg_dir / "east_copy.tif"), table)
    assert not out.failed and out.rows[0][0] == 16, out
    assert [rsql.value(constraints, (t % table,)) for t in ("public.%s", "public.o_2_%s", "public.o_4_%s")] == before
    assert before[0] >= 10 and before[1] == before[0] + 1  # the overview constraint too
    assert rsql.run("SELECT srid, blocksize_x, num_bands, out_db FROM plraster.raster_columns "
                    "WHERE r_table_name = %s", (table,)).rows == [(32632, 256, 1, [True])]
    assert rsql.run("SELECT o_table_name FROM plraster.raster_overviews WHERE r_table_name = %s "
                    "ORDER BY overview_factor", (table,)).rows == [("o_2_" + table,), ("o_4_" + table,)]


def test_second_call_completes_index_and_constraints(rsql, reg, reg_dir):
    """A first call without index and constraints; a second call on the same file adds no
    records but gives the table and its overview tables what it asks for now."""
    reg.source(str(reg_dir) + "/")
    table = reg.table()
    tables = ("public.%s" % table, "public.o_2_%s" % table, "public.o_4_%s" % table)
    constraints = "SELECT count(*) FROM pg_constraint WHERE conrelid = %s::regclass AND conname LIKE 'enforce%%'"
    indexes = ("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
               "JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = %s::regclass AND a.amname = 'gist'")
    out = register(rsql, str(reg_dir / "east.tif"), table, "constraints => false, index => false")
    assert not out.failed and out.rows[0][0] == 16, out
    assert [rsql.value(constraints, (t,)) for t in tables] == [0, 0, 0]
    assert [rsql.value(indexes, (t,)) for t in tables] == [0, 0, 0]
    out = register(rsql, str(reg_dir / "east.tif"), table)
    assert not out.failed and out.rows[0][0] == 0, out
    assert any("already registered" in n for n in out.notices)
    assert count(rsql, table) == 16
    counts = [rsql.value(constraints, (t,)) for t in tables]
    assert counts[0] >= 10 and counts[1] == counts[2] == counts[0] + 1  # overview constraints too
    assert [rsql.value(indexes, (t,)) for t in tables] == [1, 1, 1]
    assert rsql.run("SELECT srid, blocksize_x, out_db FROM plraster.raster_columns WHERE r_table_name = %s",
                    (table,)).rows == [(32632, 256, [True])]
    # a third call changes nothing
    out = register(rsql, str(reg_dir / "east.tif"), table)
    assert not out.failed and out.rows[0][0] == 0, out
    assert [rsql.value(constraints, (t,)) for t in tables] == counts
    assert [rsql.value(indexes, (t,)) for t in tables] == [1, 1, 1]


def test_non_superuser(rsql, reg, reg_dir, db_url):
    """A user without superuser rights registers from an open source into a schema where it
    may create tables; the tables are its own."""
    role = "reg_user_" + reg.table("x")[-8:]
    reg.source(str(reg_dir) + "/")
    rsql.run("CREATE ROLE %s LOGIN" % role)
    rsql.run("CREATE SCHEMA %s AUTHORIZATION %s" % (role, role))
    rsql.run("GRANT USAGE ON SCHEMA plraster TO %s" % role)
    try:
        user = conformance.Session(db_url.replace("postgres@", role + "@", 1))
        try:
            out = user.run("SELECT plraster.plraster_register_cog(%s, %s)",
                           (str(reg_dir / "east.tif"), role + ".dem"))
            denied = user.run("SELECT plraster.plraster_register_cog(%s, 'public.dem_x')", (str(reg_dir / "east.tif"),))
        finally:
            user.close()
        assert not out.failed and out.rows[0][0] == 16, out
        assert rsql.value("SELECT count(*) FROM %s.o_4_dem" % role) == 1
        assert rsql.value("SELECT tableowner FROM pg_tables WHERE schemaname = %s AND tablename = 'dem'",
                          (role,)) == role
        assert denied.sqlstate == "42501"  # no CREATE on schema public
    finally:
        rsql.run("DROP SCHEMA %s CASCADE" % role)
        rsql.run("DROP OWNED BY %s" % role)
        rsql.run("DROP ROLE %s" % role)
