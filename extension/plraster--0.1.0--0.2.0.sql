-- plraster 0.1.0 -> 0.2.0: the changes of sql/ since 0.1.0, in the order they were made.
-- tests/test_extension.py checks that an install upgraded by this script equals a fresh one.
\echo Use "ALTER EXTENSION plraster UPDATE TO '0.2.0'" to load this file. \quit

-- textio: the raster type's text I/O in C (src/plraster_io.c): PostGIS's upper-case hex WKB
-- out; hex WKB in, bare or after bytea's \x. The stored bytes and the binary I/O are unchanged.
CREATE OR REPLACE FUNCTION @extschema@.plraster_wkb_in(cstring) RETURNS @extschema@.plraster_wkb
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE AS '$libdir/plraster_io', 'plraster_wkb_in';
COMMENT ON FUNCTION @extschema@.plraster_wkb_in(cstring) IS
  'text input: hex WKB, bare (PostGIS''s form) or after \x (bytea''s), either case';
CREATE OR REPLACE FUNCTION @extschema@.plraster_wkb_out(@extschema@.plraster_wkb) RETURNS cstring
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE AS '$libdir/plraster_io', 'plraster_wkb_out';
COMMENT ON FUNCTION @extschema@.plraster_wkb_out(@extschema@.plraster_wkb) IS
  'text output: upper-case hex WKB, PostGIS''s text form';

-- migrate: CREATE EXTENSION postgis_raster in plraster's schema is refused with a hint
-- (sql/00-preflight.sql; its other check runs only at CREATE EXTENSION plraster).
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
