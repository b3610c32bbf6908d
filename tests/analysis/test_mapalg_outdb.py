"""ST_MapAlgebra (user callback and the numpy *4ma path) and ST_MapAlgebraFct over out-db
bands, read by PostGIS (GDAL) and by plraster's engine from the same local GeoTIFF."""
import os
import sys

import numpy as np
import pytest

from conformance import compare
from mapalg_helpers import CALLBACK_SQL, SHOW, SHOW_SQL, drop_all, outdb_session, write_tiled_geotiff

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "outdb"))
from outdb_records import one_band  # noqa: E402

DUMP = ("SELECT {s}.ST_MetaData(m), {s}.ST_BandMetaData(m), {s}.ST_DumpValues(m) "
        "FROM (SELECT %s AS m OFFSET 0) q")


@pytest.fixture(scope="module")
def outdb(db_url, tmp_path_factory):
    """(session with out-db reading on, path of a 40 x 30 16-bit GeoTIFF with nodata 0)."""
    d = tmp_path_factory.mktemp("mapalg-outdb")
    os.chmod(d, 0o755)
    rng = np.random.default_rng(9)
    data = rng.integers(0, 3000, (30, 40)).astype(np.uint16)
    data[rng.random(data.shape) < 0.1] = 0
    path = write_tiled_geotiff(d / "dem.tif", data, 0)
    for session in outdb_session(db_url, d):
        session.run(CALLBACK_SQL)
        session.run(SHOW_SQL)
        yield session, path
        drop_all(session)


def test_outdb_mean4ma_and_user_callback(outdb):
    session, path = outdb
    r = one_band(12, 9, 10.005, 49.996, 0.001, -0.001, path, pixtype="16BUI", nodata=0)
    r2 = one_band(10, 10, 10.008, 49.994, 0.001, -0.001, path, pixtype="16BUI", nodata=0)
    pg, pl = compare(session, "outdb ST_MapAlgebra(rast, nband, st_mean4ma)",
            DUMP % ("{s}.ST_MapAlgebra({r}, 1, '{s}.st_mean4ma(double precision[], integer[], "
                    "text[])'::regprocedure, '32BF', 'FIRST', NULL, 1, 1)"), {"r": r})
    assert not pl.failed and pl.rows[0][2][1].count("NULL") < 20
    pg, pl = compare(session, "outdb ST_MapAlgebra(rast1, nband1, rast2, nband2, callbackfunc)",
            DUMP % ("{s}.ST_MapAlgebra({r}, 1, {r2}, 1, %s, NULL, 'UNION', NULL, 1, 1, '3')"
                    % SHOW), {"r": r, "r2": r2})
    assert not pl.failed and len(pl.notices) == 13 * 12
    pg, pl = compare(session, "outdb ST_MapAlgebraFctNgb(st_max4ma)",
            DUMP % ("{s}.ST_MapAlgebraFctNgb({r}, 1, NULL::text, 1, 1, '{s}.st_max4ma(double "
                    "precision[], text, text[])'::regprocedure, 'ignore'::text, 'a')"), {"r": r})
    assert not pl.failed
