"""Fixtures for plraster_register_cog: COGs written by GDAL, the servers holding them, a
session with sources opened, and tables dropped after each test.

Rasters are generated here with numpy and GDAL, never shipped as blobs. The large COG
has 10,000 blocks of 256x256 (25,600 x 25,600 Byte, 7 internal overviews): a constant
background (7, nodata 0) with a few blocks of random pixels, so it is about 2 MB.
"""
import os
import re
import shutil
import subprocess
import sys
import time
import uuid

import numpy
import psycopg
import pytest
from osgeo import gdal, osr

_TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

import conformance  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402
from servers.process import find_program  # noqa: E402
from servers.s3 import SeaweedS3Server  # noqa: E402
from servers.swift import SwiftServer  # noqa: E402

gdal.UseExceptions()

BIG_SIZE = 25600
BLOCK = 256
BIG_GT = (300000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0)
# Blocks (column, row) of the large COG holding random pixels; the rest is 7.
BUSY_BLOCKS = ((0, 0), (57, 33), (99, 99), (12, 80), (50, 50), (51, 50))
_LOG_LINE = re.compile(r'"[A-Z]+ [^"]*" (\d{3}) (\d+)')


def _srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    return s.ExportToWkt()


def write_cog(path, pixels, geotransform, epsg=None, nodata=None, blocksize=BLOCK, overviews=True):
    """Write (bands, h, w) or (h, w) pixels as a DEFLATE COG with GDAL's COG driver."""
    pixels = numpy.asarray(pixels)
    if pixels.ndim == 2:
        pixels = pixels[None]
    types = {numpy.dtype("uint8"): gdal.GDT_Byte, numpy.dtype("int16"): gdal.GDT_Int16,
             numpy.dtype("uint16"): gdal.GDT_UInt16, numpy.dtype("float32"): gdal.GDT_Float32}
    mem = gdal.GetDriverByName("MEM").Create("", pixels.shape[2], pixels.shape[1], pixels.shape[0],
                                             types[pixels.dtype])
    mem.SetGeoTransform(geotransform)
    if epsg:
        mem.SetProjection(_srs(epsg))
    for i, band in enumerate(pixels, 1):
        mem.GetRasterBand(i).WriteArray(band)
        if nodata is not None:
            mem.GetRasterBand(i).SetNoDataValue(nodata)
    gdal.GetDriverByName("COG").CreateCopy(
        str(path), mem, options=["COMPRESS=DEFLATE", "BLOCKSIZE=%d" % blocksize,
                                 "OVERVIEWS=%s" % ("AUTO" if overviews else "NONE")])
    os.chmod(path, 0o644)
    return str(path)


def write_big_cog(path, size=BIG_SIZE, busy=BUSY_BLOCKS, origin=BIG_GT[:1] + BIG_GT[3:4]):
    """The large COG: a sparse tiled GeoTIFF with a few random blocks, scaled so that its
    empty background reads 7 (nodata 0), written as a COG with every overview."""
    sparse = str(path) + ".src.tif"
    src = gdal.GetDriverByName("GTiff").Create(
        sparse, size, size, 1, gdal.GDT_Byte,
        options=["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE", "COMPRESS=DEFLATE"])
    src.SetGeoTransform((origin[0], BIG_GT[1], 0.0, origin[1], 0.0, BIG_GT[5]))
    src.SetProjection(_srs(32632))
    rng = numpy.random.default_rng(11)
    for col, row in busy:
        src.GetRasterBand(1).WriteArray(rng.integers(1, 248, (BLOCK, BLOCK), dtype=numpy.uint8),
                                        col * BLOCK, row * BLOCK)
    src = None
    gdal.Translate(str(path), sparse, format="COG", scaleParams=[[0, 255, 7, 262]], noData=0,
                   creationOptions=["BLOCKSIZE=256", "COMPRESS=DEFLATE", "OVERVIEWS=AUTO",
                                    "RESAMPLING=NEAREST", "NUM_THREADS=1"])
    os.remove(sparse)
    os.chmod(path, 0o644)
    return str(path)


def gdal_window(path, x, y, w, h, band=1, overview=None):
    """Pixels GDAL reads from a file (or one of its overviews): (h, w) array."""
    ds = gdal.Open(str(path))
    b = ds.GetRasterBand(band)
    if overview is not None:
        b = b.GetOverview(overview)
    return b.ReadAsArray(x, y, w, h)


