"""The raster's text form (src/plraster_io.c) against PostGIS in the same server: output,
input, every cast, psql's display, COPY's text format both ways, and malformed text."""
import subprocess

import psycopg
import pytest

import pgserver
import rasters

# PostGIS stores every raster little-endian (it re-serialises on input); plraster stores the
# bytes it is given, so a big-endian (_xdr) raster keeps its byte order in its text form and
# rast::bytea (a deliberate difference; ST_AsHexWKB and ST_AsBinary agree). These compare
# byte for byte: every little-endian raster of the catalogue.
NDR = {name: hx for name, hx in rasters.catalogue().items() if not name.endswith("_xdr")}
XDR = {name: hx for name, hx in rasters.catalogue().items() if name.endswith("_xdr")}


@pytest.fixture(scope="module")
def tables(sql):
    """textio_pg (PostGIS) and textio_pl (plraster) holding the same little-endian rasters,
    each written in the other's literal form's case to exercise both."""
    sql.conn.execute("CREATE TABLE textio_pg (id int PRIMARY KEY, r public.raster)")
    sql.conn.execute("CREATE TABLE textio_pl (id int PRIMARY KEY, r plraster.raster)")
    for i, hx in enumerate(NDR.values()):
        sql.conn.execute("INSERT INTO textio_pg VALUES (%s, %s::public.raster)", (i, hx))
        sql.conn.execute("INSERT INTO textio_pl VALUES (%s, %s::plraster.raster)", (i, hx.lower()))
    yield len(NDR)
    sql.conn.execute("DROP TABLE textio_pg, textio_pl")


def _pair(sql, template, name, hx):
    pg = sql.run(template.format(s="public"), (hx,))
    pl = sql.run(template.format(s="plraster"), (hx,))
    assert not pg.failed and not pl.failed, (name, pg, pl)
    return pg.rows, pl.rows


@pytest.mark.parametrize("name", sorted(NDR))
def test_text_output_and_casts_as_postgis(sql, name):
    hx = NDR[name]
    # text and ST_AsHexWKB, the text and bytea casts, ST_RastFromHexWKB of the text form
    template = ("SELECT r::text, {s}.st_ashexwkb(r) = r::text, r::text::{s}.raster::text, "
                "encode(r::bytea, 'hex'), {s}.st_rastfromhexwkb(r::text)::text, "
                "CAST(CAST(r AS text) AS {s}.raster)::text = lower(r::text)::{s}.raster::text "
                "FROM (SELECT %s::{s}.raster AS r) AS v")
    pg, pl = _pair(sql, template, name, hx)
    assert pl == pg
    assert pl[0][0] == hx and pl[0][1] is True


@pytest.mark.parametrize("name", sorted(NDR))
def test_bytea_to_raster_is_st_rastfromwkb(sql, name):
    # PostGIS has no bytea-to-raster cast (42846) and reads WKB with ST_RastFromWKB; plraster's
    # cast (the raster's own representation) gives the same raster.
    hx = NDR[name]
    assert sql.run("SELECT decode(%s, 'hex')::public.raster", (hx,)).sqlstate == "42846"
    pg = sql.value("SELECT public.st_rastfromwkb(decode(%s, 'hex'))::text", (hx,))
    assert sql.value("SELECT decode(%s, 'hex')::plraster.raster::text", (hx,)) == pg


@pytest.mark.parametrize("name", sorted(XDR))
def test_big_endian_raster_keeps_its_bytes(sql, name):
    """The deliberate difference: the text form is the stored (big-endian) bytes; PostGIS
    prints the little-endian form, which plraster's ST_AsHexWKB gives as PostGIS's does."""
    hx = XDR[name]
    pl_text, pl_hex = sql.conn.execute(
        "SELECT r::text, plraster.st_ashexwkb(r) FROM (SELECT %s::plraster.raster AS r) v",
        (hx,)).fetchone()
    pg_text = sql.value("SELECT %s::public.raster::text", (hx,))
    assert pl_text == hx and pl_text.startswith("00")
    assert pl_hex == pg_text and pg_text.startswith("01")


