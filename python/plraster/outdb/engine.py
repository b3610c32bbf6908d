"""Reading the pixels an out-db band means, as PostGIS 3.3 + GDAL 3.6 read them.

PostGIS (rt_band_load_offline_data) opens the file, takes its geotransform (GDAL's
default (0, 1, 0, 0, 0, -1) when it has none), finds the file's upper-left corner in the
raster's pixel space with rt_raster_geopoint_to_cell (snapped to an integer within
FLT_EPSILON, else floored), and reads, through a VRT simple source, the window of the
raster's width x height pixels at the *absolute value* of that offset, one file pixel per
raster pixel whatever the two scales are. Window pixels beyond the file read as the band's
nodata value (0 without one). Values are converted to the band's pixel type as
GDALCopyWords does: integers clamped, floats rounded half away from zero and clamped,
NaN to 0, float64 to float32 by a plain cast. When the raster and the file are not
aligned (different scale or skew, or an offset that is not whole), PostGIS adds the
NOTICE "The in-db representation of the out-db raster is not aligned. Band data may be
incorrect"; plraster does the same.

`GTIFF_DIR:n:path` reads the n-th IFD. Deliberate difference: when that IFD is an
internal overview, plraster gives it the full-resolution georeference scaled by the size
ratio (GDAL gives it none, so PostGIS places the window from (0, 0) with scale 1).
"""

import dataclasses
import math
import time
import typing

import numpy as np

from plraster.core import limits, messages, wkb
from plraster.core.errors import AccessDeniedError, InvalidParameterError, PlrasterError, StorageError
from plraster.storage import ObjectChangedError, open_source
from plraster.storage.local import stat_file
from plraster.tiff import check_decodable, decode_tile, fill_value, open_tiff, read_blocks
from plraster.tiff.window import block_range, blocks_for_window

from . import cache, config, interrupts, readahead, sharedcache

FLT_EPSILON = float(np.finfo(np.float32).eps)
DEFAULT_GEOTRANSFORM = (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)
# Whole bands larger than this are not kept between calls (their tiles are, in the tile cache).
BAND_CACHE_MAX_BYTES = 16 * 1024 * 1024
# The largest window read around one out-db pixel (see read_pixel), in pixels.
PIXEL_WINDOW_MAX = 1 << 20
NOT_ALIGNED = "The in-db representation of the out-db raster is not aligned. Band data may be incorrect"


# --- opening files ---------------------------------------------------------------------------

def cached_file(parsed):
    """The OpenedFile for a path when the header cache has it and no re-validation is due
    (no I/O at all), else None."""
    opened = cache.HEADERS.get(parsed.location)
    if opened is None or parsed.scheme == "file":
        return None
    if time.monotonic() - opened.checked_at >= cache.SETTINGS["revalidate_seconds"]:
        return None
    cache.STATS.header_hits += 1
    return opened


def open_file(parsed, options, allow_list):
    """The OpenedFile for a path: from the header cache (re-validated when due) or opened."""
    key = parsed.location
    opened = cache.HEADERS.get(key)
    now = time.monotonic()
    if opened is not None:
        due = parsed.scheme == "file" or now - opened.checked_at >= cache.SETTINGS["revalidate_seconds"]
        if not due:
            cache.STATS.header_hits += 1
            return opened
        try:
            unchanged = opened.source.revalidate()
        except PlrasterError:
            cache.forget_file(opened)
            raise
        if unchanged:
            opened.checked_at = now
            cache.STATS.header_hits += 1
            return opened
        cache.forget_file(opened)
    cache.STATS.header_misses += 1
    # Only the source's own options count: the server's environment does not configure sources.
    source = open_source(parsed, options=options, allow_list=allow_list, environ={})
    try:
        tiff = open_tiff(source)
        validator = source.validator
    except BaseException:
        close = getattr(source, "close", None)
        if close is not None:
            close()
        raise
    opened = cache.OpenedFile(key, source, tiff, validator, now, cache.next_generation())
    cache.HEADERS[key] = opened
    return opened


