"""Raster editors: georeference, SRID and band metadata setters.

Header editors patch the 61-byte header and keep the band bytes as they are (a
big-endian raster is rewritten little-endian, as PostGIS writes). Band editors rewrite
one band's flag and nodata bytes. Results match PostGIS 3.3 byte for byte, including its
recomputation of scale and skew from rotation angles.
"""
import math
import re
import struct

import numpy as np

from plraster.core import bandbytes, limits, messages, wkb
from plraster.core.pixtypes import to_pixel_value
from plraster.core.srid import clamp_srid
from plraster.core.errors import InvalidParameterError, UnsupportedError

# The NaN x86-64 produces for an invalid operation (sign bit set), as C's libm gives it.
_DEFAULT_NAN = struct.unpack("<d", bytes.fromhex("000000000000f8ff"))[0]
_HALF_PI = math.pi / 2


OUTDB_NOTICE = ("Changes made to raster geotransform matrix may affect out-db band data. "
                "Returned band data may be incorrect")


def _notice_outdb(rast, header, times=1):
    # PostGIS says this once per georeference setter it runs on a raster with out-db bands.
    if times and bandbytes.has_outdb_band(rast, header):
        for _ in range(times):
            messages.notice(OUTDB_NOTICE)


def _header_edit(rast, **changes):
    header = wkb.read_header(rast)
    _notice_outdb(rast, header)
    return bandbytes.with_header(rast, header.replace(**changes))


def set_srid(rast, srid):
    """ST_SetSRID: the raster with a new SRID (clamped as PostGIS clamps SRIDs)."""
    return _header_edit(rast, srid=clamp_srid(srid, notice=True))


def set_scale(rast, scalex, scaley):
    """ST_SetScale: new pixel width and height."""
    return _header_edit(rast, scale_x=float(scalex), scale_y=float(scaley))


def set_skew(rast, skewx, skewy):
    """ST_SetSkew: new skews."""
    return _header_edit(rast, skew_x=float(skewx), skew_y=float(skewy))


def set_upper_left(rast, upperleftx, upperlefty):
    """ST_SetUpperLeft: new upper-left corner."""
    return _header_edit(rast, ip_x=float(upperleftx), ip_y=float(upperlefty))


# --- rotation and physical parameters ---------------------------------------------------
# PostGIS describes a geotransform by the pixel sizes along the i and j axes, the angle of
# the i axis (rotation) and the angle from the i axis to the j axis. The arithmetic below
# is ordered so that results are bit-identical to PostGIS on x86-64.

def _libm(fn, x):
    # C's libm returns NaN outside a function's domain where Python raises.
    try:
        return fn(x)
    except ValueError:
        return _DEFAULT_NAN


def _div(a, b):
    # IEEE division, which Python refuses for a zero divisor.
    try:
        return a / b
    except ZeroDivisionError:
        if a == 0 or a != a:
            return _DEFAULT_NAN
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def physical_params(scale_x, skew_x, skew_y, scale_y):
    """Return (i_mag, j_mag, theta_i, theta_ij) of a geotransform, as ST_GeoReference's
    companions (ST_Rotation, ST_SetRotation) compute them."""
    i_mag = math.sqrt(scale_x * scale_x + skew_y * skew_y)
    j_mag = math.sqrt(skew_x * skew_x + scale_y * scale_y)
    theta_i = _libm(math.acos, _div(scale_x, i_mag))
    if _libm(math.acos, _div(skew_y, i_mag)) < _HALF_PI:
        theta_i = -theta_i
    theta_ij = _libm(math.acos, _div(scale_x * skew_x + skew_y * scale_y, i_mag * j_mag))
    if _libm(math.acos, _div(-skew_y * skew_x + scale_x * scale_y, i_mag * j_mag)) > _HALF_PI:
        theta_ij = -theta_ij
    return i_mag, j_mag, theta_i, theta_ij


def geotransform_coefficients(i_mag, j_mag, theta_i, theta_ij):
    """Return (scale_x, scale_y, skew_x, skew_y) for physical parameters, or None when
    theta_ij is 0 or pi (the axes would be parallel), where PostGIS keeps the old values."""
    if theta_ij == 0.0 or theta_ij == math.pi:
        return None
    f = -1.0 if theta_ij < 0 else 1.0  # reflection across the i axis
    k_i = _libm(math.tan, f * _HALF_PI - theta_ij)  # shear parallel to the i axis
    s_j = _div(j_mag, math.sqrt(k_i * k_i + 1))  # scale along the j axis
    cos_i = _libm(math.cos, theta_i)
    sin_i = _libm(math.sin, theta_i)
    scale_x = i_mag * cos_i
    skew_x = k_i * s_j * f * cos_i + s_j * f * sin_i
    skew_y = -i_mag * sin_i
    scale_y = s_j * f * cos_i - k_i * s_j * f * sin_i
    return scale_x, scale_y, skew_x, skew_y


