"""The worker threads that carry remote reads (outdb.interrupts.run_io): kept between reads
instead of one new thread per read, and never a reason for a read to wait behind a read
its caller abandoned. No server: the interrupt check is a plain callable here."""
import threading
import time

import pytest

from plraster.outdb import interrupts
from plraster.storage import cancel


class Cancelled(Exception):
    pass


@pytest.fixture
def check():
    state = {"cancel": False}

    def raise_when_cancelled():
        if state["cancel"]:
            raise Cancelled()

    interrupts.install_check(raise_when_cancelled)
    yield state
    interrupts.install_check(None)


def _workers():
    return [t for t in threading.enumerate() if t.name == "plraster-outdb-io"]


def test_many_reads_reuse_a_few_threads(check):
    seen = set()
    for n in range(200):
        assert interrupts.run_io(lambda: (seen.add(threading.current_thread()), n)[1]) == n
    assert threading.current_thread() not in seen
    assert len(seen) <= interrupts.MAX_IDLE_WORKERS
    assert len(_workers()) <= interrupts.MAX_IDLE_WORKERS


def test_errors_reach_the_caller_and_cancel_the_token(check):
    tokens = []

    def fail():
        tokens.append(cancel.current())
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        interrupts.run_io(fail)
    assert tokens[0].cancelled
    assert interrupts.run_io(lambda: 7) == 7


def test_a_cancelled_read_is_stopped_and_the_next_read_does_not_wait_for_it(check):
    release = threading.Event()
    started = threading.Event()

    def stuck():
        started.set()
        # A read blocked where cancellation cannot reach (it ignores its token).
        release.wait(30)
        return "late"

    def cancel_soon():
        started.wait(5)
        check["cancel"] = True

    threading.Thread(target=cancel_soon).start()
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        interrupts.run_io(stuck)
    assert time.monotonic() - t0 < 5
    check["cancel"] = False
    t0 = time.monotonic()
    assert interrupts.run_io(lambda: "next") == "next"
    assert time.monotonic() - t0 < 2
    release.set()


def test_local_reads_run_in_the_calling_thread(check):
    assert interrupts.run_io(threading.get_ident, remote=False) == threading.get_ident()
