"""HTTP requests with timeouts, retries, manual redirects and errors that name no secret.

One HttpTransport exists per backend configuration (see `registry`); it owns a pool of
keep-alive connections (`httpconn`) used across calls. Subclasses add authentication
(Swift token, S3 SigV4 signature) through `prepare` and `renew_auth`.
"""

import concurrent.futures
import email.utils
import http.client
import random
import re
import threading
import time
import typing
import urllib.parse

from plraster.core.errors import AccessDeniedError, ObjectNotFoundError, StorageError, StorageTimeoutError

from . import cancel, deadline, security
from .counters import IO_COUNTER
from .failures import TruncatedResponse
from .httpconn import ConnectFailed, ConnectionPool, ConnectTimeout
from .multipart import multipart_boundary
from .paths import safe_url

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# Statuses worth repeating: the server is overloaded, restarting or rate-limiting.
RETRY_STATUSES = (429, 500, 502, 503, 504)
ERROR_BODY_LIMIT = 64 * 1024
BODY_CHUNK = 65536
# What a multipart/byteranges answer may add to the bytes asked for: part headers and
# boundaries (a few hundred bytes each on real servers).
MULTIPART_OVERHEAD = 4096
MULTIPART_PART_OVERHEAD = 512


class HttpResponse(typing.NamedTuple):
    """A response whose body has been read in full."""

    status: int
    headers: typing.Mapping[str, str]
    body: bytes
    url: str


