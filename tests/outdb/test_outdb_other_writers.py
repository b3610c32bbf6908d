"""Out-db bands on GeoTIFFs written by tifffile and by rasterio (GDAL 3.10), read through
PostGIS + Debian's GDAL and through plraster, from a local path and from nginx.

The TIFF reader tests check these writers pixel by pixel; here the same files sit behind
out-db records, so window placement, pixel type conversion and outasin are checked on
layouts GDAL 3.6 does not write: big-endian BigTIFF with separate planes, strips with the
floating point predictor, true Int8 and LERC from a newer GDAL.
"""
import os
import sys

import numpy
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, "tiff"))
from other_writers import write_rasterio, write_tifffile  # noqa: E402
from outdb_records import one_band, outdb_wkb  # noqa: E402
from test_outdb_conformance import same  # noqa: E402
from conformance import POSTGIS, PLRASTER, render  # noqa: E402

GEO = {"epsg": 4326, "geotransform": (10.0, 0.001, 0.0, 50.0, 0.0, -0.001)}


def ramp(dtype, bands, height, width):
    """Pixels that differ everywhere (within the type's range), so a misplaced read shows."""
    y, x = numpy.mgrid[0:height, 0:width]
    values = numpy.stack([(y * 7 + x * 3 + b * 1000) for b in range(bands)])
    if numpy.dtype(dtype).kind == "f":
        return (values * 0.37 - 500).astype(dtype)
    info = numpy.iinfo(dtype)
    return (values % (int(info.max) - int(info.min) + 1) + int(info.min)).astype(dtype)


@pytest.fixture(scope="module")
def other_cogs(cog_dir):
    """{name: path} of files written into cog_dir (which nginx serves) by the other writers."""
    files = {
        # big-endian BigTIFF, separate planes, LZW + horizontal predictor, overviews
        "tf_be_separate.tif": lambda p: write_tifffile(
            p, ramp("uint16", 3, 300, 260), separate=True, byteorder=">", bigtiff=True, tile=(64, 64),
            compression="lzw", predictor=2, overviews=(2, 4), geo=GEO),
        # strips with the floating point predictor
        "tf_float_strips.tif": lambda p: write_tifffile(
            p, ramp("float64", 1, 300, 260), rowsperstrip=7, compression="zlib", predictor=3,
            geo=dict(GEO, nodata=-500.0)),
        # contiguous Int32 in 16 x 48 tiles, ZSTD
        "tf_int32_tiles.tif": lambda p: write_tifffile(
            p, ramp("int32", 2, 300, 260), tile=(16, 48), compression="zstd", geo=GEO),
        # true Int8 (SampleFormat 2, 8 bits), a COG from GDAL 3.10
        "rio_int8.tif": lambda p: write_rasterio(
            p, ramp("int8", 1, 300, 260), geotransform=GEO["geotransform"], epsg=4326, compress="deflate",
            blocksize=128, predictor=2),
        # LERC_ZSTD Float32 COG from GDAL 3.10
        "rio_lerc.tif": lambda p: write_rasterio(
            p, ramp("float32", 1, 300, 260), geotransform=GEO["geotransform"], epsg=4326, compress="lerc_zstd",
            blocksize=128),
    }
    paths = {}
    for name, write in files.items():
        path = str(cog_dir / name)
        write(path)
        os.chmod(path, 0o644)
        paths[name] = path
    return paths


# (file, pixel types of its bands)
FILES = [
    ("tf_be_separate.tif", ["16BUI", "16BUI", "16BUI"]),
    ("tf_float_strips.tif", ["64BF"]),
    ("tf_int32_tiles.tif", ["32BSI", "32BSI"]),
    ("rio_lerc.tif", ["32BF"]),
]
# (width, height, upper-left x, upper-left y): across blocks, unaligned, beyond the corner
WINDOWS = [(70, 50, 10.03, 49.97), (9, 7, 10.0615, 49.9385), (12, 10, 10.255, 49.705)]


@pytest.mark.parametrize("name,pixtypes", FILES, ids=[f for f, _ in FILES])
def test_local_files(osql, sources, cog_dir, other_cogs, name, pixtypes):
    sources.add(str(cog_dir))
    path = other_cogs[name]
    for w, h, ulx, uly in WINDOWS:
        r = outdb_wkb(w, h, ulx, uly, 0.001, -0.001, [(path, i, t, None) for i, t in enumerate(pixtypes)])
        rs = {"r": r}
        same(osql, "other writers ST_DumpValues", "SELECT {s}.st_dumpvalues({r})", rs)
        same(osql, "other writers ST_AsBinary(rast, outasin)", "SELECT {s}.st_asbinary({r}, true)", rs)
        same(osql, "other writers ST_Value", f"SELECT {{s}}.st_value({{r}}, {len(pixtypes)}, 3, 2)", rs)


@pytest.mark.parametrize("name,pixtypes", FILES[:2], ids=["tf_be_separate", "tf_float_strips"])
def test_over_nginx(osql, sources, nginx_server, other_cogs, name, pixtypes):
    sources.add(nginx_server.base_url + "/")
    path = "/vsicurl/" + nginx_server.url(name)
    r = one_band(70, 50, 10.03, 49.97, 0.001, -0.001, path, pixtype=pixtypes[-1], index=len(pixtypes) - 1, nodata=3)
    same(osql, "other writers /vsicurl/ ST_DumpValues", "SELECT {s}.st_dumpvalues({r}, 1)", {"r": r})
    same(osql, "other writers /vsicurl/ ST_AsBinary outasin", "SELECT {s}.st_asbinary({r}, true)", {"r": r})


@pytest.mark.parametrize("where", ["local", "nginx"])
def test_signed_byte_band(osql, sources, cog_dir, nginx_server, other_cogs, where):
    """An 8BSI band on a true Int8 file. PostGIS 3.3 with GDAL 3.6 reads every 8BSI out-db
    band as 16-bit values into a buffer of bytes: each value followed by a 0, the second
    half of the window never read. A PostGIS bug, asserted here so that a fixed PostGIS
    shows. plraster's values are the
    file's, as rasterio (GDAL 3.10, which has Int8) reads them."""
    import rasterio
    from rasterio.windows import Window

    path = other_cogs["rio_int8.tif"]
    if where == "local":
        sources.add(str(cog_dir))
    else:
        sources.add(nginx_server.base_url + "/")
        path = "/vsicurl/" + nginx_server.url("rio_int8.tif")
    r = one_band(70, 50, 10.03, 49.97, 0.001, -0.001, path, pixtype="8BSI")
    with rasterio.open(other_cogs["rio_int8.tif"]) as ds:
        expected = ds.read(1, window=Window(30, 30, 70, 50)).astype(float).tolist()
    template = "SELECT {s}.st_dumpvalues({r}, 1)"
    plraster = osql.value(render(template, PLRASTER, {"r": r}))
    assert plraster == expected
    postgis = osql.value(render(template, POSTGIS, {"r": r}))
    flat_postgis = [v for row in postgis for v in row]
    flat_expected = [v for row in expected for v in row]
    assert flat_postgis[0::2] == flat_expected[:len(flat_expected) // 2]
    assert set(flat_postgis[1::2]) == {0.0}
    # outasin: the in-db band holds the same values
    template = "SELECT {s}.st_dumpvalues({s}.st_rastfromwkb({s}.st_asbinary({r}, true)), 1)"
    assert osql.value(render(template, PLRASTER, {"r": r})) == expected
