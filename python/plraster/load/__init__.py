"""plraster-load: raster2pgsql's loader without GDAL (python -m plraster.load).

Reads GeoTIFFs and COGs, local or on http(s), Swift and S3, with plraster's own TIFF
reader and storage layer, and writes the SQL raster2pgsql writes (raster literals in
PostGIS's text form, which plraster's raster reads too) or loads a database directly
with COPY.

    options.py   the command line (raster2pgsql's letters)
    inputs.py    opening a raster, reading rows of pixels
    tiling.py    tile grid, -t auto, overview sampling, empty tiles
    tilewkb.py   raster WKB of one tile
    tiles.py     the tiles of one raster and of its overviews
    sqltext.py   the statements
    sqlsink.py   SQL text output;  dbsink.py  direct load with psycopg
    loader.py    the order of it all;  progress.py  stderr;  cli.py  main()
"""

from .cli import main

__all__ = ["main"]
