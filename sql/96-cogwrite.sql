-- Writing a coverage as one Cloud Optimized GeoTIFF (functions/cogwrite.py).
--
-- Closed by default: EXECUTE is not granted to PUBLIC, and the target must lie under a
-- source a superuser opened for writing (plraster_add_source with PLRASTER_WRITABLE).

CREATE FUNCTION @extschema@.plraster_write_cog(query text, target text,
    options jsonb DEFAULT '{}'::jsonb)
RETURNS jsonb
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import cogwrite
return cogwrite.write_cog(query, target, options)
$$;
REVOKE ALL ON FUNCTION @extschema@.plraster_write_cog(text, text, jsonb) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.plraster_write_cog(text, text, jsonb) IS
  'args: query, target, options - Writes the rasters of query (one raster column, tiles of one grid) as one Cloud Optimized GeoTIFF with internal overviews at target (a local path under a source opened for writing); options are GDAL COG creation options, and register names a table to register the COG into with plraster_register_cog. Returns a summary.';
