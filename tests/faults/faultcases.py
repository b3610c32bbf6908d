"""The fault suite's table: each network fault, where it strikes, and what SQL must see.

Every case is driven through SQL by an ordinary user (tests/faults/test_faults_http.py)
and documents one row of the README's fault table (`readme_table()`): the SQLSTATE, a
part of the message, and the time the statement may take, as a formula of the source's
options. The suite's source uses:

    GDAL_HTTP_TIMEOUT T = 1 s        GDAL_HTTP_CONNECTTIMEOUT C = 1 s
    GDAL_HTTP_MAX_RETRY R = 1        GDAL_HTTP_RETRY_DELAY D = 0.05 s
    PLRASTER_HTTP_MAX_RETRY_DELAY Dmax = 1 s
"""
import dataclasses
import struct
import typing

from outdb_records import one_band

SIZE = 512                      # the COGs are SIZE x SIZE uint32, 256 x 256 blocks
ORIGIN = (10.0, 50.0)
SCALE = 0.001
T, C, R, D, DMAX = 1.0, 1.0, 1, 0.05, 1.0
MAX_WHOLE = 4 * 1024 * 1024
MARGIN = 1.0                    # statement overhead on a loaded machine
SECRET = "X-Amz-Signature=SECRET-IN-QUERY"

OPTIONS = {
    "GDAL_HTTP_TIMEOUT": str(T), "GDAL_HTTP_CONNECTTIMEOUT": str(C), "GDAL_HTTP_MAX_RETRY": str(R),
    "GDAL_HTTP_RETRY_DELAY": str(D), "PLRASTER_HTTP_MAX_RETRY_DELAY": str(DMAX),
    "PLRASTER_HTTP_MAX_WHOLE_OBJECT": str(MAX_WHOLE), "PLRASTER_HTTP_MAX_REDIRECTS": "3",
}

# ST_Value reads one block: an 8x8 raster at file pixel (300, 20); the value asked is
# that of file pixel (302, 23). ST_AsBinary(rast, true) reads four blocks at once
# (PARALLEL): a 64x64 raster at file pixel (224, 224).
SMALL = (8, 8, 300, 20)
WIDE = (64, 64, 224, 224)
VALUE_AT = (3, 4)


class Result(typing.NamedTuple):
    """What a statement gave: rows, or an error's SQLSTATE, message and detail."""

    rows: typing.Optional[list] = None
    sqlstate: typing.Optional[str] = None
    message: str = ""
    detail: str = ""


def raster_hex(server, path, shape):
    w, h, col, row = shape
    url = "/vsicurl/" + server.url(path) + "?" + SECRET
    return one_band(w, h, ORIGIN[0] + col * SCALE, ORIGIN[1] - row * SCALE, SCALE, -SCALE, url)


def value_sql(server, path):
    """ST_Value of one pixel of an out-db band on the fault server."""
    return "SELECT plraster.st_value('\\x%s'::plraster.raster, 1, %d, %d)" % (
        raster_hex(server, path, SMALL), *VALUE_AT)


def binary_sql(server, path):
    """ST_AsBinary(rast, true) of a band spanning four blocks."""
    return "SELECT plraster.st_asbinary('\\x%s'::plraster.raster, true)" % raster_hex(server, path, WIDE)


def expected_value(pixels):
    w, h, col, row = SMALL
    return int(pixels[row + VALUE_AT[1] - 1, col + VALUE_AT[0] - 1])


def expected_binary(pixels):
    """The in-db WKB of WIDE built by hand from the file's pixels (32BUI, no nodata)."""
    w, h, col, row = WIDE
    header = struct.pack("<BHHddddddiHH", 1, 0, 1, SCALE, -SCALE, ORIGIN[0] + col * SCALE,
                         ORIGIN[1] - row * SCALE, 0.0, 0.0, 4326, w, h)
    band = bytes([8]) + struct.pack("<I", 0) + pixels[row:row + h, col:col + w].astype("<u4").tobytes()
    return header + band


@dataclasses.dataclass(frozen=True)
class Case:
    """One fault: `plan` is what the next requests get (then "ok"), `route` what every
    later request gets; `phase` says whether the fault starts with the statement's first
    request (the header read, "open") or after it ("blocks")."""

    id: str
    fault: str                  # the README's words
    phase: str
    plan: tuple = ()
    route: typing.Optional[str] = None
    sqlstate: typing.Optional[str] = None   # None: the true value is returned
    message: str = ""
    time: str = "instant"       # a key of TIME_BOUNDS
    ops: tuple = ("value", "binary", "register")
    retry_after: float = 0.0

    @property
    def id_ops(self):
        return [op for op in self.ops if not (op == "register" and self.phase != "open")]


