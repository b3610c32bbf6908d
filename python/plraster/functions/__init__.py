"""PostGIS raster's SQL functions, one module per family (accessors, constructors, editors,
pixels, stats, union, tiling...), written on `plraster.core` and reading out-db bands
through `plraster.outdb`. `plraster.sqlapi` adapts them to PL/Python's calling convention.
"""
