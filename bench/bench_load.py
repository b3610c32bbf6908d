"""plraster-load vs raster2pgsql: the same 10,000 x 10,000 Int16 GeoTIFF, loaded in-db.

    raster2pgsql   -t 256x256 -I -C dem.tif public.dem | psql        (a PostGIS database)
    raster2pgsql   -t 256x256 -I -C -Y 100 dem.tif public.dem | psql (COPY statements)
    plraster-load  -t 256x256 -I -C dem.tif public.dem | psql        (a plraster database)
    plraster-load  -t 256x256 -I -C --dsn ... dem.tif public.dem     (direct, binary COPY)

and the SQL generation alone (output to /dev/null). Both databases live on one server
started here. Wall times are the median of --runs runs; the ratio is plraster-load /
raster2pgsql (below 1: plraster-load is faster); the direct load is compared with
`raster2pgsql -Y | psql`. The GeoTIFF is written by GDAL, uncompressed, in 256x256 tiles
(`--layout tiled`, issue 13's case) or in GDAL's default one-row strips (`--layout striped`).

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
import results  # noqa: E402


def write_dem(path, size, tiled=True):
    """A size x size Int16 GeoTIFF (EPSG:32631, nodata -32768): a ramp plus noise, in
    256x256 tiles or in one-row strips."""
    from osgeo import gdal, osr
    options = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"] if tiled else []
    ds = gdal.GetDriverByName("GTiff").Create(path, size, size, 1, gdal.GDT_Int16, options)
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
    parser.add_argument("--layout", choices=("tiled", "striped"), default="tiled")
    args = parser.parse_args()

    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    tmp = tempfile.mkdtemp(prefix="bench-load-")
    server = None
    try:
        tif = os.path.join(tmp, "dem.tif")
        write_dem(tif, args.size, args.layout == "tiled")
        server = pgserver.start_server()
        postgis, plraster = create_databases(server)
        options = ["-t", args.tile, "-I", "-C"]
        r2p = quote(["raster2pgsql"] + options + ["-d", tif, "public.dem"])
        mine = quote(plraster_load() + options + ["-d", tif, "public.dem"])
        direct = quote(plraster_load() + options + ["-d", "--dsn", plraster, tif, "public.dem"])
        psql = "psql -q -X -v ON_ERROR_STOP=1 -d {} > /dev/null"
        r2p_copy = quote(["raster2pgsql"] + options + ["-Y", "100", "-d", tif, "public.dem"])
        # (label, raster2pgsql's command, plraster-load's, issue 13's target or None)
        cases = [
            ("SQL generation only (> /dev/null)", r2p + " > /dev/null", mine + " > /dev/null", 1.0),
            ("| psql into the database", f"{r2p} | {psql.format(quote([postgis]))}",
             f"{mine} | {psql.format(quote([plraster]))}", None),
            ("--dsn (binary COPY) vs -Y | psql", f"{r2p_copy} | {psql.format(quote([postgis]))}",
             direct, 1.0),
        ]
        print(f"{args.size} x {args.size} Int16 GeoTIFF, {args.layout} "
              f"({os.path.getsize(tif) / 1e6:.0f} MB), options {' '.join(options)}, median of {args.runs} runs\n")
        print(f"{'':38} {'raster2pgsql':>13} {'plraster-load':>14} {'ratio':>7}")
        for label, theirs, ours, target in cases:
            t_theirs = statistics.median(timed(theirs, env) for _ in range(args.runs))
            t_ours = statistics.median(timed(ours, env) for _ in range(args.runs))
            ratio = t_ours / t_theirs
            print(f"{label:38} {t_theirs:12.2f}s {t_ours:13.2f}s {ratio:7.2f}"
                  + (f"   <= {target:.1f} {'met' if ratio <= target else 'NOT met'}" if target else ""))
            if target:
                results.record(13, f"plraster-load, {args.layout} {args.size}²: {label}", ratio,
                               f"<= {target:.1f}", ratio <= target)
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
