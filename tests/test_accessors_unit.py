"""Unit tests of the accessor library (no server): number formatting, SRID folding,
PostGIS's world-to-raster rounding, ST_MemSize's formula and nodata comparison."""
import math

import numpy as np

from plraster.functions import accessors, extent, pixelcoords
from plraster.core import textformat, wkb
from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.nodata import is_nodata_value
from plraster.core.srid import clamp_srid
from rasters import catalogue, pack
import pytest


def _raw(hexwkb):
    return bytes.fromhex(hexwkb)


@pytest.mark.parametrize("value,text", [
    (1e15, "1e+15"), (123456789012345.0, "123456789012345"), (1e-5, "1e-05"),
    (0.0001, "0.0001"), (-650944367.7119431, "-650944367.7119431"), (-0.0, "-0"),
    (float("nan"), "NaN"), (float("-inf"), "-Infinity"),
    (-6.011913045791274e+16, "-6.0119130457912736e+16"),  # PostgreSQL's ryu never accepts a bound
])
def test_pg_float8(value, text):
    assert textformat.pg_float8(value) == text


@pytest.mark.parametrize("value,text", [
    (1e-8, "1e-8"), (1.0000000000000002e-08, "0.00000001"), (1e15, "1e+15"),
    (999999999999999.9, "999999999999999.9"), (0.1000000000000005, "0.1"),
    (0.1000000000000015, "0.100000000000002"), (1.2345678901234566e-09, "1.234567890123457e-9"),
    (1.2345678901234566e+17, "1.234567890123457e+17"), (-0.0, "0"), (1234.5678, "1234.5678"),
])
def test_lw_double(value, text):
    assert textformat.lw_double(value) == text


def test_georeference_truncates_fifteen_digit_numerics():
    h = wkb.read_header(_raw(catalogue()["rotated"]))
    assert accessors.georeference(h, "GDAL").splitlines() == [
        "0.8660254037", "0.5000000000", "0.5000000000", "-0.8660254037",
        "5.0000000000", "5.0000000000"]
    assert accessors.georeference(h, "ESRI").splitlines()[4:] == ["5.4330127018", "4.5669872981"]


def test_georeference_never_prints_negative_zero():
    h = wkb.read_header(_raw(pack(1, 1, skew=(-1e-12, 0))))
    assert accessors.georeference(h, "GDAL").splitlines()[2] == "0.0000000000"


@pytest.mark.parametrize("srid,kept", [(-1, 0), (0, 0), (4326, 4326), (999999, 999999),
                                       (1000000, 999001), (2147483647, 999280)])
def test_clamp_srid(srid, kept):
    assert clamp_srid(srid) == kept


def test_memsize_formula():
    cat = catalogue()
    assert accessors.memsize(_raw(cat["empty"])) == 64
    assert accessors.memsize(_raw(cat["1BB"])) == 88
    assert accessors.memsize(_raw(cat["64BF_xdr"])) == 240
    assert accessors.memsize(_raw(cat["outdb"])) == 104
    assert accessors.memsize(_raw(cat["outdb_mixed"])) == 104


def _header(**kw):
    return wkb.read_header(_raw(pack(4, 4, **kw)))


def test_world_to_raster_snaps_within_flt_epsilon():
    h = _header()
    assert pixelcoords.world_to_raster_coord(h, 0.9999999, -0.5) == (2, 1)
    assert pixelcoords.world_to_raster_coord(h, 0.99999, -0.5) == (1, 1)


def test_world_to_raster_c_int_conversion():
    h = _header()
    assert pixelcoords.world_to_raster_coord(h, 2147483647.5, 0)[0] == -2147483648
    assert pixelcoords.world_to_raster_coord(h, float("nan"), 0)[0] == -2147483647
    assert pixelcoords.world_to_raster_coord(h, 3e9, 0)[0] == -2147483647


def test_world_to_raster_missing_coordinate_on_rotated_raster():
    with pytest.raises(SoftFailure):
        pixelcoords.world_to_raster_coord(_header(skew=(0, 1e-6)), 1.0, None)
    assert pixelcoords.world_to_raster_coord(_header(skew=(1e-10, 0)), 2.5, None) == (3, 1)


def test_raster_to_world_checks_the_other_skew():
    # PostGIS refuses a missing row when skew y is set and a missing column when skew x is.
    assert pixelcoords.raster_to_world_coord(_header(skew=(1.5, 0)), 2, None) == (-0.5, 1.0)
    with pytest.raises(SoftFailure):
        pixelcoords.raster_to_world_coord(_header(skew=(1.5, 0)), None, 2)


def test_singular_geotransform():
    with pytest.raises(InvalidParameterError):
        pixelcoords.inverse_geotransform(_header(scale=(1, 1), skew=(1, 1)))


def test_nodata_comparison():
    assert is_nodata_value(1e-8, 0.0)
    assert not is_nodata_value(1e-6, 0.0)
    assert is_nodata_value(math.nan, math.nan)
    assert not is_nodata_value(math.nan, 0.0)


def test_min_convex_hull_of_data_window():
    d = np.zeros((5, 6))
    d[1, 2], d[3, 4] = 5, 7
    r = _raw(pack(6, 5, [{"pixtype": "8BUI", "data": d, "nodata": 0}]))
    expected = extent.geometry.polygon([[(2, -1), (5, -1), (5, -4), (2, -4), (2, -1)]])
    assert extent.min_convex_hull(r) == expected


def test_hull_of_empty_rasters():
    assert extent.convex_hull(wkb.read_header(_raw(pack(0, 0, ul=(3, 4))))) == \
        extent.geometry.point(3, 4)
    assert extent.convex_hull(wkb.read_header(_raw(pack(0, 5)))) == \
        extent.geometry.linestring([(0, 0), (0, -5)])
