"""What a raster column's constraints say, read as PostGIS 3.3's raster_columns reads them.

PostGIS finds a constraint by the column it involves and by a LIKE pattern on its text
(pg_get_constraintdef), not by its name, and takes the value after ' = ' (or ' @ ', or
inside ARRAY[...]). Each reader here follows the same rule, so a renamed or hand-written
constraint reads as it does in PostGIS. Where several constraints match, the first by
name counts. A value PostgreSQL could not cast reads as None (PostGIS raises there).
"""
import re
from typing import NamedTuple, Optional, Tuple

from .pgtext import (like, parse_array, round_numeric, split_part, strip_chars, to_bool,
                     to_float, to_int)


class Constraint(NamedTuple):
    """One pg_constraint row of the table, with what the readers need."""

    name: str
    contype: str
    conkey: Tuple[int, ...]
    definition: str                            # pg_get_constraintdef(oid)
    exclusion_column: Optional[str] = None     # pg_get_indexdef(conindid, 1, true)
    exclusion_operator: Optional[str] = None   # oprname of conexclop[1]


def _matching(constraints, attnum, pattern):
    return [c for c in constraints if attnum in (c.conkey or ()) and like(c.definition, pattern)]


def _first_value(constraints, attnum, pattern, read):
    found = _matching(constraints, attnum, pattern)
    return read(found[0].definition) if found else None


def _after_equals(definition):
    return strip_chars(split_part(definition, " = ", 2), "()")


def srid(constraints, attnum):
    """_raster_constraint_info_srid: the integer after ' = ' in an st_srid( constraint."""
    return _first_value(constraints, attnum, "%st_srid(% = %",
                        lambda d: to_int(_after_equals(d)))


def scale(constraints, attnum, axis):
    """_raster_constraint_info_scale: the number in round(<value>::numeric, 10)."""
    def read(definition):
        value = split_part(split_part(definition, " = ", 2), "::", 1)
        value = strip_chars(value.replace("round(", ""), " '()")
        if split_part(value, ",", 2) > "":
            places = to_int(split_part(value, ",", 2))
            return None if places is None else round_numeric(split_part(value, ",", 1), places)
        return to_float(value)
    return _first_value(constraints, attnum, "%st_scale" + axis + "(% = %", read)


_ARRAY_BODY = re.compile(r"ARRAY\[(.*?)\]", re.DOTALL)


def blocksize(constraints, attnum, axis):
    """_raster_constraint_info_blocksize: the value of st_width( = n, or the first of
    st_width( = ANY (ARRAY[...]) (the most frequent width when the constraint was made)."""
    def read(definition):
        if "ANY (ARRAY[" in definition:
            body = _ARRAY_BODY.search(definition)
            return None if body is None else to_int(split_part(body.group(1), ",", 1))
        return to_int(strip_chars(split_part(definition, "= ", 2), "()"))
    return _first_value(constraints, attnum, "%st_" + axis + "(%= %", read)


def extent(constraints, attnum):
    """_raster_constraint_info_extent: the geometry literal after ' @ ', as hex EWKB text."""
    def read(definition):
        return split_part(split_part(definition, " @ ", 2).strip(" "), "::", 1).strip("'")
    return _first_value(constraints, attnum, "%st_envelope(% @ %", read)


def _exists(constraints, attnum, pattern):
    return True if _matching(constraints, attnum, pattern) else None


def alignment(constraints, attnum):
    """_raster_constraint_info_alignment: True when an st_samealignment( constraint exists."""
    return _exists(constraints, attnum, "%st_samealignment(%")


def coverage_tile(constraints, attnum):
    """_raster_constraint_info_coverage_tile: True when an st_iscoveragetile( constraint exists."""
    return _exists(constraints, attnum, "%st_iscoveragetile(%")


def _geometry_cast(column):
    """The index column text of EXCLUDE ((col::geometry) WITH =) as PostGIS writes it, or
    of EXCLUDE ((geometry(col)) WITH =) as plraster does, schema-qualified or not."""
    col = re.escape(column)
    return re.compile(r"\(%s::(?:[^.()]+\.)?geometry\)|(?:[^.()]+\.)?geometry\(%s\)" % (col, col),
                      re.DOTALL)


def spatially_unique(constraints, column_quoted):
    """_raster_constraint_info_spatially_unique: an exclusion constraint on the footprint
    WITH =. PostGIS's text match depends on the reader's search_path; this takes the
    footprint with or without the schema."""
    pattern = _geometry_cast(column_quoted)
    for c in constraints:
        if (c.contype == "x" and 0 in (c.conkey or ()) and c.exclusion_operator == "="
                and c.exclusion_column is not None and pattern.fullmatch(c.exclusion_column)):
            return True
    return None


def regular_blocking(constraints, attnum, column_quoted):
    """_raster_constraint_info_regular_blocking: coverage tile and spatially unique."""
    return bool(coverage_tile(constraints, attnum)) and bool(spatially_unique(constraints, column_quoted))


def num_bands(constraints, attnum):
    """_raster_constraint_info_num_bands: the integer after ' = ' in an st_numbands( constraint."""
    return _first_value(constraints, attnum, "%st_numbands(%", lambda d: to_int(_after_equals(d)))


def _array_after_equals(definition, element):
    literal = split_part(_after_equals(definition), "::", 1).strip("'")
    return parse_array(literal, element)


def pixel_types(constraints, attnum):
    """_raster_constraint_info_pixel_types: the text[] literal of the pixel type constraint."""
    return _first_value(constraints, attnum, "%_raster_constraint_pixel_types(%",
                        lambda d: _array_after_equals(d, lambda s: s))


def nodata_values(constraints, attnum):
    """_raster_constraint_info_nodata_values: the nodata constraint's literal as float8[]."""
    return _first_value(constraints, attnum, "%_raster_constraint_nodata_values(%",
                        lambda d: _array_after_equals(d, to_float))


def out_db(constraints, attnum):
    """_raster_constraint_info_out_db: the out-db constraint's literal as boolean[]."""
    return _first_value(constraints, attnum, "%_raster_constraint_out_db(%",
                        lambda d: _array_after_equals(d, to_bool))


def spatial_index(index_expressions, column):
    """_raster_constraint_info_index: a GiST index of the table whose expression text
    contains the column name (PostGIS's test, a plain substring)."""
    return True if any(e is not None and column in e for e in index_expressions) else None


def overview(constraints):
    """raster_overviews' reading: (refschema, reftable, refcolumn, factor) of every
    _overview_constraint( constraint of the table (PostGIS does not tie it to a column)."""
    found = [c for c in constraints if like(c.definition, "%_overview_constraint(%")]
    return [overview_reference(c.definition) for c in found]


def overview_of_column(constraints, attnum):
    """_overview_constraint_info: the reference of the column's first overview constraint."""
    found = _matching(constraints, attnum, "%_overview_constraint(%")
    return overview_reference(found[0].definition) if found else None


def overview_reference(definition):
    """The reference read from one overview constraint's text."""
    names = [split_part(split_part(definition, "'::name", i), "'", 2) for i in (1, 2, 3)]
    return tuple(names) + (to_int(split_part(definition, ",", 2).strip(" ")),)
