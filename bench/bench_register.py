"""Registering a COG out-db: plraster_register_cog vs raster2pgsql -R | psql, one nginx.

The COG: 25,600 x 25,600 Byte, DEFLATE, 256x256 blocks (10,000 tiles), 7 internal
overviews, nodata 0 (a constant background of 7 with a few random blocks, about 2 MB),
served by nginx. Both load the same out-db records (/vsicurl/ path, one per block) into
the same database, in the same run:
  raster2pgsql -R -t auto /vsicurl/http://... public.pg_dem | psql        (as the issue asks)
  raster2pgsql -R -k -t auto ... | psql                                   (-k: no nodata check)
  SELECT plraster_register_cog('/vsicurl/http://...', 'pl_dem', overviews => false,
                               constraints => false, index => false)      (the same work)
  raster2pgsql -R -t auto -I -C ... | psql  vs  plraster_register_cog(..., overviews => false)
  SELECT plraster_register_cog('/vsicurl/http://...', 'pl_full')          (+ 7 overview tables,
                                                                           index, constraints)
Wall time (the whole pipeline for raster2pgsql, the statement for plraster, from a fresh
connection with cold caches) and HTTP requests counted in nginx's access log.
Run with `.venv/bin/python bench/bench_register.py` as an unprivileged user
(bash tools/run-as-user.sh ...).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(os.path.dirname(HERE), "tests")
sys.path[:0] = [TESTS, os.path.join(TESTS, "coverages")]

import pgserver  # noqa: E402
from register_fixtures import log_requests, write_big_cog  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402

def settle():
    """nginx logs a request after answering it."""
    time.sleep(0.5)


def run_raster2pgsql(url, db_url, table, extra, nginx):
    """(seconds, requests) of raster2pgsql -R [extra] -t auto | psql."""
    before = log_requests(nginx.access_log)
    start = time.perf_counter()
    producer = subprocess.Popen([shutil.which("raster2pgsql"), "-R"] + extra + ["-t", "auto", url, "public." + table],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    subprocess.run([shutil.which("psql"), "-q", "-v", "ON_ERROR_STOP=1", db_url], stdin=producer.stdout,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    producer.wait()
    seconds = time.perf_counter() - start
    settle()
    return seconds, log_requests(nginx.access_log) - before


def run_register(url, db_url, table, args, nginx):
    """(seconds, requests) of plraster_register_cog on a fresh connection."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("SELECT plraster.plraster_cache_reset()")
        before = log_requests(nginx.access_log)
        start = time.perf_counter()
        conn.execute("SELECT plraster.plraster_register_cog(%%s, %%s%s)" % args, (url, table)).fetchall()
        seconds = time.perf_counter() - start
    settle()
    return seconds, log_requests(nginx.access_log) - before


def main():
    """Write the COG, serve it, load it both ways and print the comparison."""
    work = tempfile.mkdtemp(prefix="plraster-bench-register-")
    os.chmod(work, 0o755)
    print("writing the 25,600 x 25,600 COG ...", flush=True)
    write_big_cog(os.path.join(work, "dem.tif"))
    size = os.path.getsize(os.path.join(work, "dem.tif"))
    try:
        with NginxServer(work) as nginx:
            url = "/vsicurl/" + nginx.url("dem.tif")
            server = pgserver.start_server()
            try:
                db_url = pgserver.create_database(server, "bench")
                with psycopg.connect(db_url, autocommit=True) as conn:
                    conn.execute("SELECT plraster.plraster_add_source(%s)", (nginx.base_url + "/",))
                    results = [
                        ("raster2pgsql -R -t auto | psql", run_raster2pgsql(url, db_url, "pg_dem", [], nginx)),
                        ("raster2pgsql -R -k -t auto | psql", run_raster2pgsql(url, db_url, "pg_dem_k", ["-k"], nginx)),
                        ("plraster_register_cog (records only)",
                         run_register(url, db_url, "pl_dem", ", overviews => false, constraints => false, "
                                                             "index => false", nginx)),
                        ("raster2pgsql -R -t auto -I -C | psql",
                         run_raster2pgsql(url, db_url, "pg_dem_ic", ["-I", "-C"], nginx)),
                        ("plraster_register_cog (index, constraints: overviews => false)",
                         run_register(url, db_url, "pl_ic", ", overviews => false", nginx)),
                        ("plraster_register_cog (defaults: +7 overview tables, index, constraints)",
                         run_register(url, db_url, "pl_full", "", nginx)),
                    ]
                    counts = {t: conn.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
                              for t in ("pg_dem", "pg_dem_k", "pg_dem_ic", "pl_dem", "pl_ic", "pl_full")}
                    same = conn.execute(
                        "SELECT count(*) = 10000 AND bool_and(public.st_asbinary(p.rast) = l.rast::bytea) "
                        "FROM pg_dem_k p JOIN pl_dem l USING (rid)").fetchone()[0]
                    overviews = conn.execute("SELECT count(*) FROM pg_tables WHERE tablename ~ '^o_[0-9]+_pl_full$'"
                                             ).fetchone()[0]
            finally:
                server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("COG %d bytes on nginx, 10,000 blocks of 256x256; rows: %s; overview tables of pl_full: %d"
          % (size, counts, overviews))
    print("raster2pgsql -R -k and plraster_register_cog wrote identical records: %s\n" % same)
    print("  %-74s %9s %9s" % ("", "wall", "requests"))
    for name, (seconds, requests) in results:
        print("  %-74s %8.2fs %9d" % (name, seconds, requests))
    timing = dict(results)
    pairs = (("plraster_register_cog (records only)", "raster2pgsql -R -t auto | psql"),
             ("plraster_register_cog (records only)", "raster2pgsql -R -k -t auto | psql"),
             ("plraster_register_cog (index, constraints: overviews => false)", "raster2pgsql -R -t auto -I -C | psql"),
             ("plraster_register_cog (defaults: +7 overview tables, index, constraints)",
              "raster2pgsql -R -t auto | psql"))
    print()
    for mine, theirs in pairs:
        print("%s vs %s: %.1fx faster, %d requests instead of %d"
              % (mine, theirs, timing[theirs][0] / timing[mine][0], timing[mine][1], timing[theirs][1]))


if __name__ == "__main__":
    main()
