"""ST_AsGDALRaster, ST_AsTIFF, ST_AsPNG, ST_AsJPEG, ST_GDALDrivers, ST_FromGDALRaster and
plraster_gdal_version compared with PostGIS 3.3 (the files byte for byte: same GDAL, same
MEM dataset, same creation options), decoded with GDAL against the input pixels, and the
read-driver lock of ST_FromGDALRaster."""
import uuid

import numpy as np
import psycopg
import pytest
from osgeo import gdal

from conformance import PLRASTER, POSTGIS, compare, render
from outdb_records import one_band
from rasters import pack

gdal.UseExceptions()
_RNG = np.random.default_rng(5)
RGB = pack(6, 4, [{"pixtype": "8BUI", "data": _RNG.integers(0, 255, (4, 6)), "nodata": 0},
                  {"pixtype": "8BUI", "data": _RNG.integers(0, 255, (4, 6))},
                  {"pixtype": "8BUI", "data": _RNG.integers(0, 255, (4, 6))}],
           scale=(30.0, -30.0), ul=(500000.0, 4000000.0), srid=32631)
U16 = pack(5, 3, [{"pixtype": "16BUI", "data": _RNG.integers(0, 65535, (3, 5)), "nodata": 9},
                  {"pixtype": "16BUI", "data": _RNG.integers(0, 65535, (3, 5)), "nodata": 7}],
           scale=(0.5, -0.5), ul=(3.0, 45.0), skew=(0.1, 0.05), srid=4326)
F32 = pack(4, 4, [{"pixtype": "32BF", "data": _RNG.normal(0, 100, (4, 4))},
                  {"pixtype": "16BSI", "data": _RNG.integers(-999, 999, (4, 4)), "nodata": -1}],
           scale=(1.0, -1.0), ul=(0.0, 0.0), srid=0)
RASTERS = {"rgb": RGB, "u16": U16, "f32": F32}

FORMS = [
    ("ST_AsGDALRaster(rast, 'GTiff')", "{s}.st_asgdalraster({r}, 'GTiff')", "rgb u16 f32"),
    ("ST_AsGDALRaster(rast, 'COG', options)",
     "{s}.st_asgdalraster({r}, 'COG', ARRAY['COMPRESS=DEFLATE', 'BLOCKSIZE=256'])", "rgb u16 f32"),
    ("ST_AsGDALRaster(rast, 'PNG', NULL, srid)", "{s}.st_asgdalraster({r}, 'PNG', NULL, 3857)", "rgb u16"),
    ("ST_AsGDALRaster(rast, 'AAIGrid')", "{s}.st_asgdalraster({s}.st_band({r}, 1), 'AAIGrid')", "rgb f32"),
    ("ST_AsTIFF(rast)", "{s}.st_astiff({r})", "rgb u16 f32"),
    ("ST_AsTIFF(rast, options, srid)", "{s}.st_astiff({r}, ARRAY['COMPRESS=LZW'], 3857)", "rgb f32"),
    ("ST_AsTIFF(rast, nbands, options)", "{s}.st_astiff({r}, ARRAY[2, 1], ARRAY['TILED=YES'])", "rgb u16 f32"),
    ("ST_AsTIFF(rast, compression)", "{s}.st_astiff({r}, 'deflate7')", "rgb u16 f32"),
    ("ST_AsTIFF(rast, compression JPEG)", "{s}.st_astiff({r}, 'JPEG90')", "rgb"),
    ("ST_AsTIFF(rast, compression unknown)", "{s}.st_astiff({r}, 'zip')", "rgb"),
    ("ST_AsTIFF(rast, nbands, compression, srid)", "{s}.st_astiff({r}, ARRAY[1], 'PACKBITS', 4326)", "rgb u16"),
    ("ST_AsPNG(rast)", "{s}.st_aspng({r})", "rgb u16"),
    ("ST_AsPNG(rast, options)", "{s}.st_aspng({r}, ARRAY['ZLEVEL=9'])", "rgb"),
    ("ST_AsPNG(rast, nband)", "{s}.st_aspng({r}, 2)", "rgb u16"),
    ("ST_AsPNG(rast, nband, compression)", "{s}.st_aspng({r}, 1, 12)", "rgb u16"),
    ("ST_AsPNG(rast, nbands, options)", "{s}.st_aspng({r}, ARRAY[3, 2, 1])", "rgb"),
    ("ST_AsPNG(rast, nbands, compression)", "{s}.st_aspng({r}, ARRAY[1, 2, 3], 0)", "rgb"),
    ("ST_AsPNG(rast) two bands: NOTICE, first band", "{s}.st_aspng({r})", "u16"),
    ("ST_AsJPEG(rast)", "{s}.st_asjpeg({r})", "rgb"),
    ("ST_AsJPEG(rast, options)", "{s}.st_asjpeg({r}, ARRAY['QUALITY=50'])", "rgb"),
    ("ST_AsJPEG(rast, nband, options)", "{s}.st_asjpeg({r}, 2)", "rgb"),
    ("ST_AsJPEG(rast, nband, quality)", "{s}.st_asjpeg({r}, 1, 5)", "rgb"),
    ("ST_AsJPEG(rast, nbands, options)", "{s}.st_asjpeg({r}, ARRAY[3, 1, 2])", "rgb"),
    ("ST_AsJPEG(rast, nbands, quality)", "{s}.st_asjpeg({r}, ARRAY[1], 101)", "rgb"),
]
CASES = [(f, e, r) for f, e, names in FORMS for r in names.split()]


