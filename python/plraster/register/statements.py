"""The SQL registration runs, as text: table names, DDL and the queries on the rows.

Identifiers are always double-quoted here (so any name is safe); `ext` is the quoted
schema of the extension. plraster.sqlapi.register prepares and runs these.
"""

# raster2pgsql -R -C: every constraint but regular_blocking (-r), in AddRasterConstraints's
# order: srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment,
# regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent.
CONSTRAINT_FLAGS = (True, True, True, True, True, True, False, True, True, True, True, True)


def quote_ident(name):
    """A double-quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def qualified(schema, table):
    """schema.table, quoted."""
    return quote_ident(schema) + "." + quote_ident(table)


def overview_table_name(table, factor):
    """The overview table raster2pgsql -l names: o_<factor>_<table>."""
    return "o_%d_%s" % (factor, table)


def file_name(path):
    """What raster2pgsql -F writes in the filename column: the last part of the path."""
    return path.rsplit("/", 1)[-1]


def create_table(ext, schema, table, rastcolumn, filecolumn):
    """CREATE TABLE as raster2pgsql -c writes it (rid serial key, raster column, -F column)."""
    columns = ['"rid" serial PRIMARY KEY', "%s %s.raster" % (quote_ident(rastcolumn), ext)]
    if filecolumn:
        columns.append("%s text" % quote_ident(filecolumn))
    return "CREATE TABLE %s (%s)" % (qualified(schema, table), ", ".join(columns))


def insert_rows(schema, table, rastcolumn, filecolumn):
    """INSERT of a batch: $1 bytea[] of records (and $2 the file name when filecolumn)."""
    if filecolumn:
        return ("INSERT INTO %s (%s, %s) SELECT r, $2 FROM pg_catalog.unnest($1::pg_catalog.bytea[]) r"
                % (qualified(schema, table), quote_ident(rastcolumn), quote_ident(filecolumn)))
    return ("INSERT INTO %s (%s) SELECT r FROM pg_catalog.unnest($1::pg_catalog.bytea[]) r"
            % (qualified(schema, table), quote_ident(rastcolumn)))


def registered_paths(schema, table, rastcolumn):
    """The distinct paths of the first bands of a table's out-db records, as bytea.

    Read from the WKB with byte functions (no PL/Python call per row): the path of band 1
    starts after the 61-byte header, the flag byte, the nodata value (sized by the pixel
    type in the flag's low bits) and the band number byte, and ends at a NUL.
    """
    return (
        "SELECT DISTINCT pg_catalog.substring(b, 1, pg_catalog.position(b, '\\x00'::pg_catalog.bytea) OPERATOR(pg_catalog.-) 1) AS path "
        "FROM (SELECT pg_catalog.substring(r, 64 OPERATOR(pg_catalog.+) "
        "(ARRAY[1,1,1,1,1,2,2,4,4,2,4,8,0,0,0,0])[(pg_catalog.get_byte(r, 61) OPERATOR(pg_catalog.&) 15) OPERATOR(pg_catalog.+) 1]) AS b "
        "FROM (SELECT %s::pg_catalog.bytea AS r FROM %s) s "
        "WHERE CASE WHEN pg_catalog.length(r) OPERATOR(pg_catalog.>) 62 THEN pg_catalog.get_byte(r, 61) OPERATOR(pg_catalog.&) 128 OPERATOR(pg_catalog.=) 128 ELSE false END) t "
        "WHERE pg_catalog.position(b, '\\x00'::pg_catalog.bytea) OPERATOR(pg_catalog.>) 0"
        % (quote_ident(rastcolumn), qualified(schema, table)))


def has_hull_index(schema, table, rastcolumn):
    """Whether a GiST index of the table is defined on st_convexhull(<column>)."""
    return (
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index i "
        "JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid "
        "JOIN pg_catalog.pg_am a ON a.oid OPERATOR(pg_catalog.=) c.relam "
        "WHERE i.indrelid OPERATOR(pg_catalog.=) %s::pg_catalog.regclass AND a.amname OPERATOR(pg_catalog.=) 'gist' "
        "AND pg_catalog.strpos(pg_catalog.pg_get_indexdef(i.indexrelid), "
        "%s OPERATOR(pg_catalog.||) pg_catalog.quote_ident(%s) OPERATOR(pg_catalog.||) ')') OPERATOR(pg_catalog.>) 0) AS found"
        % (literal(qualified(schema, table)), literal("st_convexhull("), literal(rastcolumn)))


def create_hull_index(ext, schema, table, rastcolumn):
    """The spatial index raster2pgsql -I creates."""
    return ("CREATE INDEX ON %s USING gist (%s.st_convexhull(%s))"
            % (qualified(schema, table), ext, quote_ident(rastcolumn)))


def analyze(schema, table):
    """ANALYZE, as raster2pgsql -I runs after creating the index."""
    return "ANALYZE %s" % qualified(schema, table)


def has_raster_constraints(schema, table):
    """Whether the table has CHECK constraints named as AddRasterConstraints names them."""
    return ("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid OPERATOR(pg_catalog.=) %s::pg_catalog.regclass "
            "AND contype OPERATOR(pg_catalog.=) 'c' AND conname OPERATOR(pg_catalog.~~) 'enforce\\_%%') AS found" % literal(qualified(schema, table)))


def literal(text):
    """A single-quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
