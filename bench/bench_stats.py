"""PostGIS raster vs plraster on the statistics family: ST_Histogram, ST_Quantile,
ST_ValueCount (and ST_Count, ST_CountAgg) over the same 256x256 8BUI tiles.

Run with `make bench`. Each query makes one call per tile and aggregates its rows; the time
is the median of several runs after a warm-up; ratio = PostGIS / plraster (above 1 means
plraster is faster).
"""
import argparse
import os
import sys

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402
from bench_foundation import load, time_query  # noqa: E402

QUERIES = [
    ("ST_Histogram", "SELECT sum(h.count) FROM {t}, {s}.st_histogram(rast, 1, true, 20, NULL, false) AS h"),
    ("ST_Quantile", "SELECT sum(q.value) FROM {t}, {s}.st_quantile(rast, ARRAY[0.1, 0.5, 0.9]) AS q"),
    ("ST_ValueCount", "SELECT sum(v.count) FROM {t}, {s}.st_valuecount(rast) AS v"),
    ("ST_Count", "SELECT sum({s}.st_count(rast)) FROM {t}"),
    ("ST_CountAgg", "SELECT {s}.st_countagg(rast, true) FROM {t}"),
]


def main():
    """Load the tiles, time every query on both, print a table of ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tiles", type=int, default=1000)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            load(conn, args.tiles, args.size)
            print("%d tiles of %dx%d 8BUI, one band; median of %d runs; ratio = PostGIS / plraster"
                  % (args.tiles, args.size, args.size, args.runs))
            print("%-14s %12s %12s %8s" % ("function", "PostGIS ms", "plraster ms", "ratio"))
            for name, template in QUERIES:
                pg = time_query(conn, template.format(s="public", t="pg_tiles"), args.runs)
                pl = time_query(conn, template.format(s="plraster", t="pl_tiles"), args.runs)
                print("%-14s %12.1f %12.1f %8.2f" % (name, pg * 1e3, pl * 1e3, pg / pl))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
