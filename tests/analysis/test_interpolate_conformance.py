"""ST_InterpolateRaster against PostGIS 3.3: GDAL's gridding algorithms with their options,
template pixel types with and without nodata, band numbers, geometries of every kind with Z,
and PostGIS's errors (no Z, bad algorithm string, skewed template, missing band) and NULL
for an empty geometry."""
import pytest

from conformance import compare

DUMP = ("SELECT {s}.ST_MetaData(m), {s}.ST_BandMetaData(m), {s}.ST_DumpValues(m) "
        "FROM (SELECT %s AS m OFFSET 0) q")
POINTS = ("'MULTIPOINT Z(0.3 0.2 1, 9.5 0.5 5, 0.5 7.1 9, 8.2 7.9 3, 4.4 4.1 12.5, "
          "6.1 2.2 -4, 2 5.5 7)'::geometry")


def template(pixtype="32BF", nodata="-9999", width=10, height=8, skew=0, bands=1):
    """A template raster's SQL: width x height pixels of 1 x 1 from (0, 8)."""
    sql = "{s}.ST_MakeEmptyRaster(%d, %d, 0, 8, 1, -1, %r, 0, 0)" % (width, height, skew)
    for _ in range(bands):
        sql = "{s}.ST_AddBand(%s, '%s'::text, 0::double precision, %s::double precision)" % (
            sql, pixtype, nodata)
    return sql


@pytest.mark.parametrize("algorithm", [
    "invdist", "invdist:power:2.0:smoothing:0.0", "invdist:power:3:radius1:4:radius2:4:max_points:3",
    "invdistnn:power:1.5:radius:5:max_points:4", "nearest", "nearest:radius1:2:radius2:2:nodata:-1",
    "average", "average:radius1:3:radius2:3:min_points:2", "minimum:radius1:4:radius2:4",
    "maximum:radius1:4:radius2:4", "range:radius1:5:radius2:5", "count:radius1:3:radius2:3",
    "average_distance:radius1:6:radius2:6", "average_distance_pts:radius1:6:radius2:6", "linear",
    "linear:radius:-1:nodata:-5",
])
def test_algorithms(sql, algorithm):
    _, pl = compare(sql, "ST_InterpolateRaster(geom, options, rast, bandnumber)",
                    DUMP % ("{s}.ST_InterpolateRaster(%s, '%s', %s)" % (POINTS, algorithm, template())))
    assert not pl.failed


@pytest.mark.parametrize("pixtype,nodata", [("8BUI", "NULL"), ("8BUI", "255"), ("16BSI", "-1"),
                                            ("16BUI", "NULL"), ("32BSI", "0"), ("32BUI", "7"),
                                            ("32BF", "NULL"), ("64BF", "-9999")])
@pytest.mark.parametrize("algorithm", ["invdist:power:2", "nearest", "linear"])
def test_pixel_types(sql, pixtype, nodata, algorithm):
    _, pl = compare(sql, "ST_InterpolateRaster(geom, options, rast, bandnumber)",
                    DUMP % ("{s}.ST_InterpolateRaster(%s, '%s', %s)"
                            % (POINTS, algorithm, template(pixtype, nodata))))
    assert not pl.failed


@pytest.mark.parametrize("geom", [
    "'LINESTRING Z(0 0 1, 10 8 5, 3 6 2)'::geometry",
    "'POLYGON Z((1 1 1, 9 1 2, 9 7 3, 1 7 4, 1 1 1))'::geometry",
    "'GEOMETRYCOLLECTION Z(POINT Z(2 2 5), LINESTRING Z(5 5 1, 8 1 9))'::geometry",
    "'POINT Z(3.5 3.5 42)'::geometry",
    "'SRID=4326;MULTIPOINT Z(1 1 1, 5 5 5)'::geometry",
    "'MULTIPOINT ZM(1 1 1 7, 5 5 5 8, 9 2 3 9)'::geometry",
])
def test_geometries(sql, geom):
    _, pl = compare(sql, "ST_InterpolateRaster(geom, options, rast, bandnumber)",
                    DUMP % ("{s}.ST_InterpolateRaster(%s, 'invdist:power:2', %s)" % (geom, template())))
    assert not pl.failed


def test_band_number_and_large_grid(sql):
    compare(sql, "ST_InterpolateRaster(geom, options, rast, bandnumber)",
            DUMP % ("{s}.ST_InterpolateRaster(%s, 'nearest', {s}.ST_AddBand(%s, '16BSI'::text, "
                    "0::double precision, -3::double precision), 2)" % (POINTS, template())))
    compare(sql, "ST_InterpolateRaster(geom, options, rast, bandnumber)",
            "SELECT md5({s}.ST_AsBinary(%s)) FROM (SELECT 1) q" % (
                "{s}.ST_InterpolateRaster(%s, 'invdist:power:2:max_points:5', %s)"
                % (POINTS, template("32BF", "NULL", 300, 200).replace("1, -1", "0.05, -0.05"))))


@pytest.mark.parametrize("query", [
    DUMP % ("{s}.ST_InterpolateRaster('MULTIPOINT(0 0, 4 0)'::geometry, 'nearest', %s)" % template()),
    DUMP % ("{s}.ST_InterpolateRaster(%s, 'bogus', %s)" % (POINTS, template())),
    DUMP % ("{s}.ST_InterpolateRaster(%s, 'invdist:power', %s)" % (POINTS, template())),
    DUMP % ("{s}.ST_InterpolateRaster('MULTIPOINT Z(0 0 1, 4 0 5)'::geometry, 'linear', %s)" % template()),
    DUMP % ("{s}.ST_InterpolateRaster(%s, 'nearest', %s)" % (POINTS, template(skew=0.1))),
    DUMP % ("{s}.ST_InterpolateRaster(%s, 'nearest', %s, 3)" % (POINTS, template())),
    DUMP % ("{s}.ST_InterpolateRaster(%s, 'nearest', %s, 0)" % (POINTS, template())),
    DUMP % ("{s}.ST_InterpolateRaster(%s, 'nearest', {s}.ST_MakeEmptyRaster(4, 4, 0, 4, 1))" % POINTS),
    DUMP % ("{s}.ST_InterpolateRaster('MULTIPOINT Z EMPTY'::geometry, 'nearest', %s)" % template()),
    DUMP % ("{s}.ST_InterpolateRaster('POINT EMPTY'::geometry, 'nearest', %s)" % template()),
    DUMP % ("{s}.ST_InterpolateRaster(NULL::geometry, 'nearest', %s)" % template()),
    DUMP % ("{s}.ST_InterpolateRaster(%s, NULL, %s)" % (POINTS, template())),
])
def test_errors_and_nulls(sql, query):
    compare(sql, "ST_InterpolateRaster edge cases", query)
