"""Out-db reads through SQL, by an ordinary user, from a server that misbehaves.

For every fault of faultcases.CASES and every read it concerns (ST_Value of one block,
ST_AsBinary(rast, true) of four blocks read in parallel, plraster_register_cog of the
COG's header): the statement ends within its documented time, with the documented
SQLSTATE and a message naming the object (never its query string) or with the file's
true value as GDAL reads it from the same bytes; the same connection then reads the
true value; and the backend's threads are back to what they were.
"""
import time

import pytest

import faultcases
from faultcases import true_pixels
from faultcases import CASES, SECRET, binary_sql, expected_binary, expected_value, value_sql

PATH = "/probe.tif"


def run_op(user, faults, op, path=PATH):
    """(Result, seconds, expected answer) of one read of `path` as the ordinary user."""
    if op == "value":
        result, seconds = user.run(value_sql(faults, path))
        return result, seconds, lambda pixels: [(expected_value(pixels),)]
    if op == "binary":
        result, seconds = user.run(binary_sql(faults, path))
        return result, seconds, lambda pixels: [(expected_binary(pixels),)]
    table = f"{user.schema}.reg_{int(time.monotonic() * 1000)}"
    result, seconds = user.run("SELECT plraster.plraster_register_cog(%s, %s, overviews => false, "
                               "constraints => false, index => false)",
                               (faults.url(path) + "?" + SECRET, table))
    if result.sqlstate is None:
        # what was registered: the COG's four blocks, whose pixels are the file's
        check, _ = user.run(f"SELECT (SELECT count(*) FROM {table}), plraster.st_value(rast, 1, 1, 1) "
                            f"FROM {table} WHERE plraster.st_upperleftx(rast) > %s "
                            f"AND plraster.st_upperlefty(rast) < %s",
                            (faultcases.ORIGIN[0] + 0.1, faultcases.ORIGIN[1] - 0.1))
        user.run(f"DROP TABLE {table}")
        result = result._replace(rows=check.rows)
    return result, seconds, lambda pixels: [(4, int(pixels[256, 256]))]


def assert_true_answer(result, expect, data):
    assert result.sqlstate is None, result
    assert result.rows == expect(true_pixels(data))


def assert_named_error(result, case, faults):
    assert result.sqlstate == case.sqlstate, result
    assert case.message in result.message, result
    assert faults.url(PATH) in result.message + result.detail, result
    assert "SECRET" not in result.message + result.detail, result


@pytest.mark.parametrize("case, op", [(c, op) for c in CASES for op in c.id_ops],
                         ids=[f"{c.id}-{op}" for c in CASES for op in c.id_ops])
def test_fault(fresh, user, cogs, case, op):
    faults = fresh
    faults.plan(PATH, *case.plan)
    if case.route:
        faults.route(PATH, case.route)
    result, seconds, expect = run_op(user, faults, op)
    formula, low, high = faultcases.time_bounds(case)
    if case.sqlstate is None:
        assert_true_answer(result, expect, cogs["probe.tif"])
    else:
        assert_named_error(result, case, faults)
    assert low <= seconds <= high, (formula, seconds)
    # the backend survives: the same connection reads the true value once the server mends
    faults.clear()
    again, _, expect = run_op(user, faults, op)
    assert_true_answer(again, expect, cogs["probe.tif"])
    assert user.settle() <= user.baseline


def test_replaced_object_is_never_mixed(fresh, user, cogs):
    """The object replaced between the header read and the block reads (same size, other
    pixels): 58030, then the next statement reads the new object's true pixels."""
    faults = fresh
    assert len(cogs["other.tif"]) == len(cogs["probe.tif"])
    faults.plan(PATH, "ok", lambda srv: srv.put(PATH, cogs["other.tif"]))
    result, seconds, expect = run_op(user, faults, "binary")
    assert result.sqlstate == "58030" and "changed while being read" in result.message, result
    assert seconds < faultcases.MARGIN
    again, _, expect = run_op(user, faults, "binary")
    assert_true_answer(again, expect, cogs["other.tif"])
    assert user.settle() <= user.baseline


def test_replaced_object_seen_by_last_modified(fresh, user, cogs):
    """A server that sends no ETag: a later Last-Modified tells the replacement."""
    faults = fresh
    faults.send_etag = False
    faults.put(PATH, cogs["probe.tif"], modified=time.time() - 3600)
    faults.plan(PATH, "ok", lambda srv: srv.put(PATH, cogs["other.tif"]))
    result, _, _ = run_op(user, faults, "value")
    assert result.sqlstate == "58030" and "changed while being read" in result.message, result
    again, _, expect = run_op(user, faults, "value")
    assert_true_answer(again, expect, cogs["other.tif"])


def test_bytes_of_an_endless_body_are_counted(fresh, user):
    """Finding 10: the bytes read up to the cap appear in plraster_io_stats()."""
    faults = fresh
    faults.route(PATH, "endless-200")
    result, _, _ = run_op(user, faults, "value")
    assert result.sqlstate == "58030" and "ignored the range request" in result.message, result
    stats, _ = user.run("SELECT requests, bytes FROM plraster.plraster_io_stats()")
    requests, nbytes = stats.rows[0]
    assert requests == 1  # not repeated
    assert faultcases.MAX_WHOLE < nbytes <= faultcases.MAX_WHOLE + 65536


