"""Every backend against a real server holding the same COG: bytes, errors, auth, validators."""

import os
import shutil

import pytest

from plraster.core.errors import AccessDeniedError, InvalidParameterError, ObjectNotFoundError
from plraster.storage import (FileSource, HttpSource, ObjectChangedError, S3Source, SwiftSource, io_counter,
                              open_source)
from plraster.storage.s3 import s3_transport
from plraster.storage.swift import swift_transport
from servers.s3 import NOREAD_KEY, NOREAD_SECRET, SECRET_KEY
from servers.swift import KEY, READER, READER_KEY

MODES = ["PARALLEL", "SERIAL", "SINGLE_GET"]


def ranges_for(size):
    """Ranges all over the file: header, middle, end, adjacent, overlapping, past the prefix."""
    return [(0, 16), (size // 2, 4096), (size - 100, 100), (20_000, 10), (20_010, 5000),
            (20_005, 30), (size // 3, 70_000), (16_380, 10)]


def assert_reads(source, data):
    assert source.size == len(data)
    ranges = ranges_for(len(data))
    got = source.read_ranges(ranges)
    assert [bytes(b) for b in got] == [data[o:o + n] for o, n in ranges]


def secrets_absent(exc, *secrets):
    text = f"{exc.message} {exc.detail} {exc.hint}"
    return not any(s in text for s in secrets)


# --- local files -----------------------------------------------------------------------

def test_file_source(cog_dir, cog_bytes):
    path = str(cog_dir / "dem.tif")
    with FileSource(path) as source:
        assert_reads(source, cog_bytes)
        assert source.revalidate()
    assert io_counter().snapshot().bytes > 0


def test_file_source_through_open_source_with_allow_list(cog_dir, cog_bytes):
    source = open_source("GTIFF_DIR:1:" + str(cog_dir / "dem.tif"), allow_list=[str(cog_dir)])
    assert_reads(source, cog_bytes)


def test_file_source_errors(tmp_path):
    with pytest.raises(ObjectNotFoundError) as info:
        FileSource(str(tmp_path / "missing.tif"))
    assert info.value.sqlstate == "58P01"
    with pytest.raises(InvalidParameterError):
        FileSource(str(tmp_path))


def test_file_replaced_is_noticed(tmp_path, cog_bytes):
    path = tmp_path / "a.tif"
    path.write_bytes(cog_bytes)
    source = FileSource(str(path))
    validator = source.validator
    tmp = tmp_path / "b.tif"
    tmp.write_bytes(cog_bytes[:-1] + b"x")
    os.replace(tmp, path)
    assert not source.revalidate()
    assert FileSource(str(path)).validator != validator


# --- nginx -----------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_nginx_ranges(nginx_server, cog_bytes, mode):
    source = HttpSource(nginx_server.url("dem.tif"), options={"GDAL_HTTP_MULTIRANGE": mode})
    assert_reads(source, cog_bytes)
    assert source.validator


def test_nginx_answers_multi_range_with_multipart(nginx_server, cog_bytes):
    import requests

    response = requests.get(nginx_server.url("dem.tif"), headers={"Range": "bytes=0-9,50000-50009"},
                            timeout=5)
    assert response.status_code == 206
    assert response.headers["Content-Type"].startswith("multipart/byteranges")
    source = HttpSource(nginx_server.url("dem.tif"), options={"GDAL_HTTP_MULTIRANGE": "SINGLE_GET"})
    source.size
    io_counter().reset()
    assert source.read_ranges([(30_000, 10), (50_000, 10), (90_000, 10)]) == [
        cog_bytes[30_000:30_010], cog_bytes[50_000:50_010], cog_bytes[90_000:90_010]]
    assert io_counter().snapshot().requests == 1


def test_nginx_missing(nginx_server):
    with pytest.raises(ObjectNotFoundError) as info:
        open_source("/vsicurl/" + nginx_server.url("nope.tif")).size
    assert info.value.sqlstate == "58P01"


def test_nginx_replaced_file_is_noticed(nginx_server, cog_dir, cog_bytes):
    path = cog_dir / "replaced.tif"
    path.write_bytes(cog_bytes)
    source = HttpSource(nginx_server.url("replaced.tif"))
    assert source.size == len(cog_bytes)
    tmp = cog_dir / "replaced.tmp"
    tmp.write_bytes(cog_bytes[::-1])
    os.utime(tmp, (1_000_000_000, 1_000_000_000))
    os.replace(tmp, path)
    with pytest.raises(ObjectChangedError):
        source.read_ranges([(100_000, 10)])
    assert not source.revalidate()
    assert source.read_ranges([(100_000, 10)]) == [cog_bytes[::-1][100_000:100_010]]


# --- Swift -----------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_swift_ranges(swift_server, cog_bytes, mode):
    source = SwiftSource("cogs", "dem.tif", options=dict(swift_server.options(), GDAL_HTTP_MULTIRANGE=mode))
    assert_reads(source, cog_bytes)
    assert '"' not in source.validator and len(source.validator) == 32  # Swift's unquoted MD5


def test_swift_multi_range_is_one_request(swift_server, cog_bytes):
    source = open_source("/vsiswift/cogs/dem.tif",
                         options=dict(swift_server.options(), GDAL_HTTP_MULTIRANGE="SINGLE_GET"))
    source.size
    io_counter().reset()
    assert source.read_ranges([(30_000, 10), (50_000, 10)]) == [cog_bytes[30_000:30_010], cog_bytes[50_000:50_010]]
    assert io_counter().snapshot().requests == 1


def test_swift_static_token(swift_server, cog_bytes):
    storage_url, token = swift_server.authenticate()
    source = SwiftSource("cogs", "dem.tif", options={"SWIFT_STORAGE_URL": storage_url, "SWIFT_AUTH_TOKEN": token})
    assert_reads(source, cog_bytes)


def test_swift_token_renewed_on_401(swift_server, cog_bytes):
    transport = swift_transport(swift_server.options())
    source = SwiftSource("cogs", "dem.tif", transport=transport)
    assert source.read_ranges([(40_000, 10)]) == [cog_bytes[40_000:40_010]]
    assert transport.authentications == 1
    transport._token = "AUTH_tkexpiredexpiredexpired"
    assert source.read_ranges([(60_000, 10)]) == [cog_bytes[60_000:60_010]]
    assert transport.authentications == 2


def test_swift_bad_static_token_denied_without_leaking_it(swift_server):
    storage_url, _ = swift_server.authenticate()
    bogus = "AUTH_tkSECRETSECRETSECRET"
    with pytest.raises(AccessDeniedError) as info:
        SwiftSource("cogs", "dem.tif", options={"SWIFT_STORAGE_URL": storage_url, "SWIFT_AUTH_TOKEN": bogus}).size
    assert "HTTP 401" in info.value.detail
    assert secrets_absent(info.value, bogus)


def test_swift_wrong_key_denied_without_leaking_it(swift_server):
    with pytest.raises(AccessDeniedError) as info:
        SwiftSource("cogs", "dem.tif", options=swift_server.options(key="not-the-key")).size
    assert info.value.sqlstate == "42501"
    assert secrets_absent(info.value, "not-the-key", KEY)


def test_swift_forbidden_and_missing(swift_server):
    with pytest.raises(AccessDeniedError) as info:
        SwiftSource("cogs", "dem.tif", options=swift_server.options(READER, READER_KEY)).size
    assert "HTTP 403" in info.value.detail and secrets_absent(info.value, READER_KEY)
    with pytest.raises(ObjectNotFoundError) as info:
        SwiftSource("cogs", "nope.tif", options=swift_server.options()).size
    assert 'swift://cogs/nope.tif' in info.value.message


def test_swift_replaced_object_is_noticed(swift_server, cog_bytes):
    swift_server.put_object("cogs", "replaced.tif", cog_bytes)
    source = SwiftSource("cogs", "replaced.tif", options=swift_server.options())
    first = source.validator
    swift_server.put_object("cogs", "replaced.tif", cog_bytes[::-1])
    with pytest.raises(ObjectChangedError):
        source.read_ranges([(100_000, 10)])
    assert not source.revalidate()
    assert source.validator != first


# --- S3 (SeaweedFS) ----------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_s3_ranges(s3_server, cog_bytes, mode):
    source = S3Source("cogs", "dem.tif", options=dict(s3_server.options(), GDAL_HTTP_MULTIRANGE=mode))
    assert_reads(source, cog_bytes)


def test_s3_multi_range_answered_with_whole_object(s3_server, cog_bytes):
    source = open_source("/vsis3/cogs/dem.tif",
                         options=dict(s3_server.options(), GDAL_HTTP_MULTIRANGE="SINGLE_GET"))
    source.size
    io_counter().reset()
    assert source.read_ranges([(30_000, 10), (50_000, 10)]) == [cog_bytes[30_000:30_010], cog_bytes[50_000:50_010]]
    assert io_counter().snapshot().bytes == len(cog_bytes)  # SeaweedFS ignored the extra ranges
    io_counter().reset()
    assert source.read_ranges([(300_000, 10)]) == [cog_bytes[300_000:300_010]]
    assert io_counter().snapshot().requests == 0  # kept from the whole answer


def test_s3_wrong_secret_refused(s3_server):
    with pytest.raises(AccessDeniedError) as info:
        S3Source("cogs", "dem.tif", options=s3_server.options(secret_key="WRONG-SECRET-123")).size
    assert "SignatureDoesNotMatch" in info.value.detail
    assert secrets_absent(info.value, "WRONG-SECRET-123", SECRET_KEY)


def test_s3_unsigned_refused(s3_server):
    with pytest.raises(AccessDeniedError):
        S3Source("cogs", "dem.tif", options=dict(s3_server.options(), AWS_NO_SIGN_REQUEST="YES")).size


def test_s3_identity_without_read_forbidden(s3_server):
    with pytest.raises(AccessDeniedError) as info:
        S3Source("cogs", "dem.tif", options=s3_server.options(NOREAD_KEY, NOREAD_SECRET)).size
    assert secrets_absent(info.value, NOREAD_SECRET)


def test_s3_missing(s3_server):
    with pytest.raises(ObjectNotFoundError) as info:
        open_source("s3://cogs/nope.tif", options=s3_server.options()).size
    assert "NoSuchKey" in info.value.detail


def test_s3_session_token_is_signed(s3_server):
    transport = s3_transport(dict(s3_server.options(), AWS_SESSION_TOKEN="SESSION-TOKEN"))
    headers = transport.prepare("GET", transport.object_url("cogs", "a b.tif"), {"Range": "bytes=0-1"})
    assert headers["X-Amz-Security-Token"] == "SESSION-TOKEN"
    assert "x-amz-security-token" in headers["Authorization"]
    assert transport.object_url("cogs", "a b.tif").endswith("/cogs/a%20b.tif")


def test_s3_url_styles():
    base = {"AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"}
    assert s3_transport(dict(base, AWS_REGION="eu-west-1"), environ={}).object_url("b-1", "k.tif") == \
        "https://b-1.s3.eu-west-1.amazonaws.com/k.tif"
    assert s3_transport(base, environ={}).object_url("my.bucket", "k.tif") == \
        "https://s3.amazonaws.com/my.bucket/k.tif"
    assert s3_transport(dict(base, AWS_S3_ENDPOINT="http://minio:9000", AWS_VIRTUAL_HOSTING="FALSE"),
                        environ={}).object_url("b", "k.tif") == "http://minio:9000/b/k.tif"
    with pytest.raises(InvalidParameterError):
        s3_transport({}, environ={})


def test_s3_replaced_object_is_noticed(s3_server, cog_bytes):
    s3_server.put_object("cogs", "replaced.tif", cog_bytes)
    source = S3Source("cogs", "replaced.tif", options=s3_server.options())
    assert source.size == len(cog_bytes)
    s3_server.put_object("cogs", "replaced.tif", cog_bytes[::-1])
    with pytest.raises(ObjectChangedError):
        source.read_ranges([(100_000, 10)])


def test_servers_are_stoppable_and_restartable(tmp_path, cog_bytes):
    """A second nginx on its own port starts and stops cleanly (the fixtures' own path)."""
    from servers.nginx import NginxServer

    (tmp_path / "x.tif").write_bytes(cog_bytes[:1000])
    with NginxServer(str(tmp_path)) as server:
        assert HttpSource(server.url("x.tif")).read_ranges([(0, 1000)]) == [cog_bytes[:1000]]
        port = server.port
    from servers.process import port_open
    assert not port_open(port)
    shutil.rmtree(tmp_path)
