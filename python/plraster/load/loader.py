"""The load itself, in raster2pgsql's order, to a sink (SQL text or a database).

    BEGIN;                                   unless -e
    DROP TABLE IF EXISTS ...;                -d: the table, then its overviews
    CREATE TABLE ...;                        -c/-d/-p: the table, then its overviews
    rows                                     per file: its tiles, then each overview's
    CREATE INDEX ...; ANALYZE ...;           -I (no ANALYZE with -p)
    SELECT AddRasterConstraints(...);        -C, each table
    SELECT AddOverviewConstraints(...);      -l, each overview (with or without -C)
    END;                                     unless -e
    VACUUM ANALYZE ...;                      -M (not with -p)
"""

import os

from . import sqltext, tiling
from .inputs import InputRaster
from .tiles import make_layout, overview_tiles, raster_tiles, tile_count


def table_names(opts):
    """The TableNames of the target table (identifiers lower-cased unless -q)."""
    return sqltext.TableNames(
        schema=opts.name(opts.schema) if opts.schema is not None else None,
        table=opts.name(opts.table),
        raster_column=opts.name(opts.raster_column),
        filename_column=opts.name(opts.filename_column) if opts.filename_column else None,
    )


def file_name(path):
    """The value of the file name column (-F): the last component of the path or URL."""
    return os.path.basename(path.split("?", 1)[0].rstrip("/")) or path


def _counted(tiles, progress):
    for wkb in tiles:
        progress.tile(len(wkb))
        yield wkb


def run(opts, sink, progress):
    """Load every raster of `opts` into `sink`, reporting to `progress`."""
    main = table_names(opts)
    overviews = [(f, main.overview(f)) for f in opts.overviews]
    tables = [main] + [t for _, t in overviews]
    if opts.transaction:
        sink.statement("BEGIN;\n")
    if opts.mode == "d":
        for t in tables:
            sink.statement(sqltext.drop_table(t))
    if opts.mode in "cdp":
        for t in tables:
            sink.statement(sqltext.create_table(t, opts.tablespace, opts.index_tablespace))
    if opts.mode != "p":
        _load_files(opts, sink, progress, main, overviews)
    if opts.index:
        for t in tables:
            sink.statement(sqltext.create_index(t, opts.index_tablespace))
            if opts.mode != "p":
                sink.statement(sqltext.analyze(t))
    if opts.constraints:
        for t in tables:
            sink.statement(sqltext.add_raster_constraints(t, opts.regular_blocking, opts.max_extent))
    for factor, t in overviews:
        sink.statement(sqltext.add_overview_constraints(t, main, factor))
    if opts.transaction:
        sink.statement("END;\n")
    if opts.vacuum and opts.mode != "p":
        for t in tables:
            sink.statement(sqltext.vacuum_analyze(t))
    progress.finish()


def _load_files(opts, sink, progress, main, overviews):
    tile_size = opts.tile_size
    for index, path in enumerate(opts.rasters, 1):
        raster = InputRaster(path)
        try:
            if tile_size == "auto":
                # From the first raster, for all of them (as raster2pgsql does).
                tile_size = tiling.auto_tile_size(raster.block_size, (raster.width, raster.height))
            layout = make_layout(raster, opts, tile_size)
            total = tile_count(raster.width, raster.height, layout) + sum(
                tile_count(tiling.overview_size(raster.width, f), tiling.overview_size(raster.height, f), layout)
                for f, _ in overviews)
            progress.start_file(index, len(opts.rasters), path, total)
            if not raster.has_geotransform:
                progress.message("INFO: Using default geotransform matrix (0, 1, 0, 0, 0, -1) for raster: "
                                 + path)
            name = file_name(path) if main.filename_column is not None else None
            sink.rows(main, _counted(raster_tiles(raster, layout), progress), name)
            for factor, table in overviews:
                sink.rows(table, _counted(overview_tiles(raster, layout, factor), progress), name)
        finally:
            raster.close()
