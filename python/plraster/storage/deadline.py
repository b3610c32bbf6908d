"""A total deadline per HTTP request attempt that a slowly dripping server cannot stretch.

http.client applies the read timeout to each recv(): a server that sends one
byte every second never trips a 3 second timeout, and a body read in 64 KiB chunks
only notices a deadline between chunks. Here every response read on a guarded
connection (see `httpconn`) reads its socket through `DeadlineReader`, which gives
each recv() only the time left until the attempt's deadline, headers and body alike:

    with deadline.attempt(30.0) as current:      # around one request and its body
        conn, response = transport.send(...)     # the clock starts when the response is awaited
        body = read(response)
    current.expired                               # True when the 30 seconds ran out

An expired deadline raises socket.timeout from the recv(); `expired` tells the transport it was the total
deadline, and whether the response had started arriving tells it which part was late.
"""

import contextlib
import http.client
import io
import socket
import threading
import time


class Attempt:
    """The deadline of one request attempt: `seconds` from when its response is awaited."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.deadline = None  # set by start()
        self.expired = False

    def start(self):
        """Start the clock (once): called when the response starts being read."""
        if self.deadline is None:
            self.deadline = time.monotonic() + self.seconds

    def remaining(self):
        """Seconds left (the full budget before the clock starts)."""
        if self.deadline is None:
            return self.seconds
        return self.deadline - time.monotonic()


_local = threading.local()


def current():
    """The Attempt running in this thread, or None."""
    return getattr(_local, "attempt", None)


@contextlib.contextmanager
def attempt(seconds):
    """Run one request attempt in this thread under a total deadline of `seconds`."""
    previous = current()
    _local.attempt = Attempt(seconds)
    try:
        yield _local.attempt
    finally:
        _local.attempt = previous


class DeadlineReader(io.RawIOBase):
    """A socket's receiving side whose every recv() ends by the attempt's deadline."""

    def __init__(self, sock, current_attempt):
        super().__init__()
        self._sock = sock
        self._attempt = current_attempt

    def readable(self):
        return True

    def readinto(self, buffer):
        left = self._attempt.remaining()
        if left <= 0:
            self._attempt.expired = True
            raise socket.timeout("the request's deadline has passed")
        previous = self._sock.gettimeout()
        self._sock.settimeout(left if previous is None else min(previous, left))
        try:
            return self._sock.recv_into(buffer)
        except socket.timeout:
            if self._attempt.remaining() <= 0:
                self._attempt.expired = True
            raise
        finally:
            self._sock.settimeout(previous)


class _DeadlineSocket:
    """What http.client.HTTPResponse needs of a socket: makefile('rb')."""

    def __init__(self, sock, current_attempt):
        self._sock = sock
        self._attempt = current_attempt

    def makefile(self, mode="rb", *args, **kwargs):
        return io.BufferedReader(DeadlineReader(self._sock, self._attempt))


class DeadlineResponse(http.client.HTTPResponse):
    """An HTTPResponse whose status line, headers and body obey this thread's Attempt."""

    def __init__(self, sock, *args, **kwargs):
        running = current()
        if running is not None:
            running.start()
            sock = _DeadlineSocket(sock, running)
        super().__init__(sock, *args, **kwargs)
