"""Which out-db sources may be read, and with which storage options (no plpy here).

A superuser opens a source with `plraster_add_source(prefix, options)`; until then every
out-db path is refused. The rows live in a superuser-owned table that SQL users cannot
read; `plraster.sqlapi.outdb` loads them through a SECURITY DEFINER function that answers
only while `trusted_read()` is active (see that module), and installs the loader here.

Per backend the rows are cached as a `SourceConfig`; a change made by
plraster_add_source/drop_source writes a stamp file in the data directory (the backend's
working directory), and `current()` re-reads the rows when the stamp's inode, size or
mtime differ from the ones seen at the last load: one os.stat per call, no SPI.
"""

import contextlib
import dataclasses
import importlib
import os
import sys
import threading
import time
import typing

from plraster.core.errors import AccessDeniedError, InvalidParameterError
from plraster.storage import check_access, parse_outdb_path
from plraster.storage.options import (S3_OPTION_NAMES, S3_SECRET_NAMES, SWIFT_OPTION_NAMES,
                                      SWIFT_SECRET_NAMES, HttpOptions, merge_options, parse_bool)
from plraster.storage.canonical import AmbiguousPathError
from plraster.storage.paths import ParsedPath, parse_outdb_prefix

# Option names a source accepts: GDAL's names, as the storage layer reads them.
TRANSPORT_OPTIONS = (
    "GDAL_HTTP_CONNECTTIMEOUT", "GDAL_HTTP_TIMEOUT", "GDAL_HTTP_MAX_RETRY", "GDAL_HTTP_RETRY_DELAY",
    "PLRASTER_HTTP_MAX_RETRY_DELAY", "GDAL_HTTP_MULTIRANGE", "PLRASTER_HTTP_MAX_CONCURRENCY",
    "GDAL_INGESTED_BYTES_AT_OPEN", "PLRASTER_HTTP_MAX_REDIRECTS", "PLRASTER_HTTP_MAX_WHOLE_OBJECT",
    "GDAL_HTTP_USERAGENT", "GDAL_HTTP_UNSAFESSL",
)
# plraster's own: PLRASTER_WRITABLE=YES opens the source for plraster_write_cog too;
# PLRASTER_UPLOAD_PART_SIZE is the part size of its uploads (storage.upload).
WRITABLE_OPTION = "PLRASTER_WRITABLE"
UPLOAD_OPTIONS = (WRITABLE_OPTION, "PLRASTER_UPLOAD_PART_SIZE")
SECRET_OPTIONS = SWIFT_SECRET_NAMES + S3_SECRET_NAMES + ("AWS_ACCESS_KEY_ID",)
PLAIN_OPTIONS = tuple(n for n in TRANSPORT_OPTIONS + SWIFT_OPTION_NAMES + S3_OPTION_NAMES
                      + UPLOAD_OPTIONS if n not in SECRET_OPTIONS)
KNOWN_OPTIONS = frozenset(PLAIN_OPTIONS + SECRET_OPTIONS)
MASK = "********"

STAMP_NAME = "plraster_outdb.stamp"


def validate_options(options):
    """Return the options with upper-case names and text values; InvalidParameterError (22023)
    for an unknown name or a value the storage layer would refuse. Never echoes a value."""
    if options is None:
        return {}
    if not isinstance(options, dict):
        raise InvalidParameterError("out-db source options must be a json object")
    out = {}
    for name, value in options.items():
        key = str(name).upper()
        if key not in KNOWN_OPTIONS:
            raise InvalidParameterError(
                f'unknown out-db source option "{name}"',
                detail="Options use GDAL's configuration names: " + ", ".join(sorted(KNOWN_OPTIONS)) + ".")
        if value is None or isinstance(value, (dict, list)):
            raise InvalidParameterError(f'invalid value for out-db source option "{key}"',
                                        detail="Option values are text, numbers or booleans.")
        if isinstance(value, bool):
            value = "YES" if value else "NO"
        out[key] = str(value)
    HttpOptions.from_mapping(out)  # raises 22023 for a bad timeout, retry count, ...
    parse_bool(WRITABLE_OPTION, out.get(WRITABLE_OPTION))
    return out


