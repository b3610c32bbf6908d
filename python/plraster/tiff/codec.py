"""Decoding one TIFF block (tile or strip): decompression, predictors, sample unpacking.

Compressed data comes from the file and may be hostile: every decoder is given (or
checked against) the exact number of bytes the block needs, so a corrupt block gives
CorruptFileError, and a block larger than MAX_BLOCK_BYTES is refused before decoding.
"""

import sys
import zlib

import imagecodecs
import numpy

from plraster.core.errors import CorruptFileError, SizeLimitError, UnsupportedError

from .constants import (
    Compression,
    LercAdditionalCompression,
    Photometric,
    Predictor,
    SampleFormat,
)

_NATIVE_ORDER = "<" if sys.byteorder == "little" else ">"

_LIBDEFLATE = bool(getattr(getattr(imagecodecs, "DEFLATE", None), "available", False))

# Decoded size above which a block is refused (a 4096x4096 tile of float64 is 128 MiB).
MAX_BLOCK_BYTES = 256 * 1024 * 1024

_SUPPORTED_COMPRESSIONS = frozenset(int(c) for c in Compression)
_BYTE_CODECS = frozenset(
    (Compression.NONE, Compression.LZW, Compression.ADOBE_DEFLATE, Compression.DEFLATE,
     Compression.PACKBITS, Compression.ZSTD)
)


def compression_name(code):
    """Name of a compression code, for messages."""
    try:
        return Compression(code).name
    except ValueError:
        return str(code)


def check_decodable(ifd):
    """Raise UnsupportedError unless blocks of this IFD can be decoded."""
    dtype = ifd.dtype  # raises UnsupportedError for an unknown sample type
    where = f"IFD {ifd.gdal_dir_number}"
    if ifd.compression not in _SUPPORTED_COMPRESSIONS:
        raise UnsupportedError(
            "unsupported tiff compression",
            detail=f"{where} uses compression {ifd.compression}, which plraster does not decode.",
            hint="Supported are none (1), LZW (5), JPEG (7), DEFLATE (8, 32946), PackBits (32773), "
            "LERC (34887), ZSTD (50000) and WEBP (50001).",
        )
    if ifd.predictor not in (Predictor.NONE, Predictor.HORIZONTAL, Predictor.FLOATING_POINT):
        raise UnsupportedError("unsupported tiff predictor", detail=f"{where} uses predictor {ifd.predictor}.")
    if ifd.predictor != Predictor.NONE and ifd.bits_per_sample == 1:
        raise UnsupportedError("unsupported tiff predictor", detail=f"{where} uses a predictor on 1-bit samples.")
    if ifd.predictor == Predictor.FLOATING_POINT and ifd.sample_format != SampleFormat.IEEEFP:
        raise CorruptFileError(
            "invalid tiff predictor", detail=f"{where} uses the floating point predictor on integer samples."
        )
    if ifd.photometric == Photometric.YCBCR and ifd.compression != Compression.JPEG:
        raise UnsupportedError(
            "unsupported tiff photometric interpretation",
            detail=f"{where} stores YCbCr samples without JPEG compression.",
        )
    if ifd.compression == Compression.JPEG and dtype != numpy.uint8:
        raise UnsupportedError("unsupported tiff sample type", detail=f"{where} holds JPEG data that is not 8-bit.")
    if ifd.compression == Compression.WEBP and (dtype != numpy.uint8 or ifd.samples_per_block not in (3, 4)):
        raise UnsupportedError("unsupported tiff webp layout", detail=f"{where} holds WEBP data that is not 8-bit RGB(A).")
    if ifd.compression == Compression.LERC:
        params = ifd.lerc_parameters or (0, LercAdditionalCompression.NONE)
        if len(params) < 2 or params[1] not in (0, 1, 2):
            raise UnsupportedError(
                "unsupported lerc parameters", detail=f"{where} has LercParameters {list(params)}."
            )


def block_rows(ifd, index):
    """Rows actually stored in block `index`: fewer than block_height for a last strip."""
    if ifd.tiled:
        return ifd.block_height
    row = index % ifd.blocks_per_plane
    return min(ifd.block_height, ifd.height - row * ifd.block_height)


def _row_bytes(ifd):
    return (ifd.block_width * ifd.samples_per_block * ifd.bits_per_sample + 7) // 8


