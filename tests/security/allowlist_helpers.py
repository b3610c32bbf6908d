"""Helpers of the allow-list tests (no conftest here: tests/security/conftest.py is shared).

    secret_tree(tmp)     a directory with data/cog.tif (allowed) and secret/cog.tif (not)
    traversal_spellings()  every spelling of 'data/../secret/cog.tif' the tests try
    Redirector           a 127.0.0.1 server answering 302 to the URL in its query string
    access_log_lines(nginx, since)  the nginx access log lines written after `since` bytes
    HostileSession       a psycopg session that keeps SQLSTATE, message, detail, hint, notices
    su, open_sources, make_role   fixtures: a superuser session, sources opened for one
                         test, LOGIN roles with USAGE (and optionally CREATE) on plraster
"""

import http.server
import itertools
import os
import re
import subprocess
import sys
import threading
import urllib.parse
import uuid

import numpy
import psycopg
import pytest

import conformance
from servers.cog import write_cog
from servers.process import find_program

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "outdb"))
from outdb_records import one_band  # noqa: E402

SECRET_MARK = b"PLRASTER-SECRET-BYTES-0f3c9a"

# Every way we know to write '.' and '/' (or what some server takes for one).
DOTS = [".", "%2e", "%2E", "%252e", "%c0%ae", "%e0%80%ae", "%ef%bc%8e", "\uff0e", "%u002e"]
SEPARATORS = ["/", "%2f", "%2F", "%252f", "%25252f", "\\", "%5c", "%5C", "%255c", "%c0%af",
              "%ef%bc%8f", "\uff0f", ";/", "%3b/", "%00/", "%0a/", "%09/", "%20/", "//"]
EXTRA = [
    "data/..;/secret/cog.tif", "data/x;y/../../secret/cog.tif", "data/.../secret/cog.tif",
    "data/.. /secret/cog.tif", "data/..%20/secret/cog.tif", "data/..%09/secret/cog.tif",
    "data/../secret/cog.tif", "data/./../secret/cog.tif", "data//../secret/cog.tif",
    "data/%2e%2e%5c%2e%2e%5csecret/cog.tif", "data/cog.tif%00/../../secret/cog.tif",
    "data/..%2f%2e%2e%2fsecret/cog.tif", "data/%2E%2e%2Fsecret/cog.tif", "data/%2e%2E/secret/cog.tif",
    "data/x/..%2f..%2fsecret/cog.tif", "data%2f..%2fsecret/cog.tif", "%2e%2e/secret/cog.tif",
    "data/%2e/../secret/cog.tif", "data/.%2e/secret/cog.tif", "data/%2e./secret/cog.tif",
    "data/..%c0%afsecret/cog.tif", "data/..%u2215secret/cog.tif", "data/..\u2215secret/cog.tif",
    "data/\u2024\u2024/secret/cog.tif", "data/..%e2%88%95secret/cog.tif", "data/%%32%65%%32%65/secret/cog.tif",
    "data/..%5c..%5csecret%5ccog.tif", "data/../../../../secret/cog.tif", "data/...//secret/cog.tif",
    "data/..././secret/cog.tif", "data/....//secret/cog.tif",
]


def traversal_spellings():
    """Spellings of a walk from data/ to secret/cog.tif: every pair of dot spellings with
    every separator spelling, then the odd ones (path parameters, trailing dots, NULs)."""
    seen = []
    for d1, d2, sep in itertools.product(DOTS, DOTS, SEPARATORS):
        seen.append(f"data/{d1}{d2}{sep}secret/cog.tif")
        if d1 == d2:
            seen.append(f"data/sub/{d1}{d2}{sep}{d1}{d2}{sep}secret/cog.tif")
    seen.extend(EXTRA)
    return list(dict.fromkeys(seen))


