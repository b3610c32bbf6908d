"""What plraster_register_cog is asked for: tile size, bands and SRID, checked once."""

import dataclasses
import re
import typing

from plraster.core.errors import InvalidParameterError, SizeLimitError
from plraster.core.srid import clamp_srid

MAX_TILE_SIDE = 65535  # a raster's width and height are u16
_TILE = re.compile(r"\s*(\d+)\s*x\s*(\d+)\s*\Z", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class RegisterSpec:
    """Options that shape the records.

    tile   'auto' (each image's block size, raster2pgsql -t auto), (width, height), or
           None (one record per image, as raster2pgsql without -t)
    srid   the SRID to write, or None for the file's (EPSG code, else 0)
    bands  1-based band numbers of the file, or None for all
    """

    tile: typing.Union[str, typing.Tuple[int, int], None]
    srid: typing.Optional[int]
    bands: typing.Optional[typing.Tuple[int, ...]]

    @classmethod
    def parse(cls, tile, srid, bands):
        """Check the SQL arguments; InvalidParameterError (22023) for a bad one."""
        return cls(parse_tile(tile), None if srid is None else clamp_srid(int(srid), notice=True),
                   parse_bands(bands))

    def tile_size(self, ifd):
        """(width, height) of the tiles of one image."""
        if self.tile == "auto":
            size = (ifd.block_width, ifd.block_height)
        elif self.tile is None:
            size = (ifd.width, ifd.height)
        else:
            size = self.tile
        if size[0] > MAX_TILE_SIDE or size[1] > MAX_TILE_SIDE:
            raise SizeLimitError(
                "tile of %d x %d pixels is too large for a raster" % size,
                detail="A raster has at most %d pixels on a side." % MAX_TILE_SIDE,
                hint="Give a tile size such as tile => '256x256'.")
        return size

    def band_numbers(self, ifd, shown):
        """The 1-based band numbers to register, checked against the image."""
        numbers = self.bands or tuple(range(1, ifd.samples_per_pixel + 1))
        for n in numbers:
            if not 1 <= n <= ifd.samples_per_pixel:
                raise InvalidParameterError(
                    'band %d not found in out-db file "%s"' % (n, shown),
                    detail="The file has %d band(s)." % ifd.samples_per_pixel)
        return numbers


def parse_tile(text):
    """'auto', 'WxH' or NULL (see RegisterSpec.tile)."""
    if text is None:
        return None
    if text.strip().lower() == "auto":
        return "auto"
    match = _TILE.match(text)
    if not match or int(match.group(1)) < 1 or int(match.group(2)) < 1:
        raise InvalidParameterError(
            'invalid tile size "%s"' % text,
            hint="Use 'auto' (the COG's block size), 'WIDTHxHEIGHT' such as '256x256', or NULL "
                 "for one raster per image.")
    return int(match.group(1)), int(match.group(2))


def parse_bands(bands):
    """A band list (NULL entries skipped) or None for every band."""
    if bands is None:
        return None
    numbers = tuple(int(b) for b in bands if b is not None)
    if any(n < 1 for n in numbers):
        raise InvalidParameterError("band numbers start at 1", detail="The bands given were %s." % (list(numbers),))
    if any(n > 256 for n in numbers):
        raise InvalidParameterError("band numbers of out-db rasters are at most 256",
                                    detail="An out-db band stores its band number in one byte.")
    return numbers or None