def file_ifd(opened, parsed):
    """The IFD a path means: GTIFF_DIR:n: picks the n-th, else the first."""
    tiff = opened.tiff
    if parsed.ifd_index is None:
        return tiff.ifds[0]
    try:
        return tiff.gdal_dir(parsed.ifd_index)
    except IndexError:
        raise InvalidParameterError(
            f"GTIFF_DIR index {parsed.ifd_index} out of range",
            detail=f'The file "{parsed.display()}" has {len(tiff.ifds)} images.') from None


# --- reading blocks through the tile cache ----------------------------------------------------

def read_file_window(opened, ifd, sample, x0, y0, width, height, remote=False):
    """Pixels of one sample (0-based) of an IFD window, as an array of the IFD's dtype.

    Blocks come from the tile cache; missing ones are fetched with merged range reads
    (in a cancellable worker thread when remote) and decoded once.
    """
    check_decodable(ifd)
    span = blocks_for_window(ifd, x0, y0, width, height)
    separate = ifd.samples_per_block == 1 and ifd.samples_per_pixel > 1
    plane = sample if separate else 0
    pick = 0 if separate else sample
    cells = [(c, r) for r in range(span.row_start, span.row_end) for c in range(span.col_start, span.col_end)]
    blocks = {}
    missing = []
    for c, r in cells:
        index = ifd.block_index(c, r, plane)
        block = cache.TILES.get((opened.generation, ifd.index, index))
        if block is cache.MISSING:
            missing.append(index)
        else:
            blocks[index] = block
    if missing:
        for index, data in fetch_blocks(opened, ifd, missing, remote).items():
            block = None if data is None else decode_tile(ifd, data, index)
            cache.TILES.put((opened.generation, ifd.index, index), block)
            blocks[index] = block
    out = np.empty((height, width), dtype=ifd.dtype)
    bw, bh = ifd.block_width, ifd.block_height
    for c, r in cells:
        block = blocks[ifd.block_index(c, r, plane)]
        ix0, iy0 = max(x0, c * bw), max(y0, r * bh)
        ix1, iy1 = min(x0 + width, (c + 1) * bw), min(y0 + height, (r + 1) * bh)
        target = out[iy0 - y0:iy1 - y0, ix0 - x0:ix1 - x0]
        if block is None:
            target[...] = fill_value(ifd)
        else:
            target[...] = block[pick, iy0 - r * bh:iy1 - r * bh, ix0 - c * bw:ix1 - c * bw]
    return out


def fetch_blocks(opened, ifd, indexes, remote):
    """{index: stored bytes, or None for a sparse block} of blocks the tile cache lacks:
    from the shared block cache (sharedcache) when it has them, else fetched, together
    with the blocks a sequential scan will want next (readahead), all kept there."""
    if not (remote and sharedcache.enabled(opened)):
        return interrupts.run_io(lambda: read_blocks(ifd, opened.source, indexes), remote=remote)
    out, fetch = {}, []
    size = opened.source.size
    for index in indexes:
        span = block_range(ifd, index, size)
        data = None if span is None else sharedcache.get(opened, *span)
        if span is None or data is not None:
            out[index] = data
        else:
            fetch.append(index)
    if fetch:
        wanted = fetch + [i for i in readahead.plan(opened, ifd, indexes, fetch)
                          if _worth_reading_ahead(opened, ifd, i, size)]
        raw = interrupts.run_io(lambda: read_blocks(ifd, opened.source, wanted), remote=remote)
        for index in wanted:
            data = raw[index]
            if data is not None:
                sharedcache.put(opened, int(ifd.block_offsets[index]), data)
        out.update((i, raw[i]) for i in fetch)
    else:
        readahead.plan(opened, ifd, indexes, fetch)
    return out


def _worth_reading_ahead(opened, ifd, index, size):
    span = block_range(ifd, index, size)
    return (span is not None and cache.TILES.peek((opened.generation, ifd.index, index)) is cache.MISSING
            and not sharedcache.has(opened, *span))


# --- window placement -------------------------------------------------------------------------

