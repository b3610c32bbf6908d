"""AddRasterConstraints, DropRasterConstraints, AddOverviewConstraints,
DropOverviewConstraints and UpdateRasterSRID, with PostGIS 3.3's NOTICEs and results.

They run SQL through a `Database` (plraster.sqlapi.catalog gives one over plpy):
`value(sql)`, `rows(sql)`, `attempt(callable)` (a subtransaction: (result, None) or
(None, (message, sqlstate))), `notice(text)`, `warning(text)`, `quote_ident(name)`,
`quote_literal(text)` and the quoted schemas `ext` and `postgis`.

As in PostGIS, a constraint that cannot be added is reported and skipped; a step whose
statement would be NULL (no sample raster) is skipped silently, as PostGIS's strict
helpers do. The raster catalogs follow by themselves: the event triggers refresh a table
after each ALTER TABLE.
"""
from . import statements as st
from .info import Constraint, spatially_unique
from plraster.core.errors import InvalidParameterError, PlrasterError
from plraster.core.srid import SRID_UNKNOWN
from plraster.core.wkb import RasterHeader, emit_header


class UndefinedTableError(PlrasterError):
    """A table named without a schema that is not on the search_path."""

    sqlstate = "42P01"  # undefined_table


class InvalidSchemaNameError(PlrasterError):
    """A schema that does not exist."""

    sqlstate = "3F000"  # invalid_schema_name


class NoConstraintsError(PlrasterError):
    """An empty list of constraints (PostGIS fails on its NULL loop bound)."""

    sqlstate = "22004"  # null_value_not_allowed


class ConstraintsNotAppliedError(PlrasterError):
    """Not one of the requested constraints could be added or dropped."""

    sqlstate = "55000"  # object_not_in_prerequisite_state


DUPLICATE_OBJECT = "42710"
UNDEFINED_OBJECT = "42704"

# Keyword (as accepted, lower case) -> the steps it runs.
_KEYWORDS = {
    "srid": ("srid",), "scale_x": ("scale_x",), "scalex": ("scale_x",),
    "scale_y": ("scale_y",), "scaley": ("scale_y",), "scale": ("scale_x", "scale_y"),
    "blocksize_x": ("blocksize_x",), "blocksizex": ("blocksize_x",), "width": ("blocksize_x",),
    "blocksize_y": ("blocksize_y",), "blocksizey": ("blocksize_y",), "height": ("blocksize_y",),
    "blocksize": ("blocksize_x", "blocksize_y"),
    "same_alignment": ("alignment",), "samealignment": ("alignment",), "alignment": ("alignment",),
    "regular_blocking": ("regular_blocking",), "regularblocking": ("regular_blocking",),
    "num_bands": ("num_bands",), "numbands": ("num_bands",),
    "pixel_types": ("pixel_types",), "pixeltypes": ("pixel_types",),
    "nodata_values": ("nodata_values",), "nodatavalues": ("nodata_values",),
    "nodata": ("nodata_values",), "out_db": ("out_db",), "outdb": ("out_db",),
    "extent": ("extent",),
}

_ADD_NOTICE = {
    "srid": "Adding SRID constraint", "scale_x": "Adding scale-X constraint",
    "scale_y": "Adding scale-Y constraint", "blocksize_x": "Adding blocksize-X constraint",
    "blocksize_y": "Adding blocksize-Y constraint", "alignment": "Adding alignment constraint",
    "num_bands": "Adding number of bands constraint", "pixel_types": "Adding pixel type constraint",
    "nodata_values": "Adding nodata value constraint",
    "out_db": "Adding out-of-database constraint", "extent": "Adding maximum extent constraint",
}
_DROP_NOTICE = {k: v.replace("Adding", "Dropping") for k, v in _ADD_NOTICE.items()}

# Step -> constraint name prefix (the column name follows).
CONSTRAINT_PREFIX = {
    "srid": "enforce_srid_", "scale_x": "enforce_scalex_", "scale_y": "enforce_scaley_",
    "blocksize_x": "enforce_width_", "blocksize_y": "enforce_height_",
    "alignment": "enforce_same_alignment_", "coverage_tile": "enforce_coverage_tile_",
    "regular_blocking": "enforce_regular_blocking_", "num_bands": "enforce_num_bands_",
    "pixel_types": "enforce_pixel_types_", "nodata_values": "enforce_nodata_values_",
    "out_db": "enforce_out_db_", "extent": "enforce_max_extent_", "overview": "enforce_overview_",
}


