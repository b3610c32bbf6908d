"""Per-backend caches: opened file headers, decoded tiles, assembled band windows.

All three live at module level (one PostgreSQL backend = one process) and are emptied by
`reset()`. Statistics are kept next to them for plraster_io_stats().
"""

import collections
import dataclasses
import threading
import time
import typing

DEFAULT_TILE_CACHE_MB = 256
MAX_TILE_CACHE_MB = 16384
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


class TileCache:
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

    def clear(self):
        """Forget everything."""
        with _LOCK:
            self._items.clear()
            self.bytes = 0

    def __len__(self):
        return len(self._items)

    def _evict(self):
        while self.bytes > self.max_bytes and self._items:
            _, (_, size) = self._items.popitem(last=False)
            self.bytes -= size


MISSING = object()
TILES = TileCache(DEFAULT_TILE_CACHE_MB * 1024 * 1024)
HEADERS = {}  # location -> OpenedFile
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
    with _LOCK:
        if HEADERS.get(opened.location) is opened:
            del HEADERS[opened.location]
        TILES.drop_generation(opened.generation)
        for key in [k for k in BANDS if k[0] == opened.generation]:
            del BANDS[key]
    close = getattr(opened.source, "close", None)
    if close is not None:
        close()


def configure(tile_cache_mb=None, revalidate_seconds=None):
    """Apply the settings (plraster.tile_cache_mb, plraster.outdb_revalidate_seconds)."""
    if tile_cache_mb is not None:
        TILES.resize(int(min(max(tile_cache_mb, 0), MAX_TILE_CACHE_MB)) * 1024 * 1024)
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
