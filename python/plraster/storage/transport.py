"""HTTP requests with timeouts, retries, manual redirects and errors that name no secret.

One HttpTransport exists per backend configuration (see `registry`); it owns a
requests.Session kept alive across calls. Subclasses add authentication (Swift token,
S3 SigV4 signature) through `prepare` and `renew_auth`.
"""

import concurrent.futures
import email.utils
import random
import re
import threading
import time
import typing
import urllib.parse

import requests
import requests.adapters
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions

from plraster.errors import AccessDeniedError, ObjectNotFoundError, StorageError, StorageTimeoutError

from . import cancel, security
from .counters import IO_COUNTER
from .paths import safe_url

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# Statuses worth repeating: the server is overloaded, restarting or rate-limiting.
RETRY_STATUSES = (429, 500, 502, 503, 504)
ERROR_BODY_LIMIT = 64 * 1024


class ObjectChangedError(StorageError):
    """An object whose ETag (or Last-Modified, or size) changed between two reads.

    Subclass of StorageError (SQLSTATE 58030) defined here because errors.py is shared.
    """


class TruncatedResponse(Exception):
    """Raised by a response check to have the request repeated (internal)."""


class HttpResponse(typing.NamedTuple):
    """A response whose body has been read in full."""

    status: int
    headers: typing.Mapping[str, str]
    body: bytes
    url: str


# --- Connections that refuse link-local peers -------------------------------------------

def _check_peer(sock, host):
    try:
        peer = sock.getpeername()[0]
    except OSError:
        return
    if security.is_forbidden_address(peer):
        sock.close()
        raise security.forbidden_address_error(host)


def _register_with_read(connection):
    # The read this thread runs (if any) may shut this connection down when cancelled.
    token = cancel.current()
    if token is not None:
        token.register(connection)


class _Guarded:
    """Checks the peer of every new socket and registers each request with its read's token."""

    def _new_conn(self):
        sock = super()._new_conn()
        _check_peer(sock, self.host)
        return sock

    def request(self, *args, **kwargs):
        _register_with_read(self)
        return super().request(*args, **kwargs)


class _GuardedHTTPConnection(_Guarded, urllib3.connection.HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, urllib3.connection.HTTPSConnection):
    pass


class _GuardedHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(requests.adapters.HTTPAdapter):
    """An HTTPAdapter whose connections check the address they reached, not a name.

    Checking after connect covers names that resolve to 169.254.169.254 and DNS
    rebinding alike.
    """

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}


