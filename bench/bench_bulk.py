"""Bulk and set-returning functions in-db, PostGIS raster vs plraster, side by side in one run.

Issue 13's targets (time ratio plraster / PostGIS, lower is better for plraster):
ST_DumpValues <= 2, ST_PixelAsPoints <= 1.5 (ST_PixelAsPolygons, ST_PixelAsCentroids
reported beside it), ST_SummaryStats per row and ST_SummaryStatsAgg on 256x256 tiles
<= 1.0. The same tiles (16BSI, nodata, random values) are in both tables; each query
aggregates every row the function returns, and both must give the same answer. Best of
--runs after a warm-up. Run with `make bench` (as root it runs this unprivileged).
"""
import argparse
import os
import sys
import time

import numpy as np
import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))

import pgserver  # noqa: E402
import results  # noqa: E402
from plraster.core import wkb  # noqa: E402
from plraster.core.pixtypes import info_for_name  # noqa: E402

# (name, query, table, target)
QUERIES = [
    ("ST_DumpValues", "SELECT sum(v) FROM (SELECT unnest((d).valarray) v FROM "
                      "(SELECT {s}.st_dumpvalues(rast) d FROM {t}) q) z", "small", 2.0),
    ("ST_PixelAsPoints", "SELECT count(*), sum(p.val), sum(p.x) FROM {t}, {s}.st_pixelaspoints(rast) p",
     "small", 1.5),
    ("ST_PixelAsCentroids", "SELECT count(*), sum(p.val) FROM {t}, {s}.st_pixelascentroids(rast) p",
     "small", 1.5),
    ("ST_PixelAsPolygons", "SELECT count(*), sum(p.val) FROM {t}, {s}.st_pixelaspolygons(rast) p",
     "small", 1.5),
    ("ST_SummaryStats per row", "SELECT sum((s).sum), sum((s).count), min((s).min) FROM "
                                "(SELECT {s}.st_summarystats(rast) s FROM {t} OFFSET 0) q", "big", 1.0),
    ("ST_SummaryStatsAgg", "SELECT (s).count, (s).sum, (s).min, (s).max FROM "
                           "(SELECT {s}.st_summarystatsagg(rast, 1, true) s FROM {t}) q", "big", 1.0),
]


def make_tiles(count, size, seed=1):
    """count tiles of size x size 16BSI pixels (nodata -1, some of it), as WKB."""
    rng = np.random.default_rng(seed)
    per_row = int(count ** 0.5) or 1
    info = info_for_name("16BSI")
    for rid in range(count):
        header = wkb.RasterHeader(1, 10.0, -10.0, 500000.0 + 10.0 * size * (rid % per_row),
                                  4500000.0 - 10.0 * size * (rid // per_row), 0.0, 0.0, 32631, size, size)
        data = rng.integers(0, 3000, (size, size)).astype(np.int16)
        data[rng.random((size, size)) < 0.02] = -1
        yield rid, wkb.emit_raster(wkb.Raster(header, [wkb.Band(info, has_nodata=True, nodata=-1, data=data)]))


def load(conn, name, count, size):
    """pg_<name> (PostGIS) and pl_<name> (plraster) holding the same tiles."""
    conn.execute("CREATE TABLE stage (rid int, wkb bytea)")
    with conn.cursor().copy("COPY stage (rid, wkb) FROM STDIN") as copy:
        for row in make_tiles(count, size):
            copy.write_row(row)
    conn.execute("CREATE TABLE pg_%s AS SELECT rid, public.st_rastfromwkb(wkb) AS rast FROM stage" % name)
    conn.execute("CREATE TABLE pl_%s AS SELECT rid, wkb::plraster.raster AS rast FROM stage" % name)
    conn.execute("DROP TABLE stage")
    conn.execute("VACUUM ANALYZE pg_%s" % name)
    conn.execute("VACUUM ANALYZE pl_%s" % name)


def best(conn, query, runs):
    """(best seconds of runs after a warm-up, the rows)."""
    rows = conn.execute(query).fetchall()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        conn.execute(query).fetchall()
        times.append(time.perf_counter() - start)
    return min(times), rows


def main():
    """Load both tables, time every query on both, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=100, help="64x64 tiles for the set-returning functions")
    parser.add_argument("--big", type=int, default=1000, help="256x256 tiles for the statistics")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            load(conn, "small", args.small, 64)
            load(conn, "big", args.big, 256)
            print("16BSI tiles with nodata: %d of 64x64 (set-returning functions), %d of 256x256 "
                  "(statistics); best of %d; ratio = plraster / PostGIS" % (args.small, args.big, args.runs))
            print("%-26s %11s %11s %7s   target" % ("function", "PostGIS ms", "plraster ms", "ratio"))
            for name, template, table, target in QUERIES:
                pg, pg_rows = best(conn, template.format(s="public", t="pg_" + table), args.runs)
                pl, pl_rows = best(conn, template.format(s="plraster", t="pl_" + table), args.runs)
                ratio = pl / pg
                results.record(13, name, ratio, "<= %.1f" % target, ratio <= target)
                print("%-26s %11.1f %11.1f %7.2f   <= %.1f %s%s"
                      % (name, pg * 1e3, pl * 1e3, ratio, target, "met" if ratio <= target else "NOT met",
                         "" if _same(pg_rows, pl_rows) else "  (answers differ: %s / %s)" % (pg_rows, pl_rows)))
    finally:
        server.stop()


def _same(a, b):
    """Equal rows, floats within 1e-9 relative (sums of doubles in another order)."""
    if len(a) != len(b):
        return False
    for ra, rb in zip(a, b):
        for x, y in zip(ra, rb):
            if isinstance(x, float) or isinstance(y, float):
                if x is None or y is None or abs(float(x) - float(y)) > 1e-9 * max(1.0, abs(float(x))):
                    return False
            elif x != y:
                return False
    return True


if __name__ == "__main__":
    main()