def _register_with_read(connection):
    # The read this thread runs (if any) may shut this connection down when cancelled.
    token = cancel.current()
    if token is not None:
        token.register(connection)


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

    def __init__(self, options):
        self.options = options
        self.pool = ConnectionPool(options)
        self.default_headers = {"User-Agent": options.user_agent, "Accept-Encoding": "identity"}
        self._executor = None
        self._executor_lock = threading.Lock()
        self._checked_hosts = set()

    def prepare(self, method, url, headers, data=None):
        """Headers to send for one attempt (subclasses add authentication here); `data` is
        the body, which a signature may cover."""
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
        """Close the kept connections and stop the thread pool."""
        with self._executor_lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False)
                self._executor = None
        self.pool.close()

    def send(self, method, url, headers, payload=None):
        """One attempt without retries or redirects: (connection, response with its headers
        read). The caller reads the body and hands both back with `self.pool.put`."""
        conn = self.pool.get(url)
        _register_with_read(conn)
        try:
            return conn, conn.send_request(method, url, dict(self.default_headers, **headers), payload)
        except BaseException:
            conn.close()
            raise

    def request(self, method, url, headers=None, *, display=None, allow_list=None, counter=IO_COUNTER,
                body_limit=None, check=None, ok_statuses=(200, 206), data=None):
        """Send a request and return an HttpResponse with its body read.

        Each attempt has GDAL_HTTP_CONNECTTIMEOUT seconds to connect, then
        GDAL_HTTP_TIMEOUT seconds in all for the response's headers and body, however
        slowly they arrive (see `deadline`). Repeats the request after 5xx/429
        (honouring Retry-After, capped), connection errors, timeouts, bodies shorter
        than their Content-Length and responses that `check(response)` rejects with
        TruncatedResponse, waiting retry_delay * 2**n between attempts. Follows
        redirects itself, only where allowed. A 401 first triggers `renew_auth`. Any
        other status not in `ok_statuses` raises the matching PlrasterError naming
        `display`. A 206 body may not exceed the bytes its Range asked for, a 200 body
        not `body_limit` (default PLRASTER_HTTP_MAX_WHOLE_OBJECT); a body may not be
        content-encoded. Every request and every byte received is counted in `counter`.
        `data` (bytes) is the request's body, sent again with each attempt (uploads).
        """
        opts = self.options
        display = display or safe_url(url)
        headers = dict(headers or {})
        payload = data  # the name `data` is the response's body below
        whole_limit = opts.max_whole_object if body_limit is None else body_limit
        attempt = 0
        redirects = 0
        renewed = False
        while True:
            cancel.check()
            retry_after = None
            started = time.monotonic()
            response = None
            body = _Body(counter)
            self._check_host(url)
            with deadline.attempt(opts.read_timeout) as current:
                conn = None
                try:
                    conn, response = self.send(method, url, self.prepare(method, url, headers, payload), payload)
                    status = response.status
                    if status in REDIRECT_STATUSES and response.headers.get("Location"):
                        url = self._redirect_target(url, response.headers["Location"], display, allow_list)
                        redirects += 1
                        if redirects > opts.max_redirects:
                            raise StorageError(f'too many redirects for out-db object "{display}"',
                                               detail=f"More than {opts.max_redirects} redirects were followed.")
                        continue
                    if status == 401 and not renewed and self.renew_auth():
                        renewed = True
                        continue
                    if status in RETRY_STATUSES:
                        retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                        final_error = StorageError(
                            f'request for out-db object "{display}" failed',
                            detail=f"The server answered HTTP {status} after {_attempts(attempt)}.")
                    elif status not in ok_statuses:
                        raise status_error(status, display, body.read_some(response, ERROR_BODY_LIMIT))
                    else:
                        _check_encoding(response, display)
                        data = b"" if method == "HEAD" else body.read(
                            response, _body_limit(status, headers, response, whole_limit, display))
                        result = HttpResponse(status, response.headers, data, url)
                        if check is not None:
                            check(result)
                        return result
                except TruncatedResponse as exc:
                    final_error = StorageError(
                        f'{exc.title} for out-db object "{display}"',
                        detail=f"{str(exc)[:1].upper()}{str(exc)[1:]} after {_attempts(attempt)}.")
                except (http.client.HTTPException, OSError) as exc:
                    final_error = self._failure(exc, display, current, response, body, attempt)
                finally:
                    if conn is not None:
                        self.pool.put(conn, response)
                    counter.add(requests=1, seconds=time.monotonic() - started)
            cancel.check()  # a cancelled read's failures are not worth repeating
            if attempt >= opts.max_retry:
                raise final_error
            delay = min(opts.retry_delay * (2 ** attempt), opts.max_retry_delay) * random.uniform(0.8, 1.0)
            if retry_after is not None:
                delay = min(max(delay, retry_after), opts.max_retry_delay)
            attempt += 1
            counter.add(retries=1, seconds=delay)
            cancel.sleep(delay)

    def _failure(self, exc, display, current, response, body, attempt):
        """The StorageError for a failed attempt: what was late or broken, never a secret."""
        opts = self.options
        tries = _attempts(attempt)
        if _caused_by(exc, ConnectTimeout):
            return StorageTimeoutError(
                f'could not connect for out-db object "{display}" within {opts.connect_timeout:g} seconds',
                detail=f"No connection was made within the connect timeout (GDAL_HTTP_CONNECTTIMEOUT); {tries}.")
        if current.expired or _is_timeout(exc):
            if response is None:
                return StorageTimeoutError(
                    f'headers of out-db object "{display}" not received within {opts.read_timeout:g} seconds',
                    detail=f"The response headers had not arrived when the request's timeout "
                           f"(GDAL_HTTP_TIMEOUT) ran out; {tries}.")
            return StorageTimeoutError(
                f'body of out-db object "{display}" not received within {opts.read_timeout:g} seconds',
                detail=f"{body.progress(response)} had arrived when the request's timeout "
                       f"(GDAL_HTTP_TIMEOUT) ran out; {tries}.")
        if response is not None:
            return StorageError(
                f'truncated response for out-db object "{display}"',
                detail=f"The connection closed after {body.progress(response)} of the body; {tries}.")
        if _caused_by(exc, ConnectFailed):
            return StorageError(
                f'could not connect for out-db object "{display}"',
                detail=f"The connection failed ({_reason(exc)}) after {tries}.")
        return StorageError(
            f'no response for out-db object "{display}"',
            detail=f"The connection failed before the response headers arrived ({_reason(exc)}); {tries}.")

    def _check_host(self, url):
        # Refuse link-local hosts before any packet is sent; httpconn re-checks the
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


def _attempts(attempt):
    return "1 attempt" if attempt == 0 else f"{attempt + 1} attempts"


def _causes(exc):
    """exc and the exceptions it wraps (args, reason, __cause__, __context__)."""
    seen = []
    todo = [exc]
    while todo and len(seen) < 16:
        e = todo.pop()
        if not isinstance(e, BaseException) or any(e is s for s in seen):
            continue
        seen.append(e)
        todo.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))
        todo.extend(x for x in (getattr(e, "reason", None), e.__cause__, e.__context__) if x is not None)
    return seen


def _caused_by(exc, kind):
    return any(isinstance(e, kind) for e in _causes(exc))


def _is_timeout(exc):
    return _caused_by(exc, TimeoutError)


