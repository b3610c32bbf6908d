"""Cold out-db reads, memory and concurrency: PostGIS + GDAL vs plraster, in one run.

The coverage: a SIZE x SIZE Int16 DEFLATE COG (256x256 blocks, a smooth DEM plus noise)
served by nginx on 127.0.0.1, registered out-db in 256x256 tiles by `raster2pgsql -R -t
256x256 -I` (PostGIS); plraster gets the very same records (ST_AsBinary -> ST_RastFromWKB)
and the same GiST index. Measured (issue 13's targets beside each line):
  (1) ST_AsBinary(rast, true) over 400 tiles, in a new connection with every cache cold
      (plraster's block cache shared by the backends emptied too), then again in a new
      connection with that shared cache as the previous one left it,
  (2) ST_SummaryStats over the same 400 tiles, in a new connection, every cache cold,
  (3) ST_Value at 10,000 random points through the index: cold (a new connection, every
      cache cold) and warm (the same query again in that connection),
  (4) the backend's resident memory after ST_SummaryStats over 4,000 distinct tiles,
  (5) pgbench, one out-db ST_Value at a random point per transaction, 2 and 8 clients.
Times are the best of --runs; ratio = plraster / PostGIS (lower is better for plraster).
The COG is kept in --cache-dir between runs (writing it takes a minute at 20,000²).
Run with `make bench` (as root it runs this unprivileged).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
import psycopg
from osgeo import gdal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402
import results  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402

sys.path.insert(0, HERE)
from bench_outdb import log_counts  # noqa: E402

POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")
IMPLEMENTATIONS = (("PostGIS", "public", "pg_cov"), ("plraster", "plraster", "pl_cov"))


def write_cog(path, size):
    """A size x size Int16 DEFLATE COG, 256x256 blocks: a smooth surface plus noise,
    written strip by strip (memory stays small)."""
    gdal.UseExceptions()
    tmp = path + ".strips.tif"
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(tmp, size, size, 1, gdal.GDT_Int16, options=["TILED=YES", "BIGTIFF=YES"])
    ds.SetGeoTransform((500000.0, 10.0, 0.0, 4700000.0, 0.0, -10.0))
    ds.SetProjection(_utm31())
    band = ds.GetRasterBand(1)
    rng = np.random.default_rng(13)
    xs = np.arange(size, dtype=np.float64)
    for y0 in range(0, size, 1024):
        ys = np.arange(y0, min(y0 + 1024, size), dtype=np.float64)[:, None]
        dem = (800 + 400 * np.sin(xs / 1700.0) * np.cos(ys / 2300.0)
               + 150 * np.sin((xs + ys) / 310.0) + rng.normal(0, 3, (len(ys), size)))
        band.WriteArray(dem.astype(np.int16), 0, y0)
    ds = None
    gdal.Translate(path, tmp, format="COG", creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=256",
                                                             "OVERVIEWS=NONE", "BIGTIFF=YES"])
    os.unlink(tmp)


def _utm31():
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    return srs.ExportToWkt()


def load_coverage(url, path, bindir):
    """raster2pgsql -R -t 256x256 -I into pg_cov, the same records into pl_cov."""
    sql = subprocess.run(["raster2pgsql", "-R", "-t", "256x256", "-s", "32631",
                          "-I", path, "public.pg_cov"], check=True, capture_output=True).stdout
    subprocess.run([os.path.join(bindir, "psql"), "-q", "-v", "ON_ERROR_STOP=1", url], input=sql, check=True,
                   capture_output=True)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE pl_cov AS SELECT rid, plraster.st_rastfromwkb(public.st_asbinary(rast)) "
                     "AS rast FROM pg_cov")
        conn.execute("CREATE INDEX ON pl_cov USING gist (plraster.st_convexhull(rast))")
        conn.execute("ALTER TABLE pl_cov ADD PRIMARY KEY (rid)")
        conn.execute("ANALYZE pg_cov; ANALYZE pl_cov")
        return conn.execute("SELECT count(*) FROM pg_cov").fetchone()[0]


def block_rids(conn, count):
    """The rids of a square block of about `count` tiles in the coverage's middle."""
    side = int(round(count ** 0.5))
    per_row = conn.execute("SELECT count(*) FROM pg_cov WHERE public.st_upperlefty(rast) = "
                           "(SELECT max(public.st_upperlefty(rast)) FROM pg_cov)").fetchone()[0]
    r0 = c0 = max(0, (per_row - side) // 2)
    return [(r0 + r) * per_row + c0 + c + 1 for r in range(side) for c in range(side)]


def fresh(url):
    """A new connection (a new backend: every cache of both implementations is cold)."""
    conn = psycopg.connect(url, autocommit=True)
    conn.execute(POSTGIS_OUTDB)
    return conn


def clear_shared_cache(server):
    """Empty plraster's block cache shared by the backends (files in the data directory)."""
    shutil.rmtree(os.path.join(server.base_dir, "data", "plraster_cache"), ignore_errors=True)


def best_cold(url, query, runs, setup=None, server=None):
    """Best seconds of `query` over `runs` new connections, and its rows; with `server`,
    plraster's shared block cache is emptied before each run too."""
    best, rows = None, None
    for _ in range(runs):
        if server is not None:
            clear_shared_cache(server)
        with fresh(url) as conn:
            if setup:
                conn.execute(setup)
            start = time.perf_counter()
            rows = conn.execute(query).fetchall()
            took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best, rows


def random_points(conn, count, seed=7):
    """A table pts(id, geom) of random points inside the coverage's extent."""
    xmin, ymin, xmax, ymax = conn.execute(
        "SELECT public.st_xmin(e), public.st_ymin(e), public.st_xmax(e), public.st_ymax(e) FROM "
        "(SELECT public.st_extent(public.st_envelope(rast))::geometry AS e FROM pg_cov) q").fetchone()
    rng = np.random.default_rng(seed)
    xs = rng.uniform(xmin, xmax, count)
    ys = rng.uniform(ymin, ymax, count)
    conn.execute("DROP TABLE IF EXISTS pts; CREATE TABLE pts (id int PRIMARY KEY, geom geometry)")
    with conn.cursor().copy("COPY pts (id, geom) FROM STDIN") as copy:
        for i, (x, y) in enumerate(zip(xs, ys)):
            copy.write_row((i, "SRID=32631;POINT(%r %r)" % (x, y)))
    conn.execute("ANALYZE pts")
    return (xmin, ymin, xmax, ymax)


def backend_rss_kb(conn):
    """VmRSS and VmHWM (kB) of the connection's backend."""
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    with open("/proc/%d/status" % pid) as f:
        fields = dict(line.split(":", 1) for line in f)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def pgbench(url, schema, table, extent, clients, seconds, bindir):
    """Transactions per second of one out-db ST_Value at a random point per transaction."""
    xmin, ymin, xmax, ymax = extent
    script = ("\\set x random(%d, %d)\n\\set y random(%d, %d)\n"
              "SELECT {s}.st_value(rast, 1, public.st_setsrid(public.st_makepoint(:x, :y), 32631)) "
              "FROM {t} WHERE {s}.st_intersects(rast, public.st_setsrid(public.st_makepoint(:x, :y), 32631));\n"
              % (int(xmin) + 1, int(xmax) - 1, int(ymin) + 1, int(ymax) - 1)).format(s=schema, t=table)
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
    env = dict(os.environ, PGOPTIONS="-c postgis.enable_outdb_rasters=on -c postgis.gdal_enabled_drivers=ENABLE_ALL")
    out = subprocess.run([os.path.join(bindir, "pgbench"), "-n", "-c", str(clients), "-j", str(clients),
                          "-T", str(seconds), "-f", f.name, url], check=True, capture_output=True,
                         text=True, env=env).stdout
    os.unlink(f.name)
    return float(re.search(r"tps = ([0-9.]+)", out).group(1))


def row(name, pg, pl, target, unit="ms", higher_is_better=False):
    """Print one line of the table: ratio = plraster / PostGIS, and the target."""
    ratio = pl / pg
    met = ratio >= target if higher_is_better else ratio <= target
    sign = ">=" if higher_is_better else "<="
    print("%-44s %10.1f %10.1f %s %7.2f   %s %.2f  %s" % (name, pg, pl, unit.ljust(4), ratio, sign, target,
                                                       "met" if met else "NOT met"))
    results.record(13, name.strip(), ratio, "%s %.2f" % (sign, target), met)


def main():
    """Build or reuse the COG, serve it, load both, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--tiles", type=int, default=400, help="tiles read by (1) and (2)")
    parser.add_argument("--points", type=int, default=10000)
    parser.add_argument("--memory-tiles", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pgbench-seconds", type=int, default=10)
    parser.add_argument("--cache-dir", default="/tmp/plraster-bench-cold")
    parser.add_argument("--only", default="12345", help="which measurements, e.g. 13")
    parser.add_argument("--server-dir", default="/var/tmp", help="where the test server's data directory goes")
    args = parser.parse_args()
    # The server's data directory (where plraster's shared block cache lives) goes to
    # --server-dir: on the development machine creating a file in /tmp costs 0.4-0.8 ms,
    # against 0.02 ms in /var/tmp on the same disk.
    tempfile.tempdir = args.server_dir
    bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
    os.makedirs(args.cache_dir, exist_ok=True)
    cog = os.path.join(args.cache_dir, "dem-%d.tif" % args.size)
    if not os.path.exists(cog):
        start = time.perf_counter()
        write_cog(cog, args.size)
        print("wrote %s (%.1f MB) in %.1f s" % (cog, os.path.getsize(cog) / 1e6, time.perf_counter() - start))
    with NginxServer(args.cache_dir) as nginx:
        path = "/vsicurl/" + nginx.url(os.path.basename(cog))
        server = pgserver.start_server()
        try:
            url = pgserver.create_database(server, "bench")
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("SELECT plraster.plraster_add_source(%s)", (nginx.base_url + "/",))
            count = load_coverage(url, path, bindir)
            with psycopg.connect(url, autocommit=True) as conn:
                rids = block_rids(conn, args.tiles)
                conn.execute("CREATE TABLE sel AS SELECT unnest(%s::int[]) AS rid", (rids,))
                extent = random_points(conn, args.points)
            print("COG %d² Int16 DEFLATE 256x256 blocks on nginx, %d out-db tiles of 256x256; best of %d"
                  % (args.size, count, args.runs))
            print("%-44s %10s %10s %4s %7s   target" % ("", "PostGIS", "plraster", "", "ratio"))
            if "1" in args.only:
                q = ("SELECT md5(string_agg({s}.st_asbinary(rast, true), '' ORDER BY rid)) "
                     "FROM {t} JOIN sel USING (rid)")
                res = [best_cold(url, q.format(s=s, t=t), args.runs, server=server) for _, s, t in IMPLEMENTATIONS]
                row("(1) ST_AsBinary(rast, true), %d tiles, cold" % len(rids), res[0][0] * 1e3,
                    res[1][0] * 1e3, 1.0)
                assert res[0][1] == res[1][1], "ST_AsBinary differs"
                again = best_cold(url, q.format(s="plraster", t="pl_cov"), args.runs)
                row("    new connection, shared block cache warm", res[0][0] * 1e3, again[0] * 1e3, 1.0)
            if "2" in args.only:
                q = ("SELECT sum((s).sum), sum((s).count) FROM (SELECT {s}.st_summarystats(rast) AS s "
                     "FROM {t} JOIN sel USING (rid) OFFSET 0) q")
                res = [best_cold(url, q.format(s=s, t=t), args.runs, server=server) for _, s, t in IMPLEMENTATIONS]
                row("(2) ST_SummaryStats, %d tiles, cold" % len(rids), res[0][0] * 1e3, res[1][0] * 1e3, 1.0)
                assert res[0][1] == res[1][1], "ST_SummaryStats differs"
            if "3" in args.only:
                q = ("SELECT sum({s}.st_value(rast, 1, p.geom)) FROM pts p JOIN {t} "
                     "ON {s}.st_intersects(rast, p.geom)")
                cold, warm, answers = [], [], []
                for _, s, t in IMPLEMENTATIONS:
                    best_c = best_w = None
                    for _ in range(args.runs):
                        clear_shared_cache(server)
                        with fresh(url) as conn:
                            start = time.perf_counter()
                            answers.append(conn.execute(q.format(s=s, t=t)).fetchall())
                            c = time.perf_counter() - start
                            start = time.perf_counter()
                            conn.execute(q.format(s=s, t=t)).fetchall()
                            w = time.perf_counter() - start
                        best_c = c if best_c is None else min(best_c, c)
                        best_w = w if best_w is None else min(best_w, w)
                    cold.append(best_c)
                    warm.append(best_w)
                row("(3) ST_Value, %d random points, cold" % args.points, cold[0] * 1e3, cold[1] * 1e3, 1.0)
                row("(3) ST_Value, %d random points, warm" % args.points, warm[0] * 1e3, warm[1] * 1e3, 0.5)
                assert answers[0] == answers[-1], "ST_Value sums differ"
            if "4" in args.only:
                rss = []
                for _, s, t in IMPLEMENTATIONS:
                    clear_shared_cache(server)
                    with fresh(url) as conn:
                        conn.execute("SELECT sum(({s}.st_summarystats(rast)).count) FROM (SELECT rast FROM {t} "
                                     "ORDER BY rid LIMIT {n}) q".format(s=s, t=t, n=args.memory_tiles)).fetchall()
                        rss.append(backend_rss_kb(conn))
                row("(4) backend RSS after %d tiles (MB)" % args.memory_tiles, rss[0][0] / 1024,
                    rss[1][0] / 1024, 2.0, unit="MB")
                print("    peak (VmHWM): PostGIS %.0f MB, plraster %.0f MB" % (rss[0][1] / 1024, rss[1][1] / 1024))
            if "5" in args.only:
                for clients in (2, 8):
                    tps = [pgbench(url, s, t, extent, clients, args.pgbench_seconds, bindir)
                           for _, s, t in IMPLEMENTATIONS]
                    row("(5) pgbench out-db ST_Value, %d clients (tps)" % clients, tps[0], tps[1], 1.0,
                        unit="tps", higher_is_better=True)
            print("nginx: %d requests, %d bytes in all" % log_counts(nginx.access_log))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
