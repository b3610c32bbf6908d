"""plraster_write_cog's memory does not grow with the coverage: the backend's private memory
(RssAnon, sampled while it writes) peaks at about the same height for a coverage four times
as large. The shared buffers a backend reads the tiles through (RssShmem) are left out: they
are bounded by shared_buffers and shared by every backend."""
import json
import os
import threading

import numpy as np
import psycopg
import pytest

from rasters import pack

TILE = 256
WIDTH = 16
RNG = np.random.default_rng(12)
PIXELS = RNG.integers(-300, 3000, (TILE, TILE)).astype(np.int16)


def rss_anon_kib(pid):
    """RssAnon (private resident memory, KiB) of a process."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    raise AssertionError("no RssAnon for %d" % pid)


class PeakWatch(threading.Thread):
    """Samples a process's RssAnon every 10 ms until stopped; `peak` is the largest."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self):
        while not self.done.wait(0.01):
            self.peak = max(self.peak, rss_anon_kib(self.pid))


@pytest.fixture(scope="module")
def coverage(db_url, tmp_path_factory):
    """(url, writable directory) with table cog_mem: WIDTH x WIDTH tiles of 256x256 Int16
    (row r of tiles has rid in [r * WIDTH, (r + 1) * WIDTH))."""
    out = tmp_path_factory.mktemp("cogmem")
    os.chmod(out, 0o777)
    hexwkb = pack(TILE, TILE, [{"pixtype": "16BSI", "data": PIXELS, "nodata": -9999}],
                  scale=(10.0, -10.0), ul=(500000.0, 4000000.0), srid=32631)
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE cog_mem (rid int, rast plraster.raster)")
        conn.execute("INSERT INTO cog_mem SELECT r * %s + c, plraster.ST_SetUpperLeft("
                     "decode(%s, 'hex')::plraster.raster, 500000.0 + c * %s, 4000000.0 - r * %s) "
                     "FROM generate_series(0, %s) r, generate_series(0, %s) c",
                     (WIDTH, hexwkb, TILE * 10, TILE * 10, WIDTH - 1, WIDTH - 1))
        conn.execute("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                     (str(out), json.dumps({"PLRASTER_WRITABLE": True})))
    yield db_url, out
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("SELECT plraster.plraster_drop_source(%s)", (str(out),))
        conn.execute("DROP TABLE cog_mem")


def _peak_write(url, target, rows):
    """Peak RssAnon (KiB) of a fresh backend writing the first `rows` rows of tiles."""
    with psycopg.connect(url, autocommit=True) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        # the modules the write imports, loaded before the watch starts
        conn.execute("SELECT plraster.plraster_write_cog('SELECT rast FROM cog_mem WHERE rid = 0', %s)",
                     (str(target) + ".warm",))
        watch = PeakWatch(pid)
        watch.start()
        summary = conn.execute(
            "SELECT plraster.plraster_write_cog(%s, %s, '{\"compress\": \"deflate\"}')",
            ("SELECT rast FROM cog_mem WHERE rid < %d" % (rows * WIDTH), str(target))).fetchone()[0]
        watch.done.set()
        watch.join()
    assert summary["tiles"] == rows * WIDTH
    assert (summary["width"], summary["height"]) == (WIDTH * TILE, rows * TILE)
    return watch.peak


def test_private_memory_does_not_grow_with_the_coverage(coverage):
    url, out = coverage
    small = _peak_write(url, out / "small.tif", 4)     # 64 tiles, 8 MiB of pixels
    large = _peak_write(url, out / "large.tif", WIDTH)  # 256 tiles, 32 MiB of pixels
    # GDAL's block cache is capped at 8 MiB while writing: both writes fill it, so the
    # larger coverage costs at most a few MiB more (with the former 64 MiB cap: +24 MiB)
    assert large - small < 12 * 1024, (small, large)
