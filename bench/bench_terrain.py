"""Terrain: ST_Slope and ST_HillShade over 100 tiles of 256 x 256 (a 32BF DEM with nodata
holes), PostGIS vs plraster side by side in one run; both must give the same bytes.

PostGIS calls a PL/pgSQL callback per pixel (_st_slope4ma, _st_hillshade4ma); plraster
computes the band at once with numpy (plraster.functions.terrain). Target: >= 5x.
Run with `make bench` (as root it runs this unprivileged). BENCH_TERRAIN_TILES sets the
number of tiles (default 100).
"""
import os
import sys

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "analysis"))

import pgserver  # noqa: E402
import results  # noqa: E402
from bench_outdb import timed  # noqa: E402
from terrain_helpers import dem  # noqa: E402

TILES = int(os.environ.get("BENCH_TERRAIN_TILES", "100"))
SIZE = 256


def main():
    """Load the tiles into both, time each function in each, print the ratios."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench_terrain")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE pg_dem (rid integer, rast public.raster)")
            conn.execute("CREATE TABLE pl_dem (rid integer, rast plraster.raster)")
            for i in range(TILES):
                hexwkb = dem(SIZE, SIZE, seed=i, pixtype="32BF", nodata=-9999, holes=50,
                             ul=(500000.0 + (i % 10) * SIZE * 30, 4600000.0 - (i // 10) * SIZE * 30))
                conn.execute("INSERT INTO pg_dem VALUES (%s, %s::public.raster)", (i, hexwkb))
                conn.execute("INSERT INTO pl_dem VALUES (%s, ('\\x' || %s)::plraster.raster)",
                             (i, hexwkb.lower()))
            # warm both (library loads, numpy import)
            conn.execute("SELECT public.st_slope(rast) FROM pg_dem LIMIT 1").fetchall()
            conn.execute("SELECT plraster.st_slope(rast) FROM pl_dem LIMIT 1").fetchall()
            print("terrain: %d tiles of %dx%d 32BF (PostGIS: one run; plraster: median of 3)" % (TILES, SIZE, SIZE))
            for name, call in [("ST_Slope", "st_slope(rast)"),
                               ("ST_HillShade", "st_hillshade(rast)")]:
                # PostGIS takes about 2 s a tile: one run is long enough to time
                pg_t, pg_rows = timed(conn, "SELECT md5(public.st_asbinary(public.%s)) FROM pg_dem "
                                            "ORDER BY rid" % call, runs=1)
                pl_t, pl_rows = timed(conn, "SELECT md5(plraster.st_asbinary(plraster.%s)) FROM "
                                            "pl_dem ORDER BY rid" % call)
                same = "identical" if pg_rows == pl_rows else "DIFFERENT"
                print("  %-13s PostGIS %8.3f s   plraster %7.3f s   ratio %6.1fx   results %s"
                      % (name, pg_t, pl_t, pg_t / pl_t, same))
                results.record(11, name + " (PostGIS / plraster)", pg_t / pl_t, ">= 5x faster",
                               pg_t / pl_t >= 5)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
