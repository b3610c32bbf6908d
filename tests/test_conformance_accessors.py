"""Raster and band accessors compared with PostGIS raster: header fields, georeference text,
sizes, summaries, footprints, pixel <-> world coordinates and band metadata, over the
raster catalogue (every pixel type, both byte orders, empty, zero-band, skewed, rotated,
out-db) and rasters built here for edge cases."""
import numpy as np
import pytest

import conformance
from conformance import compare
from rasters import catalogue, pack

CAT = catalogue()


def _extras():
    d = np.zeros((5, 6))
    d[1, 2], d[3, 4] = 5, 7
    d2 = np.zeros((5, 6))
    d2[0, 5] = 1
    zeros = np.zeros((5, 6))
    nan_grid = np.full((5, 6), np.nan)
    nan_grid[2, 2] = 1
    tiny = np.zeros((2, 2))
    tiny[0, 0] = 1e-8
    b8 = lambda data, **kw: dict(pixtype="8BUI", data=data, **kw)  # noqa: E731
    return {
        "data_window": pack(6, 5, [b8(d, nodata=0)]),
        "two_windows_skewed": pack(6, 5, [b8(d, nodata=0), b8(d2, nodata=0)], skew=(0.5, 0.2)),
        "all_nodata": pack(6, 5, [b8(zeros, nodata=0)]),
        "all_nodata_then_data": pack(6, 5, [b8(zeros, nodata=0), b8(d2, nodata=0)]),
        "isnodata_then_data": pack(6, 5, [b8(zeros, nodata=0, isnodata=True), b8(d2, nodata=0)]),
        "isnodata_flag_not_all": pack(2, 2, [b8(np.array([[5, 5], [5, 4]]), nodata=5, isnodata=True)]),
        "all_nodata_no_flag": pack(2, 2, [b8(np.full((2, 2), 5), nodata=5)]),
        "nan_nodata_32": pack(6, 5, [dict(pixtype="32BF", data=nan_grid, nodata=np.nan)]),
        "nan_nodata_64": pack(6, 5, [dict(pixtype="64BF", data=nan_grid, nodata=np.nan)]),
        "nan_pixel_zero_nodata": pack(3, 3, [dict(pixtype="32BF", data=np.array(
            [[np.nan, 0, 0], [0, 1, 0], [0, 0, 0]]), nodata=0)]),
        "eps_32": pack(2, 2, [dict(pixtype="32BF", data=tiny, nodata=0)]),
        "eps_64": pack(2, 2, [dict(pixtype="64BF", data=tiny, nodata=0)]),
        "inf_nodata": pack(2, 2, [dict(pixtype="64BF", data=np.full((2, 2), np.inf), nodata=np.inf)]),
        "width0": pack(0, 5),
        "height0": pack(4, 0),
        "width0_skewed": pack(0, 5, skew=(0.5, 0.5)),
        "height0_skewed": pack(4, 0, skew=(0.5, 0.5)),
        "empty_srid_skewed": pack(0, 0, skew=(0.5, 0.5), ul=(3, 4), srid=4326),
        "empty_outdb": pack(0, 0, [dict(pixtype="8BUI", path="/x.tif", nodata=5)]),
        "scale0": pack(2, 2, scale=(0, 0)),
        "scale0x": pack(2, 2, scale=(0, -1)),
        "singular": pack(2, 2, scale=(1, 1), skew=(1, 1)),
        "skew_x_only": pack(2, 2, skew=(1.5, 0)),
        "skew_y_only": pack(2, 2, skew=(0, 1.5)),
        "skew_tiny": pack(2, 2, skew=(1e-10, 0)),
        "skew_small": pack(2, 2, skew=(1e-6, 0)),
        "scale3": pack(2, 2, scale=(3, -3), ul=(0.1, 0.2)),
        "y_up": pack(3, 2, [b8(np.arange(6).reshape(2, 3))], scale=(2.0, 1.5), ul=(-7.25, 3.5)),
        "odd_numbers": pack(3, 2, [dict(pixtype="64BF", data=np.arange(6.0).reshape(2, 3),
                                        nodata=-1.7976931348623157e308)],
                            scale=(1e-9, -1e20), ul=(1234.5678, -0.000012345678901234),
                            skew=(3e-11, -7.123456789012345e-5), srid=2154),
        "big_coords": pack(2, 2, [dict(pixtype="32BF", data=np.ones((2, 2)), nodata=1e20)],
                           scale=(0.1 + 0.2, -1 / 3), ul=(1e15 / 3, 12345678.123456789),
                           skew=(0, 0), srid=900913),
        "random_float_header": pack(4, 3, [dict(pixtype="16BSI", data=np.arange(12).reshape(3, 4),
                                                nodata=-32768)],
                                    scale=(0.123456789123, -0.987654321987), ul=(-123.456789, 45.678912),
                                    skew=(0.0123456789, -0.00987654321), srid=4326),
        "outdb_two": pack(3, 2, [dict(pixtype="16BSI", path="/data/dem.tif", index=1, nodata=-1),
                                 dict(pixtype="64BF", path="relative.tif", index=4)],
                          scale=(5.0, -5.0), ul=(10.0, 20.0), srid=4326),
        "xdr_multiband_outdb": pack(2, 2, [b8(np.array([[1, 2], [3, 4]]), nodata=1),
                                           dict(pixtype="32BSI", path="/srv/x.tif", index=0, nodata=7)],
                                    skew=(0.25, 0.5), srid=3857, big_endian=True),
    }


