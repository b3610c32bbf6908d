"""SQL adapters for sql/80-catalogs.sql: the raster catalogs' store, the constraint
readers, the management functions and the alignment helpers."""
import re

import plpy

from plraster.core import wkb
from ..catalog import bands, info, manage, rows
from ..functions import alignment
from . import sql_function

_EXT_SCHEMA = ("SELECT pg_catalog.quote_ident(n.nspname) AS s FROM pg_catalog.pg_extension e "
               "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace WHERE e.extname OPERATOR(pg_catalog.=) $1")
_RASTER_TYPE = ("(SELECT t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_extension e "
                "ON e.extnamespace OPERATOR(pg_catalog.=) t.typnamespace "
                "WHERE e.extname OPERATOR(pg_catalog.=) 'plraster' "
                "AND t.typname OPERATOR(pg_catalog.=) 'raster')")
# pg_get_constraintdef qualifies an operator that is not on the search_path as
# OPERATOR(schema.op); PostGIS's readings expect the bare operator.
_QUALIFIED_OPERATOR = re.compile(r"OPERATOR\([^()\s]+\.([^()\s]+)\)")


class PlpyDatabase:
    """The Database that plraster.catalog.manage runs its SQL through."""

    def __init__(self):
        self.ext = self._schema_of("plraster")
        self.postgis = self._schema_of("postgis")

    def _schema_of(self, extension):
        return self.value(_EXT_SCHEMA, ["name"], [extension])

    @staticmethod
    def rows(sql, types=(), args=()):
        """All rows of a query, as dicts."""
        if types:
            return list(plpy.execute(plpy.prepare(sql, list(types)), list(args)))
        return list(plpy.execute(sql))

    def value(self, sql, types=(), args=()):
        """The first column of the first row, or None when there is no row."""
        result = self.rows(sql, types, args)
        if not result:
            return None
        return next(iter(result[0].values()))

    @staticmethod
    def execute(sql):
        """Run a statement."""
        plpy.execute(sql)

    @staticmethod
    def attempt(fn):
        """Run fn in a subtransaction: (result, None), or (None, (message, sqlstate))."""
        try:
            with plpy.subtransaction():
                return fn(), None
        except plpy.SPIError as e:
            return None, (e.args[0] if e.args else str(e), e.sqlstate)

    @staticmethod
    def notice(text):
        """A NOTICE."""
        plpy.notice(text)

    @staticmethod
    def warning(text):
        """A WARNING."""
        plpy.warning(text)

    @staticmethod
    def quote_ident(name):
        """quote_ident(name)."""
        return plpy.quote_ident(name)

    @staticmethod
    def quote_literal(text):
        """quote_literal(text), NULL for None."""
        return plpy.quote_nullable(text)


# ---- alignment and per-row constraint helpers ----

@sql_function
def same_alignment(rast1, rast2):
    """ST_SameAlignment(rast1, rast2)."""
    return alignment.same_alignment(wkb.read_header(rast1), wkb.read_header(rast2))


@sql_function
def not_same_alignment_reason(rast1, rast2):
    """ST_NotSameAlignmentReason(rast1, rast2)."""
    return alignment.reason_text(wkb.read_header(rast1), wkb.read_header(rast2))


@sql_function
def is_coverage_tile(rast, coverage, tilewidth, tileheight):
    """ST_IsCoverageTile(rast, coverage, tilewidth, tileheight)."""
    return alignment.is_coverage_tile(wkb.read_header(rast), wkb.read_header(coverage),
                                      tilewidth, tileheight)


@sql_function
def pixel_types(rast):
    """_raster_constraint_pixel_types(rast)."""
    return bands.pixel_types(rast)


@sql_function
def nodata_values(rast):
    """_raster_constraint_nodata_values(rast)."""
    return bands.nodata_values(rast)


@sql_function
def out_db(rast):
    """_raster_constraint_out_db(rast)."""
    return bands.out_db(rast)


# ---- reading constraints ----

_CONSTRAINTS = (
    "SELECT co.conrelid, co.conname, co.contype, co.conkey, "
    "pg_catalog.pg_get_constraintdef(co.oid) AS def, "
    "CASE WHEN co.contype OPERATOR(pg_catalog.=) 'x' THEN pg_catalog.pg_get_indexdef(co.conindid, 1, true) END AS excl, "
    "(SELECT o.oprname FROM pg_catalog.pg_operator o WHERE o.oid OPERATOR(pg_catalog.=) co.conexclop[1]) AS op "
    "FROM pg_catalog.pg_constraint co WHERE co.conrelid OPERATOR(pg_catalog.=) ANY ($1) "
    "ORDER BY co.conrelid, co.conname")
