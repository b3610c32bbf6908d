"""Reproducers of what the audit (issue 9) and the fuzzers found, one test each, kept after
the fix: a TIFF tag of the wrong type reaching an AttributeError, an out-db path that is
not UTF-8 reaching SystemError, error details that echo the first bytes of a non-TIFF
object."""
import os
import struct

import pytest
from osgeo import gdal

import conformance
import corpus
from plraster.core import wkb
from plraster.core.errors import CorruptFileError, InvalidRasterError
from plraster.tiff import BytesSource, open_tiff

gdal.UseExceptions()

BYTE, ASCII, SHORT, LONG, DOUBLE = 1, 2, 3, 4, 12


def geotiff(ascii_type):
    """A 4x4 Byte TIFF (one strip) whose GeoKeyDirectory reads its citation from
    GeoAsciiParams, stored with field type ascii_type; EPSG 32631; pixel scale and tiepoint."""
    citation = b"WGS 84 / UTM zone 31N|\0"
    keys = struct.pack("<16H", 1, 1, 0, 3, 1024, 0, 1, 1, 1026, 34737, len(citation) - 1, 0,
                       3072, 0, 1, 32631)
    entries = [
        (256, SHORT, 1, struct.pack("<H", 4)), (257, SHORT, 1, struct.pack("<H", 4)),
        (258, SHORT, 1, struct.pack("<H", 8)), (259, SHORT, 1, struct.pack("<H", 1)),
        (262, SHORT, 1, struct.pack("<H", 1)), (273, LONG, 1, None),
        (278, SHORT, 1, struct.pack("<H", 4)), (279, LONG, 1, struct.pack("<I", 16)),
        (33550, DOUBLE, 3, struct.pack("<3d", 10.0, 10.0, 0.0)),
        (33922, DOUBLE, 6, struct.pack("<6d", 0, 0, 0, 500000.0, 4600000.0, 0)),
        (34735, SHORT, 16, keys),
        (34737, ascii_type, len(citation) // (2 if ascii_type == SHORT else 1), citation),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    data_at = 8 + ifd_size
    blobs, packed = b"", []
    pixels_at = None
    for tag, ftype, count, value in entries:
        if value is None:  # the strip offset, filled below
            packed.append([tag, ftype, count, None])
        elif len(value) <= 4:
            packed.append([tag, ftype, count, value.ljust(4, b"\0")])
        else:
            packed.append([tag, ftype, count, struct.pack("<I", data_at + len(blobs))])
            blobs += value + (b"\0" if len(value) % 2 else b"")
    pixels_at = data_at + len(blobs)
    out = b"II" + struct.pack("<HI", 42, 8) + struct.pack("<H", len(entries))
    for tag, ftype, count, value in packed:
        out += struct.pack("<HHI", tag, ftype, count) + (value or struct.pack("<I", pixels_at))
    return out + struct.pack("<I", 0) + blobs + bytes(range(16))


def test_geoascii_params_of_a_numeric_type_is_corrupt_not_attribute_error():
    """Found by test_mutation (cog-lerc-float64, GeoAsciiParams' type set to SHORT or
    BYTE): AttributeError: 'numpy.ndarray' object has no attribute 'rstrip'."""
    with pytest.raises(CorruptFileError, match="invalid tiff tag type") as err:
        open_tiff(BytesSource(geotiff(SHORT)))
    assert "GEO_ASCII_PARAMS" in err.value.detail


@pytest.mark.parametrize("ftype", [ASCII, BYTE])
def test_geoascii_params_as_ascii_or_byte_read_as_gdal_reads_them(tmp_path, ftype):
    """libtiff reads a text tag from BYTE as from ASCII: so does plraster (GDAL the oracle)."""
    path = tmp_path / "g.tif"
    path.write_bytes(geotiff(ftype))
    ifd = open_tiff(BytesSource(path.read_bytes())).ifds[0]
    ds = gdal.Open(str(path))
    assert ifd.geotransform == ds.GetGeoTransform()
    assert ifd.epsg == int(ds.GetSpatialRef().GetAuthorityCode(None)) == 32631


def test_numeric_tag_stored_as_text_and_text_tag_stored_as_numbers_are_corrupt():
    import test_corrupt
    for extra in ({"t42113": (42113, SHORT, 1, 7)}, {"t259": (259, ASCII, 2, b"1\0")}):
        entries = test_corrupt.simple_entries(**extra)
        with pytest.raises(CorruptFileError, match="invalid tiff tag type"):
            open_tiff(BytesSource(test_corrupt.build_tiff(entries).ljust(1256, b"\0")))


@pytest.mark.parametrize("head,echo", [(b"SECRET-TOKEN-abcdef0123456789", ("SE", "b'SE'")),
                                       (b"II\x00\x99SECRET", ("39168", "153"))])
def test_not_a_tiff_detail_says_what_it_is_not(head, echo):
    """Issue 9 finding 10: the detail echoed the first bytes of a non-TIFF object (its
    first two bytes, or its version field as a number)."""
    with pytest.raises(CorruptFileError, match="not a tiff file") as err:
        open_tiff(BytesSource(head.ljust(64, b"\0")))
    text = err.value.message + " " + err.value.detail
    for fragment in echo:
        assert fragment not in text, text


def test_path_text_refuses_paths_that_are_not_utf8():
    with pytest.raises(InvalidRasterError, match="not valid utf-8") as err:
        wkb.path_text(b"/data/\xff\xfe.tif", 1)
    assert "0xff at offset 6" in err.value.detail
    assert wkb.path_text(b"/data/caf\xc3\xa9.tif") == "/data/caf\u00e9.tif"


@pytest.fixture
def user_sql(capped_server, tmp_path):
    su = conformance.Session(capped_server.url)
    su.run("GRANT USAGE ON SCHEMA plraster TO fuzzer")
    os.chmod(tmp_path, 0o755)
    added = su.run("SELECT plraster.plraster_add_source(%s)", (str(tmp_path),))
    assert not added.failed, added
    session = conformance.Session(capped_server.user_url)
    yield session, tmp_path
    session.close()
    su.run("SELECT plraster.plraster_drop_source(%s)", (added.rows[0][0],))
    su.close()


def _outdb(path_bytes):
    return (corpus.pack_header(1, 4, 4).replace(struct.pack("<i", 4326), struct.pack("<i", 0))
            + corpus.pack_band(4, 4, 4, outdb=(0, path_bytes)))


def test_outdb_path_not_utf8_is_refused_cleanly(user_sql):
    """Issue 9 finding 8: SystemError: <class 'UnicodeEncodeError'> returned a result with
    an exception set (38000). PostGIS accepts such a path where it enters and hands it on
    as text that is not valid UTF-8; plraster accepts it too, and refuses to open it."""
    session, directory = user_sql
    data = _outdb(str(directory).encode() + b"/\xff\xfe.tif")
    for query in ("SELECT plraster.st_value(%s::bytea::plraster.raster, 1, 1, 1)",
                  "SELECT plraster.st_bandfilesize(%s::bytea::plraster.raster)",
                  "SELECT plraster.st_asbinary(%s::bytea::plraster.raster, true)"):
        out = session.run(query, (data,))
        assert out.sqlstate == "22P03", (query, out)
        assert out.error.endswith("out-db band path is not valid utf-8"), out
    assert not session.run("SELECT plraster.st_numbands(%s::bytea::plraster.raster)", (data,)).failed


def test_outdb_file_that_is_not_a_tiff_does_not_echo_its_bytes(user_sql, capped_server):
    session, directory = user_sql
    (directory / "secret.tif").write_bytes(b"TOKEN=s3cr3t-value\n" * 10)
    os.chmod(directory / "secret.tif", 0o644)
    data = _outdb(str(directory / "secret.tif").encode())
    with __import__("psycopg").connect(capped_server.user_url) as conn:
        try:
            conn.execute("SELECT plraster.st_value(%s::bytea::plraster.raster, 1, 1, 1)", (data,))
            raise AssertionError("a file that is not a TIFF was read")
        except Exception as e:  # noqa: B902 - psycopg.Error, inspected below
            diag = e.diag
            assert e.sqlstate == "22P03", e
            text = " ".join(x or "" for x in (diag.message_primary, diag.message_detail,
                                               diag.message_hint))
            assert "b'TO'" not in text and "s3cr3t" not in text, text
