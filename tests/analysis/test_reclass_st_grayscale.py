"""ST_Grayscale compared with PostGIS 3.3, byte for byte: three bands of one raster, 8BUI
bands as they are and other pixel types scaled to 8BUI first, with and without nodata,
in-db and out-db, both forms, and PostGIS's errors. Bands of several rasters (map
algebra's extent logic) are not done yet: 0A000."""
import numpy as np
import pytest

from conformance import compare
from rasters import pack
from reclass_helpers import band_values, osql, outdb_dir, outdb_raster, write_geotiff  # noqa: F401

HEX = "SELECT encode(({q})::bytea, 'hex')"


def _rgb(pixtype, nodata, seed):
    bands = []
    for i in range(3):
        data = band_values(pixtype, 6, 4, seed=seed + i)
        if pixtype == "8BUI":
            data = np.abs(data.astype(np.int64)) % 256
        if nodata is not None:
            data[i, i] = nodata
        bands.append({"pixtype": pixtype, "data": data, "nodata": nodata})
    return pack(6, 4, bands, scale=(1.0, -1.0), ul=(5.0, 5.0), srid=4326)


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
    other = _rgb("8BUI", None, seed=6)
    out = sql.run("SELECT plraster.st_grayscale(ARRAY[ROW('\\x%s'::plraster.raster, 1), "
                  "ROW('\\x%s'::plraster.raster, 2), ROW('\\x%s'::plraster.raster, 3)]::plraster.rastbandarg[])"
                  % (r.lower(), other.lower(), r.lower()))
    assert out.sqlstate == "0A000"


def test_outdb(osql, outdb_dir):
    arrays = [band_values("16BUI", 10, 8, seed=s) for s in (7, 8, 9)]
    path = write_geotiff(outdb_dir / "gray.tif", arrays, "16BUI", 3)
    r = outdb_raster(path, 3, "16BUI", 10, 8, 3)
    compare(osql, "ST_Grayscale out-db", HEX.format(q="{s}.st_grayscale({r})"), {"r": r})
