"""SQL adapter of server-side COG registration (sql/90-register.sql).

plraster_register_cog reads each COG's header through the out-db engine
(plraster.register.read_cog), creates the table and its o_<factor>_<table> overview
tables when missing, inserts the records in batches with one prepared INSERT ... SELECT
FROM unnest($1::bytea[]) per table, then adds the spatial index and the raster
constraints as raster2pgsql -I -C does. A file whose path is already the out-db path of
a record in the table is skipped with a NOTICE, so a second call adds no records (only
the index and constraints it asks for, where the tables lack them).
"""
import plpy

from plraster import register as lib
from plraster.core.errors import InvalidParameterError
from . import outdb as outdb_sql  # installs the out-db source loader and interrupt check
from . import sql_function

BATCH_TILES = 4096  # records per INSERT; a NOTICE reports progress after each on large files
_CONSTRAINT_ARGS = ["name"] * 3 + ["boolean"] * 12


@sql_function
def register_cogs(urls, tablename, tile, overviews, rastcolumn, filecolumn, srid, bands,
                  constraints, index):
    """plraster_register_cog(urls[], tablename, ...): register COGs as out-db tiles of a
    table (and its overview tables); returns how many full-resolution tiles were added."""
    if tablename is None:
        raise InvalidParameterError("table name must not be null")
    if not rastcolumn:
        raise InvalidParameterError("raster column name must not be null or empty")
    spec = lib.RegisterSpec.parse(tile, srid, bands)
    schema, table = _target(tablename)
    plpy.execute(plpy.prepare("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('plraster_register_cog'), "
                              "pg_catalog.hashtext($1))", ["text"]), [lib.statements.qualified(schema, table)])
    job = _Registration(outdb_sql._schema(), schema, table, rastcolumn, filecolumn or None, bool(constraints))
    added = 0
    for url in urls or ():
        if url is not None:
            added += job.register(url, spec, bool(overviews))
    job.finish(bool(index))
    return added


def _target(tablename):
    """(schema, table) of an existing table, or where a new one goes (current schema)."""
    rows = plpy.execute(plpy.prepare(
        "SELECT n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace WHERE c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1)",
        ["text"]), [tablename])
    if rows:
        if rows[0]["relkind"] not in ("r", "p"):
            raise InvalidParameterError('"%s" is not a table' % tablename)
        return rows[0]["nspname"], rows[0]["relname"]
    parts = plpy.execute(plpy.prepare("SELECT pg_catalog.parse_ident($1) AS p, pg_catalog.current_schema() AS s",
                                      ["text"]), [tablename])[0]
    names = parts["p"]
    if len(names) == 1:
        if parts["s"] is None:
            raise InvalidParameterError("no schema has been selected to create in",
                                        hint="Qualify the table name with a schema.")
        return parts["s"], names[0]
    if len(names) == 2:
        return names[0], names[1]
    raise InvalidParameterError('improper table name "%s"' % tablename,
                                hint="Give the table as name or schema.name.")


class _Table:
    """One table records go to: created when missing, filled in batches."""

    def __init__(self, ext, schema, name, rastcolumn, filecolumn, factor):
        self.ext, self.schema, self.name, self.factor = ext, schema, name, factor
        self.rastcolumn = rastcolumn
        self.qualified = lib.statements.qualified(schema, name)
        self.shown = "%s.%s" % (schema, name)
        self.created = False
        self.inserted = 0
        self.constrained = False
        self._paths = None
        self._plan = None
        columns = _columns(self.qualified)
        self.existed = columns is not None
        if self.existed and rastcolumn not in columns:
            raise InvalidParameterError('column "%s" of table "%s" does not exist' % (rastcolumn, self.shown))
        # An existing table gets the file name only if it has the column already.
        self.filecolumn = filecolumn if not self.existed or filecolumn in columns else None

    def create(self):
        """Create the table as raster2pgsql -c does, unless it exists."""
        if not self.existed and not self.created:
            plpy.execute(lib.statements.create_table(self.ext, self.schema, self.name, self.rastcolumn,
                                                     self.filecolumn))
            self.created = True

    def registered(self, url):
        """Whether a record of the table already points at this path (band 1)."""
        if self._paths is None:
            self._paths = set()
            if self.existed:
                rows = plpy.execute(lib.statements.registered_paths(self.schema, self.name, self.rastcolumn))
                self._paths = {bytes(r["path"]) for r in rows}
        return url.encode("utf-8") in self._paths

    def insert(self, records, url, shown, constraints):
        """Insert the records in batches, with a progress NOTICE per batch on large files."""
        self.create()
        if constraints and self.existed and not self.constrained and self.inserted == 0:
            self.constrained = _drop_constraints(self)
        if self._plan is None:
            sql = lib.statements.insert_rows(self.schema, self.name, self.rastcolumn, self.filecolumn)
            self._plan = plpy.prepare(sql, ["bytea[]", "text"] if self.filecolumn else ["bytea[]"])
        args = [lib.statements.file_name(url)] if self.filecolumn else []
        for start in range(0, len(records), BATCH_TILES):
            batch = records[start:start + BATCH_TILES]
            plpy.execute(self._plan, [batch] + args)
            if len(records) > BATCH_TILES:
                plpy.notice('plraster_register_cog: %d of %d tiles of "%s" registered in table "%s"'
                            % (start + len(batch), len(records), shown, self.shown))
        self.inserted += len(records)
        if self._paths is not None and self.factor == 1:
            self._paths.add(url.encode("utf-8"))


