"""Sizes declared by a few bytes never become allocations (issue 9, findings 2 and 8).

Run by an unprivileged role against a server started under a memory cap (see conftest):
absurd sizes give 54000 (program_limit_exceeded) with the size in the detail, quickly;
sets that can be streamed are streamed; reading one out-db pixel reads the blocks
holding it, not the band; and the backend and the server survive every statement (a
follow-up query on the same connection works, pg_postmaster_start_time() is unchanged).
"""
import struct
import time

import pytest

from memtime_helpers import MEMORY_CAP_KIB, postmaster_start

PIXTYPES = ["1BB", "2BUI", "4BUI", "8BSI", "8BUI", "16BSI", "16BUI", "32BSI", "32BUI", "32BF", "64BF"]
CODES = {"1BB": 0, "2BUI": 1, "4BUI": 2, "8BSI": 3, "8BUI": 4, "16BSI": 5, "16BUI": 6,
         "32BSI": 7, "32BUI": 8, "32BF": 10, "64BF": 11}
SIZES = {"1BB": 1, "2BUI": 1, "4BUI": 1, "8BSI": 1, "8BUI": 1, "16BSI": 2, "16BUI": 2,
         "32BSI": 4, "32BUI": 4, "32BF": 4, "64BF": 8}
EMPTY_HUGE = "plraster.st_makeemptyraster(65535, 65535, 0, 0, 1, -1, 0, 0, 0)"
QUICK = 20.0  # seconds: generous; a refused size is refused at once, an allocation is not


def outdb_hex(w, h, path, pixtype="64BF", ulx=0.0, uly=200.0, nodata=None):
    """Hex WKB of a one-band out-db raster declaring w x h pixels of `path` (band 1)."""
    out = struct.pack("<BHHddddddiHH", 1, 0, 1, 1.0, -1.0, ulx, uly, 0.0, 0.0, 4326, w, h)
    flags = CODES[pixtype] | 0x80 | (0x40 if nodata is not None else 0)
    fmt = {"64BF": "d", "32BF": "f", "8BUI": "B", "16BUI": "H", "32BUI": "I"}[pixtype]
    out += bytes([flags]) + struct.pack("<" + fmt, nodata or 0) + b"\0" + path.encode() + b"\0"
    return out.hex()


def outdb_lit(w, h, path, pixtype="64BF", **kw):
    return "'\\x%s'::plraster.raster" % outdb_hex(w, h, path, pixtype, **kw)


def indb_header_hex(w, h, nbands=1, pixtype="8BUI", pixel_bytes=0):
    """Hex WKB of an in-db raster whose header declares w x h but that holds pixel_bytes."""
    out = struct.pack("<BHHddddddiHH", 1, 0, nbands, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0, w, h)
    for _ in range(nbands):
        out += bytes([CODES[pixtype]]) + bytes(SIZES[pixtype]) + bytes(pixel_bytes)
    return out.hex()


@pytest.fixture(scope="module")
def start_time(capped_sql):
    return postmaster_start(capped_sql)


def refused(session, query, start_time, capped_sql, sqlstate="54000"):
    """Run query as session: it fails with sqlstate quickly, the session still works and
    the server did not restart. Returns the outcome."""
    t0 = time.monotonic()
    out = session.run(query)
    elapsed = time.monotonic() - t0
    assert out.sqlstate == sqlstate, (query, out)
    assert elapsed < QUICK, (query, elapsed)
    assert "MemoryError" not in (out.error or ""), out
    assert session.value("SELECT 1") == 1
    assert postmaster_start(capped_sql) == start_time
    return out


def test_backends_run_under_the_memory_cap(hostile):
    """The fixture's cap holds for the backends (so a regression fails, not the machine)."""
    pid = hostile.value("SELECT pg_backend_pid()")
    with open("/proc/%d/limits" % pid) as f:
        line = [ln for ln in f if ln.startswith("Max address space")][0]
    assert int(line.split()[3]) == MEMORY_CAP_KIB * 1024, line


# --- ST_MakeEmptyCoverage: streamed ------------------------------------------------------

def backend_peak_kib(session):
    """The peak resident memory (VmHWM, KiB) of session's backend, from /proc."""
    pid = session.value("SELECT pg_backend_pid()")
    with open("/proc/%d/status" % pid) as f:
        return [int(line.split()[1]) for line in f if line.startswith("VmHWM:")][0]


