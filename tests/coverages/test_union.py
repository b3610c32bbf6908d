"""ST_Union against PostGIS, byte for byte: every form and union type, nodata, pixel types,
bands, NULL and empty rasters, alignment and SRID errors, tiles of a raster in any order."""
import numpy as np
import pytest

import conformance
from aggregate_helpers import ROWS, bands, raster, run_both
from rasters import pack

NAN = float("nan")
TYPES = ["LAST", "FIRST", "MIN", "MAX", "COUNT", "SUM", "MEAN", "RANGE"]


def union_template(args=""):
    return "SELECT {s}.st_union(r%s ORDER BY i)::bytea FROM %s" % (args, ROWS)


def compare_union(sql, rows, args="", form=None):
    """Run ST_Union(rast<args>) over rows on both sides; assert the same bytes, notices,
    or both failed."""
    pg, pl = run_both(sql, union_template(args), {"hexes": rows})
    assert sql.run("SELECT 1").rows == [(1,)], "the connection was lost"
    form = form or "ST_Union(rast%s)" % args
    ok = conformance.agree(pg, pl)
    conformance._FORMS[form] = conformance._FORMS.get(form, True) and ok
    assert ok, "%s differs:\n  PostGIS:  %r\n  plraster: %r" % (form, pg, pl)
    if pl.failed:
        assert pl.sqlstate != "XX000", pl
    return pg, pl


SETS = {
    "overlap": [raster([[1, 2, 3], [4, 5, 6]]), raster([[10, 20, 30], [40, 50, 60]], ul=(2, -1))],
    "zeros": [raster([[200, 0, 3]]), raster([[100, 1, 0]])],
    "nodata": [raster([[200, 5, 3]], nodata=5), raster([[100, 1, 0]], nodata=1)],
    "three": [raster([[0, 0, 5, 0]]), raster([[7, 4, 4, 9]]), raster([[8, 6, 6, 0]], nodata=6)],
    "isnodata": [raster([[0, 0, 5, 0]], nodata=0, isnodata=True), raster([[7, 4, 4, 9]])],
    "isnodata_alone": [raster([[3, 0]], nodata=0, isnodata=True)],
    "nan": [raster([[NAN, 1, 2, NAN]], pixtype="32BF"), raster([[NAN, NAN, 5, 7]], pixtype="32BF")],
    "near_nodata": [raster([[1e-9, 2]], pixtype="32BF", nodata=0),
                    raster([[1e-8, 0, 5]], pixtype="32BF", nodata=3, ul=(1, 0))],
    "types": [raster([[1, 2]]), raster([[300, -4]], pixtype="16BSI", ul=(1, 0))],
    "types2": [raster([[1, 2]], pixtype="16BSI"), raster([[200, 4]], ul=(1, 0))],
    "floats": [raster([[1.7, 2]], pixtype="32BF"), raster([[300.6, -4.5]], pixtype="32BF", ul=(1, 0))],
    "float_to_byte": [raster([[1, 2]]), raster([[250.6, -4.5]], pixtype="32BF", ul=(1, 0))],
    "float64": [raster([[1.5, -2]], pixtype="64BF"), raster([[0.25, 1e300]], pixtype="64BF", ul=(1, 0))],
    "signed": [raster([[-128, 7]], pixtype="8BSI", nodata=7), raster([[-3, 100]], pixtype="8BSI", ul=(1, 0))],
    "bits": [raster([[1, 0, 1]], pixtype="1BB"), raster([[0, 1, 1]], pixtype="1BB")],
    "uint32": [raster([[4e9, 1]], pixtype="32BUI"), raster([[4e9, 2]], pixtype="32BUI")],
    "mean_nodata": [raster([[-32768, 5]], pixtype="16BSI"), raster([[-32768, 6]], pixtype="16BSI")],
    "null_rows": [raster([[1, 2]]), None, raster([[3, 4]], ul=(1, 0))],
    "only_null": [None],
    "none": [],
    "empty_first": [pack(0, 0, []), raster([[3, 4]], ul=(1, 0))],
    "empty_second": [raster([[3, 4]], ul=(1, 0)), pack(0, 0, [])],
    "bandless_second": [raster([[3, 4]], ul=(1, 0)), pack(2, 1, [])],
    "bandless_first": [pack(2, 1, []), raster([[3, 4]], ul=(1, 0))],
    "bandless_only": [pack(2, 1, [], ul=(1, 0)), pack(2, 1, [], ul=(5, 0))],
    "bandless_misaligned_first": [pack(2, 1, [], ul=(0.5, 0)), raster([[3, 4]])],
    "disjoint": [raster([[1, 2]]), raster([[3, 4]], ul=(10, -10))],
    "srid": [raster([[1, 2]], srid=4326), raster([[3, 4]], srid=4326, ul=(5, 5))],
    "skew": [raster([[1, 2]], skew=(0.5, 0)), raster([[3, 4]], skew=(0.5, 0), ul=(1, 0))],
    "two_bands": [bands([([[1, 2]], None, "8BUI"), ([[10, 20]], 0, "16BSI")]),
                  bands([([[3, 4]], None, "8BUI"), ([[30, 40]], None, "16BSI")], ul=(1, 0))],
    "fewer_later": [bands([([[1, 2]], None, "8BUI"), ([[10, 20]], 0, "16BSI")]),
                    raster([[7, 8]], ul=(1, 0))],
    "more_later": [raster([[7, 8]], ul=(1, 0)),
                   bands([([[1, 2]], None, "8BUI"), ([[10, 20]], 0, "16BSI")])],
    "negative_offsets": [raster([[1, 2], [3, 4]], scale=(0.1, -0.1), ul=(0.3, 0.7)),
                         raster([[5, 6], [7, 8]], scale=(0.1, -0.1), ul=(0.1, 0.9))],
}
FAILING = {
    "misaligned": [raster([[1, 2]]), raster([[3, 4]], ul=(0.5, 0))],
    "scale": [raster([[1, 2]]), raster([[3, 4]], scale=(2, -1))],
    "srids": [raster([[1, 2]], srid=4326), raster([[3, 4]], srid=3857)],
    "bandless_misaligned": [raster([[1, 2]]), pack(2, 1, [], ul=(0.5, 0))],
}