def test_where_text_like_and_comparisons(sql, tables):
    query = ("SELECT count(*) FILTER (WHERE r::text LIKE '01%'), "
             "count(*) FILTER (WHERE {s}.st_ashexwkb(r) = r::text), "
             "count(*) FILTER (WHERE {s}.st_rastfromhexwkb(r::text)::text = r::text), "
             "string_agg(r::text, ',' ORDER BY id) FROM textio_{t}")
    pg = sql.conn.execute(query.format(s="public", t="pg")).fetchone()
    pl = sql.conn.execute(query.format(s="plraster", t="pl")).fetchone()
    assert pl == pg
    assert pl[:3] == (tables, tables, tables)


def test_psql_displays_the_same_text(db_url, tables):
    def show(table):
        out = subprocess.run(["psql", "-X", "-d", db_url, "-c",
                              "SELECT id, r FROM %s ORDER BY id" % table],
                             capture_output=True, check=True).stdout
        return out

    pg, pl = show("textio_pg"), show("textio_pl")
    assert pl == pg
    assert pl.count(b"\n") == tables + 4


def _copy_out(conn, query):
    with conn.cursor().copy("COPY (%s) TO STDOUT" % query) as copy:
        return b"".join(bytes(chunk) for chunk in copy)


def _copy_in(conn, table, data):
    with conn.cursor().copy("COPY %s FROM STDIN" % table) as copy:
        copy.write(data)


@pytest.mark.parametrize("source,schema", [("textio_pg", "public"), ("textio_pl", "plraster")])
def test_copy_text_both_ways(sql, tables, source, schema):
    """COPY TO STDOUT from one side's table, COPY FROM STDIN into the other side's: the text is
    byte-identical both ways and so are the rasters."""
    other = "plraster" if schema == "public" else "public"
    conn = sql.conn
    conn.execute("CREATE TABLE textio_copy (id int PRIMARY KEY, r %s.raster)" % other)
    try:
        data = _copy_out(conn, "SELECT id, r FROM %s ORDER BY id" % source)
        assert data.count(b"\n") == tables
        _copy_in(conn, "textio_copy", data)
        assert _copy_out(conn, "SELECT id, r FROM textio_copy ORDER BY id") == data
        same = conn.execute(
            "SELECT count(*) FROM textio_copy c JOIN %s s USING (id) "
            "WHERE %s.st_asbinary(c.r) = %s.st_asbinary(s.r) "
            "AND encode(c.r::bytea, 'hex') = encode(s.r::bytea, 'hex')"
            % (source, other, schema)).fetchone()[0]
        assert same == tables
    finally:
        conn.execute("DROP TABLE textio_copy")


def test_copy_text_reads_plraster_010_dump_form(sql, tables):
    """plraster 0.1.0 wrote rasters in COPY as \\\\x<hex> (bytea's text form): still read."""
    conn = sql.conn
    conn.execute("CREATE TABLE textio_old (id int PRIMARY KEY, r plraster.raster)")
    try:
        data = b"".join(b"%d\t\\\\x%s\n" % (i, hx.lower().encode()) for i, hx in enumerate(NDR.values()))
        _copy_in(conn, "textio_old", data)
        assert conn.execute("SELECT count(*) FROM textio_old o JOIN textio_pg p USING (id) "
                            "WHERE o.r::text = p.r::text").fetchone()[0] == tables
    finally:
        conn.execute("DROP TABLE textio_old")


