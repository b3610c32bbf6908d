"""Pixel values: ST_Value, ST_SetValue(s), ST_DumpValues, ST_PixelOfValue, ST_Neighborhood,
ST_NearestValue, with PostGIS 3.3's value conversion and soft failures.

Band access (locating a band, reading and converting one pixel) is `plraster.core.bands`.
"""
import math

from plraster.core.lazynumpy import np

from plraster.core import limits, messages, wkb
from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.nodata import FLT_EPSILON, is_nodata_value as values_equal
from plraster.core.ticker import Ticker
from plraster.core.bands import (as_little_endian, corrected_pixel_value, locate_band,
                                  materialise_band, patch_pixel, read_pixel)


# ---------------------------------------------------------------- ST_Value

def _wrap_int32(n):
    return (n + 2**31) % 2**32 - 2**31


def value(buf, nband, x, y, exclude_nodata_value=True):
    """ST_Value(rast, band, x, y, exclude_nodata_value): 1-based pixel value, or NULL."""
    if nband < 1:
        raise SoftFailure("Invalid band index (must use 1-based). Returning NULL")
    header = wkb.read_header(buf)
    band = locate_band(buf, header, nband)
    if band is None:
        raise SoftFailure("Could not find raster band of index %d when getting pixel value. "
                          "Returning NULL" % nband)
    col, row = x - 1, y - 1
    if not (0 <= col < header.width and 0 <= row < header.height):
        # PostGIS subtracts 1 in C int arithmetic, so -2147483648 - 1 wraps around.
        messages.notice("Attempting to get pixel value with out of range raster coordinates: "
                        "(%d, %d)" % (_wrap_int32(col), _wrap_int32(row)))
        return None
    val, nodata = read_pixel(buf, header, band, col, row)
    if nodata and exclude_nodata_value:
        return None
    return float(val)


def inverse_geotransform(header):
    """GDAL's GDALInvGeoTransform of the raster's geotransform (same arithmetic, so the same
    doubles); raises when the geotransform is singular."""
    g0, g1, g2, g3, g4, g5 = header.geotransform
    if g2 == 0.0 and g4 == 0.0 and g1 != 0.0 and g5 != 0.0:
        return (-g0 / g1, 1.0 / g1, 0.0, -g3 / g5, 0.0, 1.0 / g5)
    det = g1 * g5 - g2 * g4
    magnitude = max(abs(g1), abs(g2), abs(g4), abs(g5))
    if abs(det) <= 1e-10 * magnitude * magnitude:
        raise InvalidParameterError(
            "could not compute the inverse geotransform of the raster",
            detail="The raster's scale and skew give a singular geotransform.")
    inv = 1.0 / det
    return ((g2 * g3 - g0 * g5) * inv, g5 * inv, -g2 * inv,
            (-g1 * g3 + g0 * g4) * inv, -g4 * inv, g1 * inv)


def world_to_raster_float(header, x, y):
    """Fractional 0-based (col, row) of world (x, y), as GDALApplyGeoTransform computes it."""
    i = inverse_geotransform(header)
    return i[0] + x * i[1] + y * i[2], i[3] + x * i[4] + y * i[5]


def _round_half_away(v):
    return math.floor(v + 0.5) if v > 0.0 else math.ceil(v - 0.5)


def world_to_cell(header, x, y):
    """0-based cell of world (x, y) as PostGIS's rt_raster_geopoint_to_cell finds it: values
    within FLT_EPSILON of an integer snap to it, others are floored."""
    fx, fy = world_to_raster_float(header, x, y)
    out = []
    for v in (fx, fy):
        r = _round_half_away(v)
        out.append(int(r) if values_equal(r, v) else int(math.floor(v)))
    return out[0], out[1]


