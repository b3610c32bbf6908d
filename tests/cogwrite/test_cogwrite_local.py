"""plraster_write_cog to local files: a coverage of tiles written as one COG that GDAL reads
as a COG (layout, overviews, georeference) with the tiles' pixels, and that plraster reads
back out-db; closed by default (no EXECUTE for PUBLIC, sources opened for writing only by a
superuser), refused paths, misaligned tiles, and nothing left behind by a failed write."""
import json
import os
import sys
import uuid

import numpy as np
import psycopg
import pytest
from osgeo import gdal

import conformance
from rasters import pack

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "outdb"))
from outdb_records import one_band  # noqa: E402

TILE = 64
COLS, ROWS = 3, 2
RNG = np.random.default_rng(5)
PIXELS = RNG.integers(-300, 3000, (ROWS * TILE, COLS * TILE)).astype(np.int16)
PIXELS[RNG.random(PIXELS.shape) < 0.05] = -9999


@pytest.fixture(scope="module")
def coverage(db_url, tmp_path_factory):
    """(session, writable directory, read-only directory) with table cog_src holding the
    coverage's 6 tiles (EPSG:32631, 10 m pixels, Int16 with nodata -9999)."""
    session = conformance.Session(db_url)
    out = tmp_path_factory.mktemp("cogwrite")
    ro = tmp_path_factory.mktemp("cogwrite-ro")
    for d in (out, ro):
        os.chmod(d, 0o777)
    session.run("CREATE TABLE cog_src (rid int, rast plraster.raster)")
    for r in range(ROWS):
        for c in range(COLS):
            data = PIXELS[r * TILE:(r + 1) * TILE, c * TILE:(c + 1) * TILE]
            hexwkb = pack(TILE, TILE, [{"pixtype": "16BSI", "data": data, "nodata": -9999}],
                          scale=(10.0, -10.0), ul=(500000.0 + c * TILE * 10, 4000000.0 - r * TILE * 10),
                          srid=32631)
            session.run("INSERT INTO cog_src VALUES (%s, decode(%s, 'hex')::plraster.raster)",
                        (r * COLS + c, hexwkb))
    for prefix, writable in ((str(out), True), (str(ro), False)):
        added = session.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                            (prefix, json.dumps({"PLRASTER_WRITABLE": writable})))
        assert not added.failed, added
    yield session, out, ro
    for prefix in (str(out), str(ro)):
        session.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
    session.run("DROP TABLE cog_src")
    session.run("SELECT plraster.plraster_cache_reset()")
    session.close()


def _write(session, target, options="{}", query="SELECT rast FROM cog_src ORDER BY rid DESC"):
    return session.run("SELECT plraster.plraster_write_cog(%s, %s, %s::jsonb)",
                       (query, str(target), options))


def test_written_cog_is_a_cog_with_the_tiles_pixels(coverage):
    session, out, _ = coverage
    target = out / "dem.tif"
    result = _write(session, target, '{"blocksize": 64, "compress": "deflate"}')
    assert not result.failed, result
    summary = result.rows[0][0]
    assert summary["tiles"] == 6 and (summary["width"], summary["height"]) == (COLS * TILE, ROWS * TILE)
    assert any("6 of 6 tiles written" in n for n in result.notices)
    from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate
    warnings, errors, _ = validate(str(target), full_check=True)
    assert errors == [] and warnings == []   # GDAL's own COG validation
    ds = gdal.Open(str(target))
    assert ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
    assert ds.GetGeoTransform() == (500000.0, 10.0, 0.0, 4000000.0, 0.0, -10.0)
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "32631"
    band = ds.GetRasterBand(1)
    assert band.GetNoDataValue() == -9999
    assert band.GetBlockSize() == [64, 64]
    assert band.GetOverviewCount() >= 1
    np.testing.assert_array_equal(band.ReadAsArray(), PIXELS)
    assert not [n for n in os.listdir(out) if n.startswith(".plraster-")]  # no temporary file left


def test_missing_tile_is_nodata(coverage):
    session, out, _ = coverage
    target = out / "holes.tif"
    assert not _write(session, target, query="SELECT rast FROM cog_src WHERE rid <> 4").failed
    expected = PIXELS.copy()
    expected[TILE:, TILE:2 * TILE] = -9999
    np.testing.assert_array_equal(gdal.Open(str(target)).ReadAsArray(), expected)


