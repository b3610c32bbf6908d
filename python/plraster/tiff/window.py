"""Reading a pixel window: which blocks cover it, fetching them in few reads, cropping."""

import typing

import numpy

from plraster.core.errors import CorruptFileError, InvalidParameterError, SizeLimitError

from .codec import MAX_BLOCK_BYTES, check_decodable, decode_tile
from .source import DEFAULT_MAX_GAP, check_range, read_merged

# Largest window read_window returns, in bytes.
MAX_WINDOW_BYTES = 1024 * 1024 * 1024


class BlockSpan(typing.NamedTuple):
    """The block columns and rows (inclusive start, exclusive end) covering a window."""

    col_start: int
    col_end: int
    row_start: int
    row_end: int


def check_window(ifd, x0, y0, width, height):
    """Raise InvalidParameterError unless the window lies within the image."""
    if width <= 0 or height <= 0 or x0 < 0 or y0 < 0 or x0 + width > ifd.width or y0 + height > ifd.height:
        raise InvalidParameterError(
            "pixel window outside the image",
            detail=f"The window at ({x0}, {y0}) of {width}x{height} pixels does not lie within "
            f"the {ifd.width}x{ifd.height} image of IFD {ifd.gdal_dir_number}.",
        )


def blocks_for_window(ifd, x0, y0, width, height):
    """Return the BlockSpan of block columns and rows that cover a pixel window."""
    check_window(ifd, x0, y0, width, height)
    return BlockSpan(
        x0 // ifd.block_width,
        (x0 + width - 1) // ifd.block_width + 1,
        y0 // ifd.block_height,
        (y0 + height - 1) // ifd.block_height + 1,
    )


def tiles_for_window(ifd, x0, y0, width, height):
    """Return the (col, row) of every block covering a pixel window, row by row."""
    span = blocks_for_window(ifd, x0, y0, width, height)
    return [(c, r) for r in range(span.row_start, span.row_end) for c in range(span.col_start, span.col_end)]


def fill_value(ifd):
    """The value of pixels in sparse blocks: nodata cast as GDAL casts it, else 0."""
    dtype = ifd.dtype
    value = ifd.nodata
    if value is None:
        return dtype.type(0)
    if dtype.kind in "iu":
        if isinstance(value, float):
            if value != value:
                return dtype.type(0)
            value = round(value)
        info = numpy.iinfo(dtype)
        return dtype.type(min(max(value, info.min), info.max))
    return dtype.type(value)


def _band_samples(ifd, bands):
    """Turn 1-based band numbers into 0-based sample indexes."""
    if bands is None:
        return list(range(ifd.samples_per_pixel))
    samples = []
    for b in bands:
        if not 1 <= b <= ifd.samples_per_pixel:
            raise InvalidParameterError(
                "band number out of range",
                detail=f"Band {b} was requested from IFD {ifd.gdal_dir_number}, which has "
                f"{ifd.samples_per_pixel} bands.",
            )
        samples.append(b - 1)
    return samples


def block_range(ifd, index, file_size):
    """Return (offset, length) of block `index`, or None for a sparse block."""
    offset = int(ifd.block_offsets[index])
    length = int(ifd.block_bytecounts[index])
    if offset == 0 or length == 0:
        return None
    if length > 2 * MAX_BLOCK_BYTES:
        raise CorruptFileError(
            "tiff block too large",
            detail=f"Block {index} of IFD {ifd.gdal_dir_number} declares {length} bytes.",
        )
    try:
        check_range(offset, length, file_size)
    except CorruptFileError:
        raise CorruptFileError(
            "tiff block lies beyond the end of the file",
            detail=f"Block {index} of IFD {ifd.gdal_dir_number} is {length} bytes at offset {offset}, "
            f"beyond the {file_size} bytes of the file.",
        ) from None
    return offset, length


def read_blocks(ifd, source, indexes, max_gap=DEFAULT_MAX_GAP):
    """Fetch the stored bytes of blocks with merged range reads.

    Returns {index: bytes-like, or None for a sparse block}.
    """
    wanted = {}
    for index in indexes:
        wanted[index] = block_range(ifd, index, source.size)
    present = [i for i, r in wanted.items() if r is not None]
    blobs = read_merged(source, [wanted[i] for i in present], max_gap=max_gap)
    out = dict.fromkeys(wanted)
    out.update(zip(present, blobs))
    return out


def _band_index(numbers):
    """numbers (band positions) as an index: a slice when they are consecutive, so that
    numpy copies the block with a plain strided copy instead of fancy indexing (which
    gathered and scattered element by element: most of a tiled load's time)."""
    first = numbers[0]
    if numbers == list(range(first, first + len(numbers))):
        return slice(first, first + len(numbers))
    return numbers


def read_window(ifd, source, x0, y0, width, height, bands=None, *, max_gap=DEFAULT_MAX_GAP):
    """Read a pixel window of an IFD as an array of shape (bands, height, width).

    `bands` are 1-based band (sample) numbers, default all. Only the blocks covering
    the window are fetched, in as few range reads as merging allows; sparse blocks read
    as nodata when set, else 0, as GDAL does.
    """
    check_decodable(ifd)
    span = blocks_for_window(ifd, x0, y0, width, height)
    samples = _band_samples(ifd, bands)
    dtype = ifd.dtype
    if len(samples) * width * height * dtype.itemsize > MAX_WINDOW_BYTES:
        raise SizeLimitError(
            "pixel window too large",
            detail=f"A window of {width}x{height} pixels and {len(samples)} bands exceeds "
            f"the limit of {MAX_WINDOW_BYTES} bytes.",
        )
    separate = ifd.samples_per_block == 1 and ifd.samples_per_pixel > 1
    planes = sorted(set(samples)) if separate else [0]

    indexes = [
        ifd.block_index(c, r, p)
        for p in planes
        for r in range(span.row_start, span.row_end)
        for c in range(span.col_start, span.col_end)
    ]
    raw = read_blocks(ifd, source, indexes, max_gap=max_gap)

    out = numpy.empty((len(samples), height, width), dtype=dtype)
    bw, bh = ifd.block_width, ifd.block_height
    for p in planes:
        for r in range(span.row_start, span.row_end):
            for c in range(span.col_start, span.col_end):
                index = ifd.block_index(c, r, p)
                # Intersection of the block with the window, in image coordinates.
                ix0, iy0 = max(x0, c * bw), max(y0, r * bh)
                ix1, iy1 = min(x0 + width, (c + 1) * bw), min(y0 + height, (r + 1) * bh)
                targets = [k for k, s in enumerate(samples) if not separate or s == p]
                if raw[index] is None:
                    out[_band_index(targets), iy0 - y0:iy1 - y0, ix0 - x0:ix1 - x0] = fill_value(ifd)
                    continue
                block = decode_tile(ifd, raw[index], index)
                picked = [0] * len(targets) if separate else [samples[k] for k in targets]
                out[_band_index(targets), iy0 - y0:iy1 - y0, ix0 - x0:ix1 - x0] = \
                    block[_band_index(picked), iy0 - r * bh:iy1 - r * bh, ix0 - c * bw:ix1 - c * bw]
    return out
