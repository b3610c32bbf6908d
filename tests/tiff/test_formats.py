"""Pixel types, codecs, predictors and layouts, each compared pixel by pixel with GDAL."""

import numpy
import pytest

from gdal_oracle import GDAL_TYPES, add_overviews, assert_same_as_gdal, random_pixels

LOSSLESS = ["NONE", "DEFLATE", "LZW", "ZSTD", "PACKBITS", "LERC", "LERC_DEFLATE", "LERC_ZSTD"]


@pytest.mark.parametrize("type_name", sorted(GDAL_TYPES))
@pytest.mark.parametrize("compress", LOSSLESS)
def test_every_type_and_lossless_codec(write_tiff, type_name, compress):
    dtype = GDAL_TYPES[type_name][1]
    if compress.startswith("LERC") and numpy.dtype(dtype).itemsize == 8 and numpy.dtype(dtype).kind != "f":
        pytest.skip("LERC does not encode 64-bit integers")
    pixels = random_pixels(dtype, 2, 300, 270, seed=len(type_name))
    path = write_tiff(pixels, "COG", [f"COMPRESS={compress}", "BLOCKSIZE=128", "OVERVIEWS=NONE"])
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].dtype == numpy.dtype(dtype)


@pytest.mark.parametrize("type_name", ["Byte", "Int8", "UInt16", "Int16", "UInt32", "Int32", "Float32", "Float64"])
@pytest.mark.parametrize("predictor", [2, 3])
@pytest.mark.parametrize("compress", ["LZW", "DEFLATE", "ZSTD"])
@pytest.mark.parametrize("interleave", ["PIXEL", "BAND"])
def test_predictors(write_tiff, type_name, predictor, compress, interleave):
    if type_name not in GDAL_TYPES:
        pytest.skip(f"GDAL has no {type_name}")
    dtype = numpy.dtype(GDAL_TYPES[type_name][1])
    if predictor == 3 and dtype.kind != "f":
        pytest.skip("GDAL refuses the floating point predictor on integers")
    pixels = random_pixels(dtype, 3, 100, 140, seed=predictor)
    path = write_tiff(pixels, "GTiff", ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=48", f"COMPRESS={compress}",
                                        f"PREDICTOR={predictor}", f"INTERLEAVE={interleave}"])
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].predictor == predictor


@pytest.mark.parametrize("compress", ["NONE", "DEFLATE", "LZW", "PACKBITS"])
def test_one_bit(write_tiff, compress):
    pixels = random_pixels(numpy.uint8, 1, 77, 91) % 2
    path = write_tiff(pixels, "GTiff", ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16", "NBITS=1",
                                        f"COMPRESS={compress}"])
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].bits_per_sample == 1


def test_one_bit_strips_three_samples(write_tiff):
    pixels = random_pixels(numpy.uint8, 3, 33, 45) % 2
    path = write_tiff(pixels, "GTiff", ["NBITS=1", "INTERLEAVE=PIXEL", "BLOCKYSIZE=5"])
    assert_same_as_gdal(path)


def test_jpeg_ycbcr(write_tiff):
    pixels = random_pixels(numpy.uint8, 3, 300, 260, smooth=True)
    path = write_tiff(pixels, "COG", ["COMPRESS=JPEG", "BLOCKSIZE=128", "OVERVIEWS=AUTO"])
    tiff = assert_same_as_gdal(path)  # exact: same libjpeg-turbo IDCT as GDAL
    assert tiff.ifds[0].photometric == 6 and tiff.ifds[0].jpeg_tables
    assert len(tiff.ifds) > 1


@pytest.mark.parametrize("bands,options", [
    (3, ["PHOTOMETRIC=RGB"]),
    (1, []),
    (3, ["INTERLEAVE=BAND"]),
    (4, ["PHOTOMETRIC=MINISBLACK", "INTERLEAVE=BAND"]),
])
def test_jpeg_other_layouts(write_tiff, bands, options):
    pixels = random_pixels(numpy.uint8, bands, 130, 100, smooth=True)
    path = write_tiff(pixels, "GTiff", ["TILED=YES", "COMPRESS=JPEG", "JPEG_QUALITY=80", *options])
    assert_same_as_gdal(path)


