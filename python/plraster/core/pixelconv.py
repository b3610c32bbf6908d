"""Whole arrays of doubles stored into pixels, as PostGIS's rt_band_set_pixel stores one.

`pixtypes.to_pixel_value` and `pixels.corrected_pixel_value` do this for one value; this
module does the same for a numpy array, for the functions that write many pixels at once
(ST_Union). A value that is not the band's nodata value but would be stored as it is moved
off it first (1 up from the type's minimum, 1 down otherwise; 1BB flips), then converted.
"""
import numpy as np

from plraster.core.nodata import FLT_EPSILON


def nodata_where(values, nodata):
    """A boolean array, True where doubles count as the nodata value (FLT_EPSILON, NaN = NaN)."""
    if nodata != nodata:
        return np.isnan(values)
    with np.errstate(invalid="ignore"):
        if np.isfinite(nodata):
            # values == nodata is within FLT_EPSILON too: one comparison does (same answer)
            diff = np.subtract(values, nodata, dtype=np.float64)
            return np.abs(diff, out=diff) <= FLT_EPSILON
        return values == nodata


def to_pixel_values(info, values):
    """Doubles converted to pixel type info (as float64 holding the stored values).

    Integer types: NaN gives the minimum, then clamped and truncated toward zero. 32BF and
    16BF: clamped to the largest finite value, NaN kept, rounded to the type. 64BF: as is.
    """
    values = np.asarray(values, dtype=np.float64)
    if info.is_float:
        if info.size == 8:
            return values
        with np.errstate(invalid="ignore", over="ignore"):
            return np.clip(values, info.min, info.max).astype(info.dtype).astype(np.float64)
    with np.errstate(invalid="ignore"):
        out = np.trunc(np.clip(values, info.min, info.max))
    out[np.isnan(values)] = info.min
    return out


def stored_values(info, nodata, values):
    """What pixels of type info with nodata value `nodata` (None: none) hold after each of
    `values` (doubles) is set into them, correction included; float64."""
    stored = to_pixel_values(info, values)
    if nodata is None or info.name in ("64BF", "16BF"):
        return stored
    stored_nodata = to_pixel_values(info, np.array([nodata]))[0]
    clash = nodata_where(stored, stored_nodata) & ~nodata_where(values, nodata)
    if not clash.any():
        return stored
    moved = values[clash]
    if info.name == "1BB":
        moved = np.full(moved.shape, 0.0 if nodata else 1.0)
    else:
        step = FLT_EPSILON if info.name == "32BF" else 1.0
        at_min = nodata_where(to_pixel_values(info, moved), to_pixel_values(info, np.array([info.min]))[0])
        moved = np.where(at_min, moved + step, moved - step)
    stored[clash] = to_pixel_values(info, moved)
    return stored
