"""SQL adapters for sql/94-formats.sql: ST_AsGDALRaster and the ST_AsTIFF, ST_AsPNG and
ST_AsJPEG forms on top of it, ST_GDALDrivers, ST_FromGDALRaster, plraster_gdal_version."""
import re

import plpy

from plraster.core import messages, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError
from plraster.functions import constructors, formats
from . import sql_function
from .warp import _srs_row, extension_schema

_PLANS = {}
_TIFF_COMPRESSIONS = ("JPEG", "LZW", "PACKBITS", "DEFLATE", "CCITTRLE", "CCITTFAX3",
                      "CCITTFAX4", "NONE")


def _readers():
    """The drivers a superuser enabled for ST_FromGDALRaster."""
    plan = _PLANS.get("readers")
    if plan is None:
        plan = _PLANS["readers"] = plpy.prepare(
            "SELECT short_name FROM %s.plraster_gdal_read_drivers ORDER BY short_name"
            % extension_schema("plraster"))
    return [r["short_name"] for r in plpy.execute(plan)]


def _pick(rast, nbands):
    return rast if nbands is None else constructors.select_bands(rast, nbands)


def _pixtypes(rast):
    header = wkb.read_header(rast)
    return [locate_band(rast, header, n).info.name for n in range(1, header.num_bands + 1)]


@sql_function
def as_gdal_raster(rast, fmt, options, srid):
    """ST_AsGDALRaster."""
    if rast is None or fmt is None:
        return None
    return formats.as_gdal_raster(rast, fmt, options, srid, _srs_row)


@sql_function
def as_tiff(rast, nbands, options, srid):
    """ST_AsTIFF(rast [, nbands], options, srid)."""
    return _as_tiff(rast, nbands, options, srid)


def _as_tiff(rast, nbands, options, srid):
    if rast is None:
        return None
    rast = _pick(rast, nbands)
    header = wkb.read_header(rast)
    last = None
    for n in range(1, header.num_bands + 1):
        band = locate_band(rast, header, n)
        nodata = band.nodata if band.has_nodata else None
        if last is None:
            last = nodata
        elif nodata is not None and nodata != last:
            messages.notice("The TIFF format only permits one NODATA value for all bands.  "
                            "The value used will be the last band with a NODATA value.")
    return formats.as_gdal_raster(rast, "GTiff", options, srid, _srs_row)


@sql_function
def as_tiff_compression(rast, nbands, compression, srid):
    """ST_AsTIFF(rast [, nbands], compression, srid): a compression name (JPEG90,
    DEFLATE7, LZW, ...) turned into creation options."""
    if rast is None:
        return None
    rast = _pick(rast, nbands)
    options = []
    text = (compression or "").strip().upper()
    if text:
        level = re.search(r"[0-9]+$", text)
        if "JPEG" in text:
            kind = "JPEG"
            if level:
                options.append("JPEG_QUALITY=%d" % min(max(int(level.group()), 1), 100))
            _require(rast, ("8BUI",), "JPEG compression can only be used with the 8BUI pixel type")
        elif "DEFLATE" in text:
            kind = "DEFLATE"
            if level:
                options.append("ZLEVEL=%d" % min(max(int(level.group()), 1), 9))
        else:
            kind = text
            if "CCITT" in text:
                _require(rast, ("1BB",), "CCITT compression can only be used with the 1BB pixel type")
        if kind in _TIFF_COMPRESSIONS:
            options.append("COMPRESS=" + kind)
        else:
            messages.notice("Unknown compression type: %s.  The outputted TIFF will not be "
                            "COMPRESSED." % kind)
    return _as_tiff(rast, None, options, srid)


def _require(rast, allowed, what):
    for n, name in enumerate(_pixtypes(rast), 1):
        if name not in allowed:
            raise InvalidParameterError(
                "the pixel type of band %d in the raster is not %s" % (n, " or ".join(allowed)),
                detail="%s; band %d is %s." % (what[0].upper() + what[1:], n, name))


def _first_band_if(rast, counts, fmt):
    header = wkb.read_header(rast)
    if header.num_bands not in counts:
        words = {(1, 3): "one or three", (1, 3, 4): "one, three or four"}[counts]
        messages.notice("The %s format only permits %s bands.  The first band will be used."
                        % (fmt, words))
        return constructors.select_bands(rast, [1])
    return rast


@sql_function
def as_png(rast, nbands, options):
    """ST_AsPNG(rast [, nband(s)], options)."""
    return _as_png(rast, nbands, options)


def _as_png(rast, nbands, options):
    if rast is None:
        return None
    rast = _first_band_if(_pick(rast, nbands), (1, 3, 4), "PNG")
    _require(rast, ("8BUI", "16BUI"),
             "the PNG format can only be used with 8BUI and 16BUI pixel types")
    return formats.as_gdal_raster(rast, "PNG", options, None, _srs_row)


@sql_function
def as_png_compression(rast, nbands, compression):
    """ST_AsPNG(rast, nband(s), compression 1..9)."""
    return _as_png(rast, nbands, ["ZLEVEL=%d" % min(max(compression, 1), 9)])


@sql_function
def as_jpeg(rast, nbands, options):
    """ST_AsJPEG(rast [, nband(s)], options)."""
    return _as_jpeg(rast, nbands, options)


def _as_jpeg(rast, nbands, options):
    if rast is None:
        return None
    chosen = _pick(rast, nbands)
    first = _first_band_if(chosen, (1, 3), "JPEG")
    # PostGIS checks every band of the raster it was given, also when it keeps only the first
    _require(chosen, ("8BUI",), "the JPEG format can only be used with the 8BUI pixel type")
    return formats.as_gdal_raster(first, "JPEG", options, None, _srs_row)


@sql_function
def as_jpeg_quality(rast, nbands, quality):
    """ST_AsJPEG(rast, nband(s), quality 10..100)."""
    return _as_jpeg(rast, nbands, ["QUALITY=%d" % min(max(quality, 10), 100)])


@sql_function
def gdal_drivers():
    """ST_GDALDrivers' rows."""
    return formats.drivers(_readers())


@sql_function
def from_gdal_raster(data, srid):
    """ST_FromGDALRaster."""
    if data is None:
        return None
    return formats.from_gdal_raster(data, srid, _readers())


@sql_function
def gdal_version():
    """plraster_gdal_version()."""
    return formats.gdal_version()
