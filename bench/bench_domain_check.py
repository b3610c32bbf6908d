"""What the raster domain's check costs per value, against no check and against 0.1.0's.

Every raster that enters plraster, including every result of a plraster function, passes
the domain's check. This casts the same in-memory values (one 64x64 band, and three bands)
to the base type (no check), to a domain with 0.1.0's check (three bytes and the length),
and to plraster's raster, interleaved, and prints the median cost per value over no check.

Run as bench_foundation.py is run (an unprivileged user, the package installed):
    bash tools/run-as-user.sh .venv/bin/python bench/bench_domain_check.py
"""
import os
import statistics
import sys
import time

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402

ROWS = 5000
SETUP = [
    # 0.1.0's check, verbatim but for its error function, on a domain of its own.
    """CREATE FUNCTION check_010(wkb bytea) RETURNS boolean
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
       RETURN CASE WHEN substring(wkb FROM 1 FOR 3) IN ('\\x010000'::bytea, '\\x000000'::bytea)
                        AND length(wkb) >= 61
                   THEN true ELSE plraster._plraster_check_wkb_full(wkb) END""",
    "CREATE DOMAIN raster_010 AS plraster.plraster_wkb CHECK (check_010(VALUE))",
    """CREATE TABLE one AS SELECT plraster.st_setvalue(plraster.st_addband(
         plraster.st_makeemptyraster(64, 64, 0, 0, 1), '8BUI'::text, 1::float8, 0::float8),
         1, 1, 1, g % 250)::bytea AS b FROM generate_series(1, {rows}) AS g""",
    """CREATE TABLE three AS SELECT plraster.st_setvalue(plraster.st_addband(
         plraster.st_makeemptyraster(64, 64, 0, 0, 1),
         ARRAY[ROW(1, '8BUI', 1, 0), ROW(2, '16BUI', 7, 0), ROW(3, '32BF', 0.5, NULL)]
         ::plraster.addbandarg[]), 1, 1, 1, g % 250)::bytea AS b
       FROM generate_series(1, {rows}) AS g""",
]
TARGETS = ("plraster.plraster_wkb", "raster_010", "plraster.raster")


def main():
    """Time the casts and print the cost per value of each check."""
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            for statement in SETUP:
                conn.execute(statement.format(rows=ROWS))
            print("%d in-memory values per query; median of 9 interleaved runs" % ROWS)
            print("%-8s %-24s %10s %16s" % ("bands", "cast to", "ms", "us/value over none"))
            for table in ("one", "three"):
                times = {target: [] for target in TARGETS}
                for _ in range(9):
                    for target in TARGETS:
                        # b || '' makes each value a fresh in-memory datum, as a result is.
                        query = "SELECT count((b || ''::bytea)::%s) FROM %s" % (target, table)
                        start = time.perf_counter()
                        conn.execute(query).fetchall()
                        times[target].append(time.perf_counter() - start)
                none = statistics.median(times[TARGETS[0]])
                for target in TARGETS:
                    t = statistics.median(times[target])
                    print("%-8s %-24s %10.1f %16.2f" % (table, target, t * 1e3,
                                                        (t - none) / ROWS * 1e6))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
