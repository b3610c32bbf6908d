"""The output grid of map algebra over N rasters, as PostGIS 3.3's raster iterator builds it.

Measured on PostGIS 3.3.2 (ST_MapAlgebra with a trivial callback, compared with ST_MetaData):
- extenttype is case-insensitive; INTERSECTION, UNION, FIRST, SECOND, LAST, CUSTOM; any
  other text is INTERSECTION;
- NULL rasters and empty rasters (no columns or rows) take no part; a raster that lacks the
  band asked for still counts for the extent (its pixels are all NULL);
- FIRST / SECOND / LAST name a position of the input list (SECOND of a one-raster list is
  the first); when the raster at that position was NULL or empty the result is NULL;
- every raster taking part, and the custom extent, must be aligned (same SRID, scales,
  skews, grid: functions.alignment), else "... do not have the same alignment" (PostGIS:
  XX000; plraster: 22023, the conformance suite's deliberate class-22 difference);
- INTERSECTION and UNION fold the rasters pairwise in the first raster's pixel space (the
  next raster's corner found as rt_raster_geopoint_to_cell finds it: snapped within
  FLT_EPSILON, else floored); the grid's corner is the state's pixel in world coordinates;
- FIRST / SECOND / LAST / CUSTOM keep that raster's own georeference as it is;
- an empty intersection (touching edges included) gives an empty raster, 0 x 0 with zero
  scales and skews at (0, 0), keeping the SRID, without a NOTICE.

API: `extent_type(text)`, `output_grid(headers, extenttype, custom=None)` -> `OutputGrid`
(or None for a NULL result), `EMPTY_INTERSECTION` tells an empty result apart.
"""
from typing import NamedTuple, Optional, Tuple

from plraster.core.errors import InvalidParameterError
from plraster.core.georef import raster_to_world
from plraster.functions.alignment import not_aligned_reason
from plraster.functions.pixels import world_to_cell

EXTENT_TYPES = ("INTERSECTION", "UNION", "FIRST", "SECOND", "LAST", "CUSTOM")

NOT_ALIGNED = ("the set of rasters provided (custom extent included, if appropriate) do not "
               "have the same alignment")


class OutputGrid(NamedTuple):
    """The output raster's header (no bands) and, for each input raster, the column and
    row of its own pixel space at the output's pixel (0, 0): input pixel = output pixel +
    offset. offsets[i] is None for an input that took no part (NULL or empty)."""

    header: object
    offsets: Tuple[Optional[Tuple[int, int]], ...]

    @property
    def is_empty(self):
        """True for the empty raster an empty intersection gives."""
        return self.header.width == 0 or self.header.height == 0


def extent_type(text):
    """The extent type a text names (case-insensitive); unknown text is INTERSECTION."""
    upper = text.upper() if isinstance(text, str) else "INTERSECTION"
    return upper if upper in EXTENT_TYPES else "INTERSECTION"


def _takes_part(h):
    return h is not None and not h.is_empty


def check_alignment(headers):
    """Raise PostGIS's error unless every header (None ones skipped) is on one grid."""
    present = [h for h in headers if _takes_part(h)]
    for h in present[1:]:
        reason = not_aligned_reason(present[0], h)
        if reason is not None:
            raise InvalidParameterError(NOT_ALIGNED, detail=reason + ".")


def _fold(headers, union):
    """(state header, its box origin) after folding the present rasters pairwise; the state
    is None when the intersection became empty."""
    state = None
    for h in headers:
        if not _takes_part(h):
            continue
        if state is None:
            state = h
            continue
        col, row = world_to_cell(state, h.ip_x, h.ip_y)
        if union:
            c0, r0 = min(0, col), min(0, row)
            c1, r1 = max(state.width, col + h.width), max(state.height, row + h.height)
        else:
            c0, r0 = max(0, col), max(0, row)
            c1, r1 = min(state.width, col + h.width), min(state.height, row + h.height)
            if c1 <= c0 or r1 <= r0:
                return None
        ip_x, ip_y = raster_to_world(state, c0, r0)
        state = state.replace(ip_x=ip_x, ip_y=ip_y, width=c1 - c0, height=r1 - r0)
    return state


def _offsets(grid, headers):
    out = []
    for h in headers:
        if not _takes_part(h):
            out.append(None)
            continue
        col, row = world_to_cell(h, grid.ip_x, grid.ip_y)
        out.append((col, row))
    return tuple(out)


def empty_grid(srid):
    """The header of the raster an empty intersection gives."""
    from plraster.core.wkb import RasterHeader
    return RasterHeader(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, srid, 0, 0)


def output_grid(headers, extenttype, custom=None):
    """The OutputGrid of map algebra over headers (one per input position, None for a NULL
    raster) for extenttype (already passed through extent_type), or None when the result
    is NULL (FIRST/SECOND/LAST naming a NULL or empty raster; no raster at all).

    custom is the custom extent's header, needed for CUSTOM (the caller gives PostGIS's
    NOTICE when it is NULL). Raises InvalidParameterError (22023) where PostGIS raises XX000."""
    present = [h for h in headers if _takes_part(h)]
    if not present:
        return None
    kind = extenttype
    check_alignment(present + ([custom] if kind == "CUSTOM" and custom is not None else []))
    if kind in ("FIRST", "SECOND", "LAST"):
        index = {"FIRST": 0, "SECOND": 1, "LAST": len(headers) - 1}[kind]
        index = min(index, len(headers) - 1)
        chosen = headers[index]
        if not _takes_part(chosen):
            return None
        grid = chosen
    elif kind == "CUSTOM":
        if custom is None:
            return None
        grid = custom
    else:
        grid = _fold(headers, union=(kind == "UNION"))
        if grid is None:
            return OutputGrid(empty_grid(present[0].srid), tuple(None for _ in headers))
    grid = grid.replace(num_bands=0, little_endian=True)
    return OutputGrid(grid, _offsets(grid, headers))
