"""Spatial relationships of rasters: the pixel surfaces that the band forms of ST_Intersects,
ST_Contains and the other predicates compare, and raster equality for the = operator.

A band's surface is the area of its pixels that are not nodata. The predicates themselves
are PostGIS's geometry predicates (GEOS), called from SQL on these surfaces; the library
only builds the surfaces and applies PostGIS's checks (band indexes, SRIDs, distances) in
PostGIS's order, with its NOTICE texts.

A surface leaves here as hex EWKB of a MULTIPOLYGON whose parts are the maximal rectangles
of data pixels (runs of a row, stacked down while identical); the parts share edges, so SQL
dissolves them with ST_UnaryUnion before any predicate sees them.
"""
import struct
import zlib

import numpy as np

from plraster.core import geometry, limits, messages, wkb
from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.nodata import nodata_mask
from plraster.functions.pixelgeoms import pixel_corner
from plraster.core.bands import locate_band
from plraster.core.srid import clamp_srid
from plraster.core.ticker import Ticker

_WHICH = ("first", "second")


def _check_band(buf, header, nband, which):
    """The BandRef of nband, or PostGIS's NOTICE + NULL for a raster/raster band form."""
    if header.num_bands == 0:
        raise SoftFailure("The %s raster provided has no bands" % which)
    band = locate_band(buf, header, nband)
    if band is None:
        raise SoftFailure("Invalid band index (must use 1-based) for the %s raster. "
                          "Returning NULL" % which)
    return band


def _data_mask(buf, header, band):
    """(height, width) booleans, True where the band has data; None when every pixel has."""
    limits.check_pixels(header.width, header.height, 3, "the data mask of a band")
    if band.is_nodata:
        return np.zeros((header.height, header.width), bool)
    if not band.has_nodata:
        return None
    data = band.array(buf, header)
    return ~nodata_mask(wkb.Band(band.info, True, False, band.nodata, data))


def _rectangles(mask):
    """Maximal row-run rectangles (col0, row0, col1, row1), end-exclusive, covering mask."""
    done, open_runs = [], {}
    height = mask.shape[0]
    padded = np.zeros((height, mask.shape[1] + 2), np.int8)
    padded[:, 1:-1] = mask
    steps = np.diff(padded, axis=1)
    ticks = Ticker()
    for row in range(height + 1):
        ticks.tick(len(open_runs) + 1)
        runs = set()
        if row < height:
            starts = np.flatnonzero(steps[row] == 1)
            ends = np.flatnonzero(steps[row] == -1)
            runs = set(zip(starts.tolist(), ends.tolist()))
        for run in list(open_runs):
            if run not in runs:
                done.append((run[0], open_runs.pop(run), run[1], row))
        for run in runs:
            open_runs.setdefault(run, row)
    return done


def _rectangle_ring(header, c0, r0, c1, r1):
    points = [pixel_corner(header, c, r) for c, r in ((c0, r0), (c1, r0), (c1, r1), (c0, r1))]
    return points + [points[0]]


def surface(buf, header, band):
    """Hex EWKB (MULTIPOLYGON of pixel rectangles) of the band's data pixels; empty when
    there are none, the whole raster when the band has no nodata value."""
    srid = clamp_srid(header.srid)
    if header.width == 0 or header.height == 0:
        return geometry.multipolygon([], srid)
    mask = _data_mask(buf, header, band)
    if mask is None:
        rects = [(0, 0, header.width, header.height)]
    else:
        rects = _rectangles(mask)
    return geometry.multipolygon([[_rectangle_ring(header, *r)] for r in rects], srid)


def band_surfaces(buf1, nband1, buf2, nband2, distance=None):
    """The two surfaces a raster/raster band form compares, after PostGIS's checks: each
    raster's band (NOTICE + NULL), the distance (NOTICE + NULL when negative), the SRIDs."""
    headers, bands = [], []
    for buf, nband, which in ((buf1, nband1, _WHICH[0]), (buf2, nband2, _WHICH[1])):
        header = wkb.read_header(buf)
        bands.append(_check_band(buf, header, nband, which))
        headers.append(header)
    if distance is not None and distance < 0:
        raise SoftFailure("Distance cannot be less than zero.  Returning NULL")
    if clamp_srid(headers[0].srid) != clamp_srid(headers[1].srid):
        raise InvalidParameterError("the two rasters provided have different SRIDs")
    return [surface(buf1, headers[0], bands[0]), surface(buf2, headers[1], bands[1])]


