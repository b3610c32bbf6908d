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


def skewed_cover(envelope, scale_x, scale_y, skew_x, skew_y, upperleft=None):
    """(ulx, uly, width, height) of a grid with these scales and skews that covers envelope
    (minx, maxx, miny, maxy), as PostGIS 3.3 places skewed grids where it succeeds: for
    north-up scales the corner is the envelope's upper-left, moved left by a positive x skew
    times the envelope's height in rows and up by a negative y skew times its width in
    columns (other scales: moved to the smallest column and row the envelope reaches); the
    size is the largest column and row the envelope's corners reach, rounded up. An
    upper-left corner given is kept."""
    minx, maxx, miny, maxy = envelope
    if upperleft is not None:
        ox, oy = upperleft
    elif scale_x > 0 and scale_y < 0:
        ox = minx - max(0.0, skew_x) * (maxy - miny) / -scale_y
        oy = maxy + max(0.0, -skew_y) * (maxx - minx) / scale_x
    else:
        ox, oy = (minx if scale_x > 0 else maxx), (maxy if scale_y < 0 else miny)
    det = scale_x * scale_y - skew_x * skew_y
    if det == 0:
        raise InvalidParameterError("the scales and skews cannot be inverted",
                                    detail="They make a zero determinant.")
    cols, rows = [], []
    for x, y in ((minx, miny), (minx, maxy), (maxx, miny), (maxx, maxy)):
        dx, dy = x - ox, y - oy
        cols.append((scale_y * dx - skew_x * dy) / det)
        rows.append((scale_x * dy - skew_y * dx) / det)
    c0, r0 = min(0.0, min(cols)), min(0.0, min(rows))
    if upperleft is None and (c0 < 0 or r0 < 0):
        ox, oy = ox + c0 * scale_x + r0 * skew_x, oy + c0 * skew_y + r0 * scale_y
    else:
        c0 = r0 = 0.0
    eps = 1e-7
    width = max(int(math.ceil(max(cols) - c0 - eps)), 1)
    height = max(int(math.ceil(max(rows) - r0 - eps)), 1)
    return ox, oy, width, height
