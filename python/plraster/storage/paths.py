"""Out-db paths in GDAL's spellings, parsed into one form.

`raster2pgsql -R` stores whatever path GDAL opened, so the same spellings are read here:

    /data/dem.tif                        local file (absolute)
    http://host/dem.tif                  /vsicurl/http://host/dem.tif   (and https)
    swift://container/dir/dem.tif        /vsiswift/container/dir/dem.tif
    s3://bucket/dir/dem.tif              /vsis3/bucket/dir/dem.tif
    GTIFF_DIR:2:<any of the above>       the 2nd IFD of that file (1-based)

Parsing is lexical: nothing is resolved or fetched. The location is canonical (see
`plraster.storage.canonical`): one spelling per object, the one checked against the
allow-list and the one read; spellings that two parsers could read differently are refused
(22023). In local paths `..` segments are kept, for the allow-list to refuse.
"""

import dataclasses
import re
import typing
import urllib.parse

from plraster.core.errors import InvalidParameterError, UnsupportedError

from .canonical import (AmbiguousPathError, canonical_url_path, check_bucket, check_object_key, check_url_query,
                        normalise_local_path)

SCHEMES = ("file", "http", "https", "swift", "s3")

_GTIFF_DIR = re.compile(r"GTIFF_DIR:(\d+):(.*)\Z", re.DOTALL)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# GDAL virtual file systems plraster does not read; named so the error says which.
_UNSUPPORTED_VSI = (
    "/vsicurl_streaming/", "/vsis3_streaming/", "/vsiswift_streaming/", "/vsigs/",
    "/vsiaz/", "/vsiadls/", "/vsioss/", "/vsiwebhdfs/", "/vsihdfs/", "/vsizip/",
    "/vsigzip/", "/vsitar/", "/vsimem/", "/vsistdin/", "/vsisubfile/", "/vsicrypt/",
    "/vsicached?", "/vsicurl?",
)


@dataclasses.dataclass(frozen=True)
class ParsedPath:
    """An out-db path: where the bytes live and which IFD of the file is meant.

    scheme     'file', 'http', 'https', 'swift' or 's3'
    location   canonical spelling: an absolute path, an http(s) URL with a lowercase
               scheme and host and no default port, 'swift://container/object' or
               's3://bucket/key'
    bucket     the Swift container or S3 bucket (None for file and http)
    key        the Swift object or S3 key (None for file and http)
    ifd_index  n of a 'GTIFF_DIR:n:' prefix (1-based), or None
    """

    scheme: str
    location: str
    bucket: typing.Optional[str] = None
    key: typing.Optional[str] = None
    ifd_index: typing.Optional[int] = None

    @property
    def path(self):
        """The local file path (scheme 'file'), else None."""
        return self.location if self.scheme == "file" else None

    @property
    def url(self):
        """The http(s) URL (schemes 'http' and 'https'), else None."""
        return self.location if self.scheme in ("http", "https") else None

    def display(self):
        """The location as it may appear in a message: no user info, no query string."""
        if self.scheme in ("http", "https"):
            return safe_url(self.location)
        return self.location


def parse_outdb_path(text):
    """Parse an out-db path in any of GDAL's spellings into a ParsedPath.

    Raises InvalidParameterError for a malformed path and UnsupportedError for a GDAL
    virtual file system plraster does not read.
    """
    if not isinstance(text, str):
        raise InvalidParameterError("out-db path must be text",
                                    detail=f"A value of type {type(text).__name__} was given.")
    ifd_index = None
    match = _GTIFF_DIR.match(text)
    if match:
        ifd_index = int(match.group(1))
        if ifd_index < 1:
            raise InvalidParameterError(
                "invalid GTIFF_DIR index", detail="The directory index of GTIFF_DIR:n: starts at 1.")
        text = match.group(2)
    elif text.startswith("GTIFF_DIR:") or text.startswith("GTIFF_RAW:"):
        raise InvalidParameterError(
            "invalid GTIFF_DIR prefix",
            detail="The prefix must be GTIFF_DIR:n: with a positive integer n.")
    if not text:
        raise InvalidParameterError("out-db path is empty")
    if "\x00" in text:
        raise InvalidParameterError("out-db path contains a NUL character")
    for prefix in _UNSUPPORTED_VSI:
        if text.startswith(prefix):
            raise UnsupportedError(
                f'GDAL virtual file system "{prefix.rstrip("/?")}" is not supported',
                detail="plraster reads local files, http(s), Swift and S3 out-db paths.")
    parsed = _parse_location(text)
    return dataclasses.replace(parsed, ifd_index=ifd_index)


def parse_outdb_prefix(text):
    """Parse an allow-list prefix: any out-db spelling, where a bucket or container alone
    ('s3://bucket', '/vsiswift/container/') stands for everything in it."""
    if isinstance(text, ParsedPath):
        return text
    if not text or text.startswith("GTIFF_DIR:"):
        raise InvalidParameterError("invalid out-db prefix",
                                    detail="A prefix is a path or URL without a GTIFF_DIR: prefix.")
    return _parse_location(text, prefix=True)


