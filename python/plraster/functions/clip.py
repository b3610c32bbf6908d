"""ST_Clip: a raster's pixels inside a geometry, the others set to nodata, as PostGIS 3.3.

What PostGIS does, measured:
- a raster without pixels or bands: NOTICE, and an empty raster (0 x 0, no band, SRID 0);
- a band index that does not exist: NOTICE and NULL; an empty or all-NULL band array: a
  raster with no band;
- no `nodataval` and the geometry contains the raster's envelope: the raster unchanged
  (after the SRID check of ST_Contains, an error when the SRIDs differ); with `nodataval`,
  different SRIDs give a NOTICE and NULL;
- the geometry is intersected with the raster's hull; nothing in common: NOTICE and an
  empty raster (without `crop`: the whole raster, every pixel outside);
- the intersection is rasterized (plraster.functions.rasterize) on the raster's grid; with
  `crop` the result covers that grid's window within the raster, else the whole raster;
- a band's nodata value is `nodataval[i]` (the last one for later bands; a NULL element
  keeps the band's own; an empty array gives 0), else the band's; pixels not covered, and
  covered pixels holding the band's own nodata value, are set to it, or to the type's
  minimum for a band without one (which stays without one); a band left with nodata
  pixels only is flagged is-nodata.

Out-db bands are read through their BandRef window: only the pixels of the result.
"""
import numpy as np

from plraster.core import messages, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.nodata import FLT_EPSILON
from plraster.core.pixtypes import to_pixel_value
from plraster.functions import rasterize

EMPTY_RASTER = wkb.emit_header(wkb.RasterHeader(0, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0, 0, 0), 0)


def _empty(message):
    messages.notice(message)
    return EMPTY_RASTER


def _band_nodata(band, nodataval, i):
    """(has_nodata, nodata) of output band i."""
    if nodataval is not None:
        if not nodataval:
            return True, to_pixel_value(band.info, 0.0)
        value = nodataval[min(i, len(nodataval) - 1)]
        if value is not None:
            return True, to_pixel_value(band.info, value)
    if band.has_nodata:
        return True, band.nodata
    return False, None


def _matches(pixels, band, nodata=None):
    """Where pixels count as the nodata value (the band's, or `nodata`), as PostGIS
    compares them (within FLT_EPSILON, NaN equal to NaN)."""
    nodata = band.nodata if nodata is None else nodata
    if not band.info.is_float:
        return pixels == nodata
    values = pixels.astype(np.float64)
    if nodata != nodata:
        return np.isnan(values)
    with np.errstate(invalid="ignore"):
        return (values == nodata) | (np.abs(values - nodata) <= FLT_EPSILON)


def _covers_box(envelope, header):
    """True when envelope (minx, maxx, miny, maxy) covers the raster's axis-aligned box
    (else the geometry cannot contain it: no need to ask GEOS)."""
    minx, maxx, miny, maxy = rasterize.hull_geometry(header).GetEnvelope()
    return envelope[0] <= minx and envelope[1] >= maxx and envelope[2] <= miny and \
        envelope[3] >= maxy


def _polygon_window(polygons, header):
    """The mask window of a polygon (rasterize.polygons_of_wkb) whose intersection with a
    raster that is not skewed has an area, from the intersection's envelope computed
    without GEOS (the zonal statistics case: one polygon over many tiles); None when GEOS
    must decide."""
    if header.skew_x or header.skew_y:
        return None
    if not polygons:
        return None
    x0 = header.ip_x + header.width * header.scale_x
    y0 = header.ip_y + header.height * header.scale_y
    box = (min(header.ip_x, x0), min(header.ip_y, y0), max(header.ip_x, x0), max(header.ip_y, y0))
    env = rasterize.box_intersection_envelope(polygons, box)
    if env is None or not (env[1] > env[0] and env[3] > env[2]):
        return None
    return rasterize.envelope_window_of(env, False, header)


def _geometry_name(geom):
    name = geom.GetGeometryName()
    return "".join(part.capitalize() for part in name.split("MULTI", 1)) \
        if not name.startswith("MULTI") else "Multi" + name[5:].capitalize()


# The last call's arguments and result. PostgreSQL evaluates `(ST_SummaryStats(ST_Clip(r,
# g))).*` and `(s).count, (s).sum, ...` over a flattened subquery once per column, so the
# zonal statistics query clips each tile with the same arguments several times in a row;
# the repeats cost one comparison of the arguments. One entry, so at most one raster and
# its clip are held per backend.
_LAST = [None, None]


def clip(buf, nband, geom, nodataval=None, crop=True):
    """ST_Clip(rast, nband integer[], geom, nodataval double precision[], crop): see the
    module's docstring. A call repeating the previous one's arguments returns its result
    (only results that gave no NOTICE are kept)."""
    if buf is None or geom is None:
        return None
    key = (geom, None if nband is None else tuple(nband),
           None if nodataval is None else tuple(nodataval), crop, bytes(buf))
    if _LAST[0] == key:
        return _LAST[1]
    _LAST[0] = _LAST[1] = None
    result = _clip(buf, nband, geom, nodataval, crop)
    if result is not EMPTY_RASTER:
        _LAST[0], _LAST[1] = key, result
    return result


