"""Fixtures for the out-db tests: COGs written by GDAL, real servers holding them, and
sessions with out-db reading enabled in PostGIS and sources opened in plraster.

Rasters are generated here (numpy + gdal_translate), never shipped as blobs.
"""
import os
import subprocess
import sys
import uuid

import numpy
import psycopg
import pytest

_TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
for _p in (_TESTS, os.path.join(_TESTS, "storage")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import conformance  # noqa: E402
sys.path.insert(0, os.path.dirname(__file__))
from faultserver import FaultServer  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402
from servers.process import find_program  # noqa: E402
from servers.s3 import SeaweedS3Server  # noqa: E402
from servers.swift import SwiftServer  # noqa: E402

POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")


def write_tiff(path, pixels, ulx, uly, scale, nodata=None, cog=True, blocksize=256,
               compress="DEFLATE", extra=()):
    """Write a single-band or multi-band (bands, h, w) array as a GeoTIFF with gdal_translate."""
    pixels = numpy.asarray(pixels)
    if pixels.ndim == 2:
        pixels = pixels[None]
    nb, h, w = pixels.shape
    envi = {numpy.dtype("uint8"): 1, numpy.dtype("int16"): 2, numpy.dtype("int32"): 3,
            numpy.dtype("float32"): 4, numpy.dtype("float64"): 5, numpy.dtype("uint16"): 12,
            numpy.dtype("uint32"): 13}[pixels.dtype]
    raw = str(path) + ".raw"
    pixels.astype(pixels.dtype.newbyteorder("<")).tofile(raw)
    with open(raw[:-4] + ".hdr", "w") as f:
        f.write(f"ENVI\nsamples = {w}\nlines = {h}\nbands = {nb}\nheader offset = 0\n"
                f"file type = ENVI Standard\ndata type = {envi}\ninterleave = bsq\nbyte order = 0\n")
    cmd = [find_program("gdal_translate"), "-q", "-a_srs", "EPSG:4326",
           "-a_ullr", str(ulx), str(uly), str(ulx + w * scale), str(uly - h * scale)]
    if nodata is not None:
        cmd += ["-a_nodata", str(nodata)]
    if cog:
        cmd += ["-of", "COG", "-co", f"BLOCKSIZE={blocksize}", "-co", f"COMPRESS={compress}",
                "-co", "OVERVIEWS=AUTO"]
    else:
        cmd += ["-of", "GTiff", "-co", "TILED=YES", "-co", f"BLOCKXSIZE={blocksize}",
                "-co", f"BLOCKYSIZE={blocksize}", "-co", f"COMPRESS={compress}"]
    cmd += list(extra) + [raw, str(path)]
    subprocess.run(cmd, check=True, capture_output=True)
    for leftover in (raw, raw[:-4] + ".hdr", raw + ".aux.xml"):
        if os.path.exists(leftover):
            os.remove(leftover)
    os.chmod(path, 0o644)
    return str(path)


def probe_pixels(w=1024, h=1024):
    """uint32 pixels that name their own position: row * 4096 + col + 1."""
    y, x = numpy.mgrid[0:h, 0:w]
    return (y * 4096 + x + 1).astype(numpy.uint32)


def dem_pixels(w=1024, h=1024, seed=3):
    """uint16 pixels: a ramp plus noise (tiles compress to different sizes), some zeros."""
    rng = numpy.random.default_rng(seed)
    y, x = numpy.mgrid[0:h, 0:w]
    a = ((x * 37 + y * 11) % 4000 + rng.integers(1, 64, (h, w))).astype(numpy.uint16)
    a[100:110, 200:230] = 0
    return a


@pytest.fixture(scope="session")
def cog_dir(tmp_path_factory):
    """A directory readable by the server holding the test COGs."""
    d = tmp_path_factory.mktemp("outdb-cogs")
    os.chmod(d, 0o755)
    write_tiff(d / "probe.tif", probe_pixels(), 10.0, 50.0, 0.001)
    write_tiff(d / "dem.tif", dem_pixels(), 10.0, 50.0, 0.001, nodata=0)
    f = numpy.array([[-1.5, -0.5, 0.5, 1.5, 2.5, 300.7, -200.2, 3.5e38, numpy.nan, 70000.4]])
    write_tiff(d / "float.tif", f, 0.0, 1.0, 1.0, cog=False, blocksize=16)
    rgb = numpy.stack([probe_pixels(300, 200) % 251, probe_pixels(300, 200) % 241,
                       probe_pixels(300, 200) % 239]).astype(numpy.uint8)
    write_tiff(d / "rgb.tif", rgb, 10.0, 50.0, 0.001, blocksize=128)
    return d


@pytest.fixture(scope="session")
def nginx_server(cog_dir):
    """nginx serving cog_dir."""
    with NginxServer(str(cog_dir)) as server:
        yield server


@pytest.fixture(scope="session")
def swift_server(cog_dir):
    """A one-node Swift holding the COGs in container 'cogs'."""
    with SwiftServer() as server:
        for name in ("probe.tif", "dem.tif"):
            server.put_object("cogs", name, (cog_dir / name).read_bytes())
        yield server


@pytest.fixture(scope="session")
def s3_server(cog_dir):
    """SeaweedFS holding the COGs in bucket 'cogs'."""
    with SeaweedS3Server() as server:
        for name in ("probe.tif", "dem.tif"):
            server.put_object("cogs", name, (cog_dir / name).read_bytes())
        yield server


@pytest.fixture
def fault_server():
    """A fault-injecting range server, one per test."""
    with FaultServer() as server:
        yield server


@pytest.fixture(scope="session")
def osql(db_url):
    """A superuser Session with PostGIS out-db reading enabled."""
    session = conformance.Session(db_url)
    session.conn.execute(POSTGIS_OUTDB)
    yield session
    session.close()


@pytest.fixture
def sources(osql):
    """Open out-db sources for one test: sources.add(prefix, options); all dropped afterwards."""

    class Sources:
        def __init__(self):
            self.added = []

        def add(self, prefix, options=None):
            out = osql.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                           (prefix, psycopg.types.json.Jsonb(options or {})))
            assert not out.failed, out
            self.added.append(out.rows[0][0])
            return out.rows[0][0]

    s = Sources()
    osql.run("SELECT plraster.plraster_cache_reset()")
    yield s
    for prefix in s.added:
        osql.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
    osql.run("SELECT plraster.plraster_cache_reset()")


@pytest.fixture
def user_url(db_url, osql):
    """The URL of a fresh non-superuser role (dropped after the test)."""
    name = "outdb_user_" + uuid.uuid4().hex[:8]
    osql.run(f"CREATE ROLE {name} LOGIN")
    osql.run(f"GRANT USAGE ON SCHEMA plraster TO {name}")
    yield db_url.replace("postgres@", f"{name}@", 1) if "postgres@" in db_url else \
        db_url + ("&" if "?" in db_url else "?") + f"user={name}"
    osql.run(f"DROP OWNED BY {name}")
    osql.run(f"DROP ROLE {name}")
