"""Corrupt and hostile files: CorruptFileError (or UnsupportedError/SizeLimitError), never a hang."""

import struct

import numpy
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from gdal_oracle import random_pixels
from plraster.core.errors import CorruptFileError, PlrasterError, SizeLimitError, UnsupportedError
from plraster.tiff import BytesSource, decode_tile, open_tiff, read_window

SHORT, LONG, DOUBLE, ASCII = 3, 4, 12, 2


def build_tiff(entries, next_offset=0, extra_ifds=(), first_ifd=8, tail=b""):
    """A classic little-endian TIFF with one IFD at offset 8 built from (tag, type, count, value).

    `value` is an int stored in the entry, or bytes placed after the IFD (or in the entry
    when 4 bytes or fewer). `extra_ifds` are raw bytes appended after the data area.
    """
    entries = sorted(entries)
    ifd_size = 2 + 12 * len(entries) + 4
    data_offset = 8 + ifd_size
    data = b""
    packed = []
    for tag, ftype, count, value in entries:
        if isinstance(value, bytes) and len(value) > 4:
            packed.append(struct.pack("<HHII", tag, ftype, count, data_offset + len(data)))
            data += value
        elif isinstance(value, bytes):
            packed.append(struct.pack("<HHI", tag, ftype, count) + value.ljust(4, b"\0"))
        else:
            fmt = "<HHIH2x" if ftype == SHORT else "<HHII"
            packed.append(struct.pack(fmt, tag, ftype, count, value))
    header = b"II" + struct.pack("<HI", 42, first_ifd)
    ifd = struct.pack("<H", len(entries)) + b"".join(packed) + struct.pack("<I", next_offset)
    return header + ifd + data + b"".join(extra_ifds) + tail


