"""A pg_dump's format and its raster extension's entries, found and left out.

A PostGIS dump creates postgis_raster with `CREATE EXTENSION IF NOT EXISTS postgis_raster
WITH SCHEMA <s>;` right after postgis and before any table. Restored as is into plraster's
schema that statement fails (type raster exists); restored elsewhere it brings PostGIS
raster back. Migration puts plraster's own CREATE EXTENSION in its place, at the same point
of the restore, so everything before it (schemas, postgis) and after it (tables, data,
constraints, indexes) restores unchanged; the extension's COMMENT goes with it, and so does
any data of the left-out extension's configuration tables.

Plain dumps are filtered as a stream of lines (COPY data passes untouched); custom,
directory and tar dumps through their table of contents (pg_restore -l / -L).
"""

import os
import re

from plraster.core.errors import InvalidParameterError

PLAIN, CUSTOM, DIRECTORY, TAR = "plain", "custom", "directory", "tar"

# A SQL identifier as pg_dump writes one: bare, or double-quoted with "" inside.
_IDENT = rb'(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)'
_CREATE_EXT = re.compile(rb"CREATE EXTENSION IF NOT EXISTS (" + _IDENT + rb") WITH SCHEMA (" + _IDENT + rb");\s*\Z")
_COMMENT_EXT = re.compile(rb"COMMENT ON EXTENSION (" + _IDENT + rb") IS ")
_COPY = re.compile(rb"COPY (" + _IDENT + rb")\.(" + _IDENT + rb") .*FROM stdin;\s*\Z")
# Plain dumps put extensions before the first object of these kinds.
_PAST_EXTENSIONS = (b"CREATE TABLE ", b"CREATE TYPE ", b"CREATE FUNCTION ", b"CREATE DOMAIN ",
                    b"COPY ", b"CREATE SEQUENCE ", b"CREATE VIEW ")
# pg_restore -l: "<id>; <catalog oid> <oid> <TYPE words> <schema> <name> <owner>"
_TOC_ENTRY = re.compile(r"(\d+); (\d+) (\d+) (.*)\Z")


def unquote(ident):
    """A pg_dump identifier (bytes or str) as the name it denotes."""
    if isinstance(ident, bytes):
        ident = ident.decode()
    if ident.startswith('"'):
        return ident[1:-1].replace('""', '"')
    return ident


def quote(name):
    """name as an SQL identifier (quoted unless a plain lower-case word)."""
    if re.fullmatch(r"[a-z_][a-z0-9_$]*", name):
        return name
    return '"' + name.replace('"', '""') + '"'


def detect_format(path):
    """PLAIN, CUSTOM, DIRECTORY or TAR, from what pg_dump wrote at path."""
    if os.path.isdir(path):
        if not os.path.exists(os.path.join(path, "toc.dat")):
            raise InvalidParameterError(f'directory "{path}" is not a pg_dump directory',
                                        detail="A directory-format dump holds a toc.dat file.")
        return DIRECTORY
    try:
        with open(path, "rb") as f:
            head = f.read(512)
    except OSError as exc:
        raise InvalidParameterError(f'could not read dump "{path}": {exc.strerror.lower()}')
    if head.startswith(b"PGDMP"):
        return CUSTOM
    if len(head) >= 262 and head[257:262] == b"ustar":
        return TAR
    return PLAIN


def plain_extension_schema(path, extension):
    """The schema of `CREATE EXTENSION ... <extension> WITH SCHEMA s` in a plain dump, or
    None; reads only the dump's head (extensions come before the first table)."""
    with open(path, "rb") as f:
        for line in f:
            m = _CREATE_EXT.match(line)
            if m and unquote(m.group(1)) == extension:
                return unquote(m.group(2))
            if line.startswith(_PAST_EXTENSIONS):
                return None
    return None


