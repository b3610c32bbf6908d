"""Fixtures of the fault suite: a memory-capped PostgreSQL, a fault-injecting HTTP server
opened as an out-db source with short timeouts, a COG on it, and an ordinary user.

The server under test gets hostile network input, so its backends run under an address
space limit (RLIMIT_AS, as `ulimit -v`): a regression that buffers an endless body
fails a test with an out-of-memory error instead of waking the kernel's OOM killer.
"""
import os
import resource
import sys
import time
import uuid

import numpy
import psycopg
import pytest
import rasterio
import rasterio.shutil
from rasterio.transform import from_origin

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
for _p in (TESTS, os.path.join(TESTS, "storage"), os.path.join(TESTS, "outdb"), HERE):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import pgserver  # noqa: E402
from faultserver import FaultServer  # noqa: E402

import faultcases  # noqa: E402

MEMORY_CAP = faultcases.MEMORY_CAP


@pytest.fixture(scope="session")
def server():
    """A PostgreSQL server whose backends run under MEMORY_CAP bytes of address space."""
    srv = pgserver.start_server()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = MEMORY_CAP if hard == resource.RLIM_INFINITY else min(MEMORY_CAP, hard)
    # Backends are forked by the postmaster: they inherit the limit set on it.
    resource.prlimit(srv.child_process.pid, resource.RLIMIT_AS, (cap, hard))
    yield srv
    srv.stop()


def write_cog(path, pixels):
    """Write a (h, w) uint32 array as an uncompressed COG with 256x256 blocks (GDAL's COG
    driver): two arrays of one shape give files of one size and layout."""
    h, w = pixels.shape
    with rasterio.MemoryFile() as memory:
        with memory.open(driver="GTiff", width=w, height=h, count=1, dtype=str(pixels.dtype),
                         crs="EPSG:4326", transform=from_origin(*faultcases.ORIGIN, faultcases.SCALE,
                                                                 faultcases.SCALE)) as dataset:
            dataset.write(pixels, 1)
        with memory.open() as dataset:
            rasterio.shutil.copy(dataset, str(path), driver="COG", blocksize=256, compress="NONE")
    os.chmod(path, 0o644)


true_pixels = faultcases.true_pixels


@pytest.fixture(scope="session")
def cogs(tmp_path_factory):
    """{name: bytes} of two COGs of the same size and layout with other pixel values."""
    directory = tmp_path_factory.mktemp("fault-cogs")
    os.chmod(directory, 0o755)
    y, x = numpy.mgrid[0:faultcases.SIZE, 0:faultcases.SIZE]
    out = {}
    for name, offset in (("probe.tif", 1), ("other.tif", 7_000_000)):
        write_cog(directory / name, (y * 4096 + x + offset).astype(numpy.uint32))
        out[name] = (directory / name).read_bytes()
    out["dir"] = directory
    return out


@pytest.fixture(scope="session")
def admin(db_url):
    """A superuser connection."""
    conn = psycopg.connect(db_url, autocommit=True)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def faults(admin, cogs):
    """The fault server, opened as a source (short timeouts); also a second server that
    is not a source, for redirects to a host the allow-list does not hold."""
    with FaultServer() as srv, FaultServer() as outside:
        srv.outside = outside
        prefix = admin.execute("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                               (srv.url("/"), psycopg.types.json.Jsonb(faultcases.OPTIONS))).fetchone()[0]
        yield srv
        admin.execute("SELECT plraster.plraster_drop_source(%s)", (prefix,))


@pytest.fixture(scope="session")
def user_url(admin, db_url):
    """The URL of an ordinary role: USAGE on plraster, its own schema for registrations."""
    name = "faults_" + uuid.uuid4().hex[:8]
    admin.execute(f"CREATE ROLE {name} LOGIN")
    admin.execute(f"GRANT USAGE ON SCHEMA plraster TO {name}")
    admin.execute(f"CREATE SCHEMA {name} AUTHORIZATION {name}")
    url = db_url.replace("postgres@", f"{name}@", 1) if "postgres@" in db_url else \
        db_url + ("&" if "?" in db_url else "?") + f"user={name}"
    url_info = psycopg.conninfo.conninfo_to_dict(url)
    assert url_info.get("user") == name, url
    yield url
    admin.execute(f"DROP SCHEMA {name} CASCADE")
    admin.execute(f"DROP OWNED BY {name}")
    admin.execute(f"DROP ROLE {name}")


class UserSession:
    """The ordinary user's connection: runs statements, times them, counts its threads."""

    def __init__(self, url):
        self.conn = psycopg.connect(url, autocommit=True)
        pgserver.load_rasters_as_bytes(self.conn)
        self.schema = self.conn.info.user
        # A regression must fail a test, not hang the suite.
        self.conn.execute("SET statement_timeout = '15s'")
        self.pid = self.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        self.baseline = None

    def run(self, query, params=None):
        """(Result, seconds) of one statement: Result has rows or sqlstate/message/detail."""
        started = time.monotonic()
        try:
            cur = self.conn.execute(query, params)
            result = faultcases.Result(rows=cur.fetchall() if cur.description else [])
        except psycopg.Error as e:
            result = faultcases.Result(sqlstate=e.sqlstate, message=e.diag.message_primary or "",
                                       detail=e.diag.message_detail or "")
        return result, time.monotonic() - started

    def threads(self):
        """The number of threads of this session's backend."""
        return len(os.listdir(f"/proc/{self.pid}/task"))

    def settle(self, seconds=3.0):
        """Reset the out-db caches (stopping idle pool threads) and return the thread
        count once it is back at the baseline, or after `seconds`."""
        self.conn.execute("SELECT plraster.plraster_cache_reset()")
        deadline = time.monotonic() + seconds
        while True:
            n = self.threads()
            if self.baseline is None or n <= self.baseline or time.monotonic() > deadline:
                return n
            time.sleep(0.05)

    def close(self):
        self.conn.close()


@pytest.fixture(scope="session")
def user(user_url, faults, cogs):
    """The ordinary user's session, warmed up (plraster imported, one remote read done)."""
    if not os.path.isdir("/proc/self/task"):
        pytest.skip("no /proc to count a backend's threads")
    session = UserSession(user_url)
    faults.put("/probe.tif", cogs["probe.tif"])
    result, _ = session.run(faultcases.value_sql(faults, "/probe.tif"))
    assert result.sqlstate is None, result
    session.settle()
    session.baseline = session.threads()
    yield session
    session.close()


@pytest.fixture
def fresh(faults, user, cogs):
    """A test starts with the original objects, no plans or routes, empty caches."""
    faults.clear()
    faults.outside.clear()
    faults.send_etag = True
    faults.put("/probe.tif", cogs["probe.tif"])
    user.settle()
    yield faults
    faults.clear()
    faults.send_etag = True
