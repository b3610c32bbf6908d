"""ST_SameAlignment, ST_NotSameAlignmentReason and ST_IsCoverageTile, as PostGIS 3.3.

Two rasters are aligned when they have the same SRID, the same scales (in absolute value)
and skews within FLT_EPSILON, and the first raster's upper-left corner falls on a pixel
corner of the second raster's grid (within FLT_EPSILON).
"""
import math

from plraster.core import messages
from plraster.core.errors import InvalidParameterError
from plraster.core.georef import raster_to_world
from plraster.core.nodata import FLT_EPSILON
from plraster.functions.pixelcoords import _snap as snap_to_cell
from plraster.functions.pixelcoords import inverse_geotransform, world_to_raster_coord
from plraster.core.srid import clamp_srid

ALIGNED = "The rasters are aligned"
NOT_ALIGNED = "The rasters (pixel corner coordinates) are not aligned"


def _differ(a, b):
    return abs(a - b) > FLT_EPSILON


def not_aligned_reason(h1, h2):
    """Why two raster headers are not aligned (PostGIS's text), or None when they are."""
    if clamp_srid(h1.srid) != clamp_srid(h2.srid):
        return "The rasters have different SRIDs"
    if _differ(abs(h1.scale_x), abs(h2.scale_x)):
        return "The rasters have different scales on the X axis"
    if _differ(abs(h1.scale_y), abs(h2.scale_y)):
        return "The rasters have different scales on the Y axis"
    if _differ(h1.skew_x, h2.skew_x):
        return "The rasters have different skews on the X axis"
    if _differ(h1.skew_y, h2.skew_y):
        return "The rasters have different skews on the Y axis"
    i0, i1, i2, i3, i4, i5 = inverse_geotransform(h2)
    col = snap_to_cell(i0 + h1.ip_x * i1 + h1.ip_y * i2)
    row = snap_to_cell(i3 + h1.ip_x * i4 + h1.ip_y * i5)
    xw, yw = raster_to_world(h2, col, row)
    if not _differ(xw, h1.ip_x) and not _differ(yw, h1.ip_y):
        return None
    return NOT_ALIGNED


def same_alignment(h1, h2):
    """ST_SameAlignment(rast1, rast2): True or False, with the reason as a NOTICE."""
    reason = not_aligned_reason(h1, h2)
    if reason is not None:
        messages.notice(reason)
        return False
    return True


def reason_text(h1, h2):
    """ST_NotSameAlignmentReason(rast1, rast2)."""
    reason = not_aligned_reason(h1, h2)
    return ALIGNED if reason is None else reason


def is_coverage_tile(tile, coverage, tile_width, tile_height):
    """ST_IsCoverageTile(rast, coverage, tilewidth, tileheight): whether the tile sits on the
    coverage's tile grid with the size of an interior or edge tile (PostGIS's NOTICEs)."""
    if not same_alignment(tile, coverage):
        messages.notice("Raster and coverage are not aligned")
        return False
    if tile_width == 0 or tile_height == 0:
        raise InvalidParameterError("division by zero",
                                    detail="The tile width and height must not be zero.")
    col, row = world_to_raster_coord(coverage, tile.ip_x, tile.ip_y)
    if not (1 <= col <= coverage.width and 1 <= row <= coverage.height):
        messages.notice("Raster is not in the coverage")
        return False
    if (col - 1) % tile_width != 0 or (row - 1) % tile_height != 0:
        messages.notice("Raster is not aligned to tile grid of coverage")
        return False
    max_x = int(math.ceil(coverage.width / tile_width))
    max_y = int(math.ceil(coverage.height / tile_height))
    tile_x = int(col / tile_width) + 1
    tile_y = int(row / tile_height) + 1
    full_size = tile.width == tile_width and tile.height == tile_height
    if tile_x < max_x and tile_y < max_y:
        if not full_size:
            messages.notice("Raster width/height is invalid for interior tile of coverage")
            return False
        return True
    if full_size:
        return True
    edge_x = coverage.width - (max_x - 1) * tile_width
    edge_y = coverage.height - (max_y - 1) * tile_height
    if tile_x == max_x and tile_y == max_y:
        expected, where = (edge_x, edge_y), "right-most AND bottom-most tile"
    elif tile_x == max_x:
        expected, where = (edge_x, tile_height), "right-most tile"
    else:
        expected, where = (tile_width, edge_y), "bottom-most tile"
    if (tile.width, tile.height) != expected:
        messages.notice("Raster width/height is invalid for %s of coverage" % where)
        return False
    return True
