"""Band functions that look at an out-db band's file or all of its pixels, compared with
PostGIS + GDAL on the same records: ST_BandFileSize, ST_BandFileTimestamp, ST_BandMetaData's
filesize and filetimestamp (local files and /vsicurl/ on nginx), ST_BandIsNoData with
forcechecking, ST_MinConvexHull."""
import os

import pytest

from conformance import compare
from outdb_records import one_band, outdb_wkb


def same(osql, form, template, rasters):
    """compare(), and both sides must succeed."""
    pg, pl = compare(osql, form, template, rasters)
    assert not pg.failed and not pl.failed, (pg, pl)
    return pg, pl


FILE_FORMS = [
    ("outdb ST_BandFileSize/ST_BandFileTimestamp",
     "SELECT {s}.st_bandfilesize({r}), {s}.st_bandfiletimestamp({r}), "
     "{s}.st_bandfilesize({r}, 2), {s}.st_bandfiletimestamp({r}, 2)"),
    ("outdb ST_BandMetaData(rast, band[])", "SELECT * FROM {s}.st_bandmetadata({r}, ARRAY[]::int[])"),
    ("outdb ST_BandMetaData(rast, band)", "SELECT * FROM {s}.st_bandmetadata({r}, 2)"),
    ("outdb ST_BandMetaData with an in-db band",
     "SELECT * FROM {s}.st_bandmetadata({s}.st_addband({r}, '8BUI'::text), ARRAY[3, 1])"),
]


def two_bands(path_a, path_b):
    return outdb_wkb(4, 4, 10.0, 50.0, 0.001, -0.001,
                     [(path_a, 0, "32BUI", None), (path_b, 0, "16BUI", 0)])


