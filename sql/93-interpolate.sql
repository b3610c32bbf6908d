-- ST_InterpolateRaster (functions/interpolate.py): GDAL's gridding of a geometry's Z values
-- onto a template raster's grid, in memory. PostGIS 3.3's signature.

CREATE FUNCTION @extschema@._plraster_interpolateraster(geom bytea, options text,
    rast @extschema@.raster, bandnumber integer)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import interpolate
return interpolate.interpolate_raster(geom, options, rast, bandnumber)
$$;
COMMENT ON FUNCTION @extschema@._plraster_interpolateraster(bytea, text, @extschema@.raster, integer) IS
  'The worker of ST_InterpolateRaster: the geometry as ISO WKB';

CREATE FUNCTION @extschema@.st_interpolateraster(geom geometry, options text,
    rast @extschema@.raster, bandnumber integer DEFAULT 1)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_interpolateraster(st_asbinary(geom), options, rast, bandnumber);
COMMENT ON FUNCTION @extschema@.st_interpolateraster(geometry, text, @extschema@.raster, integer) IS
  'args: input_points, algorithm_options, template, template_band_num=1 - Interpolates a gridded surface based on an input set of 3-d points, using the X- and Y-values to position the points on the grid and the Z-value of the points as the surface elevation.';
