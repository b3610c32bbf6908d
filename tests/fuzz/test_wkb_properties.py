"""Property-based tests of the WKB codec (hypothesis), against WKB packed independently
from the format's description (corpus.pack_header/pack_band), in both byte orders.

- a whole raster checks and parses, with the pixels it was packed with;
- every strict prefix of a raster is refused (InvalidRasterError), by the full check, the
  parser and, past the header, by read_header's walk of the band chain;
- a header declaring more bands than the bytes hold is refused everywhere (issue 9 #9,
  issue 10 #6), however many it declares;
- any bytes after a valid header give a result or InvalidRasterError, and the full check
  and the parser agree.
"""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from corpus import PIXEL_TYPES, pack_band, pack_header
from plraster.functions import pixels
from plraster.core import wkb
from plraster.core.errors import InvalidRasterError, PlrasterError, SoftFailure

orders = st.sampled_from("<>")
codes = st.sampled_from(sorted(PIXEL_TYPES))


@st.composite
def rasters(draw):
    """(wkb bytes, [(code, outdb path or None, pixels or None)]) of a valid raster."""
    order = draw(orders)
    width, height = draw(st.integers(0, 9)), draw(st.integers(0, 9))
    bands, spec = [], []
    for i in range(draw(st.integers(0, 4))):
        code = draw(codes)
        nodata = draw(st.sampled_from([None, 0, 1]))
        if draw(st.booleans()) and draw(st.booleans()):
            path = draw(st.binary(min_size=0, max_size=20).map(lambda b: b.replace(b"\0", b"x")))
            bands.append(pack_band(code, width, height, order, nodata, outdb=(i, path)))
            spec.append((code, path, None))
        else:
            data = pack_band(code, width, height, order, nodata, seed=draw(st.integers(0, 99)))
            bands.append(data)
            size = np.dtype(PIXEL_TYPES[code][1]).itemsize
            px = np.frombuffer(data, np.dtype(PIXEL_TYPES[code][1]).newbyteorder(order),
                               offset=1 + size).reshape(height, width)
            spec.append((code, None, px))
    return pack_header(len(bands), width, height, order) + b"".join(bands), spec


@settings(max_examples=200)
@given(rasters())
def test_whole_rasters_check_and_parse(raster):
    data, spec = raster
    assert wkb.check_raster(data) == 0
    parsed = wkb.parse_raster(data)
    assert len(parsed.bands) == len(spec)
    for band, (code, path, px) in zip(parsed.bands, spec):
        assert int(band.pixtype.code) == code
        assert band.path == path
        if px is not None:
            assert np.array_equal(band.data, px, equal_nan=True)
    assert wkb.check_raster(wkb.emit_raster(parsed)) == 0


@settings(max_examples=200)
@given(rasters(), st.data())
def test_every_prefix_is_refused(raster, data):
    whole, spec = raster
    cut = data.draw(st.integers(0, len(whole) - 1))
    prefix = whole[:cut]
    if spec == [] and cut >= wkb.HEADER_SIZE:
        return  # nothing is cut
    with pytest.raises(InvalidRasterError):
        wkb.check_raster(prefix)
    with pytest.raises(InvalidRasterError):
        wkb.parse_raster(prefix)
    if cut > wkb.HEADER_SIZE:
        with pytest.raises(InvalidRasterError):
            wkb.read_header(prefix)


@settings(max_examples=200)
@given(orders, st.integers(2, 65535), codes, st.integers(1, 5), st.integers(1, 5))
def test_more_bands_declared_than_present(order, declared, code, width, height):
    """The audit's values: 65,535 bands and no band data; 60,000 bands with one band's bytes."""
    one = pack_band(code, width, height, order)
    calls = (wkb.check_raster, wkb.parse_raster, lambda d: pixels.value(d, 1, 1, 1))
    for data in (pack_header(declared, width, height, order),
                 pack_header(declared, width, height, order) + one):
        # 61 bytes alone may be a header slice (ST_Width and kin pass one): read_header
        # walks the band chain only when there is more.
        for call in calls + ((wkb.read_header,) if len(data) > wkb.HEADER_SIZE else ()):
            with pytest.raises(InvalidRasterError):
                call(data)


@settings(max_examples=300)
@given(orders, st.integers(0, 3), st.integers(0, 4), st.integers(0, 4), st.binary(max_size=80))
def test_any_band_bytes_give_a_result_or_invalid_raster(order, nbands, width, height, tail):
    data = pack_header(nbands, width, height, order) + tail
    try:
        trailing = wkb.check_raster(data)
    except InvalidRasterError:
        trailing = None
    try:
        wkb.parse_raster(data, notice_trailing=False)
        parsed = True
    except InvalidRasterError:
        parsed = False
    assert parsed == (trailing is not None)
    try:
        pixels.value(data, 1, 1, 1)
    except (PlrasterError, SoftFailure):
        pass