def test_huge_coverage_is_streamed(hostile, capped_sql, start_time):
    """65535 x 65535 tiles of 1 x 1 (PostGIS streams them): rows are made one at a time, so
    the backend's memory stays flat until statement_timeout ends the statement."""
    hostile.run("SET statement_timeout = 3000")
    try:
        t0 = time.monotonic()
        out = hostile.run("SELECT count(*) FROM plraster.st_makeemptycoverage("
                          "1, 1, 65535, 65535, 0, 0, 1, -1, 0, 0, 0)")
        elapsed = time.monotonic() - t0
    finally:
        hostile.run("RESET statement_timeout")
    assert out.sqlstate == "57014", out
    assert elapsed < QUICK
    assert backend_peak_kib(hostile) < 512 * 1024  # the whole set would take ~400 GiB
    assert postmaster_start(capped_sql) == start_time


@pytest.mark.parametrize("args", [
    (10, 7, 95, 33, 100.0, 200.0, 2.0, -3.0, 0.0, 0.0, 4326),
    (256, 256, 1000, 700, -180.0, 90.0, 0.1, -0.1, 0.0, 0.0, 4326),
    (3, 5, 17, 11, 0.0, 0.0, 1.0, -1.0, 0.25, 0.5, 0),
])
def test_streamed_coverage_equals_postgis(capped_sql, args):
    """Streaming changed no row: the same tiles as PostGIS's, in the same order."""
    a = ", ".join(repr(v) for v in args)
    pl = capped_sql.run("SELECT r::bytea FROM plraster.st_makeemptycoverage(%s) WITH ORDINALITY "
                        "AS t(r, n) ORDER BY n" % a)
    pg = capped_sql.run("SELECT public.st_asbinary(r) FROM public.st_makeemptycoverage(%s) "
                        "WITH ORDINALITY AS t(r, n) ORDER BY n" % a)
    assert not pl.failed and not pg.failed, (pl, pg)
    assert len(pl.rows) == len(pg.rows) > 0
    assert [bytes(r[0]) for r in pl.rows] == [bytes(r[0]) for r in pg.rows]


# --- new bands on a 65535 x 65535 raster -------------------------------------------------

@pytest.mark.parametrize("pixtype", PIXTYPES)
def test_addband_on_huge_raster_is_refused(hostile, capped_sql, start_time, pixtype):
    out = refused(hostile, "SELECT plraster.st_addband(%s, '%s'::text, 0, NULL)" % (EMPTY_HUGE, pixtype),
                  start_time, capped_sql)
    assert "65535 x 65535" in out.error


def test_addband_array_on_huge_raster_is_refused(hostile, capped_sql, start_time):
    refused(hostile, "SELECT plraster.st_addband(%s, ARRAY[ROW(NULL, '8BUI', 1, NULL)]::plraster.addbandarg[])"
            % EMPTY_HUGE, start_time, capped_sql)


def test_normal_addband_still_works(hostile):
    assert hostile.value("SELECT plraster.st_value(plraster.st_addband("
                         "plraster.st_makeemptyraster(512, 512, 0, 0, 1, -1, 0, 0, 0), '16BUI'::text, 7, NULL), 512, 512)") == 7.0


# --- in-db headers declaring what the value does not hold -------------------------------

@pytest.mark.parametrize("pixtype", ["8BUI", "64BF"])
def test_indb_header_declaring_huge_size_is_refused(hostile, capped_sql, start_time, pixtype):
    lit = "'\\x%s'::plraster.raster" % indb_header_hex(65535, 65535, 1, pixtype, 16)
    for q in ("SELECT plraster.st_dumpvalues(%s, 1)", "SELECT plraster.st_value(%s, 1, 60000, 60000)",
              "SELECT (plraster.st_summarystats(%s)).count", "SELECT count(*) FROM plraster.st_pixelaspolygons(%s)"):
        refused(hostile, q % lit, start_time, capped_sql, sqlstate="22P03")


# --- out-db bands declaring 65535 x 65535 on a small real COG -------------------------------

