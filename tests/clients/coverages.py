"""The coverages the GIS-client tests open: GeoTIFFs written by GDAL from numpy pixels,
loaded by raster2pgsql into a PostGIS raster database and, the same way, into a plraster
database (postgis + plraster in schema public, no postgis_raster).

plraster is loaded with its own loader (`python -m plraster.load`) when it exists; until
then raster2pgsql's SQL is piped through `to_plraster_sql`, which rewrites each hex WKB
literal into bytea text (`'\\x<hex>'`), the text form plraster's raster reads.
Every statement of each load is kept with its error, so a load that fails shows which
statement a database could not run.
"""
import os
import re
import subprocess
import sys
from typing import NamedTuple

import numpy

SRID = 32631
ULX, ULY = 500000.0, 4600000.0


class Source(NamedTuple):
    """A GeoTIFF to write: pixels (bands, rows, cols), pixel size, nodata, GDAL type, COG or not."""
    name: str
    pixels: numpy.ndarray
    scale: float
    nodata: object
    gdal_type: str
    cog: bool = False


class Coverage(NamedTuple):
    """A table loaded from one Source with raster2pgsql options; outdb = source read by URL."""
    table: str
    source: str
    options: tuple
    outdb: bool = False
    overviews: tuple = ()
    post_sql: str = ""


def _ramp(rows, cols, a, b, c, mod):
    y, x = numpy.mgrid[0:rows, 0:cols]
    return (x * a + y * b + c) % mod


def sources():
    """The GeoTIFFs, by name."""
    rng = numpy.random.default_rng(44)
    byte = (_ramp(100, 150, 3, 5, 1, 250) + 1).astype(numpy.uint8)
    byte[10:20, 10:30] = 0
    i16 = numpy.stack([_ramp(90, 130, 37, -11, b * 1000, 6000) - 3000 for b in range(3)]).astype(numpy.int16)
    i16[:, 40:50, 60:75] = -9999
    i16[1, 0:5, :] = -9999
    f32 = (_ramp(80, 120, 0.37, 0.11, -7.25, 50) * 1.5 + rng.normal(0, 0.01, (80, 120))).astype(numpy.float32)
    f32[30:33, 0:120] = -9999.0
    dem = (_ramp(256, 320, 7, 3, 0, 4000) + rng.integers(0, 32, (256, 320))).astype(numpy.int16)
    dem[100:110, 200:230] = -32768
    rgb = numpy.stack([_ramp(192, 256, 1, 2, 0, 256), _ramp(192, 256, 2, 1, 50, 256),
                       _ramp(192, 256, 3, 3, 100, 256)]).astype(numpy.uint8)
    single = (_ramp(30, 40, 0.5, 0.25, 0, 20) - 10).astype(numpy.float32)
    return {s.name: s for s in (
        Source("byte1", byte[None], 10.0, 0, "Byte"),
        Source("int16x3", i16, 20.0, -9999, "Int16"),
        Source("float1", f32[None], 5.0, -9999.0, "Float32"),
        Source("dem", dem[None], 10.0, -32768, "Int16", cog=True),
        Source("rgb", rgb, 10.0, None, "Byte", cog=True),
        Source("single", single[None], 25.0, None, "Float32"),
    )}


# Tables per database, with raster2pgsql's options (-s is added; -l gives o_<f>_<table>).
COVERAGES = (
    Coverage("byte1", "byte1", ("-t", "64x64", "-C", "-I", "-l", "2,4"), overviews=(2, 4)),
    Coverage("int16x3", "int16x3", ("-t", "64x64", "-P", "-C", "-I", "-l", "2"), overviews=(2,)),
    Coverage("float1", "float1", ("-t", "50x50", "-C", "-I")),
    Coverage("single", "single", ("-C",)),
    Coverage("plain", "int16x3", ("-t", "64x64")),
    Coverage("bare", "byte1", ("-t", "64x64"),
             post_sql='ALTER TABLE public.bare DROP COLUMN rid;'),
    Coverage("dem_outdb", "dem", ("-R", "-t", "64x64", "-C", "-I", "-l", "2"), outdb=True, overviews=(2,)),
    Coverage("rgb_outdb", "rgb", ("-R", "-t", "64x64", "-C", "-I"), outdb=True),
)


