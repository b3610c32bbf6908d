"""Which blocks to fetch with the ones a read misses: readahead for scans in file order.

A query that walks the tiles of one COG in order (a coverage's rows by rid, a window
across several tiles) misses blocks i, i+1, i+2, ... one call at a time; fetching each
alone costs a request per block. As an operating system reads ahead in a file, a miss
that continues the previous blocks of the same image (at most two blocks after the last
one read) is taken as a scan: the next blocks are fetched in the same request, a window
that doubles with each sequential miss up to MAX_BLOCKS (or MAX_BYTES). A miss anywhere
else ends the scan, so random access (points, pgbench) reads no more than it asks for.
What is read ahead goes to the shared block cache only (not decoded).
"""

import threading

MAX_BLOCKS = 16
MAX_BYTES = 4 * 1024 * 1024
_TRACKED = 64

_lock = threading.Lock()
_scans = {}  # (generation, ifd index) -> [last block index seen, window]


def plan(opened, ifd, indexes, missed):
    """Block indexes worth fetching with `missed` (the blocks of `indexes`, the ones a
    read needs, that no cache has); records where the read ended."""
    if not indexes:
        return []
    key = (opened.generation, ifd.index)
    first, last = min(indexes), max(indexes)
    with _lock:
        scan = _scans.pop(key, None)
        sequential = scan is not None and scan[0] < first <= scan[0] + 2
        window = scan[1] if sequential else 0
        if missed and sequential:
            window = min(max(2, window * 2), MAX_BLOCKS)
        _scans[key] = [last, window]
        while len(_scans) > _TRACKED:
            _scans.pop(next(iter(_scans)))
    if not missed or not window:
        return []
    total = len(ifd.block_offsets)
    out, nbytes = [], 0
    for index in range(last + 1, min(last + 1 + window, total)):
        nbytes += int(ifd.block_bytecounts[index])
        if nbytes > MAX_BYTES:
            break
        out.append(index)
    return out


def reset():
    """Forget every scan (plraster_cache_reset)."""
    with _lock:
        _scans.clear()
