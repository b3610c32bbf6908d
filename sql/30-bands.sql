-- Band accessors: ST_BandMetaData, ST_BandPixelType, ST_BandNoDataValue, ST_BandIsNoData,
-- ST_BandPath, ST_BandFileSize, ST_BandFileTimestamp and ST_MinPossibleValue, with
-- PostGIS 3.3's signatures, NOTICEs and NULLs. Out-db bands report their path, 1-based
-- band number, and the size and modification time of their file (stat for local files;
-- Content-Length and Last-Modified learnt by the out-db engine for remote objects), read
-- only under an out-db source (see sql/70-outdb.sql).

CREATE FUNCTION @extschema@.st_bandmetadata(rast @extschema@.raster, band integer[])
RETURNS TABLE(bandnum integer, pixeltype text, nodatavalue double precision,
              isoutdb boolean, path text, outdbbandnum integer,
              filesize bigint, filetimestamp bigint)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_metadata(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_bandmetadata(@extschema@.raster, integer[]) IS
  'args: rast, band - Returns basic meta data for a specific raster band. band num 1 is assumed if none-specified.';

CREATE FUNCTION @extschema@.st_bandmetadata(rast @extschema@.raster, band integer DEFAULT 1)
RETURNS TABLE(pixeltype text, nodatavalue double precision, isoutdb boolean, path text,
              outdbbandnum integer, filesize bigint, filetimestamp bigint)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_metadata_one(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_bandmetadata(@extschema@.raster, integer) IS
  'args: rast, band=1 - Returns basic meta data for a specific raster band. band num 1 is assumed if none-specified.';

CREATE FUNCTION @extschema@.st_bandpixeltype(rast @extschema@.raster, band integer DEFAULT 1)
RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_pixel_type(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_bandpixeltype(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the type of pixel for given band. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@.st_bandnodatavalue(rast @extschema@.raster, band integer DEFAULT 1)
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_nodata_value(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_bandnodatavalue(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the value in a given band that represents no data. If no band num 1 is assumed.';

CREATE FUNCTION @extschema@.st_bandisnodata(rast @extschema@.raster, band integer DEFAULT 1,
    forcechecking boolean DEFAULT false)
RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_is_nodata(rast, band, forcechecking)
$$;
COMMENT ON FUNCTION @extschema@.st_bandisnodata(@extschema@.raster, integer, boolean) IS
  'args: rast, band, forceChecking=true - Returns true if the band is filled with only nodata values.';

CREATE FUNCTION @extschema@.st_bandisnodata(rast @extschema@.raster, forcechecking boolean)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_bandisnodata(rast, 1, forcechecking);
COMMENT ON FUNCTION @extschema@.st_bandisnodata(@extschema@.raster, boolean) IS
  'args: rast, forceChecking=true - Returns true if the band is filled with only nodata values.';

CREATE FUNCTION @extschema@.st_bandpath(rast @extschema@.raster, band integer DEFAULT 1)
RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_path(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_bandpath(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns system file path to a band stored in file system. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@.st_bandfilesize(rast @extschema@.raster, band integer DEFAULT 1)
RETURNS bigint
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_file_size(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_bandfilesize(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the file size of a band stored in file system. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@.st_bandfiletimestamp(rast @extschema@.raster, band integer DEFAULT 1)
RETURNS bigint
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_file_timestamp(rast, band)
$$;
COMMENT ON FUNCTION @extschema@.st_bandfiletimestamp(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the file timestamp of a band stored in file system. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@.st_minpossiblevalue(pixeltype text) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.min_possible_value(pixeltype)
$$;
COMMENT ON FUNCTION @extschema@.st_minpossiblevalue(text) IS
  'args: pixeltype - Returns the minimum value this pixeltype can store.';
