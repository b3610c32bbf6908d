"""Raster and band accessors: header fields, band metadata, sizes and text reports,
with the values, NOTICE texts and formatting of PostGIS 3.3.

Header-only functions read the 61-byte header (callers may pass just that slice);
band functions parse the band headers without copying pixels.
"""
import math

from plraster.functions import extent
from plraster.core import messages, textformat, wkb
from plraster.core.nodata import nodata_mask
from plraster.core.errors import InvalidParameterError, PlrasterError, SoftFailure
from plraster.core.pixtypes import BY_NAME
from plraster.core.srid import clamp_srid


def header(buf):
    """The raster header of buf (full WKB or its first 61 bytes)."""
    return wkb.read_header(buf)


def metadata(buf):
    """ST_MetaData's row: upper-left x and y, width, height, scales, skews, SRID, band count."""
    h = wkb.read_header(buf)
    return (h.ip_x, h.ip_y, h.width, h.height, h.scale_x, h.scale_y, h.skew_x, h.skew_y,
            clamp_srid(h.srid), h.num_bands)


def pixel_width(h):
    """ST_PixelWidth: the length of a pixel's column edge in world units."""
    return math.sqrt(h.scale_x * h.scale_x + h.skew_y * h.skew_y)


def pixel_height(h):
    """ST_PixelHeight: the length of a pixel's row edge in world units."""
    return math.sqrt(h.scale_y * h.scale_y + h.skew_x * h.skew_x)


def geotransform(h):
    """ST_GeoTransform's (imag, jmag, theta_i, theta_ij, xoffset, yoffset): the lengths of
    the pixel's column and row vectors, the angle of the column vector from the x axis
    (clockwise, by its cosine as PostGIS measures it: NaN for a zero vector) and the angle
    from the column vector to the row vector (signed by their cross product), and the
    upper-left corner."""
    imag = math.sqrt(h.scale_x * h.scale_x + h.skew_y * h.skew_y)
    jmag = math.sqrt(h.skew_x * h.skew_x + h.scale_y * h.scale_y)
    theta_i = _acos(h.scale_x, imag)
    if _acos(h.skew_y, imag) < math.pi / 2:
        theta_i = -theta_i
    theta_ij = _acos(h.scale_x * h.skew_x + h.skew_y * h.scale_y, imag * jmag)
    if h.scale_x * h.scale_y - h.skew_y * h.skew_x < 0:
        theta_ij = -theta_ij
    return imag, jmag, theta_i, theta_ij, h.ip_x, h.ip_y


def _acos(num, den):
    """acos(num / den) with C's answers: NaN for 0/0 or out of [-1, 1]."""
    if den == 0:
        return math.nan
    q = num / den
    return math.acos(q) if -1.0 <= q <= 1.0 else math.nan


def georeference(h, fmt):
    """ST_GeoReference text: six lines of 10-decimal truncated numerics, world-file order.

    'ESRI' moves the upper-left corner to the centre of the first pixel; any other format
    is GDAL's (the corner itself), as in PostGIS.
    """
    num = textformat.numeric_of_float8
    scale_x, scale_y = num(h.scale_x), num(h.scale_y)
    ul_x, ul_y = num(h.ip_x), num(h.ip_y)
    if fmt == "ESRI":
        half = textformat.Decimal("0.5")
        ul_x = textformat.numeric_add(ul_x, textformat.numeric_mul(scale_x, half))
        ul_y = textformat.numeric_add(ul_y, textformat.numeric_mul(scale_y, half))
    values = (scale_x, num(h.skew_y), num(h.skew_x), scale_y, ul_x, ul_y)
    return "".join(textformat.numeric_trunc10(v) + "\n" for v in values)


def _align8(n):
    return (n + 7) & ~7


def memsize(buf):
    """ST_MemSize: the size of PostGIS's in-memory (serialized) raster, not of the WKB.

    A 64-byte header, then per band, padded to 8 bytes: the flag byte padded to the pixel
    size, the nodata value, then the pixels (in-db) or band number and NUL-terminated path.
    """
    raster = wkb.parse_raster(buf, notice_trailing=False)
    size = 64
    cells = raster.width * raster.height
    for band in raster.bands:
        pixel = band.pixtype.size
        if band.is_outdb:
            size += _align8(2 * pixel + 1 + len(band.path) + 1)
        else:
            size += _align8(2 * pixel + cells * pixel)
    return size


def _parse(buf):
    return wkb.parse_raster(buf, notice_trailing=False)


def _parse_meta(buf):
    return wkb.parse_raster_metadata(buf)


def _band(raster, nband, doing):
    if nband < 1:
        raise SoftFailure("Invalid band index (must use 1-based). Returning NULL")
    if nband > len(raster.bands):
        raise SoftFailure("Could not find raster band of index %d when %s. Returning NULL"
                          % (nband, doing))
    return raster.bands[nband - 1]


def band_pixel_type(buf, nband):
    """ST_BandPixelType: the pixel type name of band nband."""
    return _band(_parse_meta(buf), nband, "getting pixel type name").pixtype.name


def band_nodata_value(buf, nband):
    """ST_BandNoDataValue: the nodata value of band nband, or None when it has none."""
    return _band(_parse_meta(buf), nband, "getting band nodata value").nodata_value


