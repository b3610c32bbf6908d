"""ST_CountAgg and the `rastertable, rastercolumn` forms of ST_ValueCount/ST_ValuePercent on
a small table, compared with PostGIS; the Approx forms' sampling contract; the errors of bad
arguments by SQLSTATE."""
import numpy as np
import pytest

import conformance
import rasters
from stats_helpers import stats_rasters

RASTERS = stats_rasters()
TILES = ["8BUI_nodata", "frac", "all_nodata", "all_nodata_flag", "constant", "multiband", "16BSI"]
# PostGIS 3.3.2's table form of ST_ValueCount crashes the server (SIGSEGV) after the NOTICE
# "Cannot count the values for band at index 1" of a tile whose pixels are all nodata:
# those tables leave such tiles out (plraster skips them after the NOTICE, see below).
TABLE_TILES = ["8BUI_nodata", "frac", "constant", "multiband", "16BSI"]


def _make_tables(sql, tiles):
    for schema in ("public", "plraster"):
        sql.conn.execute("CREATE TABLE stats_%s (rid serial, rast %s.raster)" % (schema, schema))
        for name in tiles:
            lit = conformance.render("{r}", schema, {"r": RASTERS[name]})
            sql.conn.execute("INSERT INTO stats_%s (rast) VALUES (%s)" % (schema, lit))


def _drop_tables(sql):
    for schema in ("public", "plraster"):
        sql.conn.execute("DROP TABLE stats_%s" % schema)


@pytest.fixture
def tables(sql):
    """stats_public (public.raster) and stats_plraster (plraster.raster) holding the same tiles,
    so that `{s}` in a template names the table of each implementation."""
    _make_tables(sql, TILES)
    yield
    _drop_tables(sql)


@pytest.fixture
def value_tables(sql):
    """The tables of `tables` without the tile that crashes PostGIS's table form."""
    _make_tables(sql, TABLE_TILES)
    yield
    _drop_tables(sql)


COUNTAGG = [
    ("ST_CountAgg(rast, exclude)", "SELECT {s}.st_countagg(rast, true ORDER BY rid) FROM stats_{s}"),
    ("ST_CountAgg(rast, exclude)", "SELECT {s}.st_countagg(rast, false ORDER BY rid) FROM stats_{s}"),
    ("ST_CountAgg(rast, nband, exclude)", "SELECT {s}.st_countagg(rast, 1, true ORDER BY rid) FROM stats_{s}"),
    ("ST_CountAgg(rast, nband, exclude, sample)",
     "SELECT {s}.st_countagg(rast, 1, true, 1 ORDER BY rid) FROM stats_{s}"),
    ("ST_CountAgg(rast, nband, exclude, sample)",
     "SELECT {s}.st_countagg(rast, 1, false, 0 ORDER BY rid) FROM stats_{s}"),
    ("ST_CountAgg(rast, nband, exclude)",
     "SELECT {s}.st_countagg(rast, 2, true ORDER BY rid) FROM stats_{s}"),
    ("ST_CountAgg(rast, nband, exclude)",
     "SELECT {s}.st_countagg(rast, 1, true) FROM stats_{s} WHERE rid = 2"),
    ("ST_CountAgg(rast, nband, exclude)",
     "SELECT rid, {s}.st_countagg(rast, 1, true) FROM stats_{s} GROUP BY rid ORDER BY rid"),
]

TABLE_FORMS = [
    ("ST_ValueCount(rastertable, rastercolumn, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount('stats_{s}', 'rast')"),
    ("ST_ValueCount(rastertable, rastercolumn, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount('stats_{s}', 'rast', 1, false, NULL::float8[], 100)"),
    ("ST_ValueCount(rastertable, rastercolumn, nband, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount('stats_{s}', 'rast', 1, ARRAY[9, 0.7, 7]::float8[])"),
    ("ST_ValueCount(rastertable, rastercolumn, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount('stats_{s}', 'rast', ARRAY[9, 0.7]::float8[], 0.1)"),
    ("ST_ValueCount(rastertable, rastercolumn, nband, exclude, searchvalue, roundto)",
     "SELECT {s}.st_valuecount('stats_{s}', 'rast', 1, false, 9::float8, 0)"),
    ("ST_ValueCount(rastertable, rastercolumn, nband, searchvalue, roundto)",
     "SELECT {s}.st_valuecount('stats_{s}', 'rast', 1, 9::float8)"),
    ("ST_ValueCount(rastertable, rastercolumn, searchvalue, roundto)",
     "SELECT {s}.st_valuecount('stats_{s}', 'rast', 0.7::float8)"),
    ("ST_ValuePercent(rastertable, rastercolumn, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuepercent('stats_{s}', 'rast', 2, true, NULL::float8[], 1000)"),
    ("ST_ValuePercent(rastertable, rastercolumn, nband, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuepercent('stats_{s}', 'rast', 1, ARRAY[9]::float8[])"),
    ("ST_ValuePercent(rastertable, rastercolumn, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuepercent('stats_{s}', 'rast', ARRAY[9, 7]::float8[], 0)"),
    ("ST_ValuePercent(rastertable, rastercolumn, nband, exclude, searchvalue, roundto)",
     "SELECT {s}.st_valuepercent('stats_{s}', 'rast', 1, false, 7::float8, 0)"),
    ("ST_ValuePercent(rastertable, rastercolumn, nband, searchvalue, roundto)",
     "SELECT {s}.st_valuepercent('stats_{s}', 'rast', 1, 9::float8)"),
    ("ST_ValuePercent(rastertable, rastercolumn, searchvalue, roundto)",
     "SELECT {s}.st_valuepercent('stats_{s}', 'rast', 9::float8)"),
]