@pytest.mark.parametrize("bands", [3, 4])
@pytest.mark.parametrize("lossless", [False, True])
def test_webp(write_tiff, bands, lossless):
    pixels = random_pixels(numpy.uint8, bands, 200, 300, smooth=True)
    path = write_tiff(pixels, "COG", ["COMPRESS=WEBP", "BLOCKSIZE=128", f"WEBP_LOSSLESS={lossless}"])
    assert_same_as_gdal(path)  # exact: libwebp decoding is deterministic


@pytest.mark.parametrize("compress", ["LERC", "LERC_DEFLATE", "LERC_ZSTD"])
@pytest.mark.parametrize("type_name", ["Byte", "Int16", "Float32", "Float64"])
@pytest.mark.parametrize("max_z_error", [0, 0.5])
def test_lerc_with_error(write_tiff, compress, type_name, max_z_error):
    dtype = GDAL_TYPES[type_name][1]
    pixels = random_pixels(dtype, 3, 150, 170, seed=3)
    path = write_tiff(pixels, "COG", [f"COMPRESS={compress}", f"MAX_Z_ERROR={max_z_error}",
                                      "BLOCKSIZE=128", "INTERLEAVE=PIXEL" if type_name == "Byte" else "OVERVIEWS=NONE"])
    tiff = assert_same_as_gdal(path)  # exact: LERC decoding is deterministic
    assert tiff.ifds[0].lerc_parameters[1] == {"LERC": 0, "LERC_DEFLATE": 1, "LERC_ZSTD": 2}[compress]


@pytest.mark.parametrize("blocksize", [(16, 16), (32, 64), (256, 128), (512, 512)])
def test_tile_sizes(write_tiff, blocksize):
    pixels = random_pixels(numpy.int16, 2, 333, 517)
    path = write_tiff(pixels, "GTiff", ["TILED=YES", f"BLOCKXSIZE={blocksize[0]}", f"BLOCKYSIZE={blocksize[1]}",
                                        "COMPRESS=DEFLATE"])
    tiff = assert_same_as_gdal(path)
    assert (tiff.ifds[0].block_width, tiff.ifds[0].block_height) == blocksize


@pytest.mark.parametrize("rows_per_strip", [1, 7, 64, 1000])
@pytest.mark.parametrize("compress", ["NONE", "DEFLATE", "LZW", "JPEG"])
@pytest.mark.parametrize("interleave", ["PIXEL", "BAND"])
def test_strips(write_tiff, rows_per_strip, compress, interleave):
    if compress == "JPEG" and rows_per_strip % 8:
        pytest.skip("JPEG strips are multiples of 8 rows")
    pixels = random_pixels(numpy.uint8, 3, 101, 77, smooth=True)
    path = write_tiff(pixels, "GTiff", [f"BLOCKYSIZE={rows_per_strip}", f"COMPRESS={compress}",
                                        f"INTERLEAVE={interleave}"])
    tiff = assert_same_as_gdal(path)
    assert not tiff.ifds[0].tiled


@pytest.mark.parametrize("interleave", ["PIXEL", "BAND"])
@pytest.mark.parametrize("bands", [1, 2, 5])
def test_interleave_with_overviews(write_tiff, interleave, bands):
    pixels = random_pixels(numpy.uint16, bands, 200, 190)
    path = write_tiff(pixels, "GTiff", ["TILED=YES", f"INTERLEAVE={interleave}", "COMPRESS=ZSTD"])
    add_overviews(path, [2, 4, 8])
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].planar_config == (2 if interleave == "BAND" and bands > 1 else 1)
    assert [i.is_overview for i in tiff.ifds] == [False, True, True, True]


@pytest.mark.parametrize("driver,options", [
    ("COG", ["BIGTIFF=YES", "COMPRESS=DEFLATE", "BLOCKSIZE=128", "OVERVIEWS=AUTO"]),
    ("GTiff", ["BIGTIFF=YES", "TILED=YES", "COMPRESS=LZW", "PREDICTOR=2"]),
    ("GTiff", ["BIGTIFF=YES", "BLOCKYSIZE=10"]),
])
def test_bigtiff(write_tiff, driver, options):
    pixels = random_pixels(numpy.float32, 2, 300, 280)
    path = write_tiff(pixels, driver, options)
    tiff = assert_same_as_gdal(path)
    assert tiff.bigtiff


