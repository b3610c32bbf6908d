"""Storage options under GDAL's configuration names, read from a mapping or the environment.

Where GDAL has a name for a setting it is used, so a server configured for GDAL
(environment of the postmaster) configures plraster too. Settings GDAL lacks are
named PLRASTER_*.

    GDAL_HTTP_CONNECTTIMEOUT        seconds to connect (default 10)
    GDAL_HTTP_TIMEOUT               seconds to wait for bytes once connected (default 30)
    GDAL_HTTP_MAX_RETRY             retries after 5xx, 429, connection errors (default 3)
    GDAL_HTTP_RETRY_DELAY           first backoff delay in seconds, doubled each retry (0.5)
    PLRASTER_HTTP_MAX_RETRY_DELAY   cap on any one delay, Retry-After included (default 10)
    GDAL_HTTP_MULTIRANGE            PARALLEL (default: one request per range, concurrent),
                                    SERIAL (one request per range, in turn), or SINGLE_GET
                                    (one multi-range request; multipart/byteranges answers
                                    are parsed, whole-object answers are sliced)
    PLRASTER_HTTP_MAX_CONCURRENCY   requests in flight for PARALLEL (default 4)
    GDAL_INGESTED_BYTES_AT_OPEN     bytes fetched by the first request (default 16384)
    PLRASTER_HTTP_MAX_REDIRECTS     redirects followed (default 5)
    PLRASTER_HTTP_MAX_WHOLE_OBJECT  largest object accepted from a server that ignores
                                    Range and answers 200 (default 64 MiB)
    GDAL_HTTP_USERAGENT             User-Agent header
    GDAL_HTTP_UNSAFESSL             YES to skip TLS certificate checks
"""

import dataclasses
import os

from plraster.core.errors import InvalidParameterError

MULTIRANGE_MODES = ("PARALLEL", "SERIAL", "SINGLE_GET")

# The options of the Swift and S3 backends (GDAL's names), here rather than in swift.py and
# s3.py so that reading them does not import an HTTP client or botocore.
SWIFT_OPTION_NAMES = ("SWIFT_STORAGE_URL", "SWIFT_AUTH_V1_URL", "SWIFT_USER")
SWIFT_SECRET_NAMES = ("SWIFT_AUTH_TOKEN", "SWIFT_KEY")
S3_OPTION_NAMES = ("AWS_ACCESS_KEY_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_S3_ENDPOINT",
                   "AWS_HTTPS", "AWS_VIRTUAL_HOSTING", "AWS_NO_SIGN_REQUEST")
S3_SECRET_NAMES = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")


def merge_options(options=None, environ=None):
    """Explicit options over the environment, keys upper-cased, values as text."""
    merged = {}
    for source in (os.environ if environ is None else environ), (options or {}):
        for key, value in source.items():
            if value is not None:
                merged[str(key).upper()] = str(value)
    return merged


def parse_bool(name, value, default=False):
    """GDAL's booleans: YES/TRUE/ON/1 and NO/FALSE/OFF/0, case-insensitive."""
    if value is None or value == "":
        return default
    v = value.strip().upper()
    if v in ("YES", "TRUE", "ON", "1"):
        return True
    if v in ("NO", "FALSE", "OFF", "0"):
        return False
    raise InvalidParameterError(f'invalid value for storage option "{name}"',
                                detail=f'"{value}" is not a boolean (YES or NO).')


def _number(mapping, name, default, kind=float, minimum=0):
    raw = mapping.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise InvalidParameterError(f'invalid value for storage option "{name}"',
                                    detail=f'"{raw}" is not a number.') from None
    if value < minimum:
        raise InvalidParameterError(f'invalid value for storage option "{name}"',
                                    detail=f"The value must be at least {minimum}.")
    return value


@dataclasses.dataclass(frozen=True)
class HttpOptions:
    """Transport settings common to the http(s), Swift and S3 backends (no credentials)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_retry: int = 3
    retry_delay: float = 0.5
    max_retry_delay: float = 10.0
    multirange: str = "PARALLEL"
    max_concurrency: int = 4
    ingested_bytes_at_open: int = 16384
    max_redirects: int = 5
    max_whole_object: int = 64 * 1024 * 1024
    user_agent: str = "plraster"
    verify_tls: bool = True

    @classmethod
    def from_mapping(cls, mapping):
        """Read the settings from a mapping of GDAL/PLRASTER option names (see module doc)."""
        multirange = (mapping.get("GDAL_HTTP_MULTIRANGE") or "PARALLEL").upper()
        if multirange in ("YES", "ON", "TRUE"):
            multirange = "PARALLEL"
        if multirange not in MULTIRANGE_MODES:
            raise InvalidParameterError(
                'invalid value for storage option "GDAL_HTTP_MULTIRANGE"',
                detail=f'"{multirange}" is not one of {", ".join(MULTIRANGE_MODES)}.')
        return cls(
            connect_timeout=_number(mapping, "GDAL_HTTP_CONNECTTIMEOUT", cls.connect_timeout, minimum=0.001),
            read_timeout=_number(mapping, "GDAL_HTTP_TIMEOUT", cls.read_timeout, minimum=0.001),
            max_retry=_number(mapping, "GDAL_HTTP_MAX_RETRY", cls.max_retry, int),
            retry_delay=_number(mapping, "GDAL_HTTP_RETRY_DELAY", cls.retry_delay),
            max_retry_delay=_number(mapping, "PLRASTER_HTTP_MAX_RETRY_DELAY", cls.max_retry_delay),
            multirange=multirange,
            max_concurrency=_number(mapping, "PLRASTER_HTTP_MAX_CONCURRENCY", cls.max_concurrency, int, 1),
            ingested_bytes_at_open=_number(mapping, "GDAL_INGESTED_BYTES_AT_OPEN",
                                           cls.ingested_bytes_at_open, int, 1),
            max_redirects=_number(mapping, "PLRASTER_HTTP_MAX_REDIRECTS", cls.max_redirects, int),
            max_whole_object=_number(mapping, "PLRASTER_HTTP_MAX_WHOLE_OBJECT", cls.max_whole_object, int),
            user_agent=mapping.get("GDAL_HTTP_USERAGENT") or cls.user_agent,
            verify_tls=not parse_bool("GDAL_HTTP_UNSAFESSL", mapping.get("GDAL_HTTP_UNSAFESSL")),
        )
