"""The same out-db records read through PostGIS (GDAL) and plraster give the same answers:
window placement (rounding, offsets beyond the file, other scales, skew), value
conversion, every pixel function that reads pixels, and ST_AsBinary(outasin => true);
over local files and over http (/vsicurl/ on nginx)."""
import os
import subprocess

import pytest

from conformance import compare
from servers.process import find_program
from outdb_records import one_band, outdb_wkb


def same(osql, form, template, rasters, compare_notices=True):
    """compare(), and both sides must succeed."""
    pg, pl = compare(osql, form, template, rasters, compare_notices=compare_notices)
    assert not pg.failed and not pl.failed, (pg, pl)
    return pg, pl


# (width, height, upper-left x, upper-left y, scale x, scale y, skew x, skew y)
PLACEMENTS = [
    (4, 4, 10.0, 50.0, 0.001, -0.001, 0, 0),             # the file's own corner
    (4, 3, 10.01, 49.99, 0.001, -0.001, 0, 0),           # aligned inside
    (5, 4, 10.0105, 49.9895, 0.001, -0.001, 0, 0),       # half a pixel off: floored the other way
    (4, 4, 10.0104, 49.9896, 0.001, -0.001, 0, 0),
    (3, 3, 10.0029999999, 49.9970000001, 0.001, -0.001, 0, 0),  # within FLT_EPSILON: snapped
    (3, 3, 10.003000001, 49.997, 0.001, -0.001, 0, 0),   # just beyond: floored
    (4, 4, 9.998, 50.002, 0.001, -0.001, 0, 0),          # raster left of / above the file: |offset|
    (4, 4, 9.9985, 50.0015, 0.001, -0.001, 0, 0),
    (5, 5, 11.021, 48.979, 0.001, -0.001, 0, 0),         # extends beyond the file's corner
    (3, 3, 12.0, 40.0, 0.001, -0.001, 0, 0),             # wholly outside
    (4, 4, 10.01, 49.99, 0.002, -0.002, 0, 0),           # other scale: still pixel for pixel
    (4, 4, 10.01, 49.99, 0.0005, -0.0005, 0, 0),
    (3, 2, 10.0105, 49.9895, 0.001, -0.001, 0.0001, 0.0002),  # skewed
    (300, 260, 10.2, 49.8, 0.001, -0.001, 0, 0),         # spans COG tiles, not aligned to them
]


@pytest.mark.parametrize("placement", PLACEMENTS, ids=[str(p[:6]) for p in PLACEMENTS])
@pytest.mark.parametrize("nodata", [None, 5])
def test_window_placement_local(osql, sources, cog_dir, placement, nodata):
    sources.add(str(cog_dir))
    w, h, ulx, uly, sx, sy, kx, ky = placement
    r = one_band(w, h, ulx, uly, sx, sy, str(cog_dir / "probe.tif"), nodata=nodata, kx=kx, ky=ky)
    same(osql, "outdb ST_DumpValues(rast, band, exclude)", "SELECT {s}.st_dumpvalues({r}, 1, false)", {"r": r})
    same(osql, "outdb ST_Value(rast, band, x, y)", "SELECT {s}.st_value({r}, 1, 2, 2)", {"r": r})


@pytest.mark.parametrize("pixtype", ["8BUI", "16BSI", "16BUI", "32BSI", "32BUI", "32BF", "64BF"])
def test_value_conversion(osql, sources, cog_dir, pixtype):
    sources.add(str(cog_dir))
    r = one_band(10, 1, 0.0, 1.0, 1.0, -1.0, str(cog_dir / "float.tif"), pixtype=pixtype)
    same(osql, "outdb ST_DumpValues conversion", "SELECT {s}.st_dumpvalues({r}, 1, false)", {"r": r})


