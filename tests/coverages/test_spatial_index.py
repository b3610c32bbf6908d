"""GiST index use by the raster operators and ST_Intersects, on a 100,000-tile coverage.

raster2pgsql -I indexes `st_convexhull(rast)`. plraster's operator functions inline to
`st_convexhull(rast) && ...`, so EXPLAIN must show an index scan on that index for every
form, and the rows found must be PostGIS's on a twin table (same tiles, PostGIS raster).
"""
import json

import psycopg
import pytest

import pgserver

SIDE = 400     # tiles per row of the coverage
TILES = 100000
TILE = 10      # pixels per tile side, 1 unit per pixel, SRID 4326

WINDOW = "POLYGON((1000 -2000, 1035 -2000, 1035 -1965, 1000 -1965, 1000 -2000))"
POINT = "POINT(1234.5 -2001.5)"


@pytest.fixture(scope="module")
def coverage(server):
    """A database with the two twin coverages, indexed as raster2pgsql -I does, analyzed."""
    url = pgserver.create_database(server, "spatial_index")
    conn = psycopg.connect(url, autocommit=True)
    for schema, table in (("public", "pg_tiles"), ("plraster", "pl_tiles")):
        # PostGIS's own SQL functions resolve some names through the search_path.
        conn.execute("SET search_path = %s" % ("public" if schema == "public" else "plraster, public"))
        # Every tile has a band with nodata 0; tiles whose rid is a multiple of 7 hold only
        # nodata, so the band forms differ from the convex-hull forms there.
        conn.execute(
            """CREATE TABLE {t} AS
               SELECT i AS rid,
                      {s}.st_addband({s}.st_makeemptyraster({n}, {n}, (i % {side}) * {n},
                                                          -(i / {side}) * {n}, 1, -1, 0, 0, 4326),
                                     '8BUI'::text, CASE WHEN i % 7 = 0 THEN 0 ELSE 1 END, 0) AS rast
                 FROM generate_series(0, {count} - 1) AS i""".format(
                t=table, s=schema, n=TILE, side=SIDE, count=TILES))
        conn.execute("ALTER TABLE {t} ADD PRIMARY KEY (rid)".format(t=table))
        conn.execute("CREATE INDEX {t}_rast_gist ON {t} USING gist ({s}.st_convexhull(rast))"
                     .format(t=table, s=schema))
        conn.execute("ANALYZE {t}".format(t=table))
    conn.execute("SET search_path = plraster, public")  # GDAL and QGIS send unqualified operators
    yield conn
    conn.close()
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute("DROP DATABASE spatial_index")


FORMS = [
    # (label, condition on x.rast; o.rast is tile 40401, joined by key; {s} = schema)
    ("rast && geom (no SRID, as GDAL sends)", "x.rast && ST_GeomFromText('%s')" % WINDOW),
    ("rast && geom (SRID, as QGIS sends)", "x.rast && ST_GeomFromText('%s', 4326)" % WINDOW),
    ("geom && rast", "ST_GeomFromText('%s', 4326) && x.rast" % WINDOW),
    ("rast ~ geom", "x.rast ~ ST_GeomFromText('%s', 4326)" % POINT),
    ("geom @ rast", "ST_GeomFromText('%s', 4326) @ x.rast" % POINT),
    ("rast @ geom", "x.rast @ ST_GeomFromText('%s', 4326)" % WINDOW),
    ("geom ~ rast", "ST_GeomFromText('%s', 4326) ~ x.rast" % WINDOW),
    ("ST_Intersects(rast, geom)", "{s}.st_intersects(x.rast, ST_GeomFromText('%s', 4326))" % WINDOW),
    ("ST_Intersects(geom, rast)", "{s}.st_intersects(ST_GeomFromText('%s', 4326), x.rast)" % WINDOW),
    ("ST_Intersects(rast, geom, band)",
     "{s}.st_intersects(x.rast, ST_GeomFromText('%s', 4326), 1)" % WINDOW),
    ("ST_Intersects(rast, band, geom)",
     "{s}.st_intersects(x.rast, 1, ST_GeomFromText('%s', 4326))" % WINDOW),
    ("rast && rast", "x.rast && o.rast"),
    ("rast ~= rast", "x.rast ~= o.rast"),
    ("rast @ rast", "o.rast @ x.rast"),
    ("ST_Intersects(rast, rast)", "{s}.st_intersects(x.rast, o.rast)"),
    ("ST_Intersects(rast, band, rast, band)", "{s}.st_intersects(x.rast, 1, o.rast, 1)"),
    ("ST_DWithin(rast, rast, d)", "{s}.st_dwithin(x.rast, o.rast, 15::float8)"),
    ("ST_Contains(rast, rast)", "{s}.st_contains(o.rast, x.rast)"),
]


def _index_scans(plan):
    found = []
    if plan.get("Node Type") in ("Index Scan", "Bitmap Index Scan", "Index Only Scan"):
        found.append(plan.get("Index Name"))
    for child in plan.get("Plans", []):
        found += _index_scans(child)
    return found


@pytest.mark.parametrize("label,where", FORMS, ids=[f[0] for f in FORMS])
def test_index_used_and_rows_as_postgis(coverage, label, where):
    rows = {}
    for schema, table in (("public", "pg_tiles"), ("plraster", "pl_tiles")):
        query = ("SELECT x.rid FROM {t} x, {t} o WHERE o.rid = 40401 AND ".format(t=table)
                 + where.format(s=schema))
        plan = coverage.execute("EXPLAIN (FORMAT JSON) " + query).fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        # PostGIS itself does not always take the index for the raster/raster forms
        # (its operator functions go through the rast::geometry cast); plraster must.
        if schema == "plraster":
            assert table + "_rast_gist" in _index_scans(plan[0]["Plan"]), (label, plan)
        rows[schema] = sorted(r[0] for r in coverage.execute(query).fetchall())
    assert rows["plraster"] == rows["public"], label
    assert rows["plraster"], label


def test_join_uses_index(coverage):
    """A spatial join of a few tiles against the coverage: a nested loop over the index."""
    for schema, table in (("plraster", "pl_tiles"),):
        query = ("SELECT a.rid, b.rid FROM {t} a JOIN {t} b ON {s}.st_intersects(a.rast, b.rast) "
                 "WHERE a.rid IN (0, 401, 40401) ORDER BY 1, 2").format(t=table, s=schema)
        plan = coverage.execute("EXPLAIN (FORMAT JSON) " + query).fetchone()[0]
        assert table + "_rast_gist" in _index_scans(plan[0]["Plan"]), (schema, plan)
    pg = coverage.execute(query.replace("pl_tiles", "pg_tiles").replace("plraster.", "public.")
                          ).fetchall()
    pl = coverage.execute(query).fetchall()
    assert pl == pg and len(pl) == 4 + 9 + 9
