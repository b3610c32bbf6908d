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
    "SQLSTATE of malformed input":
        "PostGIS raises XX000 (internal error) for malformed WKB and many bad arguments; "
        "plraster raises a fitting class-22 (data exception) or 0A000 code.",
    "16BF pixel type":
        "PostGIS 3.3 rejects pixel type 9; plraster reads and writes it as 16BF, as PostGIS 3.7 does.",
    "big-endian rasters":
        "PostGIS re-serialises every raster little-endian on input; plraster stores the bytes it is "
        "given, so a big-endian raster's text form and rast::bytea are its big-endian bytes "
        "(ST_AsHexWKB and ST_AsBinary agree with PostGIS; tests/test_textio.py).",
    "8BSI out-db bands":
        "PostGIS 3.3 with GDAL 3.6 reads them as 16-bit values into a byte buffer (every other pixel 0); "
        "plraster gives the file's values (tests/outdb/test_outdb_other_writers.py).",
    "ST_GeoTransform xoffset/yoffset":
        "PostGIS 3.3 returns uninitialised memory there (the same tiny denormal numbers whatever the "
        "raster); plraster returns the raster's upper-left corner, which the names describe "
        "(tests/analysis/test_polygons_intersection.py).",
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
