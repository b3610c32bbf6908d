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
  SELECT pg_catalog.string_agg(o.what, ', ' ORDER BY o.what)
  FROM (SELECT pg_catalog.format('function %s', p.oid::pg_catalog.regprocedure) AS what
        FROM pg_catalog.pg_proc p
        WHERE p.oid OPERATOR(pg_catalog.=) ANY (objects)
          AND p.pronamespace OPERATOR(pg_catalog.=) (SELECT x.extnamespace FROM pg_catalog.pg_extension x WHERE x.extname OPERATOR(pg_catalog.=) 'plraster')
          AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                          WHERE e.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                            AND e.objid OPERATOR(pg_catalog.=) p.oid
                            AND e.deptype OPERATOR(pg_catalog.=) 'e')
          AND EXISTS (SELECT FROM pg_catalog.pg_proc q
                      JOIN pg_catalog.pg_depend e
                        ON e.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                       AND e.objid OPERATOR(pg_catalog.=) q.oid AND e.deptype OPERATOR(pg_catalog.=) 'e'
                      JOIN pg_catalog.pg_extension x
                        ON x.oid OPERATOR(pg_catalog.=) e.refobjid
                       AND x.extname OPERATOR(pg_catalog.=) 'plraster'
                      WHERE q.proname OPERATOR(pg_catalog.=) p.proname
                        AND q.pronamespace OPERATOR(pg_catalog.=) p.pronamespace)
        UNION ALL
        SELECT pg_catalog.format('operator %s', o.oid::pg_catalog.regoperator)
        FROM pg_catalog.pg_operator o
        WHERE o.oid OPERATOR(pg_catalog.=) ANY (objects)
          AND o.oprnamespace OPERATOR(pg_catalog.=) (SELECT x.extnamespace FROM pg_catalog.pg_extension x WHERE x.extname OPERATOR(pg_catalog.=) 'plraster')
          AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                          WHERE e.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
                            AND e.objid OPERATOR(pg_catalog.=) o.oid
                            AND e.deptype OPERATOR(pg_catalog.=) 'e')
          AND EXISTS (SELECT FROM pg_catalog.pg_operator q
                      JOIN pg_catalog.pg_depend e
                        ON e.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
                       AND e.objid OPERATOR(pg_catalog.=) q.oid AND e.deptype OPERATOR(pg_catalog.=) 'e'
                      JOIN pg_catalog.pg_extension x
                        ON x.oid OPERATOR(pg_catalog.=) e.refobjid
                       AND x.extname OPERATOR(pg_catalog.=) 'plraster'
                      WHERE q.oprname OPERATOR(pg_catalog.=) o.oprname
                        AND q.oprnamespace OPERATOR(pg_catalog.=) o.oprnamespace)) o;
END;
COMMENT ON FUNCTION @extschema@._plraster_name_clashes(oid[]) IS
  'args: objects - The functions and operators among objects that take the name of one of plraster''s in its schema without belonging to an extension, as text (NULL for none)';

CREATE FUNCTION @extschema@._plraster_schema_guard() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  clashes text;
BEGIN
  SELECT @extschema@._plraster_name_clashes(array_agg(d.objid)) INTO clashes
  FROM pg_event_trigger_ddl_commands() d
  WHERE d.classid IN ('pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_operator'::regclass);
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
