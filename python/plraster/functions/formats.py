"""Raster file formats through GDAL's drivers: ST_AsGDALRaster (and ST_AsTIFF, ST_AsPNG,
ST_AsJPEG on top of it), ST_GDALDrivers, ST_FromGDALRaster and the GDAL version.

Files only ever live in /vsimem/ (GDAL's in-memory file system), in a directory of their
own with a unique name, removed with everything in it when the call ends, error or not.

Writing: the raster becomes a MEM dataset (gdalmem) copied with the driver's CreateCopy;
only the drivers in WRITERS may be used (a driver whose creation options name other files,
such as PDF's COMPOSITION_FILE, could read the server's files).

Reading (ST_FromGDALRaster) is the dangerous direction: a VRT, GTI, WMS, WMTS, XYZ,
PostGISRaster... "file" is a pointer to other files or URLs, so a bytea could make GDAL read
the server's files. GDAL is only ever asked to open the bytes with the drivers a superuser
enabled (plraster_gdal_read_drivers, GTiff, PNG, JPEG and GIF by default), and the opened
dataset must not list any file outside its own /vsimem/ directory.
"""
import uuid

import numpy as np

from plraster.core import limits, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError, InvalidRasterError, UnsupportedError
from plraster.core.pixtypes import info_for_name
from plraster.functions import gdalmem
from plraster.functions.warp import srs_of

# Drivers ST_AsGDALRaster may write with: their creation options name no other file.
WRITERS = ("GTiff", "COG", "PNG", "JPEG", "GIF", "BMP", "WEBP", "AAIGrid", "XYZ", "PNM",
           "EHdr", "ENVI", "GSBG", "GS7BG", "SAGA", "RST", "ILWIS", "HFA", "NITF", "KRO",
           "BT", "BYN", "ISIS3")
# Drivers ST_FromGDALRaster may read with when a superuser has not chosen others.
DEFAULT_READERS = ("GTiff", "PNG", "JPEG", "GIF")

# GDAL data type name -> PostGIS pixel type.
_PIXTYPES = {"Byte": "8BUI", "Int16": "16BSI", "UInt16": "16BUI", "Int32": "32BSI",
             "UInt32": "32BUI", "Float32": "32BF", "Float64": "64BF"}


class _VsiDir:
    """A fresh /vsimem/ directory, removed with its files on exit."""

    def __init__(self):
        self.path = "/vsimem/plraster-%s" % uuid.uuid4().hex

    def __enter__(self):
        gdalmem.modules()[0].Mkdir(self.path, 0o700)
        return self

    def __exit__(self, *exc):
        gdal = gdalmem.modules()[0]
        gdal.RmdirRecursive(self.path)


def _read_vsi(gdal, path):
    stat = gdal.VSIStatL(path)
    if stat is None:
        return b""
    limits.check_value_bytes(stat.size, "the file GDAL wrote")
    f = gdal.VSIFOpenL(path, "rb")
    try:
        return bytes(gdal.VSIFReadL(1, stat.size, f))
    finally:
        gdal.VSIFCloseL(f)


def as_gdal_raster(buf, fmt, options, srid, srs_lookup):
    """ST_AsGDALRaster: the raster as a file of driver `fmt` (bytes)."""
    gdal = gdalmem.modules()[0]
    header = wkb.read_header(buf)
    driver_name = _writer(fmt)
    if header.num_bands == 0:
        raise InvalidParameterError("cannot write a raster without bands",
                                    detail="GDAL's drivers need at least one band.")
    limits.check_pixels(header.width, header.height, 8 * header.num_bands, "the raster to write")
    target_srid = header.srid if srid is None else srid
    # A SpatialReference rather than its WKT: GTiff then writes the same GeoKeys faster.
    srs = srs_of(target_srid, srs_lookup) if target_srid else None
    refs = [locate_band(buf, header, n) for n in range(1, header.num_bands + 1)]
    bands = [(r.info, r.array(buf, header), r.nodata if r.has_nodata else None) for r in refs]
    gdalmem.ensure_drivers("MEM", driver_name)
    src = gdalmem.mem_dataset(header, bands)
    if srs is not None:
        src.SetSpatialRef(srs)
    driver = gdal.GetDriverByName(driver_name)
    with _VsiDir() as d:
        path = d.path + "/out"
        try:
            out = driver.CreateCopy(path, src, 0, [o for o in (options or []) if o])
        except RuntimeError as e:
            raise InvalidParameterError("gdal driver %s could not write the raster" % driver_name,
                                        detail="GDAL said: %s." % e)
        if out is None:
            raise InvalidParameterError("gdal driver %s could not write the raster" % driver_name)
        out = None  # closes and flushes the file
        return _read_vsi(gdal, path)


