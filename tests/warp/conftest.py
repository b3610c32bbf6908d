"""Fixtures of tests/warp and tests/formats: the out-db fixtures of tests/outdb (COGs in a
directory the server reads, a superuser session with PostGIS out-db reading on, sources
opened in plraster), loaded from there rather than copied."""
import importlib.util
import os
import sys

_OUTDB = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "outdb")
sys.path.insert(0, _OUTDB)
_spec = importlib.util.spec_from_file_location("outdb_fixtures", os.path.join(_OUTDB, "conftest.py"))
outdb_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(outdb_fixtures)

cog_dir = outdb_fixtures.cog_dir
osql = outdb_fixtures.osql
sources = outdb_fixtures.sources
