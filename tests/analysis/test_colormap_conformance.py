"""ST_ColorMap compared with PostGIS 3.3, byte for byte (hex WKB) with its NOTICEs and
errors: both forms, the named maps, user tables (numbers, percentages, nv, 1-4 colours,
separators, ascending order), the three methods, pixel types with and without nodata,
in-db and out-db bands."""
import numpy as np
import pytest

from conformance import compare
from rasters import PIXTYPES
from reclass_helpers import (band_values, indb_raster, osql, outdb_dir,  # noqa: F401
                             outdb_raster, write_geotiff)

HEX = "SELECT encode(({q})::bytea, 'hex')"
NAMED = ["grayscale", "greyscale", " Pseudocolor ", "fire", "bluered"]
METHODS = ["INTERPOLATE", "EXACT", "NEAREST", "nearest", "bogus"]
TABLES = [
    "100 200\n0 0", "0 0\n100 200", "100 200\n3 7\n0 0", "100 200\n-3 10\nnv 99",
    "100% 200\n50% 100\n0% 10\nnv 99", "100:200,3\n5.5 ,100 : 7\n1 10   5",
    "100 255 0 0 255\n50 0 255 0 128\n0 0 0 255 0\nnv 1 2 3 4", "100 200 1 2 3 4",
    "100 10 20 30\n0 40 50", "50 200", "100 300\n0 -3", "\n\n100 5\n\n  0 200\n",
    "100% 1 2\n  75%\t3 4\n25% 5 6\n0% 7 8\nnodata 9 10", "100 200\n2 5\n2 9\n0 1",
]
# Values at and around the tables' entries (0 included: the nv colour goes there).
VALUES = np.array([[0, 1, 2, 3, 4, 5, 6, 10, 100, 7], [-3, 50, 25, 75, 1e-8, -1e-6, 99.5, 5.5, 120, 2.5]])


@pytest.mark.parametrize("name", NAMED)
@pytest.mark.parametrize("nodata", [None, 5.0])
def test_named_maps(sql, name, nodata):
    r = indb_raster("64BF", VALUES, nodata)
    compare(sql, "ST_ColorMap(rast, colormap, method)",
            HEX.format(q="{s}.st_colormap({r}, %s, 'EXACT')"), {"r": r}, (name,))
    compare(sql, "ST_ColorMap(rast, nband, colormap, method)",
            HEX.format(q="{s}.st_colormap({r}, 1, %s)"), {"r": r}, (name,))


def test_defaults(sql):
    r = indb_raster("16BSI", VALUES.astype(np.int16), 0)
    compare(sql, "ST_ColorMap(rast, nband, colormap, method)", HEX.format(q="{s}.st_colormap({r})"),
            {"r": r})


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("table", TABLES, ids=[repr(t) for t in TABLES])
@pytest.mark.parametrize("nodata", [None, -3.0])
def test_tables(sql, table, method, nodata):
    r = indb_raster("64BF", VALUES, nodata)
    compare(sql, "ST_ColorMap(rast, nband, colormap, method)",
            HEX.format(q="{s}.st_colormap({r}, 1, %s, %s)"), {"r": r}, (table, method))


@pytest.mark.parametrize("pixtype", list(PIXTYPES))
@pytest.mark.parametrize("nodata", [False, True])
def test_pixel_types(sql, pixtype, nodata):
    data = band_values(pixtype, 7, 5, seed=len(pixtype))
    nd = data[2, 3].item() if nodata else None
    r = indb_raster(pixtype, data, nd, skewed=nodata)
    for cmap in ("pseudocolor", "fire", "100% 1 2 3\n40% 50 60 70\n0% 200 100 0\nnv 9 9 9"):
        for method in ("INTERPOLATE", "NEAREST"):
            compare(sql, "ST_ColorMap(rast, nband, colormap, method)",
                    HEX.format(q="{s}.st_colormap({r}, 1, %s, %s)"), {"r": r}, (cmap, method))


@pytest.mark.parametrize("args", [("1", "'bogus'"), ("1", "E'\\n100 200\\n0 0'"),
                                  ("1", "'100 x'"), ("2", "'100 200'"), ("0", "'fire'")])
def test_bad_arguments(sql, args):
    r = indb_raster("8BUI", VALUES.astype(np.uint8))
    compare(sql, "ST_ColorMap(rast, nband, colormap, method)",
            HEX.format(q="{s}.st_colormap({r}, %s, %s)" % args), {"r": r})


def test_outdb(osql, outdb_dir):
    data = band_values("16BUI", 9, 6, seed=3)
    path = write_geotiff(outdb_dir / "colormap.tif", [data], "16BUI", nodata=int(data[0, 0]))
    r = outdb_raster(path, 1, "16BUI", 9, 6, nodata=int(data[0, 0]))
    for cmap in ("bluered", "100% 10 20\n0% 30 40\nnv 1 2"):
        compare(osql, "ST_ColorMap(rast, nband, colormap, method)",
                HEX.format(q="{s}.st_colormap({r}, 1, %s)"), {"r": r}, (cmap,))
