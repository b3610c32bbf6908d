"""ST_Reclass compared with PostGIS 3.3, byte for byte: every form, the range grammar
(edges, negative numbers, white space, single values, descending ranges, malformed
expressions and their NOTICEs), every source and target pixel type with and without
nodata, in-db and out-db bands, and randomly generated expressions over random values."""
import numpy as np
import pytest

from conformance import compare
from rasters import PIXTYPES
from reclass_helpers import (band_values, indb_raster, osql, outdb_dir,  # noqa: F401
                             outdb_raster, write_geotiff)

HEX = "SELECT encode(({q})::bytea, 'hex')"
ALL = list(PIXTYPES)

# Values at and around the edges the expressions below use, FLT_EPSILON apart or not.
EDGE_VALUES = np.array([[-1000, -10, -5, -1, -1e-8, 0, 1e-8, 0.5, 1, 2, 5, 5 + 1e-8, 5 + 1e-6,
                         9.99, 10 - 1e-8, 10, 10 + 1e-8, 10.5, 20, 100, 1e6, -0.5]])

GRAMMAR = [
    "0-10:0-100", "[0-10]:0-100", "(0-10):0-100", "(0-10]:0-100", "[0-10):0-100",
    "(0-10:0-100", "0-10]:0-100", "0-10:100-0", "10-0:0-100", "0-10:0", "5:50", "[5:50]",
    "(5):50", "5-5:50", "(5-5):50", "-5:7", "--5:1", "---5:1", "-5-:1", "-5--:1",
    "-10--1:1-2", "-10-0:1-2", "0--10:1", "-1-1:5-6", "-1 - -1:5", " 0 - 10 : 0 - 100 ",
    "\t0-10\n:0-100", "  (  -  3  -  4 ] :1", "0-10:[0-100]", "0-10:(0-100)", "0-10:-5--1",
    "0-5:1, 5-10:2", "0-5]:1, 5-10:2", "0-5:1, [5-10:2", "0-5):1,(5-10:2", "(0-5]:1,[5-10):2",
    ", 0-5:1", " 0-5:1 , ", "0-5:1,,5-10:2", "1e1-20:5", "1E+1-2e1:5", "0x10-20:5",
    "+3-+4:1", ".5-1.5:2", "5.-6:1", "[-inf-0]:1", "-Infinity-0:1", "nan:1",
    "[-10-10]:0-20", "3-4)):1", "((3-4:1", "[(3-4:1", "([3-4:1", "[[3-4:1", "3-4)]:1",
    "3-4]):1", "[3-4]]:1", "0-1000001:-1e6-1e6", "-1000-1000:0.001-0.002", "3-4 6:1", "3 4-6:1",
    # malformed: NOTICE and the raster unchanged
    "0-10:10-20-30", "0:1:2", "abc", "0-10:x", "", "   ", "0-10", "0-10:", ":5", "-:1",
    "1,5-10:2", "0-5:1;5-10:2", "0-1e400:1", "5e-400-1:1", "1e-1-5:1", "+-3:1", "3-+-4:1",
    "1-2-3:5", "0-10:1-2-3", "0_1-5:1",
]


@pytest.mark.parametrize("pixtype", ["64BF", "32BF"])
@pytest.mark.parametrize("expr", GRAMMAR, ids=[repr(e) for e in GRAMMAR])
def test_grammar(sql, expr, pixtype):
    r = indb_raster(pixtype, EDGE_VALUES)
    for out in ("64BF", "16BSI"):
        compare(sql, "ST_Reclass(rast, nband, reclassexpr, pixeltype, nodataval)",
                HEX.format(q="{s}.st_reclass({r}, 1, %s, %s, -999)"), {"r": r}, (expr, out))
    compare(sql, "ST_Reclass(rast, reclassexpr, pixeltype)",
            HEX.format(q="{s}.st_reclass({r}, %s, '64BF')"), {"r": r}, (expr,))


