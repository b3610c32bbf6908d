"""An I/O counter shared by every source: requests, bytes, retries and time waited."""

import dataclasses
import threading


@dataclasses.dataclass(frozen=True)
class IOStats:
    """A snapshot of an IOCounter.

    requests  requests sent (HTTP requests, including retries and redirects; preads)
    bytes     body bytes received (or read from a file)
    retries   requests repeated after a failure (5xx, 429, connection error, timeout)
    seconds   wall-clock seconds spent waiting: on the network, on files, in backoff
    """

    requests: int = 0
    bytes: int = 0
    retries: int = 0
    seconds: float = 0.0


class IOCounter:
    """Thread-safe running totals of I/O; `snapshot()` reads them, `reset()` zeroes them."""

    def __init__(self):
        self._lock = threading.Lock()
        self._stats = IOStats()

    def add(self, requests=0, nbytes=0, retries=0, seconds=0.0):
        """Add to the totals."""
        with self._lock:
            s = self._stats
            self._stats = IOStats(s.requests + requests, s.bytes + nbytes,
                                  s.retries + retries, s.seconds + seconds)

    def snapshot(self):
        """The totals so far, as an IOStats."""
        with self._lock:
            return self._stats

    def reset(self):
        """Zero the totals and return what they were."""
        with self._lock:
            old, self._stats = self._stats, IOStats()
            return old


# The counter sources use unless given another one.
IO_COUNTER = IOCounter()


def io_counter():
    """The process-wide IOCounter that sources add to by default."""
    return IO_COUNTER
