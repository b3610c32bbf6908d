"""ST_SummaryStats and ST_SummaryStatsAgg against PostGIS: every form, nodata, NaN and
infinities, all-nodata bands, missing bands, sampling, out-db bands."""

import numpy as np
import pytest

from aggregate_helpers import (ROWS, STATS_FIELDS, assert_stats_agree, bands, raster,
                               run_both)

NAN, INF = float("nan"), float("inf")
RNG = np.random.default_rng(11)

SINGLE = {
    "ints": raster([[1, 2, 3], [4, 0, 6]], nodata=0),
    "ints_no_nodata": raster([[1, 2, 3], [4, 0, 6]]),
    "all_nodata": raster(np.zeros((2, 3)), nodata=0, pixtype="32BF"),
    "isnodata": raster([[1, 2, 3], [4, 5, 6]], nodata=5, pixtype="32BF", isnodata=True),
    "nan": raster([[1, NAN, 3], [4, 0, 6]], pixtype="32BF"),
    "nan_first": raster([[NAN, 1], [2, 3]], pixtype="64BF"),
    "nan_nodata": raster([[1, NAN, 3], [4, 0, 6]], nodata=NAN, pixtype="32BF"),
    "inf": raster([[1, INF, 3], [4, 0, 6]], nodata=0, pixtype="32BF"),
    "inf_last": raster([[1, 2], [3, INF]], pixtype="64BF"),
    "infs": raster([[1, 2], [-INF, INF]], pixtype="64BF"),
    "one_pixel": raster([[5]]),
    "float64": raster(RNG.normal(100, 30, (37, 53)), pixtype="64BF"),
    "float32": raster(RNG.normal(100, 30, (37, 53)), pixtype="32BF", nodata=100.0),
    "int16": raster(RNG.integers(-300, 300, (40, 31)), pixtype="16BSI", nodata=-300),
    "near_nodata": raster([[1e-9, 2], [3, 4]], pixtype="32BF", nodata=0),
    "two_bands": bands([([[1, 2]], None, "8BUI"), ([[10, 20]], 20, "16BSI")]),
}


def single(sql, form, call, hexwkb):
    template = ("SELECT " + STATS_FIELDS + " FROM (SELECT {s}." + call +
                " AS x FROM (SELECT {s}.st_rastfromhexwkb(%(r)s) AS r) AS q OFFSET 0) AS z")
    pg, pl = run_both(sql, template, {"r": hexwkb})
    assert_stats_agree(pg, pl, form)
    return pg, pl


@pytest.mark.parametrize("name", sorted(SINGLE))
@pytest.mark.parametrize("call", [
    "st_summarystats(r)", "st_summarystats(r, 1, false)", "st_summarystats(r, false)",
    "st_summarystats(r, 2)", "st_summarystats(r, 0)", "st_summarystats(r, -1)",
    "_st_summarystats(r, 1, true, 1)", "_st_summarystats(r, 1, true, 0)",
    "_st_summarystats(r, NULL, NULL, NULL)", "_st_summarystats(r, 1, true, 1.5)",
    "_st_summarystats(r, 1, true, -0.1)", "_st_summarystats(r, 2, false, 1)",
])
def test_summarystats_matches_postgis(sql, name, call):
    single(sql, "ST_SummaryStats " + call, call, SINGLE[name])


def test_summarystats_values(sql):
    pg, pl = single(sql, "ST_SummaryStats(rast)", "st_summarystats(r)", SINGLE["ints"])
    assert pl.rows == [(5, 16.0, 3.2, pytest.approx(1.7204650534085253), 1.0, 6.0)]


def test_summarystats_empty_and_null(sql):
    from rasters import pack
    for hexwkb in (pack(0, 0, []), pack(3, 2, [])):
        single(sql, "ST_SummaryStats(bandless)", "st_summarystats(r)", hexwkb)
        single(sql, "_ST_SummaryStats(bandless)", "_st_summarystats(r, 1, true, 0.5)", hexwkb)
    pg, pl = run_both(sql, "SELECT {s}._st_summarystats(NULL::{s}.raster) IS NULL")
    assert pg.rows == pl.rows == [(True,)]


# ---- sampling: only what is deterministic ----

