"""The WKB codec without a server: round trips over every pixel type and byte order
(property-based), PostGIS's flag handling, and errors on malformed input."""
import struct

import numpy as np
import pytest
from hypothesis import given, strategies as st

import rasters
from plraster.core import messages, wkb
from plraster.core.errors import InvalidRasterError
from plraster.core.pixtypes import BY_NAME

PIXTYPE_NAMES = sorted(rasters.PIXTYPES)


@st.composite
def raster_specs(draw):
    width = draw(st.integers(0, 6))
    height = draw(st.integers(0, 6))
    bands = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(PIXTYPE_NAMES))
        _, dtype, lo, hi = rasters.PIXTYPES[name]
        if draw(st.booleans()):
            bands.append({"pixtype": name, "path": draw(st.text(
                st.characters(min_codepoint=1, max_codepoint=0x2FF), min_size=1, max_size=30)),
                "index": draw(st.integers(0, 255)), "nodata": None})
        else:
            if np.dtype(dtype).kind == "f":
                values = st.floats(width=np.dtype(dtype).itemsize * 8, allow_nan=True)
            else:
                values = st.integers(int(lo), int(hi))
            data = np.array(draw(st.lists(values, min_size=width * height,
                                          max_size=width * height)), dtype=dtype)
            bands.append({"pixtype": name, "data": data.reshape(height, width)})
        if draw(st.booleans()):
            bands[-1]["nodata"] = draw(st.integers(0, 1)) if not bands[-1].get("path") else 1
            bands[-1]["isnodata"] = draw(st.booleans())
    geo = st.floats(allow_nan=False, allow_infinity=False, width=64)
    return dict(width=width, height=height, bands=bands,
                scale=(draw(geo), draw(geo)), ul=(draw(geo), draw(geo)),
                skew=(draw(geo), draw(geo)), srid=draw(st.integers(-2**31, 2**31 - 1)))


@given(raster_specs(), st.booleans())
def test_round_trip_every_pixel_type_and_byte_order(spec, big_endian):
    raw = bytes.fromhex(rasters.pack(big_endian=big_endian, **spec))
    parsed = wkb.parse_raster(raw)
    h = parsed.header
    assert (h.width, h.height, h.srid, h.num_bands) == (
        spec["width"], spec["height"], spec["srid"], len(spec["bands"]))
    assert (h.scale_x, h.scale_y, h.ip_x, h.ip_y, h.skew_x, h.skew_y) == (
        spec["scale"] + spec["ul"] + spec["skew"])
    for band, want in zip(parsed.bands, spec["bands"]):
        assert band.pixtype.name == want["pixtype"]
        assert band.has_nodata == (want.get("nodata") is not None)
        assert band.is_nodata == (band.has_nodata and bool(want.get("isnodata")))
        if want.get("path") is not None:
            assert band.path == want["path"].encode()
            assert band.outdb_index == want["index"]
        else:
            np.testing.assert_array_equal(band.data, want["data"])
            assert band.data.base is not None  # a view of the WKB, not a copy
    # Emitting writes little-endian whatever the input order: the same bytes as packing it so.
    assert wkb.emit_raster(parsed) == bytes.fromhex(rasters.pack(big_endian=False, **spec))


def test_16bf_round_trip():
    header = bytes.fromhex(rasters.pack(2, 1))[:61]
    header = header[:3] + struct.pack("<H", 1) + header[5:]
    values = np.array([[1.5, -2.25]], dtype="<f2")
    raw = header + bytes((0x49,)) + np.float16(7.0).tobytes() + values.tobytes()
    parsed = wkb.parse_raster(raw)
    band = parsed.bands[0]
    assert band.pixtype.name == "16BF" and band.nodata == 7.0
    np.testing.assert_array_equal(band.data, values)
    assert wkb.emit_raster(parsed) == raw


def _one_band(flags, nodata, pixels):
    raw = bytearray(bytes.fromhex(rasters.pack(len(pixels), 1)))
    raw[3:5] = struct.pack("<H", 1)
    return bytes(raw) + bytes((flags, nodata)) + bytes(pixels)


def test_reserved_and_stray_isnodata_bits_are_dropped():
    assert wkb.emit_raster(wkb.parse_raster(_one_band(0x74, 0, [1, 2])))[61] == 0x64
    assert wkb.emit_raster(wkb.parse_raster(_one_band(0x34, 0, [1, 2])))[61] == 0x04


def test_values_above_small_type_maximum_are_rejected():
    with pytest.raises(InvalidRasterError, match="invalid value 2 for a pixel of type 1BB"):
        wkb.parse_raster(_one_band(0x40, 0, [1, 2]))
    wkb.parse_raster(_one_band(0x02, 0, [15, 0]))  # 4BUI holds 15


def test_trailing_bytes_notice():
    messages.recent.clear()
    wkb.parse_raster(_one_band(0x04, 0, [1, 2]) + b"xyz")
    assert messages.recent == ["3 bytes of WKB remained unparsed"]


def test_truncation_at_every_offset_is_an_error():
    raw = bytes.fromhex(rasters.catalogue()["outdb_mixed"])
    for cut in range(len(raw)):
        with pytest.raises(InvalidRasterError):
            wkb.parse_raster(raw[:cut])


def test_absurd_declared_size_fails_without_allocating():
    raw = bytearray(bytes.fromhex(rasters.pack(1, 1, [{"pixtype": "64BF", "data": [[1.0]]}])))
    raw[57:61] = struct.pack("<HH", 65535, 65535)
    with pytest.raises(InvalidRasterError, match="truncated") as e:
        wkb.parse_raster(bytes(raw))
    assert "34358689800 bytes needed" in e.value.detail


@pytest.mark.parametrize("code", [12, 13, 14, 15])
def test_unknown_pixel_type(code):
    with pytest.raises(InvalidRasterError, match="unknown pixel type %d" % code):
        wkb.parse_raster(_one_band(code, 0, [1, 2]))


def test_every_name_maps_to_its_code():
    for name, (code, dtype, lo, hi) in rasters.PIXTYPES.items():
        info = BY_NAME[name]
        assert (int(info.code), info.dtype) == (code, np.dtype(dtype))
        if info.dtype.kind in "iu":
            assert (info.min, info.max) == (lo, hi)


@pytest.mark.parametrize("pixtype, code, raw_nodata, kept", [
    ("2BUI", 1, 5, 1), ("4BUI", 2, 200, 8), ("1BB", 0, 2, 0), ("1BB", 0, 3, 1)])
def test_sub_byte_nodata_keeps_low_bits_as_postgis(pixtype, code, raw_nodata, kept):
    # Measured on PostGIS 3.3: ST_BandNoDataValue of such WKB gives the masked value.
    band = wkb.parse_raster(_one_band(0x40 | code, raw_nodata, [0, 1])).bands[0]
    assert (band.pixtype.name, band.nodata) == (pixtype, kept)