def _hex(expr):
    return "SELECT encode(%s, 'hex')" % expr


@pytest.mark.parametrize("form,expr,raster", CASES, ids=["%s-%s" % (c[0], c[2]) for c in CASES])
def test_bytes_equal_postgis(osql, form, expr, raster):
    """The file is PostGIS's, byte for byte, and its NOTICEs are PostGIS's."""
    pg, pl = compare(osql, form, _hex(expr), rasters={"r": RASTERS[raster]})
    assert not pl.failed, pl


def _decode(data):
    path = "/vsimem/test-%s" % uuid.uuid4().hex
    gdal.FileFromMemBuffer(path, data)
    try:
        ds = gdal.Open(path)
        return ds.GetGeoTransform(), [ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)]
    finally:
        gdal.Unlink(path)


@pytest.mark.parametrize("fmt", ["GTiff", "COG", "PNG"])
def test_decoded_pixels_are_the_rasters(osql, fmt):
    """Decoded by GDAL, the file holds the raster's georeference and pixels."""
    lit = render("{r}", PLRASTER, {"r": RGB})
    data = osql.value("SELECT plraster.st_asgdalraster(%s, '%s')" % (lit, fmt))
    gt, arrays = _decode(bytes(data))
    if fmt != "PNG":
        assert gt == (500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0)
    for n, array in enumerate(arrays, 1):
        expected = osql.value("SELECT plraster.st_dumpvalues(%s, %d, false)" % (lit, n))
        np.testing.assert_array_equal(array, np.array(expected))


@pytest.mark.parametrize("expr,sqlstate", [
    ("{s}.st_aspng({r})", "22023"),                   # 32BF cannot be PNG
    ("{s}.st_asjpeg({r})", "22023"),
    ("{s}.st_astiff({r}, 'CCITTFAX4')", "22023"),      # CCITT needs 1BB
])
def test_pixel_type_errors(osql, expr, sqlstate):
    pg, pl = compare(osql, "format pixel type errors", _hex(expr), rasters={"r": F32})
    assert pl.sqlstate == sqlstate, pl


def test_unknown_or_unsafe_writer(osql):
    lit = render("{r}", PLRASTER, {"r": RGB})
    for fmt in ("NOPE", "VRT", "PDF"):
        out = osql.run("SELECT plraster.st_asgdalraster(%s, '%s')" % (lit, fmt))
        assert out.sqlstate == "22023", out


def test_fromgdalraster_round_trip_equals_postgis(osql):
    for raster in (RGB, U16, F32):
        for srid in ("", ", 3857"):
            compare(osql, "ST_FromGDALRaster(gdaldata, srid)",
                    "SELECT encode({s}.st_fromgdalraster(public.st_astiff({r}::public.raster::bytea::public.raster)%s)::bytea, 'hex')"
                    .replace("{r}::public.raster::bytea::public.raster", "'%s'::public.raster" % raster) % srid)
    compare(osql, "ST_FromGDALRaster(png)",
            "SELECT encode({s}.st_fromgdalraster(public.st_aspng('%s'::public.raster))::bytea, 'hex')" % RGB)
    compare(osql, "ST_FromGDALRaster(NULL)", "SELECT {s}.st_fromgdalraster(NULL)")


