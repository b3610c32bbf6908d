"""Zonal statistics, ST_Clip and ST_AsRaster, PostGIS raster vs plraster, side by side in one database.

Zonal statistics (issue 11's headline use): polygons joined with the tiles they intersect,
`ST_SummaryStats(ST_Clip(rast, geom))` per pair, summed per polygon:

    SELECT id, sum(count), sum(sum), min(min), max(max)
      FROM (SELECT p.id, (ST_SummaryStats(ST_Clip(r.rast, p.geom))).*
              FROM polys p JOIN tiles r ON ST_Intersects(r.rast, p.geom)) q
     GROUP BY id

(PostgreSQL evaluates `(f(x)).*` once per column of f's result, in both systems); and
ST_Clip alone, once per pair; ST_AsRaster of every polygon at the coverage's pixel size.

on a coverage of `--grid` x `--grid` tiles of `--size` x `--size` 16BSI pixels (nodata -1,
GiST index on ST_ConvexHull(rast) on both tables), with `--polygons` random
polygons (convex hulls of random points) of a few tiles each. Both sides must give the same sums. Time: median of
`--runs` runs after a warm-up; ratio = PostGIS / plraster (higher is better for plraster).
"""
import argparse
import math
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

PIXEL = 10.0
ORIGIN = (500000.0, 4600000.0)

ZONAL = ("SELECT count(*), sum(n), sum(total), min(lo), max(hi) FROM ("
         " SELECT id, sum(count) AS n, sum(sum) AS total, min(min) AS lo, max(max) AS hi"
         "   FROM (SELECT p.id, ({s}.st_summarystats({s}.st_clip(r.rast, p.geom))).*"
         "           FROM polys p JOIN {t} r ON {s}.st_intersects(r.rast, p.geom)) AS q"
         "  GROUP BY id) AS z")
ZONAL_LATERAL = ("SELECT count(*), sum(n), sum(total), min(lo), max(hi) FROM ("
                 " SELECT p.id, sum(s.count) AS n, sum(s.sum) AS total, min(s.min) AS lo,"
                 "        max(s.max) AS hi"
                 "   FROM polys p JOIN {t} r ON {s}.st_intersects(r.rast, p.geom),"
                 "        LATERAL {s}.st_summarystats({s}.st_clip(r.rast, p.geom)) AS s"
                 "  GROUP BY p.id) AS z")
CLIP_ONLY = ("SELECT count(*), sum({s}.st_width(c) * {s}.st_height(c)) FROM ("
             " SELECT {s}.st_clip(r.rast, p.geom) AS c"
             "   FROM polys p JOIN {t} r ON {s}.st_intersects(r.rast, p.geom) OFFSET 0) AS q")
ASRASTER = ("SELECT sum({s}.st_width(x) * {s}.st_height(x)) FROM ("
            " SELECT {s}.st_asraster(p.geom, 10.0::float8, -10.0::float8, '8BUI'::text,"
            " 1::float8, 0::float8) AS x FROM polys p OFFSET 0) AS q")


def make_tiles(grid, size, seed=1):
    """grid x grid tiles of size x size 16BSI pixels (a ramp with noise, some nodata)."""
    rng = np.random.default_rng(seed)
    info = info_for_name("16BSI")
    for rid in range(grid * grid):
        col, row = rid % grid, rid // grid
        header = wkb.RasterHeader(1, PIXEL, -PIXEL, ORIGIN[0] + PIXEL * size * col,
                                  ORIGIN[1] - PIXEL * size * row, 0.0, 0.0, 32631, size, size)
        data = rng.integers(0, 3000, (size, size)).astype(np.int16)
        data[rng.random((size, size)) < 0.02] = -1
        band = wkb.Band(info, has_nodata=True, nodata=-1, data=data)
        yield rid, wkb.emit_raster(wkb.Raster(header, [band]))


