"""ST_Retile: a coverage re-cut on a new grid, resampled as GDAL's overviews are.

PostGIS's ST_Retile walks the target grid (columns outer, rows inner), and for each
target tile warps every intersecting source tile (ST_Rescale), unions and clips them.
plraster keeps PostGIS's grid, order, tile extents and band metadata, but computes the
pixels as GDAL's overview resampling does over the mosaic of the source tiles (see
`plraster.functions.resample`): one kernel over the whole coverage instead of one warp per
source tile, so a tile seam does not change the result.

The grid: origin at the extent's upper-left (lower-left when sfy > 0), ceil(width / sfx /
tw) columns and as many rows likewise; a target tile is the part of its tw x th cell that
the source tiles' footprints (rounded out to the target grid) cover, as PostGIS's clip of
the union gives; a cell no source tile touches is skipped with PostGIS's WARNING. Bands
keep the source pixel type and nodata value; a band without one gets the pixel type's
minimum as nodata, as PostGIS's warp does, and pixels no source covers are nodata.

Source tiles must share scale and alignment and have no skew (`UnsupportedError`
otherwise); their pixels are read in-db or through the out-db engine.
"""
import math
from typing import NamedTuple

import numpy as np

from plraster.core import limits, wkb
from plraster.functions import resample
from plraster.core.errors import InvalidParameterError, UnsupportedError
from plraster.core.bands import locate_band
from plraster.core.ticker import Ticker

_EPS = 1e-6


class Grid(NamedTuple):
    """The target grid of ST_Retile."""

    ipx: float
    ipy: float
    sfx: float
    sfy: float
    tw: int
    th: int
    ncols: int
    nrows: int

    def cell(self, tx, ty):
        """World (xmin, ymin, xmax, ymax) of target cell (tx, ty), as ST_MakeEnvelope gets it."""
        x0, x1 = self.ipx + tx * self.tw * self.sfx, self.ipx + (tx + 1) * self.tw * self.sfx
        y0, y1 = self.ipy + ty * self.th * self.sfy, self.ipy + (ty + 1) * self.th * self.sfy
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


CELL_BYTES = 256


def grid(xmin, ymin, xmax, ymax, sfx, sfy, tw, th):
    """The target grid PostGIS's ST_Retile lays over an extent."""
    if not sfx or not sfy or tw is None or th is None or tw < 1 or th < 1:
        raise InvalidParameterError(
            "invalid target grid for st_retile",
            detail="Scale factors must be non-zero and tile sizes positive.")
    ncols = int(round(math.ceil((xmax - xmin) / sfx / tw)))
    if sfy < 0:
        ipy = ymax
        nrows = int(round(math.ceil((ymin - ipy) / sfy / th)))
    else:
        ipy = ymin
        nrows = int(round(math.ceil((ymax - ipy) / sfy / th)))
    return Grid(xmin, ipy, sfx, sfy, tw, th, max(ncols, 0), max(nrows, 0))


def box_text(xmin, ymin, xmax, ymax):
    """A box as PostGIS prints box2d."""
    return "BOX(%.15g %.15g,%.15g %.15g)" % (xmin, ymin, xmax, ymax)


def header_bounds(h):
    """World (xmin, ymin, xmax, ymax) of a raster header without skew."""
    xs = (h.ip_x, h.ip_x + h.width * h.scale_x)
    ys = (h.ip_y, h.ip_y + h.height * h.scale_y)
    return min(xs), min(ys), max(xs), max(ys)