def test_fromgdalraster_garbage(osql):
    out = osql.run("SELECT plraster.st_fromgdalraster('\\x0102030405'::bytea)")
    assert out.sqlstate == "22P03", out


def _vrt(path):
    return ("<VRTDataset rasterXSize=\"8\" rasterYSize=\"1\"><VRTRasterBand dataType=\"Byte\" band=\"1\">"
            "<SimpleSource><SourceFilename relativeToVRT=\"0\">%s</SourceFilename><SourceBand>1</SourceBand>"
            "</SimpleSource></VRTRasterBand></VRTDataset>" % path)


def test_vrt_cannot_read_server_files(osql, tmp_path):
    """A VRT (raw or as a raw-format VRT) in a bytea pointing at server files is refused
    by default, also by PostGIS (its drivers are off by default); never read."""
    secret = tmp_path / "secret.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(secret), 8, 1, 1)
    ds.GetRasterBand(1).WriteArray(np.arange(8, dtype=np.uint8)[None])
    ds = None
    secret.chmod(0o644)
    tmp_path.chmod(0o755)
    for target in (str(secret), "/etc/passwd"):
        out = osql.run("SELECT plraster.st_fromgdalraster(%s::bytea)", (_vrt(target).encode(),))
        assert out.sqlstate == "22P03", out
    raw = ("<VRTDataset rasterXSize=\"8\" rasterYSize=\"1\"><VRTRasterBand dataType=\"Byte\" band=\"1\" "
           "subClass=\"VRTRawRasterBand\"><SourceFilename relativetoVRT=\"0\">/etc/passwd</SourceFilename>"
           "</VRTRasterBand></VRTDataset>")
    out = osql.run("SELECT plraster.st_fromgdalraster(%s::bytea)", (raw.encode(),))
    assert out.sqlstate == "22P03", out


def test_only_superusers_change_the_readers(osql, user_url):
    with psycopg.connect(user_url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO plraster.plraster_gdal_read_drivers VALUES ('VRT')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM plraster.plraster_gdal_read_drivers")
        readers = [r[0] for r in conn.execute(
            "SELECT short_name FROM plraster.st_gdaldrivers() WHERE can_read ORDER BY 1")]
    assert readers == ["GIF", "GTiff", "JPEG", "PNG"]


def test_superuser_can_disable_a_reader(osql):
    tif = "public.st_astiff('%s'::public.raster)" % RGB
    osql.run("DELETE FROM plraster.plraster_gdal_read_drivers WHERE short_name = 'GTiff'")
    try:
        out = osql.run("SELECT plraster.st_fromgdalraster(%s)" % tif)
        assert out.sqlstate == "22P03", out
    finally:
        osql.run("INSERT INTO plraster.plraster_gdal_read_drivers VALUES ('GTiff')")
    assert not osql.run("SELECT plraster.st_fromgdalraster(%s)" % tif).failed


def test_gdaldrivers_rows(osql):
    rows = {r[1]: r for r in osql.run(
        "SELECT idx, short_name, long_name, can_read, can_write, create_options "
        "FROM plraster.st_gdaldrivers()").rows}
    pg = {r[1]: r for r in osql.run(
        "SELECT idx, short_name, long_name, can_read, can_write, create_options "
        "FROM public.st_gdaldrivers()").rows}
    for name in ("GTiff", "COG", "PNG", "JPEG"):
        assert rows[name][2] == pg[name][2] and rows[name][5] == pg[name][5]
        assert rows[name][4] is True
    assert rows["COG"][3] is False and rows["GTiff"][3] is True
    assert "VRT" not in rows and "MEM" not in rows


def test_gdal_version(osql):
    assert osql.value("SELECT plraster.plraster_gdal_version()") == \
        osql.value("SELECT public.postgis_gdal_version()")


def test_outdb_tiff_equals_postgis(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    r = one_band(30, 20, 10.0105, 49.9895, 0.001, -0.001, str(cog_dir / "dem.tif"),
                 pixtype="16BUI", nodata=0)
    pg, pl = compare(osql, "outdb ST_AsTIFF(rast)", _hex("{s}.st_astiff({r})"), rasters={"r": r})
    assert not pl.failed, pl
    pg, pl = compare(osql, "outdb ST_AsPNG(rast)", _hex("{s}.st_aspng({r})"), rasters={"r": r})
    assert not pl.failed, pl
