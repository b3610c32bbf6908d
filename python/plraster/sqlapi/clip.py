"""SQL adapters for sql/92-clip.sql: ST_Clip, ST_AsRaster."""
from plraster.functions import clip as clipping
from . import sql_function

clip = sql_function(clipping.clip)
