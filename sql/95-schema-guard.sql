-- The extension's schema belongs to plraster: no other function or operator may take the
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
