"""Rasters read over the network: http(s) from nginx, Swift and S3, in every GDAL spelling.

raster2pgsql (GDAL's /vsicurl/, /vsiswift/, /vsis3/, configured by the same environment
variables) reads the same URLs; the outputs must be identical, -R paths included. The
plain URL spellings GDAL does not open (http://, swift://, s3://) are compared with
raster2pgsql's reading of the /vsi spelling.
"""
import os

import numpy
import pytest

import sqlcompare
from loadhelpers import run_plraster, run_raster2pgsql, write_geotiff
from servers.nginx import NginxServer
from servers.s3 import SeaweedS3Server
from servers.swift import SwiftServer

OPTIONS = ["-t", "auto", "-l", "2,4", "-F"]
NAMES = ("dem.tif", "strips.tif")


@pytest.fixture(scope="module")
def remote_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("load-remote")
    os.chmod(d, 0o755)
    y, x = numpy.mgrid[0:700, 0:900]
    dem = ((x * 37 + y * 11) % 4000).astype("uint16")
    dem[:300, :300] = 0
    write_geotiff(d / "dem.tif", [dem], nodata=0, driver="COG", epsg=4326,
                  options=["BLOCKSIZE=256", "COMPRESS=DEFLATE", "OVERVIEWS=AUTO"],
                  gt=(10.0, 0.001, 0.0, 50.0, 0.0, -0.001))
    write_geotiff(d / "strips.tif", [dem[:100, :150].astype("int16"), dem[100:200, :150].astype("int16")],
                  epsg=32631)
    for name in NAMES:
        os.chmod(d / name, 0o644)
    return d


@pytest.fixture(scope="module")
def nginx(remote_dir):
    with NginxServer(str(remote_dir)) as server:
        yield server


def _object_store(server, remote_dir):
    with server:
        for name in NAMES:
            server.put_object("rasters", name, (remote_dir / name).read_bytes())
        yield server


@pytest.fixture(scope="module")
def swift(remote_dir):
    yield from _object_store(SwiftServer(), remote_dir)


@pytest.fixture(scope="module")
def s3(remote_dir):
    yield from _object_store(SeaweedS3Server(), remote_dir)


def _same_rasters(url, reference_url, env):
    """plraster-load on url vs raster2pgsql on reference_url: same statements, same rasters."""
    status, mine, err = run_plraster(OPTIONS + [url, "public.remote"], env=env)
    assert status == 0, err
    r2p_status, theirs, r2p_err = run_raster2pgsql(OPTIONS + [reference_url, "public.remote"], env=env)
    assert r2p_status == 0, r2p_err
    assert sqlcompare.split(mine, plraster=True) == sqlcompare.split(theirs, plraster=False)


@pytest.mark.parametrize("name", NAMES)
def test_http(both, nginx, remote_dir, name):
    vsi = "/vsicurl/" + nginx.url(name)
    both(OPTIONS + [vsi, "public.remote"]).assert_identical()
    both(["-R", "-t", "256x256", vsi, "public.remote"]).assert_identical()
    _same_rasters(nginx.url(name), vsi, {})
    # And the same as the local file.
    local = both(OPTIONS + [str(remote_dir / name), "public.remote"])
    assert local.pl_rasters == both(OPTIONS + [vsi, "public.remote"]).pl_rasters


@pytest.mark.parametrize("store", ["swift", "s3"])
def test_object_store(both, request, store):
    env = request.getfixturevalue(store).options()
    for name in NAMES:
        vsi = f"/vsi{store}/rasters/{name}"
        both(OPTIONS + [vsi, "public.remote"], env=env).assert_identical()
        both(["-R", "-t", "256x256", vsi, "public.remote"], env=env).assert_identical()
        _same_rasters(f"{store}://rasters/{name}", vsi, env)


def test_wrong_credentials_are_an_error(s3):
    env = s3.options(secret_key="wrong")
    status, sql, err = run_plraster(["/vsis3/rasters/dem.tif", "t"], env=env)
    assert status == 1 and err.startswith("ERROR:") and "INSERT" not in sql
