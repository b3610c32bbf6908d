"""Constructors and editors compared with PostGIS raster, byte for byte.

Every result raster is compared as hex WKB: `encode((<expr>)::bytea, 'hex')` gives
PostGIS's WKB (its raster-to-bytea cast writes the same bytes as ST_AsBinary) and
plraster's raster bytes as they are, so plraster's output itself is checked, not a
re-encoding of it.
"""
import math
import struct

import numpy as np
import pytest

from conformance import compare
from plraster.core import wkb
from rasters import catalogue, pack

CAT = catalogue()


def _extra():
    raw5 = bytearray(bytes.fromhex(pack(2, 1, [{"pixtype": "16BUI", "data": [[1, 2]]}])))
    raw5[62:64] = struct.pack("<H", 5)  # nodata bytes without the has-nodata flag
    raw5x = bytearray(bytes.fromhex(pack(2, 1, [{"pixtype": "16BUI", "data": [[1, 2]]}],
                                         big_endian=True)))
    raw5x[62:64] = struct.pack(">H", 5)
    return {
        "raw_nodata": raw5.hex().upper(),
        "raw_nodata_xdr": raw5x.hex().upper(),
        "multiband_xdr": pack(4, 3, [
            {"pixtype": "8BUI", "data": np.arange(12).reshape(3, 4), "nodata": 0},
            {"pixtype": "32BF", "data": np.full((3, 4), 2.5)},
        ], scale=(0.5, -0.5), ul=(-10.0, 10.0), srid=3857, big_endian=True),
        "all7": pack(2, 2, [{"pixtype": "8BUI", "data": np.full((2, 2), 7)}]),
        "f32_ones": pack(2, 1, [{"pixtype": "32BF", "data": [[1.0, 1.0]]}]),
        "f64_nan": pack(2, 1, [{"pixtype": "64BF", "data": [[np.nan, np.nan]]}]),
        "srid_neg": pack(1, 1, [{"pixtype": "8BUI", "data": [[1]]}], srid=-7),
        "zero_scale": pack(2, 2, scale=(0.0, 0.0)),
        "outdb_xdr": pack(8, 8, [{"pixtype": "32BF", "path": "/data/x.tif", "index": 3,
                                  "nodata": -1.0}], big_endian=True),
    }


ALL = dict(CAT, **_extra())
# PostGIS turns a negative SRID into 0 with a NOTICE whenever it reads a raster, which is
# the codec's business (wkb.read_header keeps it): srid_neg is used where that is moot.
NAMES = sorted(n for n in ALL if n != "srid_neg")
IN_DB = [n for n in NAMES if not n.startswith("outdb")]
WITH_BANDS = [n for n in NAMES if n not in ("empty", "empty_2x2", "zero_scale")]
PIXTYPES = ["1BB", "2BUI", "4BUI", "8BSI", "8BUI", "16BSI", "16BUI", "32BSI", "32BUI",
            "32BF", "64BF"]
VALUES = [0, 1, -1, 3.7, -3.7, 2.5, 300, -300, 65536, 1e10, -1e10, 1e40, 1.5e-50,
          "'NaN'", "'Infinity'", "'-Infinity'", "NULL"]


def hexcmp(sql, form, expr, **rasters):
    """Compare the hex WKB of a raster expression between PostGIS and plraster."""
    rasters = {k: ALL.get(v, v) for k, v in rasters.items()}
    return compare(sql, form, "SELECT encode((%s)::bytea, 'hex')" % expr, rasters=rasters)


def hexcmp_nan(sql, form, expr, **rasters):
    """hexcmp, but a NaN's sign bit is not compared (x86's default NaN is negative, and
    which NaN operand C propagates depends on the compiler's operand order): only for
    ST_SetRotation and ST_SetGeoTransform, whose degenerate inputs give NaNs."""
    rasters = {k: ALL.get(v, v) for k, v in rasters.items()}
    return compare(sql, form, "SELECT regexp_replace(encode((%s)::bytea, 'hex'), "
                   "'000000000000f8ff', '000000000000f87f', 'g')" % expr, rasters=rasters)


def f8(v):
    """SQL literal of a double for a template."""
    return "%s::float8" % v


# --- ST_MakeEmptyRaster -------------------------------------------------------------

