"""Shared pieces of the map algebra tests: a trivial callback and rasters built in SQL."""

CALLBACK_SQL = """
CREATE OR REPLACE FUNCTION public.mapalg_one(value double precision[][][], pos integer[][],
    VARIADIC userargs text[] DEFAULT NULL) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$ SELECT 1::double precision $$
"""

ONE = "'public.mapalg_one(double precision[],integer[],text[])'::regprocedure"


def band_raster(s, width, height, ulx, uly, scalex=1, scaley=-1, skewx=0, skewy=0,
                srid=4326, pixtype="8BUI", value=1):
    """SQL for a one-band raster built with the functions of schema s."""
    return ("{s}.ST_AddBand({s}.ST_MakeEmptyRaster(%d, %d, %r, %r, %r, %r, %r, %r, %d), "
            "'%s'::text, %r::double precision, 0::double precision)"
            % (width, height, ulx, uly, scalex, scaley, skewx, skewy, srid, pixtype, value)
            ).replace("{s}", s)


def drop_callbacks(sql):
    """Remove the helper callbacks (each test leaves the database as it found it)."""
    sql.run("DROP FUNCTION IF EXISTS public.mapalg_one(double precision[], integer[], text[])")
