"""Fixtures for the storage tests: a COG written by gdal_translate, and real servers holding it.

The nginx, Swift and SeaweedFS servers start once per session on free 127.0.0.1 ports
(tests/servers/) and stop at its end; the fault-injecting server starts per test.
"""

import os
import signal
import sys

import pytest

_TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
for _p in (_TESTS, os.path.join(os.path.dirname(_TESTS), "python")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from faultserver import FaultServer  # noqa: E402
from servers.cog import write_cog  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402
from servers.s3 import SeaweedS3Server  # noqa: E402
from servers.swift import SwiftServer  # noqa: E402

from plraster import storage  # noqa: E402

COG_NAME = "dem.tif"


@pytest.fixture(scope="session")
def cog_dir(tmp_path_factory):
    """A directory holding dem.tif, a small COG."""
    directory = tmp_path_factory.mktemp("cogs")
    write_cog(str(directory / COG_NAME))
    os.chmod(directory, 0o755)
    return directory


@pytest.fixture(scope="session")
def cog_bytes(cog_dir):
    """The bytes of dem.tif."""
    return (cog_dir / COG_NAME).read_bytes()


@pytest.fixture(scope="session")
def nginx_server(cog_dir):
    """nginx serving cog_dir."""
    with NginxServer(str(cog_dir)) as server:
        yield server


@pytest.fixture(scope="session")
def swift_server(cog_bytes):
    """A one-node Swift with dem.tif in container 'cogs'."""
    with SwiftServer() as server:
        server.put_object("cogs", COG_NAME, cog_bytes)
        yield server


@pytest.fixture(scope="session")
def s3_server(cog_bytes):
    """SeaweedFS with dem.tif in bucket 'cogs'."""
    with SeaweedS3Server() as server:
        server.put_object("cogs", COG_NAME, cog_bytes)
        yield server


@pytest.fixture
def fault_server():
    """A fault-injecting range server (see faultserver.py), one per test."""
    with FaultServer() as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_storage_state():
    """Every test starts with no sessions or tokens and a zeroed I/O counter."""
    storage.reset()
    storage.io_counter().reset()
    yield
    storage.reset()


@pytest.fixture
def no_hang():
    """Fail a test that runs longer than 20 seconds instead of hanging the suite."""

    def on_alarm(signum, frame):
        raise TimeoutError("test took longer than 20 seconds")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)
