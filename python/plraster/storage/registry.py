"""Module-level state: one transport (connections, auth state, thread pool) per configuration.

A PostgreSQL backend process reuses its HTTP connections, Swift token and S3 signer
across calls through this registry. `reset()` closes everything (tests, reconfiguration).
Keys hold digests of secrets, never the secrets themselves.
"""

import hashlib
import threading

from .options import HttpOptions, merge_options

_LOCK = threading.Lock()
_TRANSPORTS = {}


def config_key(kind, mapping, names, secret_names=()):
    """A hashable key for a backend configuration; secrets enter only as SHA-256 digests."""
    plain = tuple((n, mapping.get(n)) for n in names)
    secret = tuple((n, hashlib.sha256(mapping[n].encode()).hexdigest() if mapping.get(n) else None)
                   for n in secret_names)
    return (kind,) + plain + secret


def get_transport(key, factory):
    """The transport registered under `key`, created with `factory()` the first time."""
    with _LOCK:
        transport = _TRANSPORTS.get(key)
        if transport is None:
            transport = _TRANSPORTS[key] = factory()
        return transport


def http_transport(options=None, environ=None):
    """The plain http(s) transport for these options (GDAL names; see `options`)."""
    from .transport import HttpTransport

    mapping = merge_options(options, environ)
    http_options = HttpOptions.from_mapping(mapping)
    return get_transport(("http", http_options), lambda: HttpTransport(http_options))


def transports():
    """The registered transports (for tests and statistics)."""
    with _LOCK:
        return list(_TRANSPORTS.values())


def reset():
    """Close every kept connection and thread pool and forget every token."""
    with _LOCK:
        items = list(_TRANSPORTS.values())
        _TRANSPORTS.clear()
    for transport in items:
        transport.close()
