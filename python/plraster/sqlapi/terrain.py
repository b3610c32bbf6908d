"""SQL adapters for sql/91-terrain.sql: ST_Slope, ST_Aspect, ST_HillShade, ST_TPI, ST_TRI
and ST_Roughness."""
from plraster.functions import terrain
from . import sql_function

slope = sql_function(terrain.slope)
aspect = sql_function(terrain.aspect)
hillshade = sql_function(terrain.hillshade)
tpi = sql_function(terrain.tpi)
tri = sql_function(terrain.tri)
roughness = sql_function(terrain.roughness)