def value_at_point(buf, nband, point, exclude_nodata_value=True, resample="nearest"):
    """ST_Value(rast, band, pt, exclude_nodata_value, resample)."""
    from plraster.functions.pixelgeoms import parse_point_or_none
    if resample is None:
        return None
    header = wkb.read_header(buf)
    x, y, srid = parse_point_or_none(point, "Attempting to get the value of a pixel with a "
                                            "non-point geometry")
    if srid != header.srid:
        raise InvalidParameterError("raster and geometry do not have the same srid",
                                    detail="The raster's SRID is %d, the point's %d."
                                    % (header.srid, srid))
    method = resample.lower()
    if method not in ("nearest", "bilinear"):
        raise InvalidParameterError("unknown resample type '%s' requested" % resample,
                                    hint="Use 'nearest' or 'bilinear'.")
    band = locate_band(buf, header, nband)
    if band is None:
        raise InvalidParameterError(
            "could not find raster band of index %d when getting pixel value" % nband)
    fx, fy = world_to_raster_float(header, x, y)
    col, row = int(math.floor(fx)), int(math.floor(fy))
    if not (0 <= col < header.width and 0 <= row < header.height):
        messages.notice("Attempting to get pixel value with out of range raster coordinates: "
                        "(%d, %d)" % (col, row))
        return None
    if method == "bilinear":
        return bilinear(buf, header, band, fx, fy, col, row, exclude_nodata_value)
    val, nodata = read_pixel(buf, header, band, col, row)
    if nodata and exclude_nodata_value:
        return None
    return float(val)


def bilinear(buf, header, band, fx, fy, col, row, exclude_nodata_value):
    """The bilinear value at fractional pixel (fx, fy), inside cell (col, row), as PostGIS
    3.3 computes it, to the bit (measured on PostGIS, see tests/outdb/test_outdb_bilinear.py).

    PostGIS needs a nodata value (an error without one). The 2 x 2 pixels whose centres
    surround the point are read; a neighbour that is nodata or off the raster takes the
    value of the point's own pixel (col, row); when that pixel is nodata the result is
    nodata (NULL, or the nodata value when exclude_nodata_value is false). With
    dx = fx - (x0 + 0.5) and weights (1 - dx, dx), likewise in y, the value is the left-to-
    right sum (q00*ax0)*by0 + (q10*by0)*ax1 + (q01*ax0)*by1 + (q11*ax1)*by1: the upper
    right term multiplies by its y weight first, and the last bit depends on all of this.
    """
    if not band.has_nodata:
        raise InvalidParameterError("band has no nodata value",
                                    detail="PostGIS 3.3 needs a nodata value for bilinear "
                                           "resampling, and so does plraster.")
    x0 = col - 1 if fx < col + 0.5 else col
    y0 = row - 1 if fy < row + 0.5 else row
    if band.is_outdb and not band.is_nodata:
        band.prefetch(buf, header, x0, y0, x0 + 2, y0 + 2)
    centre, centre_nodata = read_pixel(buf, header, band, col, row)
    if centre_nodata:
        return None if exclude_nodata_value else float(band.nodata)
    q = []
    for c, r in ((x0, y0), (x0 + 1, y0), (x0, y0 + 1), (x0 + 1, y0 + 1)):
        if c == col and r == row:
            q.append(float(centre))
            continue
        if 0 <= c < header.width and 0 <= r < header.height:
            v, nodata = read_pixel(buf, header, band, c, r)
            q.append(float(centre if nodata else v))
        else:
            q.append(float(centre))
    dx = fx - (x0 + 0.5)
    dy = fy - (y0 + 0.5)
    ax0, ax1, by0, by1 = 1.0 - dx, dx, 1.0 - dy, dy
    return q[0] * ax0 * by0 + q[1] * by0 * ax1 + q[2] * ax0 * by1 + q[3] * ax1 * by1


# ---------------------------------------------------------------- ST_SetValue(s)

