"""Helpers of the memory and timeout tests (tests/security/test_memory*.py, test_timeouts*.py)."""
import os

# Address space per server process: numpy, PostGIS and GDAL take a few hundred MiB, and
# plraster's default limits keep one call around 1 GiB; a call that escaped them fails.
# PLRASTER_TEST_MEMORY_CAP_MIB overrides it (a lower cap makes a regression fail sooner).
MEMORY_CAP_KIB = int(os.environ.get("PLRASTER_TEST_MEMORY_CAP_MIB", 3 * 1024)) * 1024


def postmaster_start(session):
    """pg_postmaster_start_time() as seen by session: it changes when the server restarts."""
    return session.value("SELECT pg_postmaster_start_time()")
