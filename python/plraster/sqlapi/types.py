"""SQL adapters for sql/00-types.sql: the raster domain's check and the version."""
from .. import __version__, wkb
from ..errors import InvalidRasterError
from . import sql_function


@sql_function
def reject_wkb(value):
    """Raise the error that explains why value is not raster WKB (the domain's check
    calls this only for values that fail its quick test)."""
    wkb.read_header(value)
    raise InvalidRasterError("invalid raster wkb", hint=wkb.HEX_HINT)


@sql_function
def version():
    """plraster's version, as plraster_version() reports it."""
    return "plraster %s" % __version__
