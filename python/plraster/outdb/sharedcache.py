"""Encoded out-db blocks shared by every backend: files under the data directory.

Each backend has its own decoded-tile cache (plraster.outdb.cache), bounded per backend.
Remote blocks are also kept here, as the bytes the object store sent (compressed, several
times smaller than decoded tiles), one file per block in `plraster_cache/` of the data
directory, so that:
- a block read by one backend costs another backend a file read from the OS page cache
  instead of an HTTP request (new connections, parallel workers, poolers' backends);
- the memory they take is the page cache's, shared, and given back under pressure;
- the total is bounded for all backends together: `plraster.shared_cache_mb`, whose
  ceiling only a superuser may raise (plraster_set_limit); a session may set 0 to use
  none of it.

A block's file is named by a digest of the object's canonical location and validator
and size (the validator is the ETag, else Last-Modified) and the block's byte range: a changed object has
another validator, so its old blocks are never read again (they age out). Files are
written under a temporary name and renamed, so a reader sees a whole block or none, and
carry a CRC-32 so a damaged one is dropped, never decoded. Only objects read through the
allow-list reach here (the engine opens the object first), and only the database's OS
user can write in the data directory. Local files are not copied: the page cache already
shares them.

When the bytes written by this backend since its last sweep pass 8 MB (or a sixteenth of
the bound, if less), it sweeps (under a lock file, one backend at a time): the least
recently used files go until the total is under 80% of the bound. Between sweeps the cache
can exceed the bound by at most 8 MB per backend writing to it. A hit refreshes a file's mtime at
most once a minute.
"""

import hashlib
import os
import struct
import threading
import time
import zlib

from plraster.core import ceilings

DIRNAME = "plraster_cache"
DEFAULT_MB = 512
MB = 1024 * 1024
ceilings.register(ceilings.Limit(
    "shared_cache_mb", DEFAULT_MB, DEFAULT_MB, 0, "MB",
    "encoded out-db blocks kept on disk for all sessions together (0: none)"))
_CRC = struct.Struct("<I")
TOUCH_SECONDS = 60.0
SWEEP_TARGET = 0.8
# A backend sweeps after writing this much (or a sixteenth of the bound, if less): so all
# backends together overshoot the bound by at most max_connections x 8 MB between sweeps.
SWEEP_EVERY_BYTES = 8 * MB

_state = {"directory": None, "written": 0}
_lock = threading.Lock()


class SharedCacheStats:
    """Hits, misses and bytes written of the shared block cache in this backend."""

    hits = 0
    misses = 0
    written = 0
    sweeps = 0


STATS = SharedCacheStats()


def configure(data_directory):
    """Use `data_directory`/plraster_cache (the backend's data directory), or nothing
    when None (outside a server: tests of the library, tools)."""
    _state["directory"] = None if data_directory is None else os.path.join(data_directory, DIRNAME)


def bound_bytes():
    """The bound of the whole cache: the superuser's ceiling of shared_cache_mb."""
    return int(ceilings.ceiling("shared_cache_mb") * MB)


def enabled(opened):
    """True when blocks of this opened file go through the shared cache."""
    return (_state["directory"] is not None and bool(opened.validator)
            and not opened.location.startswith("/") and ceilings.value("shared_cache_mb") > 0
            and bound_bytes() > 0)


def _object_digest(opened):
    digest = getattr(opened, "_shared_digest", None)
    if digest is None:
        size = getattr(opened.source, "size", 0)
        digest = hashlib.sha256(("%s\0%s\0%s" % (opened.location, opened.validator, size)).encode()).hexdigest()[:40]
        opened._shared_digest = digest
    return digest


def _path(opened, offset, length):
    digest = _object_digest(opened)
    return os.path.join(_state["directory"], digest[:2], "%s-%d-%d" % (digest, offset, length))


def get(opened, offset, length):
    """The `length` bytes at `offset` of the object, from the shared cache, or None."""
    path = _path(opened, offset, length)
    try:
        with open(path, "rb") as f:
            data = f.read(length + _CRC.size + 1)
            st = os.fstat(f.fileno())
    except OSError:
        STATS.misses += 1
        return None
    if len(data) != length + _CRC.size or _CRC.unpack_from(data, length)[0] != zlib.crc32(memoryview(data)[:length]):
        _remove(path)
        STATS.misses += 1
        return None
    if time.time() - st.st_mtime > TOUCH_SECONDS:
        try:
            os.utime(path)
        except OSError:
            pass
    STATS.hits += 1
    return memoryview(data)[:length]


def has(opened, offset, length):
    """True when the shared cache holds those bytes (no read, no statistics)."""
    return os.path.exists(_path(opened, offset, length))


def put(opened, offset, data):
    """Keep the bytes at `offset` of the object (errors are ignored: a cache)."""
    length = len(data)
    path = _path(opened, offset, length)
    tmp = "%s.%d.%d.tmp" % (path, os.getpid(), threading.get_ident())
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.write(_CRC.pack(zlib.crc32(data)))
        os.replace(tmp, path)
    except OSError:
        _remove(tmp)
        return
    STATS.written += length
    with _lock:
        _state["written"] += length
        due = _state["written"] > min(bound_bytes() // 16, SWEEP_EVERY_BYTES)
        if due:
            _state["written"] = 0
    if due:
        sweep()


def sweep(bound=None):
    """Remove the least recently used files until the total is under 80% of the bound;
    skipped when another backend is sweeping."""
    import fcntl

    directory = _state["directory"]
    if directory is None:
        return
    bound = bound_bytes() if bound is None else bound
    try:
        lock = os.open(os.path.join(directory, ".sweep.lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    except OSError:
        return
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return
        STATS.sweeps += 1
        files, total = [], 0
        now = time.time()
        for sub in _scandir(directory):
            if not sub.is_dir(follow_symlinks=False):
                continue
            for entry in _scandir(sub.path):
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if entry.name.endswith(".tmp"):
                    if now - st.st_mtime > 3600:  # left by a backend that died mid-write
                        _remove(entry.path)
                    continue
                files.append((st.st_mtime, st.st_size, entry.path))
                total += st.st_size
        if total <= bound:
            return
        files.sort()
        target = bound * SWEEP_TARGET
        for _, size, path in files:
            if total <= target:
                break
            _remove(path)
            total -= size
    finally:
        os.close(lock)


def _scandir(path):
    try:
        with os.scandir(path) as it:
            return list(it)
    except OSError:
        return []


def _remove(path):
    try:
        os.unlink(path)
    except OSError:
        pass


def clear():
    """Remove every file of the shared cache (tests; plraster_cache_reset does not: the
    cache is every backend's)."""
    directory = _state["directory"]
    if directory is None:
        return
    sweep(bound=0)