class _ParsedGeometry:
    """What _clip needs of a geometry, parsed once: zonal statistics clip each polygon
    against every tile it meets, one call after another."""

    __slots__ = ("raw", "srid", "ogr", "polygons")

    def __init__(self, raw):
        self.raw = raw
        self.srid = rasterize.ewkb_srid(raw)
        self.ogr = rasterize.ogr_geometry(raw)
        polygons = rasterize.polygons_of_wkb(raw)
        # as lists of (x, y) once, for box_intersection_envelope's loops over every tile
        self.polygons = polygons and [[ring.tolist() for ring in rings] for rings in polygons]


_GEOMETRY = [None]  # the last geometry parsed (one entry)


def _parsed(geom):
    raw = rasterize.ewkb_bytes(geom)
    cached = _GEOMETRY[0]
    if cached is not None and cached.raw == raw:
        return cached
    _GEOMETRY[0] = None
    parsed = _GEOMETRY[0] = _ParsedGeometry(raw)
    return parsed


def _clip(buf, nband, geom, nodataval, crop):
    crop = True if crop is None else crop
    header = wkb.read_header(buf)
    parsed = _parsed(geom)
    srid, g = parsed.srid, parsed.ogr
    if not nodataval:
        # PostGIS's short cut, before anything else: ST_Contains(geom, ST_Envelope(rast)),
        # which checks the SRIDs first
        if srid != header.srid:
            raise InvalidParameterError(
                "contains: Operation on mixed SRID geometries (%s, %d) != (Polygon, %d)"
                % (_geometry_name(g), srid, header.srid))
        if nodataval is None and not header.is_empty and not g.IsEmpty() and \
                _covers_box(g.GetEnvelope(), header) and \
                g.Contains(rasterize.envelope_polygon(header)):
            return buf
    if header.width == 0 or header.height == 0 or header.num_bands == 0:
        return _empty("Input raster is empty or has no bands. Returning empty raster")
    if nband is None:
        numbers = list(range(1, header.num_bands + 1))
    else:
        numbers = [n for n in nband if n is not None]
        for n in numbers:
            if not 1 <= n <= header.num_bands:
                raise SoftFailure("Band at index %d not found in raster" % n)
    if srid != header.srid:
        raise SoftFailure("Geometry provided does not have the same SRID as the raster. "
                          "Returning NULL")
    window = _polygon_window(parsed.polygons, header)
    if window is not None:
        # a polygon overlapping the raster: its part inside burns the same pixels as it
        mc0, mr0, mw, mh = window
        part = g
    else:
        try:
            part = None if g.IsEmpty() else g.Intersection(rasterize.hull_geometry(header))
        except RuntimeError as e:  # GEOS refuses an invalid geometry, as in PostGIS
            raise InvalidParameterError("invalid geometry", detail="GEOS: %s." % e) from None
        if part is not None and not part.IsEmpty():
            mc0, mr0, mw, mh = rasterize.envelope_window(part, header)
    if part is None or part.IsEmpty():
        if crop:
            return _empty("The input raster and input geometry do not intersect. "
                          "Returning empty raster")
        mc0, mr0, mw, mh, mask = 0, 0, 0, 0, None  # every pixel is outside
    else:
        mask = rasterize.burn(part, rasterize.window_geotransform(header, mc0, mr0), mw, mh)
    if crop:
        c0, r0 = max(mc0, 0), max(mr0, 0)
        c1, r1 = min(mc0 + mw, header.width), min(mr0 + mh, header.height)
    else:
        c0, r0, c1, r1 = 0, 0, header.width, header.height
    width, height = c1 - c0, r1 - r0
    # the mask over the result's pixels
    inside = np.zeros((height, width), dtype=bool)
    ic0, ir0 = max(mc0, c0), max(mr0, r0)
    ic1, ir1 = min(mc0 + mw, c1), min(mr0 + mh, r1)
    if ic1 > ic0 and ir1 > ir0:
        inside[ir0 - r0:ir1 - r0, ic0 - c0:ic1 - c0] = \
            mask[ir0 - mr0:ir1 - mr0, ic0 - mc0:ic1 - mc0]
    gt = rasterize.window_geotransform(header, c0, r0)
    out_header = header.replace(ip_x=gt[0], ip_y=gt[3], width=width, height=height,
                                num_bands=len(numbers), little_endian=True)
    parts = [wkb.emit_header(out_header, len(numbers))]
    outside = ~inside
    for i, n in enumerate(numbers):
        band = locate_band(buf, header, n)
        has_nodata, nodata = _band_nodata(band, nodataval, i)
        fill = nodata if has_nodata else band.info.min
        dtype = band.info.dtype.newbyteorder("<")
        pixels = np.array(band.window(buf, header, c0, r0, c1, r1), dtype=dtype)
        if band.is_nodata:
            pixels[...] = fill
        else:
            # the band's own nodata pixels become the result's nodata, inside too
            blank = outside | _matches(pixels, band) if band.has_nodata else outside
            pixels[blank] = fill
        flags = int(band.info.code)
        if has_nodata:
            flags |= wkb.FLAG_HASNODATA
            # PostGIS checks the result: a band of nodata only is flagged is-nodata
            if band.is_nodata or _matches(pixels, band, nodata).all():
                flags |= wkb.FLAG_ISNODATA
        parts.append(bytes((flags,)))
        parts.append(np.array(nodata if has_nodata else 0).astype(dtype).tobytes())
        parts.append(pixels.tobytes())
    return b"".join(parts)