def secret_tree(root):
    """Make root/data/cog.tif (a COG) and root/secret/cog.tif (a COG followed by
    SECRET_MARK); returns (data file, secret file)."""
    os.makedirs(os.path.join(root, "data", "sub"), exist_ok=True)
    os.makedirs(os.path.join(root, "secret"), exist_ok=True)
    data = os.path.join(root, "data", "cog.tif")
    secret = os.path.join(root, "secret", "cog.tif")
    write_cog(data, width=64, height=64, blocksize=32, seed=1)
    write_cog(secret, width=64, height=64, blocksize=32, seed=2)
    with open(secret, "ab") as f:
        f.write(SECRET_MARK)
    for d, _, files in os.walk(root):
        os.chmod(d, 0o755)
        for name in files:
            os.chmod(os.path.join(d, name), 0o644)
    return data, secret


def access_log_size(nginx):
    """Current size of nginx's access log (pass to access_log_lines)."""
    try:
        return os.path.getsize(nginx.access_log)
    except OSError:
        return 0


_LOG_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<target>\S+) HTTP/[0-9.]+" (?P<status>\d{3}) (?P<bytes>\d+)')


def access_log_lines(nginx, since=0):
    """(method, request target, status, body bytes) of each request logged after `since`."""
    with open(nginx.access_log, "rb") as f:
        f.seek(since)
        text = f.read().decode("latin-1")
    out = []
    for line in text.splitlines():
        m = _LOG_LINE.search(line)
        if m:
            out.append((m["method"], m["target"], int(m["status"]), int(m["bytes"])))
    return out


class Redirector:
    """A 127.0.0.1 server whose /r/<anything>?to=<quoted URL> answers 302 Location: URL,
    byte for byte as given (no normalisation), for GET and HEAD."""

    def __init__(self):
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _answer(self):
                query = urllib.parse.urlsplit(self.path).query
                to = urllib.parse.parse_qs(query).get("to", [""])[0]
                self.send_response(302)
                # byte for byte: UTF-8, which send_header (latin-1 only) cannot write
                self._headers_buffer.append(b"Location: " + to.encode("utf-8", "surrogateescape") + b"\r\n")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_HEAD = _answer

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def prefix(self):
        """The allow-list prefix of the redirector."""
        return f"http://127.0.0.1:{self.port}/r/"

    def to(self, target, hop=1):
        """A URL on this server redirecting to `target`."""
        return f"{self.prefix}{hop}?to={urllib.parse.quote(target, safe='')}"

    def chain(self, target, hops):
        """A URL that redirects `hops` times through this server, then to `target`."""
        url = target
        for hop in range(hops):
            url = self.to(url, hop)
        return url

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._httpd.shutdown()
        self._httpd.server_close()


class Failure:
    """What one statement gave: rows, or an error with every text field PostgreSQL sent."""

    def __init__(self, rows=None, sqlstate=None, texts=(), notices=()):
        self.rows = rows
        self.sqlstate = sqlstate
        self.texts = [t for t in texts if t]
        self.notices = list(notices)

    @property
    def failed(self):
        """True when the statement raised an error."""
        return self.sqlstate is not None

    def everything(self):
        """Every text the client saw: error fields, notices, rows."""
        return " ".join(self.texts + self.notices + [repr(self.rows)])

    def __repr__(self):
        return f"Failure(sqlstate={self.sqlstate}, texts={self.texts}, rows={self.rows!r})"


class HostileSession(conformance.Session):
    """An autocommit connection for a hostile role; keeps every text an error or a notice
    carries (detail, hint, context too), not just the message."""

    def _on_notice(self, diag):
        self._notices.append(" ".join(filter(None, (diag.message_primary, diag.message_detail,
                                                     diag.message_hint, diag.context))))

    def run(self, query, params=None):
        """Run one statement; its Failure (with rows when it succeeded)."""
        self._notices.clear()
        try:
            cur = self.conn.execute(query, params)
            rows = cur.fetchall() if cur.description else []
        except psycopg.Error as e:
            d = e.diag
            return Failure(sqlstate=e.sqlstate, texts=(d.message_primary, d.message_detail, d.message_hint,
                                                       d.context, d.internal_query),
                           notices=self._notices)
        return Failure(rows=rows, notices=self._notices)