# (formula shown in the README, lower bound, upper bound) in seconds
def time_bounds(case):
    if case.time == "instant":
        return "no wait", 0.0, MARGIN
    if case.time == "backoff":
        return "R·D", 0.0, R * D + MARGIN
    if case.time == "retry-after":
        return "min(Retry-After, Dmax)", min(case.retry_after, DMAX) - 0.1, R * DMAX + MARGIN
    if case.time == "one-timeout":
        return "T + D", T - 0.1, T + D + MARGIN
    if case.time == "timeouts":
        return "(R+1)·T + R·D", (R + 1) * T - 0.1, (R + 1) * T + R * D + MARGIN
    if case.time == "cap":
        return "time to read the cap", 0.0, MARGIN + 1.0
    raise ValueError(case.time)


def _transient(id, fault, phase, behaviour, time="instant", **kw):
    plan = (behaviour,) if phase == "open" else ("ok", behaviour)
    return Case(id, fault, phase, plan=plan, time=time, **kw)


def _persistent(id, fault, phase, behaviour, sqlstate, message, time="instant", **kw):
    plan = () if phase == "open" else ("ok",)
    return Case(id, fault, phase, plan=plan, route=behaviour, sqlstate=sqlstate, message=message,
                time=time, **kw)


SLOW = ("value",)   # one statement is enough where each takes seconds

CASES = [
    # --- the read succeeds after a retry, with the file's true value --------------------
    _transient("500-then-ok", "HTTP 500, then OK", "open", "500", "backoff"),
    _transient("502-then-ok", "HTTP 502, then OK", "blocks", "502", "backoff"),
    _transient("503-then-ok", "HTTP 503, then OK", "blocks", "503", "backoff"),
    _transient("504-then-ok", "HTTP 504, then OK", "open", "504", "backoff"),
    _transient("429-retry-after-seconds", "HTTP 429, Retry-After: 1", "open", "429:1", "retry-after",
               retry_after=1.0, ops=("value", "register")),
    _transient("503-retry-after-date", "HTTP 503, Retry-After: HTTP-date 2 s ahead", "blocks", "503:@2",
               "retry-after", retry_after=1.0, ops=("binary",)),
    _transient("truncated-then-ok", "Content-Length larger than the body sent, then OK", "blocks",
               "truncate", "backoff"),
    _transient("truncated-whole-then-ok", "a 200 cut short, then OK", "open", "whole+truncate", "backoff"),
    _transient("reset-then-ok", "connection reset mid-body, then OK", "blocks", "reset", "backoff"),
    _transient("closed-then-ok", "connection closed before the headers, then OK", "open", "close", "backoff"),
    _transient("hang-then-ok", "no answer (hang before headers), then OK", "open", "hang", "one-timeout",
               ops=SLOW),
    _transient("hang-body-then-ok", "hang mid-body, then OK", "blocks", "hang-body", "one-timeout",
               ops=("binary",)),
    _transient("drip-headers-then-ok", "headers at 1 byte / 0.2 s, then OK", "open", "drip-headers:0.2",
               "one-timeout", ops=("register",)),
    _transient("drip-body-then-ok", "body at 1 byte / 0.2 s, then OK", "blocks", "drip-body:0.2",
               "one-timeout", ops=SLOW),
    _transient("ignored-range", "Range ignored: 200 with the whole file", "open", "whole"),
    _transient("wrong-offset-then-ok", "Content-Range for other offsets, then OK", "blocks", "offset:4096",
               "backoff"),
    _transient("short-then-ok", "a 206 for fewer bytes than asked, then OK", "blocks", "short", "backoff"),
    _transient("short-length-then-ok", "Content-Length smaller than the range, then OK", "blocks",
               "lie-short", "backoff"),
    # --- the read fails with a named error --------------------------------------------
    _persistent("500", "HTTP 500 on every attempt", "open", "500", "58030", "failed", "backoff"),
    _persistent("429", "HTTP 429, Retry-After: 1, on every attempt", "blocks", "429:1", "58030", "failed",
                "retry-after", retry_after=1.0, ops=SLOW),
    _persistent("400", "HTTP 400", "blocks", "400", "58030", "failed"),
    _persistent("401", "HTTP 401", "open", "401", "42501", "denied"),
    _persistent("403", "HTTP 403", "open", "403", "42501", "denied"),
    _persistent("403-blocks", "HTTP 403 after the header read", "blocks", "403", "42501", "denied"),
    _persistent("404", "HTTP 404", "open", "404", "58P01", "not found"),
    _persistent("410-blocks", "HTTP 410 after the header read", "blocks", "410", "58P01", "not found"),
    _persistent("416", "HTTP 416 for a block inside the object", "blocks", "416", "58030", "failed"),
    _persistent("truncated", "Content-Length larger than the body, connection closed", "blocks", "truncate",
                "58030", "truncated response", "backoff"),
    _persistent("reset", "connection reset mid-body", "blocks", "reset", "58030", "truncated response",
                "backoff"),
    _persistent("closed", "connection closed before the headers", "open", "close", "58030", "no response",
                "backoff"),
    _persistent("hang", "no answer (hang before headers)", "open", "hang", "58030",
                "headers of out-db object", "timeouts", ops=SLOW),
    _persistent("hang-body", "hang mid-body", "blocks", "hang-body", "58030", "body of out-db object",
                "timeouts", ops=("binary",)),
    _persistent("drip-headers", "headers at 1 byte / 0.2 s", "open", "drip-headers:0.2", "58030",
                "headers of out-db object", "timeouts", ops=("register",)),
    _persistent("drip-body", "body at 1 byte / 0.2 s", "blocks", "drip-body:0.2", "58030",
                "body of out-db object", "timeouts", ops=SLOW),
    _persistent("drip-whole", "a 200 whole file at 1 byte / 0.05 s", "open", "whole+drip-body:0.05", "58030",
                "body of out-db object", "timeouts", ops=SLOW),
    _persistent("long-length-whole", "a 200 whose Content-Length exceeds the body, kept open", "open",
                "whole+lie-long", "58030", "body of out-db object", "timeouts", ops=SLOW),
    _persistent("long-length", "a 206 whose Content-Length exceeds the range", "blocks", "lie-long",
                "58030", "more than the requested range"),
    _persistent("more-than-asked", "a 206 holding more bytes than asked", "blocks", "more:5000", "58030",
                "more than the requested range"),
    _persistent("endless-206", "a 206 with an endless chunked body", "blocks", "endless", "58030",
                "more than the requested range"),
    _persistent("endless-200", "Range ignored, endless chunked body", "open", "endless-200", "58030",
                "ignored the range request", "cap"),
    _persistent("gzip", "Content-Encoding: gzip the client did not accept", "blocks", "gzip", "58030",
                "unexpected content encoding"),
    _persistent("wrong-offset", "Content-Range for other offsets", "blocks", "offset:4096", "58030",
                "wrong range in response", "backoff"),
    _persistent("wrong-total", "Content-Range with another total size", "blocks", "total:10", "58030",
                "changed while being read"),
]

