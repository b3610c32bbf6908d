"""GeoTIFFs and COGs written by tifffile and by rasterio, read by plraster and by GDAL.

The GDAL-written files of the other tests share their writer with the oracle; these do not.
tifffile lays out IFDs, tiles, strips, predictors and codecs its own way (through
imagecodecs), and rasterio carries a newer GDAL (3.10) than Debian's 3.6, whose COG driver
writes what 3.6 does not (true Int8, LERC with per-sample NaN masks). Each file is compared
pixel by pixel with Debian's GDAL, and rasterio's files also with rasterio's own reading.
"""

import numpy
import pytest

from gdal_oracle import assert_pixels_equal, assert_same_as_gdal, gdal, random_pixels
from other_writers import assert_same_as_rasterio, write_rasterio, write_tifffile
from plraster.tiff import FileSource, open_tiff, read_window

TYPES = ["uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64", "float16", "float32", "float64"]
# tifffile's names; "zlib" is Adobe deflate (8), "deflate" the old PKZIP code (32946).
CODECS = [None, "zlib", "deflate", "lzw", "packbits", "zstd", "lerc"]


def pixels_of(dtype, bands=2, height=100, width=90, seed=0):
    """Random pixels over the whole range of `dtype` (float16 within its range)."""
    if dtype == "float16":
        return (random_pixels(numpy.float32, bands, height, width, seed) / 100).astype(numpy.float16)
    return random_pixels(numpy.dtype(dtype), bands, height, width, seed)


def read_all(path, ifd=0):
    source = FileSource(path)
    image = open_tiff(source).ifds[ifd]
    return read_window(image, source, 0, 0, image.width, image.height)


@pytest.mark.parametrize("compression", CODECS, ids=str)
@pytest.mark.parametrize("dtype", TYPES)
def test_tifffile_types_and_codecs(tmp_path, dtype, compression):
    if compression == "lerc" and (dtype in ("float16", "int64", "uint64")):
        pytest.skip("LERC encodes no 64-bit integers and no half floats")
    pixels = pixels_of(dtype, seed=len(dtype))
    path = write_tifffile(tmp_path / "t.tif", pixels, tile=(32, 48), compression=compression)
    tiff = assert_same_as_gdal(path)
    expected = pixels.astype(numpy.float32) if dtype == "float16" else pixels
    if not (compression == "lerc" and dtype.startswith("float")):  # imagecodecs' LERC stores NaN as -FLT_MAX
        assert_pixels_equal(read_all(path), expected, "pixels as written")
    assert tiff.ifds[0].dtype == expected.dtype and tiff.ifds[0].tiled


@pytest.mark.parametrize("byteorder", ["<", ">"])
@pytest.mark.parametrize("separate", [False, True], ids=["contig", "separate"])
@pytest.mark.parametrize("compression", ["lzw", "zlib", "zstd"])
@pytest.mark.parametrize("dtype,predictor", [
    ("uint8", 2), ("int8", 2), ("uint16", 2), ("int16", 2), ("uint32", 2), ("int32", 2), ("uint64", 2),
    ("int64", 2), ("float16", 3), ("float32", 3), ("float64", 3),
])
def test_tifffile_predictors(tmp_path, dtype, predictor, compression, separate, byteorder):
    pixels = pixels_of(dtype, bands=3, height=70, width=100, seed=predictor)
    path = write_tifffile(tmp_path / "p.tif", pixels, separate=separate, byteorder=byteorder, tile=(16, 32),
                          compression=compression, predictor=predictor)
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].predictor == predictor and tiff.byteorder == byteorder
    assert tiff.ifds[0].planar_config == (2 if separate else 1)


