"""Geotransform, EPSG, nodata and GDAL metadata, compared with GDAL's reading."""

import math
import struct

import numpy
import pytest

from gdal_oracle import add_overviews, assert_georef_as_gdal, assert_same_as_gdal, gdal, random_pixels
from plraster.tiff import FileSource, open_tiff
from plraster.tiff.geo import parse_nodata


@pytest.mark.parametrize("epsg,geotransform", [
    (32631, (500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0)),
    (4326, (-180.0, 0.25, 0.0, 90.0, 0.0, -0.25)),
    (3857, (-20037508.342789244, 1222.992452562, 0.0, 20037508.342789244, 0.0, -1222.992452562)),
    (2154, (100000.5, 0.3, 0.0, 7000000.25, 0.0, -0.3)),
])
def test_north_up_cog(write_tiff, epsg, geotransform):
    pixels = random_pixels(numpy.uint8, 1, 300, 400)
    path = write_tiff(pixels, "COG", ["BLOCKSIZE=128", "OVERVIEWS=AUTO"], epsg=epsg, geotransform=geotransform)
    tiff = assert_same_as_gdal(path, windows=1)
    assert tiff.ifds[0].epsg == epsg
    assert tiff.ifds[0].geotransform == pytest.approx(geotransform)
    assert len(tiff.overviews()) >= 1


def test_no_georeference(write_tiff):
    path = write_tiff(random_pixels(numpy.uint8, 1, 20, 30), "GTiff", ["TILED=YES"], geotransform=None, epsg=None)
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].geotransform is None and tiff.ifds[0].epsg is None


def test_rotated_model_transformation_and_overviews(write_tiff):
    gt = (1000.0, 2.0, 0.5, 5000.0, 0.25, -3.0)
    path = write_tiff(random_pixels(numpy.int16, 1, 200, 300), "GTiff", ["TILED=YES"], geotransform=gt)
    add_overviews(path, [2, 3, 7])
    tiff = assert_same_as_gdal(path, windows=1)  # overviews' geotransforms included
    assert tiff.ifds[0].geotransform == pytest.approx(gt)
    ovr = tiff.overviews()[0]
    assert ovr.geotransform[1] == pytest.approx(2.0 * 300 / ovr.width)


@pytest.mark.parametrize("gt", [
    (500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0),
    (1000.0, 2.0, 0.5, 5000.0, 0.25, -3.0),
])
def test_pixel_is_point(write_tiff, tmp_path, gt):
    pixels = random_pixels(numpy.uint16, 1, 64, 80)
    ds = gdal.GetDriverByName("MEM").Create("", 80, 64, 1, gdal.GDT_UInt16)
    ds.SetGeoTransform(gt)
    ds.SetMetadataItem("AREA_OR_POINT", "Point")
    ds.GetRasterBand(1).WriteArray(pixels[0])
    path = str(tmp_path / "point.tif")
    gdal.Translate(path, ds, format="GTiff", creationOptions=["TILED=YES"])
    tiff = assert_same_as_gdal(path)
    ifd = tiff.ifds[0]
    assert ifd.georeference.pixel_is_point
    assert gdal.Open(path).GetMetadataItem("AREA_OR_POINT") == "Point"
    assert ifd.geotransform == pytest.approx(gt)


def test_negative_scale_y_is_north_up(write_tiff, tmp_path):
    path = write_tiff(random_pixels(numpy.uint8, 1, 30, 40), "GTiff", ["TILED=YES"],
                      geotransform=(100.0, 10.0, 0.0, 200.0, 0.0, -10.0))
    data = open(path, "rb").read()
    scale = struct.pack("<3d", 10.0, 10.0, 0.0)
    assert data.count(scale) == 1
    patched = str(tmp_path / "negscale.tif")
    open(patched, "wb").write(data.replace(scale, struct.pack("<3d", 10.0, -10.0, 0.0)))
    ifd = open_tiff(FileSource(patched)).ifds[0]
    assert ifd.geotransform == pytest.approx((100.0, 10.0, 0.0, 200.0, 0.0, -10.0))
    assert_georef_as_gdal(ifd, gdal.Open(patched))


@pytest.mark.parametrize("type_name,nodata", [
    ("Byte", 0), ("Byte", 255), ("Int16", -9999), ("UInt16", 65535), ("Int32", -2147483648),
    ("Float32", -3.4028234663852886e38), ("Float32", float("nan")), ("Float64", 1e-300),
    ("Float64", float("-inf")), ("Float32", 0.1),
])
def test_nodata_as_gdal(write_tiff, type_name, nodata):
    from gdal_oracle import GDAL_TYPES

    pixels = random_pixels(GDAL_TYPES[type_name][1], 1, 140, 150)
    path = write_tiff(pixels, "COG", ["BLOCKSIZE=128", "OVERVIEWS=AUTO"], nodata=nodata)
    tiff = assert_same_as_gdal(path, windows=1)  # nodata of the main IFD and of overviews
    if math.isnan(nodata):
        assert math.isnan(tiff.ifds[0].nodata)
    else:
        assert tiff.ifds[0].nodata == gdal.Open(path).GetRasterBand(1).GetNoDataValue()


@pytest.mark.parametrize("text,expected", [
    ("0", 0.0), (" -9999 ", -9999.0), ("1e3abc", 1000.0), ("abc", 0.0), ("", 0.0), ("nan", "nan"),
    ("NaN", "nan"), ("-inf", -math.inf), ("inf", math.inf), ("3.5e", 3.5), (".5", 0.5), ("+7.", 7.0),
])
def test_parse_nodata_like_atof(text, expected):
    value = parse_nodata(text, numpy.float32)
    if expected == "nan":
        assert math.isnan(value)
    else:
        assert value == expected


def test_parse_nodata_int64():
    assert parse_nodata("-9223372036854775808", numpy.int64) == -9223372036854775808
    assert parse_nodata("18446744073709551615", numpy.uint64) == 18446744073709551615


def test_gdal_metadata(write_tiff, tmp_path):
    ds = gdal.GetDriverByName("MEM").Create("", 20, 10, 2, gdal.GDT_Int16)
    ds.GetRasterBand(1).SetScale(0.5)
    ds.GetRasterBand(1).SetOffset(-3)
    ds.GetRasterBand(2).SetDescription("second")
    ds.SetMetadataItem("AUTHOR", "plraster <test> & co")
    path = str(tmp_path / "md.tif")
    gdal.Translate(path, ds, format="GTiff", creationOptions=["TILED=YES"])
    items = open_tiff(FileSource(path)).ifds[0].metadata_items()
    assert items[(None, "", "AUTHOR")] == "plraster <test> & co"
    assert float(items[(0, "", "SCALE")]) == 0.5 and float(items[(0, "", "OFFSET")]) == -3
    assert items[(1, "", "DESCRIPTION")] == "second"
