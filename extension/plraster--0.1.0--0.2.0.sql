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
-- sqlharden: bodies parsed at run time name every function, operator and type with its
-- schema, so that a caller's search_path (public before pg_catalog, or pg_temp) cannot
-- hijack them (issue 9, finding 5; checked by tools/sqlaudit.py at build time).

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_u64(header bytea, pos integer) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF pg_catalog.get_byte(header, 0) OPERATOR(pg_catalog.=) 1 THEN  -- little-endian (NDR)
    RETURN pg_catalog.get_byte(header, pos)::bigint
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1)::bigint OPERATOR(pg_catalog.<<) 8)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 2)::bigint OPERATOR(pg_catalog.<<) 16)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 3)::bigint OPERATOR(pg_catalog.<<) 24)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 4)::bigint OPERATOR(pg_catalog.<<) 32)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 5)::bigint OPERATOR(pg_catalog.<<) 40)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 6)::bigint OPERATOR(pg_catalog.<<) 48)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 7)::bigint OPERATOR(pg_catalog.<<) 56);
  END IF;
  RETURN ('x' OPERATOR(pg_catalog.||) pg_catalog.encode(pg_catalog.substring(header, pos OPERATOR(pg_catalog.+) 1, 8), 'hex'))::bit(64)::bigint;
END $$;

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_u16(header bytea, pos integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF pg_catalog.get_byte(header, 0) OPERATOR(pg_catalog.=) 1 THEN
    RETURN pg_catalog.get_byte(header, pos)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1) OPERATOR(pg_catalog.<<) 8);
  END IF;
  RETURN (pg_catalog.get_byte(header, pos) OPERATOR(pg_catalog.<<) 8)
    OPERATOR(pg_catalog.|) pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1);
END $$;

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_srid(header bytea) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  srid integer;
BEGIN
  IF pg_catalog.get_byte(header, 0) OPERATOR(pg_catalog.=) 1 THEN
    srid := pg_catalog.get_byte(header, 53)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 54) OPERATOR(pg_catalog.<<) 8)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 55) OPERATOR(pg_catalog.<<) 16)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 56) OPERATOR(pg_catalog.<<) 24);
  ELSE
    srid := (pg_catalog.get_byte(header, 53) OPERATOR(pg_catalog.<<) 24)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 54) OPERATOR(pg_catalog.<<) 16)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 55) OPERATOR(pg_catalog.<<) 8)
      OPERATOR(pg_catalog.|) pg_catalog.get_byte(header, 56);
  END IF;
  IF srid OPERATOR(pg_catalog.<=) 0 THEN
    RETURN 0;
  ELSIF srid OPERATOR(pg_catalog.>) 999999 THEN
    RETURN 999000 OPERATOR(pg_catalog.+) (srid OPERATOR(pg_catalog.%) 999);
  END IF;
  RETURN srid;
END $$;

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_f64(header bytea, pos integer)
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  bits bigint := @extschema@._plraster_header_u64(header, pos);
  e integer := ((bits OPERATOR(pg_catalog.>>) 52) OPERATOR(pg_catalog.&) 2047)::integer;
  m bigint := bits OPERATOR(pg_catalog.&) 4503599627370495;
  v double precision;
BEGIN
  IF e OPERATOR(pg_catalog.=) 2047 THEN
    IF m OPERATOR(pg_catalog.<>) 0 THEN RETURN 'NaN'; END IF;
    v := 'Infinity';
  ELSIF e OPERATOR(pg_catalog.=) 0 THEN
    v := m::double precision OPERATOR(pg_catalog.*) 4.9406564584124654e-324::double precision;
  ELSE
    v := (m OPERATOR(pg_catalog.+) 4503599627370496)::double precision
      OPERATOR(pg_catalog.*) (2::double precision OPERATOR(pg_catalog.^) (e OPERATOR(pg_catalog.-) 1075)::double precision);
  END IF;
  IF bits OPERATOR(pg_catalog.<) 0 THEN RETURN OPERATOR(pg_catalog.-) v; END IF;
  RETURN v;
END $$;

CREATE OR REPLACE FUNCTION @extschema@.st_createoverview(tab regclass, col name, factor integer,
    algo text DEFAULT 'NearestNeighbour'::text)
RETURNS regclass
LANGUAGE plpgsql VOLATILE STRICT AS $$
DECLARE
  info record;
  target pg_catalog.text;
