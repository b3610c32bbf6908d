"""plraster.functions.gdalmem: rasters handed to GDAL as MEM datasets (no server)."""
import numpy as np

from plraster.core import wkb
from plraster.core.pixtypes import info_for_name
from plraster.functions import gdalmem


def test_mem_dataset_keeps_georeference_types_values_and_nodata():
    header = wkb.RasterHeader(2, 1.5, -2.0, 10.0, 20.0, 0.25, 0.5, 4326, 3, 2)
    signed = np.array([[-1, 2, 3], [4, 5, -6]], np.int8)
    ds = gdalmem.mem_dataset(header, [(info_for_name("8BSI"), signed, -1),
                                      (info_for_name("32BF"), None, -9.5)])
    gdal = gdalmem.modules()[0]
    assert ds.GetGeoTransform() == (10.0, 1.5, 0.25, 20.0, 0.5, -2.0)
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (3, 2, 2)
    b1, b2 = ds.GetRasterBand(1), ds.GetRasterBand(2)
    assert b1.DataType == gdal.GDT_Byte
    assert b1.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE"
    assert np.array_equal(b1.ReadAsArray().view(np.int8), signed)
    assert b1.GetNoDataValue() == -1
    assert b2.DataType == gdal.GDT_Float32 and b2.GetNoDataValue() == -9.5
    assert np.all(b2.ReadAsArray() == -9.5)


def test_options_that_reach_outside_memory_are_off():
    gdal = gdalmem.modules()[0]
    assert gdal.GetConfigOption("GDAL_PAM_ENABLED") == "NO"
    assert gdal.GetConfigOption("PROJ_NETWORK") == "OFF"
