"""Twin tables for the catalog tests: the same rasters in a PostGIS raster table (schema
cov_pg, type public.raster) and a plraster table (schema cov_pl, type plraster.raster),
side by side in the shared database, so raster_columns, raster_overviews and the
constraints of one can be compared with the other's."""
import re

PG, PL = "cov_pg", "cov_pl"
SIDES = {PG: "public", PL: "plraster"}   # table schema -> schema of its raster functions

CATALOG_FIELDS = ("r_raster_column, srid, scale_x, scale_y, blocksize_x, blocksize_y, "
                  "same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, "
                  "out_db, extent::text, spatial_index")


class Twins:
    """Creates tables on both sides, runs the same statement on both, compares catalogs."""

    def __init__(self, sql):
        self.sql = sql
        self.tables = []

    def run(self, side, template, **kw):
        """Run template on one side: {t} is the side's table schema, {s} its function schema."""
        return self.sql.run(template.format(t=side, s=SIDES[side], **kw))

    def both(self, template, **kw):
        """Run template on both sides; return (PostGIS outcome, plraster outcome)."""
        return self.run(PG, template, **kw), self.run(PL, template, **kw)

    def both_on_path(self, template, **kw):
        """Run template on both sides, each with its table schema first on the search_path
        (for the forms that find the table there)."""
        outcomes = []
        for side in (PG, PL):
            self.sql.run("SET search_path = %s, public" % side)
            try:
                outcomes.append(self.run(side, template, **kw))
            finally:
                self.sql.run("RESET search_path")
        return tuple(outcomes)

    def create(self, table, rasters=(), columns="rid serial PRIMARY KEY, rast {s}.raster"):
        """The same table with the same rasters (hex WKB, None for NULL) on both sides."""
        self.tables.append(table)
        for side in (PG, PL):
            out = self.run(side, "CREATE TABLE {t}.%s (%s)" % (table, columns))
            assert not out.failed, out
            for hexwkb in rasters:
                value = "NULL" if hexwkb is None else "{s}.st_rastfromhexwkb('%s')" % hexwkb
                out = self.run(side, "INSERT INTO {t}.%s (rast) VALUES (%s)" % (table, value))
                assert not out.failed, out
        return table

    def catalog(self, side, table, view="raster_columns"):
        """A side's raster_columns rows for the table (column order), without the names."""
        out = self.sql.run(
            "SELECT %s FROM %s.%s WHERE r_table_schema = %%s AND r_table_name = %%s "
            "ORDER BY r_raster_column" % (CATALOG_FIELDS, SIDES[side], view), (side, table))
        assert not out.failed, out
        return out.rows

    def overviews(self, side, table):
        """A side's raster_overviews rows for the overview table, reference schema normalised."""
        out = self.sql.run(
            "SELECT o_raster_column, r_table_schema, r_table_name, r_raster_column, "
            "overview_factor, o_table_catalog = r_table_catalog FROM %s.raster_overviews "
            "WHERE o_table_schema = %%s AND o_table_name = %%s ORDER BY 1, 3"
            % SIDES[side], (side, table))
        assert not out.failed, out
        return [tuple(PG if v == side else v for v in row) for row in out.rows]

    def constraints(self, side, table):
        """(name, definition) of the side's table constraints, normalised for schema."""
        out = self.sql.run(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = to_regclass(%s) ORDER BY conname", ("%s.%s" % (side, table),))
        assert not out.failed, out
        return [(name, normalise(text)) for name, text in out.rows]

    def assert_same_catalog(self, table):
        """raster_columns agree for the twin tables, and so do their constraints."""
        pg, pl = self.catalog(PG, table), self.catalog(PL, table)
        assert pg == pl, "raster_columns differ for %s:\n  PostGIS:  %r\n  plraster: %r" % (table, pg, pl)
        pgc, plc = self.constraints(PG, table), self.constraints(PL, table)
        assert pgc == plc, "constraints differ for %s:\n  PostGIS:  %r\n  plraster: %r" % (table, pgc, plc)
        return pl

    def drop_all(self):
        """Drop every table made, on both sides."""
        for table in reversed(self.tables):
            for side in (PG, PL):
                self.sql.run("DROP TABLE IF EXISTS %s.%s CASCADE" % (side, table))


def normalise(text):
    """A constraint or NOTICE text with schemas dropped and raster literals as PostGIS prints them."""
    text = re.sub(r"\b(?:public|plraster|cov_pg|cov_pl)\.", "", text)
    text = re.sub(r"'cov_p[gl]'", "'cov'", text)
    # PostGIS's spatially unique constraint casts (rast::geometry); plraster calls geometry(rast)
    text = re.sub(r"\(\((\w+)\)::geometry\)", r"geometry(\1)", text)
    # plraster's literal deparses as ('<HEX>'::plraster_wkb)::raster (a domain over its base type)
    text = re.sub(r"\('(?:\\x)?([0-9a-fA-F]+)'::(?:bytea|plraster_wkb)\)::raster|'\\x([0-9a-fA-F]+)'::raster",
                  lambda m: "'%s'::raster" % (m.group(1) or m.group(2)).upper(), text)
    return text


def normalise_outcome(outcome):
    """An Outcome's rows, notices (normalised) and whether it failed, for comparing sides."""
    return (outcome.rows, [normalise(n) for n in outcome.notices], outcome.failed)