@pytest.mark.parametrize("source", ALL)
@pytest.mark.parametrize("nodata", [False, True])
def test_pixel_types(sql, source, nodata):
    """Every source type into every target type: rounding, clamping, nodata conversion."""
    data = band_values(source, 7, 5, seed=len(source))
    nd = data[2, 3].item() if nodata else None
    r = indb_raster(source, data, nd, skewed=nodata)
    lo, hi = float(data.min()), float(data.max())
    exprs = ["[%r-%r]:-300.5-300.5" % (lo, hi), "(%r-%r]:%r-0" % (lo, hi, hi),
             "%r-%r:1.5-2.5, %r-%r:-3.7" % (lo, (lo + hi) / 2, (lo + hi) / 2, hi)]
    for target in ALL:
        for expr in exprs:
            for ndv in (None, 7.7, -1e10):
                compare(sql, "ST_Reclass(rast, nband, reclassexpr, pixeltype, nodataval)",
                        HEX.format(q="{s}.st_reclass({r}, 1, %s, %s, %s)"), {"r": r},
                        (expr, target, ndv))


def test_forms(sql):
    r2 = indb_raster("8BUI", [[1, 2, 3, 4]], 2)
    two = ("SELECT encode(({s}.st_addband({r}, '16BSI'::text, 5::float8, 3::float8))::bytea, 'hex')")
    r = sql.value(two.replace("{s}", "public").replace("{r}", "'%s'::public.raster" % r2.upper()))
    rasters = {"r": r}
    cases = [
        "{s}.st_reclass({r}, ROW(2, '0-10:0-100', '8BUI', NULL)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(2, '0-10:0-100', '8BUI', NULL)::{s}.reclassarg,"
        " ROW(1, '0-10:50-60', '16BUI', 1)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(1, '0-10:0-100', '8BUI', NULL)::{s}.reclassarg,"
        " ROW(1, '0-10:50-60', '16BUI', 1)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(1, '0-10:0-100', '8BUI', NULL)::{s}.reclassarg,"
        " ROW(3, '0-10:50-60', '16BUI', 1)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(1, '0-10:0-100', '8BUI', NULL)::{s}.reclassarg,"
        " ROW(2, 'x', '16BUI', 1)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(3, '0-10:0-100', '8BUI', NULL)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(0, '0-10:0-100', '8BUI', NULL)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(1, NULL, '8BUI', NULL)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(NULL, '0-10:1', '8BUI', NULL)::{s}.reclassarg)",
        "{s}.st_reclass({r}, ROW(1, '0-10:1', NULL, NULL)::{s}.reclassarg)",
        "{s}.st_reclass({r}, VARIADIC ARRAY[]::{s}.reclassarg[])",
        "{s}.st_reclass({r}, VARIADIC NULL::{s}.reclassarg[])",
        "{s}.st_reclass({r}, 3, '0-10:0-100', '8BUI')",
        "{s}.st_reclass({r}, NULL::integer, '0-10:0-100', '8BUI')",
        "{s}.st_reclass({r}, 2, NULL::text, '8BUI')",
        "{s}.st_reclass({r}, 2, '0-10:0-100', '8BUI', NULL)",
        "{s}.st_reclass({r}, '0-10:0-100', '8BUI')",
        "{s}.st_reclass({r}, NULL::text, '8BUI')",
        "{s}.st_reclass(NULL::{s}.raster, '0-10:0-100', '8BUI')",
        "{s}.st_reclass(NULL::{s}.raster, 1, '0-10:0-100', '8BUI')",
        "{s}.st_reclass({s}.st_makeemptyraster(0, 0, 0, 0, 1, -1, 0, 0, 0), '0-10:0-100', '8BUI')",
        "{s}.st_reclass({s}.st_makeemptyraster(3, 2, 0, 0, 1, -1, 0, 0, 0), '0-10:0-100', '8BUI')",
    ]
    for case in cases:
        compare(sql, "ST_Reclass forms", HEX.format(q=case), rasters)
    # an unknown pixel type is an error in both (PostGIS: XX000, plraster: 22023)
    for bad in ("8BUX", "8bui", " 8BUI"):
        pg, pl = compare(sql, "ST_Reclass bad pixeltype",
                         HEX.format(q="{s}.st_reclass({r}, '0-10:0-100', %s)"), rasters, (bad,))
        assert pl.sqlstate == "22023"


