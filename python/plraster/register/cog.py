"""A COG as registration sees it: its full-resolution image and its internal overviews.

Only the header is read, through the out-db engine (plraster.outdb.band_file_info): the
source allow-list and credentials apply and the parsed header stays in the engine's
cache. The records need each image's size, block size, georeference, sample type and
nodata; tile offsets are never looked at.
"""

import dataclasses
import typing

from plraster import outdb
from plraster.core.errors import InvalidParameterError, UnsupportedError
from plraster.core.pixtypes import BY_NAME, PixelTypeInfo, to_pixel_value
from plraster.core.srid import clamp_srid

# Decoded TIFF sample dtypes to PostGIS pixel types, as raster2pgsql maps GDAL's types
# (1-bit samples decode to uint8 and float16 to float32, as GDAL reads them).
_PIXTYPES = {info.dtype: info for name, info in BY_NAME.items() if name not in ("1BB", "2BUI", "4BUI", "16BF")}


@dataclasses.dataclass(frozen=True)
class Level:
    """One image of a COG as records point at it.

    factor  1 for full resolution, else the overview factor (o_<factor>_<table>)
    path    the out-db path records carry: the URL as given, or GTIFF_DIR:n:<URL>
    """

    factor: int
    path: str
    ifd: typing.Any
    pixtype: PixelTypeInfo
    nodata: typing.Optional[float]

    @property
    def geotransform(self):
        """The georeference plraster's out-db reader gives this image (GDAL order)."""
        return self.ifd.geotransform or outdb.engine.DEFAULT_GEOTRANSFORM


@dataclasses.dataclass(frozen=True)
class Cog:
    """A COG to register: its URL as given, its SRID and its images, full resolution first."""

    url: str
    shown: str  # the location as messages may show it (no credentials, no query)
    srid: int
    levels: typing.Tuple[Level, ...]

    @property
    def main(self):
        """The full-resolution image."""
        return self.levels[0]


def read_cog(url, overviews=True):
    """Read the header of the COG at `url` (any out-db spelling) and describe its images.

    Raises the out-db engine's errors (42501 for a path outside every source, 58P01 for a
    missing object, ...), InvalidParameterError for a GTIFF_DIR path, UnsupportedError for
    a sample type PostGIS has no pixel type for.
    """
    opened, ifd, parsed = outdb.band_file_info(url)
    shown = parsed.display()
    if parsed.ifd_index is not None:
        raise InvalidParameterError(
            'cannot register one image of a file: "%s"' % url,
            hint="Give the path of the file without GTIFF_DIR:n:; its overviews are registered with it.")
    tiff = opened.tiff
    if ifd.is_overview or ifd.is_mask:
        raise InvalidParameterError('the first image of "%s" is not a full-resolution image' % shown)
    levels = [_level(ifd, 1, url, shown)]
    if overviews:
        for ovr in tiff.overviews(ifd):
            levels.append(_level(ovr, overview_factor(ifd, ovr), "GTIFF_DIR:%d:%s" % (ovr.gdal_dir_number, url),
                                 shown))
    return Cog(url, shown, clamp_srid(ifd.epsg or 0), tuple(levels))


def overview_factor(main, ovr):
    """The overview factor GDAL reports for an overview (GDALComputeOvFactor): the size
    ratio along the longer axis, rounded."""
    if main.width >= main.height // 2 and main.width > 1:
        return max(int(0.5 + main.width / ovr.width), 1)
    return max(int(0.5 + main.height / ovr.height), 1)


def _level(ifd, factor, path, shown):
    try:
        info = _PIXTYPES.get(ifd.dtype)
    except UnsupportedError:
        info = None
    if info is None:
        raise UnsupportedError('pixel type of out-db file "%s" is not supported' % shown,
                               detail="Image %d has samples of %d bits, sample format %d."
                               % (ifd.gdal_dir_number, ifd.bits_per_sample, ifd.sample_format))
    nodata = None if ifd.nodata is None else to_pixel_value(info, float(ifd.nodata))
    return Level(factor, path, ifd, info, nodata)