@pytest.mark.parametrize("bigtiff", [False, True], ids=["classic", "bigtiff"])
@pytest.mark.parametrize("byteorder", ["<", ">"])
@pytest.mark.parametrize("dtype", ["uint16", "int32", "float32", "float64"])
@pytest.mark.parametrize("compression", [None, "zlib", "lerc"], ids=str)
def test_tifffile_byte_order_and_bigtiff(tmp_path, bigtiff, byteorder, dtype, compression):
    if compression == "lerc" and byteorder == ">":
        pytest.skip("tifffile writes LERC in native byte order only (GDAL's big-endian LERC is in test_formats)")
    pixels = pixels_of(dtype, bands=2, height=130, width=75)
    path = write_tifffile(tmp_path / "b.tif", pixels, byteorder=byteorder, bigtiff=bigtiff, tile=(64, 64),
                          compression=compression, overviews=(2, 4), geo={"nodata": -9999})
    tiff = assert_same_as_gdal(path)
    assert (tiff.bigtiff, tiff.byteorder) == (bigtiff, byteorder)
    if not (compression == "lerc" and dtype.startswith("float")):  # imagecodecs' LERC stores NaN as -FLT_MAX
        assert_pixels_equal(read_all(path), pixels, "pixels as written")
    assert [i.is_overview for i in tiff.ifds] == [False, True, True]


@pytest.mark.parametrize("tile", [(16, 16), (16, 48), (128, 256), (512, 512)])
def test_tifffile_tile_sizes(tmp_path, tile):
    pixels = pixels_of("int16", bands=2, height=333, width=517)
    path = write_tifffile(tmp_path / "s.tif", pixels, tile=tile, compression="zlib")
    tiff = assert_same_as_gdal(path, windows=5)
    assert (tiff.ifds[0].block_height, tiff.ifds[0].block_width) == tile


@pytest.mark.parametrize("rowsperstrip", [1, 7, 64, 1000])
@pytest.mark.parametrize("compression", [None, "lzw", "packbits", "zstd"], ids=str)
@pytest.mark.parametrize("separate", [False, True], ids=["contig", "separate"])
def test_tifffile_strips(tmp_path, rowsperstrip, compression, separate):
    pixels = pixels_of("uint16", bands=3, height=101, width=77)
    path = write_tifffile(tmp_path / "r.tif", pixels, separate=separate, rowsperstrip=rowsperstrip,
                          compression=compression)
    tiff = assert_same_as_gdal(path)
    assert not tiff.ifds[0].tiled


@pytest.mark.parametrize("photometric,options", [
    ("rgb", {}),
    ("ycbcr", {}),
    ("ycbcr", {"subsampling": (1, 1)}),
    ("ycbcr", {"subsampling": (2, 1)}),
    ("minisblack", {}),
])
def test_tifffile_jpeg(tmp_path, photometric, options):
    bands = 1 if photometric == "minisblack" else 3
    pixels = random_pixels(numpy.uint8, bands, 200, 150, smooth=True)
    path = write_tifffile(tmp_path / "j.tif", pixels, photometric=photometric, tile=(64, 64), compression="jpeg",
                          overviews=(2,), **options)
    tiff = assert_same_as_gdal(path)  # exact: the same libjpeg-turbo decoding as GDAL's
    assert tiff.ifds[0].compression == 7


@pytest.mark.parametrize("bands", [3, 4])
@pytest.mark.parametrize("lossless", [False, True])
def test_tifffile_webp(tmp_path, bands, lossless):
    pixels = random_pixels(numpy.uint8, bands, 150, 200, smooth=True)
    extra = {"extrasamples": ["unassalpha"]} if bands == 4 else {}
    path = write_tifffile(tmp_path / "w.tif", pixels, photometric="rgb", tile=(64, 64), compression="webp",
                          compressionargs={"lossless": lossless}, **extra)
    assert_same_as_gdal(path)


@pytest.mark.parametrize("compression", [None, "packbits", "zlib"], ids=str)
def test_tifffile_one_bit(tmp_path, compression):
    bits = random_pixels(numpy.uint8, 1, 77, 91) % 2 == 1
    path = write_tifffile(tmp_path / "1.tif", bits, tile=(32, 32), compression=compression)
    tiff = assert_same_as_gdal(path)
    assert tiff.ifds[0].bits_per_sample == 1
    assert_pixels_equal(read_all(path), bits.astype(numpy.uint8), "bits as written")


