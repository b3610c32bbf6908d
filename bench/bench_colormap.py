"""ST_ColorMap on 100 tiles of 256x256, side by side with PostGIS raster, ratio printed.

The same tiles (a 32BF band with nodata, random values) are stored as PostGIS rasters and
as plraster rasters; each query colours every tile (the `pseudocolor` named map, and a
four-colour table with NEAREST) and sums the result's lengths (so the raster is built, not
just planned). Median of interleaved runs.

Run as the other benches are run (an unprivileged user, the package installed):
    bash tools/run-as-user.sh .venv/bin/python bench/bench_colormap.py
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
RUNS = 3
CASES = [
    ("pseudocolor", "INTERPOLATE"),
    ("100% 255 0 0 255\n50% 0 255 0 255\n0% 0 0 255 255\nnv 0 0 0 0", "NEAREST"),
]
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
    "PostGIS": "SELECT sum(length(public.st_colormap(rast, 1, %s, %s)::bytea)) FROM pg_tiles",
    "plraster": "SELECT sum(length(plraster.st_colormap(rast, 1, %s, %s)::bytea)) FROM pl_tiles",
}


def main():
    """Time both for each case and print the median times and their ratio."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            for statement in SETUP:
                conn.execute(statement.format(n=SIZE, tiles=TILES))
            for colormap, method in CASES:
                times = {name: [] for name in QUERIES}
                results = {name: conn.execute(query, (colormap, method)).fetchone()[0]
                           for name, query in QUERIES.items()}  # warm both; same sizes
                assert results["PostGIS"] == results["plraster"], results
                for _ in range(RUNS):
                    for name, query in QUERIES.items():
                        start = time.perf_counter()
                        conn.execute(query, (colormap, method)).fetchall()
                        times[name].append(time.perf_counter() - start)
                pg, pl = (statistics.median(times[n]) for n in QUERIES)
                label = colormap.split("\n")[0] + ("" if "\n" not in colormap else " ...")
                print("ST_ColorMap(%r, %s), %d tiles of %dx%d 32BF -> 8BUI x4, median of %d runs"
                      % (label, method, TILES, SIZE, SIZE, RUNS))
                print("  PostGIS  %8.1f ms" % (pg * 1e3))
                print("  plraster %8.1f ms" % (pl * 1e3))
                print("  plraster is %.2fx PostGIS's speed" % (pg / pl))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
