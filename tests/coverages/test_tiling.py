"""ST_Tile and ST_MakeEmptyCoverage compared with PostGIS raster, tile by tile, byte for byte.

Every tile is compared as hex WKB (`encode(t::bytea, 'hex')`: PostGIS's cast writes the
WKB, plraster's raster is the WKB), with its position in the set, over the catalogue
rasters (every pixel type, both byte orders, nodata variants, skewed and rotated
georeference, multi-band, out-db records) and sizes that do and do not divide the raster.
"""
import struct

import numpy as np
import pytest

from conformance import compare
from rasters import catalogue, pack

CAT = catalogue()


def _extra():
    raw5 = bytearray(bytes.fromhex(pack(3, 2, [{"pixtype": "16BUI", "data": [[1, 2, 3], [4, 5, 6]]}])))
    raw5[62:64] = struct.pack("<H", 5)  # nodata bytes without the has-nodata flag
    rng = np.random.default_rng(11)
    return {
        "raw_nodata": raw5.hex().upper(),
        "big_multiband": pack(37, 23, [
            {"pixtype": "8BUI", "data": rng.integers(0, 255, (23, 37)), "nodata": 0},
            {"pixtype": "32BF", "data": rng.uniform(-5, 5, (23, 37))},
            {"pixtype": "16BSI", "data": rng.integers(-900, 900, (23, 37)), "nodata": -1,
             "isnodata": False},
        ], scale=(0.25, -0.5), ul=(7.0, 45.0), skew=(0.01, -0.02), srid=4326),
        "big_xdr": pack(19, 13, [{"pixtype": "64BF", "data": rng.uniform(-1, 1, (13, 19))}],
                        scale=(3.0, 3.0), ul=(-1.5, 2.5), big_endian=True),
        "outdb_multi": pack(100, 70, [
            {"pixtype": "8BUI", "path": "/vsis3/bucket/a.tif", "index": 2},
            {"pixtype": "16BSI", "path": "GTIFF_DIR:2:/srv/b.tif", "index": 0, "nodata": -5},
        ], scale=(0.1, -0.1), ul=(3.0, 4.0), skew=(0.001, 0.002), srid=3857),
    }


ALL = dict(CAT, **_extra())
NAMES = sorted(ALL)

# (form label, argument list after the raster)
SIZES = [
    ("st_tile(w,h)", "1, 1"), ("st_tile(w,h)", "2, 3"), ("st_tile(w,h)", "3, 2"),
    ("st_tile(w,h)", "4, 4"), ("st_tile(w,h)", "5, 4"), ("st_tile(w,h)", "16, 7"),
    ("st_tile(w,h)", "100, 100"), ("st_tile(w,h)", "70000, 2"),
    ("st_tile(w,h,pad)", "2, 3, true"), ("st_tile(w,h,pad)", "3, 3, false"),
    ("st_tile(w,h,pad)", "5, 4, true"), ("st_tile(w,h,pad)", "16, 7, true"),
    ("st_tile(w,h,pad,nodata)", "2, 3, true, 9"), ("st_tile(w,h,pad,nodata)", "3, 2, true, -2.7"),
    ("st_tile(w,h,pad,nodata)", "4, 4, true, 300"), ("st_tile(w,h,pad,nodata)", "3, 3, true, 'NaN'"),
    ("st_tile(w,h,pad,nodata)", "5, 4, true, 1e40"), ("st_tile(w,h,pad,nodata)", "2, 2, false, 9"),
    ("st_tile(w,h,pad,nodata)", "2, 2, NULL::boolean, 9"),
    ("st_tile(w,h,pad,nodata)", "2, 2, true, NULL"),
]


@pytest.mark.parametrize("label,args", SIZES)
@pytest.mark.parametrize("name", NAMES)
def test_tile_all_bands(sql, name, label, args):
    compare(sql, label, "SELECT n, encode(t::bytea, 'hex') FROM {s}.st_tile({r}, %s) "
            "WITH ORDINALITY AS x(t, n)" % args, rasters={"r": ALL[name]})


BAND_ARGS = [
    ("st_tile(nband[],w,h)", "ARRAY[1], 2, 3"), ("st_tile(nband[],w,h)", "ARRAY[2], 3, 2"),
    ("st_tile(nband[],w,h)", "ARRAY[3, 1], 4, 4"), ("st_tile(nband[],w,h)", "ARRAY[1, 1], 5, 5"),
    ("st_tile(nband[],w,h)", "ARRAY[1, NULL], 2, 2"), ("st_tile(nband[],w,h)", "ARRAY[]::integer[], 2, 2"),
    ("st_tile(nband[],w,h)", "NULL::integer[], 3, 3"), ("st_tile(nband[],w,h)", "ARRAY[0], 3, 3"),
    ("st_tile(nband[],w,h)", "ARRAY[4], 3, 3"), ("st_tile(nband[],w,h)", "ARRAY[-1], 3, 3"),
    ("st_tile(nband[],w,h,pad,nodata)", "ARRAY[2, 1], 3, 3, true, 7"),
    ("st_tile(nband[],w,h,pad,nodata)", "ARRAY[2], 4, 5, true"),
    ("st_tile(nband,w,h)", "1, 2, 3"), ("st_tile(nband,w,h)", "2, 3, 3"),
    ("st_tile(nband,w,h)", "3, 3, 3"), ("st_tile(nband,w,h)", "0, 3, 3"),
    ("st_tile(nband,w,h)", "NULL::integer, 3, 3"),
    ("st_tile(nband,w,h,pad,nodata)", "1, 3, 3, true, 255"),
    ("st_tile(nband,w,h,pad,nodata)", "2, 3, 2, true, -1"),
]
MULTI = ["multiband", "big_multiband", "outdb_mixed", "outdb_multi", "8BUI_nodata", "raw_nodata",
         "8BUI_isnodata", "16BSI_xdr", "empty", "empty_2x2"]


