-- The raster type: PostGIS raster WKB in a domain over a bytea-like base type.
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

-- The storage type under the domain: bytea's representation and binary I/O, with a text
-- form of its own (src/plraster_io.c, the only C in plraster, since PostgreSQL requires a
-- type's text I/O in C): PostGIS's upper-case hex WKB out; in, hex WKB in either case, bare
-- as PostGIS writes it or after bytea's \x as plraster 0.1.0 wrote it. It exists because
-- PostgreSQL ignores casts from a domain and looks them up on the domain's base type: over
-- bytea itself, rast::geometry would reach PostGIS's implicit bytea-to-geometry cast, which
-- reads EWKB, and every bytea argument would also be a candidate geometry. Over this type,
-- rast::geometry, rast::box3d and rast::bytea are plraster's casts (see 20-accessors.sql).
-- PL/Python passes only bytea as bytes, so tools/sqlgen.py installs each PL/Python function
-- on rasters as a bytea implementation behind an inlined SQL wrapper.
CREATE TYPE @extschema@.plraster_wkb;

CREATE FUNCTION @extschema@.plraster_wkb_in(cstring) RETURNS @extschema@.plraster_wkb
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE AS '$libdir/plraster_io', 'plraster_wkb_in';
COMMENT ON FUNCTION @extschema@.plraster_wkb_in(cstring) IS
  'text input: hex WKB, bare (PostGIS''s form) or after \x (bytea''s), either case';
CREATE FUNCTION @extschema@.plraster_wkb_out(@extschema@.plraster_wkb) RETURNS cstring
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE AS '$libdir/plraster_io', 'plraster_wkb_out';
COMMENT ON FUNCTION @extschema@.plraster_wkb_out(@extschema@.plraster_wkb) IS
  'text output: upper-case hex WKB, PostGIS''s text form';
CREATE FUNCTION @extschema@.plraster_wkb_recv(internal) RETURNS @extschema@.plraster_wkb
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bytearecv';
COMMENT ON FUNCTION @extschema@.plraster_wkb_recv(internal) IS 'bytea''s binary input';
CREATE FUNCTION @extschema@.plraster_wkb_send(@extschema@.plraster_wkb) RETURNS bytea
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteasend';
COMMENT ON FUNCTION @extschema@.plraster_wkb_send(@extschema@.plraster_wkb) IS 'bytea''s binary output';

CREATE TYPE @extschema@.plraster_wkb (
  INPUT = @extschema@.plraster_wkb_in, OUTPUT = @extschema@.plraster_wkb_out,
  RECEIVE = @extschema@.plraster_wkb_recv, SEND = @extschema@.plraster_wkb_send,
  LIKE = bytea);
COMMENT ON TYPE @extschema@.plraster_wkb IS
  'the bytes of a raster, stored as bytea is; the base type of the raster domain';

-- Both ways implicit and free (the same representation): a raster goes wherever bytea goes
-- (substring, length, encode), and bytea wherever a raster goes, through the domain check.
CREATE CAST (bytea AS @extschema@.plraster_wkb) WITHOUT FUNCTION AS IMPLICIT;
CREATE CAST (@extschema@.plraster_wkb AS bytea) WITHOUT FUNCTION AS IMPLICIT;

CREATE DOMAIN @extschema@.raster AS @extschema@.plraster_wkb
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
