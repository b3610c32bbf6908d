"""The command line as raster2pgsql reads it, errors, and the installed entry points."""
import os
import subprocess
import sys

import numpy
import pytest

from loadhelpers import run_plraster, run_raster2pgsql, write_geotiff
from plraster.core.errors import InvalidParameterError
from plraster.load import options, tiling

PYTHON_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, "python")


@pytest.fixture(scope="module")
def tif(tmp_path_factory):
    d = tmp_path_factory.mktemp("load-options")
    return write_geotiff(d / "small.tif", [numpy.arange(35, dtype="int16").reshape(5, 7)] * 2, nodata=3)


def test_option_values():
    assert options.parse_args(["-s", "3857:4326", "a.tif"]).srid_to == 4326
    o = options.parse_args(["-s", "3857", "-b", "3-1,5", "-t", "auto", "-l", "2,4", "-N", "nan",
                            "-Y", "a.tif", "-n", "FN", "-F", "-c", "-a", "Sch.Tab"])
    assert (o.srid, o.srid_to) == (3857, None)
    assert o.bands == [3, 2, 1, 5] and o.tile_size == "auto" and o.overviews == [2, 4]
    assert o.nodata != o.nodata and o.copy_rows == 50 and o.filename_column == "FN"
    assert o.mode == "a"  # the last of -c/-a/-d/-p wins
    assert (o.rasters, o.schema, o.table) == (["a.tif"], "Sch", "Tab")
    assert options.parse_args(["-Y", "7", "x.tif"]).copy_rows == 7
    assert options.parse_args(["-Y3", "x.tif"]).copy_rows == 3
    assert options.parse_args(["-CIM", "-t3x2", "x.tif", "t"]).tile_size == (3, 2)


def test_table_name_inference(tif):
    # Two arguments whose last is an existing file: both are rasters, the table is the first's name.
    o = options.parse_args([tif, tif])
    assert o.rasters == [tif, tif] and o.table == "small" and o.schema is None
    o = options.parse_args(["/data/a.b.tif", "nonexistent.tif"])
    assert (o.schema, o.table) == ("nonexistent", "tif")
    o = options.parse_args(["https://example.org/cogs/dem.tif"])
    assert o.table == "dem"


@pytest.mark.parametrize("argv", [
    ["-t", "0x3", "a.tif"], ["-t", "3", "a.tif"], ["-l", "1", "a.tif"], ["-b", "0", "a.tif"],
    ["-s", "x", "a.tif"], ["-E", "0", "a.tif"], ["-V", "1", "a.tif"], ["-Z", "a.tif"], [],
    ["-Y", "-s", "4326:3857", "a.tif"], ["-t"],
])
def test_refused_command_lines(argv):
    with pytest.raises(InvalidParameterError):
        options.parse_args(argv)


def test_missing_band_is_an_error_as_in_raster2pgsql(tif):
    status, sql, err = run_plraster(["-b", "3", tif, "t"])
    r2p_status, _, r2p_err = run_raster2pgsql(["-b", "3", tif, "t"])
    assert status == 1 and r2p_status != 0
    assert "ERROR: band 3 not found" in err and "Band 3 not found" in r2p_err


def test_int64_refused(tmp_path):
    path = write_geotiff(tmp_path / "i64.tif", [numpy.zeros((3, 3), dtype="int64")])
    status, _, err = run_plraster([path, "t"])
    assert status == 1 and "unsupported pixel type int64" in err
    assert run_raster2pgsql([path, "t"])[0] != 0 or "ERROR" in run_raster2pgsql([path, "t"])[2]


def test_missing_file(tmp_path):
    status, _, err = run_plraster([str(tmp_path / "nope.tif"), "t"])
    assert status == 1 and err.startswith("ERROR:") and "not found" in err


def test_processing_lines_on_stderr(tif):
    status, _, err = run_plraster(["--no-progress", tif, tif, "t"])
    assert err.splitlines() == [f"Processing 1/2: {tif}", f"Processing 2/2: {tif}"]


def test_auto_tile_size():
    assert [tiling.auto_side(n) for n in (64, 300, 301, 333, 509, 1000, 1031, 3000, 5000)] == \
        [64, 300, 43, 111, 254, 250, 206, 300, 250]
    assert tiling.auto_tile_size((5000, 1), (5000, 3000)) == (250, 300)
    assert tiling.auto_tile_size((256, 128), (1000, 700)) == (256, 128)


def _module_run(args, **kw):
    env = dict(os.environ, PYTHONPATH=os.path.abspath(PYTHON_DIR))
    return subprocess.run([sys.executable, "-m", "plraster.load"] + args, capture_output=True, env=env, **kw)


def test_python_dash_m(tif):
    p = _module_run(["--version"])
    assert p.returncode == 0 and p.stdout.decode().startswith("plraster-load ")
    p = _module_run(["--help"])
    assert p.returncode == 0 and b"-Y [<rows>]" in p.stderr
    p = _module_run(["-t", "3x2", tif, "t"])
    r2p = run_raster2pgsql(["-t", "3x2", tif, "t"])[1]
    import sqlcompare
    assert sqlcompare.split(p.stdout.decode(), True) == sqlcompare.split(r2p, False)


def test_broken_pipe_is_quiet(tmp_path):
    big = write_geotiff(tmp_path / "big.tif", [numpy.zeros((300, 300), dtype="uint8")])
    proc = subprocess.Popen([sys.executable, "-m", "plraster.load", "-t", "1x1", big, "t"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONPATH=os.path.abspath(PYTHON_DIR)))
    proc.stdout.read(10)
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and b"Traceback" not in err and b"Exception" not in err
