"""GDAL as the oracle: build rasters with numpy, write them with GDAL, compare readings.

Helpers shared by the TIFF reader tests (imported as a plain module; fixtures are in
conftest.py).
"""

import os

import numpy
import pytest
from osgeo import gdal

from plraster.tiff import FileSource, open_tiff, read_window

gdal.UseExceptions()
# plraster reads the TIFF alone: no .aux.xml sidecar may change GDAL's answers (GDAL writes
# one, for example, for a Float32 nodata that float32 cannot hold exactly).
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")

GDAL_TYPES = {
    "Byte": (gdal.GDT_Byte, numpy.uint8),
    "UInt16": (gdal.GDT_UInt16, numpy.uint16),
    "Int16": (gdal.GDT_Int16, numpy.int16),
    "UInt32": (gdal.GDT_UInt32, numpy.uint32),
    "Int32": (gdal.GDT_Int32, numpy.int32),
    "Float32": (gdal.GDT_Float32, numpy.float32),
    "Float64": (gdal.GDT_Float64, numpy.float64),
}
if hasattr(gdal, "GDT_Int8"):
    GDAL_TYPES["Int8"] = (gdal.GDT_Int8, numpy.int8)
if hasattr(gdal, "GDT_Int64"):
    GDAL_TYPES["Int64"] = (gdal.GDT_Int64, numpy.int64)
    GDAL_TYPES["UInt64"] = (gdal.GDT_UInt64, numpy.uint64)


def random_pixels(dtype, bands, height, width, seed=0, smooth=False):
    """Pixels over the whole range of `dtype` (or a smooth gradient plus noise)."""
    rng = numpy.random.default_rng(seed)
    dtype = numpy.dtype(dtype)
    shape = (bands, height, width)
    if smooth:
        y, x = numpy.mgrid[0:height, 0:width]
        base = (x * 3 + y * 2)[numpy.newaxis] + rng.integers(0, 20, shape)
        return (base % 250).astype(dtype)
    if dtype.kind == "f":
        values = rng.normal(0, 1000, shape).astype(dtype)
        values.flat[:: 97] = numpy.nan
        return values
    info = numpy.iinfo(dtype)
    return rng.integers(info.min, info.max, shape, dtype=dtype, endpoint=True)