def test_multiband_and_gtiff_dir(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    rgb = str(cog_dir / "rgb.tif")
    r = outdb_wkb(5, 4, 10.1, 49.9, 0.001, -0.001,
                  [(rgb, 2, "8BUI", None), (rgb, 0, "8BUI", 7), (rgb, 1, "16BUI", None)])
    same(osql, "outdb ST_DumpValues(rast)", "SELECT {s}.st_dumpvalues({r})", {"r": r})
    # GTIFF_DIR:1: is the full-resolution image, placed by its georeference
    r = one_band(4, 4, 10.01, 49.99, 0.001, -0.001, "GTIFF_DIR:1:" + str(cog_dir / "probe.tif"))
    same(osql, "outdb GTIFF_DIR:1:", "SELECT {s}.st_dumpvalues({r}, 1)", {"r": r})


def test_pixel_functions_local(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    r = one_band(6, 5, 10.1, 49.95, 0.001, -0.001, str(cog_dir / "dem.tif"), pixtype="16BUI", nodata=0)
    rn = one_band(40, 20, 10.19, 49.905, 0.001, -0.001, str(cog_dir / "dem.tif"), pixtype="16BUI", nodata=0)
    rs = {"r": r, "rn": rn}
    for form, template in [
        ("outdb ST_Value(rast, x, y)", "SELECT {s}.st_value({r}, 3, 4)"),
        ("outdb ST_Value(rast, band, x, y, exclude)", "SELECT {s}.st_value({r}, 1, 6, 5, false)"),
        ("outdb ST_Value(rast, pt)", "SELECT {s}.st_value({r}, public.st_setsrid(public.st_point(10.1025, 49.9475), 4326))"),
        ("outdb ST_Value(rast, band, pt, exclude)",
         "SELECT {s}.st_value({r}, 1, public.st_setsrid(public.st_point(10.1035, 49.9465), 4326), true)"),
        ("outdb ST_Value nodata pixel", "SELECT {s}.st_value({rn}, 1, 12, 2)"),
        ("outdb ST_DumpValues(rast, band[])", "SELECT * FROM {s}.st_dumpvalues({rn}, ARRAY[1], true)"),
        ("outdb ST_PixelOfValue(rast, band, search[])",
         "SELECT * FROM {s}.st_pixelofvalue({r}, 1, ARRAY[(SELECT {s}.st_value({r}, 1, 2, 2)), 0])"),
        ("outdb ST_NearestValue(rast, band, col, row)", "SELECT {s}.st_nearestvalue({rn}, 1, 13, 3)"),
        ("outdb ST_NearestValue(rast, pt)",
         "SELECT {s}.st_nearestvalue({rn}, public.st_setsrid(public.st_point(10.2015, 49.9025), 4326))"),
        ("outdb ST_Neighborhood(rast, band, col, row, dx, dy)", "SELECT {s}.st_neighborhood({rn}, 1, 12, 2, 2, 1)"),
        ("outdb ST_Neighborhood(rast, band, pt, dx, dy, exclude)",
         "SELECT {s}.st_neighborhood({r}, 1, public.st_setsrid(public.st_point(10.1015, 49.9485), 4326), 1, 1, false)"),
    ]:
        same(osql, form, template, rs)


SETTERS = [
    "{s}.st_setvalue({r}, 1, 2, 2, 77)",
    "{s}.st_setvalue({r}, 1, 2, 2, NULL)",
    "{s}.st_setvalues({r}, 1, 2, 2, 2, 2, 9)",
    "{s}.st_setvalues({r}, 1, 2, 2, ARRAY[[1, 2], [3, NULL]]::float8[], ARRAY[[false, true], [false, false]])",
    "{s}.st_setvalue({r}, 1, public.st_setsrid(public.st_point(10.1015, 49.9485), 4326), 5)",
]


@pytest.mark.parametrize("setter", SETTERS)
def test_setters_materialise(osql, sources, cog_dir, setter):
    """PostGIS 3.3 refuses to set pixels of an out-db band (XX000); plraster writes the band
    in-db, with the pixels PostGIS gives the same setter on the in-db copy of the band."""
    sources.add(str(cog_dir))
    r = one_band(6, 5, 10.1, 49.95, 0.001, -0.001, str(cog_dir / "dem.tif"), pixtype="16BUI", nodata=0)
    refused = osql.run("SELECT public.st_asbinary(%s)" % setter.format(s="public", r="'%s'::public.raster" % r))
    assert refused.sqlstate == "XX000"
    indb = "public.st_rastfromwkb(public.st_asbinary('%s'::public.raster, true))" % r
    expected = osql.value("SELECT public.st_asbinary(%s)" % setter.format(s="public", r=indb))
    got = osql.value("SELECT plraster.st_asbinary(%s)" % setter.format(s="plraster", r="'\\x%s'::plraster.raster" % r))
    assert bytes(got) == bytes(expected)


def test_asbinary_outasin(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    for r in (one_band(6, 5, 10.1, 49.95, 0.001, -0.001, str(cog_dir / "dem.tif"), pixtype="16BUI", nodata=0),
              one_band(5, 5, 11.021, 48.979, 0.001, -0.001, str(cog_dir / "probe.tif"), nodata=9),
              outdb_wkb(5, 4, 10.1, 49.9, 0.001, -0.001,
                        [(str(cog_dir / "rgb.tif"), 2, "8BUI", None), (str(cog_dir / "rgb.tif"), 0, "16BUI", 7)])):
        same(osql, "outdb ST_AsBinary(rast, outasin)", "SELECT {s}.st_asbinary({r}, true)", {"r": r})
        same(osql, "outdb ST_AsHexWKB(rast, outasin)", "SELECT {s}.st_ashexwkb({r}, true)", {"r": r})
        same(osql, "outdb ST_AsWKB(rast, outasin)", "SELECT {s}.st_aswkb({r}, true)", {"r": r})
        same(osql, "outdb ST_AsBinary(rast)", "SELECT {s}.st_asbinary({r})", {"r": r})


def test_http_nginx(osql, sources, nginx_server):
    sources.add(nginx_server.base_url + "/")
    for path in ("/vsicurl/" + nginx_server.url("probe.tif"),):
        r = one_band(300, 260, 10.2, 49.8, 0.001, -0.001, path)
        same(osql, "outdb /vsicurl/ ST_DumpValues", "SELECT {s}.st_dumpvalues({r}, 1)", {"r": r})
        same(osql, "outdb /vsicurl/ ST_Value", "SELECT {s}.st_value({r}, 1, 299, 1)", {"r": r})
        same(osql, "outdb /vsicurl/ ST_AsBinary outasin", "SELECT {s}.st_asbinary({r}, true)", {"r": r})


def test_addband_outdb(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    dem, rgb, probe = (str(cog_dir / n) for n in ("dem.tif", "rgb.tif", "probe.tif"))
    for form, template in [
        ("outdb ST_AddBand(NULL, file, NULL)", "SELECT {s}.st_asbinary({s}.st_addband(NULL::{s}.raster, '%s', NULL::int[]))" % rgb),
        ("outdb ST_AddBand(NULL, file, bands, index, nodata)",
         "SELECT {s}.st_asbinary({s}.st_addband(NULL::{s}.raster, '%s', ARRAY[1], 1, 7))" % dem),
        ("outdb ST_AddBand(rast, file, bands)",
         "SELECT {s}.st_asbinary({s}.st_addband({s}.st_makeemptyraster(3, 3, 10.5, 50, 0.001, -0.001, 0, 0, 4326), '%s', ARRAY[1]))" % probe),
        ("outdb ST_AddBand(rast, file) not aligned",
         "SELECT {s}.st_asbinary({s}.st_addband({s}.st_makeemptyraster(3, 3, 10.5, 50, 0.002, -0.001, 0, 0, 4326), '%s', ARRAY[1]))" % probe),
        ("outdb ST_AddBand(rast, index, file, bands, nodata)",
         "SELECT {s}.st_asbinary({s}.st_addband({s}.st_addband({s}.st_makeemptyraster(3, 3, 10.5, 50, 0.001, -0.001, 0, 0, 0), '8BUI'::text), 1, '%s', ARRAY[3, 1], 3))" % rgb),
        ("outdb ST_AddBand then ST_Value",
         "SELECT {s}.st_value({s}.st_addband(NULL::{s}.raster, '%s', ARRAY[2]), 1, 7, 9)" % rgb),
    ]:
        same(osql, form, template, {})
    pg, pl = compare(osql, "outdb ST_AddBand missing band",
                     "SELECT {s}.st_addband(NULL::{s}.raster, '%s', ARRAY[2])" % dem, {})
    assert pg.failed and pl.failed and pl.sqlstate == "22023"


def test_gtiff_dir_overview(osql, sources, cog_dir, tmp_path):
    """GTIFF_DIR:2: is the COG's first internal overview (512 x 512), georeferenced as GDAL
    georeferences overviews. PostGIS cannot place it (GDAL gives the IFD no georeference),
    so the answer comes from PostGIS reading the same overview written out as a file of its
    own by gdal_translate -ovr 0, which keeps the overview's geotransform."""
    os.chmod(tmp_path, 0o755)
    ovr = tmp_path / "ovr0.tif"
    subprocess.run([find_program("gdal_translate"), "-q", "-ovr", "0", str(cog_dir / "probe.tif"), str(ovr)],
                   check=True)
    os.chmod(ovr, 0o644)
    sources.add(str(cog_dir))
    sources.add(str(tmp_path))
    for w, h, ulx, uly in ((4, 4, 10.0, 50.0), (300, 260, 10.2, 49.6), (5, 5, 11.016, 48.986)):
        mine = one_band(w, h, ulx, uly, 0.002, -0.002, "GTIFF_DIR:2:" + str(cog_dir / "probe.tif"))
        theirs = one_band(w, h, ulx, uly, 0.002, -0.002, str(ovr))
        expected = osql.value("SELECT public.st_asbinary('%s'::public.raster, true)" % theirs.upper())
        got = osql.value("SELECT plraster.st_asbinary('\\x%s'::plraster.raster, true)" % mine)
        # the same pixels; only the path in the record differs, and outasin drops it
        assert bytes(got) == bytes(expected)
