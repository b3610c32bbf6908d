-- formats: ST_AsGDALRaster, ST_AsTIFF, ST_AsPNG, ST_AsJPEG, ST_GDALDrivers,
-- ST_FromGDALRaster, plraster_gdal_version (PostGIS 3.3 signatures; postgis_gdal_version,
-- which calls it, is in 97-versions.sql).
-- GDAL writes and reads in /vsimem/ only. Which drivers may READ bytes is chosen by a
-- superuser in plraster_gdal_read_drivers (GTiff, PNG, JPEG, GIF by default): drivers such
-- as VRT, GTI, WMS or PostGISRaster read other files or URLs and stay closed.

CREATE TABLE @extschema@.plraster_gdal_read_drivers (
  short_name text PRIMARY KEY
);
INSERT INTO @extschema@.plraster_gdal_read_drivers VALUES ('GTiff'), ('PNG'), ('JPEG'), ('GIF');
REVOKE ALL ON TABLE @extschema@.plraster_gdal_read_drivers FROM PUBLIC;
GRANT SELECT ON TABLE @extschema@.plraster_gdal_read_drivers TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plraster_gdal_read_drivers', '');
COMMENT ON TABLE @extschema@.plraster_gdal_read_drivers IS
  'GDAL drivers ST_FromGDALRaster may read with; only its owner (a superuser) may change it. Never enable drivers that read other files or URLs (VRT, GTI, WMS, WMTS, XYZ, PostGISRaster...).';

-- A dump restores this table's rows after CREATE EXTENSION has inserted the default ones
-- again: a row already there is skipped, so that the restore does not fail on them (a
-- default a superuser deleted comes back after a restore).
CREATE FUNCTION @extschema@._plraster_gdal_read_drivers_skip_present() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM @extschema@.plraster_gdal_read_drivers d
             WHERE d.short_name OPERATOR(pg_catalog.=) NEW.short_name) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER plraster_gdal_read_drivers_skip_present
  BEFORE INSERT ON @extschema@.plraster_gdal_read_drivers
  FOR EACH ROW EXECUTE FUNCTION @extschema@._plraster_gdal_read_drivers_skip_present();

CREATE FUNCTION @extschema@.st_asgdalraster(rast @extschema@.raster, format text,
    options text[] DEFAULT NULL, srid integer DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_gdal_raster(rast, format, options, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_asgdalraster(@extschema@.raster, text, text[], integer) IS
  'args: rast, format, options=NULL, srid=sameassource - Return the raster tile in the designated GDAL Raster format (GTiff, COG, PNG, JPEG, ... see ST_GDALDrivers).';

CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, options text[] DEFAULT NULL,
    srid integer DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff(rast, None, options, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, text[], integer) IS
  'args: rast, options='''', srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, nbands integer[],
    options text[] DEFAULT NULL, srid integer DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff(rast, nbands, options, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, integer[], text[], integer) IS
  'args: rast, nbands, options, srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, compression text,
    srid integer DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff_compression(rast, None, compression, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, text, integer) IS
  'args: rast, compression='''', srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@.st_astiff(rast @extschema@.raster, nbands integer[],
    compression text, srid integer DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_tiff_compression(rast, nbands, compression, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_astiff(@extschema@.raster, integer[], text, integer) IS
  'args: rast, nbands, compression='''', srid=sameassource - Return the raster selected bands as a single TIFF image (byte array).';

CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, options text[] DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png(rast, None, options)
$$;
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, text[]) IS
  'args: rast, options=NULL - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nband integer,
    options text[] DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png(rast, [nband], options)
$$;
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer, text[]) IS
  'args: rast, nband, options=NULL - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nband integer, compression integer)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png_compression(rast, [nband], compression)
$$;
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer, integer) IS
  'args: rast, nband, compression - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nbands integer[],
    options text[] DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png(rast, nbands, options)
$$;
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer[], text[]) IS
  'args: rast, nbands, options=NULL - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@.st_aspng(rast @extschema@.raster, nbands integer[], compression integer)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_png_compression(rast, nbands, compression)
$$;
COMMENT ON FUNCTION @extschema@.st_aspng(@extschema@.raster, integer[], integer) IS
  'args: rast, nbands, compression - Return the raster tile selected bands as a single portable network graphics (PNG) image.';

CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, options text[] DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg(rast, None, options)
$$;
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, text[]) IS
  'args: rast, options=NULL - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nband integer,
    options text[] DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg(rast, [nband], options)
$$;
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer, text[]) IS
  'args: rast, nband, options=NULL - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nband integer, quality integer)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg_quality(rast, [nband], quality)
$$;
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer, integer) IS
  'args: rast, nband, quality - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nbands integer[],
    options text[] DEFAULT NULL)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg(rast, nbands, options)
$$;
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer[], text[]) IS
  'args: rast, nbands, options=NULL - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@.st_asjpeg(rast @extschema@.raster, nbands integer[], quality integer)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.as_jpeg_quality(rast, nbands, quality)
$$;
COMMENT ON FUNCTION @extschema@.st_asjpeg(@extschema@.raster, integer[], integer) IS
  'args: rast, nbands, quality - Return the raster tile selected bands as a single Joint Photographic Exports Group (JPEG) image (byte array).';

CREATE FUNCTION @extschema@.st_gdaldrivers(OUT idx integer, OUT short_name text,
    OUT long_name text, OUT can_read boolean, OUT can_write boolean, OUT create_options text)
RETURNS SETOF record
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.gdal_drivers()
$$;
COMMENT ON FUNCTION @extschema@.st_gdaldrivers() IS
  'Returns the GDAL drivers plraster may use: can_write for ST_AsGDALRaster, can_read for ST_FromGDALRaster (enabled in plraster_gdal_read_drivers by a superuser).';

CREATE FUNCTION @extschema@.st_fromgdalraster(gdaldata bytea, srid integer DEFAULT NULL)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.from_gdal_raster(gdaldata, srid)
$$;
COMMENT ON FUNCTION @extschema@.st_fromgdalraster(bytea, integer) IS
  'args: gdaldata, srid=NULL - Returns a raster from a supported GDAL raster file (only the drivers in plraster_gdal_read_drivers are used).';

CREATE FUNCTION @extschema@.plraster_gdal_version() RETURNS text
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import formats
return formats.gdal_version()
$$;
COMMENT ON FUNCTION @extschema@.plraster_gdal_version() IS
  'Reports the version of the GDAL library plraster uses (as postgis_gdal_version() words it).';
