"""Internal masks, overviews in file order (GTIFF_DIR numbering) and sparse files."""

import numpy
import pytest

from gdal_oracle import GDAL_TYPES, add_overviews, assert_pixels_equal, assert_same_as_gdal, gdal, random_pixels
from plraster.tiff import FileSource, open_tiff, read_window


def _mask(height, width):
    mask = numpy.zeros((height, width), numpy.uint8)
    mask[20:height - 30, 40:width - 10] = 255
    mask[:5] = 255
    return mask


@pytest.mark.parametrize("compress", ["DEFLATE", "JPEG", "LERC"])
def test_cog_with_internal_mask(write_tiff, compress):
    pixels = random_pixels(numpy.uint8, 3, 400, 300, smooth=True)
    mask = _mask(400, 300)
    path = write_tiff(pixels, "COG", [f"COMPRESS={compress}", "BLOCKSIZE=128", "OVERVIEWS=AUTO"], mask=mask)
    tiff = assert_same_as_gdal(path, windows=2)  # every IFD, masks included, by GTIFF_DIR
    main = tiff.ifds[0]
    mask_ifd = tiff.mask(main)
    assert mask_ifd is not None and mask_ifd.is_mask and not mask_ifd.is_overview
    assert mask_ifd.bits_per_sample == 1
    ds = gdal.Open(path)  # kept referenced: a band outliving its dataset crashes GDAL
    gdal_mask = ds.GetRasterBand(1).GetMaskBand().ReadAsArray()
    ours = read_window(mask_ifd, FileSource(path), 0, 0, main.width, main.height)[0]
    assert_pixels_equal(ours * numpy.uint8(255), gdal_mask, "mask")
    # Every overview has its own mask, of the same size.
    for k, ovr in enumerate(tiff.overviews(main)):
        ovr_mask = tiff.mask(ovr)
        assert ovr_mask is not None and ovr_mask.is_overview and ovr_mask.is_mask
        theirs = ds.GetRasterBand(1).GetOverview(k).GetMaskBand().ReadAsArray()
        ours = read_window(ovr_mask, FileSource(path), 0, 0, ovr.width, ovr.height)[0]
        assert_pixels_equal(ours * numpy.uint8(255), theirs, f"overview {k} mask")


def test_gtiff_dir_numbering(write_tiff):
    path = write_tiff(random_pixels(numpy.uint8, 1, 500, 600), "COG", ["BLOCKSIZE=128", "OVERVIEWS=AUTO"],
                      mask=_mask(500, 600))
    tiff = open_tiff(FileSource(path))
    assert [i.gdal_dir_number for i in tiff.ifds] == list(range(1, len(tiff.ifds) + 1))
    for ifd in tiff.ifds:
        ds = gdal.Open(f"GTIFF_DIR:{ifd.gdal_dir_number}:{path}")
        assert (ds.RasterXSize, ds.RasterYSize) == (ifd.width, ifd.height)
        nbits = ds.GetRasterBand(1).GetMetadataItem("NBITS", "IMAGE_STRUCTURE")
        assert (nbits == "1") == ifd.is_mask
    assert tiff.gdal_dir(2) is tiff.ifds[1]
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    gdal_ovr_sizes = [(band.GetOverview(k).XSize, band.GetOverview(k).YSize) for k in range(band.GetOverviewCount())]
    assert [(o.width, o.height) for o in tiff.overviews()] == gdal_ovr_sizes


@pytest.mark.parametrize("type_name,nodata", [
    ("Byte", None), ("Byte", 7), ("Int16", -9999), ("Float32", float("nan")), ("Float64", -1e30),
    ("UInt16", 70000),  # out of range: GDAL reports it but fills with the clamped value
])
@pytest.mark.parametrize("driver,options", [
    ("GTiff", ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32", "SPARSE_OK=TRUE", "COMPRESS=DEFLATE"]),
    ("GTiff", ["TILED=YES", "SPARSE_OK=TRUE", "INTERLEAVE=BAND"]),
    ("GTiff", ["SPARSE_OK=TRUE", "BLOCKYSIZE=16"]),
    ("COG", ["BLOCKSIZE=128", "SPARSE_OK=TRUE", "OVERVIEWS=AUTO", "OVERVIEW_RESAMPLING=NEAREST"]),
])
def test_sparse(write_tiff, type_name, nodata, driver, options):
    dtype = GDAL_TYPES[type_name][1]
    pixels = random_pixels(dtype, 2, 300, 330)
    empty = 0 if nodata is None else nodata
    if numpy.dtype(dtype).kind in "iu" and not numpy.iinfo(dtype).min <= empty <= numpy.iinfo(dtype).max:
        empty = 0  # no pixel can equal this nodata: blocks of zeros stay written
    pixels[:, 20:, :] = empty
    pixels[:, :, 40:] = empty
    path = write_tiff(pixels, driver, options, nodata=nodata)
    tiff = assert_same_as_gdal(path, windows=4)
    sparse = (tiff.ifds[0].block_offsets == 0) | (tiff.ifds[0].block_bytecounts == 0)
    assert sparse.any() == (nodata != 70000)


def test_sparse_with_mask(write_tiff):
    pixels = random_pixels(numpy.uint8, 1, 256, 256)
    pixels[:, 64:] = 0
    mask = numpy.zeros((256, 256), numpy.uint8)
    mask[:64] = 255
    path = write_tiff(pixels, "GTiff", ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32", "SPARSE_OK=TRUE"], mask=mask)
    add_overviews(path, [2])
    assert_same_as_gdal(path)
