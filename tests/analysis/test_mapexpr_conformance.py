"""ST_MapAlgebra's expression forms, ST_MapAlgebraExpr and ST_Intersection of two rasters
against PostGIS 3.3: every placeholder, the nodata rules of one and two rasters, every
extent type, pixel types (clamping and truncation into the type), NULL results, division
by zero, constant expressions, misaligned rasters, NULL and empty inputs."""
import pytest

from conformance import compare
from mapalg_helpers import random_raster

DUMP = ("SELECT {s}.ST_MetaData(m), {s}.ST_BandMetaData(m), {s}.ST_DumpValues(m) "
        "FROM (SELECT %s AS m OFFSET 0) q")

RASTERS = {
    "r8": random_raster("8BUI", 5, 4, 1),
    "r16": random_raster("16BSI", 5, 4, 2, ul=(2.0, -1.0)),
    "rf": random_raster("32BF", 4, 4, 3, ul=(1.0, -1.0)),
    "rd": random_raster("64BF", 3, 3, 4, nodata=None),
    "rn": random_raster("32BUI", 4, 3, 5, nodata=None, ul=(-1.0, 1.0)),
    "half": random_raster("8BUI", 4, 4, 6, ul=(0.5, 0.0)),
    "other": random_raster("8BUI", 4, 4, 7, srid=3857),
}

ONE_RASTER_EXPRESSIONS = [
    "[rast] * 2 + 1", "[rast.val] / 3", "[rast.x] * 10 + [rast.y]", "[rast1.val] - [rast1.x]",
    "[rast]::integer / 2", "CASE WHEN [rast] > 100 THEN NULL ELSE [rast] END",
    "sqrt(abs([rast]))", "[rast] * 1000", "-[rast] - 0.7", "power([rast], 2) / 7.0",
    "7", "NULL", "[rast] / 0", "1 / 0", "greatest([rast], [rast.x])", "round([rast] / 3.0)",
    "[rast] % 7", "ln([rast])",
]


@pytest.mark.parametrize("expr", ONE_RASTER_EXPRESSIONS)
@pytest.mark.parametrize("rast,pixeltype", [("r8", "NULL"), ("r16", "'8BUI'"), ("rf", "'16BSI'"),
                                            ("rd", "'32BF'"), ("rn", "'8BSI'")])
def test_one_raster_expression(sql, expr, rast, pixeltype):
    compare(sql, "ST_MapAlgebra(rast, nband, pixeltype, expression)",
            DUMP % ("{s}.ST_MapAlgebra({%s}, 1, %s, '%s')" % (rast, pixeltype, expr.replace("'", "''"))),
            RASTERS)


@pytest.mark.parametrize("nodataval", ["NULL", "0", "-5", "255.7", "1e10"])
@pytest.mark.parametrize("rast", ["r8", "rf", "rn"])
def test_one_raster_nodataval(sql, rast, nodataval):
    _, pl = compare(sql, "ST_MapAlgebra(rast, nband, pixeltype, expression, nodataval)",
            DUMP % ("{s}.ST_MapAlgebra({%s}, 1, '16BSI', 'CASE WHEN [rast] > 50 THEN NULL ELSE [rast] END'::text, %s::double precision)"
                    % (rast, nodataval)), RASTERS)
    assert not pl.failed
    compare(sql, "ST_MapAlgebra(rast, pixeltype, expression, nodataval)",
            DUMP % ("{s}.ST_MapAlgebra({%s}, '32BF', '[rast] + 0.5'::text, %s::double precision)" % (rast, nodataval)),
            RASTERS)


