"""Starting and stopping test servers: free ports, readiness polling, SIGTERM then SIGKILL.

Every server listens on 127.0.0.1 only and runs in its own process group (a new
session), so stopping it stops its children too; only the ids started here are signalled.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

LOOPBACK = "127.0.0.1"


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def find_program(name, *extra_dirs):
    """The path of an executable on PATH, next to the running Python, or in extra_dirs."""
    import sys

    for directory in (os.path.dirname(sys.executable),) + extra_dirs:
        candidate = os.path.join(directory, name)
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    if not found:
        raise ServerError(f"{name} is not installed (run tools/install-deps.sh as root)")
    return found


class ServerError(RuntimeError):
    """A test server that could not be started."""


class ServerProcess:
    """A child process in its own session, with its output in a log file."""

    def __init__(self, name, argv, log_path, cwd=None, env=None):
        self.name = name
        self.log_path = log_path
        self._log = open(log_path, "ab")
        self.proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                     stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def alive(self):
        """True while the process runs."""
        return self.proc.poll() is None

    def log_tail(self, size=3000):
        """The end of the process's log, for error messages."""
        try:
            with open(self.log_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - size))
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self, grace=5.0):
        """SIGTERM the process group, wait up to `grace` seconds, then SIGKILL it."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                pass
        # The group may outlive its leader (forked workers): SIGKILL what is left.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        self._log.close()


def wait_until(predicate, timeout, what, processes=()):
    """Poll `predicate()` until true; raise ServerError after `timeout` s or if a process dies."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        for p in processes:
            if not p.alive():
                raise ServerError(f"{p.name} exited with status {p.proc.returncode} while waiting "
                                  f"for {what}:\n{p.log_tail()}")
        try:
            if predicate():
                return
        except Exception as exc:  # not ready yet
            last_error = exc
        time.sleep(0.1)
    tails = "\n".join(f"--- {p.name}:\n{p.log_tail()}" for p in processes)
    raise ServerError(f"timed out after {timeout} s waiting for {what} (last error: {last_error})\n{tails}")


def http_status(url, method="GET", headers=None, timeout=2.0):
    """The status of a request to a 127.0.0.1 URL (any status, no exception for 4xx/5xx)."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def port_open(port, host=LOOPBACK):
    """True when something accepts TCP connections on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


class ManagedServer:
    """Base of the test servers: a temporary directory of their own, and `with` support.

    Subclasses define start() (which makes self._tmp with new_tmp()) and stop() (which
    stops their processes and then calls remove_tmp())."""

    _tmp = None

    def new_tmp(self, prefix):
        """A fresh temporary directory for this server; its path."""
        self._tmp = tempfile.TemporaryDirectory(prefix=prefix)
        return self._tmp.name

    def remove_tmp(self):
        """Remove the server's temporary directory, if any."""
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
