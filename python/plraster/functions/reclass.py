"""ST_Reclass: bands mapped through range expressions into a new pixel type, as PostGIS 3.3.

Each reclassarg (nband, reclassexpr, pixeltype, nodataval) replaces band nband with an
in-db band of pixeltype, in the order given (a later one sees an earlier one's result).
What PostGIS does, measured (tests/analysis/test_reclass_*.py):
- a value takes the first rule whose source range holds it; an included edge compares
  within FLT_EPSILON, an excluded one strictly; a value within FLT_EPSILON of both ends
  of a range holds it whatever the brackets;
- the new value is `((v - src_min) * (dst_max - dst_min)) / (src_max - src_min) + dst_min`
  in doubles (dst_min when the source range is narrower than FLT_EPSILON), kept between
  the destination's ends, then rounded half away from zero for an integer pixel type and
  clamped to it, and moved off the nodata value when it only reaches it by that
  conversion (as PostGIS stores any pixel: core.pixelconv.stored_values);
- when nodataval is given, values no rule holds become the new band's nodata value
  (nodataval converted as a nodata value is: truncated), and the source band's nodata
  pixels become nodataval stored as a new value is (rounded, clamped, moved off the
  nodata value: 7.7 gives 8 beside a nodata value of 7); without nodataval the new band
  has no nodata value, nodata pixels are reclassified like any value, and values no rule
  holds become 0;
- an invalid band index or expression gives PostGIS's NOTICE and the raster as it is at
  that point.
"""
import numpy as np

from plraster.core import bandbytes, messages, wkb
from plraster.core.bands import locate_band
from plraster.core.nodata import FLT_EPSILON
from plraster.core.pixelconv import stored_values, to_pixel_values
from plraster.core.errors import InvalidParameterError, UnsupportedError
from plraster.core.pixtypes import BY_NAME, to_pixel_value

from .reclassexpr import ReclassExpressionError, parse_reclass_expression

_INVALID = "Invalid argument for reclassargset. %sReturning original raster"


def _near(a, b):
    """PostGIS's FLT_EQ on arrays (a array, b scalar): equal, both NaN, or within FLT_EPSILON."""
    with np.errstate(invalid="ignore"):
        near = (a == b) | (np.abs(a - b) <= FLT_EPSILON)
    if b != b:
        near |= np.isnan(a)
    return near


def _holds(values, rule):
    """Where the source range of rule holds values (boolean array), PostGIS's edge rules.

    For finite edges `v > lo or FLT_EQ(v, lo)` is `v - lo >= -FLT_EPSILON` (a difference
    of doubles keeps the sign of the comparison), which costs one pass instead of three.
    """
    lo, hi = rule.src_min, rule.src_max
    if not (np.isfinite(lo) and np.isfinite(hi)):
        above = (values > lo) | (_near(values, lo) if rule.min_included else False)
        below = (values < hi) | (_near(values, hi) if rule.max_included else False)
        return (_near(values, lo) & _near(values, hi)) | (above & below)
    above = (values - lo >= -FLT_EPSILON) if rule.min_included else (values > lo)
    below = (values - hi <= FLT_EPSILON) if rule.max_included else (values < hi)
    held = above & below
    if abs(hi - lo) <= 4 * FLT_EPSILON:  # only then can a value be near both ends
        held |= (np.abs(values - lo) <= FLT_EPSILON) & (np.abs(values - hi) <= FLT_EPSILON)
    return held


def _round_half_away(values):
    """C's round() on an array: halves go away from zero (numpy's round goes to even)."""
    magnitude = np.abs(values)
    whole = np.floor(magnitude)
    with np.errstate(invalid="ignore"):
        whole += (magnitude - whole) >= 0.5
    return np.copysign(whole, values)


def _pixel_type(name):
    """The PixelTypeInfo of a pixel type name as ST_Reclass takes it: exactly as PostGIS
    spells it (PostGIS fails on '8bui', where ST_AddBand accepts it)."""
    if name not in BY_NAME:
        raise InvalidParameterError("invalid pixel type %r" % (name,),
                                    hint="Use one of " + ", ".join(BY_NAME) + ".")
    return BY_NAME[name]


