"""The constraint helpers against PostGIS: ST_SameAlignment (two rasters, twelve numbers,
aggregate), ST_NotSameAlignmentReason, ST_IsCoverageTile, the per-row helpers of the pixel
type, nodata and out-db constraints, and the _raster_constraint_info_* readers."""
import itertools

import pytest

from conformance import compare
from twins import PG, PL
from rasters import catalogue, pack

CAT = catalogue()
PAIR_NAMES = ["8BUI", "8BUI_nodata_xdr", "64BF", "empty", "empty_2x2", "multiband", "skewed",
              "rotated", "edge_1x1", "edge_7x1", "outdb", "outdb_mixed"]


def shifted(dx, dy, scale=(2.0, -3.0), skew=(0.0, 0.0), srid=4326):
    """A one-band raster at (100.5 + dx, 200.25 + dy): aligned with the catalogue's 8BUI
    when dx, dy are whole multiples of its pixel size."""
    return pack(2, 2, [{"pixtype": "8BUI", "data": [[1, 2], [3, 4]]}], scale=scale, skew=skew,
                ul=(100.5 + dx, 200.25 + dy), srid=srid)


OFFSETS = {
    "whole": shifted(4.0, -6.0), "half": shifted(1.0, 0.0), "tiny": shifted(1e-8, 0.0),
    "small": shifted(1e-5, 0.0), "far": shifted(2e6, -3e6), "flipped": shifted(0, 0, scale=(2.0, 3.0)),
    "scale": shifted(0, 0, scale=(2.0 + 1e-8, -3.0)), "scale_y": shifted(0, 0, scale=(2.0, -3.5)),
    "skew_x": shifted(0, 0, skew=(0.5, 0.0)), "skew_y": shifted(0, 0, skew=(0.0, 0.5)),
    "srid": shifted(0, 0, srid=0),
}


@pytest.mark.parametrize("a,b", list(itertools.product(PAIR_NAMES, repeat=2)))
def test_same_alignment_catalogue_pairs(sql, a, b):
    """ST_SameAlignment and ST_NotSameAlignmentReason on every pair of a catalogue subset."""
    rasters = {"r1": CAT[a], "r2": CAT[b]}
    compare(sql, "ST_SameAlignment(raster, raster)", "SELECT {s}.st_samealignment({r1}, {r2})", rasters)
    compare(sql, "ST_NotSameAlignmentReason(raster, raster)",
            "SELECT {s}.st_notsamealignmentreason({r1}, {r2})", rasters)


@pytest.mark.parametrize("name", sorted(OFFSETS))
def test_same_alignment_offsets(sql, name):
    """Offsets, scales, skews and SRIDs around the alignment tolerance."""
    rasters = {"r1": CAT["8BUI"], "r2": OFFSETS[name]}
    for template in ("SELECT {s}.st_samealignment({r1}, {r2})", "SELECT {s}.st_samealignment({r2}, {r1})",
                     "SELECT {s}.st_notsamealignmentreason({r1}, {r2})"):
        compare(sql, "ST_SameAlignment(raster, raster)", template, rasters)


@pytest.mark.parametrize("args", [
    "0, 0, 1, 1, 0, 0, 0.5, 0, 1, 1, 0, 0", "0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0",
    "0, 0, 1, -1, 0, 0, 3, 7, 1, -1, 0, 0", "0, 0, 1, -1, 0.1, 0, 0, 0, 1, -1, 0, 0",
    "10, 20, 0.25, -0.25, 0, 0, 10.0000001, 20, 0.25, -0.25, 0, 0",
])
def test_same_alignment_numbers(sql, args):
    """The twelve-number form."""
    compare(sql, "ST_SameAlignment(12 x double precision)", "SELECT {s}.st_samealignment(%s)" % args)


@pytest.mark.parametrize("names", [
    ("8BUI", "whole", "far"), ("8BUI", "half", "whole"), ("8BUI", None, "whole"),
    (None, "8BUI", "whole"), ("8BUI",), ("srid", "8BUI", "whole"), (None,), (),
])
def test_same_alignment_aggregate(sql, names):
    """The aggregate, with NULLs and an empty set."""
    rasters, values = {}, []
    for i, n in enumerate(names):
        if n is None:
            values.append("(NULL::{s}.raster)")
        else:
            rasters["r%d" % i] = CAT.get(n) or OFFSETS[n]
            values.append("({r%d})" % i)
    source = "(VALUES %s) v(r)" % ", ".join(values) if values else \
        "(SELECT NULL::{s}.raster WHERE false) v(r)"
    compare(sql, "ST_SameAlignment(raster) aggregate",
            "SELECT {s}.st_samealignment(r) FROM %s" % source, rasters)


