"""HTTP/1.1 connections for the transport: http.client, pooled, guarded, on a deadline.

requests and urllib3 cost about a millisecond of CPU per request here (for a 48 KB range
on 127.0.0.1 that http.client serves in a quarter of that) and 70-100 ms to import in each
new backend (issue 13). The transport needs little of them: keep-alive connections per
host, a check of the address each socket reached, TLS, and responses read under the
attempt's total deadline. This module gives exactly that on the standard library:

    pool = ConnectionPool(options)
    conn = pool.get(url)                     # an idle kept-alive connection, or a new one
    response = conn.send("GET", url, headers, body)
    ...read the body...
    pool.put(conn, response)                 # back to the pool when reusable, else closed

`ssl` is imported only for an https URL.
"""

import http.client
import select
import socket
import threading
import urllib.parse

from . import deadline, security

# What requests' requote_uri leaves unquoted in a URL's path and query: a URL already
# quoted by plraster.storage.paths passes unchanged, a raw space or control byte is quoted.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


class ConnectTimeout(TimeoutError):
    """No connection within GDAL_HTTP_CONNECTTIMEOUT."""


class ConnectFailed(ConnectionError):
    """The connection could not be made (refused, unreachable, name not resolved)."""


def check_peer(sock, host):
    """Close the socket and raise when the address it reached is a forbidden one (checked
    after connect, so names that resolve to 169.254.169.254 and DNS rebinding are caught)."""
    try:
        peer = sock.getpeername()[0]
    except OSError:
        return
    if security.is_forbidden_address(peer):
        sock.close()
        raise security.forbidden_address_error(host)


class Connection(http.client.HTTPConnection):
    """A keep-alive connection whose socket is checked on connect and whose responses
    obey the running attempt's deadline (storage.deadline)."""

    response_class = deadline.DeadlineResponse

    def __init__(self, key, connect_timeout, read_timeout):
        scheme, host, port = key
        super().__init__(host, port, timeout=connect_timeout)
        self.key = key
        self.read_timeout = read_timeout
        self.reused = False

    def connect(self):
        """Connect within the connect timeout, check the peer, then use the read timeout."""
        try:
            sock = socket.create_connection((self.host, self.port), self.timeout)
        except socket.timeout as exc:
            raise ConnectTimeout("connect timed out") from exc
        except OSError as exc:
            raise ConnectFailed(type(exc).__name__) from exc
        check_peer(sock, self.host)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(self.read_timeout)
        self.sock = self.wrap(sock)

    def wrap(self, sock):
        """The socket to talk over (TLS connections wrap it)."""
        return sock

    def send_request(self, method, url, headers, body=None):
        """Send one request for `url` (absolute) and return the response (headers read)."""
        parts = urllib.parse.urlsplit(url)
        target = urllib.parse.quote(parts.path or "/", safe=_URL_SAFE)
        if parts.query:
            target += "?" + urllib.parse.quote(parts.query, safe=_URL_SAFE)
        self.request(method, target, body=body, headers=headers)
        return self.getresponse()

    def is_dropped(self):
        """True when a kept connection was closed by the server (or has unread bytes):
        it is not reused, so an idle timeout never fails a request."""
        sock = self.sock
        if sock is None:
            return True
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return True
        return bool(readable)


class TLSConnection(Connection):
    """A Connection over TLS, verified unless GDAL_HTTP_UNSAFESSL is set."""

    def __init__(self, key, connect_timeout, read_timeout, context):
        super().__init__(key, connect_timeout, read_timeout)
        self.context = context

    def wrap(self, sock):
        try:
            return self.context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


def _tls_context(verify):
    import ssl  # only sessions that read https pay for it

    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def url_key(url):
    """(scheme, host, port) of an http(s) URL: the connections it may share."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ConnectFailed("unsupported URL scheme")
    try:
        port = parts.port
    except ValueError:
        raise ConnectFailed("invalid port") from None
    return scheme, parts.hostname or "", port or (443 if scheme == "https" else 80)


class ConnectionPool:
    """Idle keep-alive connections by (scheme, host, port), at most `max_idle` per host."""

    def __init__(self, options):
        self.options = options
        self.max_idle = max(4, options.max_concurrency)
        self._idle = {}
        self._lock = threading.Lock()
        self._context = None

    def get(self, url):
        """An idle connection to the URL's host that is still open, or a new (unconnected) one."""
        key = url_key(url)
        while True:
            with self._lock:
                idle = self._idle.get(key)
                conn = idle.pop() if idle else None
            if conn is None:
                break
            if not conn.is_dropped():
                conn.reused = True
                return conn
            conn.close()
        opts = self.options
        if key[0] == "https":
            with self._lock:
                if self._context is None:
                    self._context = _tls_context(opts.verify_tls)
            return TLSConnection(key, opts.connect_timeout, opts.read_timeout, self._context)
        return Connection(key, opts.connect_timeout, opts.read_timeout)

    def put(self, conn, response):
        """Keep `conn` for the next request when `response` was read to its end and the
        server keeps the connection open; close it otherwise."""
        reusable = (response is not None and not response.will_close and conn.sock is not None
                    and (response.isclosed() or response.length == 0))
        if response is not None:
            response.close()
        if reusable:
            with self._lock:
                idle = self._idle.setdefault(conn.key, [])
                if len(idle) < self.max_idle:
                    idle.append(conn)
                    return
        conn.close()

    def close(self):
        """Close every idle connection."""
        with self._lock:
            idle, self._idle = self._idle, {}
        for conns in idle.values():
            for conn in conns:
                conn.close()
