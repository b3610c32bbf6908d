"""Raster -> vector: ST_DumpAsPolygons and the pieces of ST_Polygon.

PostGIS polygonises a band with GDAL's GDALFPolygonize (4-connected, no mask band, values
read as 32-bit floats) on a MEM dataset of that one band, then drops the nodata polygons
with the OGR attribute filter "PixelValue != %f" (the nodata value printed with six
decimals, as PostGIS prints it). plraster runs the same GDAL calls on the same kind of
dataset through functions.gdalmem, so the rings, their vertex order and the row order are
GDAL's, as in PostGIS. The band's pixels come from plraster's own engine (out-db too).
"""
import struct

from plraster.core import geometry, limits, messages, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError
from plraster.core.srid import clamp_srid
from plraster.core.ticker import Ticker
from plraster.functions import extent, gdalmem

_SRID_FLAG = 0x20000000


def ewkb_hex(iso_wkb, srid):
    """Hex EWKB of a little-endian 2-D OGR WKB with srid set (0: none), as PostGIS writes it."""
    if not srid:
        return iso_wkb.hex()
    kind = struct.unpack_from("<I", iso_wkb, 1)[0]
    return (struct.pack("<BIi", 1, kind | _SRID_FLAG, srid) + iso_wkb[5:]).hex()


def _band_pieces(buf, nband, exclude_nodata_value, notice_no_band):
    """The (hex EWKB polygon, value) pairs of band nband, in GDAL's order, or None when
    the band is missing (after notice_no_band's NOTICE)."""
    header = wkb.read_header(buf)
    band = locate_band(buf, header, nband)
    if band is None:
        messages.notice(notice_no_band)
        return None
    if header.width == 0 or header.height == 0:
        if notice_no_band.endswith("empty set"):  # PostGIS: GDAL refuses a 0-pixel dataset
            raise InvalidParameterError("cannot polygonise a raster of no pixels",
                                        detail="The raster is %d x %d pixels."
                                        % (header.width, header.height))
        return []
    if band.is_nodata:  # flagged all nodata: PostGIS gives no polygon, excluding or not
        return []
    limits.check_pixels(header.width, header.height, band.info.size, "a band to polygonise")
    excluding = exclude_nodata_value and band.has_nodata
    pixels = band.array(buf, header)
    gdal, ogr, _ = gdalmem.modules()
    with gdalmem.mem_driver_present():
        ds = gdalmem.mem_dataset(header, [(band.info, pixels,
                                           band.nodata if excluding else None)])
        layer_ds = ogr.GetDriverByName("Memory").CreateDataSource("")
        layer = layer_ds.CreateLayer("", None, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("PixelValue", ogr.OFTReal))
        gdal.FPolygonize(ds.GetRasterBand(1), None, layer, 0, [])
        ds = None
    if excluding:
        layer.SetAttributeFilter("PixelValue != %f" % band.nodata)
    # The features in layer order through an Arrow stream (the filter applies): GDAL walks
    # the layer in C, three times faster than a Python loop over features.
    pieces = []
    ticker = Ticker()
    srid = clamp_srid(header.srid)
    for batch in layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO"]):
        geoms = batch["wkb_geometry"]
        ticker.tick(len(geoms))
        pieces.extend(zip((ewkb_hex(bytes(g), srid) for g in geoms),
                          batch["PixelValue"].tolist()))
    return pieces


def dump_as_polygons(buf, nband=1, exclude_nodata_value=True):
    """ST_DumpAsPolygons: (geom, val) rows, one per connected area of equal value."""
    pieces = _band_pieces(buf, nband, exclude_nodata_value,
                          "Invalid band index (must use 1-based). Returning empty set")
    return pieces or []


def polygon_parts(buf, nband=1):
    """[hull, *pieces] for ST_Polygon: a band without a nodata value gives the raster's
    outline as a multipolygon (hull, no pieces), as PostGIS does without polygonising;
    otherwise hull is None and the pieces are the polygons of the band's data pixels that
    SQL unions. None when ST_Polygon is NULL (after PostGIS's NOTICE)."""
    header = wkb.read_header(buf)
    if header.num_bands == 0:
        messages.notice("Raster provided has no bands")
        return None
    band = locate_band(buf, header, nband)
    if band is not None and not band.has_nodata and header.width and header.height:
        return [geometry.multipolygon([[extent.hull_points(header)]], clamp_srid(header.srid))]
    pieces = _band_pieces(buf, nband, True,
                          "Invalid band index (must use 1-based). Returning NULL")
    if pieces is None:
        return None
    if not pieces:
        messages.notice("Raster is empty or all pixels of band are NODATA. Returning NULL")
        return None
    return [None] + [geom for geom, _ in pieces]


def require_same_srid(geometry_srid, raster_srid):
    """True when a geometry and a raster share their SRID; PostGIS's error otherwise."""
    if geometry_srid != raster_srid:
        raise InvalidParameterError(
            "SRIDS of geometry: %d and raster: %d are not the same" % (geometry_srid, raster_srid),
            hint="Verify using ST_SRID function")
    return True
