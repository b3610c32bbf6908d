"""ST_SetZ and ST_SetM: a geometry with a raster band's values at its vertices as Z or M.

The geometry comes in as ISO WKB (SQL passes ST_AsBinary and the SRID apart) and goes out as
ISO WKB; OGR walks and rewrites its vertices in memory (functions.gdalmem's modules, no
dataset is opened). Values: the pixel under the vertex ('nearest', nodata pixels keep their
value) or PostGIS's bilinear value (functions.pixels.bilinear); a vertex off the raster gets
NaN after PostGIS's NOTICE.
"""
import math

from plraster.core import messages, wkb
from plraster.core.bands import locate_band, read_pixel
from plraster.core.errors import InvalidParameterError
from plraster.core.georef import world_to_raster_float
from plraster.core.ticker import Ticker
from plraster.functions import gdalmem
from plraster.functions.pixels import bilinear


def set_vertex_values(buf, geom_wkb, geom_srid, resample, nband, dimension):
    """ST_SetZ (dimension 'Z') / ST_SetM ('M'): ISO WKB of the geometry with the values, or
    None (after PostGIS's NOTICE) when the band does not exist."""
    header = wkb.read_header(buf)
    if geom_srid != header.srid:
        raise InvalidParameterError("Raster and geometry do not have the same SRID")
    method = resample.lower()
    if method not in ("nearest", "bilinear"):
        raise InvalidParameterError("Unknown resample type '%s' requested" % resample)
    band = locate_band(buf, header, nband)
    if band is None:
        messages.notice("Invalid band index %d. Must be between 1 and %d"
                        % (nband, header.num_bands))
        return None
    if not band.has_nodata:  # PostGIS reads the nodata value for every vertex
        raise InvalidParameterError("band has no nodata value",
                                    detail="PostGIS 3.3's ST_SetZ and ST_SetM need a nodata "
                                           "value on the band, and so do plraster's.")
    _, ogr, _ = gdalmem.modules()
    geom = ogr.CreateGeometryFromWkb(bytes(geom_wkb))
    if geom.IsEmpty():
        raise InvalidParameterError("Cannot copy value into an empty geometry")
    ticker = Ticker()

    def value(x, y):
        ticker.tick()
        fx, fy = world_to_raster_float(header, x, y)
        col, row = int(math.floor(fx)), int(math.floor(fy))
        if not (0 <= col < header.width and 0 <= row < header.height):
            messages.notice("Attempting to get pixel value with out of range raster "
                            "coordinates: (%d, %d)" % (col, row))
            return math.nan
        if method == "bilinear":
            v = bilinear(buf, header, band, fx, fy, col, row, False)
        else:
            v = read_pixel(buf, header, band, col, row)[0]
        return float(v)

    if dimension == "Z":
        geom.Set3D(True)
    else:
        geom.SetMeasured(True)
    _rewrite(geom, value, dimension)
    return bytes(geom.ExportToIsoWkb(ogr.wkbNDR))


def _rewrite(geom, value, dimension):
    """Set Z or M of every vertex of geom (any type, nested) to value(x, y)."""
    if geom.GetGeometryCount():
        for i in range(geom.GetGeometryCount()):
            _rewrite(geom.GetGeometryRef(i), value, dimension)
        return
    for i in range(geom.GetPointCount()):
        x, y = geom.GetX(i), geom.GetY(i)
        v = value(x, y)
        if dimension == "Z":
            if geom.IsMeasured():
                geom.SetPointZM(i, x, y, v, geom.GetM(i))
            else:
                geom.SetPoint(i, x, y, v)
        elif geom.Is3D():
            geom.SetPointZM(i, x, y, geom.GetZ(i), v)
        else:
            geom.SetPointM(i, x, y, v)
