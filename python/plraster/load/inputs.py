"""Opening a raster to load: a local GeoTIFF/COG or a URL, read with plraster's own reader.

What the loader needs of a file is what raster2pgsql asks GDAL for: the size, the
geotransform (GDAL's default when there is none), the EPSG code, the bands' pixel types
and nodata value, and GDAL's block size (for -t auto); then rows of pixels.
"""

import os
import typing

import numpy

from plraster import storage, tiff
from plraster.core.errors import InvalidParameterError, UnsupportedError
from plraster.core.pixtypes import BY_NAME, PixelTypeInfo

from .options import looks_like_raster

# raster2pgsql's geotransform for a file without one (it says so on stderr).
DEFAULT_GEOTRANSFORM = (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)

# GDAL reads one uncompressed strip larger than this as strips of about this size.
GDAL_SPLIT_STRIP_BYTES = 8192

# GDAL's GDAL_OVERVIEW_OVERSAMPLING_THRESHOLD for nearest-neighbour reads.
OVERSAMPLING_THRESHOLD = 1.2

# Decoded pixels held at once while reading rows (a chunk of whole block rows).
MAX_CHUNK_BYTES = 64 * 1024 * 1024

# Decoded sample type -> PostGIS pixel type, as raster2pgsql maps GDAL's data types.
# int8 is 8BSI: GDAL 3.6 (and so raster2pgsql built on it) calls a signed-byte band
# Byte and writes 8BUI; GDAL 3.7 and later say Int8, and so does plraster.
PIXEL_TYPES = {
    numpy.dtype(numpy.uint8): BY_NAME["8BUI"],
    numpy.dtype(numpy.int8): BY_NAME["8BSI"],
    numpy.dtype(numpy.uint16): BY_NAME["16BUI"],
    numpy.dtype(numpy.int16): BY_NAME["16BSI"],
    numpy.dtype(numpy.uint32): BY_NAME["32BUI"],
    numpy.dtype(numpy.int32): BY_NAME["32BSI"],
    numpy.dtype(numpy.float32): BY_NAME["32BF"],
    numpy.dtype(numpy.float64): BY_NAME["64BF"],
}


def open_source(path):
    """A byte-range source for a path as typed: a URL in any GDAL spelling, or a local file.

    There is no allow-list on the client; remote credentials come from the environment
    variables GDAL reads (see plraster.storage.options, .swift, .s3).
    """
    if looks_like_raster(path) and not os.path.isfile(path):
        return storage.open_source(path), storage.parse_outdb_path(path).ifd_index
    return storage.FileSource(path), None


