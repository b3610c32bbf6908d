-- Raster constructors: ST_MakeEmptyRaster, ST_AddBand, ST_Band (PostGIS 3.3 signatures).
-- Only one overload of each operation does the work; the others are one-line SQL calls.

CREATE TYPE @extschema@.addbandarg AS (
  index integer,
  pixeltype text,
  initialvalue double precision,
  nodataval double precision
);
COMMENT ON TYPE @extschema@.addbandarg IS
  'One band for ST_AddBand(raster, addbandarg[]): 1-based index (NULL appends), pixel type, initial value, nodata value';

CREATE FUNCTION @extschema@.st_makeemptyraster(width integer, height integer,
    upperleftx double precision, upperlefty double precision,
    scalex double precision, scaley double precision,
    skewx double precision, skewy double precision, srid integer DEFAULT 0)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.make_empty_raster(width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_makeemptyraster(integer, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer) IS
  'Returns a raster without bands of the given size and georeference';

CREATE FUNCTION @extschema@.st_makeemptyraster(width integer, height integer,
    upperleftx double precision, upperlefty double precision, pixelsize double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_makeemptyraster(width, height, upperleftx, upperlefty, pixelsize, -pixelsize, 0, 0, 0);
COMMENT ON FUNCTION @extschema@.st_makeemptyraster(integer, integer, double precision, double precision, double precision) IS
  'Returns a raster without bands with square pixels of the given size, no skew and SRID 0';

CREATE FUNCTION @extschema@.st_makeemptyraster(rast @extschema@.raster)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.make_empty_like(rast)
$$;
COMMENT ON FUNCTION @extschema@.st_makeemptyraster(@extschema@.raster) IS
  'Returns a raster without bands with the size, georeference and SRID of the given raster';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, addbandargset @extschema@.addbandarg[])
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_bands(rast, addbandargset)
$$;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, @extschema@.addbandarg[]) IS
  'Returns the raster with new in-db bands, one per addbandarg, filled with their initial values';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, index integer, pixeltype text,
    initialvalue double precision DEFAULT '0'::numeric, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_addband(rast, ARRAY[ROW(index, pixeltype, initialvalue, nodataval)]::@extschema@.addbandarg[]);
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, integer, text, double precision, double precision) IS
  'Returns the raster with a new in-db band at the given 1-based index';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, pixeltype text,
    initialvalue double precision DEFAULT '0'::numeric, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_addband(rast, ARRAY[ROW(NULL, pixeltype, initialvalue, nodataval)]::@extschema@.addbandarg[]);
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, text, double precision, double precision) IS
  'Returns the raster with a new in-db band appended';

CREATE FUNCTION @extschema@.st_addband(torast @extschema@.raster, fromrast @extschema@.raster,
    fromband integer DEFAULT 1, torastindex integer DEFAULT NULL::integer)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_band_from_raster(torast, fromrast, fromband, torastindex)
$$;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, @extschema@.raster, integer, integer) IS
  'Returns torast with a copy of band fromband of fromrast at index torastindex (appended when NULL)';

CREATE FUNCTION @extschema@.st_addband(torast @extschema@.raster, fromrasts @extschema@.raster[],
    fromband integer DEFAULT 1, torastindex integer DEFAULT NULL::integer)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_bands_from_rasters(torast, fromrasts, fromband, torastindex)
$$;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, @extschema@.raster[], integer, integer) IS
  'Returns torast with a copy of band fromband of each raster of fromrasts, from index torastindex on';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, index integer, outdbfile text,
    outdbindex integer[], nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_outdb_band(rast, index, outdbfile, outdbindex, nodataval)
$$;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, integer, text, integer[], double precision) IS
  'Returns the raster with out-db bands referencing bands of an external file (not supported yet: needs reading the file)';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, outdbfile text, outdbindex integer[],
    index integer DEFAULT NULL::integer, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_addband(rast, index, outdbfile, outdbindex, nodataval);
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, text, integer[], integer, double precision) IS
  'Returns the raster with out-db bands referencing bands of an external file (not supported yet: needs reading the file)';

CREATE FUNCTION @extschema@.st_band(rast @extschema@.raster, nbands integer[] DEFAULT ARRAY[1])
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.select_bands(rast, nbands)
$$;
COMMENT ON FUNCTION @extschema@.st_band(@extschema@.raster, integer[]) IS
  'Returns a raster of the given bands of rast, in the order given';

CREATE FUNCTION @extschema@.st_band(rast @extschema@.raster, nband integer)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_band(rast, ARRAY[nband]);
COMMENT ON FUNCTION @extschema@.st_band(@extschema@.raster, integer) IS
  'Returns a raster of one band of rast';

-- The list is split on the delimiter taken literally (each character escaped), after
-- whitespace is removed, as PostGIS does.
CREATE FUNCTION @extschema@.st_band(rast @extschema@.raster, nbands text, delimiter character DEFAULT ','::bpchar)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_band(rast,
  regexp_split_to_array(regexp_replace(nbands, '[[:space:]]', '', 'g'),
                        E'\\' || array_to_string(string_to_array(delimiter::text, NULL), E'\\'))::integer[]);
COMMENT ON FUNCTION @extschema@.st_band(@extschema@.raster, text, character) IS
  'Returns a raster of the bands listed in a delimited text, such as ''3,1''';
