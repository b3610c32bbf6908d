"""Issue 9, findings 4 and 6: bounded per-backend state, limits only a superuser can
raise, and no stale pixels from a file rewritten in place.

Descriptors are counted in /proc/<backend pid>/fd (the tests run as the server's OS
user), memory in /proc/<pid>/status, cache entries with plraster_io_stats().
"""

import os
import time

import pytest

import allowlist_helpers as H
from allowlist_helpers import make_role, open_sources, su  # noqa: F401 (fixtures)
from servers.nginx import NginxServer


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("limits-files")
    os.chmod(d, 0o755)
    H.write_cog(str(d / "cog.tif"), width=64, height=64, blocksize=32)
    os.chmod(d / "cog.tif", 0o644)
    return d


def pid_of(session):
    return session.run("SELECT pg_catalog.pg_backend_pid()").rows[0][0]


def stats(session):
    out = session.run("SELECT header_cache_entries, header_cache_bytes, header_misses, tile_cache_limit "
                      "FROM plraster.plraster_io_stats()")
    assert not out.failed, out
    return out.rows[0]


def test_one_file_is_one_entry_and_holds_no_descriptor(su, open_sources, files, tmp_path):
    """1,100 spellings, 10 hard links and 10 symbolic links of one file: one header cache
    entry, one header read, no descriptor left open (finding 4: 1,005 spellings used to
    exhaust the descriptors)."""
    open_sources(str(files) + "/")
    target = str(files / "cog.tif")
    spellings = [str(files) + "/" + "./" * k + "cog.tif" for k in range(1, 1001)]
    spellings += [str(files) + "/" * k + "cog.tif" for k in range(2, 102)]
    for i in range(10):
        link = files / f"hard{i}.tif"
        if not link.exists():
            os.link(target, link)
        sym = files / f"sym{i}.tif"
        if not sym.exists():
            os.symlink(target, sym)
        spellings += [str(link), str(sym)]
    pid = pid_of(su)
    fds_before = len(H.backend_fds(pid))
    out = su.run("SELECT count(DISTINCT plraster.st_value(('\\x' || h)::plraster.raster, 1, 1, 1)) "
                 "FROM unnest(%s::text[]) h", ([H.hex_raster(p) for p in spellings],))
    assert not out.failed and out.rows[0][0] == 1, out
    entries, _, misses, _ = stats(su)
    assert (entries, misses) == (1, 1)
    fds = H.backend_fds(pid)
    assert not [f for f in fds if f.startswith(str(files))], fds
    # PostgreSQL opens a few relation files of its own meanwhile; 1,120 would be the bug
    assert len(fds) <= fds_before + 50


def test_deleted_file_not_held_open(su, open_sources, files, tmp_path):
    d = tmp_path / "gone"
    d.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(d, 0o755)
    path = d / "cog.tif"
    path.write_bytes((files / "cog.tif").read_bytes())
    os.chmod(path, 0o644)
    open_sources(str(d) + "/")
    assert su.run(H.value_sql(str(path))).rows[0][0] is not None
    os.remove(path)
    assert not [f for f in H.backend_fds(pid_of(su)) if "(deleted)" in f or f.startswith(str(d))]
    assert su.run(H.value_sql(str(path))).sqlstate == "58P01"


def test_rewritten_in_place_with_mtime_restored(su, open_sources, tmp_path):
    """Finding 6: same inode, same size, mtime put back: the next read sees new pixels."""
    d = tmp_path / "rewrite"
    d.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(d, 0o755)
    path = d / "plain.tif"
    old, new = H.write_plain_tiff(path, 7), H.write_plain_tiff(path, 9)
    assert len(old) == len(new) and old != new
    path.write_bytes(old)
    os.chmod(path, 0o644)
    open_sources(str(d) + "/")
    assert su.run(H.value_sql(str(path))).rows[0][0] == 7
    before = os.stat(path)
    time.sleep(0.05)  # ctime has the kernel's coarse clock: let it move
    with open(path, "r+b") as f:
        f.write(new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert su.run(H.value_sql(str(path))).rows[0][0] == 9


def test_query_string_variants_are_bounded(su, open_sources, files):
    """Finding 4: 3,000 query-string variants of one URL (each its own object to a server:
    signatures live there) keep the header cache within its entry and byte bounds."""
    with NginxServer(str(files)) as nginx:
        open_sources(nginx.base_url + "/")
        pid = pid_of(su)
        su.run(H.value_sql(nginx.url("cog.tif")))
        rss_before = H.backend_rss_kb(pid)
        urls = [nginx.url("cog.tif") + f"?v={i}" for i in range(3000)]
        out = su.run("SELECT count(plraster.st_value(('\\x' || h)::plraster.raster, 1, 1, 1)) "
                     "FROM unnest(%s::text[]) h", ([H.hex_raster(u) for u in urls],))
        assert not out.failed and out.rows[0][0] == 3000, out
        entries, held, _, _ = stats(su)
        grown_mb = (H.backend_rss_kb(pid) - rss_before) / 1024
        print(f"3000 URL variants: {entries} header entries, {held / 2**20:.1f} MiB held, RSS +{grown_mb:.0f} MiB")
        assert entries <= 512 and held <= 64 * 2**20
        assert grown_mb < 150
        # a session may lower the bound
        su.run("SET plraster.header_cache_entries = 20")
        try:
            su.run("SELECT plraster.plraster_cache_reset()")
            su.run("SELECT count(plraster.st_value(('\\x' || h)::plraster.raster, 1, 1, 1)) "
                   "FROM unnest(%s::text[]) h", ([H.hex_raster(u) for u in urls[:100]],))
            assert stats(su)[0] <= 20
        finally:
            su.run("RESET plraster.header_cache_entries")


def test_a_user_may_lower_a_limit_never_raise_it(su, make_role):
    user = make_role()
    mb = 2 ** 20
    assert stats(user)[3] == 64 * mb
    user.run("SET plraster.tile_cache_mb = 1000000")
    assert stats(user)[3] == 64 * mb
    user.run("SET plraster.tile_cache_mb = 10")
    assert stats(user)[3] == 10 * mb
    for q in ("SELECT plraster.plraster_set_limit('tile_cache_mb', 1000000)",
              "INSERT INTO plraster.plraster_limit_config VALUES ('tile_cache_mb', 1000000)",
              "UPDATE plraster.plraster_limit_config SET ceiling = 1e9",
              "DELETE FROM plraster.plraster_limit_config"):
        out = user.run(q)
        assert out.sqlstate == "42501", (q, out)
    assert su.run("SELECT plraster.plraster_set_limit('no_such_limit', 1)").sqlstate == "22023"
    assert su.run("SELECT plraster.plraster_set_limit('tile_cache_mb', 'NaN')").sqlstate == "22023"
    assert su.run("SELECT plraster.plraster_set_limit('tile_cache_mb', -1)").sqlstate == "22023"
    try:
        assert su.run("SELECT plraster.plraster_set_limit('tile_cache_mb', 512)").rows == [(512.0,)]
        user.run("SET plraster.tile_cache_mb = 1000000")
        assert stats(user)[3] == 512 * mb
        rows = {r[0]: r[1:] for r in user.run("SELECT * FROM plraster.plraster_limits()").rows}
        assert rows["tile_cache_mb"][:3] == (512.0, 512.0, 64.0)
        assert rows["header_cache_entries"][1] == 512.0
    finally:
        su.run("SELECT plraster.plraster_set_limit('tile_cache_mb', NULL)")
    assert stats(user)[3] == 64 * mb