TWO_RASTER_CASES = [
    ("[rast1] + [rast2]", "NULL", "NULL", "NULL"),
    ("[rast1] + [rast2]", "'[rast2] + 100'", "'[rast1] - 100'", "NULL"),
    ("[rast1.val] * [rast2.val]", "'[rast2]'", "'[rast1]'", "-1"),
    ("[rast1.x] + 10 * [rast2.y]", "'0'", "NULL", "NULL"),
    ("[rast2.x] - [rast1.y]", "NULL", "'7'", "3"),
    ("[rast.val] - [rast2]", "'[rast2] * 2'", "'[rast1] / 2'", "99"),
    ("CASE WHEN [rast1] > [rast2] THEN NULL ELSE [rast1] END", "NULL", "NULL", "5"),
    ("[rast1] / [rast2]", "NULL", "NULL", "NULL"),
    ("42", "NULL", "NULL", "NULL"),
    ("NULL", "'1'", "'2'", "3"),
]


@pytest.mark.parametrize("case", TWO_RASTER_CASES)
@pytest.mark.parametrize("extent", ["INTERSECTION", "UNION", "FIRST", "SECOND"])
@pytest.mark.parametrize("pair,pixeltype", [(("r8", "r16"), "NULL"), (("rf", "r8"), "'16BUI'"),
                                            (("r16", "rn"), "'32BF'")])
def test_two_raster_expression(sql, case, extent, pair, pixeltype):
    expr, n1, n2, nn = case
    _, pl = compare(sql, "ST_MapAlgebra(rast1, nband1, rast2, nband2, expression, ...)",
            DUMP % ("{s}.ST_MapAlgebra({%s}, 1, {%s}, 1, '%s'::text, %s, '%s', %s::text, %s::text, %s)"
                    % (pair[0], pair[1], expr, pixeltype, extent, n1, n2, nn)), RASTERS)
    assert not pl.failed and pl.rows[0][2] is not None


@pytest.mark.parametrize("extent", ["INTERSECTION", "UNION", "FIRST", "SECOND"])
def test_two_raster_form_without_bands(sql, extent):
    compare(sql, "ST_MapAlgebra(rast1, rast2, expression, ...)",
            DUMP % ("{s}.ST_MapAlgebra({r8}, {rf}, '[rast1] + [rast2]'::text, '32BF', '%s', '[rast2]', '[rast1]')" % extent),
            RASTERS)


@pytest.mark.parametrize("query", [
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, {half}, 1, '[rast1] + [rast2]'::text)",       # misaligned
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, {other}, 1, '[rast1] + [rast2]'::text)",      # other SRID
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, {r16}, 1, '[rast1] + [rast2]'::text, NULL, 'CUSTOM')",
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, {r16}, 1, '[rast1] + [rast2]'::text, NULL, 'bogus')",
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, 'bogus', '[rast]')",
    DUMP % "{s}.ST_MapAlgebra({r8}, 3, NULL, '[rast]')",                       # missing band
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, NULL, '[rast] +')",                     # syntax error
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, NULL, 'no_such_function([rast])')",
    DUMP % "{s}.ST_MapAlgebra(NULL::{s}.raster, 1, NULL, '[rast]')",
    DUMP % "{s}.ST_MapAlgebra({s}.ST_MakeEmptyRaster(0, 0, 0, 0, 1), 1, NULL, '[rast]')",
    DUMP % "{s}.ST_MapAlgebra({s}.ST_MakeEmptyRaster(3, 2, 0, 0, 1), 1, NULL, '[rast]')",
    DUMP % "{s}.ST_MapAlgebra(NULL::{s}.raster, 1, {r8}, 1, '[rast1] + [rast2]'::text, NULL, 'UNION')",
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, NULL::{s}.raster, 1, '[rast1]'::text, NULL, 'FIRST', NULL, '5')",
    DUMP % "{s}.ST_MapAlgebra({r8}, 1, {r16}, 2, '[rast1] + [rast2]'::text, NULL, 'UNION')",
])
def test_edge_cases_and_errors(sql, query):
    compare(sql, "ST_MapAlgebra expression edge cases", query, RASTERS)


