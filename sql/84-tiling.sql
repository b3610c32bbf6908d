-- Tiling and overviews: ST_Tile, ST_MakeEmptyCoverage, ST_Retile, ST_CreateOverview
-- (PostGIS 3.3 signatures). _ST_Tile does the work of every ST_Tile form, as in PostGIS.

CREATE FUNCTION @extschema@._st_tile(rast @extschema@.raster, width integer, height integer,
    nband integer[] DEFAULT NULL::integer[], padwithnodata boolean DEFAULT false,
    nodataval double precision DEFAULT NULL::double precision)
RETURNS SETOF @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import tiling
return tiling.tile(rast, width, height, nband, padwithnodata, nodataval)
$$;
COMMENT ON FUNCTION @extschema@._st_tile(@extschema@.raster, integer, integer, integer[], boolean, double precision) IS
  'Returns the tiles of a raster (the given bands, NULL for all), left to right then top to bottom; out-db bands stay out-db';

CREATE FUNCTION @extschema@.st_tile(rast @extschema@.raster, nband integer[], width integer, height integer,
    padwithnodata boolean DEFAULT false, nodataval double precision DEFAULT NULL::double precision)
RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._st_tile(rast, width, height, nband, padwithnodata, nodataval);
END;
COMMENT ON FUNCTION @extschema@.st_tile(@extschema@.raster, integer[], integer, integer, boolean, double precision) IS
  'Splits the raster into tiles of width x height pixels holding the listed bands; with padwithnodata, edge tiles are full size and padded with nodata';

CREATE FUNCTION @extschema@.st_tile(rast @extschema@.raster, nband integer, width integer, height integer,
    padwithnodata boolean DEFAULT false, nodataval double precision DEFAULT NULL::double precision)
RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._st_tile(rast, width, height, ARRAY[nband]::integer[], padwithnodata, nodataval);
END;
COMMENT ON FUNCTION @extschema@.st_tile(@extschema@.raster, integer, integer, integer, boolean, double precision) IS
  'Splits one band of the raster into tiles of width x height pixels; with padwithnodata, edge tiles are full size and padded with nodata';

CREATE FUNCTION @extschema@.st_tile(rast @extschema@.raster, width integer, height integer,
    padwithnodata boolean DEFAULT false, nodataval double precision DEFAULT NULL::double precision)
RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._st_tile(rast, width, height, NULL::integer[], padwithnodata, nodataval);
END;
COMMENT ON FUNCTION @extschema@.st_tile(@extschema@.raster, integer, integer, boolean, double precision) IS
  'Splits the raster (all bands) into tiles of width x height pixels; with padwithnodata, edge tiles are full size and padded with nodata';

CREATE FUNCTION @extschema@.st_makeemptycoverage(tilewidth integer, tileheight integer,
    width integer, height integer, upperleftx double precision, upperlefty double precision,
    scalex double precision, scaley double precision, skewx double precision, skewy double precision,
    srid integer DEFAULT 0)
RETURNS SETOF @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import tiling
return tiling.make_empty_coverage(tilewidth, tileheight, width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_makeemptycoverage(integer, integer, integer, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer) IS
  'Returns band-less tiles of tilewidth x tileheight pixels covering a width x height pixel grid with the given georeference';

CREATE FUNCTION @extschema@._plraster_retile(tab regclass, col name,
    xmin double precision, ymin double precision, xmax double precision, ymax double precision,
    sfx double precision, sfy double precision, tw integer, th integer, algo text)
RETURNS SETOF @extschema@.raster
LANGUAGE plpython3u STABLE STRICT ROWS 1000 AS $$
from plraster.sqlapi import tiling
return tiling.retile(tab, col, xmin, ymin, xmax, ymax, sfx, sfy, tw, th, algo)
$$;
COMMENT ON FUNCTION @extschema@._plraster_retile(regclass, name, double precision, double precision, double precision, double precision, double precision, double precision, integer, integer, text) IS
  'Does the work of ST_Retile over an extent given by its bounds';

CREATE FUNCTION @extschema@.st_retile(tab regclass, col name, ext geometry,
    sfx double precision, sfy double precision, tw integer, th integer,
    algo text DEFAULT 'NearestNeighbour'::text)
RETURNS SETOF @extschema@.raster
LANGUAGE sql STABLE STRICT ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._plraster_retile(tab, col, st_xmin(ext), st_ymin(ext), st_xmax(ext), st_ymax(ext),
                                      sfx, sfy, tw, th, algo);
END;
COMMENT ON FUNCTION @extschema@.st_retile(regclass, name, geometry, double precision, double precision, integer, integer, text) IS
  'Returns the tiles of a raster column re-cut on a grid of tw x th tiles of sfx x sfy pixels over ext, resampled as GDAL overviews are (NearestNeighbour, Average, Mode, Min, Max, Bilinear, Cubic, CubicSpline, Lanczos)';

-- PL/pgSQL: it mostly runs DDL and calls the catalog functions of sql/80-catalogs.sql,
-- which PL/pgSQL looks up when it runs, not when this is created.
CREATE FUNCTION @extschema@.st_createoverview(tab regclass, col name, factor integer,
    algo text DEFAULT 'NearestNeighbour'::text)
RETURNS regclass
LANGUAGE plpgsql VOLATILE STRICT AS $$
DECLARE
  info record;
  target pg_catalog.text;
BEGIN
  SELECT r.r_table_schema AS sch, r.r_table_name AS tbl, r.scale_x, r.scale_y,
         r.blocksize_x, r.blocksize_y, r.extent
    INTO info
    FROM @extschema@.raster_columns r
    JOIN pg_catalog.pg_class c ON c.relname OPERATOR(pg_catalog.=) r.r_table_name
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
                                  AND n.nspname OPERATOR(pg_catalog.=) r.r_table_schema
   WHERE c.oid OPERATOR(pg_catalog.=) tab AND r.r_raster_column OPERATOR(pg_catalog.=) col;
  IF NOT FOUND THEN
    RAISE EXCEPTION '%.% raster column does not exist', tab::pg_catalog.text, col;
  END IF;
  IF info.scale_x IS NULL OR info.scale_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without scale constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  IF info.blocksize_x IS NULL OR info.blocksize_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without tilesize constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  IF info.extent IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without extent constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  target := pg_catalog.format('o_%s_%s', factor, info.tbl);
  EXECUTE pg_catalog.format('CREATE TABLE %I.%I AS SELECT @extschema@.st_retile($1, $2, $3, $4, $5, $6, $7, $8) AS %I',
                 info.sch, target, col)
    USING tab, col, info.extent, info.scale_x OPERATOR(pg_catalog.*) factor,
          info.scale_y OPERATOR(pg_catalog.*) factor, info.blocksize_x, info.blocksize_y, algo;
  PERFORM @extschema@.addrasterconstraints(info.sch, target::pg_catalog.name, col);
  PERFORM @extschema@.addoverviewconstraints(info.sch, target::pg_catalog.name, col, info.sch, info.tbl, col, factor);
  RETURN pg_catalog.format('%I.%I', info.sch, target)::pg_catalog.regclass;
END;
$$;
COMMENT ON FUNCTION @extschema@.st_createoverview(regclass, name, integer, text) IS
  'Creates o_<factor>_<table> next to a raster table: its coverage retiled at factor times the scale, with the same tile size, resampled with algo; adds its raster and overview constraints and returns it';