EXTRAS = _extras()
ALL = dict(CAT, **EXTRAS)
NAMES = sorted(ALL)
# PostGIS maps these SRIDs on input (with a NOTICE plraster's accessors do not repeat).
ODD_SRIDS = {"srid_-1": pack(2, 2, srid=-1), "srid_1000000": pack(2, 2, srid=1000000),
             "srid_max": pack(2, 2, srid=2147483647)}


def each(sql, form, template, names=NAMES, params=None, compare_notices=True, **extra):
    """Compare template for every named raster ({r})."""
    for name in names:
        compare(sql, form, template, rasters=dict(extra, r=ALL[name]), params=params,
                compare_notices=compare_notices)


# ---------------------------------------------------------------- header fields

HEADER_FORMS = [
    ("ST_Width(raster)", "SELECT {s}.st_width({r})"),
    ("ST_Height(raster)", "SELECT {s}.st_height({r})"),
    ("ST_NumBands(raster)", "SELECT {s}.st_numbands({r})"),
    ("ST_SRID(raster)", "SELECT {s}.st_srid({r})"),
    ("ST_UpperLeftX(raster)", "SELECT {s}.st_upperleftx({r})"),
    ("ST_UpperLeftY(raster)", "SELECT {s}.st_upperlefty({r})"),
    ("ST_ScaleX(raster)", "SELECT {s}.st_scalex({r})"),
    ("ST_ScaleY(raster)", "SELECT {s}.st_scaley({r})"),
    ("ST_SkewX(raster)", "SELECT {s}.st_skewx({r})"),
    ("ST_SkewY(raster)", "SELECT {s}.st_skewy({r})"),
    ("ST_PixelWidth(raster)", "SELECT {s}.st_pixelwidth({r})"),
    ("ST_PixelHeight(raster)", "SELECT {s}.st_pixelheight({r})"),
    ("ST_MetaData(raster)", "SELECT * FROM {s}.st_metadata({r})"),
    ("ST_GeoReference(raster)", "SELECT {s}.st_georeference({r})"),
    ("ST_IsEmpty(raster)", "SELECT {s}.st_isempty({r})"),
    ("ST_HasNoBand(raster)", "SELECT {s}.st_hasnoband({r})"),
    ("ST_MemSize(raster)", "SELECT {s}.st_memsize({r})"),
    ("ST_Summary(raster)", "SELECT {s}.st_summary({r})"),
    ("ST_Envelope(raster)", "SELECT {s}.st_envelope({r})"),
    ("ST_ConvexHull(raster)", "SELECT {s}.st_convexhull({r})"),
    ("Box3D(raster)", "SELECT {s}.box3d({r})::text"),
]