EXPR_FORMS = [
    "{s}.ST_MapAlgebraExpr({r8}, 1, NULL, '[rast] * 2')",
    "{s}.ST_MapAlgebraExpr({r8}, '16BSI', '[rast.x] * [rast.y] - [rast]')",
    "{s}.ST_MapAlgebraExpr({rf}, 1, '8BUI', '[rast] * 100', 3)",
    "{s}.ST_MapAlgebraExpr({rd}, 1, '32BF', 'CASE WHEN [rast] > 0.5 THEN NULL ELSE [rast] END', -1)",
    "{s}.ST_MapAlgebraExpr({rn}, 1, NULL, '[rast] / 0')",
    "{s}.ST_MapAlgebraExpr({r16}, 1, NULL, '5')",
    "{s}.ST_MapAlgebraExpr({r16}, 1, NULL, 'NULL')",
    "{s}.ST_MapAlgebraExpr({r8}, 1, {r16}, 1, '[rast1] + [rast2]')",
    "{s}.ST_MapAlgebraExpr({r8}, 1, {r16}, 1, '[rast1.x] + [rast2.y]', '32BF', 'UNION', '[rast2]', '[rast1]', 0)",
    "{s}.ST_MapAlgebraExpr({r8}, {rf}, '[rast1] * [rast2]', NULL, 'FIRST')",
    "{s}.ST_MapAlgebraExpr({rf}, {r8}, '[rast1] - [rast2]', '16BSI', 'SECOND', '0', NULL, -2)",
    "{s}.ST_MapAlgebraExpr({r8}, {half}, '[rast1] + [rast2]')",
]


@pytest.mark.parametrize("form", EXPR_FORMS)
def test_mapalgebraexpr(sql, form):
    compare(sql, "ST_MapAlgebraExpr", DUMP % form, RASTERS)


def _two_band(name):
    return ("{s}.ST_AddBand({%s}, '16BUI'::text, 9::double precision, 9::double precision)" % name)


INTERSECTION_FORMS = [
    "{s}.ST_Intersection({r8}, {r16})",
    "{s}.ST_Intersection({r8}, {r16}, 'BAND1')",
    "{s}.ST_Intersection({r8}, {r16}, 'BAND2')",
    "{s}.ST_Intersection({r8}, {r16}, 'BOTH')",
    "{s}.ST_Intersection({r8}, {r16}, 'BOTH', ARRAY[1, 2]::double precision[])",
    "{s}.ST_Intersection({r8}, {r16}, 'BOTH', 7::double precision)",
    "{s}.ST_Intersection({r8}, {r16}, 3::double precision)",
    "{s}.ST_Intersection({r8}, {r16}, ARRAY[4, 5]::double precision[])",
    "{s}.ST_Intersection({r8}, 1, {r16}, 1)",
    "{s}.ST_Intersection({r8}, 1, {r16}, 1, 'BAND2')",
    "{s}.ST_Intersection({r8}, 1, {r16}, 1, 'BOTH', ARRAY[NULL, 2]::double precision[])",
    "{s}.ST_Intersection({r8}, 1, {r16}, 1, 6::double precision)",
    "{s}.ST_Intersection({r8}, 1, {r16}, 1, ARRAY[1, 2]::double precision[])",
    "{s}.ST_Intersection({rn}, 1, {rd}, 1, 'BOTH')",
    "{s}.ST_Intersection({r8}, {half})",
    "{s}.ST_Intersection({r8}, {other})",
    "{s}.ST_Intersection({r8}, {s}.ST_MakeEmptyRaster(2, 2, 100, 100, 1))",
    "{s}.ST_Intersection({r8}, 1, {r16}, 2, 'BOTH')",
]


@pytest.mark.parametrize("form", INTERSECTION_FORMS)
def test_intersection_of_rasters(sql, form):
    compare(sql, "ST_Intersection(raster, raster)", DUMP % form, RASTERS)


def test_intersection_of_multiband_rasters(sql):
    compare(sql, "ST_Intersection(raster, raster) multiband",
            DUMP.replace("{s}.ST_BandMetaData(m)", "{s}.ST_BandMetaData(m, 2)")
            % ("{s}.ST_Intersection(%s, 2, %s, 1, 'BOTH')" % (_two_band("r8"), _two_band("r16"))),
            RASTERS)
