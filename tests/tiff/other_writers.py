"""GeoTIFFs written without GDAL 3.6: by tifffile (no GDAL at all) and by rasterio (its own
GDAL build), so that the reader is not only checked against files from the oracle's writer.

tifffile knows nothing of GeoTIFF, so the georeference is written here as raw tags, as the
GeoTIFF 1.0 specification lays them out; overviews and masks are extra IFDs with
NewSubfileType 1 and 4, as in a COG.
"""

import numpy

# GeoTIFF and GDAL tag numbers (GeoTIFF 1.0 spec; GDAL's private nodata tag).
MODEL_PIXEL_SCALE = 33550
MODEL_TIEPOINT = 33922
MODEL_TRANSFORMATION = 34264
GEO_KEY_DIRECTORY = 34735
GDAL_NODATA = 42113
# GeoKey ids and values.
GT_MODEL_TYPE, GT_RASTER_TYPE, GEOGRAPHIC_TYPE, PROJECTED_CS_TYPE = 1024, 1025, 2048, 3072
MODEL_PROJECTED, MODEL_GEOGRAPHIC = 1, 2
RASTER_PIXEL_IS_AREA, RASTER_PIXEL_IS_POINT = 1, 2
# NewSubfileType bits.
REDUCED_IMAGE, TRANSPARENCY_MASK = 1, 4