def test_written_cog_reads_back_through_plraster(coverage):
    session, out, _ = coverage
    target = out / "back.tif"
    result = _write(session, target, '{"register": "public.cog_back", "blocksize": 64}')
    assert not result.failed, result
    assert result.rows[0][0]["registered"] == 6   # one out-db record per 64x64 block
    registered = session.run("SELECT plraster.ST_DumpValues(plraster.ST_Union(rast), 1, false) "
                             "FROM public.cog_back")
    for (table,) in session.run("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                "AND tablename ~ '^(o_[0-9]+_)?cog_back$'").rows:
        session.run("DROP TABLE public.%s CASCADE" % table)
    np.testing.assert_array_equal(np.array(registered.rows[0][0], dtype=np.int16), PIXELS)
    r = one_band(COLS * TILE, ROWS * TILE, 500000.0, 4000000.0, 10.0, -10.0, str(target),
                 pixtype="16BSI", nodata=-9999, srid=32631)
    got = session.run("SELECT plraster.ST_DumpValues('\\x%s'::plraster.raster, 1, false)" % r.lower())
    assert not got.failed, got
    np.testing.assert_array_equal(np.array(got.rows[0][0], dtype=np.int16), PIXELS)


@pytest.mark.parametrize("target,sqlstate", [
    ("{ro}/x.tif", "42501"),                 # source open for reading only
    ("/tmp/plraster-not-a-source.tif", "42501"),
    ("{out}/../escape.tif", "42501"),
    ("{out}/%2e%2e/escape.tif", "42501"),
    ("https://example.invalid/x.tif", "0A000"),
    ("{out}", "22023"),                      # a directory
])
def test_refused_targets(coverage, target, sqlstate):
    session, out, ro = coverage
    result = _write(session, target.format(out=out, ro=ro))
    assert result.sqlstate == sqlstate, result


def test_symlink_out_of_the_source_refused(coverage, tmp_path_factory):
    session, out, ro = coverage
    link = out / "link"
    if not link.exists():
        os.symlink(str(ro), str(link))
    result = _write(session, link / "x.tif")
    assert result.sqlstate == "42501", result
    assert not os.path.exists(ro / "x.tif")


def test_misaligned_tiles_and_failures_leave_nothing(coverage):
    session, out, _ = coverage
    before = sorted(os.listdir(out))
    query = ("SELECT rast FROM cog_src UNION ALL SELECT plraster.ST_SetUpperLeft(rast, 500005, "
             "4000000) FROM cog_src WHERE rid = 0")
    result = _write(session, out / "bad.tif", query=query)
    assert result.sqlstate == "22023", result
    result = _write(session, out / "bad.tif", query="SELECT rast FROM cog_src WHERE 1 / (rid - 3) > 0")
    assert result.sqlstate == "22012", result
    result = _write(session, out / "bad.tif", options='{"tiled": "NO"}')
    assert result.sqlstate == "22023", result
    result = _write(session, out / "bad.tif", query="SELECT rast FROM cog_src WHERE false")
    assert result.sqlstate == "22023", result
    assert sorted(os.listdir(out)) == before
    tmp = session.value("SELECT pg_catalog.current_setting('data_directory')")
    leftovers = [n for n in os.listdir(os.path.join(tmp, "base", "pgsql_tmp"))
                 if n.startswith("plraster_cog_")] if os.path.isdir(os.path.join(tmp, "base", "pgsql_tmp")) else []
    assert leftovers == []


def test_closed_to_ordinary_roles(coverage, db_url):
    session, out, _ = coverage
    name = "cogwrite_" + uuid.uuid4().hex[:8]
    session.run("CREATE ROLE %s LOGIN" % name)
    session.run("GRANT USAGE ON SCHEMA plraster TO %s" % name)
    session.run("GRANT SELECT ON cog_src TO %s" % name)
    url = db_url.replace("postgres@", name + "@", 1)
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            for sql, args in (("SELECT plraster.plraster_write_cog('SELECT rast FROM public.cog_src', %s)",
                               (str(out / "role.tif"),)),
                              ("SELECT plraster.plraster_add_source(%s, '{\"PLRASTER_WRITABLE\": true}')",
                               ("/tmp",))):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql, args)
            options = conn.execute("SELECT options FROM plraster.plraster_sources WHERE prefix = %s",
                                   (str(out),)).fetchone()[0]
            assert options == {"PLRASTER_WRITABLE": "YES"}
    finally:
        session.run("DROP OWNED BY %s" % name)
        session.run("DROP ROLE %s" % name)
    assert not os.path.exists(out / "role.tif")
