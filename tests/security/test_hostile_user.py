"""Issue 9's hostile user: a LOGIN role with no privileges (USAGE on plraster's schema),
and one with CREATE on that schema too, try every way to reach a file or host outside
the allow-list, to read credentials and to raise limits. Everything is refused with
42501 or 22023 (0A000 for GDAL virtual file systems plraster does not read at all), no
answer tells an existing forbidden file from a missing one, and no text the client sees
(error fields, NOTICEs, rows, EXPLAIN, catalogs) holds a secret.
"""

import os

import pytest

import allowlist_helpers as H
from allowlist_helpers import make_role, open_sources, su  # noqa: F401 (fixtures)
from servers.nginx import NginxServer

SECRET = "hostile-secret-key-5e1f0c2b9d"
KEY_ID = "AKIDHOSTILE0000000001"
REFUSED = ("42501", "22023")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-tree")
    os.chmod(root, 0o755)
    data, secret = H.secret_tree(str(root))
    os.symlink(secret, os.path.join(str(root), "data", "link.tif"))
    os.symlink(os.path.join(str(root), "secret", "nope.tif"), os.path.join(str(root), "data", "dangling.tif"))
    os.link(secret, os.path.join(str(root), "hardlink-outside.tif"))
    return str(root)


@pytest.fixture(scope="module")
def nginx(tree):
    with NginxServer(tree) as server:
        yield server


@pytest.fixture(scope="module")
def redirector():
    with H.Redirector() as server:
        yield server


@pytest.fixture
def world(su, open_sources, tree, nginx, redirector):
    """The sources a superuser opened: data/ locally and on nginx, the redirector, and an
    S3 bucket whose credentials are the secret."""
    open_sources(tree + "/data/")
    open_sources(nginx.base_url + "/data/")
    open_sources(redirector.prefix)
    open_sources("s3://cogs/", {"AWS_ACCESS_KEY_ID": KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET,
                                "AWS_S3_ENDPOINT": "127.0.0.1:1", "AWS_HTTPS": "NO",
                                "GDAL_HTTP_MAX_RETRY": "0", "GDAL_HTTP_CONNECTTIMEOUT": "1"})
    return {"root": tree, "nginx": nginx.base_url, "redir": redirector, "datadir": su.run(
        "SHOW data_directory").rows[0][0], "port": nginx.port}


@pytest.fixture(params=["no privileges", "create on schema"])
def hostile(request, make_role):
    return make_role(create=request.param == "create on schema")


FORBIDDEN = [
    "{root}/secret/cog.tif", "{root}/data/../secret/cog.tif", "{root}/data/link.tif",
    "{root}/hardlink-outside.tif", "{root}/data/sub/../../secret/cog.tif",
    "GTIFF_DIR:1:{root}/secret/cog.tif", "GTIFF_DIR:2:{root}/data/../secret/cog.tif",
    "file://{root}/secret/cog.tif", "file://{root}/data/..%2fsecret/cog.tif", "file://otherhost{root}/data/cog.tif",
    "file://localhost{root}/data/../secret/cog.tif",
    "/etc/passwd", "{datadir}/postgresql.conf", "{datadir}/global/pg_control", "{datadir}/PG_VERSION",
    "{nginx}/data/..%2fsecret/cog.tif", "{nginx}/data/%2e%2e/secret/cog.tif", "{nginx}/data/..%5csecret/cog.tif",
    "{nginx}/data/..;/secret/cog.tif", "{nginx}/data/%252e%252e%252fsecret/cog.tif", "{nginx}/secret/cog.tif",
    "{nginx}/data/..%c0%afsecret/cog.tif", "{nginx}/data//../secret/cog.tif", "{nginx}/data/\uff0e\uff0e/secret/cog.tif",
    "/vsicurl/{nginx}/data/..%2fsecret/cog.tif", "/vsicurl/{nginx}/secret/cog.tif",
    "GTIFF_DIR:1:/vsicurl/{nginx}/data/%2e%2e%2fsecret/cog.tif",
    "{redir_bad}", "{redir_chain_bad}", "{redir_outside}",
    "http://127.0.0.2:{port}/data/cog.tif", "http://169.254.169.254/latest/meta-data/",
    "/vsis3/other-bucket/x.tif", "s3://cogs/../other/x.tif", "/vsis3/cogs/a/../../x.tif", "/vsiswift/c/x.tif",
]
UNSUPPORTED = [
    "/vsizip/{root}/data/x.zip/cog.tif", "/vsigzip/{root}/secret/cog.tif", "/vsimem/x.tif",
    "/vsisubfile/0_100,{root}/secret/cog.tif", "/vsicurl_streaming/{nginx}/secret/cog.tif",
    "/vsistdin/", "/vsitar/{root}/x.tar/cog.tif", "/vsicrypt/{root}/secret/cog.tif",
    "/vsicached?file={root}/secret/cog.tif", "/vsicurl?url={nginx}/secret/cog.tif",
    "/vsiaz/c/x.tif", "/vsigs/b/x.tif", "/vsioss/b/x.tif", "/vsiadls/c/x.tif", "/vsiwebhdfs/x", "/vsihdfs/x",
    "/vsifoo/{root}/secret/cog.tif",
]


