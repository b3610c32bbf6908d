"""ST_Reclass on 100 tiles of 256x256, side by side with PostGIS raster, ratio printed.

The same tiles (a 32BF band with nodata, random values) are stored as PostGIS rasters and
as plraster rasters; each query reclassifies every tile with a three-range expression into
8BUI and sums the result's lengths (so the raster is built, not just planned). Median of
interleaved runs. ST_ColorMap has its own
bench (bench/bench_colormap.py).

Run as the other benches are run (an unprivileged user, the package installed):
    bash tools/run-as-user.sh .venv/bin/python bench/bench_reclass.py
"""
import contextlib
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


def interleaved_medians(conn, queries, params, runs=RUNS):
    """The median time of each query (a dict name -> SQL), runs interleaved after one
    warm-up run each (library loads, imports); also used by bench_colormap.py."""
    for query in queries.values():
        conn.execute(query, params).fetchall()
    times = {name: [] for name in queries}
    for _ in range(runs):
        for name, query in queries.items():
            start = time.perf_counter()
            conn.execute(query, params).fetchall()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def print_ratio(title, medians):
    """The PostGIS and plraster times of one case and their ratio."""
    pg, pl = medians["PostGIS"], medians["plraster"]
    print(title)
    print("  PostGIS  %8.1f ms" % (pg * 1e3))
    print("  plraster %8.1f ms" % (pl * 1e3))
    print("  plraster is %.2fx PostGIS's speed" % (pg / pl))


@contextlib.contextmanager
def tiles_connection():
    """A connection to a fresh bench database holding pg_tiles and pl_tiles (SETUP);
    also used by bench_colormap.py."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            for statement in SETUP:
                conn.execute(statement.format(n=SIZE, tiles=TILES))
            yield conn
    finally:
        server.stop()


def main():
    """Time both and print the median times and their ratio."""
    with tiles_connection() as conn:
        medians = interleaved_medians(conn, QUERIES, (EXPR,))
        print_ratio("ST_Reclass, %d tiles of %dx%d 32BF -> 8BUI, median of %d runs"
                    % (TILES, SIZE, SIZE, RUNS), medians)


if __name__ == "__main__":
    main()
