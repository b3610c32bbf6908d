"""Out-db raster records of one image, tile by tile, as raster2pgsql -R writes them.

Each record is a 61-byte header (the tile's georeference: the image's geotransform
applied to the tile's pixel offset, evaluated in GDALApplyGeoTransform's order) and one
out-db band per band number: flags, nodata, the 0-based band number and the path. The
band part is the same for every tile of an image, so it is built once.
"""

from plraster.core import wkb
from plraster.core.wkb import Band, RasterHeader


def tile_grid(width, height, tile_width, tile_height):
    """(x, y, width, height) of every tile of an image, row by row; edge tiles are cut
    to the image (raster2pgsql without -P)."""
    return [(x, y, min(tile_width, width - x), min(tile_height, height - y))
            for y in range(0, height, tile_height) for x in range(0, width, tile_width)]


def band_records(level, numbers):
    """The WKB of the out-db bands of a record: one per 1-based band number."""
    path = level.path.encode("utf-8")
    has_nodata = level.nodata is not None
    return b"".join(
        wkb.emit_band(Band(level.pixtype, has_nodata, False, level.nodata if has_nodata else 0,
                           None, n - 1, path), 0, 0)
        for n in numbers)


def tile_records(level, spec, srid, shown):
    """The records (bytes) of every tile of an image, row by row."""
    ifd = level.ifd
    numbers = spec.band_numbers(ifd, shown)
    tile_width, tile_height = spec.tile_size(ifd)
    bands = band_records(level, numbers)
    g0, g1, g2, g3, g4, g5 = level.geotransform
    base = RasterHeader(len(numbers), g1, g5, g0, g3, g2, g4, srid, 0, 0)
    out = []
    for x, y, w, h in tile_grid(ifd.width, ifd.height, tile_width, tile_height):
        header = base._replace(ip_x=g0 + x * g1 + y * g2, ip_y=g3 + x * g4 + y * g5, width=w, height=h)
        out.append(wkb.emit_header(header) + bands)
    return out
