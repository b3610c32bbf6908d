"""SQL adapters of the out-db engine: sources, statistics, caches (sql/70-outdb.sql).

Importing this module installs, in the library, the loader of the source rows and the
interrupt check (see plraster.outdb.config and plraster.outdb.interrupts).

How a non-superuser's query reads the superuser-only source table: the library runs
`SELECT ... FROM <schema>._plraster_source_rows_v`, a view of _plraster_source_rows(), a
SECURITY DEFINER function owned by the extension owner (a superuser: plpython3u is
untrusted), inside
`config.trusted_read()`. That function answers only while the flag is set in this
thread; called directly from SQL it raises 42501. SQL users cannot set the flag: it is a
Python variable of this backend, and only superusers can create plpython3u functions.
"""
import json
import os

import plpy

from plraster.core import ceilings
from plraster import outdb
from plraster.core.errors import AccessDeniedError, InvalidParameterError
from ..outdb import cache, config, interrupts, sharedcache
from . import prepared, raise_error, sql_function

_STATE = {"schema": None}
SETTINGS_INTERVAL = 1.0  # seconds between reads of the plraster.* settings


def _plan(name, query, types=()):
    return prepared(("outdb", name), query, types)


def _schema():
    """The extension's schema, quoted (looked up once per backend)."""
    if _STATE["schema"] is None:
        rows = plpy.execute(
            "SELECT n.nspname FROM pg_catalog.pg_extension e "
            "JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace "
            "WHERE e.extname OPERATOR(pg_catalog.=) 'plraster'")
        if not rows:
            raise_error(InvalidParameterError("extension plraster is not installed in this database"))
        _STATE["schema"] = plpy.quote_ident(rows[0]["nspname"])
    return _STATE["schema"]


def _require_superuser(what):
    rows = plpy.execute(_plan("super", "SELECT r.rolsuper FROM pg_catalog.pg_roles r "
                                       "WHERE r.rolname OPERATOR(pg_catalog.=) pg_catalog.current_user()"))
    if not rows or not rows[0]["rolsuper"]:
        raise_error(AccessDeniedError(f"permission denied to {what}",
                                      detail="Only superusers can open or close out-db sources."))


def _load_rows():
    """The loader installed in config: ([(prefix, options)], final)."""
    # Through the view: it binds _plraster_source_rows() when the extension is created, so
    # no function another role adds to the schema can make this read ambiguous (42725).
    # A database not yet updated to 0.2.0 (ALTER EXTENSION plraster UPDATE) has no view.
    if _STATE.get("rows_view") is None:
        _STATE["rows_view"] = plpy.execute(_plan(
            "view", "SELECT pg_catalog.to_regclass($1) IS NOT NULL AS v", ["text"]),
            [f"{_schema()}._plraster_source_rows_v"])[0]["v"]
    source = "_plraster_source_rows_v" if _STATE["rows_view"] else "_plraster_source_rows()"
    query = f"SELECT prefix, options FROM {_schema()}.{source}"
    with config.trusted_read():
        rows = plpy.execute(_plan("rows " + source, query))
    final = True
    try:
        with open(config.stamp_path()) as f:
            xid = f.read().strip()
    except OSError:
        xid = ""
    if xid.isdigit():
        status = plpy.execute(_plan("xact", "SELECT pg_catalog.pg_xact_status($1::pg_catalog.xid8) AS s",
                                    ["text"]), [xid])
        final = not status or status[0]["s"] != "in progress"
    limit_rows = plpy.execute(_plan("ceilings", f"SELECT name, ceiling FROM {_schema()}.plraster_limit_config"))
    ceilings.set_ceilings({r["name"]: float(r["ceiling"]) for r in limit_rows if r["name"] in ceilings.LIMITS})
    _read_settings()
    return [(r["prefix"], json.loads(r["options"])) for r in rows], final


def _number(text):
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is None or value == value else None  # NaN counts as unset


def _read_settings():
    """Read plraster.<limit> for every registered limit and plraster.outdb_revalidate_seconds,
    and apply them (a setting above its ceiling is capped: see plraster.core.ceilings)."""
    names = tuple(sorted(ceilings.LIMITS))
    columns = ", ".join(f"pg_catalog.current_setting('plraster.{n}', true) AS c{i}" for i, n in enumerate(names))
    row = plpy.execute(_plan(("settings",) + names,
                             f"SELECT {columns}, pg_catalog.current_setting("
                             f"'plraster.outdb_revalidate_seconds', true) AS r"))[0]
    ceilings.set_requested({n: _number(row[f"c{i}"]) for i, n in enumerate(names)})
    seconds = _number(row["r"])
    cache.configure(revalidate_seconds=cache.DEFAULT_REVALIDATE_SECONDS if seconds is None else seconds)


