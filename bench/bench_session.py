"""Session start: the first raster call of a new connection, PostGIS vs plraster, one run.

Every connection without a pooler, and every parallel worker, pays for what the first call
loads: PostGIS loads its library and GDAL, plraster starts PL/Python and imports its
modules. Measured for each implementation in fresh connections (the connection itself is
not timed), median of RUNS:
  (a) the first in-db call: ST_Value of a 64x64 in-db raster;
  (b) the first out-db call: ST_Value of an out-db band on a local COG;
  (c) the first out-db call: ST_Value of an out-db band on a COG served by nginx.
Targets (issue 13): (a) plraster <= PostGIS; (b), (c) plraster <= PostGIS + 50 ms.
Run with `make bench` (as root it runs this unprivileged).
"""
import os
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

RUNS = 7
POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")


def write_cog(path):
    """A 1024x1024 UInt16 DEFLATE COG with 256x256 blocks."""
    rng = np.random.default_rng(5)
    mem = gdal.GetDriverByName("MEM").Create("", 1024, 1024, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((500000.0, 10.0, 0.0, 4500000.0, 0.0, -10.0))
    mem.GetRasterBand(1).WriteArray(rng.integers(1, 60000, (1024, 1024), dtype=np.uint16))
    gdal.GetDriverByName("COG").CreateCopy(path, mem, options=["COMPRESS=DEFLATE", "BLOCKSIZE=256"])


def first_call(url, setup, query):
    """Seconds of `query` as the first statement of a new connection (after `setup`, which
    loads nothing raster-related), and its value."""
    with psycopg.connect(url, autocommit=True) as conn:
        if setup:
            conn.execute(setup)
        start = time.perf_counter()
        value = conn.execute(query).fetchone()[0]
        return time.perf_counter() - start, value


def median_first(url, setup, query):
    """Median seconds of RUNS first calls, and the value (the same every time)."""
    times, values = [], set()
    for _ in range(RUNS):
        t, v = first_call(url, setup, query)
        times.append(t)
        values.add(v)
    assert len(values) == 1, values
    return statistics.median(times), values.pop()


def outdb_literal(path):
    """A 64x64 out-db raster over the COG's upper-left corner, as hex WKB text."""
    return ("SELECT public.st_asbinary(public.st_addband(public.st_makeemptyraster("
            "64, 64, 500000, 4500000, 10, -10, 0, 0, 0), 1, %s::text, ARRAY[1], NULL::float8))",
            (path,))


def main():
    """Serve the COG, then time first calls in fresh connections for both implementations."""
    work = tempfile.mkdtemp(prefix="plraster-bench-")
    cog = os.path.join(work, "dem.tif")
    write_cog(cog)
    with NginxServer(work) as nginx:
        server = pgserver.start_server()
        try:
            url = pgserver.create_database(server, "bench")
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(POSTGIS_OUTDB)
                conn.execute("SELECT plraster.plraster_add_source(%s)", (nginx.base_url + "/",))
                conn.execute("SELECT plraster.plraster_add_source(%s)", (work + "/",))
                indb = conn.execute(
                    "SELECT encode(public.st_asbinary(public.st_addband(public.st_makeemptyraster("
                    "64, 64, 0, 0, 1, -1, 0, 0, 0), '16BUI'::text, 7, NULL)), 'hex')").fetchone()[0]
                local = conn.execute(*outdb_literal(cog)).fetchone()[0].hex()
                remote = conn.execute(*outdb_literal("/vsicurl/" + nginx.url("dem.tif"))).fetchone()[0].hex()
            cases = [
                ("(a) first in-db ST_Value", indb, 0.0),
                ("(b) first out-db ST_Value, local COG", local, 0.050),
                ("(c) first out-db ST_Value, COG on nginx", remote, 0.050),
            ]
            print("Session start: first call of a new connection, median of %d connections" % RUNS)
            print("%-42s %12s %12s %8s  %s" % ("", "PostGIS ms", "plraster ms", "ratio", "target"))
            for label, hexwkb, allowance in cases:
                query = "SELECT {s}.st_value('%s'::{s}.raster, 1, 10, 10)" % hexwkb
                pg_t, pg_v = median_first(url, POSTGIS_OUTDB, query.format(s="public"))
                pl_t, pl_v = median_first(url, None, query.format(s="plraster"))
                assert pg_v == pl_v, (label, pg_v, pl_v)
                target = "plraster <= PostGIS" + (" + %d ms" % (allowance * 1e3) if allowance else "")
                met = "met" if pl_t <= pg_t + allowance else "MISSED"
                results.record(13, label + " (plraster - PostGIS)", (pl_t - pg_t) * 1e3,
                               "<= %d ms" % (allowance * 1e3), met == "met", unit="ms")
                print("%-42s %12.1f %12.1f %8.2f  %s: %s"
                      % (label, pg_t * 1e3, pl_t * 1e3, pl_t / pg_t, target, met))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
