"""Reading economy: a cold read of one 256x256 tile of a 1024x1024 UInt16 DEFLATE COG
costs no more requests and bytes than GDAL (measured on the same nginx), ST_Value over
every pixel of the tile fetches the tile once, and later statements hit the caches."""
import os
import re
import time
import uuid

from outdb_records import one_band

TILE = 256


def nginx_log(nginx_server, marker):
    """(requests, body bytes) nginx logged for URLs carrying marker."""
    path = os.path.join(nginx_server._tmp.name, "access.log")
    requests = nbytes = 0
    with open(path) as f:
        for line in f:
            if marker in line:
                m = re.search(r'" (\d{3}) (\d+) ', line)
                requests += 1
                nbytes += int(m.group(2))
    return requests, nbytes


def stats(osql):
    return dict(zip(("requests", "bytes", "retries", "seconds", "header_hits", "header_misses",
                     "tile_hits", "tile_misses", "cache_bytes", "cache_limit"),
                    osql.run("SELECT * FROM plraster.plraster_io_stats()").rows[0]))


def tile_raster(url, col=1, row=1):
    return one_band(TILE, TILE, 10.0 + col * TILE * 0.001, 50.0 - row * TILE * 0.001, 0.001, -0.001,
                    "/vsicurl/" + url, pixtype="16BUI", nodata=0)


def test_cold_tile_read_vs_gdal(osql, sources, nginx_server):
    sources.add(nginx_server.base_url + "/")
    marker = uuid.uuid4().hex
    gdal_url = nginx_server.url("dem.tif") + "?gdal=" + marker
    pl_url = nginx_server.url("dem.tif") + "?pl=" + marker
    osql.value("SELECT public.st_value('%s'::public.raster, 1, 1, 1)" % tile_raster(gdal_url).upper())
    time.sleep(0.3)  # nginx writes its log line after the response
    gdal_requests, gdal_bytes = nginx_log(nginx_server, "gdal=" + marker)

    osql.run("SELECT plraster.plraster_cache_reset()")
    osql.value("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % tile_raster(pl_url))
    s = stats(osql)
    time.sleep(0.3)
    logged = nginx_log(nginx_server, "pl=" + marker)
    assert (s["requests"], s["bytes"]) == logged
    assert s["requests"] <= gdal_requests and s["bytes"] <= gdal_bytes, (s, gdal_requests, gdal_bytes)
    assert s["requests"] == 2 and s["tile_misses"] == 1
    print("GDAL: %d requests, %d bytes; plraster: %d requests, %d bytes"
          % (gdal_requests, gdal_bytes, s["requests"], s["bytes"]))


def test_every_pixel_of_a_tile_fetches_it_once(osql, sources, nginx_server):
    sources.add(nginx_server.base_url + "/")
    r = tile_raster(nginx_server.url("dem.tif"), 2, 1)
    osql.run("SELECT plraster.plraster_cache_reset()")
    started = time.monotonic()
    total = osql.value("SELECT sum(plraster.st_value('\\x%s'::plraster.raster, 1, x, y, false)) "
                       "FROM generate_series(1, %d) x, generate_series(1, %d) y" % (r, TILE, TILE))
    elapsed = time.monotonic() - started
    s = stats(osql)
    expected = osql.value("SELECT sum(v) FROM (SELECT unnest(public.st_dumpvalues('%s'::public.raster, 1, false)) v) t"
                          % r.upper())
    assert total == expected
    print("ST_Value over %d pixels: %.1f s, %s" % (TILE * TILE, elapsed, s))
    # one GET opens the file, one fetches the tile; a HEAD re-validates the header every
    # plraster.outdb_revalidate_seconds (5) while the statement runs
    assert s["tile_misses"] == 1 and s["header_misses"] == 1, s
    assert 2 <= s["requests"] <= 2 + int(elapsed / 5) + 1
    # a second statement hits every cache and fetches nothing
    osql.value("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 5, 5)" % r)
    after = stats(osql)
    assert after["bytes"] == s["bytes"] and after["tile_misses"] == 1


def test_neighbouring_tiles_share_cached_blocks(osql, sources, cog_dir):
    sources.add(str(cog_dir) + "/")
    osql.run("SELECT plraster.plraster_cache_reset()")
    # a 300x300 window not aligned to the 256 blocks covers 4 blocks, all read for the
    # band's pixels (ST_Value alone reads only the block that holds its pixel)
    r = one_band(300, 300, 10.1, 49.9, 0.001, -0.001, str(cog_dir / "dem.tif"), pixtype="16BUI")
    osql.value("SELECT length(plraster.st_asbinary('\\x%s'::plraster.raster, true))" % r)
    s = stats(osql)
    assert s["tile_misses"] == 4
    r2 = one_band(100, 100, 10.2, 49.8, 0.001, -0.001, str(cog_dir / "dem.tif"), pixtype="16BUI")
    osql.value("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r2)
    s2 = stats(osql)
    assert s2["tile_misses"] == 4 and s2["tile_hits"] >= 1 and s2["requests"] == s["requests"]


def test_tile_cache_setting(osql, sources, cog_dir):
    sources.add(str(cog_dir) + "/")
    osql.run("SET plraster.tile_cache_mb = 1")
    try:
        osql.run("SELECT plraster.plraster_cache_reset()")
        r = one_band(1024, 1024, 10.0, 50.0, 0.001, -0.001, str(cog_dir / "dem.tif"), pixtype="16BUI")
        osql.value("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r)
        s = stats(osql)
        assert s["cache_limit"] == 1024 * 1024 and s["cache_bytes"] <= 1024 * 1024
    finally:
        osql.run("RESET plraster.tile_cache_mb")
        osql.run("SELECT plraster.plraster_cache_reset()")
