-- Statistics of a band's values: ST_Count, ST_CountAgg, ST_ApproxCount,
-- ST_ApproxSummaryStats, ST_Histogram, ST_ApproxHistogram, ST_Quantile, ST_ApproxQuantile,
-- ST_ValueCount and ST_ValuePercent, with PostGIS 3.3's forms (names, argument names,
-- defaults, volatility, strictness). One PL/Python function per kind does the work
-- (_st_histogram, _st_quantile, _st_valuecount and its table form, _st_countagg_transfn);
-- the other forms are SQL calls to it, as in PostGIS. ST_CountAgg's state is PostGIS's
-- agg_count composite.

CREATE TYPE @extschema@.agg_count AS (count bigint, nband integer,
  exclude_nodata_value boolean, sample_percent double precision);
COMMENT ON TYPE @extschema@.agg_count IS
  'State of ST_CountAgg: the running count and the arguments of the first row';

CREATE FUNCTION @extschema@._st_count(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 1)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT CASE WHEN exclude_nodata_value IS FALSE
    THEN @extschema@.st_width(rast)::bigint OPERATOR(pg_catalog.*) @extschema@.st_height(rast)
    ELSE (@extschema@._st_summarystats(rast, nband, exclude_nodata_value, sample_percent)).count END;
END;
COMMENT ON FUNCTION @extschema@._st_count(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - The number of pixels of a band (not nodata ones unless exclude_nodata_value is false), of a sample when sample_percent is between 0 and 1.';

CREATE FUNCTION @extschema@.st_count(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, nband, exclude_nodata_value, 1);
END;
COMMENT ON FUNCTION @extschema@.st_count(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Returns the number of pixels in a given band of a raster or raster coverage. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the nodata value.';

CREATE FUNCTION @extschema@.st_count(rast @extschema@.raster,
    exclude_nodata_value boolean)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, 1, exclude_nodata_value, 1);
END;
COMMENT ON FUNCTION @extschema@.st_count(@extschema@.raster, boolean) IS
  'args: rast, exclude_nodata_value - Returns the number of pixels in a given band of a raster or raster coverage. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the nodata value.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, nband, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    exclude_nodata_value boolean,
    sample_percent double precision DEFAULT 0.1)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, 1, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    nband integer,
    sample_percent double precision)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, nband, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    sample_percent double precision)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, 1, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, double precision) IS
  'args: rast, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@._st_countagg_transfn(agg @extschema@.agg_count,
    rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    sample_percent double precision)
RETURNS @extschema@.agg_count
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_transfn(agg, rast, nband, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._st_countagg_transfn(@extschema@.agg_count, @extschema@.raster, integer, boolean, double precision) IS
  'Transition function of ST_CountAgg';

CREATE FUNCTION @extschema@._st_countagg_transfn(agg @extschema@.agg_count,
    rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean)
RETURNS @extschema@.agg_count
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_transfn(agg, rast, nband, exclude_nodata_value, 1)
$$;
COMMENT ON FUNCTION @extschema@._st_countagg_transfn(@extschema@.agg_count, @extschema@.raster, integer, boolean) IS
  'Transition function of ST_CountAgg';

CREATE FUNCTION @extschema@._st_countagg_transfn(agg @extschema@.agg_count,
    rast @extschema@.raster,
    exclude_nodata_value boolean)
RETURNS @extschema@.agg_count
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_transfn(agg, rast, 1, exclude_nodata_value, 1)
$$;
COMMENT ON FUNCTION @extschema@._st_countagg_transfn(@extschema@.agg_count, @extschema@.raster, boolean) IS
  'Transition function of ST_CountAgg';

CREATE FUNCTION @extschema@._st_countagg_finalfn(agg @extschema@.agg_count)
RETURNS bigint
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_finalfn(agg)
$$;
COMMENT ON FUNCTION @extschema@._st_countagg_finalfn(@extschema@.agg_count) IS
  'Final function of ST_CountAgg';

CREATE AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean, double precision) (
  SFUNC = @extschema@._st_countagg_transfn, STYPE = @extschema@.agg_count,
  FINALFUNC = @extschema@._st_countagg_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Aggregate. Returns the number of pixels in a given band of a set of rasters. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the NODATA value.';

CREATE AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean) (
  SFUNC = @extschema@._st_countagg_transfn, STYPE = @extschema@.agg_count,
  FINALFUNC = @extschema@._st_countagg_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Aggregate. Returns the number of pixels in a given band of a set of rasters. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the NODATA value.';

CREATE AGGREGATE @extschema@.st_countagg(@extschema@.raster, boolean) (
  SFUNC = @extschema@._st_countagg_transfn, STYPE = @extschema@.agg_count,
  FINALFUNC = @extschema@._st_countagg_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_countagg(@extschema@.raster, boolean) IS
  'args: rast, exclude_nodata_value - Aggregate. Returns the number of pixels in a given band of a set of rasters. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the NODATA value.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, nband, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    exclude_nodata_value boolean,
    sample_percent double precision DEFAULT 0.1)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, 1, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    nband integer,
    sample_percent double precision)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, nband, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    sample_percent double precision)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, 1, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, double precision) IS
  'args: rast, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@._st_histogram(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 1,
    bins integer DEFAULT 0,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    min double precision DEFAULT NULL::double precision,
    max double precision DEFAULT NULL::double precision,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.histogram_rows(rast, nband, exclude_nodata_value, sample_percent, bins, width, right, min, max)