def fill(template, w):
    redir = w["redir"]
    return template.format(
        root=w["root"], nginx=w["nginx"], datadir=w["datadir"], port=w["port"],
        redir_bad=redir.to(w["nginx"] + "/data/..%2fsecret/cog.tif"),
        redir_chain_bad=redir.chain(w["nginx"] + "/data/%2e%2e/secret/cog.tif", 3),
        redir_outside=redir.to(w["nginx"] + "/secret/cog.tif"))


def readers(path):
    """Every SQL way to make plraster touch `path`: pixel reads, file oracles, metadata,
    ST_SetBandPath then read, ST_AddBand out-db then read."""
    r = H.hex_raster(path)
    inner = H.hex_raster("/nowhere/x.tif")  # an out-db band to re-point
    lit = f"'\\x{r}'::plraster.raster"
    empty = "plraster.st_makeemptyraster(2, 2, 10, 50, 0.001, -0.001, 0, 0, 4326)"
    return [
        f"SELECT plraster.st_value({lit}, 1, 1, 1)",
        f"SELECT plraster.st_bandfilesize({lit})",
        f"SELECT plraster.st_bandfiletimestamp({lit})",
        f"SELECT * FROM plraster.st_bandmetadata({lit})",
        f"SELECT plraster.st_summarystats({lit})",
        f"SELECT plraster.st_value(plraster.st_setbandpath('\\x{inner}'::plraster.raster, 1, %(p)s, 1, true), 1, 1, 1)",
        f"SELECT plraster.st_value(plraster.st_addband({empty}, %(p)s, ARRAY[1]), 1, 1, 1)",
    ]


def assert_refused(out, query, sqlstates):
    """Refused with one of `sqlstates`; ST_BandMetaData may answer, but never with the
    file's size or time (the path it shows comes from the raster itself)."""
    if "st_bandmetadata" in query and not out.failed:
        assert out.rows[0][5] is None and out.rows[0][6] is None, (query, out)
    else:
        assert out.sqlstate in sqlstates, (query, out)


def test_controls_read_what_is_allowed(su, world, hostile):
    """The doors are open where they should be: the same functions read allowed files."""
    for path in (world["root"] + "/data/cog.tif", world["nginx"] + "/data/cog.tif",
                 world["redir"].to(world["nginx"] + "/data/cog.tif")):
        out = hostile.run(H.value_sql(path))
        assert not out.failed and out.rows[0][0] is not None, (path, out)
        out = hostile.run(f"SELECT plraster.st_bandfilesize('\\x{H.hex_raster(path)}'::plraster.raster)")
        assert not out.failed and out.rows[0][0] > 0, (path, out)


@pytest.mark.parametrize("template", FORBIDDEN)
def test_forbidden_paths_refused(world, hostile, template):
    path = fill(template, world)
    for query in readers(path):
        out = hostile.run(query, {"p": path})
        assert_refused(out, query, REFUSED)
        text = out.everything()
        assert SECRET not in text and KEY_ID not in text and "SECRET-BYTES" not in text


@pytest.mark.parametrize("template", UNSUPPORTED)
def test_unsupported_virtual_file_systems_refused(world, hostile, template):
    path = fill(template, world)
    for query in readers(path):
        out = hostile.run(query, {"p": path})
        assert_refused(out, query, REFUSED + ("0A000",))


@pytest.mark.parametrize("existing, missing", [
    ("{root}/secret/cog.tif", "{root}/secret/nope.tif"),
    ("{root}/data/link.tif", "{root}/data/dangling.tif"),
    ("{root}/data/../secret/cog.tif", "{root}/data/../secret/nope.tif"),
    ("/etc/passwd", "/etc/no-such-passwd"),
    ("{datadir}/PG_VERSION", "{datadir}/NO_SUCH_FILE"),
    ("{nginx}/secret/cog.tif", "{nginx}/secret/nope.tif"),
    ("{nginx}/data/..%2fsecret/cog.tif", "{nginx}/data/..%2fsecret/nope.tif"),
    ("file://{root}/secret/cog.tif", "file://{root}/secret/nope.tif"),
])
def test_no_existence_oracle(world, hostile, existing, missing):
    """ST_BandFileSize, ST_BandFileTimestamp, ST_BandMetaData, ST_Value...: the answers
    for an existing and a missing forbidden file are the same, but for the path itself."""
    a, b = fill(existing, world), fill(missing, world)
    for qa, qb in zip(readers(a), readers(b)):
        oa, ob = hostile.run(qa, {"p": a}), hostile.run(qb, {"p": b})
        assert oa.sqlstate == ob.sqlstate, (oa, ob)
        assert oa.sqlstate in REFUSED or "st_bandmetadata" in qa, (qa, oa)
        norm_a = oa.everything().replace(a, "<path>").replace(H.hex_raster(a), "<r>")
        norm_b = ob.everything().replace(b, "<path>").replace(H.hex_raster(b), "<r>")
        for x, y in ((a, b), ("cog.tif", "nope.tif"), ("link.tif", "dangling.tif"),
                     ("passwd", "no-such-passwd"), ("PG_VERSION", "NO_SUCH_FILE")):
            norm_a = norm_a.replace(x, "<path>")
            norm_b = norm_b.replace(y, "<path>")
        assert norm_a == norm_b


