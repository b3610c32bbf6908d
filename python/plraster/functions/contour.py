"""ST_Contour: GDAL's contour generator (ContourGenerateEx) on an in-memory copy of one band,
with the options PostGIS passes (LEVEL_INTERVAL/LEVEL_BASE or FIXED_LEVELS and NODATA when
the band has one, all printed with %f as PostGIS prints them), rows in GDAL's feature order.

PostGIS 3.3 returns contour lines whatever `polygonize` says (measured: polygonize => true
gives the same lines), and so does plraster."""
from plraster.core import wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError
from plraster.core.srid import clamp_srid
from plraster.core.ticker import Ticker
from plraster.functions import gdalmem
from plraster.functions.polygons import ewkb_hex


def contour(buf, nband=1, level_interval=100.0, level_base=0.0, fixed_levels=(),
            polygonize=False):
    """(geom, id, value) rows of ST_Contour (polygonize is accepted and, as in PostGIS
    3.3, has no effect)."""
    header = wkb.read_header(buf)
    band = locate_band(buf, header, nband)
    if band is None:
        raise InvalidParameterError("band number must be between 1 and %d inclusive"
                                    % header.num_bands)
    if level_interval <= 0:
        raise InvalidParameterError("level interval must be greater than zero")
    if clamp_srid(header.srid) == 0:
        # PostGIS looks the raster's SRID up in spatial_ref_sys to give GDAL a projection.
        raise InvalidParameterError("cannot find srid (0) in spatial_ref_sys",
                                    hint="Give the raster an SRID with ST_SetSRID.")
    gdal, ogr, _ = gdalmem.modules()
    options = []
    if fixed_levels:
        options.append("FIXED_LEVELS=" + ",".join("%f" % v for v in fixed_levels))
    else:
        options += ["LEVEL_INTERVAL=%f" % level_interval, "LEVEL_BASE=%f" % level_base]
    if band.has_nodata:
        options.append("NODATA=%f" % band.nodata)
    options += ["ID_FIELD=0", "ELEV_FIELD=1"]
    with gdalmem.mem_driver_present():
        ds = gdalmem.mem_dataset(header, [(band.info, band.array(buf, header),
                                           band.nodata if band.has_nodata else None)])
        layer_ds = ogr.GetDriverByName("Memory").CreateDataSource("")
        layer = layer_ds.CreateLayer("", None, ogr.wkbLineString)
        layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
        layer.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
        try:
            gdal.ContourGenerateEx(ds.GetRasterBand(1), layer, options=options)
        except RuntimeError:
            # GDAL's refusal (an interval printed as 0.000000, too many levels): PostGIS
            # 3.3 returns no rows (measured with level_interval 1e-9).
            return []
        ds = None
    srid = clamp_srid(header.srid)
    rows = []
    ticker = Ticker()
    for feature in layer:
        ticker.tick()
        geom = feature.GetGeometryRef()
        rows.append((ewkb_hex(bytes(geom.ExportToIsoWkb(ogr.wkbNDR)), srid),
                     feature.GetFieldAsInteger(0), feature.GetFieldAsDouble(1)))
    return rows
