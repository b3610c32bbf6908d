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

-- terrain: ST_Slope, ST_Aspect, ST_HillShade, ST_TPI, ST_TRI, ST_Roughness (sql/91-terrain.sql, as tools/sqlgen.py installs it)
-- ST_Slope --------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_slope(rast bytea, nband integer, customextent bytea, pixeltype text, units text, scale double precision, interpolate_nodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.slope(rast, nband, customextent, pixeltype, units, scale, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_slope(bytea, integer, bytea, text, text, double precision, boolean) IS
  'PL/Python body of st_slope, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_slope(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_slope(rast, nband, customextent, pixeltype, units, scale, interpolate_nodata)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_slope(@extschema@.raster, integer, @extschema@.raster, text, text, double precision, boolean) IS
  'Slope of an elevation band (degrees, or percent with units PERCENT), Horn''s method on a 3x3 neighbourhood, on the grid of customextent';

CREATE FUNCTION @extschema@.st_slope(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_slope(rast, nband, NULL::@extschema@.raster, pixeltype, units, scale, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_slope(@extschema@.raster, integer, text, text, double precision, boolean) IS
  'Slope of an elevation band (degrees, or percent with units PERCENT), Horn''s method on a 3x3 neighbourhood';

-- ST_Aspect -------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_aspect(rast bytea, nband integer, customextent bytea, pixeltype text, units text, interpolate_nodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.aspect(rast, nband, customextent, pixeltype, units, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_aspect(bytea, integer, bytea, text, text, boolean) IS
  'PL/Python body of st_aspect, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_aspect(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, interpolate_nodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_aspect(rast, nband, customextent, pixeltype, units, interpolate_nodata)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_aspect(@extschema@.raster, integer, @extschema@.raster, text, text, boolean) IS
  'Aspect of an elevation band in degrees clockwise from north (-1 where flat), on the grid of customextent';

CREATE FUNCTION @extschema@.st_aspect(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, units text DEFAULT 'DEGREES'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_aspect(rast, nband, NULL::@extschema@.raster, pixeltype, units, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_aspect(@extschema@.raster, integer, text, text, boolean) IS
  'Aspect of an elevation band in degrees clockwise from north (-1 where flat)';

-- ST_HillShade ----------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_hillshade(rast bytea, nband integer, customextent bytea, pixeltype text, azimuth double precision, altitude double precision, max_bright double precision, scale double precision, interpolate_nodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.hillshade(rast, nband, customextent, pixeltype, azimuth, altitude, max_bright, scale, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_hillshade(bytea, integer, bytea, text, double precision, double precision, double precision, double precision, boolean) IS
  'PL/Python body of st_hillshade, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_hillshade(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, azimuth double precision DEFAULT 315.0, altitude double precision DEFAULT 45.0, max_bright double precision DEFAULT 255.0, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_hillshade(rast, nband, customextent, pixeltype, azimuth, altitude, max_bright, scale, interpolate_nodata)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_hillshade(@extschema@.raster, integer, @extschema@.raster, text, double precision, double precision, double precision, double precision, boolean) IS
  'Hypothetical illumination of an elevation band for a sun at azimuth and altitude, on the grid of customextent';

CREATE FUNCTION @extschema@.st_hillshade(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, azimuth double precision DEFAULT 315.0, altitude double precision DEFAULT 45.0, max_bright double precision DEFAULT 255.0, scale double precision DEFAULT 1.0, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_hillshade(rast, nband, NULL::@extschema@.raster, pixeltype, azimuth, altitude, max_bright, scale, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_hillshade(@extschema@.raster, integer, text, double precision, double precision, double precision, double precision, boolean) IS
  'Hypothetical illumination of an elevation band for a sun at azimuth and altitude';

-- ST_TPI ----------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_tpi(rast bytea, nband integer, customextent bytea, pixeltype text, interpolate_nodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.tpi(rast, nband, customextent, pixeltype, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_tpi(bytea, integer, bytea, text, boolean) IS
  'PL/Python body of st_tpi, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_tpi(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_tpi(rast, nband, customextent, pixeltype, interpolate_nodata)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_tpi(@extschema@.raster, integer, @extschema@.raster, text, boolean) IS
  'Topographic Position Index of an elevation band: each pixel less the mean of its 8 neighbours, on the grid of customextent';

CREATE FUNCTION @extschema@.st_tpi(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_tpi(rast, nband, NULL::@extschema@.raster, pixeltype, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_tpi(@extschema@.raster, integer, text, boolean) IS
  'Topographic Position Index of an elevation band: each pixel less the mean of its 8 neighbours';

-- ST_TRI ----------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_tri(rast bytea, nband integer, customextent bytea, pixeltype text, interpolate_nodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.tri(rast, nband, customextent, pixeltype, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_tri(bytea, integer, bytea, text, boolean) IS
  'PL/Python body of st_tri, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_tri(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_tri(rast, nband, customextent, pixeltype, interpolate_nodata)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_tri(@extschema@.raster, integer, @extschema@.raster, text, boolean) IS
  'Terrain Ruggedness Index of an elevation band: mean absolute difference to the 8 neighbours, on the grid of customextent';

CREATE FUNCTION @extschema@.st_tri(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_tri(rast, nband, NULL::@extschema@.raster, pixeltype, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_tri(@extschema@.raster, integer, text, boolean) IS
  'Terrain Ruggedness Index of an elevation band: mean absolute difference to the 8 neighbours';

-- ST_Roughness ----------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_roughness(rast bytea, nband integer, customextent bytea, pixeltype text, interpolate_nodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import terrain
return terrain.roughness(rast, nband, customextent, pixeltype, interpolate_nodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_roughness(bytea, integer, bytea, text, boolean) IS
  'PL/Python body of st_roughness, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_roughness(rast @extschema@.raster, nband integer,
    customextent @extschema@.raster, pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_roughness(rast, nband, customextent, pixeltype, interpolate_nodata)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_roughness(@extschema@.raster, integer, @extschema@.raster, text, boolean) IS
  'Roughness of an elevation band: largest less smallest value of each 3x3 neighbourhood, on the grid of customextent';

CREATE FUNCTION @extschema@.st_roughness(rast @extschema@.raster, nband integer DEFAULT 1,
    pixeltype text DEFAULT '32BF'::text, interpolate_nodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_roughness(rast, nband, NULL::@extschema@.raster, pixeltype, interpolate_nodata);
COMMENT ON FUNCTION @extschema@.st_roughness(@extschema@.raster, integer, text, boolean) IS
  'Roughness of an elevation band: largest less smallest value of each 3x3 neighbourhood';
-- mapalg: ST_MapAlgebra callback and mask forms, the *4ma callbacks, ST_MapAlgebraFct and ST_MapAlgebraFctNgb
-- Map algebra with callbacks: ST_MapAlgebra's callback and mask forms, the deprecated
-- ST_MapAlgebraFct and ST_MapAlgebraFctNgb, and PostGIS's *4ma callbacks (PostGIS 3.3
-- signatures). One worker, _st_mapalgebra, does the work; the forms are SQL calls to it.
-- A user's callback is called once per pixel through one prepared plan; the *4ma callbacks
-- of this extension are recognised and computed for the whole band with numpy.

CREATE FUNCTION @extschema@._plpy__st_mapalgebra(rastbandargset @extschema@.rastbandarg[], callbackfunc regprocedure, pixeltype text, distancex integer, distancey integer, extenttype text, customextent bytea, mask double precision[], weighted boolean, VARIADIC userargs text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra(rastbandargset, callbackfunc, pixeltype, distancex, distancey, extenttype, customextent, mask, weighted, userargs)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_mapalgebra(@extschema@.rastbandarg[], regprocedure, text, integer, integer, text, bytea, double precision[], boolean, text[]) IS
  'PL/Python body of _st_mapalgebra, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_mapalgebra(rastbandargset @extschema@.rastbandarg[],
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text, distancex integer DEFAULT 0,
    distancey integer DEFAULT 0, extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    mask double precision[] DEFAULT NULL::double precision[], weighted boolean DEFAULT NULL::boolean,
    VARIADIC userargs text[] DEFAULT NULL::text[]) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_mapalgebra(rastbandargset, callbackfunc, pixeltype, distancex, distancey, extenttype, customextent, mask, weighted, VARIADIC userargs)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._st_mapalgebra(@extschema@.rastbandarg[], regprocedure, text, integer, integer, text, @extschema@.raster, double precision[], boolean, text[]) IS
  'The worker of ST_MapAlgebra''s callback forms';

CREATE FUNCTION @extschema@.st_mapalgebra(rastbandargset @extschema@.rastbandarg[],
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra($1, $2, $3, $6, $7, $4, $5, NULL::pg_catalog.float8[], NULL::pg_catalog.bool, VARIADIC $8) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.rastbandarg[], regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rastbandargset, callbackfunc, pixeltype=NULL, extenttype=INTERSECTION, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer[],
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'FIRST'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  argset @extschema@.rastbandarg[];
BEGIN
  IF nband IS NOT NULL AND pg_catalog.array_ndims(nband) OPERATOR(pg_catalog.>=) 1 THEN
    SELECT pg_catalog.array_agg(ROW(rast, u.b)::@extschema@.rastbandarg ORDER BY u.i) INTO argset
      FROM pg_catalog.unnest(nband) WITH ORDINALITY AS u(b, i) WHERE u.b IS NOT NULL;
  END IF;
  IF argset IS NULL THEN
    RAISE EXCEPTION 'Populated 1D array must be provided for nband';
  END IF;
  RETURN @extschema@._st_mapalgebra(argset, callbackfunc, pixeltype, distancex, distancey,
    extenttype, customextent, NULL::double precision[], NULL::pg_catalog.bool, VARIADIC userargs);
END
$$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer[], regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rast, nband, callbackfunc, pixeltype=NULL, extenttype=FIRST, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer,
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'FIRST'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra(ARRAY[ROW($1, $2)]::@extschema@.rastbandarg[], $3, $4, $7, $8, $5, $6, NULL::pg_catalog.float8[], NULL::pg_catalog.bool, VARIADIC $9) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rast, nband, callbackfunc, pixeltype=NULL, extenttype=FIRST, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast1 @extschema@.raster, nband1 integer,
    rast2 @extschema@.raster, nband2 integer, callbackfunc regprocedure,
    pixeltype text DEFAULT NULL::pg_catalog.text, extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra(ARRAY[ROW($1, $2), ROW($3, $4)]::@extschema@.rastbandarg[], $5, $6, $9, $10, $7, $8, NULL::pg_catalog.float8[], NULL::pg_catalog.bool, VARIADIC $11) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, @extschema@.raster, integer, regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rast1, nband1, rast2, nband2, callbackfunc, pixeltype=NULL, extenttype=INTERSECTION, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer,
    callbackfunc regprocedure, mask double precision[], weighted boolean,
    pixeltype text DEFAULT NULL::pg_catalog.text, extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra(ARRAY[ROW($1, $2)]::@extschema@.rastbandarg[], $3, $6, NULL::pg_catalog.int4, NULL::pg_catalog.int4, $7, $8, $4, $5, VARIADIC $9) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, regprocedure, double precision[], boolean, text, text, @extschema@.raster, text[]) IS
  'args: rast, nband, callbackfunc, mask, weighted, pixeltype=NULL, extenttype=INTERSECTION, customextent=NULL, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_min4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_min4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_min4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the minimum pixel value in a neighborhood.';

CREATE FUNCTION @extschema@.st_min4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_min4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_min4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the minimum pixel value in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_max4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_max4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_max4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the maximum pixel value in a neighborhood.';

CREATE FUNCTION @extschema@.st_max4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_max4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_max4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the maximum pixel value in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_sum4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_sum4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_sum4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the sum of all pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_sum4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_sum4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_sum4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the sum of all pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_mean4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_mean4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_mean4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the mean pixel value in a neighborhood.';

CREATE FUNCTION @extschema@.st_mean4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_mean4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_mean4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the mean pixel value in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_range4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_range4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_range4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the range of pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_range4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_range4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_range4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the range of pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_distinct4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_distinct4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_distinct4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the number of unique pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_distinct4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_distinct4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_distinct4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the number of unique pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_stddev4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_stddev4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_stddev4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the standard deviation of pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_stddev4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_stddev4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_stddev4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the standard deviation of pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_mindist4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_mindist4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_mindist4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that returns the minimum distance (in number of pixels) between the pixel of interest and a neighboring pixel with value.';

CREATE FUNCTION @extschema@.st_invdistweight4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_invdistweight4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_invdistweight4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that interpolates a pixel''s value from the pixel''s neighborhood.';

-- ---- ST_MapAlgebraFct (deprecated in PostGIS 2.1, kept as PostGIS keeps it) ----

CREATE FUNCTION @extschema@._plpy_st_mapalgebrafct(rast bytea, band integer, pixeltype text, onerastuserfunc regprocedure, VARIADIC args text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra_fct(rast, band, pixeltype, onerastuserfunc, args[4])  # "args" is PL/Python's list of all arguments
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_mapalgebrafct(bytea, integer, text, regprocedure, text[]) IS
  'PL/Python body of st_mapalgebrafct, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, pixeltype text,
    onerastuserfunc regprocedure, VARIADIC args text[]) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_mapalgebrafct(rast, band, pixeltype, onerastuserfunc, VARIADIC args)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, text, regprocedure, text[]) IS
  'args: rast, band, pixeltype, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band and of pixeltype prodived. Band 1 is assumed if no band is specified.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, $2, NULL::pg_catalog.text, $3, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, regprocedure) IS
  'args: rast, band, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, onerastuserfunc regprocedure, VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, $2, NULL::pg_catalog.text, $3, VARIADIC $4) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, regprocedure, text[]) IS
  'args: rast, band, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, pixeltype text, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, $2, $3, $4, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, text, regprocedure) IS
  'args: rast, band, pixeltype, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band and of pixeltype prodived.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, NULL::pg_catalog.text, $2, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, regprocedure) IS
  'args: rast, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, onerastuserfunc regprocedure, VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, NULL::pg_catalog.text, $2, VARIADIC $3) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, regprocedure, text[]) IS
  'args: rast, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, pixeltype text, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, $2, $3, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, text, regprocedure) IS
  'args: rast, pixeltype, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1 and of pixeltype prodived.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, pixeltype text, onerastuserfunc regprocedure, VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, $2, $3, VARIADIC $4) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, text, regprocedure, text[]) IS
  'args: rast, pixeltype, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1 and of pixeltype prodived.';

CREATE FUNCTION @extschema@._plpy_st_mapalgebrafct(rast1 bytea, band1 integer, rast2 bytea, band2 integer, tworastuserfunc regprocedure, pixeltype text, extenttype text, VARIADIC userargs text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra_fct2(rast1, band1, rast2, band2, tworastuserfunc, pixeltype, extenttype, userargs)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_mapalgebrafct(bytea, integer, bytea, integer, regprocedure, text, text, text[]) IS
  'PL/Python body of st_mapalgebrafct, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_mapalgebrafct(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, tworastuserfunc regprocedure,
    pixeltype text DEFAULT NULL::pg_catalog.text, extenttype text DEFAULT 'INTERSECTION'::text,
    VARIADIC userargs text[] DEFAULT NULL::text[]) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_mapalgebrafct(rast1, band1, rast2, band2, tworastuserfunc, pixeltype, extenttype, VARIADIC userargs)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, @extschema@.raster, integer, regprocedure, text, text, text[]) IS
  'args: rast1, band1, rast2, band2, tworastuserfunc, pixeltype=same_as_rast1, extenttype=INTERSECTION, VARIADIC userargs - 2 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the 2 input raster bands and of pixeltype prodived. Band 1 is assumed if no band is specified. Extent type defaults to INTERSECTION if not specified.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast1 @extschema@.raster, rast2 @extschema@.raster,
    tworastuserfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'INTERSECTION'::text, VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, $2, 1, $3, $4, $5, VARIADIC $6) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, @extschema@.raster, regprocedure, text, text, text[]) IS
  'args: rast1, rast2, tworastuserfunc, pixeltype=same_as_rast1, extenttype=INTERSECTION, VARIADIC userargs - 2 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the 2 input raster bands and of pixeltype prodived. Band 1 is assumed if no band is specified. Extent type defaults to INTERSECTION if not specified.';

-- ---- ST_MapAlgebraFctNgb (deprecated in PostGIS 2.1) ----

CREATE FUNCTION @extschema@._plpy_st_mapalgebrafctngb(rast bytea, band integer, pixeltype text, ngbwidth integer, ngbheight integer, onerastngbuserfunc regprocedure, nodatamode text, VARIADIC args text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra_fct_ngb(rast, band, pixeltype, ngbwidth, ngbheight, onerastngbuserfunc, nodatamode, args[7])  # "args" is PL/Python's list of all arguments
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_mapalgebrafctngb(bytea, integer, text, integer, integer, regprocedure, text, text[]) IS
  'PL/Python body of st_mapalgebrafctngb, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_mapalgebrafctngb(rast @extschema@.raster, band integer, pixeltype text,
    ngbwidth integer, ngbheight integer, onerastngbuserfunc regprocedure, nodatamode text,
    VARIADIC args text[]) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_mapalgebrafctngb(rast, band, pixeltype, ngbwidth, ngbheight, onerastngbuserfunc, nodatamode, VARIADIC args)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafctngb(@extschema@.raster, integer, text, integer, integer, regprocedure, text, text[]) IS
  'args: rast, band, pixeltype, ngbwidth, ngbheight, onerastngbuserfunc, nodatamode, VARIADIC args - 1-band version: Map Algebra Nearest Neighbor using user-defined PostgreSQL function. Return a raster which values are the result of a PLPGSQL user function involving a neighborhood of values from the input raster band.';
-- reclass: ST_Reclass, ST_ColorMap, ST_Grayscale (generated from sql/89-reclass.sql by tools/sqlgen.py)
-- from sql/89-reclass.sql
-- Reclassification and colour: ST_Reclass (range expressions, functions/reclassexpr.py and
-- functions/reclass.py). Signatures, defaults, volatility and strictness are PostGIS 3.3's.

-- ---- ST_Reclass ----
CREATE FUNCTION @extschema@._plpy__st_reclass(rast bytea, VARIADIC reclassargset @extschema@.reclassarg[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import reclass
return reclass.reclass(rast, reclassargset)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_reclass(bytea, @extschema@.reclassarg[]) IS
  'PL/Python body of _st_reclass, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_reclass(rast @extschema@.raster,
    VARIADIC reclassargset @extschema@.reclassarg[]) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__st_reclass(rast, VARIADIC reclassargset)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._st_reclass(@extschema@.raster, @extschema@.reclassarg[]) IS
  'args: rast, VARIADIC reclassargset - ST_Reclass''s work: each reclassarg applied in turn, with no check of NULL fields';

CREATE FUNCTION @extschema@.st_reclass(rast @extschema@.raster,
    VARIADIC reclassargset @extschema@.reclassarg[])
RETURNS @extschema@.raster
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  arg @extschema@.reclassarg;
BEGIN
  FOREACH arg IN ARRAY reclassargset LOOP
    IF arg.nband IS NULL OR arg.reclassexpr IS NULL OR arg.pixeltype IS NULL THEN
      RAISE WARNING 'Values are required for the nband, reclassexpr and pixeltype attributes.';
      RETURN rast;
    END IF;
  END LOOP;
  RETURN @extschema@._st_reclass(rast, VARIADIC reclassargset);
END
$$;
COMMENT ON FUNCTION @extschema@.st_reclass(@extschema@.raster, @extschema@.reclassarg[]) IS
  'args: rast, VARIADIC reclassargset - Creates a new raster composed of band types reclassified from original. The nband is the band to be changed. If nband is not specified assumed to be 1. All other bands are returned unchanged. Use case: convert a 16BUI band to a 8BUI and so forth for simpler rendering as viewable formats.';

CREATE FUNCTION @extschema@.st_reclass(rast @extschema@.raster, nband integer, reclassexpr text,
    pixeltype text, nodataval double precision DEFAULT NULL)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_reclass(rast, VARIADIC ARRAY[ROW(nband, reclassexpr, pixeltype, nodataval)::@extschema@.reclassarg]);
COMMENT ON FUNCTION @extschema@.st_reclass(@extschema@.raster, integer, text, text, double precision) IS
  'args: rast, nband, reclassexpr, pixeltype, nodataval=NULL - Creates a new raster composed of band types reclassified from original. The nband is the band to be changed. If nband is not specified assumed to be 1. All other bands are returned unchanged. Use case: convert a 16BUI band to a 8BUI and so forth for simpler rendering as viewable formats.';

CREATE FUNCTION @extschema@.st_reclass(rast @extschema@.raster, reclassexpr text, pixeltype text)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_reclass(rast, VARIADIC ARRAY[ROW(1, reclassexpr, pixeltype, NULL)::@extschema@.reclassarg]);
COMMENT ON FUNCTION @extschema@.st_reclass(@extschema@.raster, text, text) IS
  'args: rast, reclassexpr, pixeltype - Creates a new raster composed of band types reclassified from original. The nband is the band to be changed. If nband is not specified assumed to be 1. All other bands are returned unchanged. Use case: convert a 16BUI band to a 8BUI and so forth for simpler rendering as viewable formats.';

-- ---- ST_Grayscale ----
CREATE FUNCTION @extschema@._plpy_st_grayscale(rast bytea, redband integer, greenband integer, blueband integer, extenttype text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import reclass
return reclass.grayscale(rast, redband, greenband, blueband, extenttype)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_grayscale(bytea, integer, integer, integer, text) IS
  'PL/Python body of st_grayscale, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_grayscale(rast @extschema@.raster, redband integer DEFAULT 1,
    greenband integer DEFAULT 2, blueband integer DEFAULT 3, extenttype text DEFAULT 'INTERSECTION') RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_grayscale(rast, redband, greenband, blueband, extenttype)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_grayscale(@extschema@.raster, integer, integer, integer, text) IS
  'args: rast, redband=1, greenband=2, blueband=3, extenttype=INTERSECTION - Creates a new one-8BUI band raster from the source raster and specified bands representing Red, Green and Blue';

CREATE FUNCTION @extschema@._plpy__plraster_grayscale(red bytea, redband integer, green bytea, greenband integer, blue bytea, blueband integer, extenttype text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import reclass
return reclass.grayscale_of_rasters(red, redband, green, greenband, blue, blueband, extenttype)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_grayscale(bytea, integer, bytea, integer, bytea, integer, text) IS
  'PL/Python body of _plraster_grayscale, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_grayscale(red @extschema@.raster, redband integer,
    green @extschema@.raster, greenband integer, blue @extschema@.raster, blueband integer,
    extenttype text) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__plraster_grayscale(red, redband, green, greenband, blue, blueband, extenttype)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._plraster_grayscale(@extschema@.raster, integer, @extschema@.raster, integer, @extschema@.raster, integer, text) IS
  'Internal: ST_Grayscale of rastbandarg[]: three bands of one raster or of several aligned rasters, on the grid map algebra gives them';

-- The rastbandarg[] form: three bands of one raster or of several aligned rasters (the
-- grid map algebra's extent type gives them).
CREATE FUNCTION @extschema@.st_grayscale(rastbandargset @extschema@.rastbandarg[],
    extenttype text DEFAULT 'INTERSECTION')
RETURNS @extschema@.raster
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  n integer DEFAULT pg_catalog.array_length(rastbandargset, 1);
BEGIN
  IF n IS NULL OR n OPERATOR(pg_catalog.<) 3 THEN
    RAISE EXCEPTION '''rastbandargset'' must have three bands for red, green and blue';
  ELSIF n OPERATOR(pg_catalog.>) 3 THEN
    RAISE WARNING 'Only the first three elements of ''rastbandargset'' will be used';
  END IF;
  RETURN @extschema@._plraster_grayscale(rastbandargset[1].rast, rastbandargset[1].nband,
    rastbandargset[2].rast, rastbandargset[2].nband, rastbandargset[3].rast,
    rastbandargset[3].nband, extenttype);
END
$$;
COMMENT ON FUNCTION @extschema@.st_grayscale(@extschema@.rastbandarg[], text) IS
  'args: rastbandargset, extenttype=INTERSECTION - Creates a new one-8BUI band raster from the source raster and specified bands representing Red, Green and Blue';
-- clip: ST_Clip (six forms) and ST_AsRaster (ten forms) on GDAL's rasterizer, as PostGIS 3.3 decides pixels and extents

CREATE FUNCTION @extschema@._plpy_st_clip(rast bytea, nband integer[], geom geometry, nodataval double precision[], crop boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import clip
return clip.clip(rast, nband, geom, nodataval, crop)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_clip(bytea, integer[], geometry, double precision[], boolean) IS
  'PL/Python body of st_clip, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, nband integer[], geom geometry,
    nodataval double precision[] DEFAULT NULL, crop boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_clip(rast, nband, geom, nodataval, crop)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, integer[], geometry, double precision[], boolean) IS
  'args: rast, nband, geom, nodataval=NULL, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, nband integer, geom geometry,
    nodataval double precision, crop boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, ARRAY[$2]::integer[], $3, ARRAY[$4]::double precision[], $5);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, integer, geometry, double precision, boolean) IS
  'args: rast, nband, geom, nodataval, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, nband integer, geom geometry,
    crop boolean) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, ARRAY[$2]::integer[], $3, NULL::double precision[], $4);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, integer, geometry, boolean) IS
  'args: rast, nband, geom, crop - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, geom geometry,
    nodataval double precision[] DEFAULT NULL, crop boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, NULL::integer[], $2, $3, $4);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, geometry, double precision[], boolean) IS
  'args: rast, geom, nodataval=NULL, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, geom geometry,
    nodataval double precision, crop boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, NULL::integer[], $2, ARRAY[$3]::double precision[], $4);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, geometry, double precision, boolean) IS
  'args: rast, geom, nodataval, crop=TRUE - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@.st_clip(rast @extschema@.raster, geom geometry, crop boolean)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_clip($1, NULL::integer[], $2, NULL::double precision[], $3);
COMMENT ON FUNCTION @extschema@.st_clip(@extschema@.raster, geometry, boolean) IS
  'args: rast, geom, crop - Returns the raster clipped by the input geometry. If band number not is specified, all bands are processed. If crop is not specified or TRUE, the output raster is cropped.';

CREATE FUNCTION @extschema@._plpy__st_asraster(geom geometry, scalex double precision, scaley double precision, width integer, height integer, pixeltype text[], value double precision[], nodataval double precision[], upperleftx double precision, upperlefty double precision, gridx double precision, gridy double precision, skewx double precision, skewy double precision, touched boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import clip
return clip.as_raster(geom, scalex, scaley, width, height, pixeltype, value, nodataval,
                      upperleftx, upperlefty, gridx, gridy, skewx, skewy, touched)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_asraster(geometry, double precision, double precision, integer, integer, text[], double precision[], double precision[], double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
  'PL/Python body of _st_asraster, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_asraster(geom geometry, scalex double precision DEFAULT 0,
    scaley double precision DEFAULT 0, width integer DEFAULT 0, height integer DEFAULT 0,
    pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision],
    nodataval double precision[] DEFAULT ARRAY[(0)::double precision],
    upperleftx double precision DEFAULT NULL, upperlefty double precision DEFAULT NULL,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_asraster(geom, scalex, scaley, width, height, pixeltype, value, nodataval, upperleftx, upperlefty, gridx, gridy, skewx, skewy, touched)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._st_asraster(geometry, double precision, double precision, integer, integer, text[], double precision[], double precision[], double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, width, height, pixeltype, value, nodataval, upperleftx, upperlefty, gridx, gridy, skewx, skewy, touched - The form of ST_AsRaster every other form calls.';

CREATE FUNCTION @extschema@._plraster_asraster_transform_notice(geom geometry, geomsrid integer,
    rastsrid integer) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RAISE NOTICE 'The geometry''s SRID (%) is not the same as the raster''s SRID (%).  The geometry will be transformed to the raster''s projection', geomsrid, rastsrid;
  RETURN geom;
END;
$$;
COMMENT ON FUNCTION @extschema@._plraster_asraster_transform_notice(geometry, integer, integer) IS
  'args: geom, geomsrid, rastsrid - PostGIS''s NOTICE of ST_AsRaster(geom, ref) when the SRIDs differ; returns geom.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, ref @extschema@.raster,
    pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision],
    nodataval double precision[] DEFAULT ARRAY[(0)::double precision], touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT @extschema@._st_asraster(
           CASE WHEN ST_SRID(geom) = m.srid THEN geom
                ELSE ST_Transform(@extschema@._plraster_asraster_transform_notice(geom, ST_SRID(geom), m.srid), m.srid) END,
           m.scalex, m.scaley, NULL, NULL, pixeltype, value, nodataval, NULL, NULL,
           m.upperleftx, m.upperlefty, m.skewx, m.skewy, touched)
    FROM @extschema@.st_metadata(ref) AS m;
END;
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, @extschema@.raster, text[], double precision[], double precision[], boolean) IS
  'args: geom, ref, pixeltype=ARRAY[''8BUI''], value=ARRAY[1], nodataval=ARRAY[0], touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, ref @extschema@.raster, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_asraster($1, $2, ARRAY[$3]::text[], ARRAY[$4]::double precision[], ARRAY[$5]::double precision[], $6);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, @extschema@.raster, text, double precision, double precision, boolean) IS
  'args: geom, ref, pixeltype, value=1, nodataval=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, gridx double precision DEFAULT NULL::double precision, gridy double precision DEFAULT NULL::double precision, pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, $6, $7, $8, NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, double precision, double precision, text[], double precision[], double precision[], double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, gridx=NULL, gridy=NULL, pixeltype=ARRAY[''8BUI''], value=ARRAY[1], nodataval=ARRAY[0], skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, gridx double precision, gridy double precision, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, ARRAY[$6]::text[], ARRAY[$7]::double precision[], ARRAY[$8]::double precision[], NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, double precision, double precision, text, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, gridx, gridy, pixeltype, value=1, nodataval=0, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, ARRAY[$4]::text[], ARRAY[$5]::double precision[], ARRAY[$6]::double precision[], $7, $8, NULL, NULL, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, text, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, pixeltype, value=1, nodataval=0, upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, scalex double precision, scaley double precision, pixeltype text[], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, $2, $3, NULL, NULL, $4, $5, $6, $7, $8, NULL, NULL,	$9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, double precision, double precision, text[], double precision[], double precision[], double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, scalex, scaley, pixeltype, value=ARRAY[1], nodataval=ARRAY[0], upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, gridx double precision DEFAULT NULL::double precision, gridy double precision DEFAULT NULL::double precision, pixeltype text[] DEFAULT ARRAY['8BUI'::text], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, $6, $7, $8, NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, double precision, double precision, text[], double precision[], double precision[], double precision, double precision, boolean) IS
  'args: geom, width, height, gridx=NULL, gridy=NULL, pixeltype=ARRAY[''8BUI''], value=ARRAY[1], nodataval=ARRAY[0], skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, gridx double precision, gridy double precision, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, ARRAY[$6]::text[], ARRAY[$7]::double precision[], ARRAY[$8]::double precision[], NULL, NULL, $4, $5, $9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, double precision, double precision, text, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, width, height, gridx, gridy, pixeltype, value=1, nodataval=0, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, pixeltype text, value double precision DEFAULT 1, nodataval double precision DEFAULT 0, upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, ARRAY[$4]::text[], ARRAY[$5]::double precision[], ARRAY[$6]::double precision[], $7, $8, NULL, NULL,$9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, text, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, width, height, pixeltype, value=1, nodataval=0, upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';

CREATE FUNCTION @extschema@.st_asraster(geom geometry, width integer, height integer, pixeltype text[], value double precision[] DEFAULT ARRAY[(1)::double precision], nodataval double precision[] DEFAULT ARRAY[(0)::double precision], upperleftx double precision DEFAULT NULL::double precision, upperlefty double precision DEFAULT NULL::double precision, skewx double precision DEFAULT 0, skewy double precision DEFAULT 0, touched boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_asraster($1, NULL, NULL, $2, $3, $4, $5, $6, $7, $8, NULL, NULL,	$9, $10, $11);
COMMENT ON FUNCTION @extschema@.st_asraster(geometry, integer, integer, text[], double precision[], double precision[], double precision, double precision, double precision, double precision, boolean) IS
  'args: geom, width, height, pixeltype, value=ARRAY[1], nodataval=ARRAY[0], upperleftx=NULL, upperlefty=NULL, skewx=0, skewy=0, touched=false - Converts a PostGIS geometry to a PostGIS raster.';
-- warp: ST_Transform, ST_Resample, ST_Rescale, ST_Reskew, ST_SnapToGrid, ST_Resize (sql/94-warp.sql)

CREATE FUNCTION @extschema@._plpy__st_gdalwarp(rast bytea, algorithm text, maxerr double precision, srid integer, scalex double precision, scaley double precision, gridx double precision, gridy double precision, skewx double precision, skewy double precision, width integer, height integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.gdal_warp(rast, algorithm, maxerr, srid, scalex, scaley, gridx, gridy, skewx, skewy, width, height)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_gdalwarp(bytea, text, double precision, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer, integer) IS
  'PL/Python body of _st_gdalwarp, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_gdalwarp(rast @extschema@.raster,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125,
    srid integer DEFAULT NULL, scalex double precision DEFAULT 0, scaley double precision DEFAULT 0,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0,
    width integer DEFAULT NULL, height integer DEFAULT NULL) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_gdalwarp(rast, algorithm, maxerr, srid, scalex, scaley, gridx, gridy, skewx, skewy, width, height)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._st_gdalwarp(@extschema@.raster, text, double precision, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer, integer) IS
  'Warps a raster with GDAL''s warper: the one function behind ST_Transform, ST_Resample, ST_Rescale, ST_Reskew, ST_SnapToGrid and ST_Resize';

CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, srid integer,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125,
    scalex double precision DEFAULT 0, scaley double precision DEFAULT 0)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, srid, scalex, scaley);
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, integer, text, double precision, double precision, double precision) IS
  'args: rast, srid, algorithm=NearestNeighbor, maxerr=0.125, scalex, scaley - Reprojects a raster in a known spatial reference system to another known spatial reference system using specified resampling algorithm.';

CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, srid integer,
    scalex double precision, scaley double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, srid, scalex, scaley);
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, integer, double precision, double precision, text, double precision) IS
  'args: rast, srid, scalex, scaley, algorithm=NearestNeighbor, maxerr=0.125 - Reprojects a raster to another SRID at the given scales.';

CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, srid integer,
    scalexy double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, srid, scalexy, scalexy);
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, integer, double precision, text, double precision) IS
  'args: rast, srid, scalexy, algorithm=NearestNeighbor, maxerr=0.125 - Reprojects a raster to another SRID at the given scale.';

CREATE FUNCTION @extschema@._plpy_st_transform(rast bytea, alignto bytea, algorithm text, maxerr double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resample_to(rast, alignto, algorithm, maxerr, True, True)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_transform(bytea, bytea, text, double precision) IS
  'PL/Python body of st_transform, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_transform(rast @extschema@.raster, alignto @extschema@.raster,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_transform(rast, alignto, algorithm, maxerr)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_transform(@extschema@.raster, @extschema@.raster, text, double precision) IS
  'args: rast, alignto, algorithm=NearestNeighbor, maxerr=0.125 - Reprojects a raster to the SRID, scale, skew and grid of another raster.';

CREATE FUNCTION @extschema@._plpy_st_resample(rast bytea, ref bytea, algorithm text, maxerr double precision, usescale boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resample_to(rast, ref, algorithm, maxerr, usescale, False)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_resample(bytea, bytea, text, double precision, boolean) IS
  'PL/Python body of st_resample, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster, ref @extschema@.raster,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125,
    usescale boolean DEFAULT true) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_resample(rast, ref, algorithm, maxerr, usescale)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, @extschema@.raster, text, double precision, boolean) IS
  'args: rast, ref, algorithm=NearestNeighbour, maxerr=0.125, usescale=true - Resample a raster to the grid (and scale or size) of a reference raster.';

CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster, ref @extschema@.raster,
    usescale boolean, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_resample(rast, ref, algorithm, maxerr, usescale);
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, @extschema@.raster, boolean, text, double precision) IS
  'args: rast, ref, usescale, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster to the grid (and scale or size) of a reference raster.';

CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster,
    scalex double precision DEFAULT 0, scaley double precision DEFAULT 0,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley, gridx, gridy, skewx, skewy);
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, double precision, double precision, double precision, double precision, double precision, double precision, text, double precision) IS
  'args: rast, scalex=0, scaley=0, gridx=NULL, gridy=NULL, skewx=0, skewy=0, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster to the given scales and grid.';

CREATE FUNCTION @extschema@.st_resample(rast @extschema@.raster, width integer, height integer,
    gridx double precision DEFAULT NULL, gridy double precision DEFAULT NULL,
    skewx double precision DEFAULT 0, skewy double precision DEFAULT 0,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, NULL, NULL, gridx, gridy, skewx, skewy, width, height);
COMMENT ON FUNCTION @extschema@.st_resample(@extschema@.raster, integer, integer, double precision, double precision, double precision, double precision, text, double precision) IS
  'args: rast, width, height, gridx=NULL, gridy=NULL, skewx=0, skewy=0, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster to the given size and grid.';

CREATE FUNCTION @extschema@.st_rescale(rast @extschema@.raster, scalex double precision,
    scaley double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley);
COMMENT ON FUNCTION @extschema@.st_rescale(@extschema@.raster, double precision, double precision, text, double precision) IS
  'args: rast, scalex, scaley, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its scale (or pixel size).';

CREATE FUNCTION @extschema@.st_rescale(rast @extschema@.raster, scalexy double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalexy, scalexy);
COMMENT ON FUNCTION @extschema@.st_rescale(@extschema@.raster, double precision, text, double precision) IS
  'args: rast, scalexy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its scale (or pixel size).';

CREATE FUNCTION @extschema@.st_reskew(rast @extschema@.raster, skewx double precision,
    skewy double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, 0, 0, NULL, NULL, skewx, skewy);
COMMENT ON FUNCTION @extschema@.st_reskew(@extschema@.raster, double precision, double precision, text, double precision) IS
  'args: rast, skewx, skewy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its skew (non-zero skews are not implemented yet).';

CREATE FUNCTION @extschema@.st_reskew(rast @extschema@.raster, skewxy double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, 0, 0, NULL, NULL, skewxy, skewxy);
COMMENT ON FUNCTION @extschema@.st_reskew(@extschema@.raster, double precision, text, double precision) IS
  'args: rast, skewxy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by adjusting only its skew (non-zero skews are not implemented yet).';

CREATE FUNCTION @extschema@.st_snaptogrid(rast @extschema@.raster, gridx double precision,
    gridy double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125, scalex double precision DEFAULT 0,
    scaley double precision DEFAULT 0)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley, gridx, gridy);
COMMENT ON FUNCTION @extschema@.st_snaptogrid(@extschema@.raster, double precision, double precision, text, double precision, double precision, double precision) IS
  'args: rast, gridx, gridy, algorithm=NearestNeighbour, maxerr=0.125, scalex=DEFAULT 0, scaley=DEFAULT 0 - Resample a raster by snapping it to a grid.';

CREATE FUNCTION @extschema@.st_snaptogrid(rast @extschema@.raster, gridx double precision,
    gridy double precision, scalex double precision, scaley double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalex, scaley, gridx, gridy);
COMMENT ON FUNCTION @extschema@.st_snaptogrid(@extschema@.raster, double precision, double precision, double precision, double precision, text, double precision) IS
  'args: rast, gridx, gridy, scalex, scaley, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by snapping it to a grid.';

CREATE FUNCTION @extschema@.st_snaptogrid(rast @extschema@.raster, gridx double precision,
    gridy double precision, scalexy double precision,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, scalexy, scalexy, gridx, gridy);
COMMENT ON FUNCTION @extschema@.st_snaptogrid(@extschema@.raster, double precision, double precision, double precision, text, double precision) IS
  'args: rast, gridx, gridy, scalexy, algorithm=NearestNeighbour, maxerr=0.125 - Resample a raster by snapping it to a grid.';

CREATE FUNCTION @extschema@._plpy_st_resize(rast bytea, width text, height text, algorithm text, maxerr double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resize_text(rast, width, height, algorithm, maxerr)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_resize(bytea, text, text, text, double precision) IS
  'PL/Python body of st_resize, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_resize(rast @extschema@.raster, width text, height text,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_resize(rast, width, height, algorithm, maxerr)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_resize(@extschema@.raster, text, text, text, double precision) IS
  'args: rast, width, height, algorithm=NearestNeighbor, maxerr=0.125 - Resize a raster to a new width/height (pixels or percentages such as ''50%'')';

CREATE FUNCTION @extschema@.st_resize(rast @extschema@.raster, width integer, height integer,
    algorithm text DEFAULT 'NearestNeighbour', maxerr double precision DEFAULT 0.125)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_gdalwarp(rast, algorithm, maxerr, NULL, NULL, NULL, NULL, NULL, NULL, NULL, pg_catalog.abs(width), pg_catalog.abs(height));
COMMENT ON FUNCTION @extschema@.st_resize(@extschema@.raster, integer, integer, text, double precision) IS
  'args: rast, width, height, algorithm=NearestNeighbor, maxerr=0.125 - Resize a raster to a new width/height';

CREATE FUNCTION @extschema@._plpy_st_resize(rast bytea, percentwidth double precision, percentheight double precision, algorithm text, maxerr double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import warp
return warp.resize_fraction(rast, percentwidth, percentheight, algorithm, maxerr)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_resize(bytea, double precision, double precision, text, double precision) IS
  'PL/Python body of st_resize, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_resize(rast @extschema@.raster, percentwidth double precision,
    percentheight double precision, algorithm text DEFAULT 'NearestNeighbour',
    maxerr double precision DEFAULT 0.125) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_resize(rast, percentwidth, percentheight, algorithm, maxerr)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_resize(@extschema@.raster, double precision, double precision, text, double precision) IS
  'args: rast, percentwidth, percentheight, algorithm=NearestNeighbor, maxerr=0.125 - Resize a raster to fractions (0 < f <= 1) of its width/height';

-- warp: ST_AsGDALRaster, ST_AsTIFF, ST_AsPNG, ST_AsJPEG, ST_GDALDrivers, ST_FromGDALRaster, plraster_gdal_version (sql/94-formats.sql)

CREATE TABLE @extschema@.plraster_gdal_read_drivers (
  short_name text PRIMARY KEY
);
INSERT INTO @extschema@.plraster_gdal_read_drivers VALUES ('GTiff'), ('PNG'), ('JPEG'), ('GIF');
REVOKE ALL ON TABLE @extschema@.plraster_gdal_read_drivers FROM PUBLIC;
GRANT SELECT ON TABLE @extschema@.plraster_gdal_read_drivers TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plraster_gdal_read_drivers', '');
COMMENT ON TABLE @extschema@.plraster_gdal_read_drivers IS
  'GDAL drivers ST_FromGDALRaster may read with; only its owner (a superuser) may change it. Never enable drivers that read other files or URLs (VRT, GTI, WMS, WMTS, XYZ, PostGISRaster...).';

CREATE FUNCTION @extschema@._plpy_st_asgdalraster(rast bytea, format text, options text[], srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_gdal_raster(rast, format, options, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_asgdalraster(bytea, text, text[], integer) IS
  'PL/Python body of st_asgdalraster, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_asgdalraster(rast @extschema@.raster, format text,
    options text[] DEFAULT NULL, srid integer DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_asgdalraster(rast, format, options, srid);
COMMENT ON FUNCTION @extschema@.st_asgdalraster(@extschema@.raster, text, text[], integer) IS
  'args: rast, format, options=NULL, srid=sameassource - Return the raster tile in the designated GDAL Raster format (GTiff, COG, PNG, JPEG, ... see ST_GDALDrivers).';

CREATE FUNCTION @extschema@._plpy_st_astiff(rast bytea, options text[], srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff(rast, None, options, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_astiff(bytea, text[], integer) IS
  'PL/Python body of st_astiff, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, options text[] DEFAULT NULL,
    srid integer DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_astiff(rast, options, srid);
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, text[], integer) IS
  'args: rast, options='''', srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_astiff(rast bytea, nbands integer[], options text[], srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff(rast, nbands, options, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_astiff(bytea, integer[], text[], integer) IS
  'PL/Python body of st_astiff, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, nbands integer[],
    options text[] DEFAULT NULL, srid integer DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_astiff(rast, nbands, options, srid);
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, integer[], text[], integer) IS
  'args: rast, nbands, options, srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_astiff(rast bytea, compression text, srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff_compression(rast, None, compression, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_astiff(bytea, text, integer) IS
  'PL/Python body of st_astiff, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, compression text,
    srid integer DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_astiff(rast, compression, srid);
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, text, integer) IS
  'args: rast, compression='''', srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_astiff(rast bytea, nbands integer[], compression text, srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff_compression(rast, nbands, compression, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_astiff(bytea, integer[], text, integer) IS
  'PL/Python body of st_astiff, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, nbands integer[],
    compression text, srid integer DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_astiff(rast, nbands, compression, srid);
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, integer[], text, integer) IS
  'args: rast, nbands, compression='''', srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_aspng(rast bytea, options text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png(rast, None, options)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_aspng(bytea, text[]) IS
  'PL/Python body of st_aspng, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, options text[] DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_aspng(rast, options);
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, text[]) IS
  'args: rast, options=NULL - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@._plpy_st_aspng(rast bytea, nband integer, options text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png(rast, [nband], options)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_aspng(bytea, integer, text[]) IS
  'PL/Python body of st_aspng, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nband integer,
    options text[] DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_aspng(rast, nband, options);
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer, text[]) IS
  'args: rast, nband, options=NULL - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@._plpy_st_aspng(rast bytea, nband integer, compression integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png_compression(rast, [nband], compression)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_aspng(bytea, integer, integer) IS
  'PL/Python body of st_aspng, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nband integer, compression integer) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_aspng(rast, nband, compression);
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer, integer) IS
  'args: rast, nband, compression - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@._plpy_st_aspng(rast bytea, nbands integer[], options text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png(rast, nbands, options)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_aspng(bytea, integer[], text[]) IS
  'PL/Python body of st_aspng, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nbands integer[],
    options text[] DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_aspng(rast, nbands, options);
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer[], text[]) IS
  'args: rast, nbands, options=NULL - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@._plpy_st_aspng(rast bytea, nbands integer[], compression integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png_compression(rast, nbands, compression)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_aspng(bytea, integer[], integer) IS
  'PL/Python body of st_aspng, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nbands integer[], compression integer) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_aspng(rast, nbands, compression);
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer[], integer) IS
  'args: rast, nbands, compression - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@._plpy_st_asjpeg(rast bytea, options text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg(rast, None, options)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_asjpeg(bytea, text[]) IS
  'PL/Python body of st_asjpeg, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, options text[] DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_asjpeg(rast, options);
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, text[]) IS
  'args: rast, options=NULL - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_asjpeg(rast bytea, nband integer, options text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg(rast, [nband], options)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_asjpeg(bytea, integer, text[]) IS
  'PL/Python body of st_asjpeg, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nband integer,
    options text[] DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_asjpeg(rast, nband, options);
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer, text[]) IS
  'args: rast, nband, options=NULL - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_asjpeg(rast bytea, nband integer, quality integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg_quality(rast, [nband], quality)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_asjpeg(bytea, integer, integer) IS
  'PL/Python body of st_asjpeg, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nband integer, quality integer) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_asjpeg(rast, nband, quality);
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer, integer) IS
  'args: rast, nband, quality - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_asjpeg(rast bytea, nbands integer[], options text[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg(rast, nbands, options)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_asjpeg(bytea, integer[], text[]) IS
  'PL/Python body of st_asjpeg, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nbands integer[],
    options text[] DEFAULT NULL) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_asjpeg(rast, nbands, options);
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer[], text[]) IS
  'args: rast, nbands, options=NULL - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@._plpy_st_asjpeg(rast bytea, nbands integer[], quality integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg_quality(rast, nbands, quality)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_asjpeg(bytea, integer[], integer) IS
  'PL/Python body of st_asjpeg, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nbands integer[], quality integer) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_asjpeg(rast, nbands, quality);
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer[], integer) IS
  'args: rast, nbands, quality - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@.st_gdaldrivers(OUT idx integer, OUT short_name text,
    OUT long_name text, OUT can_read boolean, OUT can_write boolean, OUT create_options text)
RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.gdal_drivers()
$$;
COMMENT ON FUNCTION @extschema@.st_gdaldrivers() IS
  'Returns the GDAL drivers plraster may use: can_write for ST_AsGDALRaster, can_read for ST_FromGDALRaster (enabled in plraster_gdal_read_drivers by a superuser).';

CREATE FUNCTION @extschema@._plpy_st_fromgdalraster(gdaldata bytea, srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.from_gdal_raster(gdaldata, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_fromgdalraster(bytea, integer) IS
  'PL/Python body of st_fromgdalraster, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_fromgdalraster(gdaldata bytea, srid integer DEFAULT NULL) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_fromgdalraster(gdaldata, srid)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_fromgdalraster(bytea, integer) IS
  'args: gdaldata, srid=NULL - Returns a raster from a supported GDAL raster file (only the drivers in plraster_gdal_read_drivers are used).';

CREATE FUNCTION @extschema@.plraster_gdal_version() RETURNS text
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.gdal_version()
$$;
COMMENT ON FUNCTION @extschema@.plraster_gdal_version() IS
  'Reports the version of the GDAL library plraster uses (as postgis_gdal_version() words it).';
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

-- dumpfix: restoring a dump of plraster_gdal_read_drivers skips the rows CREATE EXTENSION put back
-- A dump restores this table's rows after CREATE EXTENSION has inserted the default ones
-- again: a row already there is skipped, so that the restore does not fail on them (a
-- default a superuser deleted comes back after a restore).
CREATE FUNCTION @extschema@._plraster_gdal_read_drivers_skip_present() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM @extschema@.plraster_gdal_read_drivers d
             WHERE d.short_name OPERATOR(pg_catalog.=) NEW.short_name) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER plraster_gdal_read_drivers_skip_present
  BEFORE INSERT ON @extschema@.plraster_gdal_read_drivers
  FOR EACH ROW EXECUTE FUNCTION @extschema@._plraster_gdal_read_drivers_skip_present();

-- versions: PostGIS raster's version functions
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

-- mapexpr: ST_MapAlgebra's expression forms, ST_MapAlgebraExpr, ST_Intersection(raster, raster) (sql/90-mapexpr.sql, as tools/sqlgen.py installs it)
CREATE FUNCTION @extschema@._plpy__st_mapalgebra(rastbandargset @extschema@.rastbandarg[], expression text, pixeltype text, extenttype text, nodata1expr text, nodata2expr text, nodatanodataval double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra(rastbandargset, expression, pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_mapalgebra(@extschema@.rastbandarg[], text, text, text, text, text, double precision) IS
  'PL/Python body of _st_mapalgebra, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_mapalgebra(rastbandargset @extschema@.rastbandarg[],
    expression text, pixeltype text DEFAULT NULL::text,
    extenttype text DEFAULT 'INTERSECTION'::text, nodata1expr text DEFAULT NULL::text,
    nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_mapalgebra(rastbandargset, expression, pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._st_mapalgebra(@extschema@.rastbandarg[], text, text, text, text, text, double precision) IS
  'The worker of ST_MapAlgebra''s expression forms';

CREATE FUNCTION @extschema@._plpy__plraster_mapalgebra_expr(rast bytea, nband integer, expression text, pixeltype text, nodata1expr text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra_one(rast, nband, expression, pixeltype, nodata1expr)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_mapalgebra_expr(bytea, integer, text, text, text) IS
  'PL/Python body of _plraster_mapalgebra_expr, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_mapalgebra_expr(rast @extschema@.raster,
    nband integer, expression text, pixeltype text, nodata1expr text) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__plraster_mapalgebra_expr(rast, nband, expression, pixeltype, nodata1expr)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._plraster_mapalgebra_expr(@extschema@.raster, integer, text, text, text) IS
  '_ST_MapAlgebra(ARRAY[ROW(rast, nband)]::rastbandarg[], expression, pixeltype, ''FIRST'', nodata1expr), without building the rastbandarg array';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer,
    pixeltype text, expression text,
    nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plraster_mapalgebra_expr(rast, nband, expression, pixeltype,
    nodataval::text);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, text, text, double precision) IS
  'args: rast, nband, pixeltype, expression, nodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, pixeltype text,
    expression text, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebra(rast, 1, pixeltype, expression, nodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, text, text, double precision) IS
  'args: rast, pixeltype, expression, nodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, expression text,
    pixeltype text DEFAULT NULL::text, extenttype text DEFAULT 'INTERSECTION'::text,
    nodata1expr text DEFAULT NULL::text, nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_mapalgebra(
    ARRAY[ROW(rast1, band1), ROW(rast2, band2)]::@extschema@.rastbandarg[], expression,
    pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, @extschema@.raster, integer, text, text, text, text, text, double precision) IS
  'args: rast1, nband1, rast2, nband2, expression, pixeltype=NULL, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast1 @extschema@.raster,
    rast2 @extschema@.raster, expression text, pixeltype text DEFAULT NULL::text,
    extenttype text DEFAULT 'INTERSECTION'::text, nodata1expr text DEFAULT NULL::text,
    nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebra(rast1, 1, rast2, 1, expression, pixeltype, extenttype,
    nodata1expr, nodata2expr, nodatanodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, @extschema@.raster, text, text, text, text, text, double precision) IS
  'args: rast1, rast2, expression, pixeltype=NULL, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

-- ST_MapAlgebraExpr (deprecated since PostGIS 2.1) -------------------------------------

CREATE FUNCTION @extschema@._plpy_st_mapalgebraexpr(rast bytea, band integer, pixeltype text, expression text, nodataval double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra_expr(rast, band, pixeltype, expression, nodataval)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_mapalgebraexpr(bytea, integer, text, text, double precision) IS
  'PL/Python body of st_mapalgebraexpr, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast @extschema@.raster, band integer,
    pixeltype text, expression text,
    nodataval double precision DEFAULT NULL::double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_mapalgebraexpr(rast, band, pixeltype, expression, nodataval)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, integer, text, text, double precision) IS
  'args: rast, band, pixeltype, expression, nodataval=NULL - 1 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the input raster band and of pixeltype provided. Band 1 is assumed if no band is specified.';

CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast @extschema@.raster, pixeltype text,
    expression text, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebraexpr(rast, 1, pixeltype, expression, nodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, text, text, double precision) IS
  'args: rast, pixeltype, expression, nodataval=NULL - 1 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the input raster band and of pixeltype provided. Band 1 is assumed if no band is specified.';

CREATE FUNCTION @extschema@._plpy_st_mapalgebraexpr(rast1 bytea, band1 integer, rast2 bytea, band2 integer, expression text, pixeltype text, extenttype text, nodata1expr text, nodata2expr text, nodatanodataval double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra_expr2(rast1, band1, rast2, band2, expression, pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_mapalgebraexpr(bytea, integer, bytea, integer, text, text, text, text, text, double precision) IS
  'PL/Python body of st_mapalgebraexpr, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, expression text,
    pixeltype text DEFAULT NULL::text, extenttype text DEFAULT 'INTERSECTION'::text,
    nodata1expr text DEFAULT NULL::text, nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_mapalgebraexpr(rast1, band1, rast2, band2, expression, pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, integer, @extschema@.raster, integer, text, text, text, text, text, double precision) IS
  'args: rast1, band1, rast2, band2, expression, pixeltype=same_as_rast1_band, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - 2 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the two input raster bands and of pixeltype provided. band 1 of each raster is assumed if no band numbers are specified. The resulting raster will be aligned (scale, skew and pixel corners) on the grid defined by the first raster and have its extent defined by the "extenttype" parameter. Values for "extenttype" can be: INTERSECTION, UNION, FIRST, SECOND.';

CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast1 @extschema@.raster,
    rast2 @extschema@.raster, expression text, pixeltype text DEFAULT NULL::text,
    extenttype text DEFAULT 'INTERSECTION'::text, nodata1expr text DEFAULT NULL::text,
    nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebraexpr(rast1, 1, rast2, 1, expression, pixeltype,
    extenttype, nodata1expr, nodata2expr, nodatanodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, @extschema@.raster, text, text, text, text, text, double precision) IS
  'args: rast1, rast2, expression, pixeltype=same_as_rast1_band, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - 2 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the two input raster bands and of pixeltype provided. band 1 of each raster is assumed if no band numbers are specified. The resulting raster will be aligned (scale, skew and pixel corners) on the grid defined by the first raster and have its extent defined by the "extenttype" parameter. Values for "extenttype" can be: INTERSECTION, UNION, FIRST, SECOND.';

-- ST_Intersection of two rasters -----------------------------------------------------------
-- The shared part of two aligned rasters: band1 of rast1 and/or band2 of rast2 over their
-- intersection, pixels outside the other raster's data set to nodata. As in PostGIS, this
-- is map algebra on '[rast1.val]' / '[rast2.val]' with the new nodata value as every
-- nodata expression; its NOTICEs are those of the functions it calls.

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, returnband text DEFAULT 'BOTH'::text,
    nodataval double precision[] DEFAULT NULL::double precision[])
RETURNS @extschema@.raster
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  nodata1 double precision;
  nodata2 double precision;
  which text;
  result @extschema@.raster;
BEGIN
  IF @extschema@.st_srid(rast1) OPERATOR(pg_catalog.<>) @extschema@.st_srid(rast2) THEN
    RAISE EXCEPTION 'The two rasters do not have the same SRID';
  END IF;
  nodata1 := COALESCE(nodataval[1], @extschema@.st_bandnodatavalue(rast1, band1),
    @extschema@.st_minpossiblevalue(@extschema@.st_bandpixeltype(rast1, band1)));
  nodata2 := COALESCE(nodataval[2], @extschema@.st_bandnodatavalue(rast2, band2),
    @extschema@.st_minpossiblevalue(@extschema@.st_bandpixeltype(rast2, band2)));
  which := pg_catalog.upper(returnband);
  IF which OPERATOR(pg_catalog.=) 'BAND1' OR which OPERATOR(pg_catalog.=) 'BOTH' THEN
    result := @extschema@.st_mapalgebraexpr(rast1, band1, rast2, band2, '[rast1.val]',
      @extschema@.st_bandpixeltype(rast1, band1), 'INTERSECTION', nodata1::pg_catalog.text,
      nodata1::pg_catalog.text, nodata1);
    result := @extschema@.st_setbandnodatavalue(result, 1, nodata1);
    IF which OPERATOR(pg_catalog.=) 'BOTH' THEN
      result := @extschema@.st_addband(result, @extschema@.st_mapalgebraexpr(rast1, band1,
        rast2, band2, '[rast2.val]', @extschema@.st_bandpixeltype(rast2, band2),
        'INTERSECTION', nodata2::pg_catalog.text, nodata2::pg_catalog.text, nodata2));
      result := @extschema@.st_setbandnodatavalue(result, 2, nodata2);
    END IF;
  ELSIF which OPERATOR(pg_catalog.=) 'BAND2' THEN
    result := @extschema@.st_mapalgebraexpr(rast1, band1, rast2, band2, '[rast2.val]',
      @extschema@.st_bandpixeltype(rast2, band2), 'INTERSECTION', nodata2::pg_catalog.text,
      nodata2::pg_catalog.text, nodata2);
    result := @extschema@.st_setbandnodatavalue(result, 1, nodata2);
  ELSE
    RAISE EXCEPTION 'Unknown value provided for returnband: %', returnband;
  END IF;
  RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, text, double precision[]) IS
  'args: rast1, band1, rast2, band2, returnband, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, returnband text, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, band1, rast2, band2, returnband,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, text, double precision) IS
  'args: rast1, band1, rast2, band2, returnband, nodataval - Returns a raster representing the shared portion of two rasters.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, nodataval double precision[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, band1, rast2, band2, 'BOTH'::text, nodataval);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, double precision[]) IS
  'args: rast1, band1, rast2, band2, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, band1, rast2, band2, 'BOTH'::text,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rast1, band1, rast2, band2, nodataval - Returns a raster representing the shared portion of two rasters.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, returnband text DEFAULT 'BOTH'::text,
    nodataval double precision[] DEFAULT NULL::double precision[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, returnband, nodataval);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, text, double precision[]) IS
  'args: rast1, rast2, returnband, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, returnband text, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, returnband,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, text, double precision) IS
  'args: rast1, rast2, returnband, nodataval - Returns a raster representing the shared portion of two rasters.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, nodataval double precision[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, 'BOTH'::text, nodataval);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, double precision[]) IS
  'args: rast1, rast2, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, 'BOTH'::text,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, double precision) IS
  'args: rast1, rast2, nodataval - Returns a raster representing the shared portion of two rasters.';
-- colormap: ST_ColorMap, both forms (generated from sql/89-colormap.sql by tools/sqlgen.py)
-- from sql/89-colormap.sql
-- ST_ColorMap (functions/colormap.py): a band mapped to up to four 8BUI bands through a
-- named map or a colour table. Signatures, defaults, volatility and strictness are PostGIS 3.3's.
CREATE FUNCTION @extschema@._plpy_st_colormap(rast bytea, nband integer, colormap text, method text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import colormap as _colormap
return _colormap.colormap(rast, nband, colormap, method)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_colormap(bytea, integer, text, text) IS
  'PL/Python body of st_colormap, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_colormap(rast @extschema@.raster, nband integer DEFAULT 1,
    colormap text DEFAULT 'grayscale', method text DEFAULT 'INTERPOLATE') RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_colormap(rast, nband, colormap, method)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_colormap(@extschema@.raster, integer, text, text) IS
  'args: rast, nband=1, colormap=grayscale, method=INTERPOLATE - Creates a new raster of up to four 8BUI bands (grayscale, RGB, RGBA) from the source raster and a specified band. Band 1 is assumed if not specified.';

CREATE FUNCTION @extschema@.st_colormap(rast @extschema@.raster, colormap text,
    method text DEFAULT 'INTERPOLATE')
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_colormap(rast, 1, colormap, method);
COMMENT ON FUNCTION @extschema@.st_colormap(@extschema@.raster, text, text) IS
  'args: rast, colormap, method=INTERPOLATE - Creates a new raster of up to four 8BUI bands (grayscale, RGB, RGBA) from the source raster and a specified band. Band 1 is assumed if not specified.';


-- interpolate: ST_InterpolateRaster (sql/93-interpolate.sql, as tools/sqlgen.py installs it)
CREATE FUNCTION @extschema@._plpy__plraster_interpolateraster(geom bytea, options text, rast bytea, bandnumber integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import interpolate
return interpolate.interpolate_raster(geom, options, rast, bandnumber)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_interpolateraster(bytea, text, bytea, integer) IS
  'PL/Python body of _plraster_interpolateraster, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_interpolateraster(geom bytea, options text,
    rast @extschema@.raster, bandnumber integer) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__plraster_interpolateraster(geom, options, rast, bandnumber)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._plraster_interpolateraster(bytea, text, @extschema@.raster, integer) IS
  'The worker of ST_InterpolateRaster: the geometry as ISO WKB';

CREATE FUNCTION @extschema@.st_interpolateraster(geom geometry, options text,
    rast @extschema@.raster, bandnumber integer DEFAULT 1)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_interpolateraster(st_asbinary(geom), options, rast, bandnumber);
COMMENT ON FUNCTION @extschema@.st_interpolateraster(geometry, text, @extschema@.raster, integer) IS
  'args: input_points, algorithm_options, template, template_band_num=1 - Interpolates a gridded surface based on an input set of 3-d points, using the X- and Y-values to position the points on the grid and the Z-value of the points as the surface elevation.';

-- cogwrite: plraster_write_cog (sql/96-cogwrite.sql)
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

-- pixelas: ST_PixelAsPoints, ST_PixelAsCentroids and ST_PixelAsPolygons unnest arrays made with
-- numpy by _plraster_pixelas instead of a Python row per pixel (issue 13).
CREATE FUNCTION @extschema@._plpy__plraster_pixelas(rast bytea, band integer, exclude_nodata_value boolean, kind text) RETURNS TABLE(geoms bytea, size integer, vals text, width integer, row0 integer)
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 4 AS $$
from plraster.sqlapi import pixels
return pixels.pixel_chunks(rast, band, exclude_nodata_value, kind)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_pixelas(bytea, integer, boolean, text) IS
  'PL/Python body of _plraster_pixelas, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_pixelas(rast @extschema@.raster, band integer,
    exclude_nodata_value boolean, kind text) RETURNS TABLE(geoms bytea, size integer, vals text, width integer, row0 integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 4
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy__plraster_pixelas(rast, band, exclude_nodata_value, kind);
END;
COMMENT ON FUNCTION @extschema@._plraster_pixelas(@extschema@.raster, integer, boolean, text) IS
  'Internal: the work of ST_PixelAsPoints, ST_PixelAsCentroids and ST_PixelAsPolygons, chunks of whole raster rows as the EWKB of every pixel in one bytea (size bytes each) and the values as double precision[] text (NULL: nodata excluded)';

CREATE OR REPLACE FUNCTION @extschema@.st_pixelaspolygons(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT CAST(substring(c.geoms FROM CAST((u.n - 1) * c.size + 1 AS integer) FOR c.size) AS geometry),
         u.v, CAST((u.n - 1) % c.width + 1 AS integer), CAST(c.row0 + (u.n - 1) / c.width + 1 AS integer)
    FROM @extschema@._plraster_pixelas(rast, band, exclude_nodata_value, 'polygons'::text) AS c,
         unnest(CAST(c.vals AS double precision[])) WITH ORDINALITY AS u(v, n)
   WHERE u.v IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.st_pixelaspolygons(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as a polygon with its value and 1-based column and row';

CREATE OR REPLACE FUNCTION @extschema@.st_pixelaspoints(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT CAST(substring(c.geoms FROM CAST((u.n - 1) * c.size + 1 AS integer) FOR c.size) AS geometry),
         u.v, CAST((u.n - 1) % c.width + 1 AS integer), CAST(c.row0 + (u.n - 1) / c.width + 1 AS integer)
    FROM @extschema@._plraster_pixelas(rast, band, exclude_nodata_value, 'points'::text) AS c,
         unnest(CAST(c.vals AS double precision[])) WITH ORDINALITY AS u(v, n)
   WHERE u.v IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.st_pixelaspoints(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as its upper-left corner point with its value, column and row';

CREATE OR REPLACE FUNCTION @extschema@.st_pixelascentroids(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT CAST(substring(c.geoms FROM CAST((u.n - 1) * c.size + 1 AS integer) FOR c.size) AS geometry),
         u.v, CAST((u.n - 1) % c.width + 1 AS integer), CAST(c.row0 + (u.n - 1) / c.width + 1 AS integer)
    FROM @extschema@._plraster_pixelas(rast, band, exclude_nodata_value, 'centroids'::text) AS c,
         unnest(CAST(c.vals AS double precision[])) WITH ORDINALITY AS u(v, n)
   WHERE u.v IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.st_pixelascentroids(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as its centre point with its value, column and row';
DROP FUNCTION @extschema@._plpy_st_pixelaspolygons(bytea, integer, boolean);
DROP FUNCTION @extschema@._plpy_st_pixelaspoints(bytea, integer, boolean);
DROP FUNCTION @extschema@._plpy_st_pixelascentroids(bytea, integer, boolean);

-- intersects: ST_Intersects(raster, geometry) without a band reads the SRID from the header
-- slice instead of handing the whole raster to PL/Python (issue 13: joins, pgbench, zonal statistics).
CREATE OR REPLACE FUNCTION @extschema@._st_intersects(geom geometry, rast @extschema@.raster, nband integer DEFAULT NULL)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN CASE
  -- no band and the same SRID (the join case): the hull decides, read from the header
  -- slice, without handing the whole raster to PL/Python
  WHEN nband IS NULL AND @extschema@.st_srid(rast) OPERATOR(pg_catalog.=) st_srid(geom)
    THEN coalesce(st_intersects(geom, @extschema@.st_convexhull(rast)), false)
  WHEN @extschema@._plraster_hull_decides(rast, nband, st_srid(geom))
    THEN coalesce(st_intersects(geom, @extschema@.st_convexhull(rast)), false)
  WHEN NOT coalesce(st_intersects(geom, @extschema@.st_convexhull(rast)), false) THEN false
  ELSE st_intersects(geom, ST_UnaryUnion(@extschema@._plraster_data_surface(rast, nband))) END;
COMMENT ON FUNCTION @extschema@._st_intersects(geometry, @extschema@.raster, integer) IS
  'args: geom, rast, nband=NULL - ST_Intersects of a geometry and a raster''s convex hull, or its band''s pixels that are not nodata.';
