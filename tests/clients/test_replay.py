"""Every query GDAL and QGIS send to PostGIS, replayed on plraster, answers the same.

A client run against the PostGIS database records what the client sent (server log,
log_statement = all); each of its queries that touches raster data (not the system
catalogs, not session settings) is then run on both databases and the rows compared
(as multisets when the query has no ORDER BY). This names the exact query that differs,
where the client tests can only say that an output differs.
"""
import re

import psycopg
import pytest

import gdalclient
import querylog
import test_qgis

_SKIP = re.compile(r"\bpg_|information_schema|^\s*(SET|BEGIN|COMMIT|DECLARE|FETCH|CLOSE|DEALLOCATE)\b"
                   r"|regclass|ctid|^\s*SELECT\s+postgis_", re.I | re.S)


def _replayable(statements):
    seen, out = set(), []
    for stmt in statements:
        stmt = stmt.strip().rstrip(";")
        if not re.match(r"\s*(SELECT|WITH)\b", stmt, re.I) or _SKIP.search(stmt) or stmt in seen:
            continue
        seen.add(stmt)
        out.append(stmt)
    return out


_BYTEA_TEXT = re.compile(r"\\x[0-9a-f]*\Z")


def _plain(value):
    """A raster in PostGIS's text form (upper-case hex): plraster's prints as bytea text
    (\\x..., a deliberate difference whose effect on GDAL test_gdal.py shows) or is read as bytes."""
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex().upper()
    if isinstance(value, str) and _BYTEA_TEXT.match(value):
        return value[2:].upper()
    return value


def _same(a, b):
    """Answers equal, floats to 1e-12 relative (summation order moves the last digits)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (a != a and b != b) or abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _answer(conn, stmt):
    try:
        cur = conn.execute(stmt)
        rows = [tuple(_plain(v) for v in r) for r in cur.fetchall()] if cur.description else []
    except psycopg.Error as exc:
        return ("error", exc.sqlstate, str(exc).strip().splitlines()[0])
    if not re.search(r"\border\s+by\b", stmt, re.I):
        rows.sort(key=repr)
    return ("rows", rows)


def _short(answer, width=300):
    text = repr(answer)
    return text if len(text) <= width else text[:width] + " ..."


def _replay(databases, statements):
    """[(statement, postgis answer, plraster answer)] for each statement answered differently."""
    differ = []
    with psycopg.connect(databases["postgis"].url, autocommit=True) as pg, \
            psycopg.connect(databases["plraster"].url, autocommit=True) as pl:
        for stmt in _replayable(statements):
            a, b = _answer(pg, stmt), _answer(pl, stmt)
            if not _same(a, b):
                differ.append((stmt, a, b))
    return differ


def _assert_replays(databases, statements, client):
    assert _replayable(statements), f"{client} sent no raster query to PostGIS"
    differ = _replay(databases, statements)
    report = "\n".join(f"- SQL: {querylog.shorten(s)}\n  postgis:  {_short(a)}\n"
                       f"  plraster: {_short(b)}" for s, a, b in differ[:10])
    assert not differ, f"{len(differ)} queries {client} sent answer differently on plraster:\n{report}"


GDAL_RUNS = [
    ("byte1", ["gdalinfo", "-checksum", "-stats"], 2),
    ("int16x3", ["gdalinfo", "-checksum"], 1),
    ("bare", ["gdalinfo", "-checksum", "-stats"], 2),
    ("dem_outdb", ["gdalinfo", "-checksum", "-stats"], 2),
    ("float1", ["gdal_translate", "-q", "-srcwin", "30", "20", "40", "30"], 2),
]


@pytest.mark.parametrize("table,argv,mode", GDAL_RUNS, ids=[f"{a[0]}-{t}-mode{m}" for t, a, m in GDAL_RUNS])
def test_gdal_queries_replay(databases, server_log, tmp_path, table, argv, mode):
    """The queries of one GDAL run on PostGIS answer the same on plraster."""
    db = databases["postgis"]
    args = argv + [gdalclient.pg_name(db, table, mode)]
    if argv[0] == "gdal_translate":
        args.append(str(tmp_path / "out.tif"))
    proc, sent = gdalclient.run(args, db, server_log, f"replay {argv[0]} {table}")
    assert proc.returncode == 0, proc.stderr
    _assert_replays(databases, sent.statements, argv[0])


@pytest.mark.parametrize("table", ["byte1", "bare", "rgb_outdb"])
def test_qgis_queries_replay(databases, server_log, tmp_path, table):
    """The queries of one QGIS session on PostGIS answer the same on plraster."""
    report, stderr, sent, _ = test_qgis._probe(databases["postgis"], table, tmp_path, server_log)
    assert report is not None and report["layer"]["valid"], stderr
    _assert_replays(databases, sent.statements, "QGIS")


def test_replay_filter():
    """Catalog probes and session commands are not replayed; raster queries are, once."""
    sent = ["SET extra_float_digits=3", "SELECT oid,typname FROM pg_type",
            "SELECT \"rid\", ST_Metadata(\"rast\") FROM \"public\".\"t\";",
            "SELECT \"rid\", ST_Metadata(\"rast\") FROM \"public\".\"t\"",
            "SELECT postgis_version()", "SELECT regclass('\"public\".\"t\"')::oid"]
    assert _replayable(sent) == ["SELECT \"rid\", ST_Metadata(\"rast\") FROM \"public\".\"t\""]
