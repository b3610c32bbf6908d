"""ST_Grayscale compared with PostGIS 3.3, byte for byte: three bands of one raster, 8BUI
bands as they are and other pixel types scaled to 8BUI first, with and without nodata,
in-db and out-db, both forms, bands of several aligned rasters with every extent type
(and misaligned ones: PostGIS's error), and PostGIS's errors."""
import numpy as np
import pytest

from conformance import compare
from rasters import pack
from reclass_helpers import band_values, osql, outdb_dir, outdb_raster, write_geotiff  # noqa: F401

HEX = "SELECT encode(({q})::bytea, 'hex')"


def _rgb(pixtype, nodata, seed, ul=(5.0, 5.0), size=(6, 4)):
    bands = []
    for i in range(3):
        data = band_values(pixtype, size[0], size[1], seed=seed + i)
        if pixtype == "8BUI":
            data = np.abs(data.astype(np.int64)) % 256
        if nodata is not None:
            data[i, i] = nodata
        bands.append({"pixtype": pixtype, "data": data, "nodata": nodata})
    return pack(size[0], size[1], bands, scale=(1.0, -1.0), ul=ul, srid=4326)


@pytest.mark.parametrize("pixtype", ["8BUI", "16BUI", "16BSI", "32BF", "64BF"])
@pytest.mark.parametrize("nodata", [None, 7])
def test_grayscale(sql, pixtype, nodata):
    r = _rgb(pixtype, nodata, seed=3)
    for q in ("{s}.st_grayscale({r})", "{s}.st_grayscale({r}, 3, 2, 1, 'UNION')",
              "{s}.st_grayscale(ARRAY[ROW({r}, 1), ROW({r}, 2), ROW({r}, 3)]::{s}.rastbandarg[])",
              "{s}.st_grayscale(ARRAY[ROW({r}, 2), ROW({r}, 2), ROW({r}, 1), ROW({r}, 3)]::{s}.rastbandarg[])"):
        compare(sql, "ST_Grayscale", HEX.format(q=q), {"r": r})


def test_errors(sql):
    r = _rgb("8BUI", None, seed=5)
    for q in ("{s}.st_grayscale({r}, 1, 2, 4)", "{s}.st_grayscale({r}, 0, 2, 3)",
              "{s}.st_grayscale(ARRAY[ROW({r}, 1)]::{s}.rastbandarg[])",
              "{s}.st_grayscale(NULL::{s}.raster)"):
        compare(sql, "ST_Grayscale errors", HEX.format(q=q), {"r": r})


SEVERAL = {"a": _rgb("8BUI", 7, seed=11), "b": _rgb("16BSI", None, seed=12, ul=(7.0, 4.0)),
           "c": _rgb("32BF", -1, seed=13, ul=(3.0, 6.0), size=(5, 5)),
           "far": _rgb("8BUI", None, seed=14, ul=(50.0, 50.0)),
           "half": _rgb("8BUI", None, seed=15, ul=(5.5, 5.0))}


@pytest.mark.parametrize("extent", ["INTERSECTION", "UNION", "FIRST", "SECOND", "LAST", "bogus"])
@pytest.mark.parametrize("args", ["ROW({a}, 1), ROW({b}, 2), ROW({c}, 3)",
                                  "ROW({c}, 2), ROW({a}, 1), ROW({a}, 3)",
                                  "ROW({b}, 1), ROW({far}, 1), ROW({b}, 3)",
                                  "ROW({a}, 1), ROW(NULL, 1), ROW({b}, 3)",
                                  "ROW({a}, 1), ROW({b}, NULL), ROW({c}, 3)"])
def test_several_rasters(sql, extent, args):
    compare(sql, "ST_Grayscale(rastbandargset, extenttype)", HEX.format(
        q="{s}.st_grayscale(ARRAY[%s]::{s}.rastbandarg[], '%s')" % (args, extent)), SEVERAL)


@pytest.mark.parametrize("args", ["ROW({a}, 1), ROW({half}, 2), ROW({a}, 3)",
                                  "ROW({a}, 1), ROW({b}, 4), ROW({c}, 3)",
                                  "ROW(NULL, 1), ROW(NULL, 1), ROW(NULL, 3)"])
def test_several_rasters_errors(sql, args):
    compare(sql, "ST_Grayscale(rastbandargset, extenttype)", HEX.format(
        q="{s}.st_grayscale(ARRAY[%s]::{s}.rastbandarg[])" % args), SEVERAL)


def test_outdb(osql, outdb_dir):
    arrays = [band_values("16BUI", 10, 8, seed=s) for s in (7, 8, 9)]
    path = write_geotiff(outdb_dir / "gray.tif", arrays, "16BUI", 3)
    r = outdb_raster(path, 3, "16BUI", 10, 8, 3)
    compare(osql, "ST_Grayscale out-db", HEX.format(q="{s}.st_grayscale({r})"), {"r": r})