@pytest.mark.parametrize("form,template", HEADER_FORMS, ids=[f for f, _ in HEADER_FORMS])
def test_header_form(sql, form, template):
    each(sql, form, template)
    for name, r in ODD_SRIDS.items():
        if form == "ST_SRID(raster)" and name != "srid_-1":
            continue  # see test_srid_above_maximum
        compare(sql, form, template, rasters={"r": r}, compare_notices=False)


def test_srid_above_maximum(sql):
    """PostGIS folds SRIDs above 999999 on input; plraster stores WKB as given and folds
    the SRID it reports the same way (999000 + srid % 999), in ST_SRID and ST_MetaData."""
    r = ODD_SRIDS["srid_1000000"]
    assert sql.value("SELECT plraster.st_srid('\\x%s'::plraster.raster)" % r.lower()) == 999001
    assert sql.value("SELECT (plraster.st_metadata('\\x%s'::plraster.raster)).srid" % r.lower()) == 999001


def test_header_forms_strict_on_null(sql):
    for form, template in HEADER_FORMS:
        compare(sql, form, template.replace("{r}", "NULL::{s}.raster"))


@pytest.mark.parametrize("fmt", ["GDAL", "ESRI", "esri", "", "other"])
def test_georeference_format(sql, fmt):
    each(sql, "ST_GeoReference(raster, text)", "SELECT {s}.st_georeference({r}, %s)",
         params=(fmt,))


def test_georeference_null_format(sql):
    compare(sql, "ST_GeoReference(raster, text)",
            "SELECT {s}.st_georeference({r}, NULL)", rasters={"r": CAT["8BUI"]})


@pytest.mark.parametrize("nband", [-1, 0, 1, 2, 3, 4, 65536, -2147483648, 2147483647, None])
def test_hasnoband(sql, nband):
    each(sql, "ST_HasNoBand(raster, integer)", "SELECT {s}.st_hasnoband({r}, %s::int)",
         params=(nband,))


def test_metadata_columns(sql):
    pg, pl = compare(sql, "ST_MetaData(raster)", "SELECT (({s}.st_metadata({r}))).*",
                     rasters={"r": CAT["rotated"]})
    assert pl.rows == [(5.0, 5.0, 3, 3, 0.8660254037844387, -0.8660254037844387, 0.5, 0.5, 0, 1)]


def test_memsize_known_values(sql):
    # 64-byte header; bands padded to 8 bytes (pixel-size aligned nodata, then pixels or path).
    pg, pl = compare(sql, "ST_MemSize(raster)", "SELECT {s}.st_memsize({r})",
                     rasters={"r": CAT["multiband"]})
    assert pl.rows == [(168,)]


@pytest.mark.parametrize("pixtype", ["1BB", "8BSI", "16BUI", "32BSI", "32BF", "64BF"])
@pytest.mark.parametrize("size", [(1, 1), (3, 5), (7, 1), (64, 64)])
@pytest.mark.parametrize("bands", [1, 3])
def test_memsize_across_types_and_sizes(sql, pixtype, size, bands):
    w, h = size
    data = np.zeros((h, w))
    r = pack(w, h, [{"pixtype": pixtype, "data": data}] * bands)
    compare(sql, "ST_MemSize(raster)", "SELECT {s}.st_memsize({r})", rasters={"r": r})


@pytest.mark.parametrize("path", ["", "a", "abcdefg", "/vsis3/bucket/some/long/path/tile.tif"])
def test_memsize_outdb_paths(sql, path):
    for pixtype in ("8BUI", "16BSI", "32BF", "64BF"):
        r = pack(10, 10, [{"pixtype": pixtype, "path": path, "index": 3}])
        compare(sql, "ST_MemSize(raster)", "SELECT {s}.st_memsize({r})", rasters={"r": r})


def test_summary_known_text(sql):
    pg, pl = compare(sql, "ST_Summary(raster)", "SELECT {s}.st_summary({r})",
                     rasters={"r": CAT["skewed"]})
    assert pl.rows[0][0].startswith("Skewed raster of 4x3 pixels has 1 band and extent of BOX(")


# ---------------------------------------------------------------- footprints

