"""SQL adapters for sql/00-types.sql: the raster domain's check and the version."""
from plraster import __version__
from plraster.core import messages, wkb
from plraster.core.errors import InvalidRasterError
from . import sql_function


@sql_function
def check_wkb(value):
    """The raster domain's full check, for values its quick test does not settle: True
    for whole raster WKB (with PostGIS's NOTICE for trailing bytes), else the error that
    says what is wrong (22P03)."""
    trailing = wkb.check_raster(value)
    if trailing:
        messages.notice("%d bytes of WKB remained unparsed" % trailing)
    return True


@sql_function
def reject_wkb(value):
    """The 0.1.0 install's check (until ALTER EXTENSION plraster UPDATE): the error that
    says why value, which failed its quick test, is not raster WKB."""
    wkb.read_header(value)
    raise InvalidRasterError("invalid raster wkb", hint=wkb.HEX_HINT)


@sql_function
def version():
    """plraster's version, as plraster_version() reports it."""
    return "plraster %s" % __version__
