"""Loading straight into a database with psycopg: the same statements, rows by binary COPY.

The connection is in autocommit mode and runs the statements the SQL output would hold,
BEGIN and END included, so -e (no transaction) and VACUUM (outside it) behave as with
psql. Rows go through COPY ... (FORMAT binary): the WKB travels as bytes, not hex.
With -s FROM:TO the rows are INSERTs through ST_Transform, as in the SQL output.
"""

import struct

from . import sqltext

_BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0)
_BINARY_TRAILER = struct.pack("!h", -1)
_FIELD = struct.Struct("!i")
# Bytes gathered before one write to the COPY stream.
WRITE_BUFFER = 4 * 1024 * 1024


class DatabaseSink:
    """Runs the load on a psycopg connection (see module doc)."""

    def __init__(self, conninfo, srid_to=None):
        import psycopg  # only the direct load needs it

        self.conn = psycopg.connect(conninfo, autocommit=True)
        self.srid_to = srid_to

    def statement(self, sql):
        """Run one statement."""
        self.conn.execute(sql.rstrip().rstrip(";"))

    def rows(self, table, tiles, filename=None):
        """Insert the rows of one file for one table; returns how many."""
        if self.srid_to is not None:
            return self._inserts(table, tiles, filename)
        fields = struct.pack("!h", 2 if filename is not None else 1)
        tail = b""
        if filename is not None:
            name = filename.encode()
            tail = _FIELD.pack(len(name)) + name
        count = 0
        with self.conn.cursor().copy(
                f"COPY {table.qualified} {table.columns} FROM STDIN (FORMAT binary)") as copy:
            parts = [_BINARY_HEADER]
            size = 0
            for wkb in tiles:
                parts.extend((fields, _FIELD.pack(len(wkb)), wkb, tail))
                size += len(wkb)
                count += 1
                if size >= WRITE_BUFFER:
                    copy.write(b"".join(parts))
                    parts, size = [], 0
            parts.append(_BINARY_TRAILER)
            copy.write(b"".join(parts))
        return count

    def _inserts(self, table, tiles, filename):
        columns = table.columns
        values = "ST_Transform(%s::bytea::" + sqltext.RASTER_TYPE + f", {int(self.srid_to)})"
        params_tail = ()
        if filename is not None:
            values += ", %s"
            params_tail = (filename,)
        query = f"INSERT INTO {table.qualified} {columns} VALUES ({values})"
        count = 0
        with self.conn.cursor() as cur:
            for wkb in tiles:
                cur.execute(query, (wkb,) + params_tail)
                count += 1
        return count

    def close(self):
        """Close the connection."""
        self.conn.close()