def reclass_values(values, rules, info, nodataval, nodata_mask=None):
    """The pixels (float64 array of stored values) of a band of type info that ST_Reclass
    makes from values (float64) through rules; nodata_mask: the source's nodata pixels
    (used only when nodataval is not None)."""
    unset = np.ones(values.shape, dtype=bool)
    out = np.zeros(values.shape, dtype=np.float64)
    if nodataval is not None and nodata_mask is not None:
        unset &= ~nodata_mask
        out[nodata_mask] = nodataval
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        for rule in rules:
            if not unset.any():
                break
            hit = unset & _holds(values, rule)
            unset &= ~hit
            width = rule.src_max - rule.src_min
            if abs(width) <= FLT_EPSILON:
                np.copyto(out, rule.dst_min, where=hit)
                continue
            new = ((values - rule.src_min) * (rule.dst_max - rule.dst_min)) / width + rule.dst_min
            new = np.clip(new, min(rule.dst_min, rule.dst_max), max(rule.dst_min, rule.dst_max))
            np.copyto(out, new, where=hit)
    if not info.is_float:
        out = _round_half_away(out)
    if nodataval is None:
        return to_pixel_values(info, out)
    nodata = to_pixel_value(info, float(nodataval))
    out = stored_values(info, nodata, out)
    out[unset] = nodata
    return out


def _source_values(rast, header, raster, nband):
    """(float64 values, nodata mask or None) of band nband of the parsed raster (an out-db
    band is read through rast, the raster's original WKB)."""
    band = raster.bands[nband - 1]
    if band.is_outdb:
        data = locate_band(rast, header, nband).outdb_array(rast, header)
    else:
        data = band.data
    values = np.asarray(data, dtype=np.float64)
    mask = None
    if band.has_nodata:
        mask = _near(values, float(band.nodata))
        if band.is_nodata:
            mask = np.ones(values.shape, dtype=bool)
    return values, mask


def reclass(rast, reclassargs):
    """_ST_Reclass(rast, VARIADIC reclassargset): the raster with each reclassarg applied."""
    if rast is None:
        return None
    rast = bandbytes.little_endian(rast)
    if not reclassargs:
        messages.notice(_INVALID % "")
        return rast
    header = wkb.read_header(rast)
    raster = None

    def current():
        return rast if raster is None else wkb.emit_raster(raster)

    for index, arg in enumerate(reclassargs):
        nband = arg["nband"]
        if nband is None or nband < 1 or nband > header.num_bands:
            messages.notice(_INVALID % ("Invalid band index (must use 1-based) for "
                                        "reclassarg of index %d . " % index))
            return current()
        try:
            rules = parse_reclass_expression(arg["reclassexpr"] or "")
        except ReclassExpressionError:
            messages.notice(_INVALID % ("Invalid expression of reclassexpr for "
                                        "reclassarg of index %d . " % index))
            return current()
        info = _pixel_type(arg["pixeltype"])
        if raster is None:
            raster = wkb.parse_raster(rast, notice_trailing=False)
        values, mask = _source_values(rast, header, raster, nband)
        nodataval = arg["nodataval"]
        pixels = reclass_values(values, rules, info, nodataval, mask)
        has_nodata = nodataval is not None
        raster.bands[nband - 1] = wkb.Band(
            info, has_nodata, False,
            to_pixel_value(info, float(nodataval)) if has_nodata else 0,
            pixels.astype(info.dtype.newbyteorder("<")))
    return current()


# ---- ST_Grayscale -------------------------------------------------------------------------

_GRAY_NODATA = 255


