"""ST_Transform (EPSG:32631 -> EPSG:4326, bilinear), ST_AsPNG and ST_AsTIFF of 100 tiles of
256 x 256 (16BUI ramp + noise for the warp and TIFF, 8BUI for PNG), plraster against
PostGIS 3.3 in the same server, interleaved, median of 5 runs; prints the ratios.

Run as bench_foundation.py is run (an unprivileged user, the package installed):
    bash tools/run-as-user.sh .venv/bin/python bench/bench_warp.py
"""
import os
import statistics
import sys
import time

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402
import results  # noqa: E402

TILES = int(os.environ.get("BENCH_WARP_TILES", "100"))
RUNS = 5
SETUP = """
CREATE TABLE tiles AS
SELECT g AS rid, public.st_setvalues(public.st_addband(
         public.st_makeemptyraster(256, 256, 500000 + (g % 10) * 7680, 4000000 - (g / 10) * 7680,
                                   30, -30, 0, 0, 32631), '16BUI'::text, 0, NULL),
         1, 1, 1, (SELECT array_agg(r) FROM (SELECT array_agg(((x * 37 + y * 11 + g) % 4000)::float8) r
                   FROM generate_series(1, 256) y, generate_series(1, 256) x GROUP BY y ORDER BY y) s))
       AS pg
FROM generate_series(0, {n} - 1) g;
ALTER TABLE tiles ADD COLUMN pl plraster.raster;
UPDATE tiles SET pl = pg::bytea::plraster.raster;
ALTER TABLE tiles ADD COLUMN pg8 public.raster;
UPDATE tiles SET pg8 = public.st_reclass(pg, '0-4000:0-255', '8BUI');
ALTER TABLE tiles ADD COLUMN pl8 plraster.raster;
UPDATE tiles SET pl8 = pg8::bytea::plraster.raster;
"""
QUERIES = {
    "ST_Transform(rast, 4326, 'Bilinear')": (
        "SELECT count(public.st_transform(pg, 4326, 'Bilinear')) FROM tiles",
        "SELECT count(plraster.st_transform(pl, 4326, 'Bilinear')) FROM tiles"),
    "ST_AsPNG(rast) 8BUI": (
        "SELECT sum(length(public.st_aspng(pg8))) FROM tiles",
        "SELECT sum(length(plraster.st_aspng(pl8))) FROM tiles"),
    "ST_AsTIFF(rast) 16BUI": (
        "SELECT sum(length(public.st_astiff(pg))) FROM tiles",
        "SELECT sum(length(plraster.st_astiff(pl))) FROM tiles"),
}


def main():
    """Time each pair, interleaved, and print medians and ratios."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")
            conn.execute(SETUP.format(n=TILES))
            for pg_q, pl_q in QUERIES.values():   # warm both (library loads, imports)
                conn.execute(pg_q)
                conn.execute(pl_q)
            print("%d tiles of 256 x 256; median of %d interleaved runs" % (TILES, RUNS))
            print("%-38s %10s %10s %8s" % ("query", "PostGIS ms", "plraster ms", "ratio"))
            for label, (pg_q, pl_q) in QUERIES.items():
                times = {"pg": [], "pl": []}
                for _ in range(RUNS):
                    for key, query in (("pg", pg_q), ("pl", pl_q)):
                        start = time.perf_counter()
                        conn.execute(query).fetchall()
                        times[key].append((time.perf_counter() - start) * 1000)
                pg_ms, pl_ms = statistics.median(times["pg"]), statistics.median(times["pl"])
                print("%-38s %10.1f %10.1f %7.2fx" % (label, pg_ms, pl_ms, pl_ms / pg_ms))
                results.record(12, label, pl_ms / pg_ms, "<= 1.2", pl_ms / pg_ms <= 1.2)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
