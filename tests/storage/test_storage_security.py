"""The allow-list and the link-local guard: prefixes, '..', symlinks, redirects, metadata."""

import os
import socket

import pytest

from plraster.core.errors import AccessDeniedError
from plraster.storage.canonical import AmbiguousPathError
from plraster.storage import (HttpSource, check_access, check_host, is_access_allowed, is_forbidden_address,
                              is_redirect_allowed, open_source, parse_outdb_path)

P = parse_outdb_path


def test_no_allow_list_allows_everything():
    assert is_access_allowed(P("/anything.tif"), None)


@pytest.mark.parametrize("path, allowed", [
    ("/data/rasters/a.tif", True),
    ("/data/rasters/sub/a.tif", True),
    ("/data/rasters2/a.tif", False),
    ("/data/rasters/../secret/a.tif", False),
    ("/data/rasters/./a.tif", True),
    ("/data/other/a.tif", False),
    ("https://tiles.example.org/cogs/a.tif", True),
    ("/vsicurl/https://TILES.example.org:443/cogs/a.tif", True),
    ("https://tiles.example.org/cogsx/a.tif", False),
    ("https://tiles.example.org/cogs/%2e%2e/private.tif", False),
    ("https://tiles.example.org.evil.net/cogs/a.tif", False),
    ("http://tiles.example.org/cogs/a.tif", False),
    ("https://tiles.example.org:8443/cogs/a.tif", False),
    ("/vsis3/bucket/prefix/a.tif", True),
    ("s3://bucket/prefix/a.tif", True),
    ("s3://bucket/prefix2/a.tif", False),
    ("s3://bucket/prefix/../../other/a.tif", False),
    ("s3://bucket2/prefix/a.tif", False),
    ("swift://cont/a.tif", True),
    ("/vsiswift/cont/deep/a.tif", True),
    ("swift://cont2/a.tif", False),
])
def test_prefix_decisions(path, allowed):
    allow = ["/data/rasters/", "https://tiles.example.org/cogs", "/vsis3/bucket/prefix/", "swift://cont/"]
    try:
        parsed = P(path)
    except AmbiguousPathError:  # refused as ambiguous before any allow-list (42501)
        assert not allowed
        return
    assert is_access_allowed(parsed, allow) is allowed


def test_prefix_without_slash_matches_directory_only():
    assert is_access_allowed(P("/data/a"), ["/data/a"])
    assert is_access_allowed(P("/data/a/x.tif"), ["/data/a"])
    assert not is_access_allowed(P("/data/ab/x.tif"), ["/data/a"])


def test_symlink_escape_refused(tmp_path):
    allowed = tmp_path / "allowed"
    outside = tmp_path / "outside"
    allowed.mkdir()
    outside.mkdir()
    (outside / "secret.tif").write_bytes(b"secret")
    (allowed / "ok.tif").write_bytes(b"ok")
    os.symlink(outside / "secret.tif", allowed / "link.tif")
    os.symlink(outside, allowed / "dirlink")
    os.symlink(allowed / "ok.tif", allowed / "inner.tif")
    allow = [str(allowed) + "/"]
    assert is_access_allowed(P(str(allowed / "ok.tif")), allow)
    assert is_access_allowed(P(str(allowed / "inner.tif")), allow)
    assert not is_access_allowed(P(str(allowed / "link.tif")), allow)
    assert not is_access_allowed(P(str(allowed / "dirlink" / "secret.tif")), allow)
    with pytest.raises(AccessDeniedError) as info:
        open_source(str(allowed / "link.tif"), allow_list=allow)
    assert info.value.sqlstate == "42501"


def test_allow_list_through_symlinked_prefix(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.tif").write_bytes(b"a")
    os.symlink(real, tmp_path / "alias")
    assert is_access_allowed(P(str(tmp_path / "alias" / "a.tif")), [str(tmp_path / "alias")])


def test_check_access_message():
    with pytest.raises(AccessDeniedError) as info:
        check_access(P("https://h.org/x.tif?sig=SECRET"), ["/data/"])
    assert "SECRET" not in info.value.message and "https://h.org/x.tif" in info.value.message


@pytest.mark.parametrize("address, forbidden", [
    ("169.254.169.254", True), ("169.254.0.1", True), ("fe80::1", True), ("fe80::1%eth0", True),
    ("::ffff:169.254.169.254", True), ("fd00:ec2::254", True), ("127.0.0.1", False),
    ("10.0.0.1", False), ("::1", False), ("8.8.8.8", False),
])
def test_forbidden_addresses(address, forbidden):
    assert is_forbidden_address(address) is forbidden


def test_name_resolving_to_metadata_refused():
    def resolver(host, port, family, kind):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", port or 80))]

    with pytest.raises(AccessDeniedError):
        check_host("metadata.internal", 80, resolver=resolver)
    check_host("127.0.0.1")
    with pytest.raises(AccessDeniedError):
        check_host("169.254.169.254")


def test_metadata_url_refused_without_connecting(fault_server):
    with pytest.raises(AccessDeniedError) as info:
        HttpSource("http://169.254.169.254/latest/meta-data/").size
    assert info.value.sqlstate == "42501"


def test_redirect_decisions():
    allow = ["http://127.0.0.1:8000/cogs/"]
    assert is_redirect_allowed("http://127.0.0.1:8000/cogs/b.tif", allow)
    assert not is_redirect_allowed("http://127.0.0.2:8000/cogs/b.tif", allow)
    assert not is_redirect_allowed("file:///etc/passwd", None)
    assert not is_redirect_allowed("/vsis3/bucket/key", None)
    assert is_redirect_allowed("https://elsewhere.org/x", None)


def test_redirects_followed_only_where_allowed(nginx_server, cog_bytes):
    allow = [nginx_server.base_url + "/"]
    source = open_source(nginx_server.url("dem.tif", "moved"), allow_list=allow)
    assert source.read_ranges([(5000, 100)]) == [cog_bytes[5000:5100]]
    with pytest.raises(AccessDeniedError) as info:
        open_source(nginx_server.url("dem.tif", "away"), allow_list=allow).size
    assert "127.0.0.2" in info.value.detail
    # Only the moved-to prefix allowed: the first URL itself must be allowed too.
    with pytest.raises(AccessDeniedError):
        open_source(nginx_server.url("dem.tif", "moved"), allow_list=[nginx_server.url("dem.tif")])


def test_redirect_to_metadata_refused_even_without_allow_list(nginx_server):
    with pytest.raises(AccessDeniedError) as info:
        HttpSource(nginx_server.url("x", "metadata")).size
    assert "169.254.169.254" in info.value.detail or "link-local" in info.value.message
