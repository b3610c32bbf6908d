-- Reclassification and colour: ST_Reclass (range expressions, functions/reclassexpr.py and
-- functions/reclass.py). Signatures, defaults, volatility and strictness are PostGIS 3.3's.

-- ---- ST_Reclass ----
CREATE FUNCTION @extschema@._st_reclass(rast @extschema@.raster,
    VARIADIC reclassargset @extschema@.reclassarg[])
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import reclass
return reclass.reclass(rast, reclassargset)
$$;
COMMENT ON FUNCTION @extschema@._st_reclass(@extschema@.raster, @extschema@.reclassarg[]) IS
  'args: rast, VARIADIC reclassargset - ST_Reclass''s work: each reclassarg applied in turn, with no check of NULL fields';

CREATE FUNCTION @extschema@.st_reclass(rast @extschema@.raster,
    VARIADIC reclassargset @extschema@.reclassarg[])
RETURNS @extschema@.raster
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  arg @extschema@.reclassarg;
BEGIN
  FOREACH arg IN ARRAY reclassargset LOOP
    IF arg.nband IS NULL OR arg.reclassexpr IS NULL OR arg.pixeltype IS NULL THEN
      RAISE WARNING 'Values are required for the nband, reclassexpr and pixeltype attributes.';
      RETURN rast;
    END IF;
  END LOOP;
  RETURN @extschema@._st_reclass(rast, VARIADIC reclassargset);
END
$$;
COMMENT ON FUNCTION @extschema@.st_reclass(@extschema@.raster, @extschema@.reclassarg[]) IS
  'args: rast, VARIADIC reclassargset - Creates a new raster composed of band types reclassified from original. The nband is the band to be changed. If nband is not specified assumed to be 1. All other bands are returned unchanged. Use case: convert a 16BUI band to a 8BUI and so forth for simpler rendering as viewable formats.';

CREATE FUNCTION @extschema@.st_reclass(rast @extschema@.raster, nband integer, reclassexpr text,
    pixeltype text, nodataval double precision DEFAULT NULL)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_reclass(rast, VARIADIC ARRAY[ROW(nband, reclassexpr, pixeltype, nodataval)::@extschema@.reclassarg]);
COMMENT ON FUNCTION @extschema@.st_reclass(@extschema@.raster, integer, text, text, double precision) IS
  'args: rast, nband, reclassexpr, pixeltype, nodataval=NULL - Creates a new raster composed of band types reclassified from original. The nband is the band to be changed. If nband is not specified assumed to be 1. All other bands are returned unchanged. Use case: convert a 16BUI band to a 8BUI and so forth for simpler rendering as viewable formats.';

CREATE FUNCTION @extschema@.st_reclass(rast @extschema@.raster, reclassexpr text, pixeltype text)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_reclass(rast, VARIADIC ARRAY[ROW(1, reclassexpr, pixeltype, NULL)::@extschema@.reclassarg]);
COMMENT ON FUNCTION @extschema@.st_reclass(@extschema@.raster, text, text) IS
  'args: rast, reclassexpr, pixeltype - Creates a new raster composed of band types reclassified from original. The nband is the band to be changed. If nband is not specified assumed to be 1. All other bands are returned unchanged. Use case: convert a 16BUI band to a 8BUI and so forth for simpler rendering as viewable formats.';
