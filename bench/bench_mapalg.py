"""ST_MapAlgebra with st_mean4ma over a 3x3 neighbourhood: PostGIS vs plraster, side by side.

PostGIS calls its PL/pgSQL st_mean4ma once per pixel; plraster recognises the callback and
computes the whole band with numpy (the same values: both rasters are compared byte for
byte). 100 tiles of 256x256 16BUI by default (`--tiles` for fewer: PostGIS takes about 3 s a
tile). A user's own PL/pgSQL callback is timed on one tile as well. Run with `make bench`.
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
MEAN = "'{s}.st_mean4ma(double precision[], integer[], text[])'::regprocedure"
QUERY = ("SELECT {s}.ST_MapAlgebra(rast, 1, %s, NULL, 'FIRST', NULL, 1, 1)::bytea "
         "FROM {t} ORDER BY id" % MEAN)
USER_CALLBACK = """
CREATE FUNCTION public.bench_centre(value double precision[][][], pos integer[][],
    VARIADIC userargs text[] DEFAULT NULL) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN value[1][2][2] * 2; END $$
"""
USER = ("SELECT {s}.ST_MapAlgebra(rast, 1, 'public.bench_centre(double precision[], integer[], "
        "text[])'::regprocedure, NULL, 'FIRST', NULL, 1, 1)::bytea FROM {t} WHERE id = 0")


def load(conn, tiles):
    """The same random tiles (some nodata) in pg_tiles (PostGIS) and pl_tiles (plraster)."""
    rng = np.random.default_rng(7)
    conn.execute("CREATE TABLE pg_tiles (id int, rast public.raster)")
    conn.execute("CREATE TABLE pl_tiles (id int, rast plraster.raster)")
    for i in range(tiles):
        data = rng.integers(1, 4000, (SIZE, SIZE)).astype(np.uint16)
        data[rng.random((SIZE, SIZE)) < 0.05] = 0
        hexwkb = pack(SIZE, SIZE, [{"pixtype": "16BUI", "data": data, "nodata": 0}],
                      ul=(i * SIZE, 0.0), srid=4326)
        conn.execute("INSERT INTO pg_tiles VALUES (%s, %s::public.raster)", (i, hexwkb))
        conn.execute("INSERT INTO pl_tiles VALUES (%s, decode(%s, 'hex')::plraster.raster)",
                     (i, hexwkb))


def timed(conn, query):
    """(seconds, rows) of one run."""
    start = time.perf_counter()
    rows = conn.execute(query).fetchall()
    return time.perf_counter() - start, rows


def main():
    """Load the tiles, time both, check they agree, print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tiles", type=int, default=100)
    args = parser.parse_args()
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            load(conn, args.tiles)
            conn.execute(USER_CALLBACK)
            timed(conn, QUERY.format(s="plraster", t="pl_tiles WHERE id = 0"))  # warm-up
            pl_t, pl_rows = timed(conn, QUERY.format(s="plraster", t="pl_tiles"))
            pg_t, pg_rows = timed(conn, QUERY.format(s="public", t="pg_tiles"))
            same = [bytes(a[0]) for a in pg_rows] == [bytes(b[0]) for b in pl_rows]
            print("ST_MapAlgebra(rast, 1, st_mean4ma, 3x3) on %d tiles of %dx%d 16BUI, "
                  "same rasters: %s" % (args.tiles, SIZE, SIZE, same))
            print("  PostGIS  %9.1f ms  %8.1f ms/tile" % (pg_t * 1e3, pg_t / args.tiles * 1e3))
            print("  plraster %9.1f ms  %8.1f ms/tile" % (pl_t * 1e3, pl_t / args.tiles * 1e3))
            print("  plraster is %.1fx faster (target >= 5x)" % (pg_t / pl_t))
            results.record(11, "ST_MapAlgebra st_mean4ma 3x3 (PostGIS / plraster)", pg_t / pl_t,
                           ">= 5x faster", pg_t / pl_t >= 5)
            pg_u, pg_r = timed(conn, USER.format(s="public", t="pg_tiles"))
            pl_u, pl_r = timed(conn, USER.format(s="plraster", t="pl_tiles"))
            print("a user's PL/pgSQL callback, 3x3, one %dx%d tile (same raster: %s): PostGIS "
                  "%.1f ms, plraster %.1f ms, ratio plraster/PostGIS %.2f"
                  % (SIZE, SIZE, bytes(pg_r[0][0]) == bytes(pl_r[0][0]), pg_u * 1e3,
                     pl_u * 1e3, pl_u / pg_u))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
