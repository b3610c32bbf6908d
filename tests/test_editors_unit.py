"""Unit tests of plraster.functions.constructors, plraster.functions.editors and plraster.core.bandbytes (no server)."""
import math
import struct

import numpy as np
import pytest

from plraster.core import bandbytes, messages, wkb
from plraster.functions import constructors, editors
from plraster.core import srid as srid_rules
from plraster.core.errors import AccessDeniedError, InvalidParameterError, UnsupportedError
from plraster.core.pixtypes import BY_NAME
from rasters import pack


@pytest.mark.parametrize("name,value,expected", [
    ("8BUI", 3.7, 3), ("8BUI", -1, 0), ("8BUI", 300, 255), ("8BUI", math.nan, 0),
    ("8BSI", math.nan, -128), ("8BSI", -2.7, -2), ("1BB", 0.5, 0), ("1BB", 2, 1),
    ("4BUI", 16, 15), ("32BSI", 2**31, 2**31 - 1), ("32BUI", math.inf, 2**32 - 1),
    ("16BSI", -math.inf, -32768), ("32BF", 1e40, float(np.finfo(np.float32).max)),
    ("32BF", -math.inf, -float(np.finfo(np.float32).max)), ("64BF", math.inf, math.inf),
    ("32BF", 1.1, float(np.float32(1.1))),
])
def test_to_pixel_value(name, value, expected):
    assert constructors.to_pixel_value(BY_NAME[name], value) == expected


def test_to_pixel_value_keeps_nan_for_floats():
    assert math.isnan(constructors.to_pixel_value(BY_NAME["32BF"], math.nan))


@pytest.mark.parametrize("srid,expected,noticed", [
    (4326, 4326, False), (0, 0, False), (-5, 0, True), (1000000, 999001, True),
    (2147483647, 999280, True), (999999, 999999, False)])
def test_clamp_srid(srid, expected, noticed):
    messages.recent.clear()
    assert srid_rules.clamp_srid(srid, notice=True) == expected
    assert bool(messages.recent) == noticed


def test_same_value():
    assert constructors.same_value(math.nan, math.nan)
    assert constructors.same_value(math.inf, math.inf)
    assert constructors.same_value(1.0, 1.0000001)
    assert not constructors.same_value(1.0, 1.0000002)
    assert not constructors.same_value(0.0, math.nan)


def test_new_band_is_nodata_compares_given_values():
    info = BY_NAME["8BUI"]
    assert not constructors.new_band(info, 1, 1, 3.2, 3.7).is_nodata  # both store 3
    assert constructors.new_band(info, 1, 1, 1e-50, 0).is_nodata
    assert int(constructors.new_band(BY_NAME["64BF"], 1, 1, 1e-8, None).data[0, 0] * 1e8) == 0


def test_make_empty_raster_wraps_sizes():
    header = wkb.read_header(constructors.make_empty_raster(-1, 70000, 0, 0, 1, -1, 0, 0))
    assert (header.width, header.height, header.num_bands) == (65535, 70000 & 0xFFFF, 0)


def test_add_bands_rejects_lower_case_pixel_type():
    with pytest.raises(InvalidParameterError):
        constructors.add_bands(constructors.make_empty_raster(1, 1, 0, 0, 1, -1, 0, 0),
                               [{"index": None, "pixeltype": "8bui", "initialvalue": 0,
                                 "nodataval": None}])


def test_add_bands_appends_with_notice_and_keeps_raw_bands():
    raw = bytearray(bytes.fromhex(pack(1, 1, [{"pixtype": "16BUI", "data": [[9]]}])))
    raw[62:64] = struct.pack("<H", 5)  # stray nodata bytes, kept as PostGIS keeps them
    messages.recent.clear()
    out = constructors.add_bands(bytes(raw), [(7, "8BUI", 2, None)])
    assert messages.recent[-1].endswith("Adding band at index 2")
    assert out[61:66] == bytes(raw[61:66]) and out[66:] == b"\x04\x00\x02"


