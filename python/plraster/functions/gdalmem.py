"""GDAL on in-memory datasets only: the algorithms PostGIS itself delegates to GDAL
(polygonising, rasterising, contours, gridding, warping, format drivers).

Why GDAL at all: PostGIS answers these functions with GDAL's algorithms, so running the same
algorithms (Debian's python3-gdal, the GDAL that Debian's PostGIS links) gives the same
pixels and polygons, where a re-implementation would differ at every boundary case.

Why in memory only: plpython3u is untrusted and GDAL can open any path or URL its drivers
know. plraster never hands GDAL a name it did not make itself: rasters go in as MEM
datasets built from numpy arrays (`mem_dataset`), vectors as OGR Memory layers, results
come back as arrays. Out-db bands are read by plraster's own engine (allow-list, caches)
before GDAL sees them. `modules()` also turns off what could reach the file system or the
network behind the caller's back (.aux.xml side files, PROJ's network grids).
"""
import numpy as np

_MODULES = None

# PostGIS pixel type -> GDAL data type name. GDAL 3.6 has no Int8: PostGIS 3.3 hands an
# 8BSI band to GDAL as Byte with PIXELTYPE=SIGNEDBYTE, and so does mem_dataset.
_GDAL_TYPE = {"1BB": "Byte", "2BUI": "Byte", "4BUI": "Byte", "8BSI": "Byte", "8BUI": "Byte",
              "16BSI": "Int16", "16BUI": "UInt16", "32BSI": "Int32", "32BUI": "UInt32",
              "16BF": "Float32", "32BF": "Float32", "64BF": "Float64"}


def modules():
    """(gdal, ogr, osr) from osgeo, imported on first use with exceptions on and with every
    option that could read or write outside memory turned off."""
    global _MODULES
    if _MODULES is None:
        from osgeo import gdal, ogr, osr
        gdal.UseExceptions()
        ogr.UseExceptions()
        osr.UseExceptions()
        for key, value in (("GDAL_PAM_ENABLED", "NO"),          # no .aux.xml side files
                           ("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR"),
                           ("PROJ_NETWORK", "OFF"),             # no grid downloads
                           ("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".plraster-none"),
                           ("GDAL_HTTP_TIMEOUT", "1")):
            gdal.SetConfigOption(key, value)
        _MODULES = (gdal, ogr, osr)
    return _MODULES


def gdal_type(info):
    """The GDAL data type constant for a PixelTypeInfo."""
    gdal = modules()[0]
    return gdal.GetDataTypeByName(_GDAL_TYPE[info.name])


def mem_dataset(header, bands, srs_wkt=None):
    """A MEM dataset with the raster's georeference and bands.

    `bands` is a list of (info, array or None, nodata or None): array is (height, width)
    (None leaves the band filled with nodata, or 0), nodata None means no nodata value.
    """
    gdal = modules()[0]
    driver = mem_driver()
    # Created with no band: bands of different types are then added one by one.
    ds = driver.Create("", header.width, header.height, 0, gdal.GDT_Byte)
    ds.SetGeoTransform(header.geotransform)
    if srs_wkt:
        ds.SetProjection(srs_wkt)
    for info, array, nodata in bands:
        options = ["PIXELTYPE=SIGNEDBYTE"] if info.name == "8BSI" else []
        ds.AddBand(gdal_type(info), options)
        band = ds.GetRasterBand(ds.RasterCount)
        if info.name == "8BSI":
            band.SetMetadataItem("PIXELTYPE", "SIGNEDBYTE", "IMAGE_STRUCTURE")
        if nodata is not None:
            band.SetNoDataValue(float(nodata))
        if array is not None:
            if info.name == "8BSI":
                array = np.asarray(array).view(np.uint8)
            band.WriteArray(np.asarray(array))
        elif nodata is not None:
            band.Fill(float(nodata))
    return ds


def _register_only(names):
    """Register the missing GDAL drivers among `names`, and no other; returns those added.

    PostGIS raster, loaded in the same backend, applies postgis.gdal_enabled_drivers by
    putting every disabled driver (MEM included, by default) in GDAL_SKIP and deregistering
    it. Re-registering every driver would undo that for PostGIS too (VRT and the other
    drivers that read files would come back), so GDAL_SKIP is narrowed to let only `names`
    through for one AllRegister, then restored, and any other driver that appeared anyway
    is deregistered again."""
    gdal = modules()[0]
    missing = {n for n in names if gdal.GetDriverByName(n) is None}
    if not missing:
        return []
    before = {gdal.GetDriver(i).ShortName for i in range(gdal.GetDriverCount())}
    skip = gdal.GetConfigOption("GDAL_SKIP")
    kept = " ".join(d for d in (skip or "").split() if d not in missing)
    gdal.SetConfigOption("GDAL_SKIP", kept or None)
    try:
        gdal.AllRegister()
    finally:
        gdal.SetConfigOption("GDAL_SKIP", skip)
    added = []
    for i in reversed(range(gdal.GetDriverCount())):
        driver = gdal.GetDriver(i)
        if driver.ShortName in before:
            continue
        if driver.ShortName in missing:
            added.append(driver)
        else:
            driver.Deregister()
    return added


_PRIVATE_MEM = None


def mem_driver():
    """GDAL's MEM driver, even in a backend where PostGIS raster has skipped it (see
    `_register_only`): then plraster makes its own MEM driver object and deregisters it at
    once, so that what PostGIS may open is unchanged; a deregistered driver is never
    destroyed by GDAL's driver manager, so the handle stays valid for Create()."""
    global _PRIVATE_MEM
    gdal = modules()[0]
    driver = gdal.GetDriverByName("MEM")
    if driver is not None:
        return driver
    if _PRIVATE_MEM is None:
        for added in _register_only(["MEM"]):
            added.Deregister()
            _PRIVATE_MEM = added
    return _PRIVATE_MEM


def ensure_drivers(*names):
    """Register GDAL drivers `names` (MEM, GTiff, ...) when they are missing, and only
    those, for the algorithms that look drivers up by name (gdal.Warp to MEM, CreateCopy).
    Called before each use: PostGIS may deregister them again when its setting changes."""
    _register_only(names)


class mem_driver_present:
    """Context manager: GDAL's MEM driver registered for the block (see `_register_only`),
    and deregistered on leaving if it was not there before, so PostGIS's GDAL sees what it
    set up."""

    def __enter__(self):
        self.added = _register_only(["MEM"])
        return self

    def __exit__(self, *exc):
        for driver in self.added:
            driver.Deregister()
        return False
