"""ST_Slope, ST_Aspect, ST_HillShade, ST_TPI, ST_TRI and ST_Roughness, as PostGIS 3.3 computes
them, for a whole band at once with numpy.

PostGIS runs these as ST_MapAlgebra over a 3x3 neighbourhood with one PL/pgSQL callback per
pixel. What it computes was measured on PostGIS 3.3.2 (tests/analysis/test_terrain_*.py):

- Horn's method: dz/dx = ((c + f + f + i) - (a + d + d + g)) / (8 * pixel width), dz/dy =
  ((g + h + h + i) - (a + b + b + c)) / (8 * pixel height), the pixel letters a..i in rows
  from the top-left; pixel width and height are sqrt(scale_x^2 + skew_y^2) and
  sqrt(scale_y^2 + skew_x^2) (the sign of the scales plays no part: rows go "south").
- A NULL centre (nodata, or outside the raster for a custom extent) gives NULL. For slope,
  aspect, TPI, TRI and roughness a NULL neighbour (nodata or outside the raster) counts as
  the centre's value, so edges have values. Hillshade ignores the centre and gives NULL
  when any of the eight neighbours is NULL.
- Slope: atan(sqrt(dzdx^2 + dzdy^2) / scale), in degrees (divided by RADIANS_PER_DEGREE),
  or (sqrt(...) / scale) * 100 when units, trimmed of spaces, starts with 'PER' (any
  case). Any other units, 'RADIANS' included, give degrees.
- Aspect: from the gradients without pixel sizes; t = atan2(dy, -dx); 5pi/2 - t when
  t > pi/2 else pi/2 - t, in degrees; -1 where the surface is flat. units plays no part.
- Hillshade (ESRI's formula): zenith = (90 - altitude) * RADIANS_PER_DEGREE; azimuth
  = 360 - azimuth + 90, less 360 when >= 360, times RADIANS_PER_DEGREE; the aspect is
  atan2(dzdy, -dzdx) + 2 pi when negative; max_bright * (cos(zenith) * cos(slope) +
  sin(zenith) * sin(slope) * cos(azimuth - aspect)), below 0 gives 0. Out-of-range
  parameters are clamped (azimuth < 0 to 0, >= 360 reduced modulo 360, altitude to
  [0, 90], max_bright to [0, 255]) with a NOTICE per pixel the callback is called for,
  which is every output pixel not on the first or last row or column of the raster.
- TPI: centre - (a + d + g + b + h + c + f + i) / 8 (columns first); TRI: the sum, columns
  first, of |neighbour - centre| over 8; roughness: max - min of the nine.
- interpolate_nodata: the band first goes through ST_MapAlgebra with ST_InvDistWeight4ma
  (3x3, power 1) into the output pixel type: a NULL pixel becomes sum(v * (1 / d)) /
  sum(1 / d) over its non-NULL neighbours (d = 1 or sqrt(2), rows first), NULL when it has
  none; every pixel is then stored in that type (so an integer output rounds the DEM).
- The result has one band of pixeltype (NULL: the input band's type), its nodata value the
  input's converted to that type (when the input has none, the minimum of the input's
  pixel type, converted), values
  stored as ST_MapAlgebra stores them; the band is flagged all-nodata when every pixel is.

The arithmetic is done in doubles in PostgreSQL's order, so results are bit-identical to
PostGIS's wherever numpy and PostgreSQL call the same libm (measured: 0 ULP).
"""
import math
from typing import NamedTuple

import numpy as np

from plraster.core import limits, messages, wkb
from plraster.core.errors import DivisionByZeroError, InvalidParameterError
from plraster.core.bands import locate_band
from plraster.core.pixelconv import nodata_where, stored_values
from plraster.core.pixtypes import BY_NAME, info_for_name, to_pixel_value
from plraster.core.textformat import pg_float8
from plraster.core.ticker import Ticker
from plraster.functions.mapalgebra.extent import output_grid

RADIANS_PER_DEGREE = 0.0174532925199432957692  # PostgreSQL's radians() and degrees()

NULL_RASTER = "First argument (nband) of rastbandarg at index 0 is NULL. Assuming NULL raster"
ALL_NULL = "All input rasters are NULL. Returning NULL"
NULL_NBAND = "First argument (nband) of rastbandarg at index 0 is NULL. Assuming nband = 1"
ALL_EMPTY = "All input rasters are empty. Returning empty raster"
CUSTOM_EMPTY = "Custom extent is an empty raster. Returning empty raster"
NO_BAND = "All input rasters do not have bands at indicated indexes. Returning empty raster"

