"""SQL adapters for sql/20-accessors.sql and sql/30-bands.sql: raster and band accessors,
footprints and pixel <-> world coordinates."""
from plraster.functions import accessors, extent, pixelcoords
from plraster.core import wkb
from . import sql_function


@sql_function
def metadata(rast):
    """ST_MetaData's row."""
    return accessors.metadata(rast)


@sql_function
def pixel_width(header):
    """ST_PixelWidth."""
    return accessors.pixel_width(wkb.read_header(header))


@sql_function
def pixel_height(header):
    """ST_PixelHeight."""
    return accessors.pixel_height(wkb.read_header(header))


@sql_function
def geotransform(header):
    """ST_GeoTransform's record (NULL raster: NULL)."""
    if header is None:
        return None
    return accessors.geotransform(wkb.read_header(header))


@sql_function
def georeference(header, fmt):
    """ST_GeoReference text."""
    return accessors.georeference(wkb.read_header(header), fmt)


@sql_function
def memsize(rast):
    """ST_MemSize."""
    return accessors.memsize(rast)


@sql_function
def summary(rast):
    """ST_Summary text."""
    return accessors.summary(rast)


@sql_function
def envelope(header):
    """ST_Envelope as hex EWKB."""
    return extent.envelope(wkb.read_header(header))


@sql_function
def convex_hull(header):
    """ST_ConvexHull as hex EWKB."""
    return extent.convex_hull(wkb.read_header(header))


@sql_function
def min_convex_hull(rast, nband):
    """ST_MinConvexHull as hex EWKB (NULL raster: NULL)."""
    if rast is None:
        return None
    return extent.min_convex_hull(rast, nband)


@sql_function
def raster_to_world(header, columnx, rowy):
    """_ST_RasterToWorldCoord's (longitude, latitude)."""
    if header is None:
        return None
    return pixelcoords.raster_to_world_coord(wkb.read_header(header), columnx, rowy)


@sql_function
def world_to_raster(header, longitude, latitude):
    """_ST_WorldToRasterCoord's (columnx, rowy)."""
    if header is None:
        return None
    return pixelcoords.world_to_raster_coord(wkb.read_header(header), longitude, latitude)


@sql_function
def world_to_raster_point(header, pt):
    """ST_WorldToRasterCoord(rast, pt)'s (columnx, rowy)."""
    return pixelcoords.world_to_raster_coord_point(wkb.read_header(header), pt)


@sql_function
def band_metadata(rast, bands):
    """ST_BandMetaData(rast, int[]) rows."""
    return accessors.band_metadata(rast, bands)


@sql_function
def band_metadata_one(rast, band):
    """ST_BandMetaData(rast, int): the array form's first row without its band number."""
    return [row[1:] for row in accessors.band_metadata(rast, [band])[:1]]


@sql_function
def band_pixel_type(rast, band):
    """ST_BandPixelType."""
    return accessors.band_pixel_type(rast, band)


@sql_function
def band_nodata_value(rast, band):
    """ST_BandNoDataValue."""
    return accessors.band_nodata_value(rast, band)


@sql_function
def band_is_nodata(rast, band, forcechecking):
    """ST_BandIsNoData."""
    return accessors.band_is_nodata(rast, band, forcechecking)


@sql_function
def band_path(rast, band):
    """ST_BandPath."""
    return accessors.band_path(rast, band)


@sql_function
def band_file_size(rast, band):
    """ST_BandFileSize."""
    return accessors.band_file_size(rast, band)


@sql_function
def band_file_timestamp(rast, band):
    """ST_BandFileTimestamp."""
    return accessors.band_file_timestamp(rast, band)


@sql_function
def min_possible_value(pixeltype):
    """ST_MinPossibleValue."""
    return accessors.min_possible_value(pixeltype)
