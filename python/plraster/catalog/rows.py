"""The raster_columns and raster_overviews rows of a table, from its catalog entries.

PostGIS's raster_columns lists every raster column of tables, views, materialized views,
foreign and partitioned tables, constrained or not (srid 0 and NULLs when there is no
constraint); raster_overviews lists, for each raster column of a table, view,
materialized view or foreign table, each overview constraint of that table.
"""
from typing import NamedTuple

from . import info
from plraster.core.srid import SRID_UNKNOWN

OVERVIEW_KINDS = frozenset("rvmf")


class RasterColumn(NamedTuple):
    """A raster column as the catalog query finds it."""

    relid: int
    attnum: int
    nspoid: int
    schema: str
    table: str
    relkind: str
    column: str
    column_quoted: str   # quote_ident(column)


def raster_columns_row(col, constraints, index_expressions):
    """The raster_columns values of one column (after the four names), in column order."""
    cons = constraints
    n = col.attnum
    srid = info.srid(cons, n)
    return {
        "srid": SRID_UNKNOWN if srid is None else srid,
        "scale_x": info.scale(cons, n, "x"),
        "scale_y": info.scale(cons, n, "y"),
        "blocksize_x": info.blocksize(cons, n, "width"),
        "blocksize_y": info.blocksize(cons, n, "height"),
        "same_alignment": bool(info.alignment(cons, n)),
        "regular_blocking": info.regular_blocking(cons, n, col.column_quoted),
        "num_bands": info.num_bands(cons, n),
        "pixel_types": info.pixel_types(cons, n),
        "nodata_values": info.nodata_values(cons, n),
        "out_db": info.out_db(cons, n),
        "extent": info.extent(cons, n),
        "spatial_index": bool(info.spatial_index(index_expressions, col.column)),
    }


def raster_overviews_rows(col, constraints):
    """The raster_overviews rows of one column: (refschema, reftable, refcolumn, factor)."""
    if col.relkind not in OVERVIEW_KINDS:
        return []
    return info.overview(constraints)