_GIST_EXPRESSIONS = (
    "SELECT i.indrelid, pg_catalog.pg_get_expr(i.indexprs, i.indrelid) AS expr "
    "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid OPERATOR(pg_catalog.=) i.indexrelid "
    "JOIN pg_catalog.pg_am am ON am.oid OPERATOR(pg_catalog.=) ic.relam "
    "WHERE i.indrelid OPERATOR(pg_catalog.=) ANY ($1) AND am.amname OPERATOR(pg_catalog.=) 'gist' AND ic.relkind OPERATOR(pg_catalog.=) 'i'")
_RASTER_COLUMNS = (
    "SELECT c.oid AS relid, a.attnum, n.oid AS nspoid, n.nspname, c.relname, c.relkind, a.attname, "
    "pg_catalog.quote_ident(a.attname) AS quoted FROM pg_catalog.pg_attribute a "
    "JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) a.attrelid "
    "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace "
    "WHERE a.attrelid OPERATOR(pg_catalog.=) ANY ($1) AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped "
    "AND a.atttypid OPERATOR(pg_catalog.=) " + _RASTER_TYPE + " AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,v,m,f,p}'::pg_catalog.\"char\"[]) "
    "ORDER BY c.oid, a.attnum")
_TABLE_CONSTRAINTS = (
    "SELECT co.conname, co.contype, co.conkey, pg_catalog.pg_get_constraintdef(co.oid) AS def, "
    "CASE WHEN co.contype OPERATOR(pg_catalog.=) 'x' THEN pg_catalog.pg_get_indexdef(co.conindid, 1, true) END AS excl, "
    "(SELECT o.oprname FROM pg_catalog.pg_operator o WHERE o.oid OPERATOR(pg_catalog.=) co.conexclop[1]) AS op, "
    "a.attnum, pg_catalog.quote_ident(a.attname) AS quoted, c.oid AS relid "
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace "
    "JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) c.oid AND a.attname OPERATOR(pg_catalog.=) $3 "
    "LEFT JOIN pg_catalog.pg_constraint co ON co.conrelid OPERATOR(pg_catalog.=) c.oid "
    "WHERE n.nspname OPERATOR(pg_catalog.=) $1 AND c.relname OPERATOR(pg_catalog.=) $2 ORDER BY co.conname")


def _unqualifier(db):
    """Drops plraster's and PostGIS's schemas from deparsed text, as pg_get_constraintdef
    and pg_get_expr print it when both are on the search_path (PostGIS's usual reading)."""
    names = "|".join(re.escape(s) for s in (db.ext, db.postgis) if s)
    pattern = re.compile(r'(?<![\w."$])(?:%s)\.' % names)

    def unqualify(text):
        if text is None:
            return None
        return pattern.sub("", _QUALIFIED_OPERATOR.sub(r"\1", text))
    return unqualify


def _constraint(row, unqualify):
    return info.Constraint(row["conname"], row["contype"], tuple(row["conkey"] or ()),
                           unqualify(row["def"]), unqualify(row["excl"]), row["op"])


def _column_constraints(schema, table, column):
    found = PlpyDatabase.rows(_TABLE_CONSTRAINTS, ["name", "name", "name"], [schema, table, column])
    if not found:
        return None, []
    unqualify = _unqualifier(PlpyDatabase())
    return found[0], [_constraint(r, unqualify) for r in found if r["conname"] is not None]


_READERS = {
    "srid": lambda cons, col: info.srid(cons, col["attnum"]),
    "extent": lambda cons, col: info.extent(cons, col["attnum"]),
    "alignment": lambda cons, col: info.alignment(cons, col["attnum"]),
    "coverage_tile": lambda cons, col: info.coverage_tile(cons, col["attnum"]),
    "spatially_unique": lambda cons, col: info.spatially_unique(cons, col["quoted"]),
    "regular_blocking": lambda cons, col: info.regular_blocking(cons, col["attnum"], col["quoted"]),
    "num_bands": lambda cons, col: info.num_bands(cons, col["attnum"]),
    "pixel_types": lambda cons, col: info.pixel_types(cons, col["attnum"]),
    "nodata_values": lambda cons, col: info.nodata_values(cons, col["attnum"]),
    "out_db": lambda cons, col: info.out_db(cons, col["attnum"]),
    "overview": lambda cons, col: info.overview_of_column(cons, col["attnum"]),
}


