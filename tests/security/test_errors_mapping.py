"""Every failure that reaches SQL from plraster is a plraster error with a fitting SQLSTATE
and a message without Python internals (issue 9, finding 8; issue 10, item 5).

The wrapper (plraster.sqlapi.sql_function) is exercised inside the server, in DO blocks,
with real failures: a nested query cancelled by statement_timeout, MemoryError,
UnicodeError, an unexpected AttributeError, and the same raised while a set-returning
function's generator makes its rows.
"""
import os
import re

import psycopg
import pytest

SQL_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "sql")


def _error(db_url, body, setup=()):
    with psycopg.connect(db_url, autocommit=True) as conn:
        for statement in setup:
            conn.execute(statement)
        with pytest.raises(psycopg.Error) as info:
            conn.execute("DO LANGUAGE plpython3u $do$\nfrom plraster.sqlapi import sql_function\n%s\n$do$" % body)
        return info.value.diag


@pytest.mark.parametrize("body, sqlstate, message", [
    ("sql_function(lambda: plpy.execute('SELECT pg_catalog.pg_sleep(5)'))()",
     "57014", "plraster: canceling statement due to statement timeout"),
    ("def f():\n    raise MemoryError('Unable to allocate 32.0 GiB')\nsql_function(f)()",
     "54000", "plraster: out of memory in f"),
    ("def f():\n    '\\udcff'.encode('utf-8')\nsql_function(f)()",
     "22021", "plraster: invalid character in a text value of f"),
    ("def f():\n    import numpy\n    numpy.zeros(1).rstrip()\nsql_function(f)()",
     "XX000", "plraster: internal error in f"),
])
def test_unexpected_failures_are_plraster_errors(db_url, body, sqlstate, message):
    """A nested query's error keeps its SQLSTATE and its own message (no
    spiexceptions.QueryCanceled), MemoryError is 54000, UnicodeError 22021, anything
    else XX000 naming the function, with the Python class only in the detail."""
    diag = _error(db_url, body, ["SET statement_timeout = '300ms'"])
    assert diag.sqlstate == sqlstate
    assert diag.message_primary == message
    for internal in ("Error:", "spiexceptions", "Unable to allocate", "rstrip", "UnicodeEncodeError"):
        assert internal not in diag.message_primary
    assert "Traceback" not in (diag.message_detail or "")


def test_internal_error_detail_names_only_the_class(db_url):
    diag = _error(db_url, "def f():\n    {}.missing_attribute\nsql_function(f)()")
    assert diag.sqlstate == "XX000"
    assert "AttributeError" in diag.message_detail
    assert "missing_attribute" not in diag.message_detail


def test_errors_raised_while_rows_are_made_are_mapped(db_url):
    """A generator's error is mapped too (a set-returning function streams its rows)."""
    body = ("def rows():\n    yield 1\n    raise MemoryError()\n"
            "for _ in sql_function(rows)():\n    pass")
    diag = _error(db_url, body)
    assert diag.sqlstate == "54000"
    assert diag.message_primary == "plraster: out of memory in rows"


def test_plraster_error_context_has_no_library_frames(db_url):
    """The CONTEXT of a plraster error holds the function's body line and PL/Python's
    function name, not the frames of the library or of raise_error."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        with pytest.raises(psycopg.Error) as info:
            conn.execute("SELECT plraster.st_rastfromhexwkb('zz')")
    diag = info.value.diag
    assert diag.sqlstate == "22P03" or diag.sqlstate == "22023"
    context = diag.context or ""
    assert 'PL/Python function "_plpy_st_rastfromhexwkb"' in context
    assert "raise_error" not in context
    assert not re.search(r'File "', context)


def _sql_called_functions():
    """(module, function) of every `return <module>.<function>(` in PL/Python bodies of sql/."""
    calls = set()
    for name in sorted(os.listdir(SQL_DIR)):
        with open(os.path.join(SQL_DIR, name)) as f:
            text = f.read()
        calls |= set(re.findall(r"from plraster\.sqlapi import (\w+)\s*\n\s*return \1\.(\w+)\(", text))
    return sorted(calls)


def test_every_function_sql_calls_is_wrapped(db_url):
    """Each function that a PL/Python body calls carries sql_function's mark (or is a
    plain accessor that cannot fail), checked in the server where plpy exists."""
    calls = _sql_called_functions()
    assert len(calls) > 100
    listing = ", ".join("(%r, %r)" % c for c in calls)
    body = ("import importlib\n"
            "missing = []\n"
            "for module, name in [%s]:\n"
            "    fn = getattr(importlib.import_module('plraster.sqlapi.' + module), name)\n"
            "    if not getattr(fn, '__plraster_sql__', False):\n"
            "        missing.append(module + '.' + name)\n"
            "if missing:\n"
            "    plpy.error('unwrapped: ' + ', '.join(sorted(missing)))\n" % listing)
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("DO LANGUAGE plpython3u $do$\n%s\n$do$" % body)


def test_package_names_do_not_shadow_submodules():
    """`from plraster.sqlapi import types` must give the submodule: a module-level name of
    the package with a submodule's name (import types) would shadow it."""
    import pathlib
    root = pathlib.Path(__file__).resolve().parents[2] / "python" / "plraster" / "sqlapi"
    submodules = {p.stem for p in root.glob("*.py") if p.stem != "__init__"}
    tree = __import__("ast").parse((root / "__init__.py").read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (__import__("ast").Import, __import__("ast").ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (__import__("ast").FunctionDef, __import__("ast").ClassDef)):
            names.add(node.name)
    assert names & submodules == set()

