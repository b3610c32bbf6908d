"""SQL adapters for sql/50-constructors.sql: ST_MakeEmptyRaster, ST_AddBand, ST_Band."""
from plraster.functions import constructors
from . import sql_function


@sql_function
def make_empty_raster(width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid):
    """ST_MakeEmptyRaster(width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid)."""
    return constructors.make_empty_raster(width, height, upperleftx, upperlefty,
                                          scalex, scaley, skewx, skewy, srid)


@sql_function
def make_empty_like(rast):
    """ST_MakeEmptyRaster(raster)."""
    return constructors.make_empty_like(rast)


@sql_function
def add_bands(rast, addbandargset):
    """ST_AddBand(raster, addbandarg[])."""
    return constructors.add_bands(rast, addbandargset)


@sql_function
def add_band_from_raster(torast, fromrast, fromband, torastindex):
    """ST_AddBand(torast raster, fromrast raster, fromband, torastindex)."""
    return constructors.add_band_from_raster(torast, fromrast, fromband, torastindex)


@sql_function
def add_bands_from_rasters(torast, fromrasts, fromband, torastindex):
    """ST_AddBand(torast raster, fromrasts raster[], fromband, torastindex)."""
    return constructors.add_bands_from_rasters(torast, fromrasts, fromband, torastindex)


@sql_function
def add_outdb_band(rast, index, outdbfile, outdbindex, nodataval):
    """ST_AddBand(rast, index, outdbfile, outdbindex[], nodataval)."""
    return constructors.add_outdb_band(rast, index, outdbfile, outdbindex, nodataval)


@sql_function
def select_bands(rast, nbands):
    """ST_Band(raster, integer[])."""
    return constructors.select_bands(rast, nbands)