def masked_options(options):
    """The options as they may be shown: secret values replaced by MASK."""
    return {k: (MASK if k not in PLAIN_OPTIONS else v) for k, v in sorted(options.items())}


def validate_prefix(prefix):
    """Return the canonical spelling of an allow-list prefix; 22023 for a malformed one."""
    if prefix is None or not str(prefix).strip():
        raise InvalidParameterError("out-db source prefix must not be empty")
    try:
        parsed = parse_outdb_prefix(str(prefix))
    except AmbiguousPathError as exc:  # a superuser's malformed argument, not a refused read
        raise InvalidParameterError(exc.message, detail=exc.detail, hint=exc.hint) from None
    if parsed.scheme in ("http", "https") and "?" in parsed.location:
        raise InvalidParameterError("out-db source prefix must not have a query string",
                                    detail="Prefixes are matched against the path of a URL.")
    if parsed.scheme == "file" and not parsed.location.startswith("/"):
        raise InvalidParameterError("out-db source prefix must be an absolute path")
    return parsed.location


@dataclasses.dataclass(frozen=True)
class Source:
    """One opened source: a canonical prefix and its storage options."""

    prefix: str
    options: typing.Mapping[str, str]

    @property
    def parsed(self):
        """The prefix as a ParsedPath."""
        return parse_outdb_prefix(self.prefix)


@dataclasses.dataclass(frozen=True)
class SourceConfig:
    """Every opened source of the database."""

    sources: typing.Tuple[Source, ...] = ()

    @property
    def allow_list(self):
        """The prefixes, as the storage layer's allow-list."""
        return [s.prefix for s in self.sources]

    def resolve(self, parsed):
        """Return (options, allow_list) for an out-db path; AccessDeniedError (42501) naming
        the path when no source allows it. The longest matching prefix gives the options."""
        check_data_directory(parsed)
        best = None
        for source in self.sources:
            try:
                check_access(parsed, [source.prefix])
            except AccessDeniedError:
                continue
            if best is None or len(source.prefix) > len(best.prefix):
                best = source
        if best is None:
            raise AccessDeniedError(
                f'out-db path "{parsed.display()}" is not allowed',
                detail="The path does not lie under any out-db source." if self.sources else
                "No out-db source is open in this database.",
                hint="A superuser can open one with plraster_add_source(prefix, options).")
        options = merge_options(best.options, environ={})
        return options, self.allow_list

    def resolve_writable(self, parsed):
        """The storage options for writing at an out-db path: the source that gives its
        options (the longest matching prefix) must be open for writing (PLRASTER_WRITABLE),
        else AccessDeniedError (42501)."""
        options, _ = self.resolve(parsed)
        if not parse_bool(WRITABLE_OPTION, options.get(WRITABLE_OPTION)):
            raise AccessDeniedError(
                f'out-db path "{parsed.display()}" is not open for writing',
                detail="Its source is open for reading only.",
                hint="A superuser can open it for writing with plraster_add_source(prefix, "
                     "'{\"PLRASTER_WRITABLE\": true}') (credentials included).")
        return options


def check_data_directory(parsed):
    """Refuse local paths inside the data directory (the backend's working directory),
    whatever the sources say: they hold other users' data and the server's configuration."""
    if parsed.scheme != "file":
        return
    try:
        data_dir = os.path.realpath(os.getcwd())
    except OSError:
        return
    for candidate in (os.path.normpath(parsed.location), os.path.realpath(parsed.location)):
        if candidate == data_dir or candidate.startswith(data_dir.rstrip("/") + "/"):
            raise AccessDeniedError(
                f'out-db path "{parsed.display()}" is not allowed',
                detail="Files inside the database server's data directory are never read.")


# --- the per-backend cache -----------------------------------------------------------------

