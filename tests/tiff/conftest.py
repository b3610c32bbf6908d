"""Fixtures for the TIFF reader tests: rasters built with numpy, written and read back by GDAL.

GDAL (python3-gdal) is the independent answer: every pixel, geotransform, EPSG code and
nodata value the reader returns is compared with GDAL's reading of the same file.
"""

import os
import signal
import sys

import pytest

_PYTHON_DIR = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "python")
if os.path.abspath(_PYTHON_DIR) not in (os.path.abspath(p) for p in sys.path):
    sys.path.insert(0, os.path.abspath(_PYTHON_DIR))

from osgeo import gdal as _gdal  # noqa: E402,F401  (the oracle must be there: fail, never skip)

from gdal_oracle import gdal, mem_dataset  # noqa: E402


@pytest.fixture
def write_tiff(tmp_path):
    """Return write(pixels, driver='COG', options=[...], name=None, **mem_kwargs) -> path."""
    counter = iter(range(10**6))

    def write(pixels, driver="COG", options=(), name=None, config=None, **mem_kwargs):
        path = str(tmp_path / (name or f"t{next(counter)}.tif"))
        ds = mem_dataset(pixels, **mem_kwargs)
        config = dict(config or {})
        if mem_kwargs.get("mask") is not None:
            config.setdefault("GDAL_TIFF_INTERNAL_MASK", "YES")
        old = {k: gdal.GetConfigOption(k) for k in config}
        try:
            for k, v in config.items():
                gdal.SetConfigOption(k, v)
            gdal.Translate(path, ds, format=driver, creationOptions=list(options))
        finally:
            for k, v in old.items():
                gdal.SetConfigOption(k, v)
        return path

    return write


@pytest.fixture
def no_hang():
    """Fail a test that runs longer than 20 seconds instead of hanging the suite."""

    def on_alarm(signum, frame):
        raise TimeoutError("test took longer than 20 seconds")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)
