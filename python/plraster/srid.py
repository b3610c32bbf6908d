"""Spatial reference identifiers as PostGIS keeps them."""

SRID_UNKNOWN = 0
SRID_MAXIMUM = 999999
SRID_USER_MAXIMUM = 998999


def clamp_srid(srid):
    """The SRID PostGIS keeps for a stored one: 0 for zero or negative values, and values
    above SRID_MAXIMUM folded into the reserved range, as PostGIS does on input (where it
    also says so in a NOTICE; plraster's accessors just report the kept value)."""
    if srid <= 0:
        return SRID_UNKNOWN
    if srid > SRID_MAXIMUM:
        return SRID_USER_MAXIMUM + 1 + srid % (SRID_MAXIMUM - SRID_USER_MAXIMUM - 1)
    return srid
