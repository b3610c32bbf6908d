"""Writing a coverage as one COG: plraster_write_cog against gdal_translate -of COG reading the
same coverage from a PostGIS table through GDAL's PostGISRaster driver.

An Int16 coverage of 256x256 tiles (a smooth surface plus noise, some nodata) is loaded into
a plraster table and a PostGIS table; each side writes it as a DEFLATE COG with 256x256
blocks and internal overviews to a local directory. Printed: the time of each, the ratio,
the peak resident memory of the backend that wrote (VmHWM) and of gdal_translate, and
whether both files hold the same pixels. `--size` is the coverage's width and height
(default 2048; issue 12's figure is --size 10000 --store s3); `--store s3` has plraster
upload its COG to SeaweedFS on 127.0.0.1 (S3 multipart) instead of a local path. Run with
`make bench`.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time

import numpy as np
import psycopg
from osgeo import gdal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import pgserver  # noqa: E402
from rasters import pack  # noqa: E402

TILE = 256


def load(conn, size):
    """size x size Int16 pixels in TILE x TILE tiles, in pl_cov (plraster) and pg_cov (PostGIS)."""
    conn.execute("CREATE TABLE pl_cov (rid int, rast plraster.raster)")
    conn.execute("CREATE TABLE pg_cov (rid int, rast public.raster)")
    rng = np.random.default_rng(3)
    n = (size + TILE - 1) // TILE
    for ty in range(n):
        for tx in range(n):
            w, h = min(TILE, size - tx * TILE), min(TILE, size - ty * TILE)
            rows, cols = np.mgrid[0:h, 0:w]
            data = (1000 + (ty * TILE + rows) // 4 + (tx * TILE + cols) // 3
                    + rng.integers(0, 50, (h, w))).astype(np.int16)
            data[rng.random((h, w)) < 0.01] = -9999
            hexwkb = pack(w, h, [{"pixtype": "16BSI", "data": data, "nodata": -9999}],
                          scale=(10.0, -10.0), ul=(500000.0 + tx * TILE * 10, 4500000.0 - ty * TILE * 10),
                          srid=32631)
            rid = ty * n + tx
            conn.execute("INSERT INTO pl_cov VALUES (%s, decode(%s, 'hex')::plraster.raster)", (rid, hexwkb))
            conn.execute("INSERT INTO pg_cov VALUES (%s, %s::public.raster)", (rid, hexwkb))
    conn.execute("SELECT public.AddRasterConstraints('pg_cov'::name, 'rast'::name)")
    return n * n


def peak_kib(pid):
    """VmHWM (peak resident set, KiB) of a process."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def memory_kib(pid):
    """(RssAnon, RssShmem) of a process, KiB: its private memory, and the pages of the
    server's shared buffers it has touched (counted in its RSS, shared by every backend and
    bounded by shared_buffers)."""
    with open("/proc/%d/status" % pid) as f:
        fields = dict(line.split(":", 1) for line in f)
    return int(fields["RssAnon"].split()[0]), int(fields["RssShmem"].split()[0])


class MemoryWatch(threading.Thread):
    """Samples a process's memory_kib every 20 ms; `peak` is the largest of each."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, (0, 0), threading.Event()

    def run(self):
        while not self.done.wait(0.02):
            try:
                anon, shmem = memory_kib(self.pid)
            except OSError:
                return
            self.peak = (max(self.peak[0], anon), max(self.peak[1], shmem))


def main():
    """Load the coverage, write it both ways, print times, memory and the check."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--store", choices=("local", "s3"), default="local")
    args = parser.parse_args()
    store = None
    if args.store == "s3":
        from servers.s3 import SeaweedS3Server
        store = SeaweedS3Server().__enter__()
        store.request("PUT", "/bench")
    work = tempfile.mkdtemp(prefix="plraster-bench-cog-")
    os.chmod(work, 0o755)
    server = pgserver.start_server()
    try:
        url = pgserver.create_database(server, "bench")
        with psycopg.connect(url, autocommit=True) as conn:
            tiles = load(conn, args.size)
            conn.execute("SELECT plraster.plraster_add_source(%s, '{\"PLRASTER_WRITABLE\": true}')", (work,))
            target = os.path.join(work, "pl.tif")
            if store is not None:
                import json
                conn.execute("SELECT plraster.plraster_add_source('s3://bench/', %s::jsonb)",
                             (json.dumps(dict(store.options(), PLRASTER_WRITABLE="YES")),))
                target = "s3://bench/pl.tif"
        # a fresh backend for the write, so that its peak memory is the write's
        with psycopg.connect(url, autocommit=True) as conn:
            pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
            before = peak_kib(pid)
            anon_before = memory_kib(pid)[0]
            watch = MemoryWatch(pid)
            watch.start()
            start = time.perf_counter()
            conn.execute("SELECT plraster.plraster_write_cog('SELECT rast FROM public.pl_cov', %s, "
                         "'{\"compress\": \"deflate\", \"blocksize\": 256}')", (target,))
            pl_t = time.perf_counter() - start
            pl_peak = peak_kib(pid)
            watch.done.set()
            watch.join()
        if store is not None:  # fetched for the pixel check
            with open(os.path.join(work, "pl.tif"), "wb") as f:
                f.write(store.request("GET", "/bench/pl.tif").content)
        info = psycopg.conninfo.conninfo_to_dict(url)
        pg = ("PG:host=%s port=%s dbname=%s user=%s schema=public table=pg_cov column=rast mode=2"
              % (info.get("host", "127.0.0.1"), info["port"], info["dbname"], info["user"]))
        start = time.perf_counter()
        subprocess.run(["gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE",
                        "-co", "BLOCKSIZE=256", pg, os.path.join(work, "gdal.tif")], check=True)
        gd_t = time.perf_counter() - start
        gd_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
        a = gdal.Open(os.path.join(work, "pl.tif"))
        b = gdal.Open(os.path.join(work, "gdal.tif"))
        same = (a.ReadAsArray() == b.ReadAsArray()).all() if b is not None else False
        print("A %d x %d Int16 coverage (%d tiles of %dx%d) written as one DEFLATE COG, same "
              "pixels: %s" % (args.size, args.size, tiles, TILE, TILE, same))
        print("  gdal_translate (PostGISRaster)  %8.2f s   peak RSS %7.1f MiB"
              % (gd_t, gd_peak / 1024.0))
        print("  plraster_write_cog (%s)%s %8.2f s   backend peak RSS %7.1f MiB (%.1f before)"
              % (args.store, " " * (10 - len(args.store)), pl_t, pl_peak / 1024.0, before / 1024.0))
        print("    of which private (RssAnon) at most %7.1f MiB (%.1f before), shared buffers "
              "touched (RssShmem) at most %.1f MiB" % (watch.peak[0] / 1024.0, anon_before / 1024.0,
                                                      watch.peak[1] / 1024.0))
        print("  plraster takes %.2fx gdal_translate's time" % (pl_t / gd_t))
    finally:
        server.stop()
        if store is not None:
            store.__exit__(None, None, None)


if __name__ == "__main__":
    main()
