-- PostGIS raster's version functions, answered for plraster.
--
-- plraster reproduces the raster of the PostGIS it is installed with, so the raster build
-- date and scripts version are that PostGIS's (postgis_full_version() then reports no
-- mismatch); plraster's own version is plraster_version(). The GDAL is the one plraster
-- uses in the server (Debian's python3-gdal). Not provided: postgis_raster_lib_version
-- (PostGIS's raster install script refuses to run when a function of that name exists in
-- any schema, so it would keep postgis_raster from being installed beside plraster) and
-- postgis_noop(raster) (a PostGIS test function declared to return geometry).

CREATE FUNCTION @extschema@.postgis_gdal_version() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.plraster_gdal_version();
COMMENT ON FUNCTION @extschema@.postgis_gdal_version() IS
  'Reports the version of the GDAL library plraster uses in the server.';

CREATE FUNCTION @extschema@.postgis_raster_lib_build_date() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN postgis_lib_build_date();
COMMENT ON FUNCTION @extschema@.postgis_raster_lib_build_date() IS
  'Reports the build date of the PostGIS library plraster is installed with.';

-- postgis_scripts_released(), not postgis_scripts_installed(): the latter is a SQL function
-- whose body a role with CREATE on an earlier search_path schema could divert (trim).
CREATE FUNCTION @extschema@.postgis_raster_scripts_installed() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN postgis_scripts_released();
COMMENT ON FUNCTION @extschema@.postgis_raster_scripts_installed() IS
  'Reports the PostGIS release whose raster scripts plraster''s reproduce (raster functions are plraster''s).';
