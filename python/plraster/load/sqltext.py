"""The SQL raster2pgsql writes, statement by statement.

A raster is written as raster2pgsql writes it, in PostGIS's text form (upper-case hex WKB,
which plraster's raster and PostGIS's both read): INSERT writes '<HEX>'::raster and COPY
a line of <HEX>. Identifiers are double-quoted (embedded quotes doubled) and, unless -q,
lower-cased.
"""

import typing

RASTER_TYPE = "raster"

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def ident(name):
    """A double-quoted identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(text):
    """A single-quoted string literal."""
    return "'" + text.replace("'", "''") + "'"


def copy_text(text):
    """A value in COPY's text format (backslash, tab, newline, CR escaped)."""
    return text.translate(_COPY_ESCAPES)


class TableNames(typing.NamedTuple):
    """A target table as the statements name it (already lower-cased unless -q)."""

    schema: typing.Optional[str]
    table: str
    raster_column: str
    filename_column: typing.Optional[str]

    @property
    def qualified(self):
        """"schema"."table", or "table" without a schema."""
        return (ident(self.schema) + "." if self.schema is not None else "") + ident(self.table)

    def overview(self, factor):
        """The overview table o_<factor>_<table> beside this one."""
        return self._replace(table=f"o_{factor}_{self.table}")

    @property
    def columns(self):
        """The column list of INSERT and COPY: ("rast"[,"filename"])."""
        cols = ident(self.raster_column)
        if self.filename_column is not None:
            cols += "," + ident(self.filename_column)
        return "(" + cols + ")"


def create_table(t, tablespace=None, index_tablespace=None):
    """CREATE TABLE with a serial primary key rid, the raster column and the file name column."""
    key = ' USING INDEX TABLESPACE ' + ident(index_tablespace) if index_tablespace else ""
    cols = f'"rid" serial PRIMARY KEY{key},{ident(t.raster_column)} {RASTER_TYPE}'
    if t.filename_column is not None:
        cols += f",{ident(t.filename_column)} text"
    space = " TABLESPACE " + ident(tablespace) if tablespace else ""
    return f"CREATE TABLE {t.qualified} ({cols}){space};\n"


def drop_table(t):
    """DROP TABLE IF EXISTS."""
    return f"DROP TABLE IF EXISTS {t.qualified};\n"


def insert_prefix(t):
    """The text of an INSERT up to the raster value, as bytes."""
    return f"INSERT INTO {t.qualified} {t.columns} VALUES (".encode()


def insert_suffix(filename, srid_to=None):
    """The text of an INSERT after the raster's hex digits, as bytes."""
    value = "'::" + RASTER_TYPE
    if srid_to is not None:
        value += f", {srid_to})"
    if filename is not None:
        value += "," + literal(filename)
    return (value + ");\n").encode()


def insert_value_start(srid_to=None):
    """What precedes the raster's hex digits inside VALUES (...)."""
    return b"ST_Transform('" if srid_to is not None else b"'"


def copy_start(t):
    """COPY ... FROM stdin; (text format)."""
    return f"COPY {t.qualified} {t.columns} FROM stdin;\n"


COPY_END = "\\.\n"


def copy_row_suffix(filename):
    """What follows the raster's hex digits on a COPY line, as bytes."""
    return (("\t" + copy_text(filename)) if filename is not None else "").encode() + b"\n"


def create_index(t, index_tablespace=None):
    """The GiST index raster2pgsql -I creates, on ST_ConvexHull of the raster column."""
    space = " TABLESPACE " + ident(index_tablespace) if index_tablespace else ""
    return f"CREATE INDEX ON {t.qualified} USING gist (st_convexhull({ident(t.raster_column)})){space};\n"


def analyze(t):
    """ANALYZE after the index."""
    return f"ANALYZE {t.qualified};\n"


def vacuum_analyze(t):
    """VACUUM ANALYZE (-M), after the transaction."""
    return f"VACUUM ANALYZE {t.qualified};\n"


def _bool(value):
    return "TRUE" if value else "FALSE"


def add_raster_constraints(t, regular_blocking=False, max_extent=True):
    """SELECT AddRasterConstraints(schema, table, column, srid, scale_x, scale_y, blocksize_x,
    blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values,
    out_db, extent), as raster2pgsql -C [-r] [-x] writes it ('' for no schema)."""
    flags = [True] * 6 + [regular_blocking] + [True] * 4 + [max_extent]
    names = ",".join(literal(v) for v in (t.schema or "", t.table, t.raster_column))
    return f"SELECT AddRasterConstraints({names},{','.join(_bool(f) for f in flags)});\n"


def add_overview_constraints(overview, base, factor):
    """SELECT AddOverviewConstraints(ovschema, ovtable, ovcolumn, schema, table, column, factor)."""
    names = [overview.schema or "", overview.table, overview.raster_column,
             base.schema or "", base.table, base.raster_column]
    return f"SELECT AddOverviewConstraints({','.join(literal(v) for v in names)},{factor});\n"