def test_countagg_agrees_with_postgis(sql, tables):
    for form, template in COUNTAGG:
        conformance.compare(sql, form, template)


def test_countagg_null_raster_and_errors(sql, tables):
    sql.conn.execute("INSERT INTO stats_public (rast) VALUES (NULL)")
    sql.conn.execute("INSERT INTO stats_plraster (rast) VALUES (NULL)")
    pg, pl = conformance.compare(sql, "ST_CountAgg(rast, nband, exclude)",
                                 "SELECT {s}.st_countagg(rast, 1, true ORDER BY rid) FROM stats_{s}")
    assert pl.rows == [(None,)]
    # no rows, band 0, a percentage out of range: errors in both
    for template in ("SELECT {s}.st_countagg(rast, true) FROM stats_{s} WHERE false",
                     "SELECT {s}.st_countagg(rast, 0, true) FROM stats_{s}",
                     "SELECT {s}.st_countagg(rast, 1, true, 2) FROM stats_{s}"):
        pg, pl = conformance.compare(sql, "ST_CountAgg(rast, nband, exclude, sample)", template)
        assert pl.sqlstate == "22023", pl


def test_table_forms_agree_with_postgis(sql, value_tables):
    for form, template in TABLE_FORMS:
        conformance.compare(sql, form, template)


def test_table_form_stops_at_a_flagged_all_nodata_tile(sql, tables):
    """Where PostGIS crashes: a NOTICE and no rows, as PostGIS answers a tile without the band."""
    out = sql.run("SELECT * FROM plraster.st_valuecount('stats_plraster', 'rast', 1, ARRAY[9]::float8[])")
    assert out.rows == [], out
    assert out.notices == ["All pixels of band have the NODATA value",
                           "Cannot count the values for band at index 1"]


def test_table_forms_bad_table(sql, value_tables):
    for template, state in (("SELECT * FROM {s}.st_valuecount('no_such_table', 'rast')", "42P01"),
                            ("SELECT * FROM {s}.st_valuecount('stats_{s}', 'no_such_column')", "42703")):
        pg, pl = conformance.compare(sql, "ST_ValueCount(rastertable, rastercolumn, ...)", template)
        assert pl.sqlstate == state, pl


def test_null_arguments(sql):
    r = {"r": RASTERS["frac"]}
    for template in ("SELECT {s}.st_count(NULL::{s}.raster)",
                     "SELECT {s}.st_quantile({r}, 1, NULL::float8)",
                     "SELECT * FROM {s}.st_histogram(NULL::{s}.raster, 1, 3, false)",
                     "SELECT {s}.st_valuecount(NULL::text, 'rast', 1::float8)"):
        pg, pl = conformance.compare(sql, "NULL arguments", template, r)
        assert not pl.failed and pl.rows in ([], [(None,)]), pl


def _big(nodata):
    data = rasters.ramp("16BSI", 100, 80, seed=11)
    if nodata is not None:
        data[::3, ::2] = nodata
    return rasters.pack(100, 80, [{"pixtype": "16BSI", "data": data, "nodata": nodata}]), data


@pytest.mark.parametrize("pct", [0.05, 0.1, 0.5])
def test_approx_forms_sampling_contract(sql, pct):
    """Below 1 the sample is random: plraster samples PostGIS's strata (one random row per
    stratum of each column), so without nodata the count is exact; values lie within the
    band's range; the histogram counts what was sampled."""
    hexwkb, data = _big(None)
    r = {"r": hexwkb}
    pg, pl = conformance.compare(sql, "ST_ApproxCount(rast, sample)",
                                 "SELECT {s}.st_approxcount({r}, %r::float8)" % pct, r)
    n = pl.rows[0][0]
    assert abs(n - pct * data.size) <= data.shape[1], n
    lo, hi = float(data.min()), float(data.max())
    rows = sql.run(conformance.render(
        "SELECT * FROM {s}.st_approxquantile({r}, 1, true, %r, ARRAY[0, 0.5, 1])" % pct,
        "plraster", r)).rows
    assert lo <= rows[0][1] <= rows[1][1] <= rows[2][1] <= hi
    rows = sql.run(conformance.render(
        "SELECT * FROM {s}.st_approxhistogram({r}, 1, %r::float8)" % pct, "plraster", r)).rows
    assert sum(c for _, _, c, _ in rows) == n
    assert lo <= rows[0][0] and rows[-1][1] <= hi + 1e-9 * abs(hi)
    stats = sql.run(conformance.render(
        "SELECT (s).* FROM {s}.st_approxsummarystats({r}, %r::float8) AS s" % pct, "plraster", r)).rows[0]
    assert stats[0] == n and lo <= stats[4] <= stats[5] <= hi


def test_approx_count_with_nodata_scales(sql):
    hexwkb, data = _big(-32768)
    valid = int(np.count_nonzero(data != -32768))
    n = sql.value(conformance.render("SELECT {s}.st_approxcount({r}, 0.5::float8)", "plraster",
                                     {"r": hexwkb}))
    assert 0.4 * valid < n < 0.6 * valid, (n, valid)


def test_bad_argument_sqlstates(sql):
    r = {"r": RASTERS["frac"]}
    cases = [  # (template, plraster's SQLSTATE)
        ("SELECT * FROM {s}.st_histogram({r}, 1, true, -2)", "22023"),
        ("SELECT * FROM {s}.st_histogram({r}, 1, true, 200000000)", "54000"),
    ]
    for template, state in cases:
        out = sql.run(conformance.render(template, "plraster", r))
        assert out.sqlstate == state, (template, out)