@pytest.mark.parametrize("type_name", ["Byte", "UInt16", "Int32", "Float32", "Float64"])
@pytest.mark.parametrize("options", [
    ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32"],
    ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2", "INTERLEAVE=BAND"],
    ["TILED=YES", "COMPRESS=LZW", "PREDICTOR=3"],
    ["TILED=YES", "COMPRESS=LERC_ZSTD", "BIGTIFF=YES"],
    ["BLOCKYSIZE=9", "COMPRESS=PACKBITS"],
])
def test_big_endian(write_tiff, type_name, options):
    dtype = numpy.dtype(GDAL_TYPES[type_name][1])
    if "PREDICTOR=3" in options and dtype.kind != "f":
        pytest.skip("floating point predictor needs floats")
    pixels = random_pixels(dtype, 2, 70, 90)
    if "COMPRESS=LERC_ZSTD" in options and dtype == numpy.float32:
        pytest.skip("GDAL 3.6 cannot read back its own big-endian Float32 LERC (TIFFReadEncodedTile fails)")
    path = write_tiff(pixels, "GTiff", ["ENDIANNESS=BIG", *options])
    tiff = assert_same_as_gdal(path)
    assert tiff.byteorder == ">"


def test_unsupported_compression_is_named(write_tiff):
    from plraster.core.errors import UnsupportedError
    from plraster.tiff import FileSource, open_tiff, read_window

    pixels = random_pixels(numpy.uint8, 1, 40, 40)
    path = write_tiff(pixels, "GTiff", ["COMPRESS=LZMA"])
    source = FileSource(path)
    tiff = open_tiff(source)
    with pytest.raises(UnsupportedError) as err:
        read_window(tiff.ifds[0], source, 0, 0, 40, 40)
    assert "34925" in err.value.detail


@pytest.mark.parametrize("options", [["TILED=YES"], ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3"],
                                     ["ENDIANNESS=BIG", "BLOCKYSIZE=7"]])
def test_half_float(write_tiff, options):
    pixels = random_pixels(numpy.float32, 2, 50, 70)
    path = write_tiff(pixels, "GTiff", ["NBITS=16", *options])
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].bits_per_sample == 16 and tiff.ifds[0].dtype == numpy.float32


@pytest.mark.parametrize("compress", ["NONE", "DEFLATE"])
def test_signed_byte(write_tiff, compress):
    """Int8 as GDAL 3.6 writes it (Byte with PIXELTYPE=SIGNEDBYTE: SampleFormat 2, 8 bits)."""
    from gdal_oracle import assert_pixels_equal, gdal_ifd_array
    from plraster.tiff import FileSource, open_tiff, read_window

    pixels = random_pixels(numpy.uint8, 2, 60, 70)
    path = write_tiff(pixels, "GTiff", ["TILED=YES", "PIXELTYPE=SIGNEDBYTE", f"COMPRESS={compress}",
                                        "PREDICTOR=2" if compress != "NONE" else "PREDICTOR=1"])
    source = FileSource(path)
    ifd = open_tiff(source).ifds[0]
    assert ifd.sample_format == 2 and ifd.dtype == numpy.int8
    ours = read_window(ifd, source, 0, 0, 70, 60)
    # GDAL 3.6 has no Int8 type: it returns the same bytes as Byte.
    assert_pixels_equal(ours.view(numpy.uint8), gdal_ifd_array(path, 1).astype(numpy.uint8))



@pytest.mark.parametrize("compress", ["LERC", "LERC_ZSTD"])
@pytest.mark.parametrize("all_opaque", [False, True])
def test_lerc_alpha_kept_as_mask(tmp_path, compress, all_opaque):
    """Byte RGBA with an unassociated alpha: libtiff stores the alpha as the LERC mask
    (three samples in the blob) and gives it back as 0 or 255."""
    from gdal_oracle import gdal, mem_dataset

    pixels = random_pixels(numpy.uint8, 4, 200, 150, smooth=True)
    pixels[3] = 255 if all_opaque else numpy.where(pixels[3] > 100, 255, 0)
    ds = mem_dataset(pixels)
    ds.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
    path = str(tmp_path / "rgba.tif")
    gdal.Translate(path, ds, format="GTiff", creationOptions=["TILED=YES", f"COMPRESS={compress}"])
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].extra_samples == (2,)
