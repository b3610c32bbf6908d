"""ST_AsRaster: a geometry burnt into a new raster, as PostGIS 3.3 makes it.

The grid (measured on PostGIS): the geometry's envelope, grown by half a pixel on every side
for points and lines; with scales, the size is the envelope's in pixels rounded to the
nearest (at least 1) and the upper-left corner is the envelope's (the lower edge's when the
y scale is positive); with a width and height, the scales are the envelope's size divided
by them (x positive, y negative); an upper-left corner given is used as it is; a grid
point (gridx, gridy) moves the corner onto that grid, adding a pixel on an axis where it
moved (with a width and height, the scales stretch instead to the moved corner). Every band starts as its nodata value (which it has) and the geometry's pixels,
as GDAL's rasterizer burns them (ALL_TOUCHED with `touched`), get the band's value.
"""
import numpy as np

from plraster.core import georef, limits, messages, wkb
from plraster.core.errors import InvalidParameterError, UnsupportedError
from plraster.core.pixtypes import info_for_name, to_pixel_value
from plraster.functions import gdalmem, rasterize


def _pick(values, i, default):
    if not values:
        return default
    v = values[min(i, len(values) - 1)]
    return default if v is None else v


def as_raster(geom, scalex=None, scaley=None, width=None, height=None, pixeltype=None,
              value=None, nodataval=None, upperleftx=None, upperlefty=None, gridx=None,
              gridy=None, skewx=0.0, skewy=0.0, touched=False):
    """_ST_AsRaster: the one form every ST_AsRaster form calls (see the module's docstring)."""
    if geom is None:
        return None
    skewx, skewy = skewx or 0.0, skewy or 0.0
    if (skewx or skewy) and gridx is not None and gridy is not None and upperleftx is None:
        raise UnsupportedError("st_asraster with a skew and a grid point is not supported",
                               hint="Give the upper-left corner instead of gridx and gridy.")
    raw = rasterize.ewkb_bytes(geom)
    srid = rasterize.ewkb_srid(raw)
    g = rasterize.ogr_geometry(raw)
    if g.IsEmpty():
        return wkb.emit_header(wkb.RasterHeader(0, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0, 0, 0), 0)
    pixeltype = list(pixeltype or ["8BUI"])
    value, nodataval = list(value or []), list(nodataval or [])
    counts = (len(pixeltype), len(value), len(nodataval))
    if len(set(counts)) > 1:
        n = min(counts)
        messages.notice("Imbalanced number of values provided for pixeltype (%d), value (%d) "
                        "and nodataval (%d).  Using the first %d values of each parameter"
                        % (counts + (n,)))
        pixeltype, value, nodataval = pixeltype[:n], value[:n], nodataval[:n]
    infos = [info_for_name(p) for p in pixeltype]
    minx, maxx, miny, maxy = g.GetEnvelope()
    pointlike = rasterize.is_pointlike(g)
    if scalex and scaley:
        ax, ay = abs(scalex), abs(scaley)
        if pointlike:
            minx, maxx, miny, maxy = minx - ax / 2, maxx + ax / 2, miny - ay / 2, maxy + ay / 2
        sx, sy = scalex, scaley
        dimx = max(int((maxx - minx + ax / 2) / ax), 1)
        dimy = max(int((maxy - miny + ay / 2) / ay), 1)
    elif width and height:
        dimx, dimy = width, height
        sx, sy = (maxx - minx) / width, -(maxy - miny) / height
        if sx == 0 or sy == 0:
            raise InvalidParameterError("the geometry's envelope has no width or height")
    else:
        raise InvalidParameterError("st_asraster needs scales or a width and a height")
    if upperleftx is not None and upperlefty is not None:
        ulx, uly = upperleftx, upperlefty
    elif gridx is not None and gridy is not None:
        grid = wkb.RasterHeader(0, sx, sy, gridx, gridy, 0.0, 0.0, srid, 1, 1)
        c0, r0, gdimx, gdimy = rasterize.envelope_window_of(
            (minx, maxx, miny, maxy), False, grid)
        ulx, uly = gridx + c0 * sx, gridy + r0 * sy
        if scalex and scaley:
            dimx, dimy = gdimx, gdimy
        else:
            # a width and height are kept: the scales stretch to the snapped corner
            sx, sy = (maxx - ulx) / dimx, -(uly - miny) / dimy
    else:
        ulx = minx if sx > 0 else minx + dimx * abs(sx)
        uly = maxy if sy < 0 else maxy - dimy * sy
    if skewx or skewy:
        # PostGIS 3.3 searches for a covering grid and often fails ("Could not run covers
        # test") or searches until statement_timeout; where it answers, its grid is this one
        # or one that does not cover the geometry (tests/analysis/test_clip_asraster.py)
        given = (upperleftx, upperlefty) if upperleftx is not None and upperlefty is not None else None
        ulx, uly, cover_x, cover_y = georef.skewed_cover((minx, maxx, miny, maxy), sx, sy,
                                                         skewx, skewy, given)
        if scalex and scaley:  # a width and height asked for are kept
            dimx, dimy = cover_x, cover_y
    limits.check_pixels(dimx, dimy, 8 * len(infos), "the raster of the geometry")
    header = wkb.RasterHeader(len(infos), sx, sy, ulx, uly, skewx, skewy, srid, dimx, dimy)
    mask = rasterize.burn(g, header.geotransform, dimx, dimy, bool(touched))
    parts = [wkb.emit_header(header)]
    for i, info in enumerate(infos):
        nodata = to_pixel_value(info, _pick(nodataval, i, 0.0))
        # PostGIS burns every band in a GDAL dataset of the first band's type: the value
        # and the nodata fill pass through that type first
        fill, burn = _through_gdal(infos[0], info, [_pick(nodataval, i, 0.0), _pick(value, i, 1.0)])
        dtype = info.dtype.newbyteorder("<")
        pixels = np.full((dimy, dimx), fill, dtype=dtype)
        pixels[mask] = burn
        parts.append(bytes((int(info.code) | wkb.FLAG_HASNODATA,)))
        parts.append(np.array(nodata).astype(dtype).tobytes())
        parts.append(pixels.tobytes())
    return b"".join(parts)


def _through_gdal(first, info, values):
    """values (doubles) written into a GDAL band of first's type, read back as info's type,
    as GDAL converts them (rounded to the nearest and clamped for integer types)."""
    if first.name == "8BSI":  # GDAL burns a signed byte band with its sign
        first = info_for_name("16BSI")
    ds = gdalmem.mem_driver().Create("", len(values), 1, 1, gdalmem.gdal_type(first))
    band = ds.GetRasterBand(1)
    band.WriteArray(np.array([values], dtype=np.float64))
    out = band.ReadAsArray().astype(np.float64)
    return [to_pixel_value(info, v) for v in out[0].tolist()]