def _inverse(gt):
    g0, g1, g2, g3, g4, g5 = gt
    if g2 == 0.0 and g4 == 0.0 and g1 != 0.0 and g5 != 0.0:
        return (-g0 / g1, 1.0 / g1, 0.0, -g3 / g5, 0.0, 1.0 / g5)
    det = g1 * g5 - g2 * g4
    magnitude = max(abs(g1), abs(g2), abs(g4), abs(g5))
    if abs(det) <= 1e-10 * magnitude * magnitude:
        raise InvalidParameterError("could not compute the inverse geotransform of the raster")
    inv = 1.0 / det
    return ((g2 * g3 - g0 * g5) * inv, g5 * inv, -g2 * inv, (-g1 * g3 + g0 * g4) * inv, -g4 * inv, g1 * inv)


def _to_cell(gt, x, y):
    """rt_raster_geopoint_to_cell: snapped within FLT_EPSILON, else floored."""
    i = _inverse(gt)
    out = []
    for v in (i[0] + x * i[1] + y * i[2], i[3] + x * i[4] + y * i[5]):
        r = math.floor(v + 0.5) if v > 0.0 else math.ceil(v - 0.5)
        out.append(int(r) if (r == v or abs(r - v) <= FLT_EPSILON) else int(math.floor(v)))
    return out


def _feq(a, b):
    return a == b or abs(a - b) <= FLT_EPSILON


def is_aligned(header, file_gt):
    """rt_raster_same_alignment of the raster and a 1x1 raster with the file's geotransform."""
    f0, f1, f2, f3, f4, f5 = file_gt
    if not (_feq(abs(header.scale_x), abs(f1)) and _feq(abs(header.scale_y), abs(f5))
            and _feq(header.skew_x, f2) and _feq(header.skew_y, f4)):
        return False
    xr, yr = _to_cell(file_gt, header.ip_x, header.ip_y)
    xw = f0 + xr * f1 + yr * f2
    yw = f3 + xr * f4 + yr * f5
    return _feq(xw, header.ip_x) and _feq(yw, header.ip_y)


def window_offset(header, file_gt):
    """The file pixel PostGIS reads as the raster's pixel (0, 0): |cell of the file's origin|."""
    ox, oy = _to_cell(header.geotransform, file_gt[0], file_gt[3])
    return abs(ox), abs(oy)


# --- value conversion -------------------------------------------------------------------------

def convert(data, info):
    """Convert file samples to a band's pixel type as GDALCopyWords does (see module doc)."""
    target = np.dtype(info.dtype)
    if info.name in ("1BB", "2BUI", "4BUI"):
        target = np.dtype(np.uint8)  # GDAL reads these as Byte
    if data.dtype == target:
        return data
    if target.kind == "f":
        return data.astype(target)
    lo, hi = np.iinfo(target).min, np.iinfo(target).max
    if data.dtype.kind == "f":
        with np.errstate(invalid="ignore"):
            values = np.where(np.isnan(data), 0.0, data.astype(np.float64))
            values = np.where(values >= 0, np.floor(values + 0.5), np.ceil(values - 0.5))
            return np.clip(values, lo, hi).astype(target)
    return np.clip(data.astype(np.int64) if data.dtype != np.uint64 else data, lo, hi).astype(target)


# --- the band ---------------------------------------------------------------------------------

def band_file_info(path):
    """(OpenedFile, IFD, ParsedPath) of an out-db path, checked against the sources."""
    parsed, options, allow_list = config.resolve(path)
    try:
        opened = interrupts.run_io(lambda: open_file(parsed, options, allow_list), remote=parsed.scheme != "file")
        return opened, file_ifd(opened, parsed), parsed
    except PlrasterError as exc:
        raise describe_error(exc, parsed) from None


class FileStat(typing.NamedTuple):
    """What ST_BandFileSize and ST_BandFileTimestamp report: bytes, and seconds since the epoch."""

    size: int
    timestamp: typing.Optional[int]


