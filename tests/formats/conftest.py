"""Fixtures of tests/formats: the same as tests/warp's (the out-db fixtures of tests/outdb)."""
import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "warp_fixtures", os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "warp", "conftest.py"))
_warp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_warp)

cog_dir = _warp.cog_dir
osql = _warp.osql
sources = _warp.sources
user_url = _warp.outdb_fixtures.user_url
