"""What one IFD describes (TiffIfd) and what a whole file holds (TiffFile)."""

import dataclasses
import typing

import numpy

from plraster.core.errors import CorruptFileError, UnsupportedError

from .constants import (
    SUBFILE_MASK,
    SUBFILE_REDUCED_RESOLUTION,
    Compression,
    PlanarConfig,
    Predictor,
    SampleFormat,
    Tag,
)
from .directory import Directory, TiffHeader
from .dtypes import sample_dtype, stored_dtype
from .geo import GeoReference, georeference, parse_gdal_metadata, parse_nodata

# Largest image side accepted (GDAL and libtiff use 32-bit sizes too).
MAX_IMAGE_SIDE = 2**31 - 1
MAX_SAMPLES_PER_PIXEL = 65535


@dataclasses.dataclass(frozen=True, eq=False)
class TiffIfd:
    """One image of a TIFF (full resolution, overview or mask) and where its blocks are.

    Blocks are tiles, or strips read as tiles as wide as the image. Block arrays are
    indexed plane * blocks_per_plane + row * blocks_across + col, as in TIFF; planes
    exist only for planar configuration 2. `dtype` raises UnsupportedError for a
    sample type that has no decoding.
    """

    index: int  # 0-based position in file order
    offset: int
    byteorder: str
    width: int
    height: int
    tiled: bool
    block_width: int
    block_height: int
    samples_per_pixel: int
    bits_per_sample: int
    sample_format: int
    planar_config: int
    compression: int
    predictor: int
    photometric: typing.Optional[int]
    fill_order: int
    subfile_type: int
    extra_samples: typing.Tuple[int, ...]
    jpeg_tables: typing.Optional[bytes]
    lerc_parameters: typing.Optional[typing.Tuple[int, ...]]
    block_offsets: numpy.ndarray  # uint64
    block_bytecounts: numpy.ndarray  # uint64
    nodata: typing.Union[float, int, None]
    georeference: GeoReference
    gdal_metadata: typing.Optional[str]

    @property
    def gdal_dir_number(self):
        """The n of GDAL's GTIFF_DIR:n:path syntax: 1-based, counting every IFD."""
        return self.index + 1

    @property
    def is_overview(self):
        """Whether NewSubfileType marks a reduced-resolution image."""
        return bool(self.subfile_type & SUBFILE_REDUCED_RESOLUTION)

    @property
    def is_mask(self):
        """Whether NewSubfileType marks a transparency mask."""
        return bool(self.subfile_type & SUBFILE_MASK)

    @property
    def dtype(self):
        """Numpy dtype (native byte order) of decoded pixels; UnsupportedError if none."""
        sample_format = SampleFormat.UINT if self.sample_format == SampleFormat.VOID else self.sample_format
        return sample_dtype(sample_format, self.bits_per_sample)

    @property
    def stored_dtype(self):
        """Numpy dtype of samples as stored in the file, in its byte order."""
        sample_format = SampleFormat.UINT if self.sample_format == SampleFormat.VOID else self.sample_format
        return stored_dtype(sample_format, self.bits_per_sample, self.byteorder)

    @property
    def geotransform(self):
        """GDAL geotransform (6 floats) or None when the image is not georeferenced."""
        return self.georeference.geotransform

    @property
    def epsg(self):
        """EPSG code of the coordinate system, or None."""
        return self.georeference.epsg

    @property
    def blocks_across(self):
        """Number of block columns."""
        return -(-self.width // self.block_width)

    @property
    def blocks_down(self):
        """Number of block rows."""
        return -(-self.height // self.block_height)

    @property
    def blocks_per_plane(self):
        """Number of blocks holding one plane (all samples when contiguous)."""
        return self.blocks_across * self.blocks_down

    @property
    def planes(self):
        """Number of planes: samples per pixel when separate, else 1."""
        return self.samples_per_pixel if self.planar_config == PlanarConfig.SEPARATE else 1

    @property
    def samples_per_block(self):
        """Samples per pixel within one block."""
        return 1 if self.planar_config == PlanarConfig.SEPARATE else self.samples_per_pixel

    def block_index(self, col, row, plane=0):
        """Index into block_offsets of the block at (col, row) of a plane."""
        return plane * self.blocks_per_plane + row * self.blocks_across + col

    def metadata_items(self):
        """GDAL_METADATA items as {(band, domain, name): value} (see parse_gdal_metadata)."""
        return parse_gdal_metadata(self.gdal_metadata)


@dataclasses.dataclass(frozen=True, eq=False)
class TiffFile:
    """A parsed TIFF: its header, its size and every IFD in file order."""

    header: TiffHeader
    size: int
    ifds: typing.Tuple[TiffIfd, ...]

    @property
    def bigtiff(self):
        """Whether the file is a BigTIFF."""
        return self.header.bigtiff

    @property
    def byteorder(self):
        """'<' for little-endian (II), '>' for big-endian (MM)."""
        return self.header.byteorder

    def gdal_dir(self, n):
        """Return the IFD GDAL opens as GTIFF_DIR:n:path (n is 1-based, every IFD counts)."""
        if not 1 <= n <= len(self.ifds):
            raise IndexError(f"GTIFF_DIR {n} is out of range 1..{len(self.ifds)}")
        return self.ifds[n - 1]

    def main_ifd(self, ifd):
        """Return the full-resolution image an overview or mask IFD belongs to (or itself)."""
        for candidate in reversed(self.ifds[:ifd.index + 1]):
            if not candidate.is_overview and not candidate.is_mask:
                return candidate
        return self.ifds[0]

    def overviews(self, ifd=None):
        """Overview IFDs (not masks) of a full-resolution IFD (default the first), in file order."""
        main = ifd or self.ifds[0]
        return [i for i in self.ifds if i.is_overview and not i.is_mask and i is not main
                and self.main_ifd(i) is main]

    def mask(self, ifd):
        """Return the internal mask IFD of an image or overview (same size), or None."""
        main = self.main_ifd(ifd)
        for i in self.ifds:
            if i.is_mask and self.main_ifd(i) is main and (i.width, i.height) == (ifd.width, ifd.height):
                return i
        return None


def _corrupt(ifd_index, message, detail):
    return CorruptFileError(message, detail=f"IFD {ifd_index + 1}: {detail}")


def _scalar(tags, tag, default, ifd_index):
    value = tags.get(tag)
    if value is None:
        if default is None:
            raise _corrupt(ifd_index, "missing required tiff tag", f"Tag {tag.name} ({int(tag)}) is missing.")
        return default
    if isinstance(value, (str, bytes)) or len(value) == 0:
        raise _corrupt(ifd_index, "invalid tiff tag", f"Tag {tag.name} ({int(tag)}) has no numeric value.")
    return int(value[0])


def build_ifd(directory: Directory, header: TiffHeader) -> TiffIfd:
    """Interpret the tags of one IFD; CorruptFileError if required values are missing or absurd."""
    tags = directory.tags
    i = directory.index
    width = _scalar(tags, Tag.IMAGE_WIDTH, None, i)
    height = _scalar(tags, Tag.IMAGE_LENGTH, None, i)
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE):
        raise _corrupt(i, "invalid tiff image size", f"The image is {width}x{height} pixels.")
    samples = _scalar(tags, Tag.SAMPLES_PER_PIXEL, 1, i)
    if not 0 < samples <= MAX_SAMPLES_PER_PIXEL:
        raise _corrupt(i, "invalid tiff samples per pixel", f"SamplesPerPixel is {samples}.")
    bits = tags.get(Tag.BITS_PER_SAMPLE)
    bits = [1] if bits is None else [int(b) for b in bits]
    if not bits or any(b != bits[0] for b in bits):
        raise UnsupportedError(
            "unsupported tiff bits per sample",
            detail=f"IFD {i + 1} has samples of different sizes ({bits}).",
        )
    sample_format = tags.get(Tag.SAMPLE_FORMAT)
    sample_format = SampleFormat.UINT if sample_format is None or len(sample_format) == 0 else int(sample_format[0])
    planar = _scalar(tags, Tag.PLANAR_CONFIGURATION, PlanarConfig.CONTIG, i)
    if samples == 1:
        planar = PlanarConfig.CONTIG  # libtiff ignores the tag for one sample
    if planar not in (PlanarConfig.CONTIG, PlanarConfig.SEPARATE):
        raise _corrupt(i, "invalid tiff planar configuration", f"PlanarConfiguration is {planar}.")

    tiled = Tag.TILE_WIDTH in tags or Tag.TILE_OFFSETS in tags
    if tiled:
        block_width = _scalar(tags, Tag.TILE_WIDTH, None, i)
        block_height = _scalar(tags, Tag.TILE_LENGTH, None, i)
        offsets = tags.get(Tag.TILE_OFFSETS)
        counts = tags.get(Tag.TILE_BYTE_COUNTS)
        names = "TileOffsets/TileByteCounts"
    else:
        block_width = width
        block_height = min(_scalar(tags, Tag.ROWS_PER_STRIP, 2**32 - 1, i), height)
        offsets = tags.get(Tag.STRIP_OFFSETS)
        counts = tags.get(Tag.STRIP_BYTE_COUNTS)
        names = "StripOffsets/StripByteCounts"
    if not (0 < block_width <= MAX_IMAGE_SIDE and 0 < block_height <= MAX_IMAGE_SIDE):
        raise _corrupt(i, "invalid tiff block size", f"Blocks are {block_width}x{block_height} pixels.")
    if offsets is None or counts is None:
        raise _corrupt(i, "missing tiff block offsets", f"The {names} tags are missing.")
    if not all(isinstance(a, numpy.ndarray) and a.dtype.kind in "iu" for a in (offsets, counts)):
        raise _corrupt(i, "invalid tiff block offsets", f"The {names} tags do not hold integers.")
    planes = samples if planar == PlanarConfig.SEPARATE else 1
    nblocks = -(-width // block_width) * -(-height // block_height) * planes
    if len(offsets) < nblocks or len(counts) < nblocks:
        raise _corrupt(
            i, "invalid tiff block offsets",
            f"The image needs {nblocks} blocks but {names} hold {len(offsets)} and {len(counts)} values.",
        )

    subfile = _scalar(tags, Tag.NEW_SUBFILE_TYPE, 0, i)
    photometric = tags.get(Tag.PHOTOMETRIC)
    photometric = int(photometric[0]) if photometric is not None and len(photometric) else None
    jpeg_tables = tags.get(Tag.JPEG_TABLES)
    lerc = tags.get(Tag.LERC_PARAMETERS)
    extra = tags.get(Tag.EXTRA_SAMPLES)
    nodata_text = tags.get(Tag.GDAL_NODATA)
    metadata = tags.get(Tag.GDAL_METADATA)
    try:
        dtype = sample_dtype(SampleFormat.UINT if sample_format == SampleFormat.VOID else sample_format, bits[0])
    except UnsupportedError:
        dtype = numpy.dtype(numpy.float64)  # only used to parse nodata; reading will raise
    return TiffIfd(
        index=i,
        offset=directory.offset,
        byteorder=header.byteorder,
        width=width,
        height=height,
        tiled=tiled,
        block_width=block_width,
        block_height=block_height,
        samples_per_pixel=samples,
        bits_per_sample=bits[0],
        sample_format=sample_format,
        planar_config=planar,
        compression=_scalar(tags, Tag.COMPRESSION, Compression.NONE, i),
        predictor=_scalar(tags, Tag.PREDICTOR, Predictor.NONE, i),
        photometric=photometric,
        fill_order=_scalar(tags, Tag.FILL_ORDER, 1, i),
        subfile_type=subfile,
        extra_samples=tuple(int(v) for v in extra) if extra is not None and not isinstance(extra, (str, bytes)) else (),
        jpeg_tables=bytes(jpeg_tables) if isinstance(jpeg_tables, (bytes, numpy.ndarray)) else None,
        lerc_parameters=tuple(int(v) for v in lerc) if lerc is not None and not isinstance(lerc, (str, bytes)) else None,
        block_offsets=numpy.asarray(offsets[:nblocks], dtype=numpy.uint64),
        block_bytecounts=numpy.asarray(counts[:nblocks], dtype=numpy.uint64),
        nodata=parse_nodata(nodata_text, dtype) if isinstance(nodata_text, str) else None,
        georeference=georeference(tags),
        gdal_metadata=metadata if isinstance(metadata, str) else None,
    )


def inherit_from_main(ifds):
    """Give overviews and masks without their own georeference that of their main image.

    Overviews get the main geotransform rescaled as GDAL does for overview datasets,
    and the main nodata when they have none; masks get the georeference only.
    """
    out = []
    main = None
    for ifd in ifds:
        if not ifd.is_overview and not ifd.is_mask:
            main = ifd
        elif main is not None:
            changes = {}
            if ifd.georeference.geotransform is None and ifd.georeference.epsg is None:
                changes["georeference"] = main.georeference.scaled(main.width / ifd.width, main.height / ifd.height)
            if not ifd.is_mask and ifd.nodata is None and main.nodata is not None:
                changes["nodata"] = main.nodata
            if changes:
                ifd = dataclasses.replace(ifd, **changes)
        out.append(ifd)
    return tuple(out)