def geotiff_tags(geotransform=(500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0), epsg=32631, nodata=None,
                 pixel_is_point=False):
    """tifffile `extratags` carrying a GDAL geotransform, an EPSG code and GDAL_NODATA.

    North-up transforms are written as scale + tiepoint, others as ModelTransformation;
    `pixel_is_point` writes RasterPixelIsPoint with the tiepoint moved half a pixel, as
    GDAL does, so the geotransform read back is unchanged.
    """
    tags = []
    if geotransform is not None:
        x0, sx, kx, y0, ky, sy = geotransform
        if pixel_is_point:
            x0, y0 = x0 + (sx + kx) / 2, y0 + (ky + sy) / 2
        if kx == 0 and ky == 0:
            tags.append((MODEL_PIXEL_SCALE, "d", 3, (sx, -sy, 0.0), True))
            tags.append((MODEL_TIEPOINT, "d", 6, (0.0, 0.0, 0.0, x0, y0, 0.0), True))
        else:
            matrix = (sx, kx, 0.0, x0, ky, sy, 0.0, y0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
            tags.append((MODEL_TRANSFORMATION, "d", 16, matrix, True))
    keys = []
    if epsg is not None:
        geographic = epsg == 4326
        keys.append((GT_MODEL_TYPE, 0, 1, MODEL_GEOGRAPHIC if geographic else MODEL_PROJECTED))
    if geotransform is not None or epsg is not None:
        keys.append((GT_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_POINT if pixel_is_point else RASTER_PIXEL_IS_AREA))
    if epsg is not None:
        keys.append((GEOGRAPHIC_TYPE if epsg == 4326 else PROJECTED_CS_TYPE, 0, 1, epsg))
    if keys:
        directory = [1, 1, 0, len(keys)] + [v for key in sorted(keys) for v in key]
        tags.append((GEO_KEY_DIRECTORY, "H", len(directory), directory, True))
    if nodata is not None:
        tags.append((GDAL_NODATA, "s", 0, _nodata_text(nodata), True))
    return tags


def _nodata_text(nodata):
    """GDAL_NODATA's ASCII form: integers without a decimal point, nan as 'nan'."""
    if nodata != nodata:
        return "nan"
    return str(int(nodata)) if float(nodata).is_integer() else repr(float(nodata))


def write_tifffile(path, pixels, *, separate=False, overviews=(), mask=None, geo=None, **options):
    """Write (bands, h, w) `pixels` with tifffile; returns `path`.

    `options` go to every IFD's TiffWriter.write (tile, compression, predictor, ...), plus
    `byteorder` and `bigtiff` for the file. `overviews` are decimation factors written as
    reduced-resolution IFDs after the full image; `mask` (h, w, nonzero = valid) is written
    as a 1-bit transparency mask after each image, as GDAL's internal masks are.
    """
    import tifffile

    file_options = {k: options.pop(k) for k in ("byteorder", "bigtiff") if k in options}
    photometric = options.pop("photometric", "minisblack")
    bands = pixels.shape[0]
    extratags = geotiff_tags(**(geo or {}))

    def image(data):
        return data if separate or bands == 1 else numpy.moveaxis(data, 0, -1)

    def layout():
        if bands == 1:
            return {}
        return {"planarconfig": "separate" if separate else "contig"}

    with tifffile.TiffWriter(path, **file_options) as tif:
        for level in (1, *overviews):
            data = pixels[:, ::level, ::level]
            tif.write(image(data if bands > 1 else data[0]), photometric=photometric,
                      subfiletype=0 if level == 1 else REDUCED_IMAGE, extratags=extratags if level == 1 else None,
                      metadata=None, software=False, **layout(), **options)
            if mask is not None:
                bits = numpy.asarray(mask[::level, ::level]) != 0
                tif.write(bits, photometric="mask", subfiletype=TRANSPARENCY_MASK | (level > 1) * REDUCED_IMAGE,
                          metadata=None, software=False, tile=options.get("tile"),
                          compression="zlib" if options.get("compression") else None)
    return str(path)


def write_rasterio(path, pixels, *, geotransform=(500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0), epsg=32631,
                   nodata=None, driver="COG", mask=None, **options):
    """Write (bands, h, w) `pixels` with rasterio's own GDAL; `options` are creation options."""
    import rasterio
    import rasterio.shutil
    from affine import Affine

    bands, height, width = pixels.shape
    profile = dict(driver=driver, width=width, height=height, count=bands, dtype=pixels.dtype.name,
                   crs=f"EPSG:{epsg}", transform=Affine.from_gdal(*geotransform), nodata=nodata, **options)
    env = {"GDAL_TIFF_INTERNAL_MASK": "YES"} if mask is not None else {}
    with rasterio.Env(**env):
        if mask is not None and driver == "COG":
            # The COG driver copies from a source: build it as a masked GTiff in memory first.
            with rasterio.MemoryFile() as memfile:
                with memfile.open(**dict(profile, driver="GTiff", tiled=True)) as src:
                    src.write(pixels)
                    src.write_mask(numpy.where(mask != 0, 255, 0).astype(numpy.uint8))
                with memfile.open() as src:
                    rasterio.shutil.copy(src, path, driver="COG", **options)
        else:
            with rasterio.open(path, "w", **profile) as dst:
                dst.write(pixels)
                if mask is not None:
                    dst.write_mask(numpy.where(mask != 0, 255, 0).astype(numpy.uint8))
    return str(path)


def rasterio_version():
    """(rasterio version, the version of the GDAL it carries)."""
    import rasterio
    import rasterio.shutil

    return rasterio.__version__, rasterio.__gdal_version__


def assert_same_as_rasterio(path, pixels=True):
    """Every IFD's pixels (unless not `pixels`), the main image's georeference and its
    overview count, as rasterio's GDAL reads them."""
    import rasterio

    from gdal_oracle import assert_pixels_equal
    from plraster.tiff import FileSource, open_tiff, read_window

    source = FileSource(path)
    tiff = open_tiff(source)
    for ifd in tiff.ifds if pixels else ():
        with rasterio.open(f"GTIFF_DIR:{ifd.gdal_dir_number}:{path}") as ds:
            theirs = ds.read()
        ours = read_window(ifd, source, 0, 0, ifd.width, ifd.height)
        assert_pixels_equal(ours, theirs, f"rasterio IFD {ifd.gdal_dir_number}")
    with rasterio.open(path) as ds:
        main = tiff.ifds[0]
        assert main.geotransform == tuple(ds.transform.to_gdal())
        assert main.epsg == ds.crs.to_epsg()
        assert len(tiff.overviews(main)) == len(ds.overviews(1))
        nodata = ds.nodata
        assert (main.nodata is None) == (nodata is None)
        if nodata is not None:
            assert main.nodata == nodata or (main.nodata != main.nodata and nodata != nodata)
    return tiff