# What PostGIS's map algebra returns for an empty result: 0 x 0, scales 1 and -1, SRID 0.
EMPTY_RASTER = wkb.emit_raster(wkb.Raster(wkb.RasterHeader(0, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0,
                                                           0, 0, 0)))


class Source(NamedTuple):
    """A band ready for the neighbourhood: its raster's header, its pixel type, nodata (None:
    none), the pixels as doubles and where they are NULL (None when the band is flagged
    all-nodata: PostGIS then calls no callback)."""

    header: object
    info: object
    nodata: object
    values: object
    null: object


def _pixel_type(name):
    """The PixelTypeInfo map algebra accepts: PostGIS's exact (upper-case) names."""
    if name not in BY_NAME:
        raise InvalidParameterError("invalid pixel type: %s" % name,
                                    hint="Use one of " + ", ".join(BY_NAME) + ".")
    return info_for_name(name)


def _read(rast, nband, pixeltype, customextent):
    """The checks of PostGIS's map algebra before it computes, in its order, and the band.

    Returns (Source, pixel type info) or a finished result: None (NULL) or EMPTY_RASTER."""
    if rast is None:
        messages.notice(NULL_RASTER)
        messages.notice(ALL_NULL)
        return None
    header = wkb.read_header(rast)
    if nband is None:
        messages.notice(NULL_NBAND)
        nband = 1
    if not header.is_empty and nband < 1:
        raise InvalidParameterError(
            "band number provided for rastbandarg at index 0 must be greater than zero (1-based)")
    info = None if pixeltype is None else _pixel_type(pixeltype)
    if header.is_empty:
        messages.notice(ALL_EMPTY)
        return EMPTY_RASTER
    if customextent is not None and wkb.read_header(customextent).is_empty:
        messages.notice(CUSTOM_EMPTY)
        return EMPTY_RASTER
    band = locate_band(rast, header, nband)
    if band is None:
        messages.notice(NO_BAND)
        return EMPTY_RASTER
    nodata = band.nodata if band.has_nodata else None
    if band.is_nodata:
        return Source(header, band.info, nodata, None, None), info or band.info
    limits.check_pixels(header.width, header.height, 24, "the terrain analysis of a band")
    values = band.array(rast, header).astype(np.float64)
    null = nodata_where(values, nodata) if nodata is not None else np.zeros(values.shape, bool)
    return Source(header, band.info, nodata, values, null), info or band.info