def _parse_location(text, prefix=False):
    lower = text[:16].lower()
    if text.startswith("/vsicurl/"):
        inner = text[len("/vsicurl/"):]
        if not inner.lower().startswith(("http://", "https://")):
            raise UnsupportedError(
                "/vsicurl/ path is not an http(s) URL",
                detail="Only http:// and https:// URLs are read after /vsicurl/.")
        return _parse_http(inner)
    if lower.startswith(("http://", "https://")):
        return _parse_http(text)
    if text.startswith("/vsiswift/"):
        return _parse_bucket_key("swift", text[len("/vsiswift/"):], text, prefix)
    if lower.startswith("swift://"):
        return _parse_bucket_key("swift", text[len("swift://"):], text, prefix)
    if text.startswith("/vsis3/"):
        return _parse_bucket_key("s3", text[len("/vsis3/"):], text, prefix)
    if lower.startswith("s3://"):
        return _parse_bucket_key("s3", text[len("s3://"):], text, prefix)
    if text.startswith("/vsi"):
        raise UnsupportedError(
            "GDAL virtual file system is not supported",
            detail="plraster reads local files, http(s), Swift and S3 out-db paths.")
    if lower.startswith("file://"):
        text = _parse_file_url(text)
    elif re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text):
        scheme = text.split(":", 1)[0]
        raise UnsupportedError(f'out-db URL scheme "{scheme}" is not supported',
                               detail="plraster reads local files, http(s), Swift and S3 out-db paths.")
    if not text.startswith("/"):
        raise InvalidParameterError(
            "out-db path must be absolute", detail=f'The path "{text}" is relative.')
    return ParsedPath("file", normalise_local_path(text))


def _parse_file_url(text):
    """The local path of a file:// URL: no host but localhost, no query, decoded once."""
    parts = urllib.parse.urlsplit(text)
    if parts.netloc.lower() not in ("", "localhost"):
        # GDAL and plraster read local files only: a host would be silently ignored.
        raise InvalidParameterError("file URL in out-db path names a host",
                                    detail="Only file:///path and file://localhost/path are accepted.")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise InvalidParameterError("file URL in out-db path has a query or a fragment",
                                    detail="A file URL names a local path and nothing else.")
    try:
        path = urllib.parse.unquote(parts.path, errors="strict")
    except UnicodeError:
        raise InvalidParameterError("file URL in out-db path is not UTF-8",
                                    detail="The percent-decoded path is not valid UTF-8.") from None
    if "\x00" in path:
        raise InvalidParameterError("out-db path contains a NUL character")
    return path


_CONTROL_OR_BACKSLASH = re.compile(r"[\x00-\x20\x7f\\]")
_HOST = re.compile(r"[a-z0-9_.-]+\Z|\[[0-9a-f:.]+\]\Z")


def _parse_http(text):
    # Parsers disagree on where the host ends when a URL holds a backslash, a tab or a
    # newline (WHATWG reads '\\' as '/', urlsplit strips tabs): refuse those outright.
    if _CONTROL_OR_BACKSLASH.search(text):
        raise AmbiguousPathError(
            "URL in out-db path contains a backslash, a space or a control character",
            detail="Such URLs are read differently by different parsers; percent-encode spaces.")
    parts = urllib.parse.urlsplit(text)
    scheme = parts.scheme.lower()
    try:
        host = parts.hostname
        port = parts.port
    except ValueError:
        raise InvalidParameterError("invalid URL in out-db path",
                                    detail="The host or port of the URL cannot be parsed.") from None
    if not host:
        raise InvalidParameterError("URL in out-db path has no host")
    if not _HOST.match(f"[{host}]" if ":" in host else host):
        raise InvalidParameterError("invalid host in out-db URL",
                                    detail="A host is a name of letters, digits, '.', '-' and '_', "
                                           "or an IP address.")
    host = host.rstrip(".")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    if userinfo:
        # Credentials in an out-db path would end up in every message and log.
        raise InvalidParameterError(
            "URL in out-db path contains credentials",
            detail="User names and passwords are not accepted in out-db URLs.",
            hint="Configure credentials with the server's storage options instead.")
    path = canonical_url_path(parts.path or "/")
    check_url_query(parts.query)
    location = urllib.parse.urlunsplit((scheme, netloc, path, parts.query, ""))
    return ParsedPath(scheme, location)


def _parse_bucket_key(scheme, rest, original, prefix=False):
    bucket, _, key = rest.partition("/")
    if prefix and bucket:
        check_bucket(scheme, bucket)
        check_object_key(scheme, key, allow_empty=True, trailing_slash=True)
        return ParsedPath(scheme, f"{scheme}://{bucket}/{key}", bucket=bucket, key=key)
    if bucket and key:
        check_bucket(scheme, bucket)
        check_object_key(scheme, key)
    if not bucket or not key:
        name = "container" if scheme == "swift" else "bucket"
        raise InvalidParameterError(
            f"{scheme} out-db path needs a {name} and an object name",
            detail=f'The path "{original}" does not have the form {scheme}://{name}/object.')
    return ParsedPath(scheme, f"{scheme}://{bucket}/{key}", bucket=bucket, key=key)


def safe_url(url):
    """An http(s) URL as it may appear in a message: no user info, query or fragment.

    Query strings carry signatures (presigned S3 URLs, Swift temp URLs), so they are
    replaced by '?...'.
    """
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    try:
        if parts.port is not None:
            netloc += f":{parts.port}"
    except ValueError:
        pass
    out = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    return out + ("?..." if parts.query else "")


def has_dot_dot(path):
    """True when a '/'-separated path has a '..' segment, plain or percent-encoded."""
    segments = path.split("/")
    return any(urllib.parse.unquote(s) == ".." for s in segments)
