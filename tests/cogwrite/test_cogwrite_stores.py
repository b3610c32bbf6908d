"""plraster_write_cog to object stores: SeaweedFS (S3) and Swift (tempauth, SLO) on 127.0.0.1.
One PUT for a small COG, an S3 multipart upload or a Swift Static Large Object for one larger
than a part; the object read back through plraster's own S3 and Swift readers holds the
coverage's pixels; a server error on a part is retried; a part that keeps failing fails
the write cleanly (58030): no object under the name, no multipart upload left open, no
segment left behind."""
import http.client
import http.server
import json
import os
import re
import socket
import struct
import sys
import threading

import numpy as np
import pytest

import conformance
from rasters import pack
from servers.s3 import SeaweedS3Server
from servers.swift import SwiftServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "outdb"))
from outdb_records import outdb_wkb  # noqa: E402

TILE = 256
COLS, ROWS = 8, 6   # 2048 x 1536 Int16: 6 MiB uncompressed, two 5 MiB parts
RNG = np.random.default_rng(8)
PIXELS = RNG.integers(-300, 3000, (ROWS * TILE, COLS * TILE)).astype(np.int16)
PART = 5 << 20
QUERY = "SELECT rast FROM cog_big"
SMALL = "SELECT rast FROM cog_big WHERE rid = 0"
RAW = '{"compress": "none"}'