def overlaps(a, b):
    """True when two (xmin, ymin, xmax, ymax) boxes intersect (touching counts)."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def assign(headers, g, algo):
    """Map each target cell (tx, ty) to the keys of the source tiles it needs.

    headers: iterable of (key, RasterHeader). A tile is needed by a cell when it
    intersects the cell (which decides whether the cell exists and its extent), or lies
    within the kernel's reach of it (needed for the values only). Returns
    {(tx, ty): (touching keys, reach keys)}.
    """
    cells = {}
    assigned = 0
    ticks = Ticker()
    for key, h in headers:
        if h.skew_x or h.skew_y:
            raise UnsupportedError(
                "st_retile does not handle skewed rasters",
                detail="Source tiles must have no skew.")
        box = header_bounds(h)
        ratio = max(abs(g.sfx / h.scale_x), abs(g.sfy / h.scale_y)) if h.scale_x and h.scale_y else 1
        reach = resample.margin(algo, ratio) * max(abs(h.scale_x), abs(h.scale_y))
        wide = (box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach)
        cw, ch = abs(g.tw * g.sfx), abs(g.th * g.sfy)
        tx0 = max(int(math.floor((wide[0] - g.ipx) / cw)) if g.sfx > 0 else 0, 0)
        tx1 = min(int(math.floor((wide[2] - g.ipx) / cw)) + 1 if g.sfx > 0 else g.ncols, g.ncols)
        if g.sfy < 0:
            ty0 = max(int(math.floor((g.ipy - wide[3]) / ch)), 0)
            ty1 = min(int(math.floor((g.ipy - wide[1]) / ch)) + 1, g.nrows)
        else:
            ty0 = max(int(math.floor((wide[1] - g.ipy) / ch)), 0)
            ty1 = min(int(math.floor((wide[3] - g.ipy) / ch)) + 1, g.nrows)
        # a cell's entry (key, lists) takes about CELL_BYTES; tiny target tiles make many
        assigned += max(tx1 - tx0, 0) * max(ty1 - ty0, 0)
        limits.check_array(assigned, CELL_BYTES, "the target cells of st_retile")
        for tx in range(tx0, tx1):
            ticks.tick(max(ty1 - ty0, 0))
            for ty in range(ty0, ty1):
                touching, near = cells.setdefault((tx, ty), ([], []))
                cell = g.cell(tx, ty)
                if overlaps(box, cell):
                    touching.append(key)
                elif overlaps(wide, cell):
                    near.append(key)
    return cells


def _snap_int(value, what):
    r = round(value)
    if abs(value - r) > _EPS:
        raise UnsupportedError(
            "st_retile needs source tiles on one pixel grid",
            detail="%s is %.9g pixels, not a whole number." % (what, value))
    return int(r)


def build_tile(g, tx, ty, touching, nearby, algo):
    """The target tile of cell (tx, ty) from the WKB of the source tiles that touch it and
    of those within the kernel's reach; None when the sources leave it empty."""
    sources = [(buf, wkb.read_header(buf)) for buf in touching + nearby]
    first = sources[0][1]
    ssx, ssy = first.scale_x, first.scale_y
    for _, h in sources:
        if abs(h.scale_x - ssx) > _EPS * abs(ssx) or abs(h.scale_y - ssy) > _EPS * abs(ssy):
            raise UnsupportedError(
                "st_retile needs source tiles of one scale",
                detail="Found scales %.9g x %.9g and %.9g x %.9g." % (ssx, ssy, h.scale_x, h.scale_y))
    rx, ry = g.sfx / ssx, g.sfy / ssy
    if rx <= 0 or ry <= 0:
        raise UnsupportedError(
            "st_retile cannot flip the grid",
            detail="The target scale must have the sign of the source scale.")
    ulx = g.ipx + tx * g.tw * g.sfx
    uly = g.ipy + ty * g.th * g.sfy
    # extent: the cell, cut to the touching sources' footprints rounded out to the grid
    c0, r0, c1, r1 = g.tw, g.th, 0, 0
    for _, h in sources[:len(touching)]:
        a = (h.ip_x - ulx) / g.sfx
        b = (h.ip_x + h.width * h.scale_x - ulx) / g.sfx
        c = (h.ip_y - uly) / g.sfy
        d = (h.ip_y + h.height * h.scale_y - uly) / g.sfy
        c0, c1 = min(c0, _floor(min(a, b))), max(c1, _ceil(max(a, b)))
        r0, r1 = min(r0, _floor(min(c, d))), max(r1, _ceil(max(c, d)))
    c0, r0, c1, r1 = max(c0, 0), max(r0, 0), min(c1, g.tw), min(r1, g.th)
    if c1 <= c0 or r1 <= r0:
        return None
    width, height = c1 - c0, r1 - r0
    # the mosaic: source pixels around the tile, origin on the first source's grid
    gx, gy = first.ip_x, first.ip_y
    x0 = (ulx + c0 * g.sfx - gx) / ssx
    y0 = (uly + r0 * g.sfy - gy) / ssy
    pad = resample.margin(algo, max(rx, ry))
    mx0, my0 = int(math.floor(x0)) - pad, int(math.floor(y0)) - pad
    mx1 = int(math.ceil(x0 + width * rx)) + pad
    my1 = int(math.ceil(y0 + height * ry)) + pad
    nbands = first.num_bands
    # the mosaic (doubles and mask) and the resampled tile, per band in turn
    limits.check_array((my1 - my0) * (mx1 - mx0), 9, "the source pixels of a target tile of "
                       "%d x %d pixels" % (width, height))
    limits.check_pixels(width, height, 17, "a target tile")
    exact = algo in (resample.NEAREST, resample.MODE, resample.MIN, resample.MAX)
    bands = []
    for n in range(1, nbands + 1):
        data = np.zeros((my1 - my0, mx1 - mx0))
        valid = np.zeros(data.shape, dtype=bool)
        ref0 = None
        for buf, h in sources:
            if h.num_bands != nbands:
                raise UnsupportedError("st_retile needs source tiles with the same number of bands")
            ref = locate_band(buf, h, n)
            ref0 = ref0 or ref
            ox = _snap_int((h.ip_x - gx) / ssx, "A tile's column offset") - mx0
            oy = _snap_int((h.ip_y - gy) / ssy, "A tile's row offset") - my0
            a0, b0 = max(ox, 0), max(oy, 0)
            a1, b1 = min(ox + h.width, data.shape[1]), min(oy + h.height, data.shape[0])
            if a1 <= a0 or b1 <= b0:
                continue
            pixels = ref.window(buf, h, a0 - ox, b0 - oy, a1 - ox, b1 - oy)
            good = np.ones(pixels.shape, dtype=bool)
            if ref.has_nodata:
                good = ~_is_nodata(pixels, ref.nodata, ref.info)
            data[b0:b1, a0:a1] = _working(pixels, ref.info, exact)
            valid[b0:b1, a0:a1] = good
        values, ok = resample.resample(data, valid, x0 - mx0, y0 - my0, rx, ry, width, height, algo)
        nodata = ref0.nodata if ref0.has_nodata else ref0.info.min
        out = resample.to_pixels(values, ok, ref0.info, nodata,
                                 replace_nodata=ref0.has_nodata and not exact, via_float32=not exact)
        band = wkb.Band(ref0.info, True, False, nodata, data=out)
        bands.append(band)
    header = wkb.RasterHeader(nbands, float(g.sfx), float(g.sfy), ulx + c0 * g.sfx,
                              uly + r0 * g.sfy, 0.0, 0.0, first.srid, width, height)
    return wkb.emit_raster(wkb.Raster(header, bands))


def _floor(v):
    r = round(v)
    return int(r) if abs(v - r) <= _EPS else int(math.floor(v))


def _ceil(v):
    r = round(v)
    return int(r) if abs(v - r) <= _EPS else int(math.ceil(v))


def _is_nodata(pixels, nodata, info):
    if info.is_float and nodata != nodata:
        return np.isnan(pixels)
    return pixels == nodata


def _working(pixels, info, exact):
    """Source pixels as GDAL's resampling sees them: picked values (exact) as they are;
    for averages and kernels, bytes and 16-bit unsigned as they are, other types through
    float32 (GDAL's working type)."""
    if exact or info.name in ("1BB", "2BUI", "4BUI", "8BUI", "16BUI"):
        return pixels.astype(np.float64)
    if info.is_float and info.size == 8:
        return pixels.astype(np.float64)
    return pixels.astype(np.float32).astype(np.float64)
