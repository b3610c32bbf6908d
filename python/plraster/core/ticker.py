"""Interrupt checks for loops that run long within one call.

PostgreSQL notices statement_timeout, pg_cancel_backend and ^C only where its code checks
for interrupts. A set-returning function that yields its rows one at a time gets those
checks from the executor between rows; a loop inside one call does not, so it ticks a
Ticker, which calls plraster.outdb.interrupts.check_interrupts() at most every
INTERVAL seconds (and looks at the clock only every `every` ticks), cheap enough that
benchmarks do not see it.

The check itself is an SPI query installed by plraster.sqlapi.outdb; a session that has
not imported that module yet gets it through `installer`, which plraster.sqlapi sets.
plraster.outdb is imported only on the first check, so short calls never pay for it.
"""
import sys
import time

INTERVAL = 0.05  # seconds between two checks of one loop

installer = None  # set by plraster.sqlapi: installs the interrupt check (imports sqlapi.outdb)


def check_interrupts():
    """Raise when the statement has been cancelled; nothing outside PostgreSQL."""
    global installer
    if installer is not None:  # the first check of this backend: install the check
        install, installer = installer, None
        install()
    interrupts = sys.modules.get("plraster.outdb.interrupts")
    if interrupts is not None:
        interrupts.check_interrupts()


class Ticker:
    """Counts iterations of a loop; checks for interrupts every INTERVAL seconds."""

    __slots__ = ("every", "left", "due")

    def __init__(self, every=1024):
        self.every = every
        self.left = every
        self.due = time.monotonic() + INTERVAL

    def tick(self, n=1):
        """Count n iterations; every `every` of them, check when a check is due."""
        self.left -= n
        if self.left > 0:
            return
        self.left = self.every
        now = time.monotonic()
        if now >= self.due:
            check_interrupts()
            self.due = time.monotonic() + INTERVAL
