"""ST_Reclass on 100 tiles of 256x256, side by side with PostGIS raster, ratio printed.

The same tiles (a 32BF band with nodata, random values) are stored as PostGIS rasters and
as plraster rasters; each query reclassifies every tile with a three-range expression into
8BUI and sums the result's lengths (so the raster is built, not just planned). Median of
interleaved runs. ST_ColorMap has its own
bench (bench/bench_colormap.py).

Run as the other benches are run (an unprivileged user, the package installed):
    bash tools/run-as-user.sh .venv/bin/python bench/bench_reclass.py
"""
import os
import statistics
import sys
import time

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402

TILES = 100
SIZE = 256
RUNS = 5
EXPR = "[-1000-0):0-100, [0-500]:101-200, (500-1000]:255"
SETUP = [
    """CREATE TABLE pg_tiles AS SELECT g AS id, public.st_setvalues(public.st_addband(
         public.st_makeemptyraster({n}, {n}, g * {n}, 0, 1, -1, 0, 0, 4326),
         '32BF'::text, 0::float8, -9999::float8), 1, 1, 1,
         (SELECT array_agg(r) FROM (SELECT array_agg(random() * 2000 - 1000) r
            FROM generate_series(1, {n}) y, generate_series(1, {n}) x GROUP BY y) s)::float8[])
         AS rast FROM generate_series(1, {tiles}) g""",
    """CREATE TABLE pl_tiles AS SELECT id,
         rast::bytea::plraster.raster AS rast FROM pg_tiles""",
]
QUERIES = {
    "PostGIS": "SELECT sum(length(public.st_reclass(rast, 1, %s, '8BUI', 0)::bytea)) FROM pg_tiles",
    "plraster": "SELECT sum(length(plraster.st_reclass(rast, 1, %s, '8BUI', 0)::bytea)) FROM pl_tiles",
}


def main():
    """Time both and print the median times and their ratio."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            for statement in SETUP:
                conn.execute(statement.format(n=SIZE, tiles=TILES))
            times = {name: [] for name in QUERIES}
            for name, query in QUERIES.items():  # warm both (library loads, imports)
                conn.execute(query, (EXPR,)).fetchall()
            for _ in range(RUNS):
                for name, query in QUERIES.items():
                    start = time.perf_counter()
                    conn.execute(query, (EXPR,)).fetchall()
                    times[name].append(time.perf_counter() - start)
            pg, pl = (statistics.median(times[n]) for n in QUERIES)
            print("ST_Reclass, %d tiles of %dx%d 32BF -> 8BUI, median of %d runs" % (TILES, SIZE, SIZE, RUNS))
            print("  PostGIS  %8.1f ms" % (pg * 1e3))
            print("  plraster %8.1f ms" % (pl * 1e3))
            print("  plraster is %.2fx PostGIS's speed" % (pg / pl))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
