"""Structurally invalid rasters are refused where they enter, as PostGIS refuses them
(issue 9 finding 9, issue 10 item 6).

PostGIS parses the whole WKB when a raster enters (ST_RastFromWKB, its text input); plraster
stores the WKB itself, and the raster domain's check walks every band. Each forgery below
goes through every way in: a bytea cast, the text input, ST_RastFromWKB and
ST_RastFromHexWKB, INSERT into a raster column, COPY text and COPY binary. PostGIS's
ST_RastFromWKB on the same bytes is the oracle: refused there (XX000) means refused here
with 22P03 on every path; accepted there means accepted here (trailing bytes with
PostGIS's NOTICE). Three differences are deliberate and asserted as such.
"""
import struct

import psycopg
import pytest

import conformance
from corpus import pack_band, pack_header


def hdr(nbands, w=2, h=2, order="<"):
    return pack_header(nbands, w, h, order)


def band(flags, nodata=b"\0", pix=b"\0" * 4):
    return bytes([flags]) + nodata + pix


FORGERIES = {
    "65535 bands declared, none present": hdr(65535),
    "60000 bands declared, one present": hdr(60000) + band(4),
    "2 bands declared, one present": hdr(2) + band(4),
    "pixels cut short": hdr(1) + band(4)[:-1],
    "nodata cut short": hdr(1) + bytes([6, 0]),
    "band flag missing": hdr(1),
    "xdr pixels cut short": hdr(1, order=">") + bytes([6, 0, 0]) + b"\0" * 7,
    "pixel type 12": hdr(1) + bytes([12]) + b"\0" * 8,
    "pixel type 15": hdr(1) + bytes([15]) + b"\0" * 8,
    "1BB pixel 2": hdr(1) + band(0, b"\0", b"\2\0\0\0"),
    "2BUI pixel 4": hdr(1) + band(1, b"\0", b"\4\0\0\0"),
    "4BUI pixel 16": hdr(1) + band(2, b"\0", b"\x10\0\0\0"),
    "4BUI pixel 16 in band 3": hdr(3) + band(4) + band(6, b"\0\0", b"\0" * 8)
    + band(2, b"\0", b"\0\0\0\x10"),
    "out-db path without NUL": hdr(1) + bytes([0x84, 0, 0]) + b"/tmp/x.tif",
    "out-db band number missing": hdr(1) + bytes([0x84, 0]),
    # Found by test_sql_fuzz: the quick test took "no NUL found" (position 0) for a match.
    "out-db band number, then nothing": hdr(1) + bytes([0x84, 0, 0]),
    "out-db band number 13, then nothing": hdr(1) + bytes([0xa3, 1, 13]),
    "out-db then in-db cut short": hdr(2) + bytes([0x84, 0, 0]) + b"/x\0" + band(4)[:-2],
    "65535x65535 header, 4 pixels": hdr(1, 65535, 65535) + band(4),
    "empty raster, 5 bands declared": hdr(5, 0, 2),
    "version 1": hdr(1)[:1] + b"\1\0" + hdr(1)[3:] + band(4),
    "60 bytes": hdr(1)[:60],
    "one byte": b"\1",
}
VALID = {
    "one 8BUI band": hdr(1) + band(4),
    "one xdr 16BUI band": hdr(1, order=">") + pack_band(6, 2, 2, ">", nodata=3),
    "no bands": hdr(0),
    "out-db band": hdr(1) + bytes([0x84, 0, 0]) + b"/tmp/x.tif\0",
    "out-db band, empty path": hdr(1) + bytes([0x84, 0, 0, 0]),
    "out-db band 255, path not UTF-8": hdr(1) + bytes([0x84, 0, 255]) + b"/t/\xff\xfe.tif\0",
    "reserved and stray is-nodata bits": hdr(1) + band(4 | 0x10 | 0x20),
    "1BB nodata 2": hdr(1) + band(0x40, b"\2", b"\1\0\1\0"),
    "integer band with NaN nodata": hdr(1) + band(0x4a, struct.pack("<f", float("nan")), b"\0" * 16),
    "three bands, mixed": hdr(3) + pack_band(0, 2, 2) + bytes([0x8b]) + b"\0" * 8 + b"\1/f\0"
    + pack_band(2, 2, 2, nodata=1),
    "3 trailing bytes": hdr(1) + band(4) + b"xyz",
    "out-db band, 3 trailing bytes": hdr(1) + bytes([0x84, 0, 0]) + b"/tmp/x.tif\0abc",
    "empty raster, one band and a byte": hdr(1, 0, 2) + bytes([4, 0, 0]),
}
# Deliberate differences: accepted by plraster, refused by PostGIS 3.3's reader.
# - 16BF (code 9) is a PostGIS 3.7 pixel type that plraster reads and writes;
# - an empty raster's band whose nodata ends the value: PostGIS writes exactly this
#   (ST_AddBand on ST_MakeEmptyRaster(0, 2, ...)) and its own reader then refuses it;
# and refused by plraster, accepted by PostGIS: a byte order byte other than 0 and 1.
DIFFERENT = {
    "16BF band": (hdr(1) + bytes([9]) + b"\0\0" + b"\0" * 8, True),
    "empty raster, nodata ends the value": (hdr(1, 0, 2) + bytes([0x64, 0]), True),
    "byte order 2": (b"\2" + hdr(1)[1:] + band(4), False),
}


@pytest.fixture(scope="module")
def sql(capped_server):
    session = conformance.Session(capped_server.url)
    session.run("CREATE TABLE entry_t (r plraster.raster)")
    yield session
    session.run("DROP TABLE entry_t")
    session.close()


