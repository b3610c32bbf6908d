"""How PostGIS tells a nodata pixel from a data pixel.

PostGIS compares as doubles within FLT_EPSILON (so 1e-8 counts as a nodata value of 0,
even in a 64BF band), and counts NaN as equal to a NaN nodata value.
"""
import math

from plraster.core.lazynumpy import np

FLT_EPSILON = 1.1920928955078125e-07


def is_nodata_value(value, nodata):
    """True when a pixel value counts as the nodata value."""
    if value != value or nodata != nodata:
        return value != value and nodata != nodata
    return value == nodata or abs(value - nodata) <= FLT_EPSILON


def nodata_mask(band):
    """A boolean (height, width) array, True where an in-db band's pixels count as nodata.

    The band must have a nodata value.
    """
    data = band.data
    if not band.pixtype.is_float:
        return data == band.nodata
    values = data.astype(np.float64)
    nodata = float(band.nodata)
    if math.isnan(nodata):
        return np.isnan(values)
    with np.errstate(invalid="ignore"):
        return (values == nodata) | (np.abs(values - nodata) <= FLT_EPSILON)
