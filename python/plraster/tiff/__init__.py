"""A pure-Python TIFF/BigTIFF/COG reader working on byte-range sources (no GDAL, no plpy).

    source = FileSource("dem.tif")
    tiff = open_tiff(source)
    ifd = tiff.ifds[0]                       # or tiff.gdal_dir(n) for GTIFF_DIR:n:
    pixels = read_window(ifd, source, 0, 0, 256, 256, bands=[1])   # (bands, h, w)
"""

from .codec import check_decodable, decode_tile
from .directory import TiffHeader
from .geo import GeoReference, parse_gdal_metadata
from .ifd import TiffFile, TiffIfd
from .reader import open_tiff
from .source import (
    ByteRangeSource,
    BytesSource,
    FileSource,
    MergedRange,
    merge_ranges,
    read_merged,
)
from .window import BlockSpan, blocks_for_window, fill_value, read_blocks, read_window, tiles_for_window

__all__ = [
    "BlockSpan",
    "ByteRangeSource",
    "BytesSource",
    "FileSource",
    "GeoReference",
    "MergedRange",
    "TiffFile",
    "TiffHeader",
    "TiffIfd",
    "blocks_for_window",
    "check_decodable",
    "decode_tile",
    "fill_value",
    "merge_ranges",
    "open_tiff",
    "parse_gdal_metadata",
    "read_blocks",
    "read_merged",
    "read_window",
    "tiles_for_window",
]
