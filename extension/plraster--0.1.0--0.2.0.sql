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

-- stats: the statistics family (sql/88-stats.sql): ST_Count, ST_CountAgg, ST_ApproxCount,
-- ST_ApproxSummaryStats, ST_Histogram, ST_ApproxHistogram, ST_Quantile, ST_ApproxQuantile,
-- ST_ValueCount and ST_ValuePercent with PostGIS 3.3's forms, as tools/sqlgen.py installs them.
CREATE TYPE @extschema@.agg_count AS (count bigint, nband integer,
  exclude_nodata_value boolean, sample_percent double precision);
COMMENT ON TYPE @extschema@.agg_count IS
  'State of ST_CountAgg: the running count and the arguments of the first row';

CREATE FUNCTION @extschema@._st_count(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 1)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT CASE WHEN exclude_nodata_value IS FALSE
    THEN @extschema@.st_width(rast)::bigint OPERATOR(pg_catalog.*) @extschema@.st_height(rast)
    ELSE (@extschema@._st_summarystats(rast, nband, exclude_nodata_value, sample_percent)).count END;
END;
COMMENT ON FUNCTION @extschema@._st_count(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - The number of pixels of a band (not nodata ones unless exclude_nodata_value is false), of a sample when sample_percent is between 0 and 1.';

CREATE FUNCTION @extschema@.st_count(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, nband, exclude_nodata_value, 1);
END;
COMMENT ON FUNCTION @extschema@.st_count(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Returns the number of pixels in a given band of a raster or raster coverage. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the nodata value.';

CREATE FUNCTION @extschema@.st_count(rast @extschema@.raster,
    exclude_nodata_value boolean)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, 1, exclude_nodata_value, 1);
END;
COMMENT ON FUNCTION @extschema@.st_count(@extschema@.raster, boolean) IS
  'args: rast, exclude_nodata_value - Returns the number of pixels in a given band of a raster or raster coverage. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the nodata value.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, nband, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    exclude_nodata_value boolean,
    sample_percent double precision DEFAULT 0.1)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, 1, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    nband integer,
    sample_percent double precision)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, nband, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@.st_approxcount(rast @extschema@.raster,
    sample_percent double precision)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_count(rast, 1, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxcount(@extschema@.raster, double precision) IS
  'args: rast, sample_percent - Returns the approximate number of pixels in a given band of a raster or raster coverage, counting a sample of the pixels. If no band is specified defaults to band 1.';

CREATE FUNCTION @extschema@._plpy__st_countagg_transfn(agg @extschema@.agg_count, rast bytea, nband integer, exclude_nodata_value boolean, sample_percent double precision) RETURNS @extschema@.agg_count
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_transfn(agg, rast, nband, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_countagg_transfn(@extschema@.agg_count, bytea, integer, boolean, double precision) IS
  'PL/Python body of _st_countagg_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_countagg_transfn(agg @extschema@.agg_count,
    rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    sample_percent double precision) RETURNS @extschema@.agg_count
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_countagg_transfn(agg, rast, nband, exclude_nodata_value, sample_percent);
COMMENT ON FUNCTION @extschema@._st_countagg_transfn(@extschema@.agg_count, @extschema@.raster, integer, boolean, double precision) IS
  'Transition function of ST_CountAgg';

CREATE FUNCTION @extschema@._plpy__st_countagg_transfn(agg @extschema@.agg_count, rast bytea, nband integer, exclude_nodata_value boolean) RETURNS @extschema@.agg_count
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_transfn(agg, rast, nband, exclude_nodata_value, 1)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_countagg_transfn(@extschema@.agg_count, bytea, integer, boolean) IS
  'PL/Python body of _st_countagg_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_countagg_transfn(agg @extschema@.agg_count,
    rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean) RETURNS @extschema@.agg_count
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_countagg_transfn(agg, rast, nband, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@._st_countagg_transfn(@extschema@.agg_count, @extschema@.raster, integer, boolean) IS
  'Transition function of ST_CountAgg';

CREATE FUNCTION @extschema@._plpy__st_countagg_transfn(agg @extschema@.agg_count, rast bytea, exclude_nodata_value boolean) RETURNS @extschema@.agg_count
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_transfn(agg, rast, 1, exclude_nodata_value, 1)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_countagg_transfn(@extschema@.agg_count, bytea, boolean) IS
  'PL/Python body of _st_countagg_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_countagg_transfn(agg @extschema@.agg_count,
    rast @extschema@.raster,
    exclude_nodata_value boolean) RETURNS @extschema@.agg_count
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_countagg_transfn(agg, rast, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@._st_countagg_transfn(@extschema@.agg_count, @extschema@.raster, boolean) IS
  'Transition function of ST_CountAgg';

CREATE FUNCTION @extschema@._st_countagg_finalfn(agg @extschema@.agg_count)
RETURNS bigint
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import stats
return stats.count_finalfn(agg)
$$;
COMMENT ON FUNCTION @extschema@._st_countagg_finalfn(@extschema@.agg_count) IS
  'Final function of ST_CountAgg';

CREATE AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean, double precision) (
  SFUNC = @extschema@._plpy__st_countagg_transfn, STYPE = @extschema@.agg_count,
  FINALFUNC = @extschema@._st_countagg_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Aggregate. Returns the number of pixels in a given band of a set of rasters. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the NODATA value.';

CREATE AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean) (
  SFUNC = @extschema@._plpy__st_countagg_transfn, STYPE = @extschema@.agg_count,
  FINALFUNC = @extschema@._st_countagg_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_countagg(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Aggregate. Returns the number of pixels in a given band of a set of rasters. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the NODATA value.';

CREATE AGGREGATE @extschema@.st_countagg(@extschema@.raster, boolean) (
  SFUNC = @extschema@._plpy__st_countagg_transfn, STYPE = @extschema@.agg_count,
  FINALFUNC = @extschema@._st_countagg_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_countagg(@extschema@.raster, boolean) IS
  'args: rast, exclude_nodata_value - Aggregate. Returns the number of pixels in a given band of a set of rasters. If no band is specified defaults to band 1. If exclude_nodata_value is set to true, will only count pixels that are not equal to the NODATA value.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, nband, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    exclude_nodata_value boolean,
    sample_percent double precision DEFAULT 0.1)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, 1, exclude_nodata_value, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    nband integer,
    sample_percent double precision)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, nband, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@.st_approxsummarystats(rast @extschema@.raster,
    sample_percent double precision)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_summarystats(rast, 1, true, sample_percent);
END;
COMMENT ON FUNCTION @extschema@.st_approxsummarystats(@extschema@.raster, double precision) IS
  'args: rast, sample_percent - Returns summarystats based on a sample of the pixels of a given raster band. If no band is specified, band 1 is assumed.';

CREATE FUNCTION @extschema@._plpy__st_histogram(rast bytea, nband integer, exclude_nodata_value boolean, sample_percent double precision, bins integer, width double precision[], "right" boolean, min double precision, max double precision, OUT min double precision, OUT max double precision, OUT count bigint, OUT percent double precision) RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.histogram_rows(rast, nband, exclude_nodata_value, sample_percent, bins, width, right, min, max)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_histogram(bytea, integer, boolean, double precision, integer, double precision[], boolean, double precision, double precision) IS
  'PL/Python body of _st_histogram, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_histogram(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 1,
    bins integer DEFAULT 0,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    min double precision DEFAULT NULL::double precision,
    max double precision DEFAULT NULL::double precision,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision) RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy__st_histogram(rast, nband, exclude_nodata_value, sample_percent, bins, width, "right", min, max);