def decode_tile(ifd, raw, index=0):
    """Decode the stored bytes of block `index` of `ifd`.

    Returns an array of shape (samples in the block, block_height, block_width) with
    dtype `ifd.dtype`: all samples when contiguous, one when planar. For a short last
    strip, rows beyond the image are zero. Raises CorruptFileError for bytes that do
    not decode, UnsupportedError for what this reader does not decode.
    """
    check_decodable(ifd)
    rows = block_rows(ifd, index)
    spb = ifd.samples_per_block
    itemsize = max(ifd.stored_dtype.itemsize, ifd.dtype.itemsize)
    if ifd.block_width * ifd.block_height * spb * itemsize > MAX_BLOCK_BYTES:
        raise SizeLimitError(
            "tiff block too large",
            detail=f"A {ifd.block_width}x{ifd.block_height} block of {spb} samples of IFD "
            f"{ifd.gdal_dir_number} exceeds the limit of {MAX_BLOCK_BYTES} bytes.",
        )
    try:
        pixels = _decode(ifd, raw, rows)
    except (CorruptFileError, UnsupportedError, SizeLimitError):
        raise
    except Exception as exc:  # codec libraries raise their own error classes
        raise CorruptFileError(
            "could not decode tiff block",
            detail=f"Decoding block {index} of IFD {ifd.gdal_dir_number} "
            f"({compression_name(ifd.compression)}) failed: {exc}.",
        ) from None
    if pixels.shape != (rows, ifd.block_width, spb):
        raise CorruptFileError(
            "could not decode tiff block",
            detail=f"Block {index} of IFD {ifd.gdal_dir_number} decoded to shape {pixels.shape}, "
            f"expected {(rows, ifd.block_width, spb)}.",
        )
    pixels = pixels.transpose(2, 0, 1)
    if rows < ifd.block_height:
        full = numpy.zeros((spb, ifd.block_height, ifd.block_width), dtype=pixels.dtype)
        full[:, :rows] = pixels
        pixels = full
    return pixels


def _decode(ifd, raw, rows):
    """Return pixels of shape (rows, block_width, samples per block), dtype ifd.dtype."""
    compression = ifd.compression
    if compression == Compression.JPEG:
        return _decode_jpeg(ifd, raw, rows)
    if compression == Compression.WEBP:
        return _as_block(imagecodecs.webp_decode(bytes(raw)), rows, ifd)
    if compression == Compression.LERC:
        return _decode_lerc(ifd, raw, rows)
    if ifd.fill_order == 2:
        raw = imagecodecs.bitorder_decode(bytes(raw))
    needed = rows * _row_bytes(ifd)
    data = _decompress(compression, raw, needed)
    if len(data) < needed:
        raise CorruptFileError(
            "truncated tiff block",
            detail=f"A block of IFD {ifd.gdal_dir_number} holds {len(data)} bytes once decompressed; "
            f"{needed} are needed.",
        )
    return _unpack_samples(ifd, memoryview(data)[:needed], rows)


def _decompress(compression, raw, needed):
    """Decompress a byte-oriented codec to at most `needed` bytes."""
    if compression == Compression.NONE:
        return raw
    if compression in (Compression.ADOBE_DEFLATE, Compression.DEFLATE):
        if _LIBDEFLATE:
            # libdeflate decodes a whole block 2-3x faster than zlib (as in GDAL). It needs
            # the exact size: a stream that holds more (a last strip written full height)
            # or that is damaged goes the zlib way, which reads what it can.
            try:
                return imagecodecs.deflate_decode(raw, out=bytearray(needed))
            except imagecodecs.DeflateError:
                pass
        return zlib.decompressobj().decompress(raw, needed)
    if compression == Compression.LZW:
        return imagecodecs.lzw_decode(bytes(raw), out=needed)
    if compression == Compression.PACKBITS:
        return imagecodecs.packbits_decode(bytes(raw), out=needed)
    if compression == Compression.ZSTD:
        return imagecodecs.zstd_decode(bytes(raw), out=needed)
    raise AssertionError(compression)


def _unpack_samples(ifd, data, rows):
    """Turn decompressed bytes into pixels, undoing the predictor."""
    width, spb = ifd.block_width, ifd.samples_per_block
    if ifd.bits_per_sample == 1:
        packed = numpy.frombuffer(data, dtype=numpy.uint8).reshape(rows, _row_bytes(ifd))
        bits = numpy.unpackbits(packed, axis=1)[:, :width * spb]
        return bits.reshape(rows, width, spb)
    stored = ifd.stored_dtype
    if ifd.predictor == Predictor.FLOATING_POINT:
        # Bytes were split into planes (most significant first) per row, then
        # differenced byte by byte along the row: undo both (libtiff fpAcc).
        nbytes = stored.itemsize
        # The byte differences are taken with a stride of one pixel (spb bytes).
        planes = numpy.frombuffer(data, dtype=numpy.uint8).reshape(rows, nbytes * width, spb)
        planes = numpy.cumsum(planes, axis=1, dtype=numpy.uint8)
        ordered = planes.reshape(rows, nbytes, width * spb).transpose(0, 2, 1)
        values = numpy.ascontiguousarray(ordered).view(stored.newbyteorder(">"))
        return values.reshape(rows, width, spb).astype(ifd.dtype)
    values = numpy.frombuffer(data, dtype=stored).reshape(rows, width, spb)
    values = values.astype(stored.newbyteorder("="))
    if ifd.predictor == Predictor.HORIZONTAL:
        # Differences of the integers (of the bit patterns for floats), modulo 2**bits.
        as_int = values.view(numpy.dtype(f"u{values.dtype.itemsize}"))
        values = numpy.cumsum(as_int, axis=1, dtype=as_int.dtype).view(values.dtype)
    return values.astype(ifd.dtype, copy=False)


