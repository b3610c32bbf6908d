"""Network reads that let PostgreSQL cancel the statement.

A backend can only notice a cancel request (statement_timeout, pg_cancel_backend, ^C) when
its own code checks for interrupts. Remote reads therefore run in a worker thread (kept for
the next read) while the backend's thread waits in slices of POLL_SECONDS and calls the
check installed by plraster.sqlapi.outdb (an SPI query, whose executor calls
CHECK_FOR_INTERRUPTS and raises the cancel error). When the check raises, the worker's read
is cancelled through its storage cancel token: its sockets are shut down and its retries and
backoff stop, so the worker ends at once instead of at its own request timeout. A read that
fails cancels its token as well, which ends the range requests it had handed to the
transport's thread pool. However slowly a server answers, each request ends by its own total
deadline (see plraster.storage.deadline), so a worker nobody cancels ends too. The backend's
thread then waits for it briefly before raising: PL/Python keeps the GIL while the backend
is outside Python, so a worker not finished by then could only finish at the next Python
call. An abandoned worker only ever fills caches, and only with complete results.
"""

import concurrent.futures
import queue
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


class _Worker:
    """A thread that runs the reads handed to it, one at a time, and waits for the next:
    starting a thread per read cost about a millisecond, more than a cached tile's read."""

    def __init__(self):
        self.jobs = queue.SimpleQueue()
        threading.Thread(target=self._loop, name="plraster-outdb-io", daemon=True).start()

    def _loop(self):
        while True:
            fn, token, future = self.jobs.get()
            try:
                with cancel.use(token):
                    result = fn()
            except BaseException as exc:  # handed to the waiting thread
                # Range reads this read handed to the transport's pool may still be
                # running (the first failure ends a parallel read): stop them too.
                token.cancel()
                outcome = (future.set_exception, exc)
            else:
                outcome = (future.set_result, result)
            del fn, token
            # Back to the idle list before the result is handed over, so that the next
            # read of the waiting thread finds this worker rather than starting another.
            kept = _release(self)
            outcome[0](outcome[1])
            del future, outcome
            if not kept:
                return


_IDLE = []
_IDLE_LOCK = threading.Lock()
MAX_IDLE_WORKERS = 2


def _acquire():
    with _IDLE_LOCK:
        if _IDLE:
            return _IDLE.pop()
    return _Worker()


def _release(worker):
    with _IDLE_LOCK:
        if len(_IDLE) < MAX_IDLE_WORKERS:
            _IDLE.append(worker)
            return True
    return False


def run_io(fn, remote=True):
    """Run fn(), in a worker thread with interrupt checks when remote and a check exists.

    A worker still busy with a read its caller gave up on (cancelled, past the grace) is
    not reused until that read ends: the next read takes another worker."""
    if not remote or _check is None:
        return fn()
    future = concurrent.futures.Future()
    token = cancel.CancelToken()
    _acquire().jobs.put((fn, token, future))
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except concurrent.futures.TimeoutError:
            try:
                _check()
            except BaseException:
                token.cancel()
                try:
                    future.result(timeout=CANCEL_GRACE_SECONDS)
                except BaseException:  # the read's own end (cancelled) is not the news
                    pass
                raise
