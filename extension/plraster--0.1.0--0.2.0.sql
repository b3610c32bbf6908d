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
