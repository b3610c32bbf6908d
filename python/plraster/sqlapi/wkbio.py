"""SQL adapters for sql/10-io.sql: raster WKB in and out."""
from plraster.functions import wkbio
from . import sql_function


@sql_function
def as_binary(rast, outasin):
    """ST_AsBinary / ST_AsWKB: the raster's WKB, little-endian, as PostGIS writes it."""
    return wkbio.canonical_wkb(rast, outasin)


@sql_function
def as_hex(rast, outasin):
    """ST_AsHexWKB: upper-case hex of ST_AsBinary."""
    return wkbio.canonical_wkb(rast, outasin).hex().upper()


@sql_function
def from_wkb(wkb):
    """ST_RastFromWKB: check and re-serialise WKB (either byte order) as PostGIS does."""
    return wkbio.canonical_wkb(wkb)


@sql_function
def from_hex(text):
    """ST_RastFromHexWKB: decode hex WKB text, then as ST_RastFromWKB."""
    return wkbio.from_hex(text)
