"""ST_Count, ST_Histogram, ST_Quantile, ST_ValueCount, ST_ValuePercent and their Approx forms
compared with PostGIS 3.3 on every pixel type, nodata or not, and on the NOTICE + NULL cases."""
import pytest

import conformance
from stats_helpers import stats_rasters

RASTERS = stats_rasters()
VALUED = [n for n in RASTERS if n not in ("empty", "no_band")]

# (form label, template): {r} is the raster
PER_RASTER = [
    ("ST_Count(rast)", "SELECT {s}.st_count({r})"),
    ("ST_Count(rast, exclude)", "SELECT {s}.st_count({r}, false)"),
    ("ST_Count(rast, nband, exclude)", "SELECT {s}.st_count({r}, 1, true)"),
    ("ST_ApproxCount(rast, nband, exclude, sample)", "SELECT {s}.st_approxcount({r}, 1, true, 1)"),
    ("ST_ApproxCount(rast, exclude, sample)", "SELECT {s}.st_approxcount({r}, false, 1)"),
    ("ST_ApproxCount(rast, nband, sample)", "SELECT {s}.st_approxcount({r}, 1, 0::float8)"),
    ("ST_ApproxCount(rast, sample)", "SELECT {s}.st_approxcount({r}, 1::float8)"),
    ("ST_ApproxSummaryStats(rast, nband, exclude, sample)",
     "SELECT a.count, a.sum, a.mean, round(a.stddev::numeric, 12), a.min, a.max"
     " FROM {s}.st_approxsummarystats({r}, 1, true, 1) AS a"),
    ("ST_ApproxSummaryStats(rast, exclude, sample)", "SELECT a.count, a.sum, a.mean, round(a.stddev::numeric, 12), a.min, a.max"
     " FROM {s}.st_approxsummarystats({r}, false, 1) AS a"),
    ("ST_ApproxSummaryStats(rast, nband, sample)", "SELECT a.count, a.sum, a.mean, round(a.stddev::numeric, 12), a.min, a.max"
     " FROM {s}.st_approxsummarystats({r}, 1, 0::float8) AS a"),
    ("ST_ApproxSummaryStats(rast, sample)", "SELECT a.count, a.sum, a.mean, round(a.stddev::numeric, 12), a.min, a.max"
     " FROM {s}.st_approxsummarystats({r}, 1::float8) AS a"),
    ("ST_Histogram(rast)", "SELECT * FROM {s}.st_histogram({r})"),
    ("ST_Histogram(rast, nband, exclude, bins, width, right)",
     "SELECT * FROM {s}.st_histogram({r}, 1, false, 3, NULL, true)"),
    ("ST_Histogram(rast, nband, exclude, bins, width, right)",
     "SELECT * FROM {s}.st_histogram({r}, 1, true, 0, ARRAY[0.3, 1.7]::float8[] , false)"),
    ("ST_Histogram(rast, nband, bins, width, right)",
     "SELECT * FROM {s}.st_histogram({r}, 1, 5, NULL, false)"),
    ("ST_Histogram(rast, nband, exclude, bins, right)", "SELECT * FROM {s}.st_histogram({r}, 1, true, 4, true)"),
    ("ST_Histogram(rast, nband, bins, right)", "SELECT * FROM {s}.st_histogram({r}, 1, 7, false)"),
    ("ST_ApproxHistogram(rast, nband, exclude, sample, bins, width, right)",
     "SELECT * FROM {s}.st_approxhistogram({r}, 1, true, 1, 0, NULL, true)"),
    ("ST_ApproxHistogram(rast, nband, sample, bins, width, right)",
     "SELECT * FROM {s}.st_approxhistogram({r}, 1, 1, 2, ARRAY[1.5]::float8[], false)"),
    ("ST_ApproxHistogram(rast, nband, exclude, sample, bins, right)",
     "SELECT * FROM {s}.st_approxhistogram({r}, 1, false, 1, 3, false)"),
    ("ST_ApproxHistogram(rast, nband, sample, bins, right)",
     "SELECT * FROM {s}.st_approxhistogram({r}, 1, 0::float8, 3, true)"),
    ("ST_ApproxHistogram(rast, nband, sample)", "SELECT * FROM {s}.st_approxhistogram({r}, 1, 1::float8)"),
    ("ST_ApproxHistogram(rast, sample)", "SELECT * FROM {s}.st_approxhistogram({r}, 1::float8)"),
    ("ST_Quantile(rast, nband, exclude, quantiles)", "SELECT * FROM {s}.st_quantile({r})"),
    ("ST_Quantile(rast, nband, exclude, quantiles)",
     "SELECT * FROM {s}.st_quantile({r}, 1, false, ARRAY[0.9, 0.17, 0.333333, NULL, 0.77, 0.5])"),
    ("ST_Quantile(rast, quantiles)", "SELECT * FROM {s}.st_quantile({r}, ARRAY[0.3, 0.999]::float8[])"),
    ("ST_Quantile(rast, nband, quantiles)", "SELECT * FROM {s}.st_quantile({r}, 1, ARRAY[0.01]::float8[])"),
    ("ST_Quantile(rast, nband, exclude, quantile)", "SELECT {s}.st_quantile({r}, 1, false, 0.61::float8)"),
    ("ST_Quantile(rast, exclude, quantile)", "SELECT {s}.st_quantile({r}, true, 0.25::float8)"),
    ("ST_Quantile(rast, nband, quantile)", "SELECT {s}.st_quantile({r}, 1, 0.75::float8)"),
    ("ST_Quantile(rast, quantile)", "SELECT {s}.st_quantile({r}, 0.123::float8)"),
    ("ST_ApproxQuantile(rast, nband, exclude, sample, quantiles)",
     "SELECT * FROM {s}.st_approxquantile({r}, 1, true, 1, ARRAY[0.2, 0.8])"),
    ("ST_ApproxQuantile(rast, nband, sample, quantiles)",
     "SELECT * FROM {s}.st_approxquantile({r}, 1, 1::float8, ARRAY[0.4]::float8[])"),
    ("ST_ApproxQuantile(rast, sample, quantiles)",
     "SELECT * FROM {s}.st_approxquantile({r}, 0::float8, ARRAY[0.4]::float8[])"),
    ("ST_ApproxQuantile(rast, nband, exclude, sample, quantile)",
     "SELECT {s}.st_approxquantile({r}, 1, false, 1::float8, 0.3::float8)"),
    ("ST_ApproxQuantile(rast, nband, sample, quantile)",
     "SELECT {s}.st_approxquantile({r}, 1, 1::float8, 0.3::float8)"),
    ("ST_ApproxQuantile(rast, sample, quantile)", "SELECT {s}.st_approxquantile({r}, 0::float8, 0.6::float8)"),
    ("ST_ValueCount(rast, nband, exclude, searchvalues, roundto)", "SELECT * FROM {s}.st_valuecount({r})"),
    ("ST_ValueCount(rast, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount({r}, 1, false, NULL::float8[], 10)"),
    ("ST_ValueCount(rast, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount({r}, 1, true, NULL::float8[], 0.05)"),
    ("ST_ValueCount(rast, nband, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount({r}, 1, ARRAY[0.7, 2, 9, 0.7]::float8[], 1)"),
    ("ST_ValueCount(rast, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount({r}, ARRAY[0.5, 7]::float8[])"),
    ("ST_ValueCount(rast, nband, exclude, searchvalue, roundto)",
     "SELECT {s}.st_valuecount({r}, 1, false, 0.7::float8, 0)"),
    ("ST_ValueCount(rast, nband, searchvalue, roundto)", "SELECT {s}.st_valuecount({r}, 1, 9::float8)"),
    ("ST_ValueCount(rast, searchvalue, roundto)", "SELECT {s}.st_valuecount({r}, 100::float8, 2000)"),
    ("ST_ValuePercent(rast, nband, exclude, searchvalues, roundto)", "SELECT * FROM {s}.st_valuepercent({r})"),
    ("ST_ValuePercent(rast, nband, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuepercent({r}, 1, ARRAY[0.7, 2]::float8[], 0.1)"),
    ("ST_ValuePercent(rast, searchvalues, roundto)", "SELECT * FROM {s}.st_valuepercent({r}, ARRAY[9]::float8[])"),
    ("ST_ValuePercent(rast, nband, exclude, searchvalue, roundto)",
     "SELECT {s}.st_valuepercent({r}, 1, false, 9::float8, 0)"),
    ("ST_ValuePercent(rast, nband, searchvalue, roundto)", "SELECT {s}.st_valuepercent({r}, 1, 0.7::float8)"),
    ("ST_ValuePercent(rast, searchvalue, roundto)", "SELECT {s}.st_valuepercent({r}, 9::float8, 3)"),
]

