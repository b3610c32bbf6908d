-- Statistics and union over sets of rasters: ST_SummaryStats, ST_SummaryStatsAgg, ST_Union
-- (what QGIS runs when it opens a layer), with PostGIS 3.3's forms.
--
-- The aggregates' states are not PostGIS's `internal` (PL/Python cannot take it):
-- ST_SummaryStatsAgg keeps a float8[] of running moments; ST_Union keeps a bigint naming the
-- group's rasters, which the library collects per backend and composes once in the final
-- function (a raster state would be re-serialised whole on every row). That final function
-- releases the group, so ST_Union is declared FINALFUNC_MODIFY = READ_WRITE: PostgreSQL
-- then never shares its state or calls it as a window function.

CREATE TYPE @extschema@.summarystats AS (
  count bigint, sum double precision, mean double precision, stddev double precision,
  min double precision, max double precision);
COMMENT ON TYPE @extschema@.summarystats IS
  'postgis raster type: A composite type returned by the ST_SummaryStats and ST_SummaryStatsAgg functions.';

CREATE TYPE @extschema@.unionarg AS (nband integer, uniontype text);
COMMENT ON TYPE @extschema@.unionarg IS
  'postgis raster type: A composite type used as input into the ST_Union function defining the bands to be processed and behavior of the UNION operation.';

-- ---- ST_SummaryStats ----
CREATE FUNCTION @extschema@._st_summarystats(rast @extschema@.raster, nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true, sample_percent double precision DEFAULT 1)
RETURNS @extschema@.summarystats
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.summary_stats(rast, nband, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._st_summarystats(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Summary statistics of a band, of a sample of its pixels when sample_percent is between 0 and 1.';

CREATE FUNCTION @extschema@.st_summarystats(rast @extschema@.raster, nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_summarystats(rast, nband, exclude_nodata_value, 1);
COMMENT ON FUNCTION @extschema@.st_summarystats(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a raster or raster coverage. Band 1 is assumed is no band is specified.';

CREATE FUNCTION @extschema@.st_summarystats(rast @extschema@.raster, exclude_nodata_value boolean)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_summarystats(rast, 1, exclude_nodata_value, 1);
COMMENT ON FUNCTION @extschema@.st_summarystats(@extschema@.raster, boolean) IS
  'args: rast, exclude_nodata_value - Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a raster or raster coverage. Band 1 is assumed is no band is specified.';

-- ---- ST_SummaryStatsAgg ----
-- One PL/Python transition per form (not SQL wrappers: the transition runs once per row).
CREATE FUNCTION @extschema@._st_summarystats_transfn(state double precision[],
    rast @extschema@.raster, nband integer, exclude_nodata_value boolean,
    sample_percent double precision)
RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_transfn(state, rast, nband, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._st_summarystats_transfn(double precision[], @extschema@.raster, integer, boolean, double precision) IS
  'Transition function of ST_SummaryStatsAgg: running count, sum, moments, min and max';

CREATE FUNCTION @extschema@._st_summarystats_transfn(state double precision[],
    rast @extschema@.raster, exclude_nodata_value boolean, sample_percent double precision)
RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_transfn(state, rast, 1, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._st_summarystats_transfn(double precision[], @extschema@.raster, boolean, double precision) IS
  'Transition function of ST_SummaryStatsAgg (band 1)';

CREATE FUNCTION @extschema@._st_summarystats_transfn(state double precision[],
    rast @extschema@.raster, nband integer, exclude_nodata_value boolean)
RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_transfn(state, rast, nband, exclude_nodata_value, 1)
$$;
COMMENT ON FUNCTION @extschema@._st_summarystats_transfn(double precision[], @extschema@.raster, integer, boolean) IS
  'Transition function of ST_SummaryStatsAgg (every pixel)';

CREATE FUNCTION @extschema@._st_summarystats_finalfn(state double precision[])
RETURNS @extschema@.summarystats
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_finalfn(state)
$$;
COMMENT ON FUNCTION @extschema@._st_summarystats_finalfn(double precision[]) IS
  'Final function of ST_SummaryStatsAgg';

CREATE AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean, double precision) (
  SFUNC = @extschema@._st_summarystats_transfn, STYPE = double precision[],
  FINALFUNC = @extschema@._st_summarystats_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Aggregate. Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a set of raster. Band 1 is assumed is no band is specified.';

CREATE AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, boolean, double precision) (
  SFUNC = @extschema@._st_summarystats_transfn, STYPE = double precision[],
  FINALFUNC = @extschema@._st_summarystats_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, sample_percent - Aggregate. Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a set of raster. Band 1 is assumed is no band is specified.';

CREATE AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean) (
  SFUNC = @extschema@._st_summarystats_transfn, STYPE = double precision[],
  FINALFUNC = @extschema@._st_summarystats_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Aggregate. Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a set of raster. Band 1 is assumed is no band is specified.';

-- ---- ST_Union ----
-- The transitions keep per-backend state, so they are VOLATILE and PARALLEL RESTRICTED (an
-- aggregate without a combine function runs in the leader anyway).
CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster)
RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast)
$$;
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster) IS
  'Transition function of ST_Union: collects the raster in the group';

CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster, nband integer)
RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast, nband)
$$;
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, integer) IS
  'Transition function of ST_Union (one band, LAST)';

CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster, uniontype text)
RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast, uniontype=uniontype)
$$;
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, text) IS
  'Transition function of ST_Union (every band, one union type)';

CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster,
    nband integer, uniontype text)
RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast, nband, uniontype)
$$;
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, integer, text) IS
  'Transition function of ST_Union (one band, one union type)';

CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster,
    unionargset @extschema@.unionarg[])
RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn_unionargs(state, rast, unionargset)
$$;
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, @extschema@.unionarg[]) IS
  'Transition function of ST_Union (bands and union types from unionarg)';

CREATE FUNCTION @extschema@._st_union_finalfn(state bigint)
RETURNS @extschema@.raster
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_finalfn(state)
$$;
COMMENT ON FUNCTION @extschema@._st_union_finalfn(bigint) IS
  'Final function of ST_Union: composes the collected rasters and releases them';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster) (
  SFUNC = @extschema@._st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster) IS
  'args: rast - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, integer) (
  SFUNC = @extschema@._st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, integer) IS
  'args: rast, nband - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, text) (
  SFUNC = @extschema@._st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, text) IS
  'args: rast, uniontype - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, integer, text) (
  SFUNC = @extschema@._st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, integer, text) IS
  'args: rast, nband, uniontype - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, @extschema@.unionarg[]) (
  SFUNC = @extschema@._st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, @extschema@.unionarg[]) IS
  'args: rast, unionargset - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';