class FaultProxy:
    """An HTTP proxy on 127.0.0.1 in front of a store: `fail` maps a request predicate to the
    number of times it answers 500 (None: always); everything else is relayed unchanged (the
    Host header too, so that S3 signatures stay valid)."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.rules = []
        self.failed = 0
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # every answer has a Content-Length: keep-alive

            def _relay(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                for rule in proxy.rules:
                    if rule[0](self.command, self.path) and (rule[1] is None or rule[1] > 0):
                        if rule[1] is not None:
                            rule[1] -= 1
                        proxy.failed += 1
                        if len(rule) > 2 and rule[2] == "reset":  # a TCP reset, no answer
                            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                                       struct.pack("ii", 1, 0))
                            self.connection.close()
                            self.close_connection = True
                            return
                        self.send_response(500)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                conn = http.client.HTTPConnection("127.0.0.1", proxy.target_port, timeout=30)
                conn.request(self.command, self.path, body=body,
                             headers={k: v for k, v in self.headers.items()})
                answer = conn.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                head = self.command == "HEAD"  # its Content-Length is the object's: kept
                for k, v in answer.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection") and (
                            head or k.lower() != "content-length"):
                        self.send_header(k, v)
                if not head:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if not head:
                    self.wfile.write(data)
                conn.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _relay

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def stores(db_url):
    """(session, s3 server, swift server, s3 proxy, swift proxy) with table cog_big (48 tiles)."""
    session = conformance.Session(db_url)
    session.run("CREATE TABLE cog_big (rid int, rast plraster.raster)")
    for r in range(ROWS):
        for c in range(COLS):
            data = PIXELS[r * TILE:(r + 1) * TILE, c * TILE:(c + 1) * TILE]
            hexwkb = pack(TILE, TILE, [{"pixtype": "16BSI", "data": data}], scale=(10.0, -10.0),
                          ul=(500000.0 + c * TILE * 10, 4000000.0 - r * TILE * 10), srid=32631)
            session.run("INSERT INTO cog_big VALUES (%s, decode(%s, 'hex')::plraster.raster)",
                        (r * COLS + c, hexwkb))
    with SeaweedS3Server() as s3, SwiftServer() as swift:
        s3.request("PUT", "/cogs")
        swift.put_object("cogs", "placeholder", b"")
        proxy = FaultProxy(int(s3.endpoint.rsplit(":", 1)[1]))
        options = dict(s3.options(), PLRASTER_WRITABLE="YES", PLRASTER_UPLOAD_PART_SIZE=str(PART))
        proxied = dict(options, AWS_S3_ENDPOINT="127.0.0.1:%d" % proxy.port, GDAL_HTTP_MAX_RETRY="2",
                       GDAL_HTTP_RETRY_DELAY="0.1")
        for prefix, opts in (("s3://cogs/", options), ("s3://faulty/", proxied),
                             ("swift://cogs/", dict(swift.options(), PLRASTER_WRITABLE="YES",
                                                    PLRASTER_UPLOAD_PART_SIZE=str(PART),
                                                    GDAL_HTTP_MAX_RETRY="1",
                                                    GDAL_HTTP_RETRY_DELAY="0.1"))):
            added = session.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                                (prefix, json.dumps(opts)))
            assert not added.failed, added
        s3.request("PUT", "/faulty")
        swift.put_object("scogs", "placeholder", b"")
        storage_url, token = swift.authenticate()
        swift_port = int(swift.auth_url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
        sproxy = FaultProxy(swift_port)
        proxied_url = re.sub(r"//[^/]+/", "//127.0.0.1:%d/" % sproxy.port, storage_url, count=1)
        added = session.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)", (
            "swift://scogs/", json.dumps({"SWIFT_STORAGE_URL": proxied_url, "SWIFT_AUTH_TOKEN": token,
                                          "PLRASTER_WRITABLE": "YES", "GDAL_HTTP_MAX_RETRY": "2",
                                          "GDAL_HTTP_RETRY_DELAY": "0.1",
                                          "PLRASTER_UPLOAD_PART_SIZE": str(PART)})))
        assert not added.failed, added
        yield session, s3, swift, proxy, sproxy
        proxy.close()
        sproxy.close()
        for prefix in ("s3://cogs/", "s3://faulty/", "swift://cogs/", "swift://scogs/"):
            session.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
    session.run("DROP TABLE cog_big")
    session.run("SELECT plraster.plraster_cache_reset()")
    session.close()


def _write(session, target, query=QUERY, options=RAW):
    return session.run("SELECT plraster.plraster_write_cog(%s, %s, %s::jsonb)", (query, target, options))


def _read_back(session, target, count):
    """The object's pixels, read by plraster's engine through an out-db band."""
    w, h = (COLS * TILE, ROWS * TILE) if count > 1 else (TILE, TILE)
    r = outdb_wkb(w, h, 500000.0, 4000000.0, 10.0, -10.0, [(target, 0, "16BSI", None)], srid=32631)
    got = session.run("SELECT plraster.ST_DumpValues('\\x%s'::plraster.raster, 1, false)" % r.lower())
    assert not got.failed, got
    return np.array(got.rows[0][0], dtype=np.int16)


def _uploaded_notices(outcome):
    return [n for n in outcome.notices if "bytes uploaded" in n]


@pytest.mark.parametrize("scheme", ["s3", "swift"])
def test_small_cog_is_one_put(stores, scheme):
    session = stores[0]
    out = _write(session, "%s://cogs/small.tif" % scheme, SMALL)
    assert not out.failed, out
    assert len(_uploaded_notices(out)) == 1
    np.testing.assert_array_equal(_read_back(session, "/vsi%s/cogs/small.tif" % scheme, 1),
                                  PIXELS[:TILE, :TILE])


@pytest.mark.parametrize("scheme", ["s3", "swift"])
def test_large_cog_is_uploaded_in_parts(stores, scheme):
    session, s3, swift = stores[:3]
    out = _write(session, "%s://cogs/big.tif" % scheme)
    assert not out.failed, out
    assert out.rows[0][0]["bytes"] > PART
    assert len(_uploaded_notices(out)) == 2   # two parts (segments)
    np.testing.assert_array_equal(_read_back(session, "/vsi%s/cogs/big.tif" % scheme, 48), PIXELS)
    if scheme == "swift":
        url, token = swift.authenticate()
        listing = _swift_list(url, token, "cogs")
        assert len([n for n in listing if n.startswith(".plraster-segments/big.tif/")]) == 2


@pytest.mark.parametrize("fault", ["500", "reset"])
def test_s3_part_error_is_retried(stores, fault):
    session, s3, _, proxy, _ = stores
    proxy.rules = [[lambda m, p: m == "PUT" and "partNumber=2" in p, 1, fault]]
    before = proxy.failed
    out = _write(session, "s3://faulty/retried.tif")
    assert not out.failed, out
    assert proxy.failed == before + 1
    assert s3.request("HEAD", "/faulty/retried.tif").status_code == 200


def test_s3_failed_part_leaves_no_object_and_no_upload(stores):
    session, s3, _, proxy, _ = stores
    proxy.rules = [[lambda m, p: m == "PUT" and "partNumber=2" in p, None, "reset"]]
    try:
        out = _write(session, "s3://faulty/broken.tif")
    finally:
        proxy.rules = []
    assert out.sqlstate == "58030", out
    assert "AWS_SECRET" not in (out.error or "") and "secret" not in (out.error or "").lower()
    assert s3.request("HEAD", "/faulty/broken.tif").status_code == 404
    uploads = s3.request("GET", "/faulty?uploads").text
    assert "broken.tif" not in uploads, uploads


def test_swift_failed_segment_leaves_nothing(stores):
    session, _, swift, _, sproxy = stores
    url, token = swift.authenticate()
    sproxy.rules = [[lambda m, p: m == "PUT" and p.endswith("/00000002"), None]]
    try:
        out = _write(session, "swift://scogs/broken.tif")
    finally:
        sproxy.rules = []
    assert out.sqlstate == "58030", out
    assert sproxy.failed >= 2   # the failing segment was tried again
    listing = _swift_list(url, token, "scogs")
    assert [n for n in listing if "broken" in n] == []   # no object, no segment


def test_swift_segment_error_is_retried(stores):
    session, _, swift, _, sproxy = stores
    sproxy.rules = [[lambda m, p: m == "PUT" and p.endswith("/00000001"), 1]]
    try:
        out = _write(session, "swift://scogs/retried.tif")
    finally:
        sproxy.rules = []
    assert not out.failed, out
    url, token = swift.authenticate()
    import urllib.request
    from osgeo import gdal
    request = urllib.request.Request("%s/scogs/retried.tif" % url, headers={"X-Auth-Token": token})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=30) as response:
        gdal.FileFromMemBuffer("/vsimem/retried.tif", response.read())
    try:
        np.testing.assert_array_equal(gdal.Open("/vsimem/retried.tif").ReadAsArray(), PIXELS)
    finally:
        gdal.Unlink("/vsimem/retried.tif")


def _swift_list(storage_url, token, container):
    import urllib.request
    request = urllib.request.Request("%s/%s?format=json" % (storage_url, container),
                                     headers={"X-Auth-Token": token})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=10) as response:
        return [o["name"] for o in json.loads(response.read())]
