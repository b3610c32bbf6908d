"""ST_Contour against PostGIS: the same lines (EWKB), ids, values and row order for several
option sets, nodata or not, pixel types; errors by SQLSTATE."""
import numpy as np
import pytest

import rasters
from conformance import compare

Y, X = np.mgrid[0:12, 0:14]
SURFACE = (X * 7.3 + Y * 3.1 + 20 * np.sin(X / 3.0) * np.cos(Y / 4.0))
RASTERS = {
    "32BF_nodata": rasters.pack(14, 12, [{"pixtype": "32BF", "data": np.where((X == 5) & (Y == 6), -1, SURFACE),
                                          "nodata": -1}], srid=4326, ul=(10, 50), scale=(0.5, -0.5)),
    "64BF": rasters.pack(14, 12, [{"pixtype": "64BF", "data": SURFACE}], srid=3857),
    "16BSI_skewed": rasters.pack(14, 12, [{"pixtype": "16BSI", "data": SURFACE.round()}],
                                 srid=32631, ul=(1000, 2000), scale=(10, -10), skew=(1, -2)),
    "64BF_big_nodata": rasters.pack(5, 4, [{"pixtype": "64BF", "data": np.where(
        (X[:4, :5] == 2) & (Y[:4, :5] == 2), 1234567.5, SURFACE[:4, :5]), "nodata": 1234567.5}], srid=4326),
    "8BUI_one_value": rasters.pack(5, 5, [{"pixtype": "8BUI", "data": np.full((5, 5), 50)}], srid=4326),
}
OPTIONS = ["", ", 1, 10.0", ", 1, 7.5, 2.25", ", 1, 100.0, 0.0, ARRAY[20, 45.5, 60.123456789]",
           ", 1, 100.0, 0.0, ARRAY[60.5, 20]", ", 1, 12.3456789, 1.1234567", ", 1, 1e-9",
           ", bandnumber => 1, level_interval => 15, polygonize => true", ", 1, 1e-1, -3"]


@pytest.mark.parametrize("name", sorted(RASTERS))
@pytest.mark.parametrize("options", OPTIONS)
def test_contour(sql, name, options):
    if name == "32BF_nodata" and options == ", 1, 1e-1, -3":
        options = ", 1, 2.5, -3"
    compare(sql, "ST_Contour(rast, bandnumber, level_interval, level_base, fixed_levels, polygonize)",
            "SELECT public.st_asewkb(c.geom), c.id, c.value FROM {s}.st_contour({r}%s) AS c" % options,
            {"r": RASTERS[name]})


@pytest.mark.parametrize("call", ["{s}.st_contour({r}, 2)", "{s}.st_contour({r}, 0)",
                                  "{s}.st_contour({r}, 1, 0)", "{s}.st_contour({r}, 1, -2)",
                                  "{s}.st_contour({s}.st_setsrid({r}, 0))"])
def test_contour_errors(sql, call):
    pg, pl = compare(sql, "ST_Contour errors", "SELECT count(*) FROM %s AS c" % call,
                     {"r": RASTERS["64BF"]})
    assert pg.failed and pl.sqlstate == "22023"
