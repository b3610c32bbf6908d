"""Raster georeference: pixel <-> world coordinates, as PostGIS computes them.

world x = ip_x + scale_x * col + skew_x * row
world y = ip_y + skew_y * col + scale_y * row     (col, row 0-based pixel corners)
"""
import math

from plraster.core.errors import InvalidParameterError


def raster_to_world(header, col, row):
    """Return the world (x, y) of the 0-based pixel corner (col, row)."""
    return (header.ip_x + header.scale_x * col + header.skew_x * row,
            header.ip_y + header.skew_y * col + header.scale_y * row)


def world_to_raster_float(header, x, y):
    """Return the fractional 0-based (col, row) of world (x, y); raises when not invertible."""
    det = header.scale_x * header.scale_y - header.skew_x * header.skew_y
    if det == 0 or not math.isfinite(det):
        raise InvalidParameterError(
            "could not compute the inverse geotransform of the raster",
            detail="The raster's scale and skew give a singular geotransform.")
    dx, dy = x - header.ip_x, y - header.ip_y
    col = (header.scale_y * dx - header.skew_x * dy) / det
    row = (-header.skew_y * dx + header.scale_x * dy) / det
    return col, row


def corners(header):
    """Return the four world corners, upper-left first, clockwise in pixel space, closed."""
    w, h = header.width, header.height
    pts = [raster_to_world(header, c, r) for c, r in ((0, 0), (w, 0), (w, h), (0, h))]
    return pts + [pts[0]]
