"""SQL adapters for sql/88-stats.sql: ST_Count/ST_CountAgg, ST_Histogram, ST_Quantile,
ST_ValueCount and their Approx and table forms."""
import plpy

from plraster.core.errors import InvalidParameterError
from plraster.core.ticker import Ticker
from plraster.functions import valuestats
from . import sql_function
from .tiling import set_function

histogram_rows = set_function(valuestats.histogram_rows)
quantile_rows = set_function(valuestats.quantile_rows)
value_count_rows = set_function(valuestats.value_count_rows)
count_transfn = sql_function(valuestats.count_state_add)

_BATCH = 64


@sql_function
def count_finalfn(agg):
    """Final function of ST_CountAgg: the count, or an error when no row was seen."""
    if agg is None:
        raise InvalidParameterError("cannot count coverage",
                                       detail="ST_CountAgg was given no rows.")
    return agg["count"]


def _table_rasters(rastertable, rastercolumn):
    """The rasters of a table's column, read through a cursor."""
    parts = plpy.execute(plpy.prepare("SELECT pg_catalog.parse_ident($1) AS p", ["text"]),
                         [rastertable])[0]["p"]
    table = ".".join(plpy.quote_ident(p) for p in parts)
    query = "SELECT %s::pg_catalog.bytea AS r FROM %s" % (plpy.quote_ident(rastercolumn), table)
    tick = Ticker(every=1)
    cursor = plpy.cursor(query)
    while True:
        rows = cursor.fetch(_BATCH)
        if not rows:
            break
        for row in rows:
            tick.tick()
            yield row["r"]


@set_function
def coverage_value_count_rows(rastertable, rastercolumn, nband, exclude_nodata_value,
                              searchvalues, roundto):
    """_ST_ValueCount(rastertable, rastercolumn, ...): counts over every raster of the column."""
    if rastertable is None or rastercolumn is None:
        return []
    return valuestats.coverage_value_count(_table_rasters(rastertable, rastercolumn), nband,
                                           exclude_nodata_value, searchvalues, roundto)