def new_session(options):
    """A requests.Session for one backend configuration: guarded, no env proxies or netrc."""
    session = requests.Session()
    session.trust_env = False  # no ~/.netrc credentials, no proxy from the environment
    adapter = GuardedAdapter(pool_connections=4, pool_maxsize=max(4, options.max_concurrency), max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.verify = options.verify_tls
    session.headers.update({"User-Agent": options.user_agent, "Accept-Encoding": "identity"})
    return session


# --- Errors -----------------------------------------------------------------------------

_S3_CODE = re.compile(rb"<Code>([A-Za-z0-9.]{1,64})</Code>")


def status_error(status, display, body=b""):
    """The PlrasterError for a final HTTP error status; names the object, never a secret."""
    match = _S3_CODE.search(body or b"")
    code = f" ({match.group(1).decode()})" if match else ""
    if status in (404, 410):
        return ObjectNotFoundError(
            f'out-db object "{display}" not found',
            detail=f"The server answered HTTP {status}{code}.")
    if status in (401, 403):
        return AccessDeniedError(
            f'access to out-db object "{display}" denied',
            detail=f"The server answered HTTP {status}{code}.",
            hint="Check the storage credentials and the object's permissions.")
    if status == 301 and b"PermanentRedirect" in (body or b""):
        return StorageError(
            f'out-db object "{display}" is in another region',
            detail=f"The server answered HTTP {status}{code}.",
            hint="Set AWS_REGION to the bucket's region.")
    return StorageError(
        f'request for out-db object "{display}" failed',
        detail=f"The server answered HTTP {status}{code}.")


def _is_timeout(exc):
    if isinstance(exc, (requests.Timeout, urllib3.exceptions.TimeoutError)):
        return True
    return any(isinstance(a, urllib3.exceptions.TimeoutError) for a in getattr(exc, "args", ()))


def retry_after_seconds(value, now=None):
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


# --- The transport ----------------------------------------------------------------------

class HttpTransport:
    """Sends requests for one backend configuration; plain http(s) without credentials."""

    kind = "http"
    # Redirects may leave the host (checked against the allow-list). Backends that send
    # credentials stay on their host.
    redirect_off_host = True

    def __init__(self, options, session=None):
        self.options = options
        self.session = session if session is not None else new_session(options)
        self._executor = None
        self._executor_lock = threading.Lock()
        self._checked_hosts = set()

    def prepare(self, method, url, headers):
        """Headers to send for one attempt (subclasses add authentication here)."""
        return headers

    def renew_auth(self):
        """Renew credentials after a 401; True when a retry may succeed."""
        return False

    def executor(self):
        """A thread pool for concurrent range requests, created on first use."""
        with self._executor_lock:
            if self._executor is None:
                self._executor = concurrent.futures.ThreadPoolExecutor(
                    max_workers=self.options.max_concurrency, thread_name_prefix=f"plraster-{self.kind}")
            return self._executor

    def close(self):
        """Close the session's connections and stop the thread pool."""
        with self._executor_lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False)
                self._executor = None
        self.session.close()

    def request(self, method, url, headers=None, *, display=None, allow_list=None, counter=IO_COUNTER,
                body_limit=None, check=None, ok_statuses=(200, 206)):
        """Send a request and return an HttpResponse with its body read.

        Repeats the request after 5xx/429 (honouring Retry-After, capped), connection
        errors, timeouts and responses that `check(response)` rejects with
        TruncatedResponse, waiting retry_delay * 2**n between attempts. Follows redirects
        itself, only where allowed. A 401 first triggers `renew_auth`. Any other status
        not in `ok_statuses` raises the matching PlrasterError naming `display`.
        """
        opts = self.options
        display = display or safe_url(url)
        headers = dict(headers or {})
        attempt = 0
        redirects = 0
        renewed = False
        while True:
            cancel.check()
            retry_after = None
            started = time.monotonic()
            response = None
            self._check_host(url)
            try:
                response = self.session.request(
                    method, url, headers=self.prepare(method, url, headers),
                    timeout=(opts.connect_timeout, opts.read_timeout),
                    allow_redirects=False, stream=True)
                status = response.status_code
                if status in REDIRECT_STATUSES and response.headers.get("Location"):
                    counter.add(requests=1, seconds=time.monotonic() - started)
                    url = self._redirect_target(url, response.headers["Location"], display, allow_list)
                    redirects += 1
                    if redirects > opts.max_redirects:
                        raise StorageError(f'too many redirects for out-db object "{display}"',
                                           detail=f"More than {opts.max_redirects} redirects were followed.")
                    continue
                if status == 401 and not renewed and self.renew_auth():
                    renewed = True
                    counter.add(requests=1, seconds=time.monotonic() - started)
                    continue
                if status in RETRY_STATUSES:
                    retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                    final_error = StorageError(
                        f'request for out-db object "{display}" failed',
                        detail=f"The server answered HTTP {status} after {attempt + 1} attempts.")
                    counter.add(requests=1, seconds=time.monotonic() - started)
                elif status not in ok_statuses:
                    body = _read_body(response, ERROR_BODY_LIMIT, opts.read_timeout, truncate=True)
                    counter.add(requests=1, nbytes=len(body), seconds=time.monotonic() - started)
                    raise status_error(status, display, body)
                else:
                    body = b"" if method == "HEAD" else _read_body(
                        response, body_limit, opts.read_timeout, display=display)
                    counter.add(requests=1, nbytes=len(body), seconds=time.monotonic() - started)
                    result = HttpResponse(status, response.headers, body, url)
                    if check is not None:
                        check(result)
                    return result
            except TruncatedResponse as exc:
                final_error = StorageError(
                    f'truncated response for out-db object "{display}"',
                    detail=f"{str(exc)[:1].upper()}{str(exc)[1:]} after {attempt + 1} attempts.")
            except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
                counter.add(requests=1, seconds=time.monotonic() - started)
                if _is_timeout(exc):
                    final_error = StorageTimeoutError(
                        f'request for out-db object "{display}" timed out',
                        detail=f"No answer within {opts.read_timeout:g} seconds "
                               f"(connect timeout {opts.connect_timeout:g} seconds), "
                               f"{attempt + 1} attempts.")
                elif isinstance(exc, requests.exceptions.ChunkedEncodingError):
                    final_error = StorageError(
                        f'truncated response for out-db object "{display}"',
                        detail=f"The connection closed before the whole body arrived, "
                               f"{attempt + 1} attempts.")
                else:
                    final_error = StorageError(
                        f'could not connect for out-db object "{display}"',
                        detail=f"The connection failed ({type(exc).__name__}) after {attempt + 1} attempts.")
            finally:
                if response is not None:
                    response.close()
            cancel.check()  # a cancelled read's failures are not worth repeating
            if attempt >= opts.max_retry:
                raise final_error
            delay = min(opts.retry_delay * (2 ** attempt), opts.max_retry_delay) * random.uniform(0.8, 1.0)
            if retry_after is not None:
                delay = min(max(delay, retry_after), opts.max_retry_delay)
            attempt += 1
            counter.add(retries=1, seconds=delay)
            cancel.sleep(delay)

    def _check_host(self, url):
        # Refuse link-local hosts before any packet is sent; GuardedAdapter re-checks the
        # address actually connected to (DNS may answer differently the second time).
        parts = urllib.parse.urlsplit(url)
        key = (parts.hostname, parts.port)
        if key not in self._checked_hosts:
            security.check_host(parts.hostname or "", parts.port)
            self._checked_hosts.add(key)

    def _redirect_target(self, url, location, display, allow_list):
        target = urllib.parse.urljoin(url, location)
        old, new = urllib.parse.urlsplit(url), urllib.parse.urlsplit(target)
        if old.scheme == "https" and new.scheme != "https":
            allowed = False
        elif not self.redirect_off_host:
            allowed = (old.scheme, old.netloc) == (new.scheme, new.netloc)
        else:
            allowed = security.is_redirect_allowed(target, allow_list)
        if not allowed:
            raise AccessDeniedError(
                f'redirect for out-db object "{display}" is not allowed',
                detail=f'The server redirected to "{safe_url(target)}", which is not allowed.')
        return target


def _read_body(response, limit, timeout, truncate=False, display=None):
    """Read a streamed body; past `limit` bytes truncate (error bodies) or raise."""
    length = response.headers.get("Content-Length")
    if limit is not None and not truncate and length and length.isdigit() and int(length) > limit:
        raise _too_large(display, limit)
    chunks = []
    size = 0
    deadline = time.monotonic() + 2 * timeout
    for chunk in response.iter_content(65536):
        cancel.check()
        chunks.append(chunk)
        size += len(chunk)
        if limit is not None and size > limit:
            if truncate:
                break
            raise _too_large(display, limit)
        if time.monotonic() > deadline:
            raise requests.exceptions.ReadTimeout("body took too long")
    return b"".join(chunks)


def _too_large(display, limit):
    return StorageError(
        f'server ignored the range request for out-db object "{display}"',
        detail=f"The server sent the whole object, larger than {limit} bytes, instead of a range.",
        hint="Serve the object from a server that supports HTTP Range requests.")
