"""SQL adapters for sql/40-pixels.sql: pixel values in and out, pixels as geometries."""
from plraster.functions import pixelgeoms, pixels
from . import sql_function
from . import set_function

value = sql_function(pixels.value)
value_at_point = sql_function(pixels.value_at_point)
set_value = sql_function(pixels.set_value)
set_values = sql_function(pixels.set_values)
set_values_rect = sql_function(pixels.set_values_rect)
set_values_geomval = sql_function(pixelgeoms.set_values_geomval)
dump_values = set_function(pixels.dump_values)
pixel_of_value = set_function(pixels.pixel_of_value)
neighborhood = sql_function(pixels.neighborhood)
neighborhood_at_point = sql_function(pixels.neighborhood_at_point)
nearest_value = sql_function(pixels.nearest_value)
nearest_value_at = sql_function(pixels.nearest_value_at)
pixel_chunks = set_function(pixelgeoms.pixel_chunks)
pixel_as_polygon = sql_function(pixelgeoms.pixel_as_polygon)
pixel_as_point = sql_function(pixelgeoms.pixel_as_point)
pixel_as_centroid = sql_function(pixelgeoms.pixel_as_centroid)


@set_function
def dump_values_text(rast, nbands, exclude_nodata_value):
    """_plraster_dumpvalues(rast, nband[], exclude_nodata_value): ST_DumpValues's rows with
    each band's 2-D array as array text, which SQL casts to double precision[]."""
    return pixels.dump_values(rast, nbands, exclude_nodata_value, as_text=True)
