"""Where the time of a plraster call goes, in the server: the profiles behind issue 13's
missed per-call and bulk targets (not part of make bench; the figures are in the README).

1. Per call, in-db (10,000 tiles of 64x64 8BUI, as bench_foundation): an empty PL/Python
   function with an integer argument, with the tile as bytea, the same parsing the header
   and locating the band, plraster's ST_Value, PostGIS's ST_Value (us per call).
2. ST_DumpValues (100 tiles of 64x64, as bench_bulk): PostGIS, plraster, the array text
   plraster's PL/Python builds, and that text cast to double precision[] (ms).
3. Zonal statistics, LATERAL form (900 tiles of 100x100, 200 polygons, as bench_clip): the
   GiST join, ST_Clip, ST_SummaryStats of the clip, both systems (us per pair); then the
   same Python calls looped in one backend, with and without 8 MB of other memory touched
   between calls (cold CPU caches, as between the calls of a query).

Run: bash tools/run-as-user.sh .venv/bin/python bench/profile_calls.py
"""
import os
import sys

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))

import pgserver  # noqa: E402
import bench_bulk  # noqa: E402
import bench_clip  # noqa: E402
import bench_foundation  # noqa: E402
from bench_foundation import time_query  # noqa: E402

# The clip and statistics calls of the zonal pairs, looped in a backend; with `thrash`,
# 8 MB are written between calls. Returns "clip us, stats us" per pair.
LOOP_BODY = r'''
import time
from plraster.functions import clip, stats
rows = plpy.execute("SELECT r.rast::bytea AS r, p.geom AS g FROM polys p JOIN pl_tiles r "
                    "ON plraster.st_intersects(r.rast, p.geom)")
pairs = [(x["r"], x["g"]) for x in rows]
junk = bytearray(8 << 20)
spent = [0.0, 0.0]
for _ in range(3):
    for r, g in pairs:
        if thrash:
            junk[::64] = bytes(len(junk[::64]))
        t0 = time.perf_counter()
        c = clip.clip(r, None, g, None, True)
        t1 = time.perf_counter()
        if thrash:
            junk[::64] = bytes(len(junk[::64]))
        t2 = time.perf_counter()
        stats.summary_stats(c, 1, True, 1)
        spent[0] += t1 - t0
        spent[1] += time.perf_counter() - t2
return "%.1f us, %.1f us" % (spent[0] / 3 / len(pairs) * 1e6, spent[1] / 3 / len(pairs) * 1e6)
'''


def per_call(conn):
    """Part 1."""
    bench_foundation.load(conn, 10000, 64)
    conn.execute("CREATE FUNCTION noop_int(i int) RETURNS float8 LANGUAGE plpython3u IMMUTABLE "
                 "AS 'return 1.0'")
    conn.execute("CREATE FUNCTION noop_tile(b bytea) RETURNS float8 LANGUAGE plpython3u IMMUTABLE "
                 "AS 'return 1.0'")
    conn.execute("CREATE FUNCTION parse_tile(b bytea) RETURNS float8 LANGUAGE plpython3u IMMUTABLE AS "
                 "'from plraster.core import wkb\nfrom plraster.core.bands import locate_band\n"
                 "locate_band(b, wkb.read_header(b), 1)\nreturn 1.0'")
    print("1. per call, 10,000 tiles of 64x64 (us)")
    for name, query in (("PostGIS ST_Value", "SELECT sum(public.st_value(rast, 1, 10, 10)) FROM pg_tiles"),
                        ("PL/Python, integer argument", "SELECT sum(noop_int(rid)) FROM pl_tiles"),
                        ("PL/Python, the tile as bytea", "SELECT sum(noop_tile(rast::bytea)) FROM pl_tiles"),
                        ("  + read_header and locate_band", "SELECT sum(parse_tile(rast::bytea)) FROM pl_tiles"),
                        ("plraster ST_Value", "SELECT sum(plraster.st_value(rast, 1, 10, 10)) FROM pl_tiles")):
        print("   %-34s %6.2f" % (name, time_query(conn, query, 5) / 10000 * 1e6))


def dump_values(conn):
    """Part 2."""
    bench_bulk.load(conn, "small", 100, 64)
    print("2. ST_DumpValues, 100 tiles of 64x64 (ms)")
    for name, query in (
            ("PostGIS", "SELECT count(*) FROM pg_small, public.st_dumpvalues(rast) d"),
            ("plraster", "SELECT count(*) FROM pl_small, plraster.st_dumpvalues(rast) d"),
            ("the array text alone", "SELECT sum(length(d.valtext)) FROM pl_small, "
                                     "plraster._plraster_dumpvalues(rast, NULL, true) d"),
            ("the text cast to float8[]", "SELECT count(d.valtext::float8[]) FROM pl_small, "
                                          "plraster._plraster_dumpvalues(rast, NULL, true) d")):
        print("   %-34s %6.1f" % (name, time_query(conn, query, 3) * 1e3))


def zonal(conn):
    """Part 3."""
    bench_clip.load(conn, 30, 100, 200)
    join = " FROM polys p JOIN {t} r ON {s}.st_intersects(r.rast, p.geom)"
    pairs = conn.execute("SELECT count(*)" + join.format(s="plraster", t="pl_tiles")).fetchone()[0]
    print("3. zonal statistics, LATERAL form, %d polygon/tile pairs (us per pair)" % pairs)
    for s, t in (("public", "pg_tiles"), ("plraster", "pl_tiles")):
        j = time_query(conn, "SELECT count(*)" + join.format(s=s, t=t), 5)
        c = time_query(conn, "SELECT sum(length({s}.st_clip(r.rast, p.geom)::bytea))".format(s=s) + join.format(s=s, t=t), 5)
        z = time_query(conn, "SELECT sum(z.sum)" + join.format(s=s, t=t)
                       + ", LATERAL {s}.st_summarystats({s}.st_clip(r.rast, p.geom)) z".format(s=s), 5)
        print("   %-9s join %5.1f, clip %6.1f, statistics of the clip %6.1f, whole query %6.1f"
              % (s, j / pairs * 1e6, (c - j) / pairs * 1e6, (z - c) / pairs * 1e6, z / pairs * 1e6))
    for thrash in (False, True):
        conn.execute("CREATE OR REPLACE FUNCTION zonal_loop(thrash boolean) RETURNS text "
                     "LANGUAGE plpython3u AS $f$" + LOOP_BODY + "$f$")
        print("   the same Python calls looped in a backend%s: clip, statistics %s"
              % (", 8 MB touched between calls" if thrash else "",
                 conn.execute("SELECT zonal_loop(%s)", (thrash,)).fetchone()[0]))


def main():
    """Start a server, run the three profiles, print them."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "profile")
        with psycopg.connect(url, autocommit=True) as conn:
            per_call(conn)
            dump_values(conn)
            zonal(conn)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
