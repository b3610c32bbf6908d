"""SQL adapters for sql/86-aggregates.sql: ST_SummaryStats, ST_SummaryStatsAgg, ST_Union."""
import plpy

from plraster.functions import stats, union
from . import sql_function

summary_stats = sql_function(stats.summary_stats)
stats_transfn = sql_function(stats.stats_state_add)
stats_finalfn = sql_function(stats.stats_state_result)
union_finalfn = sql_function(union.group_result)

_NOW = []


def _transaction_stamp():
    """The current transaction's start time, which names it within this backend."""
    if not _NOW:
        _NOW.append(plpy.prepare("SELECT pg_catalog.now()::pg_catalog.text AS stamp"))
    return plpy.execute(_NOW[0])[0]["stamp"]


@sql_function
def union_transfn(state, rast, nband=union.ALL_BANDS, uniontype=union.NO_TYPE):
    """Transition of the ST_Union forms with an optional band and union type."""
    return union.group_add(state, rast, lambda: union.specs_for(nband, uniontype),
                           _transaction_stamp)


@sql_function
def union_transfn_unionargs(state, rast, unionargs):
    """Transition of ST_Union(raster, unionarg[])."""
    return union.group_add(state, rast, lambda: union.specs_for_unionargs(unionargs),
                           _transaction_stamp)
