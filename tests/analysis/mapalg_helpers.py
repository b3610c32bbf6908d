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

SHOW_SQL = """
CREATE OR REPLACE FUNCTION public.mapalg_show(value double precision[][][], pos integer[][],
    VARIADIC userargs text[] DEFAULT NULL) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  total double precision := 0;
  v double precision;
BEGIN
  RAISE NOTICE 'value=% pos=% userargs=%', value, pos, userargs;
  FOREACH v IN ARRAY value LOOP
    IF v IS NOT NULL THEN total := total + v; END IF;
  END LOOP;
  IF userargs IS NOT NULL THEN total := total * userargs[1]::double precision; END IF;
  IF pos[0][1] = 2 THEN RETURN NULL; END IF;
  RETURN total + pos[0][2] * 0.25;
END $$
"""

SHOW = "'public.mapalg_show(double precision[],integer[],text[])'::regprocedure"


def random_raster(pixtype, width, height, seed, ul=(0.0, 0.0), nodata="auto", srid=4326,
                  skew=(0.0, 0.0), nodata_share=0.2):
    """Hex WKB of a one-band raster of random values of pixtype; some pixels nodata."""
    from rasters import pack, ramp
    import numpy as np
    data = ramp(pixtype, width, height, seed)
    if pixtype in ("32BF", "64BF"):
        data = (data / 1000.0).astype(data.dtype)
    band = {"pixtype": pixtype, "data": data}
    if nodata == "auto":
        nodata = data.flat[0].item()
        rng = np.random.default_rng(seed + 1)
        data[rng.random(data.shape) < nodata_share] = nodata
    if nodata is not None:
        band["nodata"] = nodata
    return pack(width, height, [band], ul=ul, srid=srid, skew=skew)


def drop_all(sql):
    """Remove every helper function."""
    drop_callbacks(sql)
    sql.run("DROP FUNCTION IF EXISTS public.mapalg_show(double precision[], integer[], text[])")


POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")


def write_tiled_geotiff(path, data, nodata):
    """A 16x16-tiled GeoTIFF of one band (data's type) at (10, 50), pixels of 0.001 degree."""
    import os
    from osgeo import gdal, gdal_array
    height, width = data.shape
    ds = gdal.GetDriverByName("GTiff").Create(
        str(path), width, height, 1, gdal_array.NumericTypeCodeToGDALTypeCode(data.dtype),
        options=["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
    ds.SetGeoTransform((10.0, 0.001, 0.0, 50.0, 0.0, -0.001))
    ds.GetRasterBand(1).WriteArray(data)
    ds.GetRasterBand(1).SetNoDataValue(nodata)
    ds = None
    os.chmod(path, 0o644)
    return str(path)


def outdb_session(db_url, directory):
    """A Session with PostGIS's out-db reading on and directory opened as a plraster source;
    a generator for a fixture (yields the session, then removes the source)."""
    import psycopg
    import conformance
    session = conformance.Session(db_url)
    session.conn.execute(POSTGIS_OUTDB)
    added = session.run("SELECT plraster.plraster_add_source(%s, %s::jsonb)",
                        (str(directory), psycopg.types.json.Jsonb({})))
    assert not added.failed, added
    yield session
    session.run("SELECT plraster.plraster_drop_source(%s)", (added.rows[0][0],))
    session.run("SELECT plraster.plraster_cache_reset()")
    session.close()