class _Registration:
    """The tables of one call: the main table and its overview tables by factor."""

    def __init__(self, ext, schema, table, rastcolumn, filecolumn, constraints):
        self.ext, self.schema, self.table = ext, schema, table
        self.rastcolumn, self.filecolumn = rastcolumn, filecolumn
        self.main = _Table(ext, schema, table, rastcolumn, filecolumn, 1)
        self.overviews = {}
        self.constraints = constraints

    def register(self, url, spec, overviews):
        """Register one COG; returns the number of full-resolution tiles added."""
        cog = lib.read_cog(url, overviews)
        if self.main.registered(url):
            plpy.notice('plraster_register_cog: "%s" is already registered in table "%s", skipping'
                        % (cog.shown, self.main.shown))
            for level in cog.levels:  # finish() still completes their index and constraints
                self._table(level.factor)
            return 0
        srid = cog.srid if spec.srid is None else spec.srid
        added = 0
        for level in cog.levels:
            records = lib.tile_records(level, spec, srid, cog.shown)
            self._table(level.factor).insert(records, url, cog.shown, self.constraints)
            if level.factor == 1:
                added = len(records)
        return added

    def _table(self, factor):
        if factor == 1:
            return self.main
        table = self.overviews.get(factor)
        if table is None:
            name = lib.statements.overview_table_name(self.table, factor)
            table = self.overviews[factor] = _Table(self.ext, self.schema, name, self.rastcolumn,
                                                    self.filecolumn, factor)
        return table

    def finish(self, index):
        """Index, analyze and constrain every table that received records, and give the
        tables of already registered files the index and constraints asked for now (a
        first call may have been made with index => false or constraints => false)."""
        tables = [t for t in [self.main] + [self.overviews[f] for f in sorted(self.overviews)]
                  if t.inserted or t.existed]
        for t in tables if index else ():
            indexed = plpy.execute(lib.statements.has_hull_index(t.schema, t.name, t.rastcolumn))[0]["found"]
            if not indexed:
                plpy.execute(lib.statements.create_hull_index(self.ext, t.schema, t.name, t.rastcolumn))
            if not indexed or t.inserted:
                plpy.execute(lib.statements.analyze(t.schema, t.name))
        if self.constraints:
            unconstrained = [t for t in tables if t.inserted or not plpy.execute(
                lib.statements.has_raster_constraints(t.schema, t.name))[0]["found"]]
            if unconstrained:
                _add_constraints(self, unconstrained)


def _columns(qualified):
    """Column names of a table, or None when it does not exist."""
    rows = plpy.execute(plpy.prepare(
        "SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1) "
        "AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped", ["text"]), [qualified])
    if not rows and not plpy.execute(plpy.prepare("SELECT pg_catalog.to_regclass($1) IS NOT NULL AS e", ["text"]),
                                     [qualified])[0]["e"]:
        return None
    return {r["attname"] for r in rows}


def _function(ext, name, argtypes):
    """Whether the extension has function name(argtypes)."""
    signature = "%s.%s(%s)" % (ext, name, ",".join(argtypes))
    return plpy.execute(plpy.prepare("SELECT pg_catalog.to_regprocedure($1) IS NOT NULL AS f", ["text"]),
                        [signature])[0]["f"]


def _call(ext, name, argtypes, args):
    plpy.execute(plpy.prepare("SELECT %s.%s(%s)" % (ext, name, ", ".join(
        "$%d" % (i + 1) for i in range(len(argtypes)))), argtypes), args)


def _drop_constraints(table):
    """Before appending to a constrained table: drop its raster (and overview) constraints,
    which the new records could violate; they are added again afterwards."""
    if not plpy.execute(lib.statements.has_raster_constraints(table.schema, table.name))[0]["found"]:
        return False
    if _function(table.ext, "droprasterconstraints", _CONSTRAINT_ARGS):
        _call(table.ext, "droprasterconstraints", _CONSTRAINT_ARGS,
              [table.schema, table.name, table.rastcolumn] + [True] * 12)
    if table.factor != 1 and _function(table.ext, "dropoverviewconstraints", ["name"] * 3):
        _call(table.ext, "dropoverviewconstraints", ["name"] * 3, [table.schema, table.name, table.rastcolumn])
    return True


def _add_constraints(job, tables):
    """AddRasterConstraints on every table and AddOverviewConstraints on the overview
    tables, as raster2pgsql -C -l does; skipped with a NOTICE where they are missing."""
    if not _function(job.ext, "addrasterconstraints", _CONSTRAINT_ARGS):
        plpy.notice("plraster_register_cog: function addrasterconstraints is not available, "
                    "skipping raster constraints")
    else:
        for t in tables:
            _call(job.ext, "addrasterconstraints", _CONSTRAINT_ARGS,
                  [t.schema, t.name, t.rastcolumn] + list(lib.statements.CONSTRAINT_FLAGS))
    overviews = [t for t in tables if t.factor != 1]
    if not overviews:
        return
    args = ["name"] * 6 + ["integer"]
    if not _function(job.ext, "addoverviewconstraints", args):
        plpy.notice("plraster_register_cog: function addoverviewconstraints is not available, "
                    "skipping overview constraints")
        return
    for t in overviews:
        _call(job.ext, "addoverviewconstraints", args,
              [t.schema, t.name, t.rastcolumn, job.schema, job.table, job.rastcolumn, t.factor])
