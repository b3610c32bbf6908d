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

CREATE FUNCTION @extschema@._st_asraster(geom geometry, scalex double precision DEFAULT 0,
    scaley double precision DEFAULT 0, width integer DEFAULT 0, height integer DEFAULT 0,
    pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision],
    nodataval double precision[] DEFAULT ARRAY[(0)::double precision],
    upperleftx double precision DEFAULT NULL, upperlefty double precision DEFAULT NULL,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import clip
return clip.as_raster(geom, scalex, scaley, width, height, pixeltype, value, nodataval,
                      upperleftx, upperlefty, gridx, gridy, skewx, skewy, touched)
$$;
COMMENT ON FUNCTION @extschema@._st_asraster(geometry, double precision, double precision, integer, integer, text[], double precision[], double precision[], double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, width, height, pixeltype, value, nodataval, upperleftx, upperlefty, gridx, gridy, skewx, skewy, touched - The form of ST_AsRaster every other form calls.';

CREATE FUNCTION @extschema@._plraster_asraster_transform_notice(geom geometry, geomsrid integer,
    rastsrid integer) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RAISE NOTICE 'The geometry''s SRID (%) is not the same as the raster''s SRID (%).  The geometry will be transformed to the raster''s projection', geomsrid, rastsrid;
  RETURN geom;
END;
$$;
COMMENT ON FUNCTION @extschema@._plraster_asraster_transform_notice(geometry, integer, integer) IS
  'args: geom, geomsrid, rastsrid - PostGIS''s NOTICE of ST_AsRaster(geom, ref) when the SRIDs differ; returns geom.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, ref @extschema@.raster,
    pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision],
    nodataval double precision[] DEFAULT ARRAY[(0)::double precision], touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_asraster(
           CASE WHEN ST_SRID(geom) = m.srid THEN geom
                ELSE ST_Transform(@extschema@._plraster_asraster_transform_notice(geom, ST_SRID(geom), m.srid), m.srid) END,
           m.scalex, m.scaley, NULL, NULL, pixeltype, value, nodataval, NULL, NULL,
           m.upperleftx, m.upperlefty, m.skewx, m.skewy, touched)
    FROM @extschema@.st_metadata(ref) AS m;
END;
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, @extschema@.raster, text[], double precision[], double precision[], boolean) IS
  'args: geom, ref, pixeltype=ARRAY[''8BUI''], value=ARRAY[1], nodataval=ARRAY[0], touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, ref @extschema@.raster, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_asraster($1, $2, ARRAY[$3]::text[], ARRAY[$4]::double precision[], ARRAY[$5]::double precision[], $6);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, @extschema@.raster, text, double precision, double precision, boolean) IS
  'args: geom, ref, pixeltype, value=1, nodataval=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, gridx double precision DEFAULT NULL::double precision, gridy double precision DEFAULT NULL::double precision, pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, $6, $7, $8, NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, double precision, double precision, text[], double precision[], double precision[], double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, gridx=NULL, gridy=NULL, pixeltype=ARRAY[''8BUI''], value=ARRAY[1], nodataval=ARRAY[0], skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, gridx double precision, gridy double precision, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, ARRAY[$6]::text[], ARRAY[$7]::double precision[], ARRAY[$8]::double precision[], NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, double precision, double precision, text, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, gridx, gridy, pixeltype, value=1, nodataval=0, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, ARRAY[$4]::text[], ARRAY[$5]::double precision[], ARRAY[$6]::double precision[], $7, $8, NULL, NULL, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, text, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, pixeltype, value=1, nodataval=0, upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, pixeltype text[], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, $4, $5, $6, $7, $8, NULL, NULL,	$9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, text[], double precision[], double precision[], double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, pixeltype, value=ARRAY[1], nodataval=ARRAY[0], upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, gridx double precision DEFAULT NULL::double precision, gridy double precision DEFAULT NULL::double precision, pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, $6, $7, $8, NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, double precision, double precision, text[], double precision[], double precision[], double precision, double precision, boolean) IS
  'args: geom, width, height, gridx=NULL, gridy=NULL, pixeltype=ARRAY[''8BUI''], value=ARRAY[1], nodataval=ARRAY[0], skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, gridx double precision, gridy double precision, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, ARRAY[$6]::text[], ARRAY[$7]::double precision[], ARRAY[$8]::double precision[], NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, double precision, double precision, text, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, width, height, gridx, gridy, pixeltype, value=1, nodataval=0, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, ARRAY[$4]::text[], ARRAY[$5]::double precision[], ARRAY[$6]::double precision[], $7, $8, NULL, NULL,$9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, text, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, width, height, pixeltype, value=1, nodataval=0, upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, pixeltype text[], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, $4, $5, $6, $7, $8, NULL, NULL,	$9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, text[], double precision[], double precision[], double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, width, height, pixeltype, value=ARRAY[1], nodataval=ARRAY[0], upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';