@pytest.mark.parametrize("args", [
    "2, 3, 1.5, 2.5, 1, -1, 0.1, 0.2, 4326", "0, 0, 0, 0, 1, -1, 0, 0, 0",
    "-1, 3, 0, 0, 1, -1, 0, 0, 0", "70000, 65536, 0, 0, 1, -1, 0, 0, 0",
    "65535, 1, 'NaN', 'Infinity', '-Infinity', -0.0, 1e300, -1e-300, 3857",
    "1, 1, 0, 0, 0, 0, 0, 0, -5", "1, 1, 0, 0, 0, 0, 0, 0, 1000000",
    "1, 1, 0, 0, 0, 0, 0, 0, 2147483647", "1, 1, 0, 0, 0, 0, 0, 0, 999999",
    "1, 1, 0, 0, 0, 0, 0, 0, NULL", "NULL, 1, 0, 0, 0, 0, 0, 0, 0",
])
def test_make_empty_raster_full(sql, args):
    hexcmp(sql, "ST_MakeEmptyRaster(integer, integer, float8, float8, float8, float8, float8, float8, integer)",
           "{s}.st_makeemptyraster(%s)" % args)


def test_make_empty_raster_default_srid(sql):
    hexcmp(sql, "ST_MakeEmptyRaster(integer, integer, float8, float8, float8, float8, float8, float8, integer)",
           "{s}.st_makeemptyraster(5, 4, 10, 20, 2, -2, 0.5, 0.25)")


@pytest.mark.parametrize("args", ["2, 3, 1.5, 2.5, 0.5", "10, 10, -180, 90, 0", "1, 1, 0, 0, -2",
                                  "1, 1, 0, 0, NULL", "1, 1, 0, 0, 'NaN'"])
def test_make_empty_raster_pixelsize(sql, args):
    hexcmp(sql, "ST_MakeEmptyRaster(integer, integer, float8, float8, float8)",
           "{s}.st_makeemptyraster(%s)" % args)


@pytest.mark.parametrize("name", NAMES)
def test_make_empty_raster_like(sql, name):
    hexcmp(sql, "ST_MakeEmptyRaster(raster)", "{s}.st_makeemptyraster({r})", r=name)


# --- ST_AddBand: new in-db bands ----------------------------------------------------

@pytest.mark.parametrize("pixtype", PIXTYPES)
@pytest.mark.parametrize("initial", VALUES)
def test_add_band_values(sql, pixtype, initial):
    for nodata in ("NULL", initial, 3.2, "'NaN'", -1, 1e40):
        hexcmp(sql, "ST_AddBand(raster, text, float8, float8)",
               "{s}.st_addband({r}, '%s'::text, %s, %s)" % (pixtype, f8(initial), f8(nodata)),
               r="empty_2x2")


@pytest.mark.parametrize("name", NAMES)
def test_add_band_to_catalogue(sql, name):
    for pixtype, initial, nodata in (("8BUI", 3.7, 3.7), ("32BF", 1.1, 1.1000001),
                                     ("16BSI", -2.5, None), ("64BF", 1, 1.0000002)):
        hexcmp(sql, "ST_AddBand(raster, text, float8, float8)",
               "{s}.st_addband({r}, '%s'::text, %s, %s)" % (pixtype, f8(initial), f8(nodata or "NULL")),
               r=name)
    for index in (1, 2, 3, 5, None):
        hexcmp(sql, "ST_AddBand(raster, integer, text, float8, float8)",
               "{s}.st_addband({r}, %s::int, '8BSI', -5::float8, 4::float8)" % (index or "NULL"),
               r=name)


@pytest.mark.parametrize("pixtype", ["8bui", "8BUX", " 8BUI", "", "NULL"])
def test_add_band_invalid_pixel_type(sql, pixtype):
    lit = "NULL" if pixtype == "NULL" else "'%s'" % pixtype
    pg, pl = hexcmp(sql, "ST_AddBand(raster, text, float8, float8)",
                    "{s}.st_addband({r}, %s::text, 1::float8, NULL::float8)" % lit, r="8BUI")
    assert pl.failed and pl.sqlstate == "22023"


def test_add_band_16bf(sql):
    """PostGIS 3.3 rejects 16BF; plraster accepts it as PostGIS 3.7 does (deliberate)."""
    got = sql.value("SELECT encode(plraster.st_addband(plraster.st_makeemptyraster(2, 1, 0, 0, 1), "
                    "'16BF'::text, 1e6::float8, 0.5::float8)::bytea, 'hex')")
    expected_header = pack(2, 1, [{"pixtype": "8BUI", "data": [[0, 0]]}]).lower()[:122]
    assert got[:122] == expected_header
    assert got[122:] == "49" + "0038" + "ff7b" * 2  # 16BF, nodata 0.5, 1e6 clamped to 65504


