"""plraster-load against raster2pgsql: same files, same options, same SQL, byte-identical rasters.

Files are written by GDAL: every pixel type raster2pgsql loads, with and without nodata,
one and several bands, striped (GDAL's default layout) and tiled, compressed, big-endian,
band-interleaved, COG, rotated and ungeoreferenced; sizes that tile sizes do not divide.
"""
import random

import numpy
import pytest

from loadhelpers import write_geotiff

RNG = numpy.random.default_rng(7)


def _ramp(h, w, dtype, scale=1):
    y, x = numpy.mgrid[0:h, 0:w]
    return ((x * 3 + y * 7) * scale).astype(dtype)


def _with_holes(a, value):
    a = a.copy()
    a[: a.shape[0] // 2, : a.shape[1] // 3] = value  # whole tiles of nodata at the upper left
    a[-3:, -5:] = value
    return a


@pytest.fixture(scope="module")
def tifs(tmp_path_factory):
    """{name: path} of the test GeoTIFFs."""
    d = tmp_path_factory.mktemp("load-tifs")
    f = {}
    h, w = 37, 53
    f["u8_nodata"] = write_geotiff(d / "u8_nodata.tif", [_with_holes(_ramp(h, w, "uint8"), 0)], nodata=0,
                                   epsg=4326, gt=(-71.5, 0.01, 0.0, 42.3, 0.0, -0.01))
    f["u16"] = write_geotiff(d / "u16.tif", [_ramp(h, w, "uint16", 300)], epsg=32631,
                             gt=(500000.0, 30.0, 0.0, 4500000.0, 0.0, -30.0))
    f["i16_2bands_tiled"] = write_geotiff(
        d / "i16_2.tif", [_ramp(h, w, "int16", -5), _with_holes(_ramp(h, w, "int16"), -999)], nodata=-999,
        options=["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE", "PREDICTOR=2"])
    f["u32_lzw_band"] = write_geotiff(d / "u32.tif", [_ramp(h, w, "uint32", 100000)] * 3,
                                      options=["COMPRESS=LZW", "INTERLEAVE=BAND"])
    f["i32_bigendian"] = write_geotiff(d / "i32.tif", [_with_holes(_ramp(h, w, "int32", -70000), 7)], nodata=7.0,
                                       options=["ENDIANNESS=BIG", "BLOCKYSIZE=5"])
    fl = RNG.normal(0, 100, (h, w)).astype("float32")
    fl[5:9, 5:40] = 1e-8  # within FLT_EPSILON of a nodata of 0
    f["f32_nodata0"] = write_geotiff(d / "f32.tif", [_with_holes(fl, 0.0)], nodata=0.0,
                                     options=["COMPRESS=DEFLATE", "PREDICTOR=3"])
    f["f32_nan"] = write_geotiff(d / "f32nan.tif", [_with_holes(fl, numpy.nan)], nodata=float("nan"),
                                 options=["COMPRESS=ZSTD", "TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32"])
    f["f64_rotated"] = write_geotiff(d / "f64.tif", [RNG.normal(0, 1e6, (h, w)), _with_holes(fl, -1e30)],
                                     nodata=-1e30, gt=(0.1, 0.3, 0.07, 0.7, 0.011, -0.3))
    f["rgb_cog"] = write_geotiff(
        d / "rgb_cog.tif", [(_ramp(200, 300, "uint16") % 251).astype("uint8"),
                            (_ramp(200, 300, "uint16") % 241).astype("uint8"),
                            (_ramp(200, 300, "uint16") % 239).astype("uint8")],
        driver="COG", options=["BLOCKSIZE=64", "COMPRESS=DEFLATE", "OVERVIEWS=AUTO"], epsg=3857,
        gt=(1000.0, 2.5, 0.0, 9000.0, 0.0, -2.5))
    f["ungeoreferenced"] = write_geotiff(d / "nogeo.tif", [_ramp(9, 11, "uint8")], gt=None)
    f["one_strip"] = write_geotiff(d / "one_strip.tif", [_ramp(120, 450, "uint8")], options=["BLOCKYSIZE=120"])
    f["one_bit"] = write_geotiff(d / "one_bit.tif", [(_ramp(20, 30, "uint16") % 3 == 0).astype("uint8")],
                                 options=["NBITS=1"])
    f["huge_nodata"] = write_geotiff(d / "huge_nodata.tif", [_with_holes(_ramp(h, w, "int16"), -9999)],
                                     nodata=-9999.5)
    f["inf_nodata"] = write_geotiff(d / "inf.tif", [_with_holes(RNG.normal(0, 1, (h, w)), -numpy.inf)],
                                    nodata=float("-inf"))
    return f


CASES = [
    ("u8_nodata", []),
    ("u8_nodata", ["-t", "7x5"]),
    ("u8_nodata", ["-t", "7x5", "-k"]),
    ("u8_nodata", ["-t", "7x5", "-P"]),
    ("u8_nodata", ["-t", "100x4"]),  # a tile wider than the image keeps its width
    ("u8_nodata", ["-t", "auto", "-s", "4269"]),
    ("u16", ["-t", "16x16", "-C", "-I", "-M", "-F"]),
    ("u16", ["-t", "10x10", "-l", "2,4", "-P"]),
    ("i16_2bands_tiled", ["-t", "9x11"]),
    ("i16_2bands_tiled", ["-t", "9x11", "-b", "2,1"]),  # bands found all nodata first get is-nodata
    ("i16_2bands_tiled", ["-t", "9x11", "-b", "2"]),
    ("i16_2bands_tiled", ["-t", "auto", "-l", "3"]),
    ("u32_lzw_band", ["-t", "20x20", "-b", "3-1"]),
    ("u32_lzw_band", ["-t", "20x20", "-N", "100000"]),
    ("i32_bigendian", ["-t", "6x6", "-P", "-Y"]),
    ("i32_bigendian", ["-t", "6x6", "-Y", "4", "-F"]),
    ("f32_nodata0", ["-t", "8x8"]),
    ("f32_nodata0", ["-t", "8x8", "-l", "3", "-P"]),
    ("f32_nan", ["-t", "12x7"]),
    ("f64_rotated", ["-t", "11x13", "-l", "2", "-s", "32631"]),
    ("rgb_cog", ["-t", "auto"]),
    ("rgb_cog", ["-t", "64x64", "-l", "2,3,8"]),
    ("ungeoreferenced", ["-t", "4x4"]),
    ("one_strip", ["-t", "auto"]),  # GDAL reads one big strip as strips of ~8 KiB
    ("one_bit", ["-t", "7x7"]),
    ("huge_nodata", ["-t", "10x10", "-P", "-l", "2"]),  # padding rounds, nodata truncates
    ("inf_nodata", ["-t", "10x10"]),
    ("u8_nodata", ["-R", "-t", "7x5"]),
    ("i16_2bands_tiled", ["-R", "-t", "9x11", "-b", "2,1", "-l", "2"]),
    ("i16_2bands_tiled", ["-R", "-t", "9x11", "-k", "-P"]),
    ("u16", ["-d", "-q", "-T", "ts_a", "-X", "ts_b", "-I", "-l", "2", "-F", "-n", "FileName",
             "-f", "RaSt", "-C", "-x", "-r", "-t", "16x16"]),
    ("u16", ["-a", "-e", "-l", "4", "-C", "-M", "-t", "16x16"]),
    ("u16", ["-p", "-l", "2", "-C", "-I", "-M"]),
    ("u16", ["-s", "32631:4326", "-l", "2", "-t", "16x16", "-F"]),
]


@pytest.mark.parametrize("name, args", CASES, ids=[f"{n}:{' '.join(a)}" for n, a in CASES])
def test_same_as_raster2pgsql(both, tifs, name, args):
    table = "Load.Tiles" if "-q" in args else "load.tiles"
    both(args + [tifs[name], table]).assert_identical()


def test_several_files_and_default_table_name(both, tifs, tmp_path):
    files = [tifs["u8_nodata"], tifs["u16"], tifs["i16_2bands_tiled"]]
    # The table is the first file's name; -t auto is computed on the first file.
    out = both(["-t", "auto", "-F", "-l", "2"] + files)
    out.assert_identical()
    assert any(line.startswith('CREATE TABLE "u8_nodata"') for line in out.pl_lines)


def test_relative_paths_and_outdb_path_as_typed(both, tifs):
    import os
    d, name = os.path.split(tifs["u8_nodata"])
    out = both(["-R", "-F", "-t", "10x10", name, "t"], cwd=d)
    out.assert_identical()
    assert all(r.endswith(name.encode() + b"\0") for r in out.pl_rasters)


@pytest.mark.parametrize("seed", range(4))
def test_random_files_and_options(both, tmp_path, seed):
    """Random sizes, types, layouts and options (the overview quirk below is avoided)."""
    rnd = random.Random(seed)
    rng = numpy.random.default_rng(seed)
    for case in range(12):
        w, h = rnd.randint(1, 70), rnd.randint(1, 70)
        dtype = rnd.choice(["uint8", "uint16", "int16", "uint32", "int32", "float32", "float64"])
        nodata = rnd.choice([None, 0, 7, 255, -1.5] + ([numpy.nan] if dtype.startswith("f") else []))
        bands = []
        for _ in range(rnd.choice([1, 1, 2, 3])):
            a = (rng.random((h, w)) * rnd.choice([3, 1000])).astype(dtype)
            if nodata is not None:
                y, x = rnd.randint(0, h), rnd.randint(0, w)
                a[y:y + rnd.randint(0, h), x:x + rnd.randint(0, w)] = numpy.array(nodata).astype(dtype)
            bands.append(a)
        options = rnd.choice([[], ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"], ["COMPRESS=LZW"],
                              ["INTERLEAVE=BAND", "BLOCKYSIZE=3"], ["ENDIANNESS=BIG"]])
        path = write_geotiff(tmp_path / f"r{case}.tif", bands, nodata=nodata, options=options,
                             gt=rnd.choice([(10, 1, 0, 20, 0, -1),
                                            (-180.123, 0.0123, 0.001, 90.5, 0.002, -0.0123)]))
        tw, th = rnd.randint(1, 30), rnd.randint(1, 30)
        args = ["-t", f"{tw}x{th}"]
        for flag in ("-P", "-k", "-R"):
            if rnd.random() < 0.25:
                args.append(flag)
        factor = rnd.choice([2, 3, 5])
        if rnd.random() < 0.4 and (w + factor // 2) // factor not in (0, tw) and (h + factor // 2) // factor != th:
            args += ["-l", str(factor)]
        if len(bands) > 1 and rnd.random() < 0.5:
            args += ["-b", ",".join(str(rnd.randint(1, len(bands))) for _ in range(2))]
        if rnd.random() < 0.2:
            args += ["-N", rnd.choice(["0", "5", "-3.5"])]
        if rnd.random() < 0.3:
            args += ["-Y", str(rnd.randint(1, 4))]
        both(args + [path, "public.rnd"]).assert_identical()
