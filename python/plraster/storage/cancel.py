"""Stopping reads whose caller has gone: a cancel token per read, checked by the transport.

    token = CancelToken()
    with use(token):            # in the thread doing the I/O
        source.read_ranges(...)
    token.cancel()              # from the thread that gave up waiting

A token set for a thread (`use`) is seen by the transport: every connection that sends a
request registers with it, the retry loop and body reads check it, and backoff waits on
it. `cancel()` marks it and shuts down the sockets of the registered connections, which
wakes a thread blocked in recv() at once; the read then ends with `ReadCancelled`
instead of living on until its own timeout. Shut-down connections are dropped by the
connection pool when next taken, so sessions stay usable. Tasks handed to a thread pool
carry the token with them through `bind`.
"""

import contextlib
import socket
import threading
import time

from plraster.core.errors import StorageError


class ReadCancelled(StorageError):
    """A read abandoned by its caller (the statement was cancelled); nobody sees it."""


class CancelToken:
    """One read's cancellation flag and the connections it has used."""

    def __init__(self):
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._connections = []

    @property
    def cancelled(self):
        """True once `cancel()` was called."""
        return self._event.is_set()

    def register(self, connection):
        """Remember a connection about to send a request (shut it at once if cancelled)."""
        with self._lock:
            if not self._event.is_set():
                self._connections.append(connection)
                return
        _shutdown(connection)
        self.check()

    def check(self):
        """Raise ReadCancelled when cancelled."""
        if self._event.is_set():
            raise ReadCancelled("out-db read cancelled",
                                detail="The statement that asked for it was cancelled.")

    def wait(self, seconds):
        """Sleep up to `seconds`; raise ReadCancelled as soon as the token is cancelled."""
        if self._event.wait(seconds):
            self.check()

    def cancel(self):
        """Mark the read cancelled and shut down every connection it used."""
        with self._lock:
            self._event.set()
            connections, self._connections = self._connections, []
        for connection in connections:
            _shutdown(connection)


def _shutdown(connection):
    sock = getattr(connection, "sock", None)
    if sock is None:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


_local = threading.local()


def current():
    """The token of the read running in this thread, or None."""
    return getattr(_local, "token", None)


@contextlib.contextmanager
def use(token):
    """Make `token` this thread's current token for the duration of the block."""
    previous = current()
    _local.token = token
    try:
        yield token
    finally:
        _local.token = previous


def bind(fn):
    """Wrap fn so that it runs under the calling thread's token (for thread-pool tasks)."""
    token = current()
    if token is None:
        return fn

    def bound(*args, **kwargs):
        with use(token):
            token.check()
            return fn(*args, **kwargs)

    return bound


def check():
    """Raise ReadCancelled when this thread's read was cancelled."""
    token = current()
    if token is not None:
        token.check()


def sleep(seconds):
    """time.sleep that ends early (with ReadCancelled) when this thread's read is cancelled."""
    token = current()
    if token is None:
        time.sleep(seconds)
    else:
        token.wait(seconds)