def test_file_size_and_timestamp_local(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    r = two_bands(str(cog_dir / "probe.tif"), str(cog_dir / "dem.tif"))
    for form, template in FILE_FORMS:
        same(osql, form, template, {"r": r})
    st = os.stat(cog_dir / "dem.tif")
    got = osql.run("SELECT plraster.st_bandfilesize('\\x%s'::plraster.raster, 2), "
                   "plraster.st_bandfiletimestamp('\\x%s'::plraster.raster, 2)" % (r, r)).rows[0]
    assert got == (st.st_size, int(st.st_mtime))


def test_file_size_and_timestamp_vsicurl(osql, sources, nginx_server):
    sources.add(nginx_server.base_url + "/")
    r = two_bands("/vsicurl/" + nginx_server.url("probe.tif"), "/vsicurl/" + nginx_server.url("dem.tif"))
    for form, template in FILE_FORMS:
        same(osql, form, template, {"r": r})
    # what the engine learnt from the header fetch is what the pixel reads use next
    osql.run("SELECT plraster.plraster_cache_reset()")
    osql.value("SELECT plraster.st_bandfilesize('\\x%s'::plraster.raster)" % r)
    osql.value("SELECT plraster.st_value('\\x%s'::plraster.raster, 1, 1, 1)" % r)
    stats = osql.run("SELECT requests, header_misses FROM plraster.plraster_io_stats()").rows[0]
    assert stats == (2, 1), stats


def test_file_size_not_a_tiff(osql, sources, cog_dir, nginx_server):
    """GDAL stats any file; so does plraster, whatever the bytes are."""
    sources.add(str(cog_dir))
    sources.add(nginx_server.base_url + "/")
    path = cog_dir / "notes.txt"
    path.write_bytes(b"not a tiff\n" * 100)
    os.chmod(path, 0o644)
    try:
        for p in (str(path), "/vsicurl/" + nginx_server.url("notes.txt")):
            r = one_band(2, 2, 0.0, 2.0, 1.0, -1.0, p, pixtype="8BUI")
            pg, pl = same(osql, "outdb ST_BandFileSize of a file that is not a TIFF",
                          "SELECT {s}.st_bandfilesize({r}), {s}.st_bandfiletimestamp({r})", {"r": r})
            assert pl.rows[0][0] == 1100
    finally:
        path.unlink()


def test_file_functions_soft_failures(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    r = one_band(4, 4, 10.0, 50.0, 0.001, -0.001, str(cog_dir / "probe.tif"))
    for template in ("SELECT {s}.st_bandfilesize({r}, 0)", "SELECT {s}.st_bandfiletimestamp({r}, 2)",
                     "SELECT {s}.st_bandfilesize({s}.st_makeemptyraster(2, 2, 0, 0, 1))",
                     "SELECT {s}.st_bandfilesize({s}.st_addband({s}.st_makeemptyraster(2, 2, 0, 0, 1), '8BUI'::text))",
                     "SELECT {s}.st_bandfiletimestamp({s}.st_addband({r}, '8BUI'::text), 2)",
                     "SELECT {s}.st_bandfilesize(NULL::{s}.raster), {s}.st_bandfilesize({r}, NULL)"):
        pg, pl = same(osql, "outdb ST_BandFileSize soft failures", template, {"r": r})
        assert pl.rows == [(None,)] * len(pl.rows) or pl.rows[0] == (None, None)


def test_missing_and_refused_files(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    missing = one_band(4, 4, 10.0, 50.0, 0.001, -0.001, str(cog_dir / "nope.tif"))
    # PostGIS: XX000 "Cannot access file"; plraster: 58P01 naming the file
    pg, pl = compare(osql, "outdb ST_BandFileSize of a missing file", "SELECT {s}.st_bandfilesize({r})",
                     {"r": missing})
    assert pg.failed and pl.sqlstate == "58P01" and "nope.tif" in pl.error
    # ST_BandMetaData gives NULL size and timestamp instead, in both
    pg, pl = same(osql, "outdb ST_BandMetaData of a missing file",
                  "SELECT * FROM {s}.st_bandmetadata({r})", {"r": missing})
    assert pl.rows[0][-2:] == (None, None)
    # outside every source: refused by ST_BandFileSize, NULLs in ST_BandMetaData (as
    # PostGIS with postgis.enable_outdb_rasters off)
    refused = one_band(4, 4, 10.0, 50.0, 0.001, -0.001, "/etc/passwd")
    out = osql.run("SELECT plraster.st_bandfilesize('\\x%s'::plraster.raster)" % refused)
    assert out.sqlstate == "42501" and "/etc/passwd" in out.error
    row = osql.run("SELECT * FROM plraster.st_bandmetadata('\\x%s'::plraster.raster)" % refused).rows[0]
    assert row[-2:] == (None, None) and row[3] == "/etc/passwd"


# (name, width, height, upper-left x, upper-left y, file, pixel type, nodata, all nodata?,
#  pixels in the min convex hull: the whole raster when no pixel holds data, as in PostGIS)
NODATA_WINDOWS = [
    ("the zero block", 30, 10, 10.2, 49.9, "dem.tif", "16BUI", 0, True, 300),
    ("below the zero block", 30, 12, 10.2, 49.895, "dem.tif", "16BUI", 0, False, 30 * 7),
    ("the zero block, no nodata", 30, 10, 10.2, 49.9, "dem.tif", "16BUI", None, False, 300),
    ("beyond the file", 3, 3, 12.0, 40.0, "probe.tif", "32BUI", 5, True, 9),
    ("across the file's corner", 5, 5, 11.021, 48.979, "probe.tif", "32BUI", 9, False, 9),
    ("data", 6, 5, 10.1, 49.95, "dem.tif", "16BUI", 0, False, 30),
]


@pytest.mark.parametrize("window", NODATA_WINDOWS, ids=[w[0] for w in NODATA_WINDOWS])
def test_is_nodata_and_min_convex_hull(osql, sources, cog_dir, window):
    sources.add(str(cog_dir))
    _, w, h, ulx, uly, name, pixtype, nodata, all_nodata, hull_pixels = window
    r = one_band(w, h, ulx, uly, 0.001, -0.001, str(cog_dir / name), pixtype=pixtype, nodata=nodata)
    _, pl = same(osql, "outdb ST_BandIsNoData(rast, band, forcechecking)",
                 "SELECT {s}.st_bandisnodata({r}, 1, true), {s}.st_bandisnodata({r}, true), "
                 "{s}.st_bandisnodata({r})", {"r": r})
    assert pl.rows == [(all_nodata, all_nodata, False)]
    _, pl = same(osql, "outdb ST_MinConvexHull(rast, nband)",
                 "SELECT public.st_asewkt({s}.st_minconvexhull({r})), "
                 "public.st_asewkt({s}.st_minconvexhull({r}, 1)), "
                 "round(public.st_area({s}.st_minconvexhull({r}))::numeric * 1e6)", {"r": r})
    assert pl.rows[0][2] == hull_pixels


def test_min_convex_hull_several_bands(osql, sources, cog_dir):
    sources.add(str(cog_dir))
    dem, probe = str(cog_dir / "dem.tif"), str(cog_dir / "probe.tif")
    # band 1: only the zero block's right part holds data; band 2 lies beyond the file
    r = outdb_wkb(40, 12, 10.21, 49.901, 0.001, -0.001, [(dem, 0, "16BUI", 0), (probe, 0, "32BUI", None)])
    r2 = outdb_wkb(5, 5, 11.021, 48.979, 0.001, -0.001, [(probe, 0, "32BUI", 9), (dem, 0, "16BUI", 0)])
    for rr in (r, r2):
        same(osql, "outdb ST_MinConvexHull(rast, nband)",
             "SELECT public.st_asewkt({s}.st_minconvexhull({r})), public.st_asewkt({s}.st_minconvexhull({r}, 1)), "
             "public.st_asewkt({s}.st_minconvexhull({r}, 2))", {"r": rr})
