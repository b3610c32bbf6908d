"""Spatial reference identifiers as PostGIS keeps them."""

from plraster.core import messages

SRID_UNKNOWN = 0
SRID_MAXIMUM = 999999
SRID_USER_MAXIMUM = 998999


def clamp_srid(srid, notice=False):
    """The SRID PostGIS keeps for a given one: 0 for zero or negative values, and values
    above SRID_MAXIMUM folded into the reserved range. With notice, say so as PostGIS does
    where it sets an SRID; accessors just report the kept value."""
    if srid <= 0:
        if notice and srid != SRID_UNKNOWN:
            messages.notice("SRID value %d converted to the officially unknown SRID value %d"
                            % (srid, SRID_UNKNOWN))
        return SRID_UNKNOWN
    if srid > SRID_MAXIMUM:
        new = SRID_USER_MAXIMUM + 1 + srid % (SRID_MAXIMUM - SRID_USER_MAXIMUM - 1)
        if notice:
            messages.notice("SRID value %d > SRID_MAXIMUM converted to %d" % (srid, new))
        return new
    return srid
