"""SQL adapters for sql/82-spatial.sql: pixel surfaces for the band forms of the spatial
relationship functions, and raster equality and hashing for the = operator."""
from plraster.functions import relations
from . import sql_function


@sql_function
def band_surfaces(rast1, nband1, rast2, nband2, distance=None):
    """The two band surfaces a raster/raster band form compares (geometry[])."""
    return relations.band_surfaces(rast1, nband1, rast2, nband2, distance)


@sql_function
def hull_decides(rast, nband, geom_srid):
    """Whether the convex hull decides ST_Intersects(geometry, raster, nband)."""
    return relations.hull_decides(rast, nband, geom_srid)


@sql_function
def data_surface(rast, nband):
    """The surface of a band's data pixels (geometry)."""
    return relations.data_surface(rast, nband)


@sql_function
def equal(rast1, rast2):
    """raster = raster."""
    return relations.equal(rast1, rast2)


@sql_function
def hash_value(rast):
    """The hash of a raster for the hash operator class."""
    return relations.hash_value(rast)


@sql_function
def negative_tolerance(distance):
    """Raise the error for a negative ST_DWithin/ST_DFullyWithin distance."""
    return relations.negative_tolerance(distance)


@sql_function
def same_srid(rast1, rast2, fname):
    """True when the rasters' SRIDs agree, else PostGIS's mixed-SRID error."""
    return relations.same_srid(rast1, rast2, fname)