@pytest.mark.parametrize("separate", [False, True], ids=["contig", "separate"])
@pytest.mark.parametrize("compression", ["zlib", "jpeg"])
def test_tifffile_cog_with_overviews_and_masks(tmp_path, separate, compression):
    """A COG's IFD sequence: image, mask, then each overview followed by its mask."""
    if compression == "jpeg" and separate:
        pytest.skip("JPEG with separate planes is not a COG layout GDAL writes")
    pixels = random_pixels(numpy.uint8, 3, 300, 260, smooth=True)
    mask = numpy.zeros((300, 260), numpy.uint8)
    mask[20:270, 30:200] = 1
    path = write_tifffile(tmp_path / "m.tif", pixels, separate=separate, tile=(64, 64), compression=compression,
                          photometric="rgb" if compression == "jpeg" else "minisblack", overviews=(2, 4, 8),
                          mask=mask, geo={"nodata": 0})
    tiff = assert_same_as_gdal(path, windows=2)  # every IFD, masks included, by GTIFF_DIR
    main = tiff.ifds[0]
    assert [(i.is_overview, i.is_mask) for i in tiff.ifds] == [(False, False), (False, True)] + [
        (True, False), (True, True)] * 3
    ds = gdal.Open(path)
    assert_pixels_equal(read_all(path, 1)[0] * numpy.uint8(255), ds.GetRasterBand(1).GetMaskBand().ReadAsArray(),
                        "mask")
    for k, ovr in enumerate(tiff.overviews(main)):
        theirs = ds.GetRasterBand(1).GetOverview(k).GetMaskBand().ReadAsArray()
        ours = read_window(tiff.mask(ovr), FileSource(path), 0, 0, ovr.width, ovr.height)[0]
        assert_pixels_equal(ours * numpy.uint8(255), theirs, f"overview {k} mask")


@pytest.mark.parametrize("geo", [
    {"epsg": 4326, "geotransform": (-180.0, 0.25, 0.0, 90.0, 0.0, -0.25)},
    {"epsg": 3857, "geotransform": (-20037508.342789244, 1222.992452562, 0.0, 20037508.342789244, 0.0,
                                    -1222.992452562)},
    {"epsg": 32631, "geotransform": (500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0), "pixel_is_point": True},
    {"epsg": 2154, "geotransform": (1000.0, 2.0, 0.5, 5000.0, 0.25, -3.0)},
    {"epsg": None, "geotransform": None},
    {"nodata": float("nan")},
    {"nodata": -1e30},
    {"nodata": 1.5},
    {"nodata": 0.1},  # float32 band: GDAL gives 0.10000000149011612
    {"nodata": 1e39},  # beyond float32: GDAL gives inf
], ids=["4326", "3857", "point", "rotated", "none", "nan", "-1e30", "1.5", "0.1", "1e39"])
def test_tifffile_georeference(tmp_path, geo):
    pixels = random_pixels(numpy.float32, 1, 120, 160)
    path = write_tifffile(tmp_path / "g.tif", pixels, tile=(32, 32), compression="zlib", overviews=(2, 3), geo=geo)
    tiff = assert_same_as_gdal(path)  # geotransform, EPSG and nodata, overviews' too
    if geo.get("geotransform"):
        assert tiff.ifds[0].geotransform == pytest.approx(geo["geotransform"])
    if "epsg" in geo:
        assert tiff.ifds[0].epsg == geo["epsg"]
    assert tiff.ifds[0].georeference.pixel_is_point == bool(geo.get("pixel_is_point"))


