"""GeoTIFF georeferencing and GDAL's private tags, interpreted as GDAL does by default.

- geotransform: ModelPixelScale + ModelTiepoint first, else ModelTransformation, with
  RasterPixelIsPoint shifting the origin by half a pixel (GTIFF_POINT_GEO_IGNORE=FALSE)
  and a negative ScaleY treated as north-up (GTIFF_HONOUR_NEGATIVE_SCALEY unset).
- GDAL_NODATA (42113): ASCII, parsed like C's atof (CPLAtofM), "nan"/"inf" included.
- GDAL_METADATA (42112): the XML kept as text; `parse_gdal_metadata` reads its items.
Sidecar files GDAL may also consult (.aux.xml, .tfw, .prj) are not read.
"""

import dataclasses
import re
import typing

import numpy

from plraster.core.errors import CorruptFileError

from .constants import (
    GEOGRAPHIC_TYPE_GEOKEY,
    GT_MODEL_TYPE_GEOKEY,
    GT_RASTER_TYPE_GEOKEY,
    MODEL_TYPE_GEOGRAPHIC,
    PROJECTED_CS_TYPE_GEOKEY,
    RASTER_PIXEL_IS_POINT,
    USER_DEFINED,
    Tag,
)


@dataclasses.dataclass(frozen=True)
class GeoReference:
    """Where an image lies: GDAL geotransform, EPSG code and the GeoKeys behind them."""

    geotransform: typing.Optional[typing.Tuple[float, float, float, float, float, float]]
    epsg: typing.Optional[int]
    pixel_is_point: bool
    geokeys: typing.Mapping[int, object]  # GeoKey id -> int, tuple of floats, or str

    def scaled(self, x_ratio, y_ratio):
        """Return this georeference for an image `x_ratio`/`y_ratio` times coarser.

        This is GDAL's overview geotransform (GDALRescaleGeoTransform): the ratios are
        full size / overview size along each axis.
        """
        if self.geotransform is None:
            return self
        g = self.geotransform
        gt = (g[0], g[1] * x_ratio, g[2] * y_ratio, g[3], g[4] * x_ratio, g[5] * y_ratio)
        return dataclasses.replace(self, geotransform=gt)


def parse_geokeys(tags):
    """Return {GeoKey id: value} from the GeoKeyDirectory and its parameter tags.

    Values are ints (stored in the directory), tuples of floats (GeoDoubleParams) or
    str (GeoAsciiParams, without the '|' terminator). Keys pointing outside their
    parameter tag raise CorruptFileError.
    """
    directory = tags.get(Tag.GEO_KEY_DIRECTORY)
    if directory is None:
        return {}
    if len(directory) < 4:
        raise CorruptFileError(
            "invalid geotiff key directory", detail=f"The GeoKeyDirectory has {len(directory)} values, fewer than 4."
        )
    n = int(directory[3])
    if len(directory) < 4 + 4 * n:
        raise CorruptFileError(
            "invalid geotiff key directory",
            detail=f"The GeoKeyDirectory declares {n} keys but holds {len(directory)} values.",
        )
    doubles = tags.get(Tag.GEO_DOUBLE_PARAMS)
    ascii_params = tags.get(Tag.GEO_ASCII_PARAMS)
    keys = {}
    for i in range(n):
        key, location, count, value = (int(v) for v in directory[4 + 4 * i:8 + 4 * i])
        if location == 0:
            keys[key] = value
            continue
        if location == Tag.GEO_DOUBLE_PARAMS:
            source = doubles
        elif location == Tag.GEO_ASCII_PARAMS:
            source = ascii_params
        elif location == Tag.GEO_KEY_DIRECTORY:
            source = directory
        else:
            continue  # a location GDAL does not read either
        if source is None or value + count > len(source):
            raise CorruptFileError(
                "invalid geotiff key",
                detail=f"GeoKey {key} points at values {value} to {value + count} of tag {location}, "
                "which the file does not hold.",
            )
        if location == Tag.GEO_ASCII_PARAMS:
            keys[key] = source[value:value + count].rstrip("|\0")
        else:
            keys[key] = tuple(float(v) for v in source[value:value + count])
    return keys


def _shift_pixel_is_point(gt):
    return (
        gt[0] - (gt[1] * 0.5 + gt[2] * 0.5), gt[1], gt[2],
        gt[3] - (gt[4] * 0.5 + gt[5] * 0.5), gt[4], gt[5],
    )