@pytest.mark.parametrize("nband", [None, 1, 2, 3, 0, -1, 4])
def test_minconvexhull(sql, nband):
    names = [n for n in NAMES if "outdb" not in n]
    each(sql, "ST_MinConvexHull(raster, integer)", "SELECT {s}.st_minconvexhull({r}, %s::int)",
         names=names, params=(nband,))


def test_minconvexhull_default_band(sql):
    each(sql, "ST_MinConvexHull(raster)", "SELECT {s}.st_minconvexhull({r})")


def test_minconvexhull_outdb_band_is_an_error_on_both(sql):
    for nband in ("1", "2", "NULL"):
        pg, pl = compare(sql, "ST_MinConvexHull(raster, integer)",
                         "SELECT {s}.st_minconvexhull({r}, %s)" % nband,
                         rasters={"r": CAT["outdb_mixed"]})
        if nband == "1":
            assert not pl.failed
        else:
            assert pl.sqlstate == "42501"  # the out-db engine reads it: no source opens the path


def test_minconvexhull_null_raster(sql):
    compare(sql, "ST_MinConvexHull(raster, integer)",
            "SELECT {s}.st_minconvexhull(NULL::{s}.raster, 1)")


def test_geometry_function_is_postgis_cast(sql):
    """PostGIS's rast::geometry and rast::box3d casts (ST_ConvexHull) equal plraster's casts
    and its geometry(rast) and box3d(rast) functions."""
    for name in NAMES:
        r = ALL[name]
        pg = sql.run(conformance.render("SELECT {r}::geometry", conformance.POSTGIS, {"r": r}))
        pl = sql.run(conformance.render("SELECT {s}.geometry({r})", conformance.PLRASTER, {"r": r}))
        assert conformance.agree(pg, pl), (name, pg, pl)
        cast = sql.run(conformance.render("SELECT {r}::geometry", conformance.PLRASTER, {"r": r}))
        assert conformance.agree(pg, cast), (name, pg, cast)
        plcast = sql.run(conformance.render("SELECT ({r}::box3d)::text", conformance.PLRASTER, {"r": r}))
        pl2 = sql.run(conformance.render("SELECT {s}.st_convexhull({r})", conformance.PLRASTER,
                                         {"r": r}))
        assert pl2.rows == pl.rows
        pgbox = sql.run(conformance.render("SELECT ({r}::box3d)::text", conformance.POSTGIS, {"r": r}))
        plbox = sql.run(conformance.render("SELECT {s}.box3d({r})::text", conformance.PLRASTER, {"r": r}))
        assert conformance.agree(pgbox, plbox), (name, pgbox, plbox)
        assert conformance.agree(pgbox, plcast), (name, pgbox, plcast)


def test_geometry_function_resolves_by_name(sql):
    r = CAT["skewed"]
    hull = sql.value(conformance.render("SELECT ST_AsText({s}.st_convexhull({r}))",
                                        conformance.PLRASTER, {"r": r}))
    sql.run("SET search_path = plraster, public")
    try:
        via_name = sql.value("SELECT ST_AsText(geometry('\\x%s'::plraster.raster))" % r.lower())
        box = sql.value("SELECT box3d('\\x%s'::plraster.raster)::text" % r.lower())
    finally:
        sql.run("RESET search_path")
    assert via_name == hull
    assert box.startswith("BOX3D(1000 1960 0,")


# ---------------------------------------------------------------- raster <-> world

PIXELS = [(1, 1), (0, 0), (2, 3), (-5, 7), (6, 5), (65536, -1),
          (2147483647, -2147483648), (None, 2), (2, None), (None, None)]


