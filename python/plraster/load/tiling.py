"""How raster2pgsql cuts a raster into tiles, samples its overviews and skips empty tiles.

All of it measured on raster2pgsql 3.3 (GDAL 3.6):
- Tiles run left to right, top to bottom from the upper-left pixel. A right-most or
  bottom-most tile is cut short unless -P pads it; a tile wider (higher) than the whole
  image keeps its full width (height) even without -P. Padding is the band's nodata
  value, else 0.
- -t auto: per side, GDAL's block size (the image size when blocks are one pixel high),
  brought into 30..300 pixels when larger than 300 by the size that leaves the smallest
  remainder (the largest such size on ties).
- An overview with factor f is (n + f // 2) // f pixels per side of n, pixel i taken
  from the source pixel GDAL's nearest neighbour picks: floor((i + 0.5) * n / m), where
  the source is the image or, when the file has one close enough, an internal overview
  (GDAL reads downsampled windows from those).
- A tile is skipped (unless -k) when every band has a nodata value and every pixel of
  it is nodata (floats equal or within FLT_EPSILON, NaN matching NaN). Bands checked before the
  first band that is not all nodata get the is-nodata flag, as raster2pgsql's check
  leaves them. Overview tiles are never skipped.
"""

import typing

import numpy

AUTO_MIN_TILE = 30
AUTO_MAX_TILE = 300
FLT_EPSILON = float(numpy.finfo(numpy.float32).eps)


class Tile(typing.NamedTuple):
    """One tile: pixel offset in the image, pixels taken from it, size written."""

    x: int
    y: int
    data_width: int
    data_height: int
    width: int
    height: int

    @property
    def padded(self):
        """Whether the written tile is larger than the pixels it takes."""
        return self.width != self.data_width or self.height != self.data_height


def auto_side(n):
    """raster2pgsql's -t auto for one side of n pixels."""
    if n <= AUTO_MAX_TILE:
        return n
    best, best_gap = n, AUTO_MAX_TILE
    for size in range(AUTO_MAX_TILE, AUTO_MIN_TILE - 1, -1):
        gap = n % size
        if gap < best_gap:
            best, best_gap = size, gap
    return best


def auto_tile_size(block_size, image_size):
    """-t auto from GDAL's block size and the image size, each (width, height)."""
    return tuple(auto_side(b if b > 1 else n) for b, n in zip(block_size, image_size))


def _side(n, tile, pad):
    """(offset, pixels taken, pixels written) of each tile along a side of n pixels."""
    out = []
    for start in range(0, n, tile):
        taken = min(tile, n - start)
        out.append((start, taken, tile if pad or tile > n else taken))
    return out


def tile_grid(width, height, tile_size, pad):
    """The tiles of a width x height image, row by row; tile_size None is one whole tile."""
    if tile_size is None:
        return [Tile(0, 0, width, height, width, height)]
    tw, th = tile_size
    cols = _side(width, tw, pad)
    return [Tile(x, y, dw, dh, w, h) for y, dh, h in _side(height, th, pad) for x, dw, w in cols]


def tile_rows(tiles):
    """Group a row-by-row tile list into rows: [(y, data_height, [tiles])]."""
    rows = []
    for t in tiles:
        if not rows or rows[-1][0] != t.y:
            rows.append((t.y, t.data_height, []))
        rows[-1][2].append(t)
    return rows


def overview_size(n, factor):
    """Pixels of an overview side: (n + factor // 2) // factor, as raster2pgsql sizes it."""
    return (n + factor // 2) // factor


def nearest_indexes(n, m):
    """Source pixel of each of m pixels resampled from n along a side: GDAL's nearest
    neighbour, floor((i + 0.5) * n / m), in exact integer arithmetic."""
    i = numpy.arange(m, dtype=numpy.int64)
    return ((2 * i + 1) * n) // (2 * m)


def overview_geotransform(gt, factor):
    """The overview's geotransform: pixel sizes times the factor, rotation kept."""
    return (gt[0], gt[1] * factor, gt[2], gt[3], gt[4], gt[5] * factor)


def is_all_nodata(pixels, nodata):
    """Whether every pixel equals the nodata value as raster2pgsql compares them."""
    first = pixels.flat[0]
    if pixels.dtype.kind != "f":
        return first == nodata and bool((pixels == nodata).all())
    if nodata != nodata:
        return first != first and bool(numpy.isnan(pixels).all())
    if not (first == nodata or abs(float(first) - nodata) <= FLT_EPSILON):
        return False
    if nodata in (float("inf"), float("-inf")):
        return bool((pixels == nodata).all())
    return bool((numpy.abs(pixels.astype(numpy.float64) - nodata) <= FLT_EPSILON).all())


def nodata_flags(band_pixels, nodatas):
    """raster2pgsql's empty-tile check over a tile's bands.

    Returns None when the tile is to be skipped (every band all nodata), else the
    is-nodata flag of each band: True for the leading bands found all nodata before the
    first band that is not.
    """
    flags = [False] * len(band_pixels)
    for k, (pixels, nodata) in enumerate(zip(band_pixels, nodatas)):
        if nodata is None or not is_all_nodata(pixels, nodata):
            return flags
        flags[k] = True
    return None
