"""A range-serving HTTP server on 127.0.0.1 that injects faults on request.

    with FaultServer() as srv:
        srv.put("/a.tif", data)                    # ETag changes with the data
        srv.plan("/a.tif", "500", "429:1", "ok")   # what the next requests get, then "ok"
        srv.url("/a.tif")

Behaviours: "ok" (Range honoured: 206, multipart/byteranges for several ranges, 200
without Range), "whole" (Range ignored: 200 with the whole object), "first" (only the
first of several ranges, as a plain 206), "NNN" or "NNN:S" (that status, Retry-After S),
"truncate" (Content-Length promised, half the body sent, connection closed), "short"
(a consistent 206 for fewer bytes than asked), "hang" (no answer until the server stops
or 30 s pass), "redirect:URL" (302 to URL).
"""

import collections
import email.utils
import http.server
import threading
import urllib.parse


class FaultServer:
    """A threaded http.server with per-path objects, fault plans and a request log."""

    def __init__(self):
        self.objects = {}
        self.plans = collections.defaultdict(collections.deque)
        self.requests = []  # (method, path, headers dict)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                server._handle(self, head=True)

            def do_GET(self):
                server._handle(self, head=False)

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

    def put(self, path, data):
        """Store (or replace) an object; its ETag is derived from a version counter."""
        with self._lock:
            version = self.objects.get(path, (None, 0, None))[1] + 1
            self.objects[path] = (bytes(data), version, email.utils.formatdate(usegmt=True))

    def plan(self, path, *behaviours):
        """Queue behaviours for the next requests of `path`; later ones get "ok"."""
        with self._lock:
            self.plans[path].extend(behaviours)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    # --- request handling -----------------------------------------------------------------

    def _handle(self, h, head):
        with self._lock:
            path = urllib.parse.urlsplit(h.path).path
            self.requests.append((h.command, h.path, dict(h.headers.items())))
            plan = self.plans.get(path)
            behaviour = plan.popleft() if plan else "ok"
            obj = self.objects.get(path)
        if behaviour == "hang":
            self._stop.wait(30)
            h.close_connection = True
            return
        if behaviour.startswith("redirect:"):
            return self._send(h, 302, b"", {"Location": behaviour[len("redirect:"):]}, head)
        if behaviour[:3].isdigit():
            status, _, retry_after = behaviour.partition(":")
            headers = {"Retry-After": retry_after} if retry_after else {}
            return self._send(h, int(status), b"error", headers, head)
        if obj is None:
            return self._send(h, 404, b"not found", {}, head)
        data, version, modified = obj
        base = {"ETag": f'"v{version}"', "Last-Modified": modified, "Accept-Ranges": "bytes"}
        ranges = _parse_range(h.headers.get("Range"), len(data))
        if behaviour == "whole" or ranges is None:
            return self._send(h, 200, data, base, head)
        if not ranges:
            return self._send(h, 416, b"", dict(base, **{"Content-Range": f"bytes */{len(data)}"}), head)
        if behaviour == "first":
            ranges = ranges[:1]
        if len(ranges) == 1:
            first, last = ranges[0]
            if behaviour == "short":
                last = first + (last - first) // 2
            body = data[first:last + 1]
            headers = dict(base, **{"Content-Range": f"bytes {first}-{last}/{len(data)}"})
            if behaviour == "truncate":
                return self._send_truncated(h, 206, body, headers)
            return self._send(h, 206, body, headers, head)
        boundary = "PLRASTERBOUNDARY"
        chunks = []
        for first, last in ranges:
            chunks.append(f"\r\n--{boundary}\r\nContent-Type: image/tiff\r\n"
                          f"Content-Range: bytes {first}-{last}/{len(data)}\r\n\r\n".encode())
            chunks.append(data[first:last + 1])
        chunks.append(f"\r\n--{boundary}--\r\n".encode())
        headers = dict(base, **{"Content-Type": f"multipart/byteranges; boundary={boundary}"})
        return self._send(h, 206, b"".join(chunks), headers, head)

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

    @staticmethod
    def _send_truncated(h, status, body, headers):
        h.send_response(status)
        for name, value in headers.items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body[:len(body) // 2])
        h.wfile.flush()
        h.close_connection = True


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
