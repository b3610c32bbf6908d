"""SQL adapters for sql/89-reclass.sql: ST_Reclass."""
from plraster.functions import reclass as _reclass
from . import sql_function

reclass = sql_function(_reclass.reclass)
grayscale = sql_function(_reclass.grayscale)
grayscale_of_rasters = sql_function(_reclass.grayscale_of_rasters)
