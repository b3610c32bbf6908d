"""What a GIS client sent, read back from the test server's log.

Clients run with PGOPTIONS='-c log_statement=all', so the server logs every statement of
their connections (and only theirs: the fixtures' connections keep the default). The
log is read between two offsets taken around one client run (runs are sequential), and
split into the statements and the errors (ERROR line + the STATEMENT that caused it).

Every run is recorded under a case name and database kind; `summary_lines()` prints, at
the end of the session, the errors seen on plraster and not on PostGIS, per case.
"""
import os
import re
from typing import NamedTuple

CLIENT_OPTIONS = "-c log_statement=all"

_LINE = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] (LOG|ERROR|STATEMENT|DETAIL|HINT|CONTEXT|WARNING|NOTICE"
                   r"|FATAL):  (.*)$")


class Entry(NamedTuple):
    """One log record: backend pid, level (LOG, ERROR, STATEMENT, ...), text (lines joined)."""
    pid: str
    level: str
    text: str


class Run(NamedTuple):
    """What one client run sent: its statements in order, and (statement, error) pairs."""
    statements: list
    errors: list

    def error_report(self, limit=8):
        """The first errors as 'error\\n    statement' lines, for assertion messages."""
        lines = []
        for stmt, err in self.errors[:limit]:
            lines.append(f"  ERROR: {err}\n    SQL: {shorten(stmt)}")
        if len(self.errors) > limit:
            lines.append(f"  ... and {len(self.errors) - limit} more errors")
        return "\n".join(lines) or "  (no SQL errors in the server log)"


def shorten(sql, width=400):
    """A statement on one line, cut to width characters."""
    flat = " ".join(sql.split())
    return flat if len(flat) <= width else flat[:width] + " ..."


class ServerLog:
    """The server's log file, read by offsets."""

    def __init__(self, path):
        self.path = path

    def mark(self):
        """The current end of the log."""
        return os.path.getsize(self.path)

    def since(self, offset):
        """The Run logged after offset."""
        with open(self.path, "rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
        return parse(text)


def parse(text):
    """A Run from log text: statements of LOG lines, errors with their STATEMENT lines."""
    entries = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if m:
            entries.append(Entry(*m.groups()))
        elif entries:
            last = entries[-1]
            entries[-1] = last._replace(text=last.text + "\n" + line.lstrip("\t"))
    statements, errors, open_error = [], [], {}
    for e in entries:
        if e.level == "LOG" and e.text.startswith(("statement: ", "execute ")):
            statements.append(e.text.split(": ", 1)[1])
        elif e.level in ("ERROR", "FATAL"):
            open_error[e.pid] = len(errors)
            errors.append(("", e.text))
        elif e.level == "STATEMENT" and e.pid in open_error:
            i = open_error.pop(e.pid)
            errors[i] = (e.text, errors[i][1])
    return Run(statements, errors)


# case -> kind -> Run
_RUNS = {}


def record(case, kind, run):
    """Keep a client run for the end-of-session summary; with PLRASTER_CLIENT_LOG_DIR set,
    also append its statements and errors to <dir>/<case>.<kind>.sql."""
    _RUNS.setdefault(case, {})[kind] = run
    directory = os.environ.get("PLRASTER_CLIENT_LOG_DIR")
    if directory:
        name = re.sub(r"[^A-Za-z0-9_.=-]+", "_", case)
        with open(os.path.join(directory, f"{name}.{kind}.sql"), "a") as f:
            for stmt in run.statements:
                f.write(stmt.strip() + ";\n")
            for stmt, err in run.errors:
                f.write(f"-- ERROR: {err}\n--   in: {shorten(stmt, 2000)}\n")


def _shape(sql):
    """A statement with literals, numbers and quoted names replaced, to group alike queries."""
    sql = re.sub(r"'[^']*'", "'?'", " ".join(sql.split()))
    sql = re.sub(r'"[^"]*"', '"?"', sql)
    return re.sub(r"\b\d+(\.\d+)?\b", "N", sql)


def summary_lines():
    """The errors clients met on plraster and not on PostGIS, grouped by error and query
    shape, each with the cases (client runs) that met it."""
    if not _RUNS:
        return []
    groups = {}
    for case in sorted(_RUNS):
        pl, pg = _RUNS[case].get("plraster"), _RUNS[case].get("postgis")
        if pl is None:
            continue
        seen = {err for _, err in (pg.errors if pg else [])}
        for stmt, err in pl.errors:
            if err in seen:
                continue
            key = (re.sub(r"\d+", "N", err.splitlines()[0]), _shape(stmt))
            entry = groups.setdefault(key, (stmt, err, []))
            if case not in entry[2]:
                entry[2].append(case)
    lines = ["", "GIS clients: SQL errors on plraster that PostGIS did not give "
                 f"({len(groups)} kinds)"]
    for stmt, err, cases in sorted(groups.values(), key=lambda g: -len(g[2])):
        lines.append(f"- ERROR: {shorten(err, 200)}")
        lines.append(f"    SQL: {shorten(stmt, 300)}")
        more = f" and {len(cases) - 4} more" if len(cases) > 4 else ""
        lines.append(f"    in {len(cases)} runs: {'; '.join(cases[:4])}{more}")
    if not groups:
        lines.append("  none")
    return lines