END;
COMMENT ON FUNCTION @extschema@._st_histogram(@extschema@.raster, integer, boolean, double precision, integer, double precision[], boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, bins, width, right, min, max - The histogram of a band (of a sample of its pixels when sample_percent is between 0 and 1).';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    bins integer DEFAULT 0,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, 1, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, boolean, integer, double precision[], boolean) IS
  'args: rast, nband, exclude_nodata_value, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer,
    bins integer,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, 1, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, integer, double precision[], boolean) IS
  'args: rast, nband, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, 1, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, boolean, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_histogram(rast @extschema@.raster,
    nband integer,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, 1, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_histogram(@extschema@.raster, integer, integer, boolean) IS
  'args: rast, nband, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1,
    bins integer DEFAULT 0,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, sample_percent, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, boolean, double precision, integer, double precision[], boolean) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    bins integer,
    width double precision[] DEFAULT NULL::double precision[],
    "right" boolean DEFAULT false,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, sample_percent, bins, width, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, double precision, integer, double precision[], boolean) IS
  'args: rast, nband, sample_percent, bins, width, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    sample_percent double precision,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, exclude_nodata_value, sample_percent, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, boolean, double precision, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    bins integer,
    "right" boolean,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, sample_percent, bins, NULL, "right") AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, double precision, integer, boolean) IS
  'args: rast, nband, sample_percent, bins, "right" - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, nband, true, sample_percent, 0, NULL, false) AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, sample_percent - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@.st_approxhistogram(rast @extschema@.raster,
    sample_percent double precision,
    OUT min double precision,
    OUT max double precision,
    OUT count bigint,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT h.min, h.max, h.count, h.percent FROM @extschema@._st_histogram(rast, 1, true, sample_percent, 0, NULL, false) AS h;