def hull_decides(buf, nband, geom_srid):
    """For ST_Intersects(geometry, raster, nband): raises when the SRIDs differ; True when
    the raster's convex hull decides (no band asked for, a band that does not exist, or a
    band without a nodata value), False when the band's data pixels must be looked at."""
    if buf is None:
        return True
    header = wkb.read_header(buf)
    if geom_srid is not None and clamp_srid(header.srid) != geom_srid:
        raise InvalidParameterError("raster and geometry do not have the same SRID")
    if nband is None:
        return True
    if header.num_bands == 0:
        messages.notice("Raster provided has no bands")
        return True
    band = locate_band(buf, header, nband)
    if band is None:
        messages.notice("Invalid band index: %d. Indices must be 1-based. Returning NULL" % nband)
        return True
    return not band.has_nodata


def data_surface(buf, nband):
    """The surface of band nband's data pixels for ST_Intersects(geometry, raster, nband),
    or PostGIS's NOTICE + NULL when the band has none (ST_PixelAsPolygons finds no pixel)."""
    header = wkb.read_header(buf)
    if header.width == 0 or header.height == 0:
        raise SoftFailure("Raster is empty. Returning empty set")
    band = locate_band(buf, header, nband)
    mask = _data_mask(buf, header, band)
    if mask is not None and not mask.any():
        raise SoftFailure("No pixels found for band %d" % nband)
    return surface(buf, header, band)


# ---------------------------------------------------------------- equality

def canonical(buf):
    """The raster as PostGIS keeps it: little-endian WKB without trailing bytes or stray
    flag bits, so that rasters PostGIS stores alike compare equal."""
    if buf[0] == 1:
        header = wkb.read_header(buf)
        if wkb.raster_end(buf, header) == len(buf) and _clean_flags(buf, header):
            return buf
    return wkb.emit_raster(wkb.parse_raster(buf, notice_trailing=False))


def _clean_flags(buf, header):
    for start, _ in wkb.band_bounds(buf, header):
        flags = buf[start]
        if flags & 0x10 or (flags & wkb.FLAG_ISNODATA and not flags & wkb.FLAG_HASNODATA):
            return False
    return True


def equal(buf1, buf2):
    """raster = raster: the same raster once stored (byte order and trailing bytes aside)."""
    return bytes(canonical(buf1)) == bytes(canonical(buf2))


_INT32 = struct.Struct("<i")


def hash_value(buf):
    """A 32-bit hash of the raster, equal for rasters that = calls equal."""
    return _INT32.unpack(struct.pack("<I", zlib.crc32(canonical(buf))))[0]


def negative_tolerance(distance):
    """The error PostGIS's geometry distance predicates give for a negative distance."""
    raise InvalidParameterError("tolerance cannot be less than zero",
                                detail="The distance given is %r." % distance)


def _hull_kind(header):
    if header.width == 0 and header.height == 0:
        return "Point"
    if header.width == 0 or header.height == 0:
        return "LineString"
    return "Polygon"


def same_srid(buf1, buf2, fname):
    """True when the two rasters have the same SRID; else the error PostGIS's geometry
    predicate fname gives for their convex hulls (ST_Within reports as contains, with the
    hulls the other way round)."""
    h1, h2 = wkb.read_header(buf1), wkb.read_header(buf2)
    s1, s2 = clamp_srid(h1.srid), clamp_srid(h2.srid)
    if s1 == s2:
        return True
    first, second = (_hull_kind(h1), s1), (_hull_kind(h2), s2)
    if fname == "within":
        fname, first, second = "contains", second, first
    raise InvalidParameterError("%s: operation on mixed SRID geometries (%s, %d) != (%s, %d)"
                                % ((fname,) + first + second))
