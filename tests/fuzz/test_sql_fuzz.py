"""Fuzzing through SQL: mutated raster WKB and mutated TIFFs (as out-db files on an allowed
local source) queried by a role with no privileges, on a server whose backends run under
an address-space cap (conftest.capped_server).

Each statement must succeed or fail with an SQLSTATE of class 22 (data), 54 (limits),
58 (I/O), 0A (unsupported) or 42 (privileges): never XX000 or 38000 with Python text, never
a timeout; the backend must survive every statement. For WKB, the raster domain's verdict
(its SQL quick test or the library's walk) must also equal the library's own full check
run here on the same bytes, with PostGIS's NOTICE for trailing bytes.
"""
import os
import random

import numpy as np
import psycopg
import pytest

import conformance
import corpus
import mutate
from plraster.core import wkb
from plraster.core.errors import PlrasterError
from plraster.tiff import BytesSource, open_tiff

SQL_WKB_INPUTS = int(os.environ.get("PLRASTER_FUZZ_SQL_WKB", "2500"))
SQL_TIFF_INPUTS = int(os.environ.get("PLRASTER_FUZZ_SQL_TIFF", "300"))
ALLOWED_CLASSES = ("22", "54", "58", "0A", "42")

WKB_BATTERY = (
    "SELECT plraster.st_numbands(r), plraster.st_value(r, 1, 1, 1), plraster.st_summary(r),"
    " (plraster.st_bandmetadata(r, 1))::text, plraster.st_memsize(r),"
    " length(plraster.st_asbinary(r)), plraster.st_numbands(plraster.st_setvalue(r, 1, 1, 1, 5))"
    " FROM (SELECT %s::bytea::plraster.raster AS r) AS q")
OUTDB_BATTERY = (
    "SELECT plraster.st_value(r, 1, 1, 1), plraster.st_value(r, 1, {w}, {h}),"
    " plraster.st_bandfilesize(r), (plraster.st_bandmetadata(r, 1))::text,"
    " length(plraster.st_asbinary(r, true))"
    " FROM (SELECT %s::bytea::plraster.raster AS r) AS q")
PIXTYPE_OF_DTYPE = {"uint8": 4, "int8": 3, "uint16": 6, "int16": 5, "uint32": 8, "int32": 7,
                    "float32": 10, "float64": 11}


@pytest.fixture(scope="module")
def user_sql(capped_server):
    su = conformance.Session(capped_server.url)
    su.run("GRANT USAGE ON SCHEMA plraster TO fuzzer")
    session = conformance.Session(capped_server.user_url)
    session.run("SET statement_timeout = '30s'")
    yield session
    session.close()
    su.close()


def _bad(outcome):
    """Why an outcome breaks the contract, or None."""
    if outcome.failed and not outcome.sqlstate.startswith(ALLOWED_CLASSES):
        return "SQLSTATE %s: %s" % (outcome.sqlstate, outcome.error)
    if outcome.failed and ("Error:" in outcome.error or "Traceback" in outcome.error):
        return "Python text in the message: %s" % outcome.error
    return None


def _alive(session):
    out = session.run("SELECT 1")
    assert not out.failed and out.rows == [(1,)], "the backend did not survive: %r" % (out,)


def _record(findings, session, name, base, ops, problem):
    """Keep a finding as a reproducer (after checking the backend lived); True when enough
    findings are kept to stop."""
    if problem is None:
        return False
    findings.append(mutate.reproducer(name, base, ops, problem))
    _alive(session)
    return len(findings) >= 10


def test_mutated_wkb_through_sql(user_sql):
    seeds = corpus.wkb_seeds()
    mutator = mutate.Mutator(11)
    findings = []
    accepted = 0
    for i in range(SQL_WKB_INPUTS):
        name, base, fields = seeds[i % len(seeds)]
        ops = mutator.ops(len(base), fields)
        data = mutate.apply(base, ops)
        try:
            trailing = wkb.check_raster(data)
        except PlrasterError:
            trailing = None
        entered = user_sql.run("SELECT %s::bytea::plraster.raster IS NOT NULL", (data,))
        problem = _bad(entered)
        if problem is None and entered.failed != (trailing is None):
            problem = "the domain %s what the library's check %s" % (
                "refused" if entered.failed else "accepted",
                "accepts" if trailing is not None else "refuses")
        if problem is None and not entered.failed:
            want = ["%d bytes of WKB remained unparsed" % trailing] if trailing else []
            if entered.notices != want:
                problem = "notices %r, expected %r" % (entered.notices, want)
        if problem is None and not entered.failed:
            accepted += 1
            problem = _bad(user_sql.run(WKB_BATTERY, (data,)))
        if _record(findings, user_sql, name, base, ops, problem):
            break
    _alive(user_sql)
    assert not findings, "\n".join(findings)
    assert accepted > SQL_WKB_INPUTS // 20  # the mutations leave enough valid rasters


@pytest.fixture(scope="module")
def mutated_tiffs(tiff_seed_dir, tmp_path_factory):
    """[(path, ops, seed name, header WKB fields)] of mutated TIFFs in one directory."""
    directory = tmp_path_factory.mktemp("fuzz-outdb")
    seeds = []
    for name in sorted(os.listdir(tiff_seed_dir)):
        if name.endswith(".tif"):
            data = open(os.path.join(tiff_seed_dir, name), "rb").read()
            ifd = open_tiff(BytesSource(data)).ifds[0]
            code = PIXTYPE_OF_DTYPE.get(ifd.dtype.name, 4)
            seeds.append((name, data, corpus.tiff_fields(data), ifd, code))
    mutator = mutate.Mutator(23)
    out = []
    for i in range(SQL_TIFF_INPUTS):
        name, base, fields, ifd, code = seeds[i % len(seeds)]
        ops = mutator.ops(len(base), fields) if i >= len(seeds) else []
        path = directory / ("m%04d.tif" % i)
        path.write_bytes(mutate.apply(base, ops))
        os.chmod(path, 0o644)
        out.append((str(path), ops, name, base, ifd, code))
    os.chmod(directory, 0o755)
    return str(directory), out


def _outdb_wkb(path, ifd, code, band_index):
    w, h = min(ifd.width, 64), min(ifd.height, 64)
    header = wkb.RasterHeader(1, 10.0, -10.0, 500000.0, 4600000.0, 0.0, 0.0, 32631, w, h)
    band = corpus.pack_band(code, w, h, outdb=(band_index, path.encode()))
    return wkb.emit_header(header) + band, w, h


def test_mutated_tiffs_as_outdb_files(capped_server, user_sql, mutated_tiffs):
    directory, files = mutated_tiffs
    su = conformance.Session(capped_server.url)
    added = su.run("SELECT plraster.plraster_add_source(%s)", (directory,))
    assert not added.failed, added
    findings = []
    rng = random.Random(5)
    try:
        for path, ops, name, base, ifd, code in files:
            band_index = rng.choice((0, ifd.samples_per_pixel - 1))
            data, w, h = _outdb_wkb(path, ifd, code, band_index)
            outcome = user_sql.run(OUTDB_BATTERY.format(w=w, h=h), (data,))
            problem = _bad(outcome)
            if problem is None and not ops and outcome.failed:
                problem = "the unmutated file failed: %r" % (outcome,)
            if _record(findings, user_sql, name, base, ops, problem):
                break
        _alive(user_sql)
        fresh = conformance.Session(capped_server.user_url)
        _alive(fresh)
        fresh.close()
    finally:
        su.run("SELECT plraster.plraster_drop_source(%s)", (added.rows[0][0],))
        su.close()
    assert not findings, "\n".join(findings)
