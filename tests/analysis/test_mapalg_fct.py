"""The deprecated ST_MapAlgebraFct (one- and two-raster forms) against PostGIS: the user's
function called column by column with the pixel (NULL for nodata), pos and args, result
conversion, the output band's type and nodata value, NULL/empty/bandless inputs."""
import pytest

from conformance import compare
from mapalg_helpers import random_raster

FUNCS = """
CREATE OR REPLACE FUNCTION public.mapalg_f1(pixel double precision, VARIADIC args text[])
RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RAISE NOTICE 'pixel=% args=%', pixel, args;
  IF pixel::integer % 7 = 0 THEN RETURN NULL; END IF;
  RETURN coalesce(pixel, -7) * 1.5 + coalesce(args[1]::double precision, 0.25);
END $$;
CREATE OR REPLACE FUNCTION public.mapalg_f1pos(pixel double precision, pos integer[], VARIADIC args text[])
RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RAISE NOTICE 'pixel=% pos=% args=%', pixel, pos, args;
  RETURN pos[1] * 10 + pos[2];
END $$;
CREATE OR REPLACE FUNCTION public.mapalg_f2(p1 double precision, p2 double precision, VARIADIC args text[])
RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RAISE NOTICE 'p1=% p2=% args=%', p1, p2, args;
  RETURN coalesce(p1, -1) * 10 + coalesce(p2, -1);
END $$;
CREATE OR REPLACE FUNCTION public.mapalg_f2pos(p1 double precision, p2 double precision, pos integer[], VARIADIC args text[])
RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RAISE NOTICE 'p1=% p2=% pos=% args=%', p1, p2, pos, args;
  RETURN p1;
END $$;
"""
DROP = ("DROP FUNCTION IF EXISTS public.mapalg_f1(double precision, text[]), "
        "public.mapalg_f1pos(double precision, integer[], text[]), "
        "public.mapalg_f2(double precision, double precision, text[]), "
        "public.mapalg_f2pos(double precision, double precision, integer[], text[])")
F1 = "'public.mapalg_f1(double precision, text[])'::regprocedure"
F1POS = "'public.mapalg_f1pos(double precision, integer[], text[])'::regprocedure"
F2 = "'public.mapalg_f2(double precision, double precision, text[])'::regprocedure"
F2POS = "'public.mapalg_f2pos(double precision, double precision, integer[], text[])'::regprocedure"
DUMP = ("SELECT {s}.ST_MetaData(m), {s}.ST_BandMetaData(m), {s}.ST_DumpValues(m) "
        "FROM (SELECT %s AS m OFFSET 0) q")


@pytest.fixture(scope="module")
def functions(sql):
    sql.run(FUNCS)
    yield
    sql.run(DROP)


R = random_raster("16BSI", 4, 3, 31)
RN = random_raster("8BUI", 3, 3, 32, nodata=None)
R32 = random_raster("32BF", 3, 2, 33, ul=(1.0, -1.0))


@pytest.mark.parametrize("call", [
    "{s}.ST_MapAlgebraFct({r}, 1, %(f1)s)",
    "{s}.ST_MapAlgebraFct({r}, 1, %(f1)s, '2.5', 'b')",
    "{s}.ST_MapAlgebraFct({r}, 1, '8BUI', %(f1)s)",
    "{s}.ST_MapAlgebraFct({r}, 1, 'bogus', %(f1)s, '-1e9')",
    "{s}.ST_MapAlgebraFct({r}, %(f1)s)",
    "{s}.ST_MapAlgebraFct({r}, %(f1)s, '3')",
    "{s}.ST_MapAlgebraFct({rn}, '32BF', %(f1)s)",
    "{s}.ST_MapAlgebraFct({rn}, '8BSI', %(f1)s, '0.5')",
    "{s}.ST_MapAlgebraFct({r}, 1, '32BF', %(f1pos)s, 'z')",
    "{s}.ST_MapAlgebraFct({r}, 2, %(f1)s)",
    "{s}.ST_MapAlgebraFct({s}.ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 4326), 1, %(f1)s)",
])
def test_one_raster(sql, functions, call):
    compare(sql, "ST_MapAlgebraFct(rast, ...)",
            DUMP % (call % {"f1": F1, "f1pos": F1POS}), {"r": R, "rn": RN})


@pytest.mark.parametrize("query", [
    "SELECT {s}.ST_MapAlgebraFct(NULL::{s}.raster, 1, %s)" % F1,
    "SELECT {s}.ST_MapAlgebraFct({r}, 1, NULL::regprocedure)",
])
def test_one_raster_null(sql, functions, query):
    compare(sql, "ST_MapAlgebraFct NULL inputs", query, {"r": R})


@pytest.mark.parametrize("kind", ["INTERSECTION", "UNION", "FIRST", "SECOND"])
def test_two_rasters(sql, functions, kind):
    compare(sql, "ST_MapAlgebraFct(rast1, band1, rast2, band2, ...)",
            DUMP % ("{s}.ST_MapAlgebraFct({r}, 1, {r32}, 1, %s, NULL, '%s', 'u')" % (F2, kind)),
            {"r": R, "r32": R32})
    compare(sql, "ST_MapAlgebraFct(rast1, rast2, ...)",
            DUMP % ("{s}.ST_MapAlgebraFct({r32}, {r}, %s, '16BUI', '%s')" % (F2POS, kind)),
            {"r": R, "r32": R32})


NGB_FUNC = """
CREATE OR REPLACE FUNCTION public.mapalg_ngb(matrix double precision[], nodatamode text,
    VARIADIC args text[]) RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RAISE NOTICE 'matrix=% nodatamode=% args=%', matrix, nodatamode, args;
  RETURN coalesce(matrix[1][1], -2) + coalesce(matrix[2][1], 0.5) * 3;
END $$
"""
NGB = "'public.mapalg_ngb(double precision[], text, text[])'::regprocedure"
R6 = random_raster("16BUI", 6, 5, 41, nodata_share=0.3)


@pytest.fixture(scope="module")
def ngb_function(sql):
    sql.run(NGB_FUNC)
    yield
    sql.run("DROP FUNCTION IF EXISTS public.mapalg_ngb(double precision[], text, text[])")


@pytest.mark.parametrize("mode", ["ignore", "value", "NULL", "2.5", "bogus"])
@pytest.mark.parametrize("size", [(1, 1), (2, 1), (1, 0)])
def test_fct_ngb_user_function(sql, ngb_function, mode, size):
    compare(sql, "ST_MapAlgebraFctNgb(user function)",
            DUMP % ("{s}.ST_MapAlgebraFctNgb({r}, 1, '32BF'::text, %d, %d, %s, '%s'::text, 'a')"
                    % (size[0], size[1], NGB, mode)), {"r": R6})


@pytest.mark.parametrize("name", ["st_min4ma", "st_max4ma", "st_sum4ma", "st_mean4ma",
                                  "st_range4ma", "st_distinct4ma", "st_stddev4ma"])
@pytest.mark.parametrize("mode", ["ignore", "value", "NULL", "-3"])
def test_fct_ngb_ma4(sql, name, mode):
    """The old-signature *4ma, computed with numpy, as PostGIS computes them."""
    compare(sql, "ST_MapAlgebraFctNgb(%s)" % name,
            DUMP % ("{s}.ST_MapAlgebraFctNgb({r}, 1, NULL::text, 1, 1, "
                    "'{s}.%s(double precision[], text, text[])'::regprocedure, '%s'::text, 'a')"
                    % (name, mode)), {"r": R6})
