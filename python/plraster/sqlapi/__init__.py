"""The only code that imports plpy: thin adapters between SQL and the library.

Each sql/NN-<feature>.sql file has one module here. A PL/Python body is one import and
one call, e.g. `from plraster.sqlapi import accessors; return accessors.width(rast)`.

Every function that SQL calls is wrapped by `sql_function`, so that every failure reaching
SQL is a plraster error with a fitting SQLSTATE and a message without Python internals:
plraster's own errors keep theirs; an error of a query plraster ran (a cancel, a lock
timeout, a constraint) keeps its SQLSTATE, message, detail and hint; MemoryError becomes
54000, UnicodeError 22021, and anything else an internal error (XX000) that names the
function and, in its detail, only the Python exception's class. The rows of a
set-returning function are guarded the same way while they are made.

About tracebacks: PL/Python puts the traceback of the exception that leaves a function in
the error's CONTEXT whenever that exception went through a Python frame, and the frame
that runs the function's body always is one (PostgreSQL 15, plpy_elog.c: `tb_depth > 0`).
The wrapper therefore raises with a fresh traceback (`from None`, no library frames), so
the CONTEXT shows only the function's body line and PL/Python's function name.
"""
import functools
import importlib
import itertools
from types import GeneratorType

import plpy

from plraster.core import messages, ticker
from plraster.core.errors import PlrasterError, SoftFailure

messages.notice_sink = plpy.notice
# Long library loops check for interrupts through plraster.sqlapi.outdb's check (see ticker).
ticker.installer = functools.partial(importlib.import_module, __name__ + ".outdb")


class SqlError(plpy.Error):
    """The exception PostgreSQL receives: PL/Python reads its sqlstate, detail and hint."""


# PL/Python prefixes the message with the exception's module and class name unless the
# module is builtins; this makes it read "plraster: <message>", not "plpy.Error: ...".
SqlError.__module__ = "builtins"
SqlError.__name__ = SqlError.__qualname__ = "plraster"


# Python exceptions that are not plraster's, and what they become.
MEMORY_SQLSTATE = "54000"   # program_limit_exceeded
UNICODE_SQLSTATE = "22021"  # character_not_in_repertoire
INTERNAL_SQLSTATE = "XX000"  # internal_error


def sql_function(fn):
    """Wrap a library call for SQL: errors become plpy errors with their SQLSTATE,
    soft failures become a NOTICE and NULL, as in PostGIS; a generator's rows are
    guarded while they are made."""

    name = getattr(fn, "__name__", "function")

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            result = fn(*args, **kwargs)
            if isinstance(result, GeneratorType):
                return primed_rows(result, name)
        except SoftFailure as e:
            plpy.notice(str(e))
            return None
        except Exception as e:  # noqa: BLE001 - every failure is mapped, see map_exception
            error = map_exception(e, name)
        else:
            return result
        raise error.with_traceback(None) from None

    wrapper.__plraster_sql__ = True
    return wrapper


def set_function(fn):
    """Wrap a library call that returns rows for a SETOF function: errors become SQL
    errors (also while rows are made, as sql_function maps them), a soft failure a
    NOTICE and no rows."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return primed_rows(fn(*args, **kwargs), fn.__name__)
        except SoftFailure as e:
            plpy.notice(str(e))
            return []
        except Exception as e:  # noqa: BLE001 - mapped as sql_function maps it
            error = map_exception(e, fn.__name__)
        raise error.with_traceback(None) from None

    wrapper.__plraster_sql__ = True
    return wrapper


def primed_rows(rows, name):
    """The rows of a set-returning function, the first one made now.

    PL/Python reports an error raised while it iterates over a function's result as "error
    fetching next item from iterator", with the real message moved to the detail. Most
    errors (a missing out-db object, a size limit) come before the first row, so making it
    during the call keeps their message; the caller maps an error raised here. A soft
    failure there is a NOTICE and no rows.
    """
    rows = iter(rows)
    try:
        first = next(rows)
    except StopIteration:
        return []
    except SoftFailure as e:
        plpy.notice(str(e))
        return []
    return _guarded_rows(itertools.chain((first,), rows), name)


def _guarded_rows(rows, name):
    """The rows of a generator, with its errors mapped as sql_function maps them."""
    try:
        yield from rows
    except SoftFailure as e:
        plpy.notice(str(e))
        return
    except Exception as e:  # noqa: BLE001
        error = map_exception(e, name)
    else:
        return
    raise error.with_traceback(None) from None


def map_exception(e, name):
    """The plpy error that SQL receives for exception e raised in function name."""
    if isinstance(e, SqlError):
        return e
    if isinstance(e, PlrasterError):
        return _sql_error(e.message, e.sqlstate, e.detail, e.hint)
    if isinstance(e, plpy.SPIError):
        return _passed_error(e)
    if isinstance(e, MemoryError):
        return _sql_error("out of memory in %s" % name, MEMORY_SQLSTATE,
                          "The function needed more memory than the server could give.",
                          "Work on smaller rasters or tiles (ST_Tile), or raise the server's memory limits.")
    if isinstance(e, UnicodeError):
        return _sql_error("invalid character in a text value of %s" % name, UNICODE_SQLSTATE,
                          "A text value could not be encoded or decoded as UTF-8.")
    return _sql_error("internal error in %s" % name, INTERNAL_SQLSTATE,
                      "An unexpected %s was raised; please report it with the statement that "
                      "raised it." % type(e).__name__)


def _sql_error(message, sqlstate, detail=None, hint=None):
    error = SqlError(message)
    error.sqlstate = sqlstate
    if detail:
        error.detail = detail
    if hint:
        error.hint = hint
    return error


def _passed_error(e):
    """A nested query's error with its own SQLSTATE, message, detail and hint: "plraster:
    canceling statement due to user request", not "spiexceptions.QueryCanceled: ..."."""
    spidata = getattr(e, "spidata", None) or ()
    detail = getattr(e, "detail", None) or (spidata[1] if len(spidata) > 1 else None)
    hint = getattr(e, "hint", None) or (spidata[2] if len(spidata) > 2 else None)
    return _sql_error(e.args[0] if e.args else "error in a query plraster ran",
                      getattr(e, "sqlstate", None) or INTERNAL_SQLSTATE, detail, hint)


def raise_error(e):
    """Raise a PlrasterError as a PostgreSQL error with message, detail, hint and SQLSTATE."""
    raise _sql_error(e.message, e.sqlstate, e.detail, e.hint) from None


_PLANS = {}


def prepared(key, query, types=()):
    """The plpy plan of query (parameter types `types`), prepared once per backend under
    `key`; at most 64 are kept (then all are dropped and prepared again when next used)."""
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= 64:
            _PLANS.clear()
        plan = _PLANS[key] = plpy.prepare(query, list(types))
    return plan