def raster2pgsql(args):
    """The raster WKB (bytes) and file names raster2pgsql writes, in order."""
    out = subprocess.run([find_program("raster2pgsql")] + list(args), check=True,
                         capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        if line.startswith("INSERT"):
            parts = line.split("'")
            rows.append((bytes.fromhex(parts[1]), parts[3] if len(parts) > 4 else None))
    return rows


def log_requests(path):
    """Requests in an nginx access log so far."""
    with open(path) as f:
        return sum(1 for line in f if _LOG_LINE.search(line))


@pytest.fixture(scope="session")
def reg_dir(tmp_path_factory):
    """A directory readable by the server with the test COGs."""
    d = tmp_path_factory.mktemp("register-cogs")
    os.chmod(d, 0o755)
    write_big_cog(d / "big.tif")
    # The neighbour east of big.tif: 1024 x 1024, same grid (for appending).
    write_big_cog(d / "east.tif", size=1024, busy=((1, 2),),
                  origin=(BIG_GT[0] + BIG_SIZE * BIG_GT[1], BIG_GT[3]))
    shutil.copy(d / "east.tif", d / "east_copy.tif")  # another object, same pixels
    rng = numpy.random.default_rng(5)
    two = rng.integers(-300, 300, (2, 500, 600)).astype(numpy.int16)
    two[:, 100:200, 100:300] = -9999
    write_cog(d / "int16x2.tif", two, (500000.3, 10.1, 0.0, 4500000.7, 0.0, -10.3), epsg=32633, nodata=-9999)
    write_cog(d / "float.tif", rng.random((777, 1000)).astype(numpy.float32),
              (-123.4567891, 0.000123456789, 0.0, 47.987654321, 0.0, -0.000098765432), epsg=4326,
              nodata=-9999.5, blocksize=128)
    write_cog(d / "plain.tif", rng.integers(0, 255, (300, 200)).astype(numpy.uint8),
              (1000.5, 2.0, 0.0, 2000.25, 0.0, -2.0), blocksize=128)
    return d


@pytest.fixture(scope="session")
def reg_nginx(reg_dir):
    """nginx serving reg_dir."""
    with NginxServer(str(reg_dir)) as server:
        yield server


@pytest.fixture(scope="session")
def reg_swift(reg_dir):
    """Swift holding big.tif in container 'rasters'."""
    with SwiftServer() as server:
        server.put_object("rasters", "big.tif", (reg_dir / "big.tif").read_bytes())
        yield server


@pytest.fixture(scope="session")
def reg_s3(reg_dir):
    """SeaweedFS holding big.tif in bucket 'rasters'."""
    with SeaweedS3Server() as server:
        server.put_object("rasters", "big.tif", (reg_dir / "big.tif").read_bytes())
        yield server


@pytest.fixture(scope="session")
def rsql(db_url):
    """A superuser Session."""
    session = conformance.Session(db_url)
    yield session
    session.close()


@pytest.fixture
def reg(rsql):
    """Per test: reg.source(prefix, options) opens a source, reg.table() names a fresh table;
    sources are closed and tables (with their overview tables) dropped afterwards."""

    class Registry:
        def __init__(self):
            self.sources, self.tables = [], []

        def source(self, prefix, options=None):
            out = rsql.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                           (prefix, psycopg.types.json.Jsonb(options or {})))
            assert not out.failed, out
            self.sources.append(out.rows[0][0])

        def table(self, stem="reg"):
            name = "%s_%s" % (stem, uuid.uuid4().hex[:8])
            self.tables.append(name)
            return name

        def io(self):
            cols = ("requests", "bytes", "retries", "seconds", "header_hits", "header_misses")
            return dict(zip(cols, rsql.run("SELECT * FROM plraster.plraster_io_stats()").rows[0]))

    r = Registry()
    rsql.run("SELECT plraster.plraster_cache_reset()")
    yield r
    for name in r.tables:
        for t in rsql.run("SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' AND "
                          "(c.relname = %s OR c.relname ~ ('^o_[0-9]+_' || %s || '$'))", (name, name)).rows:
            rsql.run('DROP TABLE IF EXISTS public."%s" CASCADE' % t[0])
    for prefix in r.sources:
        rsql.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
    rsql.run("SELECT plraster.plraster_cache_reset()")


def wait_for_log():
    """nginx writes its access log line after the response."""
    time.sleep(0.3)