# the soft failures and odd arguments, on one raster
EDGE = [
    ("ST_Count(rast, nband, exclude)", "SELECT {s}.st_count({r}, 3, true)"),
    ("ST_Count(rast, nband, exclude)", "SELECT {s}.st_count({r}, 3, false)"),
    ("ST_ApproxCount(rast, nband, exclude, sample)", "SELECT {s}.st_approxcount({r}, 1, true, 1.5)"),
    ("ST_Histogram(rast)", "SELECT * FROM {s}.st_histogram({r}, 2)"),
    ("ST_Histogram(rast)", "SELECT * FROM {s}.st_histogram({r}, 0)"),
    ("ST_Histogram(rast)", "SELECT * FROM {s}.st_histogram({r}, 1, true, -2)"),
    ("ST_Histogram(rast)", "SELECT * FROM {s}.st_histogram({r}, 1, true, 0, ARRAY[-1]::float8[])"),
    ("ST_Histogram(rast)", "SELECT * FROM {s}.st_histogram({r}, 1, true, 0, ARRAY[0]::float8[])"),
    ("ST_Histogram(rast)", "SELECT * FROM {s}.st_histogram({r}, NULL::int, NULL::boolean, NULL::int)"),
    ("ST_ApproxHistogram(rast, nband, sample)", "SELECT * FROM {s}.st_approxhistogram({r}, 1, 2::float8)"),
    ("ST_Quantile(rast, quantiles)", "SELECT * FROM {s}.st_quantile({r}, ARRAY[1.5]::float8[])"),
    ("ST_Quantile(rast, quantiles)", "SELECT * FROM {s}.st_quantile({r}, ARRAY[]::float8[])"),
    ("ST_Quantile(rast, nband, quantiles)", "SELECT * FROM {s}.st_quantile({r}, 3, ARRAY[0.5]::float8[])"),
    ("ST_Quantile(rast, exclude, quantile)", "SELECT {s}.st_quantile({r}, true, NULL::float8)"),
    ("ST_Quantile(rast, quantile)", "SELECT {s}.st_quantile({r}, -0.5::float8)"),
    ("ST_ApproxQuantile(rast, quantile)", "SELECT {s}.st_approxquantile({r}, NULL::float8)"),
    ("ST_ApproxQuantile(rast, nband, exclude, sample, quantiles)",
     "SELECT * FROM {s}.st_approxquantile({r}, 1, true, -1, ARRAY[0.5])"),
    ("ST_ValueCount(rast, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount({r}, 3, true, NULL::float8[], 0)"),
    ("ST_ValueCount(rast, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount({r}, 1, true, ARRAY[]::float8[], -4)"),
    ("ST_ValueCount(rast, nband, exclude, searchvalues, roundto)",
     "SELECT * FROM {s}.st_valuecount({r}, NULL, NULL, NULL::float8[], NULL)"),
    ("ST_ValuePercent(rast, nband, searchvalue, roundto)", "SELECT {s}.st_valuepercent({r}, 5, 1::float8)"),
]


@pytest.mark.parametrize("name", VALUED)
def test_forms_agree_with_postgis(sql, name):
    for form, template in PER_RASTER:
        conformance.compare(sql, form, template, {"r": RASTERS[name]})


@pytest.mark.parametrize("name", ["frac", "8BUI_nodata", "empty", "no_band", "all_nodata",
                                  "all_nodata_flag", "constant"])
def test_edge_cases_agree_with_postgis(sql, name):
    for form, template in EDGE + PER_RASTER:
        conformance.compare(sql, form, template, {"r": RASTERS[name]})


@pytest.mark.parametrize("nband", [1, 2, 3])
def test_bands_of_a_multiband_raster(sql, nband):
    for form, template in PER_RASTER:
        template = template.replace("({r}, 1,", "({r}, %d," % nband)
        conformance.compare(sql, form, template, {"r": RASTERS["multiband"]})