$$;
COMMENT ON FUNCTION @extschema@._st_histogram(@extschema@.raster, integer, boolean, double precision, integer, double precision[], boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, bins, width, right, min, max - The histogram of a band (of a sample of its pixels when sample_percent is between 0 and 1).';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    bins integer DEFAULT 0,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, 1, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, boolean, integer, double precision[], boolean) IS
  'args: rast, nband, exclude_nodata_value, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer,
    bins integer,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, 1, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, integer, double precision[], boolean) IS
  'args: rast, nband, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, 1, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, boolean, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, 1, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, integer, boolean) IS
  'args: rast, nband, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1,
    bins integer DEFAULT 0,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, sample_percent, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, boolean, double precision, integer, double precision[], boolean) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    bins integer,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, sample_percent, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, double precision, integer, double precision[], boolean) IS
  'args: rast, nband, sample_percent, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    sample_percent double precision,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, sample_percent, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, boolean, double precision, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, sample_percent, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, double precision, integer, boolean) IS
  'args: rast, nband, sample_percent, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, sample_percent, 0, NULL, false) AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, sample_percent - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    sample_percent double precision,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, 1, true, sample_percent, 0, NULL, false) AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, double precision) IS
  'args: rast, sample_percent - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@._st_quantile(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 1,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.quantile_rows(rast, nband, exclude_nodata_value, sample_percent, quantiles)
$$;
COMMENT ON FUNCTION @extschema@._st_quantile(@extschema@.raster, integer, boolean, double precision, double precision[]) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, quantiles - The quantiles of a band (of a sample of its pixels when sample_percent is between 0 and 1).';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, 1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, boolean, double precision[]) IS
  'args: rast, nband, exclude_nodata_value, quantiles - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    quantiles double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, 1, true, 1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, double precision[]) IS
  'args: rast, quantiles - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer,
    quantiles double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, true, 1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, double precision[]) IS
  'args: rast, nband, quantiles - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    exclude_nodata_value boolean,
    quantile double precision DEFAULT NULL::double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, exclude_nodata_value, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, true, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, true, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, double precision) IS
  'args: rast, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, sample_percent, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, boolean, double precision, double precision[]) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, true, sample_percent, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, double precision, double precision[]) IS
  'args: rast, nband, sample_percent, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    sample_percent double precision,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, 1, true, sample_percent, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision, double precision[]) IS
  'args: rast, sample_percent, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    quantiles double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, 1, true, 0.1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision[]) IS
  'args: rast, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    sample_percent double precision,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, sample_percent, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, true, sample_percent, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, double precision, double precision) IS
  'args: rast, nband, sample_percent, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    sample_percent double precision,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, true, sample_percent, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision, double precision) IS
  'args: rast, sample_percent, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    exclude_nodata_value boolean,
    quantile double precision DEFAULT NULL::double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, exclude_nodata_value, 0.1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, true, 0.1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision) IS
  'args: rast, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@._st_valuecount(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.value_count_rows(rast, nband, exclude_nodata_value, searchvalues, roundto)
$$;
COMMENT ON FUNCTION @extschema@._st_valuecount(@extschema@.raster, integer, boolean, double precision[], double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalues, roundto - The count and share of each distinct (rounded) value of a band, or of the search values.';

CREATE FUNCTION @extschema@._st_valuecount(rastertable text,
    rastercolumn text,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE plpython3u STABLE PARALLEL UNSAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.coverage_value_count_rows(rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto)
$$;
COMMENT ON FUNCTION @extschema@._st_valuecount(text, text, integer, boolean, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto - The count and share of each distinct (rounded) value of a band over the rasters of a table column.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, boolean, double precision[], double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rast, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, double precision[], double precision) IS
  'args: rast, nband, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rast, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, double precision[], double precision) IS
  'args: rast, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rast, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, double precision, double precision) IS
  'args: rast, nband, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rast, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, double precision, double precision) IS
  'args: rast, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, boolean, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, double precision[], double precision) IS
  'args: rastertable, rastercolumn, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, boolean, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, double precision, double precision) IS
  'args: rastertable, rastercolumn, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, boolean, double precision[], double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rast, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, double precision[], double precision) IS
  'args: rast, nband, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rast, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, double precision[], double precision) IS
  'args: rast, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rast, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, double precision, double precision) IS
  'args: rast, nband, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rast, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, double precision, double precision) IS
  'args: rast, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, boolean, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, double precision[], double precision) IS
  'args: rastertable, rastercolumn, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, boolean, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, double precision, double precision) IS
  'args: rastertable, rastercolumn, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