def _as_block(decoded, rows, ifd):
    """Reshape a decoded (h, w) or (h, w, c) image to (h, w, c)."""
    decoded = numpy.asarray(decoded)
    if decoded.ndim == 2:
        decoded = decoded[:, :, numpy.newaxis]
    return decoded.astype(ifd.dtype, copy=False)


def _decode_jpeg(ifd, raw, rows):
    if ifd.photometric == Photometric.YCBCR:
        colorspace, outcolorspace = "YCBCR", "RGB"  # libtiff's JPEGCOLORMODE_RGB, as GDAL uses
    elif ifd.samples_per_block == 3:
        colorspace = outcolorspace = "RGB"
    elif ifd.samples_per_block == 1:
        colorspace = outcolorspace = "GRAY"
    else:
        colorspace = outcolorspace = None  # CMYK etc.: let libjpeg go by the stream
    decoded = imagecodecs.jpeg8_decode(
        bytes(raw), tables=ifd.jpeg_tables, colorspace=colorspace, outcolorspace=outcolorspace
    )
    return _as_block(decoded, rows, ifd)


def _decode_lerc(ifd, raw, rows):
    params = ifd.lerc_parameters or (0, LercAdditionalCompression.NONE)
    # A LERC blob is at most about the raw size plus a mask and headers.
    cap = 2 * rows * ifd.block_width * ifd.samples_per_block * ifd.dtype.itemsize + 65536
    if params[1] == LercAdditionalCompression.DEFLATE:
        raw = zlib.decompressobj().decompress(raw, cap)
    elif params[1] == LercAdditionalCompression.ZSTD:
        raw = imagecodecs.zstd_decode(bytes(raw), out=cap)
    raw = bytes(raw)
    values, mask = imagecodecs.lerc_decode(raw, masks=True)
    values = numpy.asarray(values)
    if ifd.byteorder != _NATIVE_ORDER and values.dtype.itemsize > 1:
        # libtiff hands LERC the samples already swapped to file order, so the blob
        # holds byte-swapped values (and swaps them back after decoding).
        values = values.byteswap()
    mask = None if mask is None else numpy.asarray(mask)
    spb = ifd.samples_per_block
    if spb > 1 and _lerc_depth(raw) == 1:
        # libtiff with LERC >= 3 writes contiguous floats with NaNs as one LERC band per
        # sample, each with its own mask: (samples, rows, cols) back to (rows, cols, samples).
        if mask is not None and ifd.dtype.kind == "f" and mask.shape == values.shape:
            values = numpy.where(mask, values, numpy.nan).astype(values.dtype)
        return _as_block(numpy.moveaxis(values, 0, -1), rows, ifd)
    if mask is not None and ifd.dtype.kind == "f":
        values = values.copy()
        if mask.shape == values.shape[:2] and values.ndim == 3:
            values[~mask] = numpy.nan
        elif mask.shape == values.shape:
            values[~mask] = numpy.nan
    elif _lerc_alpha_is_mask(ifd, values):
        # Byte samples with an unassociated alpha last: libtiff stores the alpha as the
        # LERC mask (depth samples - 1) and gives it back as 0 or 255.
        alpha = numpy.full(values.shape[:2], 255, numpy.uint8) if mask is None else mask.astype(numpy.uint8) * 255
        values = numpy.dstack([values.reshape(values.shape[0], values.shape[1], -1), alpha])
    return _as_block(values, rows, ifd)


def _lerc_depth(blob):
    """nDim (values per pixel) of the first Lerc2 blob, or 0 when the header has none."""
    # Lerc2 header: "Lerc2 ", int32 version, uint32 checksum (version >= 3),
    # int32 rows, int32 cols, int32 nDim (version >= 4); little-endian.
    if len(blob) < 26 or blob[:6] != b"Lerc2 ":
        return 0
    version = int.from_bytes(blob[6:10], "little")
    if version < 4:
        return 1
    return int.from_bytes(blob[22:26], "little")


def _lerc_alpha_is_mask(ifd, values):
    """True when `values` lack the alpha sample that libtiff keeps in the LERC mask."""
    extra_alpha = bool(ifd.extra_samples) and ifd.extra_samples[-1] == 2  # unassociated alpha
    depth = 1 if values.ndim == 2 else values.shape[2]
    return (extra_alpha and ifd.dtype == numpy.uint8 and ifd.planar_config == 1
            and depth == ifd.samples_per_block - 1)
