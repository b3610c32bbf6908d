"""Raster WKB of one tile, written the way raster2pgsql writes it (little-endian, version 0).

The hot path of the loader: the header is one struct.pack, each band a flag byte, the
nodata value and the pixels' bytes (a copy of a numpy slice), joined once.
"""

import math
import struct

import numpy

from plraster.core.pixtypes import to_pixel_value
from plraster.core.wkb import FLAG_HASNODATA, FLAG_ISNODATA, FLAG_OUTDB

_HEADER = struct.Struct("<BHHddddddiHH")


def gdal_fill_value(pixtype, value):
    """A double nodata value as GDAL writes it into pixels of the type: integers rounded
    half away from zero and clamped (NaN gives 0), floats as the pixel type holds them.

    raster2pgsql pads with this value but records the nodata value truncated toward zero
    (PostGIS's conversion), so the two differ for a fractional nodata on an integer band.
    """
    if pixtype.is_float:
        return to_pixel_value(pixtype, value)
    if value != value:
        return 0
    rounded = math.floor(abs(value) + 0.5) * (1 if value >= 0 else -1) if math.isfinite(value) else value
    return int(min(max(rounded, pixtype.min), pixtype.max))


class BandSpec:
    """What every tile of one band shares: its WKB prefix parts and its padding value."""

    def __init__(self, pixtype, nodata, source_band):
        self.pixtype = pixtype
        self.source_band = source_band  # 1-based band of the file
        self.dtype = pixtype.dtype.newbyteorder("<")
        # The value as the pixel type holds it (PostGIS's conversion), or None.
        self.nodata = None if nodata is None else to_pixel_value(pixtype, nodata)
        self.flags = int(pixtype.code) | (FLAG_HASNODATA if nodata is not None else 0)
        self.nodata_bytes = numpy.array(0 if nodata is None else self.nodata).astype(self.dtype).tobytes()
        self.fill = self.dtype.type(0 if nodata is None else gdal_fill_value(pixtype, nodata))

    def prefix(self, is_nodata=False):
        """The flag byte and nodata value of an in-db band."""
        return bytes((self.flags | (FLAG_ISNODATA if is_nodata else 0),)) + self.nodata_bytes

    def outdb_body(self, path_bytes, is_nodata=False):
        """Flag byte, nodata, 0-based band number and NUL-terminated path of an out-db band."""
        flags = self.flags | FLAG_OUTDB | (FLAG_ISNODATA if is_nodata else 0)
        return bytes((flags,)) + self.nodata_bytes + bytes((self.source_band - 1,)) + path_bytes + b"\0"


def tile_header(band_count, gt, srid, x, y, width, height):
    """The 61-byte header of a tile whose upper-left pixel is (x, y) of an image with
    geotransform gt (GDAL order)."""
    return _HEADER.pack(1, 0, band_count, gt[1], gt[5],
                        gt[0] + x * gt[1] + y * gt[2], gt[3] + x * gt[4] + y * gt[5],
                        gt[2], gt[4], srid, width, height)


def band_bytes(spec, pixels, width, height):
    """Pixel bytes of one band of a tile: `pixels` (data rows x data columns), padded
    with the band's fill value to width x height when smaller."""
    if pixels.shape != (height, width):
        full = numpy.full((height, width), spec.fill, dtype=spec.dtype)
        full[:pixels.shape[0], :pixels.shape[1]] = pixels
        pixels = full
    # a window of a larger array is strided: numpy's tobytes() copies such an array
    # element by element (180 us for 256x256 Int16), a contiguous copy first takes 7 us
    return numpy.ascontiguousarray(pixels, dtype=spec.dtype).tobytes()
