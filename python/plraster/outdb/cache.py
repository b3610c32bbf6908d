"""Per-backend caches: opened file headers, decoded tiles, assembled band windows.

All three live at module level (one PostgreSQL backend = one process), are bounded, and
are emptied by `reset()`. Statistics are kept next to them for plraster_io_stats().

Bounds (issue 9, finding 4: one entry per spelling used to grow without end):
    headers   one entry per object, not per spelling: a local file is keyed by its
              (st_dev, st_ino), so every path, link and spelling of it shares one entry;
              a remote object by its canonical URL. At most HEADER_CACHE_ENTRIES entries
              and HEADER_CACHE_BYTES bytes (bytes a remote source holds plus the block
              tables), least recently used first out. Local sources keep no descriptor
              open (plraster.storage.local), so a deleted file is never held open.
    tiles     plraster.tile_cache_mb (at most the superuser's ceiling: plraster.core.ceilings)
    bands     BAND_CACHE_ENTRIES assembled windows
"""

import collections
import dataclasses
import os
import threading
import time
import typing

from plraster.core import ceilings

MB = 1024 * 1024
DEFAULT_TILE_CACHE_MB = 64
HEADER_CACHE_ENTRIES = 512
HEADER_CACHE_BYTES = 64 * MB
# A user may lower these with SET plraster.<name>; only a superuser may raise the ceiling.
ceilings.register(ceilings.Limit(
    "tile_cache_mb", DEFAULT_TILE_CACHE_MB, DEFAULT_TILE_CACHE_MB, 0, "MB",
    "decoded out-db tiles kept per session"))
ceilings.register(ceilings.Limit(
    "header_cache_entries", HEADER_CACHE_ENTRIES, HEADER_CACHE_ENTRIES, 1, "files",
    "opened out-db file headers kept per session"))
ceilings.register(ceilings.Limit(
    "header_cache_mb", HEADER_CACHE_BYTES // MB, HEADER_CACHE_BYTES // MB, 1, "MB",
    "memory held by opened out-db file headers per session"))
# Seconds a remote header is trusted before a HEAD request checks that the object is
# unchanged (local files are checked with one fstat/stat on every use).
DEFAULT_REVALIDATE_SECONDS = 5.0
BAND_CACHE_ENTRIES = 8


@dataclasses.dataclass
class CacheStats:
    """Hits and misses of the header and tile caches."""

    header_hits: int = 0
    header_misses: int = 0
    tile_hits: int = 0
    tile_misses: int = 0


STATS = CacheStats()
_LOCK = threading.RLock()


@dataclasses.dataclass
class OpenedFile:
    """A file whose TIFF header has been read: its source, the parsed TIFF, when checked."""

    location: str
    source: typing.Any
    tiff: typing.Any
    validator: str
    checked_at: float
    generation: int  # distinguishes files re-opened under the same location


class _BoundedCache:
    """What the bounded caches share: an ordered dict of (value, bytes) and its byte total."""

    def clear(self):
        """Forget everything (an opened file's source is not closed: see `reset`)."""
        with _LOCK:
            self._items.clear()
            self.bytes = 0

    def __len__(self):
        return len(self._items)


