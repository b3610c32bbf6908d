"""PostGIS raster pixel types: codes, names, numpy dtypes and value ranges.

The codes are the ones PostGIS writes in WKB (the RFC2 document is wrong about 32BF and
64BF: PostGIS uses 10 and 11; 9 is 16BF, added in PostGIS 3.7).
"""
from dataclasses import dataclass
from enum import IntEnum

import functools

from plraster.core.lazynumpy import np

from plraster.core.errors import InvalidParameterError


class PixelType(IntEnum):
    """A pixel type code as stored in the low four bits of a band's flag byte."""

    PT_1BB = 0
    PT_2BUI = 1
    PT_4BUI = 2
    PT_8BSI = 3
    PT_8BUI = 4
    PT_16BSI = 5
    PT_16BUI = 6
    PT_32BSI = 7
    PT_32BUI = 8
    PT_16BF = 9
    PT_32BF = 10
    PT_64BF = 11


@dataclass(frozen=True)
class PixelTypeInfo:
    """What plraster needs to know of a pixel type."""

    code: PixelType
    name: str
    dtype_name: str  # numpy's name; `dtype` builds the dtype when first asked for
    min: float
    max: float
    size: int  # bytes one pixel takes in WKB

    @functools.cached_property
    def dtype(self):
        """The numpy dtype, in native byte order (the codec picks the WKB's order)."""
        return np.dtype(self.dtype_name)

    @property
    def is_float(self):
        """True for 16BF, 32BF and 64BF."""
        return self.dtype_name.startswith("float")


_INFO = [
    PixelTypeInfo(PixelType.PT_1BB, "1BB", "uint8", 0, 1, 1),
    PixelTypeInfo(PixelType.PT_2BUI, "2BUI", "uint8", 0, 3, 1),
    PixelTypeInfo(PixelType.PT_4BUI, "4BUI", "uint8", 0, 15, 1),
    PixelTypeInfo(PixelType.PT_8BSI, "8BSI", "int8", -128, 127, 1),
    PixelTypeInfo(PixelType.PT_8BUI, "8BUI", "uint8", 0, 255, 1),
    PixelTypeInfo(PixelType.PT_16BSI, "16BSI", "int16", -32768, 32767, 2),
    PixelTypeInfo(PixelType.PT_16BUI, "16BUI", "uint16", 0, 65535, 2),
    PixelTypeInfo(PixelType.PT_32BSI, "32BSI", "int32", -2147483648, 2147483647, 4),
    PixelTypeInfo(PixelType.PT_32BUI, "32BUI", "uint32", 0, 4294967295, 4),
    PixelTypeInfo(PixelType.PT_16BF, "16BF", "float16", -65504.0, 65504.0, 2),
    PixelTypeInfo(PixelType.PT_32BF, "32BF", "float32",
                  -3.4028234663852886e38, 3.4028234663852886e38, 4),
    PixelTypeInfo(PixelType.PT_64BF, "64BF", "float64",
                  -1.7976931348623157e308, 1.7976931348623157e308, 8),
]
BY_CODE = {info.code: info for info in _INFO}
# struct's format character of each type's pixels (1BB, 2BUI and 4BUI take a byte).
STRUCT_FORMAT = {"1BB": "B", "2BUI": "B", "4BUI": "B", "8BSI": "b", "8BUI": "B", "16BSI": "h",
                 "16BUI": "H", "32BSI": "i", "32BUI": "I", "16BF": "e", "32BF": "f", "64BF": "d"}
# Indexed by the code itself: the lookup every band read makes, without building an enum.
_BY_INT_CODE = tuple(BY_CODE.get(code) for code in range(16))
BY_NAME = {info.name: info for info in _INFO}


def to_pixel_value(info, value):
    """Convert a double to what a pixel of type info stores, as PostGIS does.

    Integer types: clamped to the type's range (NaN gives the minimum), then truncated
    toward zero. 32BF and 16BF: clamped to the largest finite value (so infinities become
    it), NaN kept, then rounded to the type. 64BF: kept as it is.
    """
    if info.is_float:
        if value != value or info.size == 8:
            return float(value)
        value = min(max(value, info.min), info.max)
        return float(np.array(value).astype(info.dtype))
    if value != value or value <= info.min:
        return int(info.min)
    if value >= info.max:
        return int(info.max)
    return int(value)  # int() truncates toward zero


def info_for_code(code):
    """Return the PixelTypeInfo for a WKB pixel type code, or None when the code is unknown."""
    if 0 <= code < 16:
        return _BY_INT_CODE[code]
    return None


def info_for_name(name):
    """Return the PixelTypeInfo for a PostGIS pixel type name such as '8BUI'.

    Raises InvalidParameterError for a name PostGIS does not know.
    """
    info = BY_NAME.get(name.upper() if isinstance(name, str) else name)
    if info is None:
        raise InvalidParameterError(
            "invalid pixel type %r" % (name,),
            hint="Use one of " + ", ".join(BY_NAME) + ".")
    return info
