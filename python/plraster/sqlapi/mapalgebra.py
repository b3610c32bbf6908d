"""SQL adapters of ST_MapAlgebra's callback forms and the *4ma callbacks (sql/90-mapalgebra.sql).

A user's callback is called through one prepared plan per call of ST_MapAlgebra: a SELECT
over the unnested per-pixel array literals, so PostgreSQL calls the function once per
pixel, in order, as it would call it itself (volatile functions included). PostGIS's *4ma
callbacks of this extension are recognised by their oid and computed with numpy.
"""
import plpy

from plraster.functions.mapalgebra import callbacks, ma4
from plraster.core.errors import InvalidParameterError
from . import prepared, sql_function

_FUNCTIONS = {}  # oid -> _FunctionInfo (small: cleared when it grows)

_LOOKUP = (
    "SELECT pg_catalog.quote_ident(n.nspname) OPERATOR(pg_catalog.||) '.' "
    "OPERATOR(pg_catalog.||) pg_catalog.quote_ident(p.proname) AS qualified, "
    "p.proname AS name, p.pronargs AS nargs, p.provariadic OPERATOR(pg_catalog.<>) 0 AS variadic, "
    "(SELECT pg_catalog.array_agg(pg_catalog.quote_ident(tn.nspname) OPERATOR(pg_catalog.||) '.' "
    "  OPERATOR(pg_catalog.||) pg_catalog.quote_ident(t.typname) ORDER BY a.i) "
    "  FROM pg_catalog.unnest(p.proargtypes) WITH ORDINALITY AS a(t, i) "
    "  JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) a.t "
    "  JOIN pg_catalog.pg_namespace tn ON tn.oid OPERATOR(pg_catalog.=) t.typnamespace) AS types, "
    "pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity, "
    "n.oid OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e "
    "  WHERE e.extname OPERATOR(pg_catalog.=) 'plraster') AS ours "
    "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n "
    "ON n.oid OPERATOR(pg_catalog.=) p.pronamespace "
    "WHERE p.oid OPERATOR(pg_catalog.=) $1::pg_catalog.regprocedure::pg_catalog.oid")

NEW_IDENTITY = "value double precision[], pos integer[], VARIADIC userargs text[]"


def cast_float8(text):
    """text::float8 as PostgreSQL casts it (its errors included)."""
    return plpy.execute(prepared("cast", "SELECT $1::pg_catalog.float8 AS f", ["text"]),
                        [text])[0]["f"]


class UserCallback(callbacks.Callback):
    """A callback function named by a regprocedure, called through SQL."""

    def __init__(self, regprocedure, userargs):
        row = plpy.execute(prepared("lookup", _LOOKUP, ["text"]), [regprocedure])[0]
        self.row = row
        self.nargs = row["nargs"]
        self.userargs = userargs
        if row["ours"] and row["name"] in ma4.NEW_NAMES and row["identity"] == NEW_IDENTITY:
            self.ma4 = row["name"]

    cast = staticmethod(cast_float8)

    def call(self, values, positions):
        row = self.row
        types = row["types"]
        query = ("SELECT %s(t.v::%s, t.p::%s, %s$3::%s)::pg_catalog.float8 AS r "
                 "FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), "
                 "pg_catalog.unnest($2::pg_catalog.text[])) AS t(v, p)" % (row["qualified"], types[0], types[1],
                                 "VARIADIC " if row["variadic"] else "", types[2]))
        plan = prepared(("call", query), query, ["text[]", "text[]", "text[]"])
        rows = plpy.execute(plan, [values, positions, self.userargs])
        return [r["r"] for r in rows]


@sql_function
def map_algebra(rastbandargset, callbackfunc, pixeltype, distancex, distancey, extenttype,
                customextent, mask, weighted, userargs):
    """_ST_MapAlgebra(rastbandargset, callbackfunc, ...) with a callback."""
    if rastbandargset is None:
        return None
    if callbackfunc is None:
        raise InvalidParameterError("a callback function must be given",
                                    detail="callbackfunc is NULL.")
    return callbacks.map_algebra(rastbandargset, UserCallback(callbackfunc, userargs),
                                 pixeltype, distancex, distancey, extenttype, customextent,
                                 mask, weighted, userargs)


@sql_function
def ma4_new(name, value, userargs):
    """A *4ma callback, new signature (value float8[][][], pos int[][], VARIADIC userargs)."""
    return ma4.call_direct(name, value, userargs=userargs, cast=cast_float8)


@sql_function
def ma4_old(name, matrix, nodatamode):
    """A *4ma callback, old signature (matrix float8[][], nodatamode text, VARIADIC args)."""
    return ma4.call_direct(name, matrix, nodatamode=nodatamode, old=True, cast=cast_float8)