def _ramp(width, height, nodata_rows=False):
    data = np.arange(width * height, dtype=np.float64).reshape(height, width)
    if nodata_rows:
        data[::2, :] = -1
    return raster(data, pixtype="64BF", nodata=-1 if nodata_rows else None)


@pytest.mark.parametrize("width,height,p", [
    (100, 80, 0.9), (80, 100, 0.9), (7, 300, 0.9), (300, 7, 0.9), (100, 80, 0.99),
    (100, 80, 0.999), (100, 80, 1e-9)])
def test_sampling_with_one_row_per_stratum_is_deterministic(sql, width, height, p):
    """When each stratum is one row (or nothing is sampled), PostGIS's sample is fixed."""
    single(sql, "_ST_SummaryStats(sampled, deterministic)",
           "_st_summarystats(r, 1, true, %s)" % p, _ramp(width, height))


@pytest.mark.parametrize("width,height,p,count", [
    (100, 80, 0.5, 4000), (100, 80, 0.3125, 2500), (80, 100, 0.3125, 2480),
    (7, 300, 0.3125, 651), (100, 80, 0.0125, 100), (100, 80, 0.001, 100),
    (7, 300, 0.005, 7), (300, 7, 0.0125, 300)])
def test_sampling_counts(sql, width, height, p, count):
    """The number of sampled pixels, their spread and the sample deviation."""
    template = ("SELECT " + STATS_FIELDS + " FROM (SELECT {s}._st_summarystats("
                "{s}.st_rastfromhexwkb(%(r)s), 1, true, %(p)s) AS x OFFSET 0) AS z")
    pg, pl = run_both(sql, template, {"r": _ramp(width, height), "p": p})
    assert pg.rows[0][0] == pl.rows[0][0] == count
    n, total, mean, stddev, lo, hi = pl.rows[0]
    assert mean == total / n
    assert 0 <= lo <= hi < width * height
    assert stddev > 0 and pg.rows[0][3] > 0


def test_sampling_skips_nodata_and_uses_sample_deviation(sql):
    template = ("SELECT " + STATS_FIELDS + " FROM (SELECT {s}._st_summarystats("
                "{s}.st_rastfromhexwkb(%(r)s), 1, true, 0.9) AS x OFFSET 0) AS z")
    pg, pl = run_both(sql, template, {"r": _ramp(100, 80, nodata_rows=True)})
    assert_stats_agree(pg, pl, "_ST_SummaryStats(sampled, with nodata)")
    n, total, mean, stddev, lo, hi = pl.rows[0]
    values = [r * 100 + c for r in range(72) if r % 2 for c in range(100)]
    assert n == len(values) == 3600
    assert stddev == pytest.approx(np.std(values, ddof=1), rel=1e-12)
    pg, pl = run_both(sql, template.replace("0.9", "0.5"), {"r": raster(np.zeros((4, 4)), nodata=0)})
    assert pg.rows == pl.rows == [(0, None, None, None, None, None)]
    assert pg.notices == pl.notices == ["All sampled pixels of band have the NODATA value"]


def test_sampling_one_pixel_gives_minus_one(sql):
    single(sql, "_ST_SummaryStats(one sampled pixel)", "_st_summarystats(r, 1, true, 0.5)",
           SINGLE["one_pixel"])


# ---- ST_SummaryStatsAgg ----

A = raster([[1, 2], [3, 4]], pixtype="64BF")
B = raster([[5, 6], [7, 8]], nodata=6, pixtype="64BF")
C = raster(np.zeros((2, 2)), nodata=0, pixtype="64BF")
D = raster([[1, 2], [3, 4]], nodata=1, pixtype="64BF", isnodata=True)
TWO = bands([(np.ones((2, 2)), None, "8BUI"), (np.full((2, 2), 3), None, "8BUI")])
TILES = [raster(RNG.normal(50, 20, (6, 9)), pixtype="64BF") for _ in range(6)]

AGG_SETS = {
    "ab": [A, B], "a_null_b": [A, None, B], "empty": [], "null": [None], "c": [C],
    "c_a": [C, A], "d_a": [D, A], "a_d": [A, D], "a_two": [A, TWO], "tiles": TILES,
    "nan_first": [SINGLE["nan_first"], A], "nan_second": [A, SINGLE["nan_first"]],
    "inf": [A, SINGLE["inf_last"]], "bandless": None,
    "mixed_types": [SINGLE["int16"], SINGLE["float32"], SINGLE["ints"]],
}


