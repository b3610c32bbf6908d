"""SQL adapters for sql/92-clip.sql: ST_Clip, ST_AsRaster."""
from plraster.functions import asraster, clip as clipping
from . import sql_function

clip = sql_function(clipping.clip)
as_raster = sql_function(asraster.as_raster)
