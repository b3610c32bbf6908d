"""SQL adapters for sql/89-colormap.sql: ST_ColorMap."""
from plraster.functions import colormap as _colormap
from . import sql_function

colormap = sql_function(_colormap.st_colormap)