def test_binary_io_is_bytea_and_unchanged(db_url, tables):
    """Binary COPY and binary results carry the WKB bytes (bytea's send/receive)."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        wkb = [bytes(r) for (r,) in conn.cursor(binary=True).execute(
            "SELECT r::bytea FROM textio_pl ORDER BY id")]
        assert wkb == [bytes.fromhex(hx) for hx in NDR.values()]
        with conn.cursor().copy("COPY (SELECT r FROM textio_pl ORDER BY id) TO STDOUT "
                                "(FORMAT binary)") as copy:
            binary = b"".join(bytes(c) for c in copy)
        conn.execute("CREATE TEMP TABLE textio_bin (r plraster.raster)")
        with conn.cursor().copy("COPY textio_bin FROM STDIN (FORMAT binary)") as copy:
            copy.write(binary)
        assert conn.execute("SELECT array_agg(r::bytea) FROM textio_bin").fetchone()[0] == wkb
        # pg_column_size of the stored value: the WKB plus a varlena header, as before
        sizes = conn.execute("SELECT array_agg(octet_length(r) ORDER BY id) FROM textio_pl").fetchone()[0]
        assert sizes == [len(w) for w in wkb]


EMPTY_2X2 = NDR["empty_2x2"]


@pytest.mark.parametrize("text,message,position", [
    ("", "empty", None),
    ("\\x", "empty", None),
    ("0", "odd length", None),
    (EMPTY_2X2 + "0", "odd length", None),
    ("\\x" + EMPTY_2X2[:-1], "odd length", None),
    ("zz" + EMPTY_2X2, "not hex", 1),
    (EMPTY_2X2[:10] + "G" + EMPTY_2X2[11:], "not hex", 11),
    (" " + EMPTY_2X2, "not hex", 1),  # whitespace is not skipped, as PostGIS does not
    (EMPTY_2X2 + " ", "not hex", len(EMPTY_2X2) + 1),
    (EMPTY_2X2[:8] + "\t" + EMPTY_2X2[8:], "not hex", 9),
    ("\\x" + EMPTY_2X2[:4] + " " + EMPTY_2X2[4:], "not hex", 7),
    ("\\x01\\x" + EMPTY_2X2[2:], "not hex", 5),  # a second \x inside
    (EMPTY_2X2[:2] + "\\x" + EMPTY_2X2[2:], "not hex", 3),  # \x after bare hex
    ("\\X" + EMPTY_2X2, "not hex", 1),  # bytea's prefix is a lower-case x
    ("\\\\x" + EMPTY_2X2, "not hex", 1),
    ("0x" + EMPTY_2X2, "not hex", 2),
    ("\\x0é" + EMPTY_2X2[3:], "not hex", 4),  # a multibyte character is quoted whole
    ("abc\\000def", "not hex", 4),  # bytea's escape format is not a raster's text
])
def test_malformed_text_is_refused_clearly(sql, text, message, position):
    for target in ("plraster.raster", "plraster.plraster_wkb"):
        for query in ("SELECT %%s::%s" % target, "SELECT %%s::text::%s" % target):
            outcome = sql.run(query, (text,))
            assert outcome.sqlstate == "22P02", (query, text, outcome)
            expected = "plraster: invalid raster text: " + message
            if position is not None:
                expected += " at position %d" % position
            assert outcome.error == expected
    # the hint gives the form; the detail names the character (whole) or the count
    with pytest.raises(psycopg.Error) as caught:
        sql.conn.execute("SELECT %s::plraster.raster", (text,))
    diag = caught.value.diag
    assert diag.message_hint.startswith("A raster's text form is its WKB in hex")
    if message == "not hex":
        assert diag.message_detail == 'Found "%s" where a hex digit was expected.' % text[position - 1]
    if message == "odd length":
        digits = len(text[2:] if text.startswith("\\x") else text)
        assert diag.message_detail == "The text has %d hex digits; each byte takes two." % digits


def test_either_case_and_either_form_read_alike(sql):
    hx = NDR["multiband"]
    forms = [hx, hx.lower(), "\\x" + hx, "\\x" + hx.lower(),
             "".join(c.lower() if i % 3 else c for i, c in enumerate(hx))]
    texts = {sql.value("SELECT %s::plraster.raster::text", (f,)) for f in forms}
    assert texts == {sql.value("SELECT %s::public.raster::text", (hx,))}


def test_valid_hex_that_is_not_raster_wkb_is_the_domains_to_refuse(sql):
    # The text decodes; the domain's CHECK refuses the bytes (22P03), as for any bytes.
    outcome = sql.run("SELECT %s::plraster.raster", ("AB" * 61,))
    assert outcome.sqlstate == "22P03" and "byte order" in outcome.error
    # The base type alone (no domain) takes any bytes in its text form, round trip exact.
    assert sql.value("SELECT 'abCD00'::plraster.plraster_wkb::text") == "ABCD00"


def test_embedded_nul_never_reaches_the_input(sql):
    """A text cannot hold NUL: psycopg refuses to send it, COPY and literals refuse it with
    22021 before the input function would see a string cut short; nothing is stored."""
    hx = NDR["multiband"]
    with pytest.raises(psycopg.DataError, match="NUL"):
        sql.conn.execute("SELECT %s::plraster.raster", (hx[:10] + "\0" + hx[10:],))
    sql.conn.execute("CREATE TABLE textio_nul (r plraster.raster)")
    try:
        for line in (hx[:10].encode() + b"\\000" + hx[10:].encode(),  # COPY's octal escape
                     hx[:10].encode() + b"\0" + hx[10:].encode(),  # a raw NUL byte
                     hx.encode() + b"\\000"):  # a NUL after a whole raster
            with pytest.raises(psycopg.Error) as caught:
                _copy_in(sql.conn, "textio_nul", line + b"\n")
            assert caught.value.sqlstate == "22021", line
        assert sql.run("SELECT E'01\\\\000'::plraster.raster").sqlstate == "22P02"  # no NUL: text \\000
        assert sql.run("SELECT E'01\\000'::plraster.raster").sqlstate == "22021"
        assert sql.value("SELECT count(*) FROM textio_nul") == 0
    finally:
        sql.conn.execute("DROP TABLE textio_nul")


# ---- sizes at the server's limits, in a server of its own under a memory cap -------------

CAP_KB = 4 * 1024 * 1024  # 4 GB of address space: the 1 GB text, its C-string copy, 0.5 GB out


@pytest.fixture(scope="module")
def capped_url(tmp_path_factory):
    """A database in a PostgreSQL started under `ulimit -v`, so a regression that allocates
    without bound fails a test instead of waking the OOM killer; dropped at the end."""
    import testing.postgresql

    wrapper = tmp_path_factory.mktemp("capped") / "postgres"
    real = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True,
                          check=True).stdout.strip() + "/postgres"
    wrapper.write_text("#!/bin/sh\nulimit -v %d\nexec %s \"$@\"\n" % (CAP_KB, real))
    wrapper.chmod(0o755)
    server = testing.postgresql.Postgresql(
        postgres=str(wrapper),
        postgres_args="-h 127.0.0.1 -F -c logging_collector=off -c fsync=off -c shared_buffers=16MB")
    try:
        yield pgserver.create_database(server, "capped")
    finally:
        server.stop()


def _outcome(url, query):
    with psycopg.connect(url, autocommit=True) as conn:
        started = conn.execute("SELECT pg_postmaster_start_time()").fetchone()[0]
        try:
            conn.execute(query)
            state = None
        except psycopg.Error as e:
            state, message = e.sqlstate, e.diag.message_primary
    # the server is still up, not restarted (no backend crashed)
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT pg_postmaster_start_time()").fetchone()[0] == started
    return state, (message if state else None)


def test_one_gigabyte_of_hex_is_handled_within_limits(capped_url):
    # 1,073,741,818 hex digits are the longest even text a text value holds; this is 40 kB
    # less and decodes to 512 MB: a raster header and trailing bytes, which the domain may
    # take (today's check reads the header) or refuse (22P03); a crash, an internal error
    # or running out of memory under the cap would fail. The server makes the text (repeat):
    # the client sends a short query.
    unit = NDR["empty_2x2"]  # an empty raster's header, repeated: header and trailing bytes
    query = "SELECT length(repeat('%s', %d)::plraster.raster)" % (unit, 1073741818 // len(unit))
    state, message = _outcome(capped_url, query)
    assert state in (None, "22P03"), (state, message)


def test_one_gigabyte_of_bad_hex_is_refused_before_allocating(capped_url):
    state, message = _outcome(capped_url, "SELECT repeat('ABC', 357913939)::plraster.raster")
    # 1,073,741,817 hex digits: refused by the checks, before the input allocates anything
    assert (state, message) == ("22P02", "plraster: invalid raster text: odd length")


def test_raster_too_large_for_its_text_form_is_refused(capped_url):
    # 512 MB of bytes would take 2^30 hex digits, more than a C string may hold: a clear
    # 54000 before allocating (bytea's output gave XX000 "invalid memory alloc request size").
    state, message = _outcome(
        capped_url, "SELECT length(convert_to(repeat('a', 536870912), 'UTF8')::plraster.plraster_wkb::text)")
    assert (state, message) == ("54000", "plraster: raster too large for its text form")
    state, _ = _outcome(
        capped_url, "SELECT length(convert_to(repeat('a', 1000000), 'UTF8')::plraster.plraster_wkb::text)")
    assert state is None
