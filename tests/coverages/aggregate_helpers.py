"""Helpers for the ST_SummaryStats(Agg) and ST_Union tests: rasters given as hex WKB are
aggregated in order on both sides (PostGIS in public, plraster in schema plraster)."""
import math
import os
import sys

_TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

import conformance  # noqa: E402
from rasters import pack  # noqa: E402

# The rows of an aggregate, in order: hex WKB (NULL for None) decoded on each side.
ROWS = ("(SELECT {s}.st_rastfromhexwkb(h) AS r, i FROM unnest(%(hexes)s::text[]) "
        "WITH ORDINALITY AS u(h, i)) AS t")

STATS_FIELDS = "(x).count, (x).sum, (x).mean, (x).stddev, (x).min, (x).max"


def raster(data, nodata=None, pixtype="8BUI", isnodata=False, **kw):
    """Hex WKB of a one-band raster from a 2-D list or array."""
    import numpy as np
    data = np.asarray(data, dtype=float)
    return pack(data.shape[1], data.shape[0],
                [dict(pixtype=pixtype, data=data, nodata=nodata, isnodata=isnodata)], **kw)


def bands(bandlist, **kw):
    """Hex WKB of a raster with several bands: [(data, nodata, pixtype)]."""
    import numpy as np
    out = []
    for data, nodata, pixtype in bandlist:
        out.append(dict(pixtype=pixtype, data=np.asarray(data, dtype=float), nodata=nodata))
    h, w = np.asarray(bandlist[0][0]).shape
    return pack(w, h, out, **kw)


def run_both(sql, template, params=None):
    """(PostGIS outcome, plraster outcome) of one template."""
    pg = sql.run(template.format(s=conformance.POSTGIS), params)
    pl = sql.run(template.format(s=conformance.PLRASTER), params)
    return pg, pl


def close(a, b, rel=1e-12):
    """Floats equal, or both NaN, or within rel (for the one-pass vs two-pass stddev)."""
    if a is None or b is None:
        return a is None and b is None
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return a == b or abs(a - b) <= rel * max(abs(a), abs(b))


def assert_stats_agree(pg, pl, form):
    """Same notices, same count/sum/mean/min/max (exactly) and stddev (to 1e-12), or both
    failed; records the form in the conformance report."""
    ok = True
    if pg.failed or pl.failed:
        ok = pg.failed and pl.failed
    else:
        ok = pg.notices == pl.notices and len(pg.rows) == len(pl.rows)
        for a, b in zip(pg.rows, pl.rows):
            ok = ok and conformance._same_value(a[:3] + a[4:], b[:3] + b[4:]) and close(a[3], b[3])
    conformance._FORMS[form] = conformance._FORMS.get(form, True) and ok
    assert ok, "%s differs:\n  PostGIS:  %r\n  plraster: %r" % (form, pg, pl)
    if pl.failed:
        assert pl.sqlstate != "XX000", pl


def _write_tiff():
    """tests/outdb/conftest.py's write_tiff (GeoTIFFs written by gdal_translate)."""
    import importlib.util
    path = os.path.join(_TESTS, "outdb", "conftest.py")
    spec = importlib.util.spec_from_file_location("outdb_conftest_for_aggregates", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_tiff


class OutdbTiles:
    """A GeoTIFF (40 x 30 uint16, nodata 0, upper-left (10, 50), pixel 0.001) opened as an
    out-db source on both sides, and SQL for 2 x 2 out-db tiles of it (16 x 15 pixels)."""

    SETUP = ("SET postgis.enable_outdb_rasters = true",
             "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")

    def __init__(self, sql, directory):
        import numpy as np
        os.chmod(directory, 0o755)
        rng = np.random.default_rng(4)
        self.pixels = rng.integers(0, 500, (30, 40)).astype(np.uint16)
        self.pixels[5:9, 3:30] = 0
        self.path = _write_tiff()(os.path.join(str(directory), "agg.tif"), self.pixels,
                                  10.0, 50.0, 0.001, nodata=0, cog=False, blocksize=16)
        self.sql = sql
        for statement in self.SETUP:
            sql.run(statement)
        out = sql.run("SELECT plraster.plraster_add_source(%s, '{}'::jsonb)",
                      (str(directory) + "/",))
        assert not out.failed, out
        self.prefix = out.rows[0][0]

    def rows(self):
        """SQL (with {s}) of a relation (r, i): the four out-db tiles in order."""
        tiles = []
        for i, (col, row) in enumerate([(0, 0), (16, 0), (0, 15), (16, 15)], 1):
            tiles.append("SELECT {s}.st_addband({s}.st_makeemptyraster(16, 15, %r, %r, 0.001, "
                         "-0.001, 0, 0, 4326), 1, '%s', ARRAY[1], NULL) AS r, %d AS i"
                         % (10.0 + col * 0.001, 50.0 - row * 0.001, self.path, i))
        return "(" + " UNION ALL ".join(tiles) + ") AS t"

    def close(self):
        """Drop the source and restore the session."""
        self.sql.run("SELECT plraster.plraster_drop_source(%s)", (self.prefix,))
        self.sql.run("RESET postgis.enable_outdb_rasters")
        self.sql.run("RESET postgis.gdal_enabled_drivers")