def coverage(width, height, ul=(10.0, 20.0), scale=(2.0, -2.0)):
    """A band-less coverage raster (what the coverage tile constraint holds)."""
    return pack(width, height, scale=scale, ul=ul, srid=3857)


def tile(col, row, width, height, ul=(10.0, 20.0), scale=(2.0, -2.0)):
    """A band-less tile whose upper-left is at pixel (col, row) of the coverage grid."""
    return pack(width, height, scale=scale, srid=3857,
                ul=(ul[0] + col * scale[0], ul[1] + row * scale[1]))


@pytest.mark.parametrize("case", [
    (tile(0, 0, 4, 3), 4, 3), (tile(4, 3, 4, 3), 4, 3), (tile(8, 0, 2, 3), 4, 3),
    (tile(8, 6, 2, 1), 4, 3), (tile(0, 6, 4, 1), 4, 3), (tile(8, 0, 4, 3), 4, 3),
    (tile(4, 3, 3, 3), 4, 3), (tile(8, 6, 2, 2), 4, 3), (tile(8, 0, 3, 3), 4, 3),
    (tile(0, 6, 4, 2), 4, 3), (tile(1, 0, 4, 3), 4, 3), (tile(12, 0, 4, 3), 4, 3),
    (tile(-4, 0, 4, 3), 4, 3), (shifted(0.5, 0), 4, 3), (tile(0, 0, 10, 7), 10, 7),
])
def test_is_coverage_tile(sql, case):
    """Interior, edge and corner tiles, wrong sizes, off-grid, outside, misaligned."""
    rast, tw, th = case
    compare(sql, "ST_IsCoverageTile(raster, raster, integer, integer)",
            "SELECT {s}.st_iscoveragetile({r}, {c}, %d, %d)" % (tw, th),
            {"r": rast, "c": coverage(10, 7)})


@pytest.mark.parametrize("name", sorted(CAT))
def test_per_row_helpers(sql, name):
    """_raster_constraint_pixel_types, _nodata_values and _out_db on every catalogue raster."""
    for fn in ("_raster_constraint_pixel_types", "_raster_constraint_nodata_values::text[]",
               "_raster_constraint_out_db"):
        base, _, cast = fn.partition("::")
        template = "SELECT {s}.%s({r})%s" % (base, "::" + cast if cast else "")
        compare(sql, "%s(raster)" % base, template, {"r": CAT[name]})


def test_info_readers(twins, sql):
    """The _raster_constraint_info_* functions read the twin tables' constraints alike."""
    table = twins.create("info", [CAT["8BUI_nodata"], CAT["8BUI"]])
    for side in (PG, PL):
        out = twins.run(side, "SELECT {s}.AddRasterConstraints('{t}', 'info', 'rast'::name, "
                              "'srid', 'scale', 'blocksize', 'alignment', 'num_bands', 'pixel_types', "
                              "'out_db', 'extent')")
        assert not out.failed, out
    calls = ["srid", "extent", "alignment", "spatially_unique", "coverage_tile", "regular_blocking",
             "num_bands", "pixel_types", "nodata_values", "out_db", "index"]
    for kind in calls:
        pg, pl = twins.both("SELECT {s}._raster_constraint_info_%s('{t}', 'info', 'rast')" % kind)
        assert pg.rows == pl.rows and not pl.failed, (kind, pg, pl)
    for call in ("scale('{t}', 'info', 'rast', 'x')", "scale('{t}', 'info', 'rast', 'y')",
                 "blocksize('{t}', 'info', 'rast', 'width')", "blocksize('{t}', 'info', 'rast', 'height')"):
        pg, pl = twins.both("SELECT {s}._raster_constraint_info_" + call)
        assert pg.rows == pl.rows and not pl.failed, (call, pg, pl)
    pg, pl = twins.both("SELECT {s}._raster_constraint_info_srid('{t}', 'nosuch', 'rast')")
    assert pg.rows == pl.rows == [(None,)]