@pytest.mark.parametrize("col,row", PIXELS)
def test_raster_to_world(sql, col, row):
    p = (col, row)
    if col is not None and row is not None:
        each(sql, "ST_RasterToWorldCoord(raster, integer, integer)",
             "SELECT * FROM {s}.st_rastertoworldcoord({r}, %s::int, %s::int)", params=p)
        each(sql, "ST_RasterToWorldCoordX(raster, integer, integer)",
             "SELECT {s}.st_rastertoworldcoordx({r}, %s::int, %s::int)", params=p)
        each(sql, "ST_RasterToWorldCoordY(raster, integer, integer)",
             "SELECT {s}.st_rastertoworldcoordy({r}, %s::int, %s::int)", params=p)
    each(sql, "_ST_RasterToWorldCoord(raster, integer, integer)",
         "SELECT * FROM {s}._st_rastertoworldcoord({r}, %s::int, %s::int)", params=p)
    if col is not None:
        each(sql, "ST_RasterToWorldCoordX(raster, integer)",
             "SELECT {s}.st_rastertoworldcoordx({r}, %s::int)", params=(col,))
        each(sql, "ST_RasterToWorldCoordY(raster, integer)",
             "SELECT {s}.st_rastertoworldcoordy({r}, %s::int)", params=(col,))


WORLD = [(101.5, 199.0), (100.5, 200.25), (110.5, 188.25), (0.0, 0.0), (1000.0, 2000.0),
         (1002.0, 1998.0), (5.5, 4.5), (-9.75, 9.6), (0.9999999, -0.99999999),
         (2147483647.5, 2147483646.5), (-2147483648.5, -2147483649.5), (3e9, -3e9),
         (-1e300, 1e300), (float("nan"), 1.0), (float("inf"), 1.0), (1.0, float("-inf")),
         (0.3000000000001, 0.29999999), (500015.0, 4499985.0)]


@pytest.mark.parametrize("x,y", WORLD)
def test_world_to_raster(sql, x, y):
    p = (x, y)
    each(sql, "ST_WorldToRasterCoord(raster, double precision, double precision)",
         "SELECT * FROM {s}.st_worldtorastercoord({r}, %s::float8, %s::float8)", params=p)
    each(sql, "ST_WorldToRasterCoordX(raster, double precision, double precision)",
         "SELECT {s}.st_worldtorastercoordx({r}, %s::float8, %s::float8)", params=p)
    each(sql, "ST_WorldToRasterCoordY(raster, double precision, double precision)",
         "SELECT {s}.st_worldtorastercoordy({r}, %s::float8, %s::float8)", params=p)
    each(sql, "ST_WorldToRasterCoordX(raster, double precision)",
         "SELECT {s}.st_worldtorastercoordx({r}, %s::float8)", params=(x,))
    each(sql, "ST_WorldToRasterCoordY(raster, double precision)",
         "SELECT {s}.st_worldtorastercoordy({r}, %s::float8)", params=(y,))
    each(sql, "_ST_WorldToRasterCoord(raster, double precision, double precision)",
         "SELECT * FROM {s}._st_worldtorastercoord({r}, %s::float8, %s::float8)", params=p)


def test_world_to_raster_missing_coordinates(sql):
    for p in ((None, 2.5), (2.5, None), (None, None)):
        each(sql, "_ST_WorldToRasterCoord(raster, double precision, double precision)",
             "SELECT * FROM {s}._st_worldtorastercoord({r}, %s::float8, %s::float8)", params=p)


POINTS = ["ST_SetSRID(ST_MakePoint(101.5, 199), {s}.st_srid({r}))",
          "ST_SetSRID(ST_MakePoint(1002, 1998), {s}.st_srid({r}))",
          "ST_SetSRID(ST_MakePoint(2.5, 2.5, 7), {s}.st_srid({r}))",
          "ST_SetSRID('POINT EMPTY'::geometry, {s}.st_srid({r}))",
          "'SRID=4326;POINT(2.5 2.5)'::geometry",
          "'POINT(2.5 2.5)'::geometry",
          "ST_SetSRID('LINESTRING(0 0,1 1)'::geometry, {s}.st_srid({r}))",
          "ST_SetSRID('MULTIPOINT(1 1)'::geometry, {s}.st_srid({r}))",
          "NULL::geometry"]


@pytest.mark.parametrize("pt", POINTS)
def test_world_to_raster_point(sql, pt):
    each(sql, "ST_WorldToRasterCoord(raster, geometry)",
         "SELECT * FROM {s}.st_worldtorastercoord({r}, %s)" % pt)
    each(sql, "ST_WorldToRasterCoordX(raster, geometry)",
         "SELECT {s}.st_worldtorastercoordx({r}, %s)" % pt)
    each(sql, "ST_WorldToRasterCoordY(raster, geometry)",
         "SELECT {s}.st_worldtorastercoordy({r}, %s)" % pt)


