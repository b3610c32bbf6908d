"""ST_AsBinary, ST_AsWKB, ST_AsHexWKB, ST_RastFromWKB, ST_RastFromHexWKB and bytea(raster)
against PostGIS, over the whole test catalogue."""
import pytest

import rasters
from conformance import compare

CATALOGUE = rasters.catalogue()


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_output_forms(sql, name):
    r = {"r": CATALOGUE[name]}
    compare(sql, "ST_AsBinary(raster)", "SELECT encode({s}.st_asbinary({r}), 'hex')", r)
    compare(sql, "ST_AsBinary(raster, boolean)",
            "SELECT encode({s}.st_asbinary({r}, outasin => false), 'hex')", r)
    compare(sql, "ST_AsWKB(raster, boolean)", "SELECT encode({s}.st_aswkb({r}), 'hex')", r)
    compare(sql, "ST_AsHexWKB(raster, boolean)", "SELECT {s}.st_ashexwkb({r})", r)
    compare(sql, "bytea(raster)", "SELECT encode({s}.bytea({r}), 'hex')", r)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_input_forms(sql, name):
    hexwkb = CATALOGUE[name]
    compare(sql, "ST_RastFromWKB(bytea)",
            "SELECT encode({s}.st_asbinary({s}.st_rastfromwkb(decode(%s, 'hex'))), 'hex')",
            params=(hexwkb,))
    for text in (hexwkb.upper(), hexwkb.lower()):
        compare(sql, "ST_RastFromHexWKB(text)",
                "SELECT encode({s}.st_asbinary({s}.st_rastfromhexwkb(%s)), 'hex')",
                params=(text,))


def test_outasin_on_in_db_bands_is_the_same_wkb(sql):
    r = {"r": CATALOGUE["multiband"]}
    compare(sql, "ST_AsBinary(raster, boolean)",
            "SELECT encode({s}.st_asbinary({r}, outasin => true), 'hex')", r)


def test_outasin_on_out_db_band_errors_clearly(sql):
    outcome = sql.run("SELECT plraster.st_asbinary('\\x%s'::plraster.raster, true)"
                      % CATALOGUE["outdb"])
    assert outcome.sqlstate == "42501"  # no out-db source is open (tests/outdb read them)
    assert "is not allowed" in outcome.error


def test_xdr_input_is_written_little_endian(sql):
    out = sql.value("SELECT encode(plraster.st_asbinary('\\x%s'::plraster.raster), 'hex')"
                    % CATALOGUE["16BSI_nodata_xdr"])
    assert out.upper() == CATALOGUE["16BSI_nodata"]


def test_flag_bits_are_normalised_as_postgis_does(sql):
    head = rasters.pack(2, 1)[:-4] + "0100"  # one band
    head = head[:6] + "0100" + head[10:]
    for flags, expected in (("7000", "6000"), ("3000", "0000"), ("5000", "4000")):
        hexwkb = head + flags + "0101"
        compare(sql, "ST_AsBinary(raster)", "SELECT encode({s}.st_asbinary({r}), 'hex')",
                {"r": hexwkb})
        out = sql.value("SELECT encode(plraster.st_asbinary('\\x%s'::plraster.raster), 'hex')"
                        % hexwkb)
        assert out.upper()[122:126] == expected


def test_trailing_bytes_give_postgis_notice(sql):
    hexwkb = CATALOGUE["8BUI"] + "ABCD"
    pg, pl = compare(sql, "ST_RastFromHexWKB(text)",
                     "SELECT encode({s}.st_asbinary({s}.st_rastfromhexwkb(%s)), 'hex')",
                     params=(hexwkb,))
    assert pl.notices == ["2 bytes of WKB remained unparsed"]
    assert pl.rows[0][0].upper() == CATALOGUE["8BUI"]


@pytest.mark.parametrize("text, sqlstate", [("0", "22023"), ("zz", "22023"), ("01", "22P03")])
def test_bad_hex_errors(sql, text, sqlstate):
    pg, pl = compare(sql, "ST_RastFromHexWKB(text)",
                     "SELECT {s}.st_rastfromhexwkb(%s) IS NULL", params=(text,))
    assert pl.sqlstate == sqlstate


def test_casts_to_and_from_bytea(sql):
    hexwkb = CATALOGUE["multiband"]
    assert sql.value("SELECT encode(decode(%s, 'hex')::plraster.raster::bytea, 'hex')",
                     (hexwkb,)).upper() == hexwkb
    outcome = sql.run("SELECT decode('0102', 'hex')::plraster.raster")
    assert outcome.sqlstate == "22P03"
