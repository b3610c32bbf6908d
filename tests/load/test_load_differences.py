"""Where plraster-load deliberately differs from raster2pgsql, and by exactly how much.

1. raster2pgsql loses overview tiles: when an overview's width equals the tile width or
   its height equals the tile height, it writes only the first tile of the overview.
   plraster-load writes them all.
2. A signed-byte GeoTIFF (PIXELTYPE=SIGNEDBYTE) is 8BSI in plraster-load; raster2pgsql
   built on GDAL 3.6 (which calls such a band Byte) writes 8BUI, same bytes, and clamps
   a negative nodata value to 0.
"""
import struct

import numpy
import pytest

from loadhelpers import write_geotiff
from plraster.core import wkb
from plraster.load import tiling


def _pixels(raster_wkb):
    r = wkb.parse_raster(raster_wkb, notice_trailing=False)
    return r.header, [b.data for b in r.bands]


def _assemble(tiles, width, height):
    """The overview image from its tiles (positions from the georeference: scale 2, origin 0,0)."""
    out = numpy.full((height, width), -1, dtype=numpy.int64)
    for t in tiles:
        h, bands = _pixels(t)
        x, y = round(h.ip_x / h.scale_x), round(h.ip_y / h.scale_y)
        data = bands[0][:height - y, :width - x]
        out[y:y + data.shape[0], x:x + data.shape[1]] = data
    return out


@pytest.mark.parametrize("tile", ["5x10", "10x4", "3x10"])
def test_overview_tiles_raster2pgsql_drops(both, tmp_path, tile):
    a = (numpy.arange(20 * 20).reshape(20, 20) % 251).astype("uint8")
    path = write_geotiff(tmp_path / "q.tif", [a], gt=(0.0, 1.0, 0.0, 0.0, 0.0, -1.0))
    out = both(["-t", tile, "-l", "2", path, "t"])
    theirs, mine = out.tables(False)['"o_2_t"'], out.tables(True)['"o_2_t"']
    tw, th = (int(v) for v in tile.split("x"))
    expected_tiles = -(-10 // tw) * -(-10 // th)
    assert len(theirs) == 1 < expected_tiles == len(mine)
    assert mine[0] == theirs[0]
    # The full-resolution table is not affected.
    assert out.tables(True)['"t"'] == out.tables(False)['"t"']
    # Every overview pixel is the source pixel GDAL's nearest neighbour picks.
    xs, ys = tiling.nearest_indexes(20, 10), tiling.nearest_indexes(20, 10)
    assert (_assemble(mine, 10, 10) == a[ys][:, xs]).all()
    # And the same as raster2pgsql's overview cut with a tile size it handles.
    other = both(["-t", "3x3", "-l", "2", path, "t"])
    assert (_assemble(other.tables(False)['"o_2_t"'], 10, 10) == _assemble(mine, 10, 10)).all()


def test_signed_byte_is_8bsi(both, tmp_path):
    a = numpy.arange(-50, 50, dtype=numpy.int8).reshape(10, 10).view(numpy.uint8)
    path = write_geotiff(tmp_path / "sb.tif", [a], options=["PIXELTYPE=SIGNEDBYTE"])
    out = both(["-t", "4x4", path, "t"])
    assert out.pl_lines == out.r2p_lines
    for mine, theirs in zip(out.pl_rasters, out.r2p_rasters):
        assert theirs[61] == 0x04 and mine[61] == 0x03  # 8BUI vs 8BSI, no nodata
        assert mine[:61] == theirs[:61] and mine[62:] == theirs[62:]
    _, bands = _pixels(out.pl_rasters[0])
    assert bands[0].dtype == numpy.int8 and bands[0][0, 0] == -50


def test_signed_byte_nodata_kept(tmp_path):
    from loadhelpers import run_plraster
    a = numpy.arange(-50, 50, dtype=numpy.int8).reshape(10, 10).view(numpy.uint8)
    path = write_geotiff(tmp_path / "sbn.tif", [a], options=["PIXELTYPE=SIGNEDBYTE"], nodata=-1)
    status, sql, _ = run_plraster(["-t", "10x10", path, "t"])
    import sqlcompare
    _, rasters = sqlcompare.split(sql, plraster=True)
    flags, nodata = struct.unpack_from("<Bb", rasters[0], 61)
    assert status == 0 and flags == 0x43 and nodata == -1