BEGIN
  SELECT r.r_table_schema AS sch, r.r_table_name AS tbl, r.scale_x, r.scale_y,
         r.blocksize_x, r.blocksize_y, r.extent
    INTO info
    FROM @extschema@.raster_columns r
    JOIN pg_catalog.pg_class c ON c.relname OPERATOR(pg_catalog.=) r.r_table_name
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
                                  AND n.nspname OPERATOR(pg_catalog.=) r.r_table_schema
   WHERE c.oid OPERATOR(pg_catalog.=) tab AND r.r_raster_column OPERATOR(pg_catalog.=) col;
  IF NOT FOUND THEN
    RAISE EXCEPTION '%.% raster column does not exist', tab::pg_catalog.text, col;
  END IF;
  IF info.scale_x IS NULL OR info.scale_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without scale constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  IF info.blocksize_x IS NULL OR info.blocksize_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without tilesize constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  IF info.extent IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without extent constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  target := pg_catalog.format('o_%s_%s', factor, info.tbl);
  EXECUTE pg_catalog.format('CREATE TABLE %I.%I AS SELECT @extschema@.st_retile($1, $2, $3, $4, $5, $6, $7, $8) AS %I',
                 info.sch, target, col)
    USING tab, col, info.extent, info.scale_x OPERATOR(pg_catalog.*) factor,
          info.scale_y OPERATOR(pg_catalog.*) factor, info.blocksize_x, info.blocksize_y, algo;
  PERFORM @extschema@.addrasterconstraints(info.sch, target::pg_catalog.name, col);
  PERFORM @extschema@.addoverviewconstraints(info.sch, target::pg_catalog.name, col, info.sch, info.tbl, col, factor);
  RETURN pg_catalog.format('%I.%I', info.sch, target)::pg_catalog.regclass;
END;
$$;

