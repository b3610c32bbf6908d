"""The statistics forms on out-db bands (a COG on local disk and served by nginx) agree with
PostGIS reading the same files through GDAL."""
import importlib.util
import os

import pytest

import conformance

_spec = importlib.util.spec_from_file_location(
    "outdb_fixtures", os.path.join(os.path.dirname(__file__), os.pardir, "outdb", "conftest.py"))
_outdb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_outdb)
cog_dir, nginx_server, osql, sources = _outdb.cog_dir, _outdb.nginx_server, _outdb.osql, _outdb.sources

from outdb_records import one_band  # noqa: E402

TEMPLATES = [
    ("outdb ST_Count", "SELECT {s}.st_count({r})"),
    ("outdb ST_Histogram", "SELECT * FROM {s}.st_histogram({r}, 1, true, 6, NULL, false)"),
    ("outdb ST_Quantile", "SELECT * FROM {s}.st_quantile({r}, ARRAY[0.1, 0.5, 0.99]::float8[])"),
    ("outdb ST_ValueCount", "SELECT * FROM {s}.st_valuecount({r}, 1, false, NULL::float8[], 100)"),
    ("outdb ST_ValuePercent", "SELECT {s}.st_valuepercent({r}, 0::float8, 0)"),
    ("outdb ST_ApproxQuantile", "SELECT {s}.st_approxquantile({r}, 1, 1::float8, 0.3::float8)"),
]


@pytest.mark.parametrize("nodata", [None, 0])
def test_outdb_local(osql, sources, cog_dir, nodata):
    sources.add(str(cog_dir))
    r = one_band(120, 90, 10.19, 49.9, 0.001, -0.001, str(cog_dir / "dem.tif"), nodata=nodata,
                 pixtype="16BUI")
    for form, template in TEMPLATES:
        pg, pl = conformance.compare(osql, form, template, {"r": r})
        assert not pl.failed, pl


def test_outdb_http(osql, sources, nginx_server):
    sources.add(nginx_server.base_url + "/")
    r = one_band(64, 48, 10.2, 49.8, 0.001, -0.001, "/vsicurl/" + nginx_server.url("dem.tif"),
                 nodata=0, pixtype="16BUI")
    for form, template in TEMPLATES:
        pg, pl = conformance.compare(osql, form, template, {"r": r})
        assert not pl.failed, pl
