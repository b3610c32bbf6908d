"""Out-db access is closed until a superuser opens a source; non-superusers cannot read
server files, reach other hosts, or see credentials (all 42501)."""
import os

import psycopg
import pytest

import conformance
from outdb_records import one_band

SECRET = "s3cr3t-value-never-shown"


@pytest.fixture
def user(user_url):
    session = conformance.Session(user_url)
    yield session
    session.close()


def value_sql(r):
    return "SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r


def test_closed_until_a_source_is_opened(osql, sources, cog_dir):
    r = one_band(2, 2, 10, 50, 0.001, -0.001, str(cog_dir / "probe.tif"))
    out = osql.run(value_sql(r))
    assert out.sqlstate == "42501" and str(cog_dir / "probe.tif") in out.error
    sources.add(str(cog_dir) + "/")
    assert osql.value(value_sql(r)) == 1.0


def test_only_superusers_configure(user, osql, sources):
    for q in ("SELECT plraster.plraster_add_source('/')",
              "SELECT plraster.plraster_drop_source('/')",
              "SELECT * FROM plraster.plraster_source_config",
              "SELECT * FROM plraster._plraster_source_rows()"):
        assert user.run(q).sqlstate == "42501", q
    # even with EXECUTE granted, the functions refuse non-superusers
    osql.run("GRANT EXECUTE ON FUNCTION plraster.plraster_add_source(text, jsonb) TO PUBLIC")
    try:
        assert user.run("SELECT plraster.plraster_add_source('/tmp/')").sqlstate == "42501"
    finally:
        osql.run("REVOKE EXECUTE ON FUNCTION plraster.plraster_add_source(text, jsonb) FROM PUBLIC")
    # the superuser calling the definer function directly is refused too
    assert osql.run("SELECT * FROM plraster._plraster_source_rows()").sqlstate == "42501"


def test_options_validated(osql, sources):
    out = osql.run("SELECT plraster.plraster_add_source('s3://b/', '{\"AWS_SECRET\": \"x\"}')")
    assert out.sqlstate == "22023"
    out = osql.run("SELECT plraster.plraster_add_source('s3://b/', '{\"GDAL_HTTP_TIMEOUT\": \"soon\"}')")
    assert out.sqlstate == "22023"


def test_credentials_never_readable(user, osql, sources, cog_dir):
    sources.add("s3://cogs/", {"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": SECRET,
                               "AWS_S3_ENDPOINT": "127.0.0.1:1", "AWS_HTTPS": "NO",
                               "GDAL_HTTP_MAX_RETRY": "0", "GDAL_HTTP_CONNECTTIMEOUT": "1"})
    rows = user.run("SELECT prefix, options::text FROM plraster.plraster_sources").rows
    assert rows and all(SECRET not in str(r) and "AKIDEXAMPLE" not in str(r) for r in rows)
    assert "AWS_S3_ENDPOINT" in str(rows)
    assert user.run("SHOW plraster.aws_secret_access_key").failed
    # an error from the store names the path, never the credentials
    r = one_band(2, 2, 10, 50, 0.001, -0.001, "/vsis3/cogs/probe.tif")
    out = user.run(value_sql(r))
    assert out.failed and out.sqlstate != "XX000"
    assert SECRET not in (out.error or "") and "s3://cogs/probe.tif" in out.error
    assert not any(SECRET in n for n in out.notices)


@pytest.mark.parametrize("path", [
    "/etc/passwd",
    "{cogs}/../../../etc/passwd",
    "{cogs}/%2e%2e/x.tif",
    "{datadir}/postgresql.conf",
    "{datadir}/global/pg_control",
    "http://169.254.169.254/latest/meta-data/",
    "/vsicurl/http://127.0.0.2:{port}/probe.tif",
    "/vsicurl/{nginx}/../probe.tif",
    "/vsicurl/{nginx}/away/probe.tif",
    "/vsicurl/{nginx}/metadata/",
    "GTIFF_DIR:1:/etc/passwd",
    "file:///etc/passwd",
    "/vsis3/other-bucket/x.tif",
])
def test_refused_paths(user, osql, sources, cog_dir, nginx_server, path):
    sources.add(str(cog_dir) + "/")
    sources.add(nginx_server.base_url + "/")
    datadir = osql.value("SHOW data_directory")
    path = path.format(cogs=str(cog_dir), datadir=datadir, nginx=nginx_server.base_url,
                       port=nginx_server.port)
    r = one_band(2, 2, 10, 50, 0.001, -0.001, path)
    out = user.run(value_sql(r))
    assert out.sqlstate == "42501", (path, out)


def test_datadir_refused_even_when_allowed(osql, sources):
    datadir = osql.value("SHOW data_directory")
    sources.add(datadir + "/")
    r = one_band(2, 2, 10, 50, 0.001, -0.001, os.path.join(datadir, "PG_VERSION"))
    assert osql.run(value_sql(r)).sqlstate == "42501"


def test_symlink_out_of_a_source_refused(osql, sources, cog_dir, tmp_path):
    d = tmp_path / "allowed"
    d.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(d, 0o755)
    os.symlink("/etc/passwd", d / "link.tif")
    sources.add(str(d) + "/")
    r = one_band(2, 2, 10, 50, 0.001, -0.001, str(d / "link.tif"))
    assert osql.run(value_sql(r)).sqlstate == "42501"


def test_config_change_seen_by_other_sessions(user, osql, sources, cog_dir):
    r = one_band(2, 2, 10, 50, 0.001, -0.001, str(cog_dir / "probe.tif"))
    assert user.run(value_sql(r)).sqlstate == "42501"
    prefix = sources.add(str(cog_dir) + "/")
    assert user.value(value_sql(r)) == 1.0
    osql.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
    assert user.run(value_sql(r)).sqlstate == "42501"


def test_uncommitted_change_not_cached(db_url, user, osql, sources, cog_dir):
    r = one_band(2, 2, 10, 50, 0.001, -0.001, str(cog_dir / "probe.tif"))
    with psycopg.connect(db_url) as conn:  # a transaction left open
        conn.execute("SELECT plraster.plraster_add_source(%s)", (str(cog_dir) + "/",))
        assert user.run(value_sql(r)).sqlstate == "42501"  # reads the old rows, must not keep them
        conn.commit()
    assert user.value(value_sql(r)) == 1.0
    osql.run("SELECT plraster.plraster_drop_source(%s)", (str(cog_dir) + "/",))
