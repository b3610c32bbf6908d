"""The server-log reader the client tests rely on (no server needed)."""
import querylog

LOG = """\
2026-11-21 06:28:55.236 UTC [6903] LOG:  statement: select srid
\tfrom raster_columns
2026-11-21 06:28:55.236 UTC [6903] ERROR:  relation "raster_columns" does not exist at character 20
2026-11-21 06:28:55.236 UTC [6904] LOG:  execute <unnamed>: SELECT 1
2026-11-21 06:28:55.236 UTC [6903] STATEMENT:  select srid
\tfrom raster_columns
2026-11-21 06:28:55.237 UTC [6903] LOG:  statement: SELECT ST_Value(rast, 1, 1)
2026-11-21 06:28:55.238 UTC [6903] ERROR:  function st_value(raster, integer, integer) does not exist at character 8
2026-11-21 06:28:55.238 UTC [6903] HINT:  No function matches the given name and argument types.
2026-11-21 06:28:55.238 UTC [6903] STATEMENT:  SELECT ST_Value(rast, 1, 1)
"""


def test_parse_statements_and_errors():
    """Multi-line statements are joined; each error gets the statement of its backend."""
    run = querylog.parse(LOG)
    assert run.statements == ["select srid\nfrom raster_columns", "SELECT 1", "SELECT ST_Value(rast, 1, 1)"]
    assert run.errors == [
        ("select srid\nfrom raster_columns", 'relation "raster_columns" does not exist at character 20'),
        ("SELECT ST_Value(rast, 1, 1)",
         "function st_value(raster, integer, integer) does not exist at character 8")]


def test_summary_groups_alike_errors(monkeypatch):
    """Errors PostGIS also gave are left out; the same error on alike queries is one entry."""
    monkeypatch.setattr(querylog, "_RUNS", {})
    err = 'relation "raster_columns" does not exist at character 3'
    querylog.record("run a", "postgis", querylog.Run([], [("select 2", "division by zero")]))
    querylog.record("run a", "plraster", querylog.Run([], [
        ("select 1 from \"public\".\"a\" where x = 'q'", err), ("select 2", "division by zero")]))
    querylog.record("run b", "plraster", querylog.Run([], [("select 1 from \"public\".\"b\" where x = 'z'",
                                                            err.replace("3", "9"))]))
    lines = querylog.summary_lines()
    assert "(1 kinds)" in lines[1]
    assert lines[2] == f"- ERROR: {err}"
    assert lines[4] == "    in 2 runs: run a; run b"
