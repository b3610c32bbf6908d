-- Geometry into pixels (plraster.functions.rasterize: GDAL's rasterizer, as PostGIS uses it,
-- on in-memory datasets only): ST_Clip and ST_AsRaster. Forms, argument names, defaults,
-- volatility and strictness are PostGIS 3.3's; one form of each does the work, the others
-- call it, as in PostGIS.

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, nband integer[], geom geometry,
    nodataval double precision[] DEFAULT NULL, crop boolean DEFAULT true)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import clip
return clip.clip(rast, nband, geom, nodataval, crop)
$$;
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, integer[], geometry, double precision[], boolean) IS
  'args: rast, nband, geom, nodataval=NULL, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, nband integer, geom geometry,
    nodataval double precision, crop boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, ARRAY[$2]::integer[], $3, ARRAY[$4]::double precision[], $5);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, integer, geometry, double precision, boolean) IS
  'args: rast, nband, geom, nodataval, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, nband integer, geom geometry,
    crop boolean) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, ARRAY[$2]::integer[], $3, NULL::double precision[], $4);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, integer, geometry, boolean) IS
  'args: rast, nband, geom, crop - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, geom geometry,
    nodataval double precision[] DEFAULT NULL, crop boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, NULL::integer[], $2, $3, $4);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, geometry, double precision[], boolean) IS
  'args: rast, geom, nodataval=NULL, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, geom geometry,
    nodataval double precision, crop boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, NULL::integer[], $2, ARRAY[$3]::double precision[], $4);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, geometry, double precision, boolean) IS
  'args: rast, geom, nodataval, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, geom geometry, crop boolean)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, NULL::integer[], $2, NULL::double precision[], $3);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, geometry, boolean) IS
  'args: rast, geom, crop - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';
