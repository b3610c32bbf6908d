"""The raster domain: what it accepts, what it rejects and with which SQLSTATE and hint."""
EMPTY_2X2 = "0100000000000000000000F03F000000000000F0BF00000000000000000000000000000000000000000000000000000000000000000000000002000200"


def test_domain_accepts_raster_wkb(sql):
    assert sql.value("SELECT length('\\x%s'::plraster.raster)" % EMPTY_2X2) == 61


def test_domain_reads_postgis_hex_text_and_bytea_hex_text(sql):
    # PostGIS's text form (bare hex) and plraster 0.1.0's (bytea's \x) give the same bytes,
    # the bytes PostGIS reads from the same text (tests/test_textio.py tests the input further).
    row = sql.conn.execute(
        "SELECT '%s'::plraster.raster::bytea, '\\x%s'::plraster.raster::bytea, "
        "'%s'::public.raster::bytea" % (EMPTY_2X2, EMPTY_2X2.lower(), EMPTY_2X2)).fetchone()
    assert row[0] == row[1] == row[2] == bytes.fromhex(EMPTY_2X2)


def test_domain_rejects_hex_text_cast_to_bytea_with_hint(sql):
    import psycopg
    try:
        sql.conn.execute("SELECT '%s'::bytea::plraster.raster" % EMPTY_2X2)
    except psycopg.Error as e:
        assert e.sqlstate == "22P03"
        assert e.diag.message_primary == "plraster: invalid raster wkb: unknown byte order 48"
        assert e.diag.message_hint.startswith("Hex WKB text must be decoded first")
    else:
        raise AssertionError("hex text cast to bytea was accepted as a raster")


def test_domain_rejects_short_value(sql):
    outcome = sql.run("SELECT '\\x010000'::plraster.raster")
    assert outcome.sqlstate == "22P03"
    assert "truncated" in outcome.error


def test_domain_rejects_wrong_version(sql):
    outcome = sql.run("SELECT '\\x010100%s'::plraster.raster" % EMPTY_2X2[6:])
    assert outcome.sqlstate == "22P03"
    assert outcome.error == "plraster: unsupported raster wkb version 1"


def test_version(sql):
    assert sql.value("SELECT plraster.plraster_version()") == "plraster 0.1.0"