def axis_step(step, axis):
    """The step of _add/_drop_raster_constraint_scale (axis x, y) and _blocksize (axis
    width, height); other steps take no axis."""
    if step == "scale":
        if axis.lower() not in ("x", "y"):
            raise InvalidParameterError('axis must be either "x" or "y"')
        return "scale_" + axis.lower()
    if step == "blocksize":
        if axis.lower() not in ("width", "height"):
            raise InvalidParameterError('axis must be either "width" or "height"')
        return "blocksize_x" if axis.lower() == "width" else "blocksize_y"
    return step


def resolve_schema(db, schema, table):
    """The schema PostGIS uses: the given one, which must exist, or the schema of the
    first table of that name visible on the search_path."""
    if schema:
        found = db.value("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname OPERATOR(pg_catalog.=) $1 LIMIT 1",
                         ["name"], [schema])
        if found is None:
            raise InvalidSchemaNameError('schema "%s" does not exist' % schema,
                                         hint="The value provided for schema is invalid.")
        return found
    found = db.value(
        "SELECT n.nspname FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace "
        "WHERE c.relkind OPERATOR(pg_catalog.=) 'r' AND NOT n.nspname OPERATOR(pg_catalog.=) ANY ('{pg_catalog,pg_toast}'::pg_catalog.name[]) "
        "AND pg_catalog.pg_table_is_visible(c.oid) AND c.relname OPERATOR(pg_catalog.=) $1", ["name"], [table])
    if found is None:
        raise UndefinedTableError('table "%s" does not occur in the search_path' % table,
                                  hint="Give the schema, or add it to the search_path.")
    return found


def _names(db, schema, table, column):
    return st.Names(db.ext, db.postgis, st.qualified_table(db.quote_ident, schema, table),
                    db.quote_ident(column))


def add_constraint_sql(db, constraint, sql):
    """_add_raster_constraint(cn, sql): run it; report a failure as PostGIS does."""
    if sql is None:
        return None
    _, failure = db.attempt(lambda: db.execute(sql))
    if failure is None:
        return True
    message, sqlstate = failure
    if sqlstate == DUPLICATE_OBJECT:
        db.notice('The constraint "%s" already exists.  To replace the existing constraint, '
                  'delete the constraint and call ApplyRasterConstraints again' % constraint)
        return True
    db.notice("Unable to add constraint: %s" % constraint)
    db.notice("SQL used for failed constraint: %s" % sql)
    db.notice("Returned error message: %s (%s)" % (message, sqlstate))
    return False


def _sample(db, n, expression, what):
    """A value of the first non-NULL raster, or (None, False) with PostGIS's NOTICE."""
    value, failure = db.attempt(lambda: db.value(n.sample(expression)))
    if failure is not None:
        db.notice("Unable to get the %s of a sample raster: %s (%s)" % ((what,) + failure))
        return None, False
    return value, True


def _add_check(db, n, step, column, check, suffix=""):
    constraint = CONSTRAINT_PREFIX[step] + column
    if check is None:
        return None
    return add_constraint_sql(db, constraint, n.add_check(db.quote_ident(constraint), check, suffix))


def _add_srid(db, n, column):
    value, ok = _sample(db, n, n.fn("st_srid"), "SRID")
    if not ok:
        return False
    return _add_check(db, n, "srid", column, None if value is None else st.srid(n, value))


def _add_scale(db, n, column, axis):
    value, ok = _sample(db, n, n.fn("st_scale" + axis) + "::text", "%s-scale" % axis.upper())
    if not ok:
        return False
    return _add_check(db, n, "scale_" + axis, column,
                      None if value is None else st.scale(n, axis, value))