def geotransform(tags, pixel_is_point):
    """Return the GDAL geotransform of an IFD's tags, or None when it has none."""
    gt = None
    scale = tags.get(Tag.MODEL_PIXEL_SCALE)
    tiepoints = tags.get(Tag.MODEL_TIEPOINT)
    matrix = tags.get(Tag.MODEL_TRANSFORMATION)
    if scale is not None and len(scale) >= 2 and scale[0] != 0 and scale[1] != 0:
        sx = float(scale[0])
        # GDAL assumes a negative ScaleY was meant as north-up.
        sy = float(scale[1]) if scale[1] < 0 else -float(scale[1])
        if tiepoints is not None and len(tiepoints) >= 6:
            t = [float(v) for v in tiepoints[:6]]
            gt = (t[3] - t[0] * sx, sx, 0.0, t[4] - t[1] * sy, 0.0, sy)
    elif matrix is not None and len(matrix) == 16:
        m = [float(v) for v in matrix]
        gt = (m[3], m[0], m[1], m[7], m[4], m[5])
    if gt is not None and pixel_is_point:
        gt = _shift_pixel_is_point(gt)
    return gt


def epsg_code(geokeys):
    """Return the EPSG code of ProjectedCSTypeGeoKey or GeographicTypeGeoKey, or None.

    The projected code is preferred unless GTModelTypeGeoKey says geographic; 32767
    (user-defined) and non-integer values give None.
    """
    candidates = (PROJECTED_CS_TYPE_GEOKEY, GEOGRAPHIC_TYPE_GEOKEY)
    if geokeys.get(GT_MODEL_TYPE_GEOKEY) == MODEL_TYPE_GEOGRAPHIC:
        candidates = (GEOGRAPHIC_TYPE_GEOKEY,)
    for key in candidates:
        value = geokeys.get(key)
        if isinstance(value, int) and 0 < value != USER_DEFINED:
            return value
    return None


def georeference(tags):
    """Return the GeoReference of one IFD's tags (geotransform None if not georeferenced)."""
    geokeys = parse_geokeys(tags)
    pixel_is_point = geokeys.get(GT_RASTER_TYPE_GEOKEY) == RASTER_PIXEL_IS_POINT
    return GeoReference(geotransform(tags, pixel_is_point), epsg_code(geokeys), pixel_is_point, geokeys)


_FLOAT_PREFIX = re.compile(r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)")
_SPECIAL = re.compile(r"([+-]?)(nan|inf(?:inity)?)", re.IGNORECASE)


def parse_nodata(text, dtype):
    """Parse a GDAL_NODATA string as GDAL does, or return None for no value.

    Like CPLAtofM (C atof): leading blanks skipped, the longest numeric prefix read,
    "nan"/"inf" accepted, nothing numeric giving 0. For 64-bit integer bands the value
    is an int (GDAL's GetNoDataValueAsInt64/UInt64), for others a float; for Float32
    bands rounded to float32 as GDAL's GTiff driver does (1e39 becomes inf).
    """
    value = _parse_nodata_text(text, dtype)
    if isinstance(value, float) and numpy.dtype(dtype) == numpy.float32:
        with numpy.errstate(over="ignore"):
            return float(numpy.float32(value))
    return value


def _parse_nodata_text(text, dtype):
    if text is None:
        return None
    s = text.strip()
    if numpy.dtype(dtype).kind in "iu" and numpy.dtype(dtype).itemsize == 8:
        m = re.match(r"[+-]?\d+", s)
        return int(m.group(0)) if m else 0
    m = _SPECIAL.match(s)
    if m:
        value = float(m.group(2)[:3].lower())
        return -value if m.group(1) == "-" else value
    m = _FLOAT_PREFIX.match(s)
    if not m:
        return 0.0
    try:
        return float(m.group(0))
    except (ValueError, OverflowError):
        return 0.0


def parse_gdal_metadata(text):
    """Parse a GDAL_METADATA XML string into {(band, domain, name): value}.

    `band` is None for dataset items and the 0-based sample for band items; `domain`
    is "" for the default domain. Returns {} for text that is not valid XML, as GDAL
    ignores such a tag.
    """
    if not text:
        return {}
    # Imported here: xml.sax.saxutils pulls in urllib.request, http.client, tempfile...
    # (about 25 ms), which a session reading a COG without GDAL_METADATA never needs.
    import xml.etree.ElementTree
    import xml.sax.saxutils

    try:
        root = xml.etree.ElementTree.fromstring(text)
    except xml.etree.ElementTree.ParseError:
        return {}
    items = {}
    for item in root.iter("Item"):
        band = item.get("sample")
        key = (int(band) if band is not None and band.isdigit() else None, item.get("domain", ""), item.get("name"))
        # GDAL escapes values before writing them as XML text, so they are escaped twice.
        items[key] = xml.sax.saxutils.unescape(item.text or "", {"&quot;": '"', "&apos;": "'"})
    return items
