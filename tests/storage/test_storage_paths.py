"""parse_outdb_path: every GDAL spelling raster2pgsql -R may have stored."""

import pytest

from plraster.core.errors import InvalidParameterError, UnsupportedError
from plraster.storage import ParsedPath, parse_outdb_path, safe_url


@pytest.mark.parametrize("text, expected", [
    ("/data/dem.tif", ParsedPath("file", "/data/dem.tif")),
    ("file:///data/my%20dem.tif", ParsedPath("file", "/data/my dem.tif")),
    ("http://example.org/a/dem.tif", ParsedPath("http", "http://example.org/a/dem.tif")),
    ("HTTPS://Example.ORG:443/a/dem.tif", ParsedPath("https", "https://example.org/a/dem.tif")),
    ("http://example.org:8080/a.tif?v=2", ParsedPath("http", "http://example.org:8080/a.tif?v=2")),
    ("http://example.org", ParsedPath("http", "http://example.org/")),
    ("/vsicurl/http://example.org:80/a/dem.tif", ParsedPath("http", "http://example.org/a/dem.tif")),
    ("/vsicurl/https://[::1]:8443/x.tif", ParsedPath("https", "https://[::1]:8443/x.tif")),
    ("swift://cogs/dir/dem.tif", ParsedPath("swift", "swift://cogs/dir/dem.tif", "cogs", "dir/dem.tif")),
    ("/vsiswift/cogs/dir/dem.tif", ParsedPath("swift", "swift://cogs/dir/dem.tif", "cogs", "dir/dem.tif")),
    ("s3://bucket/k/dem.tif", ParsedPath("s3", "s3://bucket/k/dem.tif", "bucket", "k/dem.tif")),
    ("/vsis3/bucket/k/dem.tif", ParsedPath("s3", "s3://bucket/k/dem.tif", "bucket", "k/dem.tif")),
])
def test_every_spelling(text, expected):
    assert parse_outdb_path(text) == expected
    assert parse_outdb_path("GTIFF_DIR:3:" + text) == ParsedPath(
        expected.scheme, expected.location, expected.bucket, expected.key, 3)


def test_spellings_of_one_object_agree():
    assert parse_outdb_path("/vsis3/b/k.tif").location == parse_outdb_path("s3://b/k.tif").location
    assert parse_outdb_path("/vsiswift/c/o.tif") == parse_outdb_path("swift://c/o.tif")
    assert parse_outdb_path("/vsicurl/http://h/x.tif") == parse_outdb_path("http://h/x.tif")


def test_accessors_and_display():
    p = parse_outdb_path("GTIFF_DIR:1:/vsicurl/https://h.org/x.tif?X-Amz-Signature=secret")
    assert p.ifd_index == 1 and p.url.startswith("https://h.org/x.tif?") and p.path is None
    assert p.display() == "https://h.org/x.tif?..."
    assert "secret" not in p.display()
    assert parse_outdb_path("/d/x.tif").path == "/d/x.tif"
    assert safe_url("http://h:81/a?token=1#f") == "http://h:81/a?..."


def test_dot_dot_is_kept_lexically():
    assert parse_outdb_path("/data/../etc/passwd").location == "/data/../etc/passwd"


@pytest.mark.parametrize("text, error", [
    ("", InvalidParameterError),
    ("relative/dem.tif", InvalidParameterError),
    ("GTIFF_DIR:0:/d/x.tif", InvalidParameterError),
    ("GTIFF_DIR:x:/d/x.tif", InvalidParameterError),
    ("GTIFF_DIR:2:", InvalidParameterError),
    ("s3://bucket", InvalidParameterError),
    ("/vsis3/bucket/", InvalidParameterError),
    ("swift://container", InvalidParameterError),
    ("http:///nohost.tif", InvalidParameterError),
    ("http://user:password@h/x.tif", InvalidParameterError),
    ("/d/x\x00.tif", InvalidParameterError),
    ("/vsigs/bucket/x.tif", UnsupportedError),
    ("/vsiaz/c/x.tif", UnsupportedError),
    ("/vsizip//d/a.zip/x.tif", UnsupportedError),
    ("/vsicurl/ftp://h/x.tif", UnsupportedError),
    ("/vsicurl?url=http://h/x.tif", UnsupportedError),
    ("ftp://h/x.tif", UnsupportedError),
])
def test_bad_paths(text, error):
    with pytest.raises(error) as info:
        parse_outdb_path(text)
    assert info.value.sqlstate == error.sqlstate


def test_credentials_in_url_are_not_echoed():
    with pytest.raises(InvalidParameterError) as info:
        parse_outdb_path("https://alice:hunter2@h/x.tif")
    e = info.value
    assert "hunter2" not in f"{e.message} {e.detail} {e.hint}"
