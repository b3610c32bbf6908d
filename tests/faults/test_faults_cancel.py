"""A cancelled statement stops a read that a slowly dripping server keeps alive: the
statement ends at once (57014), the read sends nothing more, its threads end, and the
same connection reads the true value afterwards. (tests/outdb/test_outdb_cancel.py does
the same for servers that do not answer at all.)"""
import threading
import time

import psycopg
import pytest

import faultcases
from faultcases import true_pixels
from faultcases import binary_sql, expected_binary, value_sql

SLOW_OPTIONS = dict(faultcases.OPTIONS, GDAL_HTTP_TIMEOUT="20", GDAL_HTTP_MAX_RETRY="3",
                    GDAL_HTTP_RETRY_DELAY="0.5")
PATH = "/slow/probe.tif"


@pytest.fixture
def slow(admin, fresh, cogs):
    """/slow/ on the fault server: a source of its own with a 20 s timeout and 3 retries."""
    prefix = admin.execute("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                           (fresh.url("/slow/"), psycopg.types.json.Jsonb(SLOW_OPTIONS))).fetchone()[0]
    fresh.put(PATH, cogs["probe.tif"])
    yield fresh
    admin.execute("SELECT plraster.plraster_drop_source(%s)", (prefix,))


def after_cancel(user, slow, cogs, sql, expect):
    requests = slow.count(PATH)
    time.sleep(1.0)  # a read still alive would retry within the 0.5 s retry delay
    assert slow.count(PATH) == requests, slow.requests[-3:]
    assert user.settle() <= user.baseline
    slow.clear()
    result, _ = user.run(sql)
    assert result.sqlstate is None and result.rows == [(expect(true_pixels(cogs["probe.tif"])),)], result


@pytest.mark.parametrize("fault", ["drip-body:0.2", "hang-body"])
def test_statement_timeout_stops_a_dripping_block_read(user, slow, cogs, fault):
    slow.plan(PATH, "ok")
    slow.route(PATH, fault)
    user.run("SET statement_timeout = 700")
    try:
        result, seconds = user.run(binary_sql(slow, PATH))
    finally:
        user.run("SET statement_timeout = '15s'")
    assert result.sqlstate == "57014", result
    assert seconds < 0.7 + 0.8, seconds
    after_cancel(user, slow, cogs, binary_sql(slow, PATH), expected_binary)


def test_pg_cancel_backend_stops_dripping_headers(admin, user, slow, cogs):
    slow.route(PATH, "drip-headers:0.2")
    timer = threading.Timer(0.7, lambda: admin.execute("SELECT pg_cancel_backend(%s)", (user.pid,)))
    timer.start()
    try:
        result, seconds = user.run(value_sql(slow, PATH))
    finally:
        timer.join()
    assert result.sqlstate == "57014", result
    assert seconds < 0.7 + 0.8, seconds
    after_cancel(user, slow, cogs, value_sql(slow, PATH), faultcases.expected_value)
