"""A superuser whose search_path puts public before pg_catalog must not run what another
role put in public (issue 9, finding 5).

A role with CREATE on public plants functions and operators named like the built-ins that
plraster's run-time-parsed bodies use (get_byte, substring, encode, =, |, <<, +, ...);
each records its call in a log table. The superuser then calls plraster's functions with
`search_path = public, pg_catalog` in a fresh session (no cached plans), and nothing may
have been called; the answers are PostGIS's.
"""
import psycopg
import pytest

HOSTILE = "sqlharden_hostile"

# (name, argument types, result type, body) of each decoy: it logs, then does the real work.
DECOYS = [
    ("get_byte", "bytea, integer", "integer", "pg_catalog.get_byte($1, $2)"),
    ("substring", "bytea, integer, integer", "bytea", "pg_catalog.substring($1, $2, $3)"),
    ("encode", "bytea, text", "text", "pg_catalog.encode($1, $2)"),
    ("format", "text, text, text", "text", "pg_catalog.format($1, $2, $3)"),
]
OPERATORS = [  # (operator, left, right, result, built-in function)
    ("=", "integer", "integer", "boolean", "int4eq"),
    ("=", "bigint", "integer", "boolean", "int84eq"),
    ("=", "name", "name", "boolean", "nameeq"),
    ("=", "oid", "oid", "boolean", "oideq"),
    ("<>", "bigint", "integer", "boolean", "int84ne"),
    ("<", "bigint", "integer", "boolean", "int84lt"),
    ("<=", "integer", "integer", "boolean", "int4le"),
    (">", "integer", "integer", "boolean", "int4gt"),
    ("|", "integer", "integer", "integer", "int4or"),
    ("|", "bigint", "bigint", "bigint", "int8or"),
    ("&", "bigint", "bigint", "bigint", "int8and"),
    ("<<", "integer", "integer", "integer", "int4shl"),
    ("<<", "bigint", "integer", "bigint", "int8shl"),
    (">>", "bigint", "integer", "bigint", "int8shr"),
    ("+", "integer", "integer", "integer", "int4pl"),
    ("+", "bigint", "bigint", "bigint", "int8pl"),
    ("-", "integer", "integer", "integer", "int4mi"),
    ("%", "integer", "integer", "integer", "int4mod"),
    ("*", "double precision", "double precision", "double precision", "float8mul"),
    ("^", "double precision", "double precision", "double precision", "dpow"),
    ("||", "text", "text", "text", "textcat"),
]
HEADER_FUNCTIONS = ["st_width", "st_height", "st_numbands", "st_srid", "st_scalex", "st_scaley",
                    "st_upperleftx", "st_upperlefty", "st_skewx", "st_skewy"]


@pytest.fixture
def hostile_public(db_url):
    """Decoys planted in public by a role with CREATE on it; dropped afterwards."""
    with psycopg.connect(db_url, autocommit=True) as su:
        su.execute("DROP ROLE IF EXISTS %s" % HOSTILE)
        su.execute("CREATE ROLE %s LOGIN" % HOSTILE)
        su.execute("GRANT CREATE, USAGE ON SCHEMA public TO %s" % HOSTILE)
        su.execute("SET ROLE %s" % HOSTILE)
        su.execute("CREATE TABLE public.sqlharden_log (fn text)")
        su.execute("GRANT INSERT ON public.sqlharden_log TO PUBLIC")
        # The log rolls back with a failed statement; the sequence does not.
        su.execute("CREATE SEQUENCE public.sqlharden_hits")
        su.execute("GRANT USAGE, UPDATE ON SEQUENCE public.sqlharden_hits TO PUBLIC")
        for name, args, result, body in DECOYS:
            su.execute("CREATE FUNCTION public.%s(%s) RETURNS %s LANGUAGE sql VOLATILE AS $$ "
                       "INSERT INTO public.sqlharden_log VALUES ('%s'); "
                       "SELECT pg_catalog.nextval('public.sqlharden_hits'); SELECT %s $$"
                       % (name, args, result, name, body))
        for i, (op, left, right, result, builtin) in enumerate(OPERATORS):
            fn = "public.sqlharden_op%d" % i
            su.execute("CREATE FUNCTION %s(%s, %s) RETURNS %s LANGUAGE sql VOLATILE AS $$ "
                       "INSERT INTO public.sqlharden_log VALUES ('%s'); "
                       "SELECT pg_catalog.nextval('public.sqlharden_hits'); SELECT pg_catalog.%s($1, $2) $$"
                       % (fn, left, right, result, op.replace("'", "''"), builtin))
            su.execute("CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %s)"
                       % (op, left, right, fn))
        su.execute("RESET ROLE")
    yield db_url
    with psycopg.connect(db_url, autocommit=True) as su:
        su.execute("DROP OWNED BY %s CASCADE" % HOSTILE)
        su.execute("DROP ROLE %s" % HOSTILE)


def _hits(conn):
    return conn.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                        "FROM public.sqlharden_hits").fetchone()[0]