@pytest.mark.parametrize("name", sorted(SETS))
@pytest.mark.parametrize("args", [""] + [", '%s'" % t for t in TYPES])
def test_union_types_match_postgis(sql, name, args):
    if name == "only_null" and ("RANGE" in args or "MEAN" in args):
        # PostGIS 3.3.2's backend crashes on this one: plraster alone, NULL as for the others
        out = sql.run(union_template(args).format(s=conformance.PLRASTER), {"hexes": [None]})
        assert out.rows == [(None,)]
        return
    compare_union(sql, SETS[name], args)


@pytest.mark.parametrize("name", sorted(FAILING))
def test_union_refuses_misaligned_rasters(sql, name):
    pg, pl = compare_union(sql, FAILING[name], form="ST_Union(misaligned)")
    assert pg.failed and pl.failed and pl.sqlstate == "22023", (pg.error, pl.error, pl.sqlstate)


@pytest.mark.parametrize("name", ["two_bands", "fewer_later", "more_later", "overlap", "bandless_second"])
@pytest.mark.parametrize("args", [
    ", 1", ", 2", ", 3", ", 0", ", 2, 'SUM'", ", 1, 'mean'", ", 1, NULL::text", ", NULL::int",
    ", NULL::text", ", ''", ", ' sum '", ", 'bogus'", ", 'Sum'",
    ", ARRAY[ROW(2,'SUM'), ROW(1,'MAX'), ROW(2,'count')]::{s}.unionarg[]",
    ", ARRAY[ROW(1,'SUM'), ROW(1,'SUM')]::{s}.unionarg[]",
    ", ARRAY[ROW(NULL,'SUM')]::{s}.unionarg[]", ", ARRAY[ROW(1,NULL)]::{s}.unionarg[]",
    ", ARRAY[ROW(0,'SUM')]::{s}.unionarg[]", ", ARRAY[ROW(3,'SUM')]::{s}.unionarg[]",
    ", ARRAY[]::{s}.unionarg[]", ", NULL::{s}.unionarg[]", ", ARRAY[ROW(1,'xx')]::{s}.unionarg[]",
])
def test_union_band_forms_match_postgis(sql, name, args):
    compare_union(sql, SETS[name], args)


def test_union_notices_for_null_unionarg_fields(sql):
    pg, pl = compare_union(sql, SETS["two_bands"],
                           ", ARRAY[ROW(NULL,'SUM'), ROW(2,NULL)]::{s}.unionarg[]")
    assert pl.notices == [
        "First argument (nband) of unionarg is NULL.  Assuming nband = 1",
        "Second argument (uniontype) of unionarg is NULL.  Assuming uniontype = LAST"]


def test_union_values(sql):
    """A hand-checked answer: MEAN of 8BUI truncates, 0.5 is moved off nodata 0 to 1."""
    pg, pl = compare_union(sql, SETS["zeros"], ", 'MEAN'")
    out = bytes(pl.rows[0][0])
    assert out[61:] == bytes([0x44, 0]) + bytes([127, 1, 1])


# ---- coverages: tiles of one raster, in several orders ----

