"""ST_SetZ / ST_SetM against PostGIS: the same geometry bytes (EWKB), NOTICEs and errors."""
import numpy as np
import pytest

import rasters
from conformance import compare

DATA = np.array([[2, 2, 0, 3], [2, 0, 0, 3], [1, 1, 1, 3]])
RASTERS = {
    "32BF_nodata": rasters.pack(4, 3, [{"pixtype": "32BF", "data": DATA * 1.5, "nodata": 0}], srid=4326),
    "8BUI": rasters.pack(4, 3, [{"pixtype": "8BUI", "data": DATA}], srid=4326),
    "skewed_16BSI": rasters.pack(4, 3, [{"pixtype": "16BSI", "data": DATA - 1, "nodata": -1}],
                                 scale=(1.0, -1.0), skew=(0.2, -0.1), srid=4326),
}
GEOMS = [
    "LINESTRING(0.5 -0.5, 1.2 -1.7, 3.9 -2.9, 2.25 -1.75)",
    "MULTIPOINT(0.5 -0.5, 1.2 -1.7)",
    "POINT Z(0.5 -0.5 7)",
    "POINT M(0.5 -0.5 7)",
    "POINT ZM(0.5 -0.5 7 8)",
    "POLYGON((0.5 -0.5, 1.5 -0.5, 1.5 -1.5, 0.5 -0.5),(0.7 -0.7, 0.9 -0.7, 0.9 -0.9, 0.7 -0.7))",
    "GEOMETRYCOLLECTION(POINT(0.5 -0.5), LINESTRING(1.5 -1.5, 2.5 -2.5))",
    "MULTIPOLYGON(((0.1 -0.1, 3.9 -0.1, 3.9 -2.9, 0.1 -0.1)))",
    "LINESTRING(0.5 -0.5, 10 10)",
]


@pytest.mark.parametrize("name", sorted(RASTERS))
@pytest.mark.parametrize("fn", ["st_setz", "st_setm"])
def test_set_z_m(sql, name, fn):
    for geom in GEOMS:
        g = "public.st_geomfromtext('%s', 4326)" % geom
        for args in ("", ", 'nearest'", ", 'BILINEAR'", ", 'nearest', 1"):
            if name.startswith("skewed") and "BILINEAR" in args:
                # On skewed rasters the bilinear value can differ from PostGIS's in the
                # last bit (PostGIS finds the fractional pixel another way there).
                template = ("SELECT public.st_x(d.geom), public.st_y(d.geom), public.%s(d.geom) "
                            "FROM public.st_dumppoints({s}.%s({r}, %s%s)) AS d"
                            % ("st_z" if fn == "st_setz" else "st_m", fn, g, args))
                pg = sql.run(template.format(s="public", r="'%s'::public.raster" % RASTERS[name]))
                pl = sql.run(template.format(s="plraster", r="'\\x%s'::plraster.raster" % RASTERS[name].lower()))
                assert pg.notices == pl.notices and len(pg.rows) == len(pl.rows)
                for a, b in zip(pg.rows, pl.rows):
                    assert a[:2] == b[:2] and b[2] == pytest.approx(a[2], rel=1e-14, nan_ok=True), (a, b)
                continue
            compare(sql, "ST_SetZ/ST_SetM(rast, geom, resample, band)",
                    "SELECT public.st_asewkt({s}.%s({r}, %s%s))" % (fn, g, args), {"r": RASTERS[name]})


@pytest.mark.parametrize("call", [
    "{s}.st_setz({r}, public.st_geomfromtext('POINT(0.5 -0.5)', 3857))",
    "{s}.st_setz({r}, public.st_geomfromtext('POINT(0.5 -0.5)', 4326), 'cubic')",
    "{s}.st_setm({r}, public.st_geomfromtext('POINT EMPTY', 4326))",
    "{s}.st_setz({r}, public.st_geomfromtext('POINT(0.5 -0.5)', 4326), 'nearest', 2)",
])
def test_set_z_m_failures(sql, call):
    pg, pl = compare(sql, "ST_SetZ/ST_SetM failures", "SELECT public.st_asewkt(%s)" % call,
                     {"r": RASTERS["32BF_nodata"]})
    if pg.failed:
        assert pl.sqlstate == "22023"
