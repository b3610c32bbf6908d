"""Unit tests of plraster.functions.pixels and plraster.functions.pixelgeoms (no server): value conversion,
band location and in-place pixel writes, checked against values measured on PostGIS 3.3."""
import math
import struct

import numpy as np
import pytest

from plraster.functions import pixels, pixelgeoms
from plraster.core import bands, wkb
from plraster.core.pixtypes import info_for_name, to_pixel_value
from rasters import pack


@pytest.mark.parametrize("pixtype,value,expected", [
    ("8BUI", 255.5, 255), ("8BUI", -0.5, 0), ("8BUI", 3.7, 3), ("8BSI", -128.5, -128),
    ("8BSI", -0.5, 0), ("16BUI", 65535.7, 65535), ("32BSI", float("nan"), -2147483648),
    ("32BUI", float("inf"), 4294967295), ("1BB", 0.6, 0), ("4BUI", 16, 15),
    ("32BF", float("inf"), 3.4028234663852886e38), ("64BF", 0.1, 0.1),
])
def test_to_pixel_value(pixtype, value, expected):
    assert to_pixel_value(info_for_name(pixtype), value) == expected


@pytest.mark.parametrize("pixtype,nodata,value,expected", [
    ("8BUI", 7, 7.5, 6), ("8BUI", 0, 0.5, 1), ("8BUI", 0, -0.5, 0), ("8BSI", 0, 0.5, 0),
    ("8BSI", 0, -0.5, -1), ("8BSI", -128, -128.5, -127), ("32BSI", 42, 42.9, 41),
    ("1BB", 0, 0.5, 1), ("1BB", 1, 1.5, 0), ("8BUI", 7, 7 + 1e-9, 7), ("8BUI", 0, -10, 0),
])
def test_value_moved_off_nodata(pixtype, nodata, value, expected):
    buf = bytes.fromhex(pack(1, 1, [{"pixtype": pixtype, "data": [[0]], "nodata": nodata}]))
    band = bands.locate_band(buf, wkb.read_header(buf), 1)
    assert bands.corrected_pixel_value(band, value) == expected


def test_set_value_patches_one_pixel_and_clears_isnodata():
    buf = bytes.fromhex(pack(2, 2, [{"pixtype": "16BSI", "data": [[1, 2], [3, 7]], "nodata": 7,
                                     "isnodata": True}]))
    out = pixels.set_value(buf, 1, 2, 1, 300.9)
    raster = wkb.parse_raster(out)
    assert raster.bands[0].data.tolist() == [[1, 300], [3, 7]]
    assert not raster.bands[0].is_nodata
    assert len(out) == len(buf)


def test_set_value_big_endian_input_comes_back_little_endian():
    buf = bytes.fromhex(pack(2, 1, [{"pixtype": "32BF", "data": [[1.5, 2.5]]}], big_endian=True))
    out = pixels.set_value(buf, 1, 1, 1, 9.25)
    assert out[0] == 1
    assert struct.unpack_from("<f", out, wkb.HEADER_SIZE + 5)[0] == 9.25


def test_value_reads_without_parsing_other_bands():
    buf = bytes.fromhex(pack(3, 2, [
        {"pixtype": "8BUI", "data": np.arange(6).reshape(2, 3)},
        {"pixtype": "64BF", "data": np.arange(6).reshape(2, 3) / 4.0, "nodata": 0.25}]))
    assert pixels.value(buf, 2, 3, 2) == 1.25
    assert pixels.value(buf, 2, 2, 1) is None
    assert pixels.value(buf, 2, 2, 1, False) == 0.25


def test_inverse_geotransform_matches_gdal_special_case():
    header = wkb.read_header(bytes.fromhex(pack(1, 1, scale=(2.0, -3.0), ul=(100.5, 200.25))))
    col, row = pixels.world_to_raster_float(header, 102.5, 197.25)
    assert (col, row) == (1.0, 1.0)
    assert pixels.world_to_cell(header, 102.5 - 1e-9, 199.0) == (1, 0)


def test_polygon_cells_use_pixel_centres():
    header = wkb.read_header(bytes.fromhex(pack(6, 5, ul=(0.0, 5.0))))
    cells = pixelgeoms._polygon_cells(header, [[[(0, 0), (6, 5), (0, 5), (0, 0)]]])
    assert sorted(c for c, r in cells if r == 0) == [0, 1, 2, 3, 4]
    assert sorted(c for c, r in cells if r == 4) == [0]


def test_nan_nodata_compares_equal():
    assert pixels.values_equal(float("nan"), float("nan"))
    assert not pixels.values_equal(0.5, 0.5 + 1e-6)
    assert pixels.values_equal(0.5, 0.5 + 1e-8)
    assert not math.isnan(to_pixel_value(info_for_name("8BUI"), float("nan")))