class FctCallback(callbacks.PixelCallback):
    """ST_MapAlgebraFct's user function, called through one prepared plan per call."""

    def __init__(self, regprocedure, args):
        if regprocedure is None:
            raise InvalidParameterError("required function is missing",
                                        detail="The user function argument is NULL.")
        self.row = plpy.execute(prepared("lookup", _LOOKUP, ["text"]), [regprocedure])[0]
        self.nargs = self.row["nargs"]
        self.args = args

    def call(self, columns, positions):
        row, types = self.row, self.row["types"]
        n = len(columns)
        exprs = ["t.c%d::%s" % (i, types[i]) for i in range(n)]
        sources = ["pg_catalog.unnest($%d::pg_catalog.float8[])" % (i + 1) for i in range(n)]
        names = ["c%d" % i for i in range(n)]
        params = list(columns)
        if positions is not None:
            exprs.append("t.p::%s" % types[n])
            sources.append("pg_catalog.unnest($%d::pg_catalog.text[])" % (n + 1))
            names.append("p")
            params.append(["{%s}" % ",".join(str(v) for v in p) for p in positions])
        exprs.append("%s$%d::%s" % ("VARIADIC " if row["variadic"] else "", len(params) + 1,
                                    types[len(exprs)]))
        params.append(self.args)
        query = ("SELECT %s(%s)::pg_catalog.float8 AS r FROM ROWS FROM (%s) AS t(%s)"
                 % (row["qualified"], ", ".join(exprs), ", ".join(sources), ", ".join(names)))
        kinds = ["float8[]"] * n + (["text[]"] if positions is not None else []) + ["text[]"]
        rows = plpy.execute(prepared(("fct", query), query, kinds), params)
        return [r["r"] for r in rows]


@sql_function
def map_algebra_fct(rast, band, pixeltype, userfunc, args):
    """ST_MapAlgebraFct(rast, band, pixeltype, onerastuserfunc, VARIADIC args)."""
    if rast is None:
        plpy.warning("Raster is NULL. Returning NULL")
        return None
    return callbacks.map_algebra_fct(rast, band, pixeltype, FctCallback(userfunc, args))


@sql_function
def map_algebra_fct2(rast1, band1, rast2, band2, userfunc, pixeltype, extenttype, userargs):
    """ST_MapAlgebraFct(rast1, band1, rast2, band2, tworastuserfunc, pixeltype, extenttype,
    VARIADIC userargs)."""
    return callbacks.map_algebra_fct2(rast1, band1, rast2, band2, pixeltype, extenttype,
                                      FctCallback(userfunc, userargs))


OLD_IDENTITY = "matrix double precision[], nodatamode text, VARIADIC args text[]"


class NgbCallback(callbacks.MatrixCallback):
    """ST_MapAlgebraFctNgb's user function, called through one prepared plan per call."""

    def __init__(self, regprocedure, nodatamode, args):
        if regprocedure is None:
            raise InvalidParameterError("required function is missing",
                                        detail="The user function argument is NULL.")
        self.row = plpy.execute(prepared("lookup", _LOOKUP, ["text"]), [regprocedure])[0]
        self.nodatamode, self.args = nodatamode, args
        row = self.row
        if row["ours"] and row["name"] in ma4.OLD_NAMES and row["identity"] == OLD_IDENTITY:
            self.ma4 = row["name"]

    cast = staticmethod(cast_float8)

    def call(self, literals):
        row, types = self.row, self.row["types"]
        query = ("SELECT %s(t.m::%s, $2::%s, %s$3::%s)::pg_catalog.float8 AS r "
                 "FROM pg_catalog.unnest($1::pg_catalog.text[]) AS t(m)"
                 % (row["qualified"], types[0], types[1],
                    "VARIADIC " if row["variadic"] else "", types[2]))
        rows = plpy.execute(prepared(("ngb", query), query, ["text[]", "text", "text[]"]),
                            [literals, self.nodatamode, self.args])
        return [r["r"] for r in rows]


@sql_function
def map_algebra_fct_ngb(rast, band, pixeltype, ngbwidth, ngbheight, userfunc, nodatamode,
                        args):
    """ST_MapAlgebraFctNgb(rast, band, pixeltype, ngbwidth, ngbheight, onerastngbuserfunc,
    nodatamode, VARIADIC args)."""
    if rast is None:
        plpy.warning("Raster is NULL. Returning NULL")
        return None
    return callbacks.map_algebra_fct_ngb(rast, band, pixeltype, ngbwidth, ngbheight,
                                         NgbCallback(userfunc, nodatamode, args), nodatamode)