END;
COMMENT ON FUNCTION @extschema@.st_approxhistogram(@extschema@.raster, double precision) IS
  'args: rast, sample_percent - Returns a set of record summarizing a raster or raster coverage data distribution separate bin ranges, based on a sample of its pixels. Number of bins are autocomputed if not specified.';

CREATE FUNCTION @extschema@._plpy__st_quantile(rast bytea, nband integer, exclude_nodata_value boolean, sample_percent double precision, quantiles double precision[], OUT quantile double precision, OUT value double precision) RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.quantile_rows(rast, nband, exclude_nodata_value, sample_percent, quantiles)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_quantile(bytea, integer, boolean, double precision, double precision[]) IS
  'PL/Python body of _st_quantile, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_quantile(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 1,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision) RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy__st_quantile(rast, nband, exclude_nodata_value, sample_percent, quantiles);
END;
COMMENT ON FUNCTION @extschema@._st_quantile(@extschema@.raster, integer, boolean, double precision, double precision[]) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, quantiles - The quantiles of a band (of a sample of its pixels when sample_percent is between 0 and 1).';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, 1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, boolean, double precision[]) IS
  'args: rast, nband, exclude_nodata_value, quantiles - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    quantiles double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, 1, true, 1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, double precision[]) IS
  'args: rast, quantiles - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer,
    quantiles double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, true, 1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, double precision[]) IS
  'args: rast, nband, quantiles - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    exclude_nodata_value boolean,
    quantile double precision DEFAULT NULL::double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, exclude_nodata_value, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    nband integer,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, true, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, integer, double precision) IS
  'args: rast, nband, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_quantile(rast @extschema@.raster,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, true, 1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_quantile(@extschema@.raster, double precision) IS
  'args: rast, quantile - Compute quantiles for a raster or raster table coverage in the context of the sample or population. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    sample_percent double precision DEFAULT 0.1,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, sample_percent, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, boolean, double precision, double precision[]) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, nband, true, sample_percent, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, double precision, double precision[]) IS
  'args: rast, nband, sample_percent, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    sample_percent double precision,
    quantiles double precision[] DEFAULT NULL::double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, 1, true, sample_percent, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision, double precision[]) IS
  'args: rast, sample_percent, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    quantiles double precision[],
    OUT quantile double precision,
    OUT value double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT q.quantile, q.value FROM @extschema@._st_quantile(rast, 1, true, 0.1, quantiles) AS q;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision[]) IS
  'args: rast, quantiles - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    sample_percent double precision,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, exclude_nodata_value, sample_percent, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    nband integer,
    sample_percent double precision,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, nband, true, sample_percent, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, integer, double precision, double precision) IS
  'args: rast, nband, sample_percent, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    sample_percent double precision,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, true, sample_percent, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision, double precision) IS
  'args: rast, sample_percent, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    exclude_nodata_value boolean,
    quantile double precision DEFAULT NULL::double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, exclude_nodata_value, 0.1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@.st_approxquantile(rast @extschema@.raster,
    quantile double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT q.value FROM @extschema@._st_quantile(rast, 1, true, 0.1, ARRAY[quantile]) AS q LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_approxquantile(@extschema@.raster, double precision) IS
  'args: rast, quantile - Computes quantiles based on a sample of the pixels of a raster. Thus, a value could be examined to be at the raster''s 25%, 50%, 75% percentile.';

CREATE FUNCTION @extschema@._plpy__st_valuecount(rast bytea, nband integer, exclude_nodata_value boolean, searchvalues double precision[], roundto double precision, OUT value double precision, OUT count integer, OUT percent double precision) RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.value_count_rows(rast, nband, exclude_nodata_value, searchvalues, roundto)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_valuecount(bytea, integer, boolean, double precision[], double precision) IS
  'PL/Python body of _st_valuecount, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_valuecount(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer,
    OUT percent double precision) RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy__st_valuecount(rast, nband, exclude_nodata_value, searchvalues, roundto);