def write_sources(directory):
    """Write every Source as a GeoTIFF (tiled COG for out-db ones) with GDAL; returns {name: path}."""
    from osgeo import gdal, osr
    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(SRID)
    paths = {}
    for src in sources().values():
        nb, rows, cols = src.pixels.shape
        mem = gdal.GetDriverByName("MEM").Create("", cols, rows, nb, gdal.GetDataTypeByName(src.gdal_type))
        mem.SetGeoTransform((ULX, src.scale, 0.0, ULY, 0.0, -src.scale))
        mem.SetProjection(srs.ExportToWkt())
        for b in range(nb):
            band = mem.GetRasterBand(b + 1)
            band.WriteArray(src.pixels[b])
            if src.nodata is not None:
                band.SetNoDataValue(src.nodata)
        path = os.path.join(directory, src.name + ".tif")
        if src.cog:
            gdal.GetDriverByName("COG").CreateCopy(path, mem, options=[
                "BLOCKSIZE=128", "COMPRESS=DEFLATE", "OVERVIEWS=NONE"])
        else:
            gdal.GetDriverByName("GTiff").CreateCopy(path, mem)
        os.chmod(path, 0o644)
        paths[src.name] = path
    return paths


def raster2pgsql_sql(coverage, path):
    """raster2pgsql's SQL for a coverage (path is the file, or the /vsicurl/ URL for out-db)."""
    argv = ["raster2pgsql", "-s", str(SRID), *coverage.options, path, "public." + coverage.table]
    out = subprocess.run(argv, check=True, capture_output=True, text=True)
    return out.stdout + coverage.post_sql + "\n"


_HEX_LITERAL = re.compile(r"'((?:[0-9A-Fa-f]{2}){61,})'")


def to_plraster_sql(sql):
    """raster2pgsql's SQL with each hex WKB literal written as bytea text, which plraster reads."""
    return _HEX_LITERAL.sub(lambda m: "'\\x" + m.group(1) + "'", sql)


def plraster_loader_available():
    """True when plraster's loader CLI (`python -m plraster.load`) runs."""
    try:
        out = subprocess.run([sys.executable, "-m", "plraster.load", "--help"],
                             capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0


def plraster_load_sql(coverage, path):
    """(the loader CLI's SQL for a coverage, with raster2pgsql's option letters, or None;
    its error when it failed)."""
    argv = [sys.executable, "-m", "plraster.load", "-s", str(SRID), *coverage.options, path,
            "public." + coverage.table]
    out = subprocess.run(argv, capture_output=True, text=True)
    if out.returncode != 0:
        return None, f"plraster-load exited {out.returncode}: {out.stderr.strip()[-500:]}"
    return out.stdout + coverage.post_sql + "\n", None


def split_statements(sql):
    """raster2pgsql's SQL as statements (one per line; literals hold no newline or ';')."""
    return [line.strip() for line in sql.splitlines() if line.strip()]


def run_statements(url, statements):
    """Run statements one by one (autocommit, BEGIN/END skipped); returns [(statement, error)]
    for each that failed, error as 'SQLSTATE: message'."""
    import psycopg
    failures = []
    with psycopg.connect(url, autocommit=True) as conn:
        for stmt in statements:
            if stmt.rstrip(";").upper() in ("BEGIN", "END", "COMMIT"):
                continue
            try:
                conn.execute(stmt)
            except psycopg.Error as exc:
                failures.append((stmt[:300], "%s: %s" % (exc.sqlstate, str(exc).strip().splitlines()[0])))
    return failures


def coverage(table):
    """The Coverage of a table."""
    return next(c for c in COVERAGES if c.table == table)


def grid(table):
    """(columns, rows, pixel size, band count) of the raster a table covers."""
    src = sources()[coverage(table).source]
    nb, rows, cols = src.pixels.shape
    return cols, rows, src.scale, nb


def pixel_centre(table, col, row):
    """Map coordinates of the centre of pixel (col, row) of a table's raster."""
    scale = grid(table)[2]
    return ULX + (col + 0.5) * scale, ULY - (row + 0.5) * scale