_LOCK = threading.RLock()
_state = {"config": None, "stamp": None, "final": False}
_loader = None  # installed by plraster.sqlapi.outdb: () -> (rows, final)
_settings = {"reader": None, "interval": 1.0, "read_at": 0.0}
_trusted = threading.local()


def install_loader(loader, settings_reader=None, settings_interval=1.0):
    """Install the function that reads the source rows: () -> ([(prefix, options dict)], final).

    `final` is False while the transaction that last changed the rows is still open, so
    they are read again on the next call. `settings_reader()` (re)reads the cache
    settings, at most once per `settings_interval` seconds."""
    global _loader
    _loader = loader
    _settings.update(reader=settings_reader, interval=settings_interval)


@contextlib.contextmanager
def trusted_read():
    """Mark the library's own read of the source rows (see plraster.sqlapi.outdb)."""
    _trusted.active = True
    try:
        yield
    finally:
        _trusted.active = False


def is_trusted_read():
    """True only inside `trusted_read()`, in the thread that entered it."""
    return getattr(_trusted, "active", False)


_STAMP_PATH = {}  # working directory -> the stamp file's path in it


def stamp_path():
    """The stamp file: in the data directory, which is every backend's working directory."""
    cwd = os.getcwd()
    path = _STAMP_PATH.get(cwd)
    if path is None:
        path = _STAMP_PATH[cwd] = os.path.join(cwd, STAMP_NAME)
    return path


def _stamp():
    try:
        st = os.stat(stamp_path())
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def touch_stamp(text):
    """Replace the stamp file (atomically) so that every backend re-reads the sources."""
    path = stamp_path()
    tmp = f"{path}.{os.getpid()}"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def set_config(config):
    """Use this configuration until the stamp changes (tests without PostgreSQL use it)."""
    with _LOCK:
        _state.update(config=config, stamp=_stamp(), final=True)


def _ensure_wired():
    # Inside PostgreSQL a library function (ST_Value, ...) may meet an out-db band before
    # any out-db SQL function ran in this backend: import the SQL adapter, which installs
    # the loader and the interrupt check. Outside PostgreSQL there is no plpy module.
    if _loader is None and "plpy" in sys.modules:
        importlib.import_module("plraster.sqlapi.outdb")


def current():
    """The SourceConfig of this backend, re-read when the stamp file changed."""
    _ensure_wired()
    reader = _settings["reader"]
    if reader is not None:
        now = time.monotonic()
        if now - _settings["read_at"] >= _settings["interval"]:
            _settings["read_at"] = now
            reader()
    stamp = _stamp()
    with _LOCK:
        if _state["config"] is not None and _state["final"] and stamp == _state["stamp"]:
            return _state["config"]
        if _loader is None:
            return _state["config"] or SourceConfig()
    rows, final = _loader()
    config = SourceConfig(tuple(Source(p, dict(o)) for p, o in rows))
    with _LOCK:
        _state.update(config=config, stamp=stamp, final=final)
    return config


def reset():
    """Forget the cached configuration."""
    with _LOCK:
        _state.update(config=None, stamp=None, final=False)
        _RESOLVED.clear()


_RESOLVED = {}  # (id of the SourceConfig, path text) -> (parsed, options, allow_list)
_RESOLVED_MAX = 1024


def resolve(path):
    """(ParsedPath, options, allow_list) of an out-db path text; 42501 when not allowed.

    Successful resolutions are remembered for the current configuration, so that a
    statement calling ST_Value for every pixel parses and checks its path once."""
    config = current()
    key = (id(config), path)
    hit = _RESOLVED.get(key)
    if hit is not None and hit[0] is config:
        return hit[1]
    parsed = path if isinstance(path, ParsedPath) else parse_outdb_path(path)
    options, allow_list = config.resolve(parsed)
    if len(_RESOLVED) >= _RESOLVED_MAX:
        _RESOLVED.clear()
    _RESOLVED[key] = (config, (parsed, options, allow_list))
    return parsed, options, allow_list
