-- plraster 0.1.0 -> 0.2.0: the changes of sql/ since 0.1.0, in the order they were made.
-- tests/test_extension.py checks that an install upgraded by this script equals a fresh one.
\echo Use "ALTER EXTENSION plraster UPDATE TO '0.2.0'" to load this file. \quit

-- codec: the raster domain's check walks every band, so it refuses what PostGIS refuses
-- where a raster enters (a quick test in SQL for the common values, the library's walk
-- for the rest); the 0.1.0 check's error function goes.
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

CREATE OR REPLACE FUNCTION @extschema@._plraster_check_wkb(wkb bytea) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN @extschema@._plraster_wkb_is_plain(pg_catalog.substring(wkb, 1, 64),
                                                    pg_catalog.length(wkb), wkb)
            THEN true
            ELSE @extschema@._plraster_check_wkb_full(wkb) END;
COMMENT ON FUNCTION @extschema@._plraster_check_wkb(bytea) IS
  'args: wkb - The raster domain''s check: true for whole raster WKB, else an error (22P03).';
DROP FUNCTION @extschema@._plraster_reject_wkb(bytea);
