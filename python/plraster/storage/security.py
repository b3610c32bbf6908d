"""Which out-db locations may be read: the allow-list and the address guard.

The allow-list is a list of prefixes in any spelling `parse_outdb_path` accepts
('/data/rasters/', 'https://tiles.example.org/cogs/', '/vsis3/bucket/prefix/').
A location is allowed when its canonical form (`plraster.storage.canonical`: decoded
once, dot segments resolved, re-encoded; ambiguous spellings refused before this point)
starts with a prefix's canonical form: a prefix ending in '/' matches anything below it;
any other prefix matches itself and what lies below it as a directory ('/data/a' allows
'/data/a/x.tif', not '/data/ab'). For http(s) the scheme, host and port must be equal and
the prefix is matched against the path alone (never the query string). The canonical
location is also what the storage layer requests, so what is checked is what is read;
every redirect is parsed and checked the same way before it is followed.

Whatever the allow-list says, http(s) connections to link-local addresses
(169.254.0.0/16, fe80::/10, where cloud metadata services live) are refused, checked
on the address actually connected to, so a host name that resolves there is caught.
"""

import ipaddress
import os
import socket

from plraster.core.errors import AccessDeniedError

from .paths import has_dot_dot, parse_outdb_path, parse_outdb_prefix

# Link-local ranges and well-known metadata addresses outside them.
FORBIDDEN_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "169.254.0.0/16",      # IPv4 link-local, AWS/GCP/Azure/OpenStack metadata 169.254.169.254
    "fe80::/10",           # IPv6 link-local
    "fd00:ec2::254/128",   # AWS metadata over IPv6
    "100.100.100.200/32",  # Alibaba Cloud metadata
))


def is_forbidden_address(address):
    """True when an IP address (text or ipaddress object) is link-local or a metadata service."""
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in net for net in FORBIDDEN_NETWORKS)


def check_host(host, port=None, resolver=socket.getaddrinfo):
    """Raise AccessDeniedError when `host` is, or resolves to, a forbidden address.

    Resolution failures are left to the connection attempt that follows.
    """
    try:
        addresses = [host] if _is_ip(host) else [
            info[4][0] for info in resolver(host, port, 0, socket.SOCK_STREAM)]
    except (OSError, UnicodeError):
        return
    for address in addresses:
        if is_forbidden_address(address):
            raise forbidden_address_error(host)


def forbidden_address_error(host):
    """The AccessDeniedError for a connection to a link-local or metadata address."""
    return AccessDeniedError(
        "access to a link-local address is not allowed",
        detail=f'The host "{host}" is, or resolves to, a link-local or cloud metadata address.')


def _is_ip(host):
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
        return True
    except ValueError:
        return False


def parse_allow_list(prefixes):
    """Parse allow-list prefixes (any spelling) into ParsedPath objects."""
    return [parse_outdb_prefix(p) for p in prefixes]


def is_access_allowed(parsed, allow_list):
    """True when the out-db location `parsed` lies under a prefix of `allow_list`.

    `allow_list` is None (no allow-list: everything allowed) or a list of prefixes.
    Locations with '..' segments are refused. Local paths are checked twice: as
    written, and with symbolic links resolved (os.path.realpath) against the resolved
    prefix, so a link inside an allowed directory cannot point outside it.
    """
    if allow_list is None:
        return True
    if has_dot_dot(_path_part(parsed)):
        return False
    for prefix in parse_allow_list(allow_list):
        if prefix.scheme != parsed.scheme or has_dot_dot(_path_part(prefix)):
            continue
        if parsed.scheme == "file":
            if _file_under(parsed.location, prefix.location):
                return True
        elif parsed.scheme in ("http", "https"):
            if _origin(parsed) == _origin(prefix) and _prefix_match(_path_part(parsed), _path_part(prefix)):
                return True
        elif _prefix_match(parsed.location, prefix.location):
            return True
    return False


def check_access(parsed, allow_list):
    """Raise AccessDeniedError unless `is_access_allowed(parsed, allow_list)`."""
    if not is_access_allowed(parsed, allow_list):
        raise AccessDeniedError(
            f'out-db path "{parsed.display()}" is not allowed',
            detail="The path does not lie under any prefix of the out-db allow-list.",
            hint="A superuser can add a prefix to the allow-list.")


def is_redirect_allowed(target_url, allow_list):
    """True when a redirect to `target_url` may be followed: http(s), unambiguous, allowed.

    The target is parsed as an out-db path, so a spelling that `canonical` refuses (an
    encoded separator, a dot segment, '//', ...) is never followed; what remains differs
    from its canonical form only in ways every server reads alike ('.' segments, escapes
    of unreserved characters), so the request the transport sends means what was checked.
    """
    try:
        parsed = parse_outdb_path(target_url)
    except Exception:
        return False
    if parsed.scheme not in ("http", "https"):
        return False
    return is_access_allowed(parsed, allow_list)


def _path_part(parsed):
    if parsed.scheme in ("http", "https"):
        rest = parsed.location.split("://", 1)[1]
        path = "/" + rest.partition("/")[2]
        return path.split("?", 1)[0]
    if parsed.scheme == "file":
        return parsed.location
    return parsed.key or ""


def _origin(parsed):
    return parsed.location.split("://", 1)[0], parsed.location.split("://", 1)[1].partition("/")[0]


def _prefix_match(location, prefix):
    if prefix.endswith("/"):
        return location.startswith(prefix)
    return location == prefix or location.startswith(prefix + "/")


def _file_under(path, prefix):
    norm_path = os.path.normpath(path)
    norm_prefix = os.path.normpath(prefix)
    if prefix.endswith("/") or norm_prefix == "/":
        norm_prefix = norm_prefix.rstrip("/") + "/"
    if not _prefix_match(norm_path, norm_prefix):
        return False
    real_path = os.path.realpath(norm_path)
    real_prefix = os.path.realpath(norm_prefix)
    if norm_prefix.endswith("/"):
        real_prefix = real_prefix.rstrip("/") + "/"
    return _prefix_match(real_path, real_prefix)
