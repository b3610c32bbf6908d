-- The raster type: PostGIS raster WKB in a domain over a bytea-like base type.
--
-- The domain's check refuses what PostGIS refuses where a raster enters it (its text
-- input, ST_RastFromWKB): the header, then every band whole, with nothing missing. Every
-- value typed raster passes it: casts, text and binary input, COPY both ways, and the
-- results of plraster's functions (tools/sqlgen.py casts them to the domain). So that this
-- costs nothing measurable, a quick test in SQL (inlined into the check: no function
-- call) settles the common values exactly: no bands; or one in-db band of a whole-byte
-- pixel type whose bytes end the value; or one out-db band whose path's NUL ends it. It
-- reads 64 bytes and the length (a slice, so a TOASTed tile is not fetched whole; the
-- out-db path is short). Anything else (several bands, 1BB/2BUI/4BUI pixels to range-check,
-- trailing bytes, errors) goes to the library's full walk, which also writes the error.
-- The SQL functions of the quick test are not STRICT on purpose: PostgreSQL inlines a
-- STRICT SQL function only when its body is strict too, and a CASE is not; called instead
-- of inlined, they cost a millisecond per value (a NULL passes a domain's check anyway).

CREATE FUNCTION @extschema@._plraster_check_wkb_full(wkb bytea) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import types
return types.check_wkb(wkb)
$$;
COMMENT ON FUNCTION @extschema@._plraster_check_wkb_full(bytea) IS
  'args: wkb - True for whole raster WKB (every band walked), else the error saying why.';

CREATE FUNCTION @extschema@._plraster_wkb_u16(head bytea, pos integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.get_byte(head, 0) = 1
            THEN pg_catalog.get_byte(head, pos) + 256 * pg_catalog.get_byte(head, pos + 1)
            ELSE 256 * pg_catalog.get_byte(head, pos) + pg_catalog.get_byte(head, pos + 1) END;
COMMENT ON FUNCTION @extschema@._plraster_wkb_u16(bytea, integer) IS
  'args: head, pos - The unsigned 16-bit integer at pos of a raster header, in its byte order.';

-- The quick test on head (the first 64 bytes), total (the length) and wkb itself (read
-- only for an out-db path). Pixel sizes by type code 0-15; 0 for codes that take the full
-- walk (1BB, 2BUI, 4BUI: their values are checked there; 12-15: unknown).
CREATE FUNCTION @extschema@._plraster_wkb_is_plain(head bytea, total integer, wkb bytea)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN total < 61 OR pg_catalog.substring(head, 1, 3) NOT IN ('\x010000'::bytea, '\x000000'::bytea)
    THEN false
  WHEN @extschema@._plraster_wkb_u16(head, 3) = 0 THEN total = 61
  WHEN @extschema@._plraster_wkb_u16(head, 3) <> 1 OR total < 64 THEN false
  WHEN pg_catalog.get_byte(head, 61) & 128 = 0
    THEN total::bigint = 62 + ('{0,0,0,1,1,2,2,4,4,2,4,8,0,0,0,0}'::integer[])
                                [(pg_catalog.get_byte(head, 61) & 15) + 1]
                              * (1 + @extschema@._plraster_wkb_u16(head, 57)
                                   * @extschema@._plraster_wkb_u16(head, 59))
         AND ('{0,0,0,1,1,2,2,4,4,2,4,8,0,0,0,0}'::integer[])
               [(pg_catalog.get_byte(head, 61) & 15) + 1] > 0
  ELSE ('{0,0,0,1,1,2,2,4,4,2,4,8,0,0,0,0}'::integer[])[(pg_catalog.get_byte(head, 61) & 15) + 1] > 0
       AND total > 63 + ('{0,0,0,1,1,2,2,4,4,2,4,8,0,0,0,0}'::integer[])
                          [(pg_catalog.get_byte(head, 61) & 15) + 1]
       AND total = 63 + ('{0,0,0,1,1,2,2,4,4,2,4,8,0,0,0,0}'::integer[])
                          [(pg_catalog.get_byte(head, 61) & 15) + 1]
                  + pg_catalog.position(pg_catalog.substring(
                      wkb, 64 + ('{0,0,0,1,1,2,2,4,4,2,4,8,0,0,0,0}'::integer[])
                                  [(pg_catalog.get_byte(head, 61) & 15) + 1]), '\x00'::bytea)
END;
COMMENT ON FUNCTION @extschema@._plraster_wkb_is_plain(bytea, integer, bytea) IS
  'args: head, total, wkb - True when raster WKB is whole with no bands, or one band ending the value; false means undecided.';

CREATE FUNCTION @extschema@._plraster_check_wkb(wkb bytea) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN @extschema@._plraster_wkb_is_plain(pg_catalog.substring(wkb, 1, 64),
                                                    pg_catalog.length(wkb), wkb)
            THEN true
            ELSE @extschema@._plraster_check_wkb_full(wkb) END;
COMMENT ON FUNCTION @extschema@._plraster_check_wkb(bytea) IS
  'args: wkb - The raster domain''s check: true for whole raster WKB, else an error (22P03).';

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
