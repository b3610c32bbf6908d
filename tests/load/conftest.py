"""Fixtures for the loader tests (helpers in loadhelpers.py)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from loadhelpers import Outputs  # noqa: E402


@pytest.fixture
def both():
    """both(args, cwd=None, env=None) -> Outputs of raster2pgsql and plraster-load."""
    return Outputs