-- sqlharden: no function or operator may take the name of one of plraster's in its schema
-- (an event trigger, and a check of what is there already); the library reads the out-db
-- sources through a view (issue 9, finding 7). Same as sql/95-schema-guard.sql.
-- name of one of plraster's there.
--
-- A role with CREATE on plraster's schema (public, by default) could otherwise add an
-- overload such as `_plraster_source_rows(x int DEFAULT 0)` or
-- `st_value(raster, int, int, int, boolean DEFAULT true, z int DEFAULT 0)`: every call by
-- name would then fail for every session with 42725 (function is not unique), or, with a
-- better-matching signature, run that role's code. Calls inside SQL-standard bodies
-- (RETURN, BEGIN ATOMIC) are bound when the extension is created and cannot be diverted,
-- but calls made by name at run time (from PL/Python, PL/pgSQL and users' queries) can.
-- So the event trigger below refuses, with 42501, any new function, aggregate, procedure
-- or operator in plraster's schema whose name is one of plraster's, unless it belongs to
-- an extension (plraster's own update scripts, or another extension in the same schema);
-- the install script refuses a schema that already holds such an object; and the library
-- reads the out-db sources through a view, which names no function at run time.

CREATE FUNCTION @extschema@._plraster_name_clashes(objects oid[]) RETURNS pg_catalog.text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  WITH objs AS NOT MATERIALIZED (
    SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid, p.proname AS name,
           p.pronamespace AS nsp
    FROM pg_catalog.pg_proc p
    UNION ALL
    SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, o.oprname, o.oprnamespace
    FROM pg_catalog.pg_operator o),
  members AS NOT MATERIALIZED (
    SELECT e.classid, e.objid, x.extname
    FROM pg_catalog.pg_depend e JOIN pg_catalog.pg_extension x ON x.oid OPERATOR(pg_catalog.=) e.refobjid
    WHERE e.deptype OPERATOR(pg_catalog.=) 'e')
  SELECT pg_catalog.string_agg(CASE WHEN c.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                                    THEN 'function ' OPERATOR(pg_catalog.||) c.oid::pg_catalog.regprocedure::pg_catalog.text
                                    ELSE 'operator ' OPERATOR(pg_catalog.||) c.oid::pg_catalog.regoperator::pg_catalog.text END,
                               ', ' ORDER BY c.oid)
  FROM objs c
  WHERE c.oid OPERATOR(pg_catalog.=) ANY (objects)
    AND c.nsp OPERATOR(pg_catalog.=) (SELECT x.extnamespace FROM pg_catalog.pg_extension x
                                      WHERE x.extname OPERATOR(pg_catalog.=) 'plraster')
    AND NOT EXISTS (SELECT FROM members m
                    WHERE m.classid OPERATOR(pg_catalog.=) c.classid AND m.objid OPERATOR(pg_catalog.=) c.oid)
    AND EXISTS (SELECT FROM objs q
                JOIN members m ON m.classid OPERATOR(pg_catalog.=) q.classid AND m.objid OPERATOR(pg_catalog.=) q.oid
                WHERE m.extname OPERATOR(pg_catalog.=) 'plraster' AND q.classid OPERATOR(pg_catalog.=) c.classid
                  AND q.name OPERATOR(pg_catalog.=) c.name AND q.nsp OPERATOR(pg_catalog.=) c.nsp);
END;
COMMENT ON FUNCTION @extschema@._plraster_name_clashes(oid[]) IS
  'args: objects - The functions and operators among objects that take the name of one of plraster''s in its schema without belonging to an extension, as text (NULL for none)';

CREATE FUNCTION @extschema@._plraster_schema_guard() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  clashes text;
BEGIN
  -- Only what a statement outside an extension script made in plraster's schema.
  SELECT @extschema@._plraster_name_clashes(array_agg(d.objid)) INTO clashes
  FROM pg_event_trigger_ddl_commands() d
  WHERE d.classid IN ('pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_operator'::regclass)
    AND NOT d.in_extension
    AND d.schema_name = (SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
                         WHERE x.extname = 'plraster');
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'cannot create % in schema %: plraster has objects of that name there',
                    clashes, (SELECT x.extnamespace::regnamespace FROM pg_extension x WHERE x.extname = 'plraster')
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = 'Another function or operator with the name of one of plraster''s in its schema '
                     'can make every call of plraster''s by that name ambiguous, or capture it.',
            HINT = 'Create it in another schema. CREATE on plraster''s schema should not be granted to untrusted roles.';
  END IF;
END
$$;
-- SECURITY DEFINER: the role running the DDL may have no USAGE on plraster's schema.
COMMENT ON FUNCTION @extschema@._plraster_schema_guard() IS
  'Event trigger: refuses functions and operators that take the name of one of plraster''s in its schema';

CREATE EVENT TRIGGER plraster_schema_guard ON ddl_command_end
  WHEN TAG IN ('CREATE FUNCTION', 'ALTER FUNCTION', 'CREATE PROCEDURE', 'ALTER PROCEDURE',
               'ALTER ROUTINE', 'CREATE AGGREGATE', 'ALTER AGGREGATE', 'CREATE OPERATOR',
               'ALTER OPERATOR')
  EXECUTE FUNCTION @extschema@._plraster_schema_guard();

-- What was already there when the extension was created is refused the same way.
DO $$
DECLARE
  clashes text := @extschema@._plraster_name_clashes(ARRAY(
    SELECT p.oid FROM pg_catalog.pg_proc p
    WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT x.extnamespace FROM pg_catalog.pg_extension x WHERE x.extname OPERATOR(pg_catalog.=) 'plraster')
    UNION ALL
    SELECT o.oid FROM pg_catalog.pg_operator o
    WHERE o.oprnamespace OPERATOR(pg_catalog.=) (SELECT x.extnamespace FROM pg_catalog.pg_extension x WHERE x.extname OPERATOR(pg_catalog.=) 'plraster')));
BEGIN
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'schema % already has % with the name of one of plraster''s',
                    (SELECT x.extnamespace::pg_catalog.regnamespace FROM pg_catalog.pg_extension x
                     WHERE x.extname OPERATOR(pg_catalog.=) 'plraster'), clashes
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Drop or rename them, or create plraster in another schema.';
  END IF;
END
$$;

-- The out-db sources as the library reads them: a view binds _plraster_source_rows() when
-- it is created, so no overload can make the read ambiguous.
CREATE VIEW @extschema@._plraster_source_rows_v AS
  SELECT s.prefix, s.options FROM @extschema@._plraster_source_rows() s;
COMMENT ON VIEW @extschema@._plraster_source_rows_v IS
  'internal: the out-db sources, for plraster''s own reads only (42501 otherwise)';
GRANT SELECT ON @extschema@._plraster_source_rows_v TO PUBLIC;
-- memtime: ST_DumpValues reads each band's array from text built row by row (issue 9: memory, timeouts)
CREATE FUNCTION @extschema@._plpy__plraster_dumpvalues(rast bytea, nband integer[], exclude_nodata_value boolean) RETURNS TABLE(nband integer, valtext text)
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.dump_values_text(rast, nband, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_dumpvalues(bytea, integer[], boolean) IS
  'PL/Python body of _plraster_dumpvalues, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_dumpvalues(rast @extschema@.raster, nband integer[],
    exclude_nodata_value boolean) RETURNS TABLE(nband integer, valtext text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy__plraster_dumpvalues(rast, nband, exclude_nodata_value);
END;
COMMENT ON FUNCTION @extschema@._plraster_dumpvalues(@extschema@.raster, integer[], boolean) IS
  'Internal: the work of ST_DumpValues, each band as the text of a 2-D array';

CREATE OR REPLACE FUNCTION @extschema@.st_dumpvalues(rast @extschema@.raster,
    nband integer[] DEFAULT NULL::integer[], exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(nband integer, valarray double precision[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT d.nband, d.valtext::double precision[]
    FROM @extschema@._plraster_dumpvalues(rast, nband, exclude_nodata_value) AS d;
END;
COMMENT ON FUNCTION @extschema@.st_dumpvalues(@extschema@.raster, integer[], boolean) IS
  'Each band asked for (all by default) as a 2-D array of values, nodata as NULL';

DROP FUNCTION @extschema@._plpy_st_dumpvalues(bytea, integer[], boolean);
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
-- allowlist: header cache sizes in plraster_io_stats; limits a session may lower and only a superuser may raise
DROP FUNCTION @extschema@.plraster_io_stats();
CREATE FUNCTION @extschema@.plraster_io_stats(OUT requests bigint, OUT bytes bigint, OUT retries bigint,
    OUT seconds double precision, OUT header_hits bigint, OUT header_misses bigint,
    OUT tile_hits bigint, OUT tile_misses bigint, OUT tile_cache_bytes bigint,
    OUT tile_cache_limit bigint, OUT header_cache_entries bigint, OUT header_cache_bytes bigint)
RETURNS SETOF record
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.io_stats()
$$;
COMMENT ON FUNCTION @extschema@.plraster_io_stats() IS
  'Out-db I/O of this session: requests, bytes, retries, seconds waited, header and tile cache hits, misses and sizes';

CREATE TABLE @extschema@.plraster_limit_config (
  name text PRIMARY KEY,
  ceiling double precision NOT NULL
);
REVOKE ALL ON TABLE @extschema@.plraster_limit_config FROM PUBLIC;
GRANT SELECT ON TABLE @extschema@.plraster_limit_config TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plraster_limit_config', '');
COMMENT ON TABLE @extschema@.plraster_limit_config IS
  'Ceilings of plraster''s limits set by superusers (plraster_set_limit); readable by everyone';

CREATE FUNCTION @extschema@.plraster_set_limit(name text, ceiling double precision) RETURNS double precision
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.set_limit(name, ceiling)
$$;
REVOKE ALL ON FUNCTION @extschema@.plraster_set_limit(text, double precision) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.plraster_set_limit(text, double precision) IS
  'args: name, ceiling - Superuser: the highest value sessions may SET plraster.<name> to (NULL: the built-in ceiling). Returns the ceiling in force.';

CREATE FUNCTION @extschema@.plraster_limits(OUT name text, OUT value double precision,
    OUT ceiling double precision, OUT default_value double precision, OUT unit text, OUT description text)
RETURNS SETOF record
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.limits()
$$;
COMMENT ON FUNCTION @extschema@.plraster_limits() IS
  'plraster''s limits: the value in force in this session (SET plraster.<name> lowers it), the ceiling only a superuser can raise, the default';

-- analysis-types: composite types shared by the analysis families (rastbandarg, reclassarg)
CREATE TYPE @extschema@.rastbandarg AS (rast @extschema@.raster, nband integer);
COMMENT ON TYPE @extschema@.rastbandarg IS
  'postgis raster type: A composite type for use when needing to express a raster and a band index of that raster.';

CREATE TYPE @extschema@.reclassarg AS (nband integer, reclassexpr text, pixeltype text,
  nodataval double precision);
COMMENT ON TYPE @extschema@.reclassarg IS
  'postgis raster type: A composite type used as input into the ST_Reclass function defining the behavior of reclassification.';

-- polygons: ST_DumpAsPolygons, ST_Polygon, ST_Intersection(raster, geometry), ST_GeoTransform, ST_Rotation, ST_SetZ, ST_SetM, ST_Contour
-- (the install script's form of sql/93-polygons.sql, as tools/sqlgen.py writes it)
CREATE FUNCTION @extschema@._plpy_st_dumpaspolygons(rast bytea, band integer, exclude_nodata_value boolean) RETURNS SETOF @extschema@.geomval
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import polygons
return polygons.dump_as_polygons(rast, band, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_dumpaspolygons(bytea, integer, boolean) IS
  'PL/Python body of st_dumpaspolygons, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_dumpaspolygons(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true) RETURNS SETOF @extschema@.geomval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_dumpaspolygons(rast, band, exclude_nodata_value);
END;
COMMENT ON FUNCTION @extschema@.st_dumpaspolygons(@extschema@.raster, integer, boolean) IS
  'args: rast, band_num=1, exclude_nodata_value=TRUE - Returns a set of geomval (geom,val) rows, from a given raster band. If no band number is specified, band num defaults to 1.';

CREATE FUNCTION @extschema@._plpy__plraster_polygon_parts(rast bytea, band integer) RETURNS geometry[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import polygons
return polygons.polygon_parts(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_polygon_parts(bytea, integer) IS
  'PL/Python body of _plraster_polygon_parts, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_polygon_parts(rast @extschema@.raster, band integer) RETURNS geometry[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__plraster_polygon_parts(rast, band);
COMMENT ON FUNCTION @extschema@._plraster_polygon_parts(@extschema@.raster, integer) IS
  'args: rast, band - ST_Polygon''s answer for a band without nodata value as element 1, or NULL and the polygons of the band''s data pixels that ST_Polygon unions; NULL with PostGIS''s NOTICE when there are none.';

CREATE FUNCTION @extschema@.st_polygon(rast @extschema@.raster, band integer DEFAULT 1)
    RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT COALESCE(p[1], st_multi(st_union(p[2:])))
        FROM @extschema@._plraster_polygon_parts(rast, band) AS p);
COMMENT ON FUNCTION @extschema@.st_polygon(@extschema@.raster, integer) IS
  'args: rast, band_num=1 - Returns a multipolygon geometry formed by the union of pixels that have a pixel value that is not no data value. If no band number is specified, band num defaults to 1.';

-- ST_Intersection(geometry, raster): PostGIS's PL/pgSQL steps as one SQL statement.
CREATE FUNCTION @extschema@._plraster_require_same_srid(geometry_srid integer, raster_srid integer)
    RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import polygons
return polygons.require_same_srid(geometry_srid, raster_srid)
$$;
COMMENT ON FUNCTION @extschema@._plraster_require_same_srid(integer, integer) IS
  'args: geometry_srid, raster_srid - True, or PostGIS''s error when the SRIDs of a geometry and a raster differ.';

CREATE FUNCTION @extschema@.st_intersection(geomin geometry, rast @extschema@.raster,
    band integer DEFAULT 1)
    RETURNS SETOF @extschema@.geomval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  WITH t AS MATERIALIZED (
    SELECT CASE WHEN @extschema@._plraster_require_same_srid(st_srid(geomin), @extschema@.st_srid(rast))
                THEN COALESCE(@extschema@.st_intersects(geomin, rast, band), false) END AS hit)
  SELECT p.geom, p.val
  FROM t CROSS JOIN LATERAL (
    SELECT st_intersection((gv).geom, geomin) AS geom, (gv).val AS val
    FROM @extschema@.st_dumpaspolygons(CASE WHEN t.hit THEN rast END, band) AS gv
    WHERE t.hit AND st_intersects((gv).geom, geomin)
    UNION ALL
    SELECT st_geomcollfromtext('GEOMETRYCOLLECTION EMPTY', st_srid(geomin)), NULL::double precision
    WHERE NOT t.hit) AS p
  WHERE NOT t.hit OR NOT st_isempty(p.geom);
END;
COMMENT ON FUNCTION @extschema@.st_intersection(geometry, @extschema@.raster, integer) IS
  'args: geom, rast, band_num=1 - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast @extschema@.raster, band integer, geomin geometry)
    RETURNS SETOF @extschema@.geomval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@.st_intersection(geomin, rast, band);
END;
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, geometry) IS
  'args: rast, band, geomin - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast @extschema@.raster, geomin geometry)
    RETURNS SETOF @extschema@.geomval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@.st_intersection(geomin, rast, 1);
END;
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, geometry) IS
  'args: rast, geom - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

-- Accessors -----------------------------------------------------------------------------------

CREATE FUNCTION @extschema@._plraster_geotransform(header bytea, OUT imag double precision,
    OUT jmag double precision, OUT theta_i double precision, OUT theta_ij double precision,
    OUT xoffset double precision, OUT yoffset double precision)
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.geotransform(header)
$$;
COMMENT ON FUNCTION @extschema@._plraster_geotransform(bytea) IS
  'args: header - ST_GeoTransform of a raster header.';

CREATE FUNCTION @extschema@.st_geotransform(@extschema@.raster, OUT imag double precision,
    OUT jmag double precision, OUT theta_i double precision, OUT theta_ij double precision,
    OUT xoffset double precision, OUT yoffset double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plraster_geotransform(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_geotransform(@extschema@.raster) IS
  'args: rast - The pixel size, rotation and skew angles and upper-left corner of a raster.';

CREATE FUNCTION @extschema@.st_rotation(@extschema@.raster) RETURNS double precision
LANGUAGE sql VOLATILE
RETURN (@extschema@.st_geotransform($1)).theta_i;
COMMENT ON FUNCTION @extschema@.st_rotation(@extschema@.raster) IS
  'args: rast - Returns the rotation of the raster in radian.';

-- ST_SetZ / ST_SetM ------------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy__plraster_setzm(rast bytea, geom_wkb bytea, geom_srid integer, resample text, band integer, dimension text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import polygons
return polygons.set_vertex_values(rast, geom_wkb, geom_srid, resample, band, dimension)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_setzm(bytea, bytea, integer, text, integer, text) IS
  'PL/Python body of _plraster_setzm, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_setzm(rast @extschema@.raster, geom_wkb bytea,
    geom_srid integer, resample text, band integer, dimension text) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__plraster_setzm(rast, geom_wkb, geom_srid, resample, band, dimension);
COMMENT ON FUNCTION @extschema@._plraster_setzm(@extschema@.raster, bytea, integer, text, integer, text) IS
  'args: rast, geom_wkb, geom_srid, resample, band, dimension - ISO WKB of a geometry with a band''s values at its vertices as Z or M.';

CREATE FUNCTION @extschema@.st_setz(rast @extschema@.raster, geom geometry,
    resample text DEFAULT 'nearest', band integer DEFAULT 1) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN st_geomfromwkb(@extschema@._plraster_setzm(rast, st_asbinary(geom), st_srid(geom), resample, band, 'Z'),
                      st_srid(geom));
COMMENT ON FUNCTION @extschema@.st_setz(@extschema@.raster, geometry, text, integer) IS
  'args: rast, geom, resample=nearest, band=1 - Returns a geometry with the same X/Y coordinates as the input geometry, and values from the raster copied into the Z dimension using the requested resample algorithm.';

CREATE FUNCTION @extschema@.st_setm(rast @extschema@.raster, geom geometry,
    resample text DEFAULT 'nearest', band integer DEFAULT 1) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN st_geomfromwkb(@extschema@._plraster_setzm(rast, st_asbinary(geom), st_srid(geom), resample, band, 'M'),
                      st_srid(geom));
COMMENT ON FUNCTION @extschema@.st_setm(@extschema@.raster, geometry, text, integer) IS
  'args: rast, geom, resample=nearest, band=1 - Returns a geometry with the same X/Y coordinates as the input geometry, and values from the raster copied into the Z dimension using the requested resample algorithm.';

-- ST_Contour ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_contour(rast bytea, bandnumber integer, level_interval double precision, level_base double precision, fixed_levels double precision[], polygonize boolean) RETURNS TABLE(geom geometry, id integer, value double precision)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import polygons
return polygons.contour(rast, bandnumber, level_interval, level_base, fixed_levels, polygonize)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_contour(bytea, integer, double precision, double precision, double precision[], boolean) IS
  'PL/Python body of st_contour, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_contour(rast @extschema@.raster, bandnumber integer DEFAULT 1,
    level_interval double precision DEFAULT 100.0, level_base double precision DEFAULT 0.0,
    fixed_levels double precision[] DEFAULT ARRAY[]::double precision[],
    polygonize boolean DEFAULT false) RETURNS TABLE(geom geometry, id integer, value double precision)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_contour(rast, bandnumber, level_interval, level_base, fixed_levels, polygonize);
END;
COMMENT ON FUNCTION @extschema@.st_contour(@extschema@.raster, integer, double precision, double precision, double precision[], boolean) IS
  'args: rast, bandnumber, level_interval, level_base, fixed_levels, polygonize - Generates a set of vector contours from the provided raster band, using the GDAL contouring algorithm.';
