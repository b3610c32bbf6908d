"""SQL adapters for sql/84-tiling.sql: ST_Tile, ST_MakeEmptyCoverage, resampling for
ST_Retile and ST_CreateOverview."""

import plpy

from plraster.functions import resample, tiling
from plraster.core import wkb
from plraster.functions import retile as retile_lib
from plraster.core.ticker import Ticker
from . import set_function  # noqa: F401 (adapters of other modules name it from here)


@set_function
def tile(rast, width, height, nband, padwithnodata, nodataval):
    """_ST_Tile(rast, width, height, nband[], padwithnodata, nodataval)."""
    return tiling.tile(rast, width, height, nband, padwithnodata, nodataval)


@set_function
def make_empty_coverage(tilewidth, tileheight, width, height, upperleftx, upperlefty,
                        scalex, scaley, skewx, skewy, srid):
    """ST_MakeEmptyCoverage(tilewidth, tileheight, width, height, upperleftx, upperlefty,
    scalex, scaley, skewx, skewy, srid)."""
    return tiling.make_empty_coverage(tilewidth, tileheight, width, height, upperleftx,
                                      upperlefty, scalex, scaley, skewx, skewy, srid)


@set_function
def retile(tab, col, xmin, ymin, xmax, ymax, sfx, sfy, tw, th, algo):
    """ST_Retile(tab, col, ext, sfx, sfy, tw, th, algo), given ext's bounds."""
    name = resample.algorithm(algo)
    g = retile_lib.grid(xmin, ymin, xmax, ymax, sfx, sfy, tw, th)
    column = plpy.quote_ident(col)
    rows = plpy.cursor("SELECT ctid::pg_catalog.text AS id, substring(%s::pg_catalog.bytea from 1 for %d) AS head "
                       "FROM %s WHERE %s IS NOT NULL" % (column, wkb.HEADER_SIZE, tab, column))
    headers = ((row["id"], wkb.read_header(row["head"])) for row in rows)
    cells = retile_lib.assign(headers, g, name)
    fetch = plpy.prepare("SELECT %s::pg_catalog.bytea AS rast FROM %s WHERE ctid OPERATOR(pg_catalog.=) ANY($1) ORDER BY ctid"
                         % (column, tab), ["tid[]"])
    return _retiled(g, cells, fetch, name)


def _retiled(g, cells, fetch, name):
    ticks = Ticker()
    for tx in range(g.ncols):
        ticks.tick(g.nrows)
        for ty in range(g.nrows):
            ticks.tick()
            touching, nearby = cells.get((tx, ty), ((), ()))
            if not touching:
                plpy.warning("No source tiles cover target tile %d,%d with extent %s"
                             % (tx, ty, retile_lib.box_text(*g.cell(tx, ty))))
                continue
            tile = retile_lib.build_tile(g, tx, ty, _pick(fetch, touching),
                                         _pick(fetch, nearby), name)
            if tile is not None:
                yield tile


def _pick(fetch, ids):
    if not ids:
        return []
    return [row["rast"] for row in plpy.execute(fetch, [list(ids)])]
