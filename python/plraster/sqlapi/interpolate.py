"""SQL adapter for sql/93-interpolate.sql: ST_InterpolateRaster."""
from plraster.functions import interpolate as _interpolate
from . import sql_function

interpolate_raster = sql_function(_interpolate.interpolate_raster)
