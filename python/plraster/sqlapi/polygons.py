"""SQL adapters for sql/93-polygons.sql: raster -> vector (ST_DumpAsPolygons, the pieces
of ST_Polygon)."""
from plraster.functions import contour as contour_lib, polygons, vertexvalues
from . import sql_function
from .tiling import set_function

dump_as_polygons = set_function(polygons.dump_as_polygons)
polygon_parts = sql_function(polygons.polygon_parts)


@sql_function
def require_same_srid(geometry_srid, raster_srid):
    """True, or PostGIS's error when ST_Intersection(geometry, raster) gets two SRIDs."""
    return polygons.require_same_srid(geometry_srid, raster_srid)


@sql_function
def set_vertex_values(rast, geom_wkb, geom_srid, resample, nband, dimension):
    """_plraster_setzm: ST_SetZ / ST_SetM's geometry as ISO WKB."""
    return vertexvalues.set_vertex_values(rast, geom_wkb, geom_srid, resample, nband, dimension)


contour = set_function(contour_lib.contour)
