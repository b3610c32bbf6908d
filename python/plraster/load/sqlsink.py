"""Writing the load as SQL text (to stdout, for psql), INSERT by INSERT or in COPY blocks.

Output is bytes in large buffered writes: the hex digits of a tile are never turned
into a str.
"""

import binascii

import numpy

from . import sqltext

# Bytes gathered before one write to the output.
WRITE_BUFFER = 4 * 1024 * 1024
# In lower-case hex digits only the letters a-f (0x61-0x66) have bit 0x40.
_LETTER_BITS = 0x4040404040404040


def upper_hex(data):
    """The upper-case hex digits of data (raster2pgsql's form), as a bytearray: hexlify, then
    each letter less 0x20, eight digits at a time (hexlify().upper() took twice as long,
    the upper() pass being the larger part)."""
    text = bytearray(binascii.hexlify(data))
    whole = len(text) // 8 * 8
    if whole:
        words = numpy.frombuffer(memoryview(text)[:whole], dtype=numpy.uint64)
        words -= (words & _LETTER_BITS) >> 1
    if whole < len(text):
        text[whole:] = text[whole:].upper()
    return text


class SqlSink:
    """Writes statements and rows as raster2pgsql does, to a binary stream."""

    def __init__(self, stream, copy_rows=None, srid_to=None):
        self.stream = stream
        self.copy_rows = copy_rows
        self.srid_to = srid_to
        self._parts = []
        self._size = 0

    def _write(self, data):
        self._parts.append(data)
        self._size += len(data)
        if self._size >= WRITE_BUFFER:
            self.flush()

    def flush(self):
        """Write what is buffered."""
        if self._parts:
            self.stream.write(b"".join(self._parts))
            self._parts = []
            self._size = 0
        self.stream.flush()

    def statement(self, sql):
        """One statement, as text ending in ";\\n"."""
        self._write(sql.encode())

    def rows(self, table, tiles, filename=None):
        """The rows of one file for one table: INSERTs, or COPY blocks of copy_rows rows.

        `tiles` yields raster WKB; returns how many rows were written.
        """
        if self.copy_rows is None:
            return self._inserts(table, tiles, filename)
        return self._copies(table, tiles, filename)

    def _inserts(self, table, tiles, filename):
        head = sqltext.insert_prefix(table) + sqltext.insert_value_start(self.srid_to)
        tail = sqltext.insert_suffix(filename, self.srid_to)
        count = 0
        for wkb in tiles:
            self._write(head)
            self._write(upper_hex(wkb))
            self._write(tail)
            count += 1
        return count

    def _copies(self, table, tiles, filename):
        start = sqltext.copy_start(table).encode()
        end = sqltext.COPY_END.encode()
        tail = sqltext.copy_row_suffix(filename)
        count = 0
        for wkb in tiles:
            if count % self.copy_rows == 0:
                if count:
                    self._write(end)
                self._write(start)
            self._write(upper_hex(wkb))
            self._write(tail)
            count += 1
        if count:
            self._write(end)
        return count

    def close(self):
        """Flush the output."""
        self.flush()