# A raster literal in a plraster database's CHECK or view reads back through the domain's
# base type, ('<hex>'::public.plraster_wkb)::public.raster; PostGIS's raster is a base type.
_DOMAIN_LITERAL = re.compile(rb"\('([0-9A-Fa-f]*)'::(?:" + _IDENT + rb"\.)?plraster_wkb\)::((?:" + _IDENT
                             + rb"\.)?raster)\b")


def postgis_spelling(line):
    """line with plraster's spelling of raster literals written as PostGIS's."""
    if b"plraster_wkb" not in line:
        return line
    return _DOMAIN_LITERAL.sub(rb"'\1'::\2", line)


def filter_plain(lines, drop_extension, replacement, config_tables=(), rewrite=None):
    """Yield the lines of a plain dump with drop_extension's CREATE EXTENSION replaced by
    replacement(schema) (a bytes line), its COMMENT left out, and the COPY data of
    config_tables (bare table names) left out; other lines outside COPY data go through
    rewrite (a function of a line) when given. COPY data of other tables is passed as is."""
    in_copy = skipping_copy = in_comment = False
    for line in lines:
        if in_copy:
            if line in (b"\\.\n", b"\\.\r\n", b"\\."):
                in_copy = False
                if skipping_copy:
                    skipping_copy = False
                    continue
            if not skipping_copy:
                yield line
            continue
        if in_comment:
            in_comment = not line.rstrip().endswith(b"';")
            continue
        m = _COPY.match(line)
        if m:
            in_copy = True
            skipping_copy = unquote(m.group(2)) in config_tables
            if not skipping_copy:
                yield line
            continue
        m = _CREATE_EXT.match(line)
        if m and unquote(m.group(1)) == drop_extension:
            yield replacement(unquote(m.group(2)))
            continue
        m = _COMMENT_EXT.match(line)
        if m and unquote(m.group(1)) == drop_extension:
            in_comment = not line.rstrip().endswith(b"';")
            continue
        yield rewrite(line) if rewrite is not None else line


class TocEntry:
    """One line of `pg_restore -l`: its text and, for an entry, its words after the OIDs."""

    def __init__(self, line):
        self.line = line
        m = _TOC_ENTRY.match(line)
        self.words = m.group(4).split() if m else None

    def is_extension(self, name):
        return self.words is not None and self.words[:3] == ["EXTENSION", "-", name]

    def is_extension_comment(self, name):
        return self.words is not None and self.words[:4] == ["COMMENT", "-", "EXTENSION", name]

    def is_table_data(self, tables):
        return (self.words is not None and self.words[:2] == ["TABLE", "DATA"]
                and len(self.words) >= 4 and self.words[3] in tables)


def split_toc(listing, drop_extension, config_tables=()):
    """(before, after) entry lists of `pg_restore -l` output around drop_extension's
    EXTENSION entry, with that entry, its COMMENT and the data of config_tables left out;
    None when the dump has no such extension."""
    entries = [TocEntry(line) for line in listing.splitlines()]
    at = next((i for i, e in enumerate(entries) if e.is_extension(drop_extension)), None)
    if at is None:
        return None
    keep = [e for e in entries
            if not (e.is_extension(drop_extension) or e.is_extension_comment(drop_extension)
                    or e.is_table_data(config_tables))]
    before = [e.line for e in entries[:at] if e in keep]
    after = [e.line for e in entries[at + 1:] if e in keep]
    return before, after


def extension_entry(listing, extension):
    """The `pg_restore -l` line of extension's EXTENSION entry, or None."""
    for line in listing.splitlines():
        if TocEntry(line).is_extension(extension):
            return line
    return None


def schema_of_create_extension(sql, extension):
    """The schema named by the CREATE EXTENSION statement of extension in sql (text)."""
    for line in sql.encode().splitlines(keepends=True):
        m = _CREATE_EXT.match(line)
        if m and unquote(m.group(1)) == extension:
            return unquote(m.group(2))
    return None