def _interpolated(source, info):
    """The band after PostGIS's ST_MapAlgebra(..., ST_InvDistWeight4ma, pixeltype, 'FIRST',
    NULL, 1, 1), the pass interpolate_nodata makes first: NULL pixels filled by inverse
    distance weighting of their neighbours, every pixel stored in the output pixel type."""
    nodata = to_pixel_value(info, _nodata_or_min(source))
    if source.values is None:
        return Source(source.header, info, nodata, None, None)
    values, null = _padded(source.values, source.null, 0, 0, source.header.width,
                           source.header.height)
    h, w = source.values.shape
    num = np.zeros((h, w))
    den = np.zeros((h, w))
    root2 = math.sqrt(2.0)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dx == 0 and dy == 0:
                continue
            weight = 1.0 / (root2 if dx and dy else 1.0)
            v = values[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
            ok = ~null[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
            num = np.where(ok, num + v * weight, num)
            den = np.where(ok, den + weight, den)
    with np.errstate(all="ignore"):
        filled = np.where(source.null, num / np.where(den == 0, 1.0, den), source.values)
    still_null = source.null & (den == 0)
    filled = np.where(np.isnan(filled), np.nan, filled)
    stored = stored_values(info, nodata, np.where(still_null, nodata, filled))
    stored[still_null] = nodata
    null = nodata_where(stored, nodata)
    if null.all():
        return Source(source.header, info, nodata, None, None)
    return Source(source.header, info, nodata, stored, null)


def _nodata_or_min(source):
    """The nodata value map algebra gives its result: the input band's, else the smallest
    value of the input band's pixel type (converted to the output type by the caller)."""
    return source.info.min if source.nodata is None else source.nodata


def _padded(values, null, col0, row0, width, height):
    """The doubles and NULL mask of the window [col0 - 1, col0 + width] x [row0 - 1, row0 +
    height] of a band: outside the band is NULL."""
    h, w = values.shape
    limits.check_pixels(width + 2, height + 2, 17, "the neighbourhoods of a raster")
    out = np.zeros((height + 2, width + 2))
    outnull = np.ones((height + 2, width + 2), bool)
    c0, r0 = col0 - 1, row0 - 1
    sc0, sr0 = max(c0, 0), max(r0, 0)
    sc1, sr1 = min(c0 + width + 2, w), min(r0 + height + 2, h)
    if sc1 > sc0 and sr1 > sr0:
        out[sr0 - r0:sr1 - r0, sc0 - c0:sc1 - c0] = values[sr0:sr1, sc0:sc1]
        outnull[sr0 - r0:sr1 - r0, sc0 - c0:sc1 - c0] = null[sr0:sr1, sc0:sc1]
    return out, outnull


class Neighbourhood:
    """The nine 3x3 neighbours of every output pixel as (height, width) views, rows first
    (a b c / d e f / g h i), and their NULL masks."""

    def __init__(self, values, null, width, height):
        self.values, self.null, self.width, self.height = values, null, width, height

    def value(self, dy, dx):
        """The neighbour at row offset dy, column offset dx of every pixel."""
        return self.values[1 + dy:1 + dy + self.height, 1 + dx:1 + dx + self.width]

    def is_null(self, dy, dx):
        """Where that neighbour is NULL."""
        return self.null[1 + dy:1 + dy + self.height, 1 + dx:1 + dx + self.width]

    def filled(self):
        """The nine neighbours as a dict 'a'..'i', NULL neighbours replaced by the centre."""
        centre = self.value(0, 0)
        out = {}
        for name, (dy, dx) in _LETTERS.items():
            v = self.value(dy, dx)
            out[name] = centre if name == "e" else np.where(self.is_null(dy, dx), centre, v)
        return out


_LETTERS = {"a": (-1, -1), "b": (-1, 0), "c": (-1, 1), "d": (0, -1), "e": (0, 0),
            "f": (0, 1), "g": (1, -1), "h": (1, 0), "i": (1, 1)}


def _horn(n):
    """Horn's two numerators (east - west, south - north) of letters n, PostGIS's order."""
    a, b, c, d, f, g, h, i = (n[k] for k in "abcdfghi")
    return ((c + f + f + i) - (a + d + d + g)), ((g + h + h + i) - (a + b + b + c))


def _pixel_size(header):
    return (math.sqrt(header.scale_x * header.scale_x + header.skew_y * header.skew_y),
            math.sqrt(header.scale_y * header.scale_y + header.skew_x * header.skew_x))


def _run(rast, nband, customextent, pixeltype, interpolate_nodata, compute, notices=None):
    """Map algebra over a 3x3 neighbourhood as PostGIS runs these functions: the checks,
    the optional interpolation pass, the output grid (the custom extent's, if any) and the
    output band. compute(neighbourhood, source) returns (values, NULL mask) for the output
    pixels; notices(count) emits the per-call NOTICEs of the callbacks."""
    if interpolate_nodata:
        # ST_MapAlgebra with ST_InvDistWeight4ma first, into pixeltype, then the function
        first = _read(rast, nband, pixeltype, None)
        if first is None:
            return _read(None, None, None, None)
        if isinstance(first, bytes):  # an empty raster goes on to the second pass
            messages.notice(ALL_EMPTY)
            return EMPTY_RASTER
        source = _interpolated(*first)
        info = source.info
        if customextent is not None and wkb.read_header(customextent).is_empty:
            messages.notice(CUSTOM_EMPTY)
            return EMPTY_RASTER
    else:
        read = _read(rast, nband, pixeltype, customextent)
        if read is None or isinstance(read, bytes):
            return read
        source, info = read
    header = source.header
    grid = output_grid([header], "CUSTOM",
                       wkb.read_header(customextent) if customextent is not None else header)
    out_header = grid.header
    col0, row0 = grid.offsets[0]
    width, height = out_header.width, out_header.height
    nodata = to_pixel_value(info, _nodata_or_min(source))
    if source.values is None:
        values = np.full((height, width), float(nodata))
        return _emit(out_header, info, nodata, values, True)
    if notices is not None:
        notices(_callback_count(header, col0, row0, width, height))
    padded, padnull = _padded(source.values, source.null, col0, row0, width, height)
    result, null = compute(Neighbourhood(padded, padnull, width, height), source)
    # PostGIS stores a NaN result as the positive quiet NaN (x86 makes inf - inf negative)
    result = np.where(np.isnan(result), np.nan, result)
    stored = stored_values(info, nodata, np.where(null, nodata, result))
    stored[null] = nodata
    return _emit(out_header, info, nodata, stored, bool(nodata_where(stored, nodata).all()))


def _callback_count(header, col0, row0, width, height):
    """How many output pixels PostGIS's hillshade callback runs its checks for: those not
    on the first or last column or row of the raster (outside it included)."""
    cols = np.arange(col0, col0 + width)
    rows = np.arange(row0, row0 + height)
    ncols = int(((cols != 0) & (cols != header.width - 1)).sum())
    nrows = int(((rows != 0) & (rows != header.height - 1)).sum())
    return ncols * nrows


def _emit(header, info, nodata, values, all_nodata):
    band = wkb.Band(info, True, all_nodata, nodata, values.astype(info.dtype))
    limits.check_value_bytes(61 + values.size * info.size, "the result raster")
    return wkb.emit_raster(wkb.Raster(header.replace(num_bands=1), [band]))


def _centre_null(hood):
    return hood.is_null(0, 0)


def _check_divisor(scale, null):
    """PostgreSQL's float division raises on a zero divisor where a pixel is computed."""
    if scale is not None and scale == 0 and not null.all():
        raise DivisionByZeroError("division by zero")


def slope(rast, nband=1, customextent=None, pixeltype="32BF", units="DEGREES", scale=1.0,
          interpolate_nodata=False):
    """ST_Slope(rast, nband, customextent, pixeltype, units, scale, interpolate_nodata)."""
    percent = units is not None and units.strip(" ")[:3].upper() == "PER"

    def compute(hood, source):
        null = _centre_null(hood)
        if scale is None:
            return np.zeros(null.shape), np.ones(null.shape, bool)
        _check_divisor(scale, null)
        xres, yres = _pixel_size(source.header)
        ew, sn = _horn(hood.filled())
        with np.errstate(all="ignore"):
            dzdx = ew / (8 * xres)
            dzdy = sn / (8 * yres)
            rise = np.sqrt(dzdx * dzdx + dzdy * dzdy) / scale
            out = rise * 100 if percent else np.arctan(rise) / RADIANS_PER_DEGREE
        return out, null

    return _run(rast, nband, customextent, pixeltype, interpolate_nodata, compute)


def aspect(rast, nband=1, customextent=None, pixeltype="32BF", units="DEGREES",
           interpolate_nodata=False):
    """ST_Aspect(rast, nband, customextent, pixeltype, units, interpolate_nodata): degrees
    clockwise from north, -1 on flat ground (units is accepted and ignored, as in PostGIS)."""

    def compute(hood, source):
        ew, sn = _horn(hood.filled())
        with np.errstate(all="ignore"):
            t = np.arctan2(sn, -ew)
            half = math.pi / 2
            out = np.where(t > half, 5 * math.pi / 2 - t, half - t) / RADIANS_PER_DEGREE
        return np.where((ew == 0) & (sn == 0), -1.0, out), _centre_null(hood)

    return _run(rast, nband, customextent, pixeltype, interpolate_nodata, compute)


def _clamped(name, value, high, notes):
    """value clamped to [0, high] (NaN counts as above, as in PostgreSQL), with PostGIS's
    NOTICE appended to notes when it was."""
    if value is None:
        return None
    if value < 0 or value > high or value != value:
        bound = 0.0 if value < 0 else high
        notes.append("Clamping provided %s value %s to %s" % (name, pg_float8(value),
                                                              pg_float8(bound)))
        return bound
    return value


def _clamped_parameters(azimuth, altitude, max_bright):
    """The hillshade parameters as PostGIS's callback clamps them (PostgreSQL's order: NaN
    above every number), and the NOTICEs it gives for each call."""
    notes = []
    if azimuth is not None:
        if azimuth < 0:
            notes.append("Clamping provided azimuth value %s to 0" % pg_float8(azimuth))
            azimuth = 0.0
        elif azimuth >= 360 or azimuth != azimuth:
            notes.append("Converting provided azimuth value %s to be between 0 and 360"
                         % pg_float8(azimuth))
            with np.errstate(all="ignore"):
                azimuth = float(np.float64(azimuth) - 360 * np.floor(np.float64(azimuth) / 360))
    altitude = _clamped("altitude", altitude, 90.0, notes)
    max_bright = _clamped("bright", max_bright, 255.0, notes)
    return azimuth, altitude, max_bright, notes


def hillshade(rast, nband=1, customextent=None, pixeltype="32BF", azimuth=315.0,
              altitude=45.0, max_bright=255.0, scale=1.0, interpolate_nodata=False):
    """ST_HillShade(rast, nband, customextent, pixeltype, azimuth, altitude, max_bright,
    scale, interpolate_nodata): illumination between 0 and max_bright."""
    azimuth, altitude, max_bright, notes = _clamped_parameters(azimuth, altitude, max_bright)

    def notices(count):
        if not notes:
            return
        ticker = Ticker(256)
        for _ in range(count):
            for note in notes:
                messages.notice(note)
            ticker.tick()

    def compute(hood, source):
        null = np.zeros((hood.height, hood.width), bool)
        for name, (dy, dx) in _LETTERS.items():
            if name != "e":
                null |= hood.is_null(dy, dx)
        if None in (azimuth, altitude, max_bright, scale):
            return np.zeros(null.shape), np.ones(null.shape, bool)
        _check_divisor(scale, null)
        xres, yres = _pixel_size(source.header)
        n = {k: hood.value(dy, dx) for k, (dy, dx) in _LETTERS.items()}
        ew, sn = _horn(n)
        zenith = (90 - altitude) * RADIANS_PER_DEGREE
        light = 360 - azimuth + 90
        light = (light - 360 if light >= 360 else light) * RADIANS_PER_DEGREE
        with np.errstate(all="ignore"):
            dzdx = ew / (8 * xres)
            dzdy = sn / (8 * yres)
            slope_rad = np.arctan(np.sqrt(dzdx * dzdx + dzdy * dzdy) / scale)
            t = np.arctan2(dzdy, -dzdx)
            aspect_rad = np.where(t < 0, 2 * math.pi + t, t)
            shade = max_bright * ((math.cos(zenith) * np.cos(slope_rad))
                                  + (math.sin(zenith) * np.sin(slope_rad)
                                     * np.cos(light - aspect_rad)))
            shade = np.where(shade < 0, 0.0, shade)
        return shade, null

    return _run(rast, nband, customextent, pixeltype, interpolate_nodata, compute, notices)


def tpi(rast, nband=1, customextent=None, pixeltype="32BF", interpolate_nodata=False):
    """ST_TPI(rast, nband, customextent, pixeltype, interpolate_nodata): the centre less the
    mean of its eight neighbours."""

    def compute(hood, source):
        n = hood.filled()
        total = n["a"] + n["d"] + n["g"] + n["b"] + n["h"] + n["c"] + n["f"] + n["i"]
        return n["e"] - total / 8, _centre_null(hood)

    return _run(rast, nband, customextent, pixeltype, interpolate_nodata, compute)


def tri(rast, nband=1, customextent=None, pixeltype="32BF", interpolate_nodata=False):
    """ST_TRI(rast, nband, customextent, pixeltype, interpolate_nodata): the mean absolute
    difference between the centre and its eight neighbours."""

    def compute(hood, source):
        n = hood.filled()
        e = n["e"]
        total = np.abs(n["a"] - e)
        for k in "dgbhcfi":
            total = total + np.abs(n[k] - e)
        return total / 8, _centre_null(hood)

    return _run(rast, nband, customextent, pixeltype, interpolate_nodata, compute)


def roughness(rast, nband=1, customextent=None, pixeltype="32BF", interpolate_nodata=False):
    """ST_Roughness(rast, nband, customextent, pixeltype, interpolate_nodata): the largest
    less the smallest value of the 3x3 neighbourhood."""

    def compute(hood, source):
        nine = np.stack(list(hood.filled().values()))
        return nine.max(axis=0) - nine.min(axis=0), _centre_null(hood)

    return _run(rast, nband, customextent, pixeltype, interpolate_nodata, compute)
