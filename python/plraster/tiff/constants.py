"""TIFF, BigTIFF and GeoTIFF numeric codes: tags, field types, compressions."""

import enum


class Tag(enum.IntEnum):
    """The TIFF tags this reader interprets (TIFF 6, GeoTIFF 1.1, GDAL private tags)."""

    NEW_SUBFILE_TYPE = 254
    IMAGE_WIDTH = 256
    IMAGE_LENGTH = 257
    BITS_PER_SAMPLE = 258
    COMPRESSION = 259
    PHOTOMETRIC = 262
    FILL_ORDER = 266
    STRIP_OFFSETS = 273
    SAMPLES_PER_PIXEL = 277
    ROWS_PER_STRIP = 278
    STRIP_BYTE_COUNTS = 279
    PLANAR_CONFIGURATION = 284
    PREDICTOR = 317
    TILE_WIDTH = 322
    TILE_LENGTH = 323
    TILE_OFFSETS = 324
    TILE_BYTE_COUNTS = 325
    EXTRA_SAMPLES = 338
    SAMPLE_FORMAT = 339
    JPEG_TABLES = 347
    YCBCR_SUBSAMPLING = 530
    MODEL_PIXEL_SCALE = 33550
    MODEL_TIEPOINT = 33922
    MODEL_TRANSFORMATION = 34264
    GEO_KEY_DIRECTORY = 34735
    GEO_DOUBLE_PARAMS = 34736
    GEO_ASCII_PARAMS = 34737
    GDAL_METADATA = 42112
    GDAL_NODATA = 42113
    LERC_PARAMETERS = 50674


class FieldType(enum.IntEnum):
    """TIFF field types; the value is the code stored in an IFD entry."""

    BYTE = 1
    ASCII = 2
    SHORT = 3
    LONG = 4
    RATIONAL = 5
    SBYTE = 6
    UNDEFINED = 7
    SSHORT = 8
    SLONG = 9
    SRATIONAL = 10
    FLOAT = 11
    DOUBLE = 12
    IFD = 13
    LONG8 = 16
    SLONG8 = 17
    IFD8 = 18


# Field type -> (size of one value in bytes, struct format character).
# Rationals are read as pairs of (s)longs and divided afterwards.
FIELD_FORMATS = {
    FieldType.BYTE: (1, "B"),
    FieldType.ASCII: (1, "s"),
    FieldType.SHORT: (2, "H"),
    FieldType.LONG: (4, "I"),
    FieldType.RATIONAL: (8, "I"),
    FieldType.SBYTE: (1, "b"),
    FieldType.UNDEFINED: (1, "s"),
    FieldType.SSHORT: (2, "h"),
    FieldType.SLONG: (4, "i"),
    FieldType.SRATIONAL: (8, "i"),
    FieldType.FLOAT: (4, "f"),
    FieldType.DOUBLE: (8, "d"),
    FieldType.IFD: (4, "I"),
    FieldType.LONG8: (8, "Q"),
    FieldType.SLONG8: (8, "q"),
    FieldType.IFD8: (8, "Q"),
}


class Compression(enum.IntEnum):
    """Compression codes this reader decodes."""

    NONE = 1
    LZW = 5
    JPEG = 7
    ADOBE_DEFLATE = 8
    PACKBITS = 32773
    DEFLATE = 32946
    LERC = 34887
    ZSTD = 50000
    WEBP = 50001


class Predictor(enum.IntEnum):
    """Predictor codes (TIFF tag 317)."""

    NONE = 1
    HORIZONTAL = 2
    FLOATING_POINT = 3


class Photometric(enum.IntEnum):
    """Photometric interpretations that matter when decoding (others pass through)."""

    MINISWHITE = 0
    MINISBLACK = 1
    RGB = 2
    PALETTE = 3
    MASK = 4
    SEPARATED = 5
    YCBCR = 6


class PlanarConfig(enum.IntEnum):
    """Sample layout: all samples of a pixel together, or one plane per sample."""

    CONTIG = 1
    SEPARATE = 2


class SampleFormat(enum.IntEnum):
    """How the bits of a sample are interpreted."""

    UINT = 1
    INT = 2
    IEEEFP = 3
    VOID = 4
    COMPLEXINT = 5
    COMPLEXIEEEFP = 6


class LercAdditionalCompression(enum.IntEnum):
    """Second value of LercParameters (tag 50674) as GDAL writes it."""

    NONE = 0
    DEFLATE = 1
    ZSTD = 2


# NewSubfileType bits.
SUBFILE_REDUCED_RESOLUTION = 0x1
SUBFILE_PAGE = 0x2
SUBFILE_MASK = 0x4

# GeoKey ids used for georeferencing.
GT_MODEL_TYPE_GEOKEY = 1024
GT_RASTER_TYPE_GEOKEY = 1025
GEOGRAPHIC_TYPE_GEOKEY = 2048
PROJECTED_CS_TYPE_GEOKEY = 3072
RASTER_PIXEL_IS_AREA = 1
RASTER_PIXEL_IS_POINT = 2
MODEL_TYPE_PROJECTED = 1
MODEL_TYPE_GEOGRAPHIC = 2
USER_DEFINED = 32767