CASE_IDS = {case.id: case for case in CASES}


def readme_table():
    """The README's table of faults (markdown), from CASES and the special cases."""
    lines = ["| Fault | When | SQLSTATE | Message | Time bound |", "|---|---|---|---|---|"]
    for case in CASES:
        when = "header read" if case.phase == "open" else "block read"
        state = case.sqlstate or "none: true value"
        message = f"`{case.message}`" if case.message else "—"
        lines.append(f"| {case.fault} | {when} | {state} | {message} | {time_bounds(case)[0]} |")
    lines += [
        "| object replaced (ETag, or Last-Modified, changes) between header and block reads | block read "
        "| 58030 | `changed while being read` | no wait; the next statement reads the new object |",
        "| redirect loop, or a chain longer than PLRASTER_HTTP_MAX_REDIRECTS | any | 58030 | "
        "`too many redirects` | no wait |",
        "| redirect to a host or prefix not opened as a source | any | 42501 | `redirect ... is not allowed` | "
        "no wait; nothing is sent there |",
        "| nothing listening on the port | header read | 58030 | `could not connect` | R·D |",
    ]
    return "\n".join(lines)


# Address space of each backend of the capped server. A backend of this suite maps
# about 650 MiB at its peak (PostGIS with GDAL, numpy, the transport's threads) and
# keeps under 100 MiB resident (test_backend_memory_stayed_bounded). Here rather than
# in conftest.py: `import conftest` finds whichever conftest was imported first.
MEMORY_CAP = 1536 * 1024 ** 2


def true_pixels(data):
    """The pixels GDAL (through rasterio) reads from the bytes of a TIFF."""
    import rasterio

    with rasterio.MemoryFile(data) as memory, memory.open() as dataset:
        return dataset.read(1)
