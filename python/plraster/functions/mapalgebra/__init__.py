"""ST_MapAlgebra and its kin: the output grid of one or more rasters (`extent`), callbacks
(user functions and PostGIS's *4ma family, vectorised), expressions evaluated for a whole
band in one statement, and the raster/raster forms of ST_Intersection built on them."""
