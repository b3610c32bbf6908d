"""What a path means, decided once: the canonical spelling of URL paths, object keys and
local paths, and the refusal of every spelling two parsers could read differently.

The allow-list compares canonical spellings, and the canonical spelling is also what is
sent to the server, so the location checked is the location read. A spelling whose
meaning depends on who reads it is refused (AmbiguousPathError, 42501: nobody may read
it, whatever the allow-list says) rather than guessed at:

    URL paths    encoded '/', '\\', '%' (double encoding), ';' (path parameters),
                 NUL and control characters, raw or encoded; '\\' and ';' raw;
                 '..' and '%2e'-spelled dot segments; '//' (nginx merges slashes, other
                 servers do not); malformed '%' escapes; bytes that are not UTF-8
                 (overlong '%c0%ae' is a '.' to some decoders); characters that Unicode
                 compatibility normalisation turns into '.', '/', '\\', '%' or ';'
    object keys  (Swift, S3) '.', '..' and empty segments (the HTTP client resolves
                 them before the store sees them), '\\', '%', control characters
    local paths  control characters; '.' segments and repeated '/' are dropped (they
                 mean nothing to the kernel); '..' is kept, for the allow-list to refuse
                 (with symbolic links, 'a/..' is not what it looks like)

A raw '.' segment in a URL path is dropped ('/a/./b' is '/a/b' to every server).
"""

import re
import unicodedata
import urllib.parse

from plraster.core.errors import AccessDeniedError, InvalidParameterError


class AmbiguousPathError(AccessDeniedError):
    """An out-db path whose meaning depends on who parses it (SQLSTATE 42501).

    Defined here, like the storage layer's other private errors, because errors.py is
    shared; an AccessDeniedError, since reading it is refused as a matter of security.
    """

# Characters a URL path segment keeps unencoded: RFC 3986 pchar without ';' (path
# parameters to some servers) and without '%' (always an escape).
_SEGMENT_SAFE = "!$&'()*+,=:@-._~"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1 controls
# What a decoded URL segment must not contain: separators and escapes another parser may
# split on or decode again.
_AMBIGUOUS_DECODED = frozenset("/\\%;")
_AMBIGUOUS_RAW = frozenset("\\;")
_DOTS_AND_SPACES = re.compile(r"[. ]*\Z")


def _refuse(what, why, hint=None):
    return AmbiguousPathError(f"ambiguous {what} in out-db path", detail=why, hint=hint)


def _compatibility_ambiguous(text):
    # Fullwidth '．' or '／', one-dot leader '․', ...: servers that NFKC-normalise read them
    # as separators or dots.
    for ch in text:
        if ord(ch) > 0x7f:
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and any(c in "./\\%;" for c in folded):
                return True
    return False


def _decode_segment(raw):
    """Percent-decode one URL path segment strictly; AmbiguousPathError when ambiguous."""
    if "%" in raw and len(_ESCAPE.findall(raw)) != raw.count("%"):
        raise _refuse("percent escape", 'A "%" in the URL path is not followed by two hexadecimal digits.')
    try:
        raw_bytes = bytearray()
        i = 0
        while i < len(raw):
            if raw[i] == "%":
                raw_bytes.append(int(raw[i + 1:i + 3], 16))
                i += 3
            else:
                raw_bytes += raw[i].encode("utf-8")
                i += 1
        decoded = bytes(raw_bytes).decode("utf-8")
    except UnicodeError:
        raise _refuse("encoding", "The URL path decodes to bytes that are not UTF-8.") from None
    if _CONTROL.search(decoded):
        raise _refuse("control character", "The URL path contains a NUL or control character, raw or encoded.")
    bad = _AMBIGUOUS_DECODED.intersection(decoded)
    if bad:
        names = ", ".join(f'"{c}"' for c in sorted(bad))
        raise _refuse("encoded separator",
                      f"The URL path contains {names}, raw or percent-encoded, which servers read differently.",
                      hint="Spell the path without encoded separators, escapes or path parameters.")
    if _compatibility_ambiguous(decoded):
        raise _refuse("character", "The URL path contains a character that Unicode normalisation turns "
                                   "into a dot or a separator.")
    return decoded


