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

-- ---- ST_Grayscale ----
CREATE FUNCTION @extschema@.st_grayscale(rast @extschema@.raster, redband integer DEFAULT 1,
    greenband integer DEFAULT 2, blueband integer DEFAULT 3, extenttype text DEFAULT 'INTERSECTION')
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import reclass
return reclass.grayscale(rast, redband, greenband, blueband, extenttype)
$$;
COMMENT ON FUNCTION @extschema@.st_grayscale(@extschema@.raster, integer, integer, integer, text) IS
  'args: rast, redband=1, greenband=2, blueband=3, extenttype=INTERSECTION - Creates a new one-8BUI band raster from the source raster and specified bands representing Red, Green and Blue';

CREATE FUNCTION @extschema@._plraster_grayscale(red @extschema@.raster, redband integer,
    green @extschema@.raster, greenband integer, blue @extschema@.raster, blueband integer,
    extenttype text)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import reclass
return reclass.grayscale_of_rasters(red, redband, green, greenband, blue, blueband, extenttype)
$$;
COMMENT ON FUNCTION @extschema@._plraster_grayscale(@extschema@.raster, integer, @extschema@.raster, integer, @extschema@.raster, integer, text) IS
  'Internal: ST_Grayscale of rastbandarg[]: three bands of one raster or of several aligned rasters, on the grid map algebra gives them';

-- The rastbandarg[] form: three bands of one raster or of several aligned rasters (the
-- grid map algebra's extent type gives them).
CREATE FUNCTION @extschema@.st_grayscale(rastbandargset @extschema@.rastbandarg[],
    extenttype text DEFAULT 'INTERSECTION')
RETURNS @extschema@.raster
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  n integer DEFAULT pg_catalog.array_length(rastbandargset, 1);
BEGIN
  IF n IS NULL OR n OPERATOR(pg_catalog.<) 3 THEN
    RAISE EXCEPTION '''rastbandargset'' must have three bands for red, green and blue';
  ELSIF n OPERATOR(pg_catalog.>) 3 THEN
    RAISE WARNING 'Only the first three elements of ''rastbandargset'' will be used';
  END IF;
  RETURN @extschema@._plraster_grayscale(rastbandargset[1].rast, rastbandargset[1].nband,
    rastbandargset[2].rast, rastbandargset[2].nband, rastbandargset[3].rast,
    rastbandargset[3].nband, extenttype);
END
$$;
COMMENT ON FUNCTION @extschema@.st_grayscale(@extschema@.rastbandarg[], text) IS
  'args: rastbandargset, extenttype=INTERSECTION - Creates a new one-8BUI band raster from the source raster and specified bands representing Red, Green and Blue';