@pytest.mark.parametrize("label,args", BAND_ARGS)
@pytest.mark.parametrize("name", MULTI)
def test_tile_band_subsets(sql, name, label, args):
    compare(sql, label, "SELECT n, encode(t::bytea, 'hex') FROM {s}.st_tile({r}, %s) "
            "WITH ORDINALITY AS x(t, n)" % args, rasters={"r": ALL[name]})


ODD_ARGS = [
    "0, 3", "3, 0", "-1, 3", "3, -2", "NULL, 3", "3, NULL", "NULL, NULL", "0, NULL",
    "3, 70000, true", "65536, 1, true", "2, 2, NULL",
]


@pytest.mark.parametrize("args", ODD_ARGS)
@pytest.mark.parametrize("name", ["8BUI_nodata", "empty", "multiband", "outdb"])
def test_tile_odd_arguments(sql, name, args):
    compare(sql, "st_tile odd arguments", "SELECT n, encode(t::bytea, 'hex') FROM {s}.st_tile({r}, %s) "
            "WITH ORDINALITY AS x(t, n)" % args, rasters={"r": ALL[name]})


@pytest.mark.parametrize("args", ["ARRAY[9], 0, 0", "ARRAY[9], NULL, 2", "ARRAY[9], 2, 2"])
def test_tile_check_order(sql, args):
    """Which complaint comes first when several arguments are wrong."""
    for name in ("multiband", "empty"):
        compare(sql, "st_tile check order", "SELECT count(*) FROM {s}.st_tile({r}, %s)" % args,
                rasters={"r": ALL[name]})


def test_tile_null_raster(sql):
    compare(sql, "st_tile(NULL)", "SELECT count(*) FROM {s}.st_tile(NULL::{s}.raster, 2, 2)")
    compare(sql, "_st_tile", "SELECT n, encode(t::bytea, 'hex') FROM {s}._st_tile({r}, 2, 3, "
            "nodataval => 4, padwithnodata => true) WITH ORDINALITY AS x(t, n)",
            rasters={"r": ALL["big_multiband"]})


def test_tile_outdb_reads_nothing(sql):
    """Out-db tiles stay out-db, keep path and band number, and no pixel is read: the
    paths here do not exist, and a tile's record names them unchanged."""
    rows = sql.run("SELECT t::bytea FROM plraster.st_tile('\\x%s'::plraster.raster, 30, 40) t"
                   % ALL["outdb"].lower()).rows
    assert len(rows) == 6
    for (tile,) in rows:
        assert tile[61] & 0x80 and tile.endswith(b"/vsicurl/http://127.0.0.1/dem.tif\0")


COVERAGES = [
    "2, 3, 5, 4, 10, 20, 2, -3, 0.5, 0.25, 4326", "2, 3, 5, 4, 10, 20, 2, -3, 0.5, 0.25",
    "256, 256, 1000, 700, 500000, 4500000, 30, -30, 0, 0, 32631",
    "7, 3, 5, 4, 10, 20, 2, -3, 0, 0", "2, 3, 0, 4, 10, 20, 2, -3, 0, 0",
    "2, 3, 5, 4, 10, 20, 0, 0, 0.5, 0.25", "3, 3, 10, 10, 0, 0, 0.1, 0.1, 0, 0",
    "3, 3, 10, 10, 0, 0, 0.1, -0.3, 0.02, 0.01, 3857", "3, 3, 10, 10, 0, 0, -0.1, -0.1, 0, 0",
    "2, 3, 5, 4, 10, 20, 2, -3, 0.5, 0.25, -5", "2, 3, 5, 4, 10, 20, 2, -3, 0.5, 0.25, 1999999",
    "0, 3, 5, 4, 10, 20, 2, -3, 0, 0", "2, 0, 5, 4, 10, 20, 2, -3, 0, 0",
    "2, 3, 5, 4, 10, 20, 2, -3, 0, 0, NULL", "2, NULL, 5, 4, 10, 20, 2, -3, 0, 0",
    "2, 3, -5, 1, 10, 20, 2, -3, 0, 0", "1, 1, 3, 2, 0.1, 0.7, 0.3, -0.7, 0.1, 0.2",
]


@pytest.mark.parametrize("args", COVERAGES)
def test_make_empty_coverage(sql, args):
    compare(sql, "st_makeemptycoverage", "SELECT n, encode(t::bytea, 'hex') FROM "
            "{s}.st_makeemptycoverage(%s) WITH ORDINALITY AS x(t, n)" % args)
