"""Spatial operators and relationship functions of rasters, compared with PostGIS raster.

The operators compare the bounding boxes of the convex hulls; the relationship functions
without bands compare the convex hulls, with bands the pixels that are not nodata. Every
form PostGIS 3.3 has runs through both implementations on catalogue rasters and on random
pairs (overlapping, adjacent, disjoint, touching, with nodata holes, skewed).

One deliberate difference: PostGIS computes the band form of ST_Intersects (and so of
ST_Disjoint) with a sampling algorithm of its own that misses or invents intersections in
some cases where a raster lies across another's nodata pixels; plraster answers exactly
(GEOS on the pixel surfaces). Where the two differ, plraster must agree with PostGIS's own
geometry answer: ST_Intersects of the two bands' ST_Polygon.
"""
import random

import numpy as np
import pytest

from conformance import compare
from rasters import catalogue, pack

CAT = catalogue()
OPERATORS = ["&&", "&<", "&>", "<<", ">>", "<<|", "|>>", "&<|", "|&>", "@", "~", "~=", "="]
PREDICATES = ["intersects", "contains", "containsproperly", "within", "covers", "coveredby",
              "overlaps", "touches", "disjoint"]
# Catalogue rasters with in-db bands (out-db bands would need their files).
INDB = [k for k in CAT if not k.startswith("outdb")]
PROBES = ["8BUI", "8BUI_xdr", "8BUI_nodata", "empty", "empty_2x2", "skewed", "rotated",
          "multiband", "edge_1x1", "outdb"]


def _operator_rows(sql, schema):
    return sorted(sql.run(
        """SELECT o.oprname,
                  CASE WHEN o.oprleft = %(t)s::regtype THEN 'raster' ELSE o.oprleft::regtype::text END,
                  CASE WHEN o.oprright = %(t)s::regtype THEN 'raster' ELSE o.oprright::regtype::text END,
                  c.oprname, o.oprnegate, o.oprrest::text, o.oprjoin::text,
                  o.oprcanhash, o.oprcanmerge
             FROM pg_operator o LEFT JOIN pg_operator c ON c.oid = o.oprcom
            WHERE o.oprleft = %(t)s::regtype OR o.oprright = %(t)s::regtype""",
        {"t": schema + ".raster"}).rows)


def test_operators_declared_as_postgis(sql):
    pg = _operator_rows(sql, "public")
    pl = _operator_rows(sql, "plraster")
    assert len(pg) == 19
    assert pl == pg


def test_hash_operator_class(sql):
    rows = {}
    for schema in ("public", "plraster"):
        rows[schema] = sql.run(
            """SELECT c.opcname, c.opcdefault, o.amopopr::regoperator::text
                 FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
                 JOIN pg_amop o ON o.amopfamily = c.opcfamily
                WHERE a.amname = 'hash' AND c.opcintype = %s::regtype""",
            (schema + ".raster",)).rows
    assert [r[:2] for r in rows["plraster"]] == [r[:2] for r in rows["public"]] == [
        ("hash_raster_ops", True)]


@pytest.mark.parametrize("op", OPERATORS)
def test_operator_on_catalogue(sql, op):
    for probe in PROBES:
        exprs = ", ".join("{r%d} OPERATOR({s}.%s) {p}" % (i, op) for i in range(len(CAT)))
        rasters = {"r%d" % i: v for i, v in enumerate(CAT.values())}
        rasters["p"] = CAT[probe]
        compare(sql, "operator %s" % op, "SELECT " + exprs, rasters)


@pytest.mark.parametrize("op", ["&&", "~", "@"])
def test_geometry_operators(sql, op):
    geoms = ["ST_GeomFromText('POLYGON((100 190,105 190,105 195,100 195,100 190))')",
             "ST_GeomFromText('POLYGON((100 190,105 190,105 195,100 195,100 190))', 4326)",
             "ST_GeomFromText('POINT(101 199)', 4326)",
             "ST_GeomFromText('POLYGON((0 0,2000 0,2000 2000,0 2000,0 0))', 32631)",
             "ST_GeomFromText('LINESTRING(-20 -20, 20 20)')",
             "ST_GeomFromText('POINT EMPTY')"]
    for name, hexwkb in CAT.items():
        for g in geoms:
            compare(sql, "operator raster %s geometry" % op,
                    "SELECT {r} OPERATOR({s}.%s) %s, %s OPERATOR({s}.%s) {r}" % (op, g, g, op),
                    {"r": hexwkb})