@sql_function
def constraint_info(schema, table, column, kind):
    """_raster_constraint_info_<kind>(rastschema, rasttable, rastcolumn): what the column's
    constraints say, NULL when none says it."""
    col, cons = _column_constraints(schema, table, column)
    if col is None:
        return False if kind == "regular_blocking" else None
    return _READERS[kind](cons, col)


@sql_function
def scale_info(schema, table, column, axis):
    """_raster_constraint_info_scale(rastschema, rasttable, rastcolumn, axis)."""
    col, cons = _column_constraints(schema, table, column)
    return None if col is None else info.scale(cons, col["attnum"], axis)


@sql_function
def blocksize_info(schema, table, column, axis):
    """_raster_constraint_info_blocksize(rastschema, rasttable, rastcolumn, axis)."""
    col, cons = _column_constraints(schema, table, column)
    return None if col is None else info.blocksize(cons, col["attnum"], axis)


@sql_function
def index_info(schema, table, column):
    """_raster_constraint_info_index: a GiST index whose expression mentions the column."""
    exprs = PlpyDatabase.rows(
        "SELECT pg_catalog.pg_get_expr(i.indexprs, i.indrelid) AS expr FROM pg_catalog.pg_index i "
        "JOIN pg_catalog.pg_class ic ON ic.oid OPERATOR(pg_catalog.=) i.indexrelid JOIN pg_catalog.pg_class c "
        "ON c.oid OPERATOR(pg_catalog.=) i.indrelid JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) ic.relnamespace "
        "JOIN pg_catalog.pg_am am ON am.oid OPERATOR(pg_catalog.=) ic.relam JOIN pg_catalog.pg_attribute a "
        "ON a.attrelid OPERATOR(pg_catalog.=) c.oid AND a.attname OPERATOR(pg_catalog.=) $3 AND a.atttypid OPERATOR(pg_catalog.=) " + _RASTER_TYPE +
        " WHERE ic.relkind OPERATOR(pg_catalog.=) 'i' AND am.amname OPERATOR(pg_catalog.=) 'gist' "
        "AND n.nspname OPERATOR(pg_catalog.=) $1 AND c.relname OPERATOR(pg_catalog.=) $2",
        ["name", "name", "name"], [schema, table, column])
    return info.spatial_index([r["expr"] for r in exprs], column)


# ---- the store behind raster_columns and raster_overviews ----

_COLUMN_FIELDS = ("srid", "scale_x", "scale_y", "blocksize_x", "blocksize_y", "same_alignment",
                  "regular_blocking", "num_bands", "pixel_types", "nodata_values", "out_db",
                  "extent", "spatial_index")
_COLUMN_TYPES = ["oid", "int2", "oid", "name", "name", "name", "int4", "float8", "float8", "int4",
                 "int4", "bool", "bool", "int4", "text[]", "float8[]", "bool[]", "text", "bool"]
_OVERVIEW_TYPES = ["oid", "int2", "oid", "int4", "name", "name", "name", "name", "name", "name", "int4"]


def _group(rows_, key):
    out = {}
    for r in rows_:
        out.setdefault(r[key], []).append(r)
    return out


