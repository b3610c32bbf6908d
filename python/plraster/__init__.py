"""plraster: PostGIS raster WKB, its SQL functions and out-db COG reading, in Python."""

__version__ = "0.1.0"