def test_equality_is_postgis_raster_eq(sql):
    pairs = [(a, b) for a in INDB for b in ("8BUI", "8BUI_xdr", "16BSI_nodata",
                                              "16BSI_nodata_xdr", "empty", "multiband")]
    for a, b in pairs:
        compare(sql, "operator =", "SELECT {a} OPERATOR({s}.=) {b}", {"a": CAT[a], "b": CAT[b]})
    base = CAT["8BUI"]
    flags = int(base[122:124], 16)
    stray = base[:122] + "%02X" % (flags | 0x10) + base[124:]
    isnodata = base[:122] + "%02X" % (flags | 0x20) + base[124:]
    for other in (base + "00", stray, isnodata):
        pg, pl = compare(sql, "operator =", "SELECT {a} OPERATOR({s}.=) {b}",
                         {"a": base, "b": other}, compare_notices=False)
        assert pl.rows == [(True,)]


def test_group_by_and_distinct(sql):
    """GROUP BY and DISTINCT group equal rasters. Deliberate difference: on plraster's
    domain over bytea they use bytea's btree equality (PostgreSQL prefers a btree class,
    found through the base type, over the domain's hash class), so the same raster in
    both byte orders makes two groups, where PostGIS (raster_eq through hash_raster_ops)
    makes one."""
    template = ("WITH v(r) AS (VALUES ({a}), ({b}), ({c}), ({a})) "
                "SELECT (SELECT count(*) FROM (SELECT r FROM v GROUP BY r) g), "
                "(SELECT count(*) FROM (SELECT DISTINCT r FROM v) d)")
    pg, pl = compare(sql, "GROUP BY raster", template,
                     {"a": CAT["8BUI"], "b": CAT["16BSI"], "c": CAT["8BUI_nodata"]})
    assert pl.rows == [(3, 3)]
    rasters = {"a": CAT["8BUI"], "b": CAT["8BUI_xdr"], "c": CAT["16BSI"]}
    assert sql.run(template.format(a="'%s'::public.raster" % rasters["a"],
                                   b="'%s'::public.raster" % rasters["b"],
                                   c="'%s'::public.raster" % rasters["c"])).rows == [(2, 2)]
    assert sql.run(template.format(**{k: "'\\x%s'::plraster.raster" % v.lower()
                                      for k, v in rasters.items()})).rows == [(3, 3)]


# ------------------------------------------------------------------ relationships

def _forms(d="1.5::float8"):
    forms = []
    for p in PREDICATES:
        forms += ["{s}.st_%s({a}, {b})" % p, "{s}.st_%s({a}, 1, {b}, 1)" % p,
                  "{s}.st_%s({a}, NULL, {b}, 1)" % p]
    for p in ("dwithin", "dfullywithin"):
        forms += ["{s}.st_%s({a}, {b}, %s)" % (p, d), "{s}.st_%s({a}, 1, {b}, 1, %s)" % (p, d),
                  "{s}.st_%s({a}, 1, {b}, NULL, %s)" % (p, d)]
    return forms


def _random_raster(rng, skew):
    w, h = rng.randint(1, 5), rng.randint(1, 5)
    s = rng.choice([1.0, 0.5, 2.0, 0.75])
    sk = rng.choice([(0, 0), (0.25, 0.1), (0.5, 0.3)]) if skew else (0, 0)
    ul = (rng.randint(-6, 6) * 0.5, rng.randint(-6, 6) * 0.5)
    data = np.array([[rng.choice([0, 1, 2, 1, 1]) for _ in range(w)] for _ in range(h)])
    nodata = rng.choice([None, 0, 0, 0, 1])
    return pack(w, h, [{"pixtype": "8BUI", "data": data, "nodata": nodata}],
                scale=(s, -s), ul=ul, skew=sk, srid=4326)


def _band_intersects_exactly(sql, a, b):
    """PostGIS's geometry answer to ST_Intersects(a, 1, b, 1): its bands' ST_Polygon."""
    return sql.value("SELECT coalesce(public.st_intersects(public.st_polygon(%s::public.raster, 1), "
                     "public.st_polygon(%s::public.raster, 1)), false)", (a, b))


