"""Cutting rasters into tiles: ST_Tile and ST_MakeEmptyCoverage, as PostGIS 3.3 cuts them.

ST_Tile walks the raster in tiles of width x height pixels, left to right, then top to
bottom. A tile's upper-left corner is the world position of its first pixel (so skewed
rasters tile correctly); edge tiles are smaller unless `padwithnodata`, which makes every
tile full size and fills the pixels beyond the raster with the band's nodata value (or
`nodataval`, which then becomes the band's nodata value; without either, the pixel
type's minimum). In-db
bands are copied; out-db bands stay out-db records (same path and band number), and no
pixel is read. Bands keep their flags and nodata as PostGIS keeps them.

ST_MakeEmptyCoverage lays band-less tiles over a grid with PostGIS's arithmetic,
including its edge-size rule and its wrap of sizes to 16 bits.
"""
import math

import numpy as np

from plraster.core import limits, wkb
from plraster.core.errors import DivisionByZeroError, NullValueNotAllowedError, SizeLimitError, SoftFailure, ValueOutOfRangeError
from plraster.core.georef import raster_to_world
from plraster.core.pixtypes import to_pixel_value
from plraster.core.srid import clamp_srid

MAX_DIMENSION = 65535


def _check_size(value, what):
    if value is None:
        raise SoftFailure("%s cannot be NULL. Returning NULL" % what)
    if value < 1:
        raise SoftFailure("%s must be greater than zero. Returning NULL" % what)


def selected_bands(raster, nband):
    """The 0-based indexes of the bands nband names (None: all; NULL elements skipped).

    A raster without bands gives band-less tiles whatever nband says, as in PostGIS.
    """
    if nband is None or not raster.bands:
        return list(range(len(raster.bands)))
    chosen = []
    for number in _flatten(nband):
        if number is None:
            continue
        if number < 1 or number > len(raster.bands):
            raise SoftFailure("Band at index %d not found in raster" % number)
        chosen.append(number - 1)
    return chosen


def _flatten(values):
    for v in values:
        if isinstance(v, list):
            yield from _flatten(v)
        else:
            yield v


def tile(rast, width, height, nband=None, padwithnodata=False, nodataval=None):
    """_ST_Tile: the tiles of rast as a list-like iterator of WKB (see module doc).

    Arguments are checked before the first tile is made, so soft failures (NOTICE and no
    rows) and errors happen at call time.
    """
    if rast is None:
        return iter(())
    _check_size(width, "Width")
    _check_size(height, "Height")
    raster = wkb.parse_raster(rast)
    header = raster.header
    if header.is_empty:
        return iter(())
    chosen = selected_bands(raster, nband)
    pad = bool(padwithnodata)
    if pad and (width > MAX_DIMENSION or height > MAX_DIMENSION):
        raise SizeLimitError(
            "dimensions requested exceed the maximum (65535 x 65535) permitted for a raster",
            detail="A padded tile of %d x %d pixels was asked for." % (width, height))
    if pad and chosen:
        # every padded tile is width x height, however small the raster
        limits.check_array(width * height, sum(raster.bands[i].pixtype.size for i in chosen),
                           "a padded tile of %d x %d pixels" % (width, height))
    bands = [_tile_band(raster.bands[i], pad, nodataval) for i in chosen]
    return _tiles(header, bands, width, height, pad)


class _TileBand:
    """A source band with what every tile of it shares: its flag byte and nodata bytes."""

    __slots__ = ("band", "prefix", "fill", "dtype")

    def __init__(self, band, prefix, fill, dtype):
        self.band = band
        self.prefix = prefix
        self.fill = fill
        self.dtype = dtype


def _tile_band(band, pad, nodataval):
    info = band.pixtype
    has_nodata, nodata = band.has_nodata, band.nodata
    if pad and not has_nodata and nodataval is not None:
        has_nodata, nodata = True, to_pixel_value(info, float(nodataval))
    copy = wkb.Band(info, has_nodata, band.is_nodata and has_nodata, nodata,
                    outdb_index=band.outdb_index, path=band.path)
    prefix = wkb.emit_band(copy, 0, 0)  # flag, nodata (and the out-db record): no pixels
    fill = nodata if has_nodata else info.min  # PostGIS pads with the type's minimum
    return _TileBand(band, prefix, fill, info.dtype.newbyteorder("<"))


