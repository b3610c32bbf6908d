"""ST_MapAlgebra with the expression '[rast] * 2 + 1' on 256x256 tiles: PostGIS vs plraster.

PostGIS runs the expression through SPI once per pixel; plraster computes the arithmetic
with numpy for the whole band (the same doubles: the rasters are compared byte for byte).
An expression numpy does not take ('CASE ... END', one statement over the band) is timed as
well. 20 tiles of 256x256 32BF by default (`--tiles`), each timing the fastest of 3 runs of
one query over all tiles in the server (the results compared by md5 first). Run with
`make bench`.
"""
import argparse
import os
import sys
import time

import numpy as np
import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402
import results  # noqa: E402
from rasters import pack  # noqa: E402

SIZE = 256
EXPRESSIONS = (
    ("[rast] * 2 + 1", "numpy", 20),
    ("CASE WHEN [rast] > 2000 THEN [rast] * 2 ELSE [rast.x] + [rast.y] END", "one statement",
     None),
)
QUERY = "SELECT sum(length({s}.ST_MapAlgebra(rast, 1, NULL, %s)::bytea)) FROM {t}"
CHECK = "SELECT md5({s}.ST_MapAlgebra(rast, 1, NULL, %s)::bytea) FROM {t} ORDER BY id"
RUNS = 3


def load(conn, tiles):
    """The same random 32BF tiles (some nodata) in pg_tiles and pl_tiles."""
    rng = np.random.default_rng(11)
    conn.execute("CREATE TABLE pg_tiles (id int, rast public.raster)")
    conn.execute("CREATE TABLE pl_tiles (id int, rast plraster.raster)")
    for i in range(tiles):
        data = (rng.random((SIZE, SIZE)) * 4000).astype(np.float32)
        data[rng.random((SIZE, SIZE)) < 0.05] = -9999
        hexwkb = pack(SIZE, SIZE, [{"pixtype": "32BF", "data": data, "nodata": -9999}],
                      ul=(i * SIZE, 0.0), srid=4326)
        conn.execute("INSERT INTO pg_tiles VALUES (%s, %s::public.raster)", (i, hexwkb))
        conn.execute("INSERT INTO pl_tiles VALUES (%s, decode(%s, 'hex')::plraster.raster)",
                     (i, hexwkb))


def timed(conn, query, params):
    """Seconds of the fastest of RUNS runs (the rasters are made in the server, not sent)."""
    best = None
    for _ in range(RUNS):
        start = time.perf_counter()
        conn.execute(query, params).fetchall()
        t = time.perf_counter() - start
        best = t if best is None else min(best, t)
    return best


def main():
    """Load the tiles, time both implementations for each expression, print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tiles", type=int, default=20)
    args = parser.parse_args()
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            load(conn, args.tiles)
            for expr, path, target in EXPRESSIONS:
                pg_sums = conn.execute(CHECK.format(s="public", t="pg_tiles"), (expr,)).fetchall()
                pl_sums = conn.execute(CHECK.format(s="plraster", t="pl_tiles"), (expr,)).fetchall()
                same = pg_sums == pl_sums
                pl_t = timed(conn, QUERY.format(s="plraster", t="pl_tiles"), (expr,))
                pg_t = timed(conn, QUERY.format(s="public", t="pg_tiles"), (expr,))
                print("ST_MapAlgebra(rast, 1, NULL, '%s') on %d tiles of %dx%d 32BF (%s), "
                      "same rasters: %s" % (expr, args.tiles, SIZE, SIZE, path, same))
                print("  PostGIS  %9.1f ms  %8.2f ms/tile" % (pg_t * 1e3, pg_t / args.tiles * 1e3))
                print("  plraster %9.1f ms  %8.2f ms/tile" % (pl_t * 1e3, pl_t / args.tiles * 1e3))
                print("  plraster is %.1fx faster%s" % (
                    pg_t / pl_t, "" if target is None else " (target >= %dx)" % target))
                if target is not None:
                    results.record(11, "ST_MapAlgebra '%s' (PostGIS / plraster)" % expr, pg_t / pl_t,
                                   ">= %dx faster" % target, pg_t / pl_t >= target)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