@pytest.mark.parametrize("seed,skew", [(1, False), (2, True), (3, False), (4, True)])
def test_relationships_on_random_pairs(sql, seed, skew):
    rng = random.Random(seed)
    exact = {"{s}.st_intersects({a}, 1, {b}, 1)": False, "{s}.st_disjoint({a}, 1, {b}, 1)": True}
    for _ in range(40):
        a, b = _random_raster(rng, skew), _random_raster(rng, skew)
        d = "%s::float8" % rng.choice([0, 0.5, 1, 2.5])
        forms = _forms(d) + ["{s}.st_intersects({a}, {s}.st_convexhull({b}))",
                             "{s}.st_intersects({a}, {s}.st_convexhull({b}), 1)",
                             "{s}.st_intersects({s}.st_convexhull({b}), {a}, 1)",
                             "{s}.st_intersects({a}, 1, ST_Centroid({s}.st_convexhull({b})))"]
        rasters = {"a": a, "b": b}
        for form in forms:
            template = "SELECT " + form
            if form in exact:
                pg = sql.run(template.format(s="public", a="'%s'::public.raster" % a,
                                             b="'%s'::public.raster" % b))
                pl = sql.run(template.format(s="plraster", a="'\\x%s'::plraster.raster" % a.lower(),
                                             b="'\\x%s'::plraster.raster" % b.lower()))
                if pg.rows != pl.rows:  # PostGIS's own algorithm; see the module docstring
                    want = _band_intersects_exactly(sql, a, b) != exact[form]
                    assert pl.rows == [(want,)], (form, a, b)
                    continue
            compare(sql, form.split("(")[0].replace("{s}.", "") + " random", template, rasters)


def test_relationships_on_catalogue(sql):
    pairs = [("8BUI", "8BUI_nodata"), ("8BUI_nodata", "8BUI_nodata_xdr"), ("multiband", "multiband"),
             ("rotated", "rotated"), ("skewed", "skewed"), ("8BUI_isnodata", "edge_1x1"),
             ("edge_1x1", "empty_2x2"), ("16BSI_nodata", "32BF_nodata"), ("64BF", "1BB_nodata")]
    for a, b in pairs:
        for form in _forms():
            compare(sql, form.split("(")[0].replace("{s}.", "") + " catalogue", "SELECT " + form,
                    {"a": CAT[a], "b": CAT[b]})


def _grid(values, ul=(0.0, 4.0), nodata=0, srid=0, scale=1.0):
    data = np.array(values)
    return pack(data.shape[1], data.shape[0],
                [{"pixtype": "8BUI", "data": data, "nodata": nodata}],
                scale=(scale, -scale), ul=ul, srid=srid)


HOLE = _grid([[1, 1, 1, 1], [1, 0, 0, 1], [1, 0, 0, 1], [1, 1, 1, 1]])
INSIDE_HOLE = _grid([[5, 5], [5, 5]], ul=(1.0, 3.0))
ACROSS_HOLE = _grid([[5, 5], [5, 5]], ul=(0.5, 3.5))
ADJACENT = _grid([[1, 1], [1, 1]], ul=(4.0, 4.0))
CORNER = _grid([[1]], ul=(4.0, 5.0))
FAR = _grid([[1]], ul=(40.0, 40.0))
ALL_NODATA = _grid([[0, 0], [0, 0]], ul=(1.0, 3.0))
OTHER_SRID = _grid([[1]], srid=3857)
NO_BANDS = pack(4, 4, [], ul=(0.0, 4.0))


@pytest.mark.parametrize("a,b", [
    (HOLE, INSIDE_HOLE), (INSIDE_HOLE, HOLE), (HOLE, ACROSS_HOLE), (HOLE, ADJACENT),
    (ADJACENT, HOLE), (HOLE, CORNER), (HOLE, FAR), (HOLE, HOLE), (HOLE, ALL_NODATA),
    (ALL_NODATA, ALL_NODATA), (HOLE, OTHER_SRID), (OTHER_SRID, HOLE), (HOLE, NO_BANDS),
    (NO_BANDS, HOLE), (CAT["empty"], HOLE), (HOLE, CAT["empty"]), (CAT["empty"], CAT["empty"]),
])
def test_relationship_cases(sql, a, b):
    """Holes, adjacency, corners, nodata-only bands, SRID mismatch (errors), no bands and
    empty rasters (NOTICEs): every form, with NOTICEs and errors compared."""
    for form in _forms() + _forms("-1::float8"):
        compare(sql, form.split("(")[0].replace("{s}.", "") + " cases", "SELECT " + form,
                {"a": a, "b": b})