# --- fixtures (imported by the test modules that use them) -------------------------------



def write_plain_tiff(path, value, size=64):
    """An uncompressed uint16 GeoTIFF whose pixels are all `value` (same size for any
    value: rewrite tests replace one with another in place)."""
    raw = str(path) + ".raw"
    numpy.full((size, size), value, dtype="<u2").tofile(raw)
    with open(raw[:-4] + ".hdr", "w") as f:
        f.write(f"ENVI\nsamples = {size}\nlines = {size}\nbands = 1\nheader offset = 0\n"
                "file type = ENVI Standard\ndata type = 12\ninterleave = bsq\nbyte order = 0\n")
    out = str(path) + ".new.tif"
    subprocess.run([find_program("gdal_translate"), "-q", "-of", "GTiff", "-co", "COMPRESS=NONE",
                    "-a_srs", "EPSG:4326", "-a_ullr", "10", "50", str(10 + size * 0.001), str(50 - size * 0.001),
                    raw, out], check=True, capture_output=True)
    for leftover in (raw, raw[:-4] + ".hdr", raw + ".aux.xml", out + ".aux.xml"):
        if os.path.exists(leftover):
            os.remove(leftover)
    with open(out, "rb") as f:
        data = f.read()
    os.remove(out)
    return data


def value_sql(path, schema="plraster"):
    """ST_Value of pixel (1, 1) of a 2x2 16BUI out-db raster on `path`."""
    r = one_band(2, 2, 10, 50, 0.001, -0.001, path, pixtype="16BUI")
    return f"SELECT {schema}.st_value('\\x{r}'::{schema}.raster, 1, 1, 1)"


def hex_raster(path):
    """Hex WKB of the same raster, for array parameters."""
    return one_band(2, 2, 10, 50, 0.001, -0.001, path, pixtype="16BUI")


def backend_fds(pid):
    """Targets of the open descriptors of a backend (same OS user as the tests)."""
    out = []
    base = f"/proc/{pid}/fd"
    for name in os.listdir(base):
        try:
            out.append(os.readlink(os.path.join(base, name)))
        except OSError:
            pass
    return out


def backend_rss_kb(pid):
    """VmRSS of a backend in KiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


@pytest.fixture(scope="module")
def su(db_url):
    """A superuser HostileSession (it keeps every text of errors)."""
    session = HostileSession(db_url)
    yield session
    session.close()


@pytest.fixture
def open_sources(su):
    """open_sources(prefix, options=None): opened for one test, all closed afterwards."""
    added = []

    def add(prefix, options=None):
        out = su.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                     (prefix, psycopg.types.json.Jsonb(options or {})))
        assert not out.failed, out
        added.append(out.rows[0][0])
        return out.rows[0][0]

    su.run("SELECT plraster.plraster_cache_reset()")
    yield add
    for prefix in added:
        su.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
    su.run("SELECT plraster.plraster_cache_reset()")


@pytest.fixture
def make_role(su, db_url):
    """make_role(create=False): a LOGIN role with USAGE on plraster's schema only (and CREATE
    on it when asked); a HostileSession of it. Dropped after the test."""
    made = []

    def make(create=False):
        name = "hostile_" + uuid.uuid4().hex[:8]
        su.run(f"CREATE ROLE {name} LOGIN")
        su.run(f"GRANT USAGE{', CREATE' if create else ''} ON SCHEMA plraster TO {name}")
        url = db_url.replace("postgres@", f"{name}@", 1) if "postgres@" in db_url else \
            db_url + ("&" if "?" in db_url else "?") + f"user={name}"
        session = HostileSession(url)
        made.append((name, session))
        return session

    yield make
    for name, session in made:
        session.close()
        su.run(f"DROP OWNED BY {name}")
        su.run(f"DROP ROLE {name}")
