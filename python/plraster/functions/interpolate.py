"""ST_InterpolateRaster: a surface gridded from the Z values of a geometry's vertices onto a
template raster's grid, with GDAL's gridding algorithms as PostGIS 3.3 runs them.

PostGIS hands the vertices to GDALGridCreate with the algorithm string of gdal_grid's `-a`
('invdist:power:2', 'nearest', 'linear', 'average:radius1:10', ...). plraster gives the
geometry to gdal.Grid as an in-memory vector dataset and takes the grid back from a MEM
dataset (functions.gdalmem: GDAL opens no path or URL), so the same algorithm computes the
same cells, written in the template band's pixel type as GDAL converts them.
"""
from plraster.core import limits, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError
from plraster.functions import gdalmem


def interpolate_raster(geom_wkb, options, buf, band_number):
    """ST_InterpolateRaster(geom, options, rast, bandnumber): raster WKB of one band (the
    template band's type and nodata value) on rast's grid, or None for an empty geometry."""
    gdal, ogr, _ = gdalmem.modules()
    geom = ogr.CreateGeometryFromWkb(bytes(geom_wkb))
    if not geom.Is3D():
        raise InvalidParameterError("input geometry does not have Z values",
                                    hint="The Z value of each vertex is the value to interpolate.")
    if geom.IsEmpty():
        return None
    header = wkb.read_header(buf)
    if header.skew_x != 0 or header.skew_y != 0:
        raise InvalidParameterError("cannot generate a grid into a skewed raster")
    band = locate_band(buf, header, band_number)
    if band is None:
        raise InvalidParameterError("cannot access raster band %d" % band_number,
                                    detail="The template raster has %d bands." % header.num_bands)
    limits.check_pixels(header.width, header.height, max(band.info.size, 8),
                        "the interpolated raster")
    points = gdal.GetDriverByName("Memory").Create("", 0, 0, 0, gdal.GDT_Unknown)
    layer = points.CreateLayer("points", geom_type=ogr.wkbUnknown)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(geom)
    layer.CreateFeature(feature)
    ulx, uly = header.ip_x, header.ip_y
    lrx, lry = ulx + header.width * header.scale_x, uly + header.height * header.scale_y
    try:
        with gdalmem.mem_driver_present():
            grid = gdal.Grid("", points, format="MEM", outputBounds=[ulx, uly, lrx, lry],
                             width=header.width, height=header.height,
                             outputType=gdalmem.gdal_type(band.info), algorithm=options)
    except RuntimeError as e:
        raise InvalidParameterError("could not interpolate the raster",
                                    detail="GDAL said: %s." % e) from None
    pixels = grid.GetRasterBand(1).ReadAsArray().astype(band.info.dtype, copy=False)
    out = wkb.Band(band.info, has_nodata=band.has_nodata,
                   nodata=band.nodata if band.has_nodata else 0, data=pixels)
    return wkb.emit_raster(wkb.Raster(header.replace(num_bands=1), [out]))