END;
COMMENT ON FUNCTION @extschema@._st_valuecount(@extschema@.raster, integer, boolean, double precision[], double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalues, roundto - The count and share of each distinct (rounded) value of a band, or of the search values.';

CREATE FUNCTION @extschema@._st_valuecount(rastertable text,
    rastercolumn text,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE plpython3u STABLE PARALLEL UNSAFE ROWS 1000 AS $$
from plraster.sqlapi import stats
return stats.coverage_value_count_rows(rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto)
$$;
COMMENT ON FUNCTION @extschema@._st_valuecount(text, text, integer, boolean, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto - The count and share of each distinct (rounded) value of a band over the rasters of a table column.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, boolean, double precision[], double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rast, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, double precision[], double precision) IS
  'args: rast, nband, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rast, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, double precision[], double precision) IS
  'args: rast, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rast, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, integer, double precision, double precision) IS
  'args: rast, nband, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rast @extschema@.raster,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rast, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(@extschema@.raster, double precision, double precision) IS
  'args: rast, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, boolean, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT count integer)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, double precision[], double precision) IS
  'args: rastertable, rastercolumn, searchvalues, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, boolean, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, integer, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuecount(rastertable text,
    rastercolumn text,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.count FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuecount(text, text, double precision, double precision) IS
  'args: rastertable, rastercolumn, searchvalue, roundto - Returns a set of records containing a pixel band value and count of the number of pixels in a given band of a raster (or a raster coverage) that have a given set of values. If no band is specified defaults to band 1. By default nodata value pixels are not counted. and all other values in the pixel are output and pixel band values are rounded to the nearest integer.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, boolean, double precision[], double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rast, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, double precision[], double precision) IS
  'args: rast, nband, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rast, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, double precision[], double precision) IS
  'args: rast, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rast, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, boolean, double precision, double precision) IS
  'args: rast, nband, exclude_nodata_value, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rast, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, integer, double precision, double precision) IS
  'args: rast, nband, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rast @extschema@.raster,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rast, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(@extschema@.raster, double precision, double precision) IS
  'args: rast, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true,
    searchvalues double precision[] DEFAULT NULL::double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, boolean, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, double precision[], double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    searchvalues double precision[],
    roundto double precision DEFAULT 0,
    OUT value double precision,
    OUT percent double precision)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL UNSAFE ROWS 1000
BEGIN ATOMIC
  SELECT v.value, v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, searchvalues, roundto) AS v;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, double precision[], double precision) IS
  'args: rastertable, rastercolumn, searchvalues, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer,
    exclude_nodata_value boolean,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, exclude_nodata_value, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, boolean, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, exclude_nodata_value, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    nband integer,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, nband, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, integer, double precision, double precision) IS
  'args: rastertable, rastercolumn, nband, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

CREATE FUNCTION @extschema@.st_valuepercent(rastertable text,
    rastercolumn text,
    searchvalue double precision,
    roundto double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
  SELECT v.percent FROM @extschema@._st_valuecount(rastertable, rastercolumn, 1, true, ARRAY[searchvalue], roundto) AS v LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.st_valuepercent(text, text, double precision, double precision) IS
  'args: rastertable, rastercolumn, searchvalue, roundto - Returns the percentage of a raster''s band that have a specified value. If no band is specified defaults to band 1. By default nodata value pixels are not counted.';