def test_world_to_raster_errors_are_not_internal(sql):
    pg, pl = compare(sql, "ST_WorldToRasterCoord(raster, double precision, double precision)",
                     "SELECT * FROM {s}.st_worldtorastercoord({r}, 1, 1)",
                     rasters={"r": EXTRAS["singular"]})
    assert pl.sqlstate == "22023"
    pg, pl = compare(sql, "ST_WorldToRasterCoord(raster, geometry)",
                     "SELECT * FROM {s}.st_worldtorastercoord({r}, 'LINESTRING(0 0,1 1)'::geometry)",
                     rasters={"r": CAT["8BUI"]})
    assert pl.sqlstate == "22023"


def test_world_to_raster_rounding_random(sql):
    """Points near pixel edges, where PostGIS snaps within FLT_EPSILON and floors otherwise."""
    rng = np.random.default_rng(7)
    for name in ("8BUI", "rotated", "skewed", "scale3", "odd_numbers", "random_float_header", "y_up"):
        r = ALL[name]
        xs = rng.uniform(-50, 1100, 40)
        ys = rng.uniform(-50, 2100, 40)
        edges = np.round(xs) + rng.choice([0, 1e-8, -1e-8, 1e-6, -1e-6, 1e-7, -1.2e-7], 40)
        template = ("SELECT array_agg(c.columnx ORDER BY i), array_agg(c.rowy ORDER BY i) "
                    "FROM unnest(%s::float8[], %s::float8[]) WITH ORDINALITY AS u(x, y, i), "
                    "{s}.st_worldtorastercoord({r}, u.x, u.y) AS c")
        compare(sql, "ST_WorldToRasterCoord(raster, double precision, double precision)",
                template, rasters={"r": r}, params=(list(xs) + list(edges), list(ys) + list(edges)))


def test_raster_to_world_random_header(sql):
    rng = np.random.default_rng(11)
    for _ in range(30):
        scale = tuple(rng.uniform(-100, 100, 2))
        skew = tuple(rng.uniform(-3, 3, 2)) if rng.random() < 0.6 else (0.0, 0.0)
        ul = tuple(rng.uniform(-1e6, 1e6, 2))
        r = pack(int(rng.integers(0, 20)), int(rng.integers(0, 20)), scale=scale, skew=skew, ul=ul)
        for template in ("SELECT * FROM {s}.st_rastertoworldcoord({r}, 3, -4)",
                         "SELECT * FROM {s}.st_worldtorastercoord({r}, 1234.5, -987.25)",
                         "SELECT {s}.st_pixelwidth({r}), {s}.st_pixelheight({r})",
                         "SELECT {s}.st_georeference({r}, 'ESRI'), {s}.st_summary({r})",
                         "SELECT {s}.st_envelope({r}), {s}.st_convexhull({r})"):
            compare(sql, "random headers", template, rasters={"r": r})


# ---------------------------------------------------------------- bands

BAND_ARGS = [None, 1, 2, 3, 0, -1, 4]


@pytest.mark.parametrize("band", BAND_ARGS)
def test_band_accessors(sql, band):
    arg = "" if band is None else ", %d" % band
    suffix = "(raster)" if band is None else "(raster, integer)"
    each(sql, "ST_BandPixelType" + suffix, "SELECT {s}.st_bandpixeltype({r}%s)" % arg)
    each(sql, "ST_BandNoDataValue" + suffix, "SELECT {s}.st_bandnodatavalue({r}%s)" % arg)
    each(sql, "ST_BandPath" + suffix, "SELECT {s}.st_bandpath({r}%s)" % arg)
    each(sql, "ST_BandMetaData" + suffix, "SELECT * FROM {s}.st_bandmetadata({r}%s)" % arg)
    each(sql, "ST_BandIsNoData" + suffix, "SELECT {s}.st_bandisnodata({r}%s)" % arg)
    if band is not None:
        for force in ("true", "false"):
            each(sql, "ST_BandIsNoData(raster, integer, boolean)",
                 "SELECT {s}.st_bandisnodata({r}, %d, %s)" % (band, force))