@pytest.mark.parametrize("index", [0, -3])
def test_add_band_invalid_index(sql, index):
    pg, pl = hexcmp(sql, "ST_AddBand(raster, integer, text, float8, float8)",
                    "{s}.st_addband({r}, %d, '8BUI'::text, 1::float8, NULL::float8)" % index,
                    r="multiband")
    assert pl.failed and pl.sqlstate == "22023"


@pytest.mark.parametrize("arr", [
    "ARRAY[ROW(1,'8BUI',1,NULL),ROW(1,'16BUI',2,NULL),ROW(NULL,'8BSI',3,NULL),ROW(9,'8BUI',4,4)]",
    "ARRAY[NULL, ROW(9,'8BUI',4,4)]", "ARRAY[NULL]", "ARRAY[]", "ARRAY[ROW(NULL,NULL,NULL,NULL)]",
    "ARRAY[ROW(1,'8BUI',1,NULL),ROW(1,'8BUX',2,NULL)]", "ARRAY[ROW(2,'32BF',NULL,NULL)]",
    "ARRAY[ROW(1,'32BF','NaN','NaN'),ROW(3,'64BF','Infinity',NULL),ROW(20,'1BB',1,1)]",
    "ARRAY[ARRAY[ROW(1,'8BUI',1,NULL)::{s}.addbandarg],ARRAY[ROW(1,'8BSI',2,NULL)::{s}.addbandarg]]",
])
def test_add_band_argset(sql, arr):
    for name in ("empty", "8BUI_xdr", "multiband", "outdb_mixed", "raw_nodata_xdr"):
        cast = "" if arr.startswith("ARRAY[ARRAY") else "::{s}.addbandarg[]"
        hexcmp(sql, "ST_AddBand(raster, addbandarg[])",
               "{s}.st_addband({r}, %s%s)" % (arr, cast), r=name)


def test_add_band_null_raster(sql):
    hexcmp(sql, "ST_AddBand(raster, text, float8, float8)",
           "{s}.st_addband(NULL::{s}.raster, '8BUI'::text, 1::float8, NULL::float8)")


# --- ST_AddBand: bands copied from other rasters ------------------------------------

COPY_PAIRS = [("8BUI_xdr", "16BUI_xdr"), ("8BUI", "8BUI_nodata_xdr"), ("multiband", "multiband"),
              ("multiband", "multiband_xdr"), ("8BUI", "edge_1x1"), ("empty", "empty"),
              ("empty_2x2", "empty"), ("empty_2x2", "outdb_mixed"), ("outdb_mixed", "outdb_mixed"),
              ("raw_nodata", "raw_nodata_xdr"), ("32BF", "64BF_nodata"), ("outdb", "outdb"),
              ("8BUI_isnodata", "8BUI_isnodata")]


@pytest.mark.parametrize("to,frm", COPY_PAIRS)
def test_add_band_from_raster(sql, to, frm):
    form = "ST_AddBand(raster, raster, integer, integer)"
    hexcmp(sql, form, "{s}.st_addband({r1}, {r2})", r1=to, r2=frm)
    for fromband in (0, 1, 2, 3, 4, "NULL"):
        for index in (-1, 0, 1, 2, 3, 4, 5, "NULL"):
            hexcmp(sql, form, "{s}.st_addband({r1}, {r2}, %s, %s)" % (fromband, index),
                   r1=to, r2=frm)


def test_add_band_from_null_rasters(sql):
    form = "ST_AddBand(raster, raster, integer, integer)"
    hexcmp(sql, form, "{s}.st_addband(NULL::{s}.raster, {r}, 1)", r="8BUI")
    hexcmp(sql, form, "{s}.st_addband({r}, NULL::{s}.raster, 1)", r="8BUI_xdr")


RASTER_ARRAYS = [
    ["16BUI_xdr", "8BSI"], ["16BUI_xdr", None, "8BSI"], [None, "16BUI", None, "8BSI"],
    ["16BUI", "edge_1x1"], ["16BUI", "empty"], [None, "empty"], ["multiband", "8BSI"],
    ["skewed"], ["multiband", "multiband_xdr"], ["16BUI", "8BSI", "32BF"], [None], [],
    ["outdb_mixed"],
]