def _add_blocksize(db, n, column, axis):
    # The catalog reports the first value. PostGIS orders by frequency only, so a tie falls
    # to the order its hash aggregate emits the groups in; a hashed GROUP BY here gives the
    # same order (the planner would otherwise sort, our st_width being costlier than C).
    sql = ("SELECT v FROM (SELECT %s AS v, pg_catalog.count(*) AS c FROM %s GROUP BY 1) g "
           "ORDER BY c DESC" % (n.fn("st_" + axis), n.table))
    sort_setting = db.rows("SELECT pg_catalog.current_setting('enable_sort') AS s")[0]["s"]
    db.execute("SELECT pg_catalog.set_config('enable_sort', 'off', true)")
    rows, failure = db.attempt(lambda: db.rows(sql))
    db.execute("SELECT pg_catalog.set_config('enable_sort', %s, true)" % db.quote_literal(sort_setting))
    if failure is not None:
        db.notice("Unable to get the %s of a sample raster: %s (%s)" % ((axis,) + failure))
        return False
    values = [r["v"] for r in rows if r["v"] is not None]
    step = "blocksize_x" if axis == "width" else "blocksize_y"
    return _add_check(db, n, step, column, st.blocksize(n, axis, values))


def _add_alignment(db, n, column):
    sql = ("SELECT %s.st_makeemptyraster(1, 1, upperleftx, upperlefty, scalex, scaley, skewx, "
           "skewy, srid)::pg_catalog.bytea FROM %s.st_metadata((SELECT %s FROM %s WHERE %s IS NOT NULL LIMIT 1))"
           % (n.ext, n.ext, n.column, n.table, n.column))
    value, failure = db.attempt(lambda: db.value(sql))
    if failure is not None:
        db.notice("Unable to get the alignment of a sample raster: %s (%s)" % failure)
        return False
    return _add_check(db, n, "alignment", column,
                      None if value is None else st.same_alignment(n, value))


UNABLE_COVERAGE = ('Unable to create coverage raster. Cannot add coverage tile constraint: '
                   'column "sqlerrm" does not exist (42703)')


def coverage_header(meta):
    """The georeference ST_AsRaster gives the union of the tiles' hulls at the largest
    scale: upper-left at (xmin, ymax), sizes rounded to the nearest pixel (at least 1)."""
    sx, sy = abs(meta["scalex"]), abs(meta["scaley"])
    width = max(int((abs(meta["xmax"] - meta["xmin"]) + sx / 2.0) / sx), 1)
    height = max(int((abs(meta["ymax"] - meta["ymin"]) + sy / 2.0) / sy), 1)
    return RasterHeader(0, sx, -sy, meta["xmin"], meta["ymax"], meta["skewx"], meta["skewy"],
                        meta["srid"], width, height)


def _add_coverage_tile(db, n, column):
    meta, failure = db.attempt(lambda: db.rows(st.coverage_query(n)))
    meta = meta[0] if meta else None
    if failure is not None or meta is None or any(
            meta[k] is None for k in ("scalex", "scaley", "xmin", "width", "height")):
        db.notice(UNABLE_COVERAGE)
        return False
    header = coverage_header(meta)
    check = st.coverage_tile(n, emit_header(header), meta["width"], meta["height"])
    return _add_check(db, n, "coverage_tile", column, check)


def _add_spatially_unique(db, n, table, column):
    constraint = "enforce_spatially_unique_" + db.quote_ident(table) + "_" + column
    return add_constraint_sql(db, constraint, st.spatially_unique(n, db.quote_ident(constraint)))


def _add_array(db, n, column, step, function, cast, what, build):
    values, ok = _sample(db, n, n.fn(function) + cast, what)
    if not ok:
        return False
    if not values:
        db.notice("Unable to get the %s of a sample raster (max < 1 or null)" % what)
        return False
    return _add_check(db, n, step, column, build(n, values))


def _add_extent(db, n, column):
    srid = db.value(n.sample(n.fn("st_srid")))
    if srid is None:
        return False
    hexewkb = db.value(st.extent_query(n, srid))
    return _add_check(db, n, "extent", column,
                      None if hexewkb is None else st.extent(n, hexewkb), " NOT VALID")