@pytest.mark.parametrize("force", ["true", "false"])
def test_bandisnodata_boolean_form(sql, force):
    each(sql, "ST_BandIsNoData(raster, boolean)", "SELECT {s}.st_bandisnodata({r}, %s)" % force)


def test_band_accessors_null_band(sql):
    for template in ("SELECT {s}.st_bandpixeltype({r}, NULL::int)",
                     "SELECT {s}.st_bandnodatavalue({r}, NULL::int)",
                     "SELECT {s}.st_bandpath({r}, NULL::int)",
                     "SELECT {s}.st_bandisnodata({r}, NULL::int, true)",
                     "SELECT * FROM {s}.st_bandmetadata({r}, NULL::int)",
                     "SELECT * FROM {s}.st_bandmetadata({r}, NULL::int[])"):
        compare(sql, "band accessors with NULL band", template, rasters={"r": CAT["multiband"]})


ARRAYS = ["ARRAY[]::int[]", "ARRAY[1]", "ARRAY[2,1]", "ARRAY[3,1,2]", "ARRAY[1,5]", "ARRAY[0]",
          "ARRAY[5,0]", "ARRAY[NULL]::int[]", "ARRAY[1,NULL]", "ARRAY[NULL,2]::int[]",
          "ARRAY[[1,2],[3,NULL]]"]


@pytest.mark.parametrize("arr", ARRAYS)
def test_bandmetadata_array(sql, arr):
    each(sql, "ST_BandMetaData(raster, integer[])",
         "SELECT * FROM {s}.st_bandmetadata({r}, %s)" % arr)


def test_bandmetadata_outdb_values(sql):
    pg, pl = compare(sql, "ST_BandMetaData(raster, integer[])",
                     "SELECT * FROM {s}.st_bandmetadata({r}, ARRAY[]::int[])",
                     rasters={"r": EXTRAS["outdb_two"]})
    assert pl.rows == [(1, "16BSI", -1.0, True, "/data/dem.tif", 2, None, None),
                       (2, "64BF", None, True, "relative.tif", 5, None, None)]


def test_bandisnodata_outdb_with_nodata_is_an_error_on_both(sql):
    pg, pl = compare(sql, "ST_BandIsNoData(raster, integer, boolean)",
                     "SELECT {s}.st_bandisnodata({r}, 1, true)", rasters={"r": CAT["outdb"]})
    assert pl.sqlstate == "42501"  # the out-db engine reads it: no source opens the path
    pg, pl = compare(sql, "ST_BandIsNoData(raster, integer, boolean)",
                     "SELECT {s}.st_bandisnodata({r}, 1, false)", rasters={"r": CAT["outdb"]})
    assert pl.rows == [(False,)]


PIXTYPES = ["1BB", "2BUI", "4BUI", "8BSI", "8BUI", "16BSI", "16BUI", "32BSI", "32BUI", "32BF",
            "64BF", "8bui", "foo", "", " 8BUI"]


@pytest.mark.parametrize("name", PIXTYPES)
def test_minpossiblevalue(sql, name):
    compare(sql, "ST_MinPossibleValue(text)", "SELECT {s}.st_minpossiblevalue(%s)", params=(name,))


def test_minpossiblevalue_16bf_is_plraster_only(sql):
    assert sql.value("SELECT plraster.st_minpossiblevalue('16BF')") == -65504.0


def test_geometry_cast_in_gdal_extent_query(sql):
    """GDAL's PostGISRaster driver asks ST_Extent(rast::geometry) of a table without
    constraints; both give the same box."""
    rows = " UNION ALL ".join("SELECT {%s} AS rast" % k for k in ("r1", "r2", "r3"))
    rasters = {"r1": CAT["8BUI"], "r2": CAT["skewed"], "r3": CAT["16BSI"]}
    compare(sql, "ST_Extent(raster::geometry)",
            "SELECT ST_Extent(rast::geometry)::text FROM (%s) t" % rows, rasters=rasters)
