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
        for name, args, result, body in DECOYS:
            su.execute("CREATE FUNCTION public.%s(%s) RETURNS %s LANGUAGE sql VOLATILE AS $$ "
                       "INSERT INTO public.sqlharden_log VALUES ('%s'); SELECT %s $$"
                       % (name, args, result, name, body))
        for i, (op, left, right, result, builtin) in enumerate(OPERATORS):
            fn = "public.sqlharden_op%d" % i
            su.execute("CREATE FUNCTION %s(%s, %s) RETURNS %s LANGUAGE sql VOLATILE AS $$ "
                       "INSERT INTO public.sqlharden_log VALUES ('%s'); SELECT pg_catalog.%s($1, $2) $$"
                       % (fn, left, right, result, op.replace("'", "''"), builtin))
            su.execute("CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %s)"
                       % (op, left, right, fn))
        su.execute("RESET ROLE")
    yield db_url
    with psycopg.connect(db_url, autocommit=True) as su:
        su.execute("DROP OWNED BY %s CASCADE" % HOSTILE)
        su.execute("DROP ROLE %s" % HOSTILE)


def _calls(conn):
    return [r[0] for r in conn.execute("SELECT fn FROM public.sqlharden_log")]


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