def _raster_array(items):
    lits = ["NULL" if n is None else "{%s}" % n for n in items]
    return "ARRAY[%s]::{s}.raster[]" % ", ".join(lits)


def _num_bands(name):
    return wkb.read_header(bytes.fromhex(ALL[name])).num_bands


def _crashes_postgis(items, fromband):
    """PostGIS 3.3 crashes (SIGSEGV) when torast is NULL and a source after the first lacks
    band fromband; plraster gives the NOTICE and NULL. Those cases are left out."""
    sources = [n for n in items if n is not None]
    wanted = 1 if fromband == "NULL" else fromband
    return wanted >= 1 and any(_num_bands(n) < wanted for n in sources[1:])


@pytest.mark.parametrize("items", RASTER_ARRAYS, ids=lambda i: "-".join(map(str, i)) or "none")
def test_add_bands_from_raster_array(sql, items):
    form = "ST_AddBand(raster, raster[], integer, integer)"
    rasters = {n: ALL[n] for n in items if n is not None}
    arr = _raster_array(items)
    for dest in ("NULL::{s}.raster", "{8BUI}", "{multiband}", "{empty}", "{8BUI_xdr}"):
        rs = dict(rasters)
        for n in ("8BUI", "multiband", "empty", "8BUI_xdr"):
            rs[n] = ALL[n]
        for fromband in (1, 2, 0, "NULL"):
            if dest.startswith("NULL") and _crashes_postgis(items, fromband):
                continue
            for index in ("NULL", 0, 1, 2, 3, 5):
                compare(sql, form, "SELECT encode((%s)::bytea, 'hex')"
                        % ("{s}.st_addband(%s, %s, %s, %s)" % (dest, arr, fromband, index)),
                        rasters=rs)


def test_add_bands_from_null_array(sql):
    form = "ST_AddBand(raster, raster[], integer, integer)"
    hexcmp(sql, form, "{s}.st_addband({r}, NULL::{s}.raster[], 0, 0)", r="8BUI_xdr")
    hexcmp(sql, form, "{s}.st_addband(NULL::{s}.raster, NULL::{s}.raster[], 1)")


# --- ST_AddBand: out-db forms (no out-db source is open: both refuse here) ----------

@pytest.mark.parametrize("name", ["8BUI", "multiband", "empty"])
def test_add_outdb_band(sql, name):
    form = "ST_AddBand(raster, integer, text, integer[], float8)"
    for index in (0, 1, 2, 4, 9, "NULL"):
        for path in ("'/tmp/x.tif'", "NULL", "''"):
            pg, pl = hexcmp(sql, form, "{s}.st_addband({r}, %s, %s, ARRAY[1], 0)" % (index, path),
                            r=name)
            if path != "'/tmp/x.tif'":
                assert not pl.failed
            else:
                assert pl.sqlstate == "42501"  # no out-db source allows /tmp/x.tif
    form = "ST_AddBand(raster, text, integer[], integer, float8)"
    for path in ("'/tmp/x.tif'", "NULL", "''"):
        hexcmp(sql, form, "{s}.st_addband({r}, %s::text, ARRAY[1])" % path, r=name)
        hexcmp(sql, form, "{s}.st_addband({r}, %s::text, ARRAY[1,2], 2, -1)" % path, r=name)
    hexcmp(sql, form, "{s}.st_addband(NULL::{s}.raster, '/tmp/x.tif', ARRAY[1])")
    hexcmp(sql, form, "{s}.st_addband(NULL::{s}.raster, NULL::text, ARRAY[1])")


# --- ST_Band ----------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_band(sql, name):
    hexcmp(sql, "ST_Band(raster, integer[])", "{s}.st_band({r})", r=name)
    for arr in ("ARRAY[3,1,3]", "ARRAY[2]", "ARRAY[0]", "ARRAY[1,4]", "ARRAY[]::int[]",
                "ARRAY[NULL]::int[]", "ARRAY[1,NULL,2]", "ARRAY[[1,2],[3,1]]", "NULL::int[]"):
        hexcmp(sql, "ST_Band(raster, integer[])", "{s}.st_band({r}, %s)" % arr, r=name)
    for n in (1, 2, 3, 0, -1, "NULL"):
        hexcmp(sql, "ST_Band(raster, integer)", "{s}.st_band({r}, %s::int)" % n, r=name)


