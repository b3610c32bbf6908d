"""The SQL of each raster constraint, shaped as PostGIS 3.3 writes it.

Names are passed in already quoted (`Names`). plraster's functions are called through
the extension's schema and PostGIS's types and operators through PostGIS's, so a
constraint means the same whatever the search_path; pg_get_constraintdef prints it as
PostGIS's when both schemas are on the search_path.
"""
from typing import NamedTuple


class Names(NamedTuple):
    """Quoted identifiers of one management call."""

    ext: str       # plraster's schema
    postgis: str   # PostGIS's schema
    table: str     # [schema.]table, as PostGIS builds it (no schema when none was given)
    column: str

    def sample(self, expression):
        """One value of expression over the first non-NULL raster of the column."""
        return "SELECT %s FROM %s WHERE %s IS NOT NULL LIMIT 1" % (expression, self.table, self.column)

    def fn(self, name):
        """A call of plraster's function name on the column."""
        return "%s.%s(%s)" % (self.ext, name, self.column)

    def add_check(self, constraint, check, suffix=""):
        """ALTER TABLE ... ADD CONSTRAINT ... CHECK (...)."""
        return "ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s)%s" % (self.table, constraint, check, suffix)


def qualified_table(quote_ident, schema, table):
    """PostGIS's fqtn: quote_ident(schema) || '.' || quote_ident(table), or the table alone."""
    prefix = quote_ident(schema) + "." if schema else ""
    return prefix + quote_ident(table)


def srid(n, value):
    """enforce_srid_<col>."""
    return "%s.st_srid(%s) = %s" % (n.ext, n.column, value)


def scale(n, axis, value_text):
    """enforce_scale<axis>_<col>: rounded to 10 decimals on both sides."""
    return "round(%s::numeric, 10) = round(%s::numeric, 10)" % (n.fn("st_scale" + axis), value_text)


def blocksize(n, axis, values):
    """enforce_<width|height>_<col>: every size seen, most frequent first."""
    return "%s IN (%s)" % (n.fn("st_" + axis), ",".join(str(v) for v in values))


def raster_literal(n, wkb):
    """A raster constant: its bytes in bytea's hex form, typed as plraster's raster."""
    return "'\\x%s'::%s.raster" % (bytes(wkb).hex(), n.ext)


def same_alignment(n, reference_wkb):
    """enforce_same_alignment_<col>: aligned with a 1x1 raster at the sample's corner."""
    return "%s.st_samealignment(%s, %s)" % (n.ext, n.column, raster_literal(n, reference_wkb))


def coverage_tile(n, coverage_wkb, tile_width, tile_height):
    """enforce_coverage_tile_<col>: a tile of the coverage's grid."""
    return "%s.st_iscoveragetile(%s, %s, %d, %d)" % (
        n.ext, n.column, raster_literal(n, coverage_wkb), tile_width, tile_height)


def spatially_unique(n, constraint):
    """enforce_spatially_unique_<table>_<col>: no two tiles with the same footprint.

    As PostGIS writes it: (col::geometry), plraster's cast to the convex hull."""
    return "ALTER TABLE %s ADD CONSTRAINT %s EXCLUDE ((%s::geometry) WITH =)" % (
        n.table, constraint, n.column)


def num_bands(n, value):
    """enforce_num_bands_<col>."""
    return "%s = %s" % (n.fn("st_numbands"), value)


def pixel_types(n, names):
    """enforce_pixel_types_<col>."""
    return "%s = '{%s}'::text[]" % (n.fn("_raster_constraint_pixel_types"),
                                     ",".join('"%s"' % t for t in names))


def nodata_values(n, texts):
    """enforce_nodata_values_<col>: numeric texts, NULL for a band without nodata."""
    return "%s::numeric[] = '{%s}'::numeric[]" % (
        n.fn("_raster_constraint_nodata_values"), ",".join("NULL" if t is None else t for t in texts))


def out_db(n, flags):
    """enforce_out_db_<col>."""
    return " %s = '{%s}'::boolean[]" % (
        n.fn("_raster_constraint_out_db"), ",".join("FALSE" if f is False else "TRUE" for f in flags))


def extent(n, hexewkb):
    """enforce_max_extent_<col>: every envelope within the extent (added NOT VALID)."""
    return " %s OPERATOR(%s.@) '%s'::%s.geometry" % (n.fn("st_envelope"), n.postgis, hexewkb, n.postgis)


def extent_query(n, srid_value):
    """The hex EWKB of the column's extent with the sample's SRID."""
    p = n.postgis
    return "SELECT %s.st_ashexewkb(%s.st_setsrid(%s.st_extent(%s), %d)) FROM %s" % (
        p, p, p, n.fn("st_envelope"), srid_value, n.table)


def coverage_query(n):
    """Largest scale, skew and tile size, and the envelope of the union of the hulls."""
    p = n.postgis
    return ("WITH foo AS (SELECT %s.st_metadata(%s) AS meta, %s AS hull FROM %s), "
            "u AS (SELECT pg_catalog.max((meta).scalex) AS scalex, pg_catalog.max((meta).scaley) AS scaley, "
            "pg_catalog.max((meta).skewx) AS skewx, pg_catalog.max((meta).skewy) AS skewy, "
            "pg_catalog.max((meta).width) AS width, pg_catalog.max((meta).height) AS height, "
            "%s.st_union(hull) AS hull FROM foo) "
            "SELECT scalex, scaley, skewx, skewy, width, height, %s.st_srid(hull) AS srid, "
            "%s.st_xmin(hull) AS xmin, %s.st_ymin(hull) AS ymin, "
            "%s.st_xmax(hull) AS xmax, %s.st_ymax(hull) AS ymax FROM u"
            % (n.ext, n.column, n.fn("st_convexhull"), n.table, p, p, p, p, p, p))


def overview(n, factor, refschema, reftable, refcolumn, quote_literal):
    """enforce_overview_<col>: the reference raster column and the factor."""
    return " %s._overview_constraint(%s,%d,%s,%s,%s)" % (
        n.ext, n.column, factor, quote_literal(refschema), quote_literal(reftable),
        quote_literal(refcolumn))


def set_srid(n, srid_value):
    """UpdateRasterSRID's UPDATE."""
    return "UPDATE %s SET %s =  %s.ST_SetSRID(%s::%s.raster, %d)" % (
        n.table, n.column, n.ext, n.column, n.ext, srid_value)
