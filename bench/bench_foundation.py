"""PostGIS raster vs plraster, side by side in one database, on the same 10,000 tiles.

Run with `make bench` (it installs what it needs and runs this as an unprivileged user).
Each query aggregates one function call per tile; the time is the median of several runs
after a warm-up, and the ratio is plraster / PostGIS (lower is better for plraster).
"""
import argparse
import os
import statistics
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

BASELINE = ("(scan only)", "SELECT count(rast) FROM {t}")
# issue 13's per-call targets (ratio plraster / PostGIS)
TARGETS = {"ST_Value": 2.5, "ST_SetValue": 3.0, "ST_MetaData": 2.5}
QUERIES = [
    ("ST_Value", "SELECT sum({s}.st_value(rast, 1, 10, 10)) FROM {t}"),
    ("ST_MetaData", "SELECT sum((m).width) FROM (SELECT {s}.st_metadata(rast) AS m FROM {t} OFFSET 0) q"),
    ("ST_Width", "SELECT sum({s}.st_width(rast)) FROM {t}"),
    ("ST_Height", "SELECT sum({s}.st_height(rast)) FROM {t}"),
    ("ST_NumBands", "SELECT sum({s}.st_numbands(rast)) FROM {t}"),
    ("ST_SRID", "SELECT sum({s}.st_srid(rast)) FROM {t}"),
    ("ST_ScaleX", "SELECT sum({s}.st_scalex(rast)) FROM {t}"),
    ("ST_BandMetaData", "SELECT count((m).pixeltype) FROM "
                        "(SELECT {s}.st_bandmetadata(rast, 1) AS m FROM {t} OFFSET 0) q"),
    ("ST_SetValue", "SELECT count({s}.st_setvalue(rast, 1, 10, 10, 7)) FROM {t}"),
]


def make_tiles(count, size, seed=1):
    """count tiles of size x size 8BUI pixels, nodata 0, on a regular grid, as WKB."""
    rng = np.random.default_rng(seed)
    per_row = int(count ** 0.5) or 1
    info = info_for_name("8BUI")
    for rid in range(count):
        header = wkb.RasterHeader(1, 10.0, -10.0, 500000.0 + 10.0 * size * (rid % per_row),
                                  4500000.0 - 10.0 * size * (rid // per_row), 0.0, 0.0,
                                  32631, size, size)
        data = rng.integers(1, 255, (size, size), dtype=np.uint8)
        band = wkb.Band(info, has_nodata=True, nodata=0, data=data)
        yield rid, wkb.emit_raster(wkb.Raster(header, [band]))


def load(conn, count, size):
    """Create pg_tiles (PostGIS) and pl_tiles (plraster) holding the same tiles."""
    conn.execute("DROP TABLE IF EXISTS stage, pg_tiles, pl_tiles")
    conn.execute("CREATE TABLE stage (rid int, wkb bytea)")
    with conn.cursor().copy("COPY stage (rid, wkb) FROM STDIN") as copy:
        for row in make_tiles(count, size):
            copy.write_row(row)
    conn.execute("CREATE TABLE pg_tiles AS SELECT rid, public.st_rastfromwkb(wkb) AS rast FROM stage")
    conn.execute("CREATE TABLE pl_tiles AS SELECT rid, wkb::plraster.raster AS rast FROM stage")
    conn.execute("DROP TABLE stage")
    conn.execute("VACUUM ANALYZE pg_tiles")
    conn.execute("VACUUM ANALYZE pl_tiles")


def time_query(conn, query, runs):
    """Median wall time in seconds of runs executions, after one warm-up."""
    conn.execute(query).fetchall()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        conn.execute(query).fetchall()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    """Load the tiles, time every query on both, print a table of ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tiles", type=int, default=10000)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            load(conn, args.tiles, args.size)
            print("%d tiles of %dx%d 8BUI, one band; median of %d runs; ratio = plraster / PostGIS"
                  % (args.tiles, args.size, args.size, args.runs))
            print("%-16s %12s %12s %12s %12s %7s" % ("function", "PostGIS ms", "plraster ms",
                                                    "PostGIS us", "plraster us", "ratio"))
            ratios = []
            for name, template in [BASELINE] + QUERIES:
                pg = time_query(conn, template.format(s="public", t="pg_tiles"), args.runs)
                pl = time_query(conn, template.format(s="plraster", t="pl_tiles"), args.runs)
                if (name, template) != BASELINE:
                    ratios.append(pl / pg)
                if name in TARGETS:
                    results.record(13, name + " per call, in-db", pl / pg, "<= %.1f" % TARGETS[name],
                                   pl / pg <= TARGETS[name])
                print("%-16s %12.1f %12.1f %12.2f %12.2f %7.2f" % (
                    name, pg * 1e3, pl * 1e3, pg / args.tiles * 1e6, pl / args.tiles * 1e6, pl / pg))
            print("median ratio over the functions: %.2f" % statistics.median(ratios))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