def _calls(conn):
    """The decoys called (by name, from the log) and how many calls in all (the sequence
    also counts calls in statements that failed and rolled back)."""
    names = [r[0] for r in conn.execute("SELECT fn FROM public.sqlharden_log")]
    hits = conn.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                        "FROM public.sqlharden_hits").fetchone()[0]
    return names if names or not hits else ["%d calls in failed statements" % hits]


RASTER = ("public.st_setsrid(public.st_makeemptyraster(7, 5, 10.5, -3.25, 0.5, -0.25, 0.125, 0.0625), 4326)")


def test_header_accessors_ignore_decoys_in_public(hostile_public):
    """ST_Width and kin as a superuser with search_path = public, pg_catalog: the decoys
    are not called and the values are PostGIS's (before the fix: get_byte, =, | ran)."""
    with psycopg.connect(hostile_public, autocommit=True) as su:
        su.execute("SET search_path = public, pg_catalog")
        for fn in HEADER_FUNCTIONS:
            pl_rast = "plraster.st_rastfromwkb(public.st_asbinary(%s))" % RASTER
            pg_value, pl_value = su.execute("SELECT public.%s(%s), plraster.%s(%s)"
                                            % (fn, RASTER, fn, pl_rast)).fetchone()
            assert pl_value == pg_value, fn
        assert _calls(su) == []


def test_decoys_are_reached_without_qualification(hostile_public):
    """The decoys work: an unqualified call under the same search_path reaches them (so
    the test above would see a hijack)."""
    with psycopg.connect(hostile_public, autocommit=True) as su:
        su.execute("SET search_path = public, pg_catalog")
        assert su.execute("SELECT get_byte('\\x01'::bytea, 0) = 1").fetchone() == (True,)
        assert sorted(_calls(su)) == ["=", "get_byte"]
        su.execute("DELETE FROM public.sqlharden_log")


MORE_DECOYS = [
    ("length", "bytea", "integer", "pg_catalog.length($1)"),
    ("position", "bytea, bytea", "integer", "pg_catalog.position($1, $2)"),
    ("strpos", "text, text", "integer", "pg_catalog.strpos($1, $2)"),
    ("quote_ident", "text", "text", "pg_catalog.quote_ident($1)"),
    ("to_regclass", "text", "regclass", "pg_catalog.to_regclass($1)"),
    ("pg_get_constraintdef", "oid", "text", "pg_catalog.pg_get_constraintdef($1)"),
    ("pg_get_expr", "pg_node_tree, oid", "text", "pg_catalog.pg_get_expr($1, $2)"),
    ("current_setting", "text, boolean", "text", "pg_catalog.current_setting($1, $2)"),
    ("hashtext", "text", "integer", "pg_catalog.hashtext($1)"),
]
# Sample arguments by type; functions needing anything else get NULL.
SAMPLES = {
    "raster": "r.rast", "integer": "1", "smallint": "1::smallint", "bigint": "1::bigint",
    "double precision": "1.0::float8", "boolean": "true", "text": "'GDAL'",
    "geometry": "public.st_setsrid(public.st_makepoint(0.5, -0.5), 0)",
    "integer[]": "ARRAY[1]", "double precision[]": "ARRAY[1.0::float8]", "raster[]": "ARRAY[r.rast]",
    "bytea": "plraster.st_asbinary(r.rast)", "name": None, "regclass": "'public.sqlharden_t'::regclass",
    "jsonb": "'{}'::jsonb", "oid[]": "ARRAY['public.sqlharden_t'::regclass::oid]",
    "text[]": "ARRAY['1']", "double precision[][]": "ARRAY[[1.0::float8]]",
    "regprocedure": "'plraster.st_mean4ma(double precision[], integer[], text[])'::regprocedure",
}
NAMES = ["'public'", "'sqlharden_t'", "'rast'"]
SKIP = {"plraster_add_source", "plraster_drop_source", "plraster_register_cog"}


def _calls_for_every_function(conn):
    """One SELECT per plraster function (not the aggregates nor event triggers), with
    sample arguments of its types."""
    rows = conn.execute("""
        SELECT p.proname, ARRAY(SELECT pg_catalog.format_type(t, NULL)
                                FROM pg_catalog.unnest(p.proargtypes::oid[]) t), p.proretset
        FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'plraster'::regnamespace AND p.prokind = 'f'
          AND p.prorettype <> 'event_trigger'::regtype ORDER BY p.oid""").fetchall()
    # plraster's own types (rastbandarg, reclassarg, geomval, ...) named with their schema
    own_types = {r[0] for r in conn.execute(
        "SELECT t.typname FROM pg_catalog.pg_type t "
        "WHERE t.typnamespace = 'plraster'::regnamespace").fetchall()}
    calls = []
    for name, types, retset in rows:
        if name in SKIP:
            continue
        args, names = [], iter(NAMES * 3)
        for t in types:
            t = t.replace("plraster.", "")
            args.append(next(names) if t == "name" else (SAMPLES.get(t) or "NULL::%s" % (
                "plraster." + t if t.split("[")[0] in own_types else t)))
        call = "plraster.%s(%s)" % (name, ", ".join(args))
        one = "SELECT %s FROM public.sqlharden_t r LIMIT 1" % call
        calls.append("SELECT count(*) FROM (%s) q" % one if retset else one)
    return calls