@pytest.mark.parametrize("args", [
    "'3, 1'", "'3;1', ';'", "'3 ; 1', ';'", "'3|1', '|'", "'3.1', '.'", "'3x1', ''",
    "'3,,1'", "'a,1'", "''", "'2'", "'3 1', ' '", "'3ab1', 'ab'", "'3', 'ab'", "'+3,-1'",
    "'1e1,2'", "'99999999999,1'", "'1d2', 'd'", "E'1\\t,\\n2'", "'2,1', NULL", "NULL",
])
def test_band_text(sql, args):
    for name in ("multiband", "multiband_xdr", "8BUI"):
        hexcmp(sql, "ST_Band(raster, text, character)", "{s}.st_band({r}, %s)" % args, r=name)


# --- header editors ---------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_set_srid(sql, name):
    for srid in (4326, 0, -5, 999999, 1000000, 2147483647, -2147483648, "NULL"):
        hexcmp(sql, "ST_SetSRID(raster, integer)", "{s}.st_setsrid({r}, %s)" % srid, r=name)


@pytest.mark.parametrize("name", NAMES)
def test_set_scale_skew_upperleft(sql, name):
    for v in (2, 0, -0.5, "'NaN'", "'Infinity'", "NULL", 1e-300):
        hexcmp(sql, "ST_SetScale(raster, float8)", "{s}.st_setscale({r}, %s)" % f8(v), r=name)
        hexcmp(sql, "ST_SetSkew(raster, float8)", "{s}.st_setskew({r}, %s)" % f8(v), r=name)
    for a, b in ((2, -3), (0.1, "'-Infinity'"), ("NULL", 1), (-0.0, 1e300)):
        hexcmp(sql, "ST_SetScale(raster, float8, float8)",
               "{s}.st_setscale({r}, %s, %s)" % (f8(a), f8(b)), r=name)
        hexcmp(sql, "ST_SetSkew(raster, float8, float8)",
               "{s}.st_setskew({r}, %s, %s)" % (f8(a), f8(b)), r=name)
        hexcmp(sql, "ST_SetUpperLeft(raster, float8, float8)",
               "{s}.st_setupperleft({r}, %s, %s)" % (f8(a), f8(b)), r=name)


ANGLES = [0, 0.5, -0.5, math.pi / 2, math.pi, 3, -7, 1e-9, 100]


@pytest.mark.parametrize("name", NAMES)
def test_set_rotation(sql, name):
    for angle in ANGLES + ["'NaN'", "NULL"]:
        hexcmp_nan(sql, "ST_SetRotation(raster, float8)", "{s}.st_setrotation({r}, %s)" % f8(angle),
               r=name)


def _header(scale, skew):
    return pack(2, 2, scale=scale, skew=skew, ul=(1.0, 2.0))


def test_set_rotation_many_geotransforms(sql):
    rng = np.random.default_rng(7)
    for _ in range(60):
        sx, sy, kx, ky = (float(v) for v in rng.uniform(-5, 5, 4))
        angle = float(rng.uniform(-7, 7))
        hexcmp(sql, "ST_SetRotation(raster, float8)", "{s}.st_setrotation({r}, %r)" % angle,
               r=_header((sx, sy), (kx, ky)))


GEOTRANSFORMS = [(1, 2, 3, 4, 5, 6), (0, 2, 3, 4, 5, 6), (1, 0, 0, 0, 5, 6), (1, 1, 0, 0, 5, 6),
                 (2, 3, 0.5, 0.1, 5, 6), (2, 3, 0, math.pi, 0, 0), (2, 3, 1, -math.pi / 2, 0, 0),
                 (2, 3, -1, 4, 1e10, -1e10), (2, 3, 7, -5, 0, 0)]


# PostGIS 3.3 crashes (SIGSEGV) in ST_SetGeoTransform on a raster with bands: compare on
# band-less rasters only, and check rasters with bands against PostGIS's other setters.
@pytest.mark.parametrize("gt", GEOTRANSFORMS)
def test_set_geotransform(sql, gt):
    args = ", ".join(repr(float(v)) for v in gt)
    for name in NAMES:
        hexcmp_nan(sql, "ST_SetGeoTransform(raster, float8, float8, float8, float8, float8, float8)",
               "{s}.st_setgeotransform({s}.st_makeemptyraster({r}), %s)" % args, r=name)