def _tiles(header, bands, width, height, pad):
    for row0 in range(0, header.height, height):
        for col0 in range(0, header.width, width):
            w = width if pad else min(width, header.width - col0)
            h = height if pad else min(height, header.height - row0)
            ulx, uly = raster_to_world(header, float(col0), float(row0))
            tile_header = header.replace(ip_x=ulx, ip_y=uly, width=w, height=h)
            parts = [wkb.emit_header(tile_header, len(bands))]
            for tb in bands:
                parts.append(tb.prefix)
                if not tb.band.is_outdb:
                    parts.append(_window(tb, col0, row0, w, h))
            yield b"".join(parts)


def _window(tb, col0, row0, w, h):
    data = tb.band.data
    part = data[row0:row0 + h, col0:col0 + w]
    if part.shape == (h, w):
        return np.ascontiguousarray(part, dtype=tb.dtype).tobytes()
    out = np.full((h, w), tb.fill, dtype=tb.dtype)
    out[:part.shape[0], :part.shape[1]] = part
    return out.tobytes()


# --- ST_MakeEmptyCoverage ----------------------------------------------------------------------

def _sql_int(value):
    """A float8 cast to integer as PostgreSQL casts it (rounded; out of range is an error)."""
    if not math.isfinite(value) or not -2 ** 31 <= round(value) < 2 ** 31:
        raise ValueOutOfRangeError("integer out of range")
    return int(round(value))


def _divide(a, b):
    if b == 0:
        raise DivisionByZeroError("division by zero")
    return a / b


def make_empty_coverage(tilewidth, tileheight, width, height, upperleftx, upperlefty,
                        scalex, scaley, skewx, skewy, srid=0):
    """ST_MakeEmptyCoverage: band-less tiles covering a width x height grid, as WKB.

    PostGIS lays a template grid of tiles (its sizes wrapped to 16 bits), then sizes
    each tile by comparing its corner with the grid's far edges; this follows that
    arithmetic, so odd arguments (negative sizes, a positive y scale) give what PostGIS
    gives.
    """
    args = (tilewidth, tileheight, width, height, upperleftx, upperlefty, scalex, scaley,
            skewx, skewy, srid)
    if any(a is None for a in args):
        raise NullValueNotAllowedError("upper bound of FOR loop cannot be null")
    grid_srid = clamp_srid(srid, notice=True)  # PostGIS clamps (and says so) per raster made
    cols = _sql_int(math.ceil(_divide(float(width), tilewidth))) & 0xFFFF
    rows = _sql_int(math.ceil(_divide(float(height), tileheight))) & 0xFFFF
    grid = wkb.RasterHeader(0, tilewidth * scalex, tileheight * scaley, float(upperleftx),
                            float(upperlefty), tileheight * skewx, tilewidth * skewy,
                            grid_srid, cols, rows)
    return _coverage_tiles(grid, tilewidth, tileheight, width, height, scalex, scaley,
                           skewx, skewy, srid)


def _coverage_tiles(grid, tilewidth, tileheight, width, height, scalex, scaley, skewx, skewy,
                    srid):
    """The tiles of ST_MakeEmptyCoverage, one at a time: the set can have 65535 x 65535
    rows (PostGIS streams it too), so it is never held whole."""
    for y in range(grid.height):
        max_x = raster_to_world(grid, 0.0, float(y))[0] + width * scalex
        for x in range(grid.width):
            min_y = raster_to_world(grid, float(x), 0.0)[1] + height * scaley
            ulx, uly = raster_to_world(grid, float(x), float(y))
            if uly + tileheight * scaley < min_y:
                rh = _sql_int(math.ceil(_divide(min_y - uly, scaley)))
            else:
                rh = tileheight
            if ulx + tilewidth * scalex > max_x:
                rw = _sql_int(math.ceil(_divide(max_x - ulx, scalex)))
            else:
                rw = tilewidth
            yield wkb.emit_header(grid.replace(
                srid=clamp_srid(srid, notice=True), scale_x=float(scalex),
                scale_y=float(scaley), ip_x=ulx, ip_y=uly, skew_x=float(skewx), skew_y=float(skewy), width=rw & 0xFFFF,
                height=rh & 0xFFFF))
