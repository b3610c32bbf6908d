"""The target database, reached through psql and pg_restore (no driver needed): checks
before the restore, the restore itself, and what the out-db rows need afterwards."""

import os
import subprocess
import tempfile

from plraster.core.errors import InvalidParameterError, PlrasterError
from plraster.storage import paths

from . import dump

_SEP = "\x1f"


class Target:
    """A database named by a libpq connection string, URI or name (psql's -d)."""

    def __init__(self, dbname, jobs=None, no_owner=False):
        self.dbname = dbname
        self.psql = "psql"
        self.pg_restore = "pg_restore"
        self.jobs = jobs
        self.no_owner = no_owner

    def _psql_args(self):
        return [self.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.dbname]

    def query(self, sql):
        """Rows of sql, as lists of text (NULL as None)."""
        done = subprocess.run(self._psql_args() + ["-A", "-t", "-F", _SEP, "-P", "null=\x1e", "-c", sql],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise PlrasterError(_first_error(done.stderr), detail=f"The statement was: {sql}")
        return [[None if v == "\x1e" else v for v in line.split(_SEP)]
                for line in done.stdout.splitlines() if line]

    def execute(self, sql):
        """Run sql (several statements allowed); psql's NOTICEs go to this run's output."""
        done = subprocess.run(self._psql_args() + ["-c", sql], capture_output=True, text=True)
        if done.returncode != 0:
            raise PlrasterError(_first_error(done.stderr), detail=f"The statement was: {sql}")

    def extension_schema(self, name):
        rows = self.query("SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n "
                          f"ON n.oid = e.extnamespace WHERE e.extname = '{name}'")
        return rows[0][0] if rows else None

    def restore_plain(self, lines):
        """Run the lines of a plain SQL script through psql, stopping at the first error."""
        proc = subprocess.Popen(self._psql_args() + ["-f", "-"], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        with tempfile.TemporaryFile() as err:
            reader = _Drain(proc.stderr, err)
            try:
                for line in lines:
                    proc.stdin.write(line)
                proc.stdin.close()
            except BrokenPipeError:
                pass  # psql stopped at an error: its message says which
            code = proc.wait()
            reader.join()
            text = reader.text()
        if code != 0:
            raise PlrasterError(_first_error(text) or f"psql exited with status {code}",
                              detail=_detail(text))
        return text

    def restore_listed(self, archive, entries):
        """pg_restore the archive's entries (lines of pg_restore -l), in that order."""
        if not any(e.strip() and not e.startswith(";") for e in entries):
            return ""
        with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as f:
            f.write("\n".join(entries) + "\n")
        try:
            args = [self.pg_restore, "--exit-on-error", "-L", f.name, "-d", self.dbname]
            if self.jobs:
                args[1:1] = ["-j", str(self.jobs)]
            if self.no_owner:
                args.insert(1, "--no-owner")
            done = subprocess.run(args + [archive], capture_output=True, text=True)
        finally:
            os.unlink(f.name)
        if done.returncode != 0:
            raise PlrasterError(_first_error(done.stderr) or f"pg_restore exited with status {done.returncode}",
                              detail=_detail(done.stderr))
        return done.stderr


class _Drain:
    """Reads a pipe into a file on a thread, so a chatty psql never blocks on stderr."""

    def __init__(self, pipe, sink):
        import threading
        self.sink = sink
        self.thread = threading.Thread(target=self._run, args=(pipe,), daemon=True)
        self.thread.start()

    def _run(self, pipe):
        for chunk in iter(lambda: pipe.read(65536), b""):
            self.sink.write(chunk)

    def join(self):
        self.thread.join()

    def text(self):
        self.sink.seek(0)
        return self.sink.read().decode(errors="replace")


def _first_error(stderr):
    for line in stderr.splitlines():
        if "ERROR:" in line or "FATAL:" in line or "error:" in line:
            return line.split("ERROR:", 1)[-1].split("FATAL:", 1)[-1].strip()
    return stderr.strip().splitlines()[0] if stderr.strip() else ""


def _detail(stderr):
    lines = [l for l in stderr.splitlines() if l.strip() and "NOTICE:" not in l]
    return ("The client said: " + " / ".join(lines[:8]) + ".") if lines else None


def outdb_paths(target, schema):
    """{path: [table, ...]} of every out-db band path in the target's raster columns (those
    whose constraints do not say all bands are in-db); schema is the raster extension's."""
    q = dump.quote(schema)
    columns = target.query(f"SELECT r_table_schema, r_table_name, r_raster_column FROM {q}.raster_columns "
                           "WHERE out_db IS NULL OR true = ANY (out_db) ORDER BY 1, 2, 3")
    found = {}
    for table_schema, table, column in columns:
        rel = f"{dump.quote(table_schema)}.{dump.quote(table)}"
        col = dump.quote(column)
        rows = target.query(f"SELECT DISTINCT p FROM {rel}, generate_series(1, {q}.st_numbands({col})) b, "
                            f"LATERAL {q}.st_bandpath({col}, b) p WHERE p IS NOT NULL ORDER BY 1")
        for (path,) in rows:
            found.setdefault(path, []).append(f"{table_schema}.{table}")
    return found


def prefix_of(path):
    """The directory-like prefix a source would open for path, in plraster's canonical
    spelling (https://host/dir/, /dir/, swift://container/dir/, s3://bucket/dir/)."""
    location = paths.parse_outdb_path(path).location
    return location[:location.rindex("/") + 1]


def covered(prefix, sources):
    """Whether prefix lies under one of the open sources (canonical spellings compared)."""
    for source in sources:
        try:
            location = paths.parse_outdb_prefix(source).location
        except PlrasterError:
            continue
        if prefix.startswith(location if location.endswith("/") else location + "/") or prefix == location:
            return True
    return False


def needs_options(prefix):
    return prefix.startswith(("swift://", "s3://"))


def check_ready(target, schema, create):
    """Refuse a target that cannot take the dump: the wrong raster extension is there, or
    the right one in another schema than the dump's."""
    other = "postgis_raster" if create == "plraster" else "plraster"
    there = target.extension_schema(other)
    if there is not None and there == schema:
        raise InvalidParameterError(
            f'the target database has {other} in schema {schema}',
            detail=f"The dump's rasters are restored as {create}'s, in schema {schema}, "
                   f"where {other} already defines the type raster.",
            hint="Restore into a new database (createdb) or drop that extension first.")
    where = target.extension_schema(create)
    if where is not None and where != schema:
        raise InvalidParameterError(
            f"the target database has {create} in schema {where}, and the dump's rasters are in schema {schema}",
            detail="The dump names the raster type and functions by the schema of its raster extension.",
            hint=f"Restore into a new database, or one where {create} is in schema {schema}.")
    return there
