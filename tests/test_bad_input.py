"""Malformed and hostile input: every case gives a clean error with a data-exception
SQLSTATE, or PostGIS's NOTICE + NULL, and the backend survives with little memory."""
import struct

import pytest

import rasters
from conformance import compare

CATALOGUE = rasters.catalogue()


def _peak_rss_kb(sql):
    pid = sql.value("SELECT pg_backend_pid()")
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM")


@pytest.mark.parametrize("name", ["multiband", "outdb_mixed", "16BSI_nodata_xdr"])
def test_truncated_wkb_at_every_offset(sql, name):
    raw = bytes.fromhex(CATALOGUE[name])
    for cut in range(len(raw)):
        prefix = raw[:cut].hex()
        outcome = sql.run("SELECT plraster.st_rastfromwkb(decode(%s, 'hex'))", (prefix,))
        assert outcome.sqlstate == "22P03", (cut, outcome)
        if cut < 61 or name != "multiband":
            continue
        # A value that passes the domain's quick check fails when a function reads it.
        outcome = sql.run("SELECT plraster.st_asbinary(decode(%s, 'hex')::plraster.raster)",
                          (prefix,))
        assert outcome.sqlstate == "22P03", (cut, outcome)
    assert sql.value("SELECT 1") == 1


def test_wrong_version(sql):
    raw = bytearray(bytes.fromhex(CATALOGUE["8BUI"]))
    raw[1:3] = struct.pack("<H", 1)
    outcome = sql.run("SELECT plraster.st_rastfromwkb(%s)", (bytes(raw),))
    assert (outcome.sqlstate, outcome.error) == ("22P03", "plraster: unsupported raster wkb version 1")
    outcome = sql.run("SELECT %s::plraster.raster", (bytes(raw),))
    assert outcome.sqlstate == "22P03"


@pytest.mark.parametrize("code", [12, 13, 14, 15])
def test_unknown_pixel_type_codes(sql, code):
    raw = bytearray(bytes.fromhex(CATALOGUE["8BUI"]))
    raw[61] = code
    outcome = sql.run("SELECT plraster.st_rastfromwkb(%s)", (bytes(raw),))
    assert outcome.sqlstate == "22P03"
    assert outcome.error == "plraster: invalid raster wkb: unknown pixel type %d in band 1" % code


def test_absurd_declared_size_with_few_bytes(sql):
    raw = bytearray(bytes.fromhex(CATALOGUE["64BF"]))
    raw[57:61] = struct.pack("<HH", 65535, 65535)
    before = _peak_rss_kb(sql)
    for query in ("SELECT plraster.st_rastfromwkb(%s)",
                  "SELECT plraster.st_asbinary(%s::plraster.raster)"):
        outcome = sql.run(query, (bytes(raw),))
        assert outcome.sqlstate == "22P03"
        assert "raster wkb is truncated" in outcome.error
    assert _peak_rss_kb(sql) - before < 20_000  # kB: nothing was allocated from the header
    assert sql.value("SELECT 1") == 1


def test_hex_text_cast_to_bytea_is_refused_with_hint(sql):
    sql.run("SELECT 1")
    try:
        sql.conn.execute("SELECT %s::bytea::plraster.raster", (CATALOGUE["8BUI"],))
    except Exception as e:  # psycopg.errors.InvalidBinaryRepresentation
        assert e.sqlstate == "22P03"
        assert "ST_RastFromHexWKB" in e.diag.message_hint
    else:
        raise AssertionError("hex text was accepted as a raster")


@pytest.mark.parametrize("band", [-1, 0, 2, 65536, 2147483647])
def test_band_index_out_of_range_is_notice_and_null(sql, band):
    r = {"r": CATALOGUE["8BUI_nodata"]}
    compare(sql, "ST_Value(raster, integer, integer, integer, boolean)",
            "SELECT {s}.st_value({r}, %s, 1, 1)", r, params=(band,))
    compare(sql, "ST_BandPixelType(raster, integer)",
            "SELECT {s}.st_bandpixeltype({r}, %s)", r, params=(band,))
    compare(sql, "ST_BandNoDataValue(raster, integer)",
            "SELECT {s}.st_bandnodatavalue({r}, %s)", r, params=(band,))


@pytest.mark.parametrize("xy", [(-1, 1), (0, 0), (6, 1), (1, 5), (2147483647, -2147483648)])
def test_pixel_out_of_range_is_notice_and_null(sql, xy):
    r = {"r": CATALOGUE["8BUI_nodata"]}
    compare(sql, "ST_Value(raster, integer, integer, integer, boolean)",
            "SELECT {s}.st_value({r}, 1, %s, %s)", r, params=xy)


@pytest.mark.parametrize("field", ["scale", "ul", "skew"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinite_georeference(sql, field, value):
    spec = {"scale": (1.0, -1.0), "ul": (0.0, 0.0), "skew": (0.0, 0.0)}
    spec[field] = (value, spec[field][1])
    r = {"r": rasters.pack(2, 2, [{"pixtype": "8BUI", "data": [[1, 2], [3, 4]]}], **spec)}
    compare(sql, "ST_AsBinary(raster)", "SELECT encode({s}.st_asbinary({r}), 'hex')", r)
    compare(sql, "ST_MetaData(raster)", "SELECT (({s}.st_metadata({r}))).*", r)
    compare(sql, "ST_Value(raster, integer, integer, integer, boolean)",
            "SELECT {s}.st_value({r}, 1, 2, 2)", r)
    compare(sql, "ST_Envelope(raster)", "SELECT st_asewkb({s}.st_envelope({r}))", r)


@pytest.mark.parametrize("pixtype, raw_nodata", [("2BUI", 5), ("4BUI", 200), ("1BB", 3)])
def test_forged_sub_byte_nodata_is_read_as_postgis_reads_it(sql, pixtype, raw_nodata):
    raw = bytearray(bytes.fromhex(rasters.pack(2, 1, [{"pixtype": pixtype, "data": [[1, 0]],
                                                       "nodata": 1}])))
    raw[62] = raw_nodata
    r = {"r": raw.hex()}
    compare(sql, "ST_BandNoDataValue(raster, integer)", "SELECT {s}.st_bandnodatavalue({r}, 1)", r)
    for x in (1, 2):
        compare(sql, "ST_Value(raster, integer, integer, integer, boolean)",
                "SELECT {s}.st_value({r}, 1, %s, 1)", r, params=(x,))