@pytest.mark.parametrize("nodata", [None, -9999])
def test_tifffile_sparse_tiles(tmp_path, nodata):
    """Tiles tifffile leaves out (offset and byte count 0) read as nodata, or 0, as in GDAL."""
    import tifffile

    from other_writers import geotiff_tags

    pixels = pixels_of("int16", bands=1, height=100, width=96)[0]
    tiles = []
    for ty in range(0, 100, 32):
        for tx in range(0, 96, 32):
            tile = numpy.zeros((32, 32), numpy.int16)
            part = pixels[ty:ty + 32, tx:tx + 32]
            tile[:part.shape[0], :part.shape[1]] = part
            tiles.append(None if (ty // 32 + tx // 32) % 2 else tile)
    path = str(tmp_path / "sparse.tif")
    with tifffile.TiffWriter(path) as tif:
        tif.write(iter(tiles), shape=(100, 96), dtype="int16", tile=(32, 32), compression="zlib",
                  extratags=geotiff_tags(nodata=nodata), metadata=None)
    tiff = assert_same_as_gdal(path)
    ifd = tiff.ifds[0]
    assert ((ifd.block_bytecounts == 0).sum(), (ifd.block_bytecounts > 0).sum()) == (6, 6)
    assert (read_all(path)[0, :32, 32:64] == (nodata or 0)).all()


# rasterio: COGs from GDAL 3.10. (dtype, creation options, GDAL 3.6 can read it back)
RASTERIO_CASES = [
    ("int8", {"compress": "deflate", "predictor": 2}, True),
    ("uint8", {"compress": "webp", "blocksize": 64}, True),
    ("uint8", {"compress": "jpeg", "quality": 80}, True),
    ("uint16", {"compress": "lzw", "interleave": "band"}, True),
    ("int16", {"compress": "zstd", "predictor": 2, "bigtiff": "yes"}, True),
    ("uint32", {"compress": "packbits"}, True),
    ("int32", {"compress": "none", "blocksize": 64}, True),
    ("int64", {"compress": "zstd", "predictor": 2}, True),
    ("uint64", {"compress": "deflate", "interleave": "band"}, True),
    ("float32", {"compress": "deflate", "predictor": 3}, True),
    ("float64", {"compress": "lzw", "predictor": 3, "interleave": "band"}, True),
    ("int16", {"compress": "lerc_deflate", "max_z_error": 0}, True),
    # LERC 4 as GDAL 3.10 writes several float samples with NaNs: one LERC band per sample,
    # each with a mask; GDAL 3.6's libtiff refuses it, rasterio reads it.
    ("float32", {"compress": "lerc_zstd"}, False),
    ("float64", {"compress": "lerc"}, False),
]


@pytest.mark.parametrize("dtype,options,gdal36", RASTERIO_CASES,
                         ids=[f"{d}-{'-'.join(f'{v}' for v in o.values())}" for d, o, _ in RASTERIO_CASES])
@pytest.mark.parametrize("bands", [1, 3])
def test_rasterio_cogs(tmp_path, dtype, options, gdal36, bands):
    if options["compress"] == "webp" and bands == 1:
        pytest.skip("WEBP holds 3 or 4 bands")
    smooth = options.get("compress") in ("webp", "jpeg")
    pixels = random_pixels(numpy.dtype(dtype), bands, 300, 280, smooth=smooth)
    nodata = float("nan") if dtype.startswith("float") else None
    path = write_rasterio(str(tmp_path / "r.tif"), pixels, nodata=nodata, **{"blocksize": 128, **options})
    lossy = options["compress"] in ("webp", "jpeg")
    # rasterio's own libjpeg decodes YCbCr differently from Debian's libjpeg-turbo (which
    # GDAL 3.6, PostGIS and imagecodecs use): JPEG pixels are compared with Debian's GDAL.
    tiff = assert_same_as_rasterio(path, pixels=options["compress"] != "jpeg")
    assert len(tiff.overviews()) >= 1
    if not lossy:
        assert_pixels_equal(read_all(path), pixels, "pixels as written")
    if gdal36 or bands == 1:
        assert_same_as_gdal(path)
    else:
        with pytest.raises(RuntimeError):
            gdal.Open(path).ReadAsArray()


@pytest.mark.parametrize("compress", ["deflate", "jpeg", "lerc"])
def test_rasterio_cog_with_mask(tmp_path, compress):
    pixels = random_pixels(numpy.uint8, 3, 400, 300, smooth=True)
    mask = numpy.zeros((400, 300), numpy.uint8)
    mask[20:370, 40:290] = 1
    path = write_rasterio(str(tmp_path / "rm.tif"), pixels, mask=mask, compress=compress, blocksize=128)
    tiff = assert_same_as_rasterio(path, pixels=compress != "jpeg")  # see test_rasterio_cogs
    assert_same_as_gdal(path, windows=2)
    main = tiff.ifds[0]
    assert tiff.mask(main) is not None and len(tiff.overviews(main)) >= 1
    assert (read_window(tiff.mask(main), FileSource(path), 0, 0, 300, 400)[0] != 0).sum() == mask.sum()
