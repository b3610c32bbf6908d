"""Fixtures of the coverage tests: twin PostGIS/plraster schemas (see twins.py)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from twins import PG, PL, Twins  # noqa: E402


@pytest.fixture(scope="session")
def twin_schemas(sql):
    """The two schemas of twin tables, made once."""
    for side in (PG, PL):
        sql.run("CREATE SCHEMA IF NOT EXISTS %s" % side)
    yield PG, PL


@pytest.fixture
def twins(sql, twin_schemas):
    """A Twins helper; the tables it made are dropped after the test."""
    helper = Twins(sql)
    yield helper
    helper.drop_all()