def _pg_float_text(value):
    """A double as PostgreSQL's float8 output writes it (shortest form, no '.0')."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _as_8bui(rast, header, raster, nband):
    """(float64 pixels, nodata mask or None, nodata value or None) of band nband as
    ST_Grayscale sees it: an 8BUI band as it is, any other band reclassified to 8BUI over
    its [min-max] first (nodata to 255 and the values to 0-254 when it has nodata, to
    0-255 otherwise), with the expression PostGIS's PL/pgSQL writes."""
    band = raster.bands[nband - 1]
    values, mask = _source_values(rast, header, raster, nband)
    if band.pixtype.name == "8BUI":
        return values, mask, (float(band.nodata) if band.has_nodata else None)
    valid = values[~mask] if mask is not None else values.ravel()
    low, high = (_pg_float_text(valid.min()), _pg_float_text(valid.max())) if valid.size else ("", "")
    if band.has_nodata:
        nd = _pg_float_text(band.nodata)
        expression = "[%s-%s]:%d-%d,[%s-%s]:0-%d" % (nd, nd, _GRAY_NODATA, _GRAY_NODATA,
                                                     low, high, _GRAY_NODATA - 1)
        nodataval = _GRAY_NODATA
    else:
        expression = "[%s-%s]:0-%d" % (low, high, _GRAY_NODATA)
        nodataval = None
    try:
        rules = parse_reclass_expression(expression)
    except ReclassExpressionError:
        raise InvalidParameterError("band %d cannot be scaled to 8BUI" % nband,
                                    detail="Its values give the reclass expression %r." % expression) from None
    info = BY_NAME["8BUI"]
    pixels = reclass_values(values, rules, info, nodataval, mask)
    new_mask = pixels == nodataval if nodataval is not None else None
    return pixels, new_mask, (float(nodataval) if nodataval is not None else None)


def grayscale(rast, redband=1, greenband=2, blueband=3, extenttype="INTERSECTION"):
    """ST_Grayscale(rast, redband, greenband, blueband, extenttype): one 8BUI band,
    round(0.2989 red + 0.5870 green + 0.1140 blue) (PostgreSQL's round: half to even),
    nodata where any of the three is nodata. One raster gives one grid whatever the
    extenttype, so the map-algebra extent logic is not needed here."""
    if rast is None:  # PostGIS's map algebra says so, three times, then returns NULL
        for index in range(3):
            messages.notice("First argument (nband) of rastbandarg at index %d is NULL. "
                            "Assuming NULL raster" % index)
        messages.notice("All input rasters are NULL. Returning NULL")
        return None
    rast = bandbytes.little_endian(rast)
    header = wkb.read_header(rast)
    for position, nband in enumerate((redband, greenband, blueband), 1):
        if nband is None or nband < 1 or nband > header.num_bands:
            raise InvalidParameterError("Band at index '%s' not found for raster '%d'"
                                        % (nband, position))
    raster = wkb.parse_raster(rast, notice_trailing=False)
    channels = [_as_8bui(rast, header, raster, n) for n in (redband, greenband, blueband)]
    red, green, blue = (c[0] for c in channels)
    gray = np.rint(0.2989 * red + 0.5870 * green + 0.1140 * blue)
    missing = np.zeros(gray.shape, dtype=bool)
    for _, mask, _ in channels:
        if mask is not None:
            missing |= mask
    nodata = next((c[2] for c in channels if c[2] is not None), 0.0)
    gray[missing] = nodata
    info = BY_NAME["8BUI"]
    out = wkb.Raster(header.replace(num_bands=1), [wkb.Band(
        info, True, False, nodata, to_pixel_values(info, gray).astype(np.uint8))])
    return wkb.emit_raster(out)


def grayscale_of_rasters(red, redband, green, greenband, blue, blueband, extenttype="INTERSECTION"):
    """ST_Grayscale(rastbandarg[]) after its checks: the bands must be of one raster."""
    if red != green or red != blue:
        raise UnsupportedError(
            "st_grayscale of bands of several rasters is not supported yet",
            detail="Only three bands of one raster can be combined until map algebra's "
                   "extent logic is merged.")
    return grayscale(red, redband, greenband, blueband, extenttype)
