"""SQL adapters of the map algebra expression forms (sql/90-mapexpr.sql): ST_MapAlgebra's
expression forms (_ST_MapAlgebra with an expression), ST_MapAlgebraExpr.

The Runner runs an expression for a whole band in one statement:

    SELECT count(*), array_send(array_agg(COALESCE(r, 0))), array_send(array_agg(r IS NULL))
      FROM (SELECT (<expression>)::float8 AS r
              FROM (SELECT t.c_v1 AS _plraster_v1, ((o - 1) % $3 + $4)::int4 AS _plraster_x1 ...
                      FROM ROWS FROM (unnest($1::float8[]), ...) WITH ORDINALITY AS t(c_v1, o))
                   AS _plraster
            OFFSET 0) s

with the placeholders as columns of the same types PostGIS binds its parameters with, so
PostgreSQL's own operators, casts, functions and NULL rules apply. Pixel values go in as
array text, positions are computed from each pixel's place, the results come back as
binary arrays. When the statement does not give one
row per pixel (an aggregate or a set-returning function in the expression) or the
expression has a window function, the expression is run pixel by pixel through one
prepared plan, as PostGIS runs it.
"""
import numpy as np
import plpy

from plraster.core.ticker import Ticker
from plraster.functions.mapalgebra import expression, exprparse
from . import prepared, sql_function

_TYPES = {"float8": "pg_catalog.float8", "int4": "pg_catalog.int4"}
_RESULT = np.dtype([("len", ">i4"), ("value", ">f8")])
_FLAGS = np.dtype([("len", ">i4"), ("value", "u1")])
_HEADER = 20  # array_send of a one-dimensional array: ndim, flags, element type, size, lbound


def _plan(query, types=()):
    return prepared(query, query, types)


def _constant_query(expr):
    return "SELECT (%s)::pg_catalog.float8 AS r" % expr.sql


def _band_statement(expr, cols):
    """(query, parameter types, arguments) evaluating expr for the pixels of cols in one
    statement: value columns go in as arrays; positions are computed from each pixel's flat
    index (its ordinality, or the index array of a subset) and the grid's shape."""
    items, names, types, args = [], [], [], []

    def param(kind, value):
        types.append(kind)
        args.append(value)
        return "$%d" % len(args)

    for slot in expr.slots:
        if slot in cols.arrays:
            items.append("pg_catalog.unnest(%s::%s[])" % (
                param("text", _array_text(cols.arrays[slot])), _TYPES[exprparse.SLOT_TYPES[slot]]))
            names.append("c_" + slot)
    used = [s for s in expr.slots if s in cols.positions]
    index = None
    if used:
        if cols.index is not None:
            items.append("pg_catalog.unnest(%s::pg_catalog.int8[])" % param(
                "text", _array_text(cols.index)))
            names.append("i")
            index = "t.i"
        elif not items:
            items.append("pg_catalog.generate_series(0::pg_catalog.int8, %s::pg_catalog.int8)"
                         % param("int8", cols.count - 1))
            names.append("i")
            index = "t.i"
    ordinality = used and index is None
    if ordinality:
        names.append("o")
        index = "(t.o OPERATOR(pg_catalog.-) 1)"
    select = ["t.c_%s AS %s" % (s, exprparse.column(s)) for s in expr.slots if s in cols.arrays]
    height, width = cols.shape
    for slot in used:
        axis, start = cols.positions[slot]
        # row-major: row = i / width, column = i % width; column-major: column = i / height,
        # row = i % height
        if (cols.order == "C") == (axis == 0):
            op, size = "/", width if cols.order == "C" else height
        else:
            op, size = "%", width if cols.order == "C" else height
        select.append("((%s OPERATOR(pg_catalog.%s) %s::pg_catalog.int8) OPERATOR(pg_catalog.+) "
                      "%s::pg_catalog.int8)::pg_catalog.int4 AS %s"
                      % (index, op, param("int8", size), param("int8", start),
                         exprparse.column(slot)))
    query = ("SELECT pg_catalog.count(*) AS n, "
             "pg_catalog.array_send(pg_catalog.array_agg(COALESCE(s.r, 0::pg_catalog.float8))) AS r, "
             "pg_catalog.array_send(pg_catalog.array_agg(s.r IS NULL)) AS z "
             "FROM (SELECT (%s)::pg_catalog.float8 AS r FROM (SELECT %s FROM ROWS FROM (%s)%s "
             "AS t(%s)) AS _plraster OFFSET 0) AS s"
             % (expr.sql, ", ".join(select), ", ".join(items),
                " WITH ORDINALITY" if ordinality else "", ", ".join(names)))
    return query, types, args


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
        else:
            _plan(*_pixel_query(expr))

    def constant(self, expr):
        rows = plpy.execute(_plan(_constant_query(expr)), [], 1)
        return rows[0]["r"] if rows.nrows() else None

    def constant_text(self, expr):
        query = "SELECT ((%s)::pg_catalog.float8)::pg_catalog.text AS r" % expr.sql
        rows = plpy.execute(_plan(query), [], 1)
        return rows[0]["r"] if rows.nrows() else None

    def rows(self, expr, cols):
        count = cols.count
        if not expr.pixelwise:
            query, types, args = _band_statement(expr, cols)
            row = plpy.execute(_plan(query, types), args)[0]
            if row["n"] == count:
                values = np.frombuffer(row["r"], _RESULT, count, _HEADER)["value"]
                null = np.frombuffer(row["z"], _FLAGS, count, _HEADER)["value"]
                return values.astype(np.float64), null.astype(bool)
        return self._pixel_by_pixel(expr, cols)

    @staticmethod
    def _pixel_by_pixel(expr, cols):
        query, types = _pixel_query(expr)
        plan = _plan(query, types)
        count = cols.count
        values, null = np.zeros(count), np.zeros(count, bool)
        columns = [cols.array(s) for s in expr.slots]
        columns = [c.tolist() if exprparse.SLOT_TYPES[s] == "float8" else
                   c.astype(np.int64).tolist() for s, c in zip(expr.slots, columns)]
        ticker = Ticker()
        for i in range(count):
            ticker.tick()
            rows = plpy.execute(plan, [c[i] for c in columns], 1)
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
def map_algebra_one(rast, nband, expr, pixeltype, nodata1expr):
    """ST_MapAlgebra(rast, nband, pixeltype, expression, nodataval): _ST_MapAlgebra of one
    raster with extent FIRST, the raster passed as bytes (a rastbandarg array would hand it
    to Python as hex text)."""
    return expression.map_algebra([{"rast": rast, "nband": nband}], expr, pixeltype, "FIRST",
                                  nodata1expr, None, None, RUNNER)


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