def _with_physical_params(rast, header, i_mag, j_mag, theta_i, theta_ij):
    coeffs = geotransform_coefficients(i_mag, j_mag, theta_i, theta_ij)
    if coeffs is None:
        return header
    _notice_outdb(rast, header, 2)  # PostGIS sets the scales, then the skews
    scale_x, scale_y, skew_x, skew_y = coeffs
    return header.replace(scale_x=scale_x, scale_y=scale_y, skew_x=skew_x, skew_y=skew_y)


def set_rotation(rast, rotation):
    """ST_SetRotation: rotate the i axis to `rotation` radians, keeping pixel sizes and
    the angle between the axes; scale and skew are recomputed."""
    header = wkb.read_header(rast)
    i_mag, j_mag, _, theta_ij = physical_params(
        header.scale_x, header.skew_x, header.skew_y, header.scale_y)
    return bandbytes.with_header(
        rast, _with_physical_params(rast, header, i_mag, j_mag, float(rotation), theta_ij))


def set_geotransform(rast, imag, jmag, theta_i, theta_ij, xoffset, yoffset):
    """ST_SetGeoTransform: set the georeference from physical parameters and offsets.

    (PostGIS 3.3 crashes on a raster with bands here; plraster keeps the bands.)
    """
    header = wkb.read_header(rast)
    header = _with_physical_params(rast, header, float(imag), float(jmag), float(theta_i),
                                   float(theta_ij))
    _notice_outdb(rast, header)
    return bandbytes.with_header(rast, header.replace(ip_x=float(xoffset), ip_y=float(yoffset)))


_NUMBER = r"(-?\d+(?:\.\d+)?)"
_GEOREF = re.compile(r"\s".join([_NUMBER] * 6))


def parse_georeference(georef):
    """Return the six numbers of a world-file text (scalex, skewy, skewx, scaley, x, y).

    As in PostGIS, the first run of six plain decimal numbers separated by single
    whitespace characters is taken, wherever it is in the text.
    """
    match = _GEOREF.search(georef)
    if match is None:
        raise InvalidParameterError(
            "st_setgeoreference requires a string with 6 floating point values",
            detail="The text must hold six plain decimal numbers separated by single "
                   "spaces: scalex skewy skewx scaley upperleftx upperlefty.")
    return [float(v) for v in match.groups()]


def set_georeference(rast, georef, fmt="GDAL", warn=messages.notice):
    """ST_SetGeoReference(rast, text, format): set scale, skew and upper left from a
    world-file text. 'ESRI' texts give the centre of the upper-left pixel; any format
    other than 'GDAL' and 'ESRI' gives a warning (through warn) and is read as GDAL."""
    scalex, skewy, skewx, scaley, x, y = parse_georeference(georef)
    if fmt == "ESRI":
        x, y = x - scalex * 0.5, y - scaley * 0.5
    elif fmt != "GDAL":
        warn("Format '%s' is not recognized, defaulting to GDAL format." % fmt)
    header = wkb.read_header(rast)
    _notice_outdb(rast, header, 3)  # PostGIS runs ST_SetScale, ST_SetSkew, ST_SetUpperLeft
    return bandbytes.with_header(rast, header.replace(
        scale_x=scalex, scale_y=scaley, skew_x=skewx, skew_y=skewy, ip_x=x, ip_y=y))


# --- band metadata ---------------------------------------------------------------------

def _unchanged(rast):
    return bandbytes.little_endian(rast)


def _base_flags(band):
    flags = int(band.pixtype.code)
    if band.is_outdb:
        flags |= wkb.FLAG_OUTDB
    return flags


def _is_all_nodata(band, nodata, width, height):
    if band.is_outdb:
        raise UnsupportedError(
            "reading out-db band pixels is not supported yet",
            hint="Call ST_SetBandNoDataValue with forcechecking false for out-db bands.")
    if width * height == 0:
        return True
    limits.check_pixels(width, height, 8, "the check of a band's pixels")
    values = band.data.astype(np.float64)
    if nodata != nodata:
        return bool(np.isnan(values).all())
    with np.errstate(invalid="ignore"):
        return bool((np.abs(values - nodata) <= np.float64(np.finfo(np.float32).eps)).all())


