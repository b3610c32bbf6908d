"""The block cache shared by the backends (plraster.outdb.sharedcache) and readahead.

A remote block one backend fetched is read by another from the data directory, without a
request; a changed object is never answered from the old bytes; a damaged cache file is
dropped and the block fetched again; the whole cache stays within the superuser's bound;
a session may opt out. A scan of tiles in file order fetches neighbouring blocks together.
Every answer is compared with PostGIS + GDAL reading the same records."""
import glob
import os
import shutil
import time
import uuid

import numpy
import pytest
from osgeo import gdal

import conformance
from outdb_records import one_band

TILE = 256
POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")


def write_cog(path, pixels):
    """A UInt16 DEFLATE COG with 256x256 blocks, nodata 0, upper-left (10, 50), pixel 0.001."""
    gdal.UseExceptions()
    h, w = pixels.shape
    mem = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((10.0, 0.001, 0.0, 50.0, 0.0, -0.001))
    mem.GetRasterBand(1).WriteArray(pixels)
    mem.GetRasterBand(1).SetNoDataValue(0)
    gdal.GetDriverByName("COG").CreateCopy(str(path), mem, options=["COMPRESS=DEFLATE", "BLOCKSIZE=256"])
    os.chmod(path, 0o644)


def pixels(seed, w=1024, h=1024):
    rng = numpy.random.default_rng(seed)
    return rng.integers(1, 60000, (h, w)).astype(numpy.uint16)


@pytest.fixture
def data_dir(osql):
    return osql.value("SHOW data_directory")


@pytest.fixture
def fresh(db_url):
    """fresh(): a new backend (a new connection) with out-db reading enabled in PostGIS."""
    opened = []

    def make():
        session = conformance.Session(db_url)
        session.conn.execute(POSTGIS_OUTDB)
        opened.append(session)
        return session

    yield make
    for s in opened:
        s.close()


def cache_files(data_dir):
    return [p for p in glob.glob(os.path.join(data_dir, "plraster_cache", "*", "*")) if not p.endswith(".tmp")]


def io(session):
    return session.run("SELECT requests, bytes FROM plraster.plraster_io_stats()").rows[0]


def tile(url, col, row, pixtype="16BUI"):
    return one_band(TILE, TILE, 10.0 + col * TILE * 0.001, 50.0 - row * TILE * 0.001, 0.001, -0.001,
                    "/vsicurl/" + url, pixtype=pixtype, nodata=0)


def sums(session, rasters, schema="plraster"):
    """The sum of each raster's pixels, as the implementation reads them."""
    if schema == "plraster":
        q = "SELECT (plraster.st_summarystats('\\x%s'::plraster.raster)).sum"
    else:
        q = "SELECT (public.st_summarystats('%s'::public.raster)).sum"
    return [session.value(q % (r if schema == "plraster" else r.upper())) for r in rasters]


def test_a_block_read_by_one_backend_is_read_by_another_without_a_request(osql, sources, nginx_server,
                                                                          data_dir, fresh):
    sources.add(nginx_server.base_url + "/")
    url = nginx_server.url("dem.tif") + "?shared=" + uuid.uuid4().hex
    rasters = [tile(url, 1, 2), tile(url, 3, 0)]
    first = fresh()
    before = len(cache_files(data_dir))
    got = sums(first, rasters)
    assert got == sums(osql, rasters, "public")
    requests_first, _ = io(first)
    assert len(cache_files(data_dir)) >= before + 2
    second = fresh()
    assert sums(second, rasters) == got
    requests_second, nbytes_second = io(second)
    # the second backend opens the object (its header) and reads no block
    assert requests_second == 1 and nbytes_second <= 16384 + 1024, (requests_first, requests_second, nbytes_second)


def test_a_changed_object_is_not_answered_from_the_cache(osql, sources, cog_dir, nginx_server, data_dir, fresh):
    sources.add(nginx_server.base_url + "/")
    name = "changing-%s.tif" % uuid.uuid4().hex[:8]
    write_cog(cog_dir / name, pixels(11))
    rasters = [tile(nginx_server.url(name), 1, 1)]
    old = sums(fresh(), rasters)
    time.sleep(1.1)  # another Last-Modified second, so another ETag from nginx
    write_cog(cog_dir / name, pixels(12))
    new = sums(fresh(), rasters)
    assert new == sums(osql, rasters, "public") and new != old


def test_a_damaged_cache_file_is_dropped_and_the_block_fetched_again(osql, sources, nginx_server, data_dir, fresh):
    sources.add(nginx_server.base_url + "/")
    url = nginx_server.url("dem.tif") + "?damaged=" + uuid.uuid4().hex
    rasters = [tile(url, 2, 2)]
    before = set(cache_files(data_dir))
    expected = sums(fresh(), rasters)
    added = sorted(set(cache_files(data_dir)) - before, key=os.path.getsize)
    assert added
    for path in added:
        with open(path, "r+b") as f:
            f.seek(100)
            f.write(b"\xff" * 64)
    session = fresh()
    assert sums(session, rasters) == expected == sums(osql, rasters, "public")
    assert io(session)[0] >= 2  # the header and the block again


def test_the_cache_stays_within_the_superusers_bound(osql, sources, nginx_server, data_dir, fresh):
    sources.add(nginx_server.base_url + "/")
    shutil.rmtree(os.path.join(data_dir, "plraster_cache"), ignore_errors=True)
    assert osql.run("SELECT plraster.plraster_set_limit('shared_cache_mb', 0.25)").rows == [(0.25,)]
    try:
        session = fresh()
        bound = 0.25 * 2 ** 20
        for i in range(6):
            url = nginx_server.url("dem.tif") + "?bound=%d-%s" % (i, uuid.uuid4().hex)
            rasters = [tile(url, c, r) for r in range(4) for c in range(4)]
            assert sums(session, rasters[:1]) == sums(osql, rasters[:1], "public")
            sums(session, rasters[1:])
            total = sum(os.path.getsize(p) for p in cache_files(data_dir))
            # a sweep runs after every sixteenth of the bound written: at most one block over
            assert total <= bound + bound / 16 + 140_000, (i, total)
    finally:
        osql.run("SELECT plraster.plraster_set_limit('shared_cache_mb', NULL)")


def test_a_session_may_opt_out(osql, sources, nginx_server, data_dir, fresh):
    sources.add(nginx_server.base_url + "/")
    url = nginx_server.url("dem.tif") + "?optout=" + uuid.uuid4().hex
    session = fresh()
    session.run("SET plraster.shared_cache_mb = 0")
    before = set(cache_files(data_dir))
    rasters = [tile(url, 0, 1)]
    assert sums(session, rasters) == sums(osql, rasters, "public")
    assert set(cache_files(data_dir)) == before


def test_a_scan_in_file_order_reads_blocks_ahead(osql, sources, cog_dir, nginx_server, fresh):
    sources.add(nginx_server.base_url + "/")
    name = "wide-%s.tif" % uuid.uuid4().hex[:8]
    write_cog(cog_dir / name, pixels(4, 4096, 512))
    rasters = [tile(nginx_server.url(name), c, 0) for c in range(16)]
    session = fresh()
    got = sums(session, rasters)
    assert got == sums(osql, rasters, "public")
    requests, _ = io(session)
    # one request opens the file; 16 blocks in file order take far fewer than 16 requests
    assert requests <= 7, requests
    # random access reads no more than it asks for: one block, one request
    other = fresh()
    sums(other, [tile(nginx_server.url(name) + "?random=1", 9, 1)])
    assert io(other)[0] == 2
