"""The same out-db records read through PostGIS + GDAL (/vsiswift/, /vsis3/) and through
plraster (the same paths, and their swift:// and s3:// spellings) give the same answers.

GDAL 3.6 refuses AWS_S3_ENDPOINT in postgis.gdal_vsi_options ("not a legal VSI network file
option"), so PostGIS gets its Swift and S3 settings from the environment of a server of its
own, started here. Swift with a token and storage URL goes through postgis.gdal_vsi_options
on the shared server."""
import os

import psycopg
import pytest

import conformance
import pgserver
from conformance import compare
from outdb_records import one_band, outdb_wkb
from test_outdb_bilinear import values_sql

POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")


def same(session, form, template, rasters):
    pg, pl = compare(session, form, template, rasters)
    assert not pg.failed and not pl.failed, (pg, pl)
    return pg, pl


@pytest.fixture(scope="module")
def vsi_sql(swift_server, s3_server):
    """A superuser Session on a server whose environment configures GDAL for both stores,
    with the same stores opened as plraster sources."""
    env = dict(swift_server.options(), **s3_server.options())
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        server = pgserver.start_server()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    try:
        session = conformance.Session(pgserver.create_database(server, "outdb_vsi"))
        session.conn.execute(POSTGIS_OUTDB)
        for prefix, options in (("swift://cogs/", swift_server.options()), ("s3://cogs/", s3_server.options())):
            out = session.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                              (prefix, psycopg.types.json.Jsonb(options)))
            assert not out.failed, out
        yield session
        session.close()
    finally:
        server.stop()


STORES = [("/vsiswift/cogs/", "swift://cogs/"), ("/vsis3/cogs/", "s3://cogs/")]


@pytest.mark.parametrize("prefixes", STORES, ids=["swift", "s3"])
def test_values_and_outasin(vsi_sql, prefixes):
    """PostGIS reads GDAL's spelling; plraster reads it too (compare) and its own spelling."""
    gdal_prefix, own_prefix = prefixes

    def windows(prefix):
        return [one_band(6, 5, 10.1, 49.95, 0.001, -0.001, prefix + "dem.tif", pixtype="16BUI", nodata=0),
                one_band(300, 260, 10.2, 49.8, 0.001, -0.001, prefix + "probe.tif", nodata=5),
                outdb_wkb(5, 5, 11.021, 48.979, 0.001, -0.001,
                          [(prefix + "probe.tif", 0, "32BUI", 9), (prefix + "dem.tif", 0, "64BF", 0)])]

    for gdal_record, own_record in zip(windows(gdal_prefix), windows(own_prefix)):
        for form, template in [
            ("vsi ST_Value(rast, band, x, y)",
             "SELECT {s}.st_value({r}, 1, 1, 1), {s}.st_value({r}, 1, 5, 4, false), {s}.st_value({r}, 1, 3, 2)"),
            ("vsi ST_Value(rast, band, pt, exclude, 'bilinear')", values_sql(gdal_record, n=30)),
            ("vsi ST_AsBinary(rast, outasin)", "SELECT {s}.st_asbinary({r}, true)"),
            ("vsi ST_BandFileSize/ST_BandFileTimestamp",
             "SELECT {s}.st_bandfilesize({r}), {s}.st_bandfiletimestamp({r})"),
            ("vsi ST_BandMetaData", "SELECT filesize, filetimestamp FROM {s}.st_bandmetadata({r})"),
        ]:
            pg = vsi_sql.run(conformance.render(template, conformance.POSTGIS, {"r": gdal_record}))
            pl = vsi_sql.run(conformance.render(template, conformance.PLRASTER, {"r": own_record}))
            assert not pg.failed and conformance.agree(pg, pl), (form, pg, pl)
            same(vsi_sql, form, template, {"r": gdal_record})


def test_swift_token_through_gdal_vsi_options(db_url, sources, swift_server, cog_dir):
    """GDAL's other Swift form, SWIFT_STORAGE_URL + SWIFT_AUTH_TOKEN, set per session in
    postgis.gdal_vsi_options; plraster's source carries the same two options."""
    storage_url, token = swift_server.authenticate()
    options = {"SWIFT_STORAGE_URL": storage_url, "SWIFT_AUTH_TOKEN": token}
    sources.add("swift://cogs/", options)
    session = conformance.Session(db_url)  # a new backend: GDAL checks the options when it loads
    try:
        session.conn.execute("SET postgis.gdal_vsi_options = '%s'"
                             % " ".join("%s=%s" % kv for kv in options.items()))
        session.conn.execute(POSTGIS_OUTDB)
        r = one_band(40, 30, 10.2, 49.8, 0.001, -0.001, "/vsiswift/cogs/probe.tif")
        for form, template in [("vsi token ST_DumpValues", "SELECT {s}.st_dumpvalues({r}, 1)"),
                               ("vsi token ST_AsBinary(rast, outasin)", "SELECT {s}.st_asbinary({r}, true)"),
                               ("vsi token ST_BandFileSize",
                                "SELECT {s}.st_bandfilesize({r}), {s}.st_bandfiletimestamp({r})")]:
            pg, _ = same(session, form, template, {"r": r})
        assert pg.rows[0][0] == os.path.getsize(cog_dir / "probe.tif")
    finally:
        session.close()