def canonical_url_path(path):
    """The canonical spelling of an http(s) URL path: decoded once, '.' segments dropped,
    re-encoded; AmbiguousPathError for an ambiguous path (see the module doc)."""
    if not path:
        return "/"
    if not path.startswith("/"):
        raise _refuse("url path", "The URL path does not start with a slash.")
    if _CONTROL.search(path):
        raise _refuse("control character", "The URL path contains a NUL or control character, raw or encoded.")
    bad = _AMBIGUOUS_RAW.intersection(path)
    if bad:
        names = ", ".join(f'"{c}"' for c in sorted(bad))
        raise _refuse("separator", f"The URL path contains {names}, which servers read differently.")
    raw_segments = path[1:].split("/")
    out = []
    for index, raw in enumerate(raw_segments):
        last = index == len(raw_segments) - 1
        if raw == "":
            if last:
                out.append("")  # a trailing slash
                continue
            raise _refuse("empty segment", 'The URL path contains "//", which some servers merge and others do not.')
        decoded = _decode_segment(raw)
        if raw == ".":
            if last:
                out.append("")
            continue
        if _DOTS_AND_SPACES.match(decoded):
            raise _refuse("dot segment",
                          'The URL path contains a ".." segment, or a segment of dots spelled another '
                          'way (percent-encoded, or with trailing dots or spaces).')
        out.append(urllib.parse.quote(decoded, safe=_SEGMENT_SAFE))
    return "/" + "/".join(out)


def check_url_query(query):
    """Refuse a query string with control characters (a header injection elsewhere)."""
    if _CONTROL.search(urllib.parse.unquote(query)):
        raise _refuse("control character", "The URL query contains a NUL or control character, raw or encoded.")


def check_object_key(scheme, key, allow_empty=False, trailing_slash=False):
    """Refuse a Swift object name or S3 key that a client or store may resolve differently.

    `allow_empty` admits an empty key (a prefix naming a whole bucket); `trailing_slash`
    admits an empty last segment (a prefix ending in '/')."""
    what = "object name" if scheme == "swift" else "key"
    if not key:
        if allow_empty:
            return key
        raise _refuse(what, f"The {what} is empty.")
    if _CONTROL.search(key):
        raise _refuse("control character", f"The {what} contains a NUL or control character.")
    for ch in "\\%":
        if ch in key:
            raise _refuse(what, f'The {what} contains "{ch}", which stores and proxies read differently.')
    segments = key.split("/")
    for index, segment in enumerate(segments):
        if segment == "" and trailing_slash and index == len(segments) - 1 and index > 0:
            continue
        if _DOTS_AND_SPACES.match(segment):
            raise _refuse(what, f'The {what} has an empty segment or one of dots (".", "..", ". ."), which '
                                f'HTTP clients and some stores resolve before reading.')
    if _compatibility_ambiguous(key):
        raise _refuse("character", f"The {what} contains a character that Unicode normalisation turns "
                                   f"into a dot or a separator.")
    return key


_BUCKET = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*\Z")


def check_bucket(scheme, bucket):
    """Refuse a container or bucket name that is not a plain name (no '.', '..', escapes)."""
    name = "container" if scheme == "swift" else "bucket"
    if not _BUCKET.match(bucket) or bucket in (".", ".."):
        raise InvalidParameterError(
            f"invalid {name} name in out-db path",
            detail=f"A {name} name is made of letters, digits and '.', '_', '~', '-' and does not "
                   f"start with '.'.")
    return bucket


def normalise_local_path(path):
    """A local path with '.' segments and repeated '/' dropped ('..' kept: see module doc);
    AmbiguousPathError for control characters."""
    if _CONTROL.search(path):
        raise _refuse("control character", "The local path contains a NUL or control character.")
    trailing = path.endswith("/") and path != "/"
    parts = [p for p in path.split("/") if p not in ("", ".")]
    out = "/" + "/".join(parts)
    if trailing and out != "/":
        out += "/"
    return out
