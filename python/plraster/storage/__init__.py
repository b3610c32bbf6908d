"""Where out-db bytes come from: local files, http(s), Swift and S3 (no plpy, no GDAL).

    parsed = parse_outdb_path("GTIFF_DIR:2:/vsis3/bucket/dem.tif")
    source = open_source(parsed, options={"AWS_S3_ENDPOINT": "..."}, allow_list=["s3://bucket/"])
    source.size, source.validator
    source.read_ranges([(0, 16384), (81920, 4096)])      # -> [bytes, bytes]

Every source has `size`, `validator` (changes when the object is replaced),
`last_modified` (seconds since the epoch, from stat or Last-Modified; None when unknown),
`read_ranges([(offset, length), ...])` and `revalidate()`. Options use GDAL's names
(see `options`, `swift`, `s3`) and fall back to the environment. Sessions live at
module level, one per configuration (`reset()` closes them); `io_counter()` counts
requests, bytes, retries and seconds waited.
"""

import importlib

from .counters import IOCounter, IOStats, io_counter
from .failures import ObjectChangedError
from .local import FileSource
from .options import HttpOptions
from .paths import ParsedPath, parse_outdb_path, safe_url
from .registry import reset
from .remote import HttpSource, RemoteSource
from .security import check_access, check_host, is_access_allowed, is_forbidden_address, is_redirect_allowed

# Sources whose modules pull in the HTTP transport or botocore are imported
# when first named, so that a session reading only local files, or only in-db rasters,
# never pays for them (issue 13: session start).
_LAZY = {"S3Source": ".s3", "SwiftSource": ".swift"}


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    return getattr(importlib.import_module(module, __name__), name)


def open_source(path, options=None, allow_list=None, counter=None, environ=None):
    """Return the byte-range source for an out-db path (text or ParsedPath).

    Raises AccessDeniedError when `allow_list` (None: no allow-list) does not allow the
    path; redirects are followed only to allowed locations. Options missing from
    `options` are taken from `environ` (None: the process environment; {}: nowhere).
    Remote sources fetch nothing until first used.
    """
    parsed = path if isinstance(path, ParsedPath) else parse_outdb_path(path)
    check_access(parsed, allow_list)
    if parsed.scheme == "file":
        return FileSource(parsed.location, counter=counter)
    if parsed.scheme in ("http", "https"):
        return HttpSource(parsed.location, options=options, allow_list=allow_list, counter=counter,
                          environ=environ)
    if parsed.scheme == "swift":
        from .swift import SwiftSource
        return SwiftSource(parsed.bucket, parsed.key, options=options, counter=counter, environ=environ)
    from .s3 import S3Source
    return S3Source(parsed.bucket, parsed.key, options=options, counter=counter, environ=environ)


__all__ = [
    "FileSource", "HttpOptions", "HttpSource", "IOCounter", "IOStats", "ObjectChangedError",
    "ParsedPath", "RemoteSource", "S3Source", "SwiftSource", "check_access", "check_host",
    "io_counter", "is_access_allowed", "is_forbidden_address", "is_redirect_allowed",
    "open_source", "parse_outdb_path", "reset", "safe_url",
]
