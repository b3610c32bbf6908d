"""Out-db bands: PostGIS + GDAL vs plraster, side by side in one run, against one nginx.

The COG: 1024x1024 UInt16, DEFLATE, 256x256 blocks, written by GDAL. Both databases get
the same out-db records (64x64 tiles, the path spelt /vsicurl/http://127.0.0.1:PORT/...,
as raster2pgsql -R writes it). Measured:
  (a) ST_Value over every pixel of one out-db tile (4,096 calls),
  (b) ST_AsBinary(rast, true) over 100 out-db tiles (and that both give the same bytes),
  (c) a cold read of one tile: HTTP requests and bytes, counted in nginx's access log.
Run with `make bench` (as root it runs this unprivileged).
"""
import os
import re
import statistics
import sys
import tempfile
import time

import numpy as np
import psycopg
from osgeo import gdal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402
import results  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402

TILE = 64
SIZE = 1024
POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")
_LOG_LINE = re.compile(r'"[A-Z]+ [^"]*" (\d{3}) (\d+)')


def write_cog(path):
    """The 1024x1024 UInt16 DEFLATE COG with 256x256 blocks."""
    rng = np.random.default_rng(5)
    mem = gdal.GetDriverByName("MEM").Create("", SIZE, SIZE, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((500000.0, 10.0, 0.0, 4500000.0, 0.0, -10.0))
    mem.GetRasterBand(1).WriteArray(rng.integers(1, 60000, (SIZE, SIZE), dtype=np.uint16))
    gdal.GetDriverByName("COG").CreateCopy(path, mem, options=["COMPRESS=DEFLATE", "BLOCKSIZE=256"])


def log_counts(path):
    """(requests, body bytes) in the access log so far."""
    requests = sent = 0
    with open(path) as f:
        for line in f:
            m = _LOG_LINE.search(line)
            if m:
                requests += 1
                sent += int(m.group(2))
    return requests, sent


def timed(conn, query, runs=3):
    """Median seconds of runs executions (the first run is included: no warm-up, since a
    warm cache is what each implementation does with repeated access)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = conn.execute(query).fetchall()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main():
    """Build the COG, serve it, register the tiles in both, and print the comparisons."""
    work = tempfile.mkdtemp(prefix="plraster-bench-")
    write_cog(os.path.join(work, "dem.tif"))
    with NginxServer(work) as nginx:
        path = "/vsicurl/" + nginx.url("dem.tif")
        server = pgserver.start_server()
        try:
            url = pgserver.create_database(server, "bench")
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(POSTGIS_OUTDB)
                conn.execute("SELECT plraster.plraster_add_source(%s)", (nginx.base_url + "/",))
                n = SIZE // TILE
                conn.execute(
                    """CREATE TABLE pg_out AS
                       SELECT (ty * %s + tx) AS rid,
                              public.ST_AddBand(public.ST_MakeEmptyRaster(%s, %s,
                                  500000 + tx * %s * 10.0, 4500000 - ty * %s * 10.0, 10, -10, 0, 0, 0),
                                  1, %s::text, ARRAY[1], NULL::float8) AS rast
                       FROM generate_series(0, %s - 1) ty, generate_series(0, %s - 1) tx""",
                    (n, TILE, TILE, TILE, TILE, path, n, n))
                conn.execute("CREATE TABLE pl_out AS SELECT rid, plraster.st_rastfromwkb("
                             "public.st_asbinary(rast)) AS rast FROM pg_out")
                same_record = conn.execute(
                    "SELECT bool_and(public.st_asbinary(p.rast) = plraster.st_asbinary(l.rast)) "
                    "FROM pg_out p JOIN pl_out l USING (rid)").fetchone()[0]
                print("COG %dx%d UInt16 DEFLATE 256x256 blocks on nginx; %d out-db tiles of %dx%d; "
                      "same out-db records in both: %s" % (SIZE, SIZE, n * n, TILE, TILE, same_record))

                # (c) cold read of one tile: a fresh backend for GDAL, emptied caches for plraster.
                traffic = {}
                for name, schema, table in (("PostGIS+GDAL", "public", "pg_out"),
                                            ("plraster", "plraster", "pl_out")):
                    with psycopg.connect(url, autocommit=True) as cold:
                        cold.execute(POSTGIS_OUTDB)
                        cold.execute("SELECT plraster.plraster_cache_reset()")
                        before = log_counts(nginx.access_log)
                        cold.execute("SELECT %s.st_value(rast, 1, 1, 1) FROM %s WHERE rid = 0"
                                     % (schema, table)).fetchall()
                        after = log_counts(nginx.access_log)
                    traffic[name] = (after[0] - before[0], after[1] - before[1])
                print("\n(c) cold read of one tile: requests, bytes")
                for name, (req, sent) in traffic.items():
                    print("  %-13s %3d requests %9d bytes" % (name, req, sent))

                # (a) ST_Value over every pixel of one tile.
                query = ("SELECT sum({s}.st_value(rast, 1, x, y)) FROM {t}, generate_series(1, %d) x, "
                         "generate_series(1, %d) y WHERE rid = 5" % (TILE, TILE))
                pg_t, pg_rows = timed(conn, query.format(s="public", t="pg_out"))
                pl_t, pl_rows = timed(conn, query.format(s="plraster", t="pl_out"))
                calls = TILE * TILE
                print("\n(a) ST_Value over every pixel of one out-db tile (%d calls), same sum: %s"
                      % (calls, pg_rows == pl_rows))
                print("  PostGIS+GDAL %8.1f ms  %7.1f us/call" % (pg_t * 1e3, pg_t / calls * 1e6))
                print("  plraster     %8.1f ms  %7.1f us/call" % (pl_t * 1e3, pl_t / calls * 1e6))
                print("  plraster is %.1fx faster" % (pg_t / pl_t))
                results.record(13, "warm out-db ST_Value per call (PostGIS / plraster)", pg_t / pl_t,
                               ">= 20x faster", pg_t / pl_t >= 20)

                # (b) ST_AsBinary(rast, true) over 100 tiles.
                query = ("SELECT md5(string_agg({s}.st_asbinary(rast, true), '' ORDER BY rid)) "
                         "FROM (SELECT * FROM {t} ORDER BY rid LIMIT 100) q")
                conn.execute("SELECT plraster.plraster_cache_reset()")
                pg_t, pg_rows = timed(conn, query.format(s="public", t="pg_out"))
                pl_t, pl_rows = timed(conn, query.format(s="plraster", t="pl_out"))
                print("\n(b) ST_AsBinary(rast, true) over 100 out-db tiles, identical bytes: %s"
                      % (pg_rows == pl_rows))
                print("  PostGIS+GDAL %8.1f ms" % (pg_t * 1e3))
                print("  plraster     %8.1f ms" % (pl_t * 1e3))
                print("  plraster is %.1fx faster" % (pg_t / pl_t))
                print("\nplraster_io_stats(): %s" % (conn.execute(
                    "SELECT row_to_json(s) FROM plraster.plraster_io_stats() s").fetchone()[0],))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
