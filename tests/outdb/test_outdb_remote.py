"""Swift and S3 paths read the same pixels as the local file; faults of the store give
clear errors naming the path (never credentials), and the session keeps working."""
import os
import subprocess
import time

import psycopg
import pytest

from servers.process import find_program
from plraster.tiff import BytesSource, open_tiff
from outdb_records import one_band

WINDOW = (40, 30, 10.2, 49.8, 0.001, -0.001)


def dump(osql, path, pixtype="32BUI"):
    r = one_band(*WINDOW, path, pixtype=pixtype)
    return osql.run("SELECT plraster.st_dumpvalues('\\x%s'::plraster.raster, 1)" % r)


def reference(osql, cog_dir, name="probe.tif"):
    r = one_band(*WINDOW, str(cog_dir / name))
    return osql.value("SELECT public.st_dumpvalues('%s'::public.raster, 1)" % r.upper())


def test_swift(osql, sources, cog_dir, swift_server):
    sources.add("swift://cogs/", swift_server.options())
    for path in ("/vsiswift/cogs/probe.tif", "swift://cogs/probe.tif"):
        out = dump(osql, path)
        assert not out.failed, out
        assert out.rows[0][0] == reference(osql, cog_dir)


def test_s3(osql, sources, cog_dir, s3_server):
    sources.add("s3://cogs/", s3_server.options())
    out = dump(osql, "/vsis3/cogs/probe.tif")
    assert not out.failed, out
    assert out.rows[0][0] == reference(osql, cog_dir)
    missing = dump(osql, "/vsis3/cogs/nope.tif")
    assert missing.sqlstate == "58P01" and "s3://cogs/nope.tif" in missing.error


def test_s3_wrong_key_denied(osql, sources, s3_server):
    sources.add("s3://cogs/", s3_server.options(secret_key="wrong-secret"))
    out = dump(osql, "/vsis3/cogs/probe.tif")
    assert out.sqlstate == "42501" and "wrong-secret" not in out.error


@pytest.fixture
def faulty(osql, sources, fault_server, cog_dir):
    """The fault server holding probe.tif, opened as a source with short timeouts."""
    fault_server.put("/probe.tif", (cog_dir / "probe.tif").read_bytes())
    sources.add(fault_server.url("/"), {"GDAL_HTTP_TIMEOUT": "1", "GDAL_HTTP_CONNECTTIMEOUT": "1",
                                        "GDAL_HTTP_MAX_RETRY": "1", "GDAL_HTTP_RETRY_DELAY": "0.01"})
    return fault_server


def error_of(osql, query):
    """(sqlstate, message, detail) of a statement that must fail."""
    try:
        osql.conn.execute(query)
    except psycopg.Error as e:
        return e.sqlstate, e.diag.message_primary, e.diag.message_detail or ""
    raise AssertionError("statement succeeded: " + query)


def works_afterwards(osql, server, cog_dir):
    out = dump(osql, "/vsicurl/" + server.url("/probe.tif"))
    assert not out.failed, out
    assert out.rows[0][0] == reference(osql, cog_dir)


def test_missing_and_denied(osql, faulty, cog_dir):
    out = dump(osql, "/vsicurl/" + faulty.url("/nope.tif"))
    assert out.sqlstate == "58P01" and faulty.url("/nope.tif") in out.error
    faulty.plan("/probe.tif", "403")
    out = dump(osql, "/vsicurl/" + faulty.url("/probe.tif"))
    assert out.sqlstate == "42501" and "probe.tif" in out.error
    works_afterwards(osql, faulty, cog_dir)


def test_truncated_body(osql, faulty, cog_dir):
    faulty.plan("/probe.tif", "ok", "truncate", "truncate")
    out = dump(osql, "/vsicurl/" + faulty.url("/probe.tif"))
    assert out.sqlstate == "58030" and "probe.tif" in out.error and "truncated" in out.error
    works_afterwards(osql, faulty, cog_dir)