@sql_function
def refresh(relids):
    """Recompute the catalog rows of these relations (and their inheritance children)."""
    db = PlpyDatabase()
    ext = db.ext
    relids = db.value(
        "WITH RECURSIVE r(relid) AS (SELECT pg_catalog.unnest($1::pg_catalog.oid[]) UNION "
        "SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN r ON i.inhparent OPERATOR(pg_catalog.=) r.relid) "
        "SELECT pg_catalog.array_agg(relid) FROM r", ["oid[]"], [relids])
    for store in ("_plraster_raster_columns", "_plraster_raster_overviews"):
        db.rows("DELETE FROM %s.%s WHERE relid OPERATOR(pg_catalog.=) ANY ($1) OR NOT EXISTS "
                "(SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) relid)" % (ext, store),
                ["oid[]"], [relids])
    columns = db.rows(_RASTER_COLUMNS, ["oid[]"], [relids])
    if not columns:
        return 0
    found = [r["relid"] for r in columns]
    constraints = _group(db.rows(_CONSTRAINTS, ["oid[]"], [found]), "conrelid")
    indexes = _group(db.rows(_GIST_EXPRESSIONS, ["oid[]"], [found]), "indrelid")
    unqualify = _unqualifier(db)
    insert_column = plpy.prepare(
        "INSERT INTO %s._plraster_raster_columns VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
        "$11, $12, $13, $14, $15, $16, $17, $18::%s.geometry, $19)" % (ext, db.postgis), _COLUMN_TYPES)
    insert_overview = plpy.prepare(
        "INSERT INTO %s._plraster_raster_overviews VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        % ext, _OVERVIEW_TYPES)
    for r in columns:
        col = rows.RasterColumn(r["relid"], r["attnum"], r["nspoid"], r["nspname"], r["relname"],
                                r["relkind"], r["attname"], r["quoted"])
        cons = [_constraint(c, unqualify) for c in constraints.get(col.relid, [])]
        exprs = [unqualify(i["expr"]) for i in indexes.get(col.relid, [])]
        values = rows.raster_columns_row(col, cons, exprs)
        plpy.execute(insert_column, [col.relid, col.attnum, col.nspoid, col.schema, col.table,
                                     col.column] + [values[f] for f in _COLUMN_FIELDS])
        for seq, ref in enumerate(rows.raster_overviews_rows(col, cons)):
            plpy.execute(insert_overview, [col.relid, col.attnum, col.nspoid, seq, col.schema,
                                           col.table, col.column] + list(ref))
    return len(columns)


@sql_function
def refresh_all():
    """Rebuild both catalogs from every raster column of the database."""
    db = PlpyDatabase()
    relids = db.value(
        "SELECT pg_catalog.array_agg(DISTINCT a.attrelid) FROM pg_catalog.pg_attribute a "
        "WHERE a.atttypid OPERATOR(pg_catalog.=) " + _RASTER_TYPE + " AND NOT a.attisdropped")
    for store in ("_plraster_raster_columns", "_plraster_raster_overviews"):
        db.execute("DELETE FROM %s.%s" % (db.ext, store))
    return refresh(relids or [])


# ---- management functions ----

@sql_function
def add_raster_constraints(schema, table, column, constraints):
    """AddRasterConstraints(rastschema, rasttable, rastcolumn, VARIADIC constraints)."""
    return manage.add_raster_constraints(PlpyDatabase(), schema, table, column, constraints)


@sql_function
def drop_raster_constraints(schema, table, column, constraints):
    """DropRasterConstraints(rastschema, rasttable, rastcolumn, VARIADIC constraints)."""
    return manage.drop_raster_constraints(PlpyDatabase(), schema, table, column, constraints)


@sql_function
def constraint_step(op, schema, table, column, step, axis):
    """_add_raster_constraint_<step> (op 'add') and _drop_raster_constraint_<step> (op 'drop')."""
    run = manage.add_step if op == "add" else manage.drop_step
    return run(PlpyDatabase(), schema, table, column, manage.axis_step(step, axis))


@sql_function
def add_constraint_sql(constraint, sql):
    """_add_raster_constraint(cn, sql)."""
    return manage.add_constraint_sql(PlpyDatabase(), constraint, sql)


@sql_function
def drop_constraint(schema, table, constraint):
    """_drop_raster_constraint(rastschema, rasttable, cn)."""
    return manage.drop_constraint(PlpyDatabase(), schema, table, constraint)


@sql_function
def add_overview_constraint(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor):
    """_add_overview_constraint(...)."""
    return manage.add_overview_constraint(PlpyDatabase(), ovschema, ovtable, ovcolumn, refschema,
                                          reftable, refcolumn, factor)


@sql_function
def add_overview_constraints(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor):
    """AddOverviewConstraints(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, ovfactor)."""
    return manage.add_overview_constraints(PlpyDatabase(), ovschema, ovtable, ovcolumn, refschema,
                                           reftable, refcolumn, factor)


@sql_function
def drop_overview_constraints(ovschema, ovtable, ovcolumn):
    """DropOverviewConstraints(ovschema, ovtable, ovcolumn)."""
    return manage.drop_overview_constraints(PlpyDatabase(), ovschema, ovtable, ovcolumn)


@sql_function
def update_raster_srid(schema, table, column, new_srid):
    """_UpdateRasterSRID(schema_name, table_name, column_name, new_srid)."""
    return manage.update_raster_srid(PlpyDatabase(), schema, table, column, new_srid)