def set_value(buf, nband, x, y, newvalue):
    """ST_SetValue(rast, band, x, y, newvalue): a copy with one pixel changed; a NULL value
    sets nodata. Soft failures give a NOTICE and the raster unchanged."""
    if buf is None:
        return None
    header = wkb.read_header(buf)
    if nband is None or nband < 1:
        messages.notice("Invalid band index (must use 1-based). Value not set. "
                        "Returning original raster")
        return buf
    if x is None:
        messages.notice("X coordinate can not be NULL when setting pixel value. Value not set. "
                        "Returning original raster")
        return buf
    if y is None:
        messages.notice("Y coordinate can not be NULL when setting pixel value. Value not set. "
                        "Returning original raster")
        return buf
    band = locate_band(buf, header, nband)
    if band is None:
        messages.notice("Could not find raster band of index %d when setting pixel value. "
                        "Value not set. Returning original raster" % nband)
        return buf
    if newvalue is None and not band.has_nodata:
        messages.notice("Raster do not have a nodata value defined. Set band nodata value "
                        "first. Nodata value not set. Returning original raster")
        return buf
    if band.is_outdb:
        buf, header = materialise_band(buf, header, nband)
    col, row = x - 1, y - 1
    if not (0 <= col < header.width and 0 <= row < header.height):
        raise InvalidParameterError("pixel coordinates (%d, %d) are outside the raster" % (x, y),
                                    detail="The raster is %d x %d pixels."
                                    % (header.width, header.height))
    buf, header = as_little_endian(buf, header)
    band = locate_band(buf, header, nband)
    out = bytearray(buf)
    pv = band.nodata if newvalue is None else corrected_pixel_value(band, newvalue)
    patch_pixel(out, header, band, col, row, pv)
    return bytes(out)


def _dims(arr):
    """Number of dimensions of a nested list from PL/Python (0 for an empty array)."""
    d = 0
    while isinstance(arr, list):
        if not arr:
            return 0 if d == 0 else d
        d += 1
        arr = arr[0]
    return d


def set_values(buf, nband, x, y, newvalueset, noset=None, hasnosetvalue=False,
               nosetvalue=None, keepnodata=False):
    """_ST_SetValues: write a 1-D or 2-D array of values with its upper-left at 1-based
    (x, y); NULL elements set nodata; noset flags, a nosetvalue and keepnodata skip pixels."""
    if buf is None:
        return None
    header = wkb.read_header(buf)
    keep = "  Returning original raster"
    if nband is None:
        messages.notice("Band index cannot be NULL.  Value must be 1-based." + keep)
        return buf
    band = locate_band(buf, header, nband)
    if band is None:
        messages.notice("Band index is invalid.  Value must be 1-based." + keep)
        return buf
    if x is None:
        messages.notice("X cannot be NULL.  Value must be 1-based." + keep)
        return buf
    if x < 1 or x > header.width:
        messages.notice("X is invalid.  Value must be 1-based." + keep)
        return buf
    if y is None:
        messages.notice("Y cannot be NULL.  Value must be 1-based." + keep)
        return buf
    if y < 1 or y > header.height:
        messages.notice("Y is invalid.  Value must be 1-based." + keep)
        return buf
    if newvalueset is None:
        messages.notice("No values to set." + keep)
        return buf
    ndims = _dims(newvalueset)
    if ndims not in (1, 2):
        messages.notice("New values array must be of 1 or 2 dimensions." + keep)
        return buf
    rows = [newvalueset] if ndims == 1 else newvalueset
    flags = None
    if noset is not None and not hasnosetvalue:
        nd = _dims(noset)
        if nd not in (1, 2):
            messages.notice("Noset flags array must be of 1 or 2 dimensions." + keep)
            return buf
        flags = [noset] if nd == 1 else noset
    if band.is_outdb:
        buf, header = materialise_band(buf, header, nband)
    buf, header = as_little_endian(buf, header)
    band = locate_band(buf, header, nband)
    out = bytearray(buf)
    nullvalue = band.nodata if band.has_nodata else band.info.min
    ticks = Ticker()
    for i, rowvals in enumerate(rows):
        ticks.tick(len(rowvals) + 1)
        for j, v in enumerate(rowvals):
            if flags is not None and i < len(flags) and j < len(flags[i]) and flags[i][j]:
                continue
            if hasnosetvalue:
                if v is None and nosetvalue is None:
                    continue
                if v is not None and nosetvalue is not None and values_equal(v, nosetvalue):
                    continue
            col, row = x - 1 + j, y - 1 + i
            if not (col < header.width and row < header.height):
                messages.notice("Cannot set value for pixel (%d, %d) outside raster bounds: "
                                "%d x %d" % (col + 1, row + 1, header.width, header.height))
                continue
            if keepnodata and read_pixel(out, header, band, col, row)[1]:
                continue
            pv = nullvalue if v is None else corrected_pixel_value(band, v)
            patch_pixel(out, header, band, col, row, pv)
    return bytes(out)


