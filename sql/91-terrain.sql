-- Terrain analysis: ST_Slope, ST_Aspect, ST_HillShade, ST_TPI, ST_TRI, ST_Roughness.
-- Signatures, defaults, volatility and strictness are PostGIS 3.3's: a customextent form
-- that does the work (vectorised, plraster.functions.terrain) and a form without it that
-- calls the first with a NULL custom extent, as PostGIS's do. Neither is STRICT.

-- ST_Slope --------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_slope(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.slope(rast, nband, customextent, pixeltype, units, scale, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@.st_slope(@extschema@.raster, integer, @extschema@.raster, text, text, double precision, boolean) IS
  'Slope of an elevation band (degrees, or percent with units PERCENT), Horn''s method on a 3x3 neighbourhood, on the grid of customextent';

CREATE FUNCTION @extschema@.st_slope(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_slope(rast, nband, NULL::@extschema@.raster, pixeltype, units, scale, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_slope(@extschema@.raster, integer, text, text, double precision, boolean) IS
  'Slope of an elevation band (degrees, or percent with units PERCENT), Horn''s method on a 3x3 neighbourhood';

-- ST_Aspect -------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_aspect(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.aspect(rast, nband, customextent, pixeltype, units, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@.st_aspect(@extschema@.raster, integer, @extschema@.raster, text, text, boolean) IS
  'Aspect of an elevation band in degrees clockwise from north (-1 where flat), on the grid of customextent';

CREATE FUNCTION @extschema@.st_aspect(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_aspect(rast, nband, NULL::@extschema@.raster, pixeltype, units, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_aspect(@extschema@.raster, integer, text, text, boolean) IS
  'Aspect of an elevation band in degrees clockwise from north (-1 where flat)';

-- ST_HillShade ----------------------------------------------------------------

CREATE FUNCTION @extschema@.st_hillshade(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, azimuth double precision DEFAULT 315.0, altitude double precision DEFAULT 45.0, max_bright double precision DEFAULT 255.0, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.hillshade(rast, nband, customextent, pixeltype, azimuth, altitude, max_bright, scale, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@.st_hillshade(@extschema@.raster, integer, @extschema@.raster, text, double precision, double precision, double precision, double precision, boolean) IS
  'Hypothetical illumination of an elevation band for a sun at azimuth and altitude, on the grid of customextent';

CREATE FUNCTION @extschema@.st_hillshade(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, azimuth double precision DEFAULT 315.0, altitude double precision DEFAULT 45.0, max_bright double precision DEFAULT 255.0, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_hillshade(rast, nband, NULL::@extschema@.raster, pixeltype, azimuth, altitude, max_bright, scale, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_hillshade(@extschema@.raster, integer, text, double precision, double precision, double precision, double precision, boolean) IS
  'Hypothetical illumination of an elevation band for a sun at azimuth and altitude';

-- ST_TPI ----------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_tpi(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.tpi(rast, nband, customextent, pixeltype, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@.st_tpi(@extschema@.raster, integer, @extschema@.raster, text, boolean) IS
  'Topographic Position Index of an elevation band: each pixel less the mean of its 8 neighbours, on the grid of customextent';

CREATE FUNCTION @extschema@.st_tpi(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_tpi(rast, nband, NULL::@extschema@.raster, pixeltype, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_tpi(@extschema@.raster, integer, text, boolean) IS
  'Topographic Position Index of an elevation band: each pixel less the mean of its 8 neighbours';

-- ST_TRI ----------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_tri(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.tri(rast, nband, customextent, pixeltype, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@.st_tri(@extschema@.raster, integer, @extschema@.raster, text, boolean) IS
  'Terrain Ruggedness Index of an elevation band: mean absolute difference to the 8 neighbours, on the grid of customextent';

CREATE FUNCTION @extschema@.st_tri(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_tri(rast, nband, NULL::@extschema@.raster, pixeltype, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_tri(@extschema@.raster, integer, text, boolean) IS
  'Terrain Ruggedness Index of an elevation band: mean absolute difference to the 8 neighbours';

-- ST_Roughness ----------------------------------------------------------------

CREATE FUNCTION @extschema@.st_roughness(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.roughness(rast, nband, customextent, pixeltype, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@.st_roughness(@extschema@.raster, integer, @extschema@.raster, text, boolean) IS
  'Roughness of an elevation band: largest less smallest value of each 3x3 neighbourhood, on the grid of customextent';

CREATE FUNCTION @extschema@.st_roughness(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_roughness(rast, nband, NULL::@extschema@.raster, pixeltype, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_roughness(@extschema@.raster, integer, text, boolean) IS
  'Roughness of an elevation band: largest less smallest value of each 3x3 neighbourhood';