def band_file_stat(path):
    """FileStat of the file an out-db path names (checked against the sources).

    Local files are stat()ed on every call, as GDAL's VSIStatL does for PostGIS. Remote
    objects report the size and Last-Modified learnt when their header was fetched (the
    header cache's re-validation applies), as GDAL's VSIStat reports Content-Length and
    Last-Modified. A `GTIFF_DIR:n:` prefix is looked through (GDAL cannot stat it, so
    PostGIS gives an error there). An object that is not a TIFF still has a size.
    """
    text = wkb.path_text(path)
    parsed, options, allow_list = config.resolve(text)
    try:
        if parsed.scheme == "file":
            return _local_stat(parsed.location)
        opened = cached_file(parsed)
        if opened is not None:
            return FileStat(opened.source.size, opened.source.last_modified)
        return interrupts.run_io(lambda: _remote_stat(parsed, options, allow_list))
    except PlrasterError as exc:
        raise describe_error(exc, parsed) from None


def _local_stat(location):
    st = stat_file(location)
    return FileStat(st.st_size, int(st.st_mtime))


def _remote_stat(parsed, options, allow_list):
    try:
        source = open_file(parsed, options, allow_list).source  # cached for the pixel reads to come
    except (StorageError, AccessDeniedError):
        raise
    except PlrasterError:  # not a TIFF plraster can parse: the object still has a size
        source = open_source(parsed, options=options, allow_list=allow_list, environ={})
    return FileStat(source.size, source.last_modified)


def read_pixel(header, path, band_index, info, has_nodata, nodata, col, row):
    """(value, (col0, row0, pixels)): out-db pixel (col, row), 0-based on the raster, and
    the band window it was read with: the part of the raster that the file block holding
    the pixel covers (one block fetched at most). Small windows are kept (the band cache),
    so that the next pixels of that block, in this call or the next calls of a statement,
    cost a lookup."""
    col0, row0, pixels = _resolved_read(path, lambda parsed, options, allow_list, remote: _read_band(
        header, parsed, options, allow_list, band_index, info, has_nodata, nodata, remote, None,
        pixel=(col, row)))
    return pixels[row - row0, col - col0].item(), (col0, row0, pixels)


def _resolved_read(path, read):
    """read(parsed, options, allow_list, remote) for an out-db path (bytes or text) that the
    sources allow; storage errors name the path, and a changed object is forgotten."""
    parsed, options, allow_list = config.resolve(wkb.path_text(path))
    try:
        return read(parsed, options, allow_list, parsed.scheme != "file")
    except ObjectChangedError as exc:
        opened = cache.HEADERS.get(parsed.location)
        if opened is not None:
            cache.forget_file(opened)
        raise describe_error(exc, parsed) from None
    except PlrasterError as exc:
        raise describe_error(exc, parsed) from None


def read_band(header, path, band_index, info, has_nodata, nodata, window=None):
    """The (height, width) pixels of an out-db band, in its pixel type, read-only.

    `header` is the raster's RasterHeader, `path` the band's path (bytes or text),
    `band_index` its 0-based band number in the file, `info` its PixelTypeInfo.
    `window` = (col, row, width, height), 0-based on the raster, reads only those pixels
    (and only the file's blocks that hold them); the size of what is read is checked
    against plraster.core.limits before anything is allocated or fetched.
    """
    if window is None:
        window = (0, 0, header.width, header.height)
    col0, row0, width, height = window
    limits.check_pixels(width, height, _target_dtype(info).itemsize, "out-db band window")
    return _resolved_read(path, lambda parsed, options, allow_list, remote: _read_band(
        header, parsed, options, allow_list, band_index, info, has_nodata, nodata, remote, window))


def _target_dtype(info):
    return np.dtype(np.uint8) if info.name in ("1BB", "2BUI", "4BUI") else np.dtype(info.dtype)


_PLACEMENTS = {}  # (raster geotransform, file geotransform) -> (aligned, ox, oy)
_PLACEMENTS_MAX = 1024


def _placement(header, file_gt):
    """(is_aligned, *window_offset) of a raster over a file, remembered: every call of a
    statement's ST_Value asks again for the same tile."""
    key = (header.geotransform, tuple(file_gt))
    hit = _PLACEMENTS.get(key)
    if hit is None:
        if len(_PLACEMENTS) >= _PLACEMENTS_MAX:
            _PLACEMENTS.clear()
        hit = _PLACEMENTS[key] = (is_aligned(header, file_gt),) + tuple(window_offset(header, file_gt))
    return hit


