"""functions.mapalgebra.extent against PostGIS: the grid ST_MapAlgebra gives for each
extent type, PostGIS's alignment error, NULL and empty inputs."""
import pytest

from mapalg_helpers import CALLBACK_SQL, ONE, band_raster, drop_callbacks
from plraster.core import wkb
from plraster.core.errors import InvalidParameterError
from plraster.functions.mapalgebra import extent

A = dict(width=5, height=4, ulx=0, uly=0)
B = dict(width=4, height=4, ulx=2, uly=-1)
FAR = dict(width=2, height=2, ulx=10, uly=-10)
TOUCH = dict(width=2, height=2, ulx=5, uly=-4)
SKEW_A = dict(width=5, height=4, ulx=0, uly=0, skewx=0.5, skewy=0.2)
SKEW_B = dict(width=5, height=4, ulx=1.5, uly=-0.8, skewx=0.5, skewy=0.2)
NEAR_B = dict(width=5, height=4, ulx=1.0000001, uly=-1)
SHIFTED = dict(width=2, height=2, ulx=0.5, uly=-4)
OTHER_SRID = dict(width=2, height=2, ulx=1, uly=-1, srid=3857)
CASES = [(A, B), (B, A), (A, FAR), (A, TOUCH), (SKEW_A, SKEW_B), (A, NEAR_B)]
TYPES = ["INTERSECTION", "UNION", "FIRST", "SECOND", "LAST", "intersection", "bogus"]


@pytest.fixture(scope="module")
def callbacks(sql):
    sql.run(CALLBACK_SQL)
    yield
    drop_callbacks(sql)


def _header(sql, spec):
    return wkb.read_header(sql.value("SELECT %s" % band_raster("plraster", **spec)))


def _postgis_meta(sql, specs, kind, custom=None):
    args = ", ".join("ROW(%s, 1)" % band_raster("public", **s) for s in specs)
    query = ("SELECT public.ST_MetaData(public.ST_MapAlgebra(ARRAY[%s]::public.rastbandarg[], "
             "%s, NULL, %%s, %s))" % (args, ONE, "NULL" if custom is None
                                     else band_raster("public", **custom)))
    return sql.run(query, (kind,))


def _meta(grid):
    if grid is None:
        return None
    h = grid.header
    return tuple(float(v) for v in (h.ip_x, h.ip_y, h.width, h.height, h.scale_x, h.scale_y,
                                    h.skew_x, h.skew_y, h.srid, 1))


def _pg(row):
    return None if row is None else tuple(float(v) for v in row)


@pytest.mark.parametrize("pair", CASES, ids=range(len(CASES)))
@pytest.mark.parametrize("kind", TYPES)
def test_grid_equals_postgis(sql, callbacks, pair, kind):
    pg = _postgis_meta(sql, pair, kind)
    assert not pg.failed, pg
    grid = extent.output_grid([_header(sql, s) for s in pair], extent.extent_type(kind))
    want = pg.rows[0][0]
    if grid.is_empty:
        assert _pg(want) == (0, 0, 0, 0, 0, 0, 0, 0, 4326, 0)
        return
    assert _meta(grid) == _pg(want)


def test_offsets_place_each_input():
    a = wkb.RasterHeader(1, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 4326, 5, 4)
    b = a.replace(ip_x=2.0, ip_y=-1.0, width=4, height=4)
    grid = extent.output_grid([a, b], "UNION")
    assert grid.offsets == ((0, 0), (-2, -1))
    grid = extent.output_grid([a, b], "INTERSECTION")
    assert (grid.header.width, grid.header.height) == (3, 3)
    assert grid.offsets == ((2, 1), (0, 0))


@pytest.mark.parametrize("other", [SHIFTED, OTHER_SRID])
def test_not_aligned_is_postgis_error(sql, callbacks, other):
    pg = _postgis_meta(sql, [A, other], "INTERSECTION")
    assert pg.sqlstate == "XX000" and "do not have the same alignment" in pg.error
    with pytest.raises(InvalidParameterError, match="do not have the same alignment"):
        extent.output_grid([_header(sql, A), _header(sql, other)], "INTERSECTION")


def test_custom_extent(sql, callbacks):
    custom = dict(width=3, height=3, ulx=1, uly=-1)
    pg = _postgis_meta(sql, [A, B], "CUSTOM", custom)
    grid = extent.output_grid([_header(sql, A), _header(sql, B)], "CUSTOM", _header(sql, custom))
    assert _meta(grid) == _pg(pg.rows[0][0])
    assert grid.offsets == ((1, 1), (-1, 0))
    bad = dict(width=3, height=3, ulx=1, uly=-1, scalex=2, scaley=-2)
    assert _postgis_meta(sql, [A], "CUSTOM", bad).sqlstate == "XX000"
    with pytest.raises(InvalidParameterError):
        extent.output_grid([_header(sql, A)], "CUSTOM", _header(sql, bad))


@pytest.mark.parametrize("kind", ["FIRST", "SECOND", "LAST", "UNION", "INTERSECTION"])
def test_null_inputs(sql, callbacks, kind):
    """A NULL raster takes no part; naming it with FIRST/SECOND/LAST gives NULL."""
    query = ("SELECT public.ST_MetaData(public.ST_MapAlgebra(ARRAY[ROW(%s, 1), ROW(NULL, 1), "
             "ROW(%s, 1)]::public.rastbandarg[], %s, NULL, %%s))"
             % (band_raster("public", **A), band_raster("public", **B), ONE))
    pg = sql.run(query, (kind,))
    a, b = _header(sql, A), _header(sql, B)
    grid = extent.output_grid([a, None, b], kind)
    assert _meta(grid) == _pg(pg.rows[0][0])
