"""Shared fixtures: one PostgreSQL server per test session, one database with PostGIS
raster (schema public) and plraster (schema plraster), and a helper that runs SQL and
captures notices and errors."""
import os
import sys

import pytest
from hypothesis import settings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))

import conformance  # noqa: E402
import pgserver  # noqa: E402

settings.register_profile("plraster", database=None, deadline=None)
settings.load_profile("plraster")


@pytest.fixture(scope="session")
def server():
    """A running PostgreSQL server, stopped at the end of the session."""
    srv = pgserver.start_server()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def db_url(server):
    """URL of a database with postgis, postgis_raster and plraster installed."""
    return pgserver.create_database(server, "conformance")


@pytest.fixture(scope="session")
def sql(db_url):
    """A Session (see conformance.py) on the shared database, autocommit."""
    session = conformance.Session(db_url)
    yield session
    session.close()


def pytest_terminal_summary(terminalreporter):
    """Print the conformance report: forms compared with PostGIS and deliberate differences."""
    for line in conformance.report_lines():
        terminalreporter.write_line(line)
