"""ST_MapAlgebra's expression forms, ST_MapAlgebraExpr, ST_Intersection(raster, raster) and
ST_InterpolateRaster's template over out-db bands, read by PostGIS (GDAL) and by plraster's
engine from the same local GeoTIFF."""
import os
import sys

import numpy as np
import pytest

from conformance import compare
from mapalg_helpers import outdb_session, write_tiled_geotiff

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "outdb"))
from outdb_records import one_band  # noqa: E402

DUMP = ("SELECT {s}.ST_MetaData(m), {s}.ST_BandMetaData(m), {s}.ST_DumpValues(m) "
        "FROM (SELECT %s AS m OFFSET 0) q")


@pytest.fixture(scope="module")
def outdb(db_url, tmp_path_factory):
    """(session with out-db reading on, path of a 40 x 30 Int16 GeoTIFF with nodata -1)."""
    d = tmp_path_factory.mktemp("mapexpr-outdb")
    os.chmod(d, 0o755)
    rng = np.random.default_rng(4)
    data = rng.integers(-500, 3000, (30, 40)).astype(np.int16)
    data[rng.random(data.shape) < 0.1] = -1
    path = write_tiled_geotiff(d / "dem.tif", data, -1)
    for session in outdb_session(db_url, d):
        yield session, path


@pytest.mark.parametrize("form", [
    "{s}.ST_MapAlgebra({r}, 1, '32BF', '[rast] * 2 + 1'::text)",
    "{s}.ST_MapAlgebra({r}, 1, '8BUI', 'CASE WHEN [rast] > 1000 THEN NULL ELSE [rast.x] END'::text, 7::double precision)",
    "{s}.ST_MapAlgebra({r}, 1, {r2}, 1, '[rast1] - [rast2]'::text, '32BF', 'UNION', '[rast2]'::text, '0'::text, -1)",
    "{s}.ST_MapAlgebraExpr({r}, 1, NULL, '[rast] / 4')",
    "{s}.ST_MapAlgebraExpr({r}, {r2}, '[rast1] + [rast2.y]', NULL, 'SECOND')",
    "{s}.ST_Intersection({r}, {r2}, 'BOTH')",
    "{s}.ST_Intersection({r}, 1, {r2}, 1, 'BAND2', ARRAY[3]::double precision[])",
])
def test_outdb_expression_forms(outdb, form):
    session, path = outdb
    r = one_band(12, 9, 10.005, 49.996, 0.001, -0.001, path, pixtype="16BSI", nodata=-1)
    r2 = one_band(10, 10, 10.008, 49.994, 0.001, -0.001, path, pixtype="16BSI", nodata=-1)
    pg, pl = compare(session, "outdb map algebra expressions", DUMP % form, {"r": r, "r2": r2})
    assert not pl.failed and pl.rows[0][2][1].count("NULL") < 60


def test_outdb_template_of_interpolate_raster(outdb):
    """ST_InterpolateRaster on an out-db template band: its grid and type are used, its pixels
    are not read. PostGIS 3.3 fails there (XX000 "not implemented yet for OFFDB bands", as
    ST_SetValues does: a deliberate difference); plraster gives what PostGIS gives for the
    same grid in-db."""
    session, path = outdb
    r = one_band(12, 9, 10.005, 49.996, 0.001, -0.001, path, pixtype="16BSI", nodata=-1)
    points = ("'MULTIPOINT Z(10.006 49.99 5, 10.015 49.993 90, 10.01 49.989 -20)'::geometry, "
              "'invdist:power:2'")
    pl = session.run(DUMP.format(s="plraster") % ("plraster.ST_InterpolateRaster(%s, '\\x%s'::plraster.raster)"
                                                   % (points, r.lower())))
    indb = ("public.ST_AddBand(public.ST_MakeEmptyRaster(12, 9, 10.005, 49.996, 0.001, -0.001, 0, 0, 4326), "
            "'16BSI'::text, 0::double precision, -1::double precision)")
    pg = session.run(DUMP.format(s="public") % ("public.ST_InterpolateRaster(%s, %s)" % (points, indb)))
    assert not pl.failed and not pg.failed and pl.rows == pg.rows