def test_set_geotransform_random(sql):
    rng = np.random.default_rng(11)
    for _ in range(60):
        args = ", ".join(repr(float(v)) for v in rng.uniform(-7, 7, 6))
        hexcmp(sql, "ST_SetGeoTransform(raster, float8, float8, float8, float8, float8, float8)",
               "{s}.st_setgeotransform({r}, %s)" % args, r="empty_2x2")


def test_set_geotransform_nulls(sql):
    for i in range(7):
        args = ["{r}", "1", "2", "3", "4", "5", "6"]
        args[i] = "NULL::{s}.raster" if i == 0 else "NULL"
        hexcmp_nan(sql, "ST_SetGeoTransform(raster, float8, float8, float8, float8, float8, float8)",
               "{s}.st_setgeotransform(%s)" % ", ".join(args), r="empty")


@pytest.mark.parametrize("name", WITH_BANDS)
def test_set_geotransform_keeps_bands(sql, name):
    """plraster on a raster with bands = PostGIS's setters with PostGIS's computed values."""
    r = ALL[name]
    zero = sql.value("SELECT ARRAY[public.st_scalex(g), public.st_scaley(g), public.st_skewx(g), "
                     "public.st_skewy(g)] FROM (SELECT public.st_setgeotransform("
                     "public.st_makeemptyraster('%s'::public.raster), 2, 3, 0.5, 0.1, 5, 6) g) q" % r)
    expected = sql.value(
        "SELECT encode(public.st_setupperleft(public.st_setskew(public.st_setscale("
        "'%s'::public.raster, %r, %r), %r, %r), 5, 6)::bytea, 'hex')" % (r, zero[0], zero[1], zero[2], zero[3]))
    got = sql.value("SELECT encode(plraster.st_setgeotransform('\\x%s'::plraster.raster, "
                    "2, 3, 0.5, 0.1, 5, 6)::bytea, 'hex')" % r.lower())
    assert got == expected


@pytest.mark.parametrize("text", [
    "1 0 0 -1 10 20", "1.5 0.25 -0.25 -1.5 100.125 -200", "  2 0 0 -2 1 2 trailing",
    "x 1 2 3 4 5 6", "1  0 0 -1 10 20", "1\t0\t0\t-1\t10\t20", "1e3 0 0 -1 10 20",
    "1 0 0 -1 10", "1.5.3 2 3 4 5 6", "-0 -0 -0 -0 -0 -0", "", "+1 0 0 -1 10 20",
    ".5 0 0 -1 10 20", "1 0 0 -1 10 20 30 40", "007 0 0 -1 10 20",
])
def test_set_georeference_text(sql, text):
    for fmt in (None, "GDAL", "ESRI", "esri", "WORLD"):
        for name in ("8BUI", "8BUI_xdr", "empty", "outdb"):
            extra = "" if fmt is None else ", '%s'" % fmt
            hexcmp(sql, "ST_SetGeoReference(raster, text, text)",
                   "{s}.st_setgeoreference({r}, '%s'%s)" % (text, extra), r=name)


@pytest.mark.parametrize("nums", [
    (10, 20, 1, -1, 0, 0), (0.5, -0.5, 0.25, -0.25, 0.125, 0), (1e-05, 2, 3, 4, 5, 6),
    ("'NaN'", 2, 3, 4, 5, 6), (123456789012345678, 1, 1, 1, 1, 1), (-1.5, 2.75, 3, -4, 0.1, 0.2),
    ("NULL", 1, 1, 1, 1, 1),
])
def test_set_georeference_numbers(sql, nums):
    args = ", ".join(f8(v) for v in nums)
    for name in ("8BUI", "skewed", "multiband_xdr", "empty"):
        hexcmp(sql, "ST_SetGeoReference(raster, float8, float8, float8, float8, float8, float8)",
               "{s}.st_setgeoreference({r}, %s)" % args, r=name)


# --- band metadata editors ----------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_set_band_nodata_value(sql, name):
    form = "ST_SetBandNoDataValue(raster, integer, float8, boolean)"
    for value in (3.7, -1, 300, 7, 1.9, "'NaN'", "NULL", 1e40, "'Infinity'", -40000, 5e9):
        hexcmp(sql, "ST_SetBandNoDataValue(raster, float8)",
               "{s}.st_setbandnodatavalue({r}, %s)" % f8(value), r=name)
        for force in ("true", "false", "NULL"):
            if name.startswith("outdb") and force == "true" and value != "NULL":
                continue  # both refuse to read the file: checked below
            hexcmp(sql, form, "{s}.st_setbandnodatavalue({r}, 1, %s, %s)" % (f8(value), force),
                   r=name)
    for band in (0, 2, 3, 4, -1, "NULL"):
        hexcmp(sql, form, "{s}.st_setbandnodatavalue({r}, %s, 3, true)" % band, r=name)


