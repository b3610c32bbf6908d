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
from plraster.core.errors import InvalidParameterError
from plraster.core.pixtypes import BY_NAME, to_pixel_value

from .mapalgebra import extent
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


def _input_notices(rasters, nbands):
    """PostGIS's map algebra NOTICEs for ST_Grayscale's inputs, in order: a NULL raster, a
    NULL band number; the band numbers to use, or None when every raster is NULL (after the
    NOTICE that says so). A NULL band number stays None: PostGIS's PL/pgSQL then skips the
    scaling to 8BUI and map algebra reads band 1's values as they are."""
    used = []
    for index, (rast, nband) in enumerate(zip(rasters, nbands)):
        if rast is None:
            messages.notice("First argument (nband) of rastbandarg at index %d is NULL. "
                            "Assuming NULL raster" % index)
        elif nband is None:
            messages.notice("First argument (nband) of rastbandarg at index %d is NULL. "
                            "Assuming nband = 1" % index)
        used.append(nband)
    if all(r is None for r in rasters):
        messages.notice("All input rasters are NULL. Returning NULL")
        return None
    return used


def _gray(channels, shape):
    """round(0.2989 red + 0.5870 green + 0.1140 blue) (PostgreSQL's round: half to even)
    of three (values, missing mask) channels, and the union of their masks."""
    (red, _), (green, _), (blue, _) = channels
    gray = np.rint(0.2989 * red + 0.5870 * green + 0.1140 * blue)
    missing = np.zeros(shape, dtype=bool)
    for _, mask in channels:
        if mask is not None:
            missing |= mask
    return gray, missing


def _gray_raster(header, gray, missing, nodata):
    info = BY_NAME["8BUI"]
    gray[missing] = nodata
    # map algebra flags a band whose every pixel is nodata
    out = wkb.Raster(header.replace(num_bands=1), [wkb.Band(
        info, True, bool(missing.all()), nodata, to_pixel_values(info, gray).astype(np.uint8))])
    return wkb.emit_raster(out)


def grayscale(rast, redband=1, greenband=2, blueband=3, extenttype="INTERSECTION"):
    """ST_Grayscale(rast, redband, greenband, blueband, extenttype): one 8BUI band,
    round(0.2989 red + 0.5870 green + 0.1140 blue), nodata where any of the three is
    nodata. One raster gives one grid whatever the extenttype."""
    if rast is None:
        _input_notices([None] * 3, [None] * 3)
        return None
    return _grayscale([rast] * 3, (redband, greenband, blueband), extenttype)


def grayscale_of_rasters(red, redband, green, greenband, blue, blueband, extenttype="INTERSECTION"):
    """ST_Grayscale(rastbandarg[]) after its checks: the three bands, of one raster or of
    several aligned ones, on the grid map algebra gives them for extenttype (a pixel outside
    one of the rasters, or nodata in one, is nodata)."""
    rasters = [red, green, blue]
    nbands = _input_notices(rasters, (redband, greenband, blueband))
    if nbands is None:
        return None
    return _grayscale(rasters, nbands, extenttype)


def _grayscale(rasters, nbands, extenttype):
    bufs = [None if r is None else bandbytes.little_endian(r) for r in rasters]
    headers = [None if b is None else wkb.read_header(b) for b in bufs]
    channels, nodatas = [], []  # nodatas: each position's 8BUI nodata (None: none or no raster)
    for position, (buf, header, nband) in enumerate(zip(bufs, headers, nbands), 1):
        if buf is None:
            channels.append(None)
            nodatas.append(None)
            continue
        raster = wkb.parse_raster(buf, notice_trailing=False)
        if nband is None and header.num_bands >= 1:
            values, mask = _source_values(buf, header, raster, 1)
            band = raster.bands[0]
            channels.append((values, mask))
            nodatas.append(float(band.nodata) if band.has_nodata else None)
            continue
        if nband is None or nband < 1 or nband > header.num_bands:
            raise InvalidParameterError("Band at index '%s' not found for raster '%d'"
                                        % (nband, position))
        values, mask, nodata = _as_8bui(buf, header, raster, nband)
        channels.append((values, mask))
        nodatas.append(nodata)
    if all(b == bufs[0] for b in bufs):
        nodata = next((n for n in nodatas if n is not None), 0.0)
        gray, missing = _gray(channels, channels[0][0].shape)
        return _gray_raster(headers[0], gray, missing, nodata)
    kind = extent.extent_type(extenttype)
    # map algebra's output nodata: that of the band SECOND or LAST names, else the first
    # present band's (callbacks.reference_band), 0 when that band has none
    reference = {"SECOND": 1, "LAST": 2}.get(kind)
    if reference is None or channels[reference] is None:
        reference = next(i for i, c in enumerate(channels) if c is not None)
    nodata = 0.0 if nodatas[reference] is None else nodatas[reference]
    grid = extent.output_grid(headers, kind)
    if grid is None:
        return None
    if grid.is_empty:
        return wkb.emit_header(grid.header, 0)
    shape = (grid.header.height, grid.header.width)
    placed = [_place(c, o, shape) for c, o in zip(channels, grid.offsets)]
    gray, missing = _gray(placed, shape)
    return _gray_raster(grid.header, gray, missing, nodata)


def _place(channel, offset, shape):
    """(values, missing) of one channel over the output grid: pixels outside its raster
    (or of a NULL raster) are missing."""
    values, missing = np.zeros(shape), np.ones(shape, dtype=bool)
    if channel is None or offset is None:
        return values, missing
    src, mask = channel
    col0, row0 = offset
    h, w = src.shape
    r0, c0 = max(0, -row0), max(0, -col0)
    r1, c1 = min(shape[0], h - row0), min(shape[1], w - col0)
    if r1 > r0 and c1 > c0:
        window = (slice(r0 + row0, r1 + row0), slice(c0 + col0, c1 + col0))
        values[r0:r1, c0:c1] = src[window]
        missing[r0:r1, c0:c1] = False if mask is None else mask[window]
    return values, missing
