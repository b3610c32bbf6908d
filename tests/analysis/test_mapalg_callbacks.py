"""ST_MapAlgebra's callback forms against PostGIS: a user's PL/pgSQL callback (its value,
pos and userargs arrays seen through NOTICEs), every extent type, neighbourhoods at the
edges, nodata, pixel type conversion, NULL and empty inputs, PostGIS's errors."""
import pytest

import conformance

from conformance import compare
from mapalg_helpers import (CALLBACK_SQL, ONE, SHOW, SHOW_SQL, drop_all, random_raster)

DUMP = "SELECT {s}.ST_MetaData(m), {s}.ST_BandMetaData(m), {s}.ST_DumpValues(m) FROM (SELECT %s AS m OFFSET 0) q"
SHOW_S = SHOW


@pytest.fixture(scope="module")
def callbacks(sql):
    sql.run(CALLBACK_SQL)
    sql.run(SHOW_SQL)
    yield
    drop_all(sql)


R1 = random_raster("16BSI", 5, 4, 1)
R2 = random_raster("8BUI", 4, 4, 2, ul=(2.0, -1.0))
R3 = random_raster("32BF", 3, 3, 3, ul=(1.0, -2.0))


@pytest.mark.parametrize("kind", ["INTERSECTION", "UNION", "FIRST", "SECOND", "LAST"])
def test_user_callback_two_rasters(sql, callbacks, kind):
    compare(sql, "ST_MapAlgebra(rast1, nband1, rast2, nband2, callbackfunc)",
            DUMP % ("{s}.ST_MapAlgebra({r1}, 1, {r2}, 1, %s, NULL, '%s', NULL, 1, 1, '2')"
                    % (SHOW, kind)), {"r1": R1, "r2": R2})


def test_user_callback_custom_extent(sql, callbacks):
    custom = random_raster("8BUI", 3, 2, 4, ul=(3.0, -2.0))
    compare(sql, "ST_MapAlgebra(rastbandarg[], callbackfunc) CUSTOM",
            DUMP % ("{s}.ST_MapAlgebra(ARRAY[ROW({r1}, 1), ROW(NULL, 1), ROW({r2}, 3)]::"
                    "{s}.rastbandarg[], %s, '32BF', 'CUSTOM', {c}, 0, 1)" % SHOW),
            {"r1": R1, "r2": R2, "c": custom})


@pytest.mark.parametrize("form", [
    "{s}.ST_MapAlgebra({r1}, 1, %s)",
    "{s}.ST_MapAlgebra({r1}, 1, %s, '8BUI')",
    "{s}.ST_MapAlgebra({r1}, ARRAY[1, NULL, 1], %s, '32BUI', 'LAST', NULL, 2, 0, '-3')",
    "{s}.ST_MapAlgebra({r3}, 1, %s, '8BSI', 'FIRST', NULL, 0, 0, '1e9')",
    "{s}.ST_MapAlgebra({r3}, 1, %s, NULL, 'FIRST', NULL, 1, 1, '0.5')",
])
def test_user_callback_one_raster(sql, callbacks, form):
    compare(sql, "ST_MapAlgebra(rast, nband, callbackfunc)", DUMP % (form % SHOW),
            {"r1": R1, "r3": R3})


@pytest.mark.parametrize("query", [
    "SELECT {s}.ST_MapAlgebra({r1}, 1, {r2}, 1, %s, NULL, 'UNION', NULL, -1, 0)",
    "SELECT {s}.ST_MapAlgebra({r1}, 1, %s, 'bogus')",
    "SELECT {s}.ST_MapAlgebra(ARRAY[]::{s}.rastbandarg[], %s)",
    "SELECT {s}.ST_MapAlgebra(ARRAY[ROW({r1}, 0)]::{s}.rastbandarg[], %s)",
    "SELECT {s}.ST_MapAlgebra({r1}, ARRAY[]::integer[], %s)",
    "SELECT {s}.ST_MapAlgebra({r1}, 1, {shifted}, 1, %s)",
    "SELECT {s}.ST_MapAlgebra({r1}, 1, {othersrid}, 1, %s)",
])
def test_errors(sql, callbacks, query):
    rasters = {"r1": R1, "r2": R2,
               "shifted": random_raster("8BUI", 3, 3, 5, ul=(0.5, 0.0)),
               "othersrid": random_raster("8BUI", 3, 3, 5, srid=3857)}
    pg, pl = compare(sql, "ST_MapAlgebra errors", query % ONE, rasters)
    assert pg.failed and pl.failed


