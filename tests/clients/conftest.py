"""Fixtures for the GIS-client tests: the same coverages in a PostGIS raster database and in
a plraster database installed as the README says (CREATE EXTENSION postgis; CREATE EXTENSION
plraster CASCADE: both in schema public, no postgis_raster, no setting), out-db tiles
on a COG served by nginx, and the server log that records what each client sends.
"""
import os
import sys
from typing import NamedTuple

import psycopg
import pytest

_HERE = os.path.dirname(os.path.abspath(__file__))
_TESTS = os.path.dirname(_HERE)
for _p in (_TESTS, _HERE):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import coverages  # noqa: E402
import querylog  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402

POSTGIS_DB = "clients_postgis"
README_INSTALL = ("CREATE EXTENSION postgis", "CREATE EXTENSION plraster CASCADE")
PLRASTER_DB = "clients_plraster"

_SETUP = {
    POSTGIS_DB: ["CREATE EXTENSION postgis", "CREATE EXTENSION postgis_raster",
                 f"ALTER DATABASE {POSTGIS_DB} SET postgis.enable_outdb_rasters = true",
                 f"ALTER DATABASE {POSTGIS_DB} SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'"],
    # the README's install recipe, word for word: plraster where PostGIS's raster would be
    PLRASTER_DB: list(README_INSTALL),
}


class Database(NamedTuple):
    """One of the two databases: its name, libpq URL, connection keywords, and its load failures."""
    kind: str
    name: str
    url: str
    params: dict
    load_failures: list

    def __repr__(self):
        return f"<{self.kind} database {self.name}>"


@pytest.fixture(scope="session")
def tiff_dir(tmp_path_factory):
    """The GeoTIFFs and COGs, written by GDAL, in a directory nginx and the server can read."""
    d = tmp_path_factory.mktemp("client-tiffs")
    os.chmod(d, 0o755)
    coverages.write_sources(str(d))
    return d


@pytest.fixture(scope="session")
def cog_server(tiff_dir):
    """nginx serving the GeoTIFFs (out-db tiles point at /vsicurl/ URLs on it)."""
    with NginxServer(str(tiff_dir)) as srv:
        yield srv


def _source_path(coverage, tiff_dir, cog_server):
    name = coverage.source + ".tif"
    return "/vsicurl/" + cog_server.url(name) if coverage.outdb else str(tiff_dir / name)


def _create(server, name):
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = server.url(database=name)
    with psycopg.connect(url, autocommit=True) as conn:
        for stmt in _SETUP[name]:
            conn.execute(stmt)
    return url


@pytest.fixture(scope="session")
def databases(server, tiff_dir, cog_server):
    """{'postgis': Database, 'plraster': Database}, both loaded with every coverage.

    PostGIS gets raster2pgsql's SQL; plraster gets its loader's SQL, or raster2pgsql's with
    the WKB literals rewritten while the loader does not exist (or when it fails: that
    failure is kept). Statements that fail are kept in Database.load_failures
    (test_load.py asserts there are none). Both are dropped at the end of the session.
    """
    use_loader = coverages.plraster_loader_available()
    out = {}
    for kind, name in (("postgis", POSTGIS_DB), ("plraster", PLRASTER_DB)):
        url = _create(server, name)
        failures = []
        if kind == "plraster":
            prefix = cog_server.base_url + "/"
            failures += coverages.run_statements(
                url, [f"SELECT plraster_add_source('{prefix}', '{{}}')"])
        for cov in coverages.COVERAGES:
            path = _source_path(cov, tiff_dir, cog_server)
            if kind == "postgis":
                sql = coverages.raster2pgsql_sql(cov, path)
            else:
                sql, error = coverages.plraster_load_sql(cov, path) if use_loader else (None, None)
                if error:
                    failures.append((" ".join(("plraster-load",) + cov.options + (path,)), error))
                if sql is None:
                    sql = coverages.to_plraster_sql(coverages.raster2pgsql_sql(cov, path))
            failures += coverages.run_statements(url, coverages.split_statements(sql))
        dsn = server.dsn(database=name)
        params = {"host": dsn["host"], "port": dsn["port"], "user": dsn["user"], "dbname": name}
        out[kind] = Database(kind, name, url, params, failures)
    yield out
    with psycopg.connect(server.url(), autocommit=True) as conn:
        for name in (POSTGIS_DB, PLRASTER_DB):
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def server_log(server):
    """The server's log (statements of client runs are logged with log_statement = all)."""
    return querylog.ServerLog(os.path.join(server.base_dir, server.name + ".log"))


def pytest_terminal_summary(terminalreporter):
    """Print what each client sent that failed on one database only (see querylog.py)."""
    for line in querylog.summary_lines():
        terminalreporter.write_line(line)
