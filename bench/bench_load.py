"""plraster-load vs raster2pgsql: the same 10,000 x 10,000 Int16 GeoTIFF, loaded in-db.

    raster2pgsql   -t 256x256 -I -C dem.tif public.dem | psql   (a PostGIS database)
    plraster-load  -t 256x256 -I -C dem.tif public.dem | psql   (a plraster database)
    plraster-load  -t 256x256 -I -C --dsn ... dem.tif public.dem (direct, binary COPY)

and the SQL generation alone (output to /dev/null). Both databases live on one server
started here. Wall times are the median of --runs runs; the ratio is plraster-load /
raster2pgsql (below 1: plraster-load is faster). The GeoTIFF is written by GDAL in its
default layout (uncompressed, one-row strips), as gdal_translate writes it.

Run: bash tools/run-as-user.sh .venv/bin/python bench/bench_load.py [--size N] [--runs N]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))

import pgserver  # noqa: E402


def write_dem(path, size):
    """A size x size Int16 GeoTIFF (EPSG:32631, nodata -32768): a ramp plus noise."""
    from osgeo import gdal, osr
    ds = gdal.GetDriverByName("GTiff").Create(path, size, size, 1, gdal.GDT_Int16)
    ds.SetGeoTransform((500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-32768)
    rng = np.random.default_rng(1)
    step = 1000
    for y in range(0, size, step):
        rows = min(step, size - y)
        yy, xx = np.mgrid[y:y + rows, 0:size]
        band.WriteArray(((xx * 3 + yy * 7) % 20000 - 10000 + rng.integers(0, 50, (rows, size))).astype(np.int16),
                        0, y)
    ds = None


def create_databases(server):
    """(PostGIS url, plraster url): PostGIS raster in one, plraster (in public) in the other."""
    with psycopg.connect(server.url(), autocommit=True) as conn:
        for name in ("bench_postgis", "bench_plraster"):
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
    postgis, plraster = server.url(database="bench_postgis"), server.url(database="bench_plraster")
    with psycopg.connect(postgis, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgis; CREATE EXTENSION postgis_raster")
    with psycopg.connect(plraster, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgis; CREATE EXTENSION plraster CASCADE")
    return postgis, plraster


def plraster_load():
    """The command that runs plraster-load from this checkout."""
    return [sys.executable, "-m", "plraster.load", "--no-progress"]


def timed(command, env=None):
    """Wall time of a shell pipeline (fails loudly on any error)."""
    start = time.perf_counter()
    subprocess.run(["bash", "-o", "pipefail", "-c", command], check=True, env=env,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def quote(args):
    return " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)


def main():
    """Write the GeoTIFF, time every way of loading it, print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000, help="image side in pixels (default 10000)")
    parser.add_argument("--tile", default="256x256", help="tile size (default 256x256)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    args = parser.parse_args()

    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    tmp = tempfile.mkdtemp(prefix="bench-load-")
    server = None
    try:
        tif = os.path.join(tmp, "dem.tif")
        write_dem(tif, args.size)
        server = pgserver.start_server()
        postgis, plraster = create_databases(server)
        options = ["-t", args.tile, "-I", "-C"]
        r2p = quote(["raster2pgsql"] + options + ["-d", tif, "public.dem"])
        mine = quote(plraster_load() + options + ["-d", tif, "public.dem"])
        direct = quote(plraster_load() + options + ["-d", "--dsn", plraster, tif, "public.dem"])
        psql = "psql -q -X -v ON_ERROR_STOP=1 -d {} > /dev/null"
        cases = [
            ("SQL generation only (> /dev/null)", r2p + " > /dev/null", mine + " > /dev/null"),
            ("| psql into the database", f"{r2p} | {psql.format(quote([postgis]))}",
             f"{mine} | {psql.format(quote([plraster]))}"),
            ("plraster-load --dsn (binary COPY)", None, direct),
        ]
        print(f"{args.size} x {args.size} Int16 GeoTIFF ({os.path.getsize(tif) / 1e6:.0f} MB), "
              f"options {' '.join(options)}, median of {args.runs} runs\n")
        print(f"{'':38} {'raster2pgsql':>13} {'plraster-load':>14} {'ratio':>7}")
        baseline = None
        for label, theirs, ours in cases:
            t_theirs = statistics.median(timed(theirs, env) for _ in range(args.runs)) if theirs else baseline
            t_ours = statistics.median(timed(ours, env) for _ in range(args.runs))
            if theirs and "psql" in theirs:
                baseline = t_theirs
            shown = f"{t_theirs:12.2f}s" if theirs else f"{'(' + format(t_theirs, '.2f') + 's)':>13}"
            print(f"{label:38} {shown} {t_ours:13.2f}s {t_ours / t_theirs:7.2f}")
        with psycopg.connect(plraster) as conn:
            n_pl = conn.execute("SELECT count(*) FROM public.dem").fetchone()[0]
        with psycopg.connect(postgis) as conn:
            n_pg = conn.execute("SELECT count(*) FROM public.dem").fetchone()[0]
        print(f"\ntiles loaded: PostGIS {n_pg}, plraster {n_pl}")
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
