"""Helpers of the loader tests: GeoTIFFs written by GDAL, and both loaders run on them.

raster2pgsql (Debian's, built on GDAL 3.6) is the independent answer: plraster-load is
run on the same files with the same options, and the two SQL outputs are compared
statement by statement and raster by raster (see sqlcompare.py).
"""
import io
import os
import subprocess

import numpy
from osgeo import gdal, osr  # the writer of the test files: fail, never skip

import sqlcompare
from plraster.load.cli import main as load_main

gdal.UseExceptions()

GDAL_TYPES = {
    numpy.dtype("uint8"): gdal.GDT_Byte, numpy.dtype("uint16"): gdal.GDT_UInt16,
    numpy.dtype("int16"): gdal.GDT_Int16, numpy.dtype("uint32"): gdal.GDT_UInt32,
    numpy.dtype("int32"): gdal.GDT_Int32, numpy.dtype("float32"): gdal.GDT_Float32,
    numpy.dtype("float64"): gdal.GDT_Float64, numpy.dtype("int64"): gdal.GDT_Int64,
}


def write_geotiff(path, bands, nodata=None, options=(), gt=(10.0, 1.0, 0.0, 20.0, 0.0, -1.0), epsg=None,
                  driver="GTiff"):
    """Write bands (a list of 2-D arrays of one dtype) as a GeoTIFF with GDAL; returns the path.

    Written to a MEM dataset, then copied with the driver's creation options (as
    gdal_translate does), so "COG" works too.
    """
    bands = [numpy.asarray(b) for b in bands]
    h, w = bands[0].shape
    mem = gdal.GetDriverByName("MEM").Create("", w, h, len(bands), GDAL_TYPES[bands[0].dtype])
    if gt is not None:
        mem.SetGeoTransform(gt)
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        mem.SetProjection(srs.ExportToWkt())
    for i, b in enumerate(bands, 1):
        mem.GetRasterBand(i).WriteArray(b)
        if nodata is not None:
            mem.GetRasterBand(i).SetNoDataValue(nodata)
    gdal.GetDriverByName(driver).CreateCopy(str(path), mem, options=list(options))
    return str(path)


def run_plraster(args, cwd=None, env=None):
    """plraster-load in-process: (exit status, stdout text, stderr text)."""
    old_cwd = os.getcwd()
    old_env = dict(os.environ)
    out, err = io.BytesIO(), io.StringIO()
    try:
        if cwd:
            os.chdir(cwd)
        os.environ.update(env or {})
        status = load_main([str(a) for a in args], stdout=out, stderr=err)
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)
    return status, out.getvalue().decode(), err.getvalue()


def run_raster2pgsql(args, cwd=None, env=None):
    """raster2pgsql: (exit status, stdout text, stderr text)."""
    p = subprocess.run(["raster2pgsql"] + [str(a) for a in args], capture_output=True, text=True,
                       cwd=cwd, env=dict(os.environ, **(env or {})))
    return p.returncode, p.stdout, p.stderr


class Outputs:
    """Both loaders' outputs for one command line, split into lines and rasters."""

    def __init__(self, args, cwd=None, env=None):
        self.args = args
        self.r2p_status, self.r2p_sql, self.r2p_err = run_raster2pgsql(args, cwd, env)
        self.pl_status, self.pl_sql, self.pl_err = run_plraster(args, cwd, env)
        assert self.r2p_status == 0, self.r2p_err
        assert self.pl_status == 0, self.pl_err
        self.r2p_lines, self.r2p_rasters = sqlcompare.split(self.r2p_sql, plraster=False)
        self.pl_lines, self.pl_rasters = sqlcompare.split(self.pl_sql, plraster=True)

    def assert_identical(self):
        """Same statements, byte-identical rasters, and so the same SQL text."""
        assert self.pl_lines == self.r2p_lines
        assert len(self.pl_rasters) == len(self.r2p_rasters)
        for k, (mine, theirs) in enumerate(zip(self.pl_rasters, self.r2p_rasters)):
            assert mine == theirs, f"raster {k} differs (first byte {first_difference(mine, theirs)})"
        assert self.pl_sql == self.r2p_sql

    def tables(self, plraster):
        """{table: [WKB, ...]} of one output."""
        if plraster:
            return sqlcompare.tables_of(self.pl_lines, self.pl_rasters)
        return sqlcompare.tables_of(self.r2p_lines, self.r2p_rasters)


def first_difference(a, b):
    """Offset of the first byte where a and b differ (or the shorter length)."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))