def test_band_indexes_and_nulls(sql):
    forms = []
    for p in PREDICATES + ["dwithin", "dfullywithin"]:
        d = ", 1::float8" if p.startswith("d") else ""
        for n1, n2 in ((3, 1), (1, 3), (0, 1), (3, 3), ("NULL", "NULL"), (1, "NULL")):
            forms.append("{s}.st_%s({a}, %s, {b}, %s%s)" % (p, n1, n2, d))
        forms.append("{s}.st_%s({a}, NULL::{s}.raster%s)" % (p, d))
    forms.append("{s}.st_dwithin({a}, {b}, NULL::float8)")
    forms.append("{s}.st_dwithin({a}, 1, {b}, 1, NULL::float8)")
    for a, b in ((HOLE, ACROSS_HOLE), (HOLE, OTHER_SRID), (NO_BANDS, HOLE)):
        for form in forms:
            compare(sql, form.split("(")[0].replace("{s}.", "") + " bands", "SELECT " + form,
                    {"a": a, "b": b})


POINTS = ["POINT(1.5 2.5)", "POINT(0.5 0.5)", "POINT(4 2)", "POINT(50 50)", "POINT EMPTY",
          "LINESTRING(1.2 2.2, 2.8 1.1)", "LINESTRING(-1 -1, 5 5)",
          "POLYGON((1.1 1.1, 2.9 1.1, 2.9 2.9, 1.1 2.9, 1.1 1.1))",
          "POLYGON((-1 -1, 5 -1, 5 5, -1 5, -1 -1))"]


@pytest.mark.parametrize("rast", [HOLE, ALL_NODATA, NO_BANDS, OTHER_SRID, CAT["empty"],
                                  CAT["8BUI_isnodata"], CAT["rotated"], CAT["multiband"]])
def test_intersects_geometry(sql, rast):
    """ST_Intersects(raster, geometry[, band]) and (geometry, raster[, band]), (raster, band,
    geometry): hull without a band, the band's data pixels with one."""
    for wkt in POINTS:
        for srid in (0, 3857):
            g = "ST_GeomFromText('%s', %d)" % (wkt, srid)
            for form in ("{s}.st_intersects({r}, %s)", "{s}.st_intersects(%s, {r})",
                         "{s}.st_intersects({r}, %s, 1)", "{s}.st_intersects(%s, {r}, 1)",
                         "{s}.st_intersects({r}, 1, %s)", "{s}.st_intersects({r}, %s, 2)",
                         "{s}.st_intersects({r}, %s, NULL)", "{s}._st_intersects(%s, {r}, 1)",
                         "{s}.st_intersects({r}, %s, 5)"):
                compare(sql, "st_intersects geometry", "SELECT " + form % g, {"r": rast})
    compare(sql, "st_intersects geometry", "SELECT {s}.st_intersects(NULL::{s}.raster, "
            "ST_GeomFromText('POINT(1 1)'), 1), {s}.st_intersects({r}, NULL::geometry, 1)",
            {"r": rast})


def test_functions_declared_as_postgis(sql):
    query = """SELECT p.proname, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
                      p.provolatile, p.proisstrict, p.proparallel
                 FROM pg_proc p
                WHERE p.pronamespace = %s::regnamespace
                  AND p.proname ~ '^_?st_(intersects|contains|containsproperly|within|covers|coveredby|overlaps|touches|disjoint|dwithin|dfullywithin)$'
                  AND pg_get_function_arguments(p.oid) ~ 'raster'"""
    pg = sorted(sql.run(query, ("public",)).rows)
    pl = sorted(tuple(c.replace("plraster.", "") if isinstance(c, str) else c for c in row)
                for row in sql.run(query, ("plraster",)).rows)
    assert len(pg) == 36
    # _st_contains and _st_overlaps are PARALLEL UNSAFE in PostGIS 3.3 (an oversight there);
    # plraster marks every form safe.
    assert [r[:5] for r in pl] == [r[:5] for r in pg]
