-- The raster catalogs and PostGIS's raster management functions (PostGIS 3.3's names,
-- arguments and NOTICEs): raster_columns, raster_overviews, AddRasterConstraints,
-- DropRasterConstraints, AddOverviewConstraints, DropOverviewConstraints,
-- UpdateRasterSRID, the _raster_constraint_* helpers, ST_SameAlignment (two rasters,
-- twelve numbers, aggregate), ST_NotSameAlignmentReason and ST_IsCoverageTile.
--
-- raster_columns and raster_overviews are views over two tables that plraster keeps
-- (the store): one row per raster column, with what its CHECK constraints say, read as
-- PostGIS reads them. The management functions change constraints with ALTER TABLE, and
-- two event triggers refresh the store after any DDL that touches a relation with a
-- raster column (created, altered, renamed, moved, dropped; a schema renamed; an index
-- made or dropped). Rows themselves never need a refresh: the constraints reject any
-- row that would make the catalog wrong. The views show a user the columns that user
-- may select, and hide other sessions' temporary tables, as PostGIS's do.

-- ---- alignment ----

CREATE FUNCTION @extschema@.st_samealignment(rast1 @extschema@.raster, rast2 @extschema@.raster)
RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.same_alignment(rast1, rast2)
$$;
COMMENT ON FUNCTION @extschema@.st_samealignment(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Returns true if the rasters have the same skew, scale, spatial ref, and offset (pixels can be put on same grid without cutting into pixels) and false if they don''t with notice detailing issue.';

CREATE FUNCTION @extschema@.st_samealignment(ulx1 double precision, uly1 double precision,
    scalex1 double precision, scaley1 double precision, skewx1 double precision,
    skewy1 double precision, ulx2 double precision, uly2 double precision,
    scalex2 double precision, scaley2 double precision, skewx2 double precision,
    skewy2 double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_samealignment(
  @extschema@.st_makeemptyraster(1, 1, ulx1, uly1, scalex1, scaley1, skewx1, skewy1),
  @extschema@.st_makeemptyraster(1, 1, ulx2, uly2, scalex2, scaley2, skewx2, skewy2));
COMMENT ON FUNCTION @extschema@.st_samealignment(double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision) IS
  'args: ulx1, uly1, scalex1, scaley1, skewx1, skewy1, ulx2, uly2, scalex2, scaley2, skewx2, skewy2 - Returns true if the georeferences (SRID 0) are aligned.';

CREATE FUNCTION @extschema@.st_notsamealignmentreason(rast1 @extschema@.raster, rast2 @extschema@.raster)
RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.not_same_alignment_reason(rast1, rast2)
$$;
COMMENT ON FUNCTION @extschema@.st_notsamealignmentreason(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Returns text stating if rasters are aligned and if not aligned, a reason why.';

-- The aggregate's state: the first raster's 1x1 footprint and whether all were aligned so far.
CREATE TYPE @extschema@.agg_samealignment AS (refraster @extschema@.raster, aligned boolean);
COMMENT ON TYPE @extschema@.agg_samealignment IS
  'State of the ST_SameAlignment aggregate: the reference raster and the answer so far';

CREATE FUNCTION @extschema@._st_samealignment_transfn(agg @extschema@.agg_samealignment,
    rast @extschema@.raster)
RETURNS @extschema@.agg_samealignment
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN rast IS NULL THEN ROW((agg).refraster, NULL)::@extschema@.agg_samealignment
  WHEN (agg).refraster IS NULL THEN
    (SELECT ROW(@extschema@.st_makeemptyraster(1, 1, m.upperleftx, m.upperlefty, m.scalex,
                  m.scaley, m.skewx, m.skewy, m.srid), true)::@extschema@.agg_samealignment
     FROM @extschema@.st_metadata(rast) m)
  WHEN (agg).aligned IS TRUE THEN
    ROW((agg).refraster, @extschema@.st_samealignment((agg).refraster, rast))::@extschema@.agg_samealignment
  ELSE agg END;
COMMENT ON FUNCTION @extschema@._st_samealignment_transfn(@extschema@.agg_samealignment, @extschema@.raster) IS
  'Transition function of the ST_SameAlignment aggregate: a NULL raster makes the answer NULL';

CREATE FUNCTION @extschema@._st_samealignment_finalfn(agg @extschema@.agg_samealignment)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (agg).aligned;
COMMENT ON FUNCTION @extschema@._st_samealignment_finalfn(@extschema@.agg_samealignment) IS
  'Final function of the ST_SameAlignment aggregate';

CREATE AGGREGATE @extschema@.st_samealignment(@extschema@.raster) (
  SFUNC = @extschema@._st_samealignment_transfn,
  STYPE = @extschema@.agg_samealignment,
  FINALFUNC = @extschema@._st_samealignment_finalfn,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_samealignment(@extschema@.raster) IS
  'args: rastfield - Returns true if rasters have same skew, scale, spatial ref, and offset (pixels can be put on same grid without cutting into pixels) and false if they dont with notice detailing issue.';

CREATE FUNCTION @extschema@.st_iscoveragetile(rast @extschema@.raster, coverage @extschema@.raster,
    tilewidth integer, tileheight integer)
RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.is_coverage_tile(rast, coverage, tilewidth, tileheight)
$$;
COMMENT ON FUNCTION @extschema@.st_iscoveragetile(@extschema@.raster, @extschema@.raster, integer, integer) IS
  'args: tile, coverage, tilewidth, tileheight - Returns true if the raster tile lies on the tile grid of the coverage with an interior or edge tile''s size.';

-- ---- what the per-row constraints compute ----
CREATE FUNCTION @extschema@._raster_constraint_pixel_types(rast @extschema@.raster) RETURNS text[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.pixel_types(rast)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_pixel_types(@extschema@.raster) IS
  'args: rast - The pixel types of the bands (enforce_pixel_types_<column>)';
CREATE FUNCTION @extschema@._raster_constraint_nodata_values(rast @extschema@.raster) RETURNS numeric[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.nodata_values(rast)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_nodata_values(@extschema@.raster) IS
  'args: rast - The nodata values of the bands rounded to 10 decimals, NULL for none (enforce_nodata_values_<column>)';
CREATE FUNCTION @extschema@._raster_constraint_out_db(rast @extschema@.raster) RETURNS boolean[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.out_db(rast)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_out_db(@extschema@.raster) IS
  'args: rast - Whether each band is out-db (enforce_out_db_<column>)';
-- ---- reading constraints back (PostGIS's rules: by column and text, not by name) ----
CREATE FUNCTION @extschema@._raster_constraint_info_srid(rastschema name, rasttable name, rastcolumn name) RETURNS integer
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'srid')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_srid(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The SRID its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_extent(rastschema name, rasttable name, rastcolumn name) RETURNS geometry
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'extent')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_extent(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The maximum extent its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_alignment(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'alignment')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_alignment(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when an alignment constraint exists, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_spatially_unique(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'spatially_unique')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_spatially_unique(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when an EXCLUDE ((column::geometry) WITH =) constraint exists, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_coverage_tile(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'coverage_tile')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_coverage_tile(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when a coverage tile constraint exists, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_regular_blocking(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'regular_blocking')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_regular_blocking(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when the coverage tile and spatially unique constraints exist, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_num_bands(rastschema name, rasttable name, rastcolumn name) RETURNS integer
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'num_bands')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_num_bands(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The number of bands its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_pixel_types(rastschema name, rasttable name, rastcolumn name) RETURNS text[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'pixel_types')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_pixel_types(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The pixel types its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_nodata_values(rastschema name, rasttable name, rastcolumn name) RETURNS double precision[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'nodata_values')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_nodata_values(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The nodata values its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_out_db(rastschema name, rasttable name, rastcolumn name) RETURNS boolean[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'out_db')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_out_db(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The out-db flags its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_scale(rastschema name, rasttable name, rastcolumn name, axis character) RETURNS double precision
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.scale_info(rastschema, rasttable, rastcolumn, axis)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_scale(name, name, name, character) IS
  'args: rastschema, rasttable, rastcolumn, axis - The pixel size (axis x or y) its constraint enforces';

CREATE FUNCTION @extschema@._raster_constraint_info_blocksize(rastschema name, rasttable name, rastcolumn name, axis text) RETURNS integer
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.blocksize_info(rastschema, rasttable, rastcolumn, axis)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_blocksize(name, name, name, text) IS
  'args: rastschema, rasttable, rastcolumn, axis - The tile width or height its constraint enforces (the most frequent when it allows several)';

CREATE FUNCTION @extschema@._raster_constraint_info_index(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.index_info(rastschema, rasttable, rastcolumn)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_index(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when a GiST index of the table has an expression that mentions the column';

CREATE FUNCTION @extschema@._overview_constraint_info(ovschema name, ovtable name, ovcolumn name,
    OUT refschema name, OUT reftable name, OUT refcolumn name, OUT factor integer)
RETURNS record
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(ovschema, ovtable, ovcolumn, 'overview')
$$;
COMMENT ON FUNCTION @extschema@._overview_constraint_info(name, name, name) IS
  'args: ovschema, ovtable, ovcolumn - The reference raster column and factor of an overview column''s constraint';
-- ---- adding and dropping constraints ----

CREATE FUNCTION @extschema@._plraster_constraint_step(op text, rastschema name, rasttable name,
    rastcolumn name, step text, axis text) RETURNS boolean
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import catalog
return catalog.constraint_step(op, rastschema, rasttable, rastcolumn, step, axis)
$$;
COMMENT ON FUNCTION @extschema@._plraster_constraint_step(text, name, name, name, text, text) IS
  'args: op, rastschema, rasttable, rastcolumn, step, axis - Adds (op add) or drops (op drop) one raster constraint of a column: the work of the _add_raster_constraint_* and _drop_raster_constraint_* functions';

CREATE FUNCTION @extschema@._add_raster_constraint(cn name, sql text) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_constraint_sql(cn, sql)
$$;
COMMENT ON FUNCTION @extschema@._add_raster_constraint(name, text) IS
  'args: cn, sql - Runs the ALTER TABLE that adds constraint cn; a failure is reported as NOTICEs and gives false';

CREATE FUNCTION @extschema@._drop_raster_constraint(rastschema name, rasttable name, cn name) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.drop_constraint(rastschema, rasttable, cn)
$$;
COMMENT ON FUNCTION @extschema@._drop_raster_constraint(name, name, name) IS
  'args: rastschema, rasttable, cn - Drops constraint cn; a missing one gives a NOTICE';
CREATE FUNCTION @extschema@._add_raster_constraint_srid(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'srid', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_srid(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the srid constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_extent(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'extent', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_extent(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the extent constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_alignment(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'alignment', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_alignment(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the alignment constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_spatially_unique(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'spatially_unique', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_spatially_unique(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the spatially unique constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_coverage_tile(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'coverage_tile', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_coverage_tile(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the coverage tile constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_num_bands(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'num_bands', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_num_bands(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the num bands constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_pixel_types(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'pixel_types', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_pixel_types(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the pixel types constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_nodata_values(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'nodata_values', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_nodata_values(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the nodata values constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_out_db(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'out_db', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_out_db(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the out db constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._drop_raster_constraint_srid(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'srid', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_srid(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the srid constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_extent(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'extent', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_extent(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the extent constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_alignment(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'alignment', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_alignment(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the alignment constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_spatially_unique(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'spatially_unique', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_spatially_unique(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the spatially unique constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_coverage_tile(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'coverage_tile', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_coverage_tile(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the coverage tile constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_num_bands(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'num_bands', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_num_bands(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the num bands constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_pixel_types(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'pixel_types', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_pixel_types(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the pixel types constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_nodata_values(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'nodata_values', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_nodata_values(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the nodata values constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_out_db(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'out_db', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_out_db(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the out db constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_regular_blocking(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'regular_blocking', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_regular_blocking(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the regular blocking constraint of the column';
CREATE FUNCTION @extschema@._add_raster_constraint_scale(rastschema name, rasttable name, rastcolumn name, axis character) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'scale', axis);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_scale(name, name, name, character) IS
  'args: rastschema, rasttable, rastcolumn, axis - Adds the scale constraint of the column for axis x or y';
CREATE FUNCTION @extschema@._add_raster_constraint_blocksize(rastschema name, rasttable name, rastcolumn name, axis text) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'blocksize', axis);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_blocksize(name, name, name, text) IS
  'args: rastschema, rasttable, rastcolumn, axis - Adds the blocksize constraint of the column for axis width or height';
CREATE FUNCTION @extschema@._drop_raster_constraint_scale(rastschema name, rasttable name, rastcolumn name, axis character) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'scale', axis);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_scale(name, name, name, character) IS
  'args: rastschema, rasttable, rastcolumn, axis - Drops the scale constraint of the column for axis x or y';
CREATE FUNCTION @extschema@._drop_raster_constraint_blocksize(rastschema name, rasttable name, rastcolumn name, axis text) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'blocksize', axis);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_blocksize(name, name, name, text) IS
  'args: rastschema, rasttable, rastcolumn, axis - Drops the blocksize constraint of the column for axis width or height';
CREATE FUNCTION @extschema@.addrasterconstraints(rastschema name, rasttable name, rastcolumn name,
    VARIADIC constraints text[]) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_raster_constraints(rastschema, rasttable, rastcolumn, constraints)
$$;
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, name, text[]) IS
  'args: rastschema, rasttable, rastcolumn, VARIADIC constraints - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it.';

CREATE FUNCTION @extschema@.addrasterconstraints(rasttable name, rastcolumn name, VARIADIC constraints text[])
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addrasterconstraints(''::name, rasttable, rastcolumn, VARIADIC constraints);
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, text[]) IS
  'args: rasttable, rastcolumn, VARIADIC constraints - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it (table found on the search_path).';

CREATE FUNCTION @extschema@.addrasterconstraints(rastschema name, rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT false, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addrasterconstraints(rastschema, rasttable, rastcolumn, VARIADIC (SELECT pg_catalog.array_agg(v.k ORDER BY v.o) FROM (VALUES (0, 'srid'::text, srid), (1, 'scale_x'::text, scale_x), (2, 'scale_y'::text, scale_y), (3, 'blocksize_x'::text, blocksize_x), (4, 'blocksize_y'::text, blocksize_y), (5, 'same_alignment'::text, same_alignment), (6, 'regular_blocking'::text, regular_blocking), (7, 'num_bands'::text, num_bands), (8, 'pixel_types'::text, pixel_types), (9, 'nodata_values'::text, nodata_values), (10, 'out_db'::text, out_db), (11, 'extent'::text, extent)) v(o, k, f) WHERE v.f));
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rastschema, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it (those flagged true).';

CREATE FUNCTION @extschema@.addrasterconstraints(rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT false, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addrasterconstraints(''::name, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent);
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it (those flagged true; table found on the search_path).';
CREATE FUNCTION @extschema@.droprasterconstraints(rastschema name, rasttable name, rastcolumn name,
    VARIADIC constraints text[]) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.drop_raster_constraints(rastschema, rasttable, rastcolumn, constraints)
$$;
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, name, text[]) IS
  'args: rastschema, rasttable, rastcolumn, VARIADIC constraints - Drops the named raster constraints of the column.';

CREATE FUNCTION @extschema@.droprasterconstraints(rasttable name, rastcolumn name, VARIADIC constraints text[])
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.droprasterconstraints(''::name, rasttable, rastcolumn, VARIADIC constraints);
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, text[]) IS
  'args: rasttable, rastcolumn, VARIADIC constraints - Drops the named raster constraints of the column (table found on the search_path).';

CREATE FUNCTION @extschema@.droprasterconstraints(rastschema name, rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT true, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.droprasterconstraints(rastschema, rasttable, rastcolumn, VARIADIC (SELECT pg_catalog.array_agg(v.k ORDER BY v.o) FROM (VALUES (0, 'srid'::text, srid), (1, 'scale_x'::text, scale_x), (2, 'scale_y'::text, scale_y), (3, 'blocksize_x'::text, blocksize_x), (4, 'blocksize_y'::text, blocksize_y), (5, 'same_alignment'::text, same_alignment), (6, 'regular_blocking'::text, regular_blocking), (7, 'num_bands'::text, num_bands), (8, 'pixel_types'::text, pixel_types), (9, 'nodata_values'::text, nodata_values), (10, 'out_db'::text, out_db), (11, 'extent'::text, extent)) v(o, k, f) WHERE v.f));
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rastschema, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Drops the named raster constraints of the column (those flagged true).';

CREATE FUNCTION @extschema@.droprasterconstraints(rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT true, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.droprasterconstraints(''::name, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent);
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Drops the named raster constraints of the column (those flagged true; table found on the search_path).';
-- ---- overviews ----

CREATE FUNCTION @extschema@._add_overview_constraint(ovschema name, ovtable name, ovcolumn name,
    refschema name, reftable name, refcolumn name, factor integer) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_overview_constraint(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor)
$$;
COMMENT ON FUNCTION @extschema@._add_overview_constraint(name, name, name, name, name, name, integer) IS
  'args: ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor - Adds enforce_overview_<ovcolumn>';

CREATE FUNCTION @extschema@._drop_overview_constraint(ovschema name, ovtable name, ovcolumn name)
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', ovschema, ovtable, ovcolumn, 'overview', NULL);
COMMENT ON FUNCTION @extschema@._drop_overview_constraint(name, name, name) IS
  'args: ovschema, ovtable, ovcolumn - Drops enforce_overview_<ovcolumn>';

CREATE FUNCTION @extschema@.addoverviewconstraints(ovschema name, ovtable name, ovcolumn name,
    refschema name, reftable name, refcolumn name, ovfactor integer) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_overview_constraints(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, ovfactor)
$$;
COMMENT ON FUNCTION @extschema@.addoverviewconstraints(name, name, name, name, name, name, integer) IS
  'args: ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, ovfactor - Tag a raster column as being an overview of another.';

CREATE FUNCTION @extschema@.addoverviewconstraints(ovtable name, ovcolumn name, reftable name,
    refcolumn name, ovfactor integer) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addoverviewconstraints(''::name, ovtable, ovcolumn, ''::name, reftable, refcolumn, ovfactor);
COMMENT ON FUNCTION @extschema@.addoverviewconstraints(name, name, name, name, integer) IS
  'args: ovtable, ovcolumn, reftable, refcolumn, ovfactor - Tag a raster column as being an overview of another (tables found on the search_path).';

CREATE FUNCTION @extschema@.dropoverviewconstraints(ovschema name, ovtable name, ovcolumn name)
RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.drop_overview_constraints(ovschema, ovtable, ovcolumn)
$$;
COMMENT ON FUNCTION @extschema@.dropoverviewconstraints(name, name, name) IS
  'args: ovschema, ovtable, ovcolumn - Untag a raster column from being an overview of another.';

CREATE FUNCTION @extschema@.dropoverviewconstraints(ovtable name, ovcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.dropoverviewconstraints(''::name, ovtable, ovcolumn);
COMMENT ON FUNCTION @extschema@.dropoverviewconstraints(name, name) IS
  'args: ovtable, ovcolumn - Untag a raster column from being an overview of another (table found on the search_path).';

-- ---- UpdateRasterSRID ----

CREATE FUNCTION @extschema@._updaterastersrid(schema_name name, table_name name, column_name name,
    new_srid integer) RETURNS boolean
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import catalog
return catalog.update_raster_srid(schema_name, table_name, column_name, new_srid)
$$;
COMMENT ON FUNCTION @extschema@._updaterastersrid(name, name, name, integer) IS
  'args: schema_name, table_name, column_name, new_srid - UpdateRasterSRID''s work';

CREATE FUNCTION @extschema@.updaterastersrid(schema_name name, table_name name, column_name name,
    new_srid integer) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._updaterastersrid(schema_name, table_name, column_name, new_srid);
COMMENT ON FUNCTION @extschema@.updaterastersrid(name, name, name, integer) IS
  'args: schema_name, table_name, column_name, new_srid - Change the SRID of all rasters in the user-specified column and table.';

CREATE FUNCTION @extschema@.updaterastersrid(table_name name, column_name name, new_srid integer)
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._updaterastersrid(''::name, table_name, column_name, new_srid);
COMMENT ON FUNCTION @extschema@.updaterastersrid(name, name, integer) IS
  'args: table_name, column_name, new_srid - Change the SRID of all rasters in the user-specified column and table (found on the search_path).';
-- ---- the catalogs ----

-- The store: one row per raster column of a table, view, materialized view, foreign or
-- partitioned table, keyed by the relation and column number; the names are kept up to
-- date by the event triggers. Only the extension's owner writes it.
CREATE TABLE @extschema@._plraster_raster_columns (
  relid oid NOT NULL,
  attnum smallint NOT NULL,
  nspoid oid NOT NULL,
  r_table_schema name NOT NULL,
  r_table_name name NOT NULL,
  r_raster_column name NOT NULL,
  srid integer,
  scale_x double precision,
  scale_y double precision,
  blocksize_x integer,
  blocksize_y integer,
  same_alignment boolean,
  regular_blocking boolean,
  num_bands integer,
  pixel_types text[] COLLATE "C",
  nodata_values double precision[],
  out_db boolean[],
  extent geometry,
  spatial_index boolean,
  PRIMARY KEY (relid, attnum));
CREATE INDEX ON @extschema@._plraster_raster_columns (nspoid);
COMMENT ON TABLE @extschema@._plraster_raster_columns IS
  'What raster_columns shows, one row per raster column, kept by plraster''s event triggers';

-- One row per raster column of a table and per overview constraint of that table (as
-- PostGIS's view joins them).
CREATE TABLE @extschema@._plraster_raster_overviews (
  relid oid NOT NULL,
  attnum smallint NOT NULL,
  nspoid oid NOT NULL,
  seq integer NOT NULL,
  o_table_schema name NOT NULL,
  o_table_name name NOT NULL,
  o_raster_column name NOT NULL,
  r_table_schema name COLLATE "default",
  r_table_name name COLLATE "default",
  r_raster_column name COLLATE "default",
  overview_factor integer,
  PRIMARY KEY (relid, attnum, seq));
COMMENT ON TABLE @extschema@._plraster_raster_overviews IS
  'What raster_overviews shows, kept by plraster''s event triggers';

CREATE VIEW @extschema@.raster_columns WITH (security_barrier) AS
SELECT current_database() AS r_table_catalog, s.r_table_schema, s.r_table_name,
       s.r_raster_column, s.srid, s.scale_x, s.scale_y, s.blocksize_x, s.blocksize_y,
       s.same_alignment, s.regular_blocking, s.num_bands, s.pixel_types, s.nodata_values,
       s.out_db, s.extent, s.spatial_index
FROM @extschema@._plraster_raster_columns s
WHERE NOT pg_is_other_temp_schema(s.nspoid) AND has_column_privilege(s.relid, s.attnum, 'SELECT');
COMMENT ON VIEW @extschema@.raster_columns IS
  'The raster columns the user may select, with what their constraints enforce (PostGIS''s raster_columns)';
GRANT SELECT ON @extschema@.raster_columns TO PUBLIC;

CREATE VIEW @extschema@.raster_overviews WITH (security_barrier) AS
SELECT current_database() AS o_table_catalog, s.o_table_schema, s.o_table_name,
       s.o_raster_column, current_database() AS r_table_catalog, s.r_table_schema,
       s.r_table_name, s.r_raster_column, s.overview_factor
FROM @extschema@._plraster_raster_overviews s
WHERE NOT pg_is_other_temp_schema(s.nspoid) AND has_column_privilege(s.relid, s.attnum, 'SELECT');
COMMENT ON VIEW @extschema@.raster_overviews IS
  'The overview raster columns the user may select, with the column and factor they are overviews of (PostGIS''s raster_overviews)';
GRANT SELECT ON @extschema@.raster_overviews TO PUBLIC;

-- The overview constraint: the reference column must be in raster_columns.
CREATE FUNCTION @extschema@._overview_constraint(ov @extschema@.raster, factor integer,
    refschema name, reftable name, refcolumn name) RETURNS boolean
LANGUAGE sql STABLE
RETURN COALESCE((SELECT true FROM @extschema@.raster_columns c
                 WHERE c.r_table_catalog = current_database() AND c.r_table_schema = refschema
                   AND c.r_table_name = reftable AND c.r_raster_column = refcolumn), false);
COMMENT ON FUNCTION @extschema@._overview_constraint(@extschema@.raster, integer, name, name, name) IS
  'args: ov, factor, refschema, reftable, refcolumn - True when the reference raster column exists (enforce_overview_<column>)';

-- ---- keeping the store ----

CREATE FUNCTION @extschema@._plraster_catalog_refresh(relids oid[]) RETURNS integer
LANGUAGE plpython3u VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
from plraster.sqlapi import catalog
return catalog.refresh(relids)
$$;
COMMENT ON FUNCTION @extschema@._plraster_catalog_refresh(oid[]) IS
  'args: relids - Recomputes the raster_columns and raster_overviews rows of these relations and their children';
REVOKE ALL ON FUNCTION @extschema@._plraster_catalog_refresh(oid[]) FROM PUBLIC;

CREATE FUNCTION @extschema@.plraster_refresh_catalogs() RETURNS integer
LANGUAGE plpython3u VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
from plraster.sqlapi import catalog
return catalog.refresh_all()
$$;
COMMENT ON FUNCTION @extschema@.plraster_refresh_catalogs() IS
  'Rebuilds raster_columns and raster_overviews from every raster column of the database; returns the number of columns';
REVOKE ALL ON FUNCTION @extschema@.plraster_refresh_catalogs() FROM PUBLIC;

-- After DDL on relations: refresh those with a raster column (or a row in the store); a
-- renamed schema refreshes its rows. Anything else returns after one catalog lookup.
CREATE FUNCTION @extschema@._plraster_catalog_ddl_end() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  relids oid[];
BEGIN
  SELECT array_agg(DISTINCT r.relid) INTO relids
  FROM (SELECT COALESCE(i.indrelid, d.objid) AS relid
        FROM pg_event_trigger_ddl_commands() d
        LEFT JOIN pg_index i ON i.indexrelid = d.objid
        WHERE d.classid = 'pg_class'::regclass
        UNION ALL
        SELECT s.relid
        FROM pg_event_trigger_ddl_commands() d
        JOIN @extschema@._plraster_raster_columns s ON s.nspoid = d.objid
        WHERE d.classid = 'pg_namespace'::regclass) r
  WHERE EXISTS (SELECT FROM pg_attribute a
                WHERE a.attrelid = r.relid AND a.atttypid = '@extschema@.raster'::regtype)
     OR EXISTS (SELECT FROM @extschema@._plraster_raster_columns s WHERE s.relid = r.relid);
  IF relids IS NOT NULL THEN
    PERFORM @extschema@._plraster_catalog_refresh(relids);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@._plraster_catalog_ddl_end() IS
  'Event trigger: refreshes the raster catalogs after DDL on a relation with a raster column';

-- After a drop: relations, columns, constraints, indexes or schemas that the store has rows for.
CREATE FUNCTION @extschema@._plraster_catalog_sql_drop() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  relids oid[];
BEGIN
  SELECT array_agg(DISTINCT r.relid) INTO relids
  FROM (SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.classid = 'pg_class'::regclass AND s.relid = d.objid
        UNION ALL
        SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.classid = 'pg_namespace'::regclass AND s.nspoid = d.objid
        UNION ALL
        SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.object_type = 'table constraint' AND s.r_table_schema = d.address_names[1]
         AND s.r_table_name = d.address_names[2]
        UNION ALL
        SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.object_type = 'index' AND s.r_table_schema = d.schema_name AND s.spatial_index) r;
  IF relids IS NOT NULL THEN
    PERFORM @extschema@._plraster_catalog_refresh(relids);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@._plraster_catalog_sql_drop() IS
  'Event trigger: refreshes the raster catalogs after a drop that touches a raster column''s relation';

CREATE EVENT TRIGGER plraster_catalog_ddl ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE',
               'CREATE VIEW', 'ALTER VIEW', 'CREATE MATERIALIZED VIEW',
               'ALTER MATERIALIZED VIEW', 'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE',
               'IMPORT FOREIGN SCHEMA', 'CREATE INDEX', 'ALTER INDEX', 'CREATE SCHEMA',
               'ALTER SCHEMA')
  EXECUTE FUNCTION @extschema@._plraster_catalog_ddl_end();

CREATE EVENT TRIGGER plraster_catalog_drop ON sql_drop
  EXECUTE FUNCTION @extschema@._plraster_catalog_sql_drop();