def _reason(exc):
    """The innermost exception's class name (no message: it may quote the URL)."""
    return type(_causes(exc)[-1]).__name__


def _check_encoding(response, display):
    """Refuse a content-encoded body: only identity was accepted, and the bytes are a file's."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        raise StorageError(
            f'unexpected content encoding for out-db object "{display}"',
            detail=f'The server answered with Content-Encoding "{encoding[:32]}" although '
                   f'only "identity" was accepted.',
            hint="Configure the server not to compress these objects.")


def _requested_spans(value):
    """[(first, last), ...] of a 'bytes=a-b,...' Range header, or None."""
    if not value or not value.startswith("bytes="):
        return None
    spans = []
    for spec in value[len("bytes="):].split(","):
        first, sep, last = spec.strip().partition("-")
        if not (sep and first.isdigit() and last.isdigit()):
            return None
        spans.append((int(first), int(last)))
    return spans


class _Limit(typing.NamedTuple):
    """The most bytes a body may hold, and the error to raise past it."""

    size: int
    error: typing.Callable


def _body_limit(status, request_headers, response, whole_limit, display):
    """The most bytes a body may hold and the error past it: for a 206, the span its Range
    asked for (multipart boundaries aside); else `whole_limit`."""
    spans = _requested_spans(request_headers.get("Range"))
    if status == 206 and spans:
        asked = max(last for _, last in spans) - min(first for first, _ in spans) + 1
        size = asked
        if multipart_boundary(response.headers.get("Content-Type")):
            size += MULTIPART_OVERHEAD + MULTIPART_PART_OVERHEAD * len(spans)

        def too_long(n, declared):
            return StorageError(
                f'server sent more than the requested range for out-db object "{display}"',
                detail=f"A range of {asked} bytes was asked for and the server's partial answer "
                       f"(HTTP 206) {'declared' if declared else 'held more than'} {n} bytes.")
        return _Limit(size, too_long)
    if status == 200 and spans:
        message = f'server ignored the range request for out-db object "{display}"'
        subject = "The server answered a range request with the whole object (HTTP 200), which"
        hint = "Serve the object from a server that supports HTTP Range requests."
    else:
        message = f'response for out-db object "{display}" is too large'
        subject = f"The body (HTTP {status})"
        hint = None

    def too_large(n, declared):
        return StorageError(message, hint=hint, detail=(
            f"{subject} {'declared' if declared else 'held more than'} {n} bytes, over the limit "
            f"of {whole_limit} bytes (PLRASTER_HTTP_MAX_WHOLE_OBJECT)."))
    return _Limit(whole_limit, too_large)


class _Body:
    """Reads one response's body, undecoded, counting every byte received as it arrives."""

    def __init__(self, counter):
        self.counter = counter
        self.received = 0

    def _chunks(self, response):
        # read1 returns what one recv() brought, so no byte that arrived is held in a
        # buffer when a deadline or a reset ends the read: all are counted.
        while True:
            cancel.check()
            chunk = response.read1(BODY_CHUNK)
            if not chunk:
                break
            self.received += len(chunk)
            self.counter.add(nbytes=len(chunk))
            yield chunk

    def read(self, response, limit):
        """The whole body; raises limit.error past limit.size bytes and TruncatedResponse
        when the connection closes before Content-Length bytes arrived."""
        length = _content_length(response)
        if length is not None and length > limit.size:
            raise limit.error(length, True)
        chunks = []
        for chunk in self._chunks(response):
            chunks.append(chunk)
            if self.received > limit.size:
                raise limit.error(limit.size, False)
        if length is not None and self.received < length:
            raise TruncatedResponse(f"the connection closed after {self.received} of {length} bytes")
        return b"".join(chunks)

    def read_some(self, response, limit):
        """At most `limit` bytes of the body (error bodies); the rest is not read."""
        chunks = []
        for chunk in self._chunks(response):
            chunks.append(chunk)
            if self.received >= limit:
                break
        return b"".join(chunks)[:limit]

    def progress(self, response):
        """'N of M bytes' (or 'N bytes' when the length is unknown) received so far."""
        length = _content_length(response)
        return f"{self.received} of {length} bytes" if length is not None else f"{self.received} bytes"


def _content_length(response):
    if "chunked" in (response.headers.get("Transfer-Encoding") or "").lower():
        return None  # http.client ignores Content-Length then, and so do we
    value = (response.headers.get("Content-Length") or "").strip()
    return int(value) if value.isdigit() else None