@pytest.mark.parametrize("name", sorted(AGG_SETS))
@pytest.mark.parametrize("args", ["1, true", "1, false", "2, true", "3, true", "0, true",
                                  "NULL, true", "1, NULL", "true, 1", "1, true, 1",
                                  "1, true, 0", "1, true, NULL", "1, true, 1.5", "false, 1"])
def test_summarystatsagg_matches_postgis(sql, name, args):
    rows = AGG_SETS[name]
    if name == "bandless":
        from rasters import pack
        rows = [A, pack(0, 0, [])]
    template = ("SELECT " + STATS_FIELDS + " FROM (SELECT {s}.st_summarystatsagg(r, " + args +
                " ORDER BY i) AS x FROM " + ROWS + ") AS z")
    pg, pl = run_both(sql, template, {"hexes": rows})
    assert_stats_agree(pg, pl, "ST_SummaryStatsAgg(rast, %s)" % args)


def test_summarystatsagg_continues_the_deviation_across_rasters(sql):
    template = ("SELECT " + STATS_FIELDS + " FROM (SELECT {s}.st_summarystatsagg(r, 1, true "
                "ORDER BY i) AS x FROM " + ROWS + ") AS z")
    pg, pl = run_both(sql, template, {"hexes": TILES})
    values = np.concatenate([np.asarray(_decode(t)) for t in TILES])
    n, total, mean, stddev, lo, hi = pl.rows[0]
    assert n == values.size and stddev == pytest.approx(values.std(), rel=1e-13)
    assert (lo, hi) == (values.min(), values.max())


def _decode(hexwkb):
    raw = bytes.fromhex(hexwkb)
    w, h = int.from_bytes(raw[57:59], "little"), int.from_bytes(raw[59:61], "little")
    return np.frombuffer(raw, "<f8", w * h, 61 + 1 + 8)


def test_summarystatsagg_qgis_query(sql):
    """What QGIS runs at layer load: sampled, so only deterministic properties are compared."""
    template = ("SELECT (x).* FROM (SELECT {s}.st_summarystatsagg(r, 1, TRUE, 0.3125) AS x "
                "FROM " + ROWS + ") AS z")
    tiles = [_ramp(64, 64) for _ in range(4)]
    pg, pl = run_both(sql, template, {"hexes": tiles})
    assert pg.rows[0][0] == pl.rows[0][0] == 4 * 64 * (0.3125 * 64 * 64 // 64)
    assert pl.rows[0][2] == pl.rows[0][1] / pl.rows[0][0]
    pg, pl = run_both(sql, template, {"hexes": [None]})
    assert pg.rows == pl.rows == [(0, None, None, None, None, None)]


@pytest.fixture
def outdb(sql, tmp_path):
    from aggregate_helpers import OutdbTiles
    tiles = OutdbTiles(sql, tmp_path)
    yield tiles
    tiles.close()


def test_summarystats_of_outdb_bands(sql, outdb):
    template = ("SELECT i, " + STATS_FIELDS + " FROM (SELECT i, {s}.st_summarystats(r) AS x FROM "
                + outdb.rows() + " OFFSET 0) AS z ORDER BY i")
    pg, pl = run_both(sql, template)
    assert_stats_agree(pg, pl, "ST_SummaryStats(out-db)")
    assert len(pl.rows) == 4 and all(row[1] > 0 for row in pl.rows)
    template = ("SELECT " + STATS_FIELDS + " FROM (SELECT {s}.st_summarystatsagg(r, 1, true "
                "ORDER BY i) AS x FROM " + outdb.rows() + ") AS z")
    pg, pl = run_both(sql, template)
    assert_stats_agree(pg, pl, "ST_SummaryStatsAgg(out-db)")
    covered = outdb.pixels[:, :32]
    valid = covered[covered != 0].astype(float)
    assert pl.rows[0][:2] == (valid.size, valid.sum())
    assert pl.rows[0][4:] == (valid.min(), valid.max())