def test_every_function_as_superuser_ignores_decoys(hostile_public):
    """Every plraster function, called as a superuser with search_path = public,
    pg_catalog in a fresh session, calls none of the decoys (errors from odd sample
    arguments are fine: only what ran matters)."""
    with psycopg.connect(hostile_public, autocommit=True) as su:
        su.execute("SET ROLE %s" % HOSTILE)
        for name, args, result, body in MORE_DECOYS:
            su.execute("CREATE FUNCTION public.%s(%s) RETURNS %s LANGUAGE sql VOLATILE AS $$ "
                       "INSERT INTO public.sqlharden_log VALUES ('%s'); "
                       "SELECT pg_catalog.nextval('public.sqlharden_hits'); SELECT %s $$"
                       % (name, args, result, name, body))
        su.execute("RESET ROLE")
        su.execute("CREATE TABLE public.sqlharden_t (rid serial PRIMARY KEY, rast plraster.raster)")
        su.execute("INSERT INTO public.sqlharden_t (rast) SELECT plraster.st_addband("
                   "plraster.st_makeemptyraster(3, 3, 0, 0, 1, -1, 0, 0, 4326), '8BUI'::text, 5::float8, 0::float8)")
    with psycopg.connect(hostile_public, autocommit=True) as su:
        calls = _calls_for_every_function(su)
        su.execute("SET search_path = public, pg_catalog")
        assert len(calls) > 150
        failed, hijacked = 0, []
        for statement in calls + [
                "SELECT plraster.addrasterconstraints('public', 'sqlharden_t', 'rast')",
                "SELECT plraster.st_createoverview('public.sqlharden_t'::regclass, 'rast', 2)",
                "SELECT plraster.dropoverviewconstraints('public', 'o_2_sqlharden_t', 'rast')",
                "SELECT plraster.droprasterconstraints('public', 'sqlharden_t', 'rast')",
                "SELECT plraster.plraster_refresh_catalogs()",
                "SELECT count(*) FROM plraster.raster_columns",
                "SELECT plraster.st_union(rast), plraster.st_summarystatsagg(rast, 1, true) "
                "FROM public.sqlharden_t"]:
            before = _hits(su)
            su.execute("BEGIN")
            try:
                su.execute(statement).fetchall()
            except psycopg.Error:
                failed += 1
            su.execute("ROLLBACK")
            if _hits(su) != before:
                hijacked.append(statement)
        assert failed < len(calls) / 2  # most calls really ran
        assert hijacked == []
        su.execute("DROP TABLE public.sqlharden_t")


def test_pg_temp_objects_do_not_reach_security_definer_paths(hostile_public):
    """A role's own temporary objects (a domain named text, tables named like catalogs)
    do not reach what plraster runs for it as the extension's owner: the source read,
    the catalog refresh after DDL, the schema guard."""
    with psycopg.connect(hostile_public, autocommit=True) as conn:
        conn.execute("GRANT USAGE ON SCHEMA plraster TO %s" % HOSTILE)
        conn.execute("SET ROLE %s" % HOSTILE)
        conn.execute("CREATE FUNCTION public.sqlharden_logv(v text) RETURNS boolean LANGUAGE sql "
                     "VOLATILE AS $$ INSERT INTO public.sqlharden_log VALUES ('domain text'); "
                     "SELECT pg_catalog.nextval('public.sqlharden_hits'); SELECT true $$")
        conn.execute("CREATE DOMAIN pg_temp.text AS pg_catalog.text CHECK (public.sqlharden_logv(VALUE))")
        conn.execute("CREATE DOMAIN pg_temp.name AS pg_catalog.name CHECK (public.sqlharden_logv(VALUE))")
        for table in ("pg_class", "pg_namespace", "pg_attribute", "pg_extension", "pg_proc"):
            conn.execute("CREATE TEMP TABLE %s (oid oid, x int)" % table)
        rast = "plraster.st_rastfromwkb(public.st_asbinary(%s))" % RASTER
        for statement in [
                "SELECT plraster.st_width(%s)" % rast,
                "CREATE TABLE public.sqlharden_t2 (rast plraster.raster)",
                "ALTER TABLE public.sqlharden_t2 ADD COLUMN rast2 plraster.raster",
                "CREATE FUNCTION public.sqlharden_ok() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "SELECT count(*) FROM plraster.raster_columns"]:
            conn.execute(statement)
        conn.execute("DROP TABLE public.sqlharden_t2")
        conn.execute("RESET ROLE")
        assert _calls(conn) == []
        conn.execute("REVOKE USAGE ON SCHEMA plraster FROM %s" % HOSTILE)
