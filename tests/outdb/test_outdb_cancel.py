"""A cancelled statement stops its I/O: the reads it abandoned end at once (their sockets
are shut down, their retries dropped), so the backend's threads are back to what they were
long before the request timeout (25 s here), and the backend keeps reading afterwards."""
import os
import threading
import time

import pytest

import conformance
from outdb_records import one_band

TIMEOUT = 25  # seconds: the abandoned reads must end long before this


def backend_threads(osql):
    """The number of threads of the session's backend process (from /proc)."""
    pid = osql.value("SELECT pg_backend_pid()")
    return len(os.listdir(f"/proc/{pid}/task"))


def wait_for_threads(osql, at_most, seconds=5.0):
    """The backend's thread count once it is at most `at_most`, or after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        n = backend_threads(osql)
        if n <= at_most or time.monotonic() > deadline:
            return n
        time.sleep(0.1)


def cancelled(osql, r):
    """Run a read of r under a 1 s statement_timeout; return the outcome."""
    osql.run("SET statement_timeout = 1000")
    try:
        return osql.run("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % r)
    finally:
        osql.run("RESET statement_timeout")


def reference(osql, cog_dir, w, h, ulx, uly):
    return osql.value("SELECT public.st_dumpvalues('%s'::public.raster, 1)"
                      % one_band(w, h, ulx, uly, 0.001, -0.001, str(cog_dir / "probe.tif")).upper())


@pytest.fixture
def hanging(osql, sources, fault_server, cog_dir):
    """The fault server holding probe.tif, opened with a long timeout and retries."""
    if not os.path.isdir("/proc/self/task"):
        pytest.skip("no /proc to count threads")
    fault_server.put("/probe.tif", (cog_dir / "probe.tif").read_bytes())
    sources.add(fault_server.url("/"), {"GDAL_HTTP_TIMEOUT": str(TIMEOUT), "GDAL_HTTP_MAX_RETRY": "3",
                                        "GDAL_HTTP_RETRY_DELAY": "0.5"})
    yield fault_server
    with fault_server._lock:
        fault_server.plans.clear()


def test_cancel_during_open_stops_the_read(osql, hanging, cog_dir):
    path = "/vsicurl/" + hanging.url("/probe.tif")
    r = one_band(40, 30, 10.2, 49.8, 0.001, -0.001, path)
    # One read first: the backend then holds the worker thread that remote reads are handed
    # to (kept between reads), so the baseline counts it.
    assert not osql.run("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % r).failed
    osql.run("SELECT plraster.plraster_cache_reset()")
    baseline = backend_threads(osql)
    hanging.plan("/probe.tif", "hang", "hang", "hang", "hang")
    before = len(hanging.requests)
    out = cancelled(osql, r)
    assert out.sqlstate == "57014", out
    assert wait_for_threads(osql, baseline) <= baseline
    time.sleep(1.0)  # the retry delay: a read still alive would send its next request now
    assert len(hanging.requests) - before == 1, hanging.requests[before:]
    with hanging._lock:
        hanging.plans.clear()
    assert osql.value("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % r) == \
        reference(osql, cog_dir, 40, 30, 10.2, 49.8)


def test_cancel_during_parallel_tile_reads(osql, hanging, cog_dir):
    """Tiles fetched by the transport's thread pool: those threads are freed too."""
    path = "/vsicurl/" + hanging.url("/probe.tif")
    warm = one_band(300, 300, 10.2, 49.8, 0.001, -0.001, path)     # blocks (0..1, 0..1)
    cold = one_band(300, 300, 10.6, 49.4, 0.001, -0.001, path)     # blocks (2..3, 2..3)
    osql.run("SELECT plraster.plraster_cache_reset()")
    # the whole band, so that the read starts the pool (ST_Value reads only its pixel's block)
    assert not osql.run("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % warm).failed
    baseline = backend_threads(osql)
    hanging.plan("/probe.tif", *["hang"] * 8)
    out = cancelled(osql, cold)
    assert out.sqlstate == "57014", out
    assert wait_for_threads(osql, baseline) <= baseline
    with hanging._lock:
        hanging.plans.clear()
    # the pool's threads are free: the same read now completes
    got = osql.value("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % cold)
    assert got == reference(osql, cog_dir, 300, 300, 10.6, 49.4)
    # The new pool keeps its idle workers, as many as this read happened to need (not
    # always as many as before the cancel): bounded by the pool size
    # (PLRASTER_HTTP_MAX_CONCURRENCY, 4), and not growing with more reads.
    assert backend_threads(osql) <= baseline + 4
    for _ in range(3):
        osql.run("SELECT plraster.plraster_cache_reset()")
        assert osql.value("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % cold) == got
    assert backend_threads(osql) <= baseline + 4


def test_pg_cancel_backend(osql, db_url, hanging, cog_dir):
    """A cancel sent from another session (pg_cancel_backend, as ^C in psql) ends the
    statement within a second or two, and the read with it."""
    path = "/vsicurl/" + hanging.url("/probe.tif")
    r = one_band(40, 30, 10.2, 49.8, 0.001, -0.001, path)
    osql.run("SELECT plraster.plraster_cache_reset()")
    baseline = backend_threads(osql)
    pid = osql.value("SELECT pg_backend_pid()")
    hanging.plan("/probe.tif", "hang", "hang", "hang", "hang")
    other = conformance.Session(db_url)
    try:
        timer = threading.Timer(1.0, lambda: other.run("SELECT pg_cancel_backend(%s)", (pid,)))
        timer.start()
        started = time.monotonic()
        out = osql.run("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % r)
        elapsed = time.monotonic() - started
        timer.join()
    finally:
        other.close()
    assert out.sqlstate == "57014", out
    assert elapsed < 1.0 + 2.0, elapsed
    assert wait_for_threads(osql, baseline) <= baseline
    with hanging._lock:
        hanging.plans.clear()
    assert osql.value("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % r) == \
        reference(osql, cog_dir, 40, 30, 10.2, 49.8)