def entries(sql, data):
    """{path: Outcome} of data entering plraster's raster type by every path."""
    hexed = data.hex()
    out = {
        "cast": sql.run("SELECT %s::bytea::plraster.raster IS NOT NULL", (data,)),
        "text input": sql.run("SELECT %s::text::plraster.raster IS NOT NULL", ("\\x" + hexed,)),
        "st_rastfromwkb": sql.run("SELECT plraster.st_rastfromwkb(%s) IS NOT NULL", (data,)),
        "st_rastfromhexwkb": sql.run("SELECT plraster.st_rastfromhexwkb(%s) IS NOT NULL", (hexed,)),
        "insert": sql.run("INSERT INTO entry_t VALUES (%s::bytea)", (data,)),
    }
    for fmt in ("text", "binary"):
        sql._notices.clear()
        try:
            with sql.conn.cursor().copy("COPY entry_t (r) FROM STDIN (FORMAT %s)" % fmt) as copy:
                if fmt == "text":
                    copy.write("\\\\x%s\n" % hexed)
                else:
                    copy.set_types(["bytea"])
                    copy.write_row((data,))
            out["copy " + fmt] = conformance.Outcome(rows=[], notices=sql._notices)
        except psycopg.Error as e:
            out["copy " + fmt] = conformance.Outcome(sqlstate=e.sqlstate, error=e.diag.message_primary)
    sql.run("TRUNCATE entry_t")
    return out


def postgis(sql, data):
    return sql.run("SELECT public.st_rastfromwkb(%s) IS NOT NULL", (data,))


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_forgeries_are_refused_wherever_they_enter(sql, name):
    data = FORGERIES[name]
    assert postgis(sql, data).sqlstate == "XX000"
    for path, outcome in entries(sql, data).items():
        assert outcome.sqlstate == "22P03", (path, outcome)


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_rasters_enter_as_in_postgis(sql, name):
    data = VALID[name]
    pg = postgis(sql, data)
    assert not pg.failed, pg
    for path, outcome in entries(sql, data).items():
        assert not outcome.failed, (path, outcome)
        if path != "st_rastfromhexwkb":  # PostGIS's hex input parses too: same NOTICE
            assert outcome.notices == pg.notices, (path, outcome)


@pytest.mark.parametrize("name", sorted(DIFFERENT))
def test_deliberate_differences(sql, name):
    data, plraster_accepts = DIFFERENT[name]
    pg = postgis(sql, data)
    assert pg.failed == plraster_accepts, pg
    for path, outcome in entries(sql, data).items():
        assert outcome.failed != plraster_accepts, (path, outcome)
        if outcome.failed:
            assert outcome.sqlstate == "22P03"


def test_audit_reproducers_through_header_accessors(sql):
    """The audit's statements: ST_NumBands/ST_MetaData on 65,535 declared bands and no band
    data, ST_Value on 60,000 declared bands with one band's bytes."""
    empty = FORGERIES["65535 bands declared, none present"]
    one = FORGERIES["60000 bands declared, one present"]
    for query, data in (("SELECT plraster.st_numbands(%s::bytea::plraster.raster)", empty),
                        ("SELECT plraster.st_metadata(%s::bytea::plraster.raster)", empty),
                        ("SELECT plraster.st_value(%s::bytea::plraster.raster, 1, 1, 1)", one)):
        assert sql.run(query, (data,)).sqlstate == "22P03", query


def test_functions_taking_bytes_refuse_forged_chains(sql):
    """The PL/Python implementations take bytea (no domain check on their arguments): the
    library's read_header walks the band chain, so they refuse a forged chain as well."""
    one = FORGERIES["60000 bands declared, one present"]
    out = sql.run("SELECT plraster._plpy_st_value(%s::bytea, 1, 1, 1, true)", (one,))
    assert out.sqlstate == "22P03", out


def test_function_results_pass_the_check(sql):
    """Results of plraster's functions are cast to the domain: a multi-band, 1BB and out-db
    result go through the full walk, a one-band result through the quick test; all pass."""
    for query in (
            "SELECT plraster.st_addband(plraster.st_makeemptyraster(3, 2, 0, 0, 1), "
            "ARRAY[ROW(1, '1BB', 1, 0), ROW(2, '8BUI', 7, 0), ROW(3, '64BF', 0.5, NULL)]"
            "::plraster.addbandarg[])",
            "SELECT plraster.st_addband(plraster.st_makeemptyraster(3, 2, 0, 0, 1), '16BUI'::text, 5::float8, 0::float8)",
            "SELECT plraster.st_makeemptyraster(0, 2, 0, 0, 1)"):
        out = sql.run("SELECT plraster.st_numbands(r) FROM (%s) AS q(r)" % query)
        assert not out.failed, (query, out)


def test_domain_check_matches_the_library_on_band_one_sizes(sql):
    """The quick test in SQL computes the one-band length from the pixel type: every type,
    both byte orders, in-db and out-db, exact length accepted, one byte less refused."""
    for order in "<>":
        for code in range(12):
            for data in (hdr(1, 3, 2, order) + pack_band(code, 3, 2, order, nodata=1),
                         hdr(1, 3, 2, order) + pack_band(code, 3, 2, order, outdb=(0, b"/p"))):
                ok = sql.run("SELECT %s::bytea::plraster.raster IS NOT NULL", (data,))
                assert not ok.failed, (order, code, ok)
                short = sql.run("SELECT %s::bytea::plraster.raster IS NOT NULL", (data[:-1],))
                assert short.sqlstate == "22P03", (order, code, short)