class TileCache(_BoundedCache):
    """A bounded LRU of decoded blocks, keyed by (file generation, IFD, block index)."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items = collections.OrderedDict()

    def get(self, key):
        """The cached block (a read-only array, or None for a sparse block) or MISSING."""
        with _LOCK:
            item = self._items.get(key, MISSING)
            if item is MISSING:
                STATS.tile_misses += 1
                return MISSING
            self._items.move_to_end(key)
            STATS.tile_hits += 1
            return item[0]

    def peek(self, key):
        """The cached block or MISSING, without counting or refreshing it."""
        with _LOCK:
            item = self._items.get(key, MISSING)
            return item if item is MISSING else item[0]

    def put(self, key, block):
        """Store a block, evicting the least recently used ones past the size limit."""
        size = 0 if block is None else block.nbytes
        if block is not None:
            block.setflags(write=False)
        with _LOCK:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            if size > self.max_bytes:
                return
            self._items[key] = (block, size)
            self.bytes += size
            self._evict()

    def resize(self, max_bytes):
        """Change the size limit (evicting as needed)."""
        with _LOCK:
            self.max_bytes = max_bytes
            self._evict()

    def drop_generation(self, generation):
        """Forget every block of one opened file."""
        with _LOCK:
            for key in [k for k in self._items if k[0] == generation]:
                self.bytes -= self._items.pop(key)[1]

    def _evict(self):
        while self.bytes > self.max_bytes and self._items:
            _, (_, size) = self._items.popitem(last=False)
            self.bytes -= size


def held_bytes(opened):
    """Bytes an opened file keeps in memory: what its source holds (a remote source's
    first bytes, or a whole object from a server that ignored Range) and its block tables."""
    source = opened.source
    total = 1024  # the objects themselves
    for name in ("_head", "_whole"):
        data = getattr(source, name, None)
        if data:
            total += len(data)
    for ifd in getattr(opened.tiff, "ifds", ()):
        total += 512 + ifd.block_offsets.nbytes + ifd.block_bytecounts.nbytes
    return total


def object_key(location):
    """The cache key of the object a canonical location names: (st_dev, st_ino) for a
    local file (stat follows symbolic links; every spelling and hard link of one file
    gives one key), the location itself for a remote object."""
    if location.startswith("/"):
        try:
            st = os.stat(location)
        except (OSError, ValueError):
            return ("absent", location)
        return ("file", st.st_dev, st.st_ino)
    return ("remote", location)


class HeaderCache(_BoundedCache):
    """Opened files by object (see `object_key`), LRU-bounded in entries and bytes.

    Used like a dict keyed by location text (`get`, `[]=`, `del`), which it turns into
    object keys; `remove(opened)` drops one entry whatever its path has become.
    """

    def __init__(self, max_entries=HEADER_CACHE_ENTRIES, max_bytes=HEADER_CACHE_BYTES):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items = collections.OrderedDict()  # object key -> (OpenedFile, bytes)

    def get(self, location, default=None):
        """The OpenedFile of the object `location` names, or `default`."""
        key = object_key(location)
        with _LOCK:
            item = self._items.get(key)
            if item is None:
                return default
            self._items.move_to_end(key)
            return item[0]

    def __setitem__(self, location, opened):
        key = object_key(location)
        size = held_bytes(opened)
        with _LOCK:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._items[key] = (opened, size)
            self.bytes += size
            evicted = self._evict()
        if old is not None and old[0] is not opened:
            evicted.append(old[0])
        for o in evicted:
            _discard(o)

    def __delitem__(self, location):
        key = object_key(location)
        with _LOCK:
            item = self._items.pop(key)
            self.bytes -= item[1]

    def remove(self, opened):
        """Drop the entry holding `opened` (found by identity: its path may be gone)."""
        with _LOCK:
            for key, (o, size) in self._items.items():
                if o is opened:
                    del self._items[key]
                    self.bytes -= size
                    return True
        return False

    def resize(self, max_entries=None, max_bytes=None):
        """Change the bounds (evicting as needed)."""
        with _LOCK:
            if max_entries is not None:
                self.max_entries = max_entries
            if max_bytes is not None:
                self.max_bytes = max_bytes
            evicted = self._evict()
        for o in evicted:
            _discard(o)

    def values(self):
        """The OpenedFiles, least recently used first."""
        with _LOCK:
            return [o for o, _ in self._items.values()]

    def _evict(self):
        # The newest entry stays even when it alone is over the byte bound: it is in use.
        out = []
        while len(self._items) > 1 and (len(self._items) > self.max_entries or self.bytes > self.max_bytes):
            _, (opened, size) = self._items.popitem(last=False)
            self.bytes -= size
            out.append(opened)
        return out


def _discard(opened):
    """Drop a file's tiles and band windows and close its source (evicted or forgotten)."""
    TILES.drop_generation(opened.generation)
    with _LOCK:
        for key in [k for k in BANDS if k[0] == opened.generation]:
            del BANDS[key]
    close = getattr(opened.source, "close", None)
    if close is not None:
        close()


MISSING = object()
TILES = TileCache(DEFAULT_TILE_CACHE_MB * 1024 * 1024)
HEADERS = HeaderCache()
BANDS = collections.OrderedDict()  # band window key -> read-only array
SETTINGS = {"revalidate_seconds": DEFAULT_REVALIDATE_SECONDS, "checked_at": 0.0}
_generation = [0]


def next_generation():
    """A new number for a freshly opened file."""
    with _LOCK:
        _generation[0] += 1
        return _generation[0]


def get_band(key):
    """An assembled band window from the small band cache, or None."""
    with _LOCK:
        band = BANDS.get(key)
        if band is not None:
            BANDS.move_to_end(key)
        return band


def put_band(key, array):
    """Keep an assembled band window (the last few only)."""
    array.setflags(write=False)
    with _LOCK:
        BANDS[key] = array
        BANDS.move_to_end(key)
        while len(BANDS) > BAND_CACHE_ENTRIES:
            BANDS.popitem(last=False)


def forget_file(opened):
    """Drop a file's header, tiles and band windows (it changed or failed)."""
    HEADERS.remove(opened)
    _discard(opened)


def configure(revalidate_seconds=None):
    """Apply the limits in force (`ceilings.value`) and plraster.outdb_revalidate_seconds."""
    TILES.resize(int(ceilings.value("tile_cache_mb") * MB))
    HEADERS.resize(max_entries=int(ceilings.value("header_cache_entries")),
                   max_bytes=int(ceilings.value("header_cache_mb") * MB))
    if revalidate_seconds is not None:
        SETTINGS["revalidate_seconds"] = max(float(revalidate_seconds), 0.0)
    SETTINGS["checked_at"] = time.monotonic()


def reset():
    """Empty every cache and zero the cache statistics (plraster_cache_reset())."""
    with _LOCK:
        opened = list(HEADERS.values())
        HEADERS.clear()
        BANDS.clear()
        TILES.clear()
        STATS.header_hits = STATS.header_misses = STATS.tile_hits = STATS.tile_misses = 0
    for o in opened:
        close = getattr(o.source, "close", None)
        if close is not None:
            close()