@pytest.mark.parametrize("name,value", [("all7", 7), ("all7", 7.5), ("all7", 6), ("f32_ones", 1.0000001),
                                        ("f32_ones", 1.0000002), ("f64_nan", "'NaN'"),
                                        ("f64_nan", 0), ("8BUI_isnodata", 7), ("8BUI_isnodata", 5)])
def test_set_band_nodata_forcechecking(sql, name, value):
    for force in ("true", "false"):
        hexcmp(sql, "ST_SetBandNoDataValue(raster, integer, float8, boolean)",
               "{s}.st_setbandnodatavalue({r}, 1, %s, %s)" % (f8(value), force), r=name)


def test_set_band_nodata_forcechecking_outdb(sql):
    pg, pl = hexcmp(sql, "ST_SetBandNoDataValue(raster, integer, float8, boolean)",
                    "{s}.st_setbandnodatavalue({r}, 1, 5, true)", r="outdb")
    assert pl.sqlstate == "0A000"


def test_set_band_nodata_value_null_raster(sql):
    hexcmp(sql, "ST_SetBandNoDataValue(raster, integer, float8, boolean)",
           "{s}.st_setbandnodatavalue(NULL::{s}.raster, 1, 3)")


@pytest.mark.parametrize("name", NAMES)
def test_set_band_is_nodata(sql, name):
    hexcmp(sql, "ST_SetBandIsNoData(raster, integer)", "{s}.st_setbandisnodata({r})", r=name)
    for band in (1, 2, 3, 4, 0, -1, "NULL"):
        hexcmp(sql, "ST_SetBandIsNoData(raster, integer)",
               "{s}.st_setbandisnodata({r}, %s)" % band, r=name)


@pytest.mark.parametrize("name", ["outdb", "outdb_mixed", "outdb_xdr", "8BUI", "multiband", "empty"])
def test_set_band_path_and_index(sql, name):
    for band in (1, 2, 3, 0, -1, "NULL"):
        for path in ("'/tmp/x.tif'", "NULL"):
            for idx in (2, "NULL"):
                pg, pl = hexcmp(sql, "ST_SetBandPath(raster, integer, text, integer, boolean)",
                                "{s}.st_setbandpath({r}, %s, %s, %s)" % (band, path, idx), r=name)
                if pg.failed:
                    assert pl.sqlstate == "0A000"
        pg, pl = hexcmp(sql, "ST_SetBandIndex(raster, integer, integer, boolean)",
                        "{s}.st_setbandindex({r}, %s, 2)" % band, r=name)
    hexcmp(sql, "ST_SetBandPath(raster, integer, text, integer, boolean)",
           "{s}.st_setbandpath(NULL::{s}.raster, 1, '/x', 1, true)")


def test_set_band_path_force_records_reference(sql):
    """With force, plraster records the new reference unchecked (PostGIS would open the
    file first, which fails here because out-db access is disabled)."""
    src = ALL["outdb_mixed"]
    got = sql.value("SELECT encode(plraster.st_setbandpath('\\x%s'::plraster.raster, 2, "
                    "'/vsis3/b/k.tif', 5, true)::bytea, 'hex')" % src.lower())
    expected = pack(2, 2, [{"pixtype": "8BUI", "data": [[1, 2], [3, 4]], "nodata": 2},
                           {"pixtype": "32BF", "path": "/vsis3/b/k.tif", "index": 4}]).lower()
    assert got == expected
    got = sql.value("SELECT encode(plraster.st_setbandindex('\\x%s'::plraster.raster, 1, 2, true)"
                    "::bytea, 'hex')" % ALL["outdb_xdr"].lower())
    expected = pack(8, 8, [{"pixtype": "32BF", "path": "/data/x.tif", "index": 1,
                            "nodata": -1.0}]).lower()
    assert got == expected
    for bad in ("0", "257"):
        outcome = sql.run("SELECT plraster.st_setbandindex('\\x%s'::plraster.raster, 1, %s, true)"
                          % (ALL["outdb"].lower(), bad))
        assert outcome.sqlstate == "22023"