def add_step(db, schema, table, column, step):
    """One _add_raster_constraint_<kind>: True, False (reported) or None (skipped)."""
    n = _names(db, schema, table, column)
    if step == "srid":
        return _add_srid(db, n, column)
    if step in ("scale_x", "scale_y"):
        return _add_scale(db, n, column, step[-1])
    if step in ("blocksize_x", "blocksize_y"):
        return _add_blocksize(db, n, column, "width" if step == "blocksize_x" else "height")
    if step == "alignment":
        return _add_alignment(db, n, column)
    if step == "coverage_tile":
        return _add_coverage_tile(db, n, column)
    if step == "spatially_unique":
        return _add_spatially_unique(db, n, table, column)
    if step == "num_bands":
        value, ok = _sample(db, n, n.fn("st_numbands"), "number of bands")
        if not ok:
            return False
        return _add_check(db, n, "num_bands", column, None if value is None else st.num_bands(n, value))
    if step == "pixel_types":
        return _add_array(db, n, column, step, "_raster_constraint_pixel_types", "", "pixel types",
                          lambda n, v: None if None in v else st.pixel_types(n, v))
    if step == "nodata_values":
        return _add_array(db, n, column, step, "_raster_constraint_nodata_values", "::text[]",
                          "nodata values", st.nodata_values)
    if step == "out_db":
        return _add_array(db, n, column, step, "_raster_constraint_out_db", "",
                          "out-of-database bands", st.out_db)
    if step == "extent":
        return _add_extent(db, n, column)
    raise InvalidParameterError('unknown raster constraint "%s"' % step)


def drop_constraint(db, schema, table, constraint):
    """_drop_raster_constraint(schema, table, cn): True, or False with PostGIS's NOTICE."""
    if constraint is None:
        return None
    sql = "ALTER TABLE %s DROP CONSTRAINT %s" % (
        st.qualified_table(db.quote_ident, schema, table), db.quote_ident(constraint))
    _, failure = db.attempt(lambda: db.execute(sql))
    if failure is None:
        return True
    message, sqlstate = failure
    if sqlstate == UNDEFINED_OBJECT:
        db.notice('The constraint "%s" does not exist.  Skipping' % constraint)
        return True
    db.notice('Unable to drop constraint "%s": %s (%s)' % (constraint, message, sqlstate))
    return False


def spatially_unique_name(db, schema, table, column):
    """The name of the column's EXCLUDE ((col::geometry) WITH =) constraint, or None."""
    for row in db.rows(
            "SELECT co.conname, co.contype, co.conkey, pg_catalog.pg_get_constraintdef(co.oid) AS def, "
            "pg_catalog.pg_get_indexdef(co.conindid, 1, true) AS excl, "
            "(SELECT o.oprname FROM pg_catalog.pg_operator o WHERE o.oid OPERATOR(pg_catalog.=) co.conexclop[1]) AS op "
            "FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) co.conrelid "
            "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace "
            "WHERE n.nspname OPERATOR(pg_catalog.=) $1 AND c.relname OPERATOR(pg_catalog.=) $2 AND co.contype OPERATOR(pg_catalog.=) 'x' ORDER BY co.conname",
            ["name", "name"], [schema, table]):
        con = Constraint(row["conname"], row["contype"], tuple(row["conkey"] or ()), row["def"],
                         row["excl"], row["op"])
        if spatially_unique([con], db.quote_ident(column)):
            return row["conname"]
    return None


def drop_step(db, schema, table, column, step):
    """One _drop_raster_constraint_<kind>."""
    if step == "spatially_unique":
        return drop_constraint(db, schema, table, spatially_unique_name(db, schema, table, column))
    return drop_constraint(db, schema, table, CONSTRAINT_PREFIX[step] + column)


def _run_keywords(db, schema, table, column, constraints, adding):
    verb = "added" if adding else "dropped"
    if constraints is None:
        return None
    if len(constraints) == 0:
        raise NoConstraintsError("no constraints given",
                                 detail="The list of constraints is empty.")
    resolved = resolve_schema(db, schema, table)
    failed = 0
    for keyword in constraints:
        steps = _KEYWORDS.get((keyword or "").strip(" ").lower())
        if steps is None:
            db.notice("Unknown constraint: %s.  Skipping" % db.quote_literal(keyword))
            continue
        result = None
        for step in steps:
            if adding:
                result = _add_one(db, resolved, table, column, step)
            else:
                result = _drop_one(db, resolved, table, column, step)
        if result is False:
            failed += 1
            db.warning("Unable to %s constraint: %s.  Skipping"
                       % ("add" if adding else "drop", db.quote_literal(keyword)))
    if failed == len(constraints):
        raise ConstraintsNotAppliedError(
            "none of the constraints specified could be %s" % verb,
            hint="Is the schema name, table name or column name incorrect?")
    return True