def test_redirect_loop(fresh, user):
    faults = fresh
    faults.route("/loop.tif", "redirect:/loop.tif")
    result, seconds, _ = run_op(user, faults, "value", "/loop.tif")
    assert result.sqlstate == "58030" and "too many redirects" in result.message, result
    assert faults.count("/loop.tif") == 4  # PLRASTER_HTTP_MAX_REDIRECTS = 3, then stop
    assert seconds < faultcases.MARGIN


def test_redirect_chains(fresh, user, cogs):
    """Three hops (the limit) reach the object; four do not."""
    faults = fresh
    for i in range(4):
        faults.route(f"/c{i}.tif", f"redirect:/c{i + 1}.tif")
    faults.put("/c4.tif", cogs["probe.tif"])
    faults.put("/c3.tif", cogs["probe.tif"])
    faults.route("/c3.tif", None)
    result, _, expect = run_op(user, faults, "value", "/c0.tif")
    assert_true_answer(result, expect, cogs["probe.tif"])
    faults.route("/c3.tif", "redirect:/c4.tif")
    user.settle()  # no cached header
    result, _, _ = run_op(user, faults, "value", "/c0.tif")
    assert result.sqlstate == "58030" and "too many redirects" in result.message, result


@pytest.mark.parametrize("where", ["outside", "metadata", "other-spelling"])
def test_redirect_to_a_host_not_allowed(fresh, user, cogs, where):
    """A redirect out of the source's prefix is refused before anything is sent there."""
    faults = fresh
    outside = faults.outside
    outside.put(PATH, cogs["probe.tif"])
    target = {"outside": outside.url(PATH),
              "metadata": "http://169.254.169.254/latest/meta-data/",
              "other-spelling": f"http://localhost:{outside.port}{PATH}"}[where]
    faults.route(PATH, "redirect:" + target)
    for op in ("value", "register"):
        result, seconds, _ = run_op(user, faults, op)
        assert result.sqlstate == "42501" and "redirect" in result.message, result
        assert seconds < faultcases.MARGIN
    assert outside.count() == 0


def test_nothing_listening(admin, user):
    """A source on a port where nothing listens: could not connect, retried R times."""
    import socket

    import psycopg

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    prefix = f"http://127.0.0.1:{port}/"
    admin.execute("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                  (prefix, psycopg.types.json.Jsonb(faultcases.OPTIONS)))
    try:
        class Closed:
            def url(self, path):
                return f"http://127.0.0.1:{port}{path}"
        result, seconds = user.run(value_sql(Closed(), PATH))
        assert result.sqlstate == "58030" and "could not connect" in result.message, result
        assert seconds < faultcases.R * faultcases.D + faultcases.MARGIN
    finally:
        admin.execute("SELECT plraster.plraster_drop_source(%s)", (prefix,))
    assert user.settle() <= user.baseline


def test_expected_answers_are_postgis_answers(admin, faults, cogs):
    """The hand-built ST_AsBinary and ST_Value answers are PostGIS's, reading the same
    bytes from a local file through GDAL."""
    path = str(cogs["dir"] / "probe.tif")
    with admin.transaction():
        admin.execute("SET LOCAL postgis.enable_outdb_rasters = true")
        admin.execute("SET LOCAL postgis.gdal_enabled_drivers = 'ENABLE_ALL'")
        w, h, col, row = faultcases.WIDE
        hexwkb = faultcases.one_band(w, h, faultcases.ORIGIN[0] + col * faultcases.SCALE,
                                     faultcases.ORIGIN[1] - row * faultcases.SCALE, faultcases.SCALE,
                                     -faultcases.SCALE, path)
        got = admin.execute("SELECT public.st_asbinary(%s::public.raster, true)", (hexwkb.upper(),)).fetchone()[0]
        w, h, col, row = faultcases.SMALL
        hexwkb = faultcases.one_band(w, h, faultcases.ORIGIN[0] + col * faultcases.SCALE,
                                     faultcases.ORIGIN[1] - row * faultcases.SCALE, faultcases.SCALE,
                                     -faultcases.SCALE, path)
        value = admin.execute("SELECT public.st_value(%s::public.raster, 1, %s, %s)",
                              (hexwkb.upper(), *faultcases.VALUE_AT)).fetchone()[0]
    pixels = true_pixels(cogs["probe.tif"])
    assert bytes(got) == expected_binary(pixels)
    assert value == expected_value(pixels)


def test_backend_memory_stayed_bounded(user):
    """After the faults above (endless bodies among them), the ordinary user's backend
    holds no buffered body: its peak resident size stays far under the cap."""
    with open(f"/proc/{user.pid}/status") as f:
        status = dict(line.split(":", 1) for line in f)
    peak_kib = int(status["VmHWM"].split()[0])
    address_kib = int(status["VmPeak"].split()[0])
    print(f"backend VmHWM {peak_kib // 1024} MiB, VmPeak {address_kib // 1024} MiB")
    assert address_kib * 1024 <= faultcases.MEMORY_CAP
    assert peak_kib * 1024 < 400 * 1024 * 1024