def mem_dataset(pixels, geotransform=(500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0), epsg=32631,
                nodata=None, mask=None):
    """An in-memory GDAL dataset holding `pixels` (bands, h, w) with a georeference."""
    from osgeo import osr

    bands, height, width = pixels.shape
    gdal_type = next(t for t, d in GDAL_TYPES.values() if numpy.dtype(d) == pixels.dtype)
    ds = gdal.GetDriverByName("MEM").Create("", width, height, bands, gdal_type)
    if geotransform is not None:
        ds.SetGeoTransform(geotransform)
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
    for b in range(bands):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(pixels[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
    if mask is not None:
        ds.CreateMaskBand(gdal.GMF_PER_DATASET)
        ds.GetRasterBand(1).GetMaskBand().WriteArray(mask)
    return ds


def add_overviews(path, levels, resampling="NEAREST"):
    """Add internal overviews to a GeoTIFF, as gdaladdo does."""
    ds = gdal.Open(path, gdal.GA_Update)
    ds.BuildOverviews(resampling, list(levels))
    ds = None


def gdal_ifd_array(path, n):
    """GDAL's reading of IFD n (GTIFF_DIR:n:path) as (bands, h, w)."""
    return gdal_pixels(gdal.Open(f"GTIFF_DIR:{n}:{path}"))


def gdal_pixels(ds):
    """All of dataset `ds` as (bands, h, w); GDAL 3.6's signed Byte (no Int8 type) as int8."""
    arr = ds.ReadAsArray()
    if ds.GetRasterBand(1).GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
        arr = arr.view(numpy.int8)
    return arr[numpy.newaxis] if arr.ndim == 2 else arr


def assert_pixels_equal(ours, theirs, context=""):
    """Exact equality, NaN equal to NaN."""
    assert ours.shape == theirs.shape, context
    assert ours.dtype == theirs.dtype, context
    if ours.dtype.kind == "f":
        same = (ours == theirs) | (numpy.isnan(ours) & numpy.isnan(theirs))
    else:
        same = ours == theirs
    if not same.all():
        bad = numpy.argwhere(~same)[:5]
        pytest.fail(f"{context}: {int((~same).sum())} pixels differ, first at {bad.tolist()}: "
                    f"ours {[ours[tuple(b)] for b in bad]} gdal {[theirs[tuple(b)] for b in bad]}")


def assert_same_as_gdal(path, windows=3, seed=1):
    """Compare every IFD (all pixels and random windows) and the georeference with GDAL."""
    source = FileSource(path)
    tiff = open_tiff(source)
    main = gdal.Open(path)
    assert tiff.ifds, path
    for ifd in tiff.ifds:
        theirs = gdal_ifd_array(path, ifd.gdal_dir_number)
        ours = read_window(ifd, source, 0, 0, ifd.width, ifd.height)
        assert_pixels_equal(ours, theirs, f"{os.path.basename(path)} IFD {ifd.gdal_dir_number}")
        rng = numpy.random.default_rng(seed)
        for _ in range(windows):
            x0 = int(rng.integers(0, ifd.width))
            y0 = int(rng.integers(0, ifd.height))
            w = int(rng.integers(1, ifd.width - x0 + 1))
            h = int(rng.integers(1, ifd.height - y0 + 1))
            bands = sorted(rng.choice(ifd.samples_per_pixel, size=int(rng.integers(1, ifd.samples_per_pixel + 1)),
                                      replace=False) + 1)
            part = read_window(ifd, source, x0, y0, w, h, bands=[int(b) for b in bands])
            assert_pixels_equal(part, theirs[[b - 1 for b in bands], y0:y0 + h, x0:x0 + w],
                                f"IFD {ifd.gdal_dir_number} window {(x0, y0, w, h, bands)}")
    first = tiff.ifds[0]
    assert_georef_as_gdal(first, main)
    # Overviews: the geotransform GDAL gives an overview dataset.
    for k, ovr in enumerate(tiff.overviews(first)):
        ods = gdal.OpenEx(path, open_options=[f"OVERVIEW_LEVEL={k}"])
        assert (ods.RasterXSize, ods.RasterYSize) == (ovr.width, ovr.height)
        # An overview IFD without GDAL_NODATA has no nodata for GDAL 3.6; the reader gives it
        # the main image's, as raster2pgsql -l and GDAL's own overview writer do.
        assert_georef_as_gdal(ovr, ods, inherited_nodata=first.nodata)
        theirs = gdal_pixels(ods)
        assert_pixels_equal(read_window(ovr, source, 0, 0, ovr.width, ovr.height), theirs, f"overview {k}")
    return tiff


def assert_georef_as_gdal(ifd, ds, inherited_nodata=None):
    """Geotransform, EPSG and nodata of an IFD equal GDAL's for dataset `ds` (where GDAL has
    no nodata, the IFD may carry `inherited_nodata`)."""
    gt = ds.GetGeoTransform(can_return_null=True)
    if gt is None or tuple(gt) == (0.0, 1.0, 0.0, 0.0, 0.0, 1.0):
        assert ifd.geotransform is None or tuple(ifd.geotransform) == (0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
    else:
        assert ifd.geotransform == pytest.approx(tuple(gt), rel=1e-12, abs=1e-9)
    srs = ds.GetSpatialRef()
    if srs is None:
        assert ifd.epsg is None
    else:
        code = srs.GetAuthorityCode(None)
        assert ifd.epsg == (int(code) if code else None)
    nodata = ds.GetRasterBand(1).GetNoDataValue()
    if nodata is None:
        assert ifd.nodata is None or same_nodata(ifd.nodata, inherited_nodata)
    else:
        assert same_nodata(ifd.nodata, nodata)


def same_nodata(a, b):
    """Equal nodata values, NaN equal to NaN."""
    return a == b or (a is not None and b is not None and a != a and b != b)