def band_path(buf, nband):
    """ST_BandPath: the external file of an out-db band, None for an in-db band."""
    band = _band(_parse_meta(buf), nband, "getting band path")
    return _path_text(band.path) if band.is_outdb else None


def _path_text(path):
    return path.decode("utf-8", errors="replace")


def band_is_nodata(buf, nband, forcechecking):
    """ST_BandIsNoData: whether every pixel of band nband is nodata.

    Without forcechecking PostGIS reports the band's is-nodata flag; with it, it checks the
    pixels (an out-db band's are read by the out-db engine). A band without a nodata
    value is never nodata; a band without pixels is.
    """
    raster = _parse(buf)
    band = _band(raster, nband, "determining if band is nodata")
    if not band.has_nodata:
        return False
    if not forcechecking:
        return band.is_nodata
    if raster.width * raster.height == 0:
        return True
    if band.is_outdb:
        from plraster import outdb
        band = outdb.indb_band(raster.header, band)
    return bool(nodata_mask(band).all())


def _file_band(buf, nband):
    raster = _parse_meta(buf)
    band = _band(raster, nband, "getting band path")
    if not band.is_outdb:
        raise SoftFailure("Band of index %d is not out-db." % nband)
    return band


def band_file_size(buf, nband):
    """ST_BandFileSize: the size in bytes of an out-db band's file (object)."""
    from plraster import outdb
    return outdb.band_file_stat(_file_band(buf, nband).path).size


def band_file_timestamp(buf, nband):
    """ST_BandFileTimestamp: an out-db band's file modification time, in seconds since the epoch."""
    from plraster import outdb
    return outdb.band_file_stat(_file_band(buf, nband).path).timestamp


def _file_stat_or_none(band):
    """(size, timestamp) of an out-db band's file, (None, None) when it cannot be reached:
    ST_BandMetaData gives NULLs there, as PostGIS does when GDAL cannot stat the file."""
    from plraster import outdb
    try:
        return tuple(outdb.band_file_stat(band.path))
    except PlrasterError:
        return None, None


def band_metadata(buf, bands):
    """ST_BandMetaData(rast, int[]) rows: (bandnum, pixeltype, nodatavalue, isoutdb, path,
    outdbbandnum, filesize, filetimestamp). An empty band list (NULLs ignored) means all
    bands. A bad index gives PostGIS's NOTICE and one row of NULLs."""
    raster = _parse_meta(buf)
    null_row = [(None,) * 8]
    if not raster.bands:
        messages.notice("Raster provided has no bands")
        return null_row
    wanted = [b for b in _flatten(bands) if b is not None]
    if not wanted:
        wanted = list(range(1, len(raster.bands) + 1))
    for b in wanted:
        if b < 1 or b > len(raster.bands):
            messages.notice("Invalid band index: %d. Indices must be 1-based. Returning NULL" % b)
            return null_row
    rows = []
    for b in wanted:
        band = raster.bands[b - 1]
        if band.is_outdb:
            rows.append((b, band.pixtype.name, band.nodata_value, True, _path_text(band.path),
                         band.outdb_index + 1) + _file_stat_or_none(band))
        else:
            rows.append((b, band.pixtype.name, band.nodata_value, False, None, None, None, None))
    return rows


def _flatten(values):
    for v in values:
        if isinstance(v, (list, tuple)):
            yield from _flatten(v)
        else:
            yield v


def min_possible_value(name):
    """ST_MinPossibleValue: the smallest value a pixel type can hold (names are case-sensitive)."""
    info = BY_NAME.get(name)
    if info is None:
        raise InvalidParameterError(
            "invalid pixel type %s" % _quote(name),
            hint="Use one of " + ", ".join(BY_NAME) + ".")
    return float(info.min)


def _quote(text):
    return '"%s"' % text


def summary(buf):
    """ST_Summary text: size, band count and extent, then one line per band."""
    raster = _parse_meta(buf)
    h = raster.header
    nb = len(raster.bands)
    box = extent.extent(h)
    msg = "Raster of %dx%d pixels has %d %s and extent of BOX(%s %s,%s %s)" % (
        h.width, h.height, nb, "band" if nb == 1 else "bands",
        textformat.lw_double(box[0]), textformat.lw_double(box[1]),
        textformat.lw_double(box[2]), textformat.lw_double(box[3]))
    if _skewed(h.skew_x) or _skewed(h.skew_y):
        msg = "Skewed r" + msg[1:]
    lines = [msg]
    for i, band in enumerate(raster.bands, 1):
        line = "band %d of pixtype %s is %s with " % (
            i, band.pixtype.name, "out-db" if band.is_outdb else "in-db")
        if band.has_nodata:
            line += "NODATA value of " + textformat.pg_float8(float(band.nodata))
        else:
            line += "no NODATA value"
        lines.append("    " + line)
    if not nb:
        messages.notice("Raster provided has no bands")
    return "\n".join(lines)


def _skewed(value):
    # PostGIS: round(skew::numeric, 10) <> 0
    number = textformat.numeric_of_float8(value)
    if number.is_nan() or number.is_infinite():
        return True
    return abs(number) >= textformat.Decimal("0.00000000005")