def test_hanging_server_bounded_by_timeout(osql, faulty, cog_dir):
    faulty.plan("/probe.tif", "ok", "hang", "hang")
    started = time.monotonic()
    out = dump(osql, "/vsicurl/" + faulty.url("/probe.tif"))
    assert out.sqlstate == "58030" and "not received within 1 seconds" in out.error
    assert time.monotonic() - started < 6
    works_afterwards(osql, faulty, cog_dir)


def test_statement_timeout_and_cancel_honoured(osql, sources, fault_server, cog_dir):
    fault_server.put("/probe.tif", (cog_dir / "probe.tif").read_bytes())
    sources.add(fault_server.url("/"), {"GDAL_HTTP_TIMEOUT": "25", "GDAL_HTTP_MAX_RETRY": "0"})
    fault_server.plan("/probe.tif", "hang")
    osql.run("SET statement_timeout = 1000")
    try:
        started = time.monotonic()
        out = dump(osql, "/vsicurl/" + fault_server.url("/probe.tif"))
        elapsed = time.monotonic() - started
    finally:
        osql.run("RESET statement_timeout")
    assert out.sqlstate == "57014", out
    assert elapsed < 2.5, elapsed
    works_afterwards(osql, fault_server, cog_dir)


def test_object_replaced_mid_session(osql, faulty, cog_dir):
    path = "/vsicurl/" + faulty.url("/probe.tif")
    r1 = one_band(10, 10, 10.0, 50.0, 0.001, -0.001, path)
    assert not osql.run("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r1).failed
    # the same pixels, written as another file: another ETag, other offsets
    faulty.put("/probe.tif", (cog_dir / "probe.tif").read_bytes() + b"\0" * 10)
    r2 = one_band(10, 10, 10.6, 49.4, 0.001, -0.001, path)  # a tile not read yet
    out = osql.run("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r2)
    assert out.sqlstate == "58030" and "changed" in out.error and "probe.tif" in out.error
    # the next statement opens the new object
    assert osql.value("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r2) == 600 * 4096 + 600 + 1


def test_corrupt_tile(osql, sources, cog_dir, tmp_path):
    data = bytearray((cog_dir / "probe.tif").read_bytes())
    ifd = open_tiff(BytesSource(bytes(data))).ifds[0]
    offset, length = int(ifd.block_offsets[0]), int(ifd.block_bytecounts[0])
    data[offset:offset + length] = b"\x55" * length
    os.chmod(tmp_path, 0o755)
    (tmp_path / "corrupt.tif").write_bytes(bytes(data))
    os.chmod(tmp_path / "corrupt.tif", 0o644)
    sources.add(str(tmp_path) + "/")
    r = one_band(4, 4, 10.0, 50.0, 0.001, -0.001, str(tmp_path / "corrupt.tif"))
    state, message, detail = error_of(osql, "SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r)
    assert state == "22P03" and "corrupt.tif" in detail, (state, message, detail)


def test_unknown_codec(osql, sources, tmp_path):
    os.chmod(tmp_path, 0o755)
    src = tmp_path / "src.tif"
    path = tmp_path / "lzma.tif"
    subprocess.run([find_program("gdal_create"), "-q", "-outsize", "32", "32", "-bands", "1", "-ot", "UInt16",
                    "-burn", "7", "-a_srs", "EPSG:4326", "-a_ullr", "0", "32", "32", "0", str(src)], check=True)
    result = subprocess.run([find_program("gdal_translate"), "-q", "-co", "COMPRESS=LZMA", str(src), str(path)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("this GDAL cannot write LZMA")
    os.chmod(path, 0o644)
    sources.add(str(tmp_path) + "/")
    r = one_band(4, 4, 0.0, 32.0, 1.0, -1.0, str(path), pixtype="16BUI")
    state, message, detail = error_of(osql, "SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r)
    assert state == "0A000" and "lzma.tif" in detail, (state, message, detail)