def test_outdb_add_band_needs_an_open_source():
    with pytest.raises(AccessDeniedError):
        constructors.add_outdb_band(None, None, "/tmp/x.tif", [1])


def test_header_edit_of_xdr_is_little_endian():
    xdr = bytes.fromhex(pack(2, 1, [{"pixtype": "16BSI", "data": [[1, -2]], "nodata": -2}],
                             big_endian=True))
    out = editors.set_srid(xdr, 4326)
    expected = bytes.fromhex(pack(2, 1, [{"pixtype": "16BSI", "data": [[1, -2]], "nodata": -2}],
                                  srid=4326))
    assert out == expected


def test_header_edit_of_ndr_keeps_band_bytes():
    ndr = bytes.fromhex(pack(2, 1, [{"pixtype": "8BUI", "data": [[1, 2]]}])) + b"\x99"
    out = editors.set_upper_left(ndr, 5, 6)
    assert out[61:] == ndr[61:]
    assert wkb.read_header(out).ip_x == 5


@pytest.mark.parametrize("text,expected", [
    ("1 0 0 -1 10 20", [1, 0, 0, -1, 10, 20]),
    ("x 1.5 0 0 -1.5 10 20 y", [1.5, 0, 0, -1.5, 10, 20]),
    ("1.5.3 2 3 4 5 6 7", [5.3, 2, 3, 4, 5, 6]),
    ("1e3 0 0 -1 10 20", [3, 0, 0, -1, 10, 20]),  # the first run of six, as in PostGIS
])
def test_parse_georeference(text, expected):
    assert editors.parse_georeference(text) == expected


@pytest.mark.parametrize("text", ["1 0 0 -1 10", "1  0 0 -1 10 20", "", "NaN 0 0 -1 10 20"])
def test_parse_georeference_rejects(text):
    with pytest.raises(InvalidParameterError):
        editors.parse_georeference(text)


def test_physical_params_round_trip():
    rng = np.random.default_rng(3)
    for sx, sy, kx, ky in rng.uniform(-5, 5, (50, 4)):
        i_mag, j_mag, theta_i, theta_ij = editors.physical_params(sx, kx, ky, sy)
        got = editors.geotransform_coefficients(i_mag, j_mag, theta_i, theta_ij)
        assert np.allclose(got, (sx, sy, kx, ky), rtol=1e-9, atol=1e-12)


def test_geotransform_coefficients_parallel_axes():
    assert editors.geotransform_coefficients(1, 1, 0.3, 0.0) is None
    assert editors.geotransform_coefficients(1, 1, 0.3, math.pi) is None


def test_set_band_path_force_records_reference():
    rast = bytes.fromhex(pack(2, 2, [{"pixtype": "8BUI", "path": "/a.tif", "index": 0}]))
    out = editors.set_band_path(rast, 1, "/b.tif", 3, force=True)
    band = wkb.parse_raster(out).bands[0]
    assert (band.path, band.outdb_index) == (b"/b.tif", 2)
    with pytest.raises(UnsupportedError):
        editors.set_band_path(rast, 1, "/b.tif", 3, force=False)


def test_set_band_nodata_null_keeps_bytes():
    rast = bytes.fromhex(pack(1, 1, [{"pixtype": "8BUI", "data": [[7]], "nodata": 7,
                                      "isnodata": True}]))
    out = editors.set_band_nodata_value(rast, 1, None)
    assert out[61:] == b"\x04\x07\x07"


def test_has_outdb_band():
    mixed = bytes.fromhex(pack(1, 1, [{"pixtype": "8BUI", "data": [[1]]},
                                      {"pixtype": "8BUI", "path": "/a", "index": 0}]))
    assert bandbytes.has_outdb_band(mixed, wkb.read_header(mixed))
    indb = bytes.fromhex(pack(1, 1, [{"pixtype": "8BUI", "data": [[1]]}]))
    assert not bandbytes.has_outdb_band(indb, wkb.read_header(indb))
