-- plraster and PostGIS's postgis_raster both define the type raster and the ST_ functions on
-- it, so they cannot share a schema, and postgis_raster must live in postgis's schema. The
-- two ways a user meets the clash get a message that names it and a hint, instead of
-- PostgreSQL's bare "type "raster" already exists".

-- CREATE EXTENSION plraster where postgis_raster is: stop before the first object.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_extension
             WHERE extname = 'postgis_raster' AND extnamespace = '@extschema@'::regnamespace) THEN
    RAISE EXCEPTION 'postgis_raster is installed in schema %',
                    (SELECT pg_catalog.quote_ident(nspname) FROM pg_catalog.pg_namespace
                     WHERE oid = '@extschema@'::regnamespace)
      USING ERRCODE = 'duplicate_object',
            DETAIL = 'plraster and postgis_raster both define the type raster and the ST_ '
                     'functions on it, so they cannot share a schema.',
            HINT = 'Create plraster in another schema: CREATE SCHEMA plraster; '
                   'CREATE EXTENSION plraster SCHEMA plraster CASCADE;';
  END IF;
END
$$;

-- CREATE EXTENSION postgis_raster where plraster is (postgis_raster must go where postgis
-- is, and plraster's install recipe puts plraster there): refused before it starts, with
-- the two ways out. Restoring a PostGIS dump by hand meets this at the dump's
-- CREATE EXTENSION postgis_raster; the rest of the dump then restores into plraster.
CREATE FUNCTION @extschema@._plraster_extension_clash() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_query() !~* '\mcreate\s+extension\s+(if\s+not\s+exists\s+)?"?postgis_raster\M'
     OR EXISTS (SELECT FROM pg_extension WHERE extname = 'postgis_raster')
     OR NOT EXISTS (SELECT FROM pg_extension p JOIN pg_extension g ON g.extnamespace = p.extnamespace
                    WHERE p.extname = 'plraster' AND g.extname = 'postgis') THEN
    RETURN;
  END IF;
  RAISE EXCEPTION 'plraster is installed in schema %, where postgis_raster would go',
                  (SELECT quote_ident(n.nspname) FROM pg_extension e
                   JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'plraster')
    USING ERRCODE = 'duplicate_object',
          DETAIL = 'plraster and postgis_raster both define the type raster and the ST_ functions '
                   'on it, and postgis_raster must be in the schema of postgis.',
          HINT = 'To restore a PostGIS dump into plraster, use plraster-migrate, which leaves '
                 'postgis_raster out. To have both, create plraster in another schema: '
                 'DROP EXTENSION plraster; CREATE SCHEMA plraster; CREATE EXTENSION plraster SCHEMA plraster;';
END
$$;
COMMENT ON FUNCTION @extschema@._plraster_extension_clash() IS
  'Event trigger: refuses CREATE EXTENSION postgis_raster in plraster''s schema, with a hint';

CREATE EVENT TRIGGER plraster_extension_clash ON ddl_command_start
  WHEN TAG IN ('CREATE EXTENSION')
  EXECUTE FUNCTION @extschema@._plraster_extension_clash();
