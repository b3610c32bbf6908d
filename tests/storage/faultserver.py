"""A range-serving HTTP server on 127.0.0.1 that injects faults on request.

    with FaultServer() as srv:
        srv.put("/a.tif", data)                    # ETag changes with the data
        srv.plan("/a.tif", "500", "429:1", "ok")   # what the next requests get, then "ok"
        srv.route("/loop", "redirect:/loop")       # what every request gets (instead of "ok")
        srv.url("/a.tif")

Behaviours (a plan entry may also be a callable, called with the server before the
request is answered with "ok": `srv.plan(path, "ok", lambda s: s.put(path, other))`
replaces the object between two requests):

  ok              Range honoured: 206, multipart/byteranges for several ranges, 200 without Range
  whole           Range ignored: 200 with the whole object
  first           only the first of several ranges, as a plain 206
  NNN, NNN:S      that status (with Retry-After: S seconds)
  NNN:@S          that status with Retry-After as an HTTP-date S seconds ahead
  truncate        Content-Length promised, half the body sent, connection closed
  short           a consistent 206 for fewer bytes than asked
  lie-long        Content-Length larger than the body; the body sent, connection kept open
  lie-short       Content-Length smaller than the body; the whole body sent
  more:N          a 206 for N bytes more than asked (Content-Range says so)
  offset:N        a 206 for the range moved N bytes (Content-Range says so)
  total:N         the right bytes, Content-Range's total N bytes more than the object's
  gzip            the right 206, its body gzip-compressed, Content-Encoding: gzip
  hang            no answer at all (until the server stops or 60 s pass)
  hang-body       headers and half the body, then nothing
  close           the connection closed without an answer
  reset           headers and half the body, then a TCP reset
  drip-headers:S  status line and headers one byte every S seconds, then the body
  drip-body:S     headers at once, then the body one byte every S seconds
  endless         a 206 (right Content-Range), chunked, whose body never ends
  endless-200     a 200, chunked, whose body never ends
  redirect:URL    302 to URL (absolute, or a path on this server)
  whole+B         the whole object (200) with behaviour B: "whole+truncate", "whole+drip-body:1"

`requests` logs (method, path, headers) of every request; `open_handlers` counts the
requests being answered (a hanging answer ends when the server stops).
"""

import collections
import email.utils
import gzip
import http.server
import socket
import struct
import threading
import time
import urllib.parse

HANG_SECONDS = 60


