"""The *4ma callbacks against PostGIS: called directly (both signatures, NULLs, userargs,
nodatamode, NaN and infinities) and through ST_MapAlgebra, where plraster computes them
with numpy, on random rasters of several pixel types, at the edges, with every extent."""
import pytest

from conformance import compare
from mapalg_helpers import random_raster

NEW = ["st_min4ma", "st_max4ma", "st_sum4ma", "st_mean4ma", "st_range4ma", "st_distinct4ma",
       "st_stddev4ma", "st_mindist4ma", "st_invdistweight4ma"]
OLD = ["st_min4ma", "st_max4ma", "st_sum4ma", "st_mean4ma", "st_range4ma", "st_distinct4ma",
       "st_stddev4ma"]

VALUES = [
    "ARRAY[[[1, 2, 3], [4, NULL, 6], [7, 8, 9.5]]]::double precision[]",
    "ARRAY[[[NULL, NULL, NULL], [NULL, 5, NULL], [NULL, NULL, NULL]]]::double precision[]",
    "ARRAY[[[NULL, NULL, NULL], [NULL, NULL, NULL], [NULL, NULL, 2]]]::double precision[]",
    "ARRAY[[[NULL, NULL, NULL], [NULL, NULL, NULL], [NULL, NULL, NULL]]]::double precision[]",
    "ARRAY[[[1, 'NaN', 3], [3, 1, 1e300], [-1e300, 0, -0.0]]]::double precision[]",
    "ARRAY[[['Infinity', 1, 2]], [['-Infinity', NULL, 2]]]::double precision[]",
    "ARRAY[[0.1, 0.2, 0.3], [0.4, NULL, 0.6], [0.7, 0.8, 0.9]]::double precision[]",
    "ARRAY[[[1.5, 2.25, NULL, 4, 5]]]::double precision[]",
]
USERARGS = ["", ", VARIADIC NULL::text[]", ", '10'", ", NULL::text", ", '0.5', '0.25'",
            ", '2', '3'", ", '-1', NULL"]


@pytest.mark.parametrize("name", NEW)
def test_new_signature_direct(sql, name):
    for v in VALUES:
        for ua in USERARGS:
            compare(sql, "%s(value, pos, VARIADIC userargs)" % name,
                    "SELECT {s}.%s(%s, NULL::integer[]%s)" % (name, v, ua))


@pytest.mark.parametrize("name", OLD)
def test_old_signature_direct(sql, name):
    for v in VALUES:
        if v.startswith("ARRAY[[[") :
            v = v.replace("[[[", "[[").replace("]]]", "]]").replace("]], [[", "], [")
        for mode in ("'ignore'", "'7.5'", "NULL", "'value'"):
            compare(sql, "%s(matrix, nodatamode, VARIADIC args)" % name,
                    "SELECT {s}.%s(%s, %s, 'x')" % (name, v, mode))


def test_ma4_errors(sql):
    for q in ["SELECT {s}.st_mean4ma(ARRAY[1, 2]::double precision[], NULL::integer[])",
              "SELECT {s}.st_mindist4ma(ARRAY[[1, 2]]::double precision[], NULL::integer[])",
              "SELECT {s}.st_sum4ma(ARRAY[[[NULL, 2]]]::double precision[], NULL::integer[], 'x')"]:
        pg, pl = compare(sql, "*4ma errors", q)
        assert pg.sqlstate == pl.sqlstate


DUMP = ("SELECT {s}.ST_MetaData(m), {s}.ST_BandMetaData(m), {s}.ST_DumpValues(m) "
        "FROM (SELECT %s AS m OFFSET 0) q")


def _cb(name):
    return "'{s}.%s(double precision[], integer[], text[])'::regprocedure" % name


@pytest.mark.parametrize("pixtype", ["8BUI", "16BSI", "32BF", "64BF"])
@pytest.mark.parametrize("name", NEW)
def test_through_mapalgebra(sql, name, pixtype):
    """The numpy path gives PostGIS's raster, pixel for pixel, with 3x3 and 5x3 windows."""
    r = random_raster(pixtype, 7, 6, 11)
    for dx, dy, ua in ((1, 1, ""), (2, 1, ", '4'"), (1, 0, "")):
        compare(sql, "ST_MapAlgebra(rast, nband, %s)" % name,
                DUMP % ("{s}.ST_MapAlgebra({r}, 1, %s, '64BF', 'FIRST', NULL, %d, %d%s)"
                        % (_cb(name), dx, dy, ua)), {"r": r})


@pytest.mark.parametrize("kind", ["INTERSECTION", "UNION", "SECOND"])
def test_two_rasters_through_mapalgebra(sql, kind):
    r1 = random_raster("16BUI", 6, 5, 21)
    r2 = random_raster("32BF", 5, 5, 22, ul=(2.0, -1.0))
    for name in ("st_mean4ma", "st_stddev4ma", "st_mindist4ma", "st_invdistweight4ma"):
        compare(sql, "ST_MapAlgebra(rast1, nband1, rast2, nband2, %s)" % name,
                DUMP % ("{s}.ST_MapAlgebra({r1}, 1, {r2}, 1, %s, NULL, '%s', NULL, 1, 1)"
                        % (_cb(name), kind)), {"r1": r1, "r2": r2})