def test_value_of_one_outdb_pixel_reads_one_window(hostile, capped_sql, start_time, cog_source):
    """ST_Value of one pixel of a band declaring 65535 x 65535 64BF: the COG's value (32 GiB
    were allocated before), and a pixel beyond the file reads as 0, as PostGIS fills it."""
    path, pixels = cog_source
    lit = outdb_lit(65535, 65535, path, "64BF")
    assert hostile.value("SELECT plraster.st_value(%s, 1, 5, 7)" % lit) == float(pixels[6, 4])
    assert hostile.value("SELECT plraster.st_value(%s, 1, 300, 200)" % lit) == float(pixels[199, 299])
    assert hostile.value("SELECT plraster.st_value(%s, 1, 60000, 60000)" % lit) == 0.0
    assert hostile.value("SELECT plraster.st_value(%s, 1, 'SRID=4326;POINT(10.5 150.5)'::geometry)"
                         % lit) == float(pixels[49, 10])
    assert postmaster_start(capped_sql) == start_time


def test_outdb_neighborhood_reads_a_window(hostile, cog_source):
    path, pixels = cog_source
    lit = outdb_lit(65535, 65535, path, "64BF")
    got = hostile.value("SELECT plraster.st_neighborhood(%s, 1, 10, 20, 1, 1)" % lit)
    assert got == pixels[18:21, 8:11].astype(float).tolist()


@pytest.mark.parametrize("query", [
    "SELECT plraster.st_dumpvalues({r}, 1)",
    "SELECT count(*) FROM plraster.st_dumpvalues({r})",
    "SELECT (plraster.st_summarystats({r})).count",
    "SELECT (plraster._st_summarystats({r}, 1, true, 0.5)).count",
    "SELECT octet_length(plraster.st_asbinary({r}, true))",
    "SELECT count(*) FROM plraster.st_pixelaspolygons({r})",
    "SELECT count(*) FROM plraster.st_pixelofvalue({r}, 1, ARRAY[5.0])",
    "SELECT plraster.st_setvalue({r}, 1, 1, 1, 5)",
    "SELECT plraster.st_nearestvalue({r}, 1, 60000, 60000)",
])
@pytest.mark.parametrize("pixtype", ["8BUI", "64BF"])
def test_whole_outdb_band_reads_are_refused(hostile, capped_sql, start_time, cog_source, query, pixtype):
    path, _ = cog_source
    out = refused(hostile, query.format(r=outdb_lit(65535, 65535, path, pixtype, nodata=0)),
                  start_time, capped_sql)
    assert "65535" in (out.error or "")


def test_outdb_band_of_normal_size_still_reads(hostile, cog_source):
    path, pixels = cog_source
    got = hostile.value("SELECT plraster.st_dumpvalues(%s, 1)" % outdb_lit(300, 200, path, "16BUI"))
    assert got == pixels.astype(float).tolist()


# --- arguments that ask for absurd sizes ----------------------------------------------------

SMALL = "plraster.st_addband(plraster.st_makeemptyraster(20, 10, 0, 0, 1, -1, 0, 0, 0), '8BUI'::text, 1, 0)"


@pytest.mark.parametrize("query", [
    "SELECT plraster.st_setvalues({r}, 1, 1, 1, 65535, 65535, 5)",
    "SELECT plraster.st_setvalues({r}, 1, 1, 1, 2000000000, 2000000000, 5)",
    "SELECT plraster.st_neighborhood({r}, 1, 5, 5, 100000, 100000)",
    "SELECT plraster.st_neighborhood({r}, 1, 5, 5, 2000000000, 1)",
    "SELECT count(*) FROM plraster.st_tile({r}, 65535, 65535, true)",
    "SELECT count(*) FROM plraster.st_tile({r}, 1, 65535, 65535, true, 0)",
])
def test_absurd_arguments_are_refused(hostile, capped_sql, start_time, query):
    refused(hostile, query.format(r=SMALL), start_time, capped_sql)


def test_nearest_value_far_off_the_raster_is_quick(hostile, capped_sql):
    """A point a billion pixels away, nodata excluded: only the rings that reach the
    raster are walked (same answer as PostGIS for a nearer point, same value)."""
    q = "SELECT {s}.st_nearestvalue({s}.st_setvalue({s}.st_addband({s}.st_makeemptyraster(20, 10, 0, 0, 1, -1, 0, 0, 4326), " \
        "'8BUI'::text, 0, 0), 1, 20, 5, 9), 1, public.st_setsrid(public.st_makepoint({x}, -5), 4326))"
    t0 = time.monotonic()
    assert hostile.value(q.format(s="plraster", x=1e9)) == 9.0
    assert time.monotonic() - t0 < QUICK
    assert capped_sql.value(q.format(s="public", x=1000)) == 9.0
