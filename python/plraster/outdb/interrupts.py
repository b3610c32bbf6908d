"""Network reads that let PostgreSQL cancel the statement.

A backend can only notice a cancel request (statement_timeout, pg_cancel_backend, ^C)
when its own code checks for interrupts. Remote reads therefore run in a worker thread
while the backend's thread waits in slices of POLL_SECONDS and calls the check installed
by plraster.sqlapi.outdb (an SPI query, whose executor calls CHECK_FOR_INTERRUPTS and
raises the cancel error). When the check raises, the worker's read is cancelled through
its storage cancel token: its sockets are shut down and its retries and backoff stop, so
the worker ends at once instead of at its own request timeout. A read that fails cancels
its token as well, which ends the range requests it had handed to the transport's thread
pool. However slowly a server answers, each request ends by its own total deadline
(see plraster.storage.deadline), so a worker nobody cancels ends too. The backend's thread then
waits for it briefly before raising: PL/Python keeps the GIL while the backend is outside
Python, so a worker not finished by then could only finish at the next Python call. An
abandoned worker only ever fills caches, and only with complete results.
"""

import concurrent.futures
import threading

from plraster.storage import cancel

POLL_SECONDS = 0.2
CANCEL_GRACE_SECONDS = 0.5  # how long a cancelled worker is given to end

_check = None


def install_check(check):
    """Install the interrupt check: a callable that raises when the statement is cancelled."""
    global _check
    _check = check


def check_interrupts():
    """Raise when the statement has been cancelled (statement_timeout, pg_cancel_backend),
    through the installed check; nothing when none is installed. Library loops that run
    long within one call use it every few thousand iterations."""
    if _check is not None:
        _check()


def run_io(fn, remote=True):
    """Run fn(), in a worker thread with interrupt checks when remote and a check exists."""
    if not remote or _check is None:
        return fn()
    future = concurrent.futures.Future()
    token = cancel.CancelToken()

    def work():
        try:
            with cancel.use(token):
                result = fn()
        except BaseException as exc:  # handed to the waiting thread
            # Range reads this read handed to the transport's pool may still be running
            # (the first failure ends a parallel read): stop them too.
            token.cancel()
            future.set_exception(exc)
        else:
            future.set_result(result)

    worker = threading.Thread(target=work, name="plraster-outdb-io", daemon=True)
    worker.start()
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except concurrent.futures.TimeoutError:
            try:
                _check()
            except BaseException:
                token.cancel()
                worker.join(CANCEL_GRACE_SECONDS)
                raise