def simple_entries(width=16, height=16, tile=16, offsets=None, counts=None, **extra):
    """Entries of a 1-band uncompressed Byte image with one tile of pixels at `tail`."""
    ntiles = -(-width // tile) * -(-height // tile)
    entries = {
        256: (256, LONG, 1, width),
        257: (257, LONG, 1, height),
        258: (258, SHORT, 1, 8),
        259: (259, SHORT, 1, extra.pop("compression", 1)),
        262: (262, SHORT, 1, 1),
        322: (322, LONG, 1, tile),
        323: (323, LONG, 1, tile),
        324: (324, LONG, ntiles, offsets if offsets is not None else struct.pack(f"<{ntiles}I", *([1000] * ntiles))),
        325: (325, LONG, ntiles, counts if counts is not None else struct.pack(f"<{ntiles}I", *([tile * tile] * ntiles))),
    }
    for tag, entry in extra.items():
        entries[int(tag.strip("t"))] = entry
    return list(entries.values())


def read_all(data):
    """Open a TIFF from bytes and read every IFD entirely."""
    source = BytesSource(data)
    tiff = open_tiff(source)
    return tiff, [read_window(ifd, source, 0, 0, ifd.width, ifd.height) for ifd in tiff.ifds]


def test_handmade_file_reads(no_hang):
    pixels = bytes(range(256))
    data = build_tiff(simple_entries(offsets=None))
    data = data.ljust(1000, b"\0") + pixels
    _, (arr,) = read_all(data)
    assert arr.tobytes() == pixels


@pytest.mark.parametrize("data,message", [
    (b"", "not a tiff"),
    (b"II*\0", "not a tiff"),
    (b"XX*\0\x08\0\0\0", "not a tiff"),
    (b"II\x2b\0\x04\0\0\0\x10\0\0\0\0\0\0\0", "bigtiff"),
    (b"II\x2b\0\x08\0\0\0\0\0", "truncated"),
    (b"II*\0\xff\xff\0\0" + b"\0" * 64, "beyond the end"),
    (b"II*\0\0\0\0\0" + b"\0" * 64, "without images"),
])
def test_bad_headers(no_hang, data, message):
    with pytest.raises(CorruptFileError) as err:
        open_tiff(BytesSource(data))
    assert message in err.value.message


def test_ifd_loop_to_itself(no_hang):
    data = build_tiff(simple_entries(), next_offset=8).ljust(1256, b"\0")
    with pytest.raises(CorruptFileError, match="loop"):
        open_tiff(BytesSource(data))


def test_ifd_loop_between_two(no_hang):
    first = build_tiff(simple_entries(), next_offset=0)
    second_offset = len(first)
    second = struct.pack("<H", 1) + struct.pack("<HHII", 256, LONG, 1, 16) + struct.pack("<I", 8)
    data = build_tiff(simple_entries(), next_offset=second_offset, extra_ifds=[second]).ljust(1256, b"\0")
    with pytest.raises(CorruptFileError, match="loop"):
        open_tiff(BytesSource(data))


def test_absurd_entry_count(no_hang):
    data = bytearray(build_tiff(simple_entries()).ljust(1256, b"\0"))
    data[8:10] = struct.pack("<H", 0xFFFF)
    with pytest.raises(CorruptFileError, match="directory"):
        open_tiff(BytesSource(bytes(data)))


@pytest.mark.parametrize("count", [2**20, 2**31, 2**32 - 1])
def test_absurd_tag_count(no_hang, count):
    entries = simple_entries()
    entries = [(t, ty, count if t == 324 else c, v) for t, ty, c, v in entries]
    data = build_tiff(entries).ljust(1256, b"\0")
    with pytest.raises(CorruptFileError):
        open_tiff(BytesSource(data))


@pytest.mark.parametrize("extra,error", [
    ({"t256": (256, LONG, 1, 0)}, CorruptFileError),
    ({"t322": (322, LONG, 1, 0)}, CorruptFileError),
    ({"t258": (258, ASCII, 4, b"abc")}, CorruptFileError),
    ({"t256": (256, DOUBLE, 1, struct.pack("<d", float("nan")))}, CorruptFileError),
    ({"t277": (277, SHORT, 1, 0)}, CorruptFileError),
    ({"t284": (284, SHORT, 1, 7), "t277": (277, SHORT, 1, 2)}, CorruptFileError),
    ({"t34735": (34735, SHORT, 8, struct.pack("<8H", 1, 1, 0, 5, 1024, 0, 1, 1))}, CorruptFileError),
    ({"t34735": (34735, SHORT, 8, struct.pack("<8H", 1, 1, 0, 1, 1026, 34737, 50, 0))}, CorruptFileError),
])
def test_invalid_tag_values(no_hang, extra, error):
    data = build_tiff(simple_entries(**extra)).ljust(1256, b"\0")
    with pytest.raises(error):
        read_all(data)


def test_too_few_tile_offsets(no_hang):
    entries = simple_entries(width=40, height=40)  # needs 9 tiles
    entries = [(t, ty, 4 if t in (324, 325) else c, v[:16] if t in (324, 325) else v) for t, ty, c, v in entries]
    with pytest.raises(CorruptFileError, match="block offsets"):
        open_tiff(BytesSource(build_tiff(entries).ljust(2000, b"\0")))


def test_tile_beyond_end_of_file(no_hang):
    data = build_tiff(simple_entries(offsets=None)).ljust(1100, b"\0")  # tile at 1000..1256
    with pytest.raises(CorruptFileError, match="beyond the end"):
        read_all(data)


def test_garbage_compressed_tiles(no_hang):
    for compression in (5, 8, 7, 32773, 34887, 50000, 50001):
        data = build_tiff(simple_entries(compression=compression)).ljust(1000, b"\0") + bytes(range(256))
        with pytest.raises((CorruptFileError, UnsupportedError)):
            read_all(data)


def test_unknown_compression_is_named(no_hang):
    data = build_tiff(simple_entries(compression=12345)).ljust(1256, b"\0")
    tiff = open_tiff(BytesSource(data))  # opening works: only reading pixels needs the codec
    with pytest.raises(UnsupportedError) as err:
        read_all(data)
    assert "12345" in err.value.detail
    with pytest.raises(UnsupportedError):
        decode_tile(tiff.ifds[0], b"\0" * 256)


@pytest.mark.parametrize("bits,sample_format", [(12, 1), (32, 5), (24, 3), (4, 2)])
def test_unsupported_sample_types(no_hang, bits, sample_format):
    data = build_tiff(simple_entries(t258=(258, SHORT, 1, bits), t339=(339, SHORT, 1, sample_format)))
    with pytest.raises(UnsupportedError):
        read_all(data.ljust(1256, b"\0"))


def test_huge_tile_is_refused_before_allocation(no_hang):
    data = build_tiff(simple_entries(width=2**20, height=2**20, tile=2**20, counts=struct.pack("<I", 256)))
    data = data.ljust(1256, b"\0")
    tiff = open_tiff(BytesSource(data))
    with pytest.raises(SizeLimitError):
        read_window(tiff.ifds[0], BytesSource(data), 0, 0, 10, 10)


@pytest.fixture(scope="module")
def cog_bytes(tmp_path_factory):
    from gdal_oracle import mem_dataset, gdal

    pixels = random_pixels(numpy.int16, 2, 300, 260)
    mask = numpy.full((300, 260), 255, numpy.uint8)
    mask[100:200, 50:150] = 0
    path = str(tmp_path_factory.mktemp("corrupt") / "cog.tif")
    gdal.SetConfigOption("GDAL_TIFF_INTERNAL_MASK", "YES")
    try:
        gdal.Translate(path, mem_dataset(pixels, mask=mask), format="COG",
                       creationOptions=["BLOCKSIZE=128", "COMPRESS=DEFLATE", "PREDICTOR=2", "OVERVIEWS=AUTO"])
    finally:
        gdal.SetConfigOption("GDAL_TIFF_INTERNAL_MASK", None)
    return open(path, "rb").read()


def test_truncated_everywhere(no_hang, cog_bytes):
    _, full = read_all(cog_bytes)
    size = len(cog_bytes)
    cuts = list(range(0, 2048, 3)) + list(numpy.linspace(2048, size - 1, 150).astype(int))
    for cut in cuts:
        try:
            _, arrays = read_all(cog_bytes[:cut])
        except CorruptFileError:
            continue
        # Only a cut in bytes nothing needs (a COG's trailing tile copy) may go unnoticed.
        assert all(numpy.array_equal(a, b) for a, b in zip(arrays, full)), cut


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_bytes_never_crash(no_hang, cog_bytes, data):
    header_end = 1500
    buf = bytearray(cog_bytes)
    for _ in range(data.draw(st.integers(1, 8))):
        where = data.draw(st.integers(0, header_end if data.draw(st.booleans()) else len(buf) - 1))
        buf[where] = data.draw(st.integers(0, 255))
    try:
        read_all(bytes(buf))
    except PlrasterError:
        pass