@pytest.mark.parametrize("query", [
    "SELECT {s}.ST_MapAlgebra(NULL::{s}.rastbandarg[], %s)",
    "SELECT {s}.ST_MapAlgebra(ARRAY[NULL, ROW(NULL, 1)]::{s}.rastbandarg[], %s)",
    "SELECT {s}.ST_MetaData({s}.ST_MapAlgebra({s}.ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 4326), 1, %s))",
    "SELECT {s}.ST_MetaData({s}.ST_MapAlgebra({r1}, 3, %s))",
    "SELECT {s}.ST_MetaData({s}.ST_MapAlgebra({r1}, 1, {far}, 1, %s))",
    "SELECT {s}.ST_MapAlgebra({r1}, 1, %s, NULL, 'CUSTOM')",
    "SELECT {s}.ST_MetaData({s}.ST_MapAlgebra(ARRAY[ROW({r1}, NULL)]::{s}.rastbandarg[], %s))",
])
def test_null_and_empty(sql, callbacks, query):
    rasters = {"r1": R1, "far": random_raster("8BUI", 2, 2, 6, ul=(50.0, -50.0))}
    compare(sql, "ST_MapAlgebra NULL and empty inputs", query % ONE, rasters)


@pytest.mark.parametrize("pixtype", ["1BB", "8BSI", "16BUI", "32BSI", "32BUI", "32BF", "64BF"])
@pytest.mark.parametrize("nodata", ["auto", None])
def test_output_types(sql, callbacks, pixtype, nodata):
    """Results converted into each pixel type; the output nodata value chosen as PostGIS."""
    r = random_raster(pixtype, 4, 3, 7, nodata=nodata)
    for out in ("NULL", "'8BUI'", "'16BSI'", "'32BF'"):
        compare(sql, "ST_MapAlgebra pixel types",
                DUMP % ("{s}.ST_MapAlgebra({r}, 1, %s, %s, 'FIRST', NULL, 1, 0, '-1.5')"
                        % (SHOW, out)), {"r": r})


MASKS = ["ARRAY[[1, 0, 2], [0.5, 1, NULL], [1, 1, 1]]::double precision[]",
         "ARRAY[[3]]::double precision[]", "ARRAY[[0]]::double precision[]",
         "ARRAY[[NULL, 0, 0], [0, 2, 0], ['NaN', 0, -1]]::double precision[]"]


@pytest.mark.parametrize("mask", MASKS)
@pytest.mark.parametrize("weighted", ["true", "false", "NULL"])
def test_mask_form(sql, callbacks, mask, weighted):
    """The mask form: a 0 or NULL weight hides a cell; weighted multiplies."""
    compare(sql, "ST_MapAlgebra(rast, nband, callbackfunc, mask, weighted)",
            DUMP % ("{s}.ST_MapAlgebra({r1}, 1, %s, %s, %s, '32BF', 'FIRST', NULL, '2')"
                    % (SHOW, mask, weighted)), {"r1": R1})
    compare(sql, "ST_MapAlgebra(rast, nband, st_mean4ma, mask, weighted)",
            DUMP % ("{s}.ST_MapAlgebra({r1}, 1, '{s}.st_mean4ma(double precision[], integer[], "
                    "text[])'::regprocedure, %s, %s, '64BF')" % (mask, weighted)), {"r1": R1})


@pytest.mark.parametrize("mask", ["ARRAY[1, 0, 2]::double precision[]",
                                  "ARRAY[[1, 0], [2, 1]]::double precision[]",
                                  "ARRAY[[1, 0, 2]]::double precision[]",
                                  "ARRAY[[[1]]]::double precision[]",
                                  "ARRAY[[1, 1, 1, 1, 1], [1, 0, 0, 0, 1], [1, 0, 2, 0, 1], "
                                  "[1, 0, 0, 0, 1], [1, 1, 1, 1, NULL]]::double precision[]"])
def test_mask_errors(sql, callbacks, mask):
    pg, pl = compare(sql, "ST_MapAlgebra mask errors",
                     "SELECT {s}.ST_MapAlgebra({r1}, 1, %s, %s, true)" % (ONE, mask), {"r1": R1})
    assert pg.failed and pl.failed


def test_volatile_callback_once_per_pixel_in_order(sql):
    """A VOLATILE callback (a sequence) is called once per pixel, row by row, as PostGIS does."""
    sql.run("CREATE SEQUENCE public.mapalg_seq")
    sql.run("CREATE FUNCTION public.mapalg_next(value double precision[][][], pos integer[][], "
            "VARIADIC userargs text[] DEFAULT NULL) RETURNS double precision LANGUAGE sql "
            "VOLATILE AS $$ SELECT pg_catalog.nextval('public.mapalg_seq')::double precision $$")
    try:
        query = DUMP % ("{s}.ST_MapAlgebra({r1}, 1, 'public.mapalg_next(double precision[], "
                        "integer[], text[])'::regprocedure, '32BF', 'FIRST', NULL, 1, 1)")
        outcomes = []
        for schema in ("public", "plraster"):
            sql.run("SELECT pg_catalog.setval('public.mapalg_seq', 1, false)")
            outcomes.append(sql.run(conformance.render(query, schema, {"r1": R1})))
        assert not outcomes[0].failed and outcomes[0].rows == outcomes[1].rows
        assert outcomes[1].rows[0][2][1] == "{{1,2,3,4,5},{6,7,8,9,10},{11,12,13,14,15},{16,17,18,19,20}}"
    finally:
        sql.run("DROP FUNCTION IF EXISTS public.mapalg_next(double precision[], integer[], text[])")
        sql.run("DROP SEQUENCE IF EXISTS public.mapalg_seq")