@pytest.fixture(scope="module")
def tiles(sql):
    """A 16BSI raster with awkward georeference cut by PostGIS's ST_Tile (hex WKB), and
    the raster itself."""
    rng = np.random.default_rng(3)
    data = rng.integers(-20, 100, (37, 50))
    source = pack(50, 37, [dict(pixtype="16BSI", data=data, nodata=-9),
                           dict(pixtype="32BF", data=data * 0.5, nodata=None)],
                  ul=(0.123, 45.678), scale=(0.1, -0.1), srid=4326)
    out = sql.run("SELECT public.st_tile(public.st_rastfromhexwkb(%s), 8, 6, true, -9)::text",
                  (source,))
    assert not out.failed, out
    return [r[0] for r in out.rows], source


@pytest.mark.parametrize("order", ["forward", "backward", "shuffled"])
@pytest.mark.parametrize("args", ["", ", 'MEAN'", ", 2, 'MAX'", ", 'COUNT'"])
def test_union_of_tiles_matches_postgis(sql, tiles, order, args):
    hexes, _ = tiles
    if order == "backward":
        hexes = hexes[::-1]
    elif order == "shuffled":
        hexes = list(np.random.default_rng(5).permutation(hexes))
    compare_union(sql, hexes, args, form="ST_Union(tiles%s)" % args)


def test_union_of_tiles_rebuilds_the_raster(sql, tiles):
    """The padded tiles unioned give the source's georeference and pixels, plus padding."""
    hexes, source = tiles
    pg, pl = run_both(sql, union_template(", 1"), {"hexes": hexes})
    out, expected = bytes(pl.rows[0][0]), bytes.fromhex(source)
    assert out[:3] + out[5:57] == expected[:3] + expected[5:57]  # one band of the two
    assert int.from_bytes(out[57:59], "little") == 56 and int.from_bytes(out[59:61], "little") == 42
    assert out[61:64] == expected[61:64]  # 16BSI, nodata -9
    pixels = np.frombuffer(out, "<i2", 56 * 42, 64).reshape(42, 56)
    source_pixels = np.frombuffer(expected, "<i2", 50 * 37, 64).reshape(37, 50)
    assert (pixels[:37, :50] == source_pixels).all()
    assert (pixels[37:, :] == -9).all() and (pixels[:, 50:] == -9).all()


def test_union_of_overlapping_catalogue_tiles(sql):
    """Overlapping tiles with nodata holes, side by side and stacked."""
    rng = np.random.default_rng(8)
    rows = []
    for i in range(12):
        data = rng.integers(0, 50, (9, 11)).astype(float)
        data[rng.random((9, 11)) < 0.2] = 0
        rows.append(raster(data, nodata=0, pixtype="16BUI", ul=(3 * (i % 4), -2 * (i // 4))))
    for kind in TYPES:
        compare_union(sql, rows, ", '%s'" % kind, form="ST_Union(overlapping, %s)" % kind)


def test_union_of_many_tiles(sql):
    """400 tiles on a 20 x 20 grid, in a scrambled order."""
    rng = np.random.default_rng(9)
    rows = [raster(rng.integers(0, 255, (16, 16)), nodata=0, ul=(16 * (k % 20), -16 * (k // 20)))
            for k in rng.permutation(400)]
    compare_union(sql, rows, form="ST_Union(400 tiles)")
    compare_union(sql, rows, ", 'SUM'", form="ST_Union(400 tiles, SUM)")


def test_union_group_by_and_window(sql):
    """GROUP BY unions each group; a window call is refused (the final function releases
    the group's rasters), where PostGIS allows it."""
    rows = SETS["three"] + SETS["overlap"]
    template = ("SELECT i <= 3 AS g, {s}.st_union(r ORDER BY i)::bytea FROM " + ROWS +
                " GROUP BY 1 ORDER BY 1")
    pg, pl = run_both(sql, template, {"hexes": rows})
    assert pg.rows == pl.rows and len(pl.rows) == 2
    pl = sql.run(("SELECT {s}.st_union(r) OVER () FROM " + ROWS).format(s="plraster"),
                 {"hexes": rows})
    assert pl.failed and pl.sqlstate == "0A000"


@pytest.fixture
def outdb(sql, tmp_path):
    from aggregate_helpers import OutdbTiles
    tiles = OutdbTiles(sql, tmp_path)
    yield tiles
    tiles.close()


@pytest.mark.parametrize("args", ["", ", 'MEAN'", ", 'COUNT'"])
def test_union_of_outdb_tiles(sql, outdb, args):
    """Out-db tiles are read and unioned into an in-db raster, as PostGIS does."""
    template = "SELECT {s}.st_union(r%s ORDER BY i)::bytea FROM %s" % (args, outdb.rows())
    pg, pl = run_both(sql, template)
    assert conformance.agree(pg, pl), (pg, pl)
    if not args:
        out = bytes(pl.rows[0][0])
        pixels = np.frombuffer(out, "<u2", 32 * 30, 61 + 3).reshape(30, 32)
        assert (pixels == outdb.pixels[:, :32]).all()