class RowReader:
    """Rows of pixels of one IFD (the image or one of its internal overviews)."""

    def __init__(self, ifd, source):
        self.ifd = ifd
        self.source = source
        self.width = ifd.width
        self.height = ifd.height
        self._chunk = None  # (first row, array of every sample: bands x rows x width)

    def rows(self, first, count):
        """Pixels of rows [first, first+count) of every band: an array (bands, count, width).

        Rows are read in chunks of whole block rows (bounded by MAX_CHUNK_BYTES) and the
        last chunk is kept, so consecutive calls decode each block once.
        """
        out = None
        row = first
        end = first + count
        while row < end:
            start, chunk = self._chunk_for(row)
            take = min(end, start + chunk.shape[1]) - row
            part = chunk[:, row - start:row - start + take]
            if take == count:
                return part
            if out is None:
                out = numpy.empty((chunk.shape[0], count, self.width), dtype=chunk.dtype)
            out[:, row - first:row - first + take] = part
            row += take
        return out

    def gathered_rows(self, indexes):
        """Pixels of the rows at `indexes` (increasing) of every band: (bands, len, width)."""
        ifd = self.ifd
        out = numpy.empty((ifd.samples_per_pixel, len(indexes), self.width), dtype=ifd.dtype)
        for k, row in enumerate(indexes):
            out[:, k] = self.rows(int(row), 1)[:, 0]
        return out

    def _chunk_for(self, row):
        if self._chunk is not None:
            start, chunk = self._chunk
            if start <= row < start + chunk.shape[1]:
                return self._chunk
        ifd = self.ifd
        bh = ifd.block_height
        row_bytes = self.width * ifd.samples_per_pixel * ifd.dtype.itemsize
        blocks = max(1, MAX_CHUNK_BYTES // max(1, row_bytes * bh))
        start = row - row % bh
        rows = min(self.height - start, blocks * bh)
        self._chunk = None  # let the previous chunk go before reading the next
        chunk = tiff.read_window(ifd, self.source, 0, start, self.width, rows)
        self._chunk = (start, chunk)
        return self._chunk


class InputRaster:
    """One raster file opened for loading (see module doc)."""

    def __init__(self, path):
        self.path = path
        self.source, gdal_dir = open_source(path)
        self.tiff = tiff.open_tiff(self.source)
        self.ifd = self.tiff.gdal_dir(gdal_dir) if gdal_dir else self.tiff.ifds[0]
        ifd = self.ifd
        tiff.check_decodable(ifd)
        self.width = ifd.width
        self.height = ifd.height
        self.band_count = ifd.samples_per_pixel
        self.dtype = ifd.dtype
        self.pixtype = pixel_type(self.dtype, path)
        self.nodata = ifd.nodata
        gt = ifd.geotransform
        self.has_geotransform = gt is not None
        self.geotransform = tuple(float(v) for v in gt) if gt is not None else DEFAULT_GEOTRANSFORM
        self.epsg = ifd.epsg or 0
        self.reader = RowReader(ifd, self.source)
        self.rows = self.reader.rows

    @property
    def block_size(self):
        """The block size GDAL reports for the image (tiles, strips, or split strips)."""
        ifd = self.ifd
        bw, bh = ifd.block_width, ifd.block_height
        if not ifd.tiled and bh >= ifd.height and ifd.compression == 1 and ifd.bits_per_sample >= 8:
            row_bytes = ifd.width * ifd.samples_per_block * ifd.bits_per_sample // 8
            if row_bytes * ifd.height > GDAL_SPLIT_STRIP_BYTES:
                bh = max(1, GDAL_SPLIT_STRIP_BYTES // row_bytes)
        return bw, bh

    def check_bands(self, bands):
        """Raise InvalidParameterError unless every 1-based band exists in the file."""
        for b in bands:
            if b > self.band_count:
                raise InvalidParameterError(f'band {b} not found in raster "{self.path}"',
                                            detail=f"The raster has {self.band_count} bands.")

    def overview_reader(self, width, height):
        """The RowReader GDAL's nearest-neighbour RasterIO reads a width x height
        downsampling of the image from: the image, or the coarsest internal overview whose
        resolution is below OVERSAMPLING_THRESHOLD times the one asked for (measured on the
        less reduced side), as GDALBandGetBestOverviewLevel2 chooses."""
        x_ratio, y_ratio = self.width / width, self.height / height
        use_x = x_ratio < y_ratio or height == 1
        desired = x_ratio if use_x else y_ratio
        best, best_resolution = None, 0.0
        for ov in self.tiff.overviews(self.ifd):
            if ov.samples_per_pixel != self.band_count or ov.dtype != self.dtype:
                continue
            resolution = self.width / ov.width if use_x else self.height / ov.height
            if resolution >= desired * OVERSAMPLING_THRESHOLD or resolution <= best_resolution:
                continue
            best, best_resolution = ov, resolution
        if best is None:
            return self.reader
        tiff.check_decodable(best)
        return RowReader(best, self.source)

    def close(self):
        """Drop the cached pixels and close a local file."""
        self.reader._chunk = None
        close = getattr(self.source, "close", None)
        if close is not None:
            close()


def pixel_type(dtype, path):
    """The PostGIS pixel type of a decoded sample type; UnsupportedError for 64-bit integers."""
    info: typing.Optional[PixelTypeInfo] = PIXEL_TYPES.get(numpy.dtype(dtype))
    if info is None:
        raise UnsupportedError(
            f'unsupported pixel type {numpy.dtype(dtype).name} in raster "{path}"',
            detail="PostGIS raster has no 64-bit integer pixel type.")
    return info
