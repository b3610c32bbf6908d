"""Fixtures for the fuzz suite: the seed TIFFs, and a PostgreSQL server whose backends run
under an address-space cap, with a role that has no privileges beyond LOGIN.

The cap (RLIMIT_AS, `ulimit -v`) is set on the postmaster once it runs, so every backend
forked afterwards inherits it: a regression that allocates without bound then fails a
statement (54000, or the backend's death, which the tests detect) instead of waking the
kernel's OOM killer.
"""
import os
import resource
import sys

import psycopg
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
for path in (HERE, os.path.join(os.path.dirname(HERE), "tiff")):
    if path not in sys.path:
        sys.path.insert(0, path)

import pgserver  # noqa: E402

# Address space of each backend of the capped server: plpython3u with numpy and the codecs
# maps about 1 GiB; a tile the reader decodes may take 256 MiB more.
BACKEND_AS_LIMIT = int(os.environ.get("PLRASTER_FUZZ_BACKEND_AS", str(3 * 1024**3)))


@pytest.fixture(scope="session")
def tiff_seed_dir(tmp_path_factory):
    """A directory holding one TIFF of every kind the reader supports (see corpus.py)."""
    import corpus
    directory = str(tmp_path_factory.mktemp("fuzz-seeds"))
    corpus.tiff_seeds(directory)
    return directory


class CappedServer:
    """A running server with its superuser URL, a database and an unprivileged role."""

    def __init__(self, server, url, user_url):
        self.server = server
        self.url = url
        self.user_url = user_url


@pytest.fixture(scope="session")
def capped_server():
    """A server whose backends are capped at BACKEND_AS_LIMIT bytes of address space,
    with database `fuzz` (PostGIS raster in public, plraster in plraster) and a LOGIN role
    `fuzzer` that has no other privilege."""
    server = pgserver.start_server()
    try:
        pid = server.child_process.pid
        resource.prlimit(pid, resource.RLIMIT_AS, (BACKEND_AS_LIMIT, BACKEND_AS_LIMIT))
        url = pgserver.create_database(server, "fuzz")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE ROLE fuzzer LOGIN")
        yield CappedServer(server, url, server.url(database="fuzz", user="fuzzer"))
    finally:
        server.stop()