def set_values_rect(buf, nband, x, y, width, height, newvalue, keepnodata=False):
    """ST_SetValues(rast, nband, x, y, width, height, newvalue, keepnodata)."""
    if width is not None and height is not None and (width <= 0 or height <= 0):
        raise InvalidParameterError("values for width and height must be greater than zero")
    if buf is None:
        return None
    if width is None or height is None:
        # PostGIS errors here too; a NULL size used to reach Python's arithmetic.
        raise InvalidParameterError("values for width and height must be given",
                                    detail="ST_SetValues needs the width and height of the block.")
    limits.check_values(width * height, "a block of %d x %d values" % (width, height))
    values = [[newvalue] * width for _ in range(height)]
    return set_values(buf, nband, x, y, values, None, False, None, keepnodata)


# ---------------------------------------------------------------- ST_DumpValues

def dump_values(buf, nbands=None, exclude_nodata_value=True, as_text=False):
    """ST_DumpValues(rast, nband[], exclude_nodata_value): rows (band, 2-D values), made one
    band at a time (a set-returning function: each row is handed over before the next is
    made). Arguments and sizes are checked before the first row.

    With as_text, each band's values come as the text of an SQL array (see band_text),
    which SQL casts to double precision[] far faster than PL/Python converts lists.
    """
    if buf is None:
        return []
    header = wkb.read_header(buf)
    if header.num_bands < 1:
        messages.notice("Raster provided has no bands")
        return []
    if nbands is None:
        nbands = list(range(1, header.num_bands + 1))
    exclude = True if exclude_nodata_value is None else exclude_nodata_value
    refs = []
    for n in nbands:
        band = locate_band(buf, header, n) if n is not None else None
        if band is None:
            messages.notice("Band at index %s not found in raster" % n)
            return []
        refs.append((n, band))
    if refs:
        check_band_values(header, "the values of one band")
    make = band_text if as_text else band_values
    return ((n, make(buf, header, band, exclude)) for n, band in refs)


def check_band_values(header, what):
    """Refuse a band too large to be turned into Python values (plraster.core.limits): the
    doubles of the band and one Python object per pixel."""
    limits.check_values(header.width * header.height,
                        "%s (%d x %d pixels)" % (what, header.width, header.height))
    limits.check_pixels(header.width, header.height, 8, what)


def _band_doubles(buf, header, band, exclude_nodata_value):
    """(values as float64, mask of the NULLs or None) of a band that has pixels."""
    data = band.array(buf, header).astype(np.float64)
    if exclude_nodata_value and band.has_nodata:
        mask = nodata_mask(data, band)
        if mask.any():
            return data, mask
    return data, None


def band_values(buf, header, band, exclude_nodata_value):
    """The band as a nested list of floats, None where nodata is excluded."""
    if header.width == 0 or header.height == 0:
        return []
    if band.is_nodata:
        # PostGIS dumps a band flagged all-nodata as NULLs even with exclude_nodata_value false
        return [[None] * header.width for _ in range(header.height)]
    data, mask = _band_doubles(buf, header, band, exclude_nodata_value)
    if mask is not None:
        # numpy puts None where nodata is, without a Python loop over the pixels
        values = data.astype(object)
        values[mask] = None
        return values.tolist()
    return data.tolist()


_BRACES = str.maketrans("[]", "{}")


