"""The per-row helpers of the pixel type, nodata and out-db constraints.

They read band headers only (out-db files are never opened) and give what PostGIS's
_raster_constraint_* functions give: one element per band, and for a raster without
bands the NOTICE of ST_BandMetaData and a single NULL.
"""
import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

from plraster.core import messages
from plraster.core.wkb import parse_raster

NO_BANDS = "Raster provided has no bands"
_TEN_PLACES = Decimal(1).scaleb(-10)


def _bands(buf):
    bands = parse_raster(buf, notice_trailing=False).bands
    if not bands:
        messages.notice(NO_BANDS)
    return bands


def pixel_types(buf):
    """_raster_constraint_pixel_types(rast): the pixel type names of the bands."""
    bands = _bands(buf)
    return [b.pixtype.name for b in bands] if bands else [None]


def out_db(buf):
    """_raster_constraint_out_db(rast): whether each band is out-db."""
    bands = _bands(buf)
    return [b.is_outdb for b in bands] if bands else [None]


def numeric_round10(value):
    """round(value::numeric, 10) for a double: PostgreSQL converts with 15 significant
    digits, then rounds half away from zero."""
    if value is None:
        return None
    if math.isnan(value):
        return Decimal("NaN")
    if math.isinf(value):
        return Decimal("Infinity") if value > 0 else Decimal("-Infinity")
    with localcontext() as ctx:
        ctx.prec = 400
        return Decimal("%.15g" % value).quantize(_TEN_PLACES, rounding=ROUND_HALF_UP)


def nodata_values(buf):
    """_raster_constraint_nodata_values(rast): each band's nodata value rounded to 10
    decimals as numeric (NULL for a band without one)."""
    bands = _bands(buf)
    return [numeric_round10(b.nodata_value) for b in bands] if bands else [None]
