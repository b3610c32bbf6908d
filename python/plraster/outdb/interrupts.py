"""Network reads that let PostgreSQL cancel the statement.

A backend can only notice a cancel request (statement_timeout, pg_cancel_backend, ^C)
when its own code checks for interrupts. Remote reads therefore run in a worker thread
while the backend's thread waits in slices of POLL_SECONDS and calls the check installed
by plraster.sqlapi.outdb (an SPI query, whose executor calls CHECK_FOR_INTERRUPTS and
raises the cancel error). An abandoned worker ends on its own bounded request timeout;
it only ever fills caches.
"""

import concurrent.futures
import threading

POLL_SECONDS = 0.2

_check = None


def install_check(check):
    """Install the interrupt check: a callable that raises when the statement is cancelled."""
    global _check
    _check = check


def run_io(fn, remote=True):
    """Run fn(), in a worker thread with interrupt checks when remote and a check exists."""
    if not remote or _check is None:
        return fn()
    future = concurrent.futures.Future()

    def work():
        try:
            future.set_result(fn())
        except BaseException as exc:  # handed to the waiting thread
            future.set_exception(exc)

    threading.Thread(target=work, name="plraster-outdb-io", daemon=True).start()
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except concurrent.futures.TimeoutError:
            _check()
