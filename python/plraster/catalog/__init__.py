"""raster_columns, raster_overviews and PostGIS's raster management functions.

The catalogs are read from the CHECK constraints that AddRasterConstraints and
AddOverviewConstraints put on a table, exactly as PostGIS's raster_columns view reads
them; constraints are what keep the answer true however rows are inserted or deleted.

- `pgtext`: the few PostgreSQL string and array functions PostGIS's readings rely on.
- `info`: what a column's constraints say (srid, scale, blocksize, ...), PostGIS's rules.
- `rows`: the raster_columns and raster_overviews rows of a table.
- `bands`: the per-row constraint helpers (pixel types, nodata values, out-db flags).
- `statements`: the SQL of each constraint, as PostGIS writes it.
- `manage`: AddRasterConstraints and the other management functions, over a `Database`.
"""