def set_band_nodata_value(rast, band, nodatavalue, forcechecking=False):
    """ST_SetBandNoDataValue: set (or, with NULL, remove) a band's nodata value.

    The value is converted to the pixel type; the is-nodata flag is cleared, or with
    forcechecking set when every pixel equals the new nodata value.
    """
    if rast is None:
        return None
    header = wkb.read_header(rast)
    if band is None or band < 1:
        messages.notice("Invalid band index (must use 1-based). Nodata value not set. "
                        "Returning original raster")
        return _unchanged(rast)
    if band > header.num_bands:
        messages.notice("Could not find raster band of index %d when setting pixel value. "
                        "Nodata value not set. Returning original raster" % band)
        return _unchanged(rast)

    raster = wkb.parse_raster(rast)
    records = bandbytes.records(rast, raster)
    target = raster.bands[band - 1]
    size = target.pixtype.size
    record = records[band - 1]
    if nodatavalue is None:
        # PostGIS keeps the old nodata bytes and clears both nodata flags.
        records[band - 1] = bytes((_base_flags(target),)) + record[1:]
    else:
        value = to_pixel_value(target.pixtype, float(nodatavalue))
        flags = _base_flags(target) | wkb.FLAG_HASNODATA
        if forcechecking and _is_all_nodata(target, value, header.width, header.height):
            flags |= wkb.FLAG_ISNODATA
        records[band - 1] = (bytes((flags,)) + bandbytes.pack_value(target.pixtype, value)
                             + record[1 + size:])
    return bandbytes.assemble(raster.header, records)


def set_band_is_nodata(rast, band=1):
    """ST_SetBandIsNoData: flag a band as entirely nodata (it must have a nodata value)."""
    header = wkb.read_header(rast)
    if band < 1:
        messages.notice("Invalid band index (must use 1-based). Isnodata flag not set. "
                        "Returning original raster")
        return _unchanged(rast)
    if band > header.num_bands:
        messages.notice("Could not find raster band of index %d. Isnodata flag not set. "
                        "Returning original raster" % band)
        return _unchanged(rast)
    raster = wkb.parse_raster(rast)
    records = bandbytes.records(rast, raster)
    if not raster.bands[band - 1].has_nodata:
        messages.notice("Band of index %d has no NODATA so cannot be NODATA. "
                        "Returning original raster" % band)
        return bandbytes.assemble(raster.header, records)
    record = records[band - 1]
    records[band - 1] = bytes((record[0] | wkb.FLAG_ISNODATA,)) + record[1:]
    return bandbytes.assemble(raster.header, records)


def set_band_path(rast, band, outdbpath, outdbindex, force=False):
    """ST_SetBandPath: point an out-db band at another file and/or band of the file.

    NULL path or index keeps the current one. With force, the new reference is recorded
    as given; without it PostGIS opens the file to check it matches the band, which
    plraster cannot do yet (UnsupportedError).
    """
    if rast is None:
        return None
    band = 1 if band is None else band
    header = wkb.read_header(rast)
    if band < 1:
        messages.notice("Invalid band index (must use 1-based). Returning original raster")
        return _unchanged(rast)
    if band > header.num_bands:
        messages.notice("Cannot find raster band of index %d. Returning original raster" % band)
        return _unchanged(rast)
    raster = wkb.parse_raster(rast)
    records = bandbytes.records(rast, raster)
    target = raster.bands[band - 1]
    if not target.is_outdb:
        messages.notice("Band of index %d is not out-db. Returning original raster" % band)
        return bandbytes.assemble(raster.header, records)
    if not force:
        raise UnsupportedError(
            "opening out-db raster files is not supported yet",
            detail="Without force, ST_SetBandPath checks the file against the band.",
            hint="Pass force => true to record the new path and band number unchecked.")
    path = target.path if outdbpath is None else outdbpath.encode()
    if not path or b"\0" in path:
        raise InvalidParameterError("invalid out-db path %r" % (outdbpath,),
                                    detail="An out-db path must be non-empty text without NUL.")
    number = target.outdb_index + 1 if outdbindex is None else outdbindex
    if not 1 <= number <= 256:
        raise InvalidParameterError(
            "invalid out-db band number %d" % number,
            detail="Band numbers of the external file are 1-based and at most 256.")
    size = target.pixtype.size
    record = records[band - 1]
    records[band - 1] = record[:1 + size] + bytes((number - 1,)) + path + b"\0"
    return bandbytes.assemble(raster.header, records)