@pytest.mark.parametrize("name", ["st_reclass", "_st_reclass", "st_grayscale"])
def test_signatures(sql, name):
    """Same argument names, defaults, results, volatility, strictness and parallel safety."""
    q = ("SELECT p.proname, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),"
         " p.provolatile, p.proisstrict, p.proparallel FROM pg_proc p"
         " WHERE p.pronamespace = '{s}'::regnamespace AND p.proname = %s ORDER BY 2")
    pg = sql.run(q.format(s="public"), (name,)).rows
    pl = sql.run(q.format(s="plraster"), (name,)).rows
    norm = [tuple(str(c).replace("plraster.", "").replace("public.", "") for c in row) for row in pl]
    assert norm == [tuple(str(c).replace("public.", "") for c in row) for row in pg]


def _random_expression(rng, lo, hi):
    """A valid reclass expression over [lo, hi]: 1 to 4 pieces of random ranges, edges,
    white space, single values, descending targets."""
    pieces = []
    for _ in range(rng.integers(1, 5)):
        a, b = sorted(rng.uniform(lo - 10, hi + 10, 2).round(rng.integers(0, 3)))
        if rng.random() < 0.15:
            src = "%r" % a
        else:
            src = "%s%r-%r%s" % (rng.choice(["", "[", "("]), a, b, rng.choice(["", "]", ")"]))
        c, d = rng.uniform(-500, 500, 2).round(rng.integers(0, 3))
        dst = "%r" % c if rng.random() < 0.15 else "%r-%r" % (c, d)
        sp = " " if rng.random() < 0.3 else ""
        pieces.append(sp + src + sp + ":" + sp + dst)
    return ",".join(pieces)


def test_random_expressions(sql):
    """Random valid expressions over random values and pixel types give PostGIS's pixels."""
    rng = np.random.default_rng(11)
    for case in range(120):
        source = rng.choice(ALL[3:])
        data = band_values(source, 9, 6, seed=case)
        nodata = data[0, 0].item() if rng.random() < 0.4 else None
        r = indb_raster(source, data, nodata)
        expr = _random_expression(rng, float(data.min()), float(data.max()))
        target = rng.choice(ALL)
        ndv = None if rng.random() < 0.5 else float(rng.integers(-5, 300))
        compare(sql, "ST_Reclass random expressions",
                HEX.format(q="{s}.st_reclass({r}, 1, %s, %s, %s)"), {"r": r},
                (expr, str(target), ndv))


@pytest.mark.parametrize("pixtype", ["8BUI", "16BSI", "32BUI", "32BF", "64BF"])
@pytest.mark.parametrize("nodata", [None, 3])
def test_outdb(osql, outdb_dir, pixtype, nodata):
    arrays = [band_values(pixtype, 20, 12, seed=s) for s in (1, 2)]
    arrays[0][0, :4] = 3
    path = write_geotiff(outdb_dir / ("r_%s_%s.tif" % (pixtype, nodata)), arrays, pixtype, nodata)
    r = outdb_raster(path, 2, pixtype, 20, 12, nodata)
    compare(osql, "ST_Reclass out-db",
            HEX.format(q="{s}.st_reclass({r}, ROW(2, '[-1000-0):0-100, [0-1000]:100-255', '8BUI', 0)"
                       "::{s}.reclassarg)"), {"r": r})
    compare(osql, "ST_Reclass out-db",
            "SELECT {s}.st_dumpvalues({s}.st_reclass({r}, ROW(1, '-500-500:-1-1', '32BF', NULL)"
            "::{s}.reclassarg), 1, false)", {"r": r})
    compare(osql, "ST_Reclass out-db",
            "SELECT {s}.st_dumpvalues({s}.st_reclass({r}, ROW(1, '-500-500:-1-1', '32BF', NULL)"
            "::{s}.reclassarg), 2, false)", {"r": r})
