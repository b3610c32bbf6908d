"""ST_DumpAsPolygons on 100 tiles of 256x256 of a classified raster, plraster beside PostGIS.

The tiles (8BUI, five classes in 3x3 blocks with scattered single pixels, class 0 as nodata)
are made once in a table of each type; each run polygonises all 100 tiles and counts the
rows. Runs are interleaved; the medians and their ratio are printed.

    bash tools/run-as-user.sh .venv/bin/python bench/bench_polygons.py [tiles]
"""
import os
import statistics
import sys
import time

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402

SIZE = 256
RUNS = 5
SETUP = """
CREATE TABLE pix AS
  SELECT t, array_agg(row_vals ORDER BY r) AS vals FROM (
    SELECT t, r, array_agg(CASE WHEN random() < 0.08 THEN 4
                                ELSE (hashint4(t * 100003 + (r / 3) * 1009 + c / 3) & 3) END
                           ORDER BY c)::float8[] AS row_vals
    FROM generate_series(1, {tiles}) AS t, generate_series(0, {n} - 1) AS r,
         generate_series(0, {n} - 1) AS c
    GROUP BY t, r) AS rows
  GROUP BY t;
CREATE TABLE pg_tiles AS SELECT t, public.st_setvalues(public.st_addband(
    public.st_makeemptyraster({n}, {n}, t * {n}, 0, 1, -1, 0, 0, 3857), '8BUI'::text, 0::float8, 0::float8),
    1, 1, 1, vals) AS rast FROM pix;
CREATE TABLE pl_tiles AS SELECT t, rast::bytea::plraster.raster AS rast FROM pg_tiles;
"""


def main():
    """Print the median time of each implementation and plraster's speed-up."""
    tiles = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(SETUP.format(tiles=tiles, n=SIZE))
            queries = {
                "PostGIS": "SELECT count(*) FROM pg_tiles, public.st_dumpaspolygons(rast) AS g",
                "plraster": "SELECT count(*) FROM pl_tiles, plraster.st_dumpaspolygons(rast) AS g",
            }
            counts = {k: conn.execute(q).fetchone()[0] for k, q in queries.items()}  # warm up
            assert counts["PostGIS"] == counts["plraster"], counts
            times = {k: [] for k in queries}
            for _ in range(RUNS):
                for name, query in queries.items():
                    start = time.perf_counter()
                    conn.execute(query).fetchall()
                    times[name].append(time.perf_counter() - start)
            pg = statistics.median(times["PostGIS"])
            pl = statistics.median(times["plraster"])
            print("ST_DumpAsPolygons, %d tiles of %dx%d (%d polygons), median of %d runs:"
                  % (tiles, SIZE, SIZE, counts["PostGIS"], RUNS))
            print("  PostGIS %8.1f ms   plraster %8.1f ms   plraster/PostGIS time %.2f"
                  " (speed-up %.2fx)" % (pg * 1e3, pl * 1e3, pl / pg, pg / pl))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
