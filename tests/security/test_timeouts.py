"""Long CPU loops end at statement_timeout and at pg_cancel_backend (issue 9, finding 3).

Each statement below would run for a long time (minutes to days); under a 1.5 s
statement_timeout it must end with 57014 within a generous margin, as must a
pg_cancel_backend from another session, and the session must keep working afterwards.
Run by an unprivileged role on the memory-capped server (see conftest).
"""
import threading
import time

import psycopg
import pytest

from memtime_helpers import postmaster_start

TIMEOUT_MS = 1500
MARGIN = 10.0  # seconds past the timeout: generous, a loop without checks runs far longer

BIG = ("plraster.st_addband(plraster.st_makeemptyraster(4096, 4096, 0, 0, 1, -1, 0, 0, 4326), "
       "'8BUI'::text, 0, 0)")

LONG = {
    "coverage": "SELECT count(*) FROM plraster.st_makeemptycoverage(1, 1, 65535, 65535, 0, 0, 1, -1, 0, 0, 0)",
    "coverage_tlist": "SELECT count(*) FROM (SELECT plraster.st_makeemptycoverage("
                      "1, 1, 65535, 65535, 0, 0, 1, -1, 0, 0, 0)) s",
    "pixelaspolygons": "SELECT count(*) FROM plraster.st_pixelaspolygons(%s, 1, false)" % BIG,
    "pixelascentroids": "SELECT count(*) FROM generate_series(1, 1000) g, "
                        "LATERAL plraster.st_pixelascentroids(%s, 1, false) p" % BIG,
    # Every pixel is nodata, but the band's is-nodata flag is not set (nodata set after
    # the pixels, as in PostGIS), so the search must walk the rings, not read the flag.
    "nearestvalue": "SELECT count(plraster.st_nearestvalue(plraster.st_setbandnodatavalue(%s, 1, 0), 1, "
                    "public.st_setsrid(public.st_makepoint(g * 1e6, -5), 4326))) "
                    "FROM generate_series(1, 100) g" % BIG.replace("0, 0)", "0, 1)"),
    "tile": "SELECT count(*) FROM plraster.st_tile(%s, 1, 1)" % BIG,
    "setvalues": "SELECT octet_length(plraster.st_setvalues(%s, 1, 1, 1, 4096, 4000, 5)::bytea) "
                 "FROM generate_series(1, 100)" % BIG,
    "dumpvalues": "SELECT count(plraster.st_dumpvalues(%s, 1)) FROM generate_series(1, 100)"
                  % BIG.replace("0, 0)", "1, 0)"),
}


@pytest.fixture(scope="module")
def start_time(capped_sql):
    return postmaster_start(capped_sql)


@pytest.mark.parametrize("name", sorted(LONG))
def test_statement_timeout_ends_long_loops(hostile, capped_sql, start_time, name):
    hostile.run("SET statement_timeout = %d" % TIMEOUT_MS)
    try:
        t0 = time.monotonic()
        out = hostile.run(LONG[name])
        elapsed = time.monotonic() - t0
    finally:
        hostile.run("RESET statement_timeout")
    assert out.sqlstate == "57014", (name, out)
    assert elapsed < TIMEOUT_MS / 1000 + MARGIN, (name, elapsed)
    assert hostile.value("SELECT 1") == 1
    assert postmaster_start(capped_sql) == start_time


@pytest.mark.parametrize("name", ["coverage", "pixelaspolygons", "nearestvalue", "dumpvalues"])
def test_cancel_ends_long_loops(hostile_url, capped_sql, start_time, name):
    result = {}
    with psycopg.connect(hostile_url, autocommit=True) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]

        def run():
            t0 = time.monotonic()
            try:
                conn.execute(LONG[name]).fetchall()
                result["state"] = None
            except psycopg.Error as e:
                result["state"] = e.sqlstate
            result["elapsed"] = time.monotonic() - t0

        worker = threading.Thread(target=run)
        worker.start()
        time.sleep(1.5)
        capped_sql.value("SELECT pg_cancel_backend(%s)", (pid,))
        worker.join(MARGIN + 30)
        assert not worker.is_alive(), name
        assert result["state"] == "57014", (name, result)
        assert result["elapsed"] < 1.5 + MARGIN, (name, result)
        assert conn.execute("SELECT 1").fetchone()[0] == 1
    assert postmaster_start(capped_sql) == start_time
