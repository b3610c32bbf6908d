-- The raster type: PostGIS raster WKB in a domain over bytea.
--
-- The check reads only the first three bytes (a slice, so a TOASTed tile is not
-- fetched whole) and leaves the clear error, with its hint, to the library.

CREATE FUNCTION @extschema@._plraster_reject_wkb(wkb bytea) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import types
return types.reject_wkb(wkb)
$$;

CREATE FUNCTION @extschema@._plraster_check_wkb(wkb bytea) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN substring(wkb FROM 1 FOR 3) IN ('\x010000'::bytea, '\x000000'::bytea)
                 AND length(wkb) >= 61
            THEN true
            ELSE @extschema@._plraster_reject_wkb(wkb) END;

CREATE DOMAIN @extschema@.raster AS bytea
  CONSTRAINT raster_wkb CHECK (@extschema@._plraster_check_wkb(VALUE));
COMMENT ON DOMAIN @extschema@.raster IS
  'PostGIS raster WKB (version 0, either byte order); plraster writes little-endian';

CREATE FUNCTION @extschema@.plraster_version() RETURNS text
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import types
return types.version()
$$;
COMMENT ON FUNCTION @extschema@.plraster_version() IS
  'plraster version of the Python package the server runs';
