"""The only code that imports plpy: thin adapters between SQL and the library.

Each sql/NN-<feature>.sql file has one module here. A PL/Python body is one import and
one call, e.g. `from plraster.sqlapi import accessors; return accessors.width(rast)`.
"""
import functools
import importlib

import plpy

from .. import messages, ticker
from ..errors import PlrasterError, SoftFailure

messages.notice_sink = plpy.notice
# Long library loops check for interrupts through plraster.sqlapi.outdb's check (see ticker).
ticker.installer = functools.partial(importlib.import_module, __name__ + ".outdb")


def sql_function(fn):
    """Wrap a library call for SQL: errors become plpy errors with their SQLSTATE,
    soft failures become a NOTICE and NULL, as in PostGIS."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except SoftFailure as e:
            plpy.notice(str(e))
            return None
        except PlrasterError as e:
            raise_error(e)

    return wrapper


class SqlError(plpy.Error):
    """The exception PostgreSQL receives: PL/Python reads its sqlstate, detail and hint."""


# PL/Python prefixes the message with the exception's module and class name unless the
# module is builtins; this makes it read "plraster: <message>", not "plpy.Error: ...".
SqlError.__module__ = "builtins"
SqlError.__name__ = SqlError.__qualname__ = "plraster"


def raise_error(e):
    """Raise a PlrasterError as a PostgreSQL error with message, detail, hint and SQLSTATE."""
    error = SqlError(e.message)
    error.sqlstate = e.sqlstate
    if e.detail:
        error.detail = e.detail
    if e.hint:
        error.hint = e.hint
    raise error from None