def _pixel_window(header, ifd, ox, oy, col, row):
    """The window (col0, row0, width, height) of the raster that the file block holding
    raster pixel (col, row) covers."""
    bw, bh = ifd.block_width, ifd.block_height
    fx, fy = ox + col, oy + row
    bx, by = fx - fx % bw - ox, fy - fy % bh - oy
    col0, row0 = max(bx, 0), max(by, 0)
    width, height = min(bx + bw, header.width) - col0, min(by + bh, header.height) - row0
    if width * height > PIXEL_WINDOW_MAX:
        return col, row, 1, 1   # a huge block (a forged or odd file): the pixel alone
    return col0, row0, width, height


def _read_band(header, parsed, options, allow_list, band_index, info, has_nodata, nodata, remote, window,
               pixel=None):
    # Only real I/O goes to the worker thread: a cache hit costs no thread hand-off.
    opened = cached_file(parsed) or interrupts.run_io(
        lambda: open_file(parsed, options, allow_list), remote=remote)
    ifd = file_ifd(opened, parsed)
    if band_index >= ifd.samples_per_pixel:
        raise InvalidParameterError(
            f"band {band_index + 1} not found in out-db file \"{parsed.display()}\"",
            detail=f"The file has {ifd.samples_per_pixel} band(s).")
    file_gt = ifd.geotransform or DEFAULT_GEOTRANSFORM
    aligned, ox, oy = _placement(header, file_gt)
    if not aligned:
        messages.notice(NOT_ALIGNED)
    if pixel is not None:
        window = _pixel_window(header, ifd, ox, oy, *pixel)
    col0, row0, width, height = window
    whole = window == (0, 0, header.width, header.height)
    small = width * height * 8 <= BAND_CACHE_MAX_BYTES
    key = (opened.generation, ifd.index, band_index, ox, oy, col0, row0, width, height, info.name,
           bool(has_nodata), float(nodata) if has_nodata else 0.0)
    if whole or small:
        band = cache.get_band(key)
        if band is not None:
            return (col0, row0, band) if pixel is not None else band
    target = _target_dtype(info)
    # Converting file samples to another type goes through 8-byte temporaries.
    limits.check_pixels(width, height, target.itemsize if ifd.dtype == target else 8,
                        "out-db band window")
    fill = _fill(info, target, nodata if has_nodata else 0)
    out = np.full((height, width), fill, dtype=target)
    x0, y0 = ox + col0, oy + row0
    x1, y1 = min(x0 + width, ifd.width), min(y0 + height, ifd.height)
    if x0 < x1 and y0 < y1 and width and height:
        data = read_file_window(opened, ifd, band_index, x0, y0, x1 - x0, y1 - y0, remote)
        out[0:y1 - y0, 0:x1 - x0] = convert(data, info)
    if (whole or small) and out.nbytes <= BAND_CACHE_MAX_BYTES:
        cache.put_band(key, out)
    else:
        out.setflags(write=False)
    return (col0, row0, out) if pixel is not None else out


def indb_band(header, band):
    """A parsed out-db band (plraster.core.wkb.Band) as an in-db band holding the pixels read,
    for code written for in-db bands (ST_BandIsNoData, ST_MinConvexHull)."""
    pixels = read_band(header, band.path, band.outdb_index, band.pixtype, band.has_nodata, band.nodata)
    return dataclasses.replace(band, data=pixels, path=None, outdb_index=None)


def _fill(info, target, value):
    if target.kind == "f":
        return np.array(value, dtype=np.float64).astype(target)
    if value != value:
        return 0
    lo, hi = np.iinfo(target).min, np.iinfo(target).max
    return min(max(int(value), lo), hi)


def describe_error(exc, parsed):
    """Name the path in a storage error that lacks it (never credentials)."""
    shown = parsed.display()
    if shown not in (exc.detail or "") and shown not in exc.message:
        exc.detail = ((exc.detail + " ") if exc.detail else "") + f'The out-db path is "{parsed.display()}".'
    return exc