def test_register_cog_on_forbidden_urls(world, hostile):
    for template in ("{nginx}/data/..%2fsecret/cog.tif", "{root}/secret/cog.tif", "{redir_bad}",
                     "{nginx}/secret/cog.tif", "/etc/passwd"):
        path = fill(template, world)
        out = hostile.run("SELECT plraster.plraster_register_cog(%s, 'hostile_tiles')", (path,))
        # a role without CREATE anywhere may be refused for the table first: 42501 either way
        assert out.sqlstate in REFUSED, (path, out)
        assert "SECRET-BYTES" not in out.everything()


def test_credentials_never_readable(su, world, hostile):
    su.run("ANALYZE plraster.plraster_source_config")
    for q in ("SELECT * FROM plraster.plraster_source_config",
              "SELECT * FROM plraster._plraster_source_rows()",
              "SELECT plraster.plraster_add_source('/', '{}')",
              "SELECT plraster.plraster_drop_source('s3://cogs/')",
              "UPDATE plraster.plraster_source_config SET options = '{}'",
              "COPY plraster.plraster_source_config TO STDOUT",
              "ALTER TABLE plraster.plraster_source_config OWNER TO CURRENT_USER",
              "GRANT SELECT ON plraster.plraster_source_config TO PUBLIC",
              "CREATE OR REPLACE VIEW plraster.plraster_sources AS SELECT 1"):
        out = hostile.run(q)
        assert out.sqlstate == "42501", (q, out)
    seen = []
    for q in ("SELECT prefix, options::text FROM plraster.plraster_sources",
              "EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM plraster.plraster_sources",
              "SELECT p.proname, p.prosrc, p.proconfig::text FROM pg_catalog.pg_proc p "
              "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'plraster'",
              "SELECT tablename, attname, most_common_vals::text, histogram_bounds::text FROM pg_catalog.pg_stats "
              "WHERE schemaname = 'plraster'",
              "SELECT name, setting FROM pg_catalog.pg_settings WHERE name LIKE 'plraster%%'",
              "SELECT pg_catalog.current_setting('plraster.aws_secret_access_key', true)",
              "SELECT * FROM plraster.plraster_io_stats()",
              "SELECT * FROM plraster.plraster_limits()",
              "SELECT pg_catalog.pg_get_viewdef('plraster.plraster_sources'::regclass)"):
        out = hostile.run(q)
        seen.append(out.everything())
    # an error from the store names the path, never the credentials; NOTICEs neither
    out = hostile.run(H.value_sql("/vsis3/cogs/x.tif"))
    assert out.failed and out.sqlstate != "XX000"
    seen.append(out.everything())
    text = " ".join(seen)
    assert SECRET not in text and KEY_ID not in text
    assert "s3://cogs/" in text  # the prefix itself is not secret: the view shows it


def test_limits_cannot_be_raised(su, world, hostile):
    mb = 2 ** 20
    for q in ("SET plraster.tile_cache_mb = 1000000", "SET plraster.header_cache_entries = 1000000000",
              "SET plraster.header_cache_mb = 1e12", "SET plraster.shared_cache_mb = 1e12"):
        hostile.run(q)
    out = hostile.run("SELECT tile_cache_limit FROM plraster.plraster_io_stats()")
    assert out.rows == [(64 * mb,)]
    rows = {r[0]: r[1] for r in hostile.run("SELECT name, value FROM plraster.plraster_limits()").rows}
    assert rows["header_cache_entries"] == 512 and rows["header_cache_mb"] == 64
    assert rows["shared_cache_mb"] == 512
    for q in ("SELECT plraster.plraster_set_limit('tile_cache_mb', 1e9)",
              "INSERT INTO plraster.plraster_limit_config VALUES ('tile_cache_mb', 1e9)",
              "TRUNCATE plraster.plraster_limit_config",
              "ALTER ROLE CURRENT_USER SUPERUSER"):
        out = hostile.run(q)
        assert out.sqlstate == "42501", (q, out)
    for q in ("RESET plraster.tile_cache_mb", "RESET plraster.header_cache_entries", "RESET plraster.header_cache_mb",
              "RESET plraster.shared_cache_mb"):
        hostile.run(q)
