"""Byte-range sources, range merging, and how many reads opening and reading cost."""

import numpy
import pytest

from gdal_oracle import assert_pixels_equal, gdal_ifd_array, random_pixels
from plraster.core.errors import CorruptFileError, InvalidParameterError, ObjectNotFoundError
from plraster.tiff import (
    BytesSource,
    FileSource,
    merge_ranges,
    open_tiff,
    read_merged,
    read_window,
    tiles_for_window,
)
from plraster.tiff.source import HEADER_PREFIX_SIZE


def test_merge_ranges_joins_overlapping_adjacent_and_near():
    ranges = [(100, 10), (0, 10), (10, 5), (112, 3), (5000, 10), (50, 60)]
    merged = merge_ranges(ranges, max_gap=2)
    assert [(m.offset, m.length) for m in merged] == [(0, 15), (50, 65), (5000, 10)]
    assert [sorted(m.members) for m in merged] == [[1, 2], [0, 3, 5], [4]]


def test_merge_ranges_gap_and_request_limits():
    ranges = [(0, 10), (20, 10), (40, 10)]
    assert len(merge_ranges(ranges, max_gap=9)) == 3
    assert len(merge_ranges(ranges, max_gap=10)) == 1
    assert [(m.offset, m.length) for m in merge_ranges(ranges, max_gap=10, max_request=30)] == [(0, 30), (40, 10)]
    assert [(m.offset, m.length) for m in merge_ranges([(0, 100)], max_request=10)] == [(0, 100)]
    assert merge_ranges([]) == []


def test_read_merged_returns_input_order():
    data = bytes(range(256)) * 4
    source = BytesSource(data)
    ranges = [(500, 4), (0, 3), (502, 10), (1000, 24)]
    out = read_merged(source, ranges, max_gap=100)
    assert [bytes(b) for b in out] == [data[o:o + n] for o, n in ranges]
    assert source.requests == [(0, 3), (500, 12), (1000, 24)]


def test_read_merged_checks_bounds_before_reading():
    source = BytesSource(b"x" * 100)
    with pytest.raises(CorruptFileError):
        read_merged(source, [(90, 11)])
    assert source.requests == []


def test_file_source_missing():
    with pytest.raises(ObjectNotFoundError):
        FileSource("/nonexistent/plraster.tif")


def test_small_cog_opens_with_one_read(write_tiff):
    path = write_tiff(random_pixels(numpy.uint8, 3, 600, 700), "COG", ["BLOCKSIZE=256", "OVERVIEWS=AUTO"])
    source = BytesSource(open(path, "rb").read())
    tiff = open_tiff(source)
    assert source.requests == [(0, HEADER_PREFIX_SIZE)]
    assert len(tiff.ifds) >= 2


def test_tag_arrays_beyond_prefix_cost_one_more_read(write_tiff):
    # 16x16 tiles over 2048x2048: 16384 tiles, 64 KiB offset and byte count arrays.
    pixels = numpy.zeros((1, 2048, 2048), numpy.uint8)
    pixels[0, ::97, ::89] = 1
    path = write_tiff(pixels, "GTiff", ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "SPARSE_OK=TRUE",
                                        "COMPRESS=DEFLATE"])
    source = BytesSource(open(path, "rb").read())
    tiff = open_tiff(source)
    assert len(source.requests) == 2
    assert len(tiff.ifds[0].block_offsets) == 16384
    file_source = FileSource(path)
    assert_pixels_equal(read_window(tiff.ifds[0], file_source, 0, 0, 2048, 2048), gdal_ifd_array(path, 1))


def test_window_reads_only_its_tiles_merged(write_tiff):
    pixels = random_pixels(numpy.uint16, 1, 1024, 1024)
    path = write_tiff(pixels, "COG", ["BLOCKSIZE=256", "OVERVIEWS=NONE", "COMPRESS=NONE"])
    data = open(path, "rb").read()
    tiff = open_tiff(BytesSource(data))
    ifd = tiff.ifds[0]
    assert tiles_for_window(ifd, 250, 300, 20, 300) == [(0, 1), (1, 1), (0, 2), (1, 2)]

    source = BytesSource(data)
    out = read_window(ifd, source, 250, 300, 20, 300, max_gap=0)
    assert_pixels_equal(out, pixels[:, 300:600, 250:270])
    # COG tiles carry a 4-byte leader and trailer: without a gap allowance, one request each.
    assert sorted(source.requests) == sorted(
        (int(ifd.block_offsets[i]), 256 * 256 * 2) for i in (4, 5, 8, 9))

    source = BytesSource(data)
    read_window(ifd, source, 250, 300, 20, 300, max_gap=16)
    # Two rows of two neighbouring tiles: one request per row.
    assert len(source.requests) == 2

    source = BytesSource(data)
    read_window(ifd, source, 250, 300, 20, 300, max_gap=300_000)  # the gap between the rows is two tiles
    assert len(source.requests) == 1


def test_window_outside_image_is_refused(write_tiff):
    path = write_tiff(random_pixels(numpy.uint8, 2, 50, 60), "GTiff", ["TILED=YES"])
    source = FileSource(path)
    ifd = open_tiff(source).ifds[0]
    for window in [(0, 0, 61, 50), (-1, 0, 10, 10), (0, 45, 10, 6), (0, 0, 0, 5)]:
        with pytest.raises(InvalidParameterError):
            read_window(ifd, source, *window)
    with pytest.raises(InvalidParameterError):
        read_window(ifd, source, 0, 0, 10, 10, bands=[3])
    # Bands may be repeated or reordered, as with GDAL's band lists.
    out = read_window(ifd, source, 0, 0, 10, 10, bands=[2, 1, 2])
    whole = read_window(ifd, source, 0, 0, 10, 10)
    assert_pixels_equal(out, whole[[1, 0, 1]])
