"""Fixtures for the security tests: a PostgreSQL server started under a memory cap, with
PostGIS raster (schema public) and plraster (schema plraster), its superuser session, and
a non-superuser LOGIN role that can use plraster and nothing else.

The cap (`ulimit -v`, address space per process) makes a runaway allocation fail inside
its backend (a MemoryError, a failed malloc) instead of waking the kernel's OOM killer,
which would restart every backend of the server, or the machine's. A regression
therefore fails a test; it does not take the machine down. Other security tests may
reuse `capped_server`, `capped_db_url`, `capped_sql` and `hostile_url`.
"""
import os
import shutil
import stat
import subprocess
import sys
import uuid

import pytest

_TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
for _p in (_TESTS, os.path.dirname(os.path.abspath(__file__))):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import conformance  # noqa: E402
from memtime_helpers import MEMORY_CAP_KIB  # noqa: E402
import pgserver  # noqa: E402



def _real_postgres():
    found = shutil.which("postgres")
    if found is None:
        pytest.skip("no postgres binary on PATH")
    return os.path.realpath(found)


@pytest.fixture(scope="session")
def capped_server(tmp_path_factory):
    """A PostgreSQL server whose processes run under `ulimit -v MEMORY_CAP_KIB`."""
    d = tmp_path_factory.mktemp("capped-pg")
    wrapper = d / "postgres"
    wrapper.write_text("#!/bin/sh\nulimit -v %d || exit 1\nexec %s \"$@\"\n"
                       % (MEMORY_CAP_KIB, _real_postgres()))
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    srv = pgserver.start_server(postgres=str(wrapper))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def capped_db_url(capped_server):
    """URL of a database of the capped server with postgis, postgis_raster and plraster."""
    return pgserver.create_database(capped_server, "security")


@pytest.fixture(scope="session")
def capped_sql(capped_db_url):
    """A superuser Session (conformance.Session) on the capped server's database."""
    session = conformance.Session(capped_db_url)
    yield session
    session.close()


@pytest.fixture(scope="session")
def hostile_url(capped_db_url, capped_sql):
    """URL of a LOGIN role with no privilege but USAGE on plraster's schema (dropped at the end)."""
    name = "hostile_" + uuid.uuid4().hex[:8]
    capped_sql.run(f"CREATE ROLE {name} LOGIN")
    capped_sql.run(f"GRANT USAGE ON SCHEMA plraster TO {name}")
    url = capped_db_url.replace("postgres@", f"{name}@", 1) if "postgres@" in capped_db_url \
        else capped_db_url + ("&" if "?" in capped_db_url else "?") + f"user={name}"
    yield url
    capped_sql.run(f"DROP OWNED BY {name}")
    capped_sql.run(f"DROP ROLE {name}")


@pytest.fixture
def hostile(hostile_url):
    """A Session of the unprivileged role, one per test."""
    session = conformance.Session(hostile_url)
    yield session
    session.close()


@pytest.fixture(scope="session")
def small_cog(tmp_path_factory):
    """A real 300 x 200 uint16 COG (256-pixel blocks) on local disk: (directory, path,
    pixels). Pixel (col, row) holds row * 1000 + col + 1."""
    import numpy
    d = tmp_path_factory.mktemp("security-cogs")
    os.chmod(d, 0o755)
    y, x = numpy.mgrid[0:200, 0:300]
    pixels = (y * 1000 + x + 1).astype(numpy.uint16)
    raw = d / "small.raw"
    pixels.astype("<u2").tofile(raw)
    (d / "small.hdr").write_text("ENVI\nsamples = 300\nlines = 200\nbands = 1\nheader offset = 0\n"
                                 "file type = ENVI Standard\ndata type = 12\ninterleave = bsq\n"
                                 "byte order = 0\n")
    path = d / "small.tif"
    subprocess.run(["gdal_translate", "-q", "-a_srs", "EPSG:4326", "-a_ullr", "0", "200", "300", "0",
                    "-of", "COG", "-co", "BLOCKSIZE=256", "-co", "COMPRESS=DEFLATE",
                    str(raw), str(path)], check=True, capture_output=True)
    for leftover in (raw, d / "small.hdr"):
        if leftover.exists():
            leftover.unlink()
    os.chmod(path, 0o644)
    return d, str(path), pixels


@pytest.fixture
def cog_source(capped_sql, small_cog):
    """small_cog's directory opened as an out-db source for the test (dropped afterwards)."""
    d, path, pixels = small_cog
    out = capped_sql.run("SELECT plraster.plraster_add_source(%s)", ("file://" + str(d) + "/",))
    assert not out.failed, out
    prefix = out.rows[0][0]
    yield path, pixels
    capped_sql.run("SELECT plraster.plraster_drop_source(%s)", (prefix,))