def _writer(fmt):
    for name in WRITERS:
        if name.upper() == (fmt or "").strip().upper():
            return name
    raise InvalidParameterError(
        "gdal driver %r cannot be used to write rasters" % fmt,
        hint="Use one of %s." % ", ".join(WRITERS))


def drivers(readers):
    """ST_GDALDrivers' rows (idx, short_name, long_name, can_read, can_write,
    create_options) for the drivers plraster may use: the writers and the enabled readers."""
    gdal = gdalmem.modules()[0]
    names = list(dict.fromkeys(list(WRITERS) + list(readers)))
    gdalmem.ensure_drivers(*names)
    rows = []
    for idx in range(gdal.GetDriverCount()):
        d = gdal.GetDriver(idx)
        if d.ShortName not in names or d.GetMetadataItem("DCAP_RASTER") != "YES":
            continue
        can_write = d.ShortName in WRITERS and (
            d.GetMetadataItem("DCAP_CREATECOPY") == "YES" or d.GetMetadataItem("DCAP_CREATE") == "YES")
        rows.append((idx, d.ShortName, d.LongName, d.ShortName in readers, can_write,
                     d.GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""))
    return rows


def from_gdal_raster(data, srid, readers):
    """ST_FromGDALRaster: the raster WKB of a file held in bytes, opened only with the
    drivers in `readers`."""
    gdal, _, osr = gdalmem.modules()
    readers = [r for r in readers if r]
    if not readers:
        raise UnsupportedError("no gdal driver is enabled for reading",
                               hint="A superuser may enable drivers in plraster_gdal_read_drivers.")
    gdalmem.ensure_drivers(*readers)
    with _VsiDir() as d:
        path = d.path + "/in"
        gdal.FileFromMemBuffer(path, bytes(data))
        try:
            ds = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY, allowed_drivers=readers,
                             sibling_files=[])
        except RuntimeError:
            ds = None
        if ds is None:
            raise InvalidRasterError(
                "could not open bytea with gdal",
                detail="No enabled driver (%s) reads these bytes." % ", ".join(readers),
                hint="Check that the bytea is in a format a superuser enabled in "
                     "plraster_gdal_read_drivers.")
        try:
            for name in ds.GetFileList() or []:
                if not name.startswith(d.path + "/"):
                    raise InvalidRasterError("the file refers to other files",
                                             detail="plraster reads only self-contained files.")
            return _dataset_wkb(gdal, osr, ds, srid)
        finally:
            ds = None


def _dataset_wkb(gdal, osr, ds, srid):
    width, height = ds.RasterXSize, ds.RasterYSize
    if width > 65535 or height > 65535:
        raise InvalidRasterError("the file's raster is %d x %d pixels" % (width, height),
                                 detail="A raster holds at most 65535 x 65535 pixels.")
    limits.check_pixels(width, height, 8 * max(ds.RasterCount, 1), "the file's raster")
    gt = ds.GetGeoTransform(can_return_null=True) or (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)
    if srid is None:
        srid = 0
        ref = ds.GetSpatialRef()
        if ref is not None:
            code = ref.GetAuthorityCode(None)
            if ref.GetAuthorityName(None) == "EPSG" and code and code.isdigit():
                srid = int(code)
    bands = []
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        tname = gdal.GetDataTypeName(band.DataType)
        pixtype = _PIXTYPES.get(tname)
        if tname == "Byte" and band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
            pixtype = "8BSI"
        if pixtype is None:
            raise UnsupportedError("gdal data type %s has no raster pixel type" % tname,
                                   detail="Band %d of the file is %s." % (i, tname))
        info = info_for_name(pixtype)
        data = band.ReadAsArray()
        if pixtype == "8BSI":
            data = data.view(np.int8)
        nodata = band.GetNoDataValue()
        bands.append(wkb.Band(pixtype=info, has_nodata=nodata is not None,
                              nodata=wkb.fit_nodata(info, nodata) if nodata is not None else 0,
                              data=np.ascontiguousarray(data, dtype=info.dtype)))
    header = wkb.RasterHeader(len(bands), gt[1], gt[5], gt[0], gt[3], gt[2], gt[4], srid,
                              width, height)
    return wkb.emit_raster(wkb.Raster(header, bands))


def gdal_version():
    """The GDAL in use, as postgis_gdal_version() words it."""
    gdal = gdalmem.modules()[0]
    return gdal.VersionInfo("--version")