class FaultServer:
    """A threaded http.server with per-path objects, fault plans and a request log."""

    def __init__(self):
        self.objects = {}
        self.plans = collections.defaultdict(collections.deque)
        self.routes = {}
        self.requests = []  # (method, path, headers dict)
        self.send_etag = True  # False: objects carry only Last-Modified
        self.open_handlers = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                server._run(self, head=True)

            def do_GET(self):
                server._run(self, head=False)

        class QuietServer(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # clients that time out and hang up are part of the tests

        self._httpd = QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path):
        """http://127.0.0.1:PORT/path"""
        return f"http://127.0.0.1:{self.port}{path}"

    def put(self, path, data, modified=None):
        """Store (or replace) an object; its ETag is derived from a version counter, its
        Last-Modified is `modified` (seconds since the epoch) or now."""
        with self._lock:
            version = self.objects.get(path, (None, 0, None))[1] + 1
            self.objects[path] = (bytes(data), version, email.utils.formatdate(modified, usegmt=True))

    def plan(self, path, *behaviours):
        """Queue behaviours for the next requests of `path`; later ones get the route or "ok"."""
        with self._lock:
            self.plans[path].extend(behaviours)

    def route(self, path, behaviour):
        """What every request of `path` gets once its plan is used up (None: "ok")."""
        with self._lock:
            if behaviour is None:
                self.routes.pop(path, None)
            else:
                self.routes[path] = behaviour

    def clear(self):
        """Forget every plan and route (objects and the log stay)."""
        with self._lock:
            self.plans.clear()
            self.routes.clear()

    def count(self, path=None):
        """Requests received so far (of `path` only, when given)."""
        with self._lock:
            return sum(1 for r in self.requests if path is None or urllib.parse.urlsplit(r[1]).path == path)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    # --- request handling -----------------------------------------------------------------

    def _run(self, h, head):
        with self._lock:
            self.open_handlers += 1
        try:
            self._handle(h, head)
        except OSError:
            h.close_connection = True  # the client went away: part of the tests
        finally:
            with self._lock:
                self.open_handlers -= 1

    def _handle(self, h, head):
        with self._lock:
            path = urllib.parse.urlsplit(h.path).path
            self.requests.append((h.command, h.path, dict(h.headers.items())))
            plan = self.plans.get(path)
            behaviour = plan.popleft() if plan else self.routes.get(path, "ok")
        if callable(behaviour):
            behaviour(self)
            behaviour = "ok"
        whole = behaviour.startswith("whole+")
        name, _, arg = behaviour[len("whole+") if whole else 0:].partition(":")
        with self._lock:
            obj = self.objects.get(path)
        if name == "hang":
            self._stop.wait(HANG_SECONDS)
            h.close_connection = True
            return
        if name == "close":
            h.close_connection = True
            return
        if name == "redirect":
            return self._send(h, 302, b"", {"Location": arg}, head)
        if name.isdigit():
            headers = {}
            if arg.startswith("@"):
                headers["Retry-After"] = email.utils.formatdate(time.time() + float(arg[1:]), usegmt=True)
            elif arg:
                headers["Retry-After"] = arg
            return self._send(h, int(name), b"error", headers, head)
        if obj is None:
            return self._send(h, 404, b"not found", {}, head)
        data, version, modified = obj
        base = {"ETag": f'"v{version}"', "Last-Modified": modified, "Accept-Ranges": "bytes"}
        if not self.send_etag:
            del base["ETag"]
        ranges = None if whole else _parse_range(h.headers.get("Range"), len(data))
        if name == "endless-200":
            return self._send_endless(h, 200, data, base)
        if name == "whole" or ranges is None:
            return self._reply(h, name, arg, 200, data, base, head)
        if not ranges:
            return self._send(h, 416, b"", dict(base, **{"Content-Range": f"bytes */{len(data)}"}), head)
        if name == "first":
            ranges = ranges[:1]
        if len(ranges) == 1:
            first, last = ranges[0]
            total = len(data)
            if name == "short":
                last = first + (last - first) // 2
            elif name == "more":
                last = min(last + int(arg), len(data) - 1)
            elif name == "offset":
                first, last = first + int(arg), min(last + int(arg), len(data) - 1)
            elif name == "total":
                total += int(arg)
            headers = dict(base, **{"Content-Range": f"bytes {first}-{last}/{total}"})
            if name == "endless":
                return self._send_endless(h, 206, data[first:last + 1], headers)
            return self._reply(h, name, arg, 206, data[first:last + 1], headers, head)
        boundary = "PLRASTERBOUNDARY"
        chunks = []
        for first, last in ranges:
            chunks.append(f"\r\n--{boundary}\r\nContent-Type: image/tiff\r\n"
                          f"Content-Range: bytes {first}-{last}/{len(data)}\r\n\r\n".encode())
            chunks.append(data[first:last + 1])
        chunks.append(f"\r\n--{boundary}--\r\n".encode())
        headers = dict(base, **{"Content-Type": f"multipart/byteranges; boundary={boundary}"})
        return self._reply(h, name, arg, 206, b"".join(chunks), headers, head)

    def _reply(self, h, name, arg, status, body, headers, head):
        """Send a well-formed answer, spoilt as `name` says."""
        if name == "gzip":
            body = gzip.compress(body, compresslevel=1)
            headers = dict(headers, **{"Content-Encoding": "gzip"})
        if head or name in ("ok", "whole", "first", "short", "more", "offset", "total", "gzip"):
            return self._send(h, status, body, headers, head)
        length = {"lie-long": len(body) + 100, "lie-short": max(0, len(body) - 100)}.get(name, len(body))
        lines = [f"HTTP/1.1 {status} {http.server.BaseHTTPRequestHandler.responses[status][0]}"]
        lines += [f"{k}: {v}" for k, v in dict(headers, **{"Content-Type": "application/octet-stream",
                                                         "Content-Length": str(length)}).items()]
        head_bytes = ("\r\n".join(lines) + "\r\n\r\n").encode()
        if name == "drip-headers":
            self._drip(h, head_bytes, float(arg))
            return self._write(h, body)
        h.wfile.write(head_bytes)
        h.wfile.flush()
        if name == "drip-body":
            return self._drip(h, body, float(arg))
        if name in ("truncate", "hang-body", "reset"):
            self._write(h, body[:len(body) // 2])
            if name == "hang-body":
                self._stop.wait(HANG_SECONDS)
            elif name == "reset":
                _reset(h)
            h.close_connection = True
            return
        self._write(h, body)
        if name == "lie-long":
            self._stop.wait(HANG_SECONDS)
            h.close_connection = True
        elif name != "lie-short":
            raise ValueError(f"unknown fault behaviour {name!r}")

    def _write(self, h, data):
        h.wfile.write(data)
        h.wfile.flush()

    def _drip(self, h, data, seconds):
        """Write data one byte every `seconds` (stops when the server stops)."""
        for i in range(len(data)):
            h.wfile.write(data[i:i + 1])
            h.wfile.flush()
            if self._stop.wait(seconds):
                h.close_connection = True
                return

    def _send_endless(self, h, status, data, headers):
        """A chunked body repeating `data` for ever (until the client or the server stops)."""
        h.send_response(status)
        for name, value in headers.items():
            h.send_header(name, value)
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        piece = (data or b"x") * max(1, 16384 // max(1, len(data)))
        chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        while not self._stop.is_set():
            h.wfile.write(chunk)
        h.close_connection = True

    @staticmethod
    def _send(h, status, body, headers, head):
        h.send_response(status)
        for name, value in headers.items():
            h.send_header(name, value)
        if "Content-Type" not in headers:
            h.send_header("Content-Type", "application/octet-stream")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if not head:
            h.wfile.write(body)


def _reset(h):
    """Close the handler's connection with a TCP reset (SO_LINGER 0), not a FIN."""
    sock = h.connection
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.wfile.close()
    h.rfile.close()
    sock.close()


def _parse_range(value, size):
    """[(first, last), ...] for a 'bytes=' header, [] when none is satisfiable, None when absent."""
    if not value or not value.startswith("bytes="):
        return None
    out = []
    for spec in value[len("bytes="):].split(","):
        first, _, last = spec.strip().partition("-")
        first = int(first)
        last = min(int(last), size - 1) if last else size - 1
        if first < size:
            out.append((first, last))
    return out
