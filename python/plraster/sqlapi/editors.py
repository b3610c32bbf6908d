"""SQL adapters for sql/60-editors.sql: georeference, SRID and band metadata setters."""
import plpy

from plraster.functions import editors
from . import sql_function


@sql_function
def set_srid(rast, srid):
    """ST_SetSRID(raster, integer)."""
    return editors.set_srid(rast, srid)


@sql_function
def set_scale(rast, scalex, scaley):
    """ST_SetScale(raster, float8, float8)."""
    return editors.set_scale(rast, scalex, scaley)


@sql_function
def set_skew(rast, skewx, skewy):
    """ST_SetSkew(raster, float8, float8)."""
    return editors.set_skew(rast, skewx, skewy)


@sql_function
def set_upper_left(rast, upperleftx, upperlefty):
    """ST_SetUpperLeft(raster, float8, float8)."""
    return editors.set_upper_left(rast, upperleftx, upperlefty)


@sql_function
def set_rotation(rast, rotation):
    """ST_SetRotation(raster, float8)."""
    return editors.set_rotation(rast, rotation)


@sql_function
def set_geotransform(rast, imag, jmag, theta_i, theta_ij, xoffset, yoffset):
    """ST_SetGeoTransform(raster, imag, jmag, theta_i, theta_ij, xoffset, yoffset)."""
    if None in (rast, imag, jmag, theta_i, theta_ij, xoffset, yoffset):
        return None
    return editors.set_geotransform(rast, imag, jmag, theta_i, theta_ij, xoffset, yoffset)


@sql_function
def set_georeference(rast, georef, fmt):
    """ST_SetGeoReference(raster, text, text): PostGIS's format warning is a WARNING."""
    return editors.set_georeference(rast, georef, fmt, warn=plpy.warning)


@sql_function
def set_band_nodata_value(rast, band, nodatavalue, forcechecking):
    """ST_SetBandNoDataValue(raster, integer, float8, boolean)."""
    return editors.set_band_nodata_value(rast, band, nodatavalue, bool(forcechecking))


@sql_function
def set_band_is_nodata(rast, band):
    """ST_SetBandIsNoData(raster, integer)."""
    return editors.set_band_is_nodata(rast, band)


@sql_function
def set_band_path(rast, band, outdbpath, outdbindex, force):
    """ST_SetBandPath(raster, integer, text, integer, boolean)."""
    return editors.set_band_path(rast, band, outdbpath, outdbindex, bool(force))