def make_polygons(count, grid, size, seed=2):
    """count random point sets whose convex hulls (valid polygons) span about one to four
    tiles."""
    rng = np.random.default_rng(seed)
    extent = grid * size * PIXEL
    tile = size * PIXEL
    for pid in range(count):
        cx = ORIGIN[0] + rng.uniform(0.05, 0.95) * extent
        cy = ORIGIN[1] - rng.uniform(0.05, 0.95) * extent
        n = int(rng.integers(5, 16))
        angles = np.sort(rng.uniform(0, 2 * math.pi, n))
        radii = rng.uniform(0.3, 1.0, n) * tile * rng.uniform(0.3, 1.2)
        pts = ["%r %r" % (cx + r * math.cos(a), cy + r * math.sin(a)) for a, r in zip(angles, radii)]
        yield pid, "MULTIPOINT(%s)" % ", ".join(pts)


def load(conn, grid, size, polygons):
    """Create pg_tiles (PostGIS), pl_tiles (plraster), both indexed, and polys."""
    conn.execute("DROP TABLE IF EXISTS stage, pg_tiles, pl_tiles, polys")
    conn.execute("CREATE TABLE stage (rid int, wkb bytea)")
    with conn.cursor().copy("COPY stage (rid, wkb) FROM STDIN") as copy:
        for row in make_tiles(grid, size):
            copy.write_row(row)
    conn.execute("CREATE TABLE pg_tiles AS SELECT rid, public.st_rastfromwkb(wkb) AS rast FROM stage")
    conn.execute("CREATE TABLE pl_tiles AS SELECT rid, wkb::plraster.raster AS rast FROM stage")
    conn.execute("DROP TABLE stage")
    conn.execute("CREATE INDEX ON pg_tiles USING gist (public.st_convexhull(rast))")
    conn.execute("CREATE INDEX ON pl_tiles USING gist (plraster.st_convexhull(rast))")
    conn.execute("CREATE TABLE polys (id int PRIMARY KEY, geom geometry(Polygon, 32631))")
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO polys VALUES (%s, public.st_convexhull(public.st_geomfromtext(%s, 32631)))",
                        list(make_polygons(polygons, grid, size)))
    for table in ("pg_tiles", "pl_tiles", "polys"):
        conn.execute("VACUUM ANALYZE %s" % table)


def time_query(conn, query, runs):
    """(median wall time in seconds of runs executions after one warm-up, the rows)."""
    rows = conn.execute(query).fetchall()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        conn.execute(query).fetchall()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main():
    """Load the coverage and the polygons, time both queries on both, print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--grid", type=int, default=100, help="tiles per side (100: 10,000 tiles)")
    parser.add_argument("--size", type=int, default=100, help="pixels per tile side")
    parser.add_argument("--polygons", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            start = time.perf_counter()
            load(conn, args.grid, args.size, args.polygons)
            pairs = conn.execute("SELECT count(*) FROM polys p JOIN pg_tiles r "
                                 "ON public.st_intersects(r.rast, p.geom)").fetchone()[0]
            print("coverage: %d tiles of %dx%d 16BSI, %d polygons, %d polygon/tile pairs "
                  "(loaded in %.0f s); median of %d runs"
                  % (args.grid ** 2, args.size, args.size, args.polygons, pairs,
                     time.perf_counter() - start, args.runs))
            print("%-34s %12s %12s %8s" % ("query", "PostGIS s", "plraster s", "speed-up"))
            for name, template in (("zonal statistics (ST_Clip + stats)", ZONAL),
                                   ("zonal statistics, LATERAL form", ZONAL_LATERAL),
                                   ("ST_Clip alone", CLIP_ONLY),
                                   ("ST_AsRaster of every polygon", ASRASTER)):
                pg, pg_rows = time_query(conn, template.format(s="public", t="pg_tiles"), args.runs)
                pl, pl_rows = time_query(conn, template.format(s="plraster", t="pl_tiles"), args.runs)
                same = "same result" if pg_rows == pl_rows else "DIFFERENT: %r vs %r" % (pg_rows, pl_rows)
                print("%-34s %12.2f %12.2f %7.1fx  %s" % (name, pg, pl, pg / pl, same))
                if name.startswith("zonal"):
                    results.record(11, name + " (PostGIS / plraster)", pg / pl, ">= 2x faster", pg / pl >= 2)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
