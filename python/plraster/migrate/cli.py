"""plraster-migrate's entry point: restore a PostGIS raster dump into plraster (or back).

Exit status: 0 on success, 1 on an error (printed as "ERROR: <message>" with its detail
and hint), 2 on a bad command line.
"""

import argparse
import subprocess
import sys

from plraster import __version__
from plraster.core.errors import InvalidParameterError, PlrasterError

from . import dump, target as targets

USAGE_EPILOG = """\
DUMP is what pg_dump wrote: a plain SQL file, or a custom (-Fc), directory (-Fd) or tar
(-Ft) archive. TARGET is an existing database, by name or libpq connection string; create
it first (createdb). The dump's CREATE EXTENSION postgis_raster is replaced by
CREATE EXTENSION plraster CASCADE in the same schema, at the same point of the restore;
everything else (postgis, tables, rasters, constraints, indexes, overviews) restores as
pg_dump wrote it, stopping at the first error. The raster catalogs are refreshed after,
and the out-db sources the restored rows need are listed.

With --to postgis, a plraster database's dump is restored into PostGIS raster the same way
(plraster's extension and its source list are left out, postgis_raster takes its place).

psql and pg_restore are run from PATH; PGHOST, PGPORT, PGUSER and the other libpq
variables apply to both.
"""


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="plraster-migrate", description="Restore a PostGIS raster database's pg_dump into plraster.",
        epilog=USAGE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dump", metavar="DUMP", help="pg_dump output: plain SQL file, or custom, directory or tar archive")
    p.add_argument("target", metavar="TARGET", help="the database to restore into (name or connection string)")
    p.add_argument("--to", choices=("plraster", "postgis"), default="plraster",
                   help="the raster extension of the target (default plraster)")
    p.add_argument("--open-sources", action="store_true",
                   help="open the local and http(s) prefixes that out-db rows need with "
                        "plraster_add_source (needs a superuser); Swift and S3 prefixes need "
                        "credentials and are only listed")
    p.add_argument("-j", "--jobs", type=int, help="pg_restore's parallel jobs (custom and directory dumps)")
    p.add_argument("-O", "--no-owner", action="store_true", help="pg_restore --no-owner (archives)")
    p.add_argument("--version", action="version", version=f"plraster-migrate {__version__}")
    return p.parse_args(argv)


# (extension left out, extension created in its place, configuration tables whose data is left out)
DIRECTIONS = {
    "plraster": ("postgis_raster", "plraster", ()),
    "postgis": ("plraster", "postgis_raster", ("plraster_source_config", "plraster_limit_config",
                                              "plraster_gdal_read_drivers")),
}


def _create_statement(create, schema):
    cascade = " CASCADE" if create == "plraster" else ""
    return f"CREATE EXTENSION IF NOT EXISTS {create} WITH SCHEMA {dump.quote(schema)}{cascade};"


