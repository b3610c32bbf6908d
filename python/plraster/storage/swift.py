"""OpenStack Swift objects (GDAL's /vsiswift/), with GDAL's configuration names.

    SWIFT_STORAGE_URL + SWIFT_AUTH_TOKEN          a ready token (not renewable alone)
    SWIFT_AUTH_V1_URL + SWIFT_USER + SWIFT_KEY    v1 auth (tempauth, swauth): the token is
                                                  fetched on first use and renewed on a 401

Both may be given: the token is used first and renewed through v1 auth.
"""

import http.client
import threading
import time
import urllib.parse

from plraster.core.errors import AccessDeniedError, InvalidParameterError, StorageError, StorageTimeoutError

from . import registry
from .counters import IO_COUNTER
from .options import SWIFT_OPTION_NAMES, SWIFT_SECRET_NAMES, HttpOptions, merge_options
from .remote import RemoteSource
from .transport import HttpTransport

OPTION_NAMES = SWIFT_OPTION_NAMES
SECRET_NAMES = SWIFT_SECRET_NAMES


class SwiftTransport(HttpTransport):
    """Requests to one Swift account, with its X-Auth-Token."""

    kind = "swift"
    redirect_off_host = False

    def __init__(self, options, mapping):
        super().__init__(options)
        self._auth_url = mapping.get("SWIFT_AUTH_V1_URL")
        self._user = mapping.get("SWIFT_USER")
        self._key = mapping.get("SWIFT_KEY")
        self._storage_url = mapping.get("SWIFT_STORAGE_URL")
        self._token = mapping.get("SWIFT_AUTH_TOKEN")
        if not (self._auth_url and self._user and self._key):
            self._auth_url = None
            if not (self._storage_url and self._token):
                raise InvalidParameterError(
                    "swift storage is not configured",
                    detail="Neither SWIFT_STORAGE_URL and SWIFT_AUTH_TOKEN nor SWIFT_AUTH_V1_URL, "
                           "SWIFT_USER and SWIFT_KEY are set.")
        self._auth_lock = threading.Lock()
        self.authentications = 0  # v1 auth requests made, for tests and statistics

    def storage_url(self):
        """The account's storage URL, authenticating first when no token is known yet."""
        with self._auth_lock:
            if self._token is None or self._storage_url is None:
                self._authenticate()
            return self._storage_url

    def object_url(self, container, name):
        """The URL of an object."""
        return "/".join((self.storage_url().rstrip("/"), urllib.parse.quote(container, safe=""),
                         urllib.parse.quote(name, safe="/")))

    def prepare(self, method, url, headers, data=None):
        """Add the current X-Auth-Token."""
        return dict(headers, **{"X-Auth-Token": self._token})

    def renew_auth(self):
        """Fetch a new token through v1 auth; False when only a fixed token is configured."""
        if self._auth_url is None:
            return False
        with self._auth_lock:
            self._authenticate()
        return True

    def _authenticate(self, counter=IO_COUNTER):
        opts = self.options
        started = time.monotonic()
        conn = response = None
        try:
            conn, response = self.send("GET", self._auth_url, {"X-Auth-User": self._user, "X-Auth-Key": self._key})
            status, headers = response.status, response.headers
        except TimeoutError:
            raise StorageTimeoutError("swift authentication timed out",
                                      detail=f"The auth endpoint did not answer within "
                                             f"{opts.read_timeout:g} seconds.") from None
        except (http.client.HTTPException, OSError) as exc:
            raise StorageError("swift authentication failed",
                               detail=f"The connection to the auth endpoint failed "
                                      f"({type(exc).__name__}).") from None
        finally:
            if conn is not None:
                self.pool.put(conn, response)
            counter.add(requests=1, seconds=time.monotonic() - started)
        self.authentications += 1
        if status in (401, 403):
            raise AccessDeniedError("swift authentication failed",
                                    detail=f"The auth endpoint answered HTTP {status}.",
                                    hint="Check SWIFT_USER and SWIFT_KEY.")
        token = headers.get("X-Auth-Token") or headers.get("X-Storage-Token")
        storage_url = headers.get("X-Storage-Url")
        if status >= 300 or not token or not storage_url:
            raise StorageError("swift authentication failed",
                               detail=f"The auth endpoint answered HTTP {status} "
                                      f"without a token and a storage URL.")
        self._token = token
        self._storage_url = storage_url


def swift_transport(options=None, environ=None):
    """The module-level SwiftTransport for these options (and environment)."""
    mapping = merge_options(options, environ)
    http_options = HttpOptions.from_mapping(mapping)
    key = registry.config_key("swift", mapping, OPTION_NAMES, SECRET_NAMES) + (http_options,)
    return registry.get_transport(key, lambda: SwiftTransport(http_options, mapping))


class SwiftSource(RemoteSource):
    """An object in a Swift container (swift://container/object, /vsiswift/container/object)."""

    def __init__(self, container, name, options=None, counter=None, transport=None, environ=None):
        transport = transport or swift_transport(options, environ)
        super().__init__(transport, transport.object_url(container, name),
                         f"swift://{container}/{name}", None, counter)
