"""Fixtures and rasters for the reclass family's tests (ST_Reclass, ST_ColorMap,
ST_Grayscale): in-db rasters packed with numpy, and out-db GeoTIFFs written by GDAL from
numpy arrays, read through PostGIS (out-db enabled) and through plraster (source opened)."""
import os
import sys

import numpy as np
import psycopg
import pytest
from osgeo import gdal

_TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
for _p in (_TESTS, os.path.join(_TESTS, "outdb")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import conformance  # noqa: E402
from outdb_records import outdb_wkb  # noqa: E402
from rasters import PIXTYPES, pack  # noqa: E402

gdal.UseExceptions()

POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")

GDAL_TYPES = {"8BUI": gdal.GDT_Byte, "16BSI": gdal.GDT_Int16, "16BUI": gdal.GDT_UInt16,
              "32BSI": gdal.GDT_Int32, "32BUI": gdal.GDT_UInt32, "32BF": gdal.GDT_Float32,
              "64BF": gdal.GDT_Float64}


def band_values(pixtype, width, height, seed):
    """Pixel values of pixtype spread over a range ST_Reclass expressions can cut:
    integers over the type (capped at +-1000), floats with fractions."""
    rng = np.random.default_rng(seed)
    _, dtype, lo, hi = PIXTYPES[pixtype]
    if np.dtype(dtype).kind == "f":
        return rng.uniform(-1000, 1000, (height, width)).round(rng.integers(0, 4)).astype(dtype)
    return rng.integers(max(lo, -1000), min(hi, 1000), (height, width), endpoint=True).astype(dtype)


def indb_raster(pixtype, data, nodata=None, skewed=False):
    """Hex WKB of a one-band in-db raster."""
    data = np.asarray(data)
    return pack(data.shape[1], data.shape[0],
                [{"pixtype": pixtype, "data": data, "nodata": nodata}],
                scale=(2.0, -2.0), ul=(100.0, 200.0),
                skew=(0.25, -0.5) if skewed else (0.0, 0.0), srid=4326)


def write_geotiff(path, arrays, pixtype, nodata=None):
    """A GeoTIFF of the given bands (2-D arrays) at (0, 0), 1-unit pixels, EPSG:4326."""
    height, width = arrays[0].shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), width, height, len(arrays),
                                              GDAL_TYPES[pixtype], ["TILED=YES"])
    ds.SetGeoTransform((0.0, 1.0, 0.0, 0.0, 0.0, -1.0))
    ds.SetProjection("EPSG:4326")
    for i, a in enumerate(arrays, 1):
        band = ds.GetRasterBand(i)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(a)
    ds = None
    os.chmod(path, 0o644)
    return str(path)


def outdb_raster(path, nbands, pixtype, width, height, nodata=None):
    """Hex WKB of an out-db raster over bands 0..nbands-1 of the GeoTIFF at path."""
    return outdb_wkb(width, height, 0.0, 0.0, 1.0, -1.0,
                     [(path, i, pixtype, nodata) for i in range(nbands)])


@pytest.fixture(scope="module")
def osql(db_url):
    """A Session with PostGIS's out-db reading on."""
    session = conformance.Session(db_url)
    session.conn.execute(POSTGIS_OUTDB)
    yield session
    session.close()


@pytest.fixture(scope="module")
def outdb_dir(tmp_path_factory, osql):
    """A directory the server can read, opened as a plraster source for the module."""
    d = tmp_path_factory.mktemp("reclass-outdb")
    os.chmod(d, 0o755)
    out = osql.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                   (str(d), psycopg.types.json.Jsonb({})))
    assert not out.failed, out
    yield d
    osql.run("SELECT plraster.plraster_drop_source(%s)", (out.rows[0][0],))
    osql.run("SELECT plraster.plraster_cache_reset()")