def band_text(buf, header, band, exclude_nodata_value):
    """band_values as the text of a 2-D SQL array ('{{1, 2}, {NULL, 4}}'): Python's own
    repr of a few rows at a time with the brackets turned to braces, with interrupt checks
    between them. Integer pixels are written as integers, doubles by repr (the shortest
    text that reads back as the same double; 'nan' and 'inf' read back too)."""
    w, h = header.width, header.height
    if w == 0 or h == 0:
        return "{}"
    if band.is_nodata:
        line = "{" + ",".join(["NULL"] * w) + "}"
        return "{" + ",".join([line] * h) + "}"
    data, mask = _band_doubles(buf, header, band, exclude_nodata_value)
    if not band.info.is_float:
        data = band.array(buf, header)
    ticks = Ticker()
    step = max(1, 65536 // w)
    parts = []
    for r0 in range(0, h, step):
        ticks.tick(w * step)
        chunk = data[r0:r0 + step]
        if mask is not None:
            chunk = chunk.astype(object)
            chunk[mask[r0:r0 + step]] = None
        parts.append(repr(chunk.tolist())[1:-1])
    text = ("{" + ", ".join(parts) + "}").translate(_BRACES)
    return text.replace("None", "NULL") if mask is not None else text


def nodata_mask(data, band):
    """Boolean array: where float64 data equals the band's nodata (FLT_EQ)."""
    nd = float(band.nodata)
    if nd != nd:
        return np.isnan(data)
    with np.errstate(invalid="ignore"):
        return (data == nd) | (np.abs(data - nd) <= FLT_EPSILON)


def dump_values_one(buf, nband, exclude_nodata_value=True):
    """ST_DumpValues(rast, nband, exclude_nodata_value): one band's 2-D values."""
    rows = list(dump_values(buf, [nband], exclude_nodata_value))
    return rows[0][1] if rows else None


# ---------------------------------------------------------------- ST_PixelOfValue

def _flatten(arr):
    if isinstance(arr, list):
        for a in arr:
            yield from _flatten(a)
    else:
        yield arr


def pixel_of_value(buf, nband, search, exclude_nodata_value=True):
    """ST_PixelOfValue(rast, nband, search[], exclude): rows (val, x, y), column by column."""
    header = wkb.read_header(buf)
    if header.num_bands < 1:
        messages.notice("Raster provided has no bands")
        return []
    band = locate_band(buf, header, nband)
    if band is None:
        messages.notice("Invalid band index (must use 1-based). Returning NULL")
        return []
    values = [v for v in _flatten(search) if v is not None]
    if not values:
        messages.notice("No search values provided. Returning NULL")
        return []
    if band.info.name in ("1BB", "2BUI", "4BUI", "8BUI"):
        # PostGIS converts the search values to these types (truncating) before comparing
        values = [float(int(v)) if math.isfinite(v) else v for v in values]
    if not (header.width and header.height):
        messages.notice("No pixels of search values found for band at index %d" % nband)
        return []
    limits.check_pixels(header.width, header.height, 8 + 2 * len(values),
                        "the search of a band")
    if band.is_nodata:
        if exclude_nodata_value:
            messages.notice("No pixels of search values found for band at index %d" % nband)
            return []
        grid = np.full((header.width, header.height), float(band.nodata))
    else:
        # transposed: the flat index then counts column by column, PostGIS's order
        grid = np.ascontiguousarray(band.array(buf, header).T, dtype=np.float64)
    keep = ~nodata_mask(grid, band) if (exclude_nodata_value and band.has_nodata) else None
    found, which = [], []
    for k, s in enumerate(values):
        hit = _equal_mask(grid, s)
        if keep is not None:
            hit &= keep
        at = np.flatnonzero(hit)
        found.append(at)
        which.append(np.full(at.shape, k))
    found, which = np.concatenate(found), np.concatenate(which)
    if not len(found):
        messages.notice("No pixels of search values found for band at index %d" % nband)
        return []
    order = np.lexsort((which, found))
    return _found_rows(grid, found[order], header.height)


def _equal_mask(grid, s):
    """Where grid (doubles) equals s as PostGIS compares values (FLT_EQ, NaN equal to NaN)."""
    if s != s:
        return np.isnan(grid)
    with np.errstate(invalid="ignore"):
        return (grid == s) | (np.abs(grid - s) <= FLT_EPSILON)


def _found_rows(grid, at, height):
    flat = grid.ravel()
    for start in range(0, len(at), 4096):
        part = at[start:start + 4096]
        for i, v in zip(part.tolist(), flat[part].tolist()):
            yield (v, i // height + 1, i % height + 1)


# ---------------------------------------------------------------- ST_Neighborhood

def neighborhood(buf, nband, columnx, rowy, distancex, distancey, exclude_nodata_value=True):
    """_ST_Neighborhood: the (2*distancey+1) x (2*distancex+1) values around 1-based pixel
    (columnx, rowy); cells off the raster read as nodata."""
    header = wkb.read_header(buf)
    band = locate_band(buf, header, nband)
    if band is None:
        raise SoftFailure("Invalid band index (must use 1-based). Returning NULL")
    if distancex < 0:
        raise SoftFailure("Invalid value for distancex (must be >= zero). Returning NULL")
    if distancey < 0:
        raise SoftFailure("Invalid value for distancey (must be >= zero). Returning NULL")
    col, row = columnx - 1, rowy - 1
    c0, c1 = max(col - distancex, 0), min(col + distancex, header.width - 1)
    r0, r1 = max(row - distancey, 0), min(row + distancey, header.height - 1)
    w, h = 2 * distancex + 1, 2 * distancey + 1
    limits.check_values(w * h, "a neighborhood of %d x %d pixels" % (w, h))
    limits.check_pixels(w, h, 9, "a neighborhood")
    if band.has_nodata:
        off = None if exclude_nodata_value else float(band.nodata)
    else:
        off = None
    grid = np.full((h, w), np.nan)
    nd = np.ones((h, w), bool)
    if c0 <= c1 and r0 <= r1:
        if band.is_nodata:
            grid[r0 - row + distancey:r1 - row + distancey + 1,
                 c0 - col + distancex:c1 - col + distancex + 1] = float(band.nodata)
        else:
            data = band.window(buf, header, c0, r0, c1 + 1, r1 + 1).astype(np.float64)
            sub = (slice(r0 - row + distancey, r1 - row + distancey + 1),
                   slice(c0 - col + distancex, c1 - col + distancex + 1))
            grid[sub] = data
            nd[sub] = nodata_mask(data, band) if band.has_nodata else False
    out = []
    ticks = Ticker()
    for i in range(h):
        ticks.tick(w)
        line = []
        for j in range(w):
            if nd[i, j]:
                inside = 0 <= col - distancex + j < header.width and \
                    0 <= row - distancey + i < header.height
                if inside:
                    line.append(None if exclude_nodata_value else grid[i, j].item())
                elif i == distancey and j == distancex and not band.has_nodata:
                    # PostGIS reads an off-raster centre as the type's minimum, flagged nodata
                    line.append(None if exclude_nodata_value else float(band.info.min))
                else:
                    line.append(off)
            else:
                line.append(grid[i, j].item())
        out.append(line)
    return out


def neighborhood_at_point(buf, nband, point, distancex, distancey, exclude_nodata_value=True):
    """ST_Neighborhood(rast, band, pt, distancex, distancey, exclude_nodata_value)."""
    from plraster.functions.pixelgeoms import parse_point_or_none
    header = wkb.read_header(buf)
    x, y, srid = parse_point_or_none(
        point, "Attempting to get the neighbor of a pixel with a non-point geometry")
    if srid != header.srid:
        raise InvalidParameterError("raster and geometry do not have the same srid")
    col, row = world_to_cell(header, x, y)
    return neighborhood(buf, nband, col + 1, row + 1, distancex, distancey,
                        exclude_nodata_value)


# ---------------------------------------------------------------- ST_NearestValue

def _ring(col, row, d):
    """Cells at Chebyshev distance d around (col, row) in PostGIS's order: the top row and
    the bottom row left to right, then the left and the right column bottom to top."""
    for r in (row - d, row + d):
        for c in range(col - d, col + d + 1):
            yield c, r
    for c in (col - d, col + d):
        for r in range(row + d - 1, row - d, -1):
            yield c, r


def _ring_inside(col, row, d, w, h):
    """The cells of _ring(col, row, d) on a w x h raster, in the same order, without
    visiting those off it (a point can lie millions of cells away)."""
    c_lo, c_hi = max(col - d, 0), min(col + d, w - 1)
    for r in (row - d, row + d):
        if 0 <= r < h:
            for c in range(c_lo, c_hi + 1):
                yield c, r
    r_hi, r_lo = min(row + d - 1, h - 1), max(row - d + 1, 0)
    for c in (col - d, col + d):
        if 0 <= c < w:
            for r in range(r_hi, r_lo - 1, -1):
                yield c, r


def _dist_point_segment(px, py, ax, ay, bx, by):
    if ax == bx and ay == by:
        return math.sqrt((px - ax) ** 2 + (py - ay) ** 2)
    r = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)
    if r < 0:
        return math.sqrt((px - ax) ** 2 + (py - ay) ** 2)
    if r >= 1:
        return math.sqrt((px - bx) ** 2 + (py - by) ** 2)
    cx, cy = ax + r * (bx - ax), ay + r * (by - ay)
    return math.sqrt((px - cx) ** 2 + (py - cy) ** 2)


def _dist_point_pixel(header, px, py, col, row):
    from plraster.functions.pixelgeoms import pixel_ring, point_in_ring
    ring = pixel_ring(header, col, row)
    if point_in_ring(px, py, ring):
        return 0.0
    return min(_dist_point_segment(px, py, *ring[i], *ring[i + 1]) for i in range(4))


def nearest_value(buf, nband, point, exclude_nodata_value=True):
    """ST_NearestValue(rast, band, pt, exclude_nodata_value)."""
    from plraster.functions.pixelgeoms import parse_geometry_point
    header = wkb.read_header(buf)
    band = locate_band(buf, header, nband)
    if band is None:
        raise SoftFailure("Invalid band index (must use 1-based). Returning NULL")
    pt = parse_geometry_point(point)
    if pt is None:
        raise SoftFailure("Geometry provided must be a point")
    px, py, srid = pt
    if srid != header.srid:
        raise SoftFailure("SRIDs of geometry and raster do not match")
    return _nearest(buf, header, band, nband, px, py, exclude_nodata_value)


def nearest_value_at(buf, nband, columnx, rowy, exclude_nodata_value=True):
    """ST_NearestValue(rast, band, columnx, rowy, exclude): from the pixel's upper-left corner."""
    from plraster.core.georef import raster_to_world
    header = wkb.read_header(buf)
    band = locate_band(buf, header, nband)
    if band is None:
        raise SoftFailure("Invalid band index (must use 1-based). Returning NULL")
    px, py = raster_to_world(header, columnx - 1, rowy - 1)
    return _nearest(buf, header, band, nband, px, py, exclude_nodata_value)


def _nearest(buf, header, band, nband, px, py, exclude):
    col, row = world_to_cell(header, px, py)
    w, h = header.width, header.height
    if 0 <= col < w and 0 <= row < h:
        v, nd = read_pixel(buf, header, band, col, row)
        if not exclude or not nd:
            return float(v)
    if w == 0 or h == 0:
        raise SoftFailure("No nearest value found for band at index %d" % nband)
    if band.is_nodata and exclude:
        raise SoftFailure("No nearest value found for band at index %d" % nband)
    band.require_indb()
    data = band.array(buf, header)
    maxd = max(abs(col), abs(col - (w - 1)), abs(row), abs(row - (h - 1)))
    # Cells off the raster read as nodata (the minimum without one, as PostGIS reads them):
    # when those are excluded, rings that do not reach the raster are skipped and only
    # the cells on it are visited.
    off_excluded = exclude and band.has_nodata
    first = 1
    if off_excluded:
        first = max(1, -col, col - (w - 1), -row, row - (h - 1))
    ticks = Ticker()
    for d in range(first, maxd + 1):
        found = []
        if off_excluded:
            ring = _ring_inside(col, row, d, w, h)
        else:
            ring = _ring(col, row, d)
        for c, r in ring:
            ticks.tick()
            if 0 <= c < w and 0 <= r < h:
                v = data[r, c].item()
                nd = band.has_nodata and values_equal(v, band.nodata)
            else:
                # PostGIS reads a cell off the raster as nodata (the minimum without one)
                v = band.nodata if band.has_nodata else band.info.min
                nd = band.has_nodata
            if exclude and nd:
                continue
            found.append((c, r, v))
        if found:
            if len(found) == 1:
                return float(found[0][2])
            # PostGIS keeps a pixel that is nearer than the one examined just before it
            # (not the nearest of all): match it.
            value, last = None, -1.0
            for c, r, v in found:
                dist = _dist_point_pixel(header, px, py, c, r)
                if last < 0 or dist < last:
                    value = v
                last = dist
            return float(value)
    raise SoftFailure("No nearest value found for band at index %d" % nband)
