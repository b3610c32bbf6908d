"""The out-db engine: which sources may be read, and the pixels an out-db band means.

    from plraster import outdb
    pixels = outdb.read_band(header, band.path, band.outdb_index, band.pixtype,
                             band.has_nodata, band.nodata)        # (height, width), read-only

Configuration (`config`), caches (`cache`), window placement and reading (`engine`) and
cancellable network waits (`interrupts`) have no plpy in them; plraster.sqlapi.outdb
installs the source loader and the interrupt check when it is imported.
"""

from plraster.storage import io_counter
from plraster.storage import reset as reset_storage

from . import cache, config, engine, interrupts, readahead
from .engine import NOT_ALIGNED, FileStat, band_file_info, band_file_stat, indb_band, read_band, read_pixel


warning_sink = None  # plraster.sqlapi.outdb points it at plpy.warning


def warning(message):
    """Emit a WARNING (PostGIS warns where a NOTICE would not do), else a NOTICE."""
    from plraster.core import messages
    if warning_sink is not None:
        warning_sink(message)
    else:
        messages.notice(message)


def stats():
    """I/O and cache statistics of this backend, as a dict (plraster_io_stats())."""
    io = io_counter().snapshot()
    s = cache.STATS
    return {
        "requests": io.requests, "bytes": io.bytes, "retries": io.retries, "seconds": io.seconds,
        "header_hits": s.header_hits, "header_misses": s.header_misses,
        "tile_hits": s.tile_hits, "tile_misses": s.tile_misses,
        "tile_cache_bytes": cache.TILES.bytes, "tile_cache_limit": cache.TILES.max_bytes,
        "header_cache_entries": len(cache.HEADERS), "header_cache_bytes": cache.HEADERS.bytes,
    }


def reset():
    """Empty the caches, close every session and zero the statistics."""
    cache.reset()
    readahead.reset()
    reset_storage()
    io_counter().reset()


__all__ = ["NOT_ALIGNED", "FileStat", "band_file_info", "band_file_stat", "cache", "indb_band", "config", "engine",
           "interrupts", "read_band", "read_pixel", "reset", "stats", "warning"]