def _add_one(db, schema, table, column, step):
    if step == "regular_blocking":
        db.notice("Adding coverage tile constraint required for regular blocking")
        result = add_step(db, schema, table, column, "coverage_tile")
        if result is not False:
            db.notice("Adding spatially unique constraint required for regular blocking")
            result = add_step(db, schema, table, column, "spatially_unique")
        return result
    db.notice(_ADD_NOTICE[step])
    return add_step(db, schema, table, column, step)


def _drop_one(db, schema, table, column, step):
    if step == "regular_blocking":
        drop_step(db, schema, table, column, "regular_blocking")
        db.notice("Dropping coverage tile constraint required for regular blocking")
        result = drop_step(db, schema, table, column, "coverage_tile")
        if result is not False:
            db.notice("Dropping spatially unique constraint required for regular blocking")
            result = drop_step(db, schema, table, column, "spatially_unique")
        return result
    db.notice(_DROP_NOTICE[step])
    return drop_step(db, schema, table, column, step)


def add_raster_constraints(db, schema, table, column, constraints):
    """AddRasterConstraints(rastschema, rasttable, rastcolumn, VARIADIC constraints)."""
    return _run_keywords(db, schema, table, column, constraints, adding=True)


def drop_raster_constraints(db, schema, table, column, constraints):
    """DropRasterConstraints(rastschema, rasttable, rastcolumn, VARIADIC constraints)."""
    return _run_keywords(db, schema, table, column, constraints, adding=False)


def add_overview_constraint(db, ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor):
    """_add_overview_constraint: the CHECK that ties an overview column to its reference."""
    n = _names(db, ovschema, ovtable, ovcolumn)
    check = st.overview(n, factor, refschema, reftable, refcolumn, db.quote_literal)
    return _add_check(db, n, "overview", ovcolumn, check)


def add_overview_constraints(db, ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor):
    """AddOverviewConstraints(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, ovfactor)."""
    ovschema = resolve_schema(db, ovschema, ovtable)
    refschema = resolve_schema(db, refschema, reftable)
    if add_overview_constraint(db, ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn,
                               factor) is False:
        raise ConstraintsNotAppliedError(
            "unable to add the overview constraint",
            hint="Is the schema name, table name or column name incorrect?")
    return True


def drop_overview_constraints(db, ovschema, ovtable, ovcolumn):
    """DropOverviewConstraints(ovschema, ovtable, ovcolumn)."""
    schema = resolve_schema(db, ovschema, ovtable)
    if drop_step(db, schema, ovtable, ovcolumn, "overview") is False:
        raise ConstraintsNotAppliedError(
            "unable to drop the overview constraint",
            hint="Is the schema name, table name or column name incorrect?")
    return True


def has_coverage_tile(db, schema, table, column):
    """Whether the column has a coverage tile constraint (what UpdateRasterSRID keeps)."""
    return db.value(
        "SELECT true FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) co.conrelid "
        "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace JOIN pg_catalog.pg_attribute a "
        "ON a.attrelid OPERATOR(pg_catalog.=) c.oid WHERE n.nspname OPERATOR(pg_catalog.=) $1 AND c.relname OPERATOR(pg_catalog.=) $2 AND a.attname OPERATOR(pg_catalog.=) $3 "
        "AND a.attnum OPERATOR(pg_catalog.=) ANY (co.conkey) AND pg_catalog.pg_get_constraintdef(co.oid) OPERATOR(pg_catalog.~~) '%st_iscoveragetile(%' "
        "LIMIT 1", ["name", "name", "name"], [schema, table, column]) is True


def update_raster_srid(db, schema, table, column, new_srid):
    """UpdateRasterSRID: drop the SRID, extent and alignment constraints (and a coverage
    tile one), set the SRID of every raster, add them back."""
    resolved = resolve_schema(db, schema, table)
    srid = new_srid
    if new_srid < 0:
        srid = SRID_UNKNOWN
        db.notice("SRID %d converted to the officially unknown SRID %d" % (new_srid, srid))
    coverage = has_coverage_tile(db, resolved, table, column)
    if coverage:
        drop_step(db, resolved, table, column, "coverage_tile")
    drop_raster_constraints(db, resolved, table, column, ["extent", "alignment", "srid"])
    n = _names(db, schema, table, column)
    sql = st.set_srid(n, srid)
    db.notice("sql = %s" % sql)
    db.execute(sql)
    add_raster_constraints(db, resolved, table, column, ["srid", "extent", "alignment"])
    if coverage:
        add_step(db, resolved, table, column, "coverage_tile")
    return True