def _archive_schema(path, drop, listing):
    entry = dump.extension_entry(listing, drop)
    if entry is None:
        return None
    done = subprocess.run(["pg_restore", "-f", "-", "-L", "/dev/stdin", path], input=entry + "\n",
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise PlrasterError(f"pg_restore could not read the dump: {done.stderr.strip()}")
    return dump.schema_of_create_extension(done.stdout, drop)


def migrate(opts, out):
    drop, create, config = DIRECTIONS[opts.to]
    fmt = dump.detect_format(opts.dump)
    listing = None
    if fmt == dump.PLAIN:
        schema = dump.plain_extension_schema(opts.dump, drop)
    else:
        done = subprocess.run(["pg_restore", "-l", opts.dump], capture_output=True, text=True)
        if done.returncode != 0:
            raise PlrasterError(f"pg_restore could not read the dump: {done.stderr.strip()}")
        listing = done.stdout
        schema = _archive_schema(opts.dump, drop, listing)
    if schema is None:
        raise InvalidParameterError(
            f'the dump creates no extension {drop}',
            detail=f"plraster-migrate replaces the dump's {drop} with {create}; this dump has no rasters of {drop}'s.",
            hint="Restore it with psql or pg_restore as usual.")
    db = targets.Target(opts.target, jobs=opts.jobs, no_owner=opts.no_owner)
    targets.check_ready(db, schema, create)
    statement = _create_statement(create, schema)
    out.write(f"{fmt} dump: {drop} in schema {schema} becomes {create}\n")

    def replacement(dump_schema):
        return (_create_statement(create, dump_schema) + "\n").encode()

    if fmt == dump.PLAIN:
        with open(opts.dump, "rb") as f:
            db.restore_plain(dump.filter_plain(f, drop, replacement, config,
                                               dump.postgis_spelling if create == "postgis_raster" else None))
    elif create == "postgis_raster":
        # plraster's raster literals need PostGIS's spelling: the archive goes through its
        # plain script (pg_restore -f -), filtered as a plain dump is
        with subprocess.Popen(["pg_restore", "-f", "-", opts.dump], stdout=subprocess.PIPE) as proc:
            db.restore_plain(dump.filter_plain(proc.stdout, drop, replacement, config, dump.postgis_spelling))
        if proc.returncode != 0:
            raise PlrasterError(f"pg_restore could not read the dump (exit status {proc.returncode})")
    else:
        before, after = dump.split_toc(listing, drop, config)
        db.restore_listed(opts.dump, before)
        db.execute(statement)
        db.restore_listed(opts.dump, after)
    q = dump.quote(schema)
    if create == "plraster":
        db.execute(f"SELECT {q}.plraster_refresh_catalogs()")
    (columns,), = db.query(f"SELECT count(*) FROM {q}.raster_columns")
    (overviews,), = db.query(f"SELECT count(*) FROM {q}.raster_overviews")
    out.write(f"restored: {columns} raster columns, {overviews} overviews\n")
    _report_outdb(db, schema, create, opts.open_sources, out)


def _report_outdb(db, schema, create, open_sources, out):
    found = targets.outdb_paths(db, schema)
    if not found:
        return
    tables = sorted({t for ts in found.values() for t in ts})
    out.write(f"out-db bands: {len(found)} files, in {', '.join(tables)}\n")
    if create == "postgis_raster":
        out.write("PostGIS reads them once a superuser enables out-db rasters and GDAL's drivers:\n"
                  "  ALTER DATABASE <db> SET postgis.enable_outdb_rasters = true;\n"
                  "  ALTER DATABASE <db> SET postgis.gdal_enabled_drivers = 'ENABLE_ALL';\n")
        return
    q = dump.quote(schema)
    prefixes, unreadable = {}, []
    for path in found:
        try:
            prefixes.setdefault(targets.prefix_of(path), []).append(path)
        except PlrasterError as exc:
            unreadable.append((path, exc.message))
    sources = [row[0] for row in db.query(f"SELECT prefix FROM {q}.plraster_sources")]
    needed = [p for p in sorted(prefixes) if not targets.covered(p, sources)]
    for p in sorted(prefixes):
        if p not in needed:
            out.write(f"  open already: {p}\n")
    opened = []
    if open_sources:
        for p in needed:
            if not targets.needs_options(p):
                db.execute(f"SELECT {q}.plraster_add_source({_literal(p)})")
                out.write(f"  opened: {p}\n")
                opened.append(p)
    rest = [p for p in needed if p not in opened]
    if rest:
        out.write("out-db rows read these prefixes once a superuser opens them:\n")
        for p in rest:
            options = ", '{...}'" if targets.needs_options(p) else ""
            out.write(f"  SELECT plraster_add_source({_literal(p)}{options});\n")
        if any(targets.needs_options(p) for p in rest):
            out.write("  (Swift and S3 sources take their credentials as options, see the README)\n")
    for path, why in unreadable:
        out.write(f"  not readable by plraster: {path} ({why})\n")


def _literal(text):
    return "'" + text.replace("'", "''") + "'"


def main(argv=None, stdout=None, stderr=None):
    argv = sys.argv[1:] if argv is None else argv
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    try:
        opts = parse_args(argv)
    except SystemExit as exc:
        return exc.code
    try:
        migrate(opts, stdout)
    except PlrasterError as exc:
        stderr.write(f"ERROR: {exc.message}\n")
        for label, text in (("DETAIL", exc.detail), ("HINT", exc.hint)):
            if text:
                stderr.write(f"{label}: {text}\n")
        return 1
    except KeyboardInterrupt:
        stderr.write("ERROR: interrupted\n")
        return 1
    return 0
