"""SQL adapters for sql/94-warp.sql: _ST_GdalWarp and the SRS lookup in spatial_ref_sys."""
import plpy

from plraster.core import wkb
from plraster.core.errors import InvalidParameterError
from plraster.functions import warp
from . import sql_function

_PLANS = {}


def extension_schema(name):
    """The quoted schema of installed extension `name` (postgis, plraster)."""
    rows = plpy.execute(plpy.prepare(
        "SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n "
        "ON n.oid OPERATOR(pg_catalog.=) e.extnamespace "
        "WHERE e.extname OPERATOR(pg_catalog.=) $1", ["name"]), [name])
    return plpy.quote_ident(rows[0]["nspname"])


def _srs_row(srid):
    """(auth_name, auth_srid, srtext, proj4text) of srid in PostGIS's spatial_ref_sys, or None."""
    plan = _PLANS.get("srs")
    if plan is None:
        plan = _PLANS["srs"] = plpy.prepare(
            "SELECT auth_name, auth_srid, srtext, proj4text FROM %s.spatial_ref_sys "
            "WHERE srid OPERATOR(pg_catalog.=) $1" % extension_schema("postgis"), ["integer"])
    rows = plpy.execute(plan, [srid])
    if not rows:
        return None
    row = rows[0]
    return row["auth_name"], row["auth_srid"], row["srtext"], row["proj4text"]


@sql_function
def gdal_warp(rast, algorithm, maxerr, srid, scalex, scaley, gridx, gridy, skewx, skewy,
              width, height):
    """_ST_GdalWarp."""
    if rast is None:
        return None
    return warp.gdal_warp(rast, algorithm, maxerr, srid, scalex, scaley, gridx, gridy,
                          skewx, skewy, width, height, srs_lookup=_srs_row)


@sql_function
def resize_text(rast, width, height, algorithm, maxerr):
    """ST_Resize(rast, text, text, ...)."""
    header = wkb.read_header(rast)
    w = warp.resize_size(width, header.width, "width")
    h = warp.resize_size(height, header.height, "height")
    return warp.gdal_warp(rast, algorithm, maxerr, width=w, height=h, srs_lookup=_srs_row)


@sql_function
def resize_fraction(rast, fwidth, fheight, algorithm, maxerr):
    """ST_Resize(rast, double precision, double precision, ...)."""
    header = wkb.read_header(rast)
    w = warp.resize_fraction(fwidth, header.width)
    h = warp.resize_fraction(fheight, header.height)
    return warp.gdal_warp(rast, algorithm, maxerr, width=w, height=h, srs_lookup=_srs_row)


@sql_function
def resample_to(rast, ref, algorithm, maxerr, usescale, transform):
    """ST_Resample(rast, ref, ...) (transform false) and ST_Transform(rast, alignto, ...)
    (transform true): warp to ref's grid, its scale (or size) and, for ST_Transform, its SRID."""
    header, grid = wkb.read_header(rast), wkb.read_header(ref)
    if transform:
        return warp.gdal_warp(rast, algorithm, maxerr, grid.srid, grid.scale_x, grid.scale_y,
                              grid.ip_x, grid.ip_y, grid.skew_x, grid.skew_y,
                              srs_lookup=_srs_row)
    if header.srid != grid.srid:
        raise InvalidParameterError(
            "the raster to be resampled has a different srid from the reference raster",
            detail="The raster has SRID %d, the reference SRID %d." % (header.srid, grid.srid))
    if usescale:
        return warp.gdal_warp(rast, algorithm, maxerr, None, grid.scale_x, grid.scale_y,
                              grid.ip_x, grid.ip_y, grid.skew_x, grid.skew_y,
                              srs_lookup=_srs_row)
    return warp.gdal_warp(rast, algorithm, maxerr, None, None, None, grid.ip_x, grid.ip_y,
                          grid.skew_x, grid.skew_y, grid.width, grid.height,
                          srs_lookup=_srs_row)