def refresh_limits():
    """Bring the limits in force up to date (settings at most once a second, ceilings when
    a superuser changed them): call before enforcing a limit outside the out-db engine."""
    config.current()


def _check_interrupts():
    # The executor checks for interrupts when it runs a plan: a pending cancel or
    # statement_timeout raises here and ends the statement.
    plpy.execute(_plan("one", "SELECT 1"))


config.install_loader(_load_rows, _read_settings, SETTINGS_INTERVAL)
interrupts.install_check(_check_interrupts)
sharedcache.configure(os.getcwd())  # a backend's working directory is the data directory
outdb.warning_sink = plpy.warning


@sql_function
def add_source(prefix, options):
    """plraster_add_source(prefix, options): open (or replace) an out-db source."""
    _require_superuser("add an out-db source")
    try:
        parsed_options = json.loads(options) if options is not None else {}
    except ValueError:
        raise InvalidParameterError("out-db source options must be a json object") from None
    opts = config.validate_options(parsed_options)
    canonical = config.validate_prefix(prefix)
    plpy.execute(_plan("insert", f"INSERT INTO {_schema()}.plraster_source_config (prefix, options) "
                                 "VALUES ($1, $2::pg_catalog.jsonb) ON CONFLICT (prefix) DO UPDATE SET options = EXCLUDED.options",
                       ["text", "text"]), [canonical, json.dumps(opts, sort_keys=True)])
    _touch()
    return canonical


@sql_function
def drop_source(prefix):
    """plraster_drop_source(prefix): close an out-db source; true when one was closed."""
    _require_superuser("drop an out-db source")
    canonical = config.validate_prefix(prefix)
    rows = plpy.execute(_plan("delete", f"DELETE FROM {_schema()}.plraster_source_config WHERE prefix OPERATOR(pg_catalog.=) $1 "
                                        "RETURNING prefix", ["text"]), [canonical])
    _touch()
    return len(rows) > 0


def _touch():
    xid = plpy.execute("SELECT pg_catalog.pg_current_xact_id()::pg_catalog.text AS x")[0]["x"]
    try:
        config.touch_stamp(xid)
    except OSError as exc:
        plpy.warning("plraster: could not write the out-db stamp file",
                     detail=f"Other sessions keep their cached sources until they reconnect ({exc.strerror}).")
    config.reset()


@sql_function
def source_rows():
    """Rows of the source table, for the library's own trusted read only (else 42501)."""
    if not config.is_trusted_read():
        raise_error(AccessDeniedError("permission denied for out-db source configuration",
                                      detail="This function serves plraster's own reads of the sources."))
    return plpy.execute(_plan("table", f"SELECT prefix, options::pg_catalog.text AS options FROM "
                                       f"{_schema()}.plraster_source_config ORDER BY prefix"))


@sql_function
def mask_options(options):
    """The options of a source as plraster_sources shows them: secrets masked."""
    if options is None:
        return None
    return json.dumps(config.masked_options(json.loads(options)), sort_keys=True)


@sql_function
def set_limit(name, ceiling):
    """plraster_set_limit(name, ceiling): a superuser sets (NULL: removes) a limit's ceiling."""
    _require_superuser("change a plraster limit")
    if name not in ceilings.LIMITS:
        raise InvalidParameterError(f'unknown plraster limit "{name}"',
                                    detail="Limits: " + ", ".join(sorted(ceilings.LIMITS)) + ".")
    limit = ceilings.LIMITS[name]
    if ceiling is not None and not (ceiling == ceiling and limit.minimum <= ceiling < float("inf")):
        raise InvalidParameterError(f'invalid ceiling for plraster limit "{name}"',
                                    detail=f"The ceiling must be a finite number of at least {limit.minimum:g}.")
    if ceiling is None:
        plpy.execute(_plan("limit_del", f"DELETE FROM {_schema()}.plraster_limit_config WHERE name OPERATOR(pg_catalog.=) $1",
                           ["text"]), [name])
    else:
        plpy.execute(_plan("limit_set", f"INSERT INTO {_schema()}.plraster_limit_config (name, ceiling) "
                                        "VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET ceiling = EXCLUDED.ceiling",
                           ["text", "float8"]), [name, ceiling])
    _touch()
    return limit.ceiling if ceiling is None else ceiling


@sql_function
def limits():
    """plraster_limits(): every limit with its value in this session, ceiling and default."""
    config.current()
    _read_settings()
    return ceilings.describe()


@sql_function
def io_stats():
    """plraster_io_stats(): one row of I/O and cache statistics of this backend (the
    limits re-read first, so a SET just made shows)."""
    config.current()
    _read_settings()
    return [outdb.stats()]


@sql_function
def cache_reset():
    """plraster_cache_reset(): empty the caches and zero the statistics of this backend."""
    outdb.reset()
    config.reset()
