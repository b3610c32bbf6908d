"""SQL adapters of the map algebra expression forms (sql/90-mapexpr.sql): ST_MapAlgebra's
expression forms (_ST_MapAlgebra with an expression), ST_MapAlgebraExpr.

The Runner runs an expression for a whole band in one statement:

    SELECT count(*), array_send(array_agg(COALESCE(r, 0))), array_send(array_agg(r IS NULL))
      FROM (SELECT (<expression>)::float8 AS r
              FROM ROWS FROM (unnest($1::float8[]), unnest($2::int4[]), ...)
                   AS _plraster(<slot columns>)
            OFFSET 0) s

with the placeholders as columns of the same types PostGIS binds its parameters with, so
PostgreSQL's own operators, casts, functions and NULL rules apply. The pixel arrays go in as
array text, the results come back as binary arrays. When the statement does not give one
row per pixel (an aggregate or a set-returning function in the expression) or the
expression has a window function, the expression is run pixel by pixel through one
prepared plan, as PostGIS runs it.
"""
import numpy as np
import plpy

from plraster.core.ticker import Ticker
from plraster.functions.mapalgebra import expression, exprparse
from . import sql_function

_PLANS = {}
_TYPES = {"float8": "pg_catalog.float8", "int4": "pg_catalog.int4"}
_RESULT = np.dtype([("len", ">i4"), ("value", ">f8")])
_FLAGS = np.dtype([("len", ">i4"), ("value", "u1")])
_HEADER = 20  # array_send of a one-dimensional array: ndim, flags, element type, size, lbound


def _plan(query, types=()):
    plan = _PLANS.get(query)
    if plan is None:
        if len(_PLANS) > 64:
            _PLANS.clear()
        plan = _PLANS[query] = plpy.prepare(query, list(types))
    return plan


def _constant_query(expr):
    return "SELECT (%s)::pg_catalog.float8 AS r" % expr.sql


def _band_query(expr):
    sources = ", ".join("pg_catalog.unnest($%d::%s[])" % (k + 1, _TYPES[exprparse.SLOT_TYPES[s]])
                        for k, s in enumerate(expr.slots))
    names = ", ".join(exprparse.column(s) for s in expr.slots)
    return ("SELECT pg_catalog.count(*) AS n, "
            "pg_catalog.array_send(pg_catalog.array_agg(COALESCE(s.r, 0::pg_catalog.float8))) AS r, "
            "pg_catalog.array_send(pg_catalog.array_agg(s.r IS NULL)) AS z "
            "FROM (SELECT (%s)::pg_catalog.float8 AS r FROM ROWS FROM (%s) AS _plraster(%s) "
            "OFFSET 0) AS s" % (expr.sql, sources, names))


def _pixel_query(expr):
    return ("SELECT (%s)::pg_catalog.float8 AS r" % expr.parameter_sql(),
            [_TYPES[exprparse.SLOT_TYPES[s]] for s in expr.slots])


def _array_text(values):
    """PostgreSQL array text of doubles, each read back as the same double."""
    values = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(values)
    if (finite.all() and np.all(values == np.trunc(values)) and np.all(np.abs(values) < 2.0 ** 53)
            and not np.any(np.signbit(values) & (values == 0))):
        return "{" + ",".join(map(str, values.astype(np.int64).tolist())) + "}"
    parts = list(map(repr, values.tolist()))
    for i in np.flatnonzero(~finite).tolist():
        v = values[i]
        parts[i] = "NaN" if v != v else ("Infinity" if v > 0 else "-Infinity")
    return "{" + ",".join(parts) + "}"


class Runner(expression.Runner):
    """Expressions through SPI: see the module's docstring."""

    def prepare(self, expr):
        if expr.is_constant:
            _plan(_constant_query(expr))
        elif expr.pixelwise:
            _plan(*_pixel_query(expr))
        else:
            _plan(_band_query(expr), ["text"] * len(expr.slots))

    def constant(self, expr):
        rows = plpy.execute(_plan(_constant_query(expr)), [], 1)
        return rows[0]["r"] if rows.nrows() else None

    def constant_text(self, expr):
        query = "SELECT ((%s)::pg_catalog.float8)::pg_catalog.text AS r" % expr.sql
        rows = plpy.execute(_plan(query), [], 1)
        return rows[0]["r"] if rows.nrows() else None

    def rows(self, expr, columns, count):
        if not expr.pixelwise:
            args = [_array_text(columns[s]) for s in expr.slots]
            row = plpy.execute(_plan(_band_query(expr), ["text"] * len(args)), args)[0]
            if row["n"] == count:
                values = np.frombuffer(row["r"], _RESULT, count, _HEADER)["value"]
                null = np.frombuffer(row["z"], _FLAGS, count, _HEADER)["value"]
                return values.astype(np.float64), null.astype(bool)
        return self._pixel_by_pixel(expr, columns, count)

    @staticmethod
    def _pixel_by_pixel(expr, columns, count):
        query, types = _pixel_query(expr)
        plan = _plan(query, types)
        kinds = [exprparse.SLOT_TYPES[s] for s in expr.slots]
        cols = [columns[s].tolist() if k == "float8" else columns[s].astype(np.int64).tolist()
                for s, k in zip(expr.slots, kinds)]
        values, null = np.zeros(count), np.zeros(count, bool)
        ticker = Ticker()
        for i in range(count):
            ticker.tick()
            rows = plpy.execute(plan, [c[i] for c in cols], 1)
            r = rows[0]["r"] if rows.nrows() else None
            if r is None:
                null[i] = True
            else:
                values[i] = r
        return values, null


RUNNER = Runner()


@sql_function
def map_algebra(rastbandargset, expr, pixeltype, extenttype, nodata1expr, nodata2expr,
                nodatanodataval):
    """_ST_MapAlgebra(rastbandargset, expression, pixeltype, extenttype, nodata1expr,
    nodata2expr, nodatanodataval)."""
    return expression.map_algebra(rastbandargset, expr, pixeltype, extenttype, nodata1expr,
                                  nodata2expr, nodatanodataval, RUNNER)


@sql_function
def map_algebra_expr(rast, band, pixeltype, expr, nodataval):
    """ST_MapAlgebraExpr(rast, band, pixeltype, expression, nodataval)."""
    return expression.map_algebra_expr_one(rast, band, pixeltype, expr, nodataval, RUNNER)


@sql_function
def map_algebra_expr2(rast1, band1, rast2, band2, expr, pixeltype, extenttype, nodata1expr,
                      nodata2expr, nodatanodataval):
    """ST_MapAlgebraExpr(rast1, band1, rast2, band2, expression, pixeltype, extenttype,
    nodata1expr, nodata2expr, nodatanodataval)."""
    return expression.map_algebra_expr_two(rast1, band1, rast2, band2, expr, pixeltype,
                                           extenttype, nodata1expr, nodata2expr,
                                           nodatanodataval, RUNNER)
