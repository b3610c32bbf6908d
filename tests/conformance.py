"""Run the same SQL through PostGIS raster and through plraster, and compare.

A template is SQL with `{s}` where the raster functions' schema goes (public for PostGIS,
plraster for plraster) and `{r}`, `{r1}`, ... where raster literals go, given as hex WKB.
Results, NOTICEs and errors must agree. PostGIS reports malformed input as XX000 (internal
error); plraster uses a class-22 data exception there, which is a deliberate difference.
"""
import math

import psycopg

import pgserver

POSTGIS = "public"
PLRASTER = "plraster"

# Forms compared, by label, with whether they agreed every time.
_FORMS = {}

# Where plraster differs from PostGIS on purpose, and why.
DELIBERATE_DIFFERENCES = {
    "ST_AsRaster and ST_Reskew with skew":
        "PostGIS 3.3 searches for a skewed grid that covers the geometry and often fails "
        "(XX000 'Could not run covers test'), searches until statement_timeout, or returns a "
        "grid that does not cover the geometry's envelope; plraster gives the smallest skewed grid "
        "anchored at the envelope that covers it, equal to PostGIS's where PostGIS's covers it "
        "too (tests/analysis/test_clip_asraster.py, tests/warp/test_warp_conformance.py).",
    "SQLSTATE of malformed input":
        "PostGIS raises XX000 (internal error) for malformed WKB and many bad arguments; "
        "plraster raises a fitting class-22 (data exception) or 0A000 code.",
    "16BF pixel type":
        "PostGIS 3.3 rejects pixel type 9; plraster reads and writes it as 16BF, as PostGIS 3.7 does.",
    "big-endian rasters":
        "PostGIS re-serialises every raster little-endian on input; plraster stores the bytes it is "
        "given, so a big-endian raster's text form and rast::bytea are its big-endian bytes "
        "(ST_AsHexWKB and ST_AsBinary agree with PostGIS; tests/test_textio.py).",
    "ST_Clip with a band list that skips band 1":
        "PostGIS 3.3.2 crashes the backend (for example ST_Clip(rast, 2, geom, true) on a two-band raster); "
        "plraster returns the listed bands in the listed order.",
    "ST_Clip without crop, grid rounding":
        "PostGIS 3.3.2 sometimes fails with XX000 'rt_raster_from_two_rasters: The two rasters provided do not "
        "have the same alignment' when crop is false, from its own rounding of the mask grid; plraster clips.",
    "ST_Clip of an invalid polygon":
        "PostGIS 3.3.2 fails with XX000 (GEOS TopologyException) when a self-intersecting polygon crosses "
        "the raster's edge; plraster burns it as GDAL's rasterizer does (it intersects polygons with the "
        "raster's box without GEOS, for speed).",
    "8BSI out-db bands":
        "PostGIS 3.3 with GDAL 3.6 reads them as 16-bit values into a byte buffer (every other pixel 0); "
        "plraster gives the file's values (tests/outdb/test_outdb_other_writers.py).",
    "ST_MapAlgebra with a STRICT callback and NULL userargs":
        "PostGIS calls the callback's C entry point directly, so a STRICT function still runs "
        "when userargs is NULL; plraster calls it through SQL, where PostgreSQL returns NULL "
        "(nodata) without calling it. Declare callbacks without STRICT (PostGIS's own are).",
    "ST_Reclass brackets inside a range":
        "PostGIS reads a reclass range with a bracket inside it ('3-[4', '3]-4', '[]3-4') as an odd "
        "range; plraster reads no number there and gives PostGIS's NOTICE for an invalid expression "
        "(brackets at a range's ends agree: tests/analysis/test_reclass_st_reclass.py).",
    "warping float bands with interpolating kernels":
        "PostGIS reads a warped VRT; plraster runs gdal.Warp on the same 512x128 blocks on MEM "
        "datasets: grids, integer pixels and nearest neighbour are identical, float pixels from "
        "Bilinear/Cubic/CubicSpline/Lanczos may differ in the last bits (measured at most 5e-12 "
        "on values near 1; tests/warp).",
    "ST_Reskew and non-zero skews in warps":
        "plraster refuses a non-zero target skew (0A000) instead of approximating PostGIS's "
        "skewed output grid.",
    "8BSI bands in warps":
        "PostGIS 3.3 with GDAL 3.6 writes a warped 8BSI band as 16-bit values in a byte band; "
        "plraster gives GDAL's 8-bit values.",
    "GDAL drivers":
        "ST_GDALDrivers lists only the drivers plraster may use: ST_AsGDALRaster writes with an "
        "allow-list (GTiff, COG, PNG, JPEG, GIF, ... none whose options name other files), and "
        "ST_FromGDALRaster reads only with the drivers in plraster_gdal_read_drivers (GTiff, PNG, "
        "JPEG, GIF by default; superusers only), not postgis.gdal_enabled_drivers.",
    "ST_GeoTransform xoffset/yoffset":
        "PostGIS 3.3 returns uninitialised memory there (the same tiny denormal numbers whatever the "
        "raster); plraster returns the raster's upper-left corner, which the names describe "
        "(tests/analysis/test_polygons_intersection.py).",
    "ST_CountAgg errors":
        "PostGIS raises P0001 from PL/pgSQL for band < 1, a sample percent outside 0-1 and no rows; "
        "plraster raises 22023 (tests/analysis/test_stats_tables.py).",
    "ST_ValueCount/ST_ValuePercent table form on a tile with no value to count":
        "PostGIS 3.3.2 crashes the backend (SIGSEGV) after its NOTICE; plraster gives the NOTICE and no "
        "rows, as PostGIS does for a tile without the band.",
}


class Outcome:
    """What one statement gave: rows and notices, or an error."""

    def __init__(self, rows=None, notices=(), sqlstate=None, error=None):
        self.rows = rows
        self.notices = list(notices)
        self.sqlstate = sqlstate
        self.error = error

    @property
    def failed(self):
        """True when the statement raised an error."""
        return self.sqlstate is not None

    def __repr__(self):
        if self.failed:
            return "Outcome(error %s: %s)" % (self.sqlstate, self.error)
        return "Outcome(rows=%r, notices=%r)" % (self.rows, self.notices)


class Session:
    """An autocommit connection that captures notices and turns errors into Outcomes."""

    def __init__(self, url):
        self.conn = psycopg.connect(url, autocommit=True)
        pgserver.load_rasters_as_bytes(self.conn)
        self._notices = []
        self.conn.add_notice_handler(self._on_notice)

    def _on_notice(self, diag):
        if diag.severity_nonlocalized in ("NOTICE", "WARNING"):
            self._notices.append(diag.message_primary)

    def run(self, query, params=None):
        """Run one statement; return its Outcome."""
        self._notices.clear()
        try:
            cur = self.conn.execute(query, params)
            rows = cur.fetchall() if cur.description else []
        except psycopg.Error as e:
            return Outcome(notices=self._notices, sqlstate=e.sqlstate,
                           error=e.diag.message_primary)
        return Outcome(rows=rows, notices=self._notices)

    def value(self, query, params=None):
        """Run a query that must succeed; return the first column of its first row."""
        outcome = self.run(query, params)
        assert not outcome.failed, outcome
        return outcome.rows[0][0]

    def close(self):
        """Close the connection."""
        self.conn.close()


def render(template, schema, rasters):
    """Fill a template for one implementation: schema and raster literals."""
    if schema == POSTGIS:
        lits = {k: "'%s'::public.raster" % v.upper() for k, v in rasters.items()}
    else:
        lits = {k: "'\\x%s'::plraster.raster" % v.lower() for k, v in rasters.items()}
    return template.format(s=schema, **lits)


def _same_value(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b))
    return a == b


def agree(pg, pl, compare_notices=True):
    """True when two Outcomes agree: same rows (NaN equals NaN) and notices, or both errors."""
    if pg.failed or pl.failed:
        return pg.failed and pl.failed
    if compare_notices and pg.notices != pl.notices:
        return False
    return _same_value(pg.rows, pl.rows)


def compare(sql, form, template, rasters=None, params=None, compare_notices=True):
    """Run template through PostGIS and plraster; assert they agree; record form.

    Returns the (PostGIS, plraster) Outcomes for further assertions.
    """
    rasters = rasters or {}
    pg = sql.run(render(template, POSTGIS, rasters), params)
    pl = sql.run(render(template, PLRASTER, rasters), params)
    ok = agree(pg, pl, compare_notices)
    _FORMS[form] = _FORMS.get(form, True) and ok
    assert ok, "%s differs:\n  PostGIS:  %r\n  plraster: %r\n  template: %s" % (form, pg, pl, template)
    if pl.failed:
        assert pl.sqlstate != "XX000", "plraster raised an internal error: %r" % pl
    return pg, pl


def report_lines():
    """Lines for the end of the test run: what was compared with PostGIS."""
    if not _FORMS:
        return []
    agreed = sum(1 for ok in _FORMS.values() if ok)
    lines = ["", "conformance with PostGIS raster: %d function forms compared, %d agree"
             % (len(_FORMS), agreed)]
    lines += ["  differs: %s" % f for f, ok in sorted(_FORMS.items()) if not ok]
    lines.append("deliberate differences:")
    lines += ["  %s: %s" % kv for kv in DELIBERATE_DIFFERENCES.items()]
    return lines
